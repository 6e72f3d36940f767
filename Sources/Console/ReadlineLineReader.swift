import CReadline
import Glibc
import LuaBridge

/// Proposes completions for the word being typed; the console's is `Completer`.
public protocol CompletionSource: AnyObject {
  /// Candidates replacing `word`, the text from the last word break to the cursor, given the
  /// whole line up to the cursor.
  func complete(word: String, lineBeforeCursor: String) -> [String]
}

/// Line editing with GNU readline: history, reverse search, `~/.inputrc` (as `sangtao`), TAB
/// completion, and Ctrl-C that clears the line instead of killing the session.
///
/// Readline is process-wide state, so there is one reader per process, and the C callbacks
/// reach it through `ReadlineLineReader.active`.
public final class ReadlineLineReader: LineReader {
  /// The reader readline's callbacks talk to. Readline itself is global, so is this.
  nonisolated(unsafe) static var active: ReadlineLineReader?

  private let historyPath: String?
  private let historyLimit: Int32
  /// Where completions come from; nil turns completion off.
  public weak var completion: CompletionSource?
  private var pending: LineInput?
  fileprivate var candidates: [String] = []

  /// Sets up readline for `sangtao`, loading the history file at `historyPath` if any.
  ///
  /// - Parameters:
  ///   - historyPath: the history file (created 0600); nil keeps no history on disk.
  ///   - historyLimit: how many entries the file keeps.
  public init(historyPath: String?, historyLimit: Int32 = 1000) {
    self.historyPath = historyPath
    self.historyLimit = historyLimit
    ReadlineLineReader.active = self
    Self.editCharactersNotBytes()
    // Ctrl-C is ours (see readLine); names complete up to these word breaks.
    creadline_configure(
      strdup("sangtao"), attemptCompletion, strdup(" \t\n\"\\'`@$><=;|&{(,[+-*/%^~#.:"))
    _ = rl_variable_bind("enable-bracketed-paste", "on")  // pasted TABs never complete
    using_history()
    if let historyPath {
      _ = read_history(historyPath)
    }
  }

  /// Readline takes the character type from the environment, and with none (no `LANG`, as
  /// under cron, ssh or in containers) it edits bytes: Backspace would cut "ế" in half. Then,
  /// and only then, characters are UTF-8. Lua is unaffected: in `C.UTF-8` every single byte
  /// classifies as in `C`.
  private static func editCharactersNotBytes() {
    let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) }
    if chosen == nil || chosen == "C" || chosen == "POSIX" {
      _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
  }

  public var isInteractive: Bool { true }

  public func readLine(prompt: String) -> LineInput {
    pending = nil
    rl_callback_handler_install(prompt, lineHandler)
    defer { rl_callback_handler_remove() }
    while pending == nil {
      // The terminal, and the prompt's Ctrl-C: a signal that lands while readline works
      // between two waits gives no EINTR, but leaves this descriptor readable.
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: LuaInterrupts.promptSignalDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&descriptors, 2, -1)
      if ready < 0 && errno != EINTR { return .end }
      if LuaInterrupts.takePromptSignal() {
        clearLine()
        return .interrupted
      }
      if ready > 0 && descriptors[0].revents != 0 { rl_callback_read_char() }
    }
    return pending ?? .end
  }

  /// Ctrl-C at the prompt: forget the partial line and move to a fresh one.
  private func clearLine() {
    creadline_clear_line()
    StandardStreams.write("^C\n", to: creadline_outstream())
  }

  fileprivate func received(_ line: UnsafeMutablePointer<CChar>?) {
    if let line {
      pending = .line(String(cString: line))
      free(line)
    } else {
      pending = .end
    }
    rl_callback_handler_remove()  // no prompt redisplay after the line is taken
  }

  /// Adds `entry` to the history unless it repeats the last one or starts with a space
  /// (a private line), and appends it to the history file.
  public func addHistory(_ entry: String) {
    if entry.isEmpty || entry.first == " " { return }
    let count = creadline_history_length()
    if count > 0, let last = history_get(creadline_history_base() + count - 1),
      let lastLine = last.pointee.line, String(cString: lastLine) == entry
    {
      return
    }
    add_history(entry)
    guard let historyPath else { return }
    let fd = open(historyPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    if fd >= 0 { Glibc.close(fd) }
    _ = append_history(1, historyPath)
    _ = chmod(historyPath, 0o600)
  }

  public func historyEntries() -> [String] {
    (0..<creadline_history_length()).compactMap { offset in
      history_get(creadline_history_base() + offset)?.pointee.line.map { String(cString: $0) }
    }
  }

  /// Trims the history file to its limit; call when the session ends.
  public func close() {
    if let historyPath {
      _ = history_truncate_file(historyPath, historyLimit)
      _ = chmod(historyPath, 0o600)
    }
    if ReadlineLineReader.active === self { ReadlineLineReader.active = nil }
  }
}

private let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
  ReadlineLineReader.active?.received(line)
}

/// Readline's completion entry point: ask the source, then hand readline malloc'd copies.
private let attemptCompletion:
  @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<
    UnsafeMutablePointer<CChar>?
  >? = { text, start, end in
    creadline_completion_over()  // never fall back to file names
    guard let reader = ReadlineLineReader.active, let source = reader.completion, let text
    else { return nil }
    let word = String(cString: text)
    let before =
      creadline_line_buffer().map { buffer -> String in
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(end))
        return String(decoding: bytes, as: UTF8.self)
      } ?? ""
    reader.candidates = source.complete(word: word, lineBeforeCursor: before)
    if reader.candidates.isEmpty { return nil }
    if reader.candidates.count == 1, let only = reader.candidates.first,
      only.hasSuffix("(") || only.hasSuffix(".") || only.hasSuffix(":")
    {
      creadline_no_append()
    }
    return rl_completion_matches(text, nextCandidate)
  }

private let nextCandidate:
  @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<
    CChar
  >? = { _, state in
    guard let reader = ReadlineLineReader.active else { return nil }
    let index = Int(state)
    guard index < reader.candidates.count else { return nil }
    return strdup(reader.candidates[index])
  }
