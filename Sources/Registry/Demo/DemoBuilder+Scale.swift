import GRDB

extension DemoBuilder {
  /// The blocks of `scale`, made in SQL from the first block: each block adds, for every person
  /// who registered in the first block, a new person of the same unit (another invented name)
  /// with the ratings that made the first one eligible, and copies of that person's
  /// registrations (new codes), targets, reports, results and score sheets (by the same members,
  /// with the same points), so that a registry of a million registrations is appraised as the
  /// first block is.
  ///
  /// Secondary indexes and triggers of the tables loaded are dropped first and made again from
  /// their own SQL at the end, which is much faster than maintaining them row by row; the
  /// copies satisfy the triggers because the rows they copy did.
  func makeBlocks() throws {
    guard scale > 1 else { return }
    let tables = [
      "people", "ratings", "registrations", "targets", "reports", "target_results", "score_sheets",
      "sheet_points",
    ]
    let indexes = try Row.fetchAll(
      db,
      sql: """
        SELECT type, name, sql FROM sqlite_master
        WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
          AND tbl_name IN (\(tables.map { "'\($0)'" }.joined(separator: ",")))
        ORDER BY rowid
        """
    ).map { (type: $0["type"] as String, name: $0["name"] as String, sql: $0["sql"] as String) }
    for index in indexes {
      try db.execute(sql: "DROP \(index.type == "index" ? "INDEX" : "TRIGGER") \(index.name)")
    }

    try makeTemporaryTables()
    let counts = try Row.fetchOne(
      db,
      sql: """
        SELECT (SELECT max(id) FROM people) p0, (SELECT count(*) FROM temp.demo_people) np,
          (SELECT max(id) FROM registrations) r0, (SELECT count(*) FROM temp.demo_regs) nr,
          (SELECT max(id) FROM targets) t0, (SELECT count(*) FROM temp.demo_targets) nt,
          (SELECT coalesce(max(id), 0) FROM reports) q0, (SELECT count(*) FROM temp.demo_reports) nq,
          (SELECT coalesce(max(id), 0) FROM score_sheets) s0,
          (SELECT count(*) FROM temp.demo_sheets) ns
        """)!
    var arguments: [String: (any DatabaseValueConvertible)?] = [
      "p0": counts["p0"] as Int64, "np": counts["np"] as Int64, "r0": counts["r0"] as Int64,
      "nr": counts["nr"] as Int64, "t0": counts["t0"] as Int64, "nt": counts["nt"] as Int64,
      "q0": counts["q0"] as Int64, "nq": counts["nq"] as Int64,
      "s0": counts["s0"] as Int64, "ns": counts["ns"] as Int64,
    ]
    let chunk = 100
    var first = 1
    while first < scale {
      let last = min(scale - 1, first + chunk - 1)
      arguments["from"] = first
      arguments["to"] = last
      for sql in Self.blockSQL {
        try db.execute(sql: sql, arguments: StatementArguments(arguments))
      }
      summary.people += Int(counts["np"] as Int64) * (last - first + 1)
      summary.registrations += Int(counts["nr"] as Int64) * (last - first + 1)
      summary.targets += Int(counts["nt"] as Int64) * (last - first + 1)
      summary.reports += Int(counts["nq"] as Int64) * (last - first + 1)
      summary.scoreSheets += Int(counts["ns"] as Int64) * (last - first + 1)
      progress?(.init(phase: .blocks, done: last, total: scale - 1))
      first = last + 1
    }
    summary.ratings = try Int.fetchOne(db, sql: "SELECT count(*) FROM ratings")!
    try db.execute(
      sql: """
        UPDATE units SET member_count = member_count + ? * (
          SELECT count(*) FROM temp.demo_people d JOIN people p ON p.id = d.person_id
          WHERE p.unit_id = units.id)
        """, arguments: [scale - 1])
    for index in indexes { try db.execute(sql: index.sql) }
    try db.execute(
      sql: """
        DROP TABLE temp.demo_people; DROP TABLE temp.demo_regs; DROP TABLE temp.demo_targets;
        DROP TABLE temp.demo_reports; DROP TABLE temp.demo_names; DROP TABLE temp.demo_units;
        DROP TABLE temp.demo_years; DROP TABLE temp.demo_sheets;
        """)
  }

