/// Writes a table as CSV: RFC 4180 (header line, fields quoted when needed, CRLF line ends), or
/// ready for Excel.
///
/// The Excel dialect starts with a UTF-8 byte order mark (so Excel reads Vietnamese correctly),
/// writes booleans `TRUE`/`FALSE`, and prefixes text that Excel would run as a formula (`=`, `+`,
/// `-`, `@`, tab, carriage return) with `'`. Numbers are never prefixed: `-1` stays a number.
/// Numbers are written in full (`0.1`, `82.33333333333333`, `2.0`) with a decimal point; dates
/// as ISO text; NULL as an empty field. Every row of the table is written: CSV never shows a
/// "more rows" line.
///
///     CSVRenderer().render(table)
///     // "code,title\r\nDK-2023-017,\"Du lịch, cộng đồng\"\r\n"
///     CSVRenderer(dialect: .excel).render(table)  // "\u{FEFF}code,title\r\n…"
public struct CSVRenderer: Sendable {
  /// The flavor of CSV.
  public enum Dialect: String, Sendable, CaseIterable {
    /// RFC 4180, for programs.
    case standard
    /// For spreadsheets: byte order mark, formula-looking text neutralized.
    case excel
  }

  /// The flavor of CSV.
  public var dialect: Dialect
  /// The field separator: `,` by default; `;` for an Excel whose list separator is `;`.
  public var delimiter: Character
  /// Whether the first line names the columns (their labels when set).
  public var hasHeader: Bool

  /// A CSV renderer.
  ///
  ///     CSVRenderer(dialect: .excel, delimiter: ";")
  ///
  /// - Parameters:
  ///   - dialect: standard (the default) or Excel.
  ///   - delimiter: the field separator.
  ///   - hasHeader: whether to write the header line (yes by default).
  public init(dialect: Dialect = .standard, delimiter: Character = ",", hasHeader: Bool = true) {
    self.dialect = dialect
    self.delimiter = delimiter
    self.hasHeader = hasHeader
  }

  /// The table as CSV, every line ending with CRLF; in the Excel dialect, with a byte order mark.
  ///
  ///     CSVRenderer(dialect: .excel).render(table)
  ///
  /// - Parameter table: the table.
  public func render(_ table: Table) -> String {
    var output = dialect == .excel ? "\u{FEFF}" : ""
    output += lines(table)
    return output
  }

  /// The table's lines without a byte order mark: to put several tables in one file.
  func lines(_ table: Table) -> String {
    var output = ""
    if hasHeader {
      output += line(table.columns.map { field($0.title) })
    }
    for row in table.rows.indices {
      output += line(table.columns.indices.map { field(table.cell(row, $0)) })
    }
    return output
  }

  /// One record, with its CRLF.
  func line(_ fields: [String]) -> String {
    fields.joined(separator: String(delimiter)) + "\r\n"
  }

  /// A text field, quoted and neutralized as the dialect asks.
  func field(_ text: String) -> String {
    Escape.csvField(text, delimiter: delimiter, excel: dialect == .excel)
  }

  /// A cell as a field.
  func field(_ cell: Cell) -> String {
    switch cell {
    case .null: return ""
    case .text(let text), .date(let text): return field(text)
    case .integer(let value): return String(value)
    case .number(let value): return CellText.machine(value)
    case .boolean(let value):
      switch dialect {
      case .standard: return value ? "true" : "false"
      case .excel: return value ? "TRUE" : "FALSE"
      }
    }
  }
}
