import GRDB
import LuaBridge
import Messages
import Registry

/// Appraisal results, eligibility checks and rubrics for Lua (DESIGN.md §4). The domain
/// computes (`Scoring`, `Eligibility`, `Rubrics`); this file converts, and lets an analyst's
/// `scoring.combine` function decide how sheets combine.
extension RegistryBinding {
  /// `core.results(sql, params, combine)`: the results of the registrations whose ids the
  /// query `sql` selects, ranked (total, then TC3, then received date), as Lua tables.
  /// `combine` is nil (the campaign's rule), `"mean"`, `"trimmed_mean"`, `"median"`, or a Lua
  /// function receiving the sheets and returning the total.
  func results(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let sql = try L.string(1)
    let arguments = try statementArguments(L, at: 2)
    let (combine, function) = try combineRule(L, at: 3)
    defer { function?.release(in: L) }
    let results = try context.withDatabase { db in
      try Scoring.results(
        db, where: "r.id IN (SELECT id FROM (\(sql)))", arguments: arguments, combine: combine)
    }
    let ranked = Scoring.ranked(results)
    L.newTable(array: Int32(ranked.count))
    for (offset, result) in ranked.enumerated() {
      push(result, rank: offset + 1, onto: L)
      L.rawSet(-2, offset + 1)
    }
    return 1
  }

  /// `core.checks(sql, params, date)`: the failed eligibility checks of the registrations the
  /// query selects, on `date` (today by default), as rows {code, check, message}.
  func checks(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let sql = try L.string(1)
    let arguments = try statementArguments(L, at: 2)
    let date =
      try L.optionalString(3).map { text -> Day in
        guard let day = Day(text) else {
          throw LuaCallError.argument(3, Message.badDate(["date": text]))
        }
        return day
      } ?? Day.today()
    let failed = try context.withDatabase { db in
      try Eligibility.checks(
        db, where: "r.id IN (SELECT id FROM (\(sql)))", arguments: arguments, on: date)
    }.filter { !$0.passed }
    L.newTable(array: Int32(failed.count))
    for (offset, check) in failed.enumerated() {
      L.newTable(hash: 4)
      L.push(check.code)
      L.rawSet(-2, "code")
      L.push(check.registrationId)
      L.rawSet(-2, "registration_id")
      L.push(check.name.rawValue)
      L.rawSet(-2, "check")
      L.push(check.message())
      L.rawSet(-2, "message")
      L.rawSet(-2, offset + 1)
    }
    return 1
  }

  /// `core.rubric(year)`: the rubric in force, as {name, source, criteria = {{code, name,
  /// max, evidence, bands = {{label, min, max}}}}}, or nil.
  func rubric(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let year = Int(try L.integer(1))
    guard let current = try context.withDatabase({ db in try Rubrics.current(db, year: year) })
    else { return 0 }
    let definition = current.definition
    L.newTable(hash: 4)
    L.push(definition.name)
    L.rawSet(-2, "name")
    L.push(definition.source)
    L.rawSet(-2, "source")
    L.push(definition.maxPoints)
    L.rawSet(-2, "max")
    L.newTable(array: Int32(definition.criteria.count))
    for (offset, criterion) in definition.criteria.enumerated() {
      L.newTable(hash: 5)
      L.push(criterion.code)
      L.rawSet(-2, "code")
      L.push(criterion.name)
      L.rawSet(-2, "name")
      L.push(criterion.maxPoints)
      L.rawSet(-2, "max")
      L.push(criterion.evidence)
      L.rawSet(-2, "evidence")
      L.newTable(array: Int32(criterion.bands.count))
      for (index, band) in criterion.bands.enumerated() {
        L.newTable(hash: 3)
        L.push(band.label)
        L.rawSet(-2, "label")
        L.push(band.min)
        L.rawSet(-2, "min")
        L.push(band.max)
        L.rawSet(-2, "max")
        L.rawSet(-2, index + 1)
      }
      L.rawSet(-2, "bands")
      L.rawSet(-2, offset + 1)
    }
    L.rawSet(-2, "criteria")
    return 1
  }

  /// `core.define_rubric(year, definition)`: stores the next version of the year's rubric.
  func defineRubric(_ L: LuaStack) throws -> Int32 {
    context.thread = L
    let year = Int(try L.integer(1))
    try L.check(2, is: .table)
    var criteria: [CriterionDefinition] = []
    L.rawGet(2, "criteria")
    guard L.type(at: -1) == .table else {
      throw LuaCallError.argument(2, Message.rubricNeedsCriteria())
    }
    let list = L.top
    for position in stride(from: 1, through: L.rawLength(list), by: 1) {
      L.rawGet(list, position)
      defer { L.pop() }
      let item = L.top
      guard L.type(at: item) == .table else {
        throw LuaCallError.argument(2, Message.rubricNeedsCriteria())
      }
      func field(_ name: String) -> LuaType { L.rawGet(item, name) }
      _ = field("code")
      let code = L.toString(-1) ?? ""
      _ = field("name")
      let name = L.toString(-1) ?? code
      _ = field("max")
      let max = L.toNumber(-1) ?? 0
      _ = field("evidence")
      let evidence = L.toString(-1)
      L.pop(4)
      var bands: [CriterionDefinition.Band] = []
      if field("bands") == .table {
        let bandList = L.top
        for index in stride(from: 1, through: L.rawLength(bandList), by: 1) {
          L.rawGet(bandList, index)
          L.rawGet(-1, "label")
          L.rawGet(-2, "min")
          L.rawGet(-3, "max")
          bands.append(
            CriterionDefinition.Band(
              label: L.toString(-3) ?? "", min: L.toNumber(-2) ?? 0, max: L.toNumber(-1) ?? 0))
          L.pop(4)
        }
      }
      L.pop()
      criteria.append(
        CriterionDefinition(
          code: code, name: name, maxPoints: max, evidence: evidence, bands: bands))
    }
    L.pop()
    L.rawGet(2, "name")
    let name = L.toString(-1) ?? Message.rubricDefaultName(["year": year])
    L.rawGet(2, "source")
    let source = L.toString(-1)
    L.pop(2)
    let definition = RubricDefinition(name: name, source: source, criteria: criteria)
    let id = try context.withWriteTransaction { db in
      try Rubrics.define(db, year: year, definition, actor: actor)
    }
    L.push(id)
    return 1
  }

