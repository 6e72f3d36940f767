import GRDB
import Messages
import Registry
import TestSupport
import Testing

@Suite struct RubricCSVTests {
  @Test func theStandardRubricRoundTripsThroughASpreadsheet() throws {
    let fixture = try RegistryFixture()
    let directory = try TemporaryDirectory()
    try fixture.registry.queue.inDatabase { db in
      try Rubrics.define(db, year: 2023, .standard, actor: "t")
      let csv = try RubricCSV.text(db, year: 2023, language: .vi)
      #expect(
        csv.hasPrefix(
          "\u{FEFF}Mã tiêu chí,Tên tiêu chí,Điểm tối đa,Minh chứng,Khung điểm,Từ,Đến\r\n"))
      #expect(csv.contains("\r\nTC1,\"Tính mới, tính sáng tạo\",25,"))
      #expect(csv.contains("\r\nTC1,,,,Cải tiến rõ rệt so với cách làm cũ,17,22\r\n"))
      let path = directory.path("thang-diem.csv")
      writeFile(path, csv)
      let read = try RubricCSV.define(
        db, year: 2022, path: path, name: RubricDefinition.standard.name, actor: "t")
      #expect(read.criteria == RubricDefinition.standard.criteria)
      #expect(
        try Rubrics.current(db, year: 2022)?.definition.criteria
          == RubricDefinition.standard.criteria)
    }
  }

  @Test func aBadRubricFileSaysWhereAndChangesNothing() throws {
    let fixture = try RegistryFixture()
    let directory = try TemporaryDirectory()
    try fixture.registry.queue.inDatabase { db in
      let path = directory.path("td.csv")
      writeFile(
        path,
        "Mã tiêu chí;Tên tiêu chí;Điểm tối đa;Khung điểm;Từ;Đến\nA;Tính mới;bốn mươi;;;\nB;Hiệu quả;60;Tốt;40;70\n"
      )
      let versions = try Int.fetchOne(db, sql: "SELECT count(*) FROM rubrics")!
      do {
        try RubricCSV.define(db, year: 2023, path: path, actor: "t")
        Issue.record("should fail")
      } catch let failure as ImportFailure {
        #expect(
          failure.issues.map { $0.message(in: .en) } == [
            "td.csv:2:3 (Điểm tối đa): criterion A: max must be a number, not 'bốn mươi'"
          ])
      }
      writeFile(
        path, "Mã tiêu chí;Tên tiêu chí;Điểm tối đa;Khung điểm;Từ;Đến\nB;Hiệu quả;60;Tốt;40;70\n")
      #expect(
        throws: ScoringError.badBand(
          year: 2023, criterion: "B", label: "Tốt", min: 40, max: 70, criterionMax: 60)
      ) {
        try RubricCSV.define(db, year: 2023, path: path, actor: "t")
      }
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM rubrics")! == versions)
      writeFile(
        path, "Mã tiêu chí;Tên tiêu chí;Điểm tối đa;Khung điểm;Từ;Đến\nB;Hiệu quả;60;Tốt;40;60\n")
      let dry = try RubricCSV.define(db, year: 2023, path: path, actor: "t", dryRun: true)
      #expect(dry.maxPoints == 60)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM rubrics")! == versions)
    }
  }
}
