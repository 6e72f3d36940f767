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

  /// How deep `init(_:at:)` copies nested tables; deeper ones become `.opaque("table")`.
  public static let maximumDepth = 200

  /// Copies the value at `index` (tables deeply, up to `maximumDepth` levels; a table met
  /// twice on one path becomes `.opaque("cycle")`).
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
      // Each level holds a key and a value on the stack: room first (after a call with all
      // its results there may be none), and a bound on the depth of the Swift recursion.
      guard path.count < maximumDepth, stack.ensure(4) else { return .opaque("table") }
      path.insert(identity)
      defer { path.remove(identity) }
      var table: [LuaValue: LuaValue] = [:]
      stack.pushNil()
      while stack.rawNext(index) {
        let key = copy(stack, at: stack.absolute(-2), path: &path)
        let value = copy(stack, at: stack.absolute(-1), path: &path)
        if key.isKey { table[key] = value }
        stack.pop()
      }
      return .table(table)
    default:
      return .opaque(stack.typeName(at: index))
    }
  }

  /// Whether the value can be a key of a Lua table once pushed: not nil, not NaN, and not an
  /// opaque value (which pushes as nil).
  public var isKey: Bool {
    switch self {
    case .nil, .opaque: return false
    case .number(let value): return !value.isNaN
    default: return true
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
      guard stack.ensure(4) else { return stack.pushNil() }
      stack.newTable(hash: Int32(clamping: table.count))
      // Lua raises for a nil or NaN key, and no error may be raised here: such keys are left
      // out, as are keys copied from functions or userdata.
      for (key, value) in table where key.isKey {
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
