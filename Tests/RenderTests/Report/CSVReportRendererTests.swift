import Testing

@testable import Render

@Suite struct CSVReportRendererTests {
  @Test func allTablesGoToOneExcelReadyFile() throws {
    #expect(
      CSVReportRenderer().render(try ReportFixtures.report())
        == "\u{FEFF}\"Kết quả đăng ký mô hình mới, cách làm sáng tạo năm 2023\"\r\n"
        + "\r\n"
        + "Bảng 1. Đăng ký theo đơn vị\r\n"
        + "Đơn vị,Đã đăng ký,Tỷ lệ,Điểm TB,Ngày nhận,Đúng hạn\r\n"
        + "Đảng bộ xã Đạ Sar,12,0.8,82.333,2023-03-20,TRUE\r\n"
        + "Đảng bộ thị trấn Lạc Dương,1234,0.125,77.5,2023-03-29,FALSE\r\n"
        + "Đảng bộ xã Lát,0,,,,\r\n"
        + "\r\n"
        + "Số liệu biểu đồ: Số đăng ký theo đơn vị\r\n"
        + "Nhóm,Số đăng ký\r\n"
        + "Đạ Sar,12\r\n"
        + "Lát,0\r\n")
  }

  @Test func formulaTextIsNeutralizedInTitlesCaptionsHeadersAndCells() throws {
    let csv = CSVReportRenderer().render(try ReportFixtures.hostileReport())
    #expect(csv.hasPrefix("\u{FEFF}\"<script>"))  // the title does not start with a trigger
    #expect(csv.contains("'+1,2\r\n"))
    #expect(csv.contains("'-1,3\r\n"))
    #expect(csv.contains("'@a,4\r\n"))
    let neutralized = CSVReportRenderer().render(
      ReportDocument(
        title: "=HYPERLINK(\"x\")",
        blocks: [.table(Table(columns: [Column("-a")], rows: [["=1"]]), caption: "+c")]))
    #expect(
      neutralized
        == "\u{FEFF}\"'=HYPERLINK(\"\"x\"\")\"\r\n\r\n'+c\r\n'-a\r\n'=1\r\n")
  }
}
