extension Escape {
  /// A JSON string literal, quotes included: `"` and `\` escaped, control characters as `\n`,
  /// `\t`… or `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029` (safe inside JavaScript too).
  /// Other characters stay as UTF-8.
  ///
  ///     Escape.json("a\"b\n")  // "\"a\\\"b\\n\""
  ///
  /// - Parameter text: any text.
  public static func json(_ text: String) -> String {
    var result = "\""
    result.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{8}": result += "\\b"
      case "\u{C}": result += "\\f"
      case "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}":
        let hex = String(scalar.value, radix: 16, uppercase: false)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
