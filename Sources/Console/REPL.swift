import Glibc
import LuaBridge
import Messages

/// The read-eval-print loop, layered as `lua.c`'s (`run → readChunk → addReturn / multiline →
/// execute → printResults`), plus dot-commands, session-wide top-level locals and `_`.
///
///     let repl = REPL(session: session, reader: PlainLineReader(showsPrompt: false))
///     repl.run()
public final class REPL {
  /// The session code runs in.
  public let session: Session
  /// Where lines come from.
  public let reader: LineReader
  /// The dot-commands, one table for dispatch and help.
  public var commands: DotCommandTable
  /// Whether `.timer on` is in effect.
  public var showsTimer = false
  /// Measures a chunk for `.timer` (rows and statements come from the registry layer).
  public var statistics: (() -> (rows: Int, statements: Int))?
  /// The terminal width, when output goes to a terminal.
  public var terminalWidth: () -> Int? = { nil }
  /// Set by `.quit`.
  var wantsToQuit = false

  /// A loop reading from `reader` and running in `session`.
  public init(session: Session, reader: LineReader, commands: DotCommandTable = .builtin) {
    self.session = session
    self.reader = reader
    self.commands = commands
  }

  /// Runs until end of input or `.quit`. Errors never end the loop.
  public func run() {
    let savedName = session.programName
    session.programName = nil  // no program name on errors in interactive mode, as lua.c
    defer { session.programName = savedName }
    while !wantsToQuit {
      switch readChunk() {
      case .end:
        if reader.isInteractive { fputs("\n", StandardStreams.output) }
        return
      case .interrupted:
        continue
      case .command(let line):
        runCommand(line)
      case .compiled:
        execute()
      case .failed(let error):
        reportError(error)
      }
    }
  }

  // MARK: Reading

  enum Chunk {
    /// A function is on top of the stack, ready to run.
    case compiled
    case command(String)
    case failed(LuaError)
    case interrupted
    case end
  }

  /// The prompt from `_PROMPT` / `_PROMPT2` when they are strings or numbers, as `lua.c`.
  func prompt(first: Bool) -> String {
    let stack = session.lua.stack
    let type = stack.getGlobal(first ? "_PROMPT" : "_PROMPT2")
    defer { stack.pop() }
    if type == .string, let text = stack.toString(-1) { return text }
    if type == .number, let text = try? stack.tostring(-1) { return text }
    return first ? "> " : ">> "
  }

  /// Reads a whole chunk: a dot-command, an expression (tried as `return <line>;` first), or
  /// statements continued over lines while the only error is an unexpected `<eof>`.
  func readChunk() -> Chunk {
    let first: String
    switch reader.readLine(prompt: prompt(first: true)) {
    case .end: return .end
    case .interrupted: return .interrupted
    case .line(let line): first = line
    }
    if DotCommandTable.isCommand(first) {
      reader.addHistory(first)
      return .command(first)
    }
    var line = first
    if line.hasPrefix("=") { line = "return " + line.dropFirst() }  // lua.c's old '=' form
    if (try? session.lua.load("return " + line + ";", name: "=stdin")) != nil {
      // An expression, as lua.c's addreturn. It runs as the arguments of a function so that no
      // tail call hides the user's line from error messages (`return r:update{…}` would).
      session.lua.stack.pop()
      if (try? session.lua.load(
        "return (function(...) return ... end)(" + REPL.withoutTrailingComment(line) + ")",
        name: "=stdin")) != nil
      {
        reader.addHistory(first)
        return .compiled
      }
      _ = try? session.lua.load("return " + line + ";", name: "=stdin")
      reader.addHistory(first)
      return .compiled
    }
    var buffer = line
    while true {
      do {
        try session.lua.load(TopLevelLocals.rewrite(buffer), name: "=stdin")
        reader.addHistory(buffer)
        return .compiled
      } catch .syntax(let message) where message.hasSuffix("<eof>") {
        switch reader.readLine(prompt: prompt(first: false)) {
        case .line(let more): buffer += "\n" + more
        case .interrupted: return .interrupted  // Ctrl-C drops the unfinished chunk
        case .end:
          reader.addHistory(buffer)
          return .failed(.syntax(message: message))
        }
      } catch {
        reader.addHistory(buffer)
        return .failed(error)
      }
    }
  }

