import GRDBSQLite
import LuaBridge
import Messages

/// A Lua function that SQLite calls: a scalar (`db.func`) or an aggregate (`aggregate`).
///
/// SQLite calls it in the middle of `sqlite3_step`, which a core function runs for Lua code;
/// the call goes back into Lua on the thread that was running, under a protected call, so a
/// Lua error becomes an SQLite error (naming the function) and never a longjmp through SQLite
/// or Swift.
final class LuaSQLFunction {
  enum Kind {
    /// `db.func(name, fn)`: fn(args...) -> value.
    case scalar
    /// `aggregate(name, fn)`: fn(values) -> value, values collected per group.
    case collecting
    /// `aggregate(name, {init, step, final})`.
    case stepping

    var isScalar: Bool { self == .scalar }
  }

  let name: String
  let kind: Kind
  /// The function (or the {init, step, final} table) in the Lua registry.
  let reference: LuaReference
  unowned let context: RegistryContext

  init(name: String, kind: Kind, reference: LuaReference, context: RegistryContext) {
    self.name = name
    self.kind = kind
    self.reference = reference
    self.context = context
  }

  /// The number of arguments SQLite knows the function by: a scalar and an aggregate of one
  /// name are two SQLite functions.
  private var arity: Int32 { kind == .scalar ? -1 : 1 }

  /// Adds the function to the connection (when the registry is open). SQLite refuses to
  /// replace a function while a statement is active: false then, and the old one stays.
  @discardableResult
  func register(on context: RegistryContext) -> Bool {
    guard let connection = context.connection else { return true }
    let box = Unmanaged.passUnretained(self).toOpaque()
    let flags = SQLITE_UTF8
    switch kind {
    case .scalar:
      return sqlite3_create_function_v2(
        connection, name, arity, flags, box, scalarCall, nil, nil, nil) == SQLITE_OK
    case .collecting, .stepping:
      return sqlite3_create_function_v2(
        connection, name, arity, flags, box, nil, aggregateStep, aggregateFinal, nil) == SQLITE_OK
    }
  }

  /// Removes the function from the connection, so that SQLite never calls it once it is
  /// released; false when SQLite refuses (a statement is active) and it stays.
  func unregister(on context: RegistryContext) -> Bool {
    guard let connection = context.connection else { return true }
    return sqlite3_create_function_v2(
      connection, name, arity, SQLITE_UTF8, nil, nil, nil, nil, nil) == SQLITE_OK
  }

  // MARK: Calls

  /// The Lua thread to call on: the one whose core function is stepping the statement.
  var stack: LuaStack? { context.thread }

  /// Reports a Lua error to SQLite, naming the function; the statement then fails with it.
  func fail(_ sqlite: OpaquePointer?, _ message: String) {
    let text = Message.sqlFunctionFailed(["name": name, "message": message])
    sqlite3_result_error(sqlite, text, -1)
  }

  func callScalar(
    _ sqlite: OpaquePointer?, _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?
  ) {
    guard let L = stack else { return sqlite3_result_null(sqlite) }
    let base = L.top
    defer { L.top = base }
    reference.push(onto: L)
    for index in 0..<Int(count) { LuaSQLFunction.push(values?[index], onto: L) }
    do {
      try L.call(arguments: count, results: 1, traceback: false)
    } catch {
      return fail(sqlite, error.message)
    }
    LuaSQLFunction.result(sqlite, from: L)
  }

  /// The per-group state: a Lua registry slot in SQLite's aggregate context.
  private func stateSlot(_ sqlite: OpaquePointer?, create: Bool) -> UnsafeMutablePointer<Int32>? {
    let bytes = Int32(create ? MemoryLayout<Int32>.size : 0)
    return sqlite3_aggregate_context(sqlite, bytes)?.assumingMemoryBound(to: Int32.self)
  }

  func step(_ sqlite: OpaquePointer?, _ value: OpaquePointer?) {
    guard let L = stack, let slot = stateSlot(sqlite, create: true) else { return }
    let base = L.top
    defer { L.top = base }
    if slot.pointee == 0 {
      // First row of the group: a values table, or init().
      switch kind {
      case .stepping:
        reference.push(onto: L)
        L.rawGet(-1, "init")
        if L.type(at: -1) == .function {
          do {
            try L.call(arguments: 0, results: 1, traceback: false)
          } catch {
            return fail(sqlite, error.message)
          }
        }
      default:
        L.newTable()
      }
      slot.pointee = LuaReference(popping: L).slot
      L.top = base
    }
    let state = LuaReference(slot: slot.pointee)
    switch kind {
    case .stepping:
      reference.push(onto: L)
      L.rawGet(-1, "step")
      state.push(onto: L)
      LuaSQLFunction.push(value, onto: L)
      do {
        try L.call(arguments: 2, results: 1, traceback: false)
      } catch {
        return fail(sqlite, error.message)
      }
      if L.type(at: -1) != .nil {
        state.release(in: L)
        slot.pointee = LuaReference(popping: L).slot
      }
    default:
      state.push(onto: L)
      LuaSQLFunction.push(value, onto: L)
      if L.type(at: -1) != .nil {
        L.rawSet(-2, L.rawLength(-2) + 1)
      }
    }
  }

