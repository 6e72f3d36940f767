import Testing

@testable import Render

@Suite struct MarkdownReportRendererTests {
  @Test func aHeaderWithoutOrganizationWritesNoEmptyBoldLine() {
    let report = ReportDocument(
      title: "Thử", header: OfficialHeader(organization: "", date: "2023-12-01"), language: .vi)
    let markdown = MarkdownReportRenderer().render(report)
    #expect(!markdown.contains("****"), "\(markdown)")
    #expect(markdown.hasPrefix("**ĐẢNG CỘNG SẢN VIỆT NAM**"), "\(markdown)")
  }

  @Test func aReportReadsAsMarkdownWithVietnameseNumbers() throws {
    let markdown = MarkdownReportRenderer().render(try ReportFixtures.report())
    Preview.write(markdown, as: "report.md")
    #expect(
      markdown == """
        **ĐẢNG BỘ HUYỆN LẠC DƯƠNG**  
        **BAN TỔ CHỨC HUYỆN ỦY**  
        Số 15-BC/BTCHU

        **ĐẢNG CỘNG SẢN VIỆT NAM**  
        *Lạc Dương, ngày 28 tháng 3 năm 2023*

        **BÁO CÁO**

        # Kết quả đăng ký mô hình mới, cách làm sáng tạo năm 2023

        ## I. Tình hình đăng ký

        Toàn huyện có 1.246 đăng ký.  
        Trong đó 12 đăng ký trễ hạn.

        **Bảng 1. Đăng ký theo đơn vị**

        | Đơn vị                     | Đã đăng ký |  Tỷ lệ | Điểm TB | Ngày nhận  | Đúng hạn |
        |----------------------------|-----------:|-------:|--------:|------------|----------|
        | Đảng bộ xã Đạ Sar          |         12 |   80\u{A0}% |   82,33 | 20/03/2023 | có       |
        | Đảng bộ thị trấn Lạc Dương |      1.234 | 12,5\u{A0}% |   77,50 | 29/03/2023 | không    |
        | Đảng bộ xã Lát             |          0 |        |         |            |          |

        *… còn 2 dòng nữa*

        **Số liệu biểu đồ: Số đăng ký theo đơn vị**

        | Nhóm   | Số đăng ký |
        |--------|-----------:|
        | Đạ Sar |         12 |
        | Lát    |          0 |

        ---

        ### 1\\. Ghi chú

        """)
  }

  @Test func textFromTheDataCannotBecomeMarkupOrHTML() throws {
    let markdown = MarkdownReportRenderer().render(try ReportFixtures.hostileReport())
    Preview.write(markdown, as: "hostile.md")
    #expect(!markdown.contains("<script"))
    #expect(!markdown.contains("<"), "only escaped angle brackets")
    let escaped =
      "&lt;script&gt;alert(1)&lt;/script&gt; \"quoted\" 'single' &amp; "
      + "=HYPERLINK(\"http://x\",\"y\")"
    #expect(markdown.contains("# " + escaped + "\n"))
    #expect(markdown.contains("\n\n" + escaped + "\n\n"))
    #expect(markdown.contains("| " + escaped + " |"))
  }
}
