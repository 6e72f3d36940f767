import LuaBridge
import Messages
import Registry
import Render

/// The core functions `report.lua` is written on: labels for documents, number and date
/// formatting, checking charts, rendering and saving reports.
extension RegistryBinding {
  /// `core.language()`: the current language, `vi` or `en`.
  static func language(_ L: LuaStack) throws -> Int32 {
    L.push(Language.current.rawValue)
    return 1
  }

  /// `core.column_label(table, column, lang)`: the header documents give a registry column
  /// (`registrations.field` → `Lĩnh vực`), or nil.
  static func columnLabel(_ L: LuaStack) throws -> Int32 {
    let table = try L.string(1)
    let column = try L.string(2)
    let language = try L.optionalString(3).flatMap(Language.init(setting:)) ?? .current
    let labels = Message.reportColumnLabels
    if let label = labels[table + "." + column] ?? labels[column] {
      L.push(label(in: language))
    } else {
      L.pushNil()
    }
    return 1
  }

  /// `core.code_labels(table, column, lang)`: `{code = label}` for a coded column
  /// (`registrations.field`: `{economy = "Kinh tế", …}`), or nil.
  static func codeLabels(_ L: LuaStack) throws -> Int32 {
    let table = try L.string(1)
    let column = try L.string(2)
    let language = try L.optionalString(3).flatMap(Language.init(setting:)) ?? .current
    guard let labels = CodeLabels.labels(table: table, column: column) else {
      L.pushNil()
      return 1
    }
    L.newTable(hash: Int32(labels.count))
    for (code, label) in labels {
      L.push(label.template(in: language))
      L.rawSet(-2, code)
    }
    return 1
  }

  /// `core.report_format(kind, value, lang, decimals)`: a number (`1.234,5`), an integer, a
  /// percentage (`12,5 %`), a date (`28/03/2023`) or the long date of an official header
  /// (`ngày 28 tháng 3 năm 2023`), the document way; nil for a date that is none.
  static func reportFormat(_ L: LuaStack) throws -> Int32 {
    let kind = try L.string(1)
    let language = try L.optionalString(3).flatMap(Language.init(setting:)) ?? .current
    let format = DocumentFormatter(language: language)
    let decimals = Int(try L.integer(4, default: kind == "percent" ? 1 : 2))
    switch kind {
    case "date", "long_date":
      let text = try L.string(2)
      let result = kind == "date" ? format.date(text) : format.longDate(text)
      if let result { L.push(result) } else { L.pushNil() }
    case "percent":
      L.push(format.percent(try L.number(2), maximumFractionDigits: decimals))
    default:
      let value = try L.number(2)
      if L.isInteger(2) && L.isNoneOrNil(4) {
        L.push(format.integer(try L.integer(2)))
      } else {
        L.push(format.number(value, maximumFractionDigits: decimals))
      }
    }
    return 1
  }

  /// `core.report_chart(block)`: checks that a chart block can be drawn (raises what is wrong,
  /// so that the error points at the script's `r:chart{…}`).
  static func reportChart(_ L: LuaStack) throws -> Int32 {
    try L.check(1, is: .table)
    _ = try ReportReader.chart(L, at: 1)
    return 0
  }

  /// `core.report_render(report, format)`: the report as text in `format` (`html`, `md`,
  /// `markdown`, `csv`, `json`, or a file name ending so).
  static func reportRender(_ L: LuaStack) throws -> Int32 {
    try L.check(1, is: .table)
    let name = try L.string(2)
    let format =
      ReportFormat(rawValue: name == "md" ? "markdown" : name) ?? ReportFormat(path: name)
    guard let format else {
      throw LuaCallError.message(Message.reportUnknownFormat(["format": name]))
    }
    L.push(format.render(try ReportReader.document(L, at: 1)))
    return 1
  }

  /// `core.report_save(report, path)`: writes the report in the format its extension names,
  /// whole or not at all, mode 0600; returns the format's name.
  static func reportSave(_ L: LuaStack) throws -> Int32 {
    try L.check(1, is: .table)
    let path = try L.string(2)
    guard let format = ReportFormat(path: path) else {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      throw LuaCallError.message(Message.reportUnknownFormat(["format": name]))
    }
    try L.checkFileAccess(path, write: true)
    let text = format.render(try ReportReader.document(L, at: 1))
    try ReportFile.write(text, to: path)
    L.push(format.rawValue)
    return 1
  }
}
