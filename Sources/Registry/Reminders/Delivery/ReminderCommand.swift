#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A sendmail-compatible command that reads one message on its standard input (`sendmail -t`,
/// `msmtp -t`): a shell command line, or a program and its arguments.
///
///     let command = ReminderCommand.shell("msmtp -t -a lacduong")
///     switch command.run(input: Array(message.utf8)) {
///     case .success: …
///     case .failure(let failure): print(failure)  // the command '…' exited with status 1: …
///     }
///
/// The command runs synchronously, in a child process started with `posix_spawn`: nothing else
/// (no Lua code) runs meanwhile. Its standard output and error are collected; a non-zero exit,
/// a signal or the time limit is a failure carrying what it wrote on its standard error.
public struct ReminderCommand: Hashable, Sendable {
  /// How the command is given.
  public enum Form: Hashable, Sendable {
    /// A line for `/bin/sh -c`, e.g. `sendmail -t`.
    case shell(String)
    /// A program (looked up in `PATH`) and its arguments, no shell involved.
    case arguments([String])
  }

  public var form: Form
  /// Seconds before the command is stopped (SIGTERM, then SIGKILL).
  public var timeout: Int

  /// The default: `sendmail -t`, 60 seconds.
  public static let sendmail = ReminderCommand.shell("sendmail -t")

  public init(_ form: Form, timeout: Int = 60) {
    self.form = form
    self.timeout = max(1, timeout)
  }

  /// A shell command line.
  public static func shell(_ line: String, timeout: Int = 60) -> ReminderCommand {
    ReminderCommand(.shell(line), timeout: timeout)
  }

  /// The command as a person reads it in messages.
  public var text: String {
    switch form {
    case .shell(let line): line
    case .arguments(let words): words.joined(separator: " ")
    }
  }

  /// What the command wrote.
  public struct Output: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
  }

  /// Runs the command with `input` on its standard input.
  ///
  /// - Returns: its output on success (exit status 0), else the failure.
  public func run(input: [UInt8]) -> Result<Output, DeliveryFailure> {
    var argv: [String]
    let path: String
    switch form {
    case .shell(let line):
      argv = ["sh", "-c", line]
      path = "/bin/sh"
    case .arguments(let words):
      guard let first = words.first, !first.isEmpty else {
        return .failure(.commandNotStarted(command: text, reason: "empty command"))
      }
      argv = words
      path = first
    }
    // Our ends of the pipes never reach the child (close-on-exec); its ends become 0, 1, 2.
    var pipes: [[Int32]] = []
    for _ in 0..<3 {
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else {
        for pair in pipes { pair.forEach { _ = close($0) } }
        return .failure(.commandNotStarted(command: text, reason: Self.systemError()))
      }
      for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      pipes.append(ends)
    }
    let (stdinRead, stdinWrite) = (pipes[0][0], pipes[0][1])
    let (stdoutRead, stdoutWrite) = (pipes[1][0], pipes[1][1])
    let (stderrRead, stderrWrite) = (pipes[2][0], pipes[2][1])

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdinRead, 0)
    posix_spawn_file_actions_adddup2(&actions, stdoutWrite, 1)
    posix_spawn_file_actions_adddup2(&actions, stderrWrite, 2)

    // The child starts with nothing blocked and default handlers (we block SIGPIPE around
    // our writes; the console catches SIGINT).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP, SIGCHLD] {
      sigaddset(&signals, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &signals)

    let cArguments = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned: Int32
    if case .arguments = form {
      spawned = posix_spawnp(&pid, path, &actions, &attributes, cArguments, environ)
    } else {
      spawned = posix_spawn(&pid, path, &actions, &attributes, cArguments, environ)
    }
    for descriptor in [stdinRead, stdoutWrite, stderrWrite] { _ = close(descriptor) }
    guard spawned == 0 else {
      for descriptor in [stdinWrite, stdoutRead, stderrRead] { _ = close(descriptor) }
      return .failure(
        .commandNotStarted(command: text, reason: String(cString: strerror(spawned))))
    }
    let exchange = Exchange(
      pid: pid, input: input, stdin: stdinWrite, stdout: stdoutRead, stderr: stderrRead,
      deadline: Self.now() + Double(timeout))
    let result = exchange.run()
    let output = Output(
      stdout: String(decoding: result.stdout, as: UTF8.self),
      stderr: String(decoding: result.stderr, as: UTF8.self))
    switch result.ending {
    case .exited(0):
      return .success(output)
    case .exited(let status):
      return .failure(.commandFailed(command: text, status: status, stderr: output.stderr))
    case .signalled(let signal):
      return .failure(.commandKilled(command: text, signal: signal, stderr: output.stderr))
    case .timedOut:
      return .failure(.commandTimedOut(command: text, seconds: timeout))
    }
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func systemError() -> String { String(cString: strerror(errno)) }
}

