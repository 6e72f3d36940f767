/// Measures text in terminal columns, as a terminal draws it.
///
/// Width is counted per grapheme cluster (a `Character`), so a letter and its combining marks
/// take the columns of the letter alone: Vietnamese reads the same in NFC and in NFD.
///
/// - Combining marks (Mn, Me), format characters (Cf: ZWJ, soft hyphen, bidi marks), Hangul
///   medial vowels and final consonants, and control characters take 0 columns.
/// - East Asian Wide and Fullwidth characters (CJK, Hangul syllables, fullwidth forms, emoji with
///   emoji presentation) take 2; see `wideRanges`. Ambiguous-width characters (`…`, box
///   drawing, Greek) take 1, as in every non-CJK locale.
/// - An emoji ZWJ sequence (👩‍💻) is one glyph in current terminals: it takes the width of its
///   first emoji, 2. A text-default emoji followed by VS16 (`❤️`) takes 2; skin-tone modifiers
///   after an emoji add nothing; a regional-indicator pair (a flag) takes 2.
///
///     DisplayWidth.of("Đạ Sar")  // 6, in NFC and in NFD
///     DisplayWidth.of("中文")     // 4
///     DisplayWidth.of("👍🏽")     // 2
public enum DisplayWidth {
  /// The columns `text` takes in a terminal.
  ///
  ///     DisplayWidth.of("Lạc Dương")  // 9
  ///
  /// - Parameter text: the text, which should hold no control characters (they count 0).
  public static func of(_ text: String) -> Int {
    var asciiColumns = 0
    var isPrintableASCII = true
    for byte in text.utf8 {
      guard byte >= 0x20 && byte < 0x7F else {
        isPrintableASCII = false
        break
      }
      asciiColumns += 1
    }
    if isPrintableASCII { return asciiColumns }
    var columns = 0
    for character in text { columns += of(character) }
    return columns
  }

  /// The columns one grapheme cluster takes: 0, 1 or 2.
  ///
  ///     DisplayWidth.of(Character("ạ"))  // 1
  ///
  /// - Parameter character: the grapheme cluster.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count == 1 { return of(first) }
    var columns = 0
    var previous: Unicode.Scalar? = nil
    for scalar in scalars {
      defer { previous = scalar }
      if let previous, previous.value == 0x200D {
        continue  // joined to the glyph before it (emoji ZWJ sequence)
      }
      switch scalar.value {
      case 0xFE0F:  // VS16: emoji presentation of a text-default emoji
        if columns == 1 && first.properties.isEmoji { columns = 2 }
      case 0x1F3FB...0x1F3FF where columns > 0:  // skin tone after an emoji base
        break
      case 0x1F1E6...0x1F1FF where previous.map({ (0x1F1E6...0x1F1FF).contains($0.value) }) == true:
        columns = 2  // the second regional indicator of a flag
      default:
        columns += of(scalar)
      }
    }
    return columns > 2 && isWideCluster(scalars) ? 2 : columns
  }

  /// The columns one code point takes on its own: 0, 1 or 2.
  ///
  ///     DisplayWidth.of(Unicode.Scalar(0x0301)!)  // 0 (combining acute accent)
  ///
  /// - Parameter scalar: the code point.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
    if value >= 0x1160 && value <= 0x11FF { return 0 }  // Hangul medial vowels, finals
    if value >= 0xD7B0 && value <= 0xD7FF { return 0 }  // Hangul Jamo Extended-B
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    return isWide(value) ? 2 : 1
  }

  /// Whether `value` is East Asian Wide or Fullwidth, by binary search in `wideRanges`.
  static func isWide(_ value: UInt32) -> Bool {
    if value < 0x1100 { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Whether a cluster is a single glyph that should not take more than 2 columns: a cluster
  /// starting with a wide character, whose other parts join or modify it.
  private static func isWideCluster(_ scalars: Character.UnicodeScalarView) -> Bool {
    guard let first = scalars.first else { return false }
    return isWide(first.value) || first.properties.isEmoji
  }
}
