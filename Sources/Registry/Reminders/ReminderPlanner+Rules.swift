import GRDB
import Messages

/// The built-in rules' questions to the registry, each as of the evaluation's date.
extension RuleEvaluation {
  /// Statuses that do not count as a registration (or a registration still in the running).
  static let inactive = "('draft','withdrawn','cancelled')"
  /// Statuses that take a registration out of reports and appraisal.
  static let closed = "('draft','withdrawn','cancelled','not_reported')"

  // MARK: Questions

  /// Grassroots organizations existing on `day` with no registration received by `day`
  /// (through themselves or a cell under them), in Vietnamese order.
  func unitsWithoutRegistration(on day: Day) throws -> [Row] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT u.id, u.code, u.name, u.email FROM units u
        WHERE u.kind IN ('commune_committee','agency_committee','cell')
          AND (u.valid_from IS NULL OR u.valid_from <= :day)
          AND (u.valid_to IS NULL OR u.valid_to >= :day)
          AND NOT EXISTS (
            SELECT 1 FROM registrations r
            WHERE r.campaign_id = :campaign AND r.received_on <= :day
              AND r.status NOT IN \(Self.inactive)
              AND (r.unit_id = u.id OR r.unit_id IN (SELECT id FROM units WHERE parent_id = u.id)))
        ORDER BY u.name COLLATE vi, u.code
        """, arguments: ["day": day, "campaign": campaignId])
  }

  /// Registrations proposed for HTXS by `day` with no report submitted by `day`.
  func proposalsWithoutReport(on day: Day) throws -> [Row] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT r.id, r.code, r.title, r.unit_id, u.name AS unit_name, u.code AS unit_code,
          u.email AS unit_email, p.id AS person_id, p.code AS person_code, p.full_name,
          p.email AS person_email, c.code AS collective_code, c.name AS collective_name,
          h.id AS head_id, h.email AS head_email
        FROM registrations r
          JOIN units u ON u.id = r.unit_id
          LEFT JOIN people p ON p.id = r.person_id
          LEFT JOIN collectives c ON c.id = r.collective_id
          LEFT JOIN people h ON h.id = c.head_id
        WHERE r.campaign_id = :campaign AND r.proposed_on IS NOT NULL AND r.proposed_on <= :day
          AND r.status NOT IN \(Self.closed)
          AND NOT EXISTS (
            SELECT 1 FROM reports rp WHERE rp.registration_id = r.id AND rp.submitted_on <= :day)
        ORDER BY r.code
        """, arguments: ["day": day, "campaign": campaignId])
  }

  /// Per team member, the registrations reported by `day` (not of the member's own unit) that
  /// have no valid sheet of the member scored by `day`; ordered by member, then code.
  func missingSheets(on day: Day) throws -> [Row] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT m.id AS member_id, p.id AS person_id, p.code AS person_code, p.full_name,
          p.email, p.unit_id AS person_unit, r.id AS registration_id, r.code, r.title,
          u.name AS unit_name
        FROM panel_members m
          JOIN people p ON p.id = m.person_id
          JOIN registrations r ON r.campaign_id = m.campaign_id AND r.unit_id <> m.unit_id
          JOIN units u ON u.id = r.unit_id
        WHERE m.campaign_id = :campaign AND r.status NOT IN \(Self.closed)
          AND EXISTS (
            SELECT 1 FROM reports rp WHERE rp.registration_id = r.id AND rp.submitted_on <= :day)
          AND NOT EXISTS (
            SELECT 1 FROM sheet_totals t
            WHERE t.registration_id = r.id AND t.panel_member_id = m.id AND t.is_valid
              AND t.scored_on <= :day)
        ORDER BY p.full_name COLLATE vi, m.id, r.code
        """, arguments: ["day": day, "campaign": campaignId])
  }

  // MARK: Letters to each

  func noRegistration() throws -> [ReminderDraft] {
    try unitsWithoutRegistration(on: date).map { row in
      let code: String = row["code"]
      let name: String = row["name"]
      return try draft(
        to: ReminderRecipient(
          key: "unit:" + code, name: name, address: row["email"], unitId: row["id"]),
        values: [
          "addressee": name, "unit": name, "unit_code": code,
          "missing": Message.reminderMissingRegistration(in: language),
        ])
    }
  }

  func noReport() throws -> [ReminderDraft] {
    try proposalsWithoutReport(on: date).map { row in
      let unit: String = row["unit_name"]
      let recipient: ReminderRecipient
      let addressee: String
      if let personCode: String = row["person_code"] {
        let name: String = row["full_name"]
        recipient = ReminderRecipient(
          key: "person:" + personCode, name: name, address: row["person_email"],
          unitId: row["unit_id"], personId: row["person_id"])
        addressee = head.comrade(name)
      } else {
        let name: String = row["collective_name"]
        let headEmail: String? = row["head_email"]
        recipient = ReminderRecipient(
          key: "collective:" + (row["collective_code"] as String), name: name,
          address: headEmail ?? row["unit_email"], unitId: row["unit_id"],
          personId: row["head_id"])
        addressee = name
      }
      let title: String = row["title"]
      let code: String = row["code"]
      return try draft(
        to: recipient, registration: row["id"],
        values: [
          "addressee": addressee, "title": title, "code": code, "unit": unit,
          "missing": Message.reminderMissingReport(
            ["title": title, "code": code, "unit": unit], in: language),
        ])
    }
  }

  func missingSheets() throws -> [ReminderDraft] {
    var drafts: [ReminderDraft] = []
    for member in Self.grouped(try missingSheets(on: date), by: "member_id") {
      let first = member[0]
      let name: String = first["full_name"]
      let lines = member.map { row in
        Message.reminderMissingSheetLine(
          [
            "code": row["code"] as String, "title": row["title"] as String,
            "unit": row["unit_name"] as String,
          ], in: language)
      }
      drafts.append(
        try draft(
          to: ReminderRecipient(
            key: "person:" + (first["person_code"] as String), name: name,
            address: first["email"], unitId: first["person_unit"], personId: first["person_id"]),
          values: [
            "addressee": head.comrade(name), "count": String(member.count),
            "missing": lines.joined(separator: "\n"),
            "codes": member.map { $0["code"] as String }.joined(separator: ", "),
          ]))
    }
    return drafts
  }

  // MARK: Notices to the Organization Board

  func lateRegistrations() throws -> [ReminderDraft] {
    let d1 = head.deadlines.d1
    let missing = try unitsWithoutRegistration(on: date).map { row in
      Message.reminderNoticeUnitLine(
        ["name": row["name"] as String, "code": row["code"] as String], in: language)
    }
    let late = try Row.fetchAll(
      db,
      sql: """
        SELECT r.code, coalesce(p.full_name, c.name) AS subject, u.name AS unit, r.received_on
        FROM registrations r
          JOIN units u ON u.id = r.unit_id
          LEFT JOIN people p ON p.id = r.person_id
          LEFT JOIN collectives c ON c.id = r.collective_id
        WHERE r.campaign_id = ? AND r.received_on > ? AND r.received_on <= ?
          AND r.status NOT IN \(Self.inactive)
        ORDER BY r.received_on, r.code
        """, arguments: [campaignId, d1, date]
    ).map { row in
      let received: Day = row["received_on"]
      return Message.reminderNoticeLateLine(
        [
          "code": row["code"] as String, "subject": row["subject"] as String,
          "unit": row["unit"] as String, "received": received.vietnamese,
          "days": received - d1,
        ], in: language)
    }
    return try notice(
      sections: [
        (.reminderNoticeNoRegistration, missing), (.reminderNoticeLateRegistrations, late),
      ]
    )
  }

  func lateReports() throws -> [ReminderDraft] {
    let d2 = head.deadlines.d2
    let missing = try proposalsWithoutReport(on: date).map { row in
      Message.reminderNoticeMissingReportLine(
        [
          "code": row["code"] as String,
          "subject": (row["full_name"] as String?) ?? (row["collective_name"] as String? ?? ""),
          "unit": row["unit_name"] as String,
        ], in: language)
    }
    let late = try Row.fetchAll(
      db,
      sql: """
        SELECT r.code, coalesce(p.full_name, c.name) AS subject, u.name AS unit, rp.submitted_on
        FROM reports rp
          JOIN registrations r ON r.id = rp.registration_id
          JOIN units u ON u.id = r.unit_id
          LEFT JOIN people p ON p.id = r.person_id
          LEFT JOIN collectives c ON c.id = r.collective_id
        WHERE r.campaign_id = ? AND rp.submitted_on > ? AND rp.submitted_on <= ?
          AND r.status NOT IN \(Self.inactive)
        ORDER BY rp.submitted_on, r.code
        """, arguments: [campaignId, d2, date]
    ).map { row in
      let submitted: Day = row["submitted_on"]
      return Message.reminderNoticeLateLine(
        [
          "code": row["code"] as String, "subject": row["subject"] as String,
          "unit": row["unit"] as String, "received": submitted.vietnamese,
          "days": submitted - d2,
        ], in: language)
    }
    return try notice(
      sections: [(.reminderNoticeNoReport, missing), (.reminderNoticeLateReports, late)])
  }

  func lateSheets() throws -> [ReminderDraft] {
    let d3 = head.deadlines.d3
    let missing = Self.grouped(try missingSheets(on: date), by: "member_id").map { member in
      Message.reminderNoticeMemberLine(
        [
          "name": member[0]["full_name"] as String, "count": member.count,
          "codes": member.map { $0["code"] as String }.joined(separator: ", "),
        ], in: language)
    }
    let late = try Row.fetchAll(
      db,
      sql: """
        SELECT p.full_name, count(*) AS n, group_concat(r.code, ', ') AS codes
        FROM (SELECT t.* FROM sheet_totals t ORDER BY t.registration_id) t
          JOIN panel_members m ON m.id = t.panel_member_id
          JOIN people p ON p.id = m.person_id
          JOIN registrations r ON r.id = t.registration_id
        WHERE m.campaign_id = ? AND t.is_valid AND t.scored_on > ? AND t.scored_on <= ?
        GROUP BY m.id
        ORDER BY p.full_name COLLATE vi, m.id
        """, arguments: [campaignId, d3, date]
    ).map { row in
      Message.reminderNoticeMemberLine(
        [
          "name": row["full_name"] as String, "count": row["n"] as Int,
          "codes": row["codes"] as String,
        ], in: language)
    }
    return try notice(
      sections: [(.reminderNoticeMissingSheets, missing), (.reminderNoticeLateSheets, late)])
  }

  /// One notice to the Organization Board listing the non-empty `sections`; none when all
  /// are empty.
  func notice(sections: [(Message, [String])]) throws -> [ReminderDraft] {
    let parts = sections.filter { !$0.1.isEmpty }.map { title, lines in
      ([title(["count": lines.count], in: language)] + lines).joined(separator: "\n")
    }
    guard !parts.isEmpty else { return [] }
    return [
      try draft(
        to: board,
        values: [
          "addressee": boardAddressee, "missing": parts.joined(separator: "\n\n"),
          "count": String(sections.reduce(0) { $0 + $1.1.count }),
        ])
    ]
  }

  /// Consecutive rows with the same `column`, as groups.
  static func grouped(_ rows: [Row], by column: String) -> [[Row]] {
    var groups: [[Row]] = []
    var last: DatabaseValue?
    for row in rows {
      let value: DatabaseValue = row[column]
      if let previous = last, previous == value {
        groups[groups.count - 1].append(row)
      } else {
        groups.append([row])
      }
      last = value
    }
    return groups
  }
}
