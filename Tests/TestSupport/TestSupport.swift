// TestSupport: helpers shared by the test targets — running the built binary, temporary
// files, and the repository's paths.

import Foundation

/// The result of running a program.
public struct ProcessResult: Equatable, Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String

  public init(status: Int32, stdout: String, stderr: String) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
  }
}

/// Paths of the repository and the built binary.
public enum Repository {
  /// The repository's root, found from this file's path.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `sangtao` binary under test: `$SANGTAO_BIN` (set by scripts/test), else the debug
  /// build.
  public static var binary: String {
    if let path = ProcessInfo.processInfo.environment["SANGTAO_BIN"], !path.isEmpty {
      return path
    }
    return root.appendingPathComponent(".build/debug/sangtao").path
  }
}

/// Runs `executable` with `arguments`, feeding `stdin`, and collects everything.
///
/// - Parameters:
///   - environment: the whole environment (nil: this process's, minus variables that would
///     change Lua's behaviour).
///   - directory: the working directory.
///   - argv0: the program name the process sees as argv[0] (defaults to `executable`).
///   - mergesOutput: stderr goes into the same pipe as stdout (in `stdout`), so that a
///     transcript keeps errors where they appeared.
public func run(
  _ executable: String, _ arguments: [String], stdin: String = "",
  environment: [String: String]? = nil, directory: URL? = nil, mergesOutput: Bool = false
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  process.environment = environment ?? cleanEnvironment()
  if let directory { process.currentDirectoryURL = directory }
  let input = Pipe()
  let output = Pipe()
  let error = Pipe()
  process.standardInput = input
  process.standardOutput = output
  process.standardError = mergesOutput ? output : error
  try process.run()
  // Read both pipes concurrently so that neither can fill up and block the child.
  let group = DispatchGroup()
  nonisolated(unsafe) var outData = Data()
  nonisolated(unsafe) var errData = Data()
  group.enter()
  DispatchQueue.global().async {
    outData = output.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  group.enter()
  DispatchQueue.global().async {
    errData = error.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  if mergesOutput { try? error.fileHandleForWriting.close() }
  input.fileHandleForWriting.write(Data(stdin.utf8))
  try? input.fileHandleForWriting.close()
  group.wait()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus,
    stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// This process's environment without the variables that change Lua's or sangtao's
/// behaviour, with messages in Vietnamese (the default a test asserts).
public func cleanEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
  var environment = ProcessInfo.processInfo.environment
  for name in [
    "LUA_INIT", "LUA_INIT_5_4", "LUA_PATH", "LUA_PATH_5_4", "LUA_CPATH", "LUA_CPATH_5_4",
    "SANGTAO_DB", "SANGTAO_LANG", "LANG", "LC_ALL", "NO_COLOR",
  ] {
    environment[name] = nil
  }
  environment.merge(extra) { $1 }
  return environment
}

extension TemporaryDirectory {
  /// The directory as a URL, for Foundation's APIs.
  public var url: URL { URL(fileURLWithPath: path) }

  /// Writes `text` to `name` in the directory and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    let path = self.path(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
