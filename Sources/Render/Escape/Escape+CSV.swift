extension Escape {
  /// A CSV field per RFC 4180: quoted, with inner quotes doubled, when it holds the delimiter,
  /// a quote, a line break, or leading or trailing spaces. For Excel, text that Excel would run
  /// as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, also after
  /// leading spaces) gets a leading `'`, which shows the text as typed (OWASP, "CSV Injection").
  ///
  ///     Escape.csvField("Đạ Sar, Lát")           // "\"Đạ Sar, Lát\""
  ///     Escape.csvField("+1", excel: true)       // "'+1"
  ///
  /// - Parameters:
  ///   - text: the field's text; numbers should be passed as their digits and `excel` false.
  ///   - delimiter: the field separator, `,` by default.
  ///   - excel: whether to neutralize formula-looking text.
  public static func csvField(_ text: String, delimiter: Character = ",", excel: Bool = false)
    -> String
  {
    let field = excel && looksLikeFormula(text) ? "'" + text : text
    var needsQuotes = field.first == " " || field.last == " "
    if !needsQuotes {
      for character in field
      where character == delimiter || character == "\"" || character.isNewline {
        needsQuotes = true
        break
      }
    }
    guard needsQuotes else { return field }
    var quoted = "\""
    for character in field {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }

  /// Whether a spreadsheet would read `text` as a formula: its first character, after spaces,
  /// is `=`, `+`, `-`, `@`, a tab or a carriage return.
  ///
  ///     Escape.looksLikeFormula("=1+1")  // true
  ///
  /// - Parameter text: a cell's text.
  public static func looksLikeFormula(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      switch scalar {
      case " ": continue
      case "=", "+", "-", "@", "\t", "\r": return true
      default: return false
      }
    }
    return false
  }
}
