import GRDB
import Messages

/// What is due on a day: the reminders the rules compute, and which rules were asked.
///
/// A plan has no side effects; ``ReminderOutbox/record(_:plan:channel:at:)`` records it.
public struct ReminderPlan: Sendable {
  /// The day the plan is for.
  public let date: Day
  /// The letterhead of the campaign of the date's year; nil when there is no campaign.
  public let letterhead: ReminderLetterhead?
  /// The reminders due, rule by rule in the order of the rules.
  public var drafts: [ReminderDraft]
  /// The rules evaluated for this day, with their current firing day (nil when the rule is not
  /// due). Reminders of these rules that the outbox holds undelivered and that this plan no
  /// longer contains are cancelled by a run: their day has passed, or their reason has gone
  /// (the unit registered meanwhile). Reminders of other rules are left alone.
  public var evaluated: [String: Day?]

  public init(
    date: Day, letterhead: ReminderLetterhead?, drafts: [ReminderDraft] = [],
    evaluated: [String: Day?] = [:]
  ) {
    self.date = date
    self.letterhead = letterhead
    self.drafts = drafts
    self.evaluated = evaluated
  }

  /// Adds the reminders of a rule computed elsewhere (a custom rule written in Lua).
  ///
  /// - Parameters:
  ///   - rule: The rule's name.
  ///   - firing: Its current firing day, nil when it is not due.
  ///   - drafts: What it computed.
  public mutating func add(rule: String, firing: Day?, drafts: [ReminderDraft]) {
    evaluated[rule] = .some(firing)
    self.drafts += drafts
  }
}

/// Computes the reminders due on a day from the rules and the registry, without writing.
///
/// Every rule reads the registry as it was on the day: a registration counts from the day it
/// was received (`received_on`), a report from `submitted_on`, a proposal for HTXS from
/// `proposed_on`, a score sheet from `scored_on` — so a registry holding the whole year
/// answers for any day of it. Statuses are read as they are now: withdrawn and cancelled
/// registrations do not count.
///
///     let planner = ReminderPlanner()                 // the built-in rules, in Vietnamese
///     let plan = try planner.plan(db, on: Day(iso: "2023-03-14")!)
///     plan.drafts.map(\.recipient.name)               // the units with no registration
public struct ReminderPlanner: Sendable {
  public var rules: [ReminderRule]
  /// The language of the letters.
  public var language: Language
  /// The code of the Organization Board's unit; nil: `BTC` or the advisory board named so.
  public var boardCode: String?

  public init(
    rules: [ReminderRule] = ReminderRule.builtIn, language: Language = .vi,
    boardCode: String? = nil
  ) {
    self.rules = rules
    self.language = language
    self.boardCode = boardCode
  }

  /// The reminders due on `date`: those of every enabled rule whose firing is current
  /// (see ``ReminderSchedule``), in the campaign of the date's year.
  ///
  /// - Throws: ``ReminderError/template(rule:failure:)`` for a template that cannot be
  ///   filled; `notFound` for an unknown board code; a `DatabaseError` when SQLite fails.
  public func plan(_ db: Database, on date: Day) throws -> ReminderPlan {
    let head = try ReminderLetterhead.load(
      db, year: date.year, boardCode: boardCode, language: language)
    var plan = ReminderPlan(date: date, letterhead: head)
    for rule in rules where rule.isEnabled {
      guard let head else {
        plan.evaluated[rule.name] = .some(nil)
        continue
      }
      let firing = rule.schedule.firing(on: date, deadlines: head.deadlines)
      plan.evaluated[rule.name] = .some(firing)
      guard let firing else { continue }
      let evaluation = RuleEvaluation(
        db: db, rule: rule, head: head, date: date, firing: firing)
      plan.drafts += try evaluation.drafts()
    }
    return plan
  }
}

/// One rule on one day.
struct RuleEvaluation {
  let db: Database
  let rule: ReminderRule
  let head: ReminderLetterhead
  let date: Day
  let firing: Day

  var language: Language { head.language }
  var campaignId: Int64 { head.campaign.id ?? 0 }

  func drafts() throws -> [ReminderDraft] {
    switch rule.kind {
    case .noRegistration: try noRegistration()
    case .noReport: try noReport()
    case .missingSheets: try missingSheets()
    case .lateRegistrations: try lateRegistrations()
    case .lateReports: try lateReports()
    case .lateSheets: try lateSheets()
    }
  }

  /// A draft of this rule for `recipient`, its templates filled with the letterhead's values
  /// for the rule's deadline and `values`.
  func draft(
    to recipient: ReminderRecipient, registration: Int64? = nil, values: [String: String]
  ) throws -> ReminderDraft {
    var all = head.values(on: date, deadline: rule.schedule.deadline)
    all["rule"] = rule.name
    all["name"] = recipient.name
    all["email"] = recipient.address ?? ""
    all.merge(values) { $1 }
    let (subject, body) = rule.templates(in: language)
    do {
      return ReminderDraft(
        rule: rule.name, recipient: recipient, registrationId: registration,
        subject: try ReminderTemplate(subject).render(all),
        body: try ReminderTemplate(body).render(all), dueDate: firing)
    } catch {
      throw ReminderError.template(rule: rule.name, failure: error)
    }
  }

  /// The Organization Board as the recipient of a notice.
  var board: ReminderRecipient {
    if let unit = head.board {
      return ReminderRecipient(
        key: "unit:" + unit.code, name: unit.name, address: unit.email, unitId: unit.id)
    }
    return ReminderRecipient(key: "board", name: head.sender)
  }

  var boardAddressee: String {
    Message.reminderBoardAddressee(["sender": head.sender], in: language)
  }
}
