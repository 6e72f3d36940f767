import GRDB
import LuaBridge
import Registry

/// CSV import and export for Lua (`db.import`, `db.export`) and the console (`.import`,
/// `.export`). The domain does the work (`CSVImport`, `CSVExport`): all-or-nothing imports with
/// every error at once, Excel-safe exports.
extension RegistryBinding {
  /// Imports the CSV file at `path` into `table`; a dry run writes nothing.
  ///
  /// - Returns: the summary line, then one line per change for a dry run.
  /// - Throws: `ImportFailure` listing every problem with its line and column (nothing is
  ///   written), or `RegistryError`.
  public func importCSV(path: String, into table: String, dryRun: Bool) throws -> [String] {
    try lua.checkFileAccess(path, write: false)
    let options = CSVImport.Options(actor: actor, dryRun: dryRun)
    // A real import holds the write lock from the start (a busy registry fails before any row
    // is read, never half-way); a dry run only reads.
    let summary =
      dryRun
      ? try context.withDatabase { db in
        try CSVImport.run(db, table: table, path: path, options: options)
      }
      : try context.withWriteTransaction { db in
        try CSVImport.run(db, table: table, path: path, options: options)
      }
    return [summary.message()] + (dryRun ? summary.changeLines() : [])
  }

  /// Exports `table` to the CSV file at `path` (created 0600), with a byte order mark for Excel
  /// unless `plain`.
  ///
  /// - Returns: the number of rows written.
  public func exportCSV(table: String, to path: String, plain: Bool = false) throws -> Int {
    try lua.checkFileAccess(path, write: true)
    let options = CSVExport.Options(byteOrderMark: !plain, crlf: !plain)
    return try context.withDatabase { db in
      try CSVExport.write(db, table: table, to: path, options: options)
    }
  }

  /// `core.import(path, table, {dry_run = true})`: the summary lines.
  func importFromLua(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let path = try L.string(1)
    let table = try tableName(try L.string(2))
    var dryRun = false
    if L.type(at: 3) == .table {
      L.rawGet(3, "dry_run")
      dryRun = L.toBoolean(-1)
      L.pop()
    }
    L.push(try importCSV(path: path, into: table, dryRun: dryRun))
    return 1
  }

  /// `core.export(table, path, {plain = true})`: the number of rows written.
  func exportFromLua(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let table = try tableName(try L.string(1))
    let path = try L.string(2)
    var plain = false
    if L.type(at: 3) == .table {
      L.rawGet(3, "plain")
      plain = L.toBoolean(-1)
      L.pop()
    }
    L.push(try exportCSV(table: table, to: path, plain: plain))
    return 1
  }

  /// The table of a collection name (`panel` → `panel_members`), or the name as given.
  public func tableName(_ name: String) throws -> String {
    try collectionNames().first(where: { $0.name == name })?.table ?? name
  }
}
