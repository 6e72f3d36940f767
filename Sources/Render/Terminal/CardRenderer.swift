import Messages

/// Shows a record as a vertical card: field names right-aligned on the left, values wrapped to
/// the terminal width on the right. The console prints a single record this way.
///
/// Names longer than a third of the width are cut with `…`; values keep their line breaks and
/// wrap at spaces. Several rows make several cards, separated by a blank line.
///
///     CardRenderer(width: 40).render(table)
///     //  code │ DK-2023-017
///     // title │ Du lịch cộng đồng gắn với
///     //       │ bảo tồn văn hóa Cơ Ho
///     //  unit │ Đảng bộ xã Đạ Sar
public struct CardRenderer: Sendable {
  /// The terminal's width in columns; nil never wraps.
  public var width: Int?
  /// How many rows to show at most; nil shows all.
  public var maxRows: Int?
  /// Whether names are bold and NULLs dim.
  public var style: TerminalStyle
  /// What a NULL reads.
  public var nullText: String
  /// The language of the footer line.
  public var language: Language

  /// A card renderer.
  ///
  ///     CardRenderer(width: 80, style: .colored)
  ///
  /// - Parameters:
  ///   - width: the terminal width; nil for no wrapping.
  ///   - maxRows: the most rows shown; nil for all.
  ///   - style: ANSI styles or none (the default).
  ///   - nullText: what a NULL reads, `NULL` by default.
  ///   - language: the language of the footer line; the current one by default.
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

  /// The rows as cards, each line ending with a line break.
  ///
  ///     CardRenderer(width: 60).render(table)
  ///
  /// - Parameter table: the table; usually one row.
  public func render(_ table: Table) -> String {
    let shown = min(table.rows.count, max(0, maxRows ?? table.rows.count))
    let omitted = table.omittedRowCount + (table.rows.count - shown)
    let grid = TerminalGrid(
      table, rowLimit: shown, nullText: nullText, minimumDecimals: 1,
      text: TerminalText.multiLine)
    var nameWidth = grid.headers.reduce(0) { max($0, DisplayWidth.of($1)) }
    if let width { nameWidth = min(nameWidth, max(4, width / 3)) }
    let valueWidth = width.map { max(8, $0 - nameWidth - 3) }
    let blank = String(repeating: " ", count: nameWidth)
    var output = ""
    for row in 0..<shown {
      if row > 0 { output += "\n" }
      for column in grid.headers.indices {
        let name = DisplayWidth.truncate(grid.headers[column], to: nameWidth)
        let value = grid.cells[row][column]
        let lines =
          valueWidth.map { DisplayWidth.wrap(value, width: $0) }
          ?? value.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(
            String.init)
        for (index, line) in lines.enumerated() {
          output +=
            index == 0
            ? TerminalGrid.align(name, to: nameWidth, alignment: .right, styled: style.bold(name))
            : blank
          let text = grid.isNull[row][column] ? style.dim(line) : line
          output += text.isEmpty ? " │\n" : " │ " + text + "\n"
        }
      }
    }
    output += TableFooter.lines(shown: shown, omitted: omitted, language: language)
    return output
  }
}
