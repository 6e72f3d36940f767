import Foundation
import TestSupport
import Testing

/// `sangtao` must be a faithful `lua5.4` before it is anything else: every case runs under
/// Debian's `lua5.4` and under the built `sangtao`, and both must print the same stdout and
/// stderr (program name aside) and exit with the same status.
@Suite struct LuaOracleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    var arguments: [String]
    var stdin = ""
    var environment: [String: String] = [:]
    var files: [String: String] = [:]
    var comparesOnlyFirstLine = false

    var testDescription: String { name }
  }

  static let lua = "/usr/bin/lua5.4"

  static let hello = "print('xin chào', 1, 2.0, 10 // 3, 7 / 2, 2^63, math.maxinteger + 1)"
  static let traceback = """
    local function inner(x) return x.field.missing end
    local function outer() return inner({}) end
    outer()
    """

  static let cases: [Case] = [
    Case(name: "print values", arguments: ["-e", hello]),
    Case(
      name: "string formatting",
      arguments: ["-e", "print(string.format('%5.2f|%d|%q|%x', 3.14159, 42, 'a\\nb', 255))"]),
    Case(
      name: "integer and float arithmetic",
      arguments: ["-e", "print(1//0.0, -1//0.0, 3 % -2, 3.0 % -2, math.tointeger(3.0), 0.1 + 0.2)"]),
    Case(
      name: "utf8 library",
      arguments: ["-e", "print(utf8.len('Đạ Sar'), #'Đạ Sar', utf8.char(272, 7841))"]),
    Case(name: "arg without script", arguments: ["-e", "print(arg[0], arg[1], arg[-1], #arg)"]),
    Case(
      name: "arg with script", arguments: ["-e", "x=1", "s.lua", "a", "b"],
      files: ["s.lua": "for i = -3, 3 do print(i, arg[i]) end print(...)"]),
    Case(
      name: "varargs of a script", arguments: ["s.lua", "1", "two", ""],
      files: ["s.lua": "print(select('#', ...), ...)"]),
    Case(
      name: "-e and -l run in order", arguments: ["-e", "print(1)", "-l", "m", "-e", "print(m.v)"],
      files: ["m.lua": "print('loading m') return {v = 42}"]),
    Case(
      name: "-l with a global name", arguments: ["-l", "g=m", "-e", "print(g.v, m)"],
      files: ["m.lua": "return {v = 'g'}"]),
    Case(name: "-e with attached code", arguments: ["-eprint('attached')"]),
    Case(name: "stdin as a chunk", arguments: [], stdin: "print('from stdin', ...)\nprint(arg[0])"),
    Case(name: "an error in stdin as a chunk", arguments: [], stdin: "print('before')\nerror('x')"),
    Case(
      name: "dash runs stdin with arguments", arguments: ["-", "x", "y"],
      stdin: "print(arg[0], ...)"),
    Case(
      name: "double dash then script", arguments: ["--", "s.lua", "z"],
      files: ["s.lua": "print('s', ...)"]),
    Case(name: "double dash then dash is a file", arguments: ["--", "-"]),
    Case(
      name: "LUA_INIT string", arguments: ["-e", "print(X)"],
      environment: ["LUA_INIT": "X = 'init'"]),
    Case(
      name: "LUA_INIT file", arguments: ["-e", "print(Y)"], environment: ["LUA_INIT": "@init.lua"],
      files: ["init.lua": "Y = 'from file'"]),
    Case(
      name: "LUA_INIT_5_4 wins", arguments: ["-e", ""],
      environment: ["LUA_INIT_5_4": "print('5.4')", "LUA_INIT": "print('plain')"]),
    Case(
      name: "-E ignores LUA_INIT", arguments: ["-E", "-e", "print(X)"],
      environment: ["LUA_INIT": "X = 1"]),
    Case(
      name: "LUA_INIT error", arguments: ["-e", "print('not reached')"],
      environment: ["LUA_INIT": "error('bad init')"]),
    Case(name: "runtime error in -e", arguments: ["-e", "local t = nil; print(t.x)"]),
    Case(name: "syntax error in -e", arguments: ["-e", "x ="]),
    Case(
      name: "runtime error with traceback in script", arguments: ["t.lua"],
      files: ["t.lua": traceback]),
    Case(
      name: "syntax error in script", arguments: ["bad.lua"],
      files: ["bad.lua": "local x = \nif then"]),
    Case(name: "missing script", arguments: ["nowhere.lua"]),
    Case(name: "error with a table", arguments: ["-e", "error({code = 1})"]),
    Case(
      name: "error with __tostring",
      arguments: ["-e", "error(setmetatable({}, {__tostring = function() return 'custom' end}))"]),
    Case(name: "error with a number", arguments: ["-e", "error(42)"]),
    Case(
      name: "error at level 2", arguments: ["s.lua"],
      files: [
        "s.lua": "local function check(x) if not x then error('need x', 2) end end\ncheck(nil)"
      ]),
    Case(name: "os.exit with a code", arguments: ["-e", "io.write('bye') os.exit(3)"]),
    Case(name: "os.exit false", arguments: ["-e", "os.exit(false)"]),
    Case(
      name: "os.exit true closes",
      arguments: [
        "-e", "setmetatable({}, {__gc = function() print('gc') end}) os.exit(true, true)",
      ]),
    Case(name: "-v", arguments: ["-v"]),
    Case(name: "-v with -e", arguments: ["-v", "-e", "print(_VERSION)"]),
    Case(
      name: "warnings on", arguments: ["-W", "-e", "warn('a', 'b') warn('@off') warn('hidden')"]),
    Case(name: "warnings off by default", arguments: ["-e", "warn('hidden')"]),
    Case(
      name: "error in __gc becomes a warning",
      arguments: [
        "-W", "-e", "setmetatable({}, {__gc = function() error('in gc') end}) collectgarbage()",
      ]),
    Case(name: "missing module", arguments: ["-l", "nosuchmodule"]),
    Case(
      name: "shebang script", arguments: ["sb.lua"],
      files: ["sb.lua": "#!/usr/bin/env lua5.4\nprint('shebang skipped')"]),
    Case(
      name: "BOM script", arguments: ["bom.lua"], files: ["bom.lua": "\u{FEFF}print('bom skipped')"]
    ),
    Case(
      name: "reading stdin from a script", arguments: ["r.lua"], stdin: "line one\nline two\n",
      files: ["r.lua": "for l in io.lines() do print('[' .. l .. ']') end"]),
    Case(
      name: "coroutine error",
      arguments: [
        "-e",
        "local co = coroutine.create(function() error('in co') end) print(coroutine.resume(co)) print(coroutine.status(co))",
      ]),
    Case(
      name: "coroutine wrap error propagates", arguments: ["c.lua"],
      files: ["c.lua": "local w = coroutine.wrap(function() local x = nil; return x.y end)\nw()"]),
    Case(
      name: "to-be-closed variables",
      arguments: [
        "-e",
        "do local x <close> = setmetatable({}, {__close = function(_, e) print('closed', e) end}) end",
      ]),
    Case(name: "stack overflow", arguments: ["-e", "local function f() return 1 + f() end f()"]),
    Case(
      name: "sort with invalid order function",
      arguments: [
        "-e", "table.sort({3, 1, 2, 5, 4, 7, 6, 9, 8, 10, 12, 11}, function() return true end)",
      ]),
    Case(
      name: "load with an environment",
      arguments: ["-e", "local f = load('return x', 'chunk', 't', {x = 'env'}) print(f())"]),
    Case(
      name: "goto and integer wraparound",
      arguments: [
        "-e", "local i = math.maxinteger ::top:: i = i + 1 print(i) if i > 0 then goto top end",
      ]),
    Case(name: "unknown option", arguments: ["-x"], comparesOnlyFirstLine: true),
    Case(name: "missing argument to -e", arguments: ["-e"], comparesOnlyFirstLine: true),
  ]

  @Test(arguments: cases)
  func sangtaoBehavesAsLua(_ testCase: Case) throws {
    let directory = try TemporaryDirectory()
    for (name, text) in testCase.files { try directory.write(name, text) }
    let environment = cleanEnvironment(testCase.environment)
    let expected = try run(
      LuaOracleTests.lua, testCase.arguments, stdin: testCase.stdin, environment: environment,
      directory: directory.url)
    let actual = try run(
      Repository.binary, testCase.arguments, stdin: testCase.stdin, environment: environment,
      directory: directory.url)
    let oracle = normalize(expected, program: LuaOracleTests.lua)
    let ours = normalize(actual, program: Repository.binary)
    #expect(ours.status == oracle.status)
    #expect(ours.stdout == oracle.stdout)
    if testCase.comparesOnlyFirstLine {
      // sangtao's usage adds its own options after lua's.
      #expect(ours.stderr.hasPrefix(oracle.stderr.trimmingCharacters(in: .newlines)))
    } else {
      #expect(ours.stderr == oracle.stderr)
    }
  }

  @Test func theCorpusIsLargeEnough() {
    #expect(LuaOracleTests.cases.count >= 30)
  }

  private func normalize(_ result: ProcessResult, program: String) -> ProcessResult {
    ProcessResult(
      status: result.status,
      stdout: result.stdout.replacingOccurrences(of: program, with: "PROG"),
      stderr: result.stderr.replacingOccurrences(of: program, with: "PROG")
        .replacingOccurrences(of: #"0x[0-9a-f]+"#, with: "0x…", options: .regularExpression))
  }
}
