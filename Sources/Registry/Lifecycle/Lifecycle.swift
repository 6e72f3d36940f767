import GRDB
import Messages

/// The registration lifecycle of DESIGN.md §2, as a state machine:
///
///     draft → submitted → returned ⇄ submitted → accepted → reported → under_appraisal
///           → scored → recognized (excellent | pass) | not_passed → sent_to_btv
///     side exits: withdrawn (before scoring), not_reported (accepted, after D2 + grace),
///                 cancelled (from any status that is not final)
///
/// Whether a registration or report was on time is not a status: it is derived from the dates
/// (``Deadlines``). Each transition stores its date, actor and document in the audit log
/// (`status_history` view) and fails with a ``RegistryError`` naming the registration, its
/// status and the statuses the move needs:
///
///     try Lifecycle.transition(db, registration: 17, to: .accepted, on: Day(iso: "2023-03-30")!,
///                              actor: "btc.lan", document: "45-CV/BTCHU")
///     // cannot accept registration DK-2023-017: it is 'returned', expected 'submitted'
public enum Lifecycle {
  /// The legal moves, from each status.
  static let table: [RegistrationStatus: [RegistrationStatus]] = [
    .draft: [.submitted, .withdrawn, .cancelled],
    .submitted: [.returned, .accepted, .withdrawn, .cancelled],
    .returned: [.submitted, .withdrawn, .cancelled],
    .accepted: [.reported, .notReported, .withdrawn, .cancelled],
    .reported: [.underAppraisal, .withdrawn, .cancelled],
    .underAppraisal: [.scored, .withdrawn, .cancelled],
    .scored: [.recognized, .notPassed, .cancelled],
    .recognized: [.sentToBTV, .cancelled],
    .notPassed: [.sentToBTV, .cancelled],
    .sentToBTV: [],
    .withdrawn: [],
    .notReported: [],
    .cancelled: [],
  ]

  /// The statuses a registration in `status` may move to.
  ///
  ///     Lifecycle.moves(from: .returned)  // [.submitted, .withdrawn, .cancelled]
  public static func moves(from status: RegistrationStatus) -> [RegistrationStatus] {
    table[status] ?? []
  }

  /// The statuses from which a registration may move to `status`, in lifecycle order.
  ///
  ///     Lifecycle.sources(of: .accepted)  // [.submitted]
  public static func sources(of status: RegistrationStatus) -> [RegistrationStatus] {
    RegistrationStatus.allCases.filter { moves(from: $0).contains(status) }
  }

  /// Whether `from → to` is a legal move.
  public static func isLegal(from: RegistrationStatus, to: RegistrationStatus) -> Bool {
    moves(from: from).contains(to)
  }

  /// Moves a registration to `status`, checks the move's conditions, and audits it.
  ///
  ///     let r = try Lifecycle.transition(
  ///       db, registration: 17, to: .recognized, on: Day(iso: "2023-11-30")!, actor: "btc",
  ///       outcome: .excellent)
  ///
  /// Conditions beyond the table of moves:
  /// - `submitted` from `draft` sets `received_on` to `date` when it is empty; the first
  ///   receipt counts for timeliness, resubmissions after `returned` do not move it;
  /// - `accepted` is refused for a registration received after D1 when the campaign does not
  ///   accept late ones; `returned` and `accepted` are refused on a date before receipt;
  /// - `reported` needs a results report, `scored` a valid score sheet;
  /// - `recognized` needs `outcome` `.excellent` or `.pass`; `not_passed` sets it to
  ///   `.notPassed`;
  /// - `not_reported` only after D2 plus the campaign's grace days, on `date`.
  ///
  /// - Parameters:
  ///   - registration: The registration's id.
  ///   - status: The status to move to.
  ///   - date: The day the move takes effect (received, accepted, decided…).
  ///   - actor: Who makes the change, for the audit log.
  ///   - document: The document number behind the change.
  ///   - outcome: For `recognized`: `.excellent` or `.pass`.
  ///   - note: A free note for the audit log.
  /// - Returns: The registration after the move.
  /// - Throws: ``RegistryError`` — `illegalTransition` and the conditions above, `notFound`,
  ///   `readOnly`.
  @discardableResult
  public static func transition(
    _ db: Database, registration id: Int64, to status: RegistrationStatus, on date: Day,
    actor: String, document: String? = nil, outcome: Outcome? = nil, note: String? = nil
  ) throws -> Registration {
    try RegistryError.checkWritable(db)
    guard var registration = try Registration.fetchOne(db, key: id) else {
      throw RegistryError.notFound(entity: "registrations", key: "#\(id)")
    }
    let before = registration
    try check(db, registration, to: status, on: date, outcome: outcome)
    registration.status = status
    switch status {
    case .submitted where registration.receivedOn == nil:
      registration.receivedOn = date
    case .recognized:
      registration.outcome = outcome
    case .notPassed:
      registration.outcome = .notPassed
    default:
      break
    }
    try db.inSavepoint {
      try registration.update(db)
      var old: [(String, DatabaseValue)] = [("status", before.status.databaseValue)]
      var new: [(String, DatabaseValue)] = [("status", registration.status.databaseValue)]
      if before.receivedOn != registration.receivedOn {
        old.append(("received_on", before.receivedOn.databaseValue))
        new.append(("received_on", registration.receivedOn.databaseValue))
      }
      if before.outcome != registration.outcome {
        old.append(("outcome", before.outcome.databaseValue))
        new.append(("outcome", registration.outcome.databaseValue))
      }
      try AuditLog.record(
        db, entity: "registrations", entityId: id, action: .transition, before: old, after: new,
        actor: actor, on: date, document: document, note: note)
      return .commit
    }
    return registration
  }

