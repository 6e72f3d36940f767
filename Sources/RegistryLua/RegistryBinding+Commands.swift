import GRDB
import GRDBSQLite
import Glibc
import LuaBridge
import Registry
import Render

/// What the console's registry dot-commands (`.tables`, `.schema`, `.backup`) ask of the
/// registry.
extension RegistryBinding {
  /// The collections Lua knows, with their tables and row counts, in the order of the schema.
  public func tables() throws -> Render.Table {
    let names = try collectionNames()
    let registry = try context.registry()
    let rows: [[Render.Cell]] = try registry.queue.inDatabase { db in
      try names.map { name, table in
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
        return [.text(name), .text(table), .integer(Int64(count))]
      }
    }
    return Render.Table(
      columns: [
        Render.Column("collection"), Render.Column("table"), Render.Column("rows", kind: .integer),
      ], rows: rows)
  }

  /// `CREATE` statements as in the sqlite3 shell's `.schema`: all, or those of one table or
  /// collection (with its indexes and triggers).
  public func schemaText(_ name: String?) throws -> String {
    let table = try name.map { name in
      try collectionNames().first(where: { $0.name == name })?.table ?? name
    }
    let registry = try context.registry()
    let statements = try registry.queue.inDatabase { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT sql FROM sqlite_master
          WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
            AND (?1 IS NULL OR tbl_name = ?1)
          ORDER BY tbl_name = 'registrations' DESC, rowid
          """, arguments: [table])
    }
    return statements.map { $0 + ";" }.joined(separator: "\n")
  }

  /// Copies the registry to `path` with SQLite's online backup (consistent even while others
  /// write); the copy is created 0600.
  public func backup(to path: String) throws {
    let registry = try context.registry()
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if descriptor >= 0 { close(descriptor) }
    let destination = try DatabaseQueue(path: path)
    try registry.queue.backup(to: destination)
    try destination.close()
    _ = chmod(path, 0o600)
  }

  /// Collection names and tables, as the Lua globals define them.
  func collectionNames() throws -> [(name: String, table: String)] {
    let L = lua.stack
    let base = L.top
    defer { L.top = base }
    L.rawGet(LuaStack.registryIndex, "sangtao.namespace")
    guard L.rawGet(-1, "collections") == .table else { return [] }
    var result: [(String, String)] = []
    let list = L.top
    for position in stride(from: 1, through: L.rawLength(list), by: 1) {
      L.rawGet(list, position)
      L.rawGet(-1, "name")
      L.rawGet(-2, "table")
      if let name = L.toString(-2), let table = L.toString(-1) { result.append((name, table)) }
      L.pop(3)
    }
    return result
  }
}

/// What the banner says of a registry.
public struct RegistrySummary {
  public let name: String
  public let path: String
  public let registrations: Int
  public let years: String
  public let size: String
}

extension RegistryBinding {
  /// The version of the SQLite library in use.
  public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

  /// The registry's name, size and contents, for the banner.
  public func summary() throws -> RegistrySummary {
    let registry = try context.registry()
    let (count, first, last) = try registry.queue.inDatabase { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM registrations") ?? 0,
        try Int.fetchOne(db, sql: "SELECT min(year) FROM campaigns"),
        try Int.fetchOne(db, sql: "SELECT max(year) FROM campaigns")
      )
    }
    var info = stat()
    let bytes = stat(registry.path, &info) == 0 ? Int(info.st_size) : 0
    let years = first.map { first in last.map { $0 == first ? "\(first)" : "\(first)–\($0)" } ?? ""
    }
    let name = registry.path.split(separator: "/").last.map(String.init) ?? registry.path
    return RegistrySummary(
      name: name, path: registry.path, registrations: count, years: years ?? "—",
      size: bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(max(1, bytes / 1024)) KB")
  }
}
