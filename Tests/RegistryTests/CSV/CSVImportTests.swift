import GRDB
import Messages
import Registry
import TestSupport
import Testing

@Suite struct CSVImportTests {
  /// A fixture registry in a file, closed.
  static func fixtureFile(_ directory: TemporaryDirectory) throws -> String {
    let path = directory.path("fixture.sangtao")
    let fixture = try RegistryFixture(registry: Registry.open(path: path))
    try fixture.registry.queue.close()
    return path
  }

  /// Runs an import that must fail, checks the registry file did not change by a byte, and
  /// returns the failure.
  static func failingImport(
    _ table: String, _ csv: [UInt8], file: String = "input.csv",
    setUp: ((Database) throws -> Void)? = nil
  ) throws -> ImportFailure? {
    let directory = try TemporaryDirectory()
    let path = try fixtureFile(directory)
    if let setUp {
      let registry = try Registry.open(path: path)
      try registry.queue.inDatabase(setUp)
      try registry.queue.close()
    }
    let before = fileBytes(path)
    let registry = try Registry.open(path: path)
    var failure: ImportFailure?
    do {
      try registry.queue.inDatabase { db in
        _ = try CSVImport.run(db, table: table, bytes: csv, file: file)
      }
      Issue.record("the import of \(file) should fail")
    } catch let error as ImportFailure {
      failure = error
    }
    try registry.queue.close()
    #expect(fileBytes(path) == before, "the registry changed")
    #expect(fileMode(path + "-wal") == nil)
    return failure
  }

  static func failingImport(_ table: String, _ csv: String, file: String = "input.csv") throws
    -> ImportFailure?
  {
    try failingImport(table, Array(csv.utf8), file: file)
  }

  @Test func aVietnameseExcelFileImports() throws {
    let fixture = try RegistryFixture()
    let csv =
      "\u{FEFF}Họ và tên;Đơn vị;Năm;Nhóm;Tên mô hình;Loại;Lĩnh vực;Ngày tiếp nhận;Trạng thái;Ghi chú\r\n"
      + "DV-0002;Xã Lát;2023;Đảng viên hoàn thành xuất sắc nhiệm vụ trong năm;Du lịch cộng đồng gắn với nghề dệt thổ cẩm;Mô hình mới;Kinh tế;20/03/2023;submitted;\"Hai dòng\r\nghi chú; có dấu chấm phẩy\"\r\n"
      + ";;;;;;;;;\r\n"
      + "Trần Thị Bích;thị trấn lạc dương;2023;htxs_year;Tổ công nghệ số cộng đồng;approach;Cải cách hành chính, chuyển đổi số;2023-03-29;submitted;\r\n"
    try fixture.registry.queue.inDatabase { db in
      var progress: [(Int, Int)] = []
      let summary = try CSVImport.run(
        db, table: "registrations", bytes: Array(csv.utf8), file: "dang-ky.csv",
        options: .init(actor: "btc.lan", progress: { progress.append(($0, $1)) }))
      #expect(summary.inserted == 2 && summary.updated == 0 && summary.unchanged == 0)
      #expect(summary.message(in: .vi) == "dang-ky.csv: thêm 2, sửa 0, giữ nguyên 0")
      #expect(summary.message(in: .en) == "dang-ky.csv: 2 added, 0 changed, 0 unchanged")
      #expect(summary.changes.map(\.line) == [2, 5])
      #expect(progress.last.map { $0 == (5, 5) } == true)
      let first = try Registration.fetchOne(
        db, sql: "SELECT * FROM registrations WHERE code = 'DK-2023-001'")!
      #expect(first.personId == fixture.person["DV-0002"] && first.unitId == fixture.unit["LAT"])
      #expect(first.grp == .htxsYear && first.kind == .model && first.field == .economy)
      #expect(first.receivedOn == Day(iso: "2023-03-20") && first.status == .submitted)
      #expect(first.notes == "Hai dòng\r\nghi chú; có dấu chấm phẩy")
      let second = try Registration.fetchOne(
        db, sql: "SELECT * FROM registrations WHERE code = 'DK-2023-002'")!
      #expect(second.unitId == fixture.unit["TT"] && second.field == .adminReform)
      #expect(second.daysLate(in: try Campaign.fetch(db, year: 2023)!) == 1)
      // The same file again changes nothing; the registrations now match by year and subject.
      let audit = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")!
      let again = try CSVImport.run(
        db, table: "registrations", bytes: Array(csv.utf8), file: "dang-ky.csv")
      #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 2)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")! == audit)
    }
  }

