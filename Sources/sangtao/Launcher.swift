import Console
import Glibc
import LuaBridge
import Messages
import Registry
import RegistryLua

/// Runs one invocation as `lua.c`'s `pmain` does, with the registry wired in.
///
/// Order (as `lua.c`): options, `-v`, libraries, `arg`, `LUA_INIT`, `-e`/`-l`/`-W` in order,
/// the script, then the REPL with `-i`, or when nothing else was asked: the REPL on a terminal,
/// stdin as a chunk otherwise. Any error ends the run with status 1.
struct Launcher {
  let arguments: [String]
  let environment = Environment.current

  /// Runs and returns the exit status.
  func run() -> Int32 {
    let invocation: Invocation
    do {
      invocation = try Invocation(arguments)
    } catch {
      printUsage(error, program: arguments.first ?? "sangtao")
      return EXIT_FAILURE
    }
    Language.current =
      invocation.language.flatMap(Language.init(setting:))
      ?? Language.fromEnvironment(environment.variables)
    if let language = invocation.language, Language(setting: language) == nil {
      StandardStreams.write(
        "\(invocation.programName): "
          + Message.badOptionValue(["value": language, "option": "--lang", "expected": "vi|en"])
          + "\n", to: StandardStreams.error)
      return EXIT_FAILURE
    }
    if invocation.help {
      StandardStreams.write(
        Message.commandLineHelp(
          ["program": invocation.programName, "defaultdb": Environment.defaultRegistryPath]) + "\n")
      return EXIT_SUCCESS
    }
    if invocation.longVersion {
      StandardStreams.write(Versions.text + "\n")
      return EXIT_SUCCESS
    }
    let safety: SafetyOptions
    do {
      safety = try SafetyOptions(invocation)
    } catch {
      let text = Message.badOptionValue([
        "value": error.value, "option": error.option, "expected": error.expected(),
      ])
      StandardStreams.write("\(invocation.programName): \(text)\n", to: StandardStreams.error)
      return EXIT_FAILURE
    }
    if let path = invocation.generate {
      return Generation.run(path: path, scale: invocation.scale, seed: invocation.seed)
    }
    let lua: LuaState
    do {
      lua = try LuaState(ignoreEnvironment: invocation.ignoreEnvironment)
    } catch {
      StandardStreams.write("\(invocation.programName): \(error)\n", to: StandardStreams.error)
      return EXIT_FAILURE
    }
    let session = Session(lua: lua, programName: invocation.programName)
    do {
      try installRegistry(invocation, session, safety)
      try applyLimits(safety, session)
      if invocation.sandbox {
        try enterSandbox(
          invocation, session, registryPath: session.binding?.context.source.path ?? "")
      }
    } catch {
      session.message(String(describing: error))
      return EXIT_FAILURE
    }
    if let format = invocation.format {
      guard let mode = DisplayMode(rawValue: format) else {
        session.message(
          Message.badOptionValue([
            "value": format, "option": "--format",
            "expected": DisplayMode.allCases.map(\.rawValue).joined(separator: "|"),
          ]))
        return EXIT_FAILURE
      }
      session.mode = mode
    }
    // The cap comes last: setting up is the host's, only user code counts against it.
    if let memory = safety.memory { lua.memoryLimit = memory }
    return runMain(invocation, session, safety) ? EXIT_SUCCESS : EXIT_FAILURE
  }

