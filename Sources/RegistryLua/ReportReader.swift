import LuaBridge
import Messages
import Render

/// Reads the reports `report.lua` builds — plain Lua tables, so a script can look inside them —
/// into Render's documents and charts.
///
///     -- what report.lua keeps (r is the report object itself)
///     {title = "…", lang = "vi", header = {organization = "…", number = "…", date = "2023-03-28"},
///      blocks = {{type = "heading", level = 1, text = "…"},
///                {type = "table", caption = "…", columns = {"unit", "n"}, labels = {…},
///                 kinds = {…}, rows = {{"Lát", 3}, …}, total = 9, footer = 1},
///                {type = "chart", kind = "bar", title = "…", categories = {…},
///                 series = {{name = "…", values = {…}}}, count = 9}}}
///
/// Tables are read as the console reads what it prints (`Presentation.table`); a text column
/// whose every value is an ISO date becomes a date column, which documents write `28/03/2023`.
enum ReportReader {
  /// The document of the report table at `index`.
  ///
  /// - Throws: `ChartError` for a chart that cannot be drawn.
  static func document(_ L: LuaStack, at index: Int32) throws -> ReportDocument {
    let report = L.absolute(index)
    let language = self.language(L, report)
    var document = ReportDocument(
      title: string(L, report, "title") ?? "", header: header(L, report), language: language)
    let base = L.top
    defer { L.top = base }
    guard L.rawGet(report, "blocks") == .table else { return document }
    let blocks = L.top
    for position in stride(from: 1, through: L.rawLength(blocks), by: 1) {
      L.rawGet(blocks, position)
      defer { L.pop() }
      let block = L.top
      switch string(L, block, "type") {
      case "heading":
        document.append(
          .heading(
            level: Int(integer(L, block, "level") ?? 1), text: string(L, block, "text") ?? ""))
      case "paragraph":
        document.append(.paragraph(string(L, block, "text") ?? ""))
      case "table":
        document.append(.table(table(L, at: block), caption: string(L, block, "caption")))
      case "chart":
        document.append(.chart(try chart(L, at: block)))
      case "page_break":
        document.append(.pageBreak)
      default:
        continue
      }
    }
    return document
  }

  /// The language of the report at `index`: its `lang`, else the current one.
  static func language(_ L: LuaStack, _ index: Int32) -> Language {
    string(L, index, "lang").flatMap(Language.init(setting:)) ?? .current
  }

  /// The official header, when the report has one.
  static func header(_ L: LuaStack, _ report: Int32) -> OfficialHeader? {
    let base = L.top
    defer { L.top = base }
    guard L.rawGet(report, "header") == .table else { return nil }
    let header = L.top
    var result = OfficialHeader(
      parentOrganization: string(L, header, "parent"),
      organization: string(L, header, "organization") ?? "",
      number: string(L, header, "number"), place: string(L, header, "place"),
      date: string(L, header, "date"), documentType: string(L, header, "type"))
    if let motto = string(L, header, "motto") { result.motto = motto }
    return result
  }

  /// A table block: the tabulation, its headers (`labels`) and column kinds (`kinds`), both
  /// by column position, and how many last rows are totals (`footer`).
  static func table(_ L: LuaStack, at index: Int32) -> Table {
    let block = L.absolute(index)
    var table = Presentation.table(L, tabulation: block)
    let labels = strings(L, block, "labels", count: table.columns.count)
    let kinds = strings(L, block, "kinds", count: table.columns.count)
    for column in table.columns.indices {
      let name = table.columns[column].name
      var kind = table.columns[column].kind
      if let asked = kinds[column].flatMap(Column.Kind.init(rawValue:)) {
        kind = asked
      } else if kind == .text && isDateColumn(table, column) {
        kind = .date
      }
      if kind == .date {
        for row in table.rows.indices where column < table.rows[row].count {
          if case .text(let text) = table.rows[row][column], ISODate(text) != nil {
            table.rows[row][column] = .date(text)
          }
        }
      }
      table.columns[column] = Column(name, label: labels[column], kind: kind)
    }
    table.footerRowCount = Int(integer(L, block, "footer") ?? 0)
    return table
  }

