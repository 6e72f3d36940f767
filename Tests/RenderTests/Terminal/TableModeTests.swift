import Testing

@testable import Render

@Suite struct TableModeTests {
  static let table = Table(columns: [Column("a")], rows: [["x"], ["y"]])

  @Test func everyModeNameParsesAsTheConsoleTypesIt() {
    #expect(
      TableMode.allCases.map(\.rawValue) == [
        "box", "markdown", "csv", "excel", "json", "line", "card",
      ])
  }

  @Test func dataModesWriteEveryRowWhateverTheLimit() {
    let options = TerminalOptions(maxRows: 1, language: .en)
    #expect(TableMode.csv.render(Self.table, options: options) == "a\r\nx\r\ny\r\n")
    #expect(TableMode.excel.render(Self.table, options: options) == "\u{FEFF}a\r\nx\r\ny\r\n")
    #expect(
      TableMode.json.render(Self.table, options: options)
        == "[\n  {\"a\": \"x\"},\n  {\"a\": \"y\"}\n]\n")
  }

  @Test func terminalModesHonorTheLimit() {
    let options = TerminalOptions(maxRows: 1, language: .en)
    for mode in [TableMode.box, .markdown, .line, .card] {
      #expect(mode.render(Self.table, options: options).hasSuffix("… 1 more row\n"))
      #expect(!mode.render(Self.table, options: options).contains("y"))
    }
  }
}
