import Foundation
import Testing

@testable import Render

@Suite struct JSONReportRendererTests {
  @Test func theStructureIsValidJSONWithMachineValues() throws {
    let json = JSONReportRenderer().render(try ReportFixtures.report())
    Preview.write(json, as: "report.json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["title"] as? String == "Kết quả đăng ký mô hình mới, cách làm sáng tạo năm 2023")
    #expect(object["language"] as? String == "vi")
    let header = try #require(object["header"] as? [String: Any])
    #expect(header["number"] as? String == "15-BC/BTCHU")
    #expect(header["date"] as? String == "2023-03-28")
    let blocks = try #require(object["blocks"] as? [[String: Any]])
    #expect(
      blocks.map { $0["type"] as? String } == [
        "heading", "paragraph", "table", "chart", "page_break", "heading",
      ])
    let rows = try #require(blocks[2]["rows"] as? [[String: Any]])
    #expect(rows[1]["registered"] as? Int == 1234)
    #expect(rows[1]["mean"] as? Double == 77.5)
    #expect(rows[1]["received_on"] as? String == "2023-03-29")
    #expect(rows[2]["mean"] is NSNull)
    #expect(blocks[2]["total_row_count"] as? Int == 5)
    let series = try #require(blocks[3]["series"] as? [[String: Any]])
    #expect(series[0]["values"] as? [Double] == [12, 0])
  }

  @Test func aSmallReportIsWrittenExactly() throws {
    let report = ReportDocument(
      title: "Báo cáo \"nhanh\"",
      blocks: [
        .paragraph("a\nb"),
        .table(Table(columns: [Column("n", kind: .integer)], rows: [[1]]), caption: nil),
      ], language: .en)
    #expect(
      JSONReportRenderer().render(report) == """
        {
          "title": "Báo cáo \\"nhanh\\"",
          "language": "en",
          "header": null,
          "blocks": [
            {"type": "paragraph", "text": "a\\nb"},
            {"type": "table", "caption": null, "columns": [{"name": "n", "label": null, \
        "kind": "integer"}],
              "rows": [
                {"n": 1}
              ], "total_row_count": 1}
          ]
        }

        """)
  }

  @Test func hostileTextStaysAString() throws {
    let json = JSONReportRenderer().render(try ReportFixtures.hostileReport())
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["title"] as? String == ReportFixtures.hostile)
  }
}
