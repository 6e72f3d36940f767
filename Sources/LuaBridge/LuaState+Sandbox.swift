import CLua
import CLuaShim
import Glibc

/// What a sandboxed state may touch on disk.
///
///     let sandbox = LuaSandbox(readRoots: [work, out], writeRoot: out, deniedFiles: [registry])
public struct LuaSandbox: Sendable, Equatable {
  /// Directories whose files may be read (at most four).
  public var readRoots: [String]
  /// The directory whose files may be written.
  public var writeRoot: String
  /// Files never to be opened, even under a root (the registry and its companions).
  public var deniedFiles: [String]

  /// A sandbox reading under `readRoots` and writing under `writeRoot`.
  public init(readRoots: [String], writeRoot: String, deniedFiles: [String] = []) {
    self.readRoots = readRoots
    self.writeRoot = writeRoot
    self.deniedFiles = deniedFiles
  }
}

/// Why the sandbox refused something, for the message a script sees.
public enum LuaSandboxRefusal: Sendable, Equatable {
  /// Reading the file at the path.
  case read(String)
  /// Writing (or creating, removing, renaming) the file at the path.
  case write(String)
  /// Calling a function the sandbox removes (`os.execute`, `io.popen`…).
  case disabled(String)
}

extension LuaState {
  /// Puts the state in `sandbox`: no `os.execute`, `io.popen`, `os.tmpname`,
  /// `package.loadlib`, C modules or `debug` (but `debug.traceback`); only text chunks load;
  /// every standard function naming a file checks it (paths resolved with realpath, symbolic
  /// links and `..` included). Call before any user code runs; there is no way back.
  ///
  /// - Parameter message: the text a script sees for a refusal, in the user's language.
  /// - Throws: `LuaError` when a root cannot be resolved.
  public func enterSandbox(
    _ sandbox: LuaSandbox, message: @escaping (LuaSandboxRefusal) -> String
  ) throws(LuaError) {
    stack.push { L in
      let key = L.toString(1) ?? ""
      let subject = L.toString(2) ?? ""
      switch key {
      case "read": L.push(message(.read(subject)))
      case "write": L.push(message(.write(subject)))
      default: L.push(message(.disabled(subject)))
      }
      return 1
    }
    let status = withCStrings(sandbox.readRoots) { roots in
      withCStrings(sandbox.deniedFiles) { denied in
        luashim_sandbox(
          L, roots.baseAddress, Int32(roots.count), sandbox.writeRoot, denied.baseAddress,
          Int32(denied.count))
      }
    }
    if status != LUA_OK { throw LuaError(status: status, popping: stack) }
    isSandboxed = true
  }

  /// Whether the sandbox, if any, lets a host function read or write the file at `path`. Host
  /// functions that open files (`db.backup`, report files) ask before they do.
  public func sandboxAllows(_ path: String, write: Bool) -> Bool {
    luashim_sandbox_allows(L, path, write ? 1 : 0) != 0
  }

  /// For a host function about to open `path`: see `LuaStack.checkFileAccess`.
  public func checkFileAccess(_ path: String, write: Bool) throws(LuaCallError) {
    try stack.checkFileAccess(path, write: write)
  }
}

extension LuaStack {
  /// For a host function about to open `path` (`db.backup`, `db.export`, a report, reminder
  /// files): throws the sandbox's refusal, raised in Lua with the caller's position, unless
  /// the sandbox, if any, allows it.
  ///
  /// - Throws: `LuaCallError.message` with the sandbox's words.
  public func checkFileAccess(_ path: String, write: Bool) throws(LuaCallError) {
    try checkSandbox(write ? "write" : "read", path)
  }

  /// For a host function about to do what the sandbox forbids (run a program): throws the
  /// sandbox's refusal naming `name` when a sandbox is in force.
  ///
  /// - Throws: `LuaCallError.message` with the sandbox's words.
  public func checkSandboxAllows(_ name: String) throws(LuaCallError) {
    try checkSandbox("disabled", name)
  }

  private func checkSandbox(_ key: String, _ subject: String) throws(LuaCallError) {
    guard luashim_sandbox_refuses(L, key, subject) != 0 else { return }
    let text = toString(-1) ?? subject
    pop()
    throw .message(text)
  }
}

/// Calls `body` with `strings` as an array of C strings that live for the call.
private func withCStrings<R>(
  _ strings: [String], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> R
) -> R {
  let copies = strings.map { strdup($0) }
  defer { copies.forEach { free($0) } }
  let pointers = copies.map { UnsafePointer($0) }
  return pointers.withUnsafeBufferPointer(body)
}
