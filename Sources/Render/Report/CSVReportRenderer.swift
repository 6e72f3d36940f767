/// Writes a report's tables as one CSV file for Excel: a byte order mark, the title on the first
/// line, then each table (charts as their data) under its caption, a blank line between tables.
/// Formula-looking text is neutralized everywhere, titles and captions included; numbers are
/// written in full with a decimal point (`82.5`), dates as ISO text.
///
///     let csv = CSVReportRenderer().render(report)  // "\u{FEFF}Báo cáo…\r\n\r\nBảng 1…\r\n…"
public struct CSVReportRenderer: Sendable {
  /// The field separator: `,` by default, `;` for an Excel set to use semicolons.
  public var delimiter: Character

  /// A renderer.
  ///
  ///     CSVReportRenderer(delimiter: ";")
  ///
  /// - Parameter delimiter: the field separator.
  public init(delimiter: Character = ",") {
    self.delimiter = delimiter
  }

  /// The report's tables as CSV, lines ending with CRLF.
  ///
  ///     CSVReportRenderer().render(report)
  ///
  /// - Parameter report: the report.
  public func render(_ report: ReportDocument) -> String {
    let csv = CSVRenderer(dialect: .excel, delimiter: delimiter)
    var output = "\u{FEFF}" + csv.line([csv.field(report.title)])
    for (caption, table) in report.tables {
      output += "\r\n"
      if let caption, !caption.isEmpty { output += csv.line([csv.field(caption)]) }
      output += csv.lines(table)
    }
    return output
  }
}
