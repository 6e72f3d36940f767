import Messages

/// Draws a table with Unicode box-drawing lines for a terminal: the console's `.mode box`.
///
/// Columns are measured in display width, so Vietnamese (NFC or NFD) and CJK text align.
/// When the table is wider than `width`, the widest columns shrink first, one column at a time,
/// and cells are cut with `…`: text columns down to 4 columns (or their natural width), other
/// columns never below their widest value, so a number is never cut (only its header may be).
/// If the table still does not fit, it is drawn wider and the terminal wraps it.
/// With `maxRows`, only the first rows are drawn, followed by a line `… còn N dòng nữa`
/// (`… N more rows`), which also counts rows the table does not hold (`totalRowCount`).
///
/// NULL reads `NULL` (dim when colored), so it differs from empty text; floats show the
/// decimals their column needs, at most 2, at least 1 (`2.0`, `82.33`).
///
///     BoxRenderer(width: 80, maxRows: 20, language: .vi).render(table)
///     // ┌────┬────────┐
///     // │ id │ name   │
///     // ├────┼────────┤
///     // │  1 │ Đạ Sar │
///     // └────┴────────┘
public struct BoxRenderer: Sendable {
  /// The terminal's width in columns; nil draws every column at its natural width.
  public var width: Int?
  /// How many rows to draw at most; nil draws all that the table holds.
  public var maxRows: Int?
  /// Whether headers are bold and NULLs dim.
  public var style: TerminalStyle
  /// What a NULL reads.
  public var nullText: String
  /// The language of the footer lines.
  public var language: Language

  /// The narrowest a text column is squeezed to (when it is wider than that).
  static let minimumTextWidth = 4

  /// A box renderer.
  ///
  ///     BoxRenderer(width: 100, maxRows: 50, style: .colored)
  ///
  /// - Parameters:
  ///   - width: the terminal width; nil for no limit.
  ///   - maxRows: the most rows drawn; nil for all.
  ///   - style: ANSI styles or none (the default).
  ///   - nullText: what a NULL reads, `NULL` by default.
  ///   - language: the language of the footer lines; the current one by default.
  public init(
    width: Int? = nil, maxRows: Int? = nil, style: TerminalStyle = .plain,
    nullText: String = "NULL", language: Language = .current
  ) {
    self.width = width
    self.maxRows = maxRows
    self.style = style
    self.nullText = nullText
    self.language = language
  }

  /// The table drawn as lines, each ending with a line break.
  ///
  ///     print(BoxRenderer(width: 80).render(table), terminator: "")
  ///
  /// - Parameter table: the table.
  public func render(_ table: Table) -> String {
    let shown = min(table.rows.count, max(0, maxRows ?? table.rows.count))
    let omitted = table.omittedRowCount + (table.rows.count - shown)
    guard !table.columns.isEmpty else {
      return TableFooter.lines(shown: shown, omitted: omitted, language: language)
    }
    let grid = TerminalGrid(table, rowLimit: shown, nullText: nullText, minimumDecimals: 1)
    let widths = fittedWidths(grid)

    var output = ""
    output += border("┌", "┬", "┐", widths)
    output += line(
      grid.headers, widths: widths, alignments: grid.alignments,
      styling: { cell, _ in style.bold(cell) })
    if shown > 0 { output += border("├", "┼", "┤", widths) }
    for row in 0..<shown {
      output += line(
        grid.cells[row], widths: widths, alignments: grid.alignments,
        styling: { cell, column in grid.isNull[row][column] ? style.dim(cell) : cell })
    }
    output += border("└", "┴", "┘", widths)
    output += TableFooter.lines(shown: shown, omitted: omitted, language: language)
    return output
  }

  /// The width of each column once squeezed to `width`.
  func fittedWidths(_ grid: TerminalGrid) -> [Int] {
    var widths = grid.naturalWidths
    guard let limit = width else { return widths }
    let floors = grid.naturalWidths.indices.map { column in
      grid.kinds[column] == .text
        ? min(grid.naturalWidths[column], Self.minimumTextWidth)
        : max(1, grid.valueWidths[column])
    }
    // Two spaces of padding and one rule per column, plus the closing rule.
    var total = widths.reduce(0, +) + 3 * widths.count + 1
    while total > limit {
      var widest: Int? = nil
      for column in widths.indices where widths[column] > floors[column] {
        if widest.map({ widths[column] > widths[$0] }) ?? true { widest = column }
      }
      guard let column = widest else { break }
      widths[column] -= 1
      total -= 1
    }
    return widths
  }

  /// One horizontal rule.
  func border(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
    left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle)
      + right + "\n"
  }

  /// One line of cells, cut and padded to `widths`, styled after padding is measured.
  func line(
    _ cells: [String], widths: [Int], alignments: [DisplayWidth.Alignment],
    styling: (String, Int) -> String
  ) -> String {
    var text = "│"
    for column in cells.indices {
      let cut = DisplayWidth.truncate(cells[column], to: widths[column])
      text +=
        " "
        + TerminalGrid.align(
          cut, to: widths[column], alignment: alignments[column],
          styled: styling(cut, column)) + " │"
    }
    return text + "\n"
  }
}
