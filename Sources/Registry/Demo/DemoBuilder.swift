import GRDB

/// The state of one demo generation (see ``DemoGenerator``).
final class DemoBuilder {
  let db: Database
  var random: SplitMix64
  let scale: Int
  let progress: ((DemoGenerator.Progress) -> Void)?
  var summary = DemoGenerator.Summary()

  struct UnitInfo {
    let id: Int64
    let spec: DemoData.UnitSpec
    var people: [Int] = []
    var collectives: [Int] = []
    /// The cores of titles for each field (a template with the place and product put in),
    /// made once, each with its template.
    var titles: [RegistrationField: [(core: String, template: String)]] = [:]
  }

  struct PersonInfo {
    let id: Int64
    let unit: Int
    let ability: Double
    /// Rating per year from 2018 (0 none, 1 HTXS, 2 HTT, 3 HT, 4 KHT).
    var levels: [UInt8]
    let joined: Int
  }

  struct CollectiveInfo {
    let id: Int64
    let unit: Int
    let quality: Double
    let name: String
    var levels: [UInt8]
  }

  struct CampaignInfo {
    let id: Int64
    let year: Int
    let opened: Day
    let d1: Day
    let d2: Day
    let d3: Day
    let grace: Int
    let btv: Day
    let rubric: Int64
    let criteria: [(id: Int64, code: String, max: Double)]
    /// Panel members: id, own unit id, bias of their scores.
    var panel: [(id: Int64, unit: Int64, bias: Double)] = []
  }

  var units: [UnitInfo] = []
  var people: [PersonInfo] = []
  var collectives: [CollectiveInfo] = []
  var campaigns: [CampaignInfo] = []
  var nextRegistration: [Int: Int] = [:]
  /// Titles draw from their own generator, so that how they vary changes no other draw.
  var titleRandom: SplitMix64
  /// The (template, complement) and (core, complement) pairs given so far, and each unit's
  /// titles.
  var usedPairs: Set<String> = []
  var unitTitles: [Int: [(year: Int, field: RegistrationField, title: String)]] = [:]

  static let firstYear = 2018
  static let lastYear = 2023

  let insertPerson: Statement
  let insertRating: Statement
  let insertRegistration: Statement
  let insertTarget: Statement
  let insertReport: Statement
  let insertResult: Statement
  let insertSheet: Statement
  let insertPoint: Statement
  let insertAudit: Statement

