/// How cells read in terminals and in machine formats (CSV), shared by the renderers so that a
/// value reads the same in every mode.
///
/// Terminal: integers as is; floats with the decimals of their column (at most 2, at least 1,
/// so a float stays recognizable as in Lua: `2.0`), in the shortest exact form when that would
/// hide the value (`1e-05`, `1e+20`); percent columns as `12.5%`; booleans `true`/`false`;
/// dates as ISO text; NULL as the renderer's null text. Machine: the full shortest round-trip
/// form of every number (`0.1`, `2.0`, `1e-05`).
enum CellText {
  /// Decimals for the floats of one column: as many as the values need after rounding to
  /// `maximum`, at least `minimum`.
  static func decimals(
    of cells: some Sequence<Cell>, kind: Column.Kind, minimum: Int, maximum: Int
  ) -> Int {
    if kind == .percent { return 0 }  // percentages choose their own, per value
    var needed = minimum
    for cell in cells {
      guard case .number(let value) = cell, let digits = DecimalDigits(value) else { continue }
      needed = max(needed, digits.rounded(fractionDigits: maximum).fractionDigitCount)
      if needed >= maximum { return maximum }
    }
    return needed
  }

  /// Decimals for the floats of column `column` of `table`, over its first `rowLimit` rows.
  static func decimals(
    _ table: Table, column: Int, rowLimit: Int, minimum: Int, maximum: Int
  ) -> Int {
    let cells = (0..<min(rowLimit, table.rows.count)).lazy.map { table.cell($0, column) }
    return decimals(
      of: cells, kind: table.columns[column].kind, minimum: minimum, maximum: maximum)
  }

  /// A cell as a terminal shows it, on one line, free of control characters.
  static func terminal(
    _ cell: Cell, kind: Column.Kind, decimals: Int, nullText: String
  ) -> String {
    switch cell {
    case .null: return nullText
    case .text(let text): return TerminalText.singleLine(text)
    case .date(let text): return TerminalText.singleLine(text)
    case .boolean(let value): return value ? "true" : "false"
    case .integer(let value):
      return kind == .percent ? percent(Double(value)) : String(value)
    case .number(let value):
      return kind == .percent ? percent(value) : fixed(value, decimals: decimals)
    }
  }

  /// `value` with exactly `decimals` decimals, or its shortest exact form when rounding would
  /// show zero for a value that is not, or the value is 10¹⁵ or more.
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard let digits = DecimalDigits(value) else { return machine(value) }
    let rounded = digits.rounded(fractionDigits: decimals)
    if (rounded.isZero && !digits.isZero) || digits.exponent > 15 {
      return machine(value)
    }
    return digits.formatted(minimumFractionDigits: decimals, maximumFractionDigits: decimals)
  }

  /// A share as a percentage with at most one decimal: `0.125` is `12.5%`.
  static func percent(_ fraction: Double) -> String {
    guard let digits = DecimalDigits(fraction * 100) else { return machine(fraction) }
    return digits.formatted(maximumFractionDigits: 1) + "%"
  }

  /// The shortest text that reads back as the same `Double`: `0.1`, `2.0`, `1e-05`; `nan`,
  /// `inf`, `-inf` for the others.
  static func machine(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return value.description
  }
}
