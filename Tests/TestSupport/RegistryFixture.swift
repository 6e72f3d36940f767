import GRDB
import Registry

/// A small hand-made registry for tests: six units, a few people (two named Nguyễn Văn An), a
/// collective, the 2022 and 2023 campaigns (D1 28/03, D2 15/11, D3 30/11, 7 days' grace), a
/// three-member panel for 2023 with a two-criterion rubric.
///
///     let fixture = try RegistryFixture()
///     try fixture.registry.queue.inDatabase { db in ... fixture.unit["DS"]! ... }
public struct RegistryFixture {
  public let registry: Registry
  /// Unit ids by code: DS, LAT, TT, YT, DMT, BTC.
  public let unit: [String: Int64]
  /// Person ids by code: DV-0001 … DV-0006.
  public let person: [String: Int64]
  /// The collective TT-DS-1 (Ban Thường vụ Đảng ủy xã Đạ Sar).
  public let collective: Int64
  /// Campaign ids by year: 2022, 2023.
  public let campaign: [Int: Int64]
  /// The 2023 panel members: lead (DMT), member (YT), secretary (BTC).
  public let panel: [Int64]
  /// The 2023 rubric and its criteria (C1 max 60, C2 max 40).
  public let rubric: Int64
  public let criteria: [Int64]

  public static let actor = "test"

  /// Builds the fixture in a new in-memory registry, or in `registry`.
  public init(registry: Registry? = nil) throws {
    let registry = try registry ?? Registry.inMemory()
    self.registry = registry
    var unit: [String: Int64] = [:]
    var person: [String: Int64] = [:]
    var campaign: [Int: Int64] = [:]
    var panel: [Int64] = []
    var criteria: [Int64] = []
    var collective: Int64 = 0
    var rubric: Int64 = 0
    try registry.queue.inDatabase { db in
      for (code, name, kind) in [
        ("DS", "Đảng bộ xã Đạ Sar", "commune_committee"),
        ("LAT", "Đảng bộ xã Lát", "commune_committee"),
        ("TT", "Đảng bộ thị trấn Lạc Dương", "commune_committee"),
        ("YT", "Chi bộ Trung tâm Y tế huyện", "cell"),
        ("DMT", "Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện", "cell"),
        ("BTC", "Ban Tổ chức Huyện ủy", "advisory_board"),
      ] {
        unit[code] = try Records.insert(
          db, into: "units", values: ["code": code, "name": name, "kind": kind],
          actor: Self.actor)
      }
      for (code, name, gender, unitCode) in [
        ("DV-0001", "Nguyễn Văn An", "male", "DS"),
        ("DV-0002", "Cil Ha Thủy", "female", "LAT"),
        ("DV-0003", "Trần Thị Bích", "female", "TT"),
        ("DV-0004", "Nguyễn Văn An", "male", "LAT"),
        ("DV-0005", "Lê Minh Đức", "male", "DMT"),
        ("DV-0006", "Kơ Să K'Jang", "male", "YT"),
        ("DV-0007", "Phạm Thu Hà", "female", "BTC"),
      ] {
        person[code] = try Records.insert(
          db, into: "people",
          values: [
            "code": code, "full_name": name,
            "gender": gender, "unit_id": unit[unitCode]!,
          ], actor: Self.actor)
      }
      collective = try Records.insert(
        db, into: "collectives",
        values: [
          "code": "TT-DS-1", "name": "Ban Thường vụ Đảng ủy xã Đạ Sar",
          "unit_id": unit["DS"]!, "head_id": person["DV-0001"]!,
        ], actor: Self.actor)
      for year in [2022, 2023] {
        campaign[year] = try Records.insert(
          db, into: "campaigns",
          values: [
            "year": year, "d1_registration": "\(year)-03-28",
            "d2_report": "\(year)-11-15", "d3_appraisal": "\(year)-11-30",
            "report_grace_days": 7,
          ], actor: Self.actor)
      }
      for (code, role, unitCode) in [
        ("DV-0005", "lead", "DMT"), ("DV-0006", "member", "YT"), ("DV-0007", "secretary", "DMT"),
      ] {
        panel.append(
          try Records.insert(
            db, into: "panel_members",
            values: [
              "campaign_id": campaign[2023]!, "person_id": person[code]!,
              "role": role, "unit_id": unit[unitCode]!,
            ], actor: Self.actor))
      }
      try db.execute(
        sql: "INSERT INTO rubrics (campaign_id, name) VALUES (?, 'Test rubric')",
        arguments: [campaign[2023]])
      rubric = db.lastInsertedRowID
      for (seq, code, max) in [(1, "C1", 60.0), (2, "C2", 40.0)] {
        try db.execute(
          sql:
            "INSERT INTO criteria (rubric_id, code, seq, name, max_points) VALUES (?, ?, ?, ?, ?)",
          arguments: [rubric, code, seq, "Criterion \(code)", max])
        criteria.append(db.lastInsertedRowID)
      }
    }
    self.unit = unit
    self.person = person
    self.collective = collective
    self.campaign = campaign
    self.panel = panel
    self.rubric = rubric
    self.criteria = criteria
  }

  /// Inserts a 2023 registration of `person` (DV-0002 by default) in `status`, received on
  /// 20/03/2023 unless a draft, and returns its id.
  @discardableResult
  public func registration(
    _ db: Database, status: RegistrationStatus = .submitted, person: String = "DV-0002",
    code: String? = nil, outcome: Outcome? = nil, received: String? = "2023-03-20",
    year: Int = 2023
  ) throws -> Int64 {
    var values: [String: any DatabaseValueConvertible] = [
      "year": year, "subject": person,
      "grp": "htxs_year", "title": "Du lịch cộng đồng gắn với nghề dệt thổ cẩm",
      "kind": "model", "field": "economy", "status": status,
    ]
    if let code { values["code"] = code }
    if status != .draft, let received { values["received_on"] = received }
    if let outcome { values["outcome"] = outcome }
    return try Records.insert(db, into: "registrations", values: values, actor: Self.actor)
  }

  /// Adds a results report for registration `id`.
  public func report(_ db: Database, registration id: Int64, submitted: String = "2023-11-10")
    throws
  {
    try db.execute(
      sql: "INSERT INTO reports (registration_id, submitted_on) VALUES (?, ?)",
      arguments: [id, submitted])
  }

  /// Adds a complete score sheet of panel member `member` (index in ``panel``) for `id`.
  public func sheet(
    _ db: Database, registration id: Int64, member: Int = 1, points: [Double] = [50, 30]
  ) throws {
    try db.execute(
      sql:
        "INSERT INTO score_sheets (registration_id, panel_member_id, rubric_id, scored_on) VALUES (?, ?, ?, '2023-11-25')",
      arguments: [id, panel[member], rubric])
    let sheet = db.lastInsertedRowID
    for (criterion, value) in zip(criteria, points) {
      try db.execute(
        sql: "INSERT INTO sheet_points (sheet_id, criterion_id, points) VALUES (?, ?, ?)",
        arguments: [sheet, criterion, value])
    }
  }
}