  /// `lua.c`'s pmain after the state exists; false when anything failed.
  private func runMain(_ invocation: Invocation, _ session: Session, _ safety: SafetyOptions)
    -> Bool
  {
    if invocation.showVersion { StandardStreams.write(Versions.lua + "\n") }
    // Ctrl-C stops the running chunk with "interrupted!" and its traceback, as in lua.c.
    session.lua.catchInterrupts()
    defer { LuaState.releaseInterrupts() }
    createArgumentTable(invocation, session.lua.stack)
    if !invocation.ignoreEnvironment, !runInit(session) { return false }
    for step in invocation.steps {
      switch step {
      case .execute(let code):
        do {
          try session.runString(code, name: "=(command line)")
        } catch {
          session.report(error)
          return false
        }
      case .require(let spec):
        if !require(spec, session) { return false }
      case .warnings:
        session.lua.enableWarnings()
      }
    }
    if invocation.scriptIndex != nil, !runScript(invocation, session) { return false }
    if invocation.interactive {
      runREPL(session, invocation, safety)
    } else if invocation.scriptIndex == nil && !invocation.hasExecute && !invocation.showVersion {
      if isatty(STDIN_FILENO) != 0 {
        runREPL(session, invocation, safety, banner: true)
      } else {
        // As lua.c's `dofile(L, NULL)`: the error is reported, the status stays a success.
        do { try session.runFile(nil) } catch { session.report(error) }
      }
    }
    return true
  }

  /// Installs the registry API. A registry named on the command line (`--db`, `--demo`) or by
  /// `$SANGTAO_DB` opens now, so that a wrong path is said at once; the default one opens on
  /// first use, so that plain Lua scripts never touch it.
  private func installRegistry(
    _ invocation: Invocation, _ session: Session, _ safety: SafetyOptions
  ) throws {
    let source = RegistrySources.source(for: invocation, environment: environment)
    let binding = RegistryBinding(lua: session.lua, context: RegistryContext(source: source.source))
    session.binding = binding
    try binding.install()
    binding.context.busyTimeout = safety.wait
    if source.isExplicit { _ = try binding.context.registry() }
    let usesColor = isatty(STDOUT_FILENO) != 0 && environment.variables["NO_COLOR"] == nil
    session.presenters = [RegistryPresenter(binding: binding, usesColor: usesColor)]
    session.installShow()
    installHostTable(session.lua)
  }

  /// The `sangtao` table: versions, and `sangtao.echo`, the bridge's identity function (it
  /// returns its arguments; `scripts/bench` times ten million calls of it, T6).
  private func installHostTable(_ lua: LuaState) {
    let L = lua.stack
    L.newTable()
    L.push(Versions.sangtao)
    L.rawSet(-2, "version")
    L.push(Versions.sqlite)
    L.rawSet(-2, "sqlite")
    L.push(function: { L in L.top })
    L.rawSet(-2, "echo")
    L.setGlobal("sangtao")
  }

  /// `arg`: the script at 0, its arguments at 1…, everything before it at negative indices.
  private func createArgumentTable(_ invocation: Invocation, _ stack: LuaStack) {
    let all = invocation.arguments
    let script = invocation.scriptIndex ?? 0
    stack.newTable(array: Int32(max(0, all.count - script - 1)), hash: Int32(script + 1))
    for (index, argument) in all.enumerated() {
      stack.push(argument)
      stack.rawSet(-2, index - script)
    }
    stack.setGlobal("arg")
  }

  /// `LUA_INIT_5_4`, else `LUA_INIT`: a chunk, or `@file`.
  private func runInit(_ session: Session) -> Bool {
    var name = "=LUA_INIT_5_4"
    var value = environment.variables["LUA_INIT_5_4"]
    if value == nil {
      name = "=LUA_INIT"
      value = environment.variables["LUA_INIT"]
    }
    guard let value else { return true }
    do {
      if value.hasPrefix("@") {
        try session.runFile(String(value.dropFirst()))
      } else {
        try session.runString(value, name: name)
      }
      return true
    } catch {
      session.report(error)
      return false
    }
  }

  /// `-l mod` or `-l g=mod`: `g = require("mod")`.
  private func require(_ spec: String, _ session: Session) -> Bool {
    var global = spec
    var module = spec
    if let equals = spec.firstIndex(of: "=") {
      global = String(spec[..<equals])
      module = String(spec[spec.index(after: equals)...])
    }
    do {
      try session.guarded { () throws(LuaError) in try session.lua.require(module, as: global) }
      return true
    } catch {
      session.report(error)
      return false
    }
  }

