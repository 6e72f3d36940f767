import GRDB
import Registry
import TestSupport
import Testing

/// The built-in rules on the demo registry (Lạc Dương 2023) at the dates, against an
/// oracle written separately: plain Swift over the fetched records, no SQL shared with the
/// planner.
@Suite struct ReminderDemoTests {
  let registry: Registry
  let oracle: Oracle

  init() throws {
    registry = try Registry.inMemory()
    oracle = try registry.queue.inDatabase { db in
      _ = try DemoGenerator().generate(into: db)
      return try Oracle(db)
    }
  }

  /// What the rules should find, computed from the records one by one.
  struct Oracle {
    let campaign: Campaign
    let units: [PartyUnit]
    let registrations: [Registration]
    let reports: [Int64: Day]
    let people: [Int64: Person]
    let collectives: [Int64: Collective]
    let panel: [PanelMember]
    /// Valid sheets: (registration, panel member) → the day scored.
    let sheets: [[Int64]: Day]

    init(_ db: Database) throws {
      let campaign = try #require(try Campaign.fetch(db, year: 2023))
      self.campaign = campaign
      units = try PartyUnit.fetchAll(db)
      registrations = try Registration.fetchAll(db).filter { $0.campaignId == campaign.id }
      reports = Dictionary(
        uniqueKeysWithValues: try Report.fetchAll(db).map { ($0.registrationId, $0.submittedOn) })
      people = Dictionary(uniqueKeysWithValues: try Person.fetchAll(db).map { ($0.id!, $0) })
      collectives = Dictionary(
        uniqueKeysWithValues: try Collective.fetchAll(db).map { ($0.id!, $0) })
      panel = try PanelMember.fetchAll(db).filter { $0.campaignId == campaign.id }
      var sheets: [[Int64]: Day] = [:]
      for row in try Row.fetchAll(
        db,
        sql: "SELECT registration_id, panel_member_id, scored_on FROM sheet_totals WHERE is_valid")
      {
        sheets[[row[0], row[1]]] = row[2]
      }
      self.sheets = sheets
    }

    func counts(_ r: Registration) -> Bool {
      ![.draft, .withdrawn, .cancelled].contains(r.status)
    }

    func open(_ r: Registration) -> Bool {
      counts(r) && r.status != .notReported
    }

