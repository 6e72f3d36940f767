/// Who a reminder is for: a stable key, the addressee's name, and the address if known.
///
///     ReminderRecipient(key: "unit:DS", name: "Đảng bộ xã Đạ Sar", address: "ds@lacduong.vn",
///                       unitId: 1)
public struct ReminderRecipient: Hashable, Sendable {
  /// Identifies the recipient in the dedupe key, whatever its name or address becomes:
  /// `unit:DS`, `person:DV-0042`, `collective:TT-DS-1`.
  public var key: String
  /// The addressee's name, as recorded in the outbox.
  public var name: String
  /// The e-mail address, when known.
  public var address: String?
  public var unitId: Int64?
  public var personId: Int64?

  public init(
    key: String, name: String, address: String? = nil, unitId: Int64? = nil,
    personId: Int64? = nil
  ) {
    self.key = key
    self.name = name
    self.address = address.flatMap { $0.isEmpty ? nil : $0 }
    self.unitId = unitId
    self.personId = personId
  }
}

/// A reminder a rule computed for a day, before the outbox records it.
///
/// Its dedupe key — rule, recipient, subject and due date — is what keeps it once: the same
/// rule firing on the same day for the same recipient makes the same key, however often it
/// runs. The subject of a built-in letter names the year and the deadline, never the day of the
/// run, so that a late run computes the same key.
public struct ReminderDraft: Hashable, Sendable {
  public var rule: String
  public var recipient: ReminderRecipient
  public var registrationId: Int64?
  public var subject: String
  public var body: String
  /// The day the rule fired.
  public var dueDate: Day

  public init(
    rule: String, recipient: ReminderRecipient, registrationId: Int64? = nil, subject: String,
    body: String, dueDate: Day
  ) {
    self.rule = rule
    self.recipient = recipient
    self.registrationId = registrationId
    self.subject = subject
    self.body = body
    self.dueDate = dueDate
  }

  /// `rule|recipient key|subject|due date`.
  ///
  ///     "no_registration|unit:DS|Nhắc đăng ký … (hạn 28/03/2023)|2023-03-14"
  public var dedupeKey: String {
    "\(rule)|\(recipient.key)|\(subject)|\(dueDate.iso)"
  }
}
