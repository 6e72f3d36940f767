import Foundation
import TestSupport
import Testing

/// A saved report script run by the built binary on a ``CampaignFixture`` file, and what it
/// wrote: the JSON document (parsed), and the path of every file.
///
///     let run = try ReportRun("coverage.lua")          // JSON, for the numbers
///     let table = try run.table("Tỷ lệ tập thể")      // the rows, totals apart
struct ReportRun {
  /// The private directory holding the registry and the outputs (removed with the run).
  let directory: TemporaryDirectory
  /// The registry file.
  let database: String
  /// The JSON document the script wrote.
  let document: [String: Any]
  /// The result of the run that wrote the JSON.
  let result: ProcessResult

  /// The arguments every run passes so that the output does not depend on today.
  static let fixedDays = ["--year", "2023", "--date", "01/12/2023"]

  /// Makes the registry, runs `scripts/<script>` with `arguments` and `-o report.json`.
  init(_ script: String, _ arguments: [String] = []) throws {
    directory = try TemporaryDirectory()
    database = directory.path("registry.sqlite")
    try Self.makeRegistry(at: database)
    let output = directory.path("report.json")
    result = try Self.sangtao(database, script, arguments + ["-o", output])
    try #require(result.status == 0, "\(script) failed: \(result.stderr)")
    let data = try #require(FileManager.default.contents(atPath: output))
    document = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Builds the fixture in a file and closes it, so that the binary finds everything written.
  static func makeRegistry(at path: String) throws {
    _ = try CampaignFixture(path: path)
  }

  /// Runs `sangtao --db database scripts/<script> arguments…` with messages in Vietnamese.
  static func sangtao(_ database: String, _ script: String, _ arguments: [String]) throws
    -> ProcessResult
  {
    let path = Repository.root.appendingPathComponent("scripts/" + script).path
    return try run(
      Repository.binary, ["--db", database, path] + arguments, environment: cleanEnvironment())
  }

  /// Runs the script again on the same registry, writing `name` in the run's directory.
  func again(_ script: String, _ arguments: [String], output name: String) throws -> String {
    let path = directory.path(name)
    let result = try Self.sangtao(database, script, arguments + ["-o", path])
    try #require(result.status == 0, "\(script) failed: \(result.stderr)")
    return path
  }

  /// The blocks of the document.
  var blocks: [[String: Any]] { document["blocks"] as? [[String: Any]] ?? [] }

  /// A table of the document, found by a piece of its caption.
  struct Table {
    /// The caption.
    let caption: String
    /// The column names, in order.
    let columns: [String]
    /// The column labels, in order.
    let labels: [String]
    /// The rows without the totals row, as objects keyed by column name.
    let rows: [[String: Any]]
    /// The totals row, if any.
    let totals: [String: Any]?

    /// The rows keyed by the value of `column` (a unit's name, a code).
    func rows(by column: String) -> [String: [String: Any]] {
      var result: [String: [String: Any]] = [:]
      for row in rows {
        if let key = row[column] as? String { result[key] = row }
      }
      return result
    }
  }

  /// The table whose caption contains `text`.
  func table(_ text: String) throws -> Table {
    let block = try #require(
      blocks.first { $0["type"] as? String == "table" && caption($0).contains(text) },
      "no table captioned '…\(text)…' in \(blocks.compactMap { $0["caption"] as? String })")
    let rows = block["rows"] as? [[String: Any]] ?? []
    let footer = block["footer_row_count"] as? Int ?? 0
    let columns = block["columns"] as? [[String: Any]] ?? []
    return Table(
      caption: caption(block), columns: columns.compactMap { $0["name"] as? String },
      labels: columns.map { ($0["label"] as? String) ?? ($0["name"] as? String ?? "") },
      rows: Array(rows.dropLast(footer)), totals: footer > 0 ? rows.last : nil)
  }

  /// The chart whose title contains `text`.
  func chart(_ text: String) throws -> [String: Any] {
    try #require(
      blocks.first {
        $0["type"] as? String == "chart" && ($0["title"] as? String ?? "").contains(text)
      }, "no chart titled '…\(text)…'")
  }

  private func caption(_ block: [String: Any]) -> String { block["caption"] as? String ?? "" }
}

/// Numbers as the JSON holds them: integers and floats alike.
func number(_ value: Any?) -> Double? {
  (value as? NSNumber).map { $0.doubleValue }
}

/// Whether two numbers are the same (nil and JSON null being the same too).
func same(_ a: Any?, _ b: Any?) -> Bool {
  guard let x = number(a), let y = number(b) else { return number(a) == nil && number(b) == nil }
  return abs(x - y) < 1e-9
}
