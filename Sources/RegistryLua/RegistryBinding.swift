import Foundation
import GRDBSQLite
import LuaBridge
import Messages
import Registry

/// Installs the registry in a Lua state: the collections (`registrations`, `units`…), `db`,
/// `aggregate`, `report`, `help`, and the core functions the bundled Lua code is written on.
///
///     let binding = RegistryBinding(lua: lua, context: RegistryContext(source: source))
///     try binding.install()
///     try lua.run("print(registrations:where{year = 2023}:count())")
///
/// The binding owns the context; the session owns the binding and the state, and keeps the
/// binding alive as long as the state.
public final class RegistryBinding {
  /// The state the API lives in.
  unowned let lua: LuaState
  /// The registry side.
  public let context: RegistryContext
  /// Lua SQL functions and aggregates defined so far, re-registered if the connection changes.
  var sqlFunctions: [LuaSQLFunction] = []
  /// A counter for the names of one-off aggregates.
  var temporaryCount = 0
  /// `db.actor`, when set: who changes things, for the audit log.
  var actorOverride: String?
  /// Whether ATTACH is refused (the sandbox): see ``refuseAttachedDatabases()``.
  private var attachRefused = false

  /// A binding of `context` into `lua`.
  public init(lua: LuaState, context: RegistryContext) {
    self.lua = lua
    self.context = context
  }

  /// The bundled Lua files every state loads, in order.
  static let luaFiles = ["prelude", "resultset", "query", "rows", "registry"]

  /// The bundled Lua files loaded on first use (see `S.need` in prelude.lua): a script that
  /// only queries does not parse reports, reminders or help.
  static let lazyLuaFiles = ["group", "scoring", "present", "remind", "report", "help"]

  /// Defines the globals. Nothing is read from the registry until the first query.
  ///
  /// - Throws: `RegistryLuaError.bundledCode` when the bundled Lua code is missing or broken.
  public func install() throws {
    let stack = lua.stack
    let base = stack.top
    defer { stack.top = base }
    context.onOpen = { [unowned self] context in self.connectionOpened(context) }
    lua.hideChunks(prefixed: "=sangtao:")
    context.interruptProbe = lua.interruptProbe
    stack.newTable()  // S: the namespace the bundled files share
    let namespace = stack.top
    pushCore(stack)
    stack.rawSet(namespace, "core")
    stack.pushValue(at: namespace)
    stack.rawSet(LuaStack.registryIndex, "sangtao.namespace")
    for name in RegistryBinding.luaFiles {
      try run(name, namespace: namespace)
    }
  }

  /// Loads every file that would otherwise load on first use: the console does it at start, so
  /// that TAB completion sees all of the API.
  public func loadEverything() throws {
    let stack = lua.stack
    let base = stack.top
    defer { stack.top = base }
    stack.rawGet(LuaStack.registryIndex, "sangtao.namespace")
    guard stack.rawGet(-1, "need") == .function else { return }
    let need = stack.top
    for name in RegistryBinding.lazyLuaFiles {
      stack.pushValue(at: need)
      stack.push(name)
      try stack.call(arguments: 1, results: 0, traceback: false)
    }
  }

  /// Runs the bundled file `name.lua` with the namespace at `namespace`.
  private func run(_ name: String, namespace: Int32) throws {
    let stack = lua.stack
    try load(name)
    stack.pushValue(at: namespace)
    do {
      try stack.call(arguments: 1, results: 0)
    } catch {
      throw RegistryLuaError.bundledCode(name: name + ".lua", reason: error.description)
    }
  }

  /// `core.load_bundled(name)`: runs a lazily loaded bundled file (called by `S.need`).
  private func loadBundled(_ L: LuaStack) throws -> Int32 {
    let name = try L.string(1)
    guard RegistryBinding.lazyLuaFiles.contains(name) else {
      throw LuaCallError.argument(1, "no bundled file '\(name)'")
    }
    L.rawGet(LuaStack.registryIndex, "sangtao.namespace")
    let namespace = L.top
    guard let source = BundledLua.source(name) else {
      throw RegistryLuaError.bundledCode(name: name + ".lua", reason: "not found")
    }
    try source.withUnsafeBytes { bytes in
      try L.load(bytes: bytes, name: "=sangtao:" + name + ".lua", mode: "t")
    }
    L.pushValue(at: namespace)
    try L.call(arguments: 1, results: 0, traceback: false)
    return 0
  }

