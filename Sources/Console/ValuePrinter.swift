import LuaBridge
import Messages

/// Shows Lua values readably at the prompt: scalars as `lua.c` prints them, tables as Lua
/// constructors (`{1, 2, name = "Đạ Sar"}`), nested tables indented when they do not fit on a
/// line, and cycles marked. It reads tables raw: no `__index`, `__pairs` or query ever runs.
///
///     ValuePrinter(width: 80).describe(stack, at: -1)
///     // {"Lát", "Đạ Sar", n = 2}
public struct ValuePrinter {
  /// The width a one-line rendering may take before it is broken over lines.
  public var width: Int
  /// How deep nested tables are shown before `{…}`.
  public var maxDepth: Int
  /// How many entries of one table are shown before `… N more`.
  public var maxItems: Int

  /// A printer for a terminal of `width` columns.
  public init(width: Int = 100, maxDepth: Int = 6, maxItems: Int = 60) {
    self.width = width
    self.maxDepth = maxDepth
    self.maxItems = maxItems
  }

  /// The text for the value at `index`, as the top-level result of a chunk: a string is shown
  /// as it is (as `lua.c` does), anything else as in a constructor.
  public func describe(_ stack: LuaStack, at index: Int32) -> String {
    let index = stack.absolute(index)
    if stack.type(at: index) == .string { return stack.toString(index) ?? "" }
    var path: [UnsafeRawPointer] = []
    return render(stack, index, depth: 0, indent: 0, path: &path)
  }

  /// The text for the value at `index` as it would appear inside a constructor.
  func render(
    _ stack: LuaStack, _ index: Int32, depth: Int, indent: Int, path: inout [UnsafeRawPointer]
  ) -> String {
    switch stack.type(at: index) {
    case .string:
      return LuaSyntax.quote(stack.toString(index) ?? "")
    case .table:
      return renderTable(stack, index, depth: depth, indent: indent, path: &path)
    default:
      return plain(stack, index)
    }
  }

  /// `tostring` of a non-table value (honouring `__tostring` and `__name`); when `__tostring`
  /// fails, what it said.
  func plain(_ stack: LuaStack, _ index: Int32) -> String {
    do {
      return try stack.tostring(index)
    } catch {
      return Message.tostringFailed(["message": error.message])
    }
  }

  private func renderTable(
    _ stack: LuaStack, _ index: Int32, depth: Int, indent: Int, path: inout [UnsafeRawPointer]
  ) -> String {
    // A table that says how to show itself is shown that way.
    if stack.getMetatable(index) {
      let hasToString = stack.rawGet(-1, "__tostring") != .nil
      stack.pop(2)
      if hasToString { return plain(stack, index) }
    }
    guard let identity = stack.pointer(index) else { return "{}" }
    if path.contains(identity) { return "<cycle>" }
    // A level holds a key, a value and a metatable on the stack.
    if depth >= maxDepth || !stack.ensure(4) { return "{…}" }
    path.append(identity)
    defer { path.removeLast() }

    let count = stack.rawLength(index)
    var items: [String] = []
    var shown = 0
    var hidden = 0
    for position in stride(from: 1, through: count, by: 1) {
      if shown >= maxItems {
        hidden += 1
        continue
      }
      stack.rawGet(index, position)
      items.append(render(stack, stack.top, depth: depth + 1, indent: indent + 2, path: &path))
      stack.pop()
      shown += 1
    }
    var fields: [(key: String, sortKey: String, value: String)] = []
    stack.pushNil()
    while stack.rawNext(index) {
      defer { stack.pop() }
      let keyIndex = stack.top - 1
      if stack.isInteger(keyIndex), let n = stack.toInteger(keyIndex), n >= 1, n <= count {
        continue  // already shown as a sequence item
      }
      if shown + fields.count >= maxItems {
        hidden += 1
        continue
      }
      let key: String
      let sortKey: String
      if stack.type(at: keyIndex) == .string, let name = stack.toString(keyIndex) {
        key = LuaSyntax.isIdentifier(name) ? name : "[\(LuaSyntax.quote(name))]"
        sortKey = "1" + name
      } else {
        key = "[\(render(stack, keyIndex, depth: depth + 1, indent: indent + 2, path: &path))]"
        sortKey = "0" + key
      }
      let value = render(stack, stack.top, depth: depth + 1, indent: indent + 2, path: &path)
      fields.append((key, sortKey, value))
    }
    fields.sort { $0.sortKey < $1.sortKey }
    var parts = items + fields.map { "\($0.key) = \($0.value)" }
    if hidden > 0 { parts.append("… \(hidden) more") }
    if parts.isEmpty { return "{}" }
    let oneLine = "{" + parts.joined(separator: ", ") + "}"
    if oneLine.count + indent <= width, !oneLine.contains("\n") { return oneLine }
    let pad = String(repeating: " ", count: indent + 2)
    return "{\n" + parts.map { pad + $0 }.joined(separator: ",\n") + "\n"
      + String(repeating: " ", count: indent) + "}"
  }
}

/// Bits of Lua's lexical syntax the console needs to show values and complete names.
public enum LuaSyntax {
  /// Lua's reserved words.
  public static let keywords: Set<String> = [
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
    "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
  ]

  /// Whether `name` can be written as a bare field name (`t.name`).
  public static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.utf8.first, !keywords.contains(name) else { return false }
    func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
    guard isLetter(first) else { return false }
    return name.utf8.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) }
  }

  /// `text` as a Lua string literal, escaping quotes, backslashes and control characters;
  /// other text (Vietnamese included) is kept as it is.
  public static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\0": result += "\\0"
      default:
        if scalar.value < 32 || scalar.value == 127 {
          result += "\\\(scalar.value)"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
