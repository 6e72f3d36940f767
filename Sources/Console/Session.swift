import Glibc
import LuaBridge
import Messages
import RegistryLua

/// One console session: the Lua state, where output goes, and how errors are reported. The
/// command line, the REPL and the dot-commands all run code through it.
public final class Session {
  /// The Lua state; the session owns it.
  public let lua: LuaState
  /// The name errors are prefixed with in batch mode (`sangtao: x.lua:3: …`), as `lua.c`'s
  /// `progname`; nil in the REPL.
  public var programName: String?
  /// Where the REPL prints results (stdout, or a file after `.output`).
  public let output: Output
  /// Where the REPL prints errors (stderr, or a file in tests).
  public let errors: Output
  /// Extra ways of showing values (result sets, records) tried before the plain printer.
  public var presenters: [ValuePresenter] = []
  /// Whether a chunk runs now (for the SIGINT handler's choice, and for tests).
  public private(set) var isRunning = false
  /// The registry's Lua API, when installed; the session keeps it alive with the state.
  public var binding: RegistryBinding?
  /// How the REPL shows result sets (`.mode`).
  public var mode: DisplayMode = .box
  /// A time limit in seconds for each chunk run by the command line (0: none).
  public var chunkTimeout: Double = 0
  /// Called before each chunk the session runs (e.g. to reopen database access), and after.
  public var aroundChunk: ((() throws -> Void) throws -> Void)?

  /// A session over `lua`, printing to stdout.
  public init(lua: LuaState, programName: String?) {
    self.lua = lua
    self.programName = programName
    self.output = Output(StandardStreams.output)
    self.errors = Output(StandardStreams.error)
  }

  // MARK: Running code

  /// How chunks load: `"t"` in a sandbox (no binary chunks), nil for text or binary.
  public var chunkMode: String?
  private var guardDepth = 0

  /// Runs `body` as the session runs code: interruptible by Ctrl-C, under the time limit, and
  /// with any interrupt cleared when the outermost such run ends, so that the next chunk
  /// starts clean. The REPL runs a chunk and the printing of its results in one of these
  /// (`__tostring` is Lua code too).
  public func guarded<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    guardDepth += 1
    if guardDepth == 1 {
      isRunning = true
      if chunkTimeout > 0 { lua.setTimeout(seconds: chunkTimeout) }
    }
    defer {
      guardDepth -= 1
      if guardDepth == 0 {
        if chunkTimeout > 0 { lua.setTimeout(seconds: 0) }
        isRunning = false
        if lua.isInterruptPending {
          lua.clearInterrupt()
          // A statement left half-read by the stopped code keeps SQLite's interrupt flag up
          // until it is finalized: collect it now, so that the next query runs.
          lua.collectGarbage()
        }
      }
    }
    return try body()
  }

  /// Calls the function below `arguments` values under a protected call with a traceback,
  /// interruptible with Ctrl-C (and the time limit). Results stay on the stack.
  ///
  /// - Throws: `LuaError`; an interrupt surfaces as a runtime error reading `interrupted!`, the
  ///   time limit as one saying so in the user's language.
  public func call(arguments: Int32, results: Int32) throws(LuaError) {
    try guarded { () throws(LuaError) in
      do throws(LuaError) {
        try callUnguarded(arguments: arguments, results: results)
      } catch {
        guard case .runtime(_, let traceback) = error, lua.pendingInterrupt == "timeout" else {
          throw error
        }
        throw .runtime(
          message: Message.timeLimitExceeded(["seconds": Message.seconds(chunkTimeout)]),
          traceback: traceback)
      }
    }
  }

  private func callUnguarded(arguments: Int32, results: Int32) throws(LuaError) {
    let stack = lua.stack
    if let aroundChunk {
      var failure: LuaError?
      do {
        try aroundChunk {
          do throws(LuaError) {
            try stack.call(arguments: arguments, results: results, asChunk: true)
          } catch {
            failure = error
          }
        }
      } catch {
        failure = failure ?? .runtime(message: String(describing: error), traceback: "")
      }
      if let failure { throw failure }
    } else {
      try stack.call(arguments: arguments, results: results, asChunk: true)
    }
  }

  /// Compiles and runs `code` as `lua -e` does (chunk name `=(command line)`).
  public func runString(_ code: String, name: String) throws(LuaError) {
    try lua.load(code, name: name, mode: "t")
    try call(arguments: 0, results: 0)
  }

  /// Runs the file at `path` (stdin when nil) with no arguments, as `lua.c`'s dofile.
  public func runFile(_ path: String?) throws(LuaError) {
    try lua.loadFile(path, mode: chunkMode)
    try call(arguments: 0, results: 0)
  }

  /// Runs the script at `path` with `arguments` in `arg` and `...`, as `lua script args` does.
  public func runScript(path: String, arguments: [String]) throws(LuaError) {
    let stack = lua.stack
    stack.newTable(array: Int32(arguments.count), hash: 1)
    stack.push(path)
    stack.rawSet(-2, 0)
    for (offset, argument) in arguments.enumerated() {
      stack.push(argument)
      stack.rawSet(-2, offset + 1)
    }
    stack.setGlobal("arg")
    try lua.loadFile(path, mode: chunkMode)
    for argument in arguments { stack.push(argument) }
    try call(arguments: Int32(arguments.count), results: 0)
  }

  // MARK: Reporting

  /// Prints an error as `lua.c` does: `progname: message` and the traceback, on stderr.
  ///
  /// Frames of sangtao's own bundled Lua (`sangtao:query.lua…`) are left out: they say nothing
  /// to the analyst, and a plain Lua script never has them, so `lua.c`'s output is unchanged.
  public func report(_ error: LuaError) {
    guard case .runtime(let text, let traceback) = error, !traceback.isEmpty else {
      return message(error.description)
    }
    let frames = traceback.split(separator: "\n", omittingEmptySubsequences: false).filter {
      !$0.drop(while: { $0 == "\t" }).hasPrefix("sangtao:")
    }
    message(text + "\n" + frames.joined(separator: "\n"))
  }

  /// Prints a message on stderr with the program name, as `lua.c`'s l_message.
  public func message(_ text: String) {
    errors.line((programName.map { $0 + ": " } ?? "") + text)
  }
}

