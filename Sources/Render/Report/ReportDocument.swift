import Messages

/// A report for the Standing Committee: an optional official header, a title, and blocks of
/// headings, paragraphs, tables and charts. Rendered to HTML, Markdown, CSV or JSON by
/// `ReportFormat`, with numbers and dates the Vietnamese way (or English).
///
///     var report = ReportDocument(title: "Kết quả đăng ký mô hình mới, cách làm sáng tạo năm 2023")
///     report.append(.heading(level: 1, text: "I. Tình hình đăng ký"))
///     report.append(.table(coverage, caption: "Bảng 1. Đăng ký theo đơn vị"))
///     let html = ReportFormat.html.render(report)
public struct ReportDocument: Sendable, Hashable {
  /// The title (trích yếu), also the HTML page title.
  public var title: String
  /// The official header, or nil for a plain document.
  public var header: OfficialHeader?
  /// The blocks, in reading order.
  public var blocks: [ReportBlock]
  /// The language of numbers, dates and built-in labels.
  public var language: Language

  /// A report.
  ///
  ///     ReportDocument(title: "Báo cáo nhanh", language: .vi)
  ///
  /// - Parameters:
  ///   - title: the title.
  ///   - header: the official header, if any.
  ///   - blocks: the blocks, none by default.
  ///   - language: numbers, dates and labels; the current language by default.
  public init(
    title: String, header: OfficialHeader? = nil, blocks: [ReportBlock] = [],
    language: Language = .current
  ) {
    self.title = title
    self.header = header
    self.blocks = blocks
    self.language = language
  }

  /// Adds a block at the end.
  ///
  ///     report.append(.paragraph("Toàn huyện có 58 đăng ký."))
  ///
  /// - Parameter block: the block.
  public mutating func append(_ block: ReportBlock) {
    blocks.append(block)
  }

  /// The tables of the report with their captions, charts included as their data tables: what
  /// CSV and spreadsheets receive.
  ///
  ///     report.tables  // [(caption: "Bảng 1…", table: …), …]
  public var tables: [(caption: String?, table: Table)] {
    blocks.compactMap { block in
      switch block {
      case .table(let table, let caption): return (caption, table)
      case .chart(let chart):
        return (
          Message.renderChartData(["title": chart.title], in: language),
          chart.dataTable(language: language)
        )
      default: return nil
      }
    }
  }
}
