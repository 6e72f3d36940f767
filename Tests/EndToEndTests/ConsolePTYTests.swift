// The console in a real pseudo-terminal against the built binary: readline editing, history
// across runs, TAB listings, and Ctrl-C delivered by the terminal as SIGINT.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Console in a pseudo-terminal", .serialized)
struct ConsolePTYTests {
  // MARK: Line editing

  @Test func readlineEditingFixesTheLineBeforeItRuns() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()

    // Given `prnt('x')` typed, when Ctrl-A, → → and `i` fix it before Enter…
    terminal.send("prnt('x')" + Key.lineStart + Key.right + Key.right + "i" + Key.enter)
    // …then the corrected line runs.
    let shown = try terminal.expect("\nx\n> ")
    #expect(!shown.contains("attempt to call"))

    // ← and Backspace: `print('zy')` becomes `print('y')`.
    terminal.send("print('zy')" + Key.left + Key.left + Key.left + "\u{7f}" + Key.enter)
    try terminal.expect("\ny\n> ")

    // Ctrl-U drops what was typed.
    terminal.send("error('never run')" + Key.killLine + "print('kept')" + Key.enter)
    let afterKill = try terminal.expect("\nkept\n> ")
    #expect(!afterKill.contains("never run\n"))

    // The history holds the lines as they ran, not as they were typed.
    terminal.send(".history\r")
    try terminal.expect("1  print('x')\n2  print('y')\n3  print('kept')\n4  .history\n> ")
    try console.quit(terminal)
  }

  @Test func readlineEditsVietnameseByCharacterEvenWithoutALocale() throws {
    // Given no LANG or LC_ALL (cleanEnvironment removes them), as under ssh or in a container…
    let console = try ConsoleUser(language: "vi")
    #expect(console.environment["LANG"] == nil && console.environment["LC_ALL"] == nil)
    let terminal = try console.start()

    // …← and Backspace move over and delete whole characters, not bytes of them.
    terminal.send(
      "print('xếy')" + Key.left + Key.left + Key.left + Key.left + "\u{7f}" + Key.enter)
    try terminal.expect("\nếy\n> ")
    terminal.send("s = 'Thành phố'" + Key.left + "\u{7f}" + Key.enter)
    try terminal.expect("> ")
    terminal.send("s, #s\r")
    try terminal.expect("\nThành ph\t9\n> ")
    try console.quit(terminal)
  }

  // MARK: History

  @Test func historyPersistsAcrossRunsAsWholeChunksWithoutDuplicatesOrPrivateLines() throws {
    let console = try ConsoleUser(language: "vi")

    // Run 1: a line, a multi-line chunk, a private line (leading space), a line twice.
    let first = try console.start()
    first.send("answer = 42\r")
    try first.expect("> ")
    first.send("for i = 1, 2 do\r")
    try first.expect(">> ")
    first.send("print('loop', i)\r")
    try first.expect(">> ")
    first.send("end\r")
    try first.expect("loop\t1\nloop\t2\n> ")
    first.send(" secret = 1\r")
    try first.expect("> ")
    first.send("answer\r")
    try first.expect("42\n> ")
    first.send("answer\r")
    try first.expect("42\n> ")
    try console.quit(first)

    // The file is private and keeps neither the private line nor the repeated one.
    var status = stat()
    #expect(stat(console.historyPath, &status) == 0)
    #expect(status.st_mode & 0o777 == 0o600)
    let file = try String(contentsOfFile: console.historyPath, encoding: .utf8)
    #expect(!file.contains("secret"))
    #expect(file.components(separatedBy: "\nanswer\n").count == 2)

    // Run 2: ↑ gives the last entry, ↑↑ the whole loop (not a repeat of `answer`, not the
    // private line), which runs again as one chunk.
    let second = try console.start()
    second.send(Key.up)
    try second.expect("answer")
    second.send(Key.up + Key.enter)
    try second.expect("loop\t1\nloop\t2\n> ")
    // Only a repeat of the entry just before is skipped: the loop run again is kept.
    second.send(".history\r")
    try second.expect(
      "1  answer = 42\n2  for i = 1, 2 do\nprint('loop', i)\nend\n3  answer\n"
        + "4  for i = 1, 2 do\nprint('loop', i)\nend\n5  .history\n> ")
    try console.quit(second)
  }

  // MARK: Completion

  @Test func tabCompletesNamesFieldsMethodsAndCommands() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()

    // A unique field completes in place (with readline's trailing space).
    terminal.send("string.fo" + Key.tab)
    try terminal.expect("string.format ")
    terminal.send("('%d-%s', 7, 'x')\r")
    try terminal.expect("\n7-x\n> ")

    // A global.
    terminal.send("pri" + Key.tab)
    try terminal.expect("print ")
    terminal.send("('global')\r")
    try terminal.expect("\nglobal\n> ")

    // After `:` only methods, completed with their parenthesis.
    terminal.send("s = 'abc'\r")
    try terminal.expect("> ")
    terminal.send("s:up" + Key.tab)
    try terminal.expect("s:upper(")
    terminal.send(")\r")
    try terminal.expect("\nABC\n> ")

    // Dot-commands.
    terminal.send(".hist" + Key.tab)
    try terminal.expect(".history ")
    terminal.send(Key.enter)
    try terminal.expect("5  .history \n> ")
    try console.quit(terminal)
  }

  @Test func tabCompletesRegistryMethodsAndClosesEnumStringsOnce() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()
    // Query methods sit behind an __index function: completion still finds them.
    terminal.send("registrations:cou" + Key.tab)
    try terminal.expect("registrations:count(")
    terminal.send(")\r")
    try terminal.expect("\n0\n> ")
    // An enum value inside a string: the string is closed once.
    terminal.send("registrations:where{status = \"subm" + Key.tab)
    try terminal.expect("registrations:where{status = \"submitted\"")
    terminal.send("}:count()\r")
    try terminal.expect("\n0\n> ")
    try console.quit(terminal)
  }

  @Test func tabTwiceListsTheCandidatesAndKeepsTheLine() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()

    terminal.send("string." + Key.tab + Key.tab)
    let listing = try terminal.expect("\n> string.")
    let names = Set(listing.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    let library = [
      "byte", "char", "dump", "find", "format", "gmatch", "gsub", "len", "lower", "match",
      "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper",
    ]
    #expect(names.isSuperset(of: library), "listing: \(listing)")

    // After `:` the listing holds only functions, with their parenthesis.
    terminal.send(Key.killLine + "coroutine:" + Key.tab + Key.tab)
    let methods = try terminal.expect("\n> coroutine:")
    for name in ["create(", "resume(", "wrap(", "yield(", "status("] {
      #expect(methods.contains(name), "listing: \(methods)")
    }

    // The listing leaves the prompt usable.
    terminal.send(Key.killLine + "1+1\r")
    try terminal.expect("\n2\n> ")
    try console.quit(terminal)
  }

  @Test func pastedTabsAreTextNotCompletion() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()

    // Typed, `string.` TAB TAB would list the library; pasted, the TABs are whitespace.
    terminal.send(Key.paste("n = string.\t\tlen('four')"))
    terminal.send(Key.enter)
    try terminal.expect("> ")
    terminal.send("n\r")
    let shown = try terminal.expect("\n4\n> ")
    #expect(!shown.contains("gmatch"))
    #expect(!terminal.transcript.contains("gmatch"))
    try console.quit(terminal)
  }

  // MARK: Ctrl-C while code runs

  @Test func ctrlCStopsAnEndlessLoopAndKeepsTheGlobals() throws {
    let console = try ConsoleUser(language: "vi")
    let terminal = try console.start()
    terminal.send("kept = 'yes'\r")
    try terminal.expect("> ")

    let shown = try interruptRunningChunk(terminal, "print('spinning') while true do end")
    #expect(shown.hasPrefix("^C⏹ đã dừng (Ctrl-C); các biến vẫn còn nguyên\n"), "\(shown)")
    #expect(shown.hasSuffix("interrupted!\n> "), "\(shown)")

    terminal.send("kept\r")
    try terminal.expect("\nyes\n> ")
    // No hook is left behind once the interrupt is over (a hook halves Lua's speed).
    terminal.send("debug.gethook()\r")
    try terminal.expect("\nnil\n> ")
    try console.quit(terminal)
  }

  @Test func ctrlCStopsALoopInsideCoroutineWrap() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()
    terminal.send("kept = 'yes'\r")
    try terminal.expect("> ")

    let shown = try interruptRunningChunk(
      terminal, "coroutine.wrap(function() print('spinning') while true do end end)()")
    #expect(shown.hasPrefix("^C⏹ stopped (Ctrl-C); every variable is intact\n"), "\(shown)")
    #expect(shown.hasSuffix("interrupted!\n> "), "\(shown)")

    terminal.send("kept\r")
    try terminal.expect("\nyes\n> ")
    terminal.send("debug.gethook()\r")
    try terminal.expect("\nnil\n> ")
    // New coroutines run normally afterwards.
    terminal.send("coroutine.wrap(function() return 'fresh' end)()\r")
    try terminal.expect("\nfresh\n> ")
    try console.quit(terminal)
  }

  @Test func ctrlCStopsALoopInsideCoroutineResume() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()
    terminal.send("kept = 'yes'\r")
    try terminal.expect("> ")

    // resume would return false and the message; the chunk around it stops as well.
    let shown = try interruptRunningChunk(
      terminal,
      "print(coroutine.resume(coroutine.create(function() print('spinning') "
        + "while true do end end))) print('after resume')")
    #expect(shown.hasPrefix("^C⏹ stopped (Ctrl-C); every variable is intact\n"), "\(shown)")
    #expect(shown.hasSuffix("interrupted!\n> "), "\(shown)")
    #expect(!shown.contains("after resume"))

    terminal.send("kept\r")
    try terminal.expect("\nyes\n> ")
    terminal.send("debug.gethook()\r")
    try terminal.expect("\nnil\n> ")
    terminal.send("coroutine.resume(coroutine.create(function() return 'fresh' end))\r")
    try terminal.expect("\ntrue\tfresh\n> ")
    try console.quit(terminal)
  }

  @Test func ctrlCStopsALongSQLQuery() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()
    terminal.send("kept = 'yes'\r")
    try terminal.expect("> ")

    let shown = try interruptRunningChunk(terminal, Self.longSQLQueryChunk)
    #expect(shown.hasPrefix("^C⏹ stopped (Ctrl-C); every variable is intact\n"), "\(shown)")
    #expect(shown.hasSuffix("interrupted!\n> ") || shown.contains("(Ctrl-C)\n> "), "\(shown)")

    terminal.send("kept, db.value('select 40 + 2')\r")
    try terminal.expect("\nyes\t42\n> ")
    try console.quit(terminal)
  }

  @Test func repeatedCtrlCWhileCodeRunsNeverEndsTheSession() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()

    terminal.send("print('spinning') while true do end\r")
    try terminal.expect("spinning\n")
    terminal.send(Key.interrupt + Key.interrupt + Key.interrupt)
    try terminal.expect("⏹ stopped (Ctrl-C); every variable is intact\n")
    try terminal.expect("> ")
    terminal.send("1+1\r")
    try terminal.expect("\n2\n> ")
    // And it can be stopped again.
    let again = try interruptRunningChunk(terminal, "print('spinning') while true do end")
    #expect(again.hasSuffix("interrupted!\n> "), "\(again)")
    try console.quit(terminal)
  }

  // MARK: Ctrl-C and Ctrl-D at the prompt

  @Test func ctrlCAtThePromptClearsTheLineAndNeverEndsTheSession() throws {
    let console = try ConsoleUser(language: "vi")
    let terminal = try console.start()

    terminal.send("abc")
    try terminal.expect("abc")
    terminal.send(Key.interrupt)
    #expect(try terminal.expect("^C\n> ") == "^C\n> ")
    terminal.send("1+1\r")
    try terminal.expect("\n2\n> ")

    // A second and a third Ctrl-C on an empty prompt.
    terminal.send(Key.interrupt)
    try terminal.expect("^C\n> ")
    terminal.send(Key.interrupt)
    try terminal.expect("^C\n> ")

    // At the continuation prompt, the unfinished chunk is dropped.
    terminal.send("for i = 1, 2 do\r")
    try terminal.expect(">> ")
    terminal.send(Key.interrupt)
    try terminal.expect("^C\n> ")
    terminal.send("2+2\r")
    try terminal.expect("\n4\n> ")

    // Ctrl-D at an empty prompt leaves with status 0.
    terminal.send(Key.endOfFile)
    #expect(terminal.waitForExit() == 0)
  }

  @Test func ctrlCWhileReadlineIsBusyIsNotLost() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()

    // Given readline busy echoing a long burst of keys, a Ctrl-C lands between two waits for
    // input (not during one, so no EINTR): it must still clear the line. Ten rounds, as the
    // moment it lands varies.
    for _ in 1...10 {
      terminal.send(String(repeating: "x", count: 2000))
      try terminal.expect(String(repeating: "x", count: 50))
      terminal.send(Key.interrupt)
      try terminal.expect("^C\n> ")
    }
    terminal.send("1+1\r")
    try terminal.expect("\n2\n> ")
    try console.quit(terminal)
  }

  // MARK: Errors

  @Test func errorsAreReportedAndTheSessionGoesOn() throws {
    let console = try ConsoleUser(language: "en")
    let terminal = try console.start()

    terminal.send("error('boom')\r")
    try terminal.expect("\nstdin:1: boom\n> ")
    terminal.send("x = = 1\r")
    try terminal.expect("\nstdin:1: unexpected symbol near '='\n> ")
    terminal.send("error({})\r")
    try terminal.expect("\n(error object is a table value)\n> ")
    terminal.send("nosuch.field\r")
    try terminal.expect(
      "\nstdin:1: attempt to index a nil value (global 'nosuch')\n> ")
    terminal.send(".nosuch\r")
    try terminal.expect("\nno command '.nosuch'; type .help for the list of commands\n> ")
    terminal.send("1+1\r")
    try terminal.expect("\n2\n> ")
    try console.quit(terminal)
  }

  // MARK: Helpers

  /// Runs `chunk`, which must print `spinning` once it is busy, then sends Ctrl-C and returns
  /// what the terminal shows from the interrupt to the next prompt.
  ///
  /// Waiting for the chunk's own output guarantees the signal reaches running code, not the
  /// prompt: a Ctrl-C typed before the chunk starts only clears the line.
  private func interruptRunningChunk(_ terminal: PseudoTerminal, _ chunk: String) throws
    -> String
  {
    terminal.send(chunk + "\r")
    try terminal.expect("\nspinning\n")
    terminal.send(Key.interrupt)
    return try terminal.expect("\n> ")
  }

  /// A statement that never ends by itself: only `sqlite3_interrupt` stops it. A Ctrl-C can
  /// also land between the `print` and the first `sqlite3_step`, where `sqlite3_interrupt` has
  /// no effect; the query layer checks for a pending interrupt before each step for that.
  static let longSQLQueryChunk =
    "print('spinning') return db.sql('with recursive c(x) as "
    + "(select 1 union all select x + 1 from c) select count(*) from c')"
}

