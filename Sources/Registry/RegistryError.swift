import GRDB
import Messages

/// A domain error a person reads: what could not be done, to which record, and why.
///
///     do {
///       try Lifecycle.transition(db, registration: id, to: .accepted, on: day, actor: "btc")
///     } catch let error as RegistryError {
///       print(error.message(in: .en))
///       // cannot accept registration DK-2023-017: it is 'returned', expected 'submitted'
///     }
///
/// Entities are named by table (`registrations`), records by their code, or `#id` when they
/// have none, columns by their SQL name.
public enum RegistryError: LocalizedFailure, Equatable {
  // Opening
  case noSuchFile(path: String)
  case cannotCreate(path: String, reason: String)
  case cannotOpen(path: String, reason: String)
  case notARegistry(path: String)
  case schemaTooNew(path: String, found: Int, supported: Int)
  case needsUpgrade(path: String, found: Int, supported: Int)
  case readOnly(path: String)
  /// Another program held the write lock for all of `seconds`; nothing was written.
  case busy(path: String, seconds: Double)

  // Lifecycle
  case illegalTransition(
    registration: String, from: RegistrationStatus, to: RegistrationStatus,
    expected: [RegistrationStatus])
  case lateNotAccepted(registration: String, received: Day, deadline: Day, year: Int)
  case reportNotOverdue(registration: String, deadline: Day, graceDays: Int, date: Day)
  case missingReport(registration: String, to: RegistrationStatus)
  case missingOutcome(registration: String)
  case noValidSheets(registration: String)
  case dateBeforeReceipt(
    registration: String, to: RegistrationStatus, date: Day, received: Day)

  // Records
  case notFound(entity: String, key: String)
  case missingValue(entity: String, key: String, column: String)
  case invalidValue(entity: String, key: String, column: String, value: String, allowed: [String])
  case invalidNumber(entity: String, key: String, column: String, value: String)
  /// A text with a NUL character, which SQLite tools and bindings cut short: refused, never
  /// stored truncated.
  case nulInText(entity: String, key: String, column: String)
  case invalidDate(
    entity: String, key: String, column: String, value: String, failure: Day.ParseFailure)
  case unknownReference(
    entity: String, key: String, target: String, value: String, suggestion: String?)
  case ambiguousReference(
    entity: String, key: String, target: String, value: String, candidates: [String])
  case duplicate(entity: String, column: String, value: String)
  case unknownColumn(entity: String, column: String, suggestion: String?)
  case notEditable(entity: String, key: String, column: String, reason: NotEditableReason)
  /// A score sheet or its points written one row at a time, past the sheet's checks: sheets are
  /// recorded whole (``ScoreSheets/record(_:registration:member:points:on:comment:actor:)``).
  case sheetsRecordedWhole(entity: String)
  case oneActiveRegistration(subject: String, year: Int, existing: String)
  case groupMismatch(entity: String, key: String, group: String, subject: String)
  case datesOrder(
    entity: String, key: String, first: String, firstValue: String, second: String,
    secondValue: String)
  case constraint(entity: String, key: String, detail: String)

  /// Why a column cannot be set directly.
  public enum NotEditableReason: Equatable, Sendable {
    /// Computed from another column (`title_folded` from `title`).
    case derived(from: String)
    /// Changed by lifecycle transitions only (`status`, `outcome`).
    case lifecycle
    /// The record's identity (`id`).
    case identity
  }

