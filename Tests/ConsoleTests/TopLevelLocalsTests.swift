import Console
import Testing

@Suite struct TopLevelLocalsTests {
  @Test func topLevelLocalsBecomeAssignmentsOfTheSameLength() {
    #expect(TopLevelLocals.rewrite("local x = 1") == "      x = 1")
    #expect(TopLevelLocals.rewrite("local function f() end") == "      function f() end")
    #expect(TopLevelLocals.rewrite("local a, b") == "      a, b = nil")
  }

  @Test func nestedLocalsAndAttributesAreLeftAlone() {
    let nested = "function f() local y = 2 return y end"
    #expect(TopLevelLocals.rewrite(nested) == nested)
    let loop = "for i = 1, 3 do local z = i end"
    #expect(TopLevelLocals.rewrite(loop) == loop)
    let closing = "local h <close> = nil"
    #expect(TopLevelLocals.rewrite(closing) == closing)
    let quoted = "s = 'local x = 1' -- local y = 2"
    #expect(TopLevelLocals.rewrite(quoted) == quoted)
  }

  @Test func everyBlankLuaKnowsSeparatesTokens() {
    // Found by InputFuzzTests: a vertical tab hid the attribute from the rewrite.
    let attribute = "local a\u{0B}<const>, b\u{0C}<close> = 1, nil"
    #expect(TopLevelLocals.rewrite(attribute) == attribute)
    #expect(LuaLexer.tokens("a\u{0B}b\u{0C}c").map(\.text) == ["a", "b", "c"])
  }

  @Test func blocksAfterLoopsKeepTheirDepth() {
    #expect(
      TopLevelLocals.rewrite("while false do end local w = 1") == "while false do end       w = 1")
  }
}
