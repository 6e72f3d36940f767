import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What to do when another program holds the registry's write lock: how long to wait, when to
/// say so, and when to give up early (Ctrl-C).
///
///     let policy = BusyPolicy(timeout: 30) { path, seconds in
///       print("the registry \(path) is busy; waiting up to \(seconds) s…")
///     }
///     let registry = try Registry.open(path: path, busy: policy)
///
/// SQLite asks the policy each time the lock is still taken. A write that gives up has written
/// nothing (every write is a transaction begun before its first change) and fails with
/// ``RegistryError/busy(path:seconds:)``.
public struct BusyPolicy: Sendable {
  /// How many seconds to wait in all before giving up.
  public var timeout: Double
  /// How many seconds to wait quietly before `onWait` is told (once per wait).
  public var noticeAfter: Double
  /// Told the registry's path and `timeout` once a wait has lasted `noticeAfter`.
  public var onWait: @Sendable (_ path: String, _ timeout: Double) -> Void
  /// Asked while waiting: true gives up at once (Ctrl-C, a time limit).
  public var shouldStop: @Sendable () -> Bool

  /// A policy waiting up to `timeout` seconds.
  public init(
    timeout: Double, noticeAfter: Double = 1,
    onWait: @escaping @Sendable (_ path: String, _ timeout: Double) -> Void = { _, _ in },
    shouldStop: @escaping @Sendable () -> Bool = { false }
  ) {
    self.timeout = timeout
    self.noticeAfter = noticeAfter
    self.onWait = onWait
    self.shouldStop = shouldStop
  }

  /// Waits up to 30 seconds, quietly.
  public static let standard = BusyPolicy(timeout: 30)

  /// The busy handler SQLite calls for the connection to `path` (see `sqlite3_busy_handler`):
  /// true to try again after a short sleep, false to give up.
  func handler(path: String) -> Database.BusyCallback {
    let wait = BusyWait()
    let policy = self
    return { tries in
      let now = BusyWait.now()
      if tries == 0 { wait.begin(at: now) }
      if policy.shouldStop() { return false }
      let waited = now - wait.start
      if waited >= policy.timeout { return false }
      if wait.tell(after: policy.noticeAfter, waited: waited) {
        policy.onWait(path, policy.timeout)
      }
      // Short sleeps at first (most locks are short), then 50 ms; a signal cuts one short.
      usleep(useconds_t(min(50_000, 1_000 * (tries + 1))))
      return true
    }
  }
}

/// The clock of one wait for the lock. SQLite calls the handler on the thread that runs the
/// statement, one wait at a time per connection.
private final class BusyWait: @unchecked Sendable {
  private(set) var start = 0.0
  private var told = false

  func begin(at now: Double) {
    start = now
    told = false
  }

  /// Whether to tell now: once per wait, after `after` seconds.
  func tell(after: Double, waited: Double) -> Bool {
    guard !told, waited >= after else { return false }
    told = true
    return true
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
