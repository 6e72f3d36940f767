import LuaBridge
import Synchronization
import Testing

/// Counts live instances, to prove that no error leaks a Swift object.
final class Tracked {
  static let alive = Atomic<Int>(0)
  init() { Tracked.alive.add(1, ordering: .relaxed) }
  deinit { Tracked.alive.subtract(1, ordering: .relaxed) }
}

@Suite(.serialized) struct LuaFunctionTests {
  @Test func swiftFunctionsAreCallableAndBalanceTheStack() throws {
    let lua = try LuaState()
    lua.register("add") { L in
      L.push(try L.integer(1) + L.integer(2))
      return 1
    }
    #expect(try lua.run("return add(40, 2)") == [.integer(42)])
    #expect(lua.stack.top == 0)
  }

  @Test func argumentErrorsReadExactlyAsLuas() throws {
    let lua = try LuaState()
    lua.register("f") { L in
      _ = try L.number(1)
      return 0
    }
    #expect(throws: LuaError.self) { try lua.run("f('x')") }
    do {
      try lua.run("f('x')", name: "=stdin")
    } catch {
      #expect(error.message == "stdin:1: bad argument #1 to 'f' (number expected, got string)")
    }
    // The same call to a C function of Lua's library, for comparison.
    do {
      try lua.run("math.floor('x')", name: "=stdin")
    } catch {
      #expect(
        error.message == "stdin:1: bad argument #1 to 'floor' (number expected, got string)")
    }
    #expect(lua.stack.top == 0)
  }

  @Test func methodCallsAdjustTheArgumentNumberAsLuaDoes() throws {
    let lua = try LuaState()
    lua.register("check") { L in
      _ = try L.integer(2)
      return 0
    }
    do {
      try lua.run("local t = {check = check}; t:check('x')", name: "=stdin")
    } catch {
      #expect(error.message == "stdin:1: bad argument #1 to 'check' (number expected, got string)")
    }
  }

  @Test func thrownMessagesGetTheCallersPosition() throws {
    let lua = try LuaState()
    lua.register("fail") { _ in throw LuaCallError.message("không có đơn vị DS") }
    do {
      try lua.run("\n\nfail()", name: "=stdin")
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "stdin:3: không có đơn vị DS")
      if case .runtime(_, let traceback) = error {
        #expect(traceback.hasPrefix("stack traceback:\n\t[C]: in function 'fail'"))
      }
    }
  }

  @Test func luaErrorsPassThroughSwiftAndBack() throws {
    let lua = try LuaState()
    // Swift calls back into Lua under pcall; the Lua error crosses Swift as a thrown error.
    lua.register("callback") { L in
      L.pushValue(at: 1)
      try L.call(arguments: 0, results: 0, traceback: false)
      return 0
    }
    let result = try lua.run(
      "local ok, e = pcall(callback, function() error('inner', 0) end) return ok, e")
    #expect(result == [.boolean(false), .string("inner")])
    #expect(lua.stack.top == 0)
  }

  @Test func errorObjectsKeepTheirMeaning() throws {
    let lua = try LuaState()
    do {
      try lua.run("error({})")
    } catch {
      #expect(error.message == "(error object is a table value)")
    }
    do {
      try lua.run("error(setmetatable({}, {__tostring = function() return 'TS' end}))")
    } catch {
      #expect(error == .runtime(message: "TS", traceback: ""))
    }
  }

  @Test func tenThousandErrorsFromSwiftLeaveNoSwiftObjectAlive() throws {
    let lua = try LuaState()
    lua.register("boom") { _ in
      let object = Tracked()
      _ = object
      throw LuaCallError.message("boom")
    }
    let before = Tracked.alive.load(ordering: .relaxed)
    try lua.run("for i = 1, 10000 do pcall(boom) end")
    #expect(Tracked.alive.load(ordering: .relaxed) == before)
  }

  @Test func functionsAreReleasedWhenLuaCollectsThem() throws {
    let lua = try LuaState()
    let before = Tracked.alive.load(ordering: .relaxed)
    do {
      let captured = Tracked()
      lua.stack.push { _ in
        _ = captured
        return 0
      }
      lua.stack.setGlobal("f")
    }
    #expect(Tracked.alive.load(ordering: .relaxed) == before + 1)
    try lua.run("f = nil")
    lua.collectGarbage()
    #expect(Tracked.alive.load(ordering: .relaxed) == before)
  }

  @Test func syntaxErrorsAreSyntaxErrors() throws {
    let lua = try LuaState()
    #expect(throws: LuaError.syntax(message: "stdin:1: unexpected symbol near '+'")) {
      try lua.load("+", name: "=stdin")
    }
    #expect(lua.stack.top == 0)
  }
}
