/// A reminder in the outbox (table `reminders`); `dedupeKey` keeps each one once.
public struct Reminder: RegistryRecord, Hashable {
  public static let databaseTableName = "reminders"
  public var id: Int64?
  public var rule: String
  public var recipient: String
  public var unitId: Int64?
  public var personId: Int64?
  public var registrationId: Int64?
  public var subject: String
  public var body: String?
  public var dueDate: Day
  /// `stdout`, `file` or `sendmail`.
  public var channel: String
  /// `pending`, `sent`, `failed` or `cancelled`.
  public var status: String
  public var dedupeKey: String
  public var createdAt: String
  public var sentAt: String?
  public var error: String?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, rule: String, recipient: String, unitId: Int64? = nil,
    personId: Int64? = nil, registrationId: Int64? = nil, subject: String, body: String? = nil,
    dueDate: Day, channel: String, status: String = "pending", dedupeKey: String,
    createdAt: String, sentAt: String? = nil, error: String? = nil
  ) {
    self.id = id
    self.rule = rule
    self.recipient = recipient
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
    self.sentAt = sentAt
    self.error = error
  }
}
