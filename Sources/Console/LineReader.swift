import Glibc
import LuaBridge

/// What reading a line gave.
public enum LineInput: Equatable, Sendable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C at the prompt: the line was cleared.
  case interrupted
  /// End of input (Ctrl-D on an empty line, or end of file).
  case end
}

/// A source of input lines for the REPL: readline on a terminal, plain reads in pipes and
/// tests. One loop serves both, as in the sqlite3 shell; only prompts and history differ.
public protocol LineReader: AnyObject {
  /// Reads one line, showing `prompt` when the reader is interactive.
  func readLine(prompt: String) -> LineInput
  /// Records a whole chunk (possibly several lines) as one history entry.
  func addHistory(_ entry: String)
  /// Whether prompts are shown and history kept.
  var isInteractive: Bool { get }
  /// The history, oldest first (empty when none is kept).
  func historyEntries() -> [String]
}

extension LineReader {
  public func historyEntries() -> [String] { [] }
}

/// Reads lines from a C stream without editing: for pipes, files and `lua -i < file`.
///
/// Prompts are written to stdout when `showsPrompt` is set, as `lua.c` does without readline.
public final class PlainLineReader: LineReader {
  private let stream: UnsafeMutablePointer<FILE>
  private let showsPrompt: Bool
  private let echoes: Bool

  /// A reader of `stream` (stdin by default).
  ///
  /// - Parameters:
  ///   - showsPrompt: write the prompt before each line.
  ///   - echoes: write each line read after its prompt, as a terminal would show it, so that
  ///     a piped session reads as a transcript (`--echo`, as sqlite3's `-echo`).
  public init(
    stream: UnsafeMutablePointer<FILE> = StandardStreams.input, showsPrompt: Bool,
    echoes: Bool = false
  ) {
    self.stream = stream
    self.showsPrompt = showsPrompt
    self.echoes = echoes
  }

  public var isInteractive: Bool { showsPrompt }

  public func readLine(prompt: String) -> LineInput {
    if showsPrompt {
      fputs(prompt, StandardStreams.output)
      fflush(StandardStreams.output)
    }
    var bytes: [UInt8] = []
    while true {
      let c = getc(stream)
      if c == EOF {
        if ferror(stream) != 0 && errno == EINTR {
          clearerr(stream)
          return .interrupted
        }
        if bytes.isEmpty { return .end }
        break
      }
      if c == 10 { break }
      bytes.append(UInt8(c))
    }
    if bytes.last == 13 { bytes.removeLast() }
    let line = String(decoding: bytes, as: UTF8.self)
    if echoes { StandardStreams.write(line + "\n") }
    return .line(line)
  }

  public func addHistory(_ entry: String) {}
}

/// Reads lines from an array: the scripted reader of the fast console tests.
public final class ScriptedLineReader: LineReader {
  private var lines: [String]
  /// Every prompt shown, in order, for tests to check continuation prompts.
  public private(set) var prompts: [String] = []
  /// Every history entry recorded.
  public private(set) var history: [String] = []

  /// A reader that answers `lines` in order, then `.end`. A line `"^C"` reads as Ctrl-C.
  public init(_ lines: [String]) {
    self.lines = lines
  }

  public var isInteractive: Bool { true }

  public func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    if lines.isEmpty { return .end }
    let line = lines.removeFirst()
    return line == "^C" ? .interrupted : .line(line)
  }

  public func addHistory(_ entry: String) { history.append(entry) }

  public func historyEntries() -> [String] { history }
}
