import Foundation
import GRDB
import LuaBridge
import Messages
import Registry

/// The reminders from Lua (`remind.*`, in `Lua/remind.lua`): the built-in rules are computed
/// in Swift by `ReminderPlanner`, custom rules in Lua; both meet here, in the outbox.
///
///     core.remind_due(date, config, custom, evaluated)      -- rows, no side effects
///     core.remind_run(date, config, custom, evaluated, options)
///
/// `config` is `{lang = "vi", board = "BTC", rules = {{name =, enabled =, offsets =, through =,
/// subject =, body =}, …}}`; `custom` the drafts of the custom rules, `{rule =, key =,
/// recipient =, address =, unit_id =, person_id =, registration_id =, subject =, body =,
/// due_date =}`; `evaluated` maps each custom rule evaluated to its firing day (or false).
extension RegistryBinding {
  func pushReminderCore(_ L: LuaStack, add: (String, @escaping LuaFunction) -> Void) {
    add("remind_rules") { L in
      L.newTable()
      for (index, rule) in ReminderRule.builtIn.enumerated() {
        L.newTable()
        L.push(rule.name)
        L.rawSet(-2, "name")
        L.push(rule.kind.rawValue)
        L.rawSet(-2, "kind")
        L.push(rule.schedule.deadline.rawValue)
        L.rawSet(-2, "deadline")
        L.push(rule.schedule.offsets.map(Int64.init))
        L.rawSet(-2, "offsets")
        L.push(rule.schedule.through)
        L.rawSet(-2, "through")
        L.push(rule.kind.label(in: .current))
        L.rawSet(-2, "description")
        L.rawSet(-2, index + 1)
      }
      return 1
    }
    add("remind_template") { L in
      // (kind or "custom", lang) -> subject, body (body nil for "custom")
      let kind = try L.string(1)
      let language = try RegistryBinding.language(L, at: 2)
      if let builtIn = ReminderRule.Kind(rawValue: kind) {
        L.push(builtIn.subject.template(in: language))
        L.push(builtIn.body.template(in: language))
        return 2
      }
      L.push(Message.reminderCustomSubject.template(in: language))
      L.pushNil()
      return 2
    }
    add("remind_render") { L in
      // (template, values, rule) -> text
      let template = try L.string(1)
      let values = try RegistryBinding.stringFields(L, at: 2)
      let rule = try L.optionalString(3) ?? "?"
      do throws(ReminderTemplate.Failure) {
        L.push(try ReminderTemplate(template).render(values))
      } catch {
        throw LuaCallError.message(
          ReminderError.template(rule: rule, failure: error).message(in: .current))
      }
      return 1
    }
    add("remind_addressee") { L in
      L.push(Message.reminderComrade(["name": try L.string(1)], in: try Self.language(L, at: 2)))
      return 1
    }
    add("remind_context") { [unowned self] L in try self.remindContext(L) }
    add("remind_due") { [unowned self] L in try self.remindDue(L) }
    add("remind_run") { [unowned self] L in try self.remindRun(L) }
    add("remind_ics") { [unowned self] L in try self.remindCalendar(L) }
    add("remind_date") { L in
      // (text or nil) -> the ISO day (today for nil), or nil and why
      guard let text = try L.optionalString(1) else {
        L.push(Day.today().iso)
        return 1
      }
      guard let day = Day(text) else {
        L.pushNil()
        L.push(Message.badDate(["date": text]))
        return 2
      }
      L.push(day.iso)
      return 1
    }
  }

  // MARK: Custom rules' context

  /// `core.remind_context(date, lang, board, deadline, offsets, through)`: what a custom rule
  /// needs on `date` — `{date =, year =, firing =, deadline =, days_left =, values = {…}}`;
  /// `firing` is the current firing day for a `deadline`/`offsets` schedule (nil when not
  /// due), and `values` the letterhead's values (for the deadline when given). Without a
  /// campaign for the year: `{date =, year =, values = {date =, date_iso =}}`.
  func remindContext(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let date = try RegistryBinding.day(L, at: 1)
    let language = try RegistryBinding.language(L, at: 2)
    let board = try L.optionalString(3)
    let deadline = try L.optionalString(4).map { name in
      guard let deadline = CampaignDeadline(rawValue: name) else {
        throw LuaCallError.argument(4, Message.reminderBadDeadline(["deadline": name]))
      }
      return deadline
    }
    let offsets: [Int] =
      L.type(at: 5) == .table ? try [Int64].read(from: L, at: 5).map(Int.init) : []
    let through = L.isInteger(6) ? L.toInteger(6).map(Int.init) : nil
    let head = try context.withDatabase { db in
      try ReminderLetterhead.load(db, year: date.year, boardCode: board, language: language)
    }
    L.newTable()
    L.push(date.iso)
    L.rawSet(-2, "date")
    L.push(date.year)
    L.rawSet(-2, "year")
    guard let head else {
      L.push(["date": date.vietnamese, "date_iso": date.iso])
      L.rawSet(-2, "values")
      return 1
    }
    L.push(head.values(on: date, deadline: deadline))
    L.rawSet(-2, "values")
    if let deadline {
      let day = deadline.day(in: head.deadlines)
      L.push(day.iso)
      L.rawSet(-2, "deadline")
      L.push(Deadlines.daysLeft(until: day, on: date))
      L.rawSet(-2, "days_left")
      if !offsets.isEmpty {
        let schedule = ReminderSchedule(deadline: deadline, offsets: offsets, through: through)
        if let firing = schedule.firing(on: date, deadlines: head.deadlines) {
          L.push(firing.iso)
          L.rawSet(-2, "firing")
        }
      }
    }
    return 1
  }

