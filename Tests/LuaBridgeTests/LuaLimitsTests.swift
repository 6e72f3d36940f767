import Glibc
import LuaBridge
import Testing

@Suite(.serialized) struct LuaLimitsTests {
  @Test func aScriptOverTheMemoryLimitGetsNotEnoughMemoryAndTheStateSurvives() throws {
    let lua = try LuaState()
    lua.memoryLimit = lua.memoryUsed + 2_000_000
    #expect(throws: LuaError.memory(message: "not enough memory")) {
      try lua.run("local t = {} for i = 1, 1e7 do t[i] = ('x'):rep(100) .. i end")
    }
    lua.memoryLimit = 0
    #expect(try lua.run("return 1 + 1") == [.integer(2)])
  }

  @Test func swiftFunctionsNeverFailAnAllocation() throws {
    let lua = try LuaState()
    lua.register("big") { L in
      // Over the limit while Swift is on top: the allocator must not fail (no longjmp).
      L.push(String(repeating: "y", count: 4_000_000))
      return 1
    }
    lua.memoryLimit = lua.memoryUsed + 1_000_000
    let result = try? lua.run("local s = big() return #s")
    // Either the result came back, or the next Lua allocation failed cleanly; never a crash.
    if let result { #expect(result == [.integer(4_000_000)]) }
    lua.memoryLimit = 0
    #expect(try lua.run("return 'ok'") == [.string("ok")])
  }

  @Test func anInterruptStopsALoopInsideACoroutine() throws {
    let lua = try LuaState()
    let stop = UnsafeSendable(lua)
    lua.register("arm") { _ in
      stop.value.requestInterrupt(reason: "interrupted!")
      return 0
    }
    // The interrupt arrives while a coroutine spins: lua.c would never stop it.
    #expect(throws: LuaError.self) {
      try lua.run(
        """
        local co = coroutine.wrap(function() arm() while true do end end)
        co()
        """)
    }
    lua.clearInterrupt()
    #expect(lua.pendingInterrupt == nil)
    #expect(try lua.run("return 'alive'") == [.string("alive")])
  }

  @Test func anInterruptCannotBeSwallowedByPcallInALoop() throws {
    let lua = try LuaState()
    let stop = UnsafeSendable(lua)
    lua.register("arm") { _ in
      stop.value.requestInterrupt(reason: "interrupted!")
      return 0
    }
    do {
      try lua.run("arm() while true do pcall(function() while true do end end) end", name: "=t")
      Issue.record("the loop should have stopped")
    } catch {
      #expect(error.message.hasSuffix("interrupted!"))
    }
    lua.clearInterrupt()
  }

  @Test func aTimeoutStopsARunawayLoop() throws {
    let lua = try LuaState()
    lua.setTimeout(seconds: 0.2)
    defer { lua.setTimeout(seconds: 0) }
    do {
      try lua.run("while true do end", name: "=t")
      Issue.record("the loop should have timed out")
    } catch {
      #expect(error.message == "timeout")  // as lua.c's "interrupted!": no position
    }
    lua.clearInterrupt()
  }

  @Test func trackedCoroutinesKeepLuasMessages() throws {
    let lua = try LuaState()
    let values = try lua.run(
      """
      local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
      local r = {}
      r[1], r[2] = coroutine.resume(co, 1)
      r[3], r[4] = coroutine.resume(co, 10)
      r[5], r[6] = coroutine.resume(co)
      local w = coroutine.wrap(function() error('inside') end)
      r[7], r[8] = pcall(w)
      r[9], r[10] = pcall(coroutine.wrap, 1)
      return r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[10]
      """, name: "=co")
    #expect(
      values == [
        .boolean(true), .integer(2), .boolean(true), .integer(20), .boolean(false),
        .string("cannot resume dead coroutine"), .boolean(false), .string("co:6: inside"),
        .string("bad argument #1 to 'coroutine.wrap' (function expected, got number)"),
      ])
  }
}

/// Lets a test hand a non-Sendable value to a closure it knows runs on the same thread.
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
