import Messages

/// What a terminal renderer needs to know about where its output goes.
///
///     TerminalOptions(width: 120, maxRows: 40, style: .colored, language: .vi)
public struct TerminalOptions: Sendable, Hashable {
  /// The terminal's width; nil for none (a pipe).
  public var width: Int?
  /// How many rows to show at most; nil for all.
  public var maxRows: Int?
  /// ANSI styles or none.
  public var style: TerminalStyle
  /// What a NULL reads in box, line and card modes.
  public var nullText: String
  /// The language of footer lines.
  public var language: Language

  /// Options for a terminal renderer.
  ///
  ///     TerminalOptions(width: 80)
  ///
  /// - Parameters:
  ///   - width: the terminal width; nil for no limit.
  ///   - maxRows: the most rows shown; nil for all.
  ///   - style: ANSI styles or none (the default).
  ///   - nullText: what a NULL reads, `NULL` by default.
  ///   - language: the language of footer lines; the current one by default.
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
}