  @Test func englishHeadersAndCommasWork() throws {
    let fixture = try RegistryFixture()
    let csv = """
      Code,Name,Kind,Bloc,Members,Valid to
      KL,Chi bộ Hạt Kiểm lâm huyện,cell,public_service,20,30/06/2025
      DS,Đảng bộ xã Đạ Sar,commune_committee,commune,140,

      """
    try fixture.registry.queue.inDatabase { db in
      let summary = try CSVImport.run(db, table: "units", bytes: Array(csv.utf8), file: "units.csv")
      #expect(summary.inserted == 1 && summary.updated == 1 && summary.unchanged == 0)
      #expect(
        summary.changeLines(in: .en) == ["line 2: add KL", "line 3: change DS: bloc, member_count"])
      #expect(
        summary.changeLines(in: .vi) == ["dòng 2: thêm KL", "dòng 3: sửa DS: bloc, member_count"])
      let unit = try PartyUnit.fetchOne(db, sql: "SELECT * FROM units WHERE code = 'KL'")!
      #expect(
        unit.validTo == Day(iso: "2025-06-30") && unit.memberCount == 20
          && unit.bloc == .publicService)
      let audit = try String.fetchOne(
        db, sql: "SELECT after FROM audit_log WHERE action = 'import'")
      #expect(audit == #"{"file":"units.csv","inserted":1,"updated":1,"unchanged":0}"#)
    }
  }

  @Test func aDryRunSaysWhatWouldChangeAndWritesNothing() throws {
    let directory = try TemporaryDirectory()
    let path = try Self.fixtureFile(directory)
    let before = fileBytes(path)
    let registry = try Registry.open(path: path)
    let csv =
      "Mã đơn vị,Tên đơn vị,Loại tổ chức\nKL,Chi bộ Hạt Kiểm lâm huyện,cell\nDS,Đảng bộ xã Đạ Sar (mới),commune_committee\n"
    let summary = try registry.queue.inDatabase { db in
      try CSVImport.run(
        db, table: "units", bytes: Array(csv.utf8), file: "units.csv", options: .init(dryRun: true))
    }
    #expect(
      summary.message(in: .en)
        == "units.csv: 1 added, 1 changed, 0 unchanged (dry run, nothing written)")
    #expect(
      summary.message(in: .vi) == "units.csv: thêm 1, sửa 1, giữ nguyên 0 (chạy thử, chưa ghi gì)")
    #expect(summary.changeLines(in: .en) == ["line 2: add KL", "line 3: change DS: name"])
    try registry.queue.close()
    #expect(fileBytes(path) == before)
  }

  @Test func aFileThatIsNotUTF8SaysWhichLine() throws {
    var bytes = Array("Mã đơn vị,Tên đơn vị,Loại tổ chức\nKL,Chi bo,cell\n".utf8)
    // "DS,Đa Sar,c" in Windows-1258, as Excel saves "CSV (Comma delimited)" on Vietnamese Windows.
    bytes += [0x44, 0x53, 0x2C, 0xD0, 0x61, 0x20, 0x53, 0x61, 0x72, 0x2C, 0x63, 0x0A]
    let failure = try Self.failingImport("units", bytes, file: "don-vi.csv")
    #expect(
      failure?.message(in: .en)
        == "don-vi.csv was not imported: 1 errors, nothing changed\ndon-vi.csv:3: the file is not UTF-8; in Excel, save it as “CSV UTF-8 (Comma delimited) (*.csv)”"
    )
    #expect(
      failure?.message(in: .vi)
        == "không nhập don-vi.csv: 1 lỗi, chưa thay đổi gì\ndon-vi.csv:3: tệp không phải UTF-8; trong Excel hãy lưu bằng “CSV UTF-8 (Comma delimited) (*.csv)”"
    )
  }

  @Test func anEmptyFileIsRefused() throws {
    let failure = try Self.failingImport("units", "\u{FEFF}\r\n", file: "trong.csv")
    #expect(
      failure?.issues.map { $0.message(in: .en) } == [
        "trong.csv: the file is empty: it needs a header line, then one line per record"
      ])
    #expect(
      failure?.issues.map { $0.message(in: .vi) } == [
        "trong.csv: tệp trống: cần một dòng tiêu đề rồi mỗi dòng một bản ghi"
      ])
  }

  @Test func badHeadersAreAllReported() throws {
    let failure = try Self.failingImport(
      "units", "Mã đơn vị,Ten don vi,Tên đơn vị,Loai to chuc x,Ghi chú\nKL,a,b,c,d\n",
      file: "units.csv")
    let known =
      "Mã đơn vị, Tên đơn vị, Loại tổ chức, Khối, Đơn vị cấp trên, Số đảng viên, Hiệu lực từ, Hiệu lực đến, Thư điện tử"
    #expect(
      failure?.issues.map { $0.message(in: .en) } == [
        "units.csv:1:3 (Tên đơn vị): column 'Tên đơn vị' already appears as column 2; remove one of them",
        "units.csv:1:4 (Loai to chuc x): unknown column 'Loai to chuc x' (did you mean 'Loại tổ chức'?); the columns are: \(known)",
        "units.csv:1:5 (Ghi chú): unknown column 'Ghi chú'; the columns are: \(known)",
      ])
    #expect(
      failure?.issues.map { $0.message(in: .vi) }.first
        == "units.csv:1:3 (Tên đơn vị): cột 'Tên đơn vị' đã có ở cột 2; hãy xóa một cột")
  }

  @Test func aMissingColumnIsNamed() throws {
    let failure = try Self.failingImport(
      "people", "Họ và tên,Giới tính\nHoàng Văn Nam,Nam\n", file: "dv.csv")
    #expect(
      failure?.issues.map { $0.message(in: .en) } == [
        "dv.csv:1: column 'Đơn vị' is missing; add it to the header line"
      ])
    #expect(
      failure?.issues.map { $0.message(in: .vi) } == [
        "dv.csv:1: thiếu cột 'Đơn vị'; hãy thêm cột này vào dòng tiêu đề"
      ])
  }

  @Test func aLineWithTheWrongNumberOfCellsSaysWhy() throws {
    let csv = "Mã đơn vị,Tên đơn vị,Loại tổ chức\nKL,Chi bộ Hạt Kiểm lâm, huyện,cell\n"
    let failure = try Self.failingImport("units", csv, file: "units.csv")
    #expect(
      failure?.issues.map { $0.message(in: .en) } == [
        "units.csv:2: the line has 4 cells, the header has 3; a cell holding a comma, a semicolon or a line break must be in double quotes"
      ])
    #expect(
      failure?.issues.map { $0.message(in: .vi) } == [
        "units.csv:2: dòng có 4 ô, dòng tiêu đề có 3; ô có dấu phẩy, dấu chấm phẩy hoặc xuống dòng phải nằm trong dấu ngoặc kép"
      ])
  }

  @Test func everyBadValueIsReportedWithItsLineAndColumn() throws {
    let csv = """
      Mã đăng ký,Họ và tên,Đơn vị,Năm,Nhóm,Tên mô hình,Loại,Lĩnh vực,Ngày tiếp nhận,Trạng thái
      DK-2023-101,DV-0002,Da Sa,2023,htxs_year,Mô hình A,model,economy,20/03/2023,submitted
      DK-2023-102,Nguyễn Văn An,,2023,htxs_year,Mô hình B,model,economy,20/03/2023,submitted
      DK-2023-103,DV-0003,,2023,htxs_year,"Mô hình C
      hai dòng",model,kinh te xa hoi,31/04/2023,submitted
      DK-2023-104,DV-0005,,2023,htxs_year,Mô hình D,model,economy,3/28/2023,xong
      DK-2023-105,DV-0006,,2023,htxs_year,Mô hình E,model,economy,20/03/2023,submitted
      DK-2023-105,DV-0007,,2023,htxs_year,Mô hình F,model,economy,20/03/2023,submitted
      DK-2023-106,DV-0006,,2023,htxs_year,Mô hình G,model,economy,20/03/2023,submitted
      DK-2023-107,DV-0007,,2023,collective,Mô hình H,model,economy,20/03/2023,submitted

      """
    let failure = try Self.failingImport("registrations", csv, file: "dk.csv")
    #expect(
      failure?.issues.map { $0.message(in: .en) } == [
        "dk.csv:2:3 (Đơn vị): registration DK-2023-101: no unit 'Da Sa' (did you mean 'Đảng bộ xã Đạ Sar'?)",
        "dk.csv:3:2 (Họ và tên): registration DK-2023-102: several person are named 'Nguyễn Văn An': DV-0001 Nguyễn Văn An, DV-0004 Nguyễn Văn An; use the code",
        "dk.csv:4:8 (Lĩnh vực): registration DK-2023-103: field cannot be 'kinh te xa hoi'; allowed: party_building, economy, culture_society, defence_security, admin_reform, mass_mobilization",
        "dk.csv:4:9 (Ngày tiếp nhận): registration DK-2023-103: received_on '31/04/2023' is not a date: 2023-4 has no day 31",
        "dk.csv:6:9 (Ngày tiếp nhận): registration DK-2023-104: received_on '3/28/2023' is not a date: dates are day/month/year; did you mean 28/03/2023?",
        "dk.csv:6:10 (Trạng thái): registration DK-2023-104: status cannot be 'xong'; allowed: draft, submitted, returned, accepted, reported, under_appraisal, scored, recognized, not_passed, sent_to_btv, withdrawn, not_reported, cancelled",
        "dk.csv:8: this line is about the same record as line 7; remove one of them",
        "dk.csv:9:2 (Họ và tên): Kơ Să K'Jang (DV-0006) already has the active registration DK-2023-105 for 2023 (one per year)",
        "dk.csv:10:5 (Nhóm): registration DK-2023-107: group 'collective' does not fit the subject Phạm Thu Hà (DV-0007)",
      ])
    #expect(
      failure?.issues[0].message(in: .vi)
        == "dk.csv:2:3 (Đơn vị): đăng ký DK-2023-101: không có đơn vị 'Da Sa' (có phải 'Đảng bộ xã Đạ Sar'?)"
    )
    #expect(
      failure?.message(in: .en).hasPrefix("dk.csv was not imported: 9 errors, nothing changed\n")
        == true)
  }

  @Test func statusChangesGoThroughTheLifecycle() throws {
    let directory = try TemporaryDirectory()
    let path = try Self.fixtureFile(directory)
    let registry = try Registry.open(path: path)
    try registry.queue.inDatabase { db in
      let fixture = try RegistryFixture(registry: Registry.inMemory())
      _ = fixture
      try Records.insert(
        db, into: "registrations",
        values: [
          "code": "DK-2023-017", "year": 2023, "subject": "DV-0002", "grp": "htxs_year",
          "title": "Mô hình",
          "kind": "model", "field": "economy", "received_on": "2023-03-20", "status": "returned",
        ], actor: "t")
      let accept = "Mã đăng ký,Trạng thái\nDK-2023-017,accepted\n"
      do {
        try CSVImport.run(db, table: "registrations", bytes: Array(accept.utf8), file: "tt.csv")
        Issue.record("accepting a returned registration should fail")
      } catch let failure as ImportFailure {
        #expect(
          failure.issues.map { $0.message(in: .en) } == [
            "tt.csv:2:2 (Trạng thái): cannot accept registration DK-2023-017: it is 'returned', expected 'submitted'"
          ])
      }
      let resubmit = "Mã đăng ký,Trạng thái\nDK-2023-017,Đã gửi\n"
      let summary = try CSVImport.run(
        db, table: "registrations", bytes: Array(resubmit.utf8), file: "tt.csv",
        options: .init(actor: "btc", date: Day(iso: "2023-03-25")))
      #expect(summary.changeLines(in: .en) == ["line 2: change DK-2023-017: status"])
      #expect(
        try String.fetchOne(
          db, sql: "SELECT on_date FROM status_history ORDER BY rowid DESC LIMIT 1")
          == "2023-03-25")
    }
  }

  @Test func missingFilesAndTablesThatCannotBeImported() throws {
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in
      #expect(throws: ImportFailure.self) {
        try CSVImport.run(db, table: "units", path: "/nonexistent/don-vi.csv")
      }
      do {
        try CSVImport.run(db, table: "units", path: "/nonexistent/don-vi.csv")
      } catch let failure as ImportFailure {
        #expect(
          failure.issues.map { $0.message(in: .en) } == [
            "don-vi.csv: cannot read the file: No such file or directory"
          ])
      }
      do {
        try CSVImport.run(db, table: "audit_log", bytes: Array("id\n1\n".utf8), file: "a.csv")
      } catch let failure as ImportFailure {
        #expect(
          failure.issues.map { $0.message(in: .vi) } == [
            "a.csv: bảng này chỉ xuất ra được, không nhập vào"
          ])
      }
    }
  }
}
