import Testing

@testable import Render

@Suite struct BoxRendererTests {
  /// Vietnamese in NFC and NFD, CJK, integers, floats and NULL.
  static let units = Table(
    columns: [
      Column("id", kind: .integer), Column("unit", label: "Đơn vị"),
      Column("model", label: "Mô hình"), Column("score", label: "Điểm", kind: .number),
    ],
    rows: [
      [1, "Đạ Sar", "Cà phê Arabica", 82.5],
      [2, "La\u{323}c Du\u{31B}o\u{31B}ng", "中文テスト", 90.0],
      [10, "Lát", nil, 77.333],
    ])

  @Test func columnsAlignInDisplayWidthWithVietnameseAndCJK() {
    let output = BoxRenderer(language: .vi).render(Self.units)
    #expect(
      output == """
        ┌────┬───────────┬────────────────┬───────┐
        │ id │ Đơn vị    │ Mô hình        │  Điểm │
        ├────┼───────────┼────────────────┼───────┤
        │  1 │ Đạ Sar    │ Cà phê Arabica │ 82.50 │
        │  2 │ La\u{323}c Du\u{31B}o\u{31B}ng │ 中文テスト     │ 90.00 │
        │ 10 │ Lát       │ NULL           │ 77.33 │
        └────┴───────────┴────────────────┴───────┘

        """)
  }

  @Test func squeezingShrinksTheWidestTextColumnFirstAndCutsWithAnEllipsis() {
    let output = BoxRenderer(width: 36, language: .vi).render(Self.units)
    #expect(
      output == """
        ┌────┬──────────┬──────────┬───────┐
        │ id │ Đơn vị   │ Mô hình  │  Điểm │
        ├────┼──────────┼──────────┼───────┤
        │  1 │ Đạ Sar   │ Cà phê…  │ 82.50 │
        │  2 │ La\u{323}c Du\u{31B}o\u{31B}… │ 中文テ…  │ 90.00 │
        │ 10 │ Lát      │ NULL     │ 77.33 │
        └────┴──────────┴──────────┴───────┘

        """)
    for line in output.split(separator: "\n") {
      #expect(DisplayWidth.of(String(line)) == 36)
    }
  }

  @Test func aVeryNarrowTerminalNeverCutsNumbers() {
    let table = Table(
      columns: [Column("name"), Column("registrations", kind: .integer)],
      rows: [["Đảng bộ xã Đưng K'Nớ", 123_456]])
    #expect(
      BoxRenderer(width: 10, language: .en).render(table) == """
        ┌──────┬────────┐
        │ name │ regis… │
        ├──────┼────────┤
        │ Đản… │ 123456 │
        └──────┴────────┘

        """)
  }

  /// Floats take the decimals of the rows shown, so a hidden row cannot widen the column.
  @Test func onlyTheFirstRowsAreShownWithTheCountOfTheRest() {
    var table = Self.units
    table.totalRowCount = 1_240
    let output = BoxRenderer(maxRows: 1, language: .vi).render(table)
    #expect(
      output == """
        ┌────┬────────┬────────────────┬──────┐
        │ id │ Đơn vị │ Mô hình        │ Điểm │
        ├────┼────────┼────────────────┼──────┤
        │  1 │ Đạ Sar │ Cà phê Arabica │ 82.5 │
        └────┴────────┴────────────────┴──────┘
        … còn 1.239 dòng nữa

        """)
    #expect(BoxRenderer(maxRows: 2, language: .en).render(Self.units).hasSuffix("\n… 1 more row\n"))
    #expect(BoxRenderer(maxRows: 0, language: .en).render(table).hasSuffix("\n… 1,240 more rows\n"))
  }

  @Test func anEmptyTableShowsItsHeaderAndSaysSo() {
    let table = Table(columns: [Column("code"), Column("n", kind: .integer)])
    #expect(
      BoxRenderer(language: .en).render(table) == """
        ┌──────┬───┐
        │ code │ n │
        └──────┴───┘
        (no rows)

        """)
  }

  @Test func colorsMakeTheHeaderBoldAndNullDimWithoutChangingTheLayout() {
    let table = Table(columns: [Column("a"), Column("b")], rows: [[nil, "x"]])
    let output = BoxRenderer(style: .colored).render(table)
    #expect(
      output == """
        ┌──────┬───┐
        │ \u{1B}[1ma\u{1B}[0m    │ \u{1B}[1mb\u{1B}[0m │
        ├──────┼───┤
        │ \u{1B}[2mNULL\u{1B}[0m │ x │
        └──────┴───┘

        """)
  }

  @Test func controlCharactersInDataCannotReachTheTerminal() {
    let table = Table(
      columns: [Column("title")], rows: [["a\u{1B}[2Jb\nc\td\u{9B}e"]])
    #expect(
      BoxRenderer().render(table) == """
        ┌──────────────┐
        │ title        │
        ├──────────────┤
        │ a␛[2Jb↵c d�e │
        └──────────────┘

        """)
  }

  @Test func floatsShowTheDecimalsTheirColumnNeedsUpToTwo() {
    let table = Table(
      columns: [
        Column("a", kind: .number), Column("b", kind: .number), Column("c", kind: .number),
      ],
      rows: [[2.0, 1.5, 0.00001], [3.0, 2.0, 1e20]])
    #expect(
      BoxRenderer().render(table) == """
        ┌─────┬─────┬───────┐
        │   a │   b │     c │
        ├─────┼─────┼───────┤
        │ 2.0 │ 1.5 │ 1e-05 │
        │ 3.0 │ 2.0 │ 1e+20 │
        └─────┴─────┴───────┘

        """)
  }
}
