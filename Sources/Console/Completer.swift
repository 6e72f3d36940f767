import LuaBridge

/// TAB completion from what the session already knows: globals, keywords, fields of tables,
/// methods after `:`, column names inside `where{…}`, enum values inside strings, and
/// dot-commands. It only reads: tables raw, metatables' `__index` tables and the entity
/// metadata objects carry (`_entity`), so no query, `__index` function or other code runs.
///
/// Registry objects describe themselves with data: a value (or its metatable's `__index`
/// table) may hold `_entity = {columns = {...}, enums = {status = {...}}}`, and a metatable may
/// list extra names in `__fields`.
public final class Completer: CompletionSource {
  private let stack: LuaStack
  private let commands: () -> [String]

  /// A completer reading the globals of `lua`, and dot-command names from `commands`.
  public init(lua: LuaState, commands: @escaping () -> [String]) {
    self.stack = lua.stack
    self.commands = commands
  }

  public func complete(word: String, lineBeforeCursor line: String) -> [String] {
    let top = stack.top
    defer { stack.top = top }
    let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
    if trimmed.hasPrefix("."), !trimmed.contains(" ") {
      return commands().map { "." + $0 }.filter { $0.hasPrefix(String(trimmed)) }
        .map { String($0.dropFirst(trimmed.count - word.count)) }.sorted()
    }
    let context = CompletionContext(line: line, word: word)
    switch context {
    case .enumValue(let receiver, let column, let partial):
      guard pushPath(receiver), let entity = pushEntity(at: stack.top) else { return [] }
      return names(inListAt: entity, field: "enums", key: column)
        .filter { $0.hasPrefix(partial) }.sorted()  // readline closes the string
    case .column(let receiver, let partial):
      guard pushPath(receiver), let entity = pushEntity(at: stack.top) else { return [] }
      return names(inListAt: entity, field: "columns", key: nil)
        .filter { $0.hasPrefix(partial) }.sorted()
    case .member(let receiver, let separator, let partial):
      guard pushPath(receiver) else { return [] }
      let onlyFunctions = separator == ":"
      return members(of: stack.top, onlyFunctions: onlyFunctions)
        .filter { $0.name.hasPrefix(partial) && !$0.name.hasPrefix("_") }
        .map { $0.isFunction && onlyFunctions ? $0.name + "(" : $0.name }
        .sorted()
    case .name(let partial):
      stack.pushGlobals()
      var result = Set(
        members(of: stack.top, onlyFunctions: false).map(\.name).filter {
          $0.hasPrefix(partial) && !$0.hasPrefix("_")
        })
      result.formUnion(LuaSyntax.keywords.filter { $0.hasPrefix(partial) })
      return result.sorted()
    case .none:
      return []
    }
  }

  // MARK: Reading values without running code

  /// Pushes the value named by `path` (`a.b.c`), following only raw fields and `__index`
  /// tables. False (with nothing pushed) when any step is missing.
  private func pushPath(_ path: [String]) -> Bool {
    stack.pushGlobals()
    for name in path {
      guard stack.type(at: -1) == .table || stack.type(at: -1) == .userdata,
        rawLookup(at: stack.top, name)
      else {
        stack.pop()
        return false
      }
      stack.remove(at: -2)
    }
    return true
  }

  /// Pushes `t[name]` looked up raw, then through `__index` tables (never functions), up to a
  /// few levels. Returns false (nothing pushed) when not found.
  private func rawLookup(at index: Int32, _ name: String) -> Bool {
    var current = stack.absolute(index)
    let base = stack.top
    for _ in 0..<4 {
      if stack.type(at: current) == .table {
        if stack.rawGet(current, name) != .nil {
          let found = stack.top
          stack.pushValue(at: found)
          stack.insert(at: base + 1)
          stack.top = base + 1
          return true
        }
        stack.pop()
      }
      guard stack.getMetatable(current) else { break }
      guard stack.rawGet(-1, "__index") == .table else { break }
      current = stack.top
    }
    stack.top = base
    return false
  }

