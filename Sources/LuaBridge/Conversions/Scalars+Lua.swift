import CLua

extension Bool: LuaConvertible {
  public func push(onto stack: LuaStack) { stack.push(self) }

  /// Any value: only nil and false are false (Lua's truth).
  public static func read(from stack: LuaStack, at index: Int32) throws -> Bool {
    stack.toBoolean(index)
  }
}

extension Int64: LuaConvertible {
  public func push(onto stack: LuaStack) { stack.push(self) }

  /// An integer, a float with an exact integer value, or a string that converts, as
  /// `luaL_checkinteger`.
  public static func read(from stack: LuaStack, at index: Int32) throws -> Int64 {
    if let value = stack.toInteger(index) { return value }
    if stack.type(at: index) == .number || stack.toNumber(index) != nil {
      throw LuaCallError.argument(index, "number has no integer representation")
    }
    throw LuaCallError.type(index, expected: "number")
  }
}

extension Int: LuaConvertible {
  public func push(onto stack: LuaStack) { stack.push(self) }

  public static func read(from stack: LuaStack, at index: Int32) throws -> Int {
    Int(try Int64.read(from: stack, at: index))
  }
}

extension Int32: LuaConvertible {
  public func push(onto stack: LuaStack) { stack.push(Int64(self)) }

  public static func read(from stack: LuaStack, at index: Int32) throws -> Int32 {
    let value = try Int64.read(from: stack, at: index)
    guard let narrow = Int32(exactly: value) else {
      throw LuaCallError.argument(index, "value out of range")
    }
    return narrow
  }
}

extension Double: LuaConvertible {
  public func push(onto stack: LuaStack) { stack.push(self) }

  /// A number or a string that converts, as `luaL_checknumber`.
  public static func read(from stack: LuaStack, at index: Int32) throws -> Double {
    if let value = stack.toNumber(index) { return value }
    throw LuaCallError.type(index, expected: "number")
  }
}

extension String: LuaConvertible {
  public func push(onto stack: LuaStack) { stack.push(self) }

  /// A string (with its length: embedded NULs survive) or a number, as `luaL_checklstring`;
  /// a number is converted on a copy, never in place.
  public static func read(from stack: LuaStack, at index: Int32) throws -> String {
    switch stack.type(at: index) {
    case .string:
      return stack.toString(index) ?? ""
    case .number:
      stack.pushValue(at: index)
      defer { stack.pop() }
      var length = 0
      let pointer = lua_tolstring(stack.L, -1, &length)
      return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    default:
      throw LuaCallError.type(index, expected: "string")
    }
  }
}

extension Optional: LuaPushable where Wrapped: LuaPushable {
  public func push(onto stack: LuaStack) {
    if let value = self { value.push(onto: stack) } else { stack.pushNil() }
  }
}

extension Optional: LuaReadable where Wrapped: LuaReadable {
  /// nil or absent reads as `nil`; anything else must read as `Wrapped`.
  public static func read(from stack: LuaStack, at index: Int32) throws -> Wrapped? {
    if stack.isNoneOrNil(index) { return nil }
    return try Wrapped.read(from: stack, at: index)
  }
}
