import GRDB
import Messages
import Registry
import Synchronization
import TestSupport
import Testing

/// Two connections to one file, as a console and a cron script: the second waits for the
/// first's write transaction, says so once, and gives up cleanly.
@Suite(.serialized) struct BusyPolicyTests {
  /// A registry file, a connection holding its write lock, and a second registry on it.
  func holdLock(_ path: String) throws -> DatabaseQueue {
    _ = try Registry.open(path: path)
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true  // the lock outlives one access, on purpose
    let holder = try DatabaseQueue(path: path, configuration: configuration)
    try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
    return holder
  }

  @Test func aWriterWaitsSaysSoOnceAndGivesUpWithNothingWritten() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("busy.sangtao")
    let holder = try holdLock(path)
    let notices = Mutex<[String]>([])
    let registry = try Registry.open(
      path: path,
      busy: BusyPolicy(timeout: 0.6, noticeAfter: 0.1) { path, seconds in
        notices.withLock { $0.append("\(path) \(seconds)") }
      })
    var thrown: Error?
    do {
      try registry.queue.inDatabase { db in
        try db.inTransaction(.immediate) {
          try Records.insert(
            db, into: "units", values: ["code": "X", "name": "X", "kind": "cell"], actor: "t")
          return .commit
        }
      }
    } catch {
      thrown = registry.explain(error)
    }
    #expect(thrown as? RegistryError == .busy(path: path, seconds: 0.6))
    #expect(notices.withLock { $0 } == ["\(path) 0.6"])
    #expect(
      RegistryError.busy(path: path, seconds: 30).message(in: .en)
        == "the registry \(path) was still busy after waiting 30 s: another program holds a write transaction; nothing was written, try again later"
    )
    try holder.inDatabase { try $0.execute(sql: "COMMIT") }
    // The lock is free: the same write now succeeds.
    try registry.queue.inDatabase { db in
      try db.inTransaction(.immediate) {
        try Records.insert(
          db, into: "units", values: ["code": "X", "name": "X", "kind": "cell"], actor: "t")
        return .commit
      }
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM units") == 1)
    }
  }

  @Test func aWaitEndsAtOnceWhenAskedToStop() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("stop.sangtao")
    let holder = try holdLock(path)
    defer { try? holder.inDatabase { try $0.execute(sql: "ROLLBACK") } }
    let registry = try Registry.open(
      path: path, busy: BusyPolicy(timeout: 30, shouldStop: { true }))
    let start = ContinuousClock.now
    #expect(throws: DatabaseError.self) {
      try registry.queue.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
    }
    #expect(ContinuousClock.now - start < .seconds(2))
  }

  @Test func readersNeverWaitForAWriter() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("read.sangtao")
    let holder = try holdLock(path)
    defer { try? holder.inDatabase { try $0.execute(sql: "ROLLBACK") } }
    let registry = try Registry.open(path: path, busy: BusyPolicy(timeout: 0.1))
    #expect(
      try registry.queue.inDatabase { try Int.fetchOne($0, sql: "SELECT count(*) FROM units") } == 0
    )
  }
}
