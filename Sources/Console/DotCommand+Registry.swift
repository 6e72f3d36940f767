import LuaBridge
import Messages
import RegistryLua
import Render

extension DotCommandTable {
  /// The commands of the registry: `.tables`, `.schema`, `.sql`, `.backup`.
  public static func registry(_ binding: RegistryBinding) -> [DotCommand] {
    [
      DotCommand(name: "tables", usage: ".tables", summary: .helpTables) { repl, _, _ in
        let table = try binding.tables()
        repl.session.output.line(repl.render(table))
      },
      DotCommand(
        name: "schema", usage: ".schema [COLLECTION]", summary: .helpSchema, arity: 0...1
      ) { repl, words, _ in
        repl.session.output.line(try binding.schemaText(words.first))
      },
      DotCommand(
        name: "sql", usage: ".sql SELECT …", summary: .helpSQL, arity: 1...10_000
      ) { repl, _, rest in
        let stack = repl.session.lua.stack
        let base = stack.top
        defer { stack.top = base }
        stack.getGlobal("db")
        try stack.get(-1, field: "sql")
        stack.push(rest)
        try repl.session.call(arguments: 1, results: 1)
        repl.printResults(from: stack.top)
      },
      DotCommand(name: "backup", usage: ".backup FILE", summary: .helpBackup, arity: 1...1) {
        repl, words, _ in
        try binding.backup(to: words[0])
        repl.session.output.line(Message.backupDone(["path": words[0]]))
      },
    ]
  }
}

extension REPL {
  /// A table in the current mode, for the dot-commands.
  func render(_ table: Table) -> String {
    let mode = TableMode(rawValue: session.mode.rawValue) ?? .box
    let width = session.output.isTerminal ? terminalWidth() : nil
    let text = mode.render(table, options: TerminalOptions(width: width))
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }
}
