/// Makes text from the data safe to print in a terminal.
///
/// Data may hold control characters: an escape sequence in a registration title must not recolor
/// or move the analyst's terminal, and a line break must not break a table. Control characters
/// are therefore shown, never sent: C0 controls as their Unicode control pictures (ESC as `␛`),
/// DEL as `␡`, C1 controls (such as the 8-bit CSI) as `�`.
///
///     TerminalText.singleLine("Đạ Sar\nLát")  // "Đạ Sar↵Lát"
///     TerminalText.singleLine("\u{1B}[31m")   // "␛[31m"
public enum TerminalText {
  /// `text` on one line: line breaks shown as `↵`, tabs as one space, other control characters
  /// as visible symbols.
  ///
  ///     TerminalText.singleLine("a\tb")  // "a b"
  ///
  /// - Parameter text: text from the data.
  public static func singleLine(_ text: String) -> String {
    guard hasControls(text) else { return text }
    var result = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\n":
        if !previousWasCR { result.append("↵") }
      case "\r": result.append("↵")
      case "\t": result.append(" ")
      default: result.append(visible(scalar))
      }
    }
    return String(result)
  }

  /// `text` with its line breaks kept as `\n` (CRLF and CR become `\n`), tabs as one space, and
  /// other control characters as visible symbols.
  ///
  ///     TerminalText.multiLine("a\r\nb\u{7}")  // "a\nb␇"
  ///
  /// - Parameter text: text from the data.
  public static func multiLine(_ text: String) -> String {
    guard hasControls(text) else { return text }
    var result = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\n":
        if !previousWasCR { result.append("\n") }
      case "\r": result.append("\n")
      case "\t": result.append(" ")
      default: result.append(visible(scalar))
      }
    }
    return String(result)
  }

  /// Whether `text` holds a C0 or C1 control character or DEL.
  static func hasControls(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte < 0x20 || byte == 0x7F { return true }
      if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }  // U+0080…U+009F
      previous = byte
    }
    return false
  }

  /// A printable stand-in for a control character; other characters unchanged.
  static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)!
    case 0x7F: return "\u{2421}"
    case 0x80..<0xA0: return "\u{FFFD}"
    default: return scalar
    }
  }
}
