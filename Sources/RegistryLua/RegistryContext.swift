import GRDB
import GRDBSQLite
import LuaBridge
import Messages
import Registry

/// The registry side of a Lua session: opens the registry when first needed, gives every core
/// function the database (the one a transaction holds, or a fresh access), keeps prepared
/// statements, and counts rows and statements for `.timer`.
///
/// One per `LuaState`. It lives as long as the state (the session owns both) and is reached
/// from Lua functions through unowned captures.
public final class RegistryContext {
  /// How the registry is found: its path for messages, and how to open it.
  public struct Source {
    /// The path shown in messages and `db.path`.
    public let path: String
    /// Whether writes are refused.
    public let readOnly: Bool
    /// Opens (creating when allowed) the registry, waiting for a busy file as the policy says.
    public let open: (BusyPolicy) throws -> Registry

    /// A source opening `path` (created on first use unless `readOnly`) with `open`, or with
    /// `Registry.open` when none is given.
    public init(path: String, readOnly: Bool, open: (() throws -> Registry)? = nil) {
      self.path = path
      self.readOnly = readOnly
      if let open {
        self.open = { _ in try open() }
      } else {
        self.open = { policy in try Registry.open(path: path, readOnly: readOnly, busy: policy) }
      }
    }

    /// A source whose `open` honours the busy policy the context gives it.
    public init(
      path: String, readOnly: Bool, openWith open: @escaping (BusyPolicy) throws -> Registry
    ) {
      self.path = path
      self.readOnly = readOnly
      self.open = open
    }
  }

  /// Where the registry is and how it opens.
  public let source: Source
  private var opened: Registry?
  private var openFailure: Error?
  /// The database while a transaction (or a long access) holds it.
  private var current: Database?
  /// The raw connection, for prepared statements and `sqlite3_interrupt`.
  private(set) var connection: OpaquePointer?
  /// Prepared statements by SQL. A statement still being stepped (a Lua function called by
  /// SQLite running the same query again) is never reset under its caller: another one is
  /// prepared beside it.
  private var statements: [String: [OpaquePointer]] = [:]
  /// The thread whose Lua code is running now: SQL functions written in Lua call back on it.
  var thread: LuaStack?
  /// Rows stepped and statements run since the session began (for `.timer`).
  public private(set) var rowCount = 0
  public private(set) var statementCount = 0
  /// Called once the registry is open (the console installs the interrupt callback).
  var onOpen: ((RegistryContext) -> Void)?
  /// Whether an interrupt (Ctrl-C, a time limit) is pending. `sqlite3_interrupt` only stops
  /// statements already running, so each step checks this first.
  var interruptProbe: LuaInterruptProbe?
  /// How many seconds to wait when another program is writing to the registry (`--wait`).
  public var busyTimeout: Double = 30
  /// Where the notice of a long wait goes (stderr by default).
  public var busyNotice: @Sendable (String) -> Void = { text in
    StandardStreams.write(text + "\n", to: StandardStreams.error)
  }

  /// A context for the registry at `source`, not opened yet.
  public init(source: Source) {
    self.source = source
  }

  deinit {
    for pool in statements.values {
      for statement in pool { sqlite3_finalize(statement) }
    }
  }

  /// The policy the registry opens with: wait `busyTimeout`, say so after a second, give up at
  /// once on Ctrl-C or a time limit.
  private func busyPolicy() -> BusyPolicy {
    let probe = UncheckedSendable(interruptProbe)
    let notice = busyNotice
    return BusyPolicy(
      timeout: busyTimeout, noticeAfter: 1,
      onWait: { path, seconds in
        notice(
          Message.registryBusyWaiting(["path": path, "seconds": Message.seconds(seconds)]))
      },
      shouldStop: { probe.value?.isPending ?? false })
  }

  /// The registry, opened on first use.
  ///
  /// - Throws: the reason it cannot be opened (`RegistryError`), every time once it failed.
  public func registry() throws -> Registry {
    if let opened { return opened }
    if let openFailure { throw openFailure }
    do {
      let registry = try source.open(busyPolicy())
      opened = registry
      registry.queue.inDatabase { db in
        connection = db.sqliteConnection
      }
      onOpen?(self)
      return registry
    } catch {
      openFailure = error
      throw error
    }
  }

  /// Whether the registry has been opened.
  public var isOpen: Bool { opened != nil }

  /// Runs `body` with the database: the one an enclosing transaction holds, or a new access.
  func withDatabase<T>(_ body: (Database) throws -> T) throws -> T {
    if let current { return try body(current) }
    let registry = try registry()
    do {
      return try registry.queue.inDatabase { db in
        current = db
        defer { current = nil }
        return try body(db)
      }
    } catch {
      let explained = registry.explain(error)
      // A wait given up on Ctrl-C or a time limit says so, not that the wait ran out.
      if case RegistryError.busy = explained, interruptProbe?.isPending == true {
        throw RegistryLuaError.interrupted
      }
      throw explained
    }
  }

  /// Runs `body` in a transaction of its own, begun IMMEDIATE: the write lock is taken (or
  /// waited for) before the first change, so a busy registry fails before anything is done
  /// and never half-way. Inside an enclosing transaction, `body` simply joins it.
  func withWriteTransaction<T>(_ body: (Database) throws -> T) throws -> T {
    if let current, current.isInsideTransaction { return try body(current) }
    let registry = try registry()
    return try withDatabase { db in
      // A read-only registry refuses the write itself, with the domain's message.
      if db.isInsideTransaction || registry.isReadOnly { return try body(db) }
      var result: T?
      try db.inTransaction(.immediate) {
        result = try body(db)
        return .commit
      }
      return result!
    }
  }

