import CLua
import CLuaShim

/// A Lua 5.4 state owned by Swift: created with sangtao's allocator and closed in `deinit`.
///
///     let lua = try LuaState()
///     lua.register("greet") { L in
///       L.push("xin chào, " + (try L.string(1)))
///       return 1
///     }
///     try lua.run("print(greet('Lạc Dương'))")
///
/// Per-state data lives in the Lua registry (see `setHost`), never in Swift globals. The owner
/// of a `LuaState` must outlive every closure it registers that refers back to it.
public final class LuaState {
  /// The main thread's stack.
  public let stack: LuaStack
  /// Whether `enterSandbox` has put the state in a sandbox.
  public internal(set) var isSandboxed = false

  /// Creates a state, opens the standard libraries (unless `libraries` is false) and makes
  /// coroutines reachable by interrupts. Uses Lua's generational collector, as `lua.c`.
  ///
  /// - Parameters:
  ///   - libraries: whether to open the standard libraries.
  ///   - ignoreEnvironment: `lua -E`: `package.path` and `cpath` ignore `LUA_PATH` and
  ///     `LUA_CPATH`.
  /// - Throws: `LuaError.memory` when the state cannot be created.
  public init(libraries: Bool = true, ignoreEnvironment: Bool = false) throws(LuaError) {
    luashim_install(dispatchFunction, releaseBox)
    guard let L = luashim_newstate() else {
      throw .memory(message: "cannot create state: not enough memory")
    }
    stack = LuaStack(L)
    if ignoreEnvironment {
      stack.push(true)
      stack.rawSet(lua_registryindex(), "LUA_NOENV")  // read by the package library
    }
    if libraries {
      lua_gc_stop(L)
      var status = luashim_openlibs(L)
      if status == LUA_OK { status = luashim_track_coroutines(L) }
      if status != LUA_OK {
        let error = LuaError(status: status, popping: stack)
        luashim_close(L)
        throw error
      }
      lua_gc_restart(L)
      lua_gc_generational(L)
    }
  }

  deinit {
    luashim_close(stack.L)
  }

  /// The `lua_State` of the main thread.
  public var L: OpaquePointer { stack.L }

  // MARK: Running code

  /// Compiles `code` and pushes the function.
  ///
  /// - Parameters:
  ///   - code: Lua source (or a precompiled chunk when `mode` allows "b").
  ///   - name: the chunk name used in messages: `=stdin`, `@script.lua`, `=(command line)`.
  ///   - mode: `"t"`, `"b"` or `"bt"`.
  /// - Throws: `LuaError.syntax` with Lua's message.
  public func load(_ code: String, name: String, mode: String = "bt") throws(LuaError) {
    var code = code
    let status = code.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        luaL_loadbufferx(L, chars.baseAddress, chars.count, name, mode)
      }
    }
    if status != LUA_OK { throw LuaError(status: status, popping: stack) }
  }

  /// Compiles `bytes` and pushes the function.
  public func load(bytes: UnsafeRawBufferPointer, name: String, mode: String = "bt")
    throws(LuaError)
  {
    try stack.load(bytes: bytes, name: name, mode: mode)
  }

  /// Compiles the file at `path` (stdin when nil), skipping a first `#` line as `lua` does,
  /// and pushes the function.
  ///
  /// - Parameter mode: `"t"` (text only, as in a sandbox), `"b"`, or nil for both.
  /// - Throws: `LuaError.file` (`cannot open x.lua`) or `.syntax`.
  public func loadFile(_ path: String?, mode: String? = nil) throws(LuaError) {
    let status = luaL_loadfilex(L, path, mode)
    if status != LUA_OK { throw LuaError(status: status, popping: stack) }
  }

  /// Compiles and runs `code`, returning its results.
  ///
  /// - Throws: `LuaError` for a syntax or runtime error (with a traceback).
  @discardableResult
  public func run(_ code: String, name: String = "=(sangtao)") throws(LuaError) -> [LuaValue] {
    let base = stack.top
    try load(code, name: name)
    try stack.call(arguments: 0, results: LUA_MULTRET)
    defer { stack.top = base }
    var values: [LuaValue] = []
    for index in (base + 1)..<(stack.top + 1) {
      values.append(LuaValue(stack, at: index))
    }
    return values
  }

  /// `require(module)` stored in the global `global`, as `lua -l global=module`.
  ///
  /// - Throws: `LuaError` with `require`'s message and a traceback.
  public func require(_ module: String, as global: String) throws(LuaError) {
    let status = luashim_require(L, module, global)
    if status != LUA_OK { throw LuaError(status: status, popping: stack) }
  }

  /// Turns warnings on, as `lua -W`.
  public func enableWarnings() { lua_warning(L, "@on", 0) }

  /// Lua's copyright line: `Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio`.
  public static var copyright: String { String(cString: clua_copyright()) }

  /// Lua's release: `Lua 5.4.4`.
  public static var release: String { String(cString: clua_release()) }

  /// Marks chunks named with `prefix` (e.g. `=sangtao:`) as the host's own code: errors raised
  /// by Swift functions called through them point at the user's caller instead.
  public func hideChunks(prefixed prefix: String) { luashim_set_hidden_prefix(L, prefix) }

  // MARK: Globals and functions

  /// Sets the global `name` to a Swift function.
  public func register(_ name: String, _ body: @escaping LuaFunction) {
    stack.push(function: body)
    stack.setGlobal(name)
  }

  /// Sets the global `name` to `value`.
  public func setGlobal(_ name: String, _ value: some LuaPushable) {
    value.push(onto: stack)
    stack.setGlobal(name)
  }

  // MARK: Per-state data

  /// Stores `object` (unretained) in the Lua registry under `key`, for Swift functions to find
  /// with `LuaStack.host(_:as:)`. The caller keeps it alive while the state is in use.
  public func setHost(_ object: AnyObject, key: String) {
    stack.push(lightUserdata: Unmanaged.passUnretained(object).toOpaque())
    stack.rawSet(lua_registryindex(), "sangtao.host." + key)
  }

  // MARK: Memory

  /// Bytes the state has allocated.
  public var memoryUsed: Int { Int(luashim_memory_used(L)) }

  /// The memory limit in bytes (0: none). Lua code over it gets "not enough memory"; Swift
  /// code called from Lua never fails an allocation.
  public var memoryLimit: Int {
    get {
      let old = luashim_set_memory_limit(L, 0)
      luashim_set_memory_limit(L, old)
      return Int(old)
    }
    set { luashim_set_memory_limit(L, size_t(max(0, newValue))) }
  }

  /// Runs a full garbage collection.
  public func collectGarbage() { lua_gc_collect(L) }
}

extension LuaStack {
  /// The host object stored with `LuaState.setHost` under `key`, if it is a `T`.
  public func host<T: AnyObject>(_ key: String, as type: T.Type = T.self) -> T? {
    rawGet(lua_registryindex(), "sangtao.host." + key)
    defer { pop() }
    guard let pointer = toUserdata(-1) else { return nil }
    return Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue() as? T
  }
}
