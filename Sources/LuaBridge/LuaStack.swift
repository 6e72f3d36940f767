import CLua
import CLuaShim

/// The types of Lua values, as `lua_type` reports them.
public enum LuaType: Int32, Sendable {
  case none = -1
  case `nil` = 0
  case boolean = 1
  case lightUserdata = 2
  case number = 3
  case string = 4
  case table = 5
  case function = 6
  case userdata = 7
  case thread = 8

  /// Lua's name for the type: `nil`, `number`, `table`…
  public var name: String {
    switch self {
    case .none: return "no value"
    case .nil: return "nil"
    case .boolean: return "boolean"
    case .lightUserdata, .userdata: return "userdata"
    case .number: return "number"
    case .string: return "string"
    case .table: return "table"
    case .function: return "function"
    case .thread: return "thread"
    }
  }
}

/// A view on the stack of one Lua thread: what a Swift function called from Lua receives.
///
/// It does not own the state. Every operation here is one that cannot raise (manual §4.6 `-`,
/// or `m` under CLuaShim's allocator policy); operations that can run Lua code are the
/// `throws` methods, which run in C under `lua_pcall`.
///
///     state.register("twice") { L in
///       let n = try L.integer(1)
///       L.push(n * 2)
///       return 1
///     }
public struct LuaStack {
  /// The thread this view reads and writes.
  public let L: OpaquePointer

  /// A view on the thread `L`.
  public init(_ L: OpaquePointer) {
    self.L = L
  }

  // MARK: Indices

  /// The pseudo-index of the Lua registry (`LUA_REGISTRYINDEX`).
  public static var registryIndex: Int32 { lua_registryindex() }

  /// "All the results" for `call(arguments:results:)` (`LUA_MULTRET`).
  public static let allResults: Int32 = LUA_MULTRET

  /// The index of the top element (the number of values on the stack).
  public var top: Int32 {
    get { lua_gettop(L) }
    nonmutating set { lua_settop(L, newValue) }
  }

  /// `index` as an absolute (positive) index.
  @inline(__always)
  public func absolute(_ index: Int32) -> Int32 { lua_absindex(L, index) }

  /// Pops `n` values.
  @inline(__always)
  public func pop(_ n: Int32 = 1) { lua_settop(L, -n - 1) }

  /// Pushes a copy of the value at `index`.
  @inline(__always)
  public func pushValue(at index: Int32) { lua_pushvalue(L, index) }

  /// Moves the top value to `index`, shifting the values above.
  public func insert(at index: Int32) { lua_rotate(L, index, 1) }

  /// Removes the value at `index`, shifting the values above.
  public func remove(at index: Int32) {
    lua_rotate(L, index, -1)
    lua_settop(L, -2)
  }

  /// Makes room for `n` more values; false if the stack cannot grow.
  public func ensure(_ n: Int32) -> Bool { lua_checkstack(L, n) != 0 }

  // MARK: Types

  /// The type of the value at `index`.
  @inline(__always)
  public func type(at index: Int32) -> LuaType { LuaType(rawValue: lua_type(L, index)) ?? .none }

  /// Whether the value at `index` is nil or absent.
  public func isNoneOrNil(_ index: Int32) -> Bool { lua_type(L, index) <= 0 }

  /// Whether the value at `index` is an integer (not a float, not a string).
  public func isInteger(_ index: Int32) -> Bool { lua_isinteger(L, index) != 0 }

  /// The name Lua's own messages use for the value at `index`: its `__name` if it has one.
  public func typeName(at index: Int32) -> String {
    let index = absolute(index)
    let nameType = luaL_getmetafield(L, index, "__name")
    if nameType != LUA_TNIL {
      defer { pop() }
      if nameType == LUA_TSTRING, let name = toString(-1) { return name }
    }
    if type(at: index) == .lightUserdata { return "light userdata" }
    return type(at: index).name
  }

  // MARK: Pushing

  /// Pushes nil.
  @inline(__always)
  public func pushNil() { lua_pushnil(L) }

