import Testing

@testable import Render

@Suite struct CSVRendererTests {
  static let table = Table(
    columns: [
      Column("code"), Column("title", label: "Tên mô hình"), Column("n", kind: .integer),
      Column("score", kind: .number), Column("ok", kind: .boolean), Column("on", kind: .date),
    ],
    rows: [
      ["DK-1", "Du lịch, cộng đồng", 3, 82.5, true, .date("2023-03-28")],
      ["DK-2", "Mô hình \"Dân vận khéo\"\nĐạ Sar", -1, 0.1, false, nil],
      ["DK-3", " lề ", nil, 2.0, nil, nil],
    ])

  @Test func standardCSVQuotesOnlyWhatRFC4180Requires() {
    #expect(
      CSVRenderer().render(Self.table)
        == "code,Tên mô hình,n,score,ok,on\r\n"
        + "DK-1,\"Du lịch, cộng đồng\",3,82.5,true,2023-03-28\r\n"
        + "DK-2,\"Mô hình \"\"Dân vận khéo\"\"\nĐạ Sar\",-1,0.1,false,\r\n"
        + "DK-3,\" lề \",,2.0,,\r\n")
  }

  @Test func excelCSVStartsWithABOMAndNeutralizesFormulaText() {
    let table = Table(
      columns: [Column("v"), Column("n", kind: .integer)],
      rows: [
        ["=HYPERLINK(\"http://x\",\"bấm\")", -1], ["+1", 1], ["-1", 2], ["@a", 3],
        ["\tx", 4], ["\r=1", 5], ["  =1+1", 6], ["a=1", 7], ["Lát", 8],
      ])
    #expect(
      CSVRenderer(dialect: .excel).render(table)
        == "\u{FEFF}v,n\r\n"
        + "\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\",-1\r\n"
        + "'+1,1\r\n"
        + "'-1,2\r\n"
        + "'@a,3\r\n"
        + "'\tx,4\r\n"
        + "\"'\r=1\",5\r\n"
        + "'  =1+1,6\r\n"
        + "a=1,7\r\n"
        + "Lát,8\r\n")
  }

  @Test func excelCSVWritesBooleansAsExcelDoesAndNeutralizesHeaders() {
    let table = Table(columns: [Column("=cmd"), Column("b", kind: .boolean)], rows: [[nil, true]])
    #expect(CSVRenderer(dialect: .excel).render(table) == "\u{FEFF}'=cmd,b\r\n,TRUE\r\n")
  }

  @Test func aSemicolonDelimiterQuotesSemicolonsInsteadOfCommas() {
    let table = Table(columns: [Column("a"), Column("b")], rows: [["x;y", "1,5"]])
    #expect(CSVRenderer(delimiter: ";").render(table) == "a;b\r\n\"x;y\";1,5\r\n")
  }
}
