// Two real processes on one registry: a console holding a transaction open, and a cron script
// writing meanwhile. The script waits and says why; it succeeds once the console commits, or
// gives up cleanly with nothing written. Never "database is locked", never lost work.

import Foundation
import Registry
import TestSupport
import Testing

@Suite(.serialized) struct ConcurrencyTests {
  /// A registry, and a console (the REPL on a pipe) inside a db.tx waiting for a line.
  struct Scene {
    let directory: TemporaryDirectory
    let path: String
    let console: RunningProgram

    init() throws {
      directory = try TemporaryDirectory()
      path = directory.path("registry.sangtao")
      _ = try RegistryFixture(registry: Registry.open(path: path))
      console = try RunningProgram(
        Repository.binary, ["--db", path, "-i"], environment: ["SANGTAO_LANG": "en"])
      console.write(
        "db.tx(function() units:add{code = 'C1', name = 'Từ console', kind = 'cell'} "
          + "print('held') io.read() end)\n")
      while try !console.readLine().hasSuffix("held") {}  // after the prompt: "> held"
    }

    /// A cron-like script writing one unit, waiting up to `wait` seconds.
    func cron(wait: String, language: String = "en") throws -> RunningProgram {
      try RunningProgram(
        Repository.binary,
        [
          "--db", path, "--wait", wait, "-e",
          "units:add{code = 'C2', name = 'Từ cron', kind = 'cell'} print('cron wrote')",
        ], environment: ["SANGTAO_LANG": language])
    }

    /// Lets the console's transaction commit and leave.
    func release() {
      console.write("\nprint('after', units:count())\n")
    }

    func codes() throws -> [String] {
      let registry = try Registry.open(path: path)
      return try registry.queue.inDatabase {
        try String.fetchAll($0, sql: "SELECT code FROM units WHERE code LIKE 'C_' ORDER BY code")
      }
    }
  }

  @Test func theScriptWaitsSaysWhyAndSucceedsOnceTheConsoleCommits() throws {
    let scene = try Scene()
    let cron = try scene.cron(wait: "60")
    try cron.waitForError(
      containing: "the registry \(scene.path) is busy: another program is writing to it; "
        + "waiting (up to 60 s, Ctrl-C to give up)…")
    scene.release()
    let console = scene.console.finish()
    #expect(console.status == 0, "\(console.stderr)")
    #expect(console.stdout.contains("after\t7") || console.stdout.contains("after\t8"))
    let result = cron.finish()
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "cron wrote\n")
    #expect(!result.stderr.contains("locked"))
    #expect(try scene.codes() == ["C1", "C2"])
    #expect(try RegistrySnapshot.integrity(scene.path) == ["ok"])
  }

  @Test func theScriptGivesUpCleanlyAndTheConsoleLosesNothing() throws {
    let scene = try Scene()
    let cron = try scene.cron(wait: "1.5", language: "vi")
    let result = cron.finish()
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "sổ đăng ký \(scene.path) vẫn bận sau 1.5 giây chờ: một chương trình khác đang giữ một "
          + "giao dịch ghi; chưa ghi gì cả, hãy thử lại sau"), "\(result.stderr)")
    #expect(!result.stderr.contains("locked"))
    #expect(result.stdout == "")
    scene.release()
    let console = scene.console.finish()
    #expect(console.status == 0, "\(console.stderr)")
    #expect(try scene.codes() == ["C1"])
    #expect(try RegistrySnapshot.integrity(scene.path) == ["ok"])
  }

  @Test func ctrlCEndsTheWaitInAConsoleWhichGoesOn() throws {
    let scene = try Scene()
    let home = try TemporaryDirectory()
    var environment = cleanEnvironment([
      "HOME": home.path, "XDG_DATA_HOME": home.path("data"), "SANGTAO_LANG": "en",
      "TERM": "xterm", "INPUTRC": "/dev/null",
    ])
    for name in ["COLUMNS", "LINES"] { environment[name] = nil }
    let terminal = try PseudoTerminal(arguments: ["--db", scene.path], environment: environment)
    try terminal.expect("\n> ")
    terminal.send("units:add{code = 'T2', name = 'Từ terminal', kind = 'cell'}\r")
    try terminal.expect(
      "is busy: another program is writing to it; waiting (up to 30 s, Ctrl-C to give up)…")
    let start = Date()
    terminal.send(PseudoTerminal.Key.interrupt)
    try terminal.expect("stopped (Ctrl-C); every variable is intact", timeout: 10)
    try terminal.expect("\n> ")
    #expect(Date().timeIntervalSince(start) < 10, "Ctrl-C ended the wait at once")
    terminal.send("units:count()\r")
    try terminal.expect("6\n> ")  // the session goes on; the other's unit is not committed
    terminal.send(PseudoTerminal.Key.endOfFile)
    #expect(terminal.waitForExit() == 0)
    scene.release()
    #expect(scene.console.finish().status == 0)
    #expect(try scene.codes() == ["C1"])
  }

  @Test func readersDoNotWaitForTheConsole() throws {
    let scene = try Scene()
    defer { _ = scene.console.finish() }
    let start = Date()
    let reader = try RunningProgram(
      Repository.binary, ["--db", scene.path, "--wait", "30", "-e", "print(units:count())"])
    let result = reader.finish()
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "6\n")  // the console's unit is not committed yet
    #expect(result.stderr == "")
    #expect(Date().timeIntervalSince(start) < 10)
    scene.release()
  }
}
