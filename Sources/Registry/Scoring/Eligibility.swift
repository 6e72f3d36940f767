import GRDB

/// The eligibility checks of DESIGN.md §4, each a named ``EligibilityCheck``:
///
/// - `five_year_streak`: a registration of the five-year group has HTXS ratings for each of the
///   four years before its campaign;
/// - `report_by_d2`: one proposed for HTXS has a results report by D2 (not yet due before D2);
/// - `result_by_d3`: one proposed for HTXS has a quorum of valid sheets scored by D3 (not yet
///   due before D3);
///
/// (both as of the day of the check: reports and sheets dated later are not there yet)
/// - `one_active`: its subject has no other active registration that year;
/// - `htxs_quota`: the HTXS proposals of its grassroots organization are within the campaign's
///   quota, a share (20 %) of the members rated HTT — in the campaign's year when those ratings
///   exist, else in the year before;
/// - `possible_reuse`: no registration of another year, or of another unit, has a title as close
///   as ``reuseThreshold`` (``Similarity/titles(_:_:)``, accents and word order aside);
/// - `collective_head`: a collective names its head.
///
///     let failures = try Eligibility.checks(db, year: 2023, on: Day(iso: "2023-12-01")!)
///       .filter { !$0.passed }
public enum Eligibility {
  /// How alike two titles must be to flag a possible re-use.
  public static let reuseThreshold = 0.8

  /// The checks that apply to one registration, passed or not.
  ///
  /// - Parameter date: The day the checks are made: deadlines not yet passed do not fail.
  public static func checks(_ db: Database, registration id: Int64, on date: Day) throws
    -> [EligibilityCheck]
  {
    try checks(db, where: "r.id = ?", arguments: [id], on: date)
  }

  /// The checks of every active registration of `year`, by code then check.
  public static func checks(_ db: Database, year: Int, on date: Day) throws -> [EligibilityCheck] {
    try checks(
      db, where: "c.year = ? AND r.status NOT IN ('withdrawn','cancelled')", arguments: [year],
      on: date)
  }

