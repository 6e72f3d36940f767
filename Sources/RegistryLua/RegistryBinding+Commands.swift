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
    if let name, statements.isEmpty { throw RegistryError.notFound(entity: "table", key: name) }
    return statements.map { $0 + ";" }.joined(separator: "\n")
  }

  /// Copies the registry to `path` with SQLite's online backup (consistent even while others
  /// write). The copy is made beside `path` and renamed over it when complete, so `path` is
  /// always either what it was or a whole backup, even if the program is killed; it is
  /// created 0600.
  ///
  /// - Throws: `RegistryLuaError.backup…` for a backup onto the registry itself, inside
  ///   `db.tx`, or refused by the sandbox; `.backupFailed` with the reason otherwise.
  public func backup(to path: String) throws {
    if context.isInsideTransaction { throw RegistryLuaError.backupInTransaction }
    try lua.checkFileAccess(path, write: true)
    let registry = try context.registry()
    if Backup.isSameFile(path, registry.path) {
      throw RegistryLuaError.backupOntoItself(path: registry.path)
    }
    try Backup.write(to: path) { temporary in
      let destination = try DatabaseQueue(path: temporary)
      do {
        try registry.queue.backup(to: destination)
      } catch {
        try? destination.close()
        throw registry.explain(error)
      }
      try destination.close()
    }
  }

  /// `core.backup(path)`: `db.backup(path)` in Lua; returns the path.
  func backupFunction(_ L: LuaStack) throws -> Int32 {
    let path = try L.string(1)
    try backup(to: path)
    L.push(path)
    return 1
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

/// Writing a backup file whole or not at all.
enum Backup {
  /// Whether `path` names the same file as `registry` (or one of its companions).
  static func isSameFile(_ path: String, _ registry: String) -> Bool {
    var target = stat()
    guard stat(path, &target) == 0 else { return false }
    for suffix in ["", "-wal", "-shm", "-journal"] {
      var other = stat()
      if stat(registry + suffix, &other) == 0, other.st_dev == target.st_dev,
        other.st_ino == target.st_ino
      {
        return true
      }
    }
    return false
  }

  /// Calls `fill` with a new private file beside `path`, then renames it over `path`; the
  /// temporary file and its companions are removed whatever happens.
  static func write(to path: String, _ fill: (String) throws -> Void) throws {
    let temporary = path + ".sangtao-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw RegistryLuaError.backupFailed(path: path, reason: String(cString: strerror(errno)))
    }
    fchmod(descriptor, 0o600)
    close(descriptor)
    defer {
      for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
    }
    try fill(temporary)
    // Companions of an older file at `path` would be read as this one's.
    for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
    guard rename(temporary, path) == 0 else {
      throw RegistryLuaError.backupFailed(path: path, reason: String(cString: strerror(errno)))
    }
    // The rename itself survives a crash once the directory is on disk.
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let handle = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if handle >= 0 {
      fsync(handle)
      close(handle)
    }
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
