import GRDB

/// Rubrics stored per campaign year and versioned: defining a rubric for a year adds the next
/// version, which is the one in force (the highest). Earlier versions stay, with the sheets
/// scored against them.
///
///     try Rubrics.define(db, year: 2024, RubricDefinition.standard, actor: "btc.lan")
///     let (id, rubric) = try Rubrics.current(db, year: 2024)!
public enum Rubrics {
  /// Stores `definition` as the next version of the rubric of `year`.
  ///
  /// - Returns: The new rubric's id.
  /// - Throws: `notFound` for a year without campaign, ``ScoringError`` for a rubric without
  ///   criteria, with duplicate codes, a band outside its criterion or overlapping bands;
  ///   `readOnly`.
  @discardableResult
  public static func define(
    _ db: Database, year: Int, _ definition: RubricDefinition, actor: String,
    on date: Day? = nil
  ) throws -> Int64 {
    try define(db, year: year, definition, actor: actor, on: date, at: nil)
  }

  static func define(
    _ db: Database, year: Int, _ definition: RubricDefinition, actor: String, on date: Day?,
    at: String?
  ) throws -> Int64 {
    try RegistryError.checkWritable(db)
    guard let campaign = try Campaign.fetch(db, year: year) else {
      throw RegistryError.notFound(entity: "campaigns", key: String(year))
    }
    try validate(definition, year: year)
    var id: Int64 = 0
    try db.inSavepoint {
      let version =
        try Int.fetchOne(
          db, sql: "SELECT max(version) FROM rubrics WHERE campaign_id = ?",
          arguments: [campaign.id]) ?? 0
      try db.execute(
        sql: """
          INSERT INTO rubrics (campaign_id, version, name, source, adopted_on) VALUES (?, ?, ?, ?, ?)
          """,
        arguments: [
          campaign.id, version + 1, VietnameseText.nfc(definition.name),
          definition.source.map(VietnameseText.nfc), date,
        ])
      id = db.lastInsertedRowID
      for (index, criterion) in definition.criteria.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO criteria (rubric_id, code, seq, name, max_points, evidence)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            id, criterion.code, index + 1, VietnameseText.nfc(criterion.name), criterion.maxPoints,
            criterion.evidence.map(VietnameseText.nfc),
          ])
        let criterionId = db.lastInsertedRowID
        for band in criterion.bands {
          try db.execute(
            sql: """
              INSERT INTO criterion_bands (criterion_id, label, min_points, max_points)
              VALUES (?, ?, ?, ?)
              """,
            arguments: [criterionId, VietnameseText.nfc(band.label), band.min, band.max])
        }
      }
      try AuditLog.record(
        db, entity: "rubrics", entityId: id, action: .insert, before: nil,
        after: [
          ("campaign_id", campaign.id.databaseValue), ("version", (version + 1).databaseValue),
          ("name", definition.name.databaseValue),
          ("criteria", definition.criteria.map(\.code).joined(separator: ",").databaseValue),
        ], actor: actor, on: date, at: at)
      return .commit
    }
    return id
  }

  /// The rubric in force for `year`: the highest version; nil when none is defined.
  ///
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func current(_ db: Database, year: Int) throws -> (
    id: Int64, definition: RubricDefinition
  )? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT r.id, r.name, r.source FROM rubrics r JOIN campaigns c ON c.id = r.campaign_id
          WHERE c.year = ? ORDER BY r.version DESC LIMIT 1
          """, arguments: [year])
    else { return nil }
    let id: Int64 = row["id"]
    return (id, try definition(db, rubric: id))
  }

  /// The definition of the stored rubric `id`.
  public static func definition(_ db: Database, rubric id: Int64) throws -> RubricDefinition {
    let row = try Row.fetchOne(
      db, sql: "SELECT name, source FROM rubrics WHERE id = ?", arguments: [id])
    guard let row else { throw RegistryError.notFound(entity: "rubrics", key: "#\(id)") }
    var criteria: [CriterionDefinition] = []
    for criterion in try Row.fetchAll(
      db, sql: "SELECT * FROM criteria WHERE rubric_id = ? ORDER BY seq", arguments: [id])
    {
      let bands = try Row.fetchAll(
        db,
        sql: "SELECT * FROM criterion_bands WHERE criterion_id = ? ORDER BY min_points DESC",
        arguments: [criterion["id"] as Int64]
      ).map {
        CriterionDefinition.Band(label: $0["label"], min: $0["min_points"], max: $0["max_points"])
      }
      criteria.append(
        CriterionDefinition(
          code: criterion["code"], name: criterion["name"], maxPoints: criterion["max_points"],
          evidence: criterion["evidence"], bands: bands))
    }
    return RubricDefinition(name: row["name"], source: row["source"], criteria: criteria)
  }

  /// Checks that a rubric can be used.
  static func validate(_ definition: RubricDefinition, year: Int) throws {
    guard !definition.criteria.isEmpty else { throw ScoringError.emptyRubric(year: year) }
    var codes = Set<String>()
    for criterion in definition.criteria {
      if !codes.insert(criterion.code).inserted {
        throw ScoringError.duplicateCriterion(year: year, criterion: criterion.code)
      }
      guard criterion.maxPoints > 0 else {
        throw ScoringError.badCriterionMaximum(year: year, criterion: criterion.code)
      }
      let bands = criterion.bands.sorted { $0.min < $1.min }
      for (index, band) in bands.enumerated() {
        if band.min < 0 || band.max > criterion.maxPoints || band.min > band.max {
          throw ScoringError.badBand(
            year: year, criterion: criterion.code, label: band.label, min: band.min, max: band.max,
            criterionMax: criterion.maxPoints)
        }
        if index > 0 && band.min <= bands[index - 1].max {
          throw ScoringError.overlappingBands(
            year: year, criterion: criterion.code, first: bands[index - 1].label, second: band.label
          )
        }
      }
    }
  }
}
