import GRDB
import Registry
import TestSupport
import Testing

@Suite struct DemoGeneratorTests {
  /// Every row of every table, in id order.
  static func content(_ registry: Registry) throws -> [String: [Row]] {
    try registry.queue.inDatabase { db in
      var content: [String: [Row]] = [:]
      for entity in Schema.current.entities where !entity.isView {
        content[entity.table] = try Row.fetchAll(
          db, sql: "SELECT * FROM \(entity.table) ORDER BY id")
      }
      return content
    }
  }

  static func demo(seed: UInt64 = DemoGenerator.defaultSeed, scale: Int = 1) throws -> Registry {
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in
      _ = try DemoGenerator(seed: seed, scale: scale).generate(into: db)
    }
    return registry
  }

  @Test func theSameSeedMakesTheSameRegistry() throws {
    let first = try Self.content(Self.demo())
    let second = try Self.content(Self.demo())
    #expect(first == second)
    #expect(first["registrations"]!.count > 200)
    let other = try Self.content(Self.demo(seed: 2023))
    #expect(other["people"] != first["people"])
    #expect(try Self.content(Self.demo(scale: 3)) == Self.content(Self.demo(scale: 3)))
  }

  @Test func theSummaryCountsWhatWasWritten() throws {
    let registry = try Registry.inMemory()
    let summary = try registry.queue.inDatabase { try DemoGenerator(scale: 2).generate(into: $0) }
    let count = try registry.queue.inDatabase { db in
      var count: [String: Int] = [:]
      for entity in Schema.current.entities where !entity.isView {
        count[entity.table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(entity.table)")!
      }
      return count
    }
    #expect(summary.units == count["units"])
    #expect(summary.people == count["people"])
    #expect(summary.collectives == count["collectives"])
    #expect(summary.ratings == count["ratings"])
    #expect(summary.campaigns == count["campaigns"])
    #expect(summary.registrations == count["registrations"])
    #expect(summary.targets == count["targets"])
    #expect(summary.reports == count["reports"])
    #expect(summary.panelMembers == count["panel_members"])
    #expect(summary.scoreSheets == count["score_sheets"])
    #expect(summary.auditEntries == count["audit_log"])
  }

  @Test(arguments: [1, 3])
  func theSchemasRulesHold(scale: Int) throws {
    let registry = try Self.demo(scale: scale)
    try registry.queue.inDatabase { db in
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
      // One active registration per subject and year.
      #expect(
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM (SELECT 1 FROM registrations WHERE status NOT IN ('withdrawn','cancelled')
            GROUP BY campaign_id, person_id, collective_id HAVING count(*) > 1)
            """) == 0)
      // Sheets only from the campaign's panel, never from the registration's own unit.
      #expect(
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM score_sheets s JOIN registrations r ON r.id = s.registration_id
              JOIN panel_members m ON m.id = s.panel_member_id
            WHERE m.campaign_id <> r.campaign_id OR m.unit_id = r.unit_id
            """) == 0)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM score_sheets") ?? 0 > 500)
      // Folded titles follow titles; names and titles are NFC.
      for row in try Row.fetchAll(db, sql: "SELECT title, title_folded FROM registrations") {
        let title: String = row["title"]
        #expect(row["title_folded"] == VietnameseText.fold(title))
        #expect(Array(VietnameseText.nfc(title).unicodeScalars) == Array(title.unicodeScalars))
      }
      for name in try String.fetchAll(db, sql: "SELECT full_name FROM people") {
        #expect(Array(VietnameseText.nfc(name).unicodeScalars) == Array(name.unicodeScalars))
      }
      #expect(
        try Int.fetchOne(db, sql: "SELECT count(*) FROM people WHERE email NOT LIKE '%@example.vn'")
          == 0)
      #expect(
        try Int.fetchOne(db, sql: "SELECT count(*) FROM units WHERE email NOT LIKE '%@example.vn'")
          == 0)
    }
  }

  @Test func everyStatusWasReachedByLegalMoves() throws {
    let registry = try Self.demo()
    try registry.queue.inDatabase { db in
      let history = try Row.fetchAll(
        db, sql: "SELECT registration_id, from_status, to_status FROM status_history ORDER BY rowid"
      )
      var current: [Int64: RegistrationStatus] = [:]
      for move in history {
        let id: Int64 = move["registration_id"]
        let from = RegistrationStatus(rawValue: move["from_status"])!
        let to = RegistrationStatus(rawValue: move["to_status"])!
        #expect(from == current[id, default: .draft], "registration #\(id)")
        #expect(Lifecycle.isLegal(from: from, to: to), "\(from) → \(to)")
        current[id] = to
      }
      for registration in try Registration.fetchAll(db) {
        #expect(
          registration.status == current[registration.id!, default: .draft], "\(registration.code)")
      }
      // Scored registrations have a quorum of valid sheets and the outcome of their mean.
      let decided = try Row.fetchAll(
        db,
        sql: """
          SELECT r.id, r.outcome, avg(t.total) AS mean, count(t.sheet_id) AS sheets
          FROM registrations r JOIN appraisal_totals t ON t.registration_id = r.id
          WHERE r.status IN ('scored','recognized','not_passed','sent_to_btv') GROUP BY r.id
          """)
      #expect(decided.count > 100)
      for row in decided {
        let mean: Double = row["mean"]
        let expected: Outcome = mean >= 85 ? .excellent : mean >= 70 ? .pass : .notPassed
        #expect(row["outcome"] == expected.rawValue)
        #expect((row["sheets"] as Int) >= 2)
      }
    }
  }

  @Test func itLooksLikeLacDuongIn2023() throws {
    let registry = try Self.demo()
    try registry.queue.inDatabase { db in
      let count2023 = try Int.fetchOne(
        db,
        sql:
          "SELECT count(*) FROM registrations WHERE campaign_id = (SELECT id FROM campaigns WHERE year = 2023)"
      )!
      let count2022 = try Int.fetchOne(
        db,
        sql:
          "SELECT count(*) FROM registrations WHERE campaign_id = (SELECT id FROM campaigns WHERE year = 2022)"
      )!
      #expect((150...250).contains(count2023))
      #expect(count2022 < count2023)
      let campaign = try #require(try Campaign.fetch(db, year: 2023))
      #expect(campaign.d1Registration == Day(iso: "2023-03-28"))
      #expect(campaign.d2Report == Day(iso: "2023-11-15"))
      #expect(campaign.d3Appraisal == Day(iso: "2023-11-30"))
      #expect(campaign.basis?.contains("848-CV/HU") == true)
      // The real communes and town.
      let names = try String.fetchAll(db, sql: "SELECT name FROM units")
      for place in [
        "thị trấn Lạc Dương", "xã Lát", "xã Đạ Sar", "xã Đạ Nhim", "xã Đạ Chais", "xã Đưng K'Nớ",
      ] {
        #expect(names.contains("Đảng bộ " + place))
      }
      // Units that never register.
      let silent = try String.fetchAll(
        db,
        sql: """
          SELECT code FROM units u WHERE kind <> 'advisory_board'
            AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.unit_id = u.id) ORDER BY code
          """)
      #expect(silent == ["DTNT", "KB", "THA"])
      // Every status of a real year, some late, all groups and fields.
      let statuses = Set(
        try String.fetchAll(
          db, sql: "SELECT DISTINCT status FROM registrations WHERE campaign_id = ?",
          arguments: [campaign.id]))
      for status in [
        "accepted", "returned", "withdrawn", "not_reported", "under_appraisal", "sent_to_btv",
      ] {
        #expect(statuses.contains(status), "\(status)")
      }
      let late = try Int.fetchOne(
        db, sql: "SELECT count(*) FROM registration_timeliness WHERE year = 2023 AND days_late > 0")!
      #expect(late >= 10 && late <= count2023 / 4)
      #expect(
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT grp FROM registrations"))
          == Set(RegistrationGroup.codes))
      #expect(
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT field FROM registrations"))
          == Set(RegistrationField.codes))
      // Reports for most HTXS proposals.
      let proposed = try Int.fetchOne(
        db, sql: "SELECT count(*) FROM registrations WHERE proposed_on IS NOT NULL")!
      let reported = try Int.fetchOne(
        db,
        sql:
          "SELECT count(*) FROM registrations r JOIN reports p ON p.registration_id = r.id WHERE r.proposed_on IS NOT NULL"
      )!
      #expect(Double(reported) >= 0.85 * Double(proposed))
      // A seven-member team each year.
      #expect(
        try Int.fetchAll(db, sql: "SELECT count(*) FROM panel_members GROUP BY campaign_id") == [
          7, 7,
        ])
      // Members from ethnic minorities, mostly Cơ Ho, and women.
      let minority = try Double.fetchOne(db, sql: "SELECT avg(ethnicity <> 'Kinh') FROM people")!
      #expect(minority > 0.35 && minority < 0.75)
      let women = try Double.fetchOne(db, sql: "SELECT avg(gender = 'female') FROM people")!
      #expect(women > 0.25 && women < 0.5)
    }
  }

  @Test func fewTitlesLookReusedAndSomeAreReusedOnPurpose() throws {
    // Units describe their models in their own words; a few register an earlier model again
    // under its old title, which possible_reuse must find, and little else.
    let registry = try Self.demo()
    let reuses = try registry.queue.inDatabase { db in
      try Eligibility.checks(db, year: 2023, on: Day(iso: "2023-12-05")!)
        .filter { $0.name == .possibleReuse }
    }
    let flagged = reuses.filter { !$0.passed }
    #expect(reuses.count > 150)
    #expect(flagged.count * 20 < reuses.count, "\(flagged.count) of \(reuses.count) flagged")
    let verbatim = flagged.filter {
      if case .reuse(_, _, _, _, let similarity) = $0.problem { return similarity == 1 }
      return false
    }
    #expect(!verbatim.isEmpty)
  }

  @Test func ratingsKeepTheQuotaAndFiveYearStreaksBothHoldAndBreak() throws {
    let registry = try Self.demo()
    try registry.queue.inDatabase { db in
      // HTXS within 20 % of HTT, per organization and year.
      let overQuota = try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM (
            SELECT p.unit_id, r.year, sum(r.level = 'HTXS') AS htxs, sum(r.level = 'HTT') AS htt
            FROM ratings r JOIN people p ON p.id = r.person_id GROUP BY 1, 2)
          WHERE htxs > 0.2 * htt
          """)
      #expect(overQuota == 0)
      #expect(
        try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM ratings ORDER BY year")
          == Array(2018...2023))
      // Five-year registrants of 2023: most hold HTXS for 2019–2022, some do not.
      let streaks = try Int.fetchAll(
        db,
        sql: """
          SELECT (SELECT count(*) FROM ratings x WHERE x.person_id = r.person_id
                    AND x.year BETWEEN 2019 AND 2022 AND x.level = 'HTXS')
          FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
          WHERE c.year = 2023 AND r.grp = 'htxs_five_years'
          """)
      #expect(streaks.filter { $0 == 4 }.count > streaks.count / 2)
      #expect(streaks.contains { $0 < 4 })
    }
  }

  @Test func theBundledDemoIsCreatedOnceAtomicallyAndPrivately() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("demo.sangtao")
    var phases: [DemoGenerator.Progress.Phase] = []
    let registry = try DemoGenerator.openOrCreate(at: path) { phases.append($0.phase) }
    #expect(fileMode(path) == 0o600)
    #expect(phases.contains(.people) && phases.contains(.ratings))
    let count = try registry.queue.inDatabase {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM registrations")!
    }
    #expect(count > 200)
    try registry.queue.inDatabase { (db: Database) throws in
      #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
      #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
    }
    phases = []
    let again = try DemoGenerator.openOrCreate(at: path) { phases.append($0.phase) }
    #expect(phases.isEmpty)
    let recount = try again.queue.inDatabase {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM registrations")!
    }
    #expect(recount == count)
    #expect(
      DemoGenerator.Progress(phase: .registrations, done: 120, total: 300).message(in: .vi)
        == "Đang tạo sổ đăng ký mẫu – đăng ký: 120/300")
    #expect(
      DemoGenerator.Progress(phase: .blocks, done: 3, total: 9).message(in: .en)
        == "Making the demo registry – scale blocks: 3/9")
  }
}
