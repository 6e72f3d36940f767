/// Writes a report's structure as JSON: title, language, header, and the blocks in order, tables
/// as arrays of objects (as `JSONRenderer`), charts with their categories and series. Values
/// are machine values: numbers unformatted, dates ISO.
///
///     JSONReportRenderer().render(report)
///     // {
///     //   "title": "Báo cáo",
///     //   "language": "vi",
///     //   "header": null,
///     //   "blocks": [
///     //     {"type": "paragraph", "text": "…"}
///     //   ]
///     // }
public struct JSONReportRenderer: Sendable {
  /// A renderer.
  ///
  ///     JSONReportRenderer().render(report)
  public init() {}

  /// The report as a JSON object, ending with a line break.
  ///
  ///     JSONReportRenderer().render(ReportDocument(title: "Báo cáo"))
  ///
  /// - Parameter report: the report.
  public func render(_ report: ReportDocument) -> String {
    var json = "{\n"
    json += "  \"title\": " + Escape.json(report.title) + ",\n"
    json += "  \"language\": " + Escape.json(report.language.rawValue) + ",\n"
    json += "  \"header\": " + (report.header.map(header) ?? "null") + ",\n"
    json += "  \"blocks\": ["
    json += report.blocks.isEmpty ? "" : "\n"
    json += report.blocks.map { "    " + block($0) }.joined(separator: ",\n")
    json += report.blocks.isEmpty ? "]\n" : "\n  ]\n"
    return json + "}\n"
  }

  /// The header as an object on one line.
  func header(_ header: OfficialHeader) -> String {
    let members: [(String, String?)] = [
      ("parent_organization", header.parentOrganization), ("organization", header.organization),
      ("number", header.number), ("place", header.place), ("date", header.date),
      ("motto", header.motto), ("document_type", header.documentType),
    ]
    return "{"
      + members.map { Escape.json($0.0) + ": " + ($0.1.map(Escape.json) ?? "null") }
      .joined(separator: ", ") + "}"
  }

  /// One block; a table or chart spreads over several lines.
  func block(_ block: ReportBlock) -> String {
    switch block {
    case .heading(let level, let text):
      return "{\"type\": \"heading\", \"level\": \(level), \"text\": \(Escape.json(text))}"
    case .paragraph(let text):
      return "{\"type\": \"paragraph\", \"text\": \(Escape.json(text))}"
    case .pageBreak:
      return "{\"type\": \"page_break\"}"
    case .table(let table, let caption):
      return "{\"type\": \"table\", \"caption\": " + (caption.map(Escape.json) ?? "null") + ", "
        + self.table(table) + "}"
    case .chart(let chart):
      return self.chart(chart)
    }
  }

  /// A table's members: columns, rows as objects, and the count of all rows.
  func table(_ table: Table) -> String {
    let columns = table.columns.map { column in
      "{\"name\": \(Escape.json(column.name)), \"label\": "
        + (column.label.map(Escape.json) ?? "null") + ", \"kind\": \"\(column.kind.rawValue)\"}"
    }
    let keys = JSONRenderer.uniqueKeys(table.columns.map(\.name)).map(Escape.json)
    let rows = table.rows.indices.map {
      "        " + JSONRenderer().object(table, row: $0, keys: keys)
    }
    var json = "\"columns\": [" + columns.joined(separator: ", ") + "],\n      \"rows\": ["
    json += rows.isEmpty ? "]" : "\n" + rows.joined(separator: ",\n") + "\n      ]"
    json += ", \"total_row_count\": \(table.totalRowCount ?? table.rows.count)"
    if table.footerRowCount > 0 { json += ", \"footer_row_count\": \(table.footerRowCount)" }
    return json
  }

  /// A chart's data.
  func chart(_ chart: Chart) -> String {
    func number(_ value: Double?) -> String {
      value.map { JSONRenderer.value(.number($0)) } ?? "null"
    }
    let series = chart.series.map { item in
      "{\"name\": \(Escape.json(item.name)), \"values\": ["
        + item.values.map(number).joined(separator: ", ") + "]}"
    }
    var json = "{\"type\": \"chart\", \"kind\": \"\(chart.kind.rawValue)\", "
    json += "\"title\": \(Escape.json(chart.title)), "
    json += "\"value_label\": " + (chart.valueLabel.map(Escape.json) ?? "null") + ", "
    json += "\"category_label\": " + (chart.categoryLabel.map(Escape.json) ?? "null") + ",\n      "
    json += "\"categories\": [" + chart.categories.map(Escape.json).joined(separator: ", ") + "],\n"
    json += "      \"series\": [" + series.joined(separator: ", ") + "]"
    if chart.kind == .histogram {
      json += ",\n      \"bin_edges\": [" + chart.binEdges.map(number).joined(separator: ", ") + "]"
    }
    return json + "}"
  }
}
