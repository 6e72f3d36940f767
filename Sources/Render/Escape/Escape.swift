/// Escapes text from the data for each output format, so that no title, name or note can
/// inject markup, break a document, or run as a formula.
///
///     Escape.html("<script>alert(1)</script>")  // "&lt;script&gt;alert(1)&lt;/script&gt;"
///     Escape.json("Đạ \"Sar\"")                 // "\"Đạ \\\"Sar\\\"\""
///     Escape.csvField("=HYPERLINK(\"x\")", excel: true)  // "\"'=HYPERLINK(\"\"x\"\")\""
public enum Escape {
  /// Text for HTML element content or a double-quoted attribute: `&`, `<`, `>`, `"` and `'`
  /// become references, and characters XML 1.0 forbids (C0 controls other than tab, line feed
  /// and carriage return; U+FFFE, U+FFFF) become U+FFFD, so the same text is also valid in SVG.
  ///
  ///     Escape.html("Tom & \"Jerry\"")  // "Tom &amp; &quot;Jerry&quot;"
  ///
  /// - Parameter text: text from the data.
  public static func html(_ text: String) -> String {
    var needsWork = false
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
        UInt8(ascii: "'"), 0xEF:
        needsWork = true
      case 0x00..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D:
        needsWork = true
      default: continue
      }
      if needsWork { break }
    }
    guard needsWork else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Text for XML (SVG): the same escaping as `html(_:)`, which is valid XML 1.0.
  ///
  ///     Escape.xml("a < b")  // "a &lt; b"
  ///
  /// - Parameter text: text from the data.
  public static func xml(_ text: String) -> String {
    html(text)
  }
}
