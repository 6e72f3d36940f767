// The built binary in a real pseudo-terminal, for the console's interactive tests: readline
// editing, TAB listings, history, and Ctrl-C delivered as SIGINT by the line discipline.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program running with a pseudo-terminal as its controlling terminal.
///
/// The test side holds the master: what it sends arrives as typed keys (`"\u{3}"` makes the
/// line discipline send SIGINT to the program), and everything the program writes to its
/// terminal is collected in a transcript. Synchronisation is by waiting for output, never by
/// sleeping.
///
///     let terminal = try PseudoTerminal(environment: environment)
///     try terminal.expect("> ")
///     terminal.send("1+1\r")
///     try terminal.expect("2\n> ")
///     terminal.send("\u{4}")
///     #expect(terminal.waitForExit() == 0)
public final class PseudoTerminal {
  /// Why `expect` gave up; the description carries the whole transcript.
  public enum Failure: Error, CustomStringConvertible {
    /// The program could not be started.
    case cannotStart(executable: String, reason: String)
    /// `text` did not appear within the time allowed.
    case timedOut(expected: String, seconds: Double, transcript: String)
    /// The program closed its terminal (ended) before `text` appeared.
    case ended(expected: String, transcript: String)

    public var description: String {
      switch self {
      case .cannotStart(let executable, let reason):
        return "cannot start \(executable) in a pseudo-terminal: \(reason)"
      case .timedOut(let expected, let seconds, let transcript):
        return "no \(String(reflecting: expected)) after \(seconds) s; the terminal showed:\n"
          + transcript
      case .ended(let expected, let transcript):
        return "the program ended before \(String(reflecting: expected)); the terminal showed:\n"
          + transcript
      }
    }
  }

  /// Common keys, as a terminal sends them.
  public enum Key {
    public static let interrupt = "\u{3}"  // Ctrl-C
    public static let endOfFile = "\u{4}"  // Ctrl-D
    public static let lineStart = "\u{1}"  // Ctrl-A
    public static let lineEnd = "\u{5}"  // Ctrl-E
    public static let killLine = "\u{15}"  // Ctrl-U
    public static let tab = "\t"
    public static let enter = "\r"
    public static let up = "\u{1b}[A"
    public static let down = "\u{1b}[B"
    public static let right = "\u{1b}[C"
    public static let left = "\u{1b}[D"

    /// `text` as a terminal sends it when it is pasted (bracketed paste).
    public static func paste(_ text: String) -> String { "\u{1b}[200~" + text + "\u{1b}[201~" }
  }

  /// The program's process id.
  public let pid: pid_t
  private let master: Int32
  /// Every byte read from the terminal.
  private var received: [UInt8] = []
  /// Where the next `expect` starts looking, in the cleaned transcript's bytes.
  private var searchStart = 0
  private var isClosed = false
  private var exitStatus: Int32?

