// Registry: the domain model and its storage (GRDB). Must not import: Lua, LuaBridge.
//
// It provides the registry file (`Registry`: open, create, migrate, refuse newer schemas), the
// schema and its metadata (`Schema`), the records of DESIGN.md §2 (`Unit`, `Person`,
// `Registration`…), the registration lifecycle (`Lifecycle`), the audit log, deadlines (`Day`,
// `Deadlines`), Vietnamese text (`VietnameseText`), the demo registry (`DemoGenerator`), CSV
// import and export (`CSVImport`, `CSVExport`) and scoring (`Scoring`).
//
// Every domain operation takes a GRDB `Database` and never opens its own access to the queue:
// the caller (the Lua layer, a test) runs many operations inside one `queue.inDatabase { db in }`
// and multi-step operations use savepoints, so they compose inside an outer transaction.

import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A registry of new models and creative approaches: one SQLite file.
///
///     let registry = try Registry.open(path: "lac-duong.sangtao")
///     try registry.queue.inDatabase { db in
///       let units = try Unit.fetchAll(db)
///     }
///
/// Opening is cheap: the migration state is read from the file header (`PRAGMA user_version`),
/// and migrations run only when the file is new or older than the program.
public final class Registry: Sendable {
  /// The file path, or `":memory:"`.
  public let path: String
  /// Whether the registry was opened read-only; every write then fails with
  /// ``RegistryError/readOnly(path:)``.
  public let isReadOnly: Bool
  /// The connection; run domain operations inside `queue.inDatabase { db in ... }`.
  public let queue: DatabaseQueue
  /// How the connection waits when another program is writing.
  public let busy: BusyPolicy

  init(path: String, isReadOnly: Bool, queue: DatabaseQueue, busy: BusyPolicy = .standard) {
    self.path = path
    self.isReadOnly = isReadOnly
    self.queue = queue
    self.busy = busy
  }

  /// `error` as a person should read it: SQLite's "database is locked" becomes
  /// ``RegistryError/busy(path:seconds:)`` naming this registry; anything else is unchanged.
  public func explain(_ error: Error) -> Error {
    if let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY {
      return RegistryError.busy(path: path, seconds: busy.timeout)
    }
    return error
  }

  /// Opens the registry at `path`, creating it (mode 0600) and its schema when the file does
  /// not exist, and migrating it when it was made by an older program.
  ///
  ///     let registry = try Registry.open(path: "/var/lib/sangtao/2023.sangtao", readOnly: true)
  ///
  /// - Parameters:
  ///   - path: The SQLite file.
  ///   - readOnly: Open without ever writing: the file must exist and be up to date.
  ///   - busy: How long to wait when another program is writing, and whom to tell.
  /// - Throws: ``RegistryError`` when the file cannot be created or opened, is not a registry,
  ///   was made by a newer program, or (read-only) is missing or needs an upgrade.
  public static func open(path: String, readOnly: Bool = false, busy: BusyPolicy = .standard)
    throws -> Registry
  {
    let exists = access(path, F_OK) == 0
    if !exists {
      if readOnly { throw RegistryError.noSuchFile(path: path) }
      try createPrivateFile(path)
    }
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(
        path: path,
        configuration: Registry.configuration(
          readOnly: readOnly, inMemory: false, path: path, busy: busy))
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw RegistryError.notARegistry(path: path)
    } catch let error as DatabaseError {
      throw RegistryError.cannotOpen(path: path, reason: error.message ?? "\(error)")
    }
    do {
      try prepare(queue, path: path, readOnly: readOnly)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
      throw RegistryError.busy(path: path, seconds: busy.timeout)
    }
    return Registry(path: path, isReadOnly: readOnly, queue: queue, busy: busy)
  }

  /// A new, empty registry in memory, for tests and scratch work.
  ///
  ///     let registry = try Registry.inMemory()
  ///
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func inMemory() throws -> Registry {
    let queue = try DatabaseQueue(
      configuration: Registry.configuration(readOnly: false, inMemory: true))
    try prepare(queue, path: ":memory:", readOnly: false)
    return Registry(path: ":memory:", isReadOnly: false, queue: queue)
  }

  /// Creates `path` empty with mode 0600, so the database and SQLite's `-wal` and `-shm`
  /// files (which take the database's mode) are private to the user.
  static func createPrivateFile(_ path: String) throws {
    let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor < 0 {
      let code = errno
      if code == EEXIST { return }
      throw RegistryError.cannotCreate(path: path, reason: String(cString: strerror(code)))
    }
    fchmod(descriptor, 0o600)  // whatever the umask
    close(descriptor)
  }
}
