import Messages

/// How the console prints a table: the modes of `.mode` that Render draws.
///
///     TableMode(rawValue: "box")!.render(table, options: TerminalOptions(width: 100))
public enum TableMode: String, Sendable, CaseIterable {
  /// Box-drawing table, squeezed to the width (`BoxRenderer`).
  case box
  /// Markdown table (`MarkdownRenderer`).
  case markdown
  /// RFC 4180 CSV (`CSVRenderer`).
  case csv
  /// CSV for Excel: byte order mark, formulas neutralized (`CSVRenderer`, `.excel`).
  case excel
  /// JSON array of objects (`JSONRenderer`).
  case json
  /// `name = value` lines as sqlite3's line mode (`LineRenderer`).
  case line
  /// One card per record (`CardRenderer`).
  case card

  /// The table in this mode. Box, markdown, line and card honor `maxRows` and add a
  /// "more rows" line; CSV and JSON write every row the table holds (their output is data).
  ///
  ///     TableMode.box.render(table, options: TerminalOptions(width: 80, maxRows: 20))
  ///
  /// - Parameters:
  ///   - table: the table.
  ///   - options: width, row limit, colors, NULL text and language.
  public func render(_ table: Table, options: TerminalOptions = TerminalOptions()) -> String {
    switch self {
    case .box:
      return BoxRenderer(
        width: options.width, maxRows: options.maxRows, style: options.style,
        nullText: options.nullText, language: options.language
      ).render(table)
    case .markdown:
      return MarkdownRenderer(maxRows: options.maxRows, language: options.language).render(table)
    case .csv:
      return CSVRenderer().render(table)
    case .excel:
      return CSVRenderer(dialect: .excel).render(table)
    case .json:
      return JSONRenderer().render(table)
    case .line:
      return LineRenderer(
        maxRows: options.maxRows, style: options.style, nullText: options.nullText,
        language: options.language
      ).render(table)
    case .card:
      return CardRenderer(
        width: options.width, maxRows: options.maxRows, style: options.style,
        nullText: options.nullText, language: options.language
      ).render(table)
    }
  }
}
