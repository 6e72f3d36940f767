import Testing

@testable import Render

@Suite struct TableTests {
  @Test func columnKindsAreInferredFromTheCells() {
    let table = Table(
      names: ["i", "f", "mixed", "b", "d", "t", "empty"],
      rows: [
        [1, 1, 1, true, .date("2023-03-28"), "x", nil],
        [2, 2.5, "a", false, nil, nil, nil],
      ])
    #expect(table.columns.map(\.kind) == [.integer, .number, .text, .boolean, .date, .text, .text])
    #expect(table.columns.map(\.alignment) == [.right, .right, .left, .left, .left, .left, .left])
  }

  @Test func shortRowsReadAsNullAndTheRestIsCounted() {
    let table = Table(columns: [Column("a"), Column("b")], rows: [["x"]], totalRowCount: 10)
    #expect(table.cell(0, 1) == .null)
    #expect(table.omittedRowCount == 9)
    #expect(Table(columns: [], rows: [[], []]).omittedRowCount == 0)
  }

  @Test func labelsAreSetByColumnName() {
    let table = Table(names: ["unit_name", "n"], rows: []).labeled(["unit_name": "Đơn vị"])
    #expect(table.columns.map(\.title) == ["Đơn vị", "n"])
  }

  @Test func colorsAreOnlyWrittenWhenAskedFor() {
    #expect(TerminalStyle.plain.bold("a") == "a")
    #expect(TerminalStyle.colored.bold("a") == "\u{1B}[1ma\u{1B}[0m")
    #expect(TerminalStyle.colored.dim("") == "")
  }
}
