/// Closeness of texts, for "did you mean" suggestions and for flagging possible re-use of a
/// model under a new title. Texts are compared folded (``VietnameseText/fold(_:)``), so accents,
/// case and `đ`/`d` do not count.
public enum Similarity {
  /// The edit distance between two byte strings: insertions, deletions, substitutions and
  /// transpositions of neighbours ("titel" is one edit from "title").
  static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }

  /// The edit distance between the folded forms of two texts.
  ///
  ///     Similarity.editDistance("Đạ Sar", "da sa")  // 1
  public static func editDistance(_ a: String, _ b: String) -> Int {
    distance(Array(VietnameseText.fold(a).utf8), Array(VietnameseText.fold(b).utf8))
  }

  /// The candidate closest to `text`, if close enough to be what was meant: at most a quarter
  /// of the longer text's letters differ (and at least one may).
  ///
  ///     Similarity.suggestion(for: "Da Sa", among: ["Đạ Sar", "Lát"])  // "Đạ Sar"
  public static func suggestion(for text: String, among candidates: [String]) -> String? {
    let target = Array(VietnameseText.fold(text).utf8)
    guard !target.isEmpty else { return nil }
    var best: (String, Int)?
    for candidate in candidates {
      let folded = Array(VietnameseText.fold(candidate).utf8)
      let limit = max(1, max(folded.count, target.count) / 4)
      if abs(folded.count - target.count) > limit { continue }
      let d = distance(target, folded)
      if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
  }

  /// How alike two titles are, from 0 (nothing in common) to 1 (the same words): the Dice
  /// coefficient of their folded letter trigrams, so word order and accents matter little.
  ///
  ///     Similarity.titles("Du lịch cộng đồng tại xã Lát", "Phát triển du lich cong dong xa Lat")
  ///     // ≈ 0.8
  public static func titles(_ a: String, _ b: String) -> Double {
    dice(trigrams(a), trigrams(b))
  }

  /// The Dice coefficient of two lists of trigrams.
  static func dice(_ x: [UInt32], _ y: [UInt32]) -> Double {
    guard !x.isEmpty || !y.isEmpty else { return 1 }
    guard !x.isEmpty, !y.isEmpty else { return 0 }
    var common = 0
    var counts: [UInt32: Int] = [:]
    for gram in x { counts[gram, default: 0] += 1 }
    for gram in y {
      if let count = counts[gram], count > 0 {
        common += 1
        counts[gram] = count - 1
      }
    }
    return 2 * Double(common) / Double(x.count + y.count)
  }

  /// The trigrams of the folded text, each word padded with spaces.
  static func trigrams(_ text: String) -> [UInt32] {
    var grams: [UInt32] = []
    for word in VietnameseText.fold(text).utf8.split(separator: 32) {
      let bytes = [32] + Array(word) + [32]
      guard bytes.count >= 3 else { continue }
      for i in 0...(bytes.count - 3) {
        grams.append(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]))
      }
    }
    return grams
  }
}
