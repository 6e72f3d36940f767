import GRDB

extension Scoring {
  /// A rule that combines a registration's valid sheets into its total; nil means no result.
  /// The Lua layer passes the analyst's `scoring.combine` function through this.
  public typealias Combine = ([SheetScore]) throws -> Double?

  /// The result of one registration (see ``AppraisalResult``).
  ///
  ///     let result = try Scoring.result(db, registration: id)
  ///     let median = try Scoring.result(db, registration: id) { Scoring.median($0.map(\.total)) }
  ///
  /// - Parameter combine: Replaces the campaign's combination (mean or trimmed mean).
  /// - Throws: `notFound`; what `combine` throws.
  public static func result(_ db: Database, registration id: Int64, combine: Combine? = nil)
    throws -> AppraisalResult
  {
    guard let result = try results(db, where: "r.id = ?", arguments: [id], combine: combine).first
    else { throw RegistryError.notFound(entity: "registrations", key: "#\(id)") }
    return result
  }

  /// The results of every registration of `year` that has a results report, in code order.
  ///
  /// - Throws: what `combine` throws, a `DatabaseError`.
  public static func results(_ db: Database, year: Int, combine: Combine? = nil) throws
    -> [AppraisalResult]
  {
    try results(
      db,
      where: "c.year = ? AND EXISTS (SELECT 1 FROM reports p WHERE p.registration_id = r.id)",
      arguments: [year], combine: combine)
  }

  /// The results of the registrations matching an SQL condition on `registrations r` and
  /// `campaigns c`, in code order.
  public static func results(
    _ db: Database, where condition: String, arguments: StatementArguments,
    combine: Combine? = nil
  ) throws -> [AppraisalResult] {
    let registrations = try Row.fetchAll(
      db,
      sql: """
        SELECT r.id, r.code, r.unit_id, r.received_on, r.campaign_id, c.year, c.excellent_min,
          c.pass_min, c.spread_limit, c.quorum_num, c.quorum_den, c.combine, c.trim_min_sheets,
          (SELECT count(*) FROM panel_members m WHERE m.campaign_id = c.id) AS team,
          (SELECT count(*) FROM panel_members m WHERE m.campaign_id = c.id AND m.unit_id <> r.unit_id)
            AS eligible
        FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
        WHERE \(condition) ORDER BY r.code
        """, arguments: arguments)
    guard !registrations.isEmpty else { return [] }
    // Valid sheets and their points, of those registrations.
    var sheets: [Int64: [SheetScore]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.id, s.registration_id, s.panel_member_id, m.person_id, p.full_name, s.scored_on,
          k.code, k.seq, sp.points,
          (SELECT count(*) FROM criteria x WHERE x.rubric_id = s.rubric_id) AS criteria
        FROM score_sheets s
          JOIN panel_members m ON m.id = s.panel_member_id
          JOIN people p ON p.id = m.person_id
          JOIN sheet_points sp ON sp.sheet_id = s.id
          JOIN criteria k ON k.id = sp.criterion_id
        WHERE s.void_reason IS NULL AND s.registration_id IN (
          SELECT r.id FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
          WHERE \(condition))
        ORDER BY s.registration_id, s.panel_member_id, k.seq
        """, arguments: arguments)
    var current:
      (
        id: Int64, registration: Int64, member: Int64, person: Int64, name: String,
        day: Day, expected: Int, points: [(code: String, points: Double)]
      )?
    func flush() {
      guard let sheet = current, sheet.points.count == sheet.expected else { return }
      sheets[sheet.registration, default: []].append(
        SheetScore(
          sheetId: sheet.id, panelMemberId: sheet.member, personId: sheet.person,
          member: sheet.name, scoredOn: sheet.day, points: sheet.points))
    }
    while let row = try rows.next() {
      let id: Int64 = row["id"]
      if current?.id != id {
        flush()
        current = (
          id, row["registration_id"], row["panel_member_id"], row["person_id"], row["full_name"],
          row["scored_on"], row["criteria"], []
        )
      }
      current?.points.append((row["code"], row["points"]))
    }
    flush()

    return try registrations.map { row in
      let id: Int64 = row["id"]
      let valid = sheets[id] ?? []
      let totals = valid.map(\.total)
      let total: Double?
      let combination: String
      if let combine {
        total = try combine(valid)
        combination = "custom"
      } else if (row["combine"] as String) == "trimmed_mean" {
        total = trimmedMean(totals, minimumCount: row["trim_min_sheets"])
        combination = "trimmed_mean"
      } else {
        total = mean(totals)
        combination = "mean"
      }
      let eligible: Int = row["eligible"]
      let numerator: Int = row["quorum_num"]
      let denominator: Int = row["quorum_den"]
      var codes: [String] = []
      for sheet in valid {
        for (code, _) in sheet.points where !codes.contains(code) { codes.append(code) }
      }
      let means = codes.map { code in
        (code, mean(valid.compactMap { $0.points(of: code) })!)
      }
      let excellent: Double = row["excellent_min"]
      let pass: Double = row["pass_min"]
      let quorum = (eligible * numerator + denominator - 1) / denominator
      let quorumMet = !valid.isEmpty && valid.count >= quorum
      return AppraisalResult(
        registrationId: id, code: row["code"], unitId: row["unit_id"], year: row["year"],
        receivedOn: row["received_on"], sheets: valid, total: total, combination: combination,
        teamSize: row["team"], eligibleMembers: eligible,
        quorum: quorum,
        spread: totals.isEmpty ? nil : totals.max()! - totals.min()!,
        spreadLimit: row["spread_limit"], criterionMeans: means,
        level: quorumMet
          ? total.map { $0 >= excellent ? .excellent : $0 >= pass ? .pass : .notPassed }
          : nil)
    }
  }

  /// Results ranked for the Standing Committee: those that met the quorum first, then those
  /// still short of it, then those without total; each by total, highest first; on equal totals
  /// by the mean of TC3 (effect against the registered targets), highest first; then by the day
  /// the registration was received, earliest first; then by code.
  ///
  ///     let table = Scoring.ranked(try Scoring.results(db, year: 2023))
  public static func ranked(_ results: [AppraisalResult], tieBreak criterion: String = "TC3")
    -> [AppraisalResult]
  {
    results.sorted { a, b in
      if a.total != nil && b.total != nil && a.isQuorumMet != b.isQuorumMet { return a.isQuorumMet }
      switch (a.total, b.total) {
      case (nil, nil): return a.code < b.code
      case (nil, _): return false
      case (_, nil): return true
      case (let x?, let y?) where x != y: return x > y
      default: break
      }
      let tcA = a.mean(of: criterion) ?? -1
      let tcB = b.mean(of: criterion) ?? -1
      if tcA != tcB { return tcA > tcB }
      switch (a.receivedOn, b.receivedOn) {
      case (let x?, let y?) where x != y: return x < y
      case (nil, _?): return false
      case (_?, nil): return true
      default: return a.code < b.code
      }
    }
  }
}
