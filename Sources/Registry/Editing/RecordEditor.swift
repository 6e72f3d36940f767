import GRDB

/// Turns values as people give them into the values a table stores, collecting every problem
/// (see ``Records``).
struct RecordEditor {
  let db: Database
  let entity: Schema.Entity
  /// The record being changed; nil for a new one.
  let existing: Row?
  let resolver: ReferenceResolver

  /// A problem with one given value (`input`, as named by the caller) or with the record.
  struct Issue {
    var input: String?
    var error: RegistryError
  }

  /// The stored values, the problems, and the lifecycle part of a change.
  struct Prepared {
    /// Column → value, for the columns given (and those the entity's rules derive).
    var values: [String: DatabaseValue] = [:]
    var issues: [Issue] = []
    /// How messages name the record.
    var key: String
    /// For registrations being changed: the status asked for.
    var status: RegistrationStatus?
    /// For registrations being changed: the outcome asked for with `recognized`.
    var outcome: Outcome?
    /// Which input named each column, for issues found by the entity's rules.
    var inputs: [String: String] = [:]
  }

  var table: String { entity.table }

  /// The names a subject is given by.
  static let subjectInputs: Set<String> = [
    "subject", "person", "collective", "person_id", "collective_id",
  ]
  var isNew: Bool { existing == nil }

  func prepare(_ input: [String: DatabaseValue]) throws -> Prepared {
    var prepared = Prepared(key: initialKey(input))
    let order = Dictionary(
      uniqueKeysWithValues: entity.columns.enumerated().map { ($1.name, $0) })
    let keys = input.keys.sorted { a, b in
      (order[a] ?? Int.max, a) < (order[b] ?? Int.max, b)
    }
    for name in keys {
      let value = input[name]!
      if name == "subject", entity.relation("subject") != nil {
        try setSubject(value, input: name, into: &prepared)
        continue
      }
      guard let column = targetColumn(for: name) else {
        let names = entity.columns.map(\.name) + entity.relations.map(\.name)
        prepared.issues.append(
          Issue(
            input: name,
            error: .unknownColumn(
              entity: table, column: name,
              suggestion: Similarity.suggestion(for: name, among: names))))
        continue
      }
      if column.isPrimaryKey {
        prepared.issues.append(
          Issue(
            input: name,
            error: .notEditable(
              entity: table, key: prepared.key, column: name, reason: .identity)))
        continue
      }
      if table == "registrations" && column.name == "title_folded" {
        prepared.issues.append(
          Issue(
            input: name,
            error: .notEditable(
              entity: table, key: prepared.key, column: name, reason: .derived(from: "title"))))
        continue
      }
      switch normalize(value, column: column, key: prepared.key) {
      case .success(let stored):
        if table == "registrations" && !isNew
          && (column.name == "status" || column.name == "outcome")
        {
          if column.name == "status" {
            prepared.status = String.fromDatabaseValue(stored).flatMap(RegistrationStatus.init)
          } else {
            prepared.outcome = String.fromDatabaseValue(stored).flatMap(Outcome.init)
          }
          continue
        }
        prepared.values[column.name] = stored
        prepared.inputs[column.name] = name
      case .failure(let error):
        prepared.issues.append(Issue(input: name, error: error))
      }
    }
    if prepared.outcome != nil && prepared.status == nil {
      // An outcome comes with the move that decides it (recognized, not_passed…), never alone.
      prepared.issues.append(
        Issue(
          input: "outcome",
          error: .notEditable(
            entity: table, key: prepared.key, column: "outcome", reason: .lifecycle)))
    }
    try applyRules(&prepared)
    checkRequired(&prepared)
    return prepared
  }

  /// The column a given name sets: a column, a relation (`unit` → `unit_id`), or `year` for the
  /// campaign.
  func targetColumn(for name: String) -> Schema.Column? {
    if let column = entity.column(name) { return column }
    if let relation = entity.relation(name), relation.kind == .belongsTo {
      return entity.column(relation.column)
    }
    if name == "year", let column = entity.column("campaign_id") { return column }
    return nil
  }

