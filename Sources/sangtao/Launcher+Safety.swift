import Console
import Glibc
import LuaBridge
import Messages
import RegistryLua

/// The limits and the sandbox an invocation asks for, read and checked before any code runs.
struct SafetyOptions: Equatable {
  /// `--max-memory`: bytes, 0 for none; nil when not given (the console then caps Lua at half
  /// the machine's memory, so that a runaway line cannot take it all).
  var memory: Int?
  /// `--timeout`: seconds per chunk, 0 for none.
  var timeout: Double = 0
  /// `--wait`: seconds to wait for a busy registry.
  var wait: Double = 30

  /// Why an option's value was refused: the option, the value and what was expected.
  struct Failure: Error, Equatable {
    var option: String
    var value: String
    var expected: Message
  }

  /// Reads the options of `invocation`.
  ///
  /// - Throws: `Failure` for a value that is not a size or a number of seconds.
  init(_ invocation: Invocation) throws(Failure) {
    if let text = invocation.maxMemory {
      guard let bytes = LuaLimits.bytes(text) else {
        throw Failure(option: "--max-memory", value: text, expected: .expectedSize)
      }
      memory = bytes
    }
    if let text = invocation.timeout {
      guard let seconds = Double(text), seconds >= 0, seconds.isFinite, seconds < 1e9 else {
        throw Failure(option: "--timeout", value: text, expected: .expectedSeconds)
      }
      timeout = seconds
    }
    if let text = invocation.wait {
      guard let seconds = Double(text), seconds >= 0, seconds.isFinite, seconds < 1e9 else {
        throw Failure(option: "--wait", value: text, expected: .expectedNonNegativeSeconds)
      }
      wait = seconds
    }
  }

  /// The console's memory cap when none is given: half the physical memory.
  static var defaultConsoleMemory: Int {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let size = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, size > 0 else { return 0 }
    return pages / 2 * size
  }
}

extension Launcher {
  /// Defines `limits` and applies `--max-memory`, `--timeout` and `--wait` to the session.
  func applyLimits(_ options: SafetyOptions, _ session: Session) throws {
    try session.lua.openLimits { seconds in
      Message.timeLimitExceeded(["seconds": Message.seconds(seconds)])
    }
    session.chunkTimeout = options.timeout
    if let context = session.binding?.context {
      context.busyTimeout = options.wait
      let program = session.programName ?? "sangtao"
      context.busyNotice = { text in
        StandardStreams.write(program + ": " + text + "\n", to: StandardStreams.error)
      }
    }
  }

  /// `--sandbox`: reads under the working directory and `--out`, writes under `--out` (the
  /// working directory when not given), never the registry's own files or the history; text
  /// chunks only.
  ///
  /// - Throws: a message when the output directory cannot be made, or `LuaError`.
  func enterSandbox(_ invocation: Invocation, _ session: Session, registryPath: String) throws {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
    let work = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
    let out = invocation.outputDirectory ?? work
    if invocation.outputDirectory != nil, !Environment.makeDirectories(out) {
      throw SandboxSetupError(
        text: Message.outNeedsDirectory(["path": out, "reason": String(cString: strerror(errno))]))
    }
    var denied: [String] = []
    for path in [registryPath, Environment.historyFile(environment)] {
      for suffix in ["", "-wal", "-shm", "-journal"] { denied.append(path + suffix) }
    }
    let roots = out == work ? [work] : [work, out]
    let sandbox = LuaSandbox(readRoots: roots, writeRoot: out, deniedFiles: denied)
    try session.lua.enterSandbox(sandbox) { refusal in
      switch refusal {
      case .read(let path):
        return Message.sandboxReadRefused(["path": path, "roots": roots.joined(separator: ", ")])
      case .write(let path):
        return Message.sandboxWriteRefused(["path": path, "root": out])
      case .disabled(let name):
        return Message.sandboxDisabled(["name": name])
      }
    }
    session.binding?.refuseAttachedDatabases()
    session.chunkMode = "t"
  }
}

/// The sandbox could not be set up; `text` says why.
struct SandboxSetupError: Error, CustomStringConvertible {
  let text: String
  var description: String { text }
}
