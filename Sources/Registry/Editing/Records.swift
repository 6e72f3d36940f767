import GRDB

/// Adds, changes and deletes records of any table, with the checks a person needs: the Lua
/// layer's `units:add{...}` and `r:update{...}`, and every row of a CSV import, go through here.
///
/// Values are given the way people write them: a date as `28/03/2023` or ISO, a code or its
/// label (`economy`, `Kinh tế`), a reference by id, code or name (`unit = "Đạ Sar"`), a
/// relation by its name (`unit`, `subject`, `campaign`, or `year` for the campaign). Text is
/// stored NFC without surrounding spaces; an empty text is NULL. Every change is audited; a
/// status change goes through ``Lifecycle``. Entity rules:
/// - registrations: `title_folded` follows `title`; the unit defaults to the subject's unit,
///   the code to the next `DK-<year>-NNN`, the group of a collective to `collective`; the
///   group must fit the subject; one active registration per subject and year;
///   `start_on ≤ end_on`;
/// - people and collectives get the next `DV-NNNN` / `TT-<unit>-N` code when none is given;
/// - campaigns: `D1 < D2 ≤ D3`.
///
///     let id = try Records.insert(
///       db, into: "registrations",
///       values: ["year": 2023, "subject": "DV-0042", "grp": "htxs_year",
///                "title": "Du lịch cộng đồng gắn với nghề dệt thổ cẩm", "kind": "model",
///                "field": "Kinh tế", "received_on": "20/03/2023", "status": "submitted"],
///       actor: "btc.lan")
public enum Records {
  /// Inserts a record.
  ///
  /// - Parameters:
  ///   - table: The table (`units`, `registrations`…).
  ///   - values: Column (or relation) names and values.
  ///   - actor: Who, for the audit log.
  ///   - date: The day the change takes effect, for the audit log.
  ///   - document: The document behind the change.
  ///   - note: A note for the audit log.
  ///   - resolver: A shared resolver for many inserts (an import); a fresh one otherwise.
  /// - Returns: The new record's id.
  /// - Throws: the first ``RegistryError`` found (``check(_:table:id:values:resolver:)`` gives
  ///   them all), or `readOnly`.
  @discardableResult
  public static func insert(
    _ db: Database, into table: String, values: [String: any DatabaseValueConvertible],
    actor: String,
    on date: Day? = nil, document: String? = nil, note: String? = nil,
    resolver: ReferenceResolver? = nil
  ) throws -> Int64 {
    try RegistryError.checkWritable(db)
    let entity = try editableEntity(table)
    if table == "score_sheets" || table == "sheet_points" {
      throw RegistryError.sheetsRecordedWhole(entity: table)
    }
    let resolver = resolver ?? ReferenceResolver()
    let prepared = try RecordEditor(db: db, entity: entity, existing: nil, resolver: resolver)
      .prepare(values.mapValues(\.databaseValue))
    if let issue = prepared.issues.first { throw issue.error }
    return try write(
      db, entity: entity, prepared: prepared, actor: actor, on: date, document: document,
      note: note, resolver: resolver)
  }

