import GRDB

extension CSVImport {
  /// The headers that must be present, per table: each inner list is alternatives.
  static let requiredKeys: [String: [[String]]] = [
    "units": [["code"], ["name"], ["kind"]],
    "people": [["full_name"], ["unit"]],
    "collectives": [["name"], ["unit"]],
    "ratings": [["person", "collective"], ["year"], ["level"]],
    "campaigns": [["year"], ["d1_registration"], ["d2_report"], ["d3_appraisal"]],
    "registrations": [["year"], ["person", "collective"], ["title"], ["kind"], ["field"]],
    "targets": [["registration"], ["seq"], ["description"]],
    "reports": [["registration"], ["submitted_on"]],
    "panel_members": [["year"], ["person"], ["role"], ["unit"]],
  ]

  /// One import in progress: the file's columns and the problems found so far.
  struct Importer {
    let db: Database
    let spec: CSVTableSpec
    let file: String
    let options: Options
    let headers: [String]
    let entity: Schema.Entity
    let resolver = ReferenceResolver(indexing: true)
    var issues: [ImportIssue] = []
    /// The columns read, by position in the file.
    var active: [(index: Int, column: CSVTableSpec.Column)] = []
    /// The records this file has written or matched so far, with their lines.
    var touched: [Int64: Int] = [:]

    init(db: Database, spec: CSVTableSpec, file: String, options: Options, headers: [String]) {
      self.db = db
      self.spec = spec
      self.file = file
      self.options = options
      self.headers = headers.enumerated().map { index, header in
        let trimmed = RecordEditor.trimmed(header)
        return index == 0 && trimmed.hasPrefix("\u{FEFF}") ? String(trimmed.dropFirst()) : trimmed
      }
      self.entity = Schema.current.entity(spec.table)!
    }

    mutating func issue(line: Int?, column: Int?, _ problem: ImportIssue.Problem) {
      issues.append(
        ImportIssue(
          file: file, line: line, column: column,
          header: column.map { headers[$0 - 1] }, problem: problem))
    }

    mutating func readHeaders() throws {
      var seen: [String: Int] = [:]
      var mapped: [(Int, CSVTableSpec.Column)] = []
      let labels = spec.columns.flatMap { [$0.vi, $0.en] }
      for (index, header) in headers.enumerated() where !header.isEmpty {
        guard let column = spec.column(header: header) else {
          issue(
            line: 1, column: index + 1,
            .unknownHeader(
              header: header, suggestion: Similarity.suggestion(for: header, among: labels),
              known: spec.columns.map(\.vi)))
          continue
        }
        if let first = seen[column.vi] {
          issue(line: 1, column: index + 1, .duplicateHeader(header: header, firstColumn: first))
          continue
        }
        seen[column.vi] = index + 1
        mapped.append((index, column))
      }
      // A name column beside the code column of the same relation is for people to read.
      active = mapped.filter { _, column in
        !(column.isDisplay && mapped.contains { !$0.1.isDisplay && $0.1.key == column.key })
      }
      let keys = Set(active.map(\.column.key))
      // A file that names records by code may change a few columns of existing ones; new
      // records missing a value are then reported line by line.
      if keys.contains("code") { return }
      for alternatives in CSVImport.requiredKeys[spec.table] ?? []
      where keys.isDisjoint(with: alternatives) {
        // For a relation, the name column is what people write ("Đơn vị").
        let column =
          spec.columns.first { $0.key == alternatives[0] && $0.isDisplay }
          ?? spec.columns.first { $0.key == alternatives[0] }!
        issue(line: 1, column: nil, .missingHeader(header: column.vi))
      }
    }

