import Messages

/// Writes a report as one self-contained HTML file for print: inline CSS, charts as inline SVG,
/// no scripts and no outside resources, A4 pages.
///
/// Every text from the data is escaped; a Content-Security-Policy forbids scripts and outside
/// loads as a second line of defense. The file is also well-formed XML. For print: `@page` A4
/// with the margins of official documents, Times New Roman 13 pt, table headers repeated on each
/// page, rows, figures, short tables and headings kept whole or with what follows, tables too
/// wide for a portrait page on a landscape one, totals rows in bold, page breaks where the
/// report asks.
///
///     let html = HTMLReportRenderer().render(report)
public struct HTMLReportRenderer: Sendable {
  /// A renderer.
  ///
  ///     HTMLReportRenderer().render(report)
  public init() {}

  /// The report as an HTML document.
  ///
  ///     HTMLReportRenderer().render(ReportDocument(title: "Báo cáo"))
  ///
  /// - Parameter report: the report.
  public func render(_ report: ReportDocument) -> String {
    let language = report.language
    var html = "<!DOCTYPE html>\n"
    html += "<html lang=\"\(language.rawValue)\">\n<head>\n"
    html += "<meta charset=\"utf-8\"/>\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    html +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      + "style-src 'unsafe-inline'; img-src data:\"/>\n"
    html += "<title>" + Escape.html(report.title) + "</title>\n"
    html += "<style>\n" + Self.styleSheet + "</style>\n</head>\n<body>\n"
    if let header = report.header { html += officialHeader(header, language: language) }
    html += "<h1 class=\"title\">" + Escape.html(report.title) + "</h1>\n"
    if report.header != nil { html += "<div class=\"rule\"></div>\n" }
    var chartNumber = 0
    for block in report.blocks {
      switch block {
      case .heading(let level, let text):
        let tag = "h\(min(max(level, 1), 4) + 1)"
        html += "<\(tag)>" + Escape.html(text) + "</\(tag)>\n"
      case .paragraph(let text):
        html += "<p>" + Self.lines(text) + "</p>\n"
      case .table(let table, let caption):
        html += self.table(table, caption: caption, language: language)
      case .chart(let chart):
        chartNumber += 1
        let svg = SVGChartRenderer(language: language, idPrefix: "chart-\(chartNumber)")
          .render(chart)
        html += "<figure class=\"chart\">\n" + svg + "</figure>\n"
      case .pageBreak:
        html += "<div class=\"page-break\"></div>\n"
      }
    }
    return html + "</body>\n</html>\n"
  }

  /// The official header block and the kind of document.
  func officialHeader(_ header: OfficialHeader, language: Language) -> String {
    var html = "<header class=\"official\">\n<div class=\"issuer\">\n"
    if let parent = header.parentOrganization, !parent.isEmpty {
      html += "<div class=\"parent\">" + Escape.html(parent) + "</div>\n"
    }
    html += "<div class=\"organization\">" + Escape.html(header.organization) + "</div>\n"
    html += "<div class=\"star\">*</div>\n"
    if let number = header.numberLine(language: language) {
      html += "<div class=\"number\">" + Escape.html(number) + "</div>\n"
    }
    html += "</div>\n<div class=\"motto\">\n"
    html += "<div class=\"name\">" + Escape.html(header.motto) + "</div>\n"
    if let date = header.dateLine(language: language) {
      html += "<div class=\"date\">" + Escape.html(date) + "</div>\n"
    }
    html += "</div>\n</header>\n"
    if let type = header.documentType, !type.isEmpty {
      html += "<div class=\"document-type\">" + Escape.html(type) + "</div>\n"
    }
    return html
  }