  // MARK: Due and run

  /// `core.remind_due(date, config, custom, evaluated)`: the reminders due on `date`, each
  /// with its outbox status (`new` when the outbox does not hold it).
  func remindDue(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let date = try RegistryBinding.day(L, at: 1)
    let planner = try RegistryBinding.planner(L, at: 2)
    let plan = try context.withDatabase { db in
      var plan = try planner.plan(db, on: date)
      try RegistryBinding.addCustom(L, drafts: 3, evaluated: 4, to: &plan)
      let statuses = try ReminderOutbox.statuses(db, keys: plan.drafts.map(\.dedupeKey))
      return (plan, statuses)
    }
    L.newTable()
    for (index, draft) in plan.0.drafts.enumerated() {
      L.newTable()
      for (key, value) in [
        ("rule", draft.rule), ("recipient", draft.recipient.name), ("key", draft.recipient.key),
        ("subject", draft.subject), ("body", draft.body), ("due_date", draft.dueDate.iso),
        ("dedupe_key", draft.dedupeKey), ("status", plan.1[draft.dedupeKey] ?? "new"),
      ] {
        L.push(value)
        L.rawSet(-2, key)
      }
      if let address = draft.recipient.address {
        L.push(address)
        L.rawSet(-2, "address")
      }
      for (key, value) in [
        ("unit_id", draft.recipient.unitId), ("person_id", draft.recipient.personId),
        ("registration_id", draft.registrationId),
      ] {
        if let value {
          L.push(value)
          L.rawSet(-2, key)
        }
      }
      L.rawSet(-2, index + 1)
    }
    return 1
  }

  /// `core.remind_run(date, config, custom, evaluated, options)`: records, delivers, marks;
  /// returns the run as a table with its summary in `text`.
  func remindRun(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let date = try RegistryBinding.day(L, at: 1)
    let planner = try RegistryBinding.planner(L, at: 2)
    let options = try RunOptions(L, at: 5)
    let run = try context.withDatabase { db in
      var plan = try planner.plan(db, on: date)
      try RegistryBinding.addCustom(L, drafts: 3, evaluated: 4, to: &plan)
      let from = try options.from ?? RegistryBinding.defaultSender(db, plan: plan)
      let delivery = ReminderDelivery(
        channel: options.channel, from: from, language: planner.language,
        output: { StandardStreams.write($0) })
      let probe = context.interruptProbe
      let runner = ReminderRunner(delivery: delivery) { probe?.isPending ?? false }
      return try runner.run(db, plan: plan, dryRun: options.dryRun)
    }
    RegistryBinding.push(run, onto: L)
    return 1
  }

  /// `core.remind_ics(year, lang, path)`: the calendar's text, written to `path` when given.
  func remindCalendar(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let year = Int(try L.integer(1))
    let language = try RegistryBinding.language(L, at: 2)
    let path = try L.optionalString(3)
    let text = try context.withDatabase { db in
      try DeadlineCalendar.load(db, year: year, language: language).rendered()
    }
    if let path {
      try L.checkFileAccess(path, write: true)
      try ReportFile.write(text, to: path)  // whole or nothing, 0600, as every file we write
    }
    L.push(text)
    return 1
  }

  // MARK: Reading Lua tables

