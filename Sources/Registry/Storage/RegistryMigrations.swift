import GRDB

/// The registry's schema history.
///
/// Each migration is frozen once released: a change to the schema is a new migration appended
/// to ``migrations``. The file header records the result — `PRAGMA application_id` marks the file
/// as a sangtao registry and `PRAGMA user_version` holds the number of migrations applied — so
/// opening an up-to-date registry reads two header fields and runs nothing.
///
/// Every pending migration and the header run in one transaction: a program killed (or a
/// migration failing) half-way leaves the file as it was, never a schema without its mark.
enum RegistryMigrations {
  /// `PRAGMA application_id` of a registry: "sang" in ASCII.
  static let applicationID: Int32 = 0x7361_6E67

  /// The schema version this program writes: the number of migrations.
  static var currentVersion: Int { migrations.count }

  /// The migrations, oldest first: a name and what it does.
  static let migrations: [(name: String, run: @Sendable (Database) throws -> Void)] = [
    ("v1: registry of 2023", { db in try db.execute(sql: SchemaV1.sql) }),
    ("v2: reminders with address and attempts", { db in try db.execute(sql: SchemaV2.sql) }),
  ]

  /// What opening found in the file header.
  enum State: Equatable {
    case upToDate
    case needsMigration(from: Int)
  }

  /// Reads the header of the open file and decides whether it needs migrations.
  ///
  /// - Throws: ``RegistryError/notARegistry(path:)`` for another SQLite database,
  ///   ``RegistryError/schemaTooNew(path:found:supported:)`` for a newer registry.
  static func state(_ db: Database, path: String) throws -> State {
    let header: Row
    do {
      header = try Row.fetchOne(
        db,
        sql: "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version"
      )!
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw RegistryError.notARegistry(path: path)
    }
    let application: Int32 = header[0]
    let version: Int = header[1]
    if application == applicationID {
      if version == currentVersion { return .upToDate }
      if version > currentVersion {
        throw RegistryError.schemaTooNew(path: path, found: version, supported: currentVersion)
      }
      return .needsMigration(from: version)
    }
    // A new file has neither mark nor tables; anything else is someone else's database.
    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")!
    guard application == 0, version == 0, tables == 0 else {
      throw RegistryError.notARegistry(path: path)
    }
    return .needsMigration(from: 0)
  }

  /// Applies the migrations after `version` and stamps the header, all in one transaction.
  ///
  /// - Parameter beforeCommit: runs last inside the transaction (tests make it fail, as a
  ///   killed process would, to check that nothing is left half-done).
  static func migrate(
    _ queue: DatabaseQueue, from version: Int, beforeCommit: (Database) throws -> Void = { _ in }
  ) throws {
    try queue.inDatabase { db in
      // As GRDB's migrator: foreign keys are checked once at the end, so that a migration can
      // rebuild a table (SQLite cannot change this setting inside a transaction).
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
      try db.inTransaction(.immediate) {
        // Another program may have migrated the file while this one waited for the lock.
        let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        for migration in migrations.dropFirst(max(version, current)) {
          try migration.run(db)
        }
        if let violation = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
          throw DatabaseError(
            resultCode: .SQLITE_CONSTRAINT,
            message: "a migration broke a foreign key: \(violation)")
        }
        try db.execute(
          sql: "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(currentVersion)")
        try beforeCommit(db)
        return .commit
      }
    }
  }
}

extension Registry {
  /// Checks the header of a freshly opened queue and migrates it when allowed.
  static func prepare(_ queue: DatabaseQueue, path: String, readOnly: Bool) throws {
    let state = try queue.inDatabase { try RegistryMigrations.state($0, path: path) }
    guard case .needsMigration(let version) = state else { return }
    if readOnly {
      throw RegistryError.needsUpgrade(
        path: path, found: version, supported: RegistryMigrations.currentVersion)
    }
    try RegistryMigrations.migrate(queue, from: version)
  }
}