private typealias Key = PseudoTerminal.Key

/// One user of the console: a private HOME and data directory (so history is the test's own),
/// the language asserted, and a terminal without the developer's settings.
private struct ConsoleUser {
  let home: TemporaryDirectory
  let environment: [String: String]

  init(language: String) throws {
    home = try TemporaryDirectory()
    var environment = cleanEnvironment([
      "HOME": home.url.path,
      "XDG_DATA_HOME": home.path("data"),
      "SANGTAO_LANG": language,
      "TERM": "xterm",
      "INPUTRC": "/dev/null",  // readline's defaults, not ~/.inputrc or /etc/inputrc
    ])
    for name in ["COLUMNS", "LINES", "XDG_CONFIG_HOME"] { environment[name] = nil }
    self.environment = environment
  }

  var historyPath: String { home.path("data/sangtao/history") }

  /// Starts the console and waits for its banner and first prompt.
  func start() throws -> PseudoTerminal {
    let terminal = try PseudoTerminal(environment: environment)
    try terminal.expect("Lua 5.4")
    try terminal.expect("\n> ")
    return terminal
  }

  /// Leaves with Ctrl-D at an empty prompt and checks the exit status.
  func quit(_ terminal: PseudoTerminal) throws {
    terminal.send(Key.endOfFile)
    let status = terminal.waitForExit()
    #expect(status == 0, "transcript:\n\(terminal.transcript)")
  }
}
