/// The first schema of the registry: every entity of DESIGN.md §2.
///
/// Frozen once released. Conventions, so that the file reads well in the `sqlite3` shell:
/// plural snake_case tables with an integer primary key `id`; `<entity>_id` foreign keys;
/// dates as ISO `YYYY-MM-DD` text checked with `date(x) IS x`; enumerations as lowercase ASCII
/// codes checked with `IN (...)` (the ratings' `HTXS`/`HTT`/`HT`/`KHT` keep their official
/// capitals); booleans as 0/1; a `--` comment opening each table and after columns whose
/// meaning is not obvious. `Schema` reads the comments and the `IN (...)` lists back as metadata.
enum SchemaV1 {
  /// `CHECK` that `column` is NULL or an ISO day.
  static func day(_ column: String) -> String {
    "CHECK (\(column) IS NULL OR date(\(column)) IS \(column))"
  }

  static let statuses =
    "'draft','submitted','returned','accepted','reported','under_appraisal','scored',"
    + "'recognized','not_passed','sent_to_btv','withdrawn','not_reported','cancelled'"

  static let sql = """
    CREATE TABLE units ( -- grassroots party organizations, their cells and the advisory boards (đơn vị)
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- short code, e.g. 'DS' for Đảng bộ xã Đạ Sar
      name TEXT NOT NULL CHECK (name <> ''), -- full name, NFC
      kind TEXT NOT NULL CHECK (kind IN ('commune_committee','agency_committee','cell','subcell','advisory_board')),
      bloc TEXT CHECK (bloc IN ('commune','party_mass','government','armed_forces','justice','public_service','vertical')), -- khối
      parent_id INTEGER REFERENCES units(id), -- the organization a subcell belongs to
      member_count INTEGER NOT NULL DEFAULT 0 CHECK (member_count >= 0), -- party members
      valid_from TEXT \(day("valid_from")),
      valid_to TEXT \(day("valid_to")), -- last day of existence (communes merged on 2025-07-01)
      email TEXT,
      CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
    );
    CREATE INDEX units_parent ON units(parent_id);

    CREATE TABLE people ( -- party members and other persons (cá nhân, đảng viên)
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- e.g. 'DV-0042'
      full_name TEXT NOT NULL CHECK (full_name <> ''), -- NFC
      gender TEXT CHECK (gender IN ('male','female')),
      birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),
      ethnicity TEXT, -- 'Kinh', 'Cơ Ho', …
      unit_id INTEGER NOT NULL REFERENCES units(id),
      party_position TEXT, -- chức vụ Đảng
      government_position TEXT, -- chức vụ chính quyền, đoàn thể
      is_civil_servant INTEGER NOT NULL DEFAULT 0 CHECK (is_civil_servant IN (0,1)),
      managed_by TEXT CHECK (managed_by IN ('btv','grassroots')), -- BTV Huyện ủy or the grassroots committee
      email TEXT,
      phone TEXT
    );
    CREATE INDEX people_unit ON people(unit_id);

    CREATE TABLE collectives ( -- leadership collectives (tập thể lãnh đạo, quản lý)
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- e.g. 'TT-DS-1'
      name TEXT NOT NULL CHECK (name <> ''), -- e.g. 'Ban Thường vụ Đảng ủy xã Đạ Sar'
      unit_id INTEGER NOT NULL REFERENCES units(id),
      head_id INTEGER REFERENCES people(id) -- who leads it
    );
    CREATE INDEX collectives_unit ON collectives(unit_id);
    CREATE INDEX collectives_head ON collectives(head_id);

    CREATE TABLE ratings ( -- yearly quality ratings (xếp loại chất lượng) of people and collectives
      id INTEGER PRIMARY KEY,
      person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
      collective_id INTEGER REFERENCES collectives(id) ON DELETE CASCADE,
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      level TEXT NOT NULL CHECK (level IN ('HTXS','HTT','HT','KHT')),
      decision TEXT, -- number of the rating decision
      CHECK ((person_id IS NULL) <> (collective_id IS NULL)),
      UNIQUE (person_id, year),
      UNIQUE (collective_id, year)
    );
    CREATE INDEX ratings_year_level ON ratings(year, level);

    CREATE TABLE campaigns ( -- one registration year (đợt đăng ký): its deadlines and rules
      id INTEGER PRIMARY KEY,
      year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
      title TEXT NOT NULL,
      basis TEXT, -- basis documents, e.g. '848-CV/HU ngày 08/02/2023; 09-HD/BTCTU ngày 14/12/2022'
      rule_set TEXT, -- rating rules in force, e.g. 'QĐ 124-QĐ/TW, HD 25-HD/BTCTW'
      opened_on TEXT \(day("opened_on")), -- date of the letter opening the campaign
      d1_registration TEXT NOT NULL \(day("d1_registration")), -- D1: last day for registrations
      d2_report TEXT NOT NULL \(day("d2_report")), -- D2: last day for results reports
      d3_appraisal TEXT NOT NULL \(day("d3_appraisal")), -- D3: last day for the appraisal
      btv_review_on TEXT \(day("btv_review_on")), -- Standing Committee meeting that decides
      report_grace_days INTEGER NOT NULL DEFAULT 0 CHECK (report_grace_days >= 0), -- after D2, before 'not_reported'
      late_accepted INTEGER NOT NULL DEFAULT 1 CHECK (late_accepted IN (0,1)), -- whether registrations after D1 may be accepted
      excellent_min REAL NOT NULL DEFAULT 85 CHECK (excellent_min BETWEEN 0 AND 100), -- result ≥ this: excellent
      pass_min REAL NOT NULL DEFAULT 70 CHECK (pass_min BETWEEN 0 AND 100), -- result ≥ this: pass
      spread_limit REAL NOT NULL DEFAULT 20 CHECK (spread_limit >= 0), -- flag results whose max − min exceeds it
      quorum_num INTEGER NOT NULL DEFAULT 2, -- quorum: quorum_num/quorum_den of the team
      quorum_den INTEGER NOT NULL DEFAULT 3,
      combine TEXT NOT NULL DEFAULT 'mean' CHECK (combine IN ('mean','trimmed_mean')), -- how sheets combine
      trim_min_sheets INTEGER NOT NULL DEFAULT 5 CHECK (trim_min_sheets >= 3), -- trimmed mean from this many sheets
      htxs_quota_percent REAL NOT NULL DEFAULT 20 CHECK (htxs_quota_percent BETWEEN 0 AND 100), -- of members rated HTT
      notes TEXT,
      CHECK (pass_min <= excellent_min),
      CHECK (quorum_num > 0 AND quorum_num <= quorum_den),
      CHECK (d1_registration < d2_report AND d2_report <= d3_appraisal)
    );

    CREATE TABLE registrations ( -- registrations of a model or creative approach (đăng ký)
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- e.g. 'DK-2023-017'
      campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
      person_id INTEGER REFERENCES people(id), -- the subject: a person…
      collective_id INTEGER REFERENCES collectives(id), -- …or a collective
      unit_id INTEGER NOT NULL REFERENCES units(id), -- the grassroots organization it comes through
      grp TEXT NOT NULL CHECK (grp IN ('collective','htxs_year','htxs_five_years')), -- group of the letter
      title TEXT NOT NULL CHECK (title <> ''), -- NFC
      title_folded TEXT NOT NULL, -- fold(title): lowercase, no accents, đ → d; kept in sync by sangtao
      kind TEXT NOT NULL CHECK (kind IN ('model','approach','initiative','topic')),
      field TEXT NOT NULL CHECK (field IN ('party_building','economy','culture_society','defence_security','admin_reform','mass_mobilization')),
      problem TEXT, -- the situation and known solutions
      solution TEXT, -- content of the new solution: purpose, steps
      novelty TEXT, -- what is new
      scope TEXT, -- where it applies
      start_on TEXT \(day("start_on")),
      end_on TEXT \(day("end_on")),
      doc_no TEXT, -- number of the registration document
      doc_date TEXT \(day("doc_date")),
      received_on TEXT \(day("received_on")), -- received by the Organization Board; against D1
      proposed_on TEXT \(day("proposed_on")), -- proposed for HTXS by the grassroots organization
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN (\(statuses))),
      outcome TEXT CHECK (outcome IN ('excellent','pass','not_passed')), -- the recognition decided after scoring
      notes TEXT,
      CHECK ((person_id IS NULL) <> (collective_id IS NULL)),
      CHECK ((grp = 'collective') = (collective_id IS NOT NULL)),
      CHECK (start_on IS NULL OR end_on IS NULL OR start_on <= end_on),
      CHECK (received_on IS NOT NULL OR status IN ('draft','withdrawn','cancelled')),
      CHECK (status <> 'recognized' OR outcome IN ('excellent','pass')),
      CHECK (status <> 'not_passed' OR outcome = 'not_passed'),
      CHECK (outcome IS NULL OR status IN ('recognized','not_passed','sent_to_btv','cancelled')),
      CHECK (status <> 'sent_to_btv' OR outcome IS NOT NULL)
    );
    CREATE INDEX registrations_campaign_status ON registrations(campaign_id, status);
    CREATE INDEX registrations_campaign_unit ON registrations(campaign_id, unit_id);
    CREATE INDEX registrations_unit ON registrations(unit_id);
    CREATE INDEX registrations_received ON registrations(received_on);
    CREATE INDEX registrations_person ON registrations(person_id);
    CREATE INDEX registrations_collective ON registrations(collective_id);
    -- One active registration per subject and year (withdrawn and cancelled ones do not count);
    -- people by their id, collectives by the negated id, in one index.
    CREATE UNIQUE INDEX registrations_one_active ON registrations(campaign_id, coalesce(person_id, -collective_id))
      WHERE status NOT IN ('withdrawn','cancelled');

    CREATE TABLE targets ( -- measurable targets of a registration (chỉ tiêu)
      id INTEGER PRIMARY KEY,
      registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL CHECK (seq >= 1), -- order within the registration
      description TEXT NOT NULL CHECK (description <> ''),
      measure TEXT, -- unit of measure: 'hộ', '%', 'ha', 'triệu đồng'…
      planned REAL, -- the registered value
      UNIQUE (registration_id, seq)
    );

    CREATE TABLE reports ( -- results reports (báo cáo kết quả), one per registration
      id INTEGER PRIMARY KEY,
      registration_id INTEGER NOT NULL UNIQUE REFERENCES registrations(id) ON DELETE CASCADE,
      submitted_on TEXT NOT NULL \(day("submitted_on")), -- against D2
      summary TEXT,
      effectiveness TEXT, -- hiệu quả
      replicability TEXT, -- khả năng nhân rộng
      confirmed_by TEXT, -- committee confirming the results
      confirmed_on TEXT \(day("confirmed_on")),
      evidence TEXT, -- evidence, one item per line
      notes TEXT
    );

    CREATE TABLE target_results ( -- actual value of each target, as reported
      id INTEGER PRIMARY KEY,
      report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      target_id INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
      actual REAL,
      achieved INTEGER CHECK (achieved IN (0,1)), -- judged achieved; NULL: actual ≥ planned decides
      note TEXT,
      UNIQUE (report_id, target_id)
    );
    CREATE INDEX target_results_target ON target_results(target_id);

    CREATE TABLE panel_members ( -- the appraisal team of a campaign (Tổ thẩm định)
      id INTEGER PRIMARY KEY,
      campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
      person_id INTEGER NOT NULL REFERENCES people(id),
      role TEXT NOT NULL CHECK (role IN ('lead','deputy','member','secretary')),
      agency TEXT, -- where the member works, e.g. 'Ban Tổ chức Huyện ủy'
      unit_id INTEGER NOT NULL REFERENCES units(id), -- own unit: never scores its registrations
      UNIQUE (campaign_id, person_id)
    );
    CREATE INDEX panel_members_person ON panel_members(person_id);

    CREATE TABLE rubrics ( -- scoring rubrics, versioned per campaign
      id INTEGER PRIMARY KEY,
      campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1), -- the highest version is in force
      name TEXT NOT NULL,
      source TEXT, -- where the rubric comes from, e.g. '09-HD/BTCTU (defaults of sangtao)'
      adopted_on TEXT \(day("adopted_on")),
      UNIQUE (campaign_id, version)
    );

    CREATE TABLE criteria ( -- criteria of a rubric (tiêu chí)
      id INTEGER PRIMARY KEY,
      rubric_id INTEGER NOT NULL REFERENCES rubrics(id) ON DELETE CASCADE,
      code TEXT NOT NULL CHECK (code <> ''), -- 'TC1'…
      seq INTEGER NOT NULL CHECK (seq >= 1),
      name TEXT NOT NULL,
      max_points REAL NOT NULL CHECK (max_points > 0),
      evidence TEXT, -- evidence required
      UNIQUE (rubric_id, code),
      UNIQUE (rubric_id, seq)
    );

    CREATE TABLE criterion_bands ( -- bands of a criterion, e.g. TC1 23–25 'entirely new in the district'
      id INTEGER PRIMARY KEY,
      criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      min_points REAL NOT NULL,
      max_points REAL NOT NULL,
      CHECK (0 <= min_points AND min_points <= max_points),
      UNIQUE (criterion_id, min_points)
    );

    CREATE TABLE score_sheets ( -- one panel member's score sheet for one registration (phiếu chấm)
      id INTEGER PRIMARY KEY,
      registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
      panel_member_id INTEGER NOT NULL REFERENCES panel_members(id),
      rubric_id INTEGER NOT NULL REFERENCES rubrics(id),
      scored_on TEXT NOT NULL \(day("scored_on")),
      comment TEXT,
      void_reason TEXT, -- set when the sheet is voided; void sheets do not count
      UNIQUE (registration_id, panel_member_id)
    );
    CREATE INDEX score_sheets_member ON score_sheets(panel_member_id);

    CREATE TABLE sheet_points ( -- points per criterion on a score sheet
      id INTEGER PRIMARY KEY,
      sheet_id INTEGER NOT NULL REFERENCES score_sheets(id) ON DELETE CASCADE,
      criterion_id INTEGER NOT NULL REFERENCES criteria(id),
      points REAL NOT NULL CHECK (points >= 0),
      UNIQUE (sheet_id, criterion_id)
    );
    CREATE INDEX sheet_points_criterion ON sheet_points(criterion_id);

    CREATE TABLE reminders ( -- the reminders outbox: each reminder once (dedupe_key)
      id INTEGER PRIMARY KEY,
      rule TEXT NOT NULL, -- the rule that produced it, e.g. 'no_registration_d1_minus_7'
      recipient TEXT NOT NULL, -- address or name
      unit_id INTEGER REFERENCES units(id),
      person_id INTEGER REFERENCES people(id),
      registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
      subject TEXT NOT NULL,
      body TEXT,
      due_date TEXT NOT NULL \(day("due_date")),
      channel TEXT NOT NULL CHECK (channel IN ('stdout','file','sendmail')),
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','cancelled')),
      dedupe_key TEXT NOT NULL UNIQUE, -- rule, recipient, subject and due date
      created_at TEXT NOT NULL, -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
      sent_at TEXT,
      error TEXT
    );
    CREATE INDEX reminders_status_due ON reminders(status, due_date);
    CREATE INDEX reminders_registration ON reminders(registration_id);

    CREATE TABLE audit_log ( -- every change: who, when, what (nhật ký)
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL, -- when recorded, UTC 'YYYY-MM-DDTHH:MM:SSZ'
      on_date TEXT \(day("on_date")), -- the date the change takes effect (e.g. received on)
      actor TEXT NOT NULL,
      entity TEXT NOT NULL, -- table name
      entity_id INTEGER,
      action TEXT NOT NULL CHECK (action IN ('insert','update','delete','transition','import')),
      before TEXT, -- JSON of the changed columns before
      after TEXT, -- JSON of the changed columns after
      document TEXT, -- document number behind the change
      note TEXT
    );
    CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

    CREATE TRIGGER score_sheets_check_insert BEFORE INSERT ON score_sheets
    BEGIN
      SELECT RAISE(ABORT, 'score sheet: the panel member, rubric and registration belong to different campaigns')
      WHERE (SELECT campaign_id FROM panel_members WHERE id = NEW.panel_member_id)
              IS NOT (SELECT campaign_id FROM registrations WHERE id = NEW.registration_id)
         OR (SELECT campaign_id FROM rubrics WHERE id = NEW.rubric_id)
              IS NOT (SELECT campaign_id FROM registrations WHERE id = NEW.registration_id);
      SELECT RAISE(ABORT, 'score sheet: a panel member never scores a registration of his or her own unit')
      WHERE (SELECT unit_id FROM panel_members WHERE id = NEW.panel_member_id)
              = (SELECT unit_id FROM registrations WHERE id = NEW.registration_id);
    END;
    CREATE TRIGGER score_sheets_check_update BEFORE UPDATE OF registration_id, panel_member_id, rubric_id ON score_sheets
    BEGIN
      SELECT RAISE(ABORT, 'score sheet: the panel member, rubric and registration belong to different campaigns')
      WHERE (SELECT campaign_id FROM panel_members WHERE id = NEW.panel_member_id)
              IS NOT (SELECT campaign_id FROM registrations WHERE id = NEW.registration_id)
         OR (SELECT campaign_id FROM rubrics WHERE id = NEW.rubric_id)
              IS NOT (SELECT campaign_id FROM registrations WHERE id = NEW.registration_id);
      SELECT RAISE(ABORT, 'score sheet: a panel member never scores a registration of his or her own unit')
      WHERE (SELECT unit_id FROM panel_members WHERE id = NEW.panel_member_id)
              = (SELECT unit_id FROM registrations WHERE id = NEW.registration_id);
    END;
    CREATE TRIGGER sheet_points_check_insert BEFORE INSERT ON sheet_points
    BEGIN
      SELECT RAISE(ABORT, 'sheet points: the criterion belongs to another rubric than the sheet')
      WHERE (SELECT rubric_id FROM criteria WHERE id = NEW.criterion_id)
              IS NOT (SELECT rubric_id FROM score_sheets WHERE id = NEW.sheet_id);
      SELECT RAISE(ABORT, 'sheet points: above the maximum of the criterion')
      WHERE NEW.points > (SELECT max_points FROM criteria WHERE id = NEW.criterion_id);
    END;
    CREATE TRIGGER sheet_points_check_update BEFORE UPDATE OF points, criterion_id, sheet_id ON sheet_points
    BEGIN
      SELECT RAISE(ABORT, 'sheet points: the criterion belongs to another rubric than the sheet')
      WHERE (SELECT rubric_id FROM criteria WHERE id = NEW.criterion_id)
              IS NOT (SELECT rubric_id FROM score_sheets WHERE id = NEW.sheet_id);
      SELECT RAISE(ABORT, 'sheet points: above the maximum of the criterion')
      WHERE NEW.points > (SELECT max_points FROM criteria WHERE id = NEW.criterion_id);
    END;

    CREATE VIEW sheet_totals AS -- every score sheet with its total and whether it is valid (complete, not void)
    SELECT s.id AS sheet_id, s.registration_id, s.panel_member_id, s.rubric_id, s.scored_on, s.void_reason,
      (SELECT count(*) FROM sheet_points p WHERE p.sheet_id = s.id) AS criteria_scored,
      (SELECT count(*) FROM criteria c WHERE c.rubric_id = s.rubric_id) AS criteria_total,
      (SELECT total(p.points) FROM sheet_points p WHERE p.sheet_id = s.id) AS total,
      s.void_reason IS NULL
        AND (SELECT count(*) FROM sheet_points p WHERE p.sheet_id = s.id)
          = (SELECT count(*) FROM criteria c WHERE c.rubric_id = s.rubric_id) AS is_valid
    FROM score_sheets s;

    CREATE VIEW appraisal_totals AS -- one row per valid score sheet: what results are computed from
    SELECT t.sheet_id, t.registration_id, r.code AS registration_code, r.unit_id, c.year,
      t.panel_member_id, m.person_id AS member_person_id, t.total
    FROM sheet_totals t
      JOIN registrations r ON r.id = t.registration_id
      JOIN campaigns c ON c.id = r.campaign_id
      JOIN panel_members m ON m.id = t.panel_member_id
    WHERE t.is_valid;

    CREATE VIEW registration_timeliness AS -- days late, computed: registration against D1, report against D2 (0 on time, NULL not received)
    SELECT r.id AS registration_id, r.code, c.year,
      r.received_on, c.d1_registration,
      CASE WHEN r.received_on IS NULL THEN NULL
        ELSE max(0, CAST(julianday(r.received_on) - julianday(c.d1_registration) AS INTEGER)) END AS days_late,
      p.submitted_on AS report_submitted_on, c.d2_report,
      CASE WHEN p.submitted_on IS NULL THEN NULL
        ELSE max(0, CAST(julianday(p.submitted_on) - julianday(c.d2_report) AS INTEGER)) END AS report_days_late
    FROM registrations r
      JOIN campaigns c ON c.id = r.campaign_id
      LEFT JOIN reports p ON p.registration_id = r.id;

    CREATE VIEW status_history AS -- every status change of a registration, from the audit log
    SELECT a.entity_id AS registration_id, a.on_date,
      json_extract(a.before, '$.status') AS from_status, json_extract(a.after, '$.status') AS to_status,
      a.actor, a.document, a.at
    FROM audit_log a
    WHERE a.entity = 'registrations' AND a.action = 'transition';
    """
}
