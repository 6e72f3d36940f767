/// One part of a report, in reading order.
///
///     let blocks: [ReportBlock] = [
///       .heading(level: 1, text: "I. Tình hình đăng ký"),
///       .paragraph("Toàn huyện có 58 đăng ký."),
///       .table(coverage, caption: "Bảng 1. Tỷ lệ đăng ký theo đơn vị"),
///       .chart(chart),
///       .pageBreak,
///     ]
public enum ReportBlock: Sendable, Hashable {
  /// A section heading; level 1 is a main section (`<h2>`, `##`), down to level 4.
  case heading(level: Int, text: String)
  /// A paragraph of plain text; line breaks in it are kept.
  case paragraph(String)
  /// A table, with a caption above it; column labels come from the table's columns.
  case table(Table, caption: String? = nil)
  /// A chart (SVG in HTML; its numbers as a table elsewhere).
  case chart(Chart)
  /// A new page in print.
  case pageBreak
}
