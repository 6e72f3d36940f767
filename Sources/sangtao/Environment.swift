import Glibc
import LuaBridge

/// What the process learns from its environment: variables, paths, the terminal.
struct Environment {
  let variables: [String: String]

  /// The environment of this process.
  static var current: Environment {
    var variables: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return Environment(variables: variables)
  }

  /// The per-user data directory: `$XDG_DATA_HOME/sangtao`, else `~/.local/share/sangtao`.
  static func dataDirectory(_ environment: Environment) -> String {
    if let xdg = environment.variables["XDG_DATA_HOME"], !xdg.isEmpty {
      return xdg + "/sangtao"
    }
    return (environment.variables["HOME"] ?? ".") + "/.local/share/sangtao"
  }

  /// The init file: `$XDG_CONFIG_HOME/sangtao/init.lua`, else `~/.config/sangtao/init.lua`.
  static func initFilePath(_ environment: Environment) -> String {
    if let xdg = environment.variables["XDG_CONFIG_HOME"], !xdg.isEmpty {
      return xdg + "/sangtao/init.lua"
    }
    return (environment.variables["HOME"] ?? ".") + "/.config/sangtao/init.lua"
  }

  /// The default registry path, as shown in `--help`.
  static var defaultRegistryPath: String { "~/.local/share/sangtao/registry.sqlite" }

  /// The history file, in the data directory (created 0700); nil when it cannot be made.
  static func historyPath(_ environment: Environment) -> String? {
    let directory = dataDirectory(environment)
    guard makeDirectories(directory) else { return nil }
    return historyFile(environment)
  }

  /// Where the history file is, whether or not it exists.
  static func historyFile(_ environment: Environment) -> String {
    dataDirectory(environment) + "/history"
  }

  /// Creates `path` and its parents with mode 0700 (private data).
  static func makeDirectories(_ path: String) -> Bool {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      current += "/" + component
      if mkdir(current, 0o700) != 0 && errno != EEXIST { return false }
    }
    return true
  }

  /// The terminal's width in columns, if stdout is a terminal.
  static func terminalWidth() -> Int? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
