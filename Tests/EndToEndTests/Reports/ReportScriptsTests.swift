import Foundation
import TestSupport
import Testing

/// The saved report scripts, run by the built binary on a registry file: their numbers against
/// independent SQL (``ReportChecks``), their documents through Python's parsers
/// (``DocumentCheck``), hostile text inert in every format, and their command lines.
@Suite struct ReportScriptsTests {
  static let scripts = [
    "btv-brief.lua", "coverage.lua", "late.lua", "appraisal.lua", "top-models.lua", "htxs.lua",
    "year-over-year.lua",
  ]
  static let asOf = ["--as-of", "2023-12-01"]

  // MARK: The brief

  @Test func theBriefHoldsTheTenStatisticsAndEachMatchesTheRegistry() throws {
    let run = try ReportRun("btv-brief.lua", ReportRun.fixedDays + Self.asOf)
    let checks = ReportChecks(run)
    try checks.coverage()
    try checks.unitsWithout()
    try checks.timeliness()
    try checks.reports()
    try checks.sheets()
    try checks.mix()
    try checks.scores()
    try checks.top(10)
    try checks.htxs()
    try checks.targets()
    try checks.yearOverYear()
    try checks.followUps()
    let charts = run.blocks.filter { $0["type"] as? String == "chart" }
    #expect(
      Set(charts.compactMap { $0["kind"] as? String }) == ["bar", "stacked", "histogram", "line"])
    let header = try #require(run.document["header"] as? [String: Any])
    #expect(header["organization"] as? String == "BAN TỔ CHỨC HUYỆN ỦY")
    #expect(header["date"] as? String == "2023-12-01")
  }

  @Test func theBriefPrintsAsOneSafeWellFormedHTMLDocumentWithEveryTable() throws {
    let run = try ReportRun("btv-brief.lua", ReportRun.fixedDays + Self.asOf)
    let path = try run.again(
      "btv-brief.lua", ReportRun.fixedDays + Self.asOf + ["--number", "25-BC/BTCHU"],
      output: "brief.html")
    #expect(fileMode(path) == 0o600, "reports hold personal data")
    let html = try #require(
      String(data: FileManager.default.contents(atPath: path)!, encoding: .utf8))
    let found = try DocumentCheck.check("html", path)
    #expect((found["problems"] as? [String]) == [], "html.parser: \(found["problems"] ?? "")")
    #expect(
      found["xml_error"] is NSNull, "the file is well-formed XML: \(found["xml_error"] ?? "")")
    let charts = run.blocks.filter { $0["type"] as? String == "chart" }.count
    #expect(found["svgs"] as? Int == charts, "one inline SVG per chart")
    #expect((found["svg_errors"] as? [String]) == [])
    let tags = found["tags"] as? [String] ?? []
    #expect(!tags.contains("script") && !tags.contains("img") && !tags.contains("iframe"))
    #expect((found["handlers"] as? [String]) == [], "no event handler attributes")
    // Every table of the report is in the page, under its caption, with its headers and rows.
    let tables = found["tables"] as? [[String: Any]] ?? []
    let blocks = run.blocks.filter { $0["type"] as? String == "table" }
    #expect(tables.count == blocks.count)
    for block in blocks {
      let caption = block["caption"] as? String ?? ""
      let table = try #require(
        tables.first { $0["caption"] as? String == caption }, "no HTML table '\(caption)'")
      let rows = table["rows"] as? [[String]] ?? []
      let columns = block["columns"] as? [[String: Any]] ?? []
      #expect(rows.first == columns.map { ($0["label"] as? String) ?? ($0["name"] as! String) })
      #expect(rows.count - 1 == (block["rows"] as? [Any])?.count, "\(caption)")
    }
    // The hostile title is text: the parser reads it back as it was typed.
    let cells = tables.flatMap { ($0["rows"] as? [[String]] ?? []).joined() }
    #expect(cells.contains(CampaignFixture.hostileTitle))
    #expect(!html.contains("<script") && !html.contains("<b>K'Ho") && !html.contains("<img"))
    // Vietnamese numbers and dates; the official header.
    #expect(cells.contains("10/04/2023"), "dates dd/mm/yyyy")
    #expect(cells.contains("81,3\u{A0}%") || html.contains("81,3\u{A0}%"), "1 decimal, comma")
    #expect(cells.contains("77,67"), "a score with a decimal comma")
    #expect(html.contains("<div class=\"number\">Số 25-BC/BTCHU</div>"))
    #expect(html.contains("Lạc Dương, ngày 01 tháng 12 năm 2023"))
    #expect(html.contains("<div class=\"document-type\">BÁO CÁO</div>"))
  }

  @Test func theBriefInMarkdownCSVAndJSONKeepsTheHostileTitleInert() throws {
    let run = try ReportRun("btv-brief.lua", ReportRun.fixedDays + Self.asOf)
    let arguments = ReportRun.fixedDays + Self.asOf
    let markdown = try String(
      contentsOfFile: try run.again("btv-brief.lua", arguments, output: "brief.md"), encoding: .utf8
    )
    #expect(
      !markdown.contains("<script") && !markdown.contains("<b>") && !markdown.contains("<img"))
    #expect(markdown.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
    #expect(markdown.contains("\\| \\*bản làng\\*"), "table and emphasis markers escaped")
    let csvPath = try run.again("btv-brief.lua", arguments, output: "brief.csv")
    #expect(fileMode(csvPath) == 0o600)
    let csv = try DocumentCheck.check("csv", csvPath)
    #expect(csv["bom"] as? Bool == true, "Excel reads UTF-8 with a byte order mark")
    #expect((csv["formulas"] as? [String]) == [], "no cell runs as a formula")
    let cells = csv["cells"] as? [String] ?? []
    #expect(cells.contains("'" + CampaignFixture.hostileTitle))
    #expect(
      markdown.contains("@SUM(A1:A9) &lt;img src=x onerror=alert(1)&gt; 100% \"đạt\""),
      "the hostile report summary, in the top models' paragraphs")
    // JSON keeps the text exactly, for machines.
    let top = try run.table("mô hình, cách làm tiêu biểu")
    #expect(top.rows.first?["title"] as? String == CampaignFixture.hostileTitle)
  }

  // MARK: The other scripts

  @Test func coverageMatchesTheRegistry() throws {
    let run = try ReportRun("coverage.lua", ReportRun.fixedDays + Self.asOf)
    try ReportChecks(run).coverage()
    try ReportChecks(run).unitsWithout()
  }

  @Test func lateAndMissingMatchTheRegistry() throws {
    let run = try ReportRun("late.lua", ReportRun.fixedDays + Self.asOf)
    let checks = ReportChecks(run)
    try checks.timeliness()
    try checks.unitsWithout()
    try checks.reports()
    try checks.sheets()
  }

  @Test func theAppraisalTableMatchesTheRegistry() throws {
    let run = try ReportRun("appraisal.lua", ReportRun.fixedDays)
    try ReportChecks(run).appraisal()
    try ReportChecks(run).scores()
  }

  @Test func topModelsMatchTheRegistry() throws {
    let run = try ReportRun("top-models.lua", ReportRun.fixedDays + ["--top", "5"])
    try ReportChecks(run).top(5)
  }

  @Test func theHTXSPipelineMatchesTheRegistry() throws {
    let run = try ReportRun("htxs.lua", ReportRun.fixedDays)
    try ReportChecks(run).htxs()
  }

  @Test func yearOverYearMatchesTheRegistry() throws {
    let run = try ReportRun("year-over-year.lua", ReportRun.fixedDays)
    try ReportChecks(run).yearOverYear()
    let chart = try run.chart("qua các năm")
    #expect(chart["kind"] as? String == "line")
    #expect(chart["categories"] as? [String] == ["2022", "2023"])
  }

  // MARK: Command lines

  @Test(arguments: scripts)
  func everyScriptExplainsItselfWithHelp(_ script: String) throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("empty.sqlite")
    let vi = try ReportRun.sangtao(database, script, ["--help"])
    #expect(vi.status == 0)
    #expect(vi.stdout.hasPrefix("Cách dùng: sangtao [--db TỆP] "))
    for option in ["--year NĂM", "-o, --output TỆP", "--date NGÀY", "--number SỐ", "-h, --help"] {
      #expect(vi.stdout.contains(option), "\(script): \(option)")
    }
    #expect(vi.stdout.contains("Ví dụ:\n  sangtao scripts/\(script)"))
    let path = Repository.root.appendingPathComponent("scripts/" + script).path
    let en = try run(
      Repository.binary, ["--lang", "en", "--db", database, path, "-h"],
      environment: cleanEnvironment())
    #expect(en.status == 0)
    #expect(en.stdout.hasPrefix("Usage: sangtao [--db FILE] "))
    #expect(en.stdout.contains("-o, --output FILE   write the report to FILE by its extension"))
  }

  @Test func scriptsSayWhatIsWrongWithTheirCommandLine() throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("registry.sqlite")
    try ReportRun.makeRegistry(at: database)
    let script = Repository.root.appendingPathComponent("scripts/coverage.lua").path
    let unknown = try ReportRun.sangtao(database, "coverage.lua", ["--bogus"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.hasPrefix(script + ": tùy chọn không có: --bogus\n\nCách dùng:"))
    let year = try ReportRun.sangtao(database, "coverage.lua", ["--year", "2019"])
    #expect(year.status == 1)
    #expect(year.stderr == script + ": không có đợt đăng ký năm 2019; các năm có: 2022, 2023\n")
    let format = try ReportRun.sangtao(database, "coverage.lua", ["-o", directory.path("a.pdf")])
    #expect(format.status == 2)
    #expect(format.stderr.contains("tệp ra cần đuôi .html, .md, .csv hoặc .json"))
    let date = try ReportRun.sangtao(database, "coverage.lua", ["--date", "31/02/2023"])
    #expect(date.status == 2)
    #expect(date.stderr.contains("ngày không hợp lệ: 31/02/2023"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        .allSatisfy { $0.hasPrefix("registry.sqlite") }, "nothing written")
  }

  @Test func withoutAnOutputFileTheReportIsMarkdownOnStdout() throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("registry.sqlite")
    try ReportRun.makeRegistry(at: database)
    let result = try ReportRun.sangtao(database, "coverage.lua", ReportRun.fixedDays + Self.asOf)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("**ĐẢNG BỘ HUYỆN LẠC DƯƠNG**  \n**BAN TỔ CHỨC HUYỆN ỦY**"))
    #expect(result.stdout.contains("|  TT | Tổ chức cơ sở đảng "))
    #expect(result.stdout.contains("| **Tổng cộng** "))
  }

  @Test func theLatestCampaignIsTheDefaultYear() throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("registry.sqlite")
    try ReportRun.makeRegistry(at: database)
    let result = try ReportRun.sangtao(database, "top-models.lua", ["--top", "3"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("# Mô hình mới, cách làm sáng tạo tiêu biểu năm 2023"))
  }
}