  /// The built-in rules changed as `config` says, in the letters' language, with the board.
  static func planner(_ L: LuaStack, at index: Int32) throws -> ReminderPlanner {
    var planner = ReminderPlanner()
    guard L.type(at: index) == .table else { return planner }
    planner.language = try language(L, field: "lang", of: index)
    planner.boardCode = string(L, field: "board", of: index)
    guard L.rawGet(index, "rules") == .table else {
      L.pop()
      return planner
    }
    let rules = L.top
    defer { L.pop() }
    var changed: [ReminderRule] = []
    for var rule in planner.rules {
      defer { changed.append(rule) }
      guard L.rawGet(rules, rule.name) == .table else {
        L.pop()
        continue
      }
      let spec = L.top
      defer { L.pop() }
      if L.rawGet(spec, "enabled") == .boolean { rule.isEnabled = L.toBoolean(-1) }
      L.pop()
      if L.rawGet(spec, "offsets") == .table {
        let offsets = try [Int64].read(from: L, at: L.top).map(Int.init)
        L.pop()
        let through = L.rawGet(spec, "through") == .number ? L.toInteger(-1).map(Int.init) : nil
        L.pop()
        rule.schedule = ReminderSchedule(
          deadline: rule.schedule.deadline, offsets: offsets, through: through)
      } else {
        L.pop()
      }
      rule.subject = string(L, field: "subject", of: spec)
      rule.body = string(L, field: "body", of: spec)
    }
    planner.rules = changed
    return planner
  }

  /// Adds the custom rules' drafts (table at `drafts`) and evaluations (at `evaluated`).
  static func addCustom(
    _ L: LuaStack, drafts: Int32, evaluated: Int32, to plan: inout ReminderPlan
  ) throws {
    var byRule: [String: [ReminderDraft]] = [:]
    if L.type(at: drafts) == .table {
      for position in stride(from: 1, through: L.rawLength(drafts), by: 1) {
        L.rawGet(drafts, position)
        defer { L.pop() }
        let item = L.top
        guard let rule = string(L, field: "rule", of: item),
          let key = string(L, field: "key", of: item),
          let name = string(L, field: "recipient", of: item),
          let subject = string(L, field: "subject", of: item),
          let body = string(L, field: "body", of: item),
          let due = string(L, field: "due_date", of: item).flatMap(Day.init(iso:))
        else { throw LuaCallError.argument(3, "bad draft #\(position)") }
        byRule[rule, default: []].append(
          ReminderDraft(
            rule: rule,
            recipient: ReminderRecipient(
              key: key, name: name, address: string(L, field: "address", of: item),
              unitId: integer(L, field: "unit_id", of: item),
              personId: integer(L, field: "person_id", of: item)),
            registrationId: integer(L, field: "registration_id", of: item), subject: subject,
            body: body, dueDate: due))
      }
    }
    guard L.type(at: evaluated) == .table else { return }
    var rules: [(String, Day?)] = []
    try L.forEach(evaluated) { L in
      guard let name = L.toString(-2) else { return }
      rules.append((name, L.type(at: -1) == .string ? L.toString(-1).flatMap(Day.init(iso:)) : nil))
    }
    for (name, firing) in rules.sorted(by: { $0.0 < $1.0 }) {
      plan.add(rule: name, firing: firing, drafts: byRule[name] ?? [])
    }
  }

  /// The sender: the Organization Board with its address, else `$SANGTAO_MAIL_FROM`, else
  /// the board's name at `user@host`.
  static func defaultSender(_ db: Database, plan: ReminderPlan) throws -> MailMessage.Mailbox {
    let name = plan.letterhead?.sender ?? Message.reminderDefaultSender(in: .vi)
    if let address = plan.letterhead?.board?.email, !address.isEmpty {
      return MailMessage.Mailbox(name: name, address: address)
    }
    let environment = ProcessInfo.processInfo.environment
    if let configured = environment["SANGTAO_MAIL_FROM"], !configured.isEmpty {
      return mailbox(configured, defaultName: name)
    }
    let user = environment["USER"] ?? environment["LOGNAME"] ?? "sangtao"
    var host = [CChar](repeating: 0, count: 256)
    let hostName =
      gethostname(&host, host.count - 1) == 0
      ? String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    return MailMessage.Mailbox(
      name: name, address: user + "@" + (hostName.isEmpty ? "localhost" : hostName))
  }

