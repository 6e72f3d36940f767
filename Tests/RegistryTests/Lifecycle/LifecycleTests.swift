import GRDB
import Messages
import Registry
import TestSupport
import Testing

@Suite struct LifecycleTests {
  static let legalMoves: [(RegistrationStatus, RegistrationStatus)] = RegistrationStatus.allCases
    .flatMap { from in Lifecycle.moves(from: from).map { (from, $0) } }

  @Test func theLifecycleHasTheMovesOfTheDesign() {
    #expect(Lifecycle.moves(from: .draft) == [.submitted, .withdrawn, .cancelled])
    #expect(Lifecycle.moves(from: .submitted) == [.returned, .accepted, .withdrawn, .cancelled])
    #expect(Lifecycle.moves(from: .returned) == [.submitted, .withdrawn, .cancelled])
    #expect(Lifecycle.moves(from: .accepted) == [.reported, .notReported, .withdrawn, .cancelled])
    #expect(Lifecycle.moves(from: .reported) == [.underAppraisal, .withdrawn, .cancelled])
    #expect(Lifecycle.moves(from: .underAppraisal) == [.scored, .withdrawn, .cancelled])
    #expect(Lifecycle.moves(from: .scored) == [.recognized, .notPassed, .cancelled])
    #expect(Lifecycle.moves(from: .recognized) == [.sentToBTV, .cancelled])
    #expect(Lifecycle.moves(from: .notPassed) == [.sentToBTV, .cancelled])
    for final in [RegistrationStatus.sentToBTV, .withdrawn, .notReported, .cancelled] {
      #expect(final.isFinal)
    }
    #expect(Self.legalMoves.count == 27)
  }

  @Test(arguments: legalMoves)
  func everyLegalMoveChangesTheStatusAndIsAudited(
    from: RegistrationStatus, to: RegistrationStatus
  ) throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let outcome: Outcome? =
        switch from {
        case .recognized: .pass
        case .notPassed: .notPassed
        default: nil
        }
      let id = try fixture.registration(db, status: from, outcome: outcome)
      if to == .reported { try fixture.report(db, registration: id) }
      if to == .scored { try fixture.sheet(db, registration: id) }
      let date = Day(iso: "2023-11-23")!
      let moved = try Lifecycle.transition(
        db, registration: id, to: to, on: date, actor: "btc.lan", document: "45-CV/BTCHU",
        outcome: to == .recognized ? .excellent : nil)
      #expect(moved.status == to)
      let stored = try Registration.fetchOne(db, key: id)!
      #expect(stored.status == to)
      let history = try Row.fetchAll(
        db, sql: "SELECT * FROM status_history WHERE registration_id = ?", arguments: [id])
      #expect(history.count == 1)
      #expect(history.first?["from_status"] == from.rawValue)
      #expect(history.first?["to_status"] == to.rawValue)
      #expect(history.first?["on_date"] == "2023-11-23")
      #expect(history.first?["actor"] == "btc.lan")
      #expect(history.first?["document"] == "45-CV/BTCHU")
      if to == .recognized { #expect(stored.outcome == .excellent) }
      if to == .notPassed { #expect(stored.outcome == .notPassed) }
    }
  }

