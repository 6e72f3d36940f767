import CLua

/// A Lua value kept alive in the registry for Swift to push later (`luaL_ref`).
///
/// The reference is released by `release(in:)`, or with the state. It holds no pointer to the
/// state, so it may outlive neither.
public struct LuaReference: Hashable, Sendable {
  /// The registry slot.
  public let slot: Int32

  /// Pops the value on top of `stack` into the registry. nil gets `LUA_REFNIL`.
  public init(popping stack: LuaStack) {
    slot = luaL_ref(stack.L, lua_registryindex())
  }

  /// The reference in `slot` (kept elsewhere, e.g. in an SQLite aggregate context).
  public init(slot: Int32) {
    self.slot = slot
  }

  /// Pushes the value.
  @inline(__always)
  public func push(onto stack: LuaStack) {
    lua_rawgeti(stack.L, lua_registryindex(), lua_Integer(slot))
  }

  /// Frees the slot.
  public func release(in stack: LuaStack) {
    luaL_unref(stack.L, lua_registryindex(), slot)
  }
}
