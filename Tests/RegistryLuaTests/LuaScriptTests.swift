import Foundation
import LuaBridge
import Registry
import TestSupport
import Testing

/// The Lua-visible behaviour, tested in Lua (`Tests/RegistryLuaTests/Lua/*.lua`).
@Suite struct LuaScriptTests {
  @Test func theAPIWorksOnTheFixture() throws {
    let fixture = try RegistryFixture()
    let harness = try LuaScriptHarness(registry: fixture.registry)
    try harness.runScript("api_test.lua")
    #expect(harness.lua.stack.top == 0)
  }

  @Test func hostileInputGetsClearErrorsAndTheSessionGoesOn() throws {
    let fixture = try RegistryFixture()
    let harness = try LuaScriptHarness(registry: fixture.registry)
    try harness.runScript("hostile_test.lua")
    #expect(harness.lua.stack.top == 0)
    #expect(harness.lua.pendingInterrupt == nil)
  }

  @Test func remindersWorkOnAPurposeBuiltYear() throws {
    let scenario = try ReminderScenario()
    let directory = try TemporaryDirectory()
    let harness = try LuaScriptHarness(registry: scenario.registry)
    _ = try harness.lua.run("OUT = [[\(directory.path)]]")
    try harness.runScript("remind_test.lua")
    #expect(harness.lua.stack.top == 0)
  }

  @Test func theReportBuilderWorksOnACampaign() throws {
    let fixture = try CampaignFixture()
    let directory = try TemporaryDirectory()
    let harness = try LuaScriptHarness(registry: fixture.registry)
    try harness.lua.run("OUT = \"\(directory.path)\"")
    try harness.runScript("report_test.lua")
    #expect(harness.lua.stack.top == 0)
    // Reports hold personal data: created 0600, whole, nothing left beside them.
    for name in ["report.html", "report.md", "report.csv", "report.json"] {
      #expect(fileMode(directory.path(name)) == 0o600, "\(name)")
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(left.sorted() == ["report.csv", "report.html", "report.json", "report.md"])
  }

  @Test func analystQuestionsMatchIndependentSQLOnTheDemo() throws {
    let registry = try Registry.inMemory()
    try registry.queue.inDatabase { db in _ = try DemoGenerator().generate(into: db) }
    let harness = try LuaScriptHarness(registry: registry)
    try harness.runScript("analyst_questions_test.lua")
    #expect(harness.lua.stack.top == 0)
  }
}
