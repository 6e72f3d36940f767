import Foundation
import TestSupport
import Testing

/// REPL.md is executable: every ```sangtao block is a session on the demo registry, its `> `
/// and `>> ` lines typed into the built binary and everything else the expected output, word
/// for word. A guide that drifts from the product fails the build.
///
/// A block may say `lang=vi` (messages in Vietnamese; English otherwise). Each block starts
/// from a fresh copy of the demo registry, so a block that changes data changes nothing for
/// the next.
@Suite(.serialized) struct REPLGuideTests {
  struct Session: CustomTestStringConvertible, Sendable {
    let line: Int
    let language: String
    let lines: [String]
    var testDescription: String { "REPL.md line \(line)" }

    /// What is typed: the prompt lines without their prompts.
    var input: String {
      lines.compactMap { line -> String? in
        if line.hasPrefix(">> ") || line == ">>" { return String(line.dropFirst(3)) }
        if line.hasPrefix("> ") || line == ">" { return String(line.dropFirst(2)) }
        return nil
      }.joined(separator: "\n") + "\n"
    }

    /// The transcript as it should read.
    var expected: String { lines.joined(separator: "\n") }
  }

  static let guide = Repository.root.appendingPathComponent("REPL.md")

  /// The sessions of REPL.md, in order.
  static let sessions: [Session] = {
    guard let text = try? String(contentsOf: guide, encoding: .utf8) else { return [] }
    var sessions: [Session] = []
    var current: (line: Int, language: String, lines: [String])?
    for (number, line) in text.components(separatedBy: "\n").enumerated() {
      if var open = current {
        if line.hasPrefix("```") {
          sessions.append(Session(line: open.line, language: open.language, lines: open.lines))
          current = nil
        } else {
          open.lines.append(line)
          current = open
        }
      } else if line.hasPrefix("```sangtao") {
        current = (number + 1, line.contains("lang=vi") ? "vi" : "en", [])
      }
    }
    return sessions
  }()

  /// The demo registry, generated once for all sessions.
  nonisolated(unsafe) static let demo: TemporaryDirectory = {
    let directory = try! TemporaryDirectory()
    _ = try? run(
      Repository.binary, ["--demo", "-e", "return registrations:count()"],
      environment: cleanEnvironment(["XDG_DATA_HOME": directory.path, "HOME": directory.path]))
    return directory
  }()

  @Test func theGuideHasSessions() {
    #expect(REPLGuideTests.sessions.count >= 10)
  }

  @Test(arguments: sessions)
  func theSessionRunsAsWritten(_ session: Session) throws {
    let home = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: home.path("data/sangtao"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: REPLGuideTests.demo.path("sangtao/demo.sqlite"),
      toPath: home.path("data/sangtao/demo.sqlite"))
    let environment = cleanEnvironment([
      "XDG_DATA_HOME": home.path("data"), "HOME": home.path, "SANGTAO_LANG": session.language,
      "SANGTAO_ACTOR": "analyst",
    ])
    let result = try run(
      Repository.binary, ["--demo", "-i", "--echo"], stdin: session.input,
      environment: environment, directory: Repository.root, mergesOutput: true)
    // CSV rows end in CRLF (RFC 4180); Markdown cannot show CR, so the guide has LF.
    var transcript = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
      .components(separatedBy: "\n")
    transcript.removeFirst()  // lua.c's version line, printed by -i
    while let last = transcript.last, last.isEmpty || last == "> " { transcript.removeLast() }
    let actual = transcript.map {
      $0.replacingOccurrences(of: "[ \\r]+$", with: "", options: .regularExpression)
    }
    .joined(separator: "\n")
    let expected = session.lines.map {
      $0.replacingOccurrences(of: "[ \\r]+$", with: "", options: .regularExpression)
    }.joined(separator: "\n")
    #expect(actual == expected, "REPL.md line \(session.line) drifted")
  }
}