    /// Codes of the grassroots organizations with no registration received by `day`.
    func unitsWithoutRegistration(_ day: Day) -> Set<String> {
      let parent = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.parentId) })
      var registered = Set<Int64>()
      for r in registrations where counts(r) && (r.receivedOn.map { $0 <= day } ?? false) {
        registered.insert(r.unitId)
        if let up = parent[r.unitId] ?? nil { registered.insert(up) }
      }
      return Set(
        units.filter { unit in
          unit.kind.isGrassroots && !registered.contains(unit.id!)
            && (unit.validFrom.map { $0 <= day } ?? true)
            && (unit.validTo.map { $0 >= day } ?? true)
        }.map(\.code))
    }

    /// Recipient keys of the proposals for HTXS made by `day` with no report by `day`.
    func proposalsWithoutReport(_ day: Day) -> Set<String> {
      Set(
        registrations.filter { r in
          open(r) && (r.proposedOn.map { $0 <= day } ?? false)
            && !(reports[r.id!].map { $0 <= day } ?? false)
        }.map { r in
          if let person = r.personId { return "person:" + people[person]!.code }
          return "collective:" + collectives[r.collectiveId!]!.code
        })
    }

    /// Per member (person code), the registration codes whose sheet is missing on `day`.
    func missingSheets(_ day: Day) -> [String: Set<String>] {
      var missing: [String: Set<String>] = [:]
      for member in panel {
        for r in registrations
        where open(r) && r.unitId != member.unitId && (reports[r.id!].map { $0 <= day } ?? false)
          && !(sheets[[r.id!, member.id!]].map { $0 <= day } ?? false)
        {
          missing[people[member.personId]!.code, default: []].insert(r.code)
        }
      }
      return missing
    }
  }

  func plan(_ iso: String) throws -> ReminderPlan {
    try registry.queue.inDatabase { db in try ReminderPlanner().plan(db, on: Day(iso: iso)!) }
  }

  func drafts(_ plan: ReminderPlan, _ rule: String) -> [ReminderDraft] {
    plan.drafts.filter { $0.rule == rule }
  }

  @Test func unitsWithoutARegistrationInMarch() throws {
    let d1 = oracle.campaign.d1Registration
    #expect(d1.iso == "2023-03-28")
    #expect(try plan("2023-03-13").drafts.isEmpty, "13/03 is before D1 − 14")
    var previous = Int.max
    for (date, firing) in [
      ("2023-03-14", "2023-03-14"), ("2023-03-21", "2023-03-21"), ("2023-03-25", "2023-03-25"),
      ("2023-03-28", "2023-03-25"),
    ] {
      let expected = oracle.unitsWithoutRegistration(Day(iso: date)!)
      let found = drafts(try plan(date), "no_registration")
      #expect(Set(found.map(\.recipient.key)) == Set(expected.map { "unit:" + $0 }), "\(date)")
      #expect(found.count == expected.count, "\(date): each unit once")
      #expect(found.allSatisfy { $0.dueDate.iso == firing }, "\(date)")
      #expect(
        ["DTNT", "THA", "KB"].allSatisfy { expected.contains($0) },
        "\(date): the organizations that never register")
      #expect(expected.count <= previous && expected.count >= 3)
      previous = expected.count
    }
    #expect(oracle.unitsWithoutRegistration(Day(iso: "2023-03-14")!).count > 3, "not vacuous")
    let after = try plan("2023-03-29")
    #expect(drafts(after, "no_registration").isEmpty)
    let notice = try #require(drafts(after, "late_registrations").first)
    #expect(notice.recipient.key == "unit:BTC")
    #expect(notice.recipient.name == "Ban Tổ chức Huyện ủy")
    let missing = oracle.unitsWithoutRegistration(Day(iso: "2023-03-29")!)
    #expect(notice.body.contains("Đơn vị chưa gửi đăng ký (\(missing.count)):"))
    for unit in oracle.units where missing.contains(unit.code) {
      #expect(notice.body.contains("- \(unit.name) (\(unit.code))"))
    }
    #expect(
      notice.body.hasPrefix("Kính gửi: Lãnh đạo Ban Tổ chức Huyện ủy\n\nTheo Công văn 848-CV/HU"))
  }

  @Test func proposalsWithoutAReportAroundD2() throws {
    #expect(oracle.campaign.d2Report.iso == "2023-11-15")
    var seen = 0
    for (date, firing) in [
      ("2023-10-15", nil), ("2023-10-16", "2023-10-16"), ("2023-11-01", "2023-11-01"),
      ("2023-11-08", "2023-11-08"), ("2023-11-15", "2023-11-08"), ("2023-11-16", nil),
    ] as [(String, String?)] {
      let found = drafts(try plan(date), "no_report")
      guard let firing else {
        #expect(found.isEmpty, "\(date)")
        continue
      }
      let expected = oracle.proposalsWithoutReport(Day(iso: date)!)
      #expect(Set(found.map(\.recipient.key)) == expected, "\(date)")
      #expect(found.count == expected.count, "\(date)")
      #expect(found.allSatisfy { $0.dueDate.iso == firing && $0.registrationId != nil })
      seen += found.count
    }
    #expect(seen > 0, "not vacuous")
    let notice = drafts(try plan("2023-11-16"), "late_reports")
    let missing = oracle.proposalsWithoutReport(Day(iso: "2023-11-16")!)
    let late = oracle.registrations.filter { r in
      oracle.counts(r) && (oracle.reports[r.id!].map { $0.iso == "2023-11-16" } ?? false)
    }
    #expect(notice.count == (missing.isEmpty && late.isEmpty ? 0 : 1))
    if let body = notice.first?.body, !missing.isEmpty {
      #expect(
        body.contains(
          "Đề nghị xếp loại hoàn thành xuất sắc nhiệm vụ chưa có báo cáo kết quả (\(missing.count)):"
        ))
    }
  }

  @Test func teamMembersWithMissingSheetsBeforeD3() throws {
    #expect(oracle.campaign.d3Appraisal.iso == "2023-11-30")
    #expect(drafts(try plan("2023-11-22"), "missing_sheets").isEmpty)
    var seen = 0
    for day in 23...30 {
      let date = "2023-11-\(day)"
      let expected = oracle.missingSheets(Day(iso: date)!)
      let found = drafts(try plan(date), "missing_sheets")
      #expect(
        Set(found.map(\.recipient.key)) == Set(expected.keys.map { "person:" + $0 }), "\(date)")
      for draft in found {
        let codes = expected[String(draft.recipient.key.dropFirst("person:".count))] ?? []
        #expect(draft.body.contains("còn \(codes.count) phiếu chấm chưa hoàn thành"), "\(date)")
        for code in codes { #expect(draft.body.contains("- \(code): "), "\(date) \(code)") }
        #expect(draft.dueDate.iso == date)
      }
      seen += found.count
    }
    #expect(seen > 0, "not vacuous")
    let after = try plan("2023-12-01")
    #expect(drafts(after, "missing_sheets").isEmpty)
    let stillMissing = oracle.missingSheets(Day(iso: "2023-12-01")!)
    if !stillMissing.isEmpty {
      let notice = try #require(drafts(after, "late_sheets").first)
      #expect(
        notice.body.contains(
          "Thành viên Tổ thẩm định còn phiếu chấm chưa hoàn thành (\(stillMissing.count)):"))
    }
  }

  /// A daily cron through the demo's whole campaign records exactly what the daily plans ask,
  /// each reminder once, and fails nothing.
  @Test func aDailyCronThroughTheDemoCampaign() throws {
    let delivery = ReminderDelivery(
      channel: .stdout, from: .init(name: "Ban Tổ chức Huyện ủy", address: "btc@example.vn"),
      output: { _ in })
    var day = Day(iso: "2023-02-15")!
    var keys = Set<String>()
    var sent = 0
    try registry.queue.inDatabase { db in
      while day <= Day(iso: "2023-12-10")! {
        let plan = try ReminderPlanner().plan(db, on: day)
        keys.formUnion(plan.drafts.map(\.dedupeKey))
        let run = try ReminderRunner(delivery: delivery).run(db, plan: plan)
        #expect(run.failedCount == 0 && run.cancelled.isEmpty, "\(day)")
        sent += run.sentCount
        day = day.adding(days: 1)
      }
      let outbox = try Reminder.fetchAll(db)
      #expect(outbox.count == keys.count)
      #expect(sent == keys.count, "each reminder sent once")
      #expect(outbox.allSatisfy { $0.status == "sent" && $0.attempts == 1 })
      #expect(Set(outbox.map(\.rule)) == Set(ReminderRule.builtIn.map(\.name)))
      let addresses = outbox.filter { $0.address != nil }.count
      #expect(addresses > 0)
    }
  }
}