  func initialKey(_ input: [String: DatabaseValue]) -> String {
    if let existing { return Self.key(of: existing, entity: entity) }
    if table == "campaigns", let year = input["year"].flatMap(Self.integer) { return String(year) }
    for column in [entity.keyColumn, entity.nameColumn].compactMap({ $0 }) {
      if let text = input[column].flatMap(String.fromDatabaseValue), !text.isEmpty {
        let name = VietnameseText.nfc(Self.trimmed(text))
        if column == entity.keyColumn { return name }
        return "'" + (name.count > 40 ? name.prefix(39) + "…" : name) + "'"
      }
    }
    return "?"
  }

  /// How messages name a stored record: its code, else `#id`.
  static func key(of row: Row, entity: Schema.Entity) -> String {
    if let column = entity.keyColumn, let code: String = row[column] { return code }
    if entity.table == "campaigns", let year: Int = row["year"] { return String(year) }
    return "#\(row["id"] as Int64? ?? 0)"
  }

  /// Whether a stored value and a new one are the same.
  static func same(_ a: DatabaseValue, _ b: DatabaseValue) -> Bool {
    switch (a.storage, b.storage) {
    case (.null, .null): return true
    case (.int64(let x), .int64(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.int64(let x), .double(let y)), (.double(let y), .int64(let x)): return Double(x) == y
    case (.string(let x), .string(let y)): return x == y
    case (.blob(let x), .blob(let y)): return x == y
    default: return false
    }
  }

  // MARK: Values

  func normalize(_ value: DatabaseValue, column: Schema.Column, key: String) -> Result<
    DatabaseValue, RegistryError
  > {
    let display = Records.text(value)
    if case .string(let text) = value.storage, text.utf8.contains(0) {
      return .failure(.nulInText(entity: table, key: key, column: column.name))
    }
    if case .string(let text) = value.storage, text.trimmingASCIIWhitespace().isEmpty {
      return .success(.null)
    }
    if value.isNull { return .success(.null) }
    if let reference = column.references {
      do {
        switch try resolver.resolve(db, table: reference.table, value: value) {
        case .found(let id): return .success(id.databaseValue)
        case .missing(let suggestion):
          return .failure(
            .unknownReference(
              entity: table, key: key, target: reference.table, value: display,
              suggestion: suggestion))
        case .ambiguous(let candidates):
          return .failure(
            .ambiguousReference(
              entity: table, key: key, target: reference.table, value: display,
              candidates: candidates))
        }
      } catch {
        return .failure(.constraint(entity: table, key: key, detail: "\(error)"))
      }
    }
    if column.isDate {
      guard case .string(let text) = value.storage else {
        return .failure(
          .invalidDate(
            entity: table, key: key, column: column.name, value: display, failure: .badFormat))
      }
      switch Day.parse(text) {
      case .success(let day): return .success(day.iso.databaseValue)
      case .failure(let failure):
        return .failure(
          .invalidDate(
            entity: table, key: key, column: column.name, value: display, failure: failure))
      }
    }
    if column.isBoolean {
      if let flag = Self.flag(value) { return .success((flag ? 1 : 0).databaseValue) }
      return .failure(
        .invalidValue(
          entity: table, key: key, column: column.name, value: display, allowed: ["0", "1"]))
    }
    if let allowed = column.allowedValues {
      if column.sqlType == "INTEGER", let number = Self.integer(value),
        allowed.contains(String(number))
      {
        return .success(number.databaseValue)
      }
      if let code = CodeLabels.code(
        for: display.trimmingASCIIWhitespace(), table: table, column: column.name,
        allowed: allowed)
      {
        return .success(code.databaseValue)
      }
      return .failure(
        .invalidValue(
          entity: table, key: key, column: column.name, value: display, allowed: allowed))
    }
    switch column.sqlType {
    case "INTEGER":
      if let number = Self.integer(value) { return .success(number.databaseValue) }
      return .failure(.invalidNumber(entity: table, key: key, column: column.name, value: display))
    case "REAL":
      if let number = Self.real(value) { return .success(number.databaseValue) }
      return .failure(.invalidNumber(entity: table, key: key, column: column.name, value: display))
    default:
      switch value.storage {
      case .string(let text):
        return .success(VietnameseText.nfc(Self.trimmed(text)).databaseValue)
      case .blob:
        return .success(value)
      default:
        return .success(display.databaseValue)
      }
    }
  }

  /// Text without surrounding white space (inner line breaks stay).
  static func trimmed(_ text: String) -> String {
    if let first = text.utf8.first, let last = text.utf8.last, first > 32, first < 0x80,
      last > 32, last < 0x80
    {
      return text
    }
    var scalars = Substring(text).unicodeScalars[...]
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }

  static func integer(_ value: DatabaseValue) -> Int64? {
    switch value.storage {
    case .int64(let number): return number
    case .double(let number) where number == number.rounded() && abs(number) < 9e15:
      return Int64(number)
    case .string(let text):
      let cleaned = text.trimmingASCIIWhitespace()
      if let number = Int64(cleaned) { return number }
      if let number = Double(cleaned.replacingComma()), number == number.rounded(),
        abs(number) < 9e15
      {
        return Int64(number)
      }
      return nil
    default: return nil
    }
  }

  static func real(_ value: DatabaseValue) -> Double? {
    switch value.storage {
    case .int64(let number): return Double(number)
    case .double(let number): return number.isFinite ? number : nil
    case .string(let text):
      let number = Double(text.trimmingASCIIWhitespace().replacingComma())
      return number?.isFinite == true ? number : nil
    default: return nil
    }
  }

  static func flag(_ value: DatabaseValue) -> Bool? {
    switch value.storage {
    case .int64(let number) where number == 0 || number == 1: return number == 1
    case .double(let number) where number == 0 || number == 1: return number == 1
    case .string(let text):
      switch VietnameseText.fold(text) {
      case "1", "x", "true", "yes", "co", "dung", "c": return true
      case "0", "false", "no", "khong", "sai", "k": return false
      default: return nil
      }
    default: return nil
    }
  }

  // MARK: Subjects

  func setSubject(_ value: DatabaseValue, input: String, into prepared: inout Prepared) throws {
    let display = Records.text(value)
    let person = try resolver.resolve(db, table: "people", value: value)
    let collective = try resolver.resolve(db, table: "collectives", value: value)
    switch (person, collective) {
    case (.found(let id), .found(let other)):
      prepared.issues.append(
        Issue(
          input: input,
          error: .ambiguousReference(
            entity: table, key: prepared.key, target: "subject", value: display,
            candidates: [try subjectName(.person(id)), try subjectName(.collective(other))])))
    case (.found(let id), _):
      prepared.values["person_id"] = id.databaseValue
      prepared.values["collective_id"] = .null
      prepared.inputs["person_id"] = input
    case (_, .found(let id)):
      prepared.values["collective_id"] = id.databaseValue
      prepared.values["person_id"] = .null
      prepared.inputs["collective_id"] = input
    case (.ambiguous, _), (_, .ambiguous):
      var candidates: [String] = []
      if case .ambiguous(let names) = person { candidates += names }
      if case .ambiguous(let names) = collective { candidates += names }
      prepared.issues.append(
        Issue(
          input: input,
          error: .ambiguousReference(
            entity: table, key: prepared.key, target: "subject", value: display,
            candidates: candidates)))
    default:
      var suggestion: String?
      if case .missing(let s) = person { suggestion = s }
      if suggestion == nil, case .missing(let s) = collective { suggestion = s }
      prepared.issues.append(
        Issue(
          input: input,
          error: .unknownReference(
            entity: table, key: prepared.key, target: "subject", value: display,
            suggestion: suggestion)))
    }
  }

  /// How a message names a subject: "Nguyễn Văn An (DV-0042)" or the collective's name.
  func subjectName(_ subject: Subject) throws -> String {
    switch subject {
    case .person(let id):
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT full_name, code FROM people WHERE id = ?"), arguments: [id])
      return row.map { "\($0["full_name"] as String) (\($0["code"] as String))" } ?? "#\(id)"
    case .collective(let id):
      return try String.fetchOne(
        db.cachedStatement(sql: "SELECT name FROM collectives WHERE id = ?"), arguments: [id])
        ?? "#\(id)"
    }
  }

  // MARK: Rules

  /// The value a column will have: the new one if given, else the stored one.
  func merged(_ prepared: Prepared, _ column: String) -> DatabaseValue {
    prepared.values[column] ?? existing?[column] ?? .null
  }

  func applyRules(_ prepared: inout Prepared) throws {
    switch table {
    case "registrations": try registrationRules(&prepared)
    case "people": try codeRule(&prepared, prefix: "DV-", digits: 4)
    case "collectives": try collectiveRules(&prepared)
    case "campaigns": campaignRules(&prepared)
    case "ratings": break
    default: break
    }
    if entity.relation("subject") != nil, isNew,
      merged(prepared, "person_id").isNull && merged(prepared, "collective_id").isNull,
      !prepared.issues.contains(where: { Self.subjectInputs.contains($0.input ?? "") })
    {
      prepared.issues.append(
        Issue(
          input: "subject",
          error: .missingValue(entity: table, key: prepared.key, column: "subject")))
    }
  }

  func checkRequired(_ prepared: inout Prepared) {
    for column in entity.columns where column.isNotNull && !column.isPrimaryKey {
      let value = merged(prepared, column.name)
      let isMissing: Bool
      if isNew {
        isMissing = value.isNull && column.defaultSQL == nil
      } else {
        isMissing = prepared.values[column.name]?.isNull == true
      }
      if isMissing {
        if column.name == "title_folded" { continue }
        // The unit comes from the subject; a bad subject is reported already.
        if column.name == "unit_id" && entity.relation("subject") != nil
          && prepared.issues.contains(where: { Self.subjectInputs.contains($0.input ?? "") })
        {
          continue
        }
        if prepared.issues.contains(where: {
          $0.input == column.name || $0.input == prepared.inputs[column.name]
        }) {
          continue
        }
        if column.name == "person_id" || column.name == "collective_id" { continue }
        prepared.issues.append(
          Issue(
            input: prepared.inputs[column.name] ?? column.name,
            error: .missingValue(entity: table, key: prepared.key, column: column.name)))
      }
    }
  }

  func codeRule(_ prepared: inout Prepared, prefix: String, digits: Int) throws {
    guard isNew, merged(prepared, "code").isNull else { return }
    let last = try String.fetchOne(
      db,
      sql:
        "SELECT code FROM \(table) WHERE code GLOB ? ORDER BY length(code) DESC, code DESC LIMIT 1",
      arguments: [prefix + "[0-9]*"])
    let number = last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
    let code = prefix + Self.padded(number + 1, digits)
    prepared.values["code"] = code.databaseValue
    if prepared.key == "?" { prepared.key = code }
  }

  static func padded(_ number: Int, _ digits: Int) -> String {
    let text = String(number)
    return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
  }

  func collectiveRules(_ prepared: inout Prepared) throws {
    guard isNew, merged(prepared, "code").isNull,
      let unit = Int64.fromDatabaseValue(merged(prepared, "unit_id")),
      let unitCode = try String.fetchOne(
        db, sql: "SELECT code FROM units WHERE id = ?", arguments: [unit])
    else { return }
    try codeRule(&prepared, prefix: "TT-\(unitCode)-", digits: 1)
  }

  func campaignRules(_ prepared: inout Prepared) {
    if isNew, merged(prepared, "title").isNull,
      let year = Int.fromDatabaseValue(merged(prepared, "year"))
    {
      prepared.values["title"] = "Đăng ký mô hình mới, cách làm sáng tạo năm \(year)".databaseValue
    }
    let d1 = String.fromDatabaseValue(merged(prepared, "d1_registration"))
    let d2 = String.fromDatabaseValue(merged(prepared, "d2_report"))
    let d3 = String.fromDatabaseValue(merged(prepared, "d3_appraisal"))
    if let d1, let d2, d1 >= d2 {
      prepared.issues.append(
        Issue(
          input: prepared.inputs["d2_report"] ?? "d2_report",
          error: .datesOrder(
            entity: table, key: prepared.key, first: "d1_registration", firstValue: d1,
            second: "d2_report", secondValue: d2)))
    }
    if let d2, let d3, d2 > d3 {
      prepared.issues.append(
        Issue(
          input: prepared.inputs["d3_appraisal"] ?? "d3_appraisal",
          error: .datesOrder(
            entity: table, key: prepared.key, first: "d2_report", firstValue: d2,
            second: "d3_appraisal", secondValue: d3)))
    }
  }

  func registrationRules(_ prepared: inout Prepared) throws {
    if let title = String.fromDatabaseValue(prepared.values["title"] ?? .null) {
      prepared.values["title_folded"] = VietnameseText.fold(title).databaseValue
    }
    let subject = Subject(
      personId: Int64.fromDatabaseValue(merged(prepared, "person_id")),
      collectiveId: Int64.fromDatabaseValue(merged(prepared, "collective_id")))
    let campaign = Int64.fromDatabaseValue(merged(prepared, "campaign_id"))
    if isNew {
      if merged(prepared, "unit_id").isNull, let subject {
        let table = subject.personId != nil ? "people" : "collectives"
        let id = subject.personId ?? subject.collectiveId!
        prepared.values["unit_id"] = try Int64.fetchOne(
          db.cachedStatement(sql: "SELECT unit_id FROM \(table) WHERE id = ?"), arguments: [id])?
          .databaseValue
      }
      if merged(prepared, "grp").isNull, subject?.collectiveId != nil {
        prepared.values["grp"] = RegistrationGroup.collective.databaseValue
      }
      if merged(prepared, "code").isNull, let campaign,
        let year = try Int.fetchOne(
          db, sql: "SELECT year FROM campaigns WHERE id = ?", arguments: [campaign])
      {
        try codeRule(&prepared, prefix: "DK-\(year)-", digits: 3)
      }
      let status = String.fromDatabaseValue(merged(prepared, "status")) ?? "draft"
      if !["draft", "withdrawn", "cancelled"].contains(status),
        merged(prepared, "received_on").isNull,
        !prepared.issues.contains(where: {
          $0.input == prepared.inputs["received_on"] ?? "received_on"
        })
      {
        prepared.issues.append(
          Issue(
            input: "received_on",
            error: .missingValue(entity: table, key: prepared.key, column: "received_on")))
      }
    }
    if let subject, let group = String.fromDatabaseValue(merged(prepared, "grp")),
      (group == RegistrationGroup.collective.rawValue) != (subject.collectiveId != nil)
    {
      prepared.issues.append(
        Issue(
          input: prepared.inputs["grp"] ?? "grp",
          error: .groupMismatch(
            entity: table, key: prepared.key, group: group, subject: try subjectName(subject))))
    }
    if let start = String.fromDatabaseValue(merged(prepared, "start_on")),
      let end = String.fromDatabaseValue(merged(prepared, "end_on")), start > end
    {
      prepared.issues.append(
        Issue(
          input: prepared.inputs["end_on"] ?? "end_on",
          error: .datesOrder(
            entity: table, key: prepared.key, first: "start_on", firstValue: start,
            second: "end_on", secondValue: end)))
    }
    // One active registration per subject and year, checked when the subject, the year or
    // the activity changes (the query matches the partial index registrations_one_active).
    let status =
      prepared.status?.rawValue ?? String.fromDatabaseValue(merged(prepared, "status")) ?? "draft"
    let becomesActive: Bool = {
      guard let existing, let old = RegistrationStatus(rawValue: existing["status"]) else {
        return true
      }
      return !old.isActive
    }()
    let moves = ["person_id", "collective_id", "campaign_id"].contains { column in
      prepared.values[column].map { !Self.same($0, existing?[column] ?? .null) } ?? false
    }
    if let subject, let campaign, RegistrationStatus(rawValue: status)?.isActive ?? true,
      isNew || moves || becomesActive
    {
      let column = subject.personId != nil ? "person_id" : "collective_id"
      let key = subject.personId ?? -subject.collectiveId!
      let other = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT r.code, c.year FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
            WHERE r.campaign_id = ? AND coalesce(r.person_id, -r.collective_id) = ?
              AND r.status NOT IN ('withdrawn','cancelled') AND r.id IS NOT ?
            """),
        arguments: [campaign, key, existing?["id"] as Int64?])
      if let other {
        prepared.issues.append(
          Issue(
            input: prepared.inputs[column] ?? "subject",
            error: .oneActiveRegistration(
              subject: try subjectName(subject), year: other["year"], existing: other["code"])))
      }
    }
  }
}

extension String {
  /// `85,5` → `85.5`, for decimal commas.
  fileprivate func replacingComma() -> String {
    String(map { $0 == "," ? "." : $0 })
  }
}
