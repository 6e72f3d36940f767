// libFuzzer target: the console's input handling (LuaLexer, TopLevelLocals, CompletionContext).
// Built by scripts/fuzz with -sanitize=fuzzer,address; it has no main (libFuzzer's is used).

@testable import Console

/// One input: any bytes, read as a line of the console would be (invalid UTF-8 repaired).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzREPLInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let bytes = Array(line.utf8)
  var end = 0
  for token in LuaLexer.tokens(line) {
    // Tokens lie in order inside the line, and each is the text at its range.
    precondition(token.range.lowerBound >= end && token.range.upperBound <= bytes.count)
    precondition(!token.range.isEmpty)
    precondition(String(decoding: bytes[token.range], as: UTF8.self) == token.text)
    end = token.range.upperBound
  }
  let rewritten = TopLevelLocals.rewrite(line)
  // Every line stays where it was: messages keep the line numbers of what was typed.
  precondition(rewritten.utf8.filter { $0 == 10 }.count == bytes.filter { $0 == 10 }.count)
  let word = String(line.reversed().prefix(while: { $0.isLetter || $0 == "_" }).reversed())
  _ = CompletionContext(line: line, word: word)
  _ = REPL.withoutTrailingComment(line)
  return 0
}
