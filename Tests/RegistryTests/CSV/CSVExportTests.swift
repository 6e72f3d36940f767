import GRDB
import Messages
import Registry
import TestSupport
import Testing

@Suite struct CSVExportTests {
  @Test func exportsAreExcelFriendlyAndSafe() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      try Records.update(
        db, table: "units", id: fixture.unit["YT"]!,
        values: ["name": "=HYPERLINK(\"http://x\")", "email": "@yt", "valid_to": "30/06/2025"],
        actor: "t")
      try Records.update(
        db, table: "units", id: fixture.unit["BTC"]!, values: ["name": "-Ban, Tổ chức"], actor: "t")
      let csv = try CSVExport.text(db, table: "units", options: .init(language: .vi))
      let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: false)
      #expect(
        csv.hasPrefix(
          "\u{FEFF}Mã đơn vị,Tên đơn vị,Loại tổ chức,Khối,Đơn vị cấp trên,Số đảng viên,Hiệu lực từ,Hiệu lực đến,Thư điện tử\r\n"
        ))
      #expect(lines[1] == "DS,Đảng bộ xã Đạ Sar,commune_committee,,,0,,,")
      #expect(lines[4] == #"YT,"'=HYPERLINK(""http://x"")",cell,,,0,,2025-06-30,'@yt"#)
      #expect(lines[6] == #"BTC,"'-Ban, Tổ chức",advisory_board,,,0,,,"#)
      #expect(lines.last == "")
      // The neutralized cells import back as they were.
      let summary = try CSVImport.run(db, table: "units", bytes: Array(csv.utf8), file: "units.csv")
      #expect(summary.unchanged == 6 && summary.updated == 0)
      #expect(
        try String.fetchOne(db, sql: "SELECT name FROM units WHERE code = 'YT'")
          == "=HYPERLINK(\"http://x\")")
    }
  }

  @Test func optionsForExcelInVietnamese() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      try fixture.registration(db, status: .submitted, code: "DK-2023-017")
      let csv = try CSVExport.text(
        db, table: "registrations",
        options: .init(
          byteOrderMark: false, delimiter: ";", language: .en, vietnameseDates: true, labels: true,
          crlf: false))
      let lines = csv.split(separator: "\n")
      #expect(
        lines[0].hasPrefix(
          "Code;Year;Person code;Full name;Collective code;Collective;Unit code;Unit;Group;Title;"))
      #expect(
        lines[1]
          == "DK-2023-017;2023;DV-0002;Cil Ha Thủy;;;LAT;Đảng bộ xã Lát;party member rated HTXS in the year;Du lịch cộng đồng gắn với nghề dệt thổ cẩm;new model;economy;;;;;;;;;20/03/2023;;submitted;;"
      )
      // Labels and day-first dates import back to the same record.
      do {
        let summary = try CSVImport.run(
          db, table: "registrations", bytes: Array(csv.utf8), file: "r.csv")
        #expect(summary.unchanged == 1 && summary.updated == 0)
      } catch let failure as ImportFailure {
        Issue.record("\(failure.message(in: .en))")
      }
    }
  }

  @Test func exportFilesArePrivateAndViewsExportToo() throws {
    let directory = try TemporaryDirectory()
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let id = try fixture.registration(db, status: .underAppraisal)
      try fixture.report(db, registration: id)
      try fixture.sheet(db, registration: id, member: 0, points: [50, 30])
      let path = directory.path("tong-hop.csv")
      let rows = try CSVExport.write(db, table: "appraisal_totals", to: path)
      #expect(rows == 1)
      #expect(fileMode(path) == 0o600)
      let text = String(decoding: fileBytes(path)!, as: UTF8.self)
      #expect(
        text
          == "\u{FEFF}sheet_id,registration_id,registration_code,unit_id,year,panel_member_id,member_person_id,total\r\n1,1,DK-2023-001,2,2023,1,5,80\r\n"
      )
      #expect(throws: RegistryError.notFound(entity: "table", key: "nothing")) {
        try CSVExport.text(db, table: "nothing")
      }
    }
  }
}
