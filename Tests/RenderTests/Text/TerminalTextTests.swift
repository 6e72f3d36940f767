import Testing

@testable import Render

@Suite struct TerminalTextTests {
  @Test func singleLineShowsBreaksAndControlsVisibly() {
    #expect(TerminalText.singleLine("Đạ Sar\nLát") == "Đạ Sar↵Lát")
    #expect(TerminalText.singleLine("a\r\nb\rc") == "a↵b↵c")
    #expect(TerminalText.singleLine("\u{1B}[31mđỏ\u{7F}\u{9B}") == "␛[31mđỏ␡�")
    #expect(TerminalText.singleLine("a\tb") == "a b")
  }

  @Test func multiLineKeepsBreaksAsLineFeeds() {
    #expect(TerminalText.multiLine("a\r\nb\rc\u{7}") == "a\nb\nc␇")
  }
}
