import GRDB
import LuaBridge
import Messages
import Registry
import RegistryLua
import Synchronization
import TestSupport
import Testing

/// Writes from Lua while another connection holds the registry's write lock: each write takes
/// the lock before doing anything, so it waits, says so, and fails whole, never half-way.
@Suite(.serialized) struct BusyWriteTests {
  @Test func aWriteWaitsSaysWhyAndFailsWithNothingDone() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("busy.sangtao")
    _ = try RegistryFixture(registry: Registry.open(path: path))
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let holder = try DatabaseQueue(path: path, configuration: configuration)
    try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }

    let lua = try LuaState()
    let context = RegistryContext(source: RegistryContext.Source(path: path, readOnly: false))
    context.busyTimeout = 1.5
    let notices = Mutex<[String]>([])
    context.busyNotice = { text in notices.withLock { $0.append(text) } }
    let binding = RegistryBinding(lua: lua, context: context)
    try binding.install()

    // Messages come in the process's language, which other suites change meanwhile.
    let busy = Language.allCases.map {
      LuaValue.string(RegistryError.busy(path: path, seconds: 1.5).message(in: $0))
    }
    let waiting = Language.allCases.map {
      Message.registryBusyWaiting(["path": path, "seconds": "1.5"], in: $0)
    }
    let results = try lua.run(
      """
      local ok1, e1 = pcall(units.add, units, {code = 'B1', name = 'Bận', kind = 'cell'})
      local ran = false
      local ok2, e2 = pcall(db.tx, function() ran = true end)
      return ok1, e1, ok2, e2, ran, units:count()
      """)
    #expect(results.count == 6)
    #expect(results[0] == .boolean(false) && results[2] == .boolean(false))
    #expect(busy.contains(results[1]) && busy.contains(results[3]), "\(results)")
    #expect(results[4] == .boolean(false), "fn never ran")
    #expect(results[5] == .integer(6), "nothing was written")
    let told = notices.withLock { $0 }
    #expect(told.count == 2 && told.allSatisfy { waiting.contains($0) }, "\(told)")
    #expect(
      Message.registryBusyWaiting(["path": path, "seconds": "1.5"], in: .en)
        == "the registry \(path) is busy: another program is writing to it; waiting (up to 1.5 s, Ctrl-C to give up)…"
    )
    try holder.inDatabase { try $0.execute(sql: "COMMIT") }
    #expect(
      try lua.run("units:add{code = 'B1', name = 'Bận', kind = 'cell'} return units:count()")
        == [.integer(7)])
  }
}