/// How result sets are shown at the prompt (`.mode`).
public enum DisplayMode: String, CaseIterable, Sendable {
  case box, markdown, csv, json, line, lua
}

/// Shows some Lua values better than the plain printer: a result set as a table, a record as
/// a card. The registry layer provides them; the console only asks.
public protocol ValuePresenter: AnyObject {
  /// The text for the value at `index`, or nil when this presenter does not show such values.
  /// `width` is the terminal width when known.
  func present(_ stack: LuaStack, at index: Int32, width: Int?, mode: DisplayMode) -> String?
}

/// Where the REPL's results go: stdout, or a file for `.output` and `.once`.
public final class Output {
  private let standard: UnsafeMutablePointer<FILE>
  private var file: UnsafeMutablePointer<FILE>?
  /// The redirection a `.once` interrupts, restored after its result.
  private var beforeOnce: (file: UnsafeMutablePointer<FILE>?, path: String?)?
  /// The path results go to, or nil for stdout.
  public private(set) var path: String?

  init(_ standard: UnsafeMutablePointer<FILE>) {
    self.standard = standard
  }

  /// The stream to write to now.
  public var stream: UnsafeMutablePointer<FILE> { file ?? standard }

  /// Whether results go to a terminal (colors, squeezing).
  public var isTerminal: Bool { file == nil && isatty(fileno(standard)) != 0 }

  /// Writes `text` and a newline.
  public func line(_ text: String) {
    fputs(text, stream)
    fputs("\n", stream)
    fflush(stream)
  }

  /// Sends results to `path` (created 0600) until `reset`; with `once`, for one result only.
  ///
  /// - Throws: `OutputError.cannotOpen` with the system's reason.
  public func redirect(to path: String, once: Bool) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0, let stream = fdopen(fd, "w") else {
      throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    fchmod(fd, 0o600)  // an existing file keeps its mode through O_TRUNC: private now
    if once {
      if beforeOnce == nil { beforeOnce = (file, self.path) } else if let file { fclose(file) }
    } else {
      reset()
    }
    file = stream
    self.path = path
  }

  /// Back to stdout.
  public func reset() {
    if let file { fclose(file) }
    if let saved = beforeOnce, let savedFile = saved.file { fclose(savedFile) }
    beforeOnce = nil
    file = nil
    path = nil
  }

  /// Ends a `.once` redirection after its result was written.
  public func resultWritten() {
    guard let saved = beforeOnce else { return }
    if let file { fclose(file) }
    file = saved.file
    path = saved.path
    beforeOnce = nil
  }
}

/// Output redirection failures.
public enum OutputError: LocalizedFailure {
  case cannotOpen(path: String, reason: String)

  public func message(in language: Language) -> String {
    switch self {
    case .cannotOpen(let path, let reason):
      return Message.cannotOpenOutput(["path": path, "reason": reason], in: language)
    }
  }
}
