import GRDB
import Registry

/// Two years of work on top of ``RegistryFixture``, for the reports: nine units (one with no
/// registration at all, one that registered only after D1), about fifty people with five years
/// of ratings, leadership collectives, the 2022 and 2023 registrations in every status, reports
/// on time and late, targets with their results, and score sheets (valid, void, incomplete, a
/// wide spread, a registration short of quorum). One 2023 title is hostile
/// (``hostileTitle``): reports must show it inert.
///
///     let fixture = try CampaignFixture()                       // in memory
///     let fixture = try CampaignFixture(path: "/tmp/r.sqlite")  // a file the binary can open
public struct CampaignFixture {
  /// The fixture underneath (units DS, LAT, TT, YT, DMT, BTC; the 2023 panel and rubric).
  public let base: RegistryFixture
  /// The registry.
  public var registry: Registry { base.registry }
  /// Person codes by unit code, in the order they were made (besides the base fixture's).
  public let people: [String: [String]]

  /// A title with markup, quotes and a spreadsheet formula at its start.
  public static let hostileTitle =
    "=HYPERLINK(\"http://evil.example/x\",\"Bấm\") <script>alert('x')</script> "
    + "\"Dân vận khéo\" | *bản làng* & <b>K'Ho</b>"
  /// The summary of the hostile registration's report.
  public static let hostileSummary = "@SUM(A1:A9) <img src=x onerror=alert(1)> 100% \"đạt\""

  /// Builds the data in a new in-memory registry.
  public init() throws {
    try self.init(registry: Registry.inMemory())
  }

  /// Builds the data in a new registry file at `path`.
  public init(path: String) throws {
    try self.init(registry: Registry.open(path: path))
  }

  init(registry: Registry) throws {
    let base = try RegistryFixture(registry: registry)
    self.base = base
    var people: [String: [String]] = [:]
    try registry.queue.inDatabase { db in
      try Self.addUnits(db, base)
      people = try Self.addPeople(db)
      try Self.addRatings(db, people: people)
      try Self.addCollectives(db, base)
      let panel2022 = try Self.addCampaign2022Panel(db, base)
      try Self.addRegistrations(db, base, people: people, panel2022: panel2022)
    }
    self.people = people
  }

  // MARK: Units, people, ratings, collectives

  static let units: [(code: String, name: String, kind: String, bloc: String, members: Int)] = [
    ("DS", "Đảng bộ xã Đạ Sar", "commune_committee", "commune", 120),
    ("LAT", "Đảng bộ xã Lát", "commune_committee", "commune", 150),
    ("TT", "Đảng bộ thị trấn Lạc Dương", "commune_committee", "commune", 210),
    ("YT", "Chi bộ Trung tâm Y tế huyện", "cell", "public_service", 35),
    ("DMT", "Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện", "cell", "party_mass", 40),
    ("BTC", "Ban Tổ chức Huyện ủy", "advisory_board", "party_mass", 12),
    ("DN", "Đảng bộ xã Đạ Nhim", "commune_committee", "commune", 90),
    ("DCH", "Đảng bộ xã Đạ Chais", "commune_committee", "commune", 80),
    ("CA", "Đảng bộ Công an huyện", "agency_committee", "armed_forces", 60),
  ]

  static func addUnits(_ db: Database, _ base: RegistryFixture) throws {
    for unit in units {
      if base.unit[unit.code] == nil {
        try Records.insert(
          db, into: "units", values: ["code": unit.code, "name": unit.name, "kind": unit.kind],
          actor: RegistryFixture.actor)
      }
      try db.execute(
        sql: "UPDATE units SET bloc = ?, member_count = ? WHERE code = ?",
        arguments: [unit.bloc, unit.members, unit.code])
    }
  }

  /// How many people each unit gets, besides the base fixture's.
  static let headcount: [(unit: String, count: Int)] = [
    ("DS", 6), ("LAT", 10), ("TT", 8), ("DN", 5), ("DCH", 4), ("YT", 4), ("DMT", 3), ("CA", 5),
  ]

  static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
  static let givenNames = [
    "Minh", "Lan", "Hùng", "Thảo", "Quang", "Hạnh", "Dũng", "Mai", "Tuấn", "Hương", "Sơn", "Yến",
  ]
  static let khoNames = [
    "K'Bríp", "Ka Hiền", "Liêng Hót Ha Thu", "Cil Múp", "Kră Jăn Dếp", "Rơ Ông Ha Mai",
    "Bon Niêng Ha Lý", "Đa Cát Ha Thương",
  ]

