import CLua
import CLuaShim

/// A Lua value copied into Swift: what conversions produce when the type is not known.
///
/// Integers and floats stay apart, as in Lua 5.4. Tables are copied deeply; functions,
/// userdata and threads cannot be copied and keep only their type name.
public enum LuaValue: Hashable, Sendable, CustomStringConvertible {
  case `nil`
  case boolean(Bool)
  case integer(Int64)
  case number(Double)
  case string(String)
  case table([LuaValue: LuaValue])
  /// A function, userdata or thread, by its type name.
  case opaque(String)

  /// Copies the value at `index` (tables deeply; a table met twice on one path becomes
  /// `.opaque("cycle")`).
  public init(_ stack: LuaStack, at index: Int32) {
    var path: Set<UnsafeRawPointer> = []
    self = LuaValue.copy(stack, at: stack.absolute(index), path: &path)
  }

  private static func copy(
    _ stack: LuaStack, at index: Int32, path: inout Set<UnsafeRawPointer>
  ) -> LuaValue {
    switch stack.type(at: index) {
    case .none, .nil: return .nil
    case .boolean: return .boolean(stack.toBoolean(index))
    case .number:
      if stack.isInteger(index) { return .integer(stack.toInteger(index) ?? 0) }
      return .number(stack.toNumber(index) ?? 0)
    case .string: return .string(stack.toString(index) ?? "")
    case .table:
      guard let identity = lua_topointer(stack.L, index) else { return .opaque("table") }
      if path.contains(identity) { return .opaque("cycle") }
      path.insert(identity)
      defer { path.remove(identity) }
      var table: [LuaValue: LuaValue] = [:]
      stack.pushNil()
      while stack.rawNext(index) {
        let key = copy(stack, at: stack.absolute(-2), path: &path)
        let value = copy(stack, at: stack.absolute(-1), path: &path)
        table[key] = value
        stack.pop()
      }
      return .table(table)
    default:
      return .opaque(stack.typeName(at: index))
    }
  }

  /// The value as Lua's `tostring` would show a plain value.
  public var description: String {
    switch self {
    case .nil: return "nil"
    case .boolean(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .number(let value): return LuaValue.format(value)
    case .string(let value): return value
    case .table: return "table"
    case .opaque(let name): return name
    }
  }

  /// A float as Lua prints it (`%.14g`, with `.0` added to integral values).
  public static func format(_ value: Double) -> String {
    let text = formatG14(value)
    if text.allSatisfy({ $0 == "-" || $0.isNumber }) { return text + ".0" }
    return text
  }
}

extension LuaValue: LuaPushable {
  public func push(onto stack: LuaStack) {
    switch self {
    case .nil, .opaque: stack.pushNil()
    case .boolean(let value): stack.push(value)
    case .integer(let value): stack.push(value)
    case .number(let value): stack.push(value)
    case .string(let value): stack.push(value)
    case .table(let table):
      stack.newTable(hash: Int32(clamping: table.count))
      for (key, value) in table where key != .nil {
        key.push(onto: stack)
        value.push(onto: stack)
        stack.rawSet(-3)
      }
    }
  }
}

extension LuaValue: LuaReadable {
  public static func read(from stack: LuaStack, at index: Int32) throws -> LuaValue {
    LuaValue(stack, at: index)
  }
}

/// `%.14g`, Lua's LUAI_NUMFFORMAT, without Foundation.
func formatG14(_ value: Double) -> String {
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
    luashim_format_number(buffer.baseAddress!, 64, value)
    return String(cString: buffer.baseAddress!)
  }
}