  /// `line` up to its last token: a trailing comment would swallow what the REPL appends.
  static func withoutTrailingComment(_ line: String) -> String {
    guard let last = LuaLexer.tokens(line).last else { return line }
    return String(decoding: Array(line.utf8)[..<last.range.upperBound], as: UTF8.self)
  }

  // MARK: Running

  /// Runs the compiled chunk on top of the stack and prints what it returns.
  func execute() {
    let stack = session.lua.stack
    let base = stack.top - 1
    let clock = Stopwatch()
    let before = statistics?()
    // The printer may run Lua code (`__tostring`): it runs under the same guard as the chunk.
    session.guarded { () -> Void in
      do throws(LuaError) {
        try session.call(arguments: 0, results: LuaStack.allResults)
      } catch {
        reportError(error)
        stack.top = base
        return
      }
      printResults(from: base + 1)
      stack.top = base
    }
    if showsTimer { printTimer(clock: clock, before: before) }
  }

  /// Prints the values from `first` to the top, and keeps the first in `_`.
  func printResults(from first: Int32) {
    let stack = session.lua.stack
    let last = stack.top
    guard last >= first else { return }
    // A chunk that returns all its results may leave no free slot: the printer needs some.
    guard stack.ensure(8) else { return }
    stack.pushValue(at: first)
    stack.setGlobal("_")
    let width = session.output.isTerminal ? terminalWidth() : nil
    let texts = (first...last).map { session.describe(stack, at: $0, width: width) }
    let oneLine = texts.allSatisfy { !$0.contains("\n") }
    session.output.line(texts.joined(separator: oneLine ? "\t" : "\n"))
    session.output.resultWritten()
  }

  func printTimer(clock: Stopwatch, before: (rows: Int, statements: Int)?) {
    var parts = [Message.timerReal(["seconds": clock.elapsedText])]
    if let before, let after = statistics?() {
      parts.append(Message.timerRows(["count": after.rows - before.rows]))
      parts.append(Message.timerStatements(["count": after.statements - before.statements]))
    }
    session.output.line(parts.joined(separator: ", "))
  }

  /// Shows an error with the traceback trimmed to the user's own code.
  func reportError(_ error: LuaError) {
    var text = error.message
    if case .runtime(_, let traceback) = error {
      let kept = Traceback.trimmed(traceback)
      if !kept.isEmpty { text += "\n" + kept }
      if session.lua.pendingInterrupt == "interrupted!" || error.message.hasSuffix("interrupted!") {
        text = Message.interrupted() + "\n" + text
      }
    }
    session.errors.line(text)
  }

  // MARK: Commands

  func runCommand(_ line: String) {
    do {
      try commands.run(line, in: self)
    } catch let error as LuaError {
      reportError(error)
    } catch {
      session.errors.line(String(describing: error))
    }
  }
}

/// Wall-clock time for `.timer`.
struct Stopwatch {
  private let start: timespec

  init() {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    start = now
  }

  /// Seconds since creation.
  var elapsed: Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec - start.tv_sec) + Double(now.tv_nsec - start.tv_nsec) / 1e9
  }

  /// Seconds with three decimals.
  var elapsedText: String {
    let millis = Int((elapsed * 1000).rounded())
    let fraction = String(millis % 1000)
    return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
  }
}

/// Trimming tracebacks to what the user wrote.
public enum Traceback {
  /// The traceback without the console's own frames (the bottom `[C]: in ?`, bundled code)
  /// and without a lone main-chunk frame that only repeats the message's position. Empty
  /// when nothing is left worth showing.
  public static func trimmed(_ traceback: String) -> String {
    var lines = traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.first == "stack traceback:" else { return traceback }
    lines.removeFirst()
    let kept = lines.filter { line in
      let frame = line.drop(while: { $0 == "\t" || $0 == " " })
      if frame == "[C]: in ?" || frame == "(...tail calls...)" { return false }
      if frame.hasPrefix("sangtao:") || frame.hasPrefix("[sangtao]") { return false }
      return !frame.isEmpty
    }
    let userFrames = kept.filter { !$0.contains("[C]:") }
    if userFrames.count <= 1, userFrames.allSatisfy({ $0.hasSuffix("in main chunk") }) {
      return ""
    }
    return (["stack traceback:"] + kept).joined(separator: "\n")
  }
}
