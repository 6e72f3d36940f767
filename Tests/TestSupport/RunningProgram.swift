import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program running beside the test: its output read line by line as it comes, its input
/// written whenever the test wants, and a signal (SIGKILL) sent at the moment the test
/// chooses. For the crash and concurrency tests, which need two programs at once or a program
/// stopped half-way.
///
///     let program = try RunningProgram(Repository.binary, ["--db", path, "-e", "..."])
///     let line = try program.readLine()
///     program.kill()
public final class RunningProgram {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let errors = Pipe()
  private var pending: [UInt8] = []
  private var errorBytes: [UInt8] = []

  /// Why a program let the test down.
  public enum Failure: Error, CustomStringConvertible {
    case timedOut(waitingFor: String, seen: String)
    case ended(waitingFor: String, seen: String)

    public var description: String {
      switch self {
      case .timedOut(let what, let seen): return "timed out waiting for \(what); seen: \(seen)"
      case .ended(let what, let seen): return "ended before \(what); seen: \(seen)"
      }
    }
  }

  /// Starts `executable` with `arguments` in the clean environment plus `environment`.
  public init(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    directory: URL? = nil
  ) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = cleanEnvironment(environment)
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
  }

  deinit {
    if process.isRunning { kill() }
  }

  /// The process id.
  public var pid: Int32 { process.processIdentifier }

  /// Writes `text` to the program's standard input.
  public func write(_ text: String) {
    input.fileHandleForWriting.write(Data(text.utf8))
  }

  /// Closes the program's standard input (end of file).
  public func closeInput() {
    try? input.fileHandleForWriting.close()
  }

  /// The next line of standard output, without its newline.
  ///
  /// - Throws: `Failure` when no line comes within `timeout` seconds or the output ends.
  public func readLine(timeout: Double = 60) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let newline = pending.firstIndex(of: 10) {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        return line
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else {
        throw Failure.timedOut(waitingFor: "a line", seen: String(decoding: pending, as: UTF8.self))
      }
      guard let chunk = read(output.fileHandleForReading.fileDescriptor, waiting: left) else {
        while let more = read(errors.fileHandleForReading.fileDescriptor, waiting: 0.5) {
          errorBytes += more
        }
        throw Failure.ended(
          waitingFor: "a line",
          seen: String(decoding: pending, as: UTF8.self) + " stderr: "
            + String(decoding: errorBytes, as: UTF8.self))
      }
      pending += chunk
    }
  }

  /// Reads standard error until it contains `text`.
  ///
  /// - Throws: `Failure` when `text` does not come within `timeout` seconds.
  @discardableResult
  public func waitForError(containing text: String, timeout: Double = 60) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let seen = String(decoding: errorBytes, as: UTF8.self)
      if seen.contains(text) { return seen }
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { throw Failure.timedOut(waitingFor: text, seen: seen) }
      guard let chunk = read(errors.fileHandleForReading.fileDescriptor, waiting: left) else {
        throw Failure.ended(waitingFor: text, seen: seen)
      }
      errorBytes += chunk
    }
  }

  /// Sends `signal` (SIGKILL by default: no handler, no clean-up, as a crash or the OOM
  /// killer) and reaps the program.
  public func kill(_ signal: Int32 = SIGKILL) {
    _ = Glibc.kill(process.processIdentifier, signal)
    process.waitUntilExit()
  }

  /// Waits for the end and returns the exit status with everything left on both outputs.
  public func finish(timeout: Double = 120) -> (status: Int32, stdout: String, stderr: String) {
    closeInput()
    let deadline = Date().addingTimeInterval(timeout)
    while let chunk = read(
      output.fileHandleForReading.fileDescriptor, waiting: deadline.timeIntervalSinceNow)
    {
      pending += chunk
    }
    while let chunk = read(
      errors.fileHandleForReading.fileDescriptor, waiting: deadline.timeIntervalSinceNow)
    {
      errorBytes += chunk
    }
    if process.isRunning && deadline.timeIntervalSinceNow <= 0 { kill() }
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: pending, as: UTF8.self),
      String(decoding: errorBytes, as: UTF8.self)
    )
  }

  /// Whether the program was ended by a signal.
  public var wasKilled: Bool { process.terminationReason == .uncaughtSignal }

  /// Bytes from `descriptor` within `seconds`; nil at the end of the output or on time out.
  private func read(_ descriptor: Int32, waiting seconds: Double) -> [UInt8]? {
    guard seconds > 0 else { return nil }
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let ready = poll(&poller, 1, Int32(min(seconds, 3600) * 1000))
    guard ready > 0 else { return nil }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = Glibc.read(descriptor, &buffer, buffer.count)
    guard count > 0 else { return nil }
    return Array(buffer[..<count])
  }
}