  // MARK: Conversions

  /// The array at `index` as arguments of an SQL statement.
  private func statementArguments(_ L: LuaStack, at index: Int32) throws -> StatementArguments {
    guard L.type(at: index) == .table else { return StatementArguments() }
    var values: [DatabaseValue] = []
    for position in stride(from: 1, through: L.rawLength(index), by: 1) {
      L.rawGet(index, position)
      defer { L.pop() }
      switch L.type(at: -1) {
      case .number:
        values.append(
          L.isInteger(-1)
            ? (L.toInteger(-1) ?? 0).databaseValue : (L.toNumber(-1) ?? 0).databaseValue)
      case .string: values.append((L.toString(-1) ?? "").databaseValue)
      case .boolean: values.append((L.toBoolean(-1) ? 1 : 0).databaseValue)
      default: values.append(.null)
      }
    }
    return StatementArguments(values)
  }

  /// The combination rule at `index`: nil (the campaign's), a named rule, or a Lua function
  /// called with the sheets (each {member, total, points = {TC1 = …}}).
  /// The Lua function, when there is one, is kept in the registry until the caller releases it.
  private func combineRule(_ L: LuaStack, at index: Int32) throws -> (
    Scoring.Combine?, LuaReference?
  ) {
    switch L.type(at: index) {
    case .none, .nil:
      return (nil, nil)
    case .string:
      switch L.toString(index) {
      case "mean": return ({ Scoring.mean($0.map(\.total)) }, nil)
      case "trimmed_mean": return ({ Scoring.trimmedMean($0.map(\.total)) }, nil)
      case "median": return ({ Scoring.median($0.map(\.total)) }, nil)
      default:
        throw LuaCallError.argument(
          index, Message.unknownCombine(["name": L.toString(index) ?? ""]))
      }
    case .function:
      L.pushValue(at: index)
      let function = LuaReference(popping: L)
      let combine: Scoring.Combine = { sheets in
        let base = L.top
        defer { L.top = base }
        function.push(onto: L)
        L.newTable(array: Int32(sheets.count))
        for (offset, sheet) in sheets.enumerated() {
          L.newTable(hash: 4)
          L.push(sheet.member)
          L.rawSet(-2, "member")
          L.push(sheet.total)
          L.rawSet(-2, "total")
          L.push(sheet.scoredOn.iso)
          L.rawSet(-2, "scored_on")
          L.newTable(hash: Int32(sheet.points.count))
          for point in sheet.points {
            L.push(point.points)
            L.rawSet(-2, point.code)
          }
          L.rawSet(-2, "points")
          L.rawSet(-2, offset + 1)
        }
        try L.call(arguments: 1, results: 1, traceback: false)
        return L.toNumber(-1)
      }
      return (combine, function)
    default:
      throw LuaCallError.type(index, expected: "function or string")
    }
  }

  /// Pushes a result as a Lua table.
  private func push(_ result: AppraisalResult, rank: Int, onto L: LuaStack) {
    L.newTable(hash: 16)
    L.push(rank)
    L.rawSet(-2, "rank")
    L.push(result.code)
    L.rawSet(-2, "code")
    L.push(result.registrationId)
    L.rawSet(-2, "registration_id")
    L.push(result.unitId)
    L.rawSet(-2, "unit_id")
    L.push(result.year)
    L.rawSet(-2, "year")
    L.push(result.total)
    L.rawSet(-2, "total")
    L.push(result.count)
    L.rawSet(-2, "sheets")
    L.push(result.quorum)
    L.rawSet(-2, "quorum")
    L.push(result.isQuorumMet)
    L.rawSet(-2, "quorum_met")
    L.push(result.spread)
    L.rawSet(-2, "spread")
    L.push(result.isSpreadFlagged)
    L.rawSet(-2, "spread_flag")
    L.push(result.level?.rawValue)
    L.rawSet(-2, "level")
    L.push(result.combination)
    L.rawSet(-2, "combination")
    L.push(result.teamSize)
    L.rawSet(-2, "team")
    L.newTable(hash: Int32(result.criterionMeans.count))
    for mean in result.criterionMeans {
      L.push(mean.mean)
      L.rawSet(-2, mean.code)
    }
    L.rawSet(-2, "criteria")
    L.newTable(array: Int32(result.sheets.count))
    for (offset, sheet) in result.sheets.enumerated() {
      L.newTable(hash: 2)
      L.push(sheet.member)
      L.rawSet(-2, "member")
      L.push(sheet.total)
      L.rawSet(-2, "total")
      L.rawSet(-2, offset + 1)
    }
    L.rawSet(-2, "members")
  }
}
