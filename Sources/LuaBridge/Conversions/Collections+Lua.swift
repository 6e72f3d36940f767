import CLua

extension Array: LuaPushable where Element: LuaPushable {
  /// Pushes a sequence `{[1] = ..., [n] = ...}`.
  public func push(onto stack: LuaStack) {
    guard stack.ensure(3) else { return stack.pushNil() }
    stack.newTable(array: Int32(clamping: count))
    for (offset, element) in enumerated() {
      element.push(onto: stack)
      stack.rawSet(-2, offset + 1)
    }
  }
}

extension Array: LuaReadable where Element: LuaReadable {
  /// Reads the sequence `t[1] .. t[#t]` (raw length) of a table.
  ///
  /// - Throws: a type error for a non-table, naming the element for a bad element.
  public static func read(from stack: LuaStack, at index: Int32) throws -> [Element] {
    guard stack.type(at: index) == .table else {
      throw LuaCallError.type(index, expected: "table")
    }
    let index = stack.absolute(index)
    guard stack.ensure(2) else { throw LuaCallError.message("stack overflow") }
    let count = stack.rawLength(index)
    var result: [Element] = []
    result.reserveCapacity(count)
    for position in stride(from: 1, through: count, by: 1) {
      stack.rawGet(index, position)
      defer { stack.pop() }
      do {
        result.append(try Element.read(from: stack, at: stack.top))
      } catch {
        throw LuaCallError.argument(index, "bad element #\(position) (\(describe(error)))")
      }
    }
    return result
  }
}

extension Dictionary: LuaPushable where Key: LuaPushable, Value: LuaPushable {
  /// Pushes a table with one field per entry; an entry whose key pushes as nil or NaN (which
  /// Lua refuses as a key) is left out.
  public func push(onto stack: LuaStack) {
    guard stack.ensure(4) else { return stack.pushNil() }
    stack.newTable(hash: Int32(clamping: count))
    for (key, value) in self {
      key.push(onto: stack)
      if stack.type(at: -1) == .nil || (stack.type(at: -1) == .number && stack.toNumber(-1)!.isNaN)
      {
        stack.pop()
        continue
      }
      value.push(onto: stack)
      stack.rawSet(-3)
    }
  }
}

extension Dictionary: LuaReadable where Key: LuaReadable, Value: LuaReadable {
  /// Reads every field of a table (raw traversal).
  public static func read(from stack: LuaStack, at index: Int32) throws -> [Key: Value] {
    guard stack.type(at: index) == .table else {
      throw LuaCallError.type(index, expected: "table")
    }
    let index = stack.absolute(index)
    guard stack.ensure(3) else { throw LuaCallError.message("stack overflow") }
    var result: [Key: Value] = [:]
    try stack.forEach(index) { stack in
      do {
        let key = try Key.read(from: stack, at: stack.top - 1)
        result[key] = try Value.read(from: stack, at: stack.top)
      } catch {
        throw LuaCallError.argument(index, "bad field (\(describe(error)))")
      }
    }
    return result
  }
}

/// The words of a conversion error, for nesting in another message.
private func describe(_ error: Error) -> String {
  switch error {
  case LuaCallError.type(_, let expected): return "\(expected) expected"
  case LuaCallError.argument(_, let message): return message
  default: return String(describing: error)
  }
}
