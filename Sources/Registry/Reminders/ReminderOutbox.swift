import GRDB
import Messages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reminders outbox (table `reminders`): each reminder recorded once, then delivered and
/// marked, so that a daily run is idempotent.
///
/// A run records its plan in one transaction (``record(_:plan:channel:at:)``), delivers the
/// reminders that are due and not delivered yet, each outside any transaction, and marks each
/// one as soon as its delivery is known (``markSent(_:id:channel:at:)``,
/// ``markFailed(_:id:channel:error:at:)``). A failed reminder stays in the outbox and is tried
/// again by the next run while its rule still produces it; it is never recorded twice.
///
///     let plan = try ReminderPlanner().plan(db, on: day)
///     let recording = try ReminderOutbox.record(db, plan: plan, channel: "sendmail")
///     for reminder in recording.due { … deliver, then mark … }
public enum ReminderOutbox {
  /// What recording a plan did.
  public struct Recording: Sendable {
    /// The reminders of the plan to deliver now, in the plan's order: new ones and those not
    /// delivered yet (pending or failed).
    public var due: [Reminder] = []
    /// How many of them were recorded by this call.
    public var recorded = 0
    /// The plan's reminders delivered before.
    public var alreadySent: [Reminder] = []
    /// Undelivered reminders of the plan's rules that the plan no longer contains, now
    /// cancelled.
    public var cancelled: [Reminder] = []
    /// The plan's reminders cancelled before (by hand, or by an earlier run): not delivered.
    public var alreadyCancelled: [Reminder] = []
  }

  /// Records the reminders of `plan` that the outbox does not hold yet (status `pending`),
  /// refreshes the text of those not delivered yet, and cancels the undelivered reminders of
  /// the plan's rules that it no longer contains. One savepoint: all or nothing.
  ///
  /// - Parameters:
  ///   - channel: The stored channel name (`stdout`, `file`, `sendmail`) of new reminders.
  ///   - timestamp: `created_at` of new reminders; now by default.
  /// - Throws: `readOnly`; a `DatabaseError` when SQLite fails.
  public static func record(
    _ db: Database, plan: ReminderPlan, channel: String, at timestamp: String? = nil
  ) throws -> Recording {
    try RegistryError.checkWritable(db)
    let now = timestamp ?? AuditLog.timestamp()
    var recording = Recording()
    try db.inSavepoint {
      var keys = Set<String>()
      for draft in plan.drafts {
        let key = draft.dedupeKey
        guard keys.insert(key).inserted else { continue }  // a rule listing someone twice
        if var existing = try Reminder.fetchOne(
          db, sql: "SELECT * FROM reminders WHERE dedupe_key = ?", arguments: [key])
        {
          switch existing.status {
          case "sent":
            recording.alreadySent.append(existing)
          case "cancelled":
            recording.alreadyCancelled.append(existing)
          default:
            // Not delivered yet: the letter says what is true today (days left, the list).
            existing.recipient = draft.recipient.name
            existing.address = draft.recipient.address
            existing.body = draft.body
            existing.unitId = draft.recipient.unitId
            existing.personId = draft.recipient.personId
            existing.registrationId = draft.registrationId
            try existing.update(db)
            recording.due.append(existing)
          }
        } else {
          var reminder = Reminder(
            rule: draft.rule, recipient: draft.recipient.name, address: draft.recipient.address,
            unitId: draft.recipient.unitId, personId: draft.recipient.personId,
            registrationId: draft.registrationId, subject: draft.subject, body: draft.body,
            dueDate: draft.dueDate, channel: channel, dedupeKey: key, createdAt: now)
          try reminder.insert(db)
          recording.due.append(reminder)
          recording.recorded += 1
        }
      }
      let rules = Array(plan.evaluated.keys)
      if !rules.isEmpty {
        let stale = try Reminder.fetchAll(
          db,
          sql: """
            SELECT * FROM reminders
            WHERE status IN ('pending','failed') AND rule IN (\(databaseQuestionMarks(count: rules.count)))
            ORDER BY id
            """, arguments: StatementArguments(rules))
        let reason = Message.reminderNoLongerDue(["date": plan.date.vietnamese])
        for var reminder in stale where !keys.contains(reminder.dedupeKey) {
          reminder.status = "cancelled"
          reminder.error = reason
          try reminder.update(db)
          recording.cancelled.append(reminder)
        }
      }
      return .commit
    }
    return recording
  }

  /// The outbox status of each of `keys` that it holds.
  ///
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func statuses(_ db: Database, keys: [String]) throws -> [String: String] {
    var result: [String: String] = [:]
    for chunk in stride(from: 0, to: keys.count, by: 500) {
      let part = Array(keys[chunk..<min(chunk + 500, keys.count)])
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT dedupe_key, status FROM reminders
          WHERE dedupe_key IN (\(databaseQuestionMarks(count: part.count)))
          """, arguments: StatementArguments(part))
      {
        result[row[0]] = row[1]
      }
    }
    return result
  }

  /// How long a run's claim on a reminder holds: a run that died while delivering it (a
  /// killed process) leaves it to the next run after this many seconds.
  public static let claimSeconds = 15 * 60

  /// Claims reminder `id` for delivery by this run, counting the attempt: false when it is
  /// delivered or cancelled meanwhile, or another run claimed it less than
  /// ``claimSeconds`` ago — two runs at once never deliver it twice.
  ///
  /// - Parameter now: Seconds since 1970.
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func claim(_ db: Database, id: Int64, now: Int = Int(time(nil))) throws -> Bool {
    try db.execute(
      sql: """
        UPDATE reminders SET claimed_at = ?, attempts = attempts + 1
        WHERE id = ? AND status IN ('pending','failed')
          AND (claimed_at IS NULL OR claimed_at < ?)
        """, arguments: [timestamp(now), id, timestamp(now - claimSeconds)])
    return db.changesCount == 1
  }

  /// Marks reminder `id` delivered through `channel`, ending its claim.
  ///
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func markSent(
    _ db: Database, id: Int64, channel: String, at timestamp: String? = nil
  ) throws {
    try db.execute(
      sql: """
        UPDATE reminders SET status = 'sent', channel = ?, sent_at = ?, error = NULL,
          claimed_at = NULL
        WHERE id = ?
        """, arguments: [channel, timestamp ?? AuditLog.timestamp(), id])
  }

  /// Marks reminder `id` failed through `channel`, with why, ending its claim.
  ///
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func markFailed(_ db: Database, id: Int64, channel: String, error: String)
    throws
  {
    try db.execute(
      sql: """
        UPDATE reminders SET status = 'failed', channel = ?, error = ?, claimed_at = NULL
        WHERE id = ?
        """, arguments: [channel, error, id])
  }

  /// `seconds` since 1970 as UTC `YYYY-MM-DDTHH:MM:SSZ`, as ``AuditLog/timestamp()`` writes.
  static func timestamp(_ seconds: Int) -> String {
    let day = Day(ordinal: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    let rest = seconds - day.ordinal * 86400
    var bytes = Array(day.iso.utf8)
    bytes.append(UInt8(ascii: "T"))
    Day.appendDigits(rest / 3600, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    Day.appendDigits(rest / 60 % 60, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    Day.appendDigits(rest % 60, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }
}