  static func addPeople(_ db: Database) throws -> [String: [String]] {
    var people: [String: [String]] = [:]
    var number = 8
    for (unit, count) in headcount {
      for index in 0..<count {
        let isKHo = ["DS", "LAT", "DN", "DCH"].contains(unit) && index % 2 == 0
        let name =
          isKHo
          ? khoNames[(number + index) % khoNames.count]
          : "\(familyNames[number % familyNames.count]) Văn \(givenNames[number % givenNames.count])"
        let code = "DV-" + fourDigits(number)
        try Records.insert(
          db, into: "people",
          values: [
            "code": code, "full_name": name, "unit": unit,
            "gender": number % 3 == 0 ? "female" : "male", "ethnicity": isKHo ? "Cơ Ho" : "Kinh",
            "birth_year": 1970 + number % 25,
          ], actor: RegistryFixture.actor)
        people[unit, default: []].append(code)
        number += 1
      }
    }
    for (code, ethnicity, year) in [
      ("DV-0001", "Kinh", 1975), ("DV-0002", "Cơ Ho", 1984), ("DV-0003", "Kinh", 1980),
      ("DV-0004", "Kinh", 1979), ("DV-0005", "Kinh", 1972), ("DV-0006", "Cơ Ho", 1986),
      ("DV-0007", "Kinh", 1983),
    ] {
      try db.execute(
        sql: "UPDATE people SET ethnicity = ?, birth_year = ? WHERE code = ?",
        arguments: [ethnicity, year, code])
    }
    return people
  }

