import LuaBridge
import TestSupport
import Testing

@testable import Console

/// The REPL's input handling under randomized input: the corpus in Tests/Fuzz/corpus/repl,
/// mutated as a fuzzer would (`SANGTAO_FUZZ_SEED`, `SANGTAO_FUZZ_ITERATIONS`). Nothing may
/// crash, and each step keeps its promises: tokens lie in order inside the line, the rewrite
/// of top-level locals keeps every line where it was and never breaks a chunk that compiled.
@Suite struct InputFuzzTests {
  /// Corpus entries and their mutations, as text the reader would give (lossy UTF-8).
  static func inputs(count: Int) -> [String] {
    let corpus = fuzzCorpus("repl")
    var random = SeededGenerator(seed: fuzzSeed())
    var inputs = corpus.map { String(decoding: $0, as: UTF8.self) }
    while inputs.count < count {
      var bytes = corpus.randomElement(using: &random) ?? []
      for _ in 0..<Int.random(in: 1...3, using: &random) { bytes = mutate(bytes, using: &random) }
      inputs.append(String(decoding: bytes, as: UTF8.self))
    }
    return inputs
  }

  @Test func theCorpusIsThere() {
    #expect(fuzzCorpus("repl").count >= 20)
  }

  @Test func tokensLieInOrderInsideTheLine() {
    for input in Self.inputs(count: fuzzIterations(default: 3000)) {
      let bytes = Array(input.utf8)
      var end = 0
      for token in LuaLexer.tokens(input) {
        #expect(token.range.lowerBound >= end && token.range.upperBound <= bytes.count)
        #expect(!token.range.isEmpty)
        #expect(String(decoding: bytes[token.range], as: UTF8.self) == token.text)
        end = token.range.upperBound
      }
    }
  }

  @Test func theRewriteKeepsLinesAndNeverBreaksAChunk() throws {
    let lua = try LuaState()
    for input in Self.inputs(count: fuzzIterations(default: 3000)) {
      let rewritten = TopLevelLocals.rewrite(input)
      #expect(
        rewritten.utf8.filter { $0 == 10 }.count == input.utf8.filter { $0 == 10 }.count,
        "\(input.debugDescription)")
      if (try? lua.load(input, name: "=in", mode: "t")) != nil {
        lua.stack.pop()
        do {
          try lua.load(rewritten, name: "=in", mode: "t")
          lua.stack.pop()
        } catch {
          Issue.record("\(input.debugDescription) compiled, its rewrite did not: \(error)")
        }
      }
      #expect(lua.stack.top == 0)
    }
  }

  @Test func completionReadsAnyLineWithoutHarm() throws {
    let lua = try LuaState()
    try lua.run(
      "units = setmetatable({}, {__index = {where = function() end, _entity = {columns = {'name'}, enums = {kind = {'cell'}}}}})"
    )
    let completer = Completer(lua: lua) { ["help", "mode"] }
    for input in Self.inputs(count: fuzzIterations(default: 2000)) {
      let word = String(input.reversed().prefix(while: { $0.isLetter || $0 == "_" }).reversed())
      _ = CompletionContext(line: input, word: word)
      _ = completer.complete(word: word, lineBeforeCursor: input)
      #expect(lua.stack.top == 0)
    }
  }

  @Test func theREPLSurvivesRandomInputInASandboxWithLimits() throws {
    let directory = try TemporaryDirectory()
    let lua = try LuaState()
    try lua.openLimits { "time limit of \($0) s exceeded" }
    // Random code must not touch anything: files only in a fresh directory, no processes.
    try lua.enterSandbox(
      LuaSandbox(readRoots: [directory.path], writeRoot: directory.path)
    ) { _ in "refused" }
    lua.memoryLimit = lua.memoryUsed + 64 << 20
    // Dot-commands are the person's, not sandboxed (.output, .read) and may end the loop
    // (.q, .e): random ones become .help. Each input ends with Ctrl-C, which drops what an
    // unclosed string or comment would otherwise swallow.
    let lines = Self.inputs(count: fuzzIterations(default: 400)).flatMap {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(".") ? ".help" : String(line)
      } + ["^C"]
    }
    let harness = try ConsoleHarness(lines + ["return 'still here'"], lua: lua)
    harness.session.chunkTimeout = 0.05
    let (output, _) = try harness.run()
    #expect(output.hasSuffix("still here\n"))
    #expect(lua.pendingInterrupt == nil)
  }
}
