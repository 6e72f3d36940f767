import Foundation
import TestSupport
import Testing

/// Independent answers: plain SQL run by Debian's `sqlite3` on the registry file the scripts
/// read, with none of sangtao's code in between (no Lua, no views' reuse where it matters, no
/// SQL functions of ours: medians and Vietnamese order are computed here).
struct SQLOracle {
  /// The registry file.
  let database: String

  static let sqlite3 = "/usr/bin/sqlite3"

  /// The rows of `sql`, as JSON objects.
  func rows(_ sql: String) throws -> [[String: Any]] {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.sqlite3),
      "the oracle needs Debian's sqlite3 (scripts/test installs it)")
    let result = try run(Self.sqlite3, ["-json", database, sql])
    try #require(result.status == 0, "sqlite3: \(result.stderr)\n\(sql)")
    let text = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty { return [] }
    return try #require(
      JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
  }

  /// The first column of the first row of `sql`.
  func value(_ sql: String) throws -> Any? {
    try rows(sql).first?.values.first
  }

  // MARK: Shared pieces

  /// A registration `r` counts: not a draft, not withdrawn, not cancelled.
  static let active = "r.status NOT IN ('draft','withdrawn','cancelled')"

  /// The grassroots party organizations `u` existing in `year`.
  static func grassroots(_ year: Int) -> String {
    "u.kind IN ('commune_committee','agency_committee','cell') "
      + "AND (u.valid_from IS NULL OR u.valid_from <= '\(year)-12-31') "
      + "AND (u.valid_to IS NULL OR u.valid_to >= '\(year)-01-01')"
  }

  /// Registration `r` belongs to the campaign of `year`.
  static func inYear(_ year: Int) -> String {
    "r.campaign_id = (SELECT id FROM campaigns WHERE year = \(year))"
  }

  /// The campaign of `year`: deadlines, thresholds, quota.
  func campaign(_ year: Int) throws -> [String: Any] {
    try #require(try rows("SELECT * FROM campaigns WHERE year = \(year)").first)
  }

  /// The totals of the valid score sheets (complete, not void) of the active registrations of
  /// `year`, by registration code: (member id, total) pairs.
  func sheetTotals(_ year: Int) throws -> [String: [(member: Int, total: Double)]] {
    let rows = try self.rows(
      """
      SELECT r.code, s.panel_member_id AS member,
        (SELECT sum(points) FROM sheet_points p WHERE p.sheet_id = s.id) AS total
      FROM score_sheets s JOIN registrations r ON r.id = s.registration_id
      WHERE \(Self.inYear(year)) AND \(Self.active) AND s.void_reason IS NULL
        AND (SELECT count(*) FROM sheet_points p WHERE p.sheet_id = s.id)
          = (SELECT count(*) FROM criteria k WHERE k.rubric_id = s.rubric_id)
      """)
    var result: [String: [(member: Int, total: Double)]] = [:]
    for row in rows {
      result[row["code"] as! String, default: []].append(
        (Int(number(row["member"])!), number(row["total"])!))
    }
    return result
  }

  /// The score of each scored registration of `year`: the mean of its valid sheets' totals.
  func scores(_ year: Int) throws -> [String: Double] {
    try sheetTotals(year).mapValues { sheets in
      sheets.map(\.total).reduce(0, +) / Double(sheets.count)
    }
  }

  /// The level's label of a score under the campaign's thresholds.
  static func level(_ score: Double, _ campaign: [String: Any]) -> String {
    if score >= number(campaign["excellent_min"])! { return "Xuất sắc" }
    if score >= number(campaign["pass_min"])! { return "Đạt" }
    return "Không đạt"
  }

  /// The labels documents show for the fields of work.
  static let fieldLabels = [
    "party_building": "Xây dựng Đảng", "economy": "Kinh tế", "culture_society": "Văn hóa – xã hội",
    "defence_security": "Quốc phòng – an ninh",
    "admin_reform": "Cải cách hành chính, chuyển đổi số", "mass_mobilization": "Dân vận",
  ]

  /// The median of `values`.
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