  /// Starts `executable` with `arguments` on a new pseudo-terminal of `columns` × `rows`.
  ///
  /// The program runs in a new session whose controlling terminal is the pseudo-terminal's
  /// slave (its stdin, stdout and stderr), with default signal dispositions.
  ///
  /// - Parameters:
  ///   - executable: the program (the built `sangtao` by default).
  ///   - arguments: its arguments, without argv[0].
  ///   - environment: its whole environment (`TERM` included: nothing is added).
  /// - Throws: `Failure.cannotStart`.
  public init(
    executable: String = Repository.binary, arguments: [String] = [],
    environment: [String: String], columns: UInt16 = 80, rows: UInt16 = 24
  ) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw Failure.cannotStart(executable: executable, reason: Self.systemError())
    }
    // Neither end may leak into programs other tests start meanwhile: a stray slave would keep
    // the terminal open after our program ends.
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    defer { Glibc.close(slave) }
    var name = [CChar](repeating: 0, count: 256)
    guard ttyname_r(slave, &name, name.count) == 0 else {
      Glibc.close(master)
      throw Failure.cannotStart(executable: executable, reason: Self.systemError())
    }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid (glibc runs it before the file actions), so the slave becomes the
    // new session's controlling terminal and the program its foreground process group.
    posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    let setSessionID: Int32 = 0x80  // POSIX_SPAWN_SETSID, hidden from Swift behind __USE_GNU
    posix_spawnattr_setflags(
      &attributes, Int16(setSessionID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)  // nothing blocked
    for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGPIPE, SIGHUP, SIGTERM] {
      sigaddset(&signals, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &signals)  // nothing ignored

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard status == 0 else {
      Glibc.close(master)
      throw Failure.cannotStart(
        executable: executable, reason: String(cString: strerror(status)))
    }
    self.pid = pid
    self.master = master
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      _ = waitpid(pid, &status, 0)
    }
    Glibc.close(master)
  }

  // MARK: Talking to the program

  /// Types `text` (keys and control characters as a terminal sends them, e.g. `"\r"` for
  /// Enter, `Key.interrupt` for Ctrl-C).
  public func send(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return  // the program has gone; the next expect says so with the transcript
      }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Waits until `text` appears in the output after the previous match, and returns the
  /// output from there to the end of `text`.
  ///
  /// The output is compared as a person reads it: escape sequences (CSI, OSC, other `ESC x`),
  /// carriage returns and bells are removed, so a line ends with `"\n"`.
  ///
  /// - Throws: `Failure.timedOut` or `Failure.ended`, with the whole transcript.
  @discardableResult
  public func expect(_ text: String, timeout: Double = 15) throws -> String {
    let needle = Array(text.utf8)
    let deadline = Self.now() + timeout
    while true {
      let cleaned = Self.clean(received)
      if let range = Self.find(needle, in: cleaned, from: searchStart) {
        let output = String(decoding: cleaned[searchStart..<range.upperBound], as: UTF8.self)
        searchStart = range.upperBound
        return output
      }
      if isClosed { throw Failure.ended(expected: text, transcript: transcript) }
      let remaining = deadline - Self.now()
      if remaining <= 0 {
        throw Failure.timedOut(expected: text, seconds: timeout, transcript: transcript)
      }
      readAvailable(waitingAtMost: remaining)
    }
  }

  /// Everything the program has shown so far, cleaned as `expect` compares it.
  public var transcript: String {
    String(decoding: Self.clean(received), as: UTF8.self)
  }

  /// Waits for the program to end, still reading its output, and returns its exit status
  /// (128 + the signal number if a signal ended it), or nil if it is still running after
  /// `timeout` seconds.
  public func waitForExit(timeout: Double = 15) -> Int32? {
    let deadline = Self.now() + timeout
    while exitStatus == nil {
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        let signal = status & 0x7f
        exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        break
      }
      if result < 0 && errno != EINTR { return nil }
      let remaining = deadline - Self.now()
      if remaining <= 0 { return nil }
      if isClosed {
        usleep(5_000)  // the terminal is closed: only the process's end is left to see
      } else {
        // Keep draining the terminal so the program never blocks writing its last words.
        readAvailable(waitingAtMost: min(remaining, 0.02))
      }
    }
    readAvailable(waitingAtMost: 0)
    return exitStatus
  }

  // MARK: Reading

  /// Reads what the terminal has, waiting up to `seconds` for the first byte.
  private func readAvailable(waitingAtMost seconds: Double) {
    guard !isClosed else { return }
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    var wait = Int32(max(0, min(seconds, 3600)) * 1000)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let ready = poll(&descriptor, 1, wait)
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { return }
      let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        received.append(contentsOf: buffer[..<count])
        wait = 0  // take everything already there, then return
        continue
      }
      if count < 0 && errno == EINTR { continue }
      isClosed = true  // EIO: every slave descriptor is closed, the program has ended
      return
    }
  }

  // MARK: Cleaning

  /// `bytes` without escape sequences, carriage returns and bells. An incomplete sequence at
  /// the end is left out until the rest arrives, so earlier offsets never move.
  static func clean(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    let count = bytes.count
    scanning: while index < count {
      let byte = bytes[index]
      switch byte {
      case 0x1b:  // ESC
        guard index + 1 < count else { break scanning }
        switch bytes[index + 1] {
        case UInt8(ascii: "["):  // CSI: parameters and intermediates, then a final byte
          var end = index + 2
          while end < count, !(0x40...0x7e).contains(bytes[end]) { end += 1 }
          guard end < count else { break scanning }
          index = end + 1
        case UInt8(ascii: "]"):  // OSC: up to BEL or ESC \
          var end = index + 2
          while end < count, bytes[end] != 0x07,
            !(bytes[end] == 0x1b && end + 1 < count && bytes[end + 1] == UInt8(ascii: "\\"))
          {
            end += 1
          }
          guard end < count else { break scanning }
          index = end + (bytes[end] == 0x07 ? 1 : 2)
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"):
          index += 3  // character set designation
        default:
          index += 2  // ESC =, ESC >, ESC 7 …
        }
      case 0x0d, 0x07:  // CR, BEL
        index += 1
      default:
        output.append(byte)
        index += 1
      }
    }
    return output
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<
    Int
  >? {
    guard !needle.isEmpty else { return start..<start }
    guard haystack.count - start >= needle.count else { return nil }
    for offset in start...(haystack.count - needle.count)
    where haystack[offset..<offset + needle.count].elementsEqual(needle) {
      return offset..<offset + needle.count
    }
    return nil
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  private static func systemError() -> String { String(cString: strerror(errno)) }
}