  func makeTemporaryTables() throws {
    try db.execute(
      sql: """
        CREATE TEMP TABLE demo_people (k INTEGER PRIMARY KEY, person_id INTEGER NOT NULL,
          five_years INTEGER NOT NULL);
        INSERT INTO temp.demo_people (k, person_id, five_years)
          SELECT row_number() OVER (ORDER BY person_id) - 1, person_id, max(grp = 'htxs_five_years')
          FROM registrations WHERE person_id IS NOT NULL GROUP BY person_id;
        CREATE TEMP TABLE demo_regs (k INTEGER PRIMARY KEY, registration_id INTEGER NOT NULL,
          person_k INTEGER NOT NULL, campaign_id INTEGER NOT NULL, seq INTEGER NOT NULL);
        INSERT INTO temp.demo_regs (k, registration_id, person_k, campaign_id, seq)
          SELECT row_number() OVER (ORDER BY r.id) - 1, r.id, d.k, r.campaign_id,
            row_number() OVER (PARTITION BY r.campaign_id ORDER BY r.id)
          FROM registrations r JOIN temp.demo_people d ON d.person_id = r.person_id;
        CREATE INDEX temp.demo_regs_registration ON demo_regs(registration_id);
        CREATE TEMP TABLE demo_years (campaign_id INTEGER PRIMARY KEY, year INTEGER NOT NULL,
          base INTEGER NOT NULL, per_block INTEGER NOT NULL);
        INSERT INTO temp.demo_years
          SELECT c.id, c.year, (SELECT count(*) FROM registrations r WHERE r.campaign_id = c.id),
            (SELECT count(*) FROM temp.demo_regs d WHERE d.campaign_id = c.id)
          FROM campaigns c;
        CREATE TEMP TABLE demo_targets (k INTEGER PRIMARY KEY, target_id INTEGER NOT NULL,
          reg_k INTEGER NOT NULL);
        INSERT INTO temp.demo_targets (k, target_id, reg_k)
          SELECT row_number() OVER (ORDER BY d.k, t.seq) - 1, t.id, d.k
          FROM targets t JOIN temp.demo_regs d ON d.registration_id = t.registration_id;
        CREATE INDEX temp.demo_targets_target ON demo_targets(target_id);
        CREATE TEMP TABLE demo_reports (k INTEGER PRIMARY KEY, report_id INTEGER NOT NULL,
          reg_k INTEGER NOT NULL);
        INSERT INTO temp.demo_reports (k, report_id, reg_k)
          SELECT row_number() OVER (ORDER BY d.k) - 1, p.id, d.k
          FROM reports p JOIN temp.demo_regs d ON d.registration_id = p.registration_id;
        CREATE TEMP TABLE demo_sheets (k INTEGER PRIMARY KEY, sheet_id INTEGER NOT NULL,
          reg_k INTEGER NOT NULL);
        INSERT INTO temp.demo_sheets (k, sheet_id, reg_k)
          SELECT row_number() OVER (ORDER BY s.id) - 1, s.id, d.k
          FROM score_sheets s JOIN temp.demo_regs d ON d.registration_id = s.registration_id;
        CREATE TEMP TABLE demo_units (unit_id INTEGER PRIMARY KEY, minority INTEGER NOT NULL);
        CREATE TEMP TABLE demo_names (n INTEGER PRIMARY KEY, full_name TEXT NOT NULL,
          gender TEXT NOT NULL, ethnicity TEXT NOT NULL);
        """)
    for unit in units {
      try db.execute(
        sql: "INSERT INTO temp.demo_units VALUES (?, ?)",
        arguments: [unit.id, Int(unit.spec.minorityShare * 1000)])
    }
    // 2048 Kinh names, then 2048 minority names; even numbers men, odd numbers women.
    let statement = try db.makeStatement(sql: "INSERT INTO temp.demo_names VALUES (?, ?, ?, ?)")
    for n in 0..<4096 {
      let minority = n >= 2048
      let female = n % 2 == 1
      try insert(
        statement,
        [
          n, personName(female: female, minority: minority), female ? "female" : "male",
          minority ? random.pick(DemoData.otherMinorities) : "Kinh",
        ])
    }
  }

