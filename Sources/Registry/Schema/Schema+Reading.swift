import GRDB

extension Schema {
  /// The schema of this program, read once from a migrated in-memory database.
  public static let current: Schema = {
    do {
      let registry = try Registry.inMemory()
      return try registry.queue.inDatabase { try Schema.read(from: $0) }
    } catch {
      fatalError("cannot read the registry schema: \(error)")
    }
  }()

  /// The codes `CHECK (column IN (…))` allows in `table` of an open registry, nil for a column
  /// without such a check (or a boolean one): what ``read(from:)`` finds for one column, at the
  /// cost of one row of `sqlite_master`.
  ///
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func allowedValues(_ db: Database, table: String, column: String) throws
    -> [String]?
  {
    guard
      let sql = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
        arguments: [table]),
      let allowed = SchemaText(sql).allowedValues(of: column), allowed != ["0", "1"]
    else { return nil }
    return allowed
  }

  /// Reads the schema of an open registry.
  ///
  ///     let schema = try registry.queue.inDatabase { try Schema.read(from: $0) }
  ///
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func read(from db: Database) throws -> Schema {
    let objects = try Row.fetchAll(
      db,
      sql: """
        SELECT type, name, sql FROM sqlite_master
        WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
        ORDER BY type = 'view', rowid
        """)
    var parsed: [(table: String, isView: Bool, comment: String?, columns: [Column])] = []
    var foreignKeys: [(table: String, column: String, target: String, targetColumn: String)] = []
    for object in objects {
      let table: String = object["name"]
      let isView = (object["type"] as String) == "view"
      let sql: String = object["sql"] ?? ""
      let definition = SchemaText(sql)
      var keys: [String: (String, String)] = [:]
      if !isView {
        for key in try Row.fetchAll(
          db, sql: "SELECT * FROM pragma_foreign_key_list(?)", arguments: [table])
        {
          let from: String = key["from"]
          let target: String = key["table"]
          let to: String = key["to"] ?? "id"
          keys[from] = (target, to)
          foreignKeys.append((table, from, target, to))
        }
      }
      var columns: [Column] = []
      for info in try Row.fetchAll(
        db, sql: "SELECT * FROM pragma_table_xinfo(?)", arguments: [table])
      {
        let name: String = info["name"]
        let allowed = definition.allowedValues(of: name)
        columns.append(
          Column(
            name: name, sqlType: info["type"] ?? "", isNotNull: info["notnull"],
            isPrimaryKey: (info["pk"] as Int) > 0, defaultSQL: info["dflt_value"],
            allowedValues: allowed == ["0", "1"] ? nil : allowed,
            isDate: definition.isDateColumn(name), isBoolean: allowed == ["0", "1"],
            references: keys[name].map { (table: $0.0, column: $0.1) },
            comment: definition.columnComment(name)))
      }
      parsed.append((table, isView, definition.objectComment, columns))
    }
    let entities = parsed.map { item in
      Entity(
        table: item.table, recordName: recordName(item.table), isView: item.isView,
        comment: item.comment, columns: item.columns,
        relations: relations(of: item.table, foreignKeys: foreignKeys))
    }
    return Schema(entities: entities)
  }

  /// The singular of a table's name.
  static func recordName(_ table: String) -> String {
    switch table {
    case "people": return "person"
    case "criteria": return "criterion"
    case "audit_log": return "audit_entry"
    case "status_history": return "status_change"
    case "registration_timeliness": return "timeliness"
    default:
      return table.hasSuffix("s") ? String(table.dropLast()) : table
    }
  }

  /// The relations of `table`: one `belongsTo` per foreign key (named after the column without
  /// `_id`), one `hasMany` per foreign key pointing at it (named after the other table, or
  /// `<table>_as_<relation>` when the column does not name this table, `children` for a
  /// self-reference), and `subject` where a table points at both people and collectives.
  static func relations(
    of table: String,
    foreignKeys: [(table: String, column: String, target: String, targetColumn: String)]
  ) -> [Relation] {
    var relations: [Relation] = []
    let own = foreignKeys.filter { $0.table == table }
    for key in own {
      let name = key.column.hasSuffix("_id") ? String(key.column.dropLast(3)) : key.column
      relations.append(
        Relation(
          name: name, kind: .belongsTo, target: key.target, column: key.column,
          targets: [key.target], columns: [key.column]))
    }
    if let person = own.first(where: { $0.target == "people" && $0.column == "person_id" }),
      let collective = own.first(where: {
        $0.target == "collectives" && $0.column == "collective_id"
      })
    {
      relations.append(
        Relation(
          name: "subject", kind: .either, target: person.target, column: person.column,
          targets: [person.target, collective.target],
          columns: [person.column, collective.column]))
    }
    for key in foreignKeys where key.target == table {
      let relation = key.column.hasSuffix("_id") ? String(key.column.dropLast(3)) : key.column
      let name: String
      if key.table == table {
        name = "children"
      } else if relation == recordName(table) {
        name = key.table
      } else {
        name = "\(key.table)_as_\(relation)"
      }
      relations.append(
        Relation(
          name: name, kind: .hasMany, target: key.table, column: key.column,
          targets: [key.table], columns: [key.column]))
    }
    return relations
  }
}

/// The text of a `CREATE TABLE` or `CREATE VIEW` statement, read for comments and checks.
struct SchemaText {
  let lines: [Substring]
  let sql: String

  init(_ sql: String) {
    self.sql = sql
    lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The comment on the first line: `CREATE TABLE units ( -- …`.
  var objectComment: String? {
    guard let first = lines.first else { return nil }
    return comment(in: first)
  }

  /// The comment on the line defining `column`.
  func columnComment(_ column: String) -> String? {
    definitionLine(of: column).flatMap(comment(in:))
  }

  /// The values of `CHECK (column IN (...))`.
  func allowedValues(of column: String) -> [String]? {
    let marker = "CHECK (\(column) IN ("
    guard let start = sql.range(of: marker) else { return nil }
    guard let end = sql[start.upperBound...].firstIndex(of: ")") else { return nil }
    return sql[start.upperBound..<end].split(separator: ",").map { item in
      item.trimmingCharacters(in: [" ", "'"])
    }
  }

  /// Whether the schema checks `column` with `date(column) IS column`.
  func isDateColumn(_ column: String) -> Bool {
    sql.contains("date(\(column)) IS \(column)")
  }

  func definitionLine(of column: String) -> Substring? {
    lines.first { line in
      let trimmed = line.drop { $0 == " " }
      return trimmed.hasPrefix(column + " ")
    }
  }

  func comment(in line: Substring) -> String? {
    guard let range = line.range(of: " -- ") else { return nil }
    let text = line[range.upperBound...].trimmingCharacters(in: [" "])
    return text.isEmpty ? nil : text
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
    var slice = self[...]
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