  /// Whether a transaction (`db.tx`) holds the database now.
  var isInsideTransaction: Bool { current?.isInsideTransaction ?? false }

  // MARK: Statements

  /// A prepared statement for `sql` from the cache (reset, bindings cleared), or a new one.
  /// Streaming cursors ask for `cached: false` so that no other use resets them.
  func statement(_ sql: String, cached: Bool = true) throws -> OpaquePointer {
    _ = try registry()
    if cached, let statement = statements[sql]?.first(where: { sqlite3_stmt_busy($0) == 0 }) {
      sqlite3_reset(statement)
      sqlite3_clear_bindings(statement)
      return statement
    }
    var statement: OpaquePointer?
    let code = sqlite3_prepare_v3(
      connection, sql, -1, UInt32(cached ? SQLITE_PREPARE_PERSISTENT : 0), &statement, nil)
    guard code == SQLITE_OK, let statement else {
      throw RegistryLuaError.sql(message: lastError(), sql: sql)
    }
    if cached { statements[sql, default: []].append(statement) }
    statementCount += 1
    return statement
  }

  /// Steps `statement`: true for a row, false when done.
  ///
  /// - Throws: `RegistryLuaError.sql` (or `.interrupted`) with SQLite's message.
  @inline(__always)
  func step(_ statement: OpaquePointer) throws -> Bool {
    if let interruptProbe, interruptProbe.isPending {
      sqlite3_reset(statement)
      throw RegistryLuaError.interrupted
    }
    let code = interruptProbe?.step(statement) ?? sqlite3_step(statement)
    switch code {
    case SQLITE_ROW:
      rowCount += 1
      return true
    case SQLITE_DONE:
      return false
    case SQLITE_INTERRUPT:
      sqlite3_reset(statement)
      throw RegistryLuaError.interrupted
    case SQLITE_BUSY:
      sqlite3_reset(statement)
      throw RegistryError.busy(path: source.path, seconds: opened?.busy.timeout ?? busyTimeout)
    default:
      let message = lastError()
      sqlite3_reset(statement)
      throw RegistryLuaError.sql(message: message, sql: nil)
    }
  }

  /// SQLite's last error message on the connection.
  func lastError() -> String {
    guard let connection, let text = sqlite3_errmsg(connection) else { return "unknown error" }
    return String(cString: text)
  }

  /// Binds the array at `index` of `stack` to `statement`'s parameters.
  ///
  /// - Throws: `LuaCallError.argument` for a value SQL cannot hold (a table, a function).
  func bind(_ statement: OpaquePointer, from stack: LuaStack, at index: Int32, argument: Int32)
    throws
  {
    guard stack.type(at: index) == .table else {
      if stack.isNoneOrNil(index) { return }
      throw LuaCallError.type(argument, expected: "table")
    }
    let count = stack.rawLength(index)
    let expected = Int(sqlite3_bind_parameter_count(statement))
    if count != expected {
      throw RegistryLuaError.parameterCount(expected: expected, given: count)
    }
    for position in stride(from: 1, through: count, by: 1) {
      stack.rawGet(index, position)
      defer { stack.pop() }
      try bindValue(statement, Int32(position), stack, argument: argument)
    }
  }

  /// Binds the value on top of `stack` to parameter `position`.
  func bindValue(_ statement: OpaquePointer, _ position: Int32, _ stack: LuaStack, argument: Int32)
    throws
  {
    switch stack.type(at: -1) {
    case .nil, .none:
      sqlite3_bind_null(statement, position)
    case .boolean:
      sqlite3_bind_int64(statement, position, stack.toBoolean(-1) ? 1 : 0)
    case .number:
      if stack.isInteger(-1) {
        sqlite3_bind_int64(statement, position, stack.toInteger(-1) ?? 0)
      } else {
        sqlite3_bind_double(statement, position, stack.toNumber(-1) ?? 0)
      }
    case .string:
      _ = stack.withBytes(-1) { bytes in
        sqlite3_bind_text(
          statement, position, bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
          Int32(bytes.count), SQLITE_TRANSIENT)
      }
    default:
      if stack.isNullSentinel(-1) {
        sqlite3_bind_null(statement, position)
      } else {
        throw LuaCallError.argument(
          argument, Message.unbindable(["position": position, "type": stack.typeName(at: -1)]))
      }
    }
  }
}

/// `SQLITE_TRANSIENT`: SQLite copies the bytes (Swift cannot import the macro).
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension LuaStack {
  /// Whether the value at `index` is `db.null`, the sentinel for SQL NULL.
  func isNullSentinel(_ index: Int32) -> Bool {
    guard type(at: index) == .table || type(at: index) == .userdata, getMetatable(index) else {
      return false
    }
    defer { pop(2) }
    return rawGet(-1, "__name") == .string && toString(-1) == "sangtao.null"
  }
}

/// A value that may cross into a `@Sendable` closure because it is only used on the thread
/// that made it (SQLite calls the busy handler on the thread running the statement).
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