  /// Loads the script, passes `arg[1…]` as `...`, runs it.
  private func runScript(_ invocation: Invocation, _ session: Session) -> Bool {
    let stack = session.lua.stack
    do {
      try session.lua.loadFile(invocation.scriptPath, mode: session.chunkMode)
      let extra = invocation.arguments.dropFirst((invocation.scriptIndex ?? 0) + 1)
      for argument in extra { stack.push(argument) }
      try session.call(arguments: Int32(extra.count), results: LuaStack.allResults)
      stack.top = 0
      return true
    } catch {
      session.report(error)
      return false
    }
  }

  /// The REPL: readline on a terminal, plain lines otherwise; with `banner`, sangtao's own
  /// greeting (a terminal and no script), else `lua.c`'s version line was printed already.
  private func runREPL(
    _ session: Session, _ invocation: Invocation, _ safety: SafetyOptions, banner: Bool = false
  ) {
    // A line that asks for all the memory gets "not enough memory", not the machine's swap.
    if safety.memory == nil { session.lua.memoryLimit = SafetyOptions.defaultConsoleMemory }
    session.lua.catchInterrupts()
    defer { LuaState.releaseInterrupts() }
    let reader: LineReader
    if isatty(STDIN_FILENO) != 0 {
      reader = ReadlineLineReader(historyPath: Environment.historyPath(environment))
    } else {
      reader = PlainLineReader(showsPrompt: true, echoes: invocation.echo)
    }
    let repl = REPL(session: session, reader: reader)
    repl.terminalWidth = { Environment.terminalWidth() }
    if let binding = session.binding {
      do {
        try binding.loadEverything()
        try binding.loadSchema()
      } catch {
        session.message(String(describing: error))
      }
      repl.statistics = {
        (binding.context.rowCount + session.lua.rowsStepped, binding.context.statementCount)
      }
      for command in DotCommandTable.registry(binding) { repl.commands.add(command) }
      if banner { StandardStreams.write(Banner.text(binding) + "\n") }
    } else if banner {
      StandardStreams.write(Versions.lua + "\n")
    }
    if !invocation.ignoreEnvironment { runInitFile(session) }
    // The reader holds its completion source weakly: the completer lives as long as the loop.
    let completer = Completer(lua: session.lua) { [unowned repl] in
      repl.commands.commands.map(\.name)
    }
    (reader as? ReadlineLineReader)?.completion = completer
    withExtendedLifetime(completer) { repl.run() }
    (reader as? ReadlineLineReader)?.close()
  }

  /// Runs `~/.config/sangtao/init.lua` (or under `$XDG_CONFIG_HOME`) before the first prompt,
  /// if it exists; an error in it is reported and the console opens anyway.
  private func runInitFile(_ session: Session) {
    let path = Environment.initFilePath(environment)
    guard access(path, R_OK) == 0 else { return }
    do {
      try session.runFile(path)
    } catch {
      session.message(String(describing: error))
    }
  }

  /// `lua.c`'s usage message on a bad option, then a pointer to `--help`.
  private func printUsage(_ failure: Invocation.Failure, program: String) {
    var text = program + ": "
    switch failure {
    case .needsArgument(let option): text += "'\(option)' needs argument\n"
    case .unrecognized(let option): text += "unrecognized option '\(option)'\n"
    }
    text += """
      usage: \(program) [options] [script [args]]
      Available options are:
        -e stat   execute string 'stat'
        -i        enter interactive mode after executing 'script'
        -l mod    require library 'mod' into global 'mod'
        -l g=mod  require library 'mod' into global 'g'
        -v        show version information
        -E        ignore environment variables
        -W        turn warnings on
        --        stop handling options
        -         stop handling options and execute stdin

      """
    text += Message.seeHelp(["program": program]) + "\n"
    StandardStreams.write(text, to: StandardStreams.error)
  }
}
