/// The command line, read as `lua.c`'s `collectargs` reads it, plus sangtao's long options.
///
/// `sangtao [options] [script [args]]`: `-e stat` and `-l mod` run in the order given, the
/// first argument that is not an option is the script, `--` ends the options and `-` alone
/// means stdin. Long options (`--db PATH`, `--demo`…) may come anywhere before the script.
struct Invocation: Equatable {
  /// What `-e`, `-l` and `-W` ask for, in order.
  enum Step: Equatable {
    case execute(String)
    case require(String)
    case warnings
  }

  /// argv[0], for messages (`lua.c`'s progname).
  var programName: String
  /// Every argument, argv[0] first: `arg` is built from it.
  var arguments: [String]
  var steps: [Step] = []
  var interactive = false  // -i
  var showVersion = false  // -v
  var ignoreEnvironment = false  // -E
  var hasExecute = false  // some -e
  /// The index of the script in `arguments`, or nil when there is none.
  var scriptIndex: Int?

  // sangtao's own options.
  var databasePath: String?
  var demo = false
  var readOnly = false
  var format: String?
  var language: String?
  var maxMemory: String?
  var timeout: String?
  var sandbox = false
  var allowWrites = false
  var outputDirectory: String?
  var wait: String?
  var help = false
  var longVersion = false
  var echo = false
  var generate: String?
  var scale: String?
  var seed: String?

  /// Why a command line was refused: the option, for `lua.c`'s usage message.
  enum Failure: Error, Equatable {
    /// `'-e' needs argument`.
    case needsArgument(String)
    /// `unrecognized option '-x'`.
    case unrecognized(String)
  }

  /// The long options that take a value.
  static let valued: Set<String> = [
    "--db", "--format", "--lang", "--max-memory", "--timeout", "--generate", "--scale", "--seed",
    "--out", "--wait",
  ]
  /// The long options that are flags.
  static let flags: Set<String> = [
    "--demo", "--read-only", "--sandbox", "--write", "--help", "--version", "--echo",
  ]

  /// Reads `arguments` (argv, program name first).
  ///
  /// - Throws: `Failure` naming the offending option.
  init(_ arguments: [String]) throws(Failure) {
    self.arguments = arguments
    programName = arguments.first ?? "sangtao"
    var i = 1
    while i < arguments.count {
      let word = arguments[i]
      guard word.hasPrefix("-") else {
        scriptIndex = i
        return
      }
      if word == "-" {  // stdin as the script
        scriptIndex = i
        return
      }
      if word == "--" {
        scriptIndex = i + 1 < arguments.count ? i + 1 : nil
        return
      }
      if word.hasPrefix("--") {
        try readLong(word, &i)
        i += 1
        continue
      }
      let option = word.dropFirst().first!
      let attached = String(word.dropFirst(2))
      switch option {
      case "E", "W", "i", "v":
        guard attached.isEmpty else { throw .unrecognized(word) }
        switch option {
        case "E": ignoreEnvironment = true
        case "W": steps.append(.warnings)
        case "i":
          interactive = true
          showVersion = true  // -i implies -v
        default: showVersion = true
        }
      case "e", "l":
        var value = attached
        if value.isEmpty {
          i += 1
          guard i < arguments.count, !arguments[i].hasPrefix("-") else {
            throw .needsArgument(word)
          }
          value = arguments[i]
        }
        if option == "e" {
          hasExecute = true
          steps.append(.execute(value))
        } else {
          steps.append(.require(value))
        }
      default:
        throw .unrecognized(word)
      }
      i += 1
    }
  }

  /// Reads one long option at `i` (advancing past its value).
  private mutating func readLong(_ word: String, _ i: inout Int) throws(Failure) {
    var name = word
    var value: String?
    if let equals = word.firstIndex(of: "=") {
      name = String(word[..<equals])
      value = String(word[word.index(after: equals)...])
    }
    if Invocation.flags.contains(name) {
      guard value == nil else { throw .unrecognized(word) }
      switch name {
      case "--demo": demo = true
      case "--read-only": readOnly = true
      case "--sandbox": sandbox = true
      case "--write": allowWrites = true
      case "--help": help = true
      case "--echo": echo = true
      default: longVersion = true
      }
      return
    }
    guard Invocation.valued.contains(name) else { throw .unrecognized(word) }
    if value == nil {
      i += 1
      guard i < arguments.count else { throw .needsArgument(name) }
      value = arguments[i]
    }
    switch name {
    case "--db": databasePath = value
    case "--format": format = value
    case "--lang": language = value
    case "--max-memory": maxMemory = value
    case "--timeout": timeout = value
    case "--generate": generate = value
    case "--scale": scale = value
    case "--out": outputDirectory = value
    case "--wait": wait = value
    default: seed = value
    }
  }

  /// The script's path (nil for stdin), when there is a script.
  var scriptPath: String? {
    guard let scriptIndex else { return nil }
    let path = arguments[scriptIndex]
    // `-` is stdin unless it came after `--` (then it is a file named "-").
    if path == "-" && arguments[scriptIndex - 1] != "--" { return nil }
    return path
  }
}
