import Testing

@testable import Render

@Suite struct ReportFormatTests {
  @Test func theExtensionChoosesTheFormat() {
    #expect(ReportFormat(path: "bao-cao.html") == .html)
    #expect(ReportFormat(path: "/tmp/a.b/brief.HTM") == .html)
    #expect(ReportFormat(path: "brief.md") == .markdown)
    #expect(ReportFormat(path: "brief.markdown") == .markdown)
    #expect(ReportFormat(path: "brief.csv") == .csv)
    #expect(ReportFormat(path: "brief.json") == .json)
    #expect(ReportFormat(path: "brief.pdf") == nil)
    #expect(ReportFormat(path: "/tmp/a.b/brief") == nil)
  }

  @Test func eachFormatRendersWithItsRenderer() throws {
    let report = try ReportFixtures.report()
    #expect(ReportFormat.html.render(report) == HTMLReportRenderer().render(report))
    #expect(ReportFormat.markdown.render(report) == MarkdownReportRenderer().render(report))
    #expect(ReportFormat.csv.render(report) == CSVReportRenderer().render(report))
    #expect(ReportFormat.json.render(report) == JSONReportRenderer().render(report))
  }

  @Test func theHeaderWritesItsNumberAndDateInEitherLanguage() {
    let header = ReportFixtures.header
    #expect(header.numberLine(language: .vi) == "Số 15-BC/BTCHU")
    #expect(header.dateLine(language: .vi) == "Lạc Dương, ngày 28 tháng 3 năm 2023")
    #expect(header.dateLine(language: .en) == "Lạc Dương, 28 March 2023")
    var undated = header
    undated.date = "quý I/2023"
    #expect(undated.dateLine(language: .vi) == "Lạc Dương, quý I/2023")
    undated.number = nil
    #expect(undated.numberLine(language: .vi) == nil)
  }
}
