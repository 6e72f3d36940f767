import Messages

/// Writes a report as Markdown (GitHub Flavored tables): the header as bold lines, headings,
/// paragraphs, tables with the document's number formatting, charts as their data tables, page
/// breaks as rules. Every text from the data is escaped (`Escape.markdown`), so it cannot
/// become markup or HTML.
///
///     let markdown = MarkdownReportRenderer().render(report)
public struct MarkdownReportRenderer: Sendable {
  /// A renderer.
  ///
  ///     MarkdownReportRenderer().render(report)
  public init() {}

  /// The report in Markdown, ending with a line break.
  ///
  ///     MarkdownReportRenderer().render(ReportDocument(title: "Báo cáo"))  // "# Báo cáo\n"
  ///
  /// - Parameter report: the report.
  public func render(_ report: ReportDocument) -> String {
    let language = report.language
    var parts: [String] = []
    if let header = report.header {
      var issuer: [String] = []
      if let parent = header.parentOrganization, !parent.isEmpty {
        issuer.append("**" + Escape.markdown(parent) + "**")
      }
      if !header.organization.isEmpty {
        issuer.append("**" + Escape.markdown(header.organization) + "**")
      }
      if let number = header.numberLine(language: language) {
        issuer.append(Escape.markdown(number))
      }
      if !issuer.isEmpty { parts.append(issuer.joined(separator: "  \n")) }
      var motto = ["**" + Escape.markdown(header.motto) + "**"]
      if let date = header.dateLine(language: language) {
        motto.append("*" + Escape.markdown(date) + "*")
      }
      parts.append(motto.joined(separator: "  \n"))
      if let type = header.documentType, !type.isEmpty {
        parts.append("**" + Escape.markdown(type) + "**")
      }
    }
    parts.append("# " + Escape.markdown(report.title, lineBreak: " "))
    for block in report.blocks {
      switch block {
      case .heading(let level, let text):
        parts.append(
          String(repeating: "#", count: min(max(level, 1), 4) + 1) + " "
            + Escape.markdown(text, lineBreak: " "))
      case .paragraph(let text):
        parts.append(Escape.markdown(text))
      case .table(let table, let caption):
        if let caption, !caption.isEmpty { parts.append("**" + Escape.markdown(caption) + "**") }
        parts.append(self.table(table, language: language))
      case .chart(let chart):
        let caption = Message.renderChartData(["title": chart.title], in: language)
        parts.append("**" + Escape.markdown(caption) + "**")
        parts.append(self.table(chart.dataTable(language: language), language: language))
      case .pageBreak:
        parts.append("---")
      }
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// A table with the document's formatting, padded in display width, and a line for rows
  /// left out.
  func table(_ table: Table, language: Language) -> String {
    let cells = DocumentCells(table, language: language)
    let headers = cells.headers.map { Escape.markdownCell($0) }
    let footerStart = cells.rows.count - min(max(table.footerRowCount, 0), cells.rows.count)
    let rows = cells.rows.indices.map { row in
      cells.rows[row].indices.map { column in
        let text = cells.rows[row][column]
        let cell = cells.isData[row][column] ? Escape.markdownCell(text) : text
        return row >= footerStart && !cell.isEmpty ? "**" + cell + "**" : cell
      }
    }
    let widths = headers.indices.map { column in
      rows.reduce(max(3, DisplayWidth.of(headers[column]))) {
        max($0, DisplayWidth.of($1[column]))
      }
    }
    func line(_ texts: [String]) -> String {
      "| "
        + texts.indices.map {
          DisplayWidth.pad(texts[$0], to: widths[$0], alignment: cells.alignments[$0])
        }.joined(separator: " | ") + " |"
    }
    var lines = [line(headers)]
    lines.append(
      "|"
        + widths.indices.map { column -> String in
          switch cells.alignments[column] {
          case .left: return String(repeating: "-", count: widths[column] + 2)
          case .right: return String(repeating: "-", count: widths[column] + 1) + ":"
          case .center: return ":" + String(repeating: "-", count: widths[column]) + ":"
          }
        }.joined(separator: "|") + "|")
    lines += rows.map(line)
    var text = lines.joined(separator: "\n")
    if table.omittedRowCount > 0 {
      text += "\n\n*" + TableFooter.moreRows(table.omittedRowCount, language: language) + "*"
    }
    return text
  }
}