  /// The message in `language`.
  public func message(in language: Language) -> String {
    switch self {
    case .noSuchFile(let path):
      return Message.registryNoSuchFile(["path": path], in: language)
    case .cannotCreate(let path, let reason):
      return Message.registryCannotCreate(["path": path, "reason": reason], in: language)
    case .cannotOpen(let path, let reason):
      return Message.registryCannotOpen(["path": path, "reason": reason], in: language)
    case .notARegistry(let path):
      return Message.registryNotARegistry(["path": path], in: language)
    case .schemaTooNew(let path, let found, let supported):
      return Message.registrySchemaTooNew(
        ["path": path, "found": found, "supported": supported], in: language)
    case .needsUpgrade(let path, let found, let supported):
      return Message.registryNeedsUpgrade(
        ["path": path, "found": found, "supported": supported], in: language)
    case .readOnly(let path):
      return Message.registryReadOnly(
        ["path": path, "action": Message.actionWrite(in: language)], in: language)
    case .busy(let path, let seconds):
      return Message.registryBusy(
        ["path": path, "seconds": Message.seconds(seconds)], in: language)

    case .illegalTransition(let code, let from, let to, let expected) where expected.isEmpty:
      return Message.lifecycleUnreachable(
        [
          "action": Lifecycle.action(to: to, code: code, in: language),
          "status": RegistryError.quoted(from, in: language),
          "target": RegistryError.quoted(to, in: language),
        ], in: language)
    case .illegalTransition(let code, let from, let to, let expected):
      return Message.lifecycleIllegal(
        [
          "action": Lifecycle.action(to: to, code: code, in: language),
          "status": RegistryError.quoted(from, in: language),
          "expected": RegistryError.alternatives(
            expected.map { RegistryError.quoted($0, in: language) }, in: language),
        ], in: language)
    case .lateNotAccepted(let code, let received, let deadline, let year):
      return Message.lifecycleLateNotAccepted(
        [
          "action": Lifecycle.action(to: .accepted, code: code, in: language),
          "received": received.vietnamese, "days": received - deadline,
          "deadline": deadline.vietnamese, "year": year,
        ], in: language)
    case .reportNotOverdue(let code, let deadline, let grace, let date):
      return Message.lifecycleNotOverdue(
        [
          "action": Lifecycle.action(to: .notReported, code: code, in: language),
          "deadline": deadline.vietnamese, "grace": grace, "date": date.vietnamese,
        ], in: language)
    case .missingReport(let code, let to):
      return Message.lifecycleNoReport(
        ["action": Lifecycle.action(to: to, code: code, in: language)], in: language)
    case .missingOutcome(let code):
      return Message.lifecycleNoOutcome(
        ["action": Lifecycle.action(to: .recognized, code: code, in: language)], in: language)
    case .noValidSheets(let code):
      return Message.lifecycleNoSheets(
        ["action": Lifecycle.action(to: .scored, code: code, in: language)], in: language)
    case .dateBeforeReceipt(let code, let to, let date, let received):
      return Message.lifecycleDateBeforeReceipt(
        [
          "action": Lifecycle.action(to: to, code: code, in: language),
          "date": date.vietnamese, "received": received.vietnamese,
        ], in: language)

    case .notFound(let entity, let key):
      return Message.recordNotFound(
        ["entity": EntityNames.label(entity, in: language), "key": key], in: language)
    case .missingValue(let entity, let key, let column):
      return Message.recordMissingValue(
        ["entity": EntityNames.label(entity, in: language), "key": key, "column": column],
        in: language)
    case .invalidValue(let entity, let key, let column, let value, let allowed):
      return Message.recordBadValue(
        [
          "entity": EntityNames.label(entity, in: language), "key": key, "column": column,
          "value": value, "allowed": allowed.joined(separator: ", "),
        ], in: language)
    case .invalidNumber(let entity, let key, let column, let value):
      return Message.recordBadNumber(
        [
          "entity": EntityNames.label(entity, in: language), "key": key, "column": column,
          "value": value,
        ], in: language)
    case .invalidDate(let entity, let key, let column, let value, let failure):
      return Message.recordBadDate(
        [
          "entity": EntityNames.label(entity, in: language), "key": key, "column": column,
          "value": value, "reason": RegistryError.reason(failure, in: language),
        ], in: language)
    case .unknownReference(let entity, let key, let target, let value, let suggestion):
      return Message.recordUnknownReference(
        [
          "entity": EntityNames.label(entity, in: language), "key": key,
          "target": EntityNames.label(target, in: language), "value": value,
          "suggestion": suggestion.map { Message.recordDidYouMean(["value": $0], in: language) }
            ?? "",
        ], in: language)
    case .ambiguousReference(let entity, let key, let target, let value, let candidates):
      return Message.recordAmbiguousReference(
        [
          "entity": EntityNames.label(entity, in: language), "key": key,
          "target": EntityNames.label(target, in: language), "value": value,
          "candidates": candidates.joined(separator: ", "),
        ], in: language)
    case .duplicate(let entity, let column, let value):
      return Message.recordDuplicate(
        ["entity": EntityNames.label(entity, in: language), "column": column, "value": value],
        in: language)
    case .unknownColumn(let entity, let column, let suggestion):
      return Message.recordUnknownColumn(
        [
          "entity": EntityNames.label(entity, in: language), "column": column,
          "suggestion": suggestion.map { Message.recordDidYouMean(["value": $0], in: language) }
            ?? "",
        ], in: language)
    case .sheetsRecordedWhole(let entity):
      return Message.recordSheetsWhole(
        ["entity": EntityNames.label(entity, in: language)], in: language)
    case .notEditable(let entity, let key, let column, let reason):
      let because: String
      switch reason {
      case .derived(let source): because = Message.reasonDerived(["source": source], in: language)
      case .lifecycle: because = Message.reasonLifecycle(in: language)
      case .identity: because = Message.reasonIdentity(in: language)
      }
      return Message.recordNotEditable(
        [
          "entity": EntityNames.label(entity, in: language), "key": key, "column": column,
          "reason": because,
        ], in: language)
    case .oneActiveRegistration(let subject, let year, let existing):
      return Message.recordOneActive(
        ["subject": subject, "year": year, "existing": existing], in: language)
    case .groupMismatch(let entity, let key, let group, let subject):
      return Message.recordGroupMismatch(
        [
          "entity": EntityNames.label(entity, in: language), "key": key, "group": group,
          "subject": subject,
        ], in: language)
    case .datesOrder(let entity, let key, let first, let firstValue, let second, let secondValue):
      return Message.recordDatesOrder(
        [
          "entity": EntityNames.label(entity, in: language), "key": key, "first": first,
          "firstValue": firstValue, "second": second, "secondValue": secondValue,
        ], in: language)
    case .nulInText(let entity, let key, let column):
      return Message.recordNulInText(
        ["entity": EntityNames.label(entity, in: language), "key": key, "column": column],
        in: language)
    case .constraint(let entity, let key, let detail):
      return Message.recordConstraint(
        ["entity": EntityNames.label(entity, in: language), "key": key, "detail": detail],
        in: language)
    }
  }

