import Console
import LuaBridge
import Testing

@Suite struct CompleterTests {
  /// A state with a collection-like object describing itself with `_entity`, as registry
  /// collections do, and an `__index` function that must never run.
  func makeState() throws -> LuaState {
    let lua = try LuaState()
    try lua.run(
      """
      ran = false
      local Query = {}
      Query.__index = Query
      function Query:where() return self end
      function Query:count() return 0 end
      Query._entity = {columns = {"status", "title", "unit_id"},
                       enums = {status = {"submitted", "returned", "accepted"}}}
      registrations = setmetatable({}, Query)
      trap = setmetatable({}, {__index = function() ran = true end})
      units = {DS = {name = "Đạ Sar"}, LAT = {name = "Lát"}}
      """)
    return lua
  }

  func complete(_ line: String, in lua: LuaState) -> [String] {
    let word = String(
      line.reversed().prefix(while: { $0.isLetter || $0 == "_" || $0.isNumber }).reversed())
    return Completer(lua: lua, commands: { ["help", "mode", "mode2"] })
      .complete(word: word, lineBeforeCursor: line)
  }

  @Test func globalsAndKeywords() throws {
    let lua = try makeState()
    #expect(complete("regi", in: lua) == ["registrations"])
    #expect(complete("whi", in: lua) == ["while"])
  }

  @Test func fieldsAfterADot() throws {
    let lua = try makeState()
    #expect(complete("units.", in: lua) == ["DS", "LAT"])
    #expect(complete("units.DS.na", in: lua) == ["name"])
    #expect(complete("string.fo", in: lua) == ["format"])
  }

  @Test func onlyMethodsAfterAColon() throws {
    let lua = try makeState()
    #expect(complete("registrations:", in: lua) == ["count(", "where("])
    #expect(complete("registrations:where{}:co", in: lua) == ["count("])
  }

  @Test func columnsInsideWhere() throws {
    let lua = try makeState()
    #expect(complete("registrations:where{st", in: lua) == ["status"])
    #expect(complete("registrations:where{status = 'x', ti", in: lua) == ["title"])
  }

  @Test func enumValuesInsideStrings() throws {
    let lua = try makeState()
    #expect(complete("registrations:where{status = \"sub", in: lua) == ["submitted"])
    #expect(complete("registrations:where{status = \"", in: lua).count == 3)
  }

  @Test func nothingRuns() throws {
    let lua = try makeState()
    _ = complete("trap.x", in: lua)
    _ = complete("trap:", in: lua)
    #expect(try lua.run("return ran") == [.boolean(false)])
  }

  @Test func dotCommands() throws {
    let lua = try makeState()
    #expect(complete(".mo", in: lua) == ["mode", "mode2"])  // readline breaks words at '.'

  }
}
