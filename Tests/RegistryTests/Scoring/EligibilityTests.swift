import GRDB
import Messages
import Registry
import TestSupport
import Testing

@Suite struct EligibilityTests {
  func failures(_ db: Database, _ name: EligibilityCheck.Name, on date: String = "2023-12-05")
    throws -> [String]
  {
    try Eligibility.checks(db, year: 2023, on: Day(iso: date)!)
      .filter { $0.name == name && !$0.passed }.map { $0.message(in: .en) }
  }

  func passes(_ db: Database, _ name: EligibilityCheck.Name, on date: String = "2023-12-05") throws
    -> [String]
  {
    try Eligibility.checks(db, year: 2023, on: Day(iso: date)!)
      .filter { $0.name == name && $0.passed }.map(\.code)
  }

  @Test func theFiveYearGroupNeedsFourPreviousYearsOfHTXS() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      for (person, levels) in [
        ("DV-0002", ["HTXS", "HTXS", "HTXS", "HTXS"]), ("DV-0003", ["HTXS", nil, "HTT", "HTXS"]),
      ] {
        for (year, level) in zip(2019...2022, levels) {
          if let level {
            try Records.insert(
              db, into: "ratings", values: ["subject": person, "year": year, "level": level],
              actor: "t")
          }
        }
        try Records.insert(
          db, into: "registrations",
          values: [
            "year": 2023, "subject": person, "grp": "htxs_five_years", "title": "Mô hình \(person)",
            "kind": "model", "field": "economy", "received_on": "2023-03-20", "status": "submitted",
          ],
          actor: "t")
      }
      #expect(try passes(db, .fiveYearStreak) == ["DK-2023-001"])
      #expect(
        try failures(db, .fiveYearStreak) == [
          "DK-2023-002: the five-year group needs HTXS in 2019–2022; 2021: HTT, 2020: no rating"
        ])
      let vi = try Eligibility.checks(db, year: 2023, on: Day(iso: "2023-12-05")!)
        .first { $0.name == .fiveYearStreak && !$0.passed }?.message(in: .vi)
      #expect(
        vi
          == "DK-2023-002: nhóm 5 năm liền cần HTXS các năm 2019–2022; 2021: HTT, 2020: chưa xếp loại"
      )
    }
  }

  @Test func proposalsNeedAReportByD2AndAResultByD3() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let onTime = try fixture.registration(
        db, status: .underAppraisal, person: "DV-0001", code: "DK-2023-001")
      let late = try fixture.registration(
        db, status: .underAppraisal, person: "DV-0002", code: "DK-2023-002")
      let none = try fixture.registration(
        db, status: .accepted, person: "DV-0003", code: "DK-2023-003")
      // Not proposed.
      try fixture.registration(db, status: .accepted, person: "DV-0004", code: "DK-2023-004")
      for id in [onTime, late, none] {
        try Records.update(
          db, table: "registrations", id: id, values: ["proposed_on": "2023-10-10"], actor: "t")
      }
      try fixture.report(db, registration: onTime, submitted: "2023-11-15")
      try fixture.report(db, registration: late, submitted: "2023-11-18")
      // Two of the three members may score DV-0001 (DS): both do, a quorum of 2.
      try fixture.sheet(db, registration: onTime, member: 0)
      try fixture.sheet(db, registration: onTime, member: 1)
      // Before D2 nothing is due yet.
      #expect(try failures(db, .reportByD2, on: "2023-11-10").isEmpty)
      #expect(
        try failures(db, .reportByD2) == [
          "DK-2023-002: the results report came on 18/11/2023, 3 days after the deadline 15/11/2023",
          "DK-2023-003 is proposed for HTXS but has no results report (due 15/11/2023)",
        ])
      #expect(try passes(db, .reportByD2) == ["DK-2023-001"])
      #expect(try failures(db, .resultByD3, on: "2023-11-30").isEmpty)
      #expect(
        try failures(db, .resultByD3) == [
          "DK-2023-002 is proposed for HTXS but has no appraisal result by 30/11/2023: 0 valid sheets, 2 needed",
          "DK-2023-003 is proposed for HTXS but has no appraisal result by 30/11/2023: 0 valid sheets, 2 needed",
        ])
      #expect(try passes(db, .resultByD3) == ["DK-2023-001"])
    }
  }

  @Test func oneActiveRegistrationPerSubjectEvenIfTheIndexIsGone() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      try fixture.registration(db, status: .submitted, person: "DV-0002", code: "DK-2023-001")
      #expect(try failures(db, .oneActive).isEmpty)
      // Someone dropped the index in the sqlite3 shell and copied a row.
      try db.execute(sql: "DROP INDEX registrations_one_active")
      try db.execute(
        sql:
          "INSERT INTO registrations (code, campaign_id, person_id, unit_id, grp, title, title_folded, kind, field, received_on, status) SELECT 'DK-2023-002', campaign_id, person_id, unit_id, grp, title, title_folded, kind, field, received_on, status FROM registrations"
      )
      #expect(
        try failures(db, .oneActive) == [
          "DK-2023-001: Cil Ha Thủy (DV-0002) has 2 active registrations for 2023: DK-2023-001, DK-2023-002",
          "DK-2023-002: Cil Ha Thủy (DV-0002) has 2 active registrations for 2023: DK-2023-001, DK-2023-002",
        ])
    }
  }

  @Test func htxsProposalsStayWithinTwentyPercentOfHTT() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      // LAT: eleven members rated HTT in 2022 → a quota of 2 (20 % of 11, rounded down).
      for n in 1...11 {
        let id = try Records.insert(
          db, into: "people", values: ["full_name": "Đảng viên \(n)", "unit": "LAT"], actor: "t")
        try Records.insert(
          db, into: "ratings", values: ["person": id, "year": 2022, "level": "HTT"], actor: "t")
      }
      for (n, person) in ["DV-0002", "DV-0004", "DV-0008"].enumerated() {
        let id = try fixture.registration(
          db, status: .accepted, person: person, code: "DK-2023-00\(n + 1)")
        try Records.update(
          db, table: "registrations", id: id, values: ["proposed_on": "2023-10-10"], actor: "t")
      }
      let quota = try #require(try Eligibility.quotas(db, year: 2023)[fixture.unit["LAT"]!])
      #expect(quota.htt == 11 && quota.quota == 2 && quota.proposals == 3 && quota.headroom == -1)
      #expect(quota.ratingYear == 2022)
      #expect(
        try failures(db, .htxsQuota).first
          == "DK-2023-001: Đảng bộ xã Lát proposes 3 members for HTXS, over its quota of 2 (20 % of 11 rated HTT in 2022)"
      )
      try Lifecycle.transition(
        db, code: "DK-2023-003", to: .withdrawn, on: Day(iso: "2023-10-20")!, actor: "t")
      #expect(try failures(db, .htxsQuota).isEmpty)
      #expect(try passes(db, .htxsQuota) == ["DK-2023-001", "DK-2023-002"])
      #expect(try Eligibility.quotas(db, year: 2023)[fixture.unit["LAT"]!]?.headroom == 0)
    }
  }

  @Test func closeTitlesOfOtherYearsOrUnitsAreFlagged() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      func add(_ code: String, _ person: String, _ year: Int, _ title: String) throws {
        try Records.insert(
          db, into: "registrations",
          values: [
            "code": code, "year": year, "subject": person, "grp": "htxs_year", "title": title,
            "kind": "model", "field": "economy", "received_on": "\(year)-03-20",
            "status": "submitted",
          ],
          actor: "t")
      }
      try add(
        "DK-2022-005", "DV-0002", 2022, "Du lịch cộng đồng gắn với nghề dệt thổ cẩm tại xã Lát")
      try add("DK-2023-001", "DV-0002", 2023, "Du lich cong dong gan voi nghe det tho cam o xa Lat")
      try add(
        "DK-2023-002", "DV-0003", 2023, "Tổ công nghệ số cộng đồng hỗ trợ dịch vụ công trực tuyến")
      let flagged = try failures(db, .possibleReuse)
      #expect(flagged.count == 1)
      #expect(
        flagged.first?.hasPrefix(
          "DK-2023-001 may re-use DK-2022-005 (2022, Đảng bộ xã Lát): “Du lịch cộng đồng gắn với nghề dệt thổ cẩm tại xã Lát” ("
        )
          == true)
      #expect(
        Similarity.titles("Du lịch cộng đồng tại xã Lát", "du lich cong dong tai xa lat") == 1)
      #expect(Similarity.titles("Du lịch cộng đồng", "Camera an ninh") < 0.2)
    }
  }

  @Test func aCollectiveNamesItsHead() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let headless = try Records.insert(
        db, into: "collectives",
        values: ["name": "Chi ủy Chi bộ Trung tâm Y tế huyện", "unit": "YT"], actor: "t")
      for (code, collective) in [("DK-2023-001", "TT-DS-1"), ("DK-2023-002", "TT-YT-1")] {
        try Records.insert(
          db, into: "registrations",
          values: [
            "code": code, "year": 2023, "subject": collective, "title": "Mô hình \(code)",
            "kind": "approach",
            "field": "party_building", "received_on": "2023-03-20", "status": "submitted",
          ], actor: "t")
      }
      _ = headless
      #expect(try passes(db, .collectiveHead) == ["DK-2023-001"])
      #expect(
        try failures(db, .collectiveHead) == [
          "DK-2023-002: the collective Chi ủy Chi bộ Trung tâm Y tế huyện names no head"
        ])
    }
  }

  @Test func theDemoHasFailuresOfEveryKindItShouldHave() throws {
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in
      try DemoGenerator().generate(into: db)
      let checks = try Eligibility.checks(db, year: 2023, on: Day(iso: "2023-12-28")!)
      let failed = Set(checks.filter { !$0.passed }.map(\.name))
      #expect(failed.contains(.fiveYearStreak))
      #expect(failed.contains(.reportByD2))
      #expect(failed.contains(.resultByD3))
      #expect(!failed.contains(.oneActive))
      #expect(!failed.contains(.collectiveHead))
    }
  }
}