  /// `'returned'`, or in Vietnamese `'returned' (trả lại bổ sung)`.
  static func quoted(_ status: RegistrationStatus, in language: Language) -> String {
    Message.statusQuoted(
      ["code": status.rawValue, "label": status.label(in: language)], in: language)
  }

  /// `a`, `a or b`, `a, b or c`.
  static func alternatives(_ items: [String], in language: Language) -> String {
    guard let last = items.last else { return "" }
    if items.count == 1 { return last }
    return Message.listOr(
      ["first": items.dropLast().joined(separator: ", "), "last": last], in: language)
  }

  /// Why a text is not a day, in words.
  static func reason(_ failure: Day.ParseFailure, in language: Language) -> String {
    switch failure {
    case .badFormat:
      return Message.dateBadFormat(in: language)
    case .noSuchDay(let year, let month, let day):
      return Message.dateNoSuchDay(["year": year, "month": month, "day": day], in: language)
    case .monthFirst(let suggestion):
      return Message.dateMonthFirst(["suggestion": suggestion.vietnamese], in: language)
    }
  }

  /// Fails with ``readOnly(path:)`` when `db` was opened read-only.
  static func checkWritable(_ db: Database) throws {
    if db.configuration.readonly {
      let path = try String.fetchOne(
        db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'")
      throw RegistryError.readOnly(path: path ?? "")
    }
  }
}

/// The names of entities (tables) in messages.
public enum EntityNames {
  /// The label of `table`, e.g. "đăng ký" for `registrations`; the table name when unknown.
  public static func label(_ table: String, in language: Language = .current) -> String {
    message(table)?.template(in: language) ?? table
  }

  static func message(_ table: String) -> Message? {
    switch table {
    case "units": .entityUnit
    case "people": .entityPerson
    case "collectives": .entityCollective
    case "ratings": .entityRating
    case "campaigns": .entityCampaign
    case "registrations": .entityRegistration
    case "targets": .entityTarget
    case "reports": .entityReport
    case "target_results": .entityTargetResult
    case "panel_members": .entityPanelMember
    case "rubrics": .entityRubric
    case "criteria": .entityCriterion
    case "criterion_bands": .entityBand
    case "score_sheets": .entityScoreSheet
    case "sheet_points": .entitySheetPoints
    case "reminders": .entityReminder
    case "audit_log": .entityAuditEntry
    case "subject": .entitySubject
    case "table": .entityTable
    default: nil
    }
  }
}
