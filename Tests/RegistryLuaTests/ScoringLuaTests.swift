import GRDB
import LuaBridge
import Registry
import TestSupport
import Testing

/// Appraisal from Lua, on hand-computed data: the fixture's three-member panel scores one
/// registration of Lát (DV-0002) with sheets of 80 (50 + 30) and 70 (40 + 30).
@Suite struct ScoringLuaTests {
  func harness() throws -> LuaScriptHarness {
    let fixture = try RegistryFixture()
    try fixture.registry.queue.inDatabase { db in
      let id = try fixture.registration(db, status: .accepted, code: "DK-2023-101")
      try fixture.report(db, registration: id)
      try fixture.sheet(db, registration: id, member: 0, points: [50, 30])
      try fixture.sheet(db, registration: id, member: 1, points: [40, 30])
    }
    return try LuaScriptHarness(registry: fixture.registry)
  }

  @Test func aResultIsTheMeanOfTheValidSheetsWithItsLevelAndFlags() throws {
    let harness = try harness()
    let lua = harness.lua
    let values = try lua.run(
      """
      local r = registrations["DK-2023-101"]:result()
      return r.total, r.level, r.sheets, r.spread, r.spread_flag, r.criteria.C1, r.criteria.C2,
        r.quorum_met
      """)
    #expect(
      values == [
        .number(75), .string("pass"), .integer(2), .number(10), .boolean(false), .number(45),
        .number(30), .boolean(true),
      ])
  }

  @Test func aSheetIsScoredWholeThroughTheChecksNeverRowByRow() throws {
    let harness = try harness()
    let lua = harness.lua
    let values = try lua.run(
      """
      local r = registrations["DK-2023-101"]:transition("reported", {date = "2023-11-10"})
      local over = select(2, pcall(r.add_sheet, r, "DV-0007", {C1 = 61, C2 = 30}))
      local partial = select(2, pcall(r.add_sheet, r, "DV-0007", {C1 = 50}))
      local row = select(2, pcall(sheets.add, sheets, {registration = r.id, member = 1}))
      local sheet = r:add_sheet("DV-0007", {C1 = 30, C2 = 30}, {date = "2023-11-26"})
      local again = select(2, pcall(r.add_sheet, r, "DV-0007", {C1 = 30, C2 = 30}))
      local point = points:where{sheet = sheet.id}:first()
      local edit = select(2, pcall(point.update, point, {points = 60}))
      return r:result().sheets, r:result().total, over, partial, row, again, edit
      """)
    #expect(values.count == 7)
    #expect(values[0] == .integer(3))
    #expect(values[1] == .number(70))
    let texts = values.dropFirst(2).map { value -> String in
      if case .string(let text) = value { return text }
      return "\(value)"
    }
    #expect(texts[0].contains("C1"), "\(texts[0])")
    #expect(texts[1].contains("C2"), "\(texts[1])")
    #expect(texts[2].contains("r:add_sheet("), "\(texts[2])")
    #expect(!texts[3].isEmpty && !texts[3].contains("r:add_sheet("), "\(texts[3])")
    #expect(texts[4].contains("r:add_sheet("), "\(texts[4])")
  }

  @Test func schemaOfACollectionOrSaysThereIsNone() throws {
    let harness = try harness()
    #expect(try harness.binding.schemaText("units").hasPrefix("CREATE TABLE units"))
    #expect(throws: RegistryError.notFound(entity: "table", key: "nosuch")) {
      try harness.binding.schemaText("nosuch")
    }
    #expect(RegistryError.notFound(entity: "table", key: "x").message(in: .vi) == "không có bảng x")
  }

  @Test func aLuaCombineRuleDecidesTheTotal() throws {
    let harness = try harness()
    let lua = harness.lua
    let values = try lua.run(
      """
      scoring.combine = function(sheets)
        local best = 0
        for _, s in ipairs(sheets) do best = math.max(best, s.total) end
        return best
      end
      local r = registrations["DK-2023-101"]:result()
      scoring.combine = "median"
      local m = registrations["DK-2023-101"]:result().total
      scoring.combine = nil
      return r.total, r.combination, m
      """)
    #expect(values == [.number(80), .string("custom"), .number(75)])
  }

  @Test func anErrorInTheCombineRuleNamesItsLine() throws {
    let harness = try harness()
    let lua = harness.lua
    do {
      try lua.run(
        "scoring.combine = function() error('no rule today') end\n"
          + "return registrations['DK-2023-101']:result()", name: "=rule")
      Issue.record("expected the rule's error")
    } catch {
      #expect(error.message.contains("rule:1: no rule today"), "\(error.message)")
    }
  }

  @Test func theAppraisalTableIsOneLineAndRanked() throws {
    let harness = try harness()
    let lua = harness.lua
    let values = try lua.run(
      """
      local t = registrations:where{year = 2023}:results()
      return #t, t[1].rank, t[1].code, t[1].total, t:columns()[1]
      """)
    #expect(
      values == [.integer(1), .integer(1), .string("DK-2023-101"), .number(75), .string("rank")])
  }

  @Test func rubricsAreReadAndDefinedFromLua() throws {
    let harness = try harness()
    let lua = harness.lua
    let values = try lua.run(
      """
      local before = rubric(2023)
      rubric.define(2023, {name = "Bộ tiêu chí mới", criteria = {
        {code = "A", name = "Một", max = 70, bands = {{label = "Tốt", min = 50, max = 70}}},
        {code = "B", name = "Hai", max = 30}}})
      local after = rubric(2023)
      return before.max, after.name, after.max, #after.criteria, after.criteria[1].bands[1].label
      """)
    #expect(
      values == [
        .number(100), .string("Bộ tiêu chí mới"), .number(100), .integer(2), .string("Tốt"),
      ])
  }
}
