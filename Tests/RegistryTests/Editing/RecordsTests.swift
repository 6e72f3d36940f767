import Foundation
import GRDB
import Messages
import Registry
import TestSupport
import Testing

@Suite struct RecordsTests {
  func failure(_ body: () throws -> Void) -> RegistryError? {
    do {
      try body()
      return nil
    } catch let error as RegistryError {
      return error
    } catch {
      Issue.record("unexpected \(error)")
      return nil
    }
  }

  @Test func registrationsAcceptValuesAsAnalystsWriteThem() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let title = "Du lịch cộng đồng gắn với nghề dệt thổ cẩm".decomposedStringWithCanonicalMapping
      let id = try Records.insert(
        db, into: "registrations",
        values: [
          "year": 2023, "subject": "cil ha thuy",
          "grp": "Đảng viên hoàn thành xuất sắc nhiệm vụ trong năm",
          "title": "  " + title + " ", "kind": "Mô hình mới", "field": "Kinh tế",
          "received_on": "20/03/2023", "status": "submitted", "start_on": "2023-04-01",
        ], actor: "btc.lan")
      let r = try Registration.fetchOne(db, key: id)!
      #expect(r.code == "DK-2023-001")
      #expect(r.personId == fixture.person["DV-0002"])
      #expect(r.unitId == fixture.unit["LAT"])
      #expect(r.grp == .htxsYear && r.kind == .model && r.field == .economy)
      #expect(
        Array(r.title.unicodeScalars)
          == Array("Du lịch cộng đồng gắn với nghề dệt thổ cẩm".unicodeScalars))
      #expect(r.titleFolded == "du lich cong dong gan voi nghe det tho cam")
      #expect(r.receivedOn == Day(iso: "2023-03-20"))
      #expect(r.status == .submitted)
      let second = try Records.insert(
        db, into: "registrations",
        values: [
          "campaign": 2023, "subject": "TT-DS-1", "title": "Dân vận khéo", "kind": "approach",
          "field": "mass_mobilization",
        ], actor: "t")
      let c = try Registration.fetchOne(db, key: second)!
      #expect(c.code == "DK-2023-002" && c.grp == .collective && c.unitId == fixture.unit["DS"])
      #expect(c.status == .draft)
      let audit = try Row.fetchOne(
        db, sql: "SELECT * FROM audit_log WHERE entity = 'registrations' AND entity_id = ?",
        arguments: [id])!
      #expect(audit["action"] == "insert" && audit["actor"] == "btc.lan")
      #expect((audit["after"] as String).contains(#""code":"DK-2023-001""#))
    }
  }

  @Test func unknownReferencesSuggestTheClosestName() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let error = failure {
        try Records.insert(
          db, into: "people",
          values: ["code": "DV-0100", "full_name": "Hoàng Văn Nam", "unit": "Da Sa"],
          actor: "t")
      }
      #expect(
        error?.message(in: .en)
          == "person DV-0100: no unit 'Da Sa' (did you mean 'Đảng bộ xã Đạ Sar'?)")
      #expect(
        error?.message(in: .vi)
          == "cá nhân DV-0100: không có đơn vị 'Da Sa' (có phải 'Đảng bộ xã Đạ Sar'?)")
      let none = failure {
        try Records.insert(
          db, into: "people", values: ["code": "DV-0100", "full_name": "X", "unit": "Hà Nội"],
          actor: "t")
      }
      #expect(none?.message(in: .en) == "person DV-0100: no unit 'Hà Nội'")
      // Codes, short names and full names, any case and accents.
      for name in ["DS", "ds", "Đạ Sar", "da sar", "Xã Đạ Sar", "ĐẢNG BỘ XÃ ĐẠ SAR"] {
        let id = try Records.insert(
          db, into: "people", values: ["full_name": "Người \(name)", "unit": name], actor: "t")
        #expect(try Person.fetchOne(db, key: id)?.unitId == fixture.unit["DS"], "\(name)")
      }
    }
  }

  @Test func ambiguousNamesAskForTheCode() throws {
    let fixture = try RegistryFixture()
    fixture.registry.queue.inDatabase { db in
      let error = failure {
        try Records.insert(
          db, into: "registrations",
          values: [
            "year": 2023, "subject": "Nguyễn Văn An", "grp": "htxs_year",
            "title": "Sổ tay đảng viên điện tử",
            "kind": "initiative", "field": "party_building",
          ], actor: "t")
      }
      #expect(
        error?.message(in: .en)
          == "registration 'Sổ tay đảng viên điện tử': several subject are named 'Nguyễn Văn An': DV-0001 Nguyễn Văn An, DV-0004 Nguyễn Văn An; use the code"
      )
      _ = fixture
    }
  }

  @Test func badDatesNumbersAndCodesSayWhatIsAllowed() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let values: [String: any DatabaseValueConvertible] = [
        "code": "DK-2023-050", "year": 2023, "subject": "DV-0003", "grp": "htxs_year",
        "title": "Tổ công nghệ số cộng đồng", "kind": "model", "field": "kinh te xa hoi",
        "received_on": "31/04/2023", "start_on": "3/28/2023", "status": "submitted",
      ]
      let issues = try Records.check(db, table: "registrations", values: values)
      let messages = issues.map { ($0.column ?? "", $0.error.message(in: .en)) }
      #expect(messages.count == 3)
      #expect(
        messages.contains {
          $0 == (
            "field",
            "registration DK-2023-050: field cannot be 'kinh te xa hoi'; allowed: party_building, economy, culture_society, defence_security, admin_reform, mass_mobilization"
          )
        })
      #expect(
        messages.contains {
          $0 == (
            "received_on",
            "registration DK-2023-050: received_on '31/04/2023' is not a date: 2023-4 has no day 31"
          )
        })
      #expect(
        messages.contains {
          $0 == (
            "start_on",
            "registration DK-2023-050: start_on '3/28/2023' is not a date: dates are day/month/year; did you mean 28/03/2023?"
          )
        })
      let vi = issues.map { $0.error.message(in: .vi) }
      #expect(
        vi.contains(
          "đăng ký DK-2023-050: received_on '31/04/2023' không phải là ngày: không có ngày 31 tháng 4 năm 2023"
        ))
      #expect(
        vi.contains(
          "đăng ký DK-2023-050: start_on '3/28/2023' không phải là ngày: ngày viết theo ngày/tháng/năm; có phải 28/03/2023?"
        ))
      let number = failure {
        try Records.update(
          db, table: "units", id: fixture.unit["DS"]!, values: ["member_count": "nhiều"], actor: "t"
        )
      }
      #expect(number?.message(in: .en) == "unit DS: member_count must be a number, not 'nhiều'")
      #expect(number?.message(in: .vi) == "đơn vị DS: member_count phải là số, không phải 'nhiều'")
    }
  }

  @Test func oneActiveRegistrationPerSubjectAndYear() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let first = try fixture.registration(
        db, status: .submitted, person: "DV-0003", code: "DK-2023-007")
      let error = failure { try fixture.registration(db, status: .submitted, person: "DV-0003") }
      #expect(
        error?.message(in: .en)
          == "Trần Thị Bích (DV-0003) already has the active registration DK-2023-007 for 2023 (one per year)"
      )
      #expect(
        error?.message(in: .vi)
          == "Trần Thị Bích (DV-0003) đã có đăng ký DK-2023-007 còn hiệu lực trong năm 2023 (mỗi năm một đăng ký)"
      )
      // Another year is fine; after withdrawing, a new one is fine.
      try fixture.registration(
        db, status: .submitted, person: "DV-0003", received: "2022-03-20", year: 2022)
      try Lifecycle.transition(
        db, registration: first, to: .withdrawn, on: Day(iso: "2023-04-01")!, actor: "t")
      try fixture.registration(db, status: .submitted, person: "DV-0003")
      // The schema enforces it too.
      #expect(throws: DatabaseError.self) {
        try db.execute(
          sql: "UPDATE registrations SET status = 'submitted' WHERE id = ?", arguments: [first])
      }
    }
  }

  @Test func theGroupMustFitTheSubject() throws {
    let fixture = try RegistryFixture()
    fixture.registry.queue.inDatabase { db in
      let error = failure {
        try Records.insert(
          db, into: "registrations",
          values: [
            "code": "DK-2023-060", "year": 2023, "subject": "TT-DS-1", "grp": "htxs_year",
            "title": "x",
            "kind": "model", "field": "economy",
          ], actor: "t")
      }
      #expect(
        error?.message(in: .en)
          == "registration DK-2023-060: group 'htxs_year' does not fit the subject Ban Thường vụ Đảng ủy xã Đạ Sar"
      )
      _ = fixture
    }
  }

  @Test func updatesWriteOnlyRealChangesAndRouteStatusThroughTheLifecycle() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let id = try fixture.registration(db, status: .submitted, code: "DK-2023-017")
      let audits = { try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")! }
      let before = try audits()
      #expect(
        try Records.update(
          db, table: "registrations", id: id, values: ["kind": "Mô hình mới", "field": "economy"],
          actor: "t") == false)
      #expect(try audits() == before)
      #expect(
        try Records.update(
          db, table: "registrations", id: id, values: ["title": "Đồng khởi số"], actor: "t"))
      #expect(try Registration.fetchOne(db, key: id)!.titleFolded == "dong khoi so")
      #expect(try audits() == before + 1)
      let last = try Row.fetchOne(
        db, sql: "SELECT before, after FROM audit_log ORDER BY id DESC LIMIT 1")!
      #expect(last["before"] == #"{"title":"Du lịch cộng đồng gắn với nghề dệt thổ cẩm"}"#)
      #expect(last["after"] == #"{"title":"Đồng khởi số"}"#)
      try Records.update(
        db, table: "registrations", id: id, values: ["status": "accepted"], actor: "t",
        on: Day(iso: "2023-03-30"))
      #expect(try Registration.fetchOne(db, key: id)!.status == .accepted)
      let illegal = failure {
        try Records.update(
          db, table: "registrations", id: id, values: ["status": "submitted"], actor: "t",
          on: Day(iso: "2023-03-31"))
      }
      #expect(
        illegal?.message(in: .en)
          == "cannot submit registration DK-2023-017: it is 'accepted', expected 'draft' or 'returned'"
      )
      let folded = failure {
        try Records.update(
          db, table: "registrations", id: id, values: ["title_folded": "x"], actor: "t")
      }
      #expect(
        folded?.message(in: .en)
          == "registration DK-2023-017: title_folded cannot be set directly (it is computed from title)"
      )
      #expect(
        folded?.message(in: .vi)
          == "đăng ký DK-2023-017: không sửa trực tiếp được title_folded (được tính từ title)")
      let outcomeAlone = failure {
        try Records.update(
          db, table: "registrations", id: id, values: ["outcome": "excellent"], actor: "t")
      }
      #expect(
        outcomeAlone?.message(in: .en)
          == "registration DK-2023-017: outcome cannot be set directly (use a lifecycle transition)"
      )
      #expect(try Registration.fetchOne(db, key: id)!.outcome == nil)
      let typo = failure {
        try Records.update(db, table: "registrations", id: id, values: ["titel": "x"], actor: "t")
      }
      #expect(
        typo?.message(in: .en) == "registration has no column 'titel' (did you mean 'title'?)")
      #expect(typo?.message(in: .vi) == "đăng ký không có cột 'titel' (có phải 'title'?)")
    }
  }

  @Test func duplicatesMissingValuesAndDeletes() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let duplicate = failure {
        try Records.insert(
          db, into: "units", values: ["code": "DS", "name": "Trùng", "kind": "cell"], actor: "t")
      }
      #expect(duplicate?.message(in: .en) == "unit: code 'DS' already exists")
      #expect(duplicate?.message(in: .vi) == "đơn vị: đã có code 'DS'")
      let missing = try Records.check(db, table: "units", values: ["code": "X1"])
      #expect(
        missing.map { $0.error.message(in: .en) } == [
          "unit X1: name is missing", "unit X1: kind is missing",
        ])
      let referenced = failure {
        try Records.delete(db, table: "units", id: fixture.unit["LAT"]!, actor: "t")
      }
      #expect(referenced?.message(in: .en) == "unit LAT: breaks a rule of the registry: 2 people")
      let free = try Records.insert(
        db, into: "units", values: ["code": "X2", "name": "Tạm", "kind": "cell"], actor: "t")
      try Records.delete(db, table: "units", id: free, actor: "t")
      #expect(try PartyUnit.fetchOne(db, key: free) == nil)
      #expect(
        try String.fetchOne(db, sql: "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")
          == "delete")
      let people = try Records.insert(
        db, into: "people", values: ["full_name": "Mới", "unit": "DS"], actor: "t")
      #expect(try Person.fetchOne(db, key: people)?.code == "DV-0008")
      let collective = try Records.insert(
        db, into: "collectives", values: ["name": "Ban Chi ủy", "unit": "YT"], actor: "t")
      #expect(try Collective.fetchOne(db, key: collective)?.code == "TT-YT-1")
    }
  }

  @Test func campaignsKeepTheirDeadlinesInOrder() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let issues = try Records.check(
        db, table: "campaigns",
        values: [
          "year": 2024, "d1_registration": "28/03/2024", "d2_report": "15/03/2024",
          "d3_appraisal": "30/11/2024",
        ])
      #expect(
        issues.map { $0.error.message(in: .en) } == [
          "campaign 2024: d1_registration (2024-03-28) must not be after d2_report (2024-03-15)"
        ])
      let id = try Records.insert(
        db, into: "campaigns",
        values: [
          "year": 2024, "d1_registration": "28/03/2024", "d2_report": "15/11/2024",
          "d3_appraisal": "30/11/2024",
          "late_accepted": "không",
        ], actor: "t")
      let campaign = try Campaign.fetchOne(db, key: id)!
      #expect(campaign.title == "Đăng ký mô hình mới, cách làm sáng tạo năm 2024")
      #expect(!campaign.lateAccepted && campaign.excellentMin == 85 && campaign.quorumDen == 3)
      _ = fixture
    }
  }

  @Test func readOnlyRegistriesRefuseRecords() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("ro.sangtao")
    _ = try Registry.open(path: path)
    let registry = try Registry.open(path: path, readOnly: true)
    _ = registry.queue.inDatabase { db in
      #expect(throws: RegistryError.readOnly(path: path)) {
        try Records.insert(
          db, into: "units", values: ["code": "DS", "name": "Đạ Sar", "kind": "cell"], actor: "t")
      }
    }
  }
}