/// Feeds a child its input and collects its output without ever blocking on one pipe while
/// the child blocks on another, then waits for it, within a deadline.
private struct Exchange {
  enum Ending {
    case exited(Int32)
    case signalled(Int32)
    case timedOut
  }

  /// At most this much of each output is kept.
  static let outputLimit = 64 * 1024

  let pid: pid_t
  let input: [UInt8]
  let stdin: Int32
  let stdout: Int32
  let stderr: Int32
  let deadline: Double

  func run() -> (ending: Ending, stdout: [UInt8], stderr: [UInt8]) {
    var collected: [Int32: [UInt8]] = [stdout: [], stderr: []]
    var open: Set<Int32> = [stdin, stdout, stderr]
    for descriptor in open {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
    if input.isEmpty {
      _ = close(stdin)
      open.remove(stdin)
    }
    var written = 0
    // A child that exits without reading its input makes our write fail with EPIPE; SIGPIPE
    // must not end this process meanwhile. Blocked here, consumed below if it came.
    var pipeSignal = sigset_t()
    sigemptyset(&pipeSignal)
    sigaddset(&pipeSignal, SIGPIPE)
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
    defer {
      var pending = sigset_t()
      sigpending(&pending)
      if sigismember(&pending, SIGPIPE) == 1 && sigismember(&previous, SIGPIPE) == 0 {
        var none = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&pipeSignal, nil, &none)
      }
      pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while !open.isEmpty {
      let remaining = deadline - ReminderCommand.now()
      if remaining <= 0 { break }
      var descriptors = open.map { descriptor in
        pollfd(fd: descriptor, events: Int16(descriptor == stdin ? POLLOUT : POLLIN), revents: 0)
      }
      let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(remaining, 1) * 1000))
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      for descriptor in descriptors where descriptor.revents != 0 {
        if descriptor.fd == stdin {
          let count = input[written...].withUnsafeBytes { bytes in
            write(stdin, bytes.baseAddress, bytes.count)
          }
          if count > 0 { written += count }
          if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
            _ = close(stdin)
            open.remove(stdin)
          }
        } else {
          let count = read(descriptor.fd, &buffer, buffer.count)
          if count > 0 {
            if collected[descriptor.fd, default: []].count < Self.outputLimit {
              collected[descriptor.fd, default: []].append(contentsOf: buffer[0..<count])
            }
          } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            _ = close(descriptor.fd)
            open.remove(descriptor.fd)
          }
        }
      }
    }
    for descriptor in open { _ = close(descriptor) }
    let ending = wait()
    return (ending, collected[stdout] ?? [], collected[stderr] ?? [])
  }

  /// Waits for the child until the deadline, then stops it.
  private func wait() -> Ending {
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid { return Self.ending(status) }
      if result < 0 && errno != EINTR { return .exited(-1) }
      if ReminderCommand.now() >= deadline { break }
      usleep(5_000)
    }
    kill(pid, SIGTERM)
    for _ in 0..<100 {
      if waitpid(pid, &status, WNOHANG) == pid { return .timedOut }
      usleep(10_000)
    }
    kill(pid, SIGKILL)
    _ = waitpid(pid, &status, 0)
    return .timedOut
  }

  private static func ending(_ status: Int32) -> Ending {
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
  }
}
