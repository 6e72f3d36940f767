import GRDB
import Messages
import Registry
import TestSupport
import Testing

/// A 2023 panel of seven (one of them from LAT, the registrations' unit) scoring with the
/// standard rubric.
struct ScoringFixture {
  let base: RegistryFixture
  var registry: Registry { base.registry }
  /// Person codes of the seven members, in panel order.
  let members = ["DV-0005", "DV-0006", "DV-0007", "DV-0011", "DV-0012", "DV-0013", "DV-0014"]

  init() throws {
    base = try RegistryFixture()
    try base.registry.queue.inDatabase { db in
      try Rubrics.define(db, year: 2023, .standard, actor: "t")
      for (code, name, unit, role) in [
        ("DV-0011", "Hoàng Minh Tuấn", "TT", "member"),
        ("DV-0012", "Bon Niêng Ha Sen", "DS", "member"),
        ("DV-0013", "Đinh Thị Hạnh", "BTC", "member"), ("DV-0014", "Lơ Mu K'Sim", "LAT", "deputy"),
      ] {
        try Records.insert(
          db, into: "people", values: ["code": code, "full_name": name, "unit": unit], actor: "t")
        try Records.insert(
          db, into: "panel_members",
          values: ["year": 2023, "person": code, "role": role, "unit": unit], actor: "t")
      }
    }
  }

  /// A registration of DV-0002 (LAT) or another person, under appraisal with a report.
  func registration(
    _ db: Database, code: String, person: String = "DV-0002", received: String = "2023-03-20"
  )
    throws -> Int64
  {
    let id = try base.registration(
      db, status: .underAppraisal, person: person, code: code, received: received)
    try base.report(db, registration: id)
    return id
  }

  func sheet(_ db: Database, _ code: String, member: String, _ points: [Double]) throws {
    let codes = ["TC1", "TC2", "TC3", "TC4", "TC5"]
    try ScoreSheets.record(
      db, registration: code, member: member,
      points: Dictionary(uniqueKeysWithValues: zip(codes, points)), on: Day(iso: "2023-11-25")!,
      actor: "t")
  }
}

