import Messages

/// Writes a table as a GitHub Flavored Markdown table, padded in display width so it also reads
/// well in a terminal: the console's `.mode markdown`.
///
/// Text from the data is escaped (`Escape.markdownCell`): pipes, markup and HTML cannot break
/// the table or inject anything; line breaks become `<br>`. Numbers are right-aligned (`---:`)
/// and read as in box mode; NULL is an empty cell, as Markdown is meant for documents. With
/// `maxRows`, a line `… N more rows` follows the table.
///
///     MarkdownRenderer().render(table)
///     // | id | name   |
///     // |---:|--------|
///     // |  1 | Đạ Sar |
public struct MarkdownRenderer: Sendable {
  /// How many rows to write at most; nil writes all.
  public var maxRows: Int?
  /// The language of the footer line.
  public var language: Language

  /// A Markdown renderer.
  ///
  ///     MarkdownRenderer(maxRows: 100, language: .en)
  ///
  /// - Parameters:
  ///   - maxRows: the most rows written; nil for all.
  ///   - language: the language of the footer line; the current one by default.
  public init(maxRows: Int? = nil, language: Language = .current) {
    self.maxRows = maxRows
    self.language = language
  }

  /// The table in Markdown, each line ending with a line break.
  ///
  ///     MarkdownRenderer().render(table)
  ///
  /// - Parameter table: the table.
  public func render(_ table: Table) -> String {
    let shown = min(table.rows.count, max(0, maxRows ?? table.rows.count))
    let omitted = table.omittedRowCount + (table.rows.count - shown)
    guard !table.columns.isEmpty else {
      return TableFooter.lines(shown: shown, omitted: omitted, language: language)
    }
    let grid = TerminalGrid(
      table, rowLimit: shown, nullText: "", minimumDecimals: 1, text: Escape.markdownCell)
    let headers = table.columns.map { Escape.markdownCell($0.title) }
    let widths = grid.naturalWidths.indices.map {
      max(3, DisplayWidth.of(headers[$0]), grid.valueWidths[$0])
    }
    var output = row(headers, widths: widths, alignments: grid.alignments)
    output += "|"
    for column in widths.indices {
      switch grid.alignments[column] {
      case .left: output += String(repeating: "-", count: widths[column] + 2)
      case .right: output += String(repeating: "-", count: widths[column] + 1) + ":"
      case .center: output += ":" + String(repeating: "-", count: widths[column]) + ":"
      }
      output += "|"
    }
    output += "\n"
    for cells in grid.cells {
      output += row(cells, widths: widths, alignments: grid.alignments)
    }
    if omitted > 0 {
      output += "\n" + TableFooter.moreRows(omitted, language: language) + "\n"
    }
    return output
  }

  /// One row of cells, padded.
  func row(_ cells: [String], widths: [Int], alignments: [DisplayWidth.Alignment]) -> String {
    var line = "|"
    for column in cells.indices {
      line +=
        " " + DisplayWidth.pad(cells[column], to: widths[column], alignment: alignments[column])
        + " |"
    }
    return line + "\n"
  }
}
