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
}
