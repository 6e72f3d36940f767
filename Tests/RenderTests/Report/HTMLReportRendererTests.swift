import Foundation
import Testing

@testable import Render

@Suite struct HTMLReportRendererTests {
  @Test func textFromTheDataIsInertEverywhere() throws {
    let html = HTMLReportRenderer().render(try ReportFixtures.hostileReport())
    Preview.write(html, as: "hostile.html")
    #expect(!html.contains("<script"))
    #expect(!html.contains("\"quoted\""))
    #expect(!html.contains("'single'"))
    #expect(!html.contains(" & "))
    let escaped =
      "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; "
      + "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"
    #expect(html.contains("<title>" + escaped + "</title>"))
    #expect(html.contains("<h1 class=\"title\">" + escaped + "</h1>"))
    #expect(html.contains("<h2>" + escaped + "</h2>"))
    #expect(html.contains("<p>" + escaped + "</p>"))
    #expect(html.contains("<caption>" + escaped + "</caption>"))
    #expect(html.contains("<th>" + escaped + "</th>"))
    #expect(html.contains("<td class=\"wrap\">" + escaped + "</td>"))
    #expect(html.contains("<div class=\"organization\">" + escaped + "</div>"))
    #expect(XMLCheck.problem(in: html) == nil)
  }

  @Test func noScriptsRunAndNothingLoadsFromOutside() throws {
    let html = HTMLReportRenderer().render(try ReportFixtures.report())
    #expect(
      html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          + "style-src 'unsafe-inline'; img-src data:\"/>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("href="))
    #expect(html.range(of: " on[a-z]+=", options: .regularExpression) == nil)  // no handlers
  }

  @Test func theDocumentIsWellFormedAndPrintsOnA4() throws {
    let html = HTMLReportRenderer().render(try ReportFixtures.report())
    Preview.write(html, as: "report.html")
    #expect(
      html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>"))
    #expect(XMLCheck.problem(in: html) == nil)
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("thead { display: table-header-group; }"))
    #expect(html.contains("<div class=\"page-break\"></div>"))
    #expect(html.contains("<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(html.contains("aria-labelledby=\"chart-1-title\""))
  }

  @Test func theOfficialHeaderHasTheIssuerOnTheLeftAndTheMottoOnTheRight() throws {
    let html = HTMLReportRenderer().render(try ReportFixtures.report())
    #expect(
      html.contains(
        """
        <header class="official">
        <div class="issuer">
        <div class="parent">ĐẢNG BỘ HUYỆN LẠC DƯƠNG</div>
        <div class="organization">BAN TỔ CHỨC HUYỆN ỦY</div>
        <div class="star">*</div>
        <div class="number">Số 15-BC/BTCHU</div>
        </div>
        <div class="motto">
        <div class="name">ĐẢNG CỘNG SẢN VIỆT NAM</div>
        <div class="date">Lạc Dương, ngày 28 tháng 3 năm 2023</div>
        </div>
        </header>
        <div class="document-type">BÁO CÁO</div>
        <h1 class="title">Kết quả đăng ký mô hình mới, cách làm sáng tạo năm 2023</h1>
        <div class="rule"></div>
        <h2>I. Tình hình đăng ký</h2>
        <p>Toàn huyện có 1.246 đăng ký.<br/>Trong đó 12 đăng ký trễ hạn.</p>

        """))
  }

  @Test func tablesUseVietnameseNumbersAndDates() throws {
    let html = HTMLReportRenderer().render(try ReportFixtures.report())
    #expect(
      html.contains(
        """
        <table class="whole">
        <caption>Bảng 1. Đăng ký theo đơn vị</caption>
        <colgroup><col style="width: 43%"/><col style="width: 13%"/><col style="width: 9%"/>\
        <col style="width: 10%"/><col style="width: 13%"/><col style="width: 11%"/></colgroup>
        <thead>
        <tr><th>Đơn vị</th><th>Đã đăng ký</th><th>Tỷ lệ</th><th>Điểm TB</th><th>Ngày nhận</th>\
        <th>Đúng hạn</th></tr>
        </thead>
        <tbody>
        <tr><td class="wrap">Đảng bộ xã Đạ Sar</td><td class="number">12</td>\
        <td class="number">80\u{A0}%</td><td class="number">82,33</td><td class="nowrap">20/03/2023</td>\
        <td>có</td></tr>
        <tr><td class="wrap">Đảng bộ thị trấn Lạc Dương</td><td class="number">1.234</td>\
        <td class="number">12,5\u{A0}%</td><td class="number">77,50</td><td class="nowrap">29/03/2023</td>\
        <td>không</td></tr>
        <tr><td class="wrap">Đảng bộ xã Lát</td><td class="number">0</td><td class="number"></td>\
        <td class="number"></td><td class="nowrap"></td><td></td></tr>
        </tbody>
        </table>
        <p class="note">… còn 2 dòng nữa</p>

        """))
  }

  @Test func englishReportsUseEnglishConventions() throws {
    let html = HTMLReportRenderer().render(try ReportFixtures.report(language: .en))
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("<div class=\"number\">No. 15-BC/BTCHU</div>"))
    #expect(html.contains("<div class=\"date\">Lạc Dương, 28 March 2023</div>"))
    #expect(html.contains("<td class=\"number\">1,234</td>"))
    #expect(html.contains("<td class=\"number\">12.5%</td>"))
    #expect(html.contains("<td class=\"nowrap\">29 Mar 2023</td><td>no</td>"))
    #expect(html.contains("<p class=\"note\">… 2 more rows</p>"))
  }
}

