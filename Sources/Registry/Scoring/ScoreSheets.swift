import GRDB

/// Records the appraisal team's score sheets, with the checks of DESIGN.md §4: only members of
/// the registration's campaign team, never a member from the registration's own unit, only for
/// registrations with a results report (`reported` or `under_appraisal`), one sheet per member
/// and registration, points for every criterion of the rubric in force, each within 0 and the
/// criterion's maximum and inside one of its bands. Errors name the member, the registration and
/// the criterion.
///
///     let sheet = try ScoreSheets.record(
///       db, registration: "DK-2023-017", member: "DV-0005",
///       points: ["TC1": 22, "TC2": 13, "TC3": 30, "TC4": 12, "TC5": 9],
///       on: Day(iso: "2023-11-24")!, actor: "btc.thu-ky")
public enum ScoreSheets {
  /// Records a complete score sheet and audits it.
  ///
  /// - Parameters:
  ///   - registration: The registration's code (or `#id`).
  ///   - member: The member as a person's code or name (or the panel member's `#id`).
  ///   - points: Points per criterion code.
  /// - Returns: The sheet's id.
  /// - Throws: the first ``ScoringError`` (``check(_:registration:member:points:)`` lists them
  ///   all), ``RegistryError/notFound(entity:key:)``, `readOnly`.
  @discardableResult
  public static func record(
    _ db: Database, registration: String, member: String, points: [String: Double], on date: Day,
    comment: String? = nil, actor: String
  ) throws -> Int64 {
    try RegistryError.checkWritable(db)
    let target = try Target(db, registration: registration, member: member)
    if let problem = try problems(db, target, points: points).first { throw problem }
    var sheetId: Int64 = 0
    try db.inSavepoint {
      try db.execute(
        sql: """
          INSERT INTO score_sheets (registration_id, panel_member_id, rubric_id, scored_on, comment)
          VALUES (?, ?, ?, ?, ?)
          """,
        arguments: [
          target.registrationId, target.memberId, target.rubricId, date,
          comment.map(VietnameseText.nfc),
        ])
      sheetId = db.lastInsertedRowID
      for criterion in target.criteria {
        try db.execute(
          sql: "INSERT INTO sheet_points (sheet_id, criterion_id, points) VALUES (?, ?, ?)",
          arguments: [sheetId, criterion.id, points[criterion.code]!])
      }
      try AuditLog.record(
        db, entity: "score_sheets", entityId: sheetId, action: .insert, before: nil,
        after: [
          ("registration", target.registrationCode.databaseValue),
          ("member", target.memberName.databaseValue),
        ] + target.criteria.map { ($0.code, points[$0.code]!.databaseValue) }, actor: actor,
        on: date)
      return .commit
    }
    return sheetId
  }

  /// Every problem a sheet would have; empty when it can be recorded.
  ///
  /// - Throws: ``RegistryError/notFound(entity:key:)`` for an unknown registration or member.
  public static func check(
    _ db: Database, registration: String, member: String, points: [String: Double]
  ) throws -> [ScoringError] {
    try problems(db, Target(db, registration: registration, member: member), points: points)
  }

  /// Voids a sheet: it stays, with the reason, and no longer counts.
  ///
  /// - Throws: `notFound`, `readOnly`.
  public static func void(_ db: Database, sheet id: Int64, reason: String, actor: String) throws {
    try Records.update(
      db, table: "score_sheets", id: id, values: ["void_reason": reason], actor: actor)
  }

  /// The registration, the member and the rubric a sheet is about.
  struct Target {
    let registrationId: Int64
    let registrationCode: String
    let status: RegistrationStatus
    let unitId: Int64
    let unitName: String
    let year: Int
    let memberId: Int64?
    let memberName: String
    let memberUnitId: Int64?
    let rubricId: Int64?
    let criteria: [(id: Int64, code: String, max: Double, bands: [CriterionDefinition.Band])]