  init(db: Database, seed: UInt64, scale: Int, progress: ((DemoGenerator.Progress) -> Void)?)
    throws
  {
    self.db = db
    self.random = SplitMix64(seed: seed)
    self.titleRandom = SplitMix64(seed: seed ^ 0x7469_746C_6573)  // "titles"
    self.scale = scale
    self.progress = progress
    insertPerson = try db.makeStatement(
      sql: """
        INSERT INTO people (code, full_name, gender, birth_year, ethnicity, unit_id, party_position,
          government_position, is_civil_servant, managed_by, email)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    insertRating = try db.makeStatement(
      sql:
        "INSERT INTO ratings (person_id, collective_id, year, level, decision) VALUES (?, ?, ?, ?, ?)"
    )
    insertRegistration = try db.makeStatement(
      sql: """
        INSERT INTO registrations (code, campaign_id, person_id, collective_id, unit_id, grp, title,
          title_folded, kind, field, problem, solution, novelty, scope, start_on, end_on, doc_no,
          doc_date, received_on, proposed_on, status, outcome)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    insertTarget = try db.makeStatement(
      sql:
        "INSERT INTO targets (registration_id, seq, description, measure, planned) VALUES (?, ?, ?, ?, ?)"
    )
    insertReport = try db.makeStatement(
      sql: """
        INSERT INTO reports (registration_id, submitted_on, summary, effectiveness, replicability,
          confirmed_by, confirmed_on, evidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    insertResult = try db.makeStatement(
      sql: "INSERT INTO target_results (report_id, target_id, actual) VALUES (?, ?, ?)")
    insertSheet = try db.makeStatement(
      sql: """
        INSERT INTO score_sheets (registration_id, panel_member_id, rubric_id, scored_on, comment)
        VALUES (?, ?, ?, ?, ?)
        """)
    insertPoint = try db.makeStatement(
      sql: "INSERT INTO sheet_points (sheet_id, criterion_id, points) VALUES (?, ?, ?)")
    insertAudit = try db.makeStatement(
      sql: """
        INSERT INTO audit_log (at, on_date, actor, entity, entity_id, action, before, after, document)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
  }

  func build() throws -> DemoGenerator.Summary {
    // A large page cache keeps index pages in memory for big scales; restored at the end.
    let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
    try db.execute(sql: "PRAGMA cache_size = -262144")
    defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
    try makeUnits()
    try makePeople()
    try makeCollectives()
    try makeRatings()
    try makeCampaigns()
    try makePanels()
    for campaign in campaigns { try makeRegistrations(campaign) }
    try makeBlocks()
    try audit(
      day: Day(iso: "2023-12-28")!, entity: "registrations", id: nil, action: "import",
      before: nil,
      after: #"{"demo":"Lạc Dương 2023","scale":\#(scale)}"#, document: nil)
    return summary
  }

  // MARK: Helpers

  @discardableResult
  func insert(_ statement: Statement, _ values: [(any DatabaseValueConvertible)?]) throws -> Int64 {
    statement.setUncheckedArguments(StatementArguments(values))
    try statement.execute()
    return db.lastInsertedRowID
  }

  func audit(
    day: Day, entity: String, id: Int64?, action: String, before: String?, after: String?,
    document: String?
  ) throws {
    var stamp = Array(day.iso.utf8)
    stamp.append(UInt8(ascii: "T"))
    Day.appendDigits(random.int(7...16), count: 2, to: &stamp)
    stamp.append(UInt8(ascii: ":"))
    Day.appendDigits(random.int(0...59), count: 2, to: &stamp)
    stamp.append(contentsOf: Array(":00Z".utf8))
    try insert(
      insertAudit,
      [
        String(decoding: stamp, as: UTF8.self), day,
        DemoGenerator.actor, entity, id,
        action, before, after, document,
      ])
    summary.auditEntries += 1
  }

  static func levelCode(_ level: UInt8) -> String {
    switch level {
    case 1: "HTXS"
    case 2: "HTT"
    case 3: "HT"
    default: "KHT"
    }
  }

  func personName(female: Bool, minority: Bool) -> String {
    if minority {
      let family = random.pick(DemoData.khoFamilies)
      let given = random.pick(female ? DemoData.khoFemale : DemoData.khoMale)
      return family + " " + given
    }
    let family = random.pick(DemoData.kinhFamilies)
    let middle = random.pick(female ? DemoData.kinhMiddleFemale : DemoData.kinhMiddleMale)
    let given = random.pick(female ? DemoData.kinhFemale : DemoData.kinhMale)
    return family + " " + middle + " " + given
  }

  // MARK: Units and people

  func makeUnits() throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO units (code, name, kind, bloc, member_count, valid_to, email)
        VALUES (?, ?, ?, ?, ?, '2025-06-30', ?)
        """)
    for spec in DemoData.units {
      let id = try insert(
        statement,
        [
          spec.code, spec.name, spec.kind,
          spec.bloc, spec.members,
          "\(spec.code.lowercased())@example.vn",
        ])
      var unit = UnitInfo(id: id, spec: spec)
      for (field, templates) in DemoData.titles.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        var titles: [(core: String, template: String)] = []
        for template in templates {
          // An agency's economic, cultural or mass-mobilization model serves the district;
          // its Party, administrative and security work, and what it does itself, stay its own.
          let ownPlace =
            spec.profile == .commune
            || [.partyBuilding, .adminReform, .defenceSecurity].contains(field)
            || template.contains("do {place}") || template.contains("của {place}")
          let placed = template.replacing(
            "{place}", with: ownPlace ? spec.place : "huyện Lạc Dương")
          if placed.contains("{product}") {
            for product in DemoData.products {
              titles.append((placed.replacing("{product}", with: product), template))
            }
          } else {
            titles.append((placed, template))
          }
        }
        unit.titles[field] = titles
      }
      units.append(unit)
      summary.units += 1
    }
    for (code, name) in DemoData.advisoryBoards {
      try insert(
        statement,
        [
          code, name, UnitKind.advisoryBoard,
          Bloc.partyMass, 0,
          "\(code.lowercased())@example.vn",
        ])
      summary.units += 1
    }
  }

  func makePeople() throws {
    for index in units.indices {
      let spec = units[index].spec
      let leaders = DemoData.leaders(spec.profile, place: spec.place)
      let staff = DemoData.staff(spec.profile)
      for member in 0..<spec.members {
        let isLeader = member < leaders.count
        let female = random.chance(isLeader ? spec.femaleShare * 0.6 : spec.femaleShare)
        let minority = random.chance(spec.minorityShare)
        let party: String
        let government: String?
        let civilServant: Bool
        if isLeader {
          party = leaders[member].party
          government = leaders[member].government
          civilServant = true
        } else {
          let role = random.pick(staff)
          government = role.0
          civilServant = role.1
          party =
            member < leaders.count + 3
            ? (spec.kind == .cell ? "Chi ủy viên" : "Đảng ủy viên") : "Đảng viên"
        }
        let birth = isLeader ? random.int(1966...1984) : random.int(1962...2000)
        let ability = random.normal() + (isLeader ? 0.7 : 0)
        try addPerson(
          unit: index, female: female, minority: minority, birth: birth, party: party,
          government: government, civilServant: civilServant,
          managedByBTV: member < min(3, leaders.count), ability: ability)
      }
      if index % 4 == 0 { progress?(.init(phase: .people, done: index + 1, total: units.count)) }
    }
  }

  @discardableResult
  func addPerson(
    unit: Int, female: Bool, minority: Bool, birth: Int, party: String, government: String?,
    civilServant: Bool, managedByBTV: Bool, ability: Double
  ) throws -> Int {
    let number = people.count + 1
    let code = "DV-" + RecordEditor.padded(number, 4)
    let name = personName(female: female, minority: minority)
    let ethnicity = minority ? random.pick(DemoData.otherMinorities) : "Kinh"
    let email: String? = random.chance(0.3) ? "dv\(RecordEditor.padded(number, 4))@example.vn" : nil
    let id = try insert(
      insertPerson,
      [
        code, name, (female ? "female" : "male"),
        birth, ethnicity, units[unit].id,
        party, government, (civilServant ? 1 : 0),
        (managedByBTV ? "btv" : "grassroots"), email,
      ])
    let joined = max(Self.firstYear, min(Self.lastYear, birth + 23 + random.int(0...6)))
    people.append(
      PersonInfo(
        id: id, unit: unit, ability: ability,
        levels: [UInt8](repeating: 0, count: Self.lastYear - Self.firstYear + 1), joined: joined))
    units[unit].people.append(people.count - 1)
    summary.people += 1
    return people.count - 1
  }

  func makeCollectives() throws {
    let statement = try db.makeStatement(
      sql: "INSERT INTO collectives (code, name, unit_id, head_id) VALUES (?, ?, ?, ?)")
    for index in units.indices {
      let spec = units[index].spec
      for (number, item) in DemoData.collectives(spec).enumerated() {
        let head = people[units[index].people[item.head]].id
        let id = try insert(
          statement,
          [
            "TT-\(spec.code)-\(number + 1)", item.name,
            units[index].id, head,
          ])
        collectives.append(
          CollectiveInfo(
            id: id, unit: index, quality: random.normal(), name: item.name,
            levels: [UInt8](repeating: 0, count: Self.lastYear - Self.firstYear + 1)))
        units[index].collectives.append(collectives.count - 1)
        summary.collectives += 1
      }
    }
  }

  // MARK: Ratings

  func makeRatings() throws {
    for year in Self.firstYear...Self.lastYear {
      let slot = year - Self.firstYear
      for index in units.indices {
        let members = units[index].people.filter { people[$0].joined <= year }
        var scored = members.map { ($0, people[$0].ability + random.normal(deviation: 0.55)) }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let n = scored.count
        var excellent = Int(Double(n) * 0.12)
        let kht = n >= 40 ? Int(Double(n) * 0.015) : (random.chance(0.15) ? 1 : 0)
        let ht = Int(Double(n) * 0.17)
        var htt = n - excellent - ht - kht
        while excellent > 0 && Double(excellent) > 0.2 * Double(htt) {
          excellent -= 1
          htt += 1
        }
        let decision = units[index].spec.kind == .cell ? "-QĐ/CB" : "-QĐ/ĐU"
        let number = "\(random.int(20...240))\(decision)"
        for (rank, (person, _)) in scored.enumerated() {
          let level: UInt8 =
            rank < excellent ? 1 : rank < excellent + htt ? 2 : rank < n - kht ? 3 : 4
          people[person].levels[slot] = level
          try insert(
            insertRating,
            [
              people[person].id, nil, year,
              Self.levelCode(level), number,
            ])
          summary.ratings += 1
        }
      }
      var scored = collectives.indices.map {
        ($0, collectives[$0].quality + random.normal(deviation: 0.5))
      }
      scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      let decision = "\(random.int(900...1400))-QĐ/HU"
      for (rank, (collective, _)) in scored.enumerated() {
        let share = Double(rank) / Double(scored.count)
        let level: UInt8 = share < 0.25 ? 1 : share < 0.9 ? 2 : 3
        collectives[collective].levels[slot] = level
        try insert(
          insertRating,
          [
            nil, collectives[collective].id, year,
            Self.levelCode(level), decision,
          ])
        summary.ratings += 1
      }
      progress?(.init(phase: .ratings, done: slot + 1, total: Self.lastYear - Self.firstYear + 1))
    }
  }

  // MARK: Campaigns and panels

  func makeCampaigns() throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO campaigns (year, title, basis, rule_set, opened_on, d1_registration, d2_report,
          d3_appraisal, btv_review_on, report_grace_days, late_accepted, notes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 7, 1, ?)
        """)
    let specs: [(Int, String, String, String, String, String, String, String, String)] = [
      (
        2022, "Đăng ký mô hình mới, cách làm sáng tạo năm 2022",
        "Công văn 560-CV/HU ngày 05/4/2022 của Ban Thường vụ Huyện ủy",
        "Quy định 132-QĐ/TW, Hướng dẫn 21-HD/BTCTW", "2022-04-05", "2022-04-30", "2022-11-15",
        "2022-11-30", "2022-12-16"
      ),
      (
        2023, "Đăng ký mô hình mới, cách làm sáng tạo năm 2023",
        "Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy; Kết luận 14-KL/TW ngày 22/9/2021; Hướng dẫn 09-HD/BTCTU ngày 14/12/2022",
        "Quy định 124-QĐ/TW ngày 04/10/2023, Hướng dẫn 25-HD/BTCTW", "2023-02-08", "2023-03-28",
        "2023-11-15", "2023-11-30", "2023-12-14"
      ),
    ]
    for (year, title, basis, rules, opened, d1, d2, d3, btv) in specs {
      let id = try insert(
        statement,
        [
          year, title, basis, rules,
          opened, d1, d2, d3,
          btv,
          (year == 2022
            ? "Năm đầu thực hiện; số lượng đăng ký còn ít."
            : "Theo Công văn 848-CV/HU: đăng ký trước 28/3, báo cáo trước 15/11, thẩm định trước 30/11.")
            .databaseValue,
        ])
      summary.campaigns += 1
      let rubric = try Rubrics.define(
        db, year: year, .standard, actor: DemoGenerator.actor, on: Day(iso: opened),
        at: "\(opened)T08:00:00Z")
      summary.auditEntries += 1
      let criteria = try Row.fetchAll(
        db, sql: "SELECT id, code, max_points FROM criteria WHERE rubric_id = ? ORDER BY seq",
        arguments: [rubric]
      ).map { (id: $0["id"] as Int64, code: $0["code"] as String, max: $0["max_points"] as Double) }
      campaigns.append(
        CampaignInfo(
          id: id, year: year, opened: Day(iso: opened)!, d1: Day(iso: d1)!, d2: Day(iso: d2)!,
          d3: Day(iso: d3)!, grace: 7, btv: Day(iso: btv)!, rubric: rubric, criteria: criteria))
    }
  }

  func makePanels() throws {
    let statement = try db.makeStatement(
      sql:
        "INSERT INTO panel_members (campaign_id, person_id, role, agency, unit_id) VALUES (?, ?, ?, ?, ?)"
    )
    let position = try db.makeStatement(
      sql: "UPDATE people SET government_position = ? WHERE id = ?")
    let dmt = units.firstIndex { $0.spec.code == "DMT" }!
    let cq = units.firstIndex { $0.spec.code == "CQ" }!
    // (unit, member index, role, agency, position)
    let teams: [Int: [(Int, Int, PanelRole, String, String)]] = [
      2022: [
        (dmt, 0, .lead, "Ban Tổ chức Huyện ủy", "Phó Trưởng ban Tổ chức Huyện ủy"),
        (dmt, 6, .deputy, "Ủy ban Kiểm tra Huyện ủy", "Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy"),
        (dmt, 3, .member, "Ban Tuyên giáo Huyện ủy", "Phó Trưởng ban Tuyên giáo Huyện ủy"),
        (dmt, 4, .member, "Ban Dân vận Huyện ủy", "Phó Trưởng ban Dân vận Huyện ủy"),
        (cq, 2, .member, "Phòng Nội vụ huyện", "Trưởng phòng Nội vụ huyện"),
        (cq, 4, .member, "Văn phòng HĐND và UBND huyện", "Phó Chánh Văn phòng HĐND và UBND huyện"),
        (dmt, 5, .secretary, "Ban Tổ chức Huyện ủy", "Chuyên viên Ban Tổ chức Huyện ủy"),
      ],
      2023: [
        (dmt, 0, .lead, "Ban Tổ chức Huyện ủy", "Phó Trưởng ban Tổ chức Huyện ủy"),
        (dmt, 2, .deputy, "Ủy ban Kiểm tra Huyện ủy", "Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy"),
        (dmt, 3, .member, "Ban Tuyên giáo Huyện ủy", "Phó Trưởng ban Tuyên giáo Huyện ủy"),
        (dmt, 4, .member, "Ban Dân vận Huyện ủy", "Phó Trưởng ban Dân vận Huyện ủy"),
        (cq, 2, .member, "Phòng Nội vụ huyện", "Trưởng phòng Nội vụ huyện"),
        (
          cq, 3, .member, "Phòng Nông nghiệp và Phát triển nông thôn huyện",
          "Trưởng phòng Nông nghiệp và Phát triển nông thôn huyện"
        ),
        (dmt, 5, .secretary, "Ban Tổ chức Huyện ủy", "Chuyên viên Ban Tổ chức Huyện ủy"),
      ],
    ]
    for index in campaigns.indices {
      for (unit, member, role, agency, title) in teams[campaigns[index].year]! {
        let person = people[units[unit].people[member]]
        let id = try insert(
          statement,
          [
            campaigns[index].id, person.id, role,
            agency, units[unit].id,
          ])
        try insert(position, [title, person.id])
        campaigns[index].panel.append((id, units[unit].id, random.normal(deviation: 2.5)))
        summary.panelMembers += 1
      }
    }
  }
}
