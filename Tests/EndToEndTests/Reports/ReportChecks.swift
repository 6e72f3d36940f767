import Foundation
import Testing

/// The numbers of a report's tables against the oracle's own SQL, one statistic at a time
/// (DOMAIN.md's ten). The brief and the script that writes the same statistic are checked by
/// the same function, so the brief cannot drift from the scripts or from the registry.
struct ReportChecks {
  let run: ReportRun
  let oracle: SQLOracle
  let year = 2023
  /// The day "still none" is counted at (`--as-of`).
  let asOf = "2023-12-01"

  init(_ run: ReportRun) {
    self.run = run
    oracle = SQLOracle(database: run.database)
  }

  private var active: String { SQLOracle.active }
  private var inYear: String { SQLOracle.inYear(year) }
  private var grassroots: String { SQLOracle.grassroots(year) }

  /// Compares the table's rows keyed by `key` with `expected` (same keys, same values in
  /// `columns`).
  private func compare(
    _ table: ReportRun.Table, by key: String, _ expected: [String: [String: Any]],
    _ columns: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let actual = table.rows(by: key)
    #expect(
      Set(actual.keys) == Set(expected.keys), "\(table.caption): rows",
      sourceLocation: sourceLocation)
    for (name, row) in expected {
      for column in columns where !same(actual[name]?[column], row[column]) {
        let shown = String(describing: actual[name]?[column])
        let message =
          "\(table.caption): \(name).\(column) is \(shown), SQL says \(String(describing: row[column]))"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
      }
    }
  }

  // MARK: 1–2. Coverage, and units without a registration

  func coverage() throws {
    let rows = try oracle.rows(
      """
      SELECT u.name AS unit,
        (SELECT count(*) FROM collectives k WHERE k.unit_id = u.id) AS collectives,
        (SELECT count(*) FROM people p WHERE p.unit_id = u.id AND p.id IN
          (SELECT person_id FROM ratings WHERE year = \(year - 1) AND level = 'HTXS')) AS members,
        (SELECT count(*) FROM collectives k WHERE k.unit_id = u.id AND k.id IN
          (SELECT r.collective_id FROM registrations r WHERE \(inYear) AND \(active))) AS collectives_in,
        (SELECT count(*) FROM people p WHERE p.unit_id = u.id AND p.id IN
          (SELECT person_id FROM ratings WHERE year = \(year - 1) AND level = 'HTXS')
          AND p.id IN (SELECT r.person_id FROM registrations r WHERE \(inYear) AND \(active)))
          AS members_in,
        (SELECT count(*) FROM registrations r WHERE r.unit_id = u.id AND \(inYear) AND \(active))
          AS registrations
      FROM units u WHERE \(grassroots)
      """)
    var expected: [String: [String: Any]] = [:]
    for row in rows {
      let eligible = Int(number(row["collectives"])! + number(row["members"])!)
      let registered = Int(number(row["collectives_in"])! + number(row["members_in"])!)
      expected[row["unit"] as! String] = [
        "eligible": eligible, "eligible_registered": registered,
        "registrations": row["registrations"]!,
        "coverage": eligible > 0 ? Double(registered) / Double(eligible) : NSNull(),
      ]
    }
    let table = try run.table("thuộc diện đã đăng ký")
    compare(
      table, by: "unit", expected, ["eligible", "eligible_registered", "registrations", "coverage"])
    // Lowest first, organizations with nobody due last.
    let shares = table.rows.map { number($0["coverage"]) ?? .infinity }
    #expect(shares == shares.sorted(), "lowest coverage first: \(shares)")
    #expect(
      same(table.totals?["eligible"], expected.values.map { $0["eligible"] as! Int }.reduce(0, +)))
    #expect(
      same(
        table.totals?["registrations"],
        expected.values.map { number($0["registrations"])! }.reduce(0, +)))
    // The chart shows the same shares, in percent.
    let chart = try run.chart("Tỷ lệ đã đăng ký")
    #expect(chart["categories"] as? [String] == table.rows.map { $0["unit"] as! String })
    let values = ((chart["series"] as? [[String: Any]])?.first?["values"] as? [Any]) ?? []
    for (value, row) in zip(values, table.rows) {
      let share = number(row["coverage"]).map { ($0 * 1000).rounded() / 10 }
      #expect(same(value, share), "chart value \(value) for \(row["unit"] ?? "")")
    }
  }

  func unitsWithout() throws {
    let campaign = try oracle.campaign(year)
    let d1 = campaign["d1_registration"] as! String
    let rows = try oracle.rows(
      """
      SELECT u.name AS unit,
        (SELECT min(r.received_on) FROM registrations r WHERE r.unit_id = u.id AND \(inYear))
          AS first_received,
        (SELECT count(*) FROM registrations r WHERE r.unit_id = u.id AND \(inYear) AND \(active)
          AND r.received_on <= '\(asOf)') AS active
      FROM units u WHERE \(grassroots) AND u.id NOT IN
        (SELECT r.unit_id FROM registrations r WHERE \(inYear) AND r.received_on <= '\(d1)')
      """)
    let table = try run.table("chưa đăng ký đến hạn")
    compare(
      table, by: "unit", Dictionary(uniqueKeysWithValues: rows.map { ($0["unit"] as! String, $0) }),
      ["active"])
    for row in rows {
      let shown = table.rows(by: "unit")[row["unit"] as! String]
      #expect(shown?["first_received"] as? String == row["first_received"] as? String)
    }
    #expect(!rows.isEmpty, "the fixture has organizations without a registration at D1")
  }

  // MARK: 3. Timeliness

  func timeliness() throws {
    let campaign = try oracle.campaign(year)
    let d1 = campaign["d1_registration"] as! String
    let perUnit = try oracle.rows(
      """
      SELECT u.name AS unit,
        (SELECT count(*) FROM registrations r WHERE r.unit_id = u.id AND \(inYear) AND \(active)
          AND r.received_on <= '\(d1)') AS on_time,
        (SELECT count(*) FROM registrations r WHERE r.unit_id = u.id AND \(inYear) AND \(active)
          AND r.received_on > '\(d1)') AS late
      FROM units u WHERE \(grassroots)
      """)
    let chart = try run.chart("Đăng ký đúng hạn và trễ hạn")
    let categories = chart["categories"] as? [String] ?? []
    let series = chart["series"] as? [[String: Any]] ?? []
    #expect(series.map { $0["name"] as? String } == ["Đúng hạn", "Trễ hạn"])
    #expect(Set(categories) == Set(perUnit.map { $0["unit"] as! String }))
    for row in perUnit {
      guard let index = categories.firstIndex(of: row["unit"] as! String), series.count == 2
      else { continue }
      #expect(same((series[0]["values"] as? [Any])?[index], row["on_time"]), "\(row)")
      #expect(same((series[1]["values"] as? [Any])?[index], row["late"]), "\(row)")
    }
    let late = try oracle.rows(
      """
      SELECT r.code, CAST(julianday(r.received_on) - julianday('\(d1)') AS INTEGER) AS days_late
      FROM registrations r WHERE \(inYear) AND \(active) AND r.received_on > '\(d1)'
      ORDER BY r.received_on DESC, r.code
      """)
    let table = try run.table("Đăng ký gửi sau hạn")
    #expect(table.rows.map { $0["code"] as? String } == late.map { $0["code"] as? String })
    compare(
      table, by: "code", Dictionary(uniqueKeysWithValues: late.map { ($0["code"] as! String, $0) }),
      ["days_late"])
    #expect(late.count >= 2, "the fixture has late registrations")
  }

  func reports() throws {
    let campaign = try oracle.campaign(year)
    let d2 = campaign["d2_report"] as! String
    let rows = try oracle.rows(
      """
      SELECT u.name AS unit, count(*) AS expected,
        sum(EXISTS (SELECT 1 FROM reports p WHERE p.registration_id = r.id
          AND p.submitted_on <= '\(d2)')) AS on_time,
        sum(EXISTS (SELECT 1 FROM reports p WHERE p.registration_id = r.id
          AND p.submitted_on > '\(d2)')) AS late,
        sum(NOT EXISTS (SELECT 1 FROM reports p WHERE p.registration_id = r.id)) AS missing
      FROM registrations r JOIN units u ON u.id = r.unit_id
      WHERE \(inYear) AND \(active) AND r.proposed_on IS NOT NULL
      GROUP BY u.name
      """)
    let table = try run.table("Báo cáo kết quả so với hạn")
    compare(
      table, by: "unit", Dictionary(uniqueKeysWithValues: rows.map { ($0["unit"] as! String, $0) }),
      ["expected", "on_time", "late", "missing"])
  }

  func sheets() throws {
    let rows = try oracle.rows(
      """
      SELECT p.full_name AS member,
        (SELECT count(*) FROM registrations r WHERE r.campaign_id = m.campaign_id AND \(active)
          AND r.unit_id <> m.unit_id AND r.id IN (SELECT registration_id FROM reports)) AS expected,
        (SELECT count(*) FROM score_sheets s JOIN registrations r ON r.id = s.registration_id
          WHERE s.panel_member_id = m.id AND s.void_reason IS NULL AND \(active)
            AND r.id IN (SELECT registration_id FROM reports)
            AND (SELECT count(*) FROM sheet_points sp WHERE sp.sheet_id = s.id)
              = (SELECT count(*) FROM criteria k WHERE k.rubric_id = s.rubric_id)) AS done
      FROM panel_members m JOIN people p ON p.id = m.person_id
      WHERE m.campaign_id = (SELECT id FROM campaigns WHERE year = \(year))
      """)
    var expected: [String: [String: Any]] = [:]
    for row in rows {
      let due = Int(number(row["expected"])!)
      let done = Int(number(row["done"])!)
      expected[row["member"] as! String] = ["expected": due, "done": done, "missing": due - done]
    }
    compare(
      try run.table("Phiếu chấm của từng thành viên"), by: "member", expected,
      ["expected", "done", "missing"])
  }

  // MARK: 4. Mix

  func mix() throws {
    let rows = try oracle.rows(
      "SELECT r.field, count(*) AS n FROM registrations r WHERE \(inYear) AND \(active) GROUP BY r.field"
    )
    let total = rows.map { number($0["n"])! }.reduce(0, +)
    var expected: [String: [String: Any]] = [:]
    for row in rows {
      let label = SQLOracle.fieldLabels[row["field"] as! String]!
      expected[label] = ["n": row["n"]!, "share": number(row["n"])! / total]
    }
    let table = try run.table("Đăng ký theo lĩnh vực")
    compare(table, by: "field", expected, ["n", "share"])
    #expect(same(table.totals?["n"], total))
  }

  // MARK: 5. Scores

  /// The appraisal table: each member's total, sheets, spread, score, level, notes.
  func appraisal() throws {
    let campaign = try oracle.campaign(year)
    let totals = try oracle.sheetTotals(year)
    let members = try oracle.rows(
      """
      SELECT m.id, p.full_name AS name FROM panel_members m JOIN people p ON p.id = m.person_id
      WHERE m.campaign_id = (SELECT id FROM campaigns WHERE year = \(year))
      """)
    let table = try run.table("Bảng tổng hợp kết quả chấm điểm")
    let quorum = Int((Double(members.count) * 2 / 3).rounded(.up))
    var expected: [String: [String: Any]] = [:]
    for (code, sheets) in totals {
      let values = sheets.map(\.total)
      let score = values.reduce(0, +) / Double(values.count)
      var row: [String: Any] = [
        "sheets": sheets.count, "spread": values.max()! - values.min()!, "score": score,
      ]
      for member in members {
        // The member's column is the one headed by the member's name.
        guard let column = table.labels.firstIndex(of: member["name"] as! String) else {
          Issue.record("no column for \(member["name"]!)")
          continue
        }
        row[table.columns[column]] =
          sheets.first { $0.member == Int(number(member["id"])!) }?.total ?? NSNull()
      }
      var notes: [String] = []
      if sheets.count < quorum { notes.append("chưa đủ \(quorum) phiếu") }
      let limit = number(campaign["spread_limit"])!
      if values.max()! - values.min()! > limit { notes.append("chênh lệch quá \(Int(limit)) điểm") }
      row["note"] = notes.isEmpty ? NSNull() : notes.joined(separator: "; ")
      row["level"] = SQLOracle.level(score, campaign)
      expected[code] = row
    }
    let memberColumns = table.columns.filter { $0.hasPrefix("m") && Int($0.dropFirst()) != nil }
    compare(table, by: "code", expected, ["sheets", "spread", "score"] + memberColumns)
    for (code, row) in expected {
      let shown = table.rows(by: "code")[code]
      #expect(shown?["level"] as? String == row["level"] as? String, "\(code) level")
      #expect(shown?["note"] as? String == row["note"] as? String, "\(code) note")
    }
    // Best first.
    let scores = table.rows.map { number($0["score"])! }
    #expect(scores == scores.sorted(by: >))
    #expect(expected.values.contains { !($0["note"] is NSNull) }, "the fixture has flagged ones")
  }

  /// Levels, scores per unit and per field (mean and median), criteria.
  func scores() throws {
    let campaign = try oracle.campaign(year)
    let scores = try oracle.scores(year)
    let levels = try run.table("theo mức xếp loại")
    for label in ["Xuất sắc", "Đạt", "Không đạt"] {
      let count = scores.values.filter { SQLOracle.level($0, campaign) == label }.count
      #expect(same(levels.rows(by: "level")[label]?["n"], count), "\(label)")
    }
    #expect(same(levels.totals?["n"], scores.count))
    let registrations = try oracle.rows(
      """
      SELECT r.code, r.field, u.name AS unit FROM registrations r JOIN units u ON u.id = r.unit_id
      WHERE \(inYear) AND \(active)
      """)
    for (by, caption) in [
      ("unit", "Điểm theo tổ chức cơ sở đảng"), ("field", "Điểm theo lĩnh vực"),
    ] {
      var groups: [String: [Double]] = [:]
      for row in registrations {
        guard let score = scores[row["code"] as! String] else { continue }
        let key =
          by == "field" ? SQLOracle.fieldLabels[row["field"] as! String]! : row["unit"] as! String
        groups[key, default: []].append(score)
      }
      let expected = groups.mapValues { values -> [String: Any] in
        [
          "n": values.count, "mean": values.reduce(0, +) / Double(values.count),
          "median": SQLOracle.median(values), "low": values.min()!, "high": values.max()!,
        ]
      }
      compare(try run.table(caption), by: by, expected, ["n", "mean", "median", "low", "high"])
    }
    let criteria = try oracle.rows(
      """
      SELECT k.code, k.max_points, avg(sp.points) AS mean
      FROM sheet_points sp JOIN score_sheets s ON s.id = sp.sheet_id
      JOIN criteria k ON k.id = sp.criterion_id JOIN registrations r ON r.id = s.registration_id
      WHERE \(inYear) AND \(active) AND s.void_reason IS NULL
        AND (SELECT count(*) FROM sheet_points x WHERE x.sheet_id = s.id)
          = (SELECT count(*) FROM criteria c WHERE c.rubric_id = s.rubric_id)
      GROUP BY k.code
      """)
    var expected: [String: [String: Any]] = [:]
    for row in criteria {
      let max = number(row["max_points"])!
      let mean = number(row["mean"])!
      expected[row["code"] as! String] = [
        "mean": mean, "lost": max - mean, "lost_share": 1 - mean / max,
      ]
    }
    let table = try run.table("Điểm bình quân theo tiêu chí")
    compare(table, by: "code", expected, ["mean", "lost", "lost_share"])
    let lost = table.rows.map { number($0["lost_share"])! }
    #expect(lost == lost.sorted(by: >), "the criterion losing most first")
  }

  // MARK: 6. Top models

  func top(_ count: Int) throws {
    let campaign = try oracle.campaign(year)
    let scores = try oracle.scores(year)
    let best = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(count)
    let targets = try oracle.rows(
      """
      SELECT r.code, r.title,
        (SELECT count(*) FROM targets t WHERE t.registration_id = r.id) AS targets,
        (SELECT count(*) FROM targets t JOIN target_results x ON x.target_id = t.id
          WHERE t.registration_id = r.id
            AND (x.achieved = 1 OR (x.achieved IS NULL AND x.actual >= t.planned))) AS achieved
      FROM registrations r WHERE \(inYear)
      """)
    let byCode = Dictionary(uniqueKeysWithValues: targets.map { ($0["code"] as! String, $0) })
    let table = try run.table("mô hình, cách làm tiêu biểu")
    #expect(table.rows.count == best.count)
    for (row, (code, score)) in zip(table.rows, best) {
      #expect(row["title"] as? String == byCode[code]?["title"] as? String, "rank of \(code)")
      #expect(same(row["score"], score), "\(code) score")
      #expect(row["level"] as? String == SQLOracle.level(score, campaign))
      let n = Int(number(byCode[code]?["targets"])!)
      let achieved = Int(number(byCode[code]?["achieved"])!)
      #expect(row["targets_text"] as? String == (n > 0 ? "\(achieved)/\(n)" : nil), "\(code)")
    }
  }

  // MARK: 7. HTXS pipeline, quota, five-year check

  func htxs() throws {
    let campaign = try oracle.campaign(year)
    let scores = try oracle.scores(year)
    let base =
      number(try oracle.value("SELECT count(*) FROM ratings WHERE year = \(year)"))! > 0
      ? year : year - 1
    let units = try oracle.rows(
      """
      SELECT u.name AS unit,
        (SELECT count(*) FROM ratings t JOIN people p ON p.id = t.person_id
          WHERE p.unit_id = u.id AND t.year = \(base) AND t.level = 'HTT') AS htt
      FROM units u WHERE \(grassroots)
      """)
    let proposals = try oracle.rows(
      """
      SELECT r.code, u.name AS unit FROM registrations r JOIN units u ON u.id = r.unit_id
      WHERE \(inYear) AND \(active) AND r.person_id IS NOT NULL AND r.proposed_on IS NOT NULL
      """)
    let percent = number(campaign["htxs_quota_percent"])!
    var expected: [String: [String: Any]] = [:]
    for unit in units {
      let name = unit["unit"] as! String
      let mine = proposals.filter { $0["unit"] as! String == name }.map { $0["code"] as! String }
      let htt = Int(number(unit["htt"])!)
      let quota = Int((Double(htt) * percent / 100).rounded(.down))
      expected[name] = [
        "proposed": mine.count, "scored": mine.filter { scores[$0] != nil }.count,
        "passing": mine.filter { (scores[$0] ?? -1) >= number(campaign["pass_min"])! }.count,
        "htt": htt, "quota": quota, "headroom": quota - mine.count,
      ]
    }
    let table = try run.table("Đề nghị hoàn thành xuất sắc nhiệm vụ và chỉ tiêu")
    compare(
      table, by: "unit", expected, ["proposed", "scored", "passing", "htt", "quota", "headroom"])
    let headroom = table.rows.map { number($0["headroom"])! }
    #expect(headroom == headroom.sorted(), "over the quota first")
    #expect(table.labels.contains("HTT năm \(base)"))
    #expect(headroom.contains { $0 < 0 }, "the fixture has an organization over its quota")

    let five = try oracle.rows(
      """
      SELECT r.code,
        (SELECT group_concat(year) FROM (SELECT t.year FROM ratings t WHERE t.person_id = r.person_id
          AND t.level = 'HTXS' AND t.year BETWEEN \(year - 4) AND \(year - 1) ORDER BY t.year))
          AS years
      FROM registrations r WHERE \(inYear) AND \(active) AND r.grp = 'htxs_five_years'
      """)
    let check = try run.table("nhóm hoàn thành xuất sắc nhiệm vụ 5 năm liền")
    #expect(
      Set(check.rows.compactMap { $0["code"] as? String })
        == Set(five.map { $0["code"] as! String }))
    for row in five {
      let years = (row["years"] as? String ?? "").split(separator: ",").compactMap { Int($0) }
      let missing = ((year - 4)...(year - 1)).filter { !years.contains($0) }
      let text =
        missing.isEmpty
        ? "Đủ điều kiện" : "Thiếu năm " + missing.map(String.init).joined(separator: ", ")
      #expect(check.rows(by: "code")[row["code"] as! String]?["check"] as? String == text)
    }
  }

  // MARK: 8. Targets

  func targets() throws {
    let rows = try oracle.rows(
      """
      SELECT u.name AS unit, r.field, t.planned, x.actual, x.achieved, x.id AS result
      FROM targets t JOIN registrations r ON r.id = t.registration_id
      JOIN units u ON u.id = r.unit_id
      LEFT JOIN target_results x ON x.target_id = t.id
      WHERE \(inYear) AND \(active) AND r.id IN (SELECT registration_id FROM reports)
      """)
    for by in ["unit", "field"] {
      var expected: [String: [String: Any]] = [:]
      for row in rows {
        let key =
          by == "unit" ? row["unit"] as! String : SQLOracle.fieldLabels[row["field"] as! String]!
        var entry = expected[key] ?? ["targets": 0, "reported": 0, "achieved": 0]
        entry["targets"] = (entry["targets"] as! Int) + 1
        if number(row["result"]) != nil { entry["reported"] = (entry["reported"] as! Int) + 1 }
        let achieved =
          number(row["achieved"]).map { $0 == 1 }
          ?? (number(row["actual"]).map { $0 >= number(row["planned"])! } ?? false)
        if achieved { entry["achieved"] = (entry["achieved"] as! Int) + 1 }
        expected[key] = entry
      }
      for (key, entry) in expected {
        expected[key]!["share"] =
          Double(entry["achieved"] as! Int) / Double(entry["targets"] as! Int)
      }
      let caption =
        by == "unit" ? "Chỉ tiêu đạt được theo tổ chức" : "Chỉ tiêu đạt được theo lĩnh vực"
      compare(
        try run.table(caption), by: by, expected, ["targets", "reported", "achieved", "share"])
    }
  }

  // MARK: 9. Year over year

  func yearOverYear() throws {
    var expected: [String: [String: Any]] = [:]
    for year in [year - 1, year] {
      let campaign = try oracle.campaign(year)
      let inYear = SQLOracle.inYear(year)
      let d1 = campaign["d1_registration"] as! String
      let d2 = campaign["d2_report"] as! String
      func count(_ condition: String) throws -> Int {
        Int(
          number(
            try oracle.value(
              "SELECT count(*) FROM registrations r WHERE \(inYear) AND \(condition)"))!)
      }
      let registrations = try count(active)
      let proposed = try count("\(active) AND r.proposed_on IS NOT NULL")
      let reported = try count(
        "\(active) AND r.proposed_on IS NOT NULL AND r.id IN "
          + "(SELECT registration_id FROM reports WHERE submitted_on <= '\(d2)')")
      let scores = Array(try oracle.scores(year).values)
      let targets = try oracle.rows(
        """
        SELECT t.planned, x.actual, x.achieved FROM targets t
        JOIN registrations r ON r.id = t.registration_id LEFT JOIN target_results x ON x.target_id = t.id
        WHERE \(inYear) AND \(active) AND r.id IN (SELECT registration_id FROM reports)
        """)
      let achieved = targets.filter { row in
        number(row["achieved"]).map { $0 == 1 }
          ?? (number(row["actual"]).map { $0 >= number(row["planned"])! } ?? false)
      }.count
      expected["\(year)"] = [
        "registrations": registrations,
        "units": number(
          try oracle.value(
            "SELECT count(DISTINCT r.unit_id) FROM registrations r WHERE \(inYear) AND \(active)"))!,
        "on_time": try count("\(active) AND r.received_on <= '\(d1)'"),
        "scored": scores.count,
        "passing": scores.filter { $0 >= number(campaign["pass_min"])! }.count,
        "excellent": scores.filter { $0 >= number(campaign["excellent_min"])! }.count,
        "dropped": try count("r.status IN ('withdrawn','cancelled')"),
        "on_time_share": Double(try count("\(active) AND r.received_on <= '\(d1)'"))
          / Double(registrations),
        "reports_share": Double(reported) / Double(proposed),
        "mean": scores.reduce(0, +) / Double(scores.count),
        "targets_share": Double(achieved) / Double(targets.count),
      ]
    }
    compare(
      try run.table("qua các năm: số lượng"), by: "label", expected,
      ["registrations", "units", "on_time", "scored", "passing", "excellent", "dropped"])
    compare(
      try run.table("qua các năm: tỷ lệ và điểm"), by: "label", expected,
      ["on_time_share", "reports_share", "mean", "targets_share"])
  }

  // MARK: 10. Follow-ups

  func followUps() throws {
    let rows = try oracle.rows(
      """
      SELECT r.code FROM registrations r
      WHERE \(inYear) AND r.status IN ('returned','withdrawn','cancelled')
      """)
    let table = try run.table("Đăng ký cần theo dõi")
    #expect(
      Set(table.rows.compactMap { $0["code"] as? String })
        == Set(rows.map { $0["code"] as! String }))
    let statuses = Set(table.rows.compactMap { $0["status"] as? String })
    #expect(statuses.isSubset(of: ["trả lại bổ sung", "đã rút", "đã hủy"]), "\(statuses)")
  }
}
