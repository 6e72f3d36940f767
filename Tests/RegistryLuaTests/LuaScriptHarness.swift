import Foundation
import LuaBridge
import Registry
import RegistryLua
import TestSupport

/// Runs Lua with the registry API over a given registry, as the console would.
final class LuaScriptHarness {
  let lua: LuaState
  let binding: RegistryBinding

  init(registry: Registry) throws {
    lua = try LuaState()
    binding = RegistryBinding(
      lua: lua,
      context: RegistryContext(
        source: RegistryContext.Source(path: registry.path, readOnly: registry.isReadOnly) {
          registry
        }))
    try binding.install()
    try lua.openLimits { "time limit of \($0) s exceeded" }
    try lua.run(LuaScriptHarness.testPrelude, name: "=test-prelude")
  }

  /// Helpers the `.lua` tests share: expect_error(fn, text) checks that fn raises an error
  /// containing text (plain), and returns the message.
  static let testPrelude = """
    function expect_error(fn, text)
      local ok, message = pcall(fn)
      assert(not ok, "expected an error containing: " .. text)
      message = tostring(message)
      assert(message:find(text, 1, true), "expected '" .. text .. "' in: " .. message)
      return message
    end
    function eq(actual, expected, what)
      if actual ~= expected then
        error((what or "value") .. ": expected " .. tostring(expected) .. ", got " .. tostring(actual), 2)
      end
    end
    """

  /// Runs the test script `name` from Tests/RegistryLuaTests/Lua.
  func runScript(_ name: String) throws {
    let path = Repository.root.appendingPathComponent("Tests/RegistryLuaTests/Lua/\(name)").path
    try lua.loadFile(path)
    try lua.stack.call(arguments: 0, results: 0)
  }
}
