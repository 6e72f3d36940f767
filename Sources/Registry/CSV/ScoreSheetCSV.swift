import GRDB
import Messages

/// Score sheets as analysts keep them in a spreadsheet: one line per sheet, one column per
/// criterion (`TC1`…`TC5`, the rubric's codes), the registration's code and the member's code
/// or name. Importing records new sheets through ``ScoreSheets`` (with all its checks) and
/// changes the points, date, comment or void reason of existing ones.
enum ScoreSheetCSV {
  static let registration = CSVTableSpec.Column(
    "registration", vi: "Mã đăng ký", en: "Registration")
  static let memberCode = CSVTableSpec.Column(
    "member", vi: "Mã thành viên", en: "Member code", aliases: ["Mã cá nhân"])
  static let memberName = CSVTableSpec.Column(
    "member", vi: "Thành viên", en: "Member", aliases: ["Họ và tên", "Người chấm"], isDisplay: true)
  static let scoredOn = CSVTableSpec.Column("scored_on", vi: "Ngày chấm", en: "Scored on")
  static let comment = CSVTableSpec.Column("comment", vi: "Nhận xét", en: "Comment")
  static let voidReason = CSVTableSpec.Column(
    "void_reason", vi: "Lý do hủy phiếu", en: "Void reason")
  static let fixed = [registration, memberCode, memberName, scoredOn, comment, voidReason]

  static func column(header: String) -> CSVTableSpec.Column? {
    let folded = VietnameseText.fold(header)
    return fixed.first {
      ([$0.vi, $0.en, $0.key] + $0.aliases).contains { VietnameseText.fold($0) == folded }
    }
  }

  // MARK: Export

