extension Escape {
  /// Text for a Markdown paragraph or heading, shown literally by CommonMark, GitHub Flavored
  /// Markdown and older renderers alike.
  ///
  /// Inline markup characters (`\` `` ` `` `*` `_` `[` `]` `|` `~` `#` `$`) are escaped with a
  /// backslash; `&`, `<` and `>` become HTML references, so no raw HTML, entity or autolink
  /// survives. On each line, leading spaces are dropped (no code block) and a line starting with
  /// `-`, `+` or `=`, or with digits and `.` or `)`, is escaped (no list, setext heading or
  /// rule). Line breaks become hard breaks (two spaces and a newline); with `singleLine`, spaces.
  ///
  ///     Escape.markdown("*Đạ Sar* <b>")  // "\\*Đạ Sar\\* &lt;b&gt;"
  ///     Escape.markdown("1. bước")       // "1\\. bước"
  ///
  /// Bare URLs may still be turned into links by GitHub's autolink extension; their text is
  /// shown unchanged.
  ///
  /// - Parameters:
  ///   - text: text from the data.
  ///   - lineBreak: what joins the lines of a multi-line text; a Markdown hard break by default.
  public static func markdown(_ text: String, lineBreak: String = "  \n") -> String {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    return lines.map { markdownLine($0) }.joined(separator: lineBreak)
  }

  /// Text for a cell of a Markdown table: as `markdown(_:)`, with `|` escaped and line breaks
  /// written `<br>` (the only way to break a line in a table cell).
  ///
  ///     Escape.markdownCell("a|b\nc")  // "a\\|b<br>c"
  ///
  /// - Parameter text: text from the data.
  public static func markdownCell(_ text: String) -> String {
    markdown(text, lineBreak: "<br>")
  }

  /// One line of text with Markdown's inline and line-start markup escaped.
  static func markdownLine(_ line: Substring) -> String {
    let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
    var result = ""
    result.reserveCapacity(trimmed.utf8.count + 8)
    if let first = trimmed.first, first == "-" || first == "+" || first == "=" {
      result += "\\"
    }
    let digits = trimmed.prefix(while: \.isASCIIDigit)
    var escapeAt: Substring.Index? = nil
    if !digits.isEmpty, digits.endIndex < trimmed.endIndex,
      trimmed[digits.endIndex] == "." || trimmed[digits.endIndex] == ")"
    {
      escapeAt = digits.endIndex
    }
    for index in trimmed.indices {
      let character = trimmed[index]
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "$":
        result += "\\"
        result.append(character)
      case "\t":
        result += " "
      default:
        if index == escapeAt { result += "\\" }
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
          scalar.value < 0x20 || scalar.value == 0x7F
        {
          result.unicodeScalars.append(TerminalText.visible(scalar))
        } else {
          result.append(character)
        }
      }
    }
    return result
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0 to 9.
  fileprivate var isASCIIDigit: Bool {
    guard let ascii = asciiValue else { return false }
    return ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
  }
}
