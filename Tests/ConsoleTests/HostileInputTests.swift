import Console
import LuaBridge
import TestSupport
import Testing

/// Chunks written to hurt the console: each gets a clear message and the session goes on, with
/// no interrupt or hook left behind. Messages are asserted in Vietnamese, the default.
@Suite(.serialized) struct HostileInputTests {
  /// Runs `lines` then `1 + 1`, and checks that the loop reached the end unharmed.
  func survive(_ lines: [String], timeout: Double = 0, memory: Int? = nil) throws -> (
    output: String, errors: String
  ) {
    let lua = try LuaState()
    if let memory { lua.memoryLimit = lua.memoryUsed + memory }
    let harness = try ConsoleHarness(lines + ["1 + 1"], lua: lua)
    harness.session.chunkTimeout = timeout
    let (output, errors) = try harness.run()
    #expect(output.hasSuffix("2\n"), "the session did not survive: \(output) \(errors)")
    #expect(lua.pendingInterrupt == nil)
    #expect(try lua.run("return debug.gethook()") == [.nil])
    return (output, errors)
  }

  @Test func anErrorInGCIsAWarningNotACrash() throws {
    let (output, errors) = try survive([
      "do local x = setmetatable({}, {__gc = function() error('boom in gc') end}) end",
      "collectgarbage() collectgarbage()",
    ])
    #expect(output == "2\n")
    #expect(errors == "")
  }

  @Test func aFailingTostringIsShownNotRaised() throws {
    let (output, errors) = try survive([
      "setmetatable({}, {__tostring = function() error('hỏng tostring') end})",
      "setmetatable({}, {__tostring = function() return {} end})",
      "{setmetatable({}, {__tostring = function() error({}) end})}",
    ])
    #expect(
      output == """
        <__tostring lỗi: stdin:1: hỏng tostring>
        <__tostring lỗi: '__tostring' must return a string>
        {<__tostring lỗi: (error object is a table value)>}
        2

        """)
    #expect(errors == "")
  }

  @Test func aTostringThatNeverEndsIsStoppedByTheTimeLimit() throws {
    let (output, errors) = try survive(
      ["setmetatable({}, {__tostring = function() while true do end end})"], timeout: 0.2)
    #expect(output == "<__tostring lỗi: timeout>\n2\n")
    #expect(errors == "")
  }

  @Test func errorObjectsOfAnyKindAreDescribed() throws {
    let (_, errors) = try survive([
      "error({code = 1})",
      "error(setmetatable({}, {__tostring = function() return 'lỗi tự mô tả' end}))",
      "error(setmetatable({}, {__tostring = function() error('again') end}))",
      "error()",
    ])
    let lines = errors.split(separator: "\n").filter {
      !$0.hasPrefix("\t") && $0 != "stack traceback:"
    }
    // As lua.c: an object's own words, else its type; a __tostring that fails says why.
    #expect(
      lines == [
        "(error object is a table value)", "lỗi tự mô tả", "stdin:1: again",
        "(error object is a nil value)",
      ])
  }

  @Test func iteratorsAndCloseHandlersThatFailNameTheirLine() throws {
    let (_, errors) = try survive([
      "for x in function() error('iterator failed') end do end",
      "do local x <close> = setmetatable({}, {__close = function() error('close failed') end}) end",
      "for k in pairs(nil) do end",
    ])
    let lines = errors.split(separator: "\n").filter {
      !$0.hasPrefix("\t") && $0 != "stack traceback:"
    }
    #expect(
      lines == [
        "stdin:1: iterator failed", "stdin:1: close failed",
        "stdin:1: bad argument #1 to 'for iterator' (table expected, got nil)",
      ])
  }

  @Test func deepRecursionIsAStackOverflowMessage() throws {
    let (_, errors) = try survive([
      "local function f(n) return 1 + f(n + 1) end f(1)",
      "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x",
      "local m = {} m.__tostring = function(s) return tostring(s) end tostring(setmetatable({}, m))",
      "string.rep('(', 300) .. string.rep(')', 300)",
    ])
    #expect(errors.contains("stack overflow"))
    #expect(errors.contains("C stack overflow"))
  }

  @Test func stringAndTableBombsGetNotEnoughMemory() throws {
    let (_, errors) = try survive(
      [
        "s = ('x'):rep(1e9)",
        "t = {} for i = 1, 1e8 do t[i] = i end",
        "('x'):rep(2^62)",
        "('ab'):rep(1e6, ('c'):rep(1e3))",
        "s, t = nil, nil collectgarbage()",
      ], memory: 64 << 20)
    let lines = errors.split(separator: "\n").filter {
      !$0.hasPrefix("\t") && $0 != "stack traceback:"
    }
    #expect(
      lines == [
        "not enough memory", "not enough memory", "stdin:1: resulting string too large",
        "not enough memory",
      ])
  }

  @Test func manyResultsPrint() throws {
    let (output, _) = try survive([
      "table.unpack((function() local t = {} for i = 1, 7999 do t[i] = {i} end return t end)())"
    ])
    #expect(output.hasPrefix("{1}\t{2}\t{3}"))
    #expect(output.hasSuffix("{7999}\n2\n"))
  }

  @Test func aDeepTablePrintsCut() throws {
    let (output, _) = try survive(["local t = {} for i = 1, 1e5 do t = {t} end return t"])
    #expect(output == "{{{{{{{…}}}}}}}\n2\n")
  }

  @Test func hugeAndBrokenLinesAreJustLua() throws {
    let (_, errors) = try survive([
      String(repeating: "x = 1 ", count: 200_000),
      "x = '\u{0}\u{1}\u{7F}'",
      String(repeating: "(", count: 10_000) + "1",
      // Unfinished at the end of the line: the next line continues it, as in lua.c.
      "'" + String(repeating: "ế", count: 10_000), "",
    ])
    #expect(errors.contains("unfinished string"))
    #expect(errors.contains("C stack overflow"))  // the parser nests too deep
  }
}
