import LuaBridge
import Registry
import RegistryLua
import TestSupport
import Testing

/// No value is ever spliced into SQL text: every method binds what the user gives, hostile
/// strings included, or refuses names it does not know.
@Suite struct QuerySQLTests {
  static let hostile = "x'); DROP TABLE units; -- \"quoted\" /* c */"

  func harness() throws -> LuaScriptHarness {
    let fixture = try RegistryFixture()
    let harness = try LuaScriptHarness(registry: fixture.registry)
    harness.lua.setGlobal("hostile", QuerySQLTests.hostile)
    return harness
  }

  @Test(arguments: [
    "registrations:where{title = hostile}",
    "registrations:where{title = {hostile, 'b'}}",
    "registrations:where{title = {'>', hostile}}",
    "registrations:where{title = {'between', hostile, hostile}}",
    "registrations:where{title = {'not', {hostile}}}",
    "registrations:where{unit = hostile}",
    "registrations:where{unit = {hostile, 'DS'}}",
    "registrations:where{year = hostile}",
    "registrations:where('title = ? OR notes = ?', hostile, hostile)",
    "registrations:search(hostile)",
    "units:search(hostile)",
    "people:where{full_name = hostile}:order('full_name')",
  ])
  func valuesAreBoundNeverSpliced(_ expression: String) throws {
    let harness = try harness()
    let results = try harness.lua.run(
      "local q = \(expression); return q:sql(), q:count(), #q:list()")
    guard case .string(let sql) = results[0] else {
      Issue.record("no SQL")
      return
    }
    #expect(!sql.contains("DROP"), "value spliced into: \(sql)")
    #expect(sql.contains("?"))
    #expect(results[1] == .integer(0))
    #expect(results[2] == .integer(0))
    #expect(try harness.lua.run("return units:count()") == [.integer(6)])
  }

  @Test(arguments: [
    "registrations:order(hostile)", "registrations:select(hostile)",
    "registrations:group(hostile)", "registrations:pluck(hostile)",
    "registrations:where{[hostile] = 1}", "registrations:agg{n = 'count(' .. hostile .. ')'}",
    "registrations:group('unit'):agg{[hostile] = 'count'}",
  ])
  func unknownNamesAreRefusedNotSpliced(_ expression: String) throws {
    let harness = try harness()
    do {
      try harness.lua.run(
        "local q = \(expression); if type(q) == 'table' and q.sql then q:count() end")
      Issue.record("expected an error for \(expression)")
    } catch {
      #expect(!error.message.contains("syntax error"), "reached SQLite: \(error.message)")
    }
    #expect(try harness.lua.run("return units:count()") == [.integer(6)])
  }

  @Test func sqlShowsTheStatementAndItsParameters() throws {
    let harness = try harness()
    let results = try harness.lua.run(
      "return registrations:where{year = 2023, status = 'submitted'}:order('-received_on'):limit(5):sql()"
    )
    #expect(
      results == [
        .string(
          "SELECT registrations.* FROM registrations WHERE registrations.status = ? AND "
            + "registrations.campaign_id = (SELECT id FROM campaigns WHERE year = ?) "
            + "ORDER BY registrations.received_on DESC LIMIT 5"),
        .string("-- parameters: \"submitted\", 2023"),
      ])
  }
}
