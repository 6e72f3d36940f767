import Messages

/// A reminder rule as data: its name, what it looks for, when it fires, and its letter.
///
/// The built-in rules (DESIGN.md §5) are ``builtIn``; a copy can change its days, its letter or
/// be switched off, and custom rules are written in Lua (`remind.rule{…}`), which gives the
/// outbox their reminders as ``ReminderDraft`` values.
///
///     var rules = ReminderRule.builtIn
///     rules[0].schedule = ReminderSchedule(deadline: .d1, offsets: [-21, -14, -7, -3])
///     rules[0].body = "Kính gửi: {addressee}\n…"
public struct ReminderRule: Hashable, Sendable {
  /// What a built-in rule looks for in the registry.
  public enum Kind: String, Sendable, CaseIterable {
    /// Grassroots organizations with no registration: a letter to each.
    case noRegistration = "no_registration"
    /// Registrations proposed for HTXS with no results report: a letter to each registrant.
    case noReport = "no_report"
    /// Appraisal team members with score sheets missing: a letter to each member.
    case missingSheets = "missing_sheets"
    /// After D1: the Organization Board learns who did not register, and who registered late.
    case lateRegistrations = "late_registrations"
    /// After D2: the Organization Board learns whose report is missing or late.
    case lateReports = "late_reports"
    /// After D3: the Organization Board learns whose score sheets are missing or late.
    case lateSheets = "late_sheets"

    /// The rule's description.
    public var label: Message {
      switch self {
      case .noRegistration: .reminderRuleNoRegistration
      case .noReport: .reminderRuleNoReport
      case .missingSheets: .reminderRuleMissingSheets
      case .lateRegistrations: .reminderRuleLateRegistrations
      case .lateReports: .reminderRuleLateReports
      case .lateSheets: .reminderRuleLateSheets
      }
    }

    /// The default subject of its letter.
    public var subject: Message {
      switch self {
      case .noRegistration: .reminderNoRegistrationSubject
      case .noReport: .reminderNoReportSubject
      case .missingSheets: .reminderMissingSheetsSubject
      case .lateRegistrations: .reminderLateRegistrationsSubject
      case .lateReports: .reminderLateReportsSubject
      case .lateSheets: .reminderLateSheetsSubject
      }
    }

    /// The default body of its letter.
    public var body: Message {
      switch self {
      case .noRegistration: .reminderNoRegistrationBody
      case .noReport: .reminderNoReportBody
      case .missingSheets: .reminderMissingSheetsBody
      case .lateRegistrations, .lateReports, .lateSheets: .reminderLateNoticeBody
      }
    }
  }

  /// The name recorded in the outbox, e.g. `no_registration`.
  public var name: String
  public var kind: Kind
  public var schedule: ReminderSchedule
  /// The subject template; nil: the default of `kind` in the letter's language.
  public var subject: String?
  /// The body template; nil: the default of `kind` in the letter's language.
  public var body: String?
  /// Whether the rule runs.
  public var isEnabled: Bool

  public init(
    name: String, kind: Kind, schedule: ReminderSchedule, subject: String? = nil,
    body: String? = nil, isEnabled: Bool = true
  ) {
    self.name = name
    self.kind = kind
    self.schedule = schedule
    self.subject = subject
    self.body = body
    self.isEnabled = isEnabled
  }

  /// The subject and body templates in force, in `language`.
  public func templates(in language: Language) -> (subject: String, body: String) {
    (subject ?? kind.subject.template(in: language), body ?? kind.body.template(in: language))
  }

  /// The rules of DESIGN.md §5, plus the notices after each deadline:
  ///
  /// | rule | days | to |
  /// |---|---|---|
  /// | `no_registration` | D1 − 14, − 7, − 3 | each grassroots organization with no registration |
  /// | `no_report` | D2 − 30, − 14, − 7 | each registrant proposed HTXS with no report |
  /// | `missing_sheets` | every day from D3 − 7 to D3 | each team member with sheets missing |
  /// | `late_registrations` | D1 + 1 | the Organization Board: who did not register, who was late |
  /// | `late_reports` | D2 + 1 | the Organization Board: reports missing or late |
  /// | `late_sheets` | D3 + 1 | the Organization Board: score sheets missing or late |
  public static let builtIn: [ReminderRule] = [
    ReminderRule(
      name: "no_registration", kind: .noRegistration,
      schedule: ReminderSchedule(deadline: .d1, offsets: [-14, -7, -3])),
    ReminderRule(
      name: "no_report", kind: .noReport,
      schedule: ReminderSchedule(deadline: .d2, offsets: [-30, -14, -7])),
    ReminderRule(
      name: "missing_sheets", kind: .missingSheets,
      schedule: .daily(.d3, from: -7, through: 0)),
    ReminderRule(
      name: "late_registrations", kind: .lateRegistrations,
      schedule: ReminderSchedule(deadline: .d1, offsets: [1])),
    ReminderRule(
      name: "late_reports", kind: .lateReports,
      schedule: ReminderSchedule(deadline: .d2, offsets: [1])),
    ReminderRule(
      name: "late_sheets", kind: .lateSheets,
      schedule: ReminderSchedule(deadline: .d3, offsets: [1])),
  ]
}
