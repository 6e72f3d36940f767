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
    Language.current = .en
    defer { Language.current = .vi }
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

    let busy = RegistryError.busy(path: path, seconds: 1.5).message(in: .en)
    let results = try lua.run(
      """
      local ok1, e1 = pcall(units.add, units, {code = 'B1', name = 'Bận', kind = 'cell'})
      local ran = false
      local ok2, e2 = pcall(db.tx, function() ran = true end)
      return ok1, e1, ok2, e2, ran, units:count()
      """)
    #expect(
      results == [
        .boolean(false), .string(busy), .boolean(false), .string(busy), .boolean(false),
        .integer(6),
      ])
    #expect(
      notices.withLock { $0 }
        == Array(
          repeating:
            "the registry \(path) is busy: another program is writing to it; waiting (up to 1.5 s, Ctrl-C to give up)…",
          count: 2))
    try holder.inDatabase { try $0.execute(sql: "COMMIT") }
    #expect(
      try lua.run("units:add{code = 'B1', name = 'Bận', kind = 'cell'} return units:count()")
        == [.integer(7)])
  }
}
