import GRDB
import Glibc
import LuaBridge
import Messages
import Registry

/// Changes to the registry from Lua. Every change goes through the domain (`Records`,
/// `Lifecycle`): the same checks, the same audit entries as imports and the console. Outside
/// `db.tx` each change is its own IMMEDIATE transaction; inside, all commit or none does.
extension RegistryBinding {
  /// Who changes things, for the audit log: `db.actor`, else `$SANGTAO_ACTOR`, else `$USER`.
  var actor: String {
    if let actor = actorOverride { return actor }
    for name in ["SANGTAO_ACTOR", "USER", "LOGNAME"] {
      if let value = getenv(name), value.pointee != 0 { return String(cString: value) }
    }
    return "sangtao"
  }

  /// `core.insert(table, values, options)`: the new record's id.
  func insert(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let table = try L.string(1)
    let values = try databaseValues(L, at: 2)
    let options = try WriteOptions(L, at: 3)
    let id = try context.withWriteTransaction { db in
      try Records.insert(
        db, into: table, values: values, actor: actor, on: options.date,
        document: options.document, note: options.note)
    }
    L.push(id)
    return 1
  }

  /// `core.update(table, id, values, options)`: whether anything changed.
  func update(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let table = try L.string(1)
    let id = try L.integer(2)
    let values = try databaseValues(L, at: 3)
    let options = try WriteOptions(L, at: 4)
    let changed = try context.withWriteTransaction { db in
      try Records.update(
        db, table: table, id: id, values: values, actor: actor, on: options.date,
        document: options.document, note: options.note)
    }
    L.push(changed)
    return 1
  }

  /// `core.delete(table, id, options)`.
  func delete(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let table = try L.string(1)
    let id = try L.integer(2)
    let options = try WriteOptions(L, at: 3)
    try context.withWriteTransaction { db in
      try Records.delete(
        db, table: table, id: id, actor: actor, document: options.document, note: options.note)
    }
    return 0
  }

  /// `core.transition(id, status, options)`: moves a registration along its lifecycle.
  func transition(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let id = try L.integer(1)
    let name = try L.string(2)
    guard let status = RegistrationStatus(rawValue: name) else {
      throw LuaCallError.argument(
        2,
        Message.unknownStatus([
          "status": name,
          "statuses": RegistrationStatus.allCases.map(\.rawValue).joined(separator: ", "),
        ]))
    }
    let options = try WriteOptions(L, at: 3)
    var outcome: Outcome?
    if let text = options.outcome {
      guard let value = Outcome(rawValue: text) else {
        throw LuaCallError.argument(
          3, Message.unknownOutcome(["outcome": text, "outcomes": "excellent, pass, not_passed"]))
      }
      outcome = value
    }
    try context.withWriteTransaction { db in
      _ = try Lifecycle.transition(
        db, registration: id, to: status, on: options.date ?? Day.today(), actor: actor,
        document: options.document, outcome: outcome, note: options.note)
    }
    return 0
  }

  /// `core.score(id, member, points, options)`: records a whole score sheet of registration
  /// `id` by `member` (a person's code or name), with every check of the appraisal team
  /// (ScoreSheets.record). Returns the sheet's id.
  func score(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let id = try L.integer(1)
    let member = try L.string(2)
    try L.check(3, is: .table)
    var points: [String: Double] = [:]
    L.pushNil()
    while L.rawNext(3) {
      guard let code = L.type(at: -2) == .string ? L.toString(-2) : nil,
        L.type(at: -1) == .number, let value = L.toNumber(-1)
      else {
        L.pop(2)
        throw LuaCallError.argument(3, Message.badPoints())
      }
      points[code] = value
      L.pop()
    }
    let options = try WriteOptions(L, at: 4)
    let sheet = try context.withWriteTransaction { db in
      try ScoreSheets.record(
        db, registration: "#\(id)", member: member, points: points,
        on: options.date ?? Day.today(), comment: options.note, actor: actor)
    }
    L.push(sheet)
    return 1
  }

  /// `core.tx(fn)`: runs `fn` in a transaction (a savepoint inside another): all of its
  /// changes are written, or, when it raises, none. Returns what `fn` returns.
  func transaction(_ L: LuaStack) throws -> Int32 {
    try L.check(1, is: .function)
    context.thread = L
    let base = L.top - 1  // below the function
    var failure: LuaError?
    try context.withDatabase { db in
      let body: () throws -> Database.TransactionCompletion = {
        L.pushValue(at: 1)
        do throws(LuaError) {
          try L.call(arguments: 0, results: LuaStack.allResults, traceback: false)
          return .commit
        } catch {
          failure = error
          return .rollback
        }
      }
      if db.isInsideTransaction {
        try db.inSavepoint(body)
      } else {
        // IMMEDIATE: the write lock first, so that a busy registry fails before fn runs, and
        // fn's writes never meet a lock half-way.
        try db.inTransaction(context.source.readOnly ? .deferred : .immediate, body)
      }
    }
    if let failure {
      // Let the error go on as raised, with its own position.
      L.push(failure.message)
      throw LuaCallError.value
    }
    return L.top - base - 1
  }

  /// The Lua table at `index` as column values for the domain: strings, numbers, booleans,
  /// `db.null`, and rows (their id).
  private func databaseValues(_ L: LuaStack, at index: Int32) throws -> [String:
    any DatabaseValueConvertible]
  {
    try L.check(index, is: .table)
    var values: [String: any DatabaseValueConvertible] = [:]
    var failure: Error?
    L.pushNil()
    while L.rawNext(index) {
      defer { L.pop() }
      guard L.type(at: -2) == .string, let key = L.toString(-2) else {
        failure = LuaCallError.argument(index, Message.fieldNamesExpected())
        continue
      }
      switch L.type(at: -1) {
      case .string: values[key] = L.toString(-1) ?? ""
      case .number:
        if L.isInteger(-1) {
          values[key] = L.toInteger(-1) ?? 0
        } else {
          values[key] = L.toNumber(-1) ?? 0
        }
      case .boolean: values[key] = L.toBoolean(-1) ? Int64(1) : Int64(0)
      case .table where L.isNullSentinel(-1):
        values[key] = DatabaseValue.null
      case .table:
        if L.rawGet(-1, "id") != .nil, let id = L.toInteger(-1) {
          values[key] = id
        } else {
          failure = LuaCallError.argument(
            index, Message.badFieldValue(["field": key, "type": "table"]))
        }
        L.pop()
      default:
        failure = LuaCallError.argument(
          index, Message.badFieldValue(["field": key, "type": L.typeName(at: -1)]))
      }
    }
    if let failure { throw failure }
    return values
  }
}

/// The options every write takes: `{date = "…", doc = "…", note = "…", outcome = "…"}`.
struct WriteOptions {
  var date: Day?
  var document: String?
  var note: String?
  var outcome: String?

  init(_ L: LuaStack, at index: Int32) throws {
    guard L.type(at: index) == .table else {
      if !L.isNoneOrNil(index) { throw LuaCallError.type(index, expected: "table") }
      return
    }
    if L.rawGet(index, "date") == .string, let text = L.toString(-1) {
      guard let day = Day(text) else {
        L.pop()
        throw LuaCallError.argument(index, Message.badDate(["date": text]))
      }
      date = day
    }
    L.pop()
    for key in ["doc", "document"] where document == nil {
      if L.rawGet(index, key) == .string { document = L.toString(-1) }
      L.pop()
    }
    if L.rawGet(index, "note") == .string { note = L.toString(-1) }
    L.pop()
    if L.rawGet(index, "outcome") == .string { outcome = L.toString(-1) }
    L.pop()
  }
}
