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
      DotCommand(
        name: "import", usage: ".import FILE COLLECTION [--dry-run]", summary: .helpImport,
        details: .helpImportDetails, arity: 2...3
      ) { repl, words, _ in
        let dryRun = words.count == 3 && words[2] == "--dry-run"
        if words.count == 3 && !dryRun {
          throw DotCommandError.invalidArgument(
            command: ".import", argument: words[2], expected: "--dry-run")
        }
        let table = try binding.tableName(words[1])
        for line in try binding.importCSV(path: words[0], into: table, dryRun: dryRun) {
          repl.session.output.line(line)
        }
      },
      DotCommand(
        name: "export", usage: ".export COLLECTION FILE [--plain]", summary: .helpExport,
        arity: 2...3
      ) { repl, words, _ in
        let plain = words.count == 3 && words[2] == "--plain"
        if words.count == 3 && !plain {
          throw DotCommandError.invalidArgument(
            command: ".export", argument: words[2], expected: "--plain")
        }
        let count = try binding.exportCSV(
          table: try binding.tableName(words[0]), to: words[1], plain: plain)
        repl.session.output.line(Message.exportDone(["count": count, "path": words[1]]))
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