  /// Compiles the bundled file `name.lua` and pushes its function.
  private func load(_ name: String) throws {
    guard let source = BundledLua.source(name) else {
      throw RegistryLuaError.bundledCode(name: name + ".lua", reason: "not found")
    }
    do {
      try source.withUnsafeBytes { bytes in
        try lua.load(bytes: bytes, name: "=sangtao:" + name + ".lua", mode: "t")
      }
    } catch {
      throw RegistryLuaError.bundledCode(name: name + ".lua", reason: String(describing: error))
    }
  }

  /// Pushes the table of core functions the bundled code uses.
  private func pushCore(_ L: LuaStack) {
    L.newTable()
    func add(_ name: String, _ function: @escaping LuaFunction) {
      L.push(function: function)
      L.rawSet(-2, name)
    }
    // Every function captures the binding unowned: the state never outlives it.
    add("query") { [unowned self] in try self.query($0) }
    add("iterate") { [unowned self] in try self.iterate($0) }
    add("scalar") { [unowned self] in try self.scalar($0) }
    add("column") { [unowned self] in try self.column($0) }
    add("sql") { [unowned self] in try self.sql($0) }
    add("schema") { [unowned self] in try self.schema($0) }
    add("schema_details") { [unowned self] in try self.schemaDetails($0) }
    add("allowed_values") { [unowned self] in try self.allowedValues($0) }
    add("fold") { L in
      L.push(VietnameseText.fold(try L.string(1)))
      return 1
    }
    add("vi_less") { L in
      L.push(VietnameseText.compare(try L.string(1), try L.string(2)) == .orderedAscending)
      return 1
    }
    add("message") { try RegistryBinding.message($0) }
    add("help_text") { try RegistryBinding.helpText($0) }
    add("load_bundled") { [unowned self] in try self.loadBundled($0) }
    add("define_aggregate") { [unowned self] in try self.defineAggregate($0) }
    add("define_function") { [unowned self] in try self.defineFunction($0) }
    add("temporary_aggregate") { [unowned self] in try self.temporaryAggregate($0) }
    add("insert") { [unowned self] in try self.insert($0) }
    add("update") { [unowned self] in try self.update($0) }
    add("delete") { [unowned self] in try self.delete($0) }
    add("transition") { [unowned self] in try self.transition($0) }
    add("score") { [unowned self] in try self.score($0) }
    add("tx") { [unowned self] in try self.transaction($0) }
    add("backup") { [unowned self] in try self.backupFunction($0) }
    add("results") { [unowned self] in try self.results($0) }
    add("checks") { [unowned self] in try self.checks($0) }
    add("rubric") { [unowned self] in try self.rubric($0) }
    add("define_rubric") { [unowned self] in try self.defineRubric($0) }
    add("import") { [unowned self] in try self.importFromLua($0) }
    add("export") { [unowned self] in try self.exportFromLua($0) }
    add("set_actor") { [unowned self] L in
      self.actorOverride = try L.optionalString(1)
      return 0
    }
    pushReminderCore(L, add: add)
    add("language") { try RegistryBinding.language($0) }
    add("column_label") { try RegistryBinding.columnLabel($0) }
    add("code_labels") { try RegistryBinding.codeLabels($0) }
    add("report_format") { try RegistryBinding.reportFormat($0) }
    add("report_chart") { try RegistryBinding.reportChart($0) }
    add("report_render") { try RegistryBinding.reportRender($0) }
    add("report_save") { try RegistryBinding.reportSave($0) }
    add("info") { [unowned self] L in
      L.newTable()
      L.push(self.context.source.path)
      L.rawSet(-2, "path")
      L.push(self.context.source.readOnly)
      L.rawSet(-2, "read_only")
      L.push(self.actor)
      L.rawSet(-2, "actor")
      return 1
    }
  }

  /// Refuses SQL's ATTACH from now on, on the open registry and any opened later: in the
  /// sandbox, `db.sql("ATTACH 'file' AS x")` would read any database file, and create one
  /// anywhere, past the sandbox's rules for files.
  public func refuseAttachedDatabases() {
    attachRefused = true
    if let connection = context.connection { sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0) }
  }

  /// Called when the registry opens: SQL functions defined before are added to it, and
  /// interrupts (Ctrl-C, time limits) stop a running statement too.
  private func connectionOpened(_ context: RegistryContext) {
    for function in sqlFunctions { function.register(on: context) }
    if attachRefused, let connection = context.connection {
      sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
    }
    // Called only while a statement is being stepped (luashim_step), which it then stops:
    // SQLite's interrupt flag stays up until no statement is active.
    lua.setInterruptCallback(
      { connection in sqlite3_interrupt(OpaquePointer(connection)) },
      context: context.connection.map { UnsafeMutableRawPointer($0) })
  }
}
