import GRDB
import Messages

/// Runs a day's reminders: records the plan in the outbox, delivers what is due and not yet
/// delivered, and marks each reminder sent or failed as soon as its delivery is known.
///
///     let plan = try ReminderPlanner().plan(db, on: Day(iso: "2023-03-14")!)
///     let run = try ReminderRunner(delivery: delivery).run(db, plan: plan)
///     print(run.summary(in: .vi))  // Nhắc việc ngày 14/03/2023, kênh file: 5 cần gửi, 5 đã gửi…
///
/// Recording is one transaction; each delivery runs outside any transaction (a slow mail
/// command never holds the registry's lock), and its result is written at once, so an
/// interrupted run loses at most the mark of the reminder being delivered. Running the same
/// day twice delivers nothing new; a failed reminder is tried again by the next run while its
/// rule still produces it.
public struct ReminderRunner {
  public var delivery: ReminderDelivery
  /// Asked before each delivery: true stops the run (Ctrl-C); the reminders not delivered yet
  /// stay pending for the next run.
  public var shouldStop: () -> Bool

  public init(delivery: ReminderDelivery, shouldStop: @escaping () -> Bool = { false }) {
    self.delivery = delivery
    self.shouldStop = shouldStop
  }

  /// Runs `plan`: records and delivers it, or with `dryRun` only says what would be sent.
  ///
  /// - Throws: ``ReminderError/insideTransaction`` inside a transaction (not for a dry run),
  ///   `readOnly`, a `DatabaseError` when SQLite fails. Delivery failures do not throw: they
  ///   are recorded and reported in the result.
  public func run(_ db: Database, plan: ReminderPlan, dryRun: Bool = false) throws -> ReminderRun {
    var run = ReminderRun(
      date: plan.date, year: plan.date.year, hasCampaign: plan.letterhead != nil,
      channel: delivery.channel.storedName, isDryRun: dryRun)
    if dryRun {
      let keys = plan.drafts.map(\.dedupeKey)
      let statuses = try ReminderOutbox.statuses(db, keys: keys)
      var seen = Set<String>()
      for draft in plan.drafts where seen.insert(draft.dedupeKey).inserted {
        let reminder = Reminder(
          rule: draft.rule, recipient: draft.recipient.name, address: draft.recipient.address,
          unitId: draft.recipient.unitId, personId: draft.recipient.personId,
          registrationId: draft.registrationId, subject: draft.subject, body: draft.body,
          dueDate: draft.dueDate, channel: delivery.channel.storedName,
          status: statuses[draft.dedupeKey] ?? "pending", dedupeKey: draft.dedupeKey,
          createdAt: "")
        switch reminder.status {
        case "sent": run.alreadySent.append(reminder)
        case "cancelled": break
        default: run.items.append(ReminderRun.Item(reminder: reminder, outcome: .wouldSend))
        }
      }
      return run
    }
    guard !db.isInsideTransaction else { throw ReminderError.insideTransaction }
    var recording = ReminderOutbox.Recording()
    try db.inTransaction(.immediate) {
      recording = try ReminderOutbox.record(db, plan: plan, channel: delivery.channel.storedName)
      return .commit
    }
    run.recorded = recording.recorded
    run.alreadySent = recording.alreadySent
    run.cancelled = recording.cancelled
    let channel = delivery.channel.storedName
    for (offset, reminder) in recording.due.enumerated() {
      if shouldStop() {
        run.stopped = recording.due.count - offset
        break
      }
      let id = reminder.id ?? 0
      var claimed = false
      try db.inTransaction(.immediate) {
        claimed = try ReminderOutbox.claim(db, id: id, now: delivery.now())
        return .commit
      }
      guard claimed else {
        run.elsewhere.append(reminder)
        continue
      }
      var item = ReminderRun.Item(reminder: reminder, outcome: .sent)
      switch delivery.deliver(
        reminder, record: try record(db, of: reminder), index: offset + 1,
        count: recording.due.count)
      {
      case .success(let files):
        item.files = files
        try db.inTransaction {
          try ReminderOutbox.markSent(db, id: id, channel: channel)
          return .commit
        }
        item.reminder.status = "sent"
      case .failure(let failure):
        let message = failure.message(in: .current)
        item.outcome = .failed
        item.error = message
        try db.inTransaction {
          try ReminderOutbox.markFailed(db, id: id, channel: channel, error: message)
          return .commit
        }
        item.reminder.status = "failed"
        item.reminder.error = message
      }
      item.reminder.attempts += 1
      item.reminder.channel = channel
      run.items.append(item)
    }
    return run
  }