    mutating func importRow(_ cells: [String], line: Int, summary: inout Summary) throws {
      if cells.count != headers.count {
        let extra =
          cells.count > headers.count
          && cells[headers.count...].allSatisfy {
            $0.trimmingASCIIWhitespace().isEmpty
          }
        if !extra {
          issue(line: line, column: nil, .cellCount(count: cells.count, expected: headers.count))
          return
        }
      }
      var input: [String: DatabaseValue] = [:]
      var columnOf: [String: Int] = [:]
      for (index, column) in active {
        let cell = Self.unneutralized(index < cells.count ? cells[index] : "")
        input[column.key] = cell.trimmingASCIIWhitespace().isEmpty ? .null : cell.databaseValue
        columnOf[column.key] = index + 1
      }
      let existing = try findExisting(input)
      if let existing, let first = touched[existing["id"]] {
        issue(line: line, column: nil, .duplicateRow(firstLine: first))
        return
      }
      let prepared = try RecordEditor(
        db: db, entity: entity, existing: existing, resolver: resolver
      )
      .prepare(input)
      func place(_ name: String?) -> Int? {
        guard let name else { return nil }
        if let column = columnOf[name] { return column }
        if name.hasSuffix("_id"), let column = columnOf[String(name.dropLast(3))] { return column }
        if name == "campaign_id" { return columnOf["year"] }
        if name == "subject" { return columnOf["person"] ?? columnOf["collective"] }
        return nil
      }
      if !prepared.issues.isEmpty {
        for item in prepared.issues {
          issue(line: line, column: place(item.input), .refused(item.error))
        }
        return
      }
      do {
        if let existing {
          let id: Int64 = existing["id"]
          touched[id] = line
          let changed = try Records.writeChanges(
            db, entity: entity, id: id, existing: existing, prepared: prepared,
            actor: options.actor, on: options.date ?? Day.today(), document: nil,
            note: "\(file):\(line)")
          if changed.isEmpty {
            summary.unchanged += 1
          } else {
            summary.updated += 1
            summary.changes.append(
              .init(line: line, action: .update, key: prepared.key, columns: changed))
          }
        } else {
          let id = try Records.write(
            db, entity: entity, prepared: prepared, actor: options.actor, on: options.date,
            document: nil, note: "\(file):\(line)", resolver: resolver)
          touched[id] = line
          summary.inserted += 1
          let key = prepared.key == "?" ? "#\(id)" : prepared.key
          summary.changes.append(.init(line: line, action: .insert, key: key, columns: []))
        }
      } catch let error as RegistryError {
        let column: Int?
        switch error {
        case .duplicate(_, let name, _): column = place(name)
        case .illegalTransition, .lateNotAccepted, .reportNotOverdue, .missingReport,
          .missingOutcome, .noValidSheets, .dateBeforeReceipt:
          column = place("status")
        default: column = nil
        }
        issue(line: line, column: column, .refused(error))
      }
    }

    /// The stored row this line is about: the first identity of the table whose values the
    /// line gives (the code; else, for registrations, the year and the subject's active one).
    func findExisting(_ input: [String: DatabaseValue]) throws -> Row? {
      let editor = RecordEditor(db: db, entity: entity, existing: nil, resolver: resolver)
      identities: for identity in spec.identity {
        var values: [DatabaseValue] = []
        for column in identity {
          guard
            let name = input.keys.sorted().first(where: {
              editor.targetColumn(for: $0)?.name == column
            }),
            let value = input[name], !value.isNull,
            case .success(let stored) = editor.normalize(
              value, column: editor.targetColumn(for: name)!, key: "?"),
            !stored.isNull
          else { continue identities }
          values.append(stored)
        }
        var sql =
          "SELECT * FROM \(spec.table) WHERE "
          + identity.map { "\($0) = ?" }.joined(separator: " AND ")
        if spec.table == "registrations" && identity != ["code"] {
          sql += " AND status NOT IN ('withdrawn','cancelled')"
        }
        return try Row.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(values))
      }
      return nil
    }

    /// A cell as written before export neutralized it: `'=SUM(A1)` → `=SUM(A1)`.
    static func unneutralized(_ cell: String) -> String {
      let utf8 = cell.utf8
      guard utf8.count >= 2, utf8.first == UInt8(ascii: "'") else { return cell }
      let second = utf8[utf8.index(after: utf8.startIndex)]
      guard CSVExport.dangerous.contains(second) else { return cell }
      return String(cell.dropFirst())
    }
  }
}
