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

  @Test func blocksOfEverySizeKeepTheirBytesAndAreCountedBackWhenFreed() throws {
    // Small blocks come from the state's pool and big ones from the system; tables and buffers
    // growing one element at a time cross every size class and the border between the two.
    let lua = try LuaState()
    try lua.run("collectgarbage() collectgarbage()")
    let before = lua.memoryUsed
    try lua.run(
      """
      kept = {}
      for n = 1, 600 do
        local t, h = {}, {}
        for i = 1, n do t[i] = string.char(33 + i % 90); h["k" .. i] = i end
        kept[n] = {s = table.concat(t), t = t, h = h}
      end
      for n = 1, 600 do
        local e = kept[n]
        assert(#e.s == n and #e.t == n, n)
        for i = 1, n do assert(e.t[i] == e.s:sub(i, i) and e.h["k" .. i] == i, n) end
      end
      kept = nil
      collectgarbage() collectgarbage()
      """)
    #expect(lua.memoryUsed < before + 4096)
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

  @Test(.timeLimit(.minutes(1)))
  func twoStatesKeepTheirOwnDeadlines() throws {
    // One interval timer per process served only the last state to arm it: the first one's
    // loop then ran until the other's deadline, and that deadline stopped the other state.
    let first = try LuaState()
    let second = try LuaState()
    first.setTimeout(seconds: 0.3)
    second.setTimeout(seconds: 30)
    defer {
      first.setTimeout(seconds: 0)
      second.setTimeout(seconds: 0)
    }
    let start = ContinuousClock.now
    #expect(throws: LuaError.self) { try first.run("while true do end") }
    #expect(ContinuousClock.now - start < .seconds(10))
    #expect(first.pendingInterrupt == "timeout")
    #expect(second.pendingInterrupt == nil)
    first.clearInterrupt()
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
  // MARK: limits.run

  /// A state with `limits`, whose timeout message is easy to assert.
  func limitedState() throws -> LuaState {
    let lua = try LuaState()
    try lua.openLimits { seconds in "time limit of \(seconds) s exceeded" }
    return lua
  }

  @Test func limitsRunReturnsWhatTheBlockReturns() throws {
    let lua = try limitedState()
    let values = try lua.run(
      "return limits.run({memory = '8M', seconds = 5}, function(a, b) return a + b, 'ok' end, 2, 3)"
    )
    #expect(values == [.integer(5), .string("ok")])
  }

  @Test func aBlockOverItsMemoryGetsNotEnoughMemoryAndTheLimitIsGivenBack() throws {
    let lua = try limitedState()
    let values = try lua.run(
      """
      local before = limits.get().memory
      local ok, message = pcall(limits.run, {memory = '1M'}, function()
        local t = {} for i = 1, 1e6 do t[i] = ('x'):rep(64) .. i end
      end)
      local inside = limits.run({memory = 1000000}, function() return limits.get().memory end)
      return ok, message, before, limits.get().memory, inside - limits.get().used <= 1000000
      """)
    #expect(values == [.boolean(false), .string("not enough memory"), .nil, .nil, .boolean(true)])
    // The state is whole: it allocates again.
    #expect(try lua.run("return #('y'):rep(4000000)") == [.integer(4_000_000)])
  }

  @Test func anInnerMemoryLimitNeverExceedsTheOuterOne() throws {
    let lua = try limitedState()
    let values = try lua.run(
      """
      return limits.run({memory = '2M'}, function()
        local outer = limits.get().memory
        local inner = limits.run({memory = '64M'}, function() return limits.get().memory end)
        local ok, message = pcall(limits.run, {memory = '64M'}, function() return ('z'):rep(8e6) end)
        return inner == outer, ok, message, limits.get().memory == outer
      end)
      """)
    #expect(
      values == [.boolean(true), .boolean(false), .string("not enough memory"), .boolean(true)])
  }

  @Test func aBlockOverItsTimeGetsACatchableErrorAndNoHookIsLeft() throws {
    let lua = try limitedState()
    let values = try lua.run(
      """
      local ok, message = pcall(function()
        return limits.run({seconds = 0.2}, function() while true do end end)
      end)
      return ok, message, debug.gethook(), limits.get().seconds
      """, name: "=t")
    #expect(values == [.boolean(false), .string("t:2: time limit of 0.2 s exceeded"), .nil, .nil])
    #expect(lua.pendingInterrupt == nil)
    #expect(
      try lua.run("local n = 0 for i = 1, 1e6 do n = n + i end return n") == [
        .integer(500_000_500_000)
      ])
  }

  @Test func noHookRunsWhileALimitIsOnlyWaiting() throws {
    let lua = try limitedState()
    let values = try lua.run(
      "return limits.run({seconds = 10, memory = '10M'}, function() return debug.gethook() end)")
    #expect(values == [.nil])
  }

  @Test func aTimeoutInsideACoroutineIsStillTheBlocksOwn() throws {
    let lua = try limitedState()
    let values = try lua.run(
      """
      local co = coroutine.wrap(function()
        return pcall(limits.run, {seconds = 0.1}, function()
          local inner = coroutine.wrap(function() while true do pcall(function() end) end end)
          inner()
        end)
      end)
      local ok, message = co()
      return ok, message:match('time limit') ~= nil, debug.gethook()
      """)
    #expect(values == [.boolean(false), .boolean(true), .nil])
  }

  @Test func anOuterDeadlineIsNotCaughtByAnInnerBlock() throws {
    let lua = try limitedState()
    lua.setTimeout(seconds: 0.2)
    defer { lua.setTimeout(seconds: 0) }
    do {
      // The inner block may run 10 s, but the chunk's deadline comes first: it is not the
      // block's to report, and pcall cannot swallow it.
      try lua.run(
        "while true do pcall(limits.run, {seconds = 10}, function() while true do end end) end",
        name: "=t")
      Issue.record("the outer deadline should have stopped the loop")
    } catch {
      #expect(error.message.hasSuffix("timeout"), "\(error.message)")
    }
    lua.clearInterrupt()
  }

  @Test func nestedDeadlinesRestoreTheOuterOne() throws {
    let lua = try limitedState()
    let values = try lua.run(
      """
      return limits.run({seconds = 30}, function()
        local ok = pcall(limits.run, {seconds = 0.05}, function() while true do end end)
        local left = limits.get().seconds
        return ok, left > 20 and left <= 30
      end)
      """)
    #expect(values == [.boolean(false), .boolean(true)])
  }

  @Test(arguments: [
    ("limits.run({memory = 'lots'}, print)", "'memory' must be a size such as 64M or 1G"),
    ("limits.run({memory = -1}, print)", "'memory' must be a positive number of bytes"),
    ("limits.run({seconds = 0}, print)", "'seconds' must be a positive number"),
    ("limits.run({seconds = 'soon'}, print)", "'seconds' must be a positive number"),
    ("limits.run(print)", "table expected, got function"),
    ("limits.run({}, 42)", "function expected, got number"),
  ])
  func badLimitsAreArgumentErrors(_ code: String, _ expected: String) throws {
    let lua = try limitedState()
    do {
      try lua.run(code, name: "=t")
      Issue.record("\(code) should fail")
    } catch {
      #expect(error.message.hasPrefix("t:1: bad argument #"), "\(error.message)")
      #expect(error.message.contains(expected), "\(error.message)")
    }
  }

  @Test(arguments: [
    ("256M", 268_435_456), ("1G", 1_073_741_824), ("1.5g", 1_610_612_736), ("512K", 524_288),
    ("64MB", 67_108_864), ("2MiB", 2_097_152), ("4096", 4096), ("0", 0), (" 8m ", 8_388_608),
  ])
  func sizesReadAsPeopleWriteThem(_ text: String, _ bytes: Int) {
    #expect(LuaLimits.bytes(text) == bytes)
  }

  @Test(arguments: ["", "M", "-1M", "12Q", "1e999", "nan", "1 G B", "0x10"])
  func otherTextIsNotASize(_ text: String) {
    #expect(LuaLimits.bytes(text) == nil)
  }
}

/// Lets a test hand a state to a closure it registers in that same state, which it knows runs
/// on the same thread. Unowned: the state owns the closure, so a strong reference back would be
/// a cycle, and the state would never be freed (LeakSanitizer says so).
struct UnsafeSendable<T: AnyObject>: @unchecked Sendable {
  unowned(unsafe) let value: T
  init(_ value: T) { self.value = value }
}