  /// Pushes a boolean.
  @inline(__always)
  public func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }

  /// Pushes an integer.
  @inline(__always)
  public func push(_ value: Int) { lua_pushinteger(L, lua_Integer(value)) }

  /// Pushes an integer.
  @inline(__always)
  public func push(_ value: Int64) { lua_pushinteger(L, value) }

  /// Pushes a float.
  @inline(__always)
  public func push(_ value: Double) { lua_pushnumber(L, value) }

  /// Pushes a string with its length: an embedded NUL survives.
  public func push(_ value: String) {
    var value = value
    value.withUTF8 { bytes in
      _ = bytes.withMemoryRebound(to: CChar.self) { lua_pushlstring(L, $0.baseAddress, $0.count) }
    }
  }

  /// Pushes a string given as bytes.
  public func push(bytes: UnsafeRawBufferPointer) {
    _ = lua_pushlstring(L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
  }

  /// Pushes a string given as bytes.
  public func push(bytes: [UInt8]) {
    bytes.withUnsafeBytes { push(bytes: $0) }
  }

  /// Pushes a light userdata.
  public func push(lightUserdata pointer: UnsafeMutableRawPointer?) {
    lua_pushlightuserdata(L, pointer)
  }

  /// Pushes a new table with room for `array` sequence items and `hash` keyed fields.
  @inline(__always)
  public func newTable(array: Int32 = 0, hash: Int32 = 0) { lua_createtable(L, array, hash) }

  /// Pushes the table of globals.
  public func pushGlobals() { lua_rawgeti(L, lua_registryindex(), lua_Integer(LUA_RIDX_GLOBALS)) }

  // MARK: Reading (no conversion, no error)

  /// The value at `index` if it is a number with an integer value (or a string that converts).
  public func toInteger(_ index: Int32) -> Int64? {
    var isNumber: Int32 = 0
    let value = lua_tointegerx(L, index, &isNumber)
    return isNumber != 0 ? value : nil
  }

  /// The value at `index` if it is a number (or a string that converts).
  public func toNumber(_ index: Int32) -> Double? {
    var isNumber: Int32 = 0
    let value = lua_tonumberx(L, index, &isNumber)
    return isNumber != 0 ? value : nil
  }

  /// The truth of the value at `index`, as Lua sees it (only nil and false are false).
  public func toBoolean(_ index: Int32) -> Bool { lua_toboolean(L, index) != 0 }

  /// The value at `index` if it is a string (numbers are not converted), decoded as UTF-8 with
  /// invalid bytes repaired. Embedded NULs survive.
  public func toString(_ index: Int32) -> String? {
    guard lua_type(L, index) == LUA_TSTRING else { return nil }
    var length = 0
    guard let pointer = lua_tolstring(L, index, &length) else { return nil }
    return String(
      decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  /// The bytes of the string at `index` (numbers are not converted).
  public func toBytes(_ index: Int32) -> [UInt8]? {
    guard lua_type(L, index) == LUA_TSTRING else { return nil }
    var length = 0
    guard let pointer = lua_tolstring(L, index, &length) else { return nil }
    return Array(UnsafeRawBufferPointer(start: pointer, count: length))
  }

  /// Calls `body` with the bytes of the string at `index`, without copying them.
  public func withBytes<R>(_ index: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
    guard lua_type(L, index) == LUA_TSTRING else { return nil }
    var length = 0
    guard let pointer = lua_tolstring(L, index, &length) else { return nil }
    return body(UnsafeRawBufferPointer(start: pointer, count: length))
  }

  /// The pointer of a light userdata, or the block of a full userdata.
  public func toUserdata(_ index: Int32) -> UnsafeMutableRawPointer? { lua_touserdata(L, index) }

  /// The length of a string or table at `index`, without metamethods.
  public func rawLength(_ index: Int32) -> Int { Int(lua_rawlen(L, index)) }

  /// The identity of a table, function, thread or userdata (for cycle checks), or nil.
  public func pointer(_ index: Int32) -> UnsafeRawPointer? { lua_topointer(L, index) }

  /// Advances a raw traversal of the table at `index`: pops the key on top and pushes the next
  /// key and value, returning true; at the end (or for an invalid key) pushes nothing and
  /// returns false. `lua_next` runs under a protected call: it raises for an invalid key.
  public func rawNext(_ index: Int32) -> Bool {
    let index = absolute(index)
    switch luashim_next(L, index) {
    case 1: return true
    case 0: return false
    default:
      pop()  // the message
      return false
    }
  }

  /// Whether the values at two indices are primitively equal.
  public func rawEqual(_ a: Int32, _ b: Int32) -> Bool { lua_rawequal(L, a, b) != 0 }

  // MARK: Tables without metamethods

  /// Pushes `t[key]` for the table at `index`, without metamethods; returns its type.
  @discardableResult
  public func rawGet(_ index: Int32, _ key: String) -> LuaType {
    let index = absolute(index)
    push(key)
    return LuaType(rawValue: lua_rawget(L, index)) ?? .nil
  }

  /// Pushes `t[n]` for the table at `index`, without metamethods; returns its type.
  @discardableResult
  @inline(__always)
  public func rawGet(_ index: Int32, _ n: Int) -> LuaType {
    LuaType(rawValue: lua_rawgeti(L, index, lua_Integer(n))) ?? .nil
  }

  /// Sets `t[key]` to the value on top (popped) for the table at `index`.
  public func rawSet(_ index: Int32, _ key: String) {
    let index = absolute(index)
    push(key)
    insert(at: -2)
    lua_rawset(L, index)
  }

  /// Sets `t[n]` to the value on top (popped) for the table at `index`.
  @inline(__always)
  public func rawSet(_ index: Int32, _ n: Int) { lua_rawseti(L, index, lua_Integer(n)) }

  /// Sets `t[k] = v` where `k` and `v` are the two values on top (popped).
  public func rawSet(_ index: Int32) { lua_rawset(L, index) }

  /// Pushes the global `name` (read raw from the globals table).
  @discardableResult
  public func getGlobal(_ name: String) -> LuaType {
    pushGlobals()
    let type = rawGet(-1, name)
    remove(at: -2)
    return type
  }

  /// Sets the global `name` to the value on top (popped), raw.
  public func setGlobal(_ name: String) {
    pushGlobals()
    insert(at: -2)
    rawSet(-2, name)
    pop()
  }

  /// Pushes the metatable of the value at `index`, if any; returns whether there was one.
  public func getMetatable(_ index: Int32) -> Bool { lua_getmetatable(L, index) != 0 }

  /// Sets the table on top (popped) as the metatable of the value at `index`.
  public func setMetatable(_ index: Int32) {
    let index = absolute(index)
    lua_setmetatable(L, index)
  }

  // MARK: Protected operations (they can run metamethods)

  /// `t[key]` with metamethods, for the table at `index` and the key on top (replaced by the
  /// value).
  ///
  /// - Throws: `LuaError` when a metamethod fails; the stack is then as before, minus the key.
  public func get(_ index: Int32) throws(LuaError) {
    let status = luashim_gettable(L, index)
    if status != LUA_OK { throw LuaError(status: status, popping: self) }
  }

  /// `t[key]` with metamethods, for the table at `index`.
  public func get(_ index: Int32, field: String) throws(LuaError) {
    let index = absolute(index)
    push(field)
    try get(index)
  }

  /// `t[key] = value` with metamethods; key and value are on top (popped).
  public func set(_ index: Int32) throws(LuaError) {
    let status = luashim_settable(L, index)
    if status != LUA_OK { throw LuaError(status: status, popping: self) }
  }

  /// `tostring(v)` for the value at `index`, honouring `__tostring` and `__name`.
  public func tostring(_ index: Int32) throws(LuaError) -> String {
    let status = luashim_tolstring(L, index)
    if status != LUA_OK { throw LuaError(status: status, popping: self) }
    defer { pop() }
    return toString(-1) ?? ""
  }

  /// `#v` for the value at `index`, honouring `__len`.
  public func length(_ index: Int32) throws(LuaError) -> Int {
    let status = luashim_len(L, index)
    if status != LUA_OK { throw LuaError(status: status, popping: self) }
    defer { pop() }
    return Int(toInteger(-1) ?? 0)
  }

  /// Traverses the table at `index`, calling `body` with the key at -2 and the value at -1.
  /// `body` must leave the stack as it found it; it may not convert the key in place.
  ///
  /// - Throws: `LuaError` for an invalid key, or what `body` throws.
  public func forEach(
    _ index: Int32, _ body: (LuaStack) throws -> Void
  ) throws {
    let index = absolute(index)
    pushNil()
    while true {
      let more = luashim_next(L, index)
      if more < 0 { throw LuaError(status: LUA_ERRRUN, popping: self) }
      if more == 0 { return }
      do {
        try body(self)
      } catch {
        pop(2)
        throw error
      }
      pop()  // the value; the key stays for the next step
    }
  }

  /// Calls the function below `arguments` values under `lua_pcall`.
  ///
  /// - Parameters:
  ///   - arguments: how many values above the function are its arguments.
  ///   - results: how many results to keep (`LUA_MULTRET` for all).
  ///   - traceback: whether a runtime error gets a traceback (as `lua.c`).
  ///   - asChunk: run under a C frame as `lua.c` runs chunks, so that tracebacks end as its do.
  /// - Throws: `LuaError`; the function and arguments are gone either way.
  public func call(
    arguments: Int32, results: Int32, traceback: Bool = true, asChunk: Bool = false
  ) throws(LuaError) {
    var flags: Int32 = traceback ? Int32(LUASHIM_TRACEBACK) : 0
    if asChunk { flags |= Int32(LUASHIM_CFRAME) }
    let status = luashim_pcall(L, arguments, results, flags)
    if status != LUA_OK { throw LuaError(status: status, popping: self) }
  }

  /// Compiles `bytes` as a chunk named `name` and pushes the function, on this thread (a Swift
  /// function called from a coroutine loads on the coroutine's stack).
  ///
  /// - Throws: `LuaError.syntax` with Lua's message.
  public func load(bytes: UnsafeRawBufferPointer, name: String, mode: String = "bt")
    throws(LuaError)
  {
    let status = luaL_loadbufferx(
      L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count, name, mode)
    if status != LUA_OK { throw LuaError(status: status, popping: self) }
  }

  /// Describes the error value at `index` as `lua.c` would: a string as it is, an object with
  /// `__tostring` by that, anything else as `(error object is a X value)`.
  public func describeError(at index: Int32) -> String {
    let index = absolute(index)
    switch type(at: index) {
    case .string:
      return toString(index) ?? ""
    case .number:
      pushValue(at: index)
      defer { pop() }
      var length = 0
      let pointer = lua_tolstring(L, -1, &length)
      return pointer.map { String(cString: $0) } ?? ""
    default:
      if luaL_getmetafield(L, index, "__tostring") != LUA_TNIL {
        pop()
        if let text = try? tostring(index) { return text }
      }
      return "(error object is a \(typeName(at: index)) value)"
    }
  }
}