  /// Moves the registration with this code; see ``transition(_:registration:to:on:actor:document:outcome:note:)``.
  ///
  /// - Throws: ``RegistryError/notFound(entity:key:)`` for an unknown code, and the errors of
  ///   the move.
  @discardableResult
  public static func transition(
    _ db: Database, code: String, to status: RegistrationStatus, on date: Day, actor: String,
    document: String? = nil, outcome: Outcome? = nil, note: String? = nil
  ) throws -> Registration {
    guard
      let id = try Int64.fetchOne(
        db, sql: "SELECT id FROM registrations WHERE code = ?", arguments: [code])
    else { throw RegistryError.notFound(entity: "registrations", key: code) }
    return try transition(
      db, registration: id, to: status, on: date, actor: actor, document: document,
      outcome: outcome, note: note)
  }

  /// Checks a move without making it.
  ///
  /// - Throws: the ``RegistryError`` the move would fail with.
  public static func check(
    _ db: Database, _ registration: Registration, to status: RegistrationStatus, on date: Day,
    outcome: Outcome? = nil
  ) throws {
    let code = registration.code
    guard isLegal(from: registration.status, to: status) else {
      throw RegistryError.illegalTransition(
        registration: code, from: registration.status, to: status, expected: sources(of: status))
    }
    switch status {
    case .accepted, .returned:
      if let received = registration.receivedOn, date < received {
        throw RegistryError.dateBeforeReceipt(
          registration: code, to: status, date: date, received: received)
      }
      if status == .accepted, let received = registration.receivedOn {
        let campaign = try Campaign.fetchOne(db, key: registration.campaignId)!
        if received > campaign.d1Registration && !campaign.lateAccepted {
          throw RegistryError.lateNotAccepted(
            registration: code, received: received, deadline: campaign.d1Registration,
            year: campaign.year)
        }
      }
    case .reported:
      let hasReport = try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM reports WHERE registration_id = ?)",
        arguments: [registration.id])!
      if !hasReport { throw RegistryError.missingReport(registration: code, to: status) }
    case .scored:
      let hasSheet = try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM appraisal_totals WHERE registration_id = ?)",
        arguments: [registration.id])!
      if !hasSheet { throw RegistryError.noValidSheets(registration: code) }
    case .recognized:
      guard outcome == .excellent || outcome == .pass else {
        throw RegistryError.missingOutcome(registration: code)
      }
    case .notReported:
      let campaign = try Campaign.fetchOne(db, key: registration.campaignId)!
      let deadlines = Deadlines(campaign)
      if !deadlines.isReportOverdue(on: date) {
        throw RegistryError.reportNotOverdue(
          registration: code, deadline: campaign.d2Report, graceDays: campaign.reportGraceDays,
          date: date)
      }
    default:
      break
    }
  }

  /// The action of moving registration `code` to `status`, as a phrase: "accept registration
  /// DK-2023-017".
  public static func action(
    to status: RegistrationStatus, code: String, in language: Language = .current
  ) -> String {
    let message: Message
    switch status {
    case .draft: message = .actionDraft
    case .submitted: message = .actionSubmit
    case .returned: message = .actionReturn
    case .accepted: message = .actionAccept
    case .reported: message = .actionReport
    case .underAppraisal: message = .actionAppraise
    case .scored: message = .actionScore
    case .recognized: message = .actionRecognize
    case .notPassed: message = .actionNotPass
    case .sentToBTV: message = .actionSendToBTV
    case .withdrawn: message = .actionWithdraw
    case .notReported: message = .actionNotReported
    case .cancelled: message = .actionCancel
    }
    return message(["code": code], in: language)
  }
}
