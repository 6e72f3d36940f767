import Console
import Foundation
import LuaBridge
import Messages
import TestSupport

/// A REPL fed by a scripted reader, with results and errors captured in files.
final class ConsoleHarness {
  let directory: TemporaryDirectory
  let session: Session
  let reader: ScriptedLineReader
  let repl: REPL

  init(_ lines: [String], lua: LuaState? = nil) throws {
    Language.current = .vi
    directory = try TemporaryDirectory()
    session = Session(lua: try lua ?? LuaState(), programName: "sangtao")
    reader = ScriptedLineReader(lines)
    repl = REPL(session: session, reader: reader)
    try session.output.redirect(to: directory.path("out"), once: false)
    try session.errors.redirect(to: directory.path("err"), once: false)
  }

  /// Runs the loop to the end and returns what it printed.
  func run() throws -> (output: String, errors: String) {
    repl.run()
    session.output.reset()
    session.errors.reset()
    // Read with C's stdio: Foundation's String(contentsOfFile:) leaks a buffer on Linux, which
    // LeakSanitizer reports when the suite runs under scripts/test --sanitize.
    return (
      String(decoding: fileBytes(directory.path("out")) ?? [], as: UTF8.self),
      String(decoding: fileBytes(directory.path("err")) ?? [], as: UTF8.self)
    )
  }
}
