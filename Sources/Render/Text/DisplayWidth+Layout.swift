extension DisplayWidth {
  /// Where text sits in a wider space.
  public enum Alignment: String, Sendable, CaseIterable {
    /// Text first, spaces after.
    case left
    /// Spaces first, text after: numbers.
    case right
    /// Spaces split on both sides, the extra one after.
    case center
  }

  /// `text` cut to at most `width` columns, ending with `ellipsis` when something was cut.
  /// Grapheme clusters are never split; a wide character that does not fit is left out whole, so
  /// the result may be narrower than `width`, as it is when spaces before the cut are dropped.
  ///
  ///     DisplayWidth.truncate("Đảng bộ xã Đạ Sar", to: 10)  // "Đảng bộ x…"
  ///     DisplayWidth.truncate("中文字", to: 4)                // "中…"
  ///
  /// - Parameters:
  ///   - text: the text.
  ///   - width: the columns available; 0 or less gives "".
  ///   - ellipsis: what marks the cut, `…` by default.
  public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    if width <= 0 { return "" }
    if of(text) <= width { return text }
    let ellipsisWidth = of(ellipsis)
    if ellipsisWidth > width { return String(prefix(of: text, width: width).text) }
    var kept = prefix(of: text, width: width - ellipsisWidth).text
    while kept.last?.isWhitespace == true { kept.removeLast() }  // "Cà phê…", not "Cà phê …"
    return kept + ellipsis
  }

  /// The longest start of `text` that fits in `width` columns, and its width.
  static func prefix(of text: String, width: Int) -> (text: Substring, width: Int) {
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let columns = of(text[index])
      if used + columns > width { break }
      used += columns
      end = text.index(after: index)
    }
    return (text[..<end], used)
  }

  /// `text` padded with spaces to `width` columns; text already as wide or wider is returned
  /// unchanged.
  ///
  ///     DisplayWidth.pad("Lát", to: 5)                    // "Lát  "
  ///     DisplayWidth.pad("42", to: 5, alignment: .right)  // "   42"
  ///
  /// - Parameters:
  ///   - text: the text.
  ///   - width: the columns to fill.
  ///   - alignment: where the text sits; left by default.
  public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
    let missing = width - of(text)
    if missing <= 0 { return text }
    switch alignment {
    case .left:
      return text + String(repeating: " ", count: missing)
    case .right:
      return String(repeating: " ", count: missing) + text
    case .center:
      let before = missing / 2
      return String(repeating: " ", count: before) + text
        + String(repeating: " ", count: missing - before)
    }
  }

  /// `text` broken into lines of at most `width` columns: at spaces when it can, inside a word
  /// (between grapheme clusters) when a word is wider than a line. Line breaks in the text are
  /// kept; spaces at a break are dropped.
  ///
  ///     DisplayWidth.wrap("Du lịch cộng đồng ở Đạ Sar", width: 12)
  ///     // ["Du lịch cộng", "đồng ở Đạ", "Sar"]
  ///
  /// - Parameters:
  ///   - text: the text.
  ///   - width: the columns of a line, at least 1.
  /// - Returns: at least one line (an empty text gives `[""]`).
  public static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
        var word = Substring(word)
        var wordWidth = of(String(word))
        if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while wordWidth > width {
          var piece = prefix(of: String(word), width: width)
          if piece.text.isEmpty {  // a wide character in a one-column line
            piece = (word.prefix(1), of(word.first!))
          }
          lines.append(String(piece.text))
          word = word.dropFirst(piece.text.count)
          wordWidth -= piece.width
        }
        line = String(word)
        lineWidth = wordWidth
      }
      lines.append(line)
    }
    return lines
  }
}
