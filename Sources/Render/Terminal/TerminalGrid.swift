/// A table's cells as terminal text, measured: what the box, markdown, line and card renderers
/// lay out.
struct TerminalGrid {
  /// The header of each column, on one line.
  var headers: [String]
  /// The shown rows' cells as text, on one line each.
  var cells: [[String]]
  /// Which cells are NULL (to dim them).
  var isNull: [[Bool]]
  /// The kind of each column.
  var kinds: [Column.Kind]
  /// The alignment of each column.
  var alignments: [DisplayWidth.Alignment]
  /// The widest value of each column, header excluded.
  var valueWidths: [Int]
  /// The width each column needs for its header and values.
  var naturalWidths: [Int]

  /// The first `rowLimit` rows of `table` as terminal text.
  init(
    _ table: Table, rowLimit: Int, nullText: String, minimumDecimals: Int,
    text: (String) -> String = TerminalText.singleLine
  ) {
    let rowCount = min(rowLimit, table.rows.count)
    let decimals = table.columns.indices.map {
      CellText.decimals(table, column: $0, rowLimit: rowCount, minimum: minimumDecimals, maximum: 2)
    }
    headers = table.columns.map { TerminalText.singleLine($0.title) }
    kinds = table.columns.map(\.kind)
    alignments = table.columns.map(\.alignment)
    cells = []
    isNull = []
    cells.reserveCapacity(rowCount)
    for row in 0..<rowCount {
      var line: [String] = []
      var nulls: [Bool] = []
      for column in table.columns.indices {
        let cell = table.cell(row, column)
        let shown: String
        switch cell {
        case .text(let value), .date(let value):
          shown = text(value)
        default:
          shown = CellText.terminal(
            cell, kind: kinds[column], decimals: decimals[column], nullText: nullText)
        }
        line.append(shown)
        nulls.append(cell.isNull)
      }
      cells.append(line)
      isNull.append(nulls)
    }
    let shownCells = cells
    let values = table.columns.indices.map { column in
      shownCells.reduce(0) { max($0, Self.width(of: $1[column])) }
    }
    let headerTexts = headers
    valueWidths = values
    naturalWidths = table.columns.indices.map { column in
      max(Self.width(of: headerTexts[column]), values[column])
    }
  }

  /// The width of a cell, the widest of its lines.
  static func width(of text: String) -> Int {
    guard text.contains(where: \.isNewline) else { return DisplayWidth.of(text) }
    return text.split(whereSeparator: \.isNewline).reduce(0) {
      max($0, DisplayWidth.of(String($1)))
    }
  }

  /// `plain` padded to `width` by `alignment`, with `styled` (the same text with ANSI styles) in
  /// its place, so escape sequences never count as columns.
  static func align(
    _ plain: String, to width: Int, alignment: DisplayWidth.Alignment, styled: String
  ) -> String {
    let missing = max(0, width - DisplayWidth.of(plain))
    let before: Int
    switch alignment {
    case .left: before = 0
    case .right: before = missing
    case .center: before = missing / 2
    }
    return String(repeating: " ", count: before) + styled
      + String(repeating: " ", count: missing - before)
  }
}
