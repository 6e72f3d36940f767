import Foundation
import GRDB
import Registry
import Testing

@Suite struct VietnameseTextTests {
  @Test func foldingRemovesAccentsCaseAndFoldsDToD() {
    #expect(VietnameseText.fold("Đạ Sar") == "da sar")
    #expect(VietnameseText.fold("Da Sar") == VietnameseText.fold("Đạ Sar"))
    #expect(VietnameseText.fold("ĐẢNG BỘ XÃ ĐƯNG K'NỚ") == "dang bo xa dung k'no")
    #expect(VietnameseText.fold("Du lịch cộng đồng") == "du lich cong dong")
    #expect(VietnameseText.fold("Ứng dụng chuyển đổi số") == "ung dung chuyen doi so")
    #expect(VietnameseText.fold("  Lạc \t Dương\n") == "lac duong")
    #expect(VietnameseText.fold("Đảng – Mặt trận – đoàn thể") == "dang - mat tran - doan the")
    #expect(VietnameseText.fold("K’Ho") == "k'ho")
    #expect(VietnameseText.fold("Bidoup – Núi Bà") == "bidoup - nui ba")
    #expect(VietnameseText.fold("Ü ç") == "u c")
    #expect(VietnameseText.fold("") == "")
  }

  @Test func foldingTreatsDecomposedTextLikePrecomposed() {
    let decomposed = "Đạ Sar Lạc Dương ỷ ữ".decomposedStringWithCanonicalMapping
    #expect(decomposed.unicodeScalars.count > "Đạ Sar Lạc Dương ỷ ữ".unicodeScalars.count)
    #expect(VietnameseText.fold(decomposed) == "da sar lac duong y u")
  }

  @Test func everyVietnameseLetterFolds() {
    let letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
    let folded = "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd"
    #expect(VietnameseText.fold(letters) == folded)
    #expect(VietnameseText.fold(letters.uppercased()) == folded)
  }

  @Test func nfcComposesDecomposedText() {
    let text = "Nguyễn Thị Ánh Tuyết, Đạ Chais"
    let decomposed = text.decomposedStringWithCanonicalMapping
    #expect(decomposed.unicodeScalars.count != text.unicodeScalars.count)
    #expect(Array(VietnameseText.nfc(decomposed).unicodeScalars) == Array(text.unicodeScalars))
    #expect(VietnameseText.nfc(text) == text)
  }

  static let names = [
    "Nguyễn Văn An", "Nguyễn Văn Ân", "Nguyễn Văn Ăn", "Nguyễn Thị Bích", "Trần Đức Dũng",
    "Trần Đức Đông", "Trần Đình Đạt", "Lê Thị Ơn", "Lê Thị Ôn", "Lê Thị On", "Lê thị on",
    "Đạ Sar", "Da Sar", "Đạ Nhim", "Đạ Chais", "Đưng K'Nớ", "Dung", "dê", "Lát", "Lạc Dương",
    "Lạc", "Lac", "Cil Ha Thủy", "Kơ Să K'Jang", "Liêng Hót Ha Tới", "ba", "bà", "bả", "bã",
    "bá", "bạ", "Bá", "ưu", "uy", "y tế", "Yên", "ơn", "ôn", "ư", "u", "an", "ăn", "ân",
    "Phạm Thị Hà", "Phạm Thị Hạ", "Phạm Thị Hả", "Hoàng Yến", "Huỳnh Như", "Võ Thị Sáu",
  ]

  @Test func vietnameseOrderMatchesFoundationsViVNOrder() {
    let vi = Locale(identifier: "vi_VN")
    let expected = Self.names.sorted {
      $0.compare($1, options: [], range: nil, locale: vi) == .orderedAscending
    }
    let ours = Self.names.sorted { VietnameseText.compare($0, $1) == .orderedAscending }
    #expect(ours == expected)
  }

  @Test func lettersAndTonesSortInDictionaryOrder() {
    let sorted = ["đa", "da", "ân", "ăn", "an", "ơ", "ô", "o", "ư", "u"].sorted {
      VietnameseText.compare($0, $1) == .orderedAscending
    }
    #expect(sorted == ["an", "ăn", "ân", "da", "đa", "o", "ô", "ơ", "u", "ư"])
    let tones = ["bạ", "bá", "bã", "bả", "bà", "ba"].sorted {
      VietnameseText.compare($0, $1) == .orderedAscending
    }
    #expect(tones == ["ba", "bà", "bả", "bã", "bá", "bạ"])
    #expect(VietnameseText.compare("Da Sar", "Đạ Sar") == .orderedAscending)
    #expect(VietnameseText.compare("Đạ Sar", "Đạ Sar") == .orderedSame)
    #expect(VietnameseText.compare("an", "An") == .orderedAscending)
  }

  @Test func decomposedTextSortsLikePrecomposed() {
    for name in Self.names {
      let decomposed = name.decomposedStringWithCanonicalMapping
      #expect(VietnameseText.compare(name, decomposed) == .orderedSame, "\(name)")
      #expect(VietnameseText.sortKey(name) == VietnameseText.sortKey(decomposed))
    }
  }

  @Test func sortKeysOrderLikeCompare() {
    for a in Self.names {
      for b in Self.names {
        let byKey = VietnameseText.sortKey(a).lexicographicallyPrecedes(VietnameseText.sortKey(b))
        #expect(byKey == (VietnameseText.compare(a, b) == .orderedAscending), "\(a) / \(b)")
      }
    }
  }

  @Test func sqlHasFoldViKeyAndTheViCollation() throws {
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in
      #expect(try String.fetchOne(db, sql: "SELECT fold('Đưng K''Nớ')") == "dung k'no")
      #expect(try DatabaseValue.fetchOne(db, sql: "SELECT fold(NULL)")!.isNull)
      try db.execute(sql: "CREATE TEMP TABLE words (w TEXT)")
      for name in Self.names {
        try db.execute(sql: "INSERT INTO words VALUES (?)", arguments: [name])
      }
      let expected = Self.names.sorted { VietnameseText.compare($0, $1) == .orderedAscending }
      #expect(try String.fetchAll(db, sql: "SELECT w FROM words ORDER BY w COLLATE vi") == expected)
      #expect(try String.fetchAll(db, sql: "SELECT w FROM words ORDER BY vi_key(w)") == expected)
      #expect(
        try String.fetchAll(
          db, sql: "SELECT w FROM words WHERE fold(w) = fold('da sar') ORDER BY w COLLATE vi")
          == ["Da Sar", "Đạ Sar"])
    }
  }

  @Test func searchFindsWordsWithoutAccentsInAnyOrder() throws {
    #expect(
      VietnameseText.searchPatterns("Du lịch  cộng ĐỒNG") == ["%du%", "%lich%", "%cong%", "%dong%"])
    #expect(VietnameseText.searchPatterns("100%_x") == ["%100\\%\\_x%"])
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in
      try DemoGenerator().generate(into: db)
      let patterns = VietnameseText.searchPatterns("cong dong du lich")
      let condition = patterns.map { _ in "title_folded LIKE ? ESCAPE '\\'" }.joined(
        separator: " AND ")
      let titles = try String.fetchAll(
        db, sql: "SELECT title FROM registrations WHERE \(condition)",
        arguments: StatementArguments(patterns))
      #expect(!titles.isEmpty)
      #expect(titles.allSatisfy { VietnameseText.fold($0).contains("du lich cong dong") })
    }
  }
}
