import LuaBridge
import Registry

extension RegistryBinding {
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
    try L.call(arguments: 0, results: 0, traceback: false)
  }

  /// `core.schema()`: every table of the registry with its columns, types, enum values,
  /// foreign keys and comments, read from the open registry's own schema, keyed by table:
  ///
  ///     {units = {columns = {"id", "code", …}, types = {id = "INTEGER", …},
  ///               enums = {kind = {…}}, foreign = {parent_id = "units"}, comment = "…"}, …}
  func schema(_ L: LuaStack) throws -> Int32 {
    let schema = try context.withDatabase { db in try Schema.read(from: db) }
    L.newTable(hash: Int32(schema.entities.count))
    for entity in schema.entities where !entity.isView {
      L.newTable(hash: 5)
      L.push(entity.columns.map(\.name))
      L.rawSet(-2, "columns")
      L.newTable(hash: Int32(entity.columns.count))
      for column in entity.columns {
        L.push(column.sqlType.isEmpty ? "ANY" : column.sqlType)
        L.rawSet(-2, column.name)
      }
      L.rawSet(-2, "types")
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
        if let reference = column.references {
          L.push(reference.table)
          L.rawSet(-2, column.name)
        }
      }
      L.rawSet(-2, "foreign")
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
}
