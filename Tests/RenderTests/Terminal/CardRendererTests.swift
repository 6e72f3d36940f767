import Testing

@testable import Render

@Suite struct CardRendererTests {
  static let record = Table(
    columns: [
      Column("code"), Column("title", label: "Tên mô hình"), Column("unit"),
      Column("score", kind: .number), Column("report_on", kind: .date),
    ],
    rows: [
      [
        "DK-2023-017", "Du lịch cộng đồng gắn với bảo tồn văn hóa Cơ Ho", "Đảng bộ xã Đạ Sar",
        82.333, nil,
      ]
    ])

  @Test func aRecordReadsAsNamesRightAlignedAndValuesWrapped() {
    #expect(
      CardRenderer(width: 40, language: .vi).render(Self.record) == """
               code │ DK-2023-017
        Tên mô hình │ Du lịch cộng đồng gắn với
                    │ bảo tồn văn hóa Cơ Ho
               unit │ Đảng bộ xã Đạ Sar
              score │ 82.33
          report_on │ NULL

        """)
  }

  @Test func longNamesAreCutToAThirdOfTheWidth() {
    let table = Table(
      columns: [Column("a_very_long_field_name"), Column("b")], rows: [["giá trị", "中文"]])
    #expect(
      CardRenderer(width: 30, language: .vi).render(table) == """
        a_very_lo… │ giá trị
                 b │ 中文

        """)
  }

  @Test func severalRecordsAreSeparatedByABlankLine() {
    let table = Table(columns: [Column("n", kind: .integer)], rows: [[1], [2], [3]])
    #expect(
      CardRenderer(maxRows: 2, language: .en).render(table) == """
        n │ 1

        n │ 2
        … 1 more row

        """)
  }
}
