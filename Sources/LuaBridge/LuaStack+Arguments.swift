import CLua

/// Reading the arguments of a Swift function called from Lua. Each throws the error Lua's
/// `luaL_check*` would raise, so `f("x")` reads `bad argument #1 to 'f' (number expected, got
/// string)` word for word.
extension LuaStack {
  /// Argument `index` as an integer (`luaL_checkinteger`).
  public func integer(_ index: Int32) throws -> Int64 { try Int64.read(from: self, at: index) }

  /// Argument `index` as a float (`luaL_checknumber`).
  public func number(_ index: Int32) throws -> Double { try Double.read(from: self, at: index) }

  /// Argument `index` as a string (`luaL_checklstring`).
  public func string(_ index: Int32) throws -> String { try String.read(from: self, at: index) }

  /// Argument `index` as an integer, or `default` when absent or nil (`luaL_optinteger`).
  public func integer(_ index: Int32, default value: Int64) throws -> Int64 {
    isNoneOrNil(index) ? value : try integer(index)
  }

  /// Argument `index` as a string, or nil when absent or nil.
  public func optionalString(_ index: Int32) throws -> String? {
    isNoneOrNil(index) ? nil : try string(index)
  }

  /// Checks that argument `index` has type `type` (`luaL_checktype`).
  public func check(_ index: Int32, is type: LuaType) throws {
    if self.type(at: index) != type {
      throw LuaCallError.type(index, expected: type.name)
    }
  }

  /// Checks that argument `index` is present (`luaL_checkany`).
  public func checkAny(_ index: Int32) throws {
    if type(at: index) == .none { throw LuaCallError.argument(index, "value expected") }
  }
}
