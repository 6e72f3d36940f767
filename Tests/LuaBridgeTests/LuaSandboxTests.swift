import Glibc
import LuaBridge
import TestSupport
import Testing

/// The sandbox as a script meets it: what is gone, and which files it may read and write.
/// Each test works in a fresh directory: `work` (read), `work/out` (read and write), a file
/// outside both, and a denied file inside.
@Suite struct LuaSandboxTests {
  let directory: TemporaryDirectory
  let lua: LuaState
  let work: String
  let out: String
  let outside: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
    outside = try TemporaryDirectory()
    work = directory.path
    out = directory.path("out")
    mkdir(out, 0o700)
    writeFile(directory.path("data.txt"), "trong hộp cát\n")
    writeFile(directory.path("registry.sqlite"), "not for scripts")
    writeFile(directory.path("mod.lua"), "return {answer = 42}")
    writeFile(outside.path("secret.txt"), "bí mật")
    writeFile(outside.path("evil.lua"), "return 'evil'")
    lua = try LuaState()
    try lua.enterSandbox(
      LuaSandbox(
        readRoots: [work, out], writeRoot: out, deniedFiles: [directory.path("registry.sqlite")])
    ) { refusal in
      switch refusal {
      case .read(let path): return "\(path): cannot read"
      case .write(let path): return "\(path): cannot write"
      case .disabled(let name): return "\(name) is disabled"
      }
    }
    lua.setGlobal("work", work)
    lua.setGlobal("out", out)
    lua.setGlobal("outside", outside.path)
  }

  func run(_ code: String) throws(LuaError) -> [LuaValue] { try lua.run(code, name: "=t") }

  @Test func filesUnderTheWorkingDirectoryRead() throws {
    #expect(
      try run("return io.open(work .. '/data.txt'):read('l')") == [.string("trong hộp cát")])
    #expect(try run("return io.lines(work .. '/data.txt')()") == [.string("trong hộp cát")])
  }

  @Test func filesOutsideAreRefusedAsAFailedOpen() throws {
    let path = outside.path("secret.txt")
    #expect(
      try run("return io.open(outside .. '/secret.txt')")
        == [.nil, .string("\(path): cannot read"), .integer(Int64(EACCES))])
    #expect(
      try run("return io.open(work .. '/../' .. '\(lastComponent(outside.path))/secret.txt')")[0]
        == .nil)
  }

  @Test func aSymbolicLinkOutIsResolvedAndRefused() throws {
    symlink(outside.path("secret.txt"), directory.path("link.txt"))
    symlink(outside.path, directory.path("linkdir"))
    symlink(outside.path("nowhere.txt"), out + "/dangling.txt")
    #expect(try run("return io.open(work .. '/link.txt')")[0] == .nil)
    #expect(try run("return io.open(work .. '/linkdir/secret.txt')")[0] == .nil)
    #expect(try run("return io.open(out .. '/dangling.txt', 'w')")[0] == .nil)
    #expect(fileBytes(outside.path("nowhere.txt")) == nil)
  }

  @Test func writingOnlyUnderTheOutputDirectory() throws {
    #expect(
      try run(
        "local f = assert(io.open(out .. '/report.txt', 'w')) f:write('ok') f:close() return true")
        == [.boolean(true)])
    #expect(fileBytes(out + "/report.txt") == Array("ok".utf8))
    #expect(try run("return io.open(work .. '/data.txt', 'a')")[0] == .nil)
    #expect(try run("return io.open(work .. '/data.txt', 'r+')")[0] == .nil)
    #expect(try run("return io.open(work .. '/new.txt', 'w')")[0] == .nil)
    #expect(fileBytes(directory.path("new.txt")) == nil)
    #expect(try run("return (pcall(io.output, work .. '/new.txt'))") == [.boolean(false)])
    #expect(try run("return io.output(out .. '/o.txt') ~= nil") == [.boolean(true)])
  }

  @Test func theDeniedFileIsRefusedEvenUnderTheRoot() throws {
    #expect(try run("return io.open(work .. '/registry.sqlite')")[0] == .nil)
    #expect(try run("return (pcall(io.lines, work .. '/registry.sqlite'))") == [.boolean(false)])
  }

  @Test func removeAndRenameAreWrites() throws {
    writeFile(out + "/a.txt", "a")
    #expect(try run("return os.rename(out .. '/a.txt', out .. '/b.txt')") == [.boolean(true)])
    let refused = try run("return pcall(os.rename, out .. '/b.txt', outside .. '/b.txt')")
    #expect(refused == [.boolean(false), .string("\(outside.path)/b.txt: cannot write")])
    #expect(try run("return (pcall(os.remove, outside .. '/secret.txt'))") == [.boolean(false)])
    #expect(fileBytes(outside.path("secret.txt")) != nil)
    #expect(try run("return os.remove(out .. '/b.txt')") == [.boolean(true)])
  }

  @Test(arguments: [
    ("os.execute('true')", "os.execute is disabled"), ("io.popen('ls')", "io.popen is disabled"),
    ("package.loadlib('x.so', 'f')", "package.loadlib is disabled"),
    ("os.tmpname()", "os.tmpname is disabled"),
  ])
  func dangerousFunctionsAreDisabledWithAClearMessage(_ call: String, _ expected: String) throws {
    do {
      _ = try run(call)
      Issue.record("\(call) should be refused")
    } catch {
      #expect(error.message == "t:1: " + expected)
    }
  }

  @Test func osExecuteSaysThereIsNoShell() throws {
    #expect(try run("return os.execute()") == [.boolean(false)])
  }

  @Test func debugKeepsOnlyTraceback() throws {
    #expect(
      try run(
        "return type(debug.traceback), debug.getinfo, debug.sethook, debug.getupvalue, package.loaded.debug == debug"
      ) == [.string("function"), .nil, .nil, .nil, .boolean(true)])
  }

  @Test func binaryChunksNeverLoad() throws {
    writeFile(out + "/bin.lua", "")
    let results = try run(
      """
      local bytes = string.dump(function() return 1 end)
      local f = io.open(out .. '/bin.lua', 'wb') f:write(bytes) f:close()
      local a, why = load(bytes, 'x', 'b')
      local b, why2 = loadfile(out .. '/bin.lua')
      local ok = pcall(dofile, out .. '/bin.lua')
      package.path = out .. '/?.lua'
      local ok2 = pcall(require, 'bin')
      return a, why, b, why2, ok, ok2
      """)
    #expect(
      results == [
        .nil, .string("attempt to load a binary chunk (mode is 't')"), .nil,
        .string("attempt to load a binary chunk (mode is 't')"), .boolean(false), .boolean(false),
      ])
  }

  @Test func requireFindsModulesInsideAndNeverOutside() throws {
    let results = try run(
      """
      package.path = work .. '/?.lua;' .. outside .. '/?.lua'
      local m = require('mod')
      local ok, message = pcall(require, 'evil')
      return m.answer, ok, message:find('no file', 1, true) ~= nil, package.cpath, #package.searchers
      """)
    #expect(
      results == [.integer(42), .boolean(false), .boolean(true), .string(""), .integer(2)])
  }

  @Test func textChunksStillLoadAndRun() throws {
    #expect(try run("return load('return 1 + 1')()") == [.integer(2)])
    #expect(try run("return dofile(work .. '/mod.lua').answer") == [.integer(42)])
  }

  @Test func hostFunctionsAskTheSandboxToo() throws {
    #expect(lua.sandboxAllows(out + "/backup.sqlite", write: true))
    #expect(!lua.sandboxAllows(work + "/backup.sqlite", write: true))
    #expect(lua.sandboxAllows(work + "/data.txt", write: false))
    #expect(!lua.sandboxAllows(outside.path("secret.txt"), write: false))
    #expect(throws: LuaCallError.message("\(outside.path)/x: cannot write")) {
      try lua.checkFileAccess(outside.path("x"), write: true)
    }
  }

  @Test func aStateWithoutSandboxAllowsEverything() throws {
    let free = try LuaState()
    #expect(free.sandboxAllows(outside.path("secret.txt"), write: true))
    #expect(
      try free.run("return type(os.execute), type(debug.getinfo)") == [
        .string("function"), .string("function"),
      ])
  }
}

private func lastComponent(_ path: String) -> String {
  String(path.split(separator: "/").last ?? "")
}