@Suite struct ScoringTests {
  @Test func meanQuorumSpreadTrimmedMeanAndACustomRule() throws {
    let fixture = try ScoringFixture()
    try fixture.registry.queue.inDatabase { db in
      let id = try fixture.registration(db, code: "DK-2023-017")
      try fixture.sheet(db, "DK-2023-017", member: "DV-0005", [23, 13, 30, 13, 9])  // 88
      try fixture.sheet(db, "DK-2023-017", member: "DV-0006", [20, 12, 28, 12, 8])  // 80
      try fixture.sheet(db, "DK-2023-017", member: "DV-0007", [22, 14, 32, 14, 9])  // 91
      try fixture.sheet(db, "DK-2023-017", member: "DV-0011", [18, 10, 25, 11, 7])  // 71
      try fixture.sheet(db, "DK-2023-017", member: "DV-0012", [24, 14, 33, 14, 10])  // 95
      // DV-0013 has not scored; DV-0014 is from LAT, the registration's unit.
      let result = try Scoring.result(db, registration: id)
      #expect(result.sheets.map(\.total) == [88, 80, 91, 71, 95])
      #expect(result.total == 85)
      #expect(result.combination == "mean")
      #expect(result.level == .excellent)
      #expect(result.teamSize == 7 && result.eligibleMembers == 6)
      #expect(result.quorum == 4 && result.isQuorumMet)
      #expect(result.spread == 24 && result.isSpreadFlagged)
      #expect(result.mean(of: "TC3") == 29.6)
      #expect(result.criterionMeans.map(\.code) == ["TC1", "TC2", "TC3", "TC4", "TC5"])
      #expect(result.mean(of: "TC1") == 21.4)

      // The campaign may combine by trimmed mean: 71 and 95 dropped.
      try db.execute(sql: "UPDATE campaigns SET combine = 'trimmed_mean' WHERE year = 2023")
      let trimmed = try Scoring.result(db, registration: id)
      #expect(trimmed.combination == "trimmed_mean")
      #expect(abs(trimmed.total! - 259.0 / 3) < 1e-9)
      #expect(trimmed.level == .excellent)

      // Any rule: here the median.
      let median = try Scoring.result(db, registration: id) { Scoring.median($0.map(\.total)) }
      #expect(median.total == 88 && median.combination == "custom" && median.level == .excellent)
      let strict = try Scoring.result(db, registration: id) { sheets in
        sheets.map(\.total).min()
      }
      #expect(strict.total == 71 && strict.level == .pass)

      // With thresholds from the campaign.
      try db.execute(
        sql: "UPDATE campaigns SET combine = 'mean', excellent_min = 90 WHERE year = 2023")
      #expect(try Scoring.result(db, registration: id).level == .pass)
      // The same through SQL, as the design shows.
      #expect(
        try Double.fetchOne(db, sql: "SELECT trimmed_mean(total) FROM appraisal_totals") == 259.0
          / 3)
      #expect(try Double.fetchOne(db, sql: "SELECT median(total) FROM appraisal_totals") == 88)
    }
  }

  @Test func aQuorumMissAndSheetsThatDoNotCount() throws {
    let fixture = try ScoringFixture()
    try fixture.registry.queue.inDatabase { db in
      let id = try fixture.registration(db, code: "DK-2023-020", person: "DV-0003")  // from TT
      try fixture.sheet(db, "DK-2023-020", member: "DV-0005", [17, 11, 25, 10, 7])  // 70
      try fixture.sheet(db, "DK-2023-020", member: "DV-0006", [19, 12, 26, 11, 7])  // 75
      try fixture.sheet(db, "DK-2023-020", member: "DV-0007", [18, 11, 26, 10, 7])  // 72
      // 37, voided below.
      try fixture.sheet(db, "DK-2023-020", member: "DV-0012", [10, 5, 14, 5, 3])
      let voided = try Int64.fetchOne(
        db,
        sql:
          "SELECT s.id FROM score_sheets s JOIN panel_members m ON m.id = s.panel_member_id JOIN people p ON p.id = m.person_id WHERE p.code = 'DV-0012'"
      )!
      try ScoreSheets.void(db, sheet: voided, reason: "chấm nhầm hồ sơ", actor: "t")
      // An incomplete sheet, typed in the shell, does not count either.
      try db.execute(
        sql: """
          INSERT INTO score_sheets (registration_id, panel_member_id, rubric_id, scored_on)
          SELECT ?, m.id, (SELECT max(id) FROM rubrics), '2023-11-26' FROM panel_members m
          JOIN people p ON p.id = m.person_id WHERE p.code = 'DV-0013'
          """, arguments: [id])
      let result = try Scoring.result(db, registration: id)
      #expect(result.count == 3)
      #expect(abs(result.total! - 217.0 / 3) < 1e-9)
      #expect(result.eligibleMembers == 6)  // DV-0011 is from TT
      #expect(result.quorum == 4 && !result.isQuorumMet)
      #expect(result.level == nil)  // 72.3 would pass, but three sheets of four are no result yet
      #expect(result.spread == 5 && !result.isSpreadFlagged)
      // With no sheet at all there is no total.
      let empty = try fixture.registration(db, code: "DK-2023-021", person: "DV-0001")
      let none = try Scoring.result(db, registration: empty)
      #expect(none.total == nil && none.level == nil && none.spread == nil && !none.isQuorumMet)
    }
  }

  @Test func rankingBreaksTiesByTC3ThenByReceipt() throws {
    let fixture = try ScoringFixture()
    try fixture.registry.queue.inDatabase { db in
      _ = try fixture.registration(
        db, code: "DK-2023-001", person: "DV-0001", received: "2023-03-20")
      _ = try fixture.registration(
        db, code: "DK-2023-002", person: "DV-0002", received: "2023-03-10")
      _ = try fixture.registration(
        db, code: "DK-2023-003", person: "DV-0003", received: "2023-03-05")
      _ = try fixture.registration(
        db, code: "DK-2023-004", person: "DV-0004", received: "2023-03-01")
      _ = try fixture.registration(
        db, code: "DK-2023-005", person: "DV-0006", received: "2023-03-01")
      // 001: 80 with TC3 28; 002: 80 with TC3 30; 003: 80 with TC3 30, received earlier;
      // 004: 90; 005: no sheet.
      try fixture.sheet(db, "DK-2023-001", member: "DV-0007", [20, 12, 28, 12, 8])
      try fixture.sheet(db, "DK-2023-002", member: "DV-0007", [20, 12, 30, 10, 8])
      try fixture.sheet(db, "DK-2023-003", member: "DV-0007", [20, 12, 30, 10, 8])
      try fixture.sheet(db, "DK-2023-004", member: "DV-0007", [23, 14, 32, 13, 8])
      let ranked = Scoring.ranked(try Scoring.results(db, year: 2023))
      #expect(
        ranked.map(\.code) == [
          "DK-2023-004", "DK-2023-003", "DK-2023-002", "DK-2023-001", "DK-2023-005",
        ])
    }
  }

  @Test func resultsShortOfTheQuorumRankAfterTheOthersAndHaveNoLevel() throws {
    let fixture = try ScoringFixture()
    try fixture.registry.queue.inDatabase { db in
      _ = try fixture.registration(db, code: "DK-2023-001", person: "DV-0001")
      _ = try fixture.registration(db, code: "DK-2023-002", person: "DV-0003")
      // 001: 75 from four sheets, its quorum; 002: 90 from one sheet.
      for member in ["DV-0005", "DV-0006", "DV-0007", "DV-0013"] {
        try fixture.sheet(db, "DK-2023-001", member: member, [18, 11, 28, 11, 7])
      }
      try fixture.sheet(db, "DK-2023-002", member: "DV-0007", [23, 14, 32, 13, 8])
      let ranked = Scoring.ranked(try Scoring.results(db, year: 2023))
      #expect(ranked.map(\.code) == ["DK-2023-001", "DK-2023-002"])
      #expect(ranked.map(\.isQuorumMet) == [true, false])
      #expect(ranked.map(\.level) == [.pass, nil])
      #expect(ranked.map(\.total) == [75, 90])
    }
  }

  func problems(
    _ fixture: ScoringFixture, _ code: String, member: String, _ points: [String: Double]
  ) throws
    -> [String]
  {
    try fixture.registry.queue.inDatabase { db in
      try ScoreSheets.check(db, registration: code, member: member, points: points).map {
        $0.message(in: .en)
      }
    }
  }

  @Test func scoreSheetsAreCheckedAndEachProblemNamed() throws {
    let fixture = try ScoringFixture()
    let full: [String: Double] = ["TC1": 20, "TC2": 12, "TC3": 28, "TC4": 12, "TC5": 8]
    try fixture.registry.queue.inDatabase { db in
      _ = try fixture.registration(db, code: "DK-2023-017")
      try fixture.base.registration(db, status: .accepted, person: "DV-0003", code: "DK-2023-030")
      try fixture.sheet(db, "DK-2023-017", member: "DV-0005", [23, 13, 30, 13, 9])
    }
    #expect(
      try problems(fixture, "DK-2023-017", member: "DV-0001", full) == [
        "Nguyễn Văn An is not a member of the 2023 appraisal team"
      ])
    #expect(
      try problems(fixture, "DK-2023-017", member: "DV-0014", full) == [
        "Lơ Mu K'Sim may not score DK-2023-017: it comes from the member's own unit (Đảng bộ xã Lát)"
      ])
    #expect(
      try problems(fixture, "DK-2023-030", member: "DV-0006", full) == [
        "score sheet of Kơ Să K'Jang for DK-2023-030: it is 'accepted', with no results report to score"
      ])
    #expect(
      try problems(fixture, "DK-2023-017", member: "DV-0005", full) == [
        "Lê Minh Đức already has a score sheet for DK-2023-017"
      ])
    #expect(
      try problems(
        fixture, "DK-2023-017", member: "DV-0006",
        ["TC1": 27, "TC2": -1, "TC3": 28, "TC4": 12, "TC6": 1])
        == [
          "score sheet of Kơ Să K'Jang for DK-2023-017: no criterion TC6 (there are: TC1, TC2, TC3, TC4, TC5)",
          "score sheet of Kơ Să K'Jang for DK-2023-017: TC1 has 27 points, more than its 25",
          "score sheet of Kơ Să K'Jang for DK-2023-017: TC2 cannot be negative (-1)",
          "score sheet of Kơ Să K'Jang for DK-2023-017: TC5 has no points",
        ])
    #expect(
      try problems(
        fixture, "DK-2023-017", member: "DV-0006",
        ["TC1": 22.5, "TC2": 12, "TC3": 28, "TC4": 12, "TC5": 8])
        == [
          "score sheet of Kơ Să K'Jang for DK-2023-017: 22.5 points for TC1 fall in no band (23–25, 17–22, 10–16, 1–9, 0–0)"
        ])
    let vi = try fixture.registry.queue.inDatabase { db in
      try ScoreSheets.check(db, registration: "DK-2023-017", member: "DV-0014", points: full).map {
        $0.message(in: .vi)
      }
    }
    #expect(
      vi == [
        "Lơ Mu K'Sim không được chấm DK-2023-017: đăng ký của chính đơn vị mình (Đảng bộ xã Lát)"
      ])
    fixture.registry.queue.inDatabase { (db: Database) in
      #expect(
        throws: ScoringError.ownUnit(
          member: "Lơ Mu K'Sim", registration: "DK-2023-017", unit: "Đảng bộ xã Lát")
      ) {
        try ScoreSheets.record(
          db, registration: "DK-2023-017", member: "DV-0014", points: full,
          on: Day(iso: "2023-11-25")!,
          actor: "t")
      }
      #expect(throws: RegistryError.notFound(entity: "registrations", key: "DK-2023-999")) {
        try ScoreSheets.check(db, registration: "DK-2023-999", member: "DV-0005", points: full)
      }
    }
  }

  @Test func rubricsAreVersionedDataPerYear() throws {
    let fixture = try ScoringFixture()
    try fixture.registry.queue.inDatabase { db in
      let (id, current) = try #require(try Rubrics.current(db, year: 2023))
      #expect(current == .standard)
      #expect(current.maxPoints == 100)
      #expect(
        try Int.fetchOne(db, sql: "SELECT version FROM rubrics WHERE id = ?", arguments: [id]) == 2)
      let custom = RubricDefinition(
        name: "Thang điểm rút gọn",
        criteria: [
          .init(code: "A", name: "Tính mới", maxPoints: 40),
          .init(
            code: "B", name: "Hiệu quả", maxPoints: 60,
            bands: [.init(label: "Tốt", min: 40, max: 60)]),
        ])
      try Rubrics.define(db, year: 2023, custom, actor: "t")
      #expect(try Rubrics.current(db, year: 2023)?.definition == custom)
      #expect(throws: ScoringError.duplicateCriterion(year: 2023, criterion: "A")) {
        try Rubrics.define(
          db, year: 2023,
          RubricDefinition(
            name: "x",
            criteria: [
              .init(code: "A", name: "a", maxPoints: 1), .init(code: "A", name: "b", maxPoints: 1),
            ]), actor: "t")
      }
      #expect(
        throws: ScoringError.overlappingBands(year: 2023, criterion: "A", first: "x", second: "y")
      ) {
        try Rubrics.define(
          db, year: 2023,
          RubricDefinition(
            name: "x",
            criteria: [
              .init(
                code: "A", name: "a", maxPoints: 10,
                bands: [.init(label: "x", min: 0, max: 5), .init(label: "y", min: 5, max: 10)])
            ]), actor: "t")
      }
      #expect(
        ScoringError.badBand(
          year: 2023, criterion: "A", label: "x", min: 0, max: 12, criterionMax: 10
        ).message(in: .en)
          == "the 2023 rubric: band 'x' of A (0–12) must lie within 0–10")
      #expect(throws: RegistryError.notFound(entity: "campaigns", key: "2031")) {
        try Rubrics.define(db, year: 2031, .standard, actor: "t")
      }
    }
  }

  @Test func theDemoResultsMatchAnIndependentSQLComputation() throws {
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in
      try DemoGenerator().generate(into: db)
      let results = try Scoring.results(db, year: 2023)
      let expected = try Row.fetchAll(
        db,
        sql: """
          SELECT r.code, avg(s.total) AS mean, count(*) AS n, max(s.total) - min(s.total) AS spread
          FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
            JOIN (SELECT sh.registration_id, sum(p.points) AS total FROM score_sheets sh
                  JOIN sheet_points p ON p.sheet_id = sh.id WHERE sh.void_reason IS NULL
                  GROUP BY sh.id HAVING count(*) = 5) s ON s.registration_id = r.id
          WHERE c.year = 2023 GROUP BY r.id ORDER BY r.code
          """)
      let scored = results.filter { $0.total != nil }
      #expect(scored.count == expected.count && scored.count > 50)
      for (result, row) in zip(scored, expected) {
        #expect(result.code == row["code"])
        #expect(abs(result.total! - (row["mean"] as Double)) < 1e-9)
        #expect(result.count == row["n"])
        #expect(result.spread == row["spread"])
      }
      #expect(results.contains { $0.isSpreadFlagged })
      #expect(results.contains { $0.total != nil && !$0.isQuorumMet })
    }
  }
}
