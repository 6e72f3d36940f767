import Messages

@testable import Render

/// Reports shared by the report tests.
enum ReportFixtures {
  static let hostile =
    "<script>alert(1)</script> \"quoted\" 'single' & =HYPERLINK(\"http://x\",\"y\")"

  static let header = OfficialHeader(
    parentOrganization: "ĐẢNG BỘ HUYỆN LẠC DƯƠNG", organization: "BAN TỔ CHỨC HUYỆN ỦY",
    number: "15-BC/BTCHU", place: "Lạc Dương", date: "2023-03-28", documentType: "BÁO CÁO")

  static let coverage = Table(
    columns: [
      Column("unit", label: "Đơn vị"), Column("registered", label: "Đã đăng ký", kind: .integer),
      Column("share", label: "Tỷ lệ", kind: .percent),
      Column("mean", label: "Điểm TB", kind: .number),
      Column("received_on", label: "Ngày nhận", kind: .date),
      Column("on_time", label: "Đúng hạn", kind: .boolean),
    ],
    rows: [
      ["Đảng bộ xã Đạ Sar", 12, 0.8, 82.333, .date("2023-03-20"), true],
      ["Đảng bộ thị trấn Lạc Dương", 1234, 0.125, 77.5, .date("2023-03-29"), false],
      ["Đảng bộ xã Lát", 0, nil, nil, nil, nil],
    ], totalRowCount: 5)

  static func report(language: Language = .vi) throws -> ReportDocument {
    ReportDocument(
      title: "Kết quả đăng ký mô hình mới, cách làm sáng tạo năm 2023", header: header,
      blocks: [
        .heading(level: 1, text: "I. Tình hình đăng ký"),
        .paragraph("Toàn huyện có 1.246 đăng ký.\nTrong đó 12 đăng ký trễ hạn."),
        .table(coverage, caption: "Bảng 1. Đăng ký theo đơn vị"),
        .chart(
          try Chart.bar(
            title: "Số đăng ký theo đơn vị", categories: ["Đạ Sar", "Lát"], values: [12, 0],
            valueLabel: "Số đăng ký")),
        .pageBreak,
        .heading(level: 2, text: "1. Ghi chú"),
      ], language: language)
  }

  static func hostileReport() throws -> ReportDocument {
    ReportDocument(
      title: hostile,
      header: OfficialHeader(
        parentOrganization: hostile, organization: hostile, number: hostile, place: hostile,
        date: hostile, motto: hostile, documentType: hostile),
      blocks: [
        .heading(level: 1, text: hostile),
        .paragraph(hostile),
        .table(
          Table(
            columns: [Column(hostile, label: hostile), Column("n", kind: .integer)],
            rows: [[.text(hostile), 1], ["+1", 2], ["-1", 3], ["@a", 4]]), caption: hostile),
        .chart(
          try Chart.stacked(
            title: hostile, categories: [hostile],
            series: [ChartSeries(hostile, values: [1])], valueLabel: hostile,
            categoryLabel: hostile)),
      ], language: .vi)
  }
}
