import GRDB
import Registry
import TestSupport
import Testing

/// The built-in rules on the purpose-built year of ``ReminderScenario``, day by day.
@Suite struct ReminderPlannerTests {
  let scenario: ReminderScenario

  init() throws {
    scenario = try ReminderScenario()
  }

  func plan(_ iso: String, _ planner: ReminderPlanner = ReminderPlanner()) throws -> ReminderPlan {
    try scenario.registry.queue.inDatabase { db in
      try planner.plan(db, on: ReminderScenario.day(iso))
    }
  }

  /// Recipient keys of `rule`, sorted, each with the due date.
  func due(_ plan: ReminderPlan, _ rule: String) -> [String] {
    plan.drafts.filter { $0.rule == rule }.map { "\($0.recipient.key)@\($0.dueDate.iso)" }.sorted()
  }

  @Test func unitsWithoutARegistrationAreRemindedBeforeD1() throws {
    #expect(due(try plan("2023-03-13"), "no_registration") == [])
    #expect(
      due(try plan("2023-03-14"), "no_registration") == [
        "unit:DMT@2023-03-14", "unit:DS@2023-03-14", "unit:TT@2023-03-14", "unit:YT@2023-03-14",
      ], "LAT registered on 10/03; DMT's only 2023 registration is withdrawn")
    #expect(
      due(try plan("2023-03-21"), "no_registration") == [
        "unit:DMT@2023-03-21", "unit:TT@2023-03-21", "unit:YT@2023-03-21",
      ], "DS registered through its collective on 20/03")
    #expect(
      due(try plan("2023-03-25"), "no_registration") == [
        "unit:DMT@2023-03-25", "unit:TT@2023-03-25", "unit:YT@2023-03-25",
      ])
    #expect(
      due(try plan("2023-03-28"), "no_registration") == [
        "unit:DMT@2023-03-25", "unit:YT@2023-03-25",
      ], "on D1 the D1 − 3 firing is still current; TT registered on 26/03")
    #expect(due(try plan("2023-03-29"), "no_registration") == [])
    let plan14 = try plan("2023-03-14")
    #expect(Set(plan14.drafts.map(\.rule)) == ["no_registration"])
    #expect(plan14.evaluated.count == ReminderRule.builtIn.count)
    #expect(plan14.evaluated["no_registration"] == .some(ReminderScenario.day("2023-03-14")))
    #expect(plan14.evaluated["no_report"] == .some(nil))
  }

  @Test func theBoardHearsOfLateRegistrationsTheDayAfterD1() throws {
    #expect(due(try plan("2023-03-28"), "late_registrations") == [])
    let plan29 = try plan("2023-03-29")
    #expect(due(plan29, "late_registrations") == ["unit:BTC@2023-03-29"])
    let notice = try #require(plan29.drafts.first)
    #expect(notice.recipient.address == "bantochuc@lacduong.example")
    #expect(
      notice.body == """
        Kính gửi: Lãnh đạo Ban Tổ chức Huyện ủy

        Theo Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy, hạn gửi đăng ký mô \
        hình mới, cách làm sáng tạo năm 2023 là ngày 28/03/2023. Đến ngày 29/03/2023:

        Đơn vị chưa gửi đăng ký (2):
        - Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện (DMT)
        - Chi bộ Trung tâm Y tế huyện (YT)

        Đề nghị theo dõi, đôn đốc./.

        (Thông báo tự động từ sổ đăng ký sangtao)
        """)
    // A week later the same notice (same key) says what is true then.
    let later = try #require(try plan("2023-04-04").drafts.first)
    #expect(later.dedupeKey == notice.dedupeKey)
    #expect(later.body.contains("Đơn vị chưa gửi đăng ký (1):\n- Chi bộ cơ quan Đảng"))
    #expect(
      later.body.contains(
        "Đăng ký nhận sau hạn (1):\n- DK-2023-004: Kơ Să K'Jang, Chi bộ Trung tâm Y tế huyện: "
          + "nhận ngày 30/03/2023, chậm 2 ngày"))
    #expect(try plan("2023-04-05").drafts.isEmpty)
  }

  @Test func proposalsWithoutAReportAreRemindedBeforeD2() throws {
    #expect(due(try plan("2023-10-15"), "no_report") == [])
    #expect(
      due(try plan("2023-10-16"), "no_report") == [
        "person:DV-0002@2023-10-16", "person:DV-0006@2023-10-16",
      ], "002 is proposed on 20/10 only")
    #expect(
      due(try plan("2023-11-01"), "no_report") == [
        "collective:TT-DS-1@2023-11-01", "person:DV-0002@2023-11-01",
        "person:DV-0006@2023-11-01",
      ])
    #expect(
      due(try plan("2023-11-08"), "no_report") == [
        "collective:TT-DS-1@2023-11-08", "person:DV-0006@2023-11-08",
      ], "001 reported on 05/11")
    let collective = try #require(
      try plan("2023-11-08").drafts.first { $0.recipient.key == "collective:TT-DS-1" })
    #expect(collective.recipient.name == "Ban Thường vụ Đảng ủy xã Đạ Sar")
    #expect(collective.recipient.address == "dv-0001@lacduong.example", "the head's address")
    #expect(collective.registrationId == scenario.registration["DK-2023-002"])
    #expect(
      collective.body.contains(
        "Đến ngày 08/11/2023, Ban Tổ chức Huyện ủy chưa nhận được báo cáo kết quả thực hiện mô "
          + "hình “Đạ Sar xanh, sạch, đẹp” (DK-2023-002, Đảng bộ xã Đạ Sar). Thời hạn còn 7 ngày."))
    let person = try #require(
      try plan("2023-11-08").drafts.first {
        $0.rule == "no_report" && $0.recipient.key == "person:DV-0006"
      })
    #expect(person.body.hasPrefix("Kính gửi: đồng chí Kơ Să K'Jang\n"))
    #expect(due(try plan("2023-11-16"), "no_report") == [])
    #expect(due(try plan("2023-11-16"), "late_reports") == ["unit:BTC@2023-11-16"])
    #expect(
      try plan("2023-11-16").drafts[0].body.contains(
        "Đề nghị xếp loại hoàn thành xuất sắc nhiệm vụ chưa có báo cáo kết quả (1):\n"
          + "- DK-2023-002: Ban Thường vụ Đảng ủy xã Đạ Sar, Đảng bộ xã Đạ Sar"))
  }

  @Test func teamMembersWithMissingSheetsAreRemindedDailyBeforeD3() throws {
    #expect(due(try plan("2023-11-22"), "missing_sheets") == [])
    #expect(
      due(try plan("2023-11-23"), "missing_sheets") == [
        "person:DV-0005@2023-11-23", "person:DV-0006@2023-11-23", "person:DV-0007@2023-11-23",
      ])
    let first = try plan("2023-11-23").drafts
    #expect(first.map(\.recipient.name) == ["Kơ Să K'Jang", "Lê Minh Đức", "Phạm Thu Hà"])
    #expect(
      first[1].body.contains(
        "Đến ngày 23/11/2023, đồng chí còn 2 phiếu chấm chưa hoàn thành:\n"
          + "- DK-2023-002: Đạ Sar xanh, sạch, đẹp (Đảng bộ xã Đạ Sar)\n"
          + "- DK-2023-004: Khám bệnh lưu động cho buôn xa (Chi bộ Trung tâm Y tế huyện)\n\n"
          + "Thời hạn còn 7 ngày."), "the lead scored 001 on 22/11; nobody scores their own unit")
    #expect(
      first[0].body.contains("còn 2 phiếu chấm") && !first[0].body.contains("DK-2023-004"),
      "the member from YT never scores YT's registration")
    #expect(
      due(try plan("2023-11-26"), "missing_sheets") == [
        "person:DV-0006@2023-11-26", "person:DV-0007@2023-11-26",
      ])
    #expect(
      due(try plan("2023-11-30"), "missing_sheets") == [
        "person:DV-0006@2023-11-30", "person:DV-0007@2023-11-30",
      ])
    #expect(try plan("2023-11-30").drafts[0].body.contains("Hôm nay là ngày cuối của thời hạn."))
    #expect(due(try plan("2023-12-01"), "missing_sheets") == [])
    let notice = try #require(try plan("2023-12-01").drafts.first)
    #expect(notice.rule == "late_sheets")
    #expect(
      notice.body.contains(
        "Thành viên Tổ thẩm định còn phiếu chấm chưa hoàn thành (1):\n"
          + "- Kơ Să K'Jang: 1 phiếu (DK-2023-002)\n\n"
          + "Phiếu chấm hoàn thành sau hạn (1):\n"
          + "- Phạm Thu Hà: 3 phiếu (DK-2023-001, DK-2023-002, DK-2023-004)"))
  }

  @Test func theDefaultLetterIsAVietnameseOfficialLetter() throws {
    let letter = try #require(
      try plan("2023-03-14").drafts.first { $0.recipient.key == "unit:DS" })
    #expect(letter.rule == "no_registration")
    #expect(letter.dueDate == ReminderScenario.day("2023-03-14"))
    #expect(letter.recipient.name == "Đảng bộ xã Đạ Sar")
    #expect(letter.recipient.address == "dangbo.dasar@lacduong.example")
    #expect(
      letter.subject
        == "Nhắc đăng ký mô hình mới, cách làm sáng tạo năm 2023 (hạn 28/03/2023)")
    #expect(
      letter.body == """
        Kính gửi: Đảng bộ xã Đạ Sar

        Thực hiện Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy về việc đăng ký \
        thực hiện mô hình mới, cách làm sáng tạo năm 2023, các tổ chức cơ sở đảng triển khai cho \
        tập thể lãnh đạo, quản lý và đảng viên thuộc thẩm quyền quản lý đăng ký mô hình mới, cách \
        làm sáng tạo, gửi về Ban Thường vụ Huyện ủy (qua Ban Tổ chức Huyện ủy) chậm nhất ngày \
        28/03/2023.

        Đến ngày 14/03/2023, Ban Tổ chức Huyện ủy chưa nhận được bản đăng ký mô hình mới, cách \
        làm sáng tạo nào của đơn vị. Thời hạn còn 14 ngày.

        Đề nghị đơn vị quan tâm chỉ đạo, gửi đăng ký đúng thời hạn./.

        BAN TỔ CHỨC HUYỆN ỦY
        """)
    #expect(
      letter.dedupeKey
        == "no_registration|unit:DS|Nhắc đăng ký mô hình mới, cách làm sáng tạo năm 2023 "
        + "(hạn 28/03/2023)|2023-03-14")
    // The catch-up a day later computes the same key, with the days left of that day.
    let next = try #require(try plan("2023-03-15").drafts.first { $0.recipient.key == "unit:DS" })
    #expect(next.dedupeKey == letter.dedupeKey)
    #expect(next.body.contains("Thời hạn còn 13 ngày."))
  }

  @Test func lettersHaveAnEnglishVariant() throws {
    let letter = try #require(
      try plan("2023-03-25", ReminderPlanner(language: .en)).drafts.first {
        $0.recipient.key == "unit:TT"
      })
    #expect(
      letter.subject
        == "Reminder: register new models and creative approaches for 2023 (deadline 28/03/2023)")
    #expect(
      letter.body.hasPrefix("To: Đảng bộ thị trấn Lạc Dương\n\nPursuant to Công văn 848-CV/HU"))
    #expect(
      letter.body.contains(
        "As of 25/03/2023, Ban Tổ chức Huyện ủy has not received any registration"))
    #expect(letter.body.contains("3 days remain."))
  }

  @Test func rulesAreDataThatCanBeChangedOrSwitchedOff() throws {
    var rules = ReminderRule.builtIn
    rules[0].schedule = ReminderSchedule(deadline: .d1, offsets: [-20, -14])
    rules[0].subject = "Còn {days_left} ngày: đăng ký năm {year}"
    rules[0].body = "Kính gửi {addressee} ({unit_code}): hạn {deadline}, {reference_no}."
    rules[3].isEnabled = false
    let planner = ReminderPlanner(rules: rules)
    let early = try plan("2023-03-08", planner)
    #expect(due(early, "no_registration").count == 5, "every grassroots organization on 08/03")
    let tt = try #require(early.drafts.first { $0.recipient.key == "unit:TT" })
    #expect(tt.subject == "Còn 20 ngày: đăng ký năm 2023")
    #expect(tt.body == "Kính gửi Đảng bộ thị trấn Lạc Dương (TT): hạn 28/03/2023, 848-CV/HU.")
    #expect(try plan("2023-03-21", planner).drafts.allSatisfy { $0.dueDate.iso == "2023-03-14" })
    let after = try plan("2023-03-29", planner)
    #expect(after.drafts.isEmpty)
    #expect(after.evaluated["late_registrations"] == nil, "a rule switched off is not evaluated")

    rules[0].body = "Kính gửi {adressee}"
    #expect(
      throws: ReminderError.template(
        rule: "no_registration",
        failure: .unknownPlaceholder(
          name: "adressee",
          known: [
            "addressee", "campaign", "date", "date_iso", "days_left", "days_left_text",
            "deadline", "deadline_iso", "deadline_name", "email", "missing", "name",
            "reference", "reference_no", "rule", "sender", "sender_upper", "unit", "unit_code",
            "year",
          ]))
    ) {
      try plan("2023-03-14", ReminderPlanner(rules: rules))
    }
  }

  @Test func aYearWithoutACampaignRemindsNobody() throws {
    let plan = try plan("2024-03-14")
    #expect(plan.letterhead == nil)
    #expect(plan.drafts.isEmpty)
    #expect(plan.evaluated.count == ReminderRule.builtIn.count)
  }

  @Test func theBoardCanBeNamedAndAnUnknownOneIsAnError() throws {
    let plan = try plan("2023-03-29", ReminderPlanner(boardCode: "DMT"))
    #expect(plan.drafts.map(\.recipient.key) == ["unit:DMT"])
    #expect(plan.letterhead?.sender == "Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện")
    #expect(throws: RegistryError.notFound(entity: "units", key: "XX")) {
      try self.plan("2023-03-29", ReminderPlanner(boardCode: "XX"))
    }
  }

  @Test func theReferenceIsTheFirstBasisDocument() throws {
    let head = try scenario.registry.queue.inDatabase { db in
      try ReminderLetterhead.load(db, year: 2023)
    }
    #expect(head?.reference == "Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy")
    #expect(head?.referenceNumber == "848-CV/HU")
    let bare = try scenario.registry.queue.inDatabase { db in
      try ReminderLetterhead.load(db, year: 2022, language: .en)
    }
    #expect(bare?.reference == "the letter of the Standing Committee")
    #expect(bare?.referenceNumber == "")
    #expect(head?.daysLeftText(-2) == "Đã quá hạn 2 ngày")
    #expect(head?.daysLeftText(1) == "Thời hạn còn 1 ngày")
  }
}