  /// The checks of the registrations matching an SQL condition on `registrations r` and
  /// `campaigns c`.
  public static func checks(
    _ db: Database, where condition: String, arguments: StatementArguments, on date: Day
  ) throws -> [EligibilityCheck] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT r.id, r.code, r.grp, r.title, r.status, r.unit_id, r.person_id, r.collective_id,
          r.proposed_on, r.campaign_id, c.year, c.d2_report, c.d3_appraisal,
          p.submitted_on AS report_on, k.name AS collective_name, k.head_id
        FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
          LEFT JOIN reports p ON p.registration_id = r.id
          LEFT JOIN collectives k ON k.id = r.collective_id
        WHERE \(condition) ORDER BY r.code
        """, arguments: arguments)
    guard !rows.isEmpty else { return [] }
    let results = Dictionary(
      uniqueKeysWithValues: try Scoring.results(db, where: condition, arguments: arguments)
        .map { ($0.registrationId, $0) })
    var quotas: [String: [Int64: Quota]] = [:]
    var titles:
      [Int64: [(
        id: Int64, code: String, year: Int, unit: Int64, unitName: String, title: String,
        grams: [UInt32]
      )]] = [:]
    var checks: [EligibilityCheck] = []
    for row in rows {
      let id: Int64 = row["id"]
      let code: String = row["code"]
      let year: Int = row["year"]
      func add(_ name: EligibilityCheck.Name, _ problem: EligibilityCheck.Problem?) {
        checks.append(
          EligibilityCheck(name: name, registrationId: id, code: code, problem: problem))
      }
      let status = RegistrationStatus(rawValue: row["status"])!
      let personId: Int64? = row["person_id"]

      if (row["grp"] as String) == RegistrationGroup.htxsFiveYears.rawValue, let personId {
        let levels = Dictionary(
          uniqueKeysWithValues: try Row.fetchAll(
            db,
            sql: "SELECT year, level FROM ratings WHERE person_id = ? AND year BETWEEN ? AND ?",
            arguments: [personId, year - 4, year - 1]
          ).map { ($0["year"] as Int, RatingLevel(rawValue: $0["level"])) })
        let missing = (year - 4...year - 1).reversed().filter { levels[$0] != .htxs }
          .map { (year: $0, level: levels[$0] ?? nil) }
        add(
          .fiveYearStreak,
          missing.isEmpty ? nil : .missingYears(from: year - 4, to: year - 1, years: missing))
      }

      let proposed: Day? = row["proposed_on"]
      if proposed != nil && status.isActive {
        let d2: Day = row["d2_report"]
        let d3: Day = row["d3_appraisal"]
        // As of `date`: a report or a sheet dated later does not exist yet.
        let report: Day? = (row["report_on"] as Day?).flatMap { $0 <= date ? $0 : nil }
        if let report {
          add(.reportByD2, report > d2 ? .lateReport(submitted: report, deadline: d2) : nil)
        } else {
          add(.reportByD2, date > d2 ? .noReport(deadline: d2) : nil)
        }
        let result = results[id]
        let onTime = result?.sheets.filter { $0.scoredOn <= min(d3, date) }.count ?? 0
        let quorum = result?.quorum ?? 0
        let hasResult = result != nil && onTime >= max(quorum, 1)
        add(
          .resultByD3,
          hasResult || date <= d3 ? nil : .noResult(deadline: d3, sheets: onTime, quorum: quorum))
      }

      // One active registration per subject and year.
      let subjectColumn = personId != nil ? "person_id" : "collective_id"
      let subjectId: Int64? = personId ?? row["collective_id"]
      let active = try String.fetchAll(
        db,
        sql: """
          SELECT code FROM registrations WHERE campaign_id = ? AND \(subjectColumn) = ?
            AND status NOT IN ('withdrawn','cancelled') ORDER BY code
          """, arguments: [row["campaign_id"], subjectId])
      if active.count > 1 {
        let subject = try RecordEditor(
          db: db, entity: Schema.current.entity("registrations")!, existing: nil,
          resolver: ReferenceResolver()
        ).subjectName(personId.map(Subject.person) ?? .collective(subjectId!))
        add(.oneActive, .severalActive(subject: subject, year: year, codes: active))
      } else {
        add(.oneActive, nil)
      }

      // The quota of the unit.
      if proposed != nil, personId != nil, status.isActive {
        let unit: Int64 = row["unit_id"]
        if quotas["\(year)"] == nil { quotas["\(year)"] = try self.quotas(db, year: year) }
        if let quota = quotas["\(year)"]?[unit], quota.proposals > quota.quota {
          add(
            .htxsQuota,
            .overQuota(
              unit: quota.unitName, proposals: quota.proposals, quota: quota.quota,
              percent: quota.percent, htt: quota.htt, year: quota.ratingYear))
        } else {
          add(.htxsQuota, nil)
        }
      }

      // Possible re-use: titles of other years, or of other units the same year.
      let campaign: Int64 = row["campaign_id"]
      if titles[campaign] == nil {
        titles[campaign] = try Row.fetchAll(
          db,
          sql: """
            SELECT r.id, r.code, c.year, r.unit_id, u.name AS unit_name, r.title
            FROM registrations r JOIN campaigns c ON c.id = r.campaign_id JOIN units u ON u.id = r.unit_id
            WHERE c.year <= ? ORDER BY c.year, r.code
            """, arguments: [year]
        ).map {
          (
            $0["id"], $0["code"], $0["year"], $0["unit_id"], $0["unit_name"], $0["title"],
            Similarity.trigrams($0["title"])
          )
        }
      }
      let unit: Int64 = row["unit_id"]
      let grams = Similarity.trigrams(row["title"])
      var best:
        (
          other: (
            id: Int64, code: String, year: Int, unit: Int64, unitName: String, title: String,
            grams: [UInt32]
          ), similarity: Double
        )?
      for other in titles[campaign]!
      where other.id != id && (other.year < year || other.unit != unit) {
        let similarity = Similarity.dice(grams, other.grams)
        if similarity >= reuseThreshold, best == nil || similarity > best!.similarity {
          best = (other, similarity)
        }
      }
      add(
        .possibleReuse,
        best.map {
          .reuse(
            other: $0.other.code, year: $0.other.year, unit: $0.other.unitName,
            title: $0.other.title,
            similarity: $0.similarity)
        })

      if (row["grp"] as String) == RegistrationGroup.collective.rawValue {
        let head: Int64? = row["head_id"]
        add(.collectiveHead, head == nil ? .noHead(collective: row["collective_name"] ?? "?") : nil)
      }
    }
    return checks
  }

  /// The HTXS quota of one grassroots organization for a campaign.
  public struct Quota: Sendable, Equatable {
    public let unitId: Int64
    public let unitName: String
    /// The year whose HTT ratings count.
    public let ratingYear: Int
    /// Members rated HTT that year.
    public let htt: Int
    public let percent: Double
    /// The most HTXS proposals allowed: `percent` of `htt`, rounded down.
    public let quota: Int
    /// Members proposed for HTXS (active registrations with `proposed_on`).
    public let proposals: Int
    /// Proposals still possible (negative when over the quota).
    public var headroom: Int { quota - proposals }
  }

  /// The HTXS quota and headroom of every grassroots organization for the campaign of `year`,
  /// by unit id.
  ///
  ///     for quota in try Eligibility.quotas(db, year: 2023).values where quota.headroom < 0 { … }
  public static func quotas(_ db: Database, year: Int) throws -> [Int64: Quota] {
    guard let campaign = try Campaign.fetch(db, year: year) else { return [:] }
    let hasRatings = try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM ratings WHERE year = ? AND person_id IS NOT NULL)",
      arguments: [year])!
    let ratingYear = hasRatings ? year : year - 1
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT u.id, u.name,
          (SELECT count(*) FROM ratings x JOIN people p ON p.id = x.person_id
            WHERE p.unit_id = u.id AND x.year = ? AND x.level = 'HTT') AS htt,
          (SELECT count(*) FROM registrations r WHERE r.unit_id = u.id AND r.campaign_id = ?
            AND r.person_id IS NOT NULL AND r.proposed_on IS NOT NULL
            AND r.status NOT IN ('withdrawn','cancelled')) AS proposals
        FROM units u WHERE u.kind IN ('commune_committee','agency_committee','cell')
        ORDER BY u.code
        """, arguments: [ratingYear, campaign.id])
    var quotas: [Int64: Quota] = [:]
    for row in rows {
      let htt: Int = row["htt"]
      let quota = Int((Double(htt) * campaign.htxsQuotaPercent / 100 + 1e-9).rounded(.down))
      quotas[row["id"]] = Quota(
        unitId: row["id"], unitName: row["name"], ratingYear: ratingYear, htt: htt,
        percent: campaign.htxsQuotaPercent, quota: quota, proposals: row["proposals"])
    }
    return quotas
  }
}
