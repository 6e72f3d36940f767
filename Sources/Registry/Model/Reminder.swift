/// A reminder in the outbox (table `reminders`); `dedupeKey` keeps each one once.
///
/// ``ReminderOutbox`` records them from a ``ReminderPlan`` and marks their delivery; see
/// ``ReminderDraft`` for what a rule computes before anything is recorded.
public struct Reminder: RegistryRecord, Hashable {
  public static let databaseTableName = "reminders"
  public var id: Int64?
  public var rule: String
  /// Who: the addressee's name.
  public var recipient: String
  /// Where: the e-mail address, when known.
  public var address: String?
  public var unitId: Int64?
  public var personId: Int64?
  public var registrationId: Int64?
  public var subject: String
  public var body: String?
  /// The day the rule fired (D1 − 14, …).
  public var dueDate: Day
  /// `stdout`, `file` or `sendmail`.
  public var channel: String
  /// `pending`, `sent`, `failed` or `cancelled`.
  public var status: String
  public var dedupeKey: String
  public var createdAt: String
  /// Deliveries tried so far.
  public var attempts: Int
  /// While a run delivers it: when that run claimed it.
  public var claimedAt: String?
  public var sentAt: String?
  /// Why the last delivery failed, or why the reminder was cancelled.
  public var error: String?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, rule: String, recipient: String, address: String? = nil,
    unitId: Int64? = nil, personId: Int64? = nil, registrationId: Int64? = nil,
    subject: String, body: String? = nil, dueDate: Day, channel: String,
    status: String = "pending", dedupeKey: String, createdAt: String, attempts: Int = 0,
    claimedAt: String? = nil, sentAt: String? = nil, error: String? = nil
  ) {
    self.id = id
    self.rule = rule
    self.recipient = recipient
    self.address = address
    self.unitId = unitId
    self.personId = personId
    self.registrationId = registrationId
    self.subject = subject
    self.body = body
    self.dueDate = dueDate
    self.channel = channel
    self.status = status
    self.dedupeKey = dedupeKey
    self.createdAt = createdAt
    self.attempts = attempts
    self.claimedAt = claimedAt
    self.sentAt = sentAt
    self.error = error
  }
}
