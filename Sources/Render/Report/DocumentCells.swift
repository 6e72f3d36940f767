import Messages

/// A table's cells as a document shows them, before escaping: numbers with the document's
/// separators and, in a float column, the same decimals on every row, as many as the column
/// needs up to 2 (`82,33` and `90,00`); percentages `12,5 %`, dates `28/03/2023`, booleans
/// `có`/`không`, NULL empty.
struct DocumentCells {
  /// The header of each column.
  let headers: [String]
  /// The cell texts, row by row.
  let rows: [[String]]
  /// Whether each cell holds text from the data (text, dates), which must be escaped; numbers
  /// and booleans are written by us and need not be.
  let isData: [[Bool]]
  /// Whether each column is numeric (right-aligned).
  let isNumeric: [Bool]
  /// The alignment of each column.
  let alignments: [DisplayWidth.Alignment]
  /// Whether each column holds dates.
  let isDate: [Bool]

  init(_ table: Table, language: Language) {
    let format = DocumentFormatter(language: language)
    let decimals = table.columns.indices.map {
      CellText.decimals(table, column: $0, rowLimit: table.rows.count, minimum: 0, maximum: 2)
    }
    headers = table.columns.map(\.title)
    isNumeric = table.columns.map { $0.kind.isNumeric }
    alignments = table.columns.map(\.alignment)
    isDate = table.columns.map { $0.kind == .date }
    isData = table.rows.indices.map { row in
      table.columns.indices.map { column in
        switch table.cell(row, column) {
        case .text, .date: return true
        default: return false
        }
      }
    }
    rows = table.rows.indices.map { row in
      table.columns.indices.map { column in
        Self.text(
          table.cell(row, column), kind: table.columns[column].kind, decimals: decimals[column],
          format: format)
      }
    }
  }

  static func text(
    _ cell: Cell, kind: Column.Kind, decimals: Int, format: DocumentFormatter
  ) -> String {
    switch cell {
    case .null: return ""
    case .text(let text): return text
    case .date(let text): return format.date(text) ?? text
    case .boolean(let value):
      return (value ? Message.renderTrue : Message.renderFalse)(in: format.language)
    case .integer(let value):
      switch kind {
      case .percent: return format.percent(Double(value))
      case .number:  // a whole number among floats takes the column's decimals: 90,00 by 82,33
        return format.number(
          Double(value), maximumFractionDigits: decimals, minimumFractionDigits: decimals)
      default: return format.integer(value)
      }
    case .number(let value):
      if kind == .percent { return format.percent(value) }
      return format.number(
        value, maximumFractionDigits: decimals, minimumFractionDigits: decimals)
    }
  }
}