  /// A table with its caption and, when rows were left out, a note saying how many.
  func table(_ table: Table, caption: String?, language: Language) -> String {
    let cells = DocumentCells(table, language: language)
    let keepsWhole = table.columns.indices.map { Self.keepsWhole(cells, $0) }
    let layout = Self.columnLayout(cells, keepsWhole: keepsWhole)
    // A short table is kept on one page: its caption and header never end a page alone. A table
    // too wide for a portrait page gets a landscape one.
    var tableClasses: [String] = []
    if table.rows.count <= Self.wholeTableRows { tableClasses.append("whole") }
    if layout.isWide { tableClasses.append("wide") }
    var html =
      tableClasses.isEmpty
      ? "<table>\n" : "<table class=\"" + tableClasses.joined(separator: " ") + "\">\n"
    if let caption, !caption.isEmpty {
      html += "<caption>" + Escape.html(caption) + "</caption>\n"
    }
    if let widths = layout.widths {
      html += "<colgroup>"
      for width in widths { html += "<col style=\"width: \(width)%\"/>" }
      html += "</colgroup>\n"
    }
    html += "<thead>\n<tr>"
    for header in cells.headers { html += "<th>" + Escape.html(header) + "</th>" }
    html += "</tr>\n</thead>\n<tbody>\n"
    let classes = table.columns.indices.map { column in
      Self.classes(
        alignment: cells.alignments[column], keepsWhole: keepsWhole[column],
        wraps: layout.wraps[column])
    }
    let footerStart = cells.rows.count - min(max(table.footerRowCount, 0), cells.rows.count)
    for (index, row) in cells.rows.enumerated() {
      html += index >= footerStart ? "<tr class=\"total\">" : "<tr>"
      for (column, text) in row.enumerated() {
        html += "<td" + classes[column] + ">" + Self.lines(text) + "</td>"
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n"
    if table.omittedRowCount > 0 {
      html +=
        "<p class=\"note\">"
        + Escape.html(TableFooter.moreRows(table.omittedRowCount, language: language)) + "</p>\n"
    }
    return html
  }

  /// The most rows a table may have to be kept whole on one page.
  static let wholeTableRows = 10

  /// The class attribute of a column's cells: its alignment, `nowrap` for short values that
  /// should never break (`DK-2023-017`, `28 Mar 2023`), `wrap` for long text that may break
  /// even inside a word too long for its column (a pasted link).
  static func classes(
    alignment: DisplayWidth.Alignment, keepsWhole: Bool, wraps: Bool = false
  ) -> String {
    var names: [String] = []
    switch alignment {
    case .left: break
    case .right: names.append("number")
    case .center: names.append("center")
    }
    if keepsWhole && alignment != .right { names.append("nowrap") }
    if wraps { names.append("wrap") }
    return names.isEmpty ? "" : " class=\"" + names.joined(separator: " ") + "\""
  }

  /// Characters of 11 pt table text across the A4 text width (165 mm), roughly.
  static let pageCharacters = 90.0
  /// The same across a landscape A4 page (257 mm).
  static let landscapeCharacters = 140.0

  /// How a table's columns are laid out: which wrap their text, width hints in whole percent of
  /// the table (nil when no column wraps: the browser's own widths are then right), and whether
  /// the table is too wide for a portrait page (it then gets a landscape page of its own).
  ///
  /// Browsers share a table's width in proportion to each column's longest text, so one long
  /// title squeezes a unit name into a word per line. Here a column that does not wrap (numbers,
  /// dates, codes, short text) gets what its longest value and ten characters of its header
  /// need, a wrapping column at least its longest word (up to 20 characters), and the wrapping columns share what is left in
  /// proportion to their longest text capped at 60 characters: a title and a unit name get
  /// comparable room, and both wrap on a few lines. Every column gets a width, so that no space
  /// is left over for the browser to hand back to the longest one; a word longer than its column
  /// (a pasted link) may break (class `wrap`), so it cannot widen the table.
  static func columnLayout(_ cells: DocumentCells, keepsWhole: [Bool]) -> (
    wraps: [Bool], widths: [Int]?, isWide: Bool
  ) {
    let count = cells.headers.count
    func longestWord(_ text: String) -> Int {
      text.split(whereSeparator: { $0 == " " || $0.isNewline }).map { DisplayWidth.of(String($0)) }
        .max() ?? 0
    }
    var longest = [Int](repeating: 0, count: count)
    var wordiest = cells.headers.map(longestWord)
    for row in cells.rows {
      for column in 0..<min(count, row.count) {
        longest[column] = max(longest[column], DisplayWidth.of(row[column]))
        wordiest[column] = max(wordiest[column], longestWord(row[column]))
      }
    }
    let wraps = (0..<count).map { column in
      !cells.isNumeric[column] && !keepsWhole[column] && longest[column] > 16
    }
    // The least room of each column, in characters plus padding; a column that does not wrap
    // also fits ten characters of its header, so "Số đăng ký hiện có" takes two lines, not five.
    let headers = cells.headers.map { min(DisplayWidth.of($0), 10) }
    let least = (0..<count).map { column in
      Double(
        wraps[column]
          ? min(wordiest[column], 20) + 2
          : max(longest[column], wordiest[column], headers[column]) + 2)
    }
    let needed = least.reduce(0, +)
    let isWide = needed > pageCharacters
    guard wraps.contains(true) else { return (wraps, nil, isWide) }
    let spare = max((isWide ? landscapeCharacters : pageCharacters) - needed, 0)
    let weights = (0..<count).map { column in
      wraps[column] ? Double(min(longest[column], 60)) : 0
    }
    let wrapping = weights.reduce(0, +)
    let room = (0..<count).map { least[$0] + spare * weights[$0] / wrapping }
    let total = room.reduce(0, +)
    return (wraps, room.map { Int(($0 * 100 / total).rounded()) }, isWide)
  }

  /// Whether a column holds only short values without spaces (codes), or dates.
  static func keepsWhole(_ cells: DocumentCells, _ column: Int) -> Bool {
    var sawValue = false
    for row in cells.rows.indices {
      let text = cells.rows[row][column]
      if text.isEmpty { continue }
      guard cells.isData[row][column], DisplayWidth.of(text) <= 16 else { return false }
      if !cells.isDate[column] && text.contains(where: { $0 == " " || $0.isNewline }) {
        return false
      }
      sawValue = true
    }
    return sawValue
  }

  /// Text escaped, its line breaks as `<br/>`.
  static func lines(_ text: String) -> String {
    text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map { Escape.html(String($0)) }.joined(separator: "<br/>")
  }

  /// The style sheet: A4 print first, a readable page on screen.
  static let styleSheet = """
    @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
    @page landscape { size: A4 landscape; margin: 20mm 20mm 15mm 20mm; }
    table.wide { page: landscape; }
    html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
      font-size: 13pt; line-height: 1.35; color: #000; background: #fff;
      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; }
    @media screen { body { max-width: 165mm; margin: 12mm auto; padding: 0 8mm; } }
    .official { display: flex; justify-content: space-between; align-items: flex-start;
      gap: 8mm; margin-bottom: 10pt; }
    .official .issuer { flex: 0 0 42%; text-align: center; }
    .official .motto { flex: 1 1 auto; text-align: center; }
    .issuer .organization, .motto .name { font-weight: bold; }
    .motto .name { text-decoration: underline; }
    .motto .date { font-style: italic; margin-top: 8pt; }
    .document-type { text-align: center; font-weight: bold; font-size: 15pt; margin-top: 16pt; }
    h1.title { text-align: center; font-size: 14pt; margin: 4pt 0 6pt; }
    .rule { width: 30mm; margin: 0 auto 12pt; border-top: 0.75pt solid #000; }
    h2 { font-size: 13pt; margin: 14pt 0 6pt; }
    h3 { font-size: 13pt; font-style: italic; margin: 10pt 0 4pt; }
    h4, h5 { font-size: 13pt; font-weight: normal; font-style: italic; margin: 8pt 0 4pt; }
    p { margin: 6pt 0; text-align: justify; }
    table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 11pt; }
    caption { font-weight: bold; padding-bottom: 4pt; }
    th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
    th { background: #e6e6e6; text-align: center; }
    td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.center { text-align: center; }
    td.nowrap { white-space: nowrap; }
    td.wrap { overflow-wrap: anywhere; }
    thead { display: table-header-group; }
    tr, figure, table.whole { break-inside: avoid; page-break-inside: avoid; }
    tr.total td { font-weight: bold; }
    h1, h2, h3, h4, h5, caption { break-after: avoid; page-break-after: avoid; }
    figure.chart { margin: 8pt 0 12pt; text-align: center; }
    figure.chart svg { max-width: 100%; height: auto; }
    .note { font-style: italic; font-size: 11pt; margin-top: -6pt; }
    .page-break { break-before: page; page-break-before: always; }

    """
}
