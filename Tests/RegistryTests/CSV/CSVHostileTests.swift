import GRDB
import Registry
import TestSupport
import Testing

/// What Excel and colleagues send: each hostile file gets a message naming the line (and the
/// column) and what to do, and nothing is written. The corpus of CSVFuzzTests holds them too.
@Suite struct CSVHostileTests {
  /// The issues of a failing import into `table` of the fixture, in English.
  func issues(_ table: String, _ bytes: [UInt8]) throws -> [String] {
    let fixture = try RegistryFixture()
    return try fixture.registry.queue.inDatabase { db in
      let before = try RegistrySnapshot.take(db)
      do {
        _ = try CSVImport.run(db, table: table, bytes: bytes, file: "in.csv")
        Issue.record("the import should fail")
        return []
      } catch let failure as ImportFailure {
        #expect(try RegistrySnapshot.take(db) == before)
        return failure.issues.map { $0.message(in: .en) }
      }
    }
  }

  static let notUTF8 =
    "the file is not UTF-8; in Excel, save it as “CSV UTF-8 (Comma delimited) (*.csv)”"

  @Test func utf16IsNotReadAsGarbage() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]  // what Excel's "Unicode text" writes
    for unit in "code,name,kind\nU1,Đạ Sar,cell\n".utf16 {
      bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    #expect(try issues("units", bytes) == ["in.csv:1: \(Self.notUTF8)"])
  }

  @Test func windows1258SaysWhichLine() throws {
    let bytes =
      Array("code,name,kind\nW1,Lat,cell\n".utf8) + [0x57, 0x32, 0x2C, 0xD0, 0x61, 0x2C]
      + Array("cell\n".utf8)
    #expect(try issues("units", bytes) == ["in.csv:3: \(Self.notUTF8)"])
  }

  @Test func aNulInACellIsRefusedNotCut() throws {
    #expect(
      try issues("units", Array("code,name,kind\nN1,La\0t,cell\n".utf8)) == [
        "in.csv:2:2 (name): unit N1: name contains a NUL character (\\0), which cannot be stored; remove it"
      ])
  }

  @Test func anUnbalancedQuoteSaysWhatToDo() throws {
    let found = try issues(
      "units", Array("code,name,kind\nQ1,\"unbalanced,cell\nQ2,ok,cell\n".utf8))
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("in.csv:2: the line has 2 cells, the header has 3") == true)
  }

  @Test func formulasAreTextAndExportNeutralized() throws {
    let fixture = try RegistryFixture()
    let directory = try TemporaryDirectory()
    try fixture.registry.queue.inDatabase { db in
      _ = try CSVImport.run(
        db, table: "units", bytes: Array("code,name,kind\nF1,=1+1,cell\nF2,@SUM(A1),cell\n".utf8),
        file: "f.csv")
      #expect(try String.fetchOne(db, sql: "SELECT name FROM units WHERE code = 'F1'") == "=1+1")
      _ = try CSVExport.write(
        db, table: "units", to: directory.path("out.csv"), where: "code LIKE 'F%'")
    }
    let text = String(decoding: fileBytes(directory.path("out.csv")) ?? [], as: UTF8.self)
    #expect(text.contains("'=1+1") && text.contains("'@SUM(A1)"), "\(text)")
  }
}