extension HTMLReportRendererTests {
  /// A brief-sized report: every chart kind and a table running over a page.
  @Test func aLongReportWithEveryChartStaysWellFormed() throws {
    let communes = ["Đạ Sar", "Lát", "Đạ Nhim", "Đạ Chais", "Đưng K'Nớ", "thị trấn Lạc Dương"]
    let rows: [[Cell]] = (0..<45).map { index in
      [
        .text("DK-2023-\(String(100 + index))"),
        .text("Mô hình \(index + 1): phát triển cà phê Arabica gắn với du lịch cộng đồng"),
        .text("Đảng bộ xã \(communes[index % communes.count])"),
        .number(60 + Double((index * 37) % 40) + 0.25), .date("2023-03-\(10 + index % 19)"),
      ]
    }
    let table = Table(
      columns: [
        Column("code", label: "Mã"), Column("title", label: "Tên mô hình"),
        Column("unit", label: "Đơn vị"), Column("score", label: "Điểm", kind: .number),
        Column("received_on", label: "Ngày nhận", kind: .date),
      ], rows: rows)
    var report = try ReportFixtures.report()
    report.blocks += [
      .heading(level: 1, text: "II. Kết quả thẩm định"),
      .table(table, caption: "Bảng 2. Điểm thẩm định"),
    ]
    for (_, chart) in try SVGChartRendererTests.charts() { report.append(.chart(chart)) }
    let html = HTMLReportRenderer().render(report)
    Preview.write(html, as: "long.html")
    #expect(XMLCheck.problem(in: html) == nil)
    #expect(html.components(separatedBy: "<tr>").count - 1 == 1 + 3 + 1 + 45)
    #expect(html.components(separatedBy: "<figure class=\"chart\">").count - 1 == 8)
    for number in 1...8 { #expect(html.contains("aria-labelledby=\"chart-\(number)-title\"")) }
  }
}

extension HTMLReportRendererTests {
  @Test func wholeNumbersInAFloatColumnTakeTheColumnsDecimals() {
    let table = Table(
      columns: [Column("mean", kind: .number)], rows: [[82.333], [90], [.number(-1234.5)]])
    let html = HTMLReportRenderer().table(table, caption: nil, language: .vi)
    #expect(html.contains("<td class=\"number\">82,33</td>"))
    #expect(html.contains("<td class=\"number\">90,00</td>"))
    #expect(html.contains("<td class=\"number\">-1.234,50</td>"))
  }
}

extension HTMLReportRendererTests {
  /// A table of a long title, a subject and a unit name.
  static func wideTable(rows: Int) -> Table {
    Table(
      columns: [
        Column("title", label: "Tên mô hình"), Column("subject", label: "Tập thể, cá nhân"),
        Column("unit", label: "Đơn vị"), Column("score", label: "Điểm", kind: .number),
      ],
      rows: (0..<rows).map { index in
        [
          .text(
            "Mô hình \(index): phát triển cà phê Arabica gắn với du lịch cộng đồng và bảo vệ rừng "
              + "đầu nguồn ở các buôn đồng bào dân tộc thiểu số"),
          .text("Ban Thường vụ Đảng ủy xã Đạ Sar"), .text("Đảng bộ xã Đưng K'Nớ"), .number(88.5),
        ]
      })
  }

