import Glibc
import LuaBridge
import Messages

/// One dot-command: its name, how it is written, its help, and what it does. Help is data: the
/// same entry feeds `.help`, `.help NAME` and usage errors (as in the sqlite3 shell).
public struct DotCommand {
  /// The name without the dot: `mode`.
  public let name: String
  /// How it is written: `.mode box|markdown|csv|json|line|lua`.
  public let usage: String
  /// One line of help.
  public let summary: Message
  /// More help for `.help NAME`, if any.
  public let details: Message?
  /// The arguments a call must have, at least and at most.
  public let arity: ClosedRange<Int>
  /// Runs the command with its arguments (words, quotes removed) and the raw rest of the line.
  public let run: (REPL, [String], String) throws -> Void

  /// A command.
  public init(
    name: String, usage: String, summary: Message, details: Message? = nil,
    arity: ClosedRange<Int> = 0...0, run: @escaping (REPL, [String], String) throws -> Void
  ) {
    self.name = name
    self.usage = usage
    self.summary = summary
    self.details = details
    self.arity = arity
    self.run = run
  }
}

/// A failed dot-command: what and why, in the user's language.
public enum DotCommandError: LocalizedFailure {
  case unknown(String)
  case usage(String)
  case invalidArgument(command: String, argument: String, expected: String)

  public func message(in language: Language) -> String {
    switch self {
    case .unknown(let name):
      return Message.unknownCommand(["name": name], in: language)
    case .usage(let usage):
      return Message.commandUsage(["usage": usage], in: language)
    case .invalidArgument(let command, let argument, let expected):
      return Message.invalidCommandArgument(
        ["command": command, "argument": argument, "expected": expected], in: language)
    }
  }
}

/// The dot-commands of the console, in the order `.help` lists them.
public struct DotCommandTable {
  /// The commands.
  public private(set) var commands: [DotCommand]

  /// A table of `commands`.
  public init(_ commands: [DotCommand]) {
    self.commands = commands
  }

  /// Adds `command`, replacing one of the same name.
  public mutating func add(_ command: DotCommand) {
    commands.removeAll { $0.name == command.name }
    commands.append(command)
  }

  /// The command named `name` (without the dot), accepting a unique prefix as sqlite3 does.
  public func command(named name: String) -> DotCommand? {
    if let exact = commands.first(where: { $0.name == name }) { return exact }
    let candidates = commands.filter { $0.name.hasPrefix(name) }
    return candidates.count == 1 ? candidates.first : nil
  }

  /// Whether `line` is a dot-command: its first non-blank character is a dot.
  static func isCommand(_ line: String) -> Bool {
    line.first(where: { $0 != " " && $0 != "\t" }) == "."
  }

  /// Runs the dot-command written in `line`.
  ///
  /// - Throws: `DotCommandError` for an unknown command or wrong arguments, or what the
  ///   command throws.
  func run(_ line: String, in repl: REPL) throws {
    let trimmed = line.drop(while: { $0 == " " || $0 == "\t" }).dropFirst()
    let name = String(trimmed.prefix(while: { $0 != " " && $0 != "\t" }))
    let rest = String(trimmed.dropFirst(name.count).drop(while: { $0 == " " || $0 == "\t" }))
    guard let command = command(named: name) else { throw DotCommandError.unknown(name) }
    let words = DotCommandTable.words(rest)
    guard command.arity.contains(words.count) else { throw DotCommandError.usage(command.usage) }
    try command.run(repl, words, rest)
  }

  /// Splits arguments on blanks, honouring single and double quotes.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var inWord = false
    for character in text {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
        inWord = true
      } else if character == " " || character == "\t" {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }

  /// The help listing: every command with its summary, aligned.
  func helpText(in language: Language) -> String {
    let width = commands.map { $0.usage.count }.max() ?? 0
    return commands.map { command in
      command.usage + String(repeating: " ", count: width - command.usage.count + 2)
        + command.summary(in: language)
    }.joined(separator: "\n")
  }
}

extension DotCommandTable {
  /// The commands every console has; the registry adds its own (`.tables`, `.sql`…).
  public static var builtin: DotCommandTable {
    DotCommandTable([
      DotCommand(
        name: "help", usage: ".help [COMMAND]", summary: .helpHelp, arity: 0...1
      ) { repl, words, _ in
        if let topic = words.first {
          let name = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
          guard let command = repl.commands.command(named: name) else {
            throw DotCommandError.unknown(name)
          }
          var text = command.usage + "\n  " + command.summary()
          if let details = command.details { text += "\n\n" + details() }
          repl.session.output.line(text)
        } else {
          repl.session.output.line(
            repl.commands.helpText(in: .current) + "\n\n" + Message.helpFooter())
        }
      },
      DotCommand(name: "quit", usage: ".quit", summary: .helpQuit) { repl, _, _ in
        repl.wantsToQuit = true
      },
      DotCommand(name: "exit", usage: ".exit", summary: .helpQuit) { repl, _, _ in
        repl.wantsToQuit = true
      },
      DotCommand(
        name: "mode", usage: ".mode [box|markdown|csv|json|line|lua]", summary: .helpMode,
        arity: 0...1
      ) { repl, words, _ in
        guard let word = words.first else {
          repl.session.output.line(repl.session.mode.rawValue)
          return
        }
        guard let mode = DisplayMode(rawValue: word) else {
          throw DotCommandError.invalidArgument(
            command: ".mode", argument: word,
            expected: DisplayMode.allCases.map(\.rawValue).joined(separator: "|"))
        }
        repl.session.mode = mode
      },
      DotCommand(
        name: "output", usage: ".output [FILE]", summary: .helpOutput, arity: 0...1
      ) { repl, words, _ in
        if let path = words.first {
          try repl.session.output.redirect(to: path, once: false)
        } else {
          repl.session.output.reset()
        }
      },
      DotCommand(name: "once", usage: ".once FILE", summary: .helpOnce, arity: 1...1) {
        repl, words, _ in
        try repl.session.output.redirect(to: words[0], once: true)
      },
      DotCommand(
        name: "timer", usage: ".timer on|off", summary: .helpTimer, arity: 1...1
      ) { repl, words, _ in
        switch words[0] {
        case "on": repl.showsTimer = true
        case "off": repl.showsTimer = false
        default:
          throw DotCommandError.invalidArgument(
            command: ".timer", argument: words[0], expected: "on|off")
        }
      },
      DotCommand(
        name: "read", usage: ".read FILE [ARGS…]", summary: .helpRead, arity: 1...64
      ) { repl, words, _ in
        try repl.session.runScript(path: words[0], arguments: Array(words.dropFirst()))
      },
      DotCommand(
        name: "history", usage: ".history [TEXT]", summary: .helpHistory, arity: 0...1
      ) { repl, words, _ in
        let entries = repl.reader.historyEntries()
        let pattern = words.first
        for (number, entry) in entries.enumerated()
        where pattern.map({ entry.contains($0) }) ?? true {
          repl.session.output.line("\(number + 1)  \(entry)")
        }
      },
      DotCommand(name: "lang", usage: ".lang [vi|en]", summary: .helpLang, arity: 0...1) {
        repl, words, _ in
        guard let word = words.first else {
          repl.session.output.line(Language.current.rawValue)
          return
        }
        guard let language = Language(rawValue: word) else {
          throw DotCommandError.invalidArgument(command: ".lang", argument: word, expected: "vi|en")
        }
        Language.current = language
      },
    ])
  }
}
