import Testing

@testable import Render

@Suite struct LineRendererTests {
  @Test func rowsReadAsNameEqualsValueLikeSqlite3() {
    let table = Table(
      columns: [Column("id", kind: .integer), Column("unit_name"), Column("note")],
      rows: [[1, "Đạ Sar", "dòng 1\ndòng 2"], [2, "Lát", nil]])
    #expect(
      LineRenderer(language: .vi).render(table) == """
               id = 1
        unit_name = Đạ Sar
             note = dòng 1
                    dòng 2

               id = 2
        unit_name = Lát
             note = NULL

        """)
  }

  @Test func shortNamesArePaddedToFiveColumnsAsSqlite3Does() {
    let table = Table(columns: [Column("a")], rows: [["x"], ["y"]])
    #expect(
      LineRenderer(maxRows: 1, language: .en).render(table) == """
            a = x

        … 1 more row

        """)
  }

  @Test func anEmptyTableSaysSo() {
    #expect(LineRenderer(language: .en).render(Table(columns: [Column("a")])) == "(no rows)\n")
  }
}