  /// `Name <address>`, `<address>` or `address`.
  static func mailbox(_ text: String, defaultName: String) -> MailMessage.Mailbox {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
      let name = trimmed[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
      let address = String(
        trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
      return MailMessage.Mailbox(name: name.isEmpty ? defaultName : name, address: address)
    }
    return MailMessage.Mailbox(name: defaultName, address: trimmed)
  }

  static func day(_ L: LuaStack, at index: Int32) throws -> Day {
    guard let text = try L.optionalString(index) else { return Day.today() }
    guard let day = Day(text) else {
      throw LuaCallError.argument(index, Message.badDate(["date": text]))
    }
    return day
  }

  static func language(_ L: LuaStack, at index: Int32) throws -> Language {
    guard let text = try L.optionalString(index) else { return .vi }
    guard let language = Language(rawValue: text) else {
      throw LuaCallError.argument(index, Message.reminderBadLanguage(["lang": text]))
    }
    return language
  }

  static func language(_ L: LuaStack, field: String, of index: Int32) throws -> Language {
    guard let text = string(L, field: field, of: index) else { return .vi }
    guard let language = Language(rawValue: text) else {
      throw LuaCallError.message(Message.reminderBadLanguage(["lang": text]))
    }
    return language
  }

  static func string(_ L: LuaStack, field: String, of index: Int32) -> String? {
    defer { L.pop() }
    return L.rawGet(index, field) == .string ? L.toString(-1) : nil
  }

  static func integer(_ L: LuaStack, field: String, of index: Int32) -> Int64? {
    defer { L.pop() }
    return L.rawGet(index, field) == .number ? L.toInteger(-1) : nil
  }

  /// The string and number fields of the table at `index`, as text.
  static func stringFields(_ L: LuaStack, at index: Int32) throws -> [String: String] {
    try L.check(index, is: .table)
    var values: [String: String] = [:]
    try L.forEach(index) { L in
      guard L.type(at: -2) == .string, let key = L.toString(-2) else { return }
      switch L.type(at: -1) {
      case .string: values[key] = L.toString(-1)
      case .number:
        values[key] = L.isInteger(-1) ? String(L.toInteger(-1) ?? 0) : String(L.toNumber(-1) ?? 0)
      default: break
      }
    }
    return values
  }

  /// The run as Lua sees it.
  static func push(_ run: ReminderRun, onto L: LuaStack) {
    L.newTable()
    L.push(run.date.iso)
    L.rawSet(-2, "date")
    L.push(run.channel)
    L.rawSet(-2, "channel")
    L.push(run.isDryRun)
    L.rawSet(-2, "dry_run")
    for (key, value) in [
      ("due", run.items.count), ("sent", run.sentCount), ("failed", run.failedCount),
      ("recorded", run.recorded), ("already", run.alreadySent.count),
      ("cancelled", run.cancelled.count), ("stopped", run.stopped),
      ("elsewhere", run.elsewhere.count),
    ] {
      L.push(value)
      L.rawSet(-2, key)
    }
    L.push(run.summary(in: .current))
    L.rawSet(-2, "text")
    L.newTable()
    for (index, item) in run.items.enumerated() {
      let reminder = item.reminder
      L.newTable()
      if let id = reminder.id {
        L.push(id)
        L.rawSet(-2, "id")
      }
      for (key, value) in [
        ("rule", reminder.rule), ("recipient", reminder.recipient), ("subject", reminder.subject),
        ("due_date", reminder.dueDate.iso), ("outcome", item.outcome.rawValue),
        ("status", run.isDryRun ? "new" : reminder.status),
      ] {
        L.push(value)
        L.rawSet(-2, key)
      }
      for (key, value) in [
        ("address", reminder.address), ("error", item.error), ("body", reminder.body),
      ] {
        if let value {
          L.push(value)
          L.rawSet(-2, key)
        }
      }
      L.push(reminder.attempts)
      L.rawSet(-2, "attempts")
      L.push(item.files)
      L.rawSet(-2, "files")
      L.rawSet(-2, index + 1)
    }
    L.rawSet(-2, "reminders")
  }
}

/// `remind.run`'s options: `{channel =, out =, command =, timeout =, dry_run =, from =}`.
struct RunOptions {
  var channel: ReminderDelivery.Channel = .stdout
  var dryRun = false
  var from: MailMessage.Mailbox?

  init(_ L: LuaStack, at index: Int32) throws {
    guard L.type(at: index) == .table else { return }
    dryRun = L.rawGet(index, "dry_run") != .nil && L.toBoolean(-1)
    L.pop()
    let name = RegistryBinding.string(L, field: "channel", of: index) ?? "stdout"
    switch name {
    case "stdout":
      channel = .stdout
    case "files", "file":
      let directory = RegistryBinding.string(L, field: "out", of: index) ?? "nhac-viec"
      try L.checkFileAccess(directory, write: true)
      channel = .files(directory: directory)
    case "command", "sendmail":
      // Running a program is what the sandbox forbids (os.execute, io.popen).
      try L.checkSandboxAllows("remind.run{channel = \"\(name)\"}")
      let timeout = Int(RegistryBinding.integer(L, field: "timeout", of: index) ?? 60)
      switch L.rawGet(index, "command") {
      case .table:
        let words = try [String].read(from: L, at: L.top)
        L.pop()
        channel = .command(ReminderCommand(.arguments(words), timeout: timeout))
      case .string:
        let line = L.toString(-1) ?? ""
        L.pop()
        channel = .command(.shell(line, timeout: timeout))
      default:
        L.pop()
        channel = .command(ReminderCommand(ReminderCommand.sendmail.form, timeout: timeout))
      }
    default:
      throw LuaCallError.message(Message.reminderBadChannel(["channel": name]))
    }
    if let text = RegistryBinding.string(L, field: "from", of: index) {
      from = RegistryBinding.mailbox(text, defaultName: Message.reminderDefaultSender(in: .vi))
    }
  }
}
