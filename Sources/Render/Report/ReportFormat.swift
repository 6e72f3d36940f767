/// The file formats a report is saved in, chosen by the file's extension.
///
///     let format = ReportFormat(path: "bao-cao.html")!  // .html
///     try write(format.render(report), to: "bao-cao.html")
public enum ReportFormat: String, Sendable, CaseIterable {
  /// One self-contained HTML file for print (`HTMLReportRenderer`).
  case html
  /// Markdown (`MarkdownReportRenderer`).
  case markdown
  /// The tables as CSV for Excel (`CSVReportRenderer`).
  case csv
  /// The structure as JSON (`JSONReportRenderer`).
  case json

  /// The format a file name asks for: `.html`/`.htm`, `.md`/`.markdown`, `.csv`, `.json`
  /// (any case).
  ///
  ///     ReportFormat(path: "/tmp/brief.MD")  // .markdown
  ///
  /// - Parameter path: a file name or path.
  /// - Returns: nil for another extension.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "html", "htm": self = .html
    case "md", "markdown": self = .markdown
    case "csv": self = .csv
    case "json": self = .json
    default: return nil
    }
  }

  /// The report in this format.
  ///
  ///     ReportFormat.markdown.render(report)
  ///
  /// - Parameter report: the report.
  public func render(_ report: ReportDocument) -> String {
    switch self {
    case .html: return HTMLReportRenderer().render(report)
    case .markdown: return MarkdownReportRenderer().render(report)
    case .csv: return CSVReportRenderer().render(report)
    case .json: return JSONReportRenderer().render(report)
    }
  }
}