  static func write(
    _ db: Database, where condition: String?, arguments: StatementArguments,
    options: CSVExport.Options, cell: (String, Bool) -> Void, endLine: () -> Void,
    separator: () -> Void
  ) throws -> Int {
    let filter = condition.map { " WHERE \($0)" } ?? ""
    let sheets = try Row.fetchAll(
      db,
      sql: """
        SELECT * FROM (SELECT s.id, s.registration_id, s.panel_member_id, s.rubric_id, s.scored_on,
          s.comment, s.void_reason, r.code AS registration, p.code AS member_code,
          p.full_name AS member_name FROM score_sheets s
          JOIN registrations r ON r.id = s.registration_id
          JOIN panel_members m ON m.id = s.panel_member_id JOIN people p ON p.id = m.person_id)
        \(filter) ORDER BY registration, member_code
        """, arguments: arguments)
    var codes: [String] = []
    var points: [Int64: [String: Double]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT sp.sheet_id, k.code, sp.points FROM sheet_points sp JOIN criteria k ON k.id = sp.criterion_id
        ORDER BY k.seq, k.code
        """)
    while let row = try rows.next() {
      let code: String = row["code"]
      if !codes.contains(code) { codes.append(code) }
      points[row["sheet_id"], default: [:]][code] = row["points"]
    }
    let headers =
      [registration, memberCode, memberName, scoredOn].map { $0.header(in: options.language) }
      + codes + [comment, voidReason].map { $0.header(in: options.language) }
    for (index, header) in headers.enumerated() {
      if index > 0 { separator() }
      cell(header, true)
    }
    endLine()
    for sheet in sheets {
      let id: Int64 = sheet["id"]
      var cells: [(String, Bool)] = [
        (sheet["registration"], true), (sheet["member_code"], true), (sheet["member_name"], true),
      ]
      let day: String = sheet["scored_on"]
      cells.append(((options.vietnameseDates ? Day(iso: day)?.vietnamese : nil) ?? day, true))
      for code in codes {
        cells.append((points[id]?[code].map(Scoring.format) ?? "", false))
      }
      cells.append((sheet["comment"] ?? "", true))
      cells.append((sheet["void_reason"] ?? "", true))
      for (index, item) in cells.enumerated() {
        if index > 0 { separator() }
        cell(item.0, item.1)
      }
      endLine()
    }
    return sheets.count
  }

  // MARK: Import

  struct Importer {
    let db: Database
    let file: String
    let options: CSVImport.Options
    let headers: [String]
    var issues: [ImportIssue] = []
    var fixedColumns: [(index: Int, column: CSVTableSpec.Column)] = []
    var criterionColumns: [(index: Int, code: String)] = []
    var touched: [Int64: Int] = [:]

    init(db: Database, file: String, options: CSVImport.Options, headers: [String]) {
      self.db = db
      self.file = file
      self.options = options
      self.headers = headers.enumerated().map { index, header in
        let trimmed = RecordEditor.trimmed(header)
        return index == 0 && trimmed.hasPrefix("\u{FEFF}") ? String(trimmed.dropFirst()) : trimmed
      }
    }

    mutating func issue(line: Int?, column: Int?, _ problem: ImportIssue.Problem) {
      issues.append(
        ImportIssue(
          file: file, line: line, column: column, header: column.map { headers[$0 - 1] },
          problem: problem))
    }

    mutating func readHeaders() {
      var seen: [String: Int] = [:]
      for (index, header) in headers.enumerated() where !header.isEmpty {
        let key = VietnameseText.fold(header)
        if let first = seen[key] {
          issue(line: 1, column: index + 1, .duplicateHeader(header: header, firstColumn: first))
          continue
        }
        seen[key] = index + 1
        if let column = ScoreSheetCSV.column(header: header) {
          fixedColumns.append((index, column))
        } else {
          // Any other column is a criterion, checked against the rubric line by line.
          criterionColumns.append((index, header.uppercased()))
        }
      }
      if fixedColumns.contains(where: { !$0.column.isDisplay && $0.column.key == "member" }) {
        fixedColumns.removeAll { $0.column.isDisplay }
      }
      for required in [registration, memberName, scoredOn]
      where !fixedColumns.contains(where: { $0.column.key == required.key }) {
        issue(line: 1, column: nil, .missingHeader(header: required.vi))
      }
    }

    mutating func importRow(_ cells: [String], line: Int, summary: inout CSVImport.Summary) throws {
      guard cells.count >= headers.count else {
        issue(line: line, column: nil, .cellCount(count: cells.count, expected: headers.count))
        return
      }
      var values: [String: String] = [:]
      var columnOf: [String: Int] = [:]
      for (index, column) in fixedColumns {
        values[column.key] = RecordEditor.trimmed(CSVImport.Importer.unneutralized(cells[index]))
        columnOf[column.key] = index + 1
      }
      var points: [String: Double] = [:]
      for (index, code) in criterionColumns {
        let text = cells[index].trimmingASCIIWhitespace()
        if text.isEmpty { continue }
        guard let value = RecordEditor.real(text.databaseValue) else {
          issue(
            line: line, column: index + 1,
            .refused(
              .invalidNumber(
                entity: "score_sheets", key: values["registration"] ?? "?", column: code,
                value: text)))
          continue
        }
        points[code] = value
      }
      let registration = values["registration"] ?? ""
      let member = values["member"] ?? ""
      guard let day = Day.parseOrReport(values["scored_on"] ?? "") else {
        let text = values["scored_on"] ?? ""
        let failure: Day.ParseFailure
        if case .failure(let reason) = Day.parse(text) {
          failure = reason
        } else {
          failure = .badFormat
        }
        issue(
          line: line, column: columnOf["scored_on"],
          .refused(
            .invalidDate(
              entity: "score_sheets", key: registration, column: "scored_on", value: text,
              failure: failure)))
        return
      }
      let target: ScoreSheets.Target
      do {
        target = try ScoreSheets.Target(db, registration: registration, member: member)
      } catch let error as RegistryError {
        let column =
          error == .notFound(entity: "registrations", key: registration)
          ? columnOf["registration"] : columnOf["member"]
        issue(line: line, column: column, .refused(error))
        return
      }
      let existing = try target.memberId.flatMap {
        try Row.fetchOne(
          db, sql: "SELECT * FROM score_sheets WHERE registration_id = ? AND panel_member_id = ?",
          arguments: [target.registrationId, $0])
      }
      if let existing, let first = touched[existing["id"]] {
        issue(line: line, column: nil, .duplicateRow(firstLine: first))
        return
      }
      let problems = try ScoreSheets.problems(db, target, points: points, isChange: existing != nil)
      if !problems.isEmpty {
        for problem in problems {
          let column: Int?
          switch problem {
          case .unknownCriterion(_, _, let code, _), .missingCriterion(_, _, let code),
            .pointsAboveMaximum(_, _, let code, _, _), .negativePoints(_, _, let code, _),
            .pointsOutsideBands(_, _, let code, _, _):
            column = criterionColumns.first { $0.code == code }.map { $0.index + 1 }
          case .notAPanelMember, .ownUnit, .alreadyScored: column = columnOf["member"]
          default: column = nil
          }
          issue(line: line, column: column, .scoring(problem))
        }
        return
      }
      let comment = values["comment"].flatMap { $0.isEmpty ? nil : VietnameseText.nfc($0) }
      let voidReason = values["void_reason"].flatMap { $0.isEmpty ? nil : VietnameseText.nfc($0) }
      guard let existing else {
        let id = try ScoreSheets.record(
          db, registration: "#\(target.registrationId)", member: "#\(target.memberId!)",
          points: points,
          on: day, comment: comment, actor: options.actor)
        if let voidReason {
          try db.execute(
            sql: "UPDATE score_sheets SET void_reason = ? WHERE id = ?",
            arguments: [voidReason, id])
        }
        touched[id] = line
        summary.inserted += 1
        summary.changes.append(
          .init(
            line: line, action: .insert, key: "\(target.registrationCode) \(target.memberName)",
            columns: []))
        return
      }
      let id: Int64 = existing["id"]
      touched[id] = line
      var changed: [String] = []
      var before: [(String, DatabaseValue)] = []
      var after: [(String, DatabaseValue)] = []
      for (column, value) in [
        ("scored_on", day.databaseValue), ("comment", comment.databaseValue),
        ("void_reason", voidReason.databaseValue),
      ]
      where !RecordEditor.same(existing[column], value) {
        try db.execute(
          sql: "UPDATE score_sheets SET \(column) = ? WHERE id = ?", arguments: [value, id])
        changed.append(column)
        before.append((column, existing[column]))
        after.append((column, value))
      }
      for criterion in target.criteria {
        let old = try Double.fetchOne(
          db, sql: "SELECT points FROM sheet_points WHERE sheet_id = ? AND criterion_id = ?",
          arguments: [id, criterion.id])
        let new = points[criterion.code]!
        if old != new {
          try db.execute(
            sql: """
              INSERT INTO sheet_points (sheet_id, criterion_id, points) VALUES (?, ?, ?)
              ON CONFLICT (sheet_id, criterion_id) DO UPDATE SET points = excluded.points
              """, arguments: [id, criterion.id, new])
          changed.append(criterion.code)
          before.append((criterion.code, old.databaseValue))
          after.append((criterion.code, new.databaseValue))
        }
      }
      if changed.isEmpty {
        summary.unchanged += 1
      } else {
        try AuditLog.record(
          db, entity: "score_sheets", entityId: id, action: .update, before: before, after: after,
          actor: options.actor, on: options.date, note: "\(file):\(line)")
        summary.updated += 1
        summary.changes.append(
          .init(
            line: line, action: .update, key: "\(target.registrationCode) \(target.memberName)",
            columns: changed))
      }
    }
  }
}

extension Day {
  /// The day `text` names, or nil.
  static func parseOrReport(_ text: String) -> Day? {
    if case .success(let day) = Day.parse(text) { return day }
    return nil
  }
}