  /// Pushes the entity metadata of the value at `index` (its raw or inherited `_entity`).
  private func pushEntity(at index: Int32) -> Int32? {
    rawLookup(at: index, "_entity") && stack.type(at: -1) == .table ? stack.top : nil
  }

  /// The strings in `entity[field]` (or `entity[field][key]`), a list or a set of keys.
  private func names(inListAt entity: Int32, field: String, key: String?) -> [String] {
    let base = stack.top
    defer { stack.top = base }
    guard stack.rawGet(entity, field) == .table else { return [] }
    if let key {
      guard stack.rawGet(-1, key) == .table else { return [] }
    }
    return strings(inTableAt: stack.top)
  }

  private func strings(inTableAt index: Int32) -> [String] {
    var result: [String] = []
    stack.pushNil()
    while stack.rawNext(index) {
      if stack.type(at: -1) == .string, let value = stack.toString(-1) {
        result.append(value)
      } else if stack.type(at: -2) == .string, let key = stack.toString(-2) {
        result.append(key)
      }
      stack.pop()
    }
    return result
  }

  /// String keys of the table at `index`, of its `__index` tables, and its metatable's
  /// `__fields`, with whether each is a function.
  private func members(of index: Int32, onlyFunctions: Bool) -> [(name: String, isFunction: Bool)] {
    var seen: [String: Bool] = [:]
    var current = stack.absolute(index)
    let base = stack.top
    defer { stack.top = base }
    for _ in 0..<4 {
      if stack.type(at: current) == .table {
        stack.pushNil()
        while stack.rawNext(current) {
          if stack.type(at: -2) == .string, let key = stack.toString(-2),
            LuaSyntax.isIdentifier(key)
          {
            let isFunction = stack.type(at: -1) == .function
            if seen[key] == nil, !onlyFunctions || isFunction { seen[key] = isFunction }
          }
          stack.pop()
        }
      }
      guard stack.getMetatable(current) else { break }
      let meta = stack.top
      if stack.rawGet(meta, "__fields") == .table, !onlyFunctions {
        for name in strings(inTableAt: stack.top) where seen[name] == nil { seen[name] = false }
      }
      stack.pop()
      // Methods a metatable declares (rows: their `__index` is a function).
      if stack.rawGet(meta, "__methods") == .table {
        for name in strings(inTableAt: stack.top) { seen[name] = true }
      }
      stack.pop()
      let index = stack.rawGet(meta, "__index")
      if index == .function {
        // Methods kept on the metatable itself, behind an `__index` function (queries,
        // result sets), except its own names (`__…`, `_…`) and those in `__static`.
        var hidden = Set<String>()
        if stack.rawGet(meta, "__static") == .table {
          hidden = Set(strings(inTableAt: stack.top))
        }
        stack.pop()
        stack.pushNil()
        while stack.rawNext(meta) {
          if stack.type(at: -1) == .function, stack.type(at: -2) == .string,
            let key = stack.toString(-2), LuaSyntax.isIdentifier(key), !key.hasPrefix("_"),
            !hidden.contains(key), seen[key] == nil
          {
            seen[key] = true
          }
          stack.pop()
        }
      }
      guard index == .table else { break }
      current = stack.top
    }
    return seen.map { ($0.key, $0.value) }
  }
}

/// What the text before the cursor asks to complete.
enum CompletionContext: Equatable {
  /// A global name or keyword.
  case name(String)
  /// A field (`.`) or method (`:`) of the value at a path.
  case member(receiver: [String], separator: Character, partial: String)
  /// A column name inside `receiver:where{…`.
  case column(receiver: [String], partial: String)
  /// An enum value inside a string: `receiver:where{status = "sub`.
  case enumValue(receiver: [String], column: String, partial: String)
  case none

