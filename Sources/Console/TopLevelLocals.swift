/// Keeps `local` at the prompt working on the next line.
///
/// Each line typed at the prompt is its own chunk, so in `lua.c` a `local x = 1` is gone by the
/// next line. Here a `local` statement at the top level of a typed chunk becomes a session
/// variable: `local x, y = 1, 2` runs as `x, y = 1, 2`, `local n` as `n = nil`, and
/// `local function f` as `function f`. Locals inside functions and blocks, and locals with
/// attributes (`<const>`, `<close>`), are untouched; scripts are never rewritten.
///
/// The rewrite replaces characters with spaces only, so line and column numbers in messages
/// stay those of what was typed.
public enum TopLevelLocals {
  /// `source` with its top-level `local` statements made session-wide.
  ///
  ///     TopLevelLocals.rewrite("local x = 1")  // "      x = 1"
  public static func rewrite(_ source: String) -> String {
    let tokens = LuaLexer.tokens(source)
    var bytes = Array(source.utf8)
    var edits: [(range: Range<Int>, text: [UInt8])] = []
    var depth = 0
    var pendingDo = 0
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      guard token.kind == .name else {
        index += 1
        continue
      }
      switch token.text {
      case "function", "if", "repeat":
        depth += 1
      case "while", "for":
        depth += 1
        pendingDo += 1
      case "do":
        if pendingDo > 0 { pendingDo -= 1 } else { depth += 1 }
      case "end", "until":
        depth = max(0, depth - 1)
      case "local" where depth == 0:
        if let edit = rewriteLocal(tokens, at: index, in: bytes) { edits.append(edit) }
      default:
        break
      }
      index += 1
    }
    for edit in edits.reversed() {
      bytes.replaceSubrange(edit.range, with: edit.text)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The edit for the `local` at `index`, or nil to leave it (attributes, odd syntax).
  private static func rewriteLocal(_ tokens: [LuaLexer.Token], at index: Int, in bytes: [UInt8])
    -> (range: Range<Int>, text: [UInt8])?
  {
    let local = tokens[index]
    let blank = [UInt8](repeating: 32, count: local.range.count)
    guard index + 1 < tokens.count else { return nil }
    if tokens[index + 1].text == "function" {
      return (local.range, blank)  // `local function f` -> `function f`
    }
    // A name list: name {',' name}, then '=' or the end of the statement.
    var position = index + 1
    while position < tokens.count {
      guard tokens[position].kind == .name, !LuaSyntax.keywords.contains(tokens[position].text)
      else { return nil }
      position += 1
      if position < tokens.count, tokens[position].text == "<" { return nil }  // attribute
      guard position < tokens.count, tokens[position].text == "," else { break }
      position += 1
    }
    if position < tokens.count, tokens[position].text == "=" {
      return (local.range, blank)
    }
    // `local a, b` declares without values: `a, b = nil` keeps the meaning.
    let names = local.range.upperBound..<tokens[position - 1].range.upperBound
    return (local.range.lowerBound..<names.upperBound, blank + bytes[names] + Array(" = nil".utf8))
  }
}

/// A small Lua lexer: enough to find names, strings, comments and symbols with their byte
/// ranges. Used to rewrite prompt chunks and to find the expression under the cursor for
/// completion.
public enum LuaLexer {
  /// A token and where it is.
  public struct Token: Equatable {
    public enum Kind: Equatable { case name, number, string, symbol }
    public let kind: Kind
    public let text: String
    public let range: Range<Int>
  }

  /// The tokens of `source`, skipping comments and white space. An unfinished string or
  /// comment runs to the end.
  public static func tokens(_ source: String) -> [Token] {
    let bytes = Array(source.utf8)
    var tokens: [Token] = []
    var i = 0
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func isNameByte(_ c: UInt8) -> Bool {
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || (c >= 48 && c <= 57)
    }
    /// The level of a long bracket `[==[` at `at`, or nil.
    func longBracket(at: Int) -> Int? {
      guard at < bytes.count, bytes[at] == 91 else { return nil }
      var j = at + 1
      var level = 0
      while j < bytes.count, bytes[j] == 61 {
        level += 1
        j += 1
      }
      return j < bytes.count && bytes[j] == 91 ? level : nil
    }
    /// The end (exclusive) of a long bracket body opened at `at` with `level`.
    func endOfLong(from at: Int, level: Int) -> Int {
      let close = [93] + [UInt8](repeating: 61, count: level) + [93]
      var j = at + level + 2
      while j + close.count <= bytes.count {
        if Array(bytes[j..<j + close.count]) == close { return j + close.count }
        j += 1
      }
      return bytes.count
    }
    while i < bytes.count {
      let c = bytes[i]
      if c == 32 || (c >= 9 && c <= 13) {  // Lua's blanks: space, \t \n \v \f \r
        i += 1
      } else if c == 45, i + 1 < bytes.count, bytes[i + 1] == 45 {  // comment
        if let level = longBracket(at: i + 2) {
          i = endOfLong(from: i + 2, level: level)
        } else {
          while i < bytes.count, bytes[i] != 10 { i += 1 }
        }
      } else if let level = longBracket(at: i) {
        let end = endOfLong(from: i, level: level)
        tokens.append(Token(kind: .string, text: text(i..<end), range: i..<end))
        i = end
      } else if c == 34 || c == 39 {  // quoted string
        var j = i + 1
        while j < bytes.count, bytes[j] != c, bytes[j] != 10 {
          j += bytes[j] == 92 ? 2 : 1
        }
        let end = min(bytes.count, j + 1)
        tokens.append(Token(kind: .string, text: text(i..<end), range: i..<end))
        i = end
      } else if (c >= 48 && c <= 57)
        || (c == 46 && i + 1 < bytes.count && bytes[i + 1] >= 48 && bytes[i + 1] <= 57)
      {
        var j = i + 1
        while j < bytes.count,
          isNameByte(bytes[j]) || bytes[j] == 46
            || ((bytes[j] == 43 || bytes[j] == 45)
              && (bytes[j - 1] | 32 == 101 || bytes[j - 1] | 32 == 112))
        {
          j += 1
        }
        tokens.append(Token(kind: .number, text: text(i..<j), range: i..<j))
        i = j
      } else if isNameByte(c) || c >= 128 {
        var j = i + 1
        while j < bytes.count, isNameByte(bytes[j]) || bytes[j] >= 128 { j += 1 }
        tokens.append(Token(kind: .name, text: text(i..<j), range: i..<j))
        i = j
      } else {
        let three = i + 3 <= bytes.count ? text(i..<i + 3) : ""
        let two = i + 2 <= bytes.count ? text(i..<i + 2) : ""
        let length =
          three == "..."
          ? 3 : ["==", "~=", "<=", ">=", "//", "::", "<<", ">>", ".."].contains(two) ? 2 : 1
        tokens.append(Token(kind: .symbol, text: text(i..<i + length), range: i..<i + length))
        i += length
      }
    }
    return tokens
  }
}
