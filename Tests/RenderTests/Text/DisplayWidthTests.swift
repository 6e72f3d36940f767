import Testing

@testable import Render

@Suite struct DisplayWidthTests {
  @Test func vietnameseHasTheSameWidthInNFCAndNFD() {
    let nfc = "Đạ Sar"
    let nfd = "\u{110}a\u{323} Sar"  // Đ has no decomposition; ạ = a + combining dot below
    #expect(nfc.unicodeScalars.count == 6)
    #expect(nfd.unicodeScalars.count == 7)
    #expect(DisplayWidth.of(nfc) == 6)
    #expect(DisplayWidth.of(nfd) == 6)
  }

  @Test func vietnameseWithStackedMarksInNFDCountsOneColumnPerLetter() {
    // "Huyện ủy Lạc Dương" with ệ = e + U+0302 + U+0323 and ủ = u + U+0309.
    let nfd = "Huye\u{302}\u{323}n u\u{309}y La\u{323}c Du\u{31B}o\u{31B}ng"
    #expect(DisplayWidth.of(nfd) == 18)
    #expect(DisplayWidth.of("Huyện ủy Lạc Dương") == 18)
  }

  @Test func cjkHangulAndFullwidthFormsTakeTwoColumns() {
    #expect(DisplayWidth.of("中文") == 4)
    #expect(DisplayWidth.of("한국어") == 6)
    #expect(DisplayWidth.of("ＡＢ") == 4)
    #expect(DisplayWidth.of("カタカナ") == 8)
  }

  @Test func decomposedHangulSyllableTakesTwoColumns() {
    // 한 as conjoining jamo: leading ᄒ (wide) + vowel ᅡ + final ᆫ (both zero width).
    #expect(DisplayWidth.of("\u{1112}\u{1161}\u{11AB}") == 2)
  }

  @Test func emojiTakeTwoColumnsWhateverTheirSequence() {
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("👍🏽") == 2)  // skin tone modifier
    #expect(DisplayWidth.of("👩‍💻") == 2)  // ZWJ sequence
    #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)
    #expect(DisplayWidth.of("❤️") == 2)  // text-default heart with VS16
    #expect(DisplayWidth.of("❤") == 1)  // without VS16, text presentation
    #expect(DisplayWidth.of("🇻🇳") == 2)  // flag: regional indicator pair
    #expect(DisplayWidth.of("ok 🎉") == 5)
  }

  @Test func controlCharactersAndZeroWidthFormatCharactersTakeNoColumns() {
    #expect(DisplayWidth.of("a\u{1B}b") == 2)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero width space
    #expect(DisplayWidth.of("a\u{AD}b") == 2)  // soft hyphen
    #expect(DisplayWidth.of("\u{7}") == 0)
  }

  @Test func ambiguousWidthCharactersTakeOneColumn() {
    #expect(DisplayWidth.of("…") == 1)
    #expect(DisplayWidth.of("─│┼") == 3)
  }

  @Test func truncationKeepsGraphemeClustersWhole() {
    #expect(DisplayWidth.truncate("Đảng bộ xã Đạ Sar", to: 10) == "Đảng bộ x…")
    let nfd = "La\u{323}c Du\u{31B}o\u{31B}ng"
    #expect(DisplayWidth.truncate(nfd, to: 3) == "La\u{323}…")
    #expect(DisplayWidth.truncate("中文字", to: 4) == "中…")
    #expect(DisplayWidth.truncate("中文字", to: 6) == "中文字")
    #expect(DisplayWidth.truncate("👩‍💻👩‍💻", to: 3) == "👩‍💻…")
    #expect(DisplayWidth.truncate("abc", to: 0) == "")
    #expect(DisplayWidth.truncate("abc", to: 1) == "…")
  }

  @Test func paddingCountsColumnsNotCharacters() {
    #expect(DisplayWidth.pad("Lát", to: 5) == "Lát  ")
    #expect(DisplayWidth.pad("中", to: 5, alignment: .right) == "   中")
    #expect(DisplayWidth.pad("ab", to: 5, alignment: .center) == " ab  ")
    #expect(DisplayWidth.pad("toolong", to: 3) == "toolong")
  }

  @Test func wrappingBreaksAtSpacesThenInsideLongWords() {
    #expect(
      DisplayWidth.wrap("Du lịch cộng đồng ở Đạ Sar", width: 12) == [
        "Du lịch cộng", "đồng ở Đạ", "Sar",
      ])
    #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(DisplayWidth.wrap("một\r\nhai", width: 10) == ["một", "hai"])
    #expect(DisplayWidth.wrap("中文中文中", width: 3) == ["中", "文", "中", "文", "中"])
    #expect(DisplayWidth.wrap("", width: 5) == [""])
  }
}