  /// Reads the context from the line up to the cursor and the word readline is completing.
  init(line: String, word: String) {
    let tokens = LuaLexer.tokens(line)
    // Inside an unfinished string: an enum value, if a `where{ column =` precedes it.
    if let last = tokens.last, last.kind == .string, last.range.upperBound == line.utf8.count,
      let quote = last.text.first, quote == "\"" || quote == "'",
      last.text.count == 1 || last.text.last != quote
    {
      let partial = String(last.text.dropFirst())
      let before = Array(tokens.dropLast())
      if before.count >= 2, before[before.count - 1].text == "=",
        before[before.count - 2].kind == .name,
        let receiver = CompletionContext.whereReceiver(Array(before.dropLast(2)))
      {
        self = .enumValue(
          receiver: receiver, column: before[before.count - 2].text, partial: partial)
        return
      }
      self = .none
      return
    }
    var rest = tokens
    var partial = ""
    if let last = rest.last, last.kind == .name, last.range.upperBound == line.utf8.count {
      partial = last.text
      rest.removeLast()
    }
    if let separator = rest.last, separator.text == "." || separator.text == ":",
      separator.range.upperBound == line.utf8.count - partial.utf8.count
    {
      rest.removeLast()
      guard let receiver = CompletionContext.chainRoot(rest) else {
        self = .none
        return
      }
      self = .member(receiver: receiver, separator: separator.text.first!, partial: partial)
      return
    }
    if let last = rest.last, last.text == "{" || last.text == ",",
      let receiver = CompletionContext.whereReceiver(rest)
    {
      self = .column(receiver: receiver, partial: partial)
      return
    }
    self = word.isEmpty && partial.isEmpty ? .name("") : .name(partial)
  }

  /// A dotted name path ending the tokens (`a.b.c`), or nil.
  static func path(endingAt tokens: [LuaLexer.Token]) -> [String]? {
    var names: [String] = []
    var index = tokens.count - 1
    while index >= 0, tokens[index].kind == .name, !LuaSyntax.keywords.contains(tokens[index].text)
    {
      names.insert(tokens[index].text, at: 0)
      if index >= 1, tokens[index - 1].text == "." {
        index -= 2
      } else {
        break
      }
    }
    return names.isEmpty ? nil : names
  }

  /// The root of a call chain ending the tokens: `registrations:where{…}:order("x")` gives
  /// `registrations`, whose metadata the whole chain shares; `a.b.c` gives `a.b.c`.
  static func chainRoot(_ tokens: [LuaLexer.Token]) -> [String]? {
    if let direct = path(endingAt: tokens), tokens.count == 0 || tokens.last?.kind == .name {
      let consumed = direct.count * 2 - 1
      let before = tokens.count - consumed - 1
      if before < 0 || tokens[before].text != ":" { return direct }
    }
    var index = tokens.count - 1
    while index >= 0 {
      let text = tokens[index].text
      if text == ")" || text == "}" {
        var depth = 0
        while index >= 0 {
          let t = tokens[index].text
          if t == ")" || t == "}" { depth += 1 }
          if t == "(" || t == "{" { depth -= 1 }
          index -= 1
          if depth == 0 { break }
        }
        continue
      }
      if tokens[index].kind == .name || text == "." || text == ":" || tokens[index].kind == .string
      {
        index -= 1
        continue
      }
      break
    }
    var names: [String] = []
    var position = index + 1
    while position < tokens.count, tokens[position].kind == .name {
      names.append(tokens[position].text)
      guard position + 1 < tokens.count, tokens[position + 1].text == "." else { break }
      position += 2
    }
    return names.isEmpty ? nil : names
  }

  /// The receiver of an open `receiver:where{` (or `:where(` … `{`), skipping complete
  /// `field = value,` pairs inside the braces.
  static func whereReceiver(_ tokens: [LuaLexer.Token]) -> [String]? {
    var depth = 0
    var index = tokens.count - 1
    while index >= 0 {
      let text = tokens[index].text
      if text == "}" || text == ")" {
        depth += 1
      } else if text == "{" || text == "(" {
        if depth == 0 {
          var head = index - 1
          if head >= 0, tokens[head].text == "(" { head -= 1 }
          guard head >= 2, tokens[head].text == "where" || tokens[head].text == "filter",
            tokens[head - 1].text == ":"
          else { return nil }
          return chainRoot(Array(tokens[..<(head - 1)]))
        }
        depth -= 1
      }
      index -= 1
    }
    return nil
  }
}