  @Test func everyOtherMoveIsIllegal() throws {
    let fixture = try RegistryFixture()
    fixture.registry.queue.inDatabase { db in
      for from in RegistrationStatus.allCases {
        let registration = Registration(
          code: "DK-2023-999", campaignId: fixture.campaign[2023]!,
          subject: .person(fixture.person["DV-0002"]!), unitId: fixture.unit["LAT"]!,
          grp: .htxsYear, title: "x", kind: .model, field: .economy,
          receivedOn: Day(iso: "2023-03-20"), status: from)
        for to in RegistrationStatus.allCases where !Lifecycle.isLegal(from: from, to: to) {
          #expect(
            throws: RegistryError.illegalTransition(
              registration: "DK-2023-999", from: from, to: to,
              expected: Lifecycle.sources(of: to))
          ) {
            try Lifecycle.check(db, registration, to: to, on: Day(iso: "2023-11-23")!)
          }
        }
      }
    }
  }

  func message(
    _ fixture: RegistryFixture, from: RegistrationStatus, to: RegistrationStatus,
    outcome: Outcome? = nil
  ) throws -> (en: String, vi: String) {
    try fixture.registry.queue.inDatabase { db in
      let id = try fixture.registration(db, status: from, code: "DK-2023-017", outcome: outcome)
      do {
        try Lifecycle.transition(
          db, registration: id, to: to, on: Day(iso: "2023-11-20")!, actor: "test")
        Issue.record("\(from) → \(to) should fail")
        return ("", "")
      } catch let error as RegistryError {
        return (error.message(in: .en), error.message(in: .vi))
      }
    }
  }

  @Test func aStatusNoTransitionLeadsToIsSaidSoNotLeftDangling() throws {
    #expect(Lifecycle.sources(of: .draft).isEmpty)
    let text = try message(RegistryFixture(), from: .submitted, to: .draft)
    #expect(
      text.en.hasSuffix(": it is 'submitted', and no transition leads to 'draft'"), "\(text.en)")
    #expect(
      text.vi.hasSuffix(
        ": đăng ký đang ở trạng thái 'submitted' (đã gửi), và không bước chuyển nào dẫn tới 'draft' (nháp)"
      ), "\(text.vi)")
  }

  @Test func illegalMovesNameTheRegistrationItsStatusAndTheExpectedOnes() throws {
    var text = try message(RegistryFixture(), from: .returned, to: .accepted)
    #expect(
      text.en == "cannot accept registration DK-2023-017: it is 'returned', expected 'submitted'")
    #expect(
      text.vi
        == "không thể tiếp nhận đăng ký DK-2023-017: đăng ký đang ở trạng thái 'returned' (trả lại bổ sung), cần 'submitted' (đã gửi)"
    )

    text = try message(RegistryFixture(), from: .accepted, to: .submitted)
    #expect(
      text.en
        == "cannot submit registration DK-2023-017: it is 'accepted', expected 'draft' or 'returned'"
    )
    #expect(
      text.vi
        == "không thể gửi đăng ký DK-2023-017: đăng ký đang ở trạng thái 'accepted' (đã tiếp nhận), cần 'draft' (nháp) hoặc 'returned' (trả lại bổ sung)"
    )

    text = try message(RegistryFixture(), from: .scored, to: .withdrawn)
    #expect(
      text.en
        == "cannot withdraw registration DK-2023-017: it is 'scored', expected 'draft', 'submitted', 'returned', 'accepted', 'reported' or 'under_appraisal'"
    )

    text = try message(RegistryFixture(), from: .scored, to: .sentToBTV)
    #expect(
      text.en
        == "cannot send registration DK-2023-017 to the Standing Committee: it is 'scored', expected 'recognized' or 'not_passed'"
    )
    #expect(
      text.vi
        == "không thể trình Ban Thường vụ đăng ký DK-2023-017: đăng ký đang ở trạng thái 'scored' (đã chấm điểm), cần 'recognized' (được công nhận) hoặc 'not_passed' (không đạt)"
    )

    text = try message(RegistryFixture(), from: .sentToBTV, to: .cancelled, outcome: .pass)
    #expect(
      text.en
        == "cannot cancel registration DK-2023-017: it is 'sent_to_btv', expected 'draft', 'submitted', 'returned', 'accepted', 'reported', 'under_appraisal', 'scored', 'recognized' or 'not_passed'"
    )

    text = try message(RegistryFixture(), from: .draft, to: .accepted)
    #expect(
      text.vi
        == "không thể tiếp nhận đăng ký DK-2023-017: đăng ký đang ở trạng thái 'draft' (nháp), cần 'submitted' (đã gửi)"
    )
  }

  @Test func conditionsOfMovesHaveTheirOwnMessages() throws {
    var text = try message(RegistryFixture(), from: .accepted, to: .reported)
    #expect(
      text.en
        == "cannot record the results report of registration DK-2023-017: there is no results report"
    )
    #expect(
      text.vi
        == "không thể ghi nhận báo cáo kết quả của đăng ký DK-2023-017: chưa có báo cáo kết quả")

    text = try message(RegistryFixture(), from: .underAppraisal, to: .scored)
    #expect(
      text.en == "cannot mark registration DK-2023-017 as scored: there is no valid score sheet")

    text = try message(RegistryFixture(), from: .scored, to: .recognized)
    #expect(
      text.en
        == "cannot recognize registration DK-2023-017: say whether it is recognized as 'excellent' or 'pass'"
    )

    // 20/11 is within D2 (15/11) plus 7 days' grace.
    text = try message(RegistryFixture(), from: .accepted, to: .notReported)
    #expect(
      text.en
        == "cannot mark registration DK-2023-017 as not reported: the report deadline 15/11/2023 (plus 7 days) has not passed on 20/11/2023"
    )
    #expect(
      text.vi
        == "không thể ghi nhận đăng ký DK-2023-017 không báo cáo: hạn báo cáo 15/11/2023 (cộng 7 ngày) chưa qua vào ngày 20/11/2023"
    )
  }

  @Test func lateRegistrationsAreRefusedWhenTheCampaignSaysSo() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      try db.execute(sql: "UPDATE campaigns SET late_accepted = 0 WHERE year = 2023")
      let late = try fixture.registration(
        db, status: .submitted, code: "DK-2023-017", received: "2023-04-02")
      do {
        try Lifecycle.transition(
          db, registration: late, to: .accepted, on: Day(iso: "2023-04-03")!, actor: "t")
        Issue.record("late registration accepted")
      } catch let error as RegistryError {
        #expect(
          error.message(in: .en)
            == "cannot accept registration DK-2023-017: received on 02/04/2023, 5 days after the deadline 28/03/2023, and the 2023 campaign does not accept late registrations"
        )
        #expect(
          error.message(in: .vi)
            == "không thể tiếp nhận đăng ký DK-2023-017: nhận ngày 02/04/2023, muộn 5 ngày so với hạn 28/03/2023, và đợt 2023 không nhận đăng ký muộn"
        )
      }
      // On D1 itself it is on time.
      let onTime = try fixture.registration(
        db, status: .submitted, person: "DV-0003", received: "2023-03-28")
      #expect(
        try Lifecycle.transition(
          db, registration: onTime, to: .accepted, on: Day(iso: "2023-03-29")!, actor: "t"
        ).status == .accepted)
    }
  }

  @Test func aDecisionCannotPrecedeTheReceipt() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let id = try fixture.registration(
        db, status: .submitted, code: "DK-2023-017", received: "2023-03-20")
      #expect(
        throws: RegistryError.dateBeforeReceipt(
          registration: "DK-2023-017", to: .returned, date: Day(iso: "2023-03-19")!,
          received: Day(iso: "2023-03-20")!)
      ) {
        try Lifecycle.transition(
          db, registration: id, to: .returned, on: Day(iso: "2023-03-19")!, actor: "t")
      }
      #expect(
        RegistryError.dateBeforeReceipt(
          registration: "DK-2023-017", to: .returned, date: Day(iso: "2023-03-19")!,
          received: Day(iso: "2023-03-20")!
        ).message(in: .en)
          == "cannot return registration DK-2023-017 for completion: the date 19/03/2023 is before the day it was received, 20/03/2023"
      )
    }
  }

  @Test func submittingADraftRecordsTheFirstReceiptOnly() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let id = try fixture.registration(db, status: .draft)
      #expect(try Registration.fetchOne(db, key: id)!.receivedOn == nil)
      var r = try Lifecycle.transition(
        db, registration: id, to: .submitted, on: Day(iso: "2023-03-25")!, actor: "t")
      #expect(r.receivedOn == Day(iso: "2023-03-25"))
      r = try Lifecycle.transition(
        db, registration: id, to: .returned, on: Day(iso: "2023-03-27")!, actor: "t")
      r = try Lifecycle.transition(
        db, registration: id, to: .submitted, on: Day(iso: "2023-04-05")!, actor: "t")
      #expect(r.receivedOn == Day(iso: "2023-03-25"))
      let campaign = try Campaign.fetch(db, year: 2023)!
      #expect(r.daysLate(in: campaign) == 0)
      #expect(r.isOnTime(in: campaign) == true)
      let history = try String.fetchAll(
        db, sql: "SELECT to_status FROM status_history WHERE registration_id = ? ORDER BY rowid",
        arguments: [id])
      #expect(history == ["submitted", "returned", "submitted"])
      let firstAfter = try String.fetchOne(
        db,
        sql:
          "SELECT after FROM audit_log WHERE entity = 'registrations' AND action = 'transition' AND entity_id = ? ORDER BY id LIMIT 1",
        arguments: [id])
      #expect(firstAfter == #"{"status":"submitted","received_on":"2023-03-25"}"#)
    }
  }

  @Test func transitionsByCodeAndUnknownCodes() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      try fixture.registration(db, status: .submitted, code: "DK-2023-017")
      let r = try Lifecycle.transition(
        db, code: "DK-2023-017", to: .accepted, on: Day(iso: "2023-03-30")!, actor: "t")
      #expect(r.status == .accepted)
      #expect(throws: RegistryError.notFound(entity: "registrations", key: "DK-2023-999")) {
        try Lifecycle.transition(
          db, code: "DK-2023-999", to: .accepted, on: Day(iso: "2023-03-30")!, actor: "t")
      }
      #expect(
        RegistryError.notFound(entity: "registrations", key: "DK-2023-999").message(in: .en)
          == "no registration DK-2023-999")
      #expect(
        RegistryError.notFound(entity: "registrations", key: "DK-2023-999").message(in: .vi)
          == "không có đăng ký DK-2023-999")
    }
  }

  @Test func theDaysLateViewAgreesWithTheSwiftRule() throws {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let received = [
        "2023-03-01", "2023-03-28", "2023-03-29", "2023-04-02", "2023-12-31", "2024-01-02",
      ]
      let people = ["DV-0001", "DV-0002", "DV-0003", "DV-0004", "DV-0005", "DV-0006"]
      let campaign = try Campaign.fetch(db, year: 2023)!
      for (day, person) in zip(received, people) {
        let id = try fixture.registration(db, status: .submitted, person: person, received: day)
        try fixture.report(db, registration: id, submitted: day)
        let viewDays = try Row.fetchOne(
          db,
          sql:
            "SELECT days_late, report_days_late FROM registration_timeliness WHERE registration_id = ?",
          arguments: [id])!
        let r = try Registration.fetchOne(db, key: id)!
        #expect(viewDays["days_late"] == r.daysLate(in: campaign))
        #expect(
          viewDays["report_days_late"]
            == Deadlines(campaign).reportDaysLate(submitted: Day(iso: day)!))
      }
      #expect(
        try Int.fetchOne(
          db, sql: "SELECT days_late FROM registration_timeliness WHERE received_on = '2024-01-02'")
          == 280)
    }
  }

  @Test func aReadOnlyRegistryRefusesMoves() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("ro.sangtao")
    let fixture = try RegistryFixture(registry: Registry.open(path: path))
    let id = try fixture.registry.queue.inDatabase {
      try fixture.registration($0, status: .submitted)
    }
    let readOnly = try Registry.open(path: path, readOnly: true)
    _ = readOnly.queue.inDatabase { db in
      #expect(throws: RegistryError.readOnly(path: path)) {
        try Lifecycle.transition(
          db, registration: id, to: .accepted, on: Day(iso: "2023-03-30")!, actor: "t")
      }
    }
    #expect(
      RegistryError.readOnly(path: path).message(in: .en)
        == "the registry \(path) is open read-only: cannot write changes")
    #expect(
      RegistryError.readOnly(path: path).message(in: .vi)
        == "sổ đăng ký \(path) đang mở chỉ đọc: không thể ghi thay đổi")
  }
}