    init(_ db: Database, registration: String, member: String) throws {
      let resolver = ReferenceResolver()
      guard
        case .found(let id) = try resolver.resolve(db, table: "registrations", text: registration),
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT r.code, r.status, r.unit_id, u.name AS unit_name, c.year, r.campaign_id
            FROM registrations r JOIN units u ON u.id = r.unit_id
              JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = ?
            """, arguments: [id])
      else { throw RegistryError.notFound(entity: "registrations", key: registration) }
      registrationId = id
      registrationCode = row["code"]
      status = RegistrationStatus(rawValue: row["status"])!
      unitId = row["unit_id"]
      unitName = row["unit_name"]
      year = row["year"]
      let campaignId: Int64 = row["campaign_id"]
      // The member: a panel member id, or a person of the campaign's team.
      var panelRow: Row?
      if member.hasPrefix("#"), let panelId = Int64(member.dropFirst()) {
        panelRow = try Row.fetchOne(
          db,
          sql: """
            SELECT m.id, m.unit_id, p.full_name, m.campaign_id FROM panel_members m
            JOIN people p ON p.id = m.person_id WHERE m.id = ?
            """, arguments: [panelId])
      }
      if panelRow == nil {
        switch try resolver.resolve(db, table: "people", text: member) {
        case .found(let person):
          panelRow =
            try Row.fetchOne(
              db,
              sql: """
                SELECT m.id, m.unit_id, p.full_name, m.campaign_id FROM people p
                LEFT JOIN panel_members m ON m.person_id = p.id AND m.campaign_id = ?
                WHERE p.id = ?
                """, arguments: [campaignId, person])
        case .ambiguous(let candidates):
          throw RegistryError.ambiguousReference(
            entity: "score_sheets", key: registrationCode, target: "people", value: member,
            candidates: candidates)
        case .missing(let suggestion):
          throw RegistryError.unknownReference(
            entity: "score_sheets", key: registrationCode, target: "people", value: member,
            suggestion: suggestion)
        }
      }
      let onTeam = panelRow.map { ($0["campaign_id"] as Int64?) == campaignId } ?? false
      memberId = onTeam ? panelRow?["id"] : nil
      memberName = panelRow?["full_name"] ?? member
      memberUnitId = onTeam ? panelRow?["unit_id"] : nil
      let current = try Rubrics.current(db, year: year)
      rubricId = current?.id
      if let rubric = current?.id {
        criteria = try Row.fetchAll(
          db, sql: "SELECT id, code, max_points FROM criteria WHERE rubric_id = ? ORDER BY seq",
          arguments: [rubric]
        ).map { row in
          let bands = try Row.fetchAll(
            db,
            sql:
              "SELECT label, min_points, max_points FROM criterion_bands WHERE criterion_id = ? ORDER BY min_points DESC",
            arguments: [row["id"] as Int64]
          ).map {
            CriterionDefinition.Band(
              label: $0["label"], min: $0["min_points"], max: $0["max_points"])
          }
          return (row["id"], row["code"], row["max_points"], bands)
        }
      } else {
        criteria = []
      }
    }
  }

  static func problems(
    _ db: Database, _ target: Target, points: [String: Double], isChange: Bool = false
  ) throws -> [ScoringError] {
    let member = target.memberName
    let code = target.registrationCode
    guard let memberId = target.memberId else {
      return [.notAPanelMember(member: member, year: target.year)]
    }
    var problems: [ScoringError] = []
    if target.memberUnitId == target.unitId {
      problems.append(.ownUnit(member: member, registration: code, unit: target.unitName))
    }
    if !isChange && target.status != .reported && target.status != .underAppraisal {
      problems.append(.notReported(member: member, registration: code, status: target.status))
    }
    let existing = try Bool.fetchOne(
      db,
      sql:
        "SELECT EXISTS (SELECT 1 FROM score_sheets WHERE registration_id = ? AND panel_member_id = ?)",
      arguments: [target.registrationId, memberId])!
    if existing && !isChange {
      problems.append(.alreadyScored(member: member, registration: code))
    }
    guard target.rubricId != nil else { return problems + [.noRubric(year: target.year)] }
    let known = target.criteria.map(\.code)
    for criterion in points.keys.sorted() where !known.contains(criterion) {
      problems.append(
        .unknownCriterion(member: member, registration: code, criterion: criterion, known: known))
    }
    for criterion in target.criteria {
      guard let value = points[criterion.code] else {
        problems.append(
          .missingCriterion(member: member, registration: code, criterion: criterion.code))
        continue
      }
      if value < 0 {
        problems.append(
          .negativePoints(
            member: member, registration: code, criterion: criterion.code, points: value))
      } else if value > criterion.max {
        problems.append(
          .pointsAboveMaximum(
            member: member, registration: code, criterion: criterion.code, points: value,
            max: criterion.max))
      } else if !criterion.bands.isEmpty,
        !criterion.bands.contains(where: { value >= $0.min && value <= $0.max })
      {
        let bands = criterion.bands.map { "\(Scoring.format($0.min))–\(Scoring.format($0.max))" }
          .joined(separator: ", ")
        problems.append(
          .pointsOutsideBands(
            member: member, registration: code, criterion: criterion.code, points: value,
            bands: bands))
      }
    }
    return problems
  }
}