  func final(_ sqlite: OpaquePointer?) {
    guard let L = stack else { return sqlite3_result_null(sqlite) }
    let base = L.top
    defer { L.top = base }
    let slot = stateSlot(sqlite, create: false)
    let state = slot.map { LuaReference(slot: $0.pointee) }
    defer { if let state, state.slot != 0 { state.release(in: L) } }
    switch kind {
    case .stepping:
      reference.push(onto: L)
      L.rawGet(-1, "final")
      let hasFinal = L.type(at: -1) == .function
      if let state, state.slot != 0 { state.push(onto: L) } else { L.pushNil() }
      if hasFinal {
        do {
          try L.call(arguments: 1, results: 1, traceback: false)
        } catch {
          return fail(sqlite, error.message)
        }
      }
    default:
      reference.push(onto: L)
      if let state, state.slot != 0 { state.push(onto: L) } else { L.newTable() }
      do {
        try L.call(arguments: 1, results: 1, traceback: false)
      } catch {
        return fail(sqlite, error.message)
      }
    }
    LuaSQLFunction.result(sqlite, from: L)
  }

  // MARK: Values

  /// Pushes an SQL value as Lua: integers stay integers, NULL is nil, text and blobs as bytes.
  static func push(_ value: OpaquePointer?, onto L: LuaStack) {
    switch sqlite3_value_type(value) {
    case SQLITE_INTEGER: L.push(sqlite3_value_int64(value))
    case SQLITE_FLOAT: L.push(sqlite3_value_double(value))
    case SQLITE_TEXT, SQLITE_BLOB:
      let pointer = sqlite3_value_blob(value)
      let count = Int(sqlite3_value_bytes(value))
      L.push(bytes: UnsafeRawBufferPointer(start: pointer, count: count))
    default: L.pushNil()
    }
  }

  /// Sets the SQL result from the Lua value on top.
  static func result(_ sqlite: OpaquePointer?, from L: LuaStack) {
    switch L.type(at: -1) {
    case .number:
      if L.isInteger(-1) {
        sqlite3_result_int64(sqlite, L.toInteger(-1) ?? 0)
      } else {
        sqlite3_result_double(sqlite, L.toNumber(-1) ?? 0)
      }
    case .string:
      _ = L.withBytes(-1) { bytes in
        sqlite3_result_text(
          sqlite, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
          SQLITE_TRANSIENT)
      }
    case .boolean:
      sqlite3_result_int64(sqlite, L.toBoolean(-1) ? 1 : 0)
    case .nil, .none:
      sqlite3_result_null(sqlite)
    default:
      sqlite3_result_error(
        sqlite, Message.sqlFunctionResult(["type": L.typeName(at: -1)]), -1)
    }
  }
}

private func function(_ sqlite: OpaquePointer?) -> LuaSQLFunction {
  Unmanaged<LuaSQLFunction>.fromOpaque(sqlite3_user_data(sqlite)!).takeUnretainedValue()
}

private let scalarCall:
  @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
    sqlite, count, values in
    function(sqlite).callScalar(sqlite, count, values)
  }

private let aggregateStep:
  @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
    sqlite, _, values in
    function(sqlite).step(sqlite, values?[0])
  }

private let aggregateFinal: @convention(c) (OpaquePointer?) -> Void = { sqlite in
  function(sqlite).final(sqlite)
}

extension RegistryBinding {
  /// `core.define_function(name, fn)`.
  func defineFunction(_ L: LuaStack) throws -> Int32 {
    try define(L, kind: .scalar)
  }

  /// `core.define_aggregate(name, fn | {init, step, final})`.
  func defineAggregate(_ L: LuaStack) throws -> Int32 {
    try define(L, kind: L.type(at: 2) == .table ? .stepping : .collecting)
  }

  /// `core.temporary_aggregate(fn)`: registers `fn` under a fresh name and returns the name.
  func temporaryAggregate(_ L: LuaStack) throws -> Int32 {
    temporaryCount += 1
    let name = "lua_aggregate_\(temporaryCount)"
    L.push(name)
    L.insert(at: 1)
    _ = try define(L, kind: .collecting)
    L.push(name)
    return 1
  }

  private func define(_ L: LuaStack, kind: LuaSQLFunction.Kind) throws -> Int32 {
    let name = try L.string(1)
    L.pushValue(at: 2)
    let function = LuaSQLFunction(
      name: name, kind: kind, reference: LuaReference(popping: L), context: context)
    let old = sqlFunctions.firstIndex(where: { $0.name == name })
    // SQLite keeps a pointer to the old function until it is replaced or removed: release it
    // only once SQLite has let it go, and keep it when SQLite refuses (a query is running).
    let replaced =
      if let old, sqlFunctions[old].kind.isScalar != kind.isScalar {
        sqlFunctions[old].unregister(on: context) && function.register(on: context)
      } else {
        function.register(on: context)
      }
    guard replaced else {
      function.reference.release(in: L)
      throw LuaCallError.message(Message.sqlFunctionBusy(["name": name]))
    }
    if let old {
      sqlFunctions[old].reference.release(in: L)
      sqlFunctions.remove(at: old)
    }
    sqlFunctions.append(function)
    return 0
  }
}