  /// One statement per table, for the blocks `:from` through `:to`. `CROSS JOIN` fixes the join
  /// order (SQLite's rule), so each block probes the first block's rows by key instead of
  /// scanning a table that grows with every block.
  static let blockSQL = [
    """
    WITH RECURSIVE blocks(b) AS (SELECT :from UNION ALL SELECT b + 1 FROM blocks WHERE b < :to)
    INSERT INTO people (id, code, full_name, gender, birth_year, ethnicity, unit_id,
      party_position, government_position, is_civil_servant, managed_by)
    SELECT :p0 + (b - 1) * :np + d.k + 1, 'DV-' || printf('%04d', :p0 + (b - 1) * :np + d.k + 1),
      n.full_name, n.gender, p.birth_year, n.ethnicity, p.unit_id, 'Đảng viên',
      p.government_position, p.is_civil_servant, 'grassroots'
    FROM blocks CROSS JOIN temp.demo_people d
      CROSS JOIN people p ON p.id = d.person_id
      CROSS JOIN temp.demo_units u ON u.unit_id = p.unit_id
      CROSS JOIN temp.demo_names n ON n.n = ((b * 7919 + d.k * 104729) % 2048)
        + CASE WHEN (b * 31 + d.k * 17) % 1000 < u.minority THEN 2048 ELSE 0 END
    """,
    """
    WITH RECURSIVE blocks(b) AS (SELECT :from UNION ALL SELECT b + 1 FROM blocks WHERE b < :to)
    INSERT INTO ratings (person_id, year, level, decision)
    SELECT :p0 + (b - 1) * :np + d.k + 1, r.year, r.level, r.decision
    FROM blocks CROSS JOIN temp.demo_people d
      CROSS JOIN ratings r ON r.person_id = d.person_id
    WHERE r.year >= 2021 OR d.five_years
    """,
    """
    WITH RECURSIVE blocks(b) AS (SELECT :from UNION ALL SELECT b + 1 FROM blocks WHERE b < :to)
    INSERT INTO registrations (id, code, campaign_id, person_id, unit_id, grp, title, title_folded,
      kind, field, problem, solution, novelty, scope, start_on, end_on, doc_no, doc_date,
      received_on, proposed_on, status, outcome)
    SELECT :r0 + (b - 1) * :nr + d.k + 1,
      'DK-' || y.year || '-' || printf('%03d', y.base + (b - 1) * y.per_block + d.seq),
      r.campaign_id, :p0 + (b - 1) * :np + d.person_k + 1, r.unit_id, r.grp, r.title,
      r.title_folded, r.kind, r.field, r.problem, r.solution, r.novelty, r.scope, r.start_on,
      r.end_on, r.doc_no, r.doc_date, r.received_on, r.proposed_on, r.status, r.outcome
    FROM blocks CROSS JOIN temp.demo_regs d
      CROSS JOIN registrations r ON r.id = d.registration_id
      CROSS JOIN temp.demo_years y ON y.campaign_id = r.campaign_id
    """,
    """
    WITH RECURSIVE blocks(b) AS (SELECT :from UNION ALL SELECT b + 1 FROM blocks WHERE b < :to)
    INSERT INTO targets (id, registration_id, seq, description, measure, planned)
    SELECT :t0 + (b - 1) * :nt + d.k + 1, :r0 + (b - 1) * :nr + d.reg_k + 1, t.seq,
      t.description, t.measure, t.planned
    FROM blocks CROSS JOIN temp.demo_targets d CROSS JOIN targets t ON t.id = d.target_id
    """,
    """
    WITH RECURSIVE blocks(b) AS (SELECT :from UNION ALL SELECT b + 1 FROM blocks WHERE b < :to)
    INSERT INTO reports (id, registration_id, submitted_on, summary, effectiveness, replicability,
      confirmed_by, confirmed_on, evidence)
    SELECT :q0 + (b - 1) * :nq + d.k + 1, :r0 + (b - 1) * :nr + d.reg_k + 1, p.submitted_on,
      p.summary, p.effectiveness, p.replicability, p.confirmed_by, p.confirmed_on, p.evidence
    FROM blocks CROSS JOIN temp.demo_reports d CROSS JOIN reports p ON p.id = d.report_id
    """,
    """
    WITH RECURSIVE blocks(b) AS (SELECT :from UNION ALL SELECT b + 1 FROM blocks WHERE b < :to)
    INSERT INTO target_results (report_id, target_id, actual)
    SELECT :q0 + (b - 1) * :nq + d.k + 1, :t0 + (b - 1) * :nt + t.k + 1, x.actual
    FROM blocks CROSS JOIN temp.demo_reports d
      CROSS JOIN target_results x ON x.report_id = d.report_id
      CROSS JOIN temp.demo_targets t ON t.target_id = x.target_id
    """,
    """
    WITH RECURSIVE blocks(b) AS (SELECT :from UNION ALL SELECT b + 1 FROM blocks WHERE b < :to)
    INSERT INTO score_sheets (id, registration_id, panel_member_id, rubric_id, scored_on, comment,
      void_reason)
    SELECT :s0 + (b - 1) * :ns + d.k + 1, :r0 + (b - 1) * :nr + d.reg_k + 1, s.panel_member_id,
      s.rubric_id, s.scored_on, s.comment, s.void_reason
    FROM blocks CROSS JOIN temp.demo_sheets d CROSS JOIN score_sheets s ON s.id = d.sheet_id
    """,
    """
    WITH RECURSIVE blocks(b) AS (SELECT :from UNION ALL SELECT b + 1 FROM blocks WHERE b < :to)
    INSERT INTO sheet_points (sheet_id, criterion_id, points)
    SELECT :s0 + (b - 1) * :ns + d.k + 1, p.criterion_id, p.points
    FROM blocks CROSS JOIN temp.demo_sheets d CROSS JOIN sheet_points p ON p.sheet_id = d.sheet_id
    """,
  ]
}