  /// Changes columns of a record; columns whose value does not change are left alone and, when
  /// nothing changes, nothing is written (not even an audit entry).
  ///
  ///     try Records.update(db, table: "registrations", id: 17,
  ///                        values: ["title": "…", "status": "accepted"], actor: "btc.lan",
  ///                        on: Day(iso: "2023-03-30"), document: "45-CV/BTCHU")
  ///
  /// - Returns: Whether anything changed.
  /// - Throws: the first ``RegistryError`` found, `notFound`, `readOnly`, or the lifecycle's
  ///   errors for a status change (made on `date`, today by default).
  @discardableResult
  public static func update(
    _ db: Database, table: String, id: Int64, values: [String: any DatabaseValueConvertible],
    actor: String,
    on date: Day? = nil, document: String? = nil, note: String? = nil,
    resolver: ReferenceResolver? = nil
  ) throws -> Bool {
    try RegistryError.checkWritable(db)
    let entity = try editableEntity(table)
    // A sheet's points and whom and what it scores were checked when it was recorded: voiding
    // it (and its comment or date) is all that changes afterwards.
    if table == "sheet_points"
      || (table == "score_sheets"
        && !Set(values.keys).isSubset(of: ["void_reason", "comment", "scored_on"]))
    {
      throw RegistryError.sheetsRecordedWhole(entity: table)
    }
    guard
      let existing = try Row.fetchOne(
        db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id])
    else { throw RegistryError.notFound(entity: table, key: "#\(id)") }
    let prepared = try RecordEditor(
      db: db, entity: entity, existing: existing, resolver: resolver ?? ReferenceResolver()
    ).prepare(values.mapValues(\.databaseValue))
    if let issue = prepared.issues.first { throw issue.error }
    return try write(
      db, entity: entity, id: id, existing: existing, prepared: prepared, actor: actor, on: date,
      document: document, note: note)
  }

  /// Deletes a record.
  ///
  /// - Throws: ``RegistryError/constraint(entity:key:detail:)`` naming what still refers to it,
  ///   `notFound`, `readOnly`.
  public static func delete(
    _ db: Database, table: String, id: Int64, actor: String, document: String? = nil,
    note: String? = nil
  ) throws {
    try RegistryError.checkWritable(db)
    let entity = try editableEntity(table)
    guard
      let existing = try Row.fetchOne(
        db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id])
    else { throw RegistryError.notFound(entity: table, key: "#\(id)") }
    let key = RecordEditor.key(of: existing, entity: entity)
    try db.inSavepoint {
      do {
        try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
      } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
        var users: [String] = []
        for relation in entity.relations where relation.kind == .hasMany {
          let count = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM \(relation.target) WHERE \(relation.column) = ?",
            arguments: [id])!
          if count > 0 { users.append("\(count) \(relation.target)") }
        }
        throw RegistryError.constraint(
          entity: table, key: key,
          detail: users.isEmpty ? (error.message ?? "\(error)") : users.joined(separator: ", "))
      }
      try AuditLog.record(
        db, entity: table, entityId: id, action: .delete,
        before: entity.columns.map { ($0.name, existing[$0.name] as DatabaseValue) }, after: nil,
        actor: actor, document: document, note: note)
      return .commit
    }
  }

  /// Every problem `values` would have for a new record (`id` nil) or a change of record `id`,
  /// without writing anything; the column each is about is the name given in `values`.
  ///
  /// - Throws: a `DatabaseError` when SQLite fails; `notFound` for an unknown id.
  public static func check(
    _ db: Database, table: String, id: Int64? = nil, values: [String: any DatabaseValueConvertible],
    resolver: ReferenceResolver? = nil
  ) throws -> [(column: String?, error: RegistryError)] {
    let entity = try editableEntity(table)
    var existing: Row?
    if let id {
      existing = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id])
      if existing == nil { throw RegistryError.notFound(entity: table, key: "#\(id)") }
    }
    return try RecordEditor(
      db: db, entity: entity, existing: existing, resolver: resolver ?? ReferenceResolver()
    ).prepare(values.mapValues(\.databaseValue)).issues.map { ($0.input, $0.error) }
  }

  /// Columns computed from others, left out of the audit log.
  static let derivedColumns: Set<String> = ["title_folded"]

  static func editableEntity(_ table: String) throws -> Schema.Entity {
    guard let entity = Schema.current.entity(table), !entity.isView else {
      let tables = Schema.current.entities.filter { !$0.isView }.map(\.table)
      throw RegistryError.notFound(
        entity: "table",
        key: table + (Similarity.suggestion(for: table, among: tables).map { " (\($0)?)" } ?? ""))
    }
    return entity
  }

  /// Inserts prepared values and audits them.
  static func write(
    _ db: Database, entity: Schema.Entity, prepared: RecordEditor.Prepared, actor: String,
    on date: Day?, document: String?, note: String?, resolver: ReferenceResolver
  ) throws -> Int64 {
    let columns = entity.columns.map(\.name).filter { prepared.values[$0] != nil }
    let sql =
      "INSERT INTO \(entity.table) (\(columns.joined(separator: ", "))) VALUES ("
      + columns.map { _ in "?" }.joined(separator: ", ") + ")"
    let id: Int64
    do {
      try db.cachedStatement(sql: sql).execute(
        arguments: StatementArguments(columns.map { prepared.values[$0]! }))
      id = db.lastInsertedRowID
    } catch let error as DatabaseError {
      throw constraintError(error, entity: entity, key: prepared.key, values: prepared.values)
    }
    try AuditLog.record(
      db, entity: entity.table, entityId: id, action: .insert, before: nil,
      after: columns.filter { !derivedColumns.contains($0) }.map { ($0, prepared.values[$0]!) },
      actor: actor, on: date,
      document: document, note: note)
    resolver.noteInserted(
      table: entity.table, id: id,
      code: entity.keyColumn.flatMap { String.fromDatabaseValue(prepared.values[$0] ?? .null) },
      name: entity.nameColumn.flatMap { String.fromDatabaseValue(prepared.values[$0] ?? .null) })
    return id
  }

  /// Updates the changed columns, audits them, then makes a requested status change.
  static func write(
    _ db: Database, entity: Schema.Entity, id: Int64, existing: Row,
    prepared: RecordEditor.Prepared, actor: String, on date: Day?, document: String?,
    note: String?
  ) throws -> Bool {
    !(try writeChanges(
      db, entity: entity, id: id, existing: existing, prepared: prepared, actor: actor, on: date,
      document: document, note: note
    ).isEmpty)
  }

  /// Updates the changed columns, audits them, then makes a requested status change.
  ///
  /// - Returns: The columns changed (`status` for a status change), in schema order.
  static func writeChanges(
    _ db: Database, entity: Schema.Entity, id: Int64, existing: Row,
    prepared: RecordEditor.Prepared, actor: String, on date: Day?, document: String?,
    note: String?
  ) throws -> [String] {
    let changed = entity.columns.map(\.name).filter { column in
      guard let value = prepared.values[column] else { return false }
      return !RecordEditor.same(existing[column], value)
    }
    let status = prepared.status.flatMap { $0.rawValue == existing["status"] ? nil : $0 }
    if changed.isEmpty && status == nil { return [] }
    try db.inSavepoint {
      if !changed.isEmpty {
        let sql =
          "UPDATE \(entity.table) SET " + changed.map { "\($0) = ?" }.joined(separator: ", ")
          + " WHERE id = ?"
        do {
          try db.cachedStatement(sql: sql).execute(
            arguments: StatementArguments(changed.map { prepared.values[$0]! } + [id.databaseValue])
          )
        } catch let error as DatabaseError {
          throw constraintError(error, entity: entity, key: prepared.key, values: prepared.values)
        }
        let audited = changed.filter { !derivedColumns.contains($0) }
        try AuditLog.record(
          db, entity: entity.table, entityId: id, action: .update,
          before: audited.map { ($0, existing[$0] as DatabaseValue) },
          after: audited.map { ($0, prepared.values[$0]!) }, actor: actor, on: date,
          document: document, note: note)
      }
      if let status {
        try Lifecycle.transition(
          db, registration: id, to: status, on: date ?? Day.today(), actor: actor,
          document: document, outcome: prepared.outcome, note: note)
      }
      return .commit
    }
    return changed.filter { !derivedColumns.contains($0) } + (status != nil ? ["status"] : [])
  }

  /// A readable error for a constraint SQLite refused.
  static func constraintError(
    _ error: DatabaseError, entity: Schema.Entity, key: String, values: [String: DatabaseValue]
  ) -> RegistryError {
    let message = error.message ?? "\(error)"
    if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE,
      let range = message.range(of: "UNIQUE constraint failed: ")
    {
      let columns = message[range.upperBound...].split(separator: ",").map {
        String($0.split(separator: ".").last ?? $0).trimmingASCIIWhitespace()
      }
      if columns.count == 1, let value = values[columns[0]] {
        return .duplicate(entity: entity.table, column: columns[0], value: Records.text(value))
      }
    }
    return .constraint(entity: entity.table, key: key, detail: message)
  }

  /// A value as a person reads it in a message.
  static func text(_ value: DatabaseValue) -> String {
    switch value.storage {
    case .null: return ""
    case .int64(let number): return String(number)
    case .double(let number):
      return number == number.rounded() && abs(number) < 1e15
        ? String(Int64(number)) : String(number)
    case .string(let text): return text
    case .blob(let data): return "<\(data.count) bytes>"
    }
  }
}
