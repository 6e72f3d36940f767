import GRDB
import Registry

/// Everything a registry file holds, as text to compare: the header, the schema, and every row
/// of every table in rowid order. Two snapshots are equal exactly when the registries are.
public enum RegistrySnapshot {
  /// The snapshot of the registry at `path`.
  ///
  /// - Throws: when the file cannot be read as SQLite.
  public static func take(_ path: String) throws -> String {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { try take($0) }
  }

  /// The snapshot of the registry `db` is connected to.
  public static func take(_ db: Database) throws -> String {
    var text = ""
    let header = try Row.fetchOne(
      db, sql: "SELECT * FROM pragma_user_version, pragma_application_id")!
    text += "header \(header)\n"
    let tables = try Row.fetchAll(
      db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
    for table in tables {
      text += "\(table)\n"
      guard table["type"] as String == "table", let name: String = table["name"] else {
        continue
      }
      let sql: String = table["sql"] ?? ""
      let order = sql.uppercased().contains("WITHOUT ROWID") ? " ORDER BY 1" : " ORDER BY rowid"
      for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\"\(order)") {
        text += "  \(row)\n"
      }
    }
    return text
  }

  /// SQLite's verdict on the file: `["ok"]` when whole.
  public static func integrity(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
  }
}