  /// The record whose email the recipient's address comes from: `cá nhân DV-0001`,
  /// `đơn vị DS`.
  private func record(_ db: Database, of reminder: Reminder) throws -> String? {
    guard reminder.address == nil else { return nil }
    if let person = reminder.personId,
      let code = try String.fetchOne(
        db, sql: "SELECT code FROM people WHERE id = ?", arguments: [person])
    {
      return EntityNames.label("people") + " " + code
    }
    if let unit = reminder.unitId,
      let code = try String.fetchOne(
        db, sql: "SELECT code FROM units WHERE id = ?", arguments: [unit])
    {
      return EntityNames.label("units") + " " + code
    }
    return nil
  }
}

/// What a run of reminders did.
public struct ReminderRun: Sendable {
  /// What became of one reminder.
  public enum Outcome: String, Sendable {
    case sent
    case failed
    /// A dry run: it would be sent.
    case wouldSend = "would_send"
  }

  /// One reminder of the run.
  public struct Item: Sendable {
    /// The reminder as the outbox holds it now (for a dry run, as it would be recorded).
    public var reminder: Reminder
    public var outcome: Outcome
    /// Why delivery failed.
    public var error: String?
    /// The files written (files channel).
    public var files: [String] = []
  }

  public let date: Day
  public let year: Int
  /// Whether the date's year has a campaign.
  public let hasCampaign: Bool
  /// The stored channel name.
  public let channel: String
  public let isDryRun: Bool
  /// The reminders due now (delivered, failed, or for a dry run to be sent), in order.
  public var items: [Item] = []
  /// How many reminders this run added to the outbox.
  public var recorded = 0
  /// Reminders of the plan delivered by an earlier run.
  public var alreadySent: [Reminder] = []
  /// Undelivered reminders cancelled by this run: their day has passed or their reason is gone.
  public var cancelled: [Reminder] = []
  /// Reminders left pending because the run was stopped before delivering them.
  public var stopped = 0
  /// Reminders due that another run was delivering (or had delivered) meanwhile.
  public var elsewhere: [Reminder] = []

  public var sentCount: Int { items.filter { $0.outcome == .sent }.count }
  public var failedCount: Int { items.filter { $0.outcome == .failed }.count }

  /// The summary a person reads: one line of counts, then one line per reminder.
  public func summary(in language: Language = .current) -> String {
    var lines: [String] = []
    let counts: KeyValuePairs<String, CustomStringConvertible> = [
      "date": date.vietnamese, "channel": channel, "due": items.count, "sent": sentCount,
      "failed": failedCount, "already": alreadySent.count, "cancelled": cancelled.count,
    ]
    lines.append(
      (isDryRun ? Message.reminderDryRunSummary : Message.reminderRunSummary)(
        counts, in: language))
    if !elsewhere.isEmpty {
      lines.append(Message.reminderElsewhere(["count": elsewhere.count], in: language))
    }
    if stopped > 0 {
      lines.append(Message.reminderStopped(["count": stopped], in: language))
    }
    if !hasCampaign {
      lines.append(Message.reminderNoCampaignNote(["year": year], in: language))
    }
    for item in items {
      let reminder = item.reminder
      let recipient = reminder.address.map { "\(reminder.recipient) <\($0)>" } ?? reminder.recipient
      let detail = item.files.last ?? reminder.dueDate.vietnamese
      switch item.outcome {
      case .sent:
        lines.append(
          Message.reminderLineSent(
            ["rule": reminder.rule, "recipient": recipient, "detail": detail], in: language))
      case .wouldSend:
        lines.append(
          Message.reminderLineWould(
            ["rule": reminder.rule, "recipient": recipient, "detail": detail], in: language))
      case .failed:
        lines.append(
          Message.reminderLineFailed(
            ["rule": reminder.rule, "recipient": recipient, "error": item.error ?? ""],
            in: language))
      }
    }
    for reminder in cancelled {
      lines.append(
        Message.reminderLineCancelled(
          ["rule": reminder.rule, "recipient": reminder.recipient, "error": reminder.error ?? ""],
          in: language))
    }
    return lines.joined(separator: "\n")
  }
}
