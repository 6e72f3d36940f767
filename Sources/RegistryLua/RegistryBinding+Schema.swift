import GRDBSQLite
import LuaBridge
import Registry

extension RegistryBinding {
  /// `core.allowed_values(table, column)`: the codes the column allows, or nil (see
  /// `Schema.allowedValues`); far cheaper than the whole schema's details.
  func allowedValues(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let table = try L.string(1)
    let column = try L.string(2)
    let values = try context.withDatabase { db in
      try Schema.allowedValues(db, table: table, column: column)
    }
    if let values { L.push(values) } else { L.pushNil() }
    return 1
  }

  /// Reads the schema into the Lua entities now rather than on first use: the console does it
  /// at start so that TAB completes column names from the first line.
  ///
  /// - Throws: `LuaError` when the registry cannot be opened.
  public func loadSchema() throws {
    let L = lua.stack
    let base = L.top
    defer { L.top = base }
    L.rawGet(LuaStack.registryIndex, "sangtao.namespace")
    guard L.rawGet(-1, "load_schema") == .function else { return }
    context.thread = L
    L.push(true)  // with the details: comments and allowed values, for completion
    try L.call(arguments: 1, results: 0, traceback: false)
  }

  /// `core.schema()`: every table of the registry with its columns, types and foreign keys,
  /// read with SQLite's own pragmas (a fraction of a millisecond, so that a script's first
  /// query does not pay for the rest), keyed by table:
  ///
  ///     {units = {columns = {"id", "code", …}, types = {id = "INTEGER", …},
  ///               foreign = {parent_id = "units"}}, …}
  func schema(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let tables = try rows(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        + " AND name NOT LIKE 'grdb_%'")
    L.newTable(hash: Int32(tables.count))
    for table in tables.compactMap({ $0.first ?? nil }) {
      let columns = try rows("SELECT name, type FROM pragma_table_info(?)", [table])
      let keys = try rows("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)", [table])
      L.newTable(hash: 3)
      L.push(columns.compactMap { $0[0] })
      L.rawSet(-2, "columns")
      L.newTable(hash: Int32(columns.count))
      for column in columns {
        guard let name = column[0] else { continue }
        L.push((column[1] ?? "").isEmpty ? "ANY" : column[1]!)
        L.rawSet(-2, name)
      }
      L.rawSet(-2, "types")
      L.newTable(hash: Int32(keys.count))
      for key in keys {
        guard let column = key[0], let target = key[1] else { continue }
        L.push(target)
        L.rawSet(-2, column)
      }
      L.rawSet(-2, "foreign")
      L.rawSet(-2, table)
    }
    return 1
  }

  /// `core.schema_details()`: what the schema says for people — each table's comment, column
  /// comments and allowed values (`Schema`, parsed from the CREATE statements) — for help()
  /// and completion, keyed by table: {units = {comment = "…", comments = {…}, enums = {…}}}.
  func schemaDetails(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let schema = try context.withDatabase { db in try Schema.read(from: db) }
    L.newTable(hash: Int32(schema.entities.count))
    for entity in schema.entities where !entity.isView {
      L.newTable(hash: 3)
      L.newTable()
      for column in entity.columns {
        if let values = column.allowedValues {
          L.push(values)
          L.rawSet(-2, column.name)
        }
      }
      L.rawSet(-2, "enums")
      L.newTable()
      for column in entity.columns {
        if let comment = column.comment {
          L.push(comment)
          L.rawSet(-2, column.name)
        }
      }
      L.rawSet(-2, "comments")
      if let comment = entity.comment {
        L.push(comment)
        L.rawSet(-2, "comment")
      }
      L.rawSet(-2, entity.table)
    }
    return 1
  }

  /// The text columns of every row of a reading statement (NULL: nil).
  private func rows(_ sql: String, _ arguments: [String] = []) throws -> [[String?]] {
    let statement = try context.statement(sql)
    defer { sqlite3_reset(statement) }
    for (offset, argument) in arguments.enumerated() {
      sqlite3_bind_text(statement, Int32(offset + 1), argument, -1, SQLITE_TRANSIENT)
    }
    var result: [[String?]] = []
    while try context.step(statement) {
      result.append(
        (0..<sqlite3_column_count(statement)).map { column in
          sqlite3_column_text(statement, column).map { String(cString: $0) }
        })
    }
    return result
  }
}
