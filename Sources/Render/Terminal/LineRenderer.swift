import Messages

/// Writes each row as `column = value` lines, as the sqlite3 shell's `.mode line`: names
/// right-aligned to the longest (at least 5 columns wide, as sqlite3 does), a blank line between
/// rows. A value with line breaks continues under its first line. An empty table reads
/// `(không có dòng nào)`.
///
///     LineRenderer().render(table)
///     //    id = 1
///     //  name = Đạ Sar
///     //
///     //    id = 2
///     //  name = Lát
public struct LineRenderer: Sendable {
  /// How many rows to write at most; nil writes all.
  public var maxRows: Int?
  /// Whether names are bold and NULLs dim.
  public var style: TerminalStyle
  /// What a NULL reads.
  public var nullText: String
  /// The language of the footer line.
  public var language: Language

  /// A line renderer.
  ///
  ///     LineRenderer(maxRows: 10, style: .colored)
  ///
  /// - Parameters:
  ///   - maxRows: the most rows written; nil for all.
  ///   - style: ANSI styles or none (the default).
  ///   - nullText: what a NULL reads, `NULL` by default.
  ///   - language: the language of the footer line; the current one by default.
  public init(
    maxRows: Int? = nil, style: TerminalStyle = .plain, nullText: String = "NULL",
    language: Language = .current
  ) {
    self.maxRows = maxRows
    self.style = style
    self.nullText = nullText
    self.language = language
  }

  /// The rows as `name = value` lines, each ending with a line break.
  ///
  ///     LineRenderer().render(table)
  ///
  /// - Parameter table: the table.
  public func render(_ table: Table) -> String {
    let shown = min(table.rows.count, max(0, maxRows ?? table.rows.count))
    let omitted = table.omittedRowCount + (table.rows.count - shown)
    let grid = TerminalGrid(
      table, rowLimit: shown, nullText: nullText, minimumDecimals: 1,
      text: TerminalText.multiLine)
    let nameWidth = grid.headers.reduce(5) { max($0, DisplayWidth.of($1)) }
    let indent = String(repeating: " ", count: nameWidth + 3)
    var output = ""
    for row in 0..<shown {
      if row > 0 { output += "\n" }
      for column in grid.headers.indices {
        let name = grid.headers[column]
        output += TerminalGrid.align(
          name, to: nameWidth, alignment: .right, styled: style.bold(name))
        output += " = "
        let value = grid.cells[row][column]
        let lines = value.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let styled = lines.map { grid.isNull[row][column] ? style.dim(String($0)) : String($0) }
        output += styled.joined(separator: "\n" + indent) + "\n"
      }
    }
    if omitted > 0 && shown > 0 { output += "\n" }
    return output + TableFooter.lines(shown: shown, omitted: omitted, language: language)
  }
}