  @Test func wrappingColumnsShareTheWidthSoALongTitleCannotSqueezeTheOthers() {
    let html = HTMLReportRenderer().render(
      ReportDocument(title: "x", blocks: [.table(Self.wideTable(rows: 2))], language: .vi))
    // Of 90 characters, the score takes what "88,5" needs (6), each text column its longest
    // word (Arabica 9, Thường 8, Đảng 6), and the 61 left go 60 : 31 : 20 by their longest
    // text (the title's 130 characters count as 60).
    #expect(
      html.contains(
        "<colgroup><col style=\"width: 47%\"/><col style=\"width: 28%\"/>"
          + "<col style=\"width: 19%\"/><col style=\"width: 7%\"/></colgroup>"))
    #expect(html.contains("<tr><td class=\"wrap\">Mô hình 0: "))
    #expect(html.contains("td.wrap { overflow-wrap: anywhere; }"))
  }

  @Test func aTableTooWideForAPortraitPageGetsALandscapePage() {
    let columns =
      [Column("title", label: "Tên mô hình")]
      + (1...14).map { Column("m\($0)", label: "Thành viên \($0)", kind: .number) }
    let table = Table(
      columns: columns,
      rows: [[.text(String(repeating: "cà phê Arabica ", count: 6))] + (1...14).map { _ in 88.25 }])
    let html = HTMLReportRenderer().render(
      ReportDocument(title: "x", blocks: [.table(table), .table(Self.wideTable(rows: 1))]))
    #expect(html.contains("<table class=\"whole wide\">"))
    #expect(html.contains("<table class=\"whole\">"), "the other table stays portrait")
    #expect(html.contains("@page landscape { size: A4 landscape;"))
    #expect(html.contains("table.wide { page: landscape; }"))
  }

  @Test func tablesWithoutLongTextKeepTheBrowsersWidths() {
    let table = Table(
      columns: [Column("code", label: "Mã"), Column("n", label: "Số", kind: .integer)],
      rows: [["DK-2023-001", 3]])
    let html = HTMLReportRenderer().render(
      ReportDocument(title: "x", blocks: [.table(table)], language: .vi))
    #expect(!html.contains("<colgroup>"))
  }

  @Test func shortTablesStayOnOnePageAndLongOnesMayBreak() {
    let html = HTMLReportRenderer().render(
      ReportDocument(
        title: "x",
        blocks: [.table(Self.wideTable(rows: 10)), .table(Self.wideTable(rows: 11))],
        language: .vi))
    #expect(html.contains("<table class=\"whole\">\n<colgroup>"))
    #expect(html.contains("<table>\n<colgroup>"))
    #expect(html.contains("tr, figure, table.whole { break-inside: avoid;"))
  }

  @Test func totalsRowsAreBold() {
    var table = Table(
      columns: [Column("unit", label: "Đơn vị"), Column("n", label: "Số", kind: .integer)],
      rows: [["Đạ Sar", 3], ["Lát", 4], ["Tổng cộng", 7]])
    table.footerRowCount = 1
    let document = ReportDocument(title: "x", blocks: [.table(table)], language: .vi)
    let html = HTMLReportRenderer().render(document)
    #expect(html.contains("<tr><td>Lát</td><td class=\"number\">4</td></tr>"))
    #expect(html.contains("<tr class=\"total\"><td>Tổng cộng</td><td class=\"number\">7</td></tr>"))
    #expect(html.contains("tr.total td { font-weight: bold; }"))
    let markdown = MarkdownReportRenderer().render(document)
    #expect(markdown.contains("| **Tổng cộng** | **7** |"))
    #expect(JSONReportRenderer().render(document).contains("\"footer_row_count\": 1"))
  }
}