  /// Whether every value of a text column is an ISO date (and there is one).
  static func isDateColumn(_ table: Table, _ column: Int) -> Bool {
    var sawDate = false
    for row in table.rows.indices {
      switch table.cell(row, column) {
      case .null: continue
      case .text(let text):
        guard text.utf8.count == 10, ISODate(text) != nil else { return false }
        sawDate = true
      default: return false
      }
    }
    return sawDate
  }

  /// A chart block, checked by Render's factories.
  ///
  /// - Throws: `ChartError` when the data cannot make that chart.
  static func chart(_ L: LuaStack, at index: Int32) throws -> Chart {
    let block = L.absolute(index)
    let title = string(L, block, "title") ?? ""
    let valueLabel = string(L, block, "value_label")
    let categoryLabel = string(L, block, "category_label")
    if string(L, block, "kind") == "histogram" {
      let values = numbers(L, block, "values", count: Int(integer(L, block, "count") ?? 0))
      return try Chart.histogram(
        title: title, values: values.compactMap { $0 }, binWidth: number(L, block, "bin_width"),
        valueLabel: valueLabel)
    }
    let count = Int(integer(L, block, "count") ?? 0)
    let categories = strings(L, block, "categories", count: count).map { $0 ?? "" }
    var series: [ChartSeries] = []
    let base = L.top
    if L.rawGet(block, "series") == .table {
      let list = L.top
      for position in stride(from: 1, through: L.rawLength(list), by: 1) {
        L.rawGet(list, position)
        series.append(
          ChartSeries(
            string(L, L.top, "name") ?? "", values: numbers(L, L.top, "values", count: count)))
        L.pop()
      }
    }
    L.top = base
    switch string(L, block, "kind") {
    case "stacked":
      return try Chart.stacked(
        title: title, categories: categories, series: series, valueLabel: valueLabel,
        categoryLabel: categoryLabel)
    case "line":
      return try Chart.line(
        title: title, categories: categories, series: series, valueLabel: valueLabel,
        categoryLabel: categoryLabel)
    default:
      return try Chart.bar(
        title: title, categories: categories, series: series, valueLabel: valueLabel,
        categoryLabel: categoryLabel)
    }
  }

  // MARK: Fields

  /// The string field `key` of the table at `index`, or nil.
  static func string(_ L: LuaStack, _ index: Int32, _ key: String) -> String? {
    defer { L.pop() }
    return L.rawGet(index, key) == .string ? L.toString(-1) : nil
  }

  /// The integer field `key` of the table at `index`, or nil.
  static func integer(_ L: LuaStack, _ index: Int32, _ key: String) -> Int64? {
    defer { L.pop() }
    return L.rawGet(index, key) == .number ? L.toInteger(-1) : nil
  }

  /// The number field `key` of the table at `index`, or nil.
  static func number(_ L: LuaStack, _ index: Int32, _ key: String) -> Double? {
    defer { L.pop() }
    return L.rawGet(index, key) == .number ? L.toNumber(-1) : nil
  }

  /// `count` strings of the array field `key` (nil where there is none).
  static func strings(_ L: LuaStack, _ index: Int32, _ key: String, count: Int) -> [String?] {
    let base = L.top
    defer { L.top = base }
    guard L.rawGet(index, key) == .table else { return Array(repeating: nil, count: count) }
    return (0..<count).map { offset in
      defer { L.pop() }
      return L.rawGet(-1, offset + 1) == .string ? L.toString(-1) : nil
    }
  }

  /// `count` numbers of the array field `key` (nil where there is none).
  static func numbers(_ L: LuaStack, _ index: Int32, _ key: String, count: Int) -> [Double?] {
    let base = L.top
    defer { L.top = base }
    guard L.rawGet(index, key) == .table else { return Array(repeating: nil, count: count) }
    return (0..<count).map { offset in
      defer { L.pop() }
      return L.rawGet(-1, offset + 1) == .number ? L.toNumber(-1) : nil
    }
  }
}
