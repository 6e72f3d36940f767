import GRDB
import Messages
import Registry
import TestSupport
import Testing

@Suite struct ScoreSheetCSVTests {
  @Test func theDemoSheetsExportAndImportUnchanged() throws {
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in
      try DemoGenerator().generate(into: db)
      let csv = try CSVExport.text(db, table: "score_sheets", options: .init(language: .vi))
      #expect(
        csv.hasPrefix(
          "\u{FEFF}Mã đăng ký,Mã thành viên,Thành viên,Ngày chấm,TC1,TC2,TC3,TC4,TC5,Nhận xét,Lý do hủy phiếu\r\n"
        ))
      let sheets = try Int.fetchOne(db, sql: "SELECT count(*) FROM score_sheets")!
      let summary = try CSVImport.run(
        db, table: "score_sheets", bytes: Array(csv.utf8), file: "phieu.csv")
      #expect(summary.unchanged == sheets && summary.inserted == 0 && summary.updated == 0)
    }
  }

  @Test func sheetsTypedInExcelAreRecordedCheckedAndChanged() throws {
    let fixture = try ScoringFixture()
    try fixture.registry.queue.inDatabase { db in
      _ = try fixture.registration(db, code: "DK-2023-017")
      let csv = """
        Mã đăng ký;Thành viên;Ngày chấm;TC1;TC2;TC3;TC4;TC5;Nhận xét
        DK-2023-017;Lê Minh Đức;24/11/2023;23;13;30;13;9;Mô hình có tính lan tỏa
        DK-2023-017;DV-0006;25/11/2023;20;12;28;12;8;

        """
      let summary = try CSVImport.run(
        db, table: "score_sheets", bytes: Array(csv.utf8), file: "phieu.csv")
      #expect(summary.inserted == 2)
      let result = try Scoring.result(
        db, registration: try Int64.fetchOne(db, sql: "SELECT id FROM registrations")!)
      #expect(result.sheets.map(\.total) == [88, 80])
      let changed = csv.replacingOccurrences(of: ";20;12;28;12;8;", with: ";21;12;28;12;8;")
      let again = try CSVImport.run(
        db, table: "score_sheets", bytes: Array(changed.utf8), file: "phieu.csv")
      #expect(again.unchanged == 1 && again.updated == 1)
      #expect(again.changeLines(in: .en) == ["line 3: change DK-2023-017 Kơ Să K'Jang: TC1"])
    }
  }

  @Test func badSheetsAreAllReportedAndNothingIsWritten() throws {
    let fixture = try ScoringFixture()
    try fixture.registry.queue.inDatabase { db in
      _ = try fixture.registration(db, code: "DK-2023-017")
      let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM score_sheets")!
      let csv = """
        Mã đăng ký,Thành viên,Ngày chấm,TC1,TC2,TC3,TC4,TC5,TC6
        DK-2023-017,Lê Minh Đức,24/11/2023,23,13,30,13,9,
        DK-2023-017,Lơ Mu K'Sim,24/11/2023,23,13,30,13,9,
        DK-2023-017,DV-0006,31/11/2023,20,12,28,12,8,
        DK-2023-017,DV-0007,25/11/2023,27,12,28,12,8,1
        DK-2023-017,Trần Thị Bích,25/11/2023,20,12,28,12,8,
        DK-2023-017,Nguyễn Văn An,25/11/2023,20,12,28,12,8,
        DK-2023-017,Ngyen Van Bin,25/11/2023,20,12,28,12,8,

        """
      do {
        try CSVImport.run(db, table: "score_sheets", bytes: Array(csv.utf8), file: "phieu.csv")
        Issue.record("should fail")
      } catch let failure as ImportFailure {
        #expect(
          failure.issues.map { $0.message(in: .en) } == [
            "phieu.csv:3:2 (Thành viên): Lơ Mu K'Sim may not score DK-2023-017: it comes from the member's own unit (Đảng bộ xã Lát)",
            "phieu.csv:4:3 (Ngày chấm): score sheet DK-2023-017: scored_on '31/11/2023' is not a date: 2023-11 has no day 31",
            "phieu.csv:5:9 (TC6): score sheet of Phạm Thu Hà for DK-2023-017: no criterion TC6 (there are: TC1, TC2, TC3, TC4, TC5)",
            "phieu.csv:5:4 (TC1): score sheet of Phạm Thu Hà for DK-2023-017: TC1 has 27 points, more than its 25",
            "phieu.csv:6:2 (Thành viên): Trần Thị Bích is not a member of the 2023 appraisal team",
            "phieu.csv:7:2 (Thành viên): score sheet DK-2023-017: several person are named 'Nguyễn Văn An': DV-0001 Nguyễn Văn An, DV-0004 Nguyễn Văn An; use the code",
            "phieu.csv:8:2 (Thành viên): score sheet DK-2023-017: no person 'Ngyen Van Bin' (did you mean 'Nguyễn Văn An'?)",
          ])
      }
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM score_sheets")! == before)
    }
  }
}