  /// Ratings 2018–2022: the first person of a unit is HTXS five years running, the second
  /// HTXS in 2022 only, the third HTXS in 2021 and 2022, the fifth HT in 2022; the rest HTT.
  static func addRatings(_ db: Database, people: [String: [String]]) throws {
    func rate(_ code: String, _ levels: [String]) throws {
      for (offset, level) in levels.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO ratings (person_id, year, level, decision)
            SELECT id, ?, ?, ? FROM people WHERE code = ?
            """, arguments: [2018 + offset, level, "QĐ \(2018 + offset)", code])
      }
    }
    for codes in people.values {
      for (index, code) in codes.enumerated() {
        switch index {
        case 0: try rate(code, ["HTXS", "HTXS", "HTXS", "HTXS", "HTXS"])
        case 1: try rate(code, ["HTT", "HTT", "HTT", "HTT", "HTXS"])
        case 2: try rate(code, ["HTT", "HTT", "HTT", "HTXS", "HTXS"])
        case 4: try rate(code, ["HTT", "HTT", "HTT", "HTT", "HT"])
        default: try rate(code, ["HTT", "HTT", "HTT", "HTT", "HTT"])
        }
      }
    }
    try rate("DV-0001", ["HTXS", "HTXS", "HTXS", "HTXS", "HTXS"])
    try rate("DV-0002", ["HTT", "HTT", "HTXS", "HTT", "HTXS"])
    // Proposed in the five-year group, but HTT in 2020: the check must say so.
    try rate("DV-0003", ["HTXS", "HTXS", "HTT", "HTXS", "HTXS"])
    try rate("DV-0004", ["HTT", "HTT", "HTT", "HTT", "HTT"])
  }

  static func addCollectives(_ db: Database, _ base: RegistryFixture) throws {
    for (code, name, unit) in [
      ("TT-LAT-1", "Ban Thường vụ Đảng ủy xã Lát", "LAT"),
      ("TT-TT-1", "Ban Thường vụ Đảng ủy thị trấn Lạc Dương", "TT"),
      ("TT-DN-1", "Ban Thường vụ Đảng ủy xã Đạ Nhim", "DN"),
      ("TT-CA-1", "Ban Thường vụ Đảng ủy Công an huyện", "CA"),
      ("TT-YT-1", "Chi ủy Chi bộ Trung tâm Y tế huyện", "YT"),
    ] {
      try Records.insert(
        db, into: "collectives", values: ["code": code, "name": name, "unit": unit],
        actor: RegistryFixture.actor)
    }
  }

  /// The 2022 panel (the same three people) and rubric; returns the member ids.
  static func addCampaign2022Panel(_ db: Database, _ base: RegistryFixture) throws -> [Int64] {
    var members: [Int64] = []
    for (code, role, unit) in [
      ("DV-0005", "lead", "DMT"), ("DV-0006", "member", "YT"), ("DV-0007", "secretary", "DMT"),
    ] {
      members.append(
        try Records.insert(
          db, into: "panel_members",
          values: [
            "campaign_id": base.campaign[2022]!, "person_id": base.person[code]!, "role": role,
            "unit_id": base.unit[unit]!,
          ], actor: RegistryFixture.actor))
    }
    try db.execute(
      sql: "INSERT INTO rubrics (campaign_id, name) VALUES (?, 'Test rubric 2022')",
      arguments: [base.campaign[2022]])
    let rubric = db.lastInsertedRowID
    for (seq, code, max) in [(1, "C1", 60.0), (2, "C2", 40.0)] {
      try db.execute(
        sql: "INSERT INTO criteria (rubric_id, code, seq, name, max_points) VALUES (?, ?, ?, ?, ?)",
        arguments: [rubric, code, seq, "Criterion \(code)", max])
    }
    return members
  }

  // MARK: Registrations

  /// One registration to make: who, what, when, how far it went, and its appraisal.
  struct Item {
    var year = 2023
    var subject: String
    var group: String?
    var kind = "model"
    var field = "economy"
    var title: String
    var received: String?
    var status = "submitted"
    var outcome: String?
    var proposed: String?
    var report: String?
    var summary: String?
    /// (description, measure, planned, actual, achieved)
    var targets: [(String, String, Double, Double?, Int?)] = []
    /// Points per panel member (index), or nil for no sheet; a single value is an incomplete
    /// sheet.
    var sheets: [[Double]?] = []
    /// Panel members whose sheet is void.
    var void: Set<Int> = []
  }

  static func items(_ people: [String: [String]]) -> [Item] {
    func p(_ unit: String, _ index: Int) -> String { people[unit]![index] }
    return [
      Item(
        subject: "DV-0002", group: "htxs_year", title: "Du lịch cộng đồng gắn với nghề dệt thổ cẩm",
        received: "2023-03-20", status: "recognized", outcome: "excellent", proposed: "2023-10-20",
        report: "2023-11-10", summary: "36 hộ tham gia, doanh thu 620 triệu đồng",
        targets: [("Hộ tham gia", "hộ", 30, 36, nil), ("Doanh thu", "triệu đồng", 500, 620, nil)],
        sheets: [[55, 35], [52, 33], [56, 36]]),
      Item(
        subject: "DV-0001", group: "htxs_five_years", kind: "approach", field: "party_building",
        title: "Sinh hoạt chi bộ chuyên đề theo nhóm hộ", received: "2023-03-15", status: "scored",
        proposed: "2023-10-25", report: "2023-11-14",
        targets: [("Chi bộ áp dụng", "chi bộ", 8, 6, nil)],
        sheets: [[48, 30], [50, 32], [45, 28]]),
      Item(
        subject: "TT-DS-1", kind: "model", field: "culture_society",
        title: "Đạ Sar xanh – sạch – đẹp",
        received: "2023-03-28", status: "under_appraisal", report: "2023-11-20",
        targets: [("Thôn đạt chuẩn", "thôn", 5, 5, nil), ("Tuyến đường hoa", "km", 10, 7, nil)],
        sheets: [[40, 25], [38, 24], nil]),
      Item(
        subject: "DV-0003", group: "htxs_five_years", kind: "model", field: "admin_reform",
        title: "Một cửa điện tử liên thông ở thị trấn", received: "2023-04-02", status: "scored",
        proposed: "2023-10-30", report: "2023-11-12",
        targets: [("Hồ sơ trực tuyến", "%", 60, 72, nil)],
        sheets: [[58, 38], [30, 20], [57, 37]]),
      Item(
        subject: p("TT", 0), group: "htxs_year", kind: "initiative", field: "mass_mobilization",
        title: hostileTitle, received: "2023-03-25", status: "recognized", outcome: "excellent",
        proposed: "2023-10-15", report: "2023-11-08", summary: hostileSummary,
        targets: [("Hộ hiến đất", "hộ", 40, 52, nil), ("Đường bê tông", "km", 3, 2.5, 1)],
        sheets: [[57, 38], [56, 37], [58, 39]]),
      Item(
        subject: p("LAT", 0), group: "htxs_five_years",
        title: "Cà phê Arabica Lang Biang theo chuỗi giá trị",
        received: "2023-03-10", status: "scored", proposed: "2023-10-10", report: "2023-11-15",
        summary: "Liên kết 120 hộ, giá bán tăng 18 %",
        targets: [("Hộ liên kết", "hộ", 100, 120, nil), ("Giá bán tăng", "%", 15, 18, nil)],
        sheets: [[50, 34], [51, 35], [49, 33]]),
      Item(
        subject: p("LAT", 1), group: "htxs_year", kind: "approach", field: "defence_security",
        title: "Tổ tự quản an ninh trật tự buôn làng", received: "2023-03-27", status: "reported",
        proposed: "2023-10-12", report: "2023-11-30",
        targets: [("Vụ việc giảm", "%", 30, nil, nil)], sheets: [[40], nil, nil]),
      Item(
        subject: "TT-LAT-1", kind: "model", field: "party_building",
        title: "Chi bộ bốn tốt ở thôn đồng bào dân tộc", received: "2023-03-28", status: "accepted"),
      Item(
        subject: p("DN", 0), group: "htxs_five_years", title: "Rau hoa công nghệ cao cho hộ nghèo",
        received: "2023-04-10", status: "returned"),
      Item(
        subject: p("DN", 1), group: "htxs_year", kind: "approach", field: "culture_society",
        title: "Câu lạc bộ cồng chiêng thanh niên", received: "2023-03-30", status: "withdrawn"),
      Item(
        subject: p("YT", 0), group: "htxs_year", kind: "initiative", field: "admin_reform",
        title: "Đặt lịch khám qua Zalo", received: "2023-03-21", status: "recognized",
        outcome: "pass", proposed: "2023-10-01", report: "2023-11-01",
        targets: [("Lượt đặt lịch", "lượt", 2000, 2600, nil)], sheets: [[45, 30], nil, [47, 29]]),
      Item(
        subject: p("DMT", 0), group: "htxs_year", kind: "approach", field: "mass_mobilization",
        title: "Dân vận khéo trong vận động hiến đất làm đường", received: "2023-03-18",
        status: "scored", proposed: "2023-10-05", report: "2023-11-13",
        targets: [("Mét đường", "m", 1500, 1200, nil)], sheets: [nil, [44, 28], nil]),
      Item(
        subject: p("CA", 0), group: "htxs_five_years", kind: "model", field: "defence_security",
        title: "Camera an ninh cộng đồng", received: "2023-03-26", status: "not_passed",
        outcome: "not_passed", proposed: "2023-10-20", report: "2023-11-11",
        targets: [("Camera lắp đặt", "cái", 50, 30, nil)],
        sheets: [[35, 22], [38, 25], [36, 24]]),
      Item(
        subject: "TT-TT-1", title: "Chợ phiên OCOP thị trấn", received: "2023-03-05",
        status: "cancelled"),
      Item(
        subject: p("TT", 1), group: "htxs_year", field: "culture_society",
        title: "Thư viện số cho học sinh dân tộc", received: "2023-03-22",
        status: "under_appraisal",
        proposed: "2023-10-18", report: "2023-11-09",
        targets: [("Học sinh dùng", "em", 300, 340, nil)],
        sheets: [[50, 30], [52, 31], [50, 30]],
        void: [2]),
      Item(
        subject: "TT-YT-1", kind: "approach", field: "admin_reform", title: "Bệnh án điện tử",
        received: "2023-04-05", status: "submitted"),
      Item(
        subject: p("DS", 0), group: "htxs_year", title: "Sấy nông sản bằng năng lượng mặt trời",
        status: "draft"),
      Item(
        subject: p("DS", 1), group: "htxs_year", title: "Nuôi cá tầm nước lạnh",
        received: "2023-03-24", status: "returned"),
      Item(
        subject: p("LAT", 2), group: "htxs_year", title: "Hợp tác xã dệt thổ cẩm K'Ho",
        received: "2023-03-23", status: "accepted", proposed: "2023-10-22"),
      // 2022, for the year over year.
      Item(
        year: 2022, subject: "DV-0001", group: "htxs_year", title: "Cà phê sạch Đạ Sar",
        received: "2022-03-20", status: "recognized", outcome: "pass", proposed: "2022-10-10",
        report: "2022-11-10", targets: [("Hộ áp dụng", "hộ", 20, 24, nil)],
        sheets: [[45, 30], [46, 31], [44, 29]]),
      Item(
        year: 2022, subject: "DV-0002", group: "htxs_year", kind: "approach",
        field: "culture_society", title: "Lớp học tiếng K'Ho cho cán bộ", received: "2022-03-25",
        status: "recognized", outcome: "excellent", proposed: "2022-10-12", report: "2022-11-14",
        targets: [("Cán bộ học", "người", 40, 45, nil)], sheets: [[53, 35], [52, 34], [54, 36]]),
      Item(
        year: 2022, subject: "DV-0003", group: "htxs_year", field: "admin_reform",
        title: "Tiếp nhận hồ sơ qua Zalo", received: "2022-04-05", status: "not_passed",
        outcome: "not_passed", proposed: "2022-10-15", report: "2022-11-20",
        targets: [("Hồ sơ", "hồ sơ", 500, 300, nil)], sheets: [[36, 24], [39, 26], [37, 25]]),
      Item(
        year: 2022, subject: "TT-DS-1", field: "party_building", title: "Nghị quyết vào cuộc sống",
        received: "2022-03-28", status: "recognized", outcome: "pass", report: "2022-11-15",
        sheets: [[47, 31], [48, 32], [46, 30]]),
      Item(
        year: 2022, subject: p("LAT", 0), group: "htxs_five_years",
        title: "Cà phê Arabica Lang Biang", received: "2022-03-10", status: "recognized",
        outcome: "excellent", proposed: "2022-10-01", report: "2022-11-01",
        targets: [("Hộ liên kết", "hộ", 60, 70, nil)], sheets: [[55, 37], [54, 36], [55, 36]]),
      Item(
        year: 2022, subject: p("YT", 0), group: "htxs_year", title: "Khám sàng lọc lưu động",
        received: "2022-03-27", status: "withdrawn"),
      Item(
        year: 2022, subject: p("CA", 0), group: "htxs_five_years", field: "defence_security",
        title: "Tổ liên gia an toàn", received: "2022-03-15", status: "recognized", outcome: "pass",
        proposed: "2022-10-05", report: "2022-11-05", sheets: [[43, 29], nil, [44, 30]]),
      Item(
        year: 2022, subject: p("DMT", 0), group: "htxs_year",
        title: "Tuyên truyền qua loa truyền thanh",
        received: "2022-04-01", status: "not_reported"),
    ]
  }

  static func addRegistrations(
    _ db: Database, _ base: RegistryFixture, people: [String: [String]], panel2022: [Int64]
  ) throws {
    for item in items(people) {
      var values: [String: any DatabaseValueConvertible] = [
        "year": item.year, "subject": item.subject, "kind": item.kind, "field": item.field,
        "title": item.title, "status": item.status,
      ]
      if let group = item.group { values["grp"] = group }
      if let received = item.received { values["received_on"] = received }
      if let outcome = item.outcome { values["outcome"] = outcome }
      if let proposed = item.proposed { values["proposed_on"] = proposed }
      let id = try Records.insert(
        db, into: "registrations", values: values, actor: RegistryFixture.actor)
      var report: Int64?
      if let submitted = item.report {
        try db.execute(
          sql: """
            INSERT INTO reports (registration_id, submitted_on, summary, replicability)
            VALUES (?, ?, ?, ?)
            """,
          arguments: [
            id, submitted, item.summary, item.summary == nil ? nil : "Nhân rộng ra toàn huyện",
          ])
        report = db.lastInsertedRowID
      }
      for (seq, target) in item.targets.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO targets (registration_id, seq, description, measure, planned)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [id, seq + 1, target.0, target.1, target.2])
        let targetId = db.lastInsertedRowID
        if let report, target.3 != nil || target.4 != nil {
          try db.execute(
            sql: """
              INSERT INTO target_results (report_id, target_id, actual, achieved)
              VALUES (?, ?, ?, ?)
              """, arguments: [report, targetId, target.3, target.4])
        }
      }
      let members = item.year == 2023 ? base.panel : panel2022
      let rubric = try Int64.fetchOne(
        db,
        sql: """
          SELECT r.id FROM rubrics r JOIN campaigns c ON c.id = r.campaign_id WHERE c.year = ?
          """, arguments: [item.year])!
      for (member, points) in item.sheets.enumerated() {
        guard let points else { continue }
        try db.execute(
          sql: """
            INSERT INTO score_sheets
              (registration_id, panel_member_id, rubric_id, scored_on, void_reason)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [
            id, members[member], rubric, "\(item.year)-11-25",
            item.void.contains(member) ? "chấm nhầm hồ sơ" : nil,
          ])
        let sheet = db.lastInsertedRowID
        let criteria = try Int64.fetchAll(
          db, sql: "SELECT id FROM criteria WHERE rubric_id = ? ORDER BY seq", arguments: [rubric])
        for (criterion, value) in zip(criteria, points) {
          try db.execute(
            sql: "INSERT INTO sheet_points (sheet_id, criterion_id, points) VALUES (?, ?, ?)",
            arguments: [sheet, criterion, value])
        }
      }
    }
  }
}

/// `number` with four digits: 8 → "0008".
private func fourDigits(_ number: Int) -> String {
  let digits = String(number)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
