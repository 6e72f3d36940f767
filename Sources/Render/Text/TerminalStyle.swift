/// Whether terminal output carries ANSI styles: a bold header, a dim NULL.
///
/// The caller decides: colors only when writing to a terminal and `NO_COLOR` is unset.
///
///     let style = TerminalStyle(isColored: isatty(1) != 0 && environment["NO_COLOR"] == nil)
///     style.bold("Đơn vị")  // "\u{1B}[1mĐơn vị\u{1B}[0m" when colored
public struct TerminalStyle: Sendable, Hashable {
  /// Whether ANSI escape sequences are written.
  public var isColored: Bool

  /// A style that writes escape sequences when `isColored`.
  ///
  ///     TerminalStyle(isColored: false)  // same as .plain
  ///
  /// - Parameter isColored: whether to write ANSI styles.
  public init(isColored: Bool) {
    self.isColored = isColored
  }

  /// No escape sequences: for pipes, files and `NO_COLOR`.
  public static let plain = TerminalStyle(isColored: false)

  /// Bold headers and dim NULLs: for a terminal.
  public static let colored = TerminalStyle(isColored: true)

  /// `text` in bold when colored.
  ///
  ///     TerminalStyle.colored.bold("id")  // "\u{1B}[1mid\u{1B}[0m"
  ///
  /// - Parameter text: text without control characters.
  public func bold(_ text: String) -> String {
    isColored && !text.isEmpty ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
  }

  /// `text` dimmed when colored.
  ///
  ///     TerminalStyle.colored.dim("NULL")  // "\u{1B}[2mNULL\u{1B}[0m"
  ///
  /// - Parameter text: text without control characters.
  public func dim(_ text: String) -> String {
    isColored && !text.isEmpty ? "\u{1B}[2m" + text + "\u{1B}[0m" : text
  }
}
