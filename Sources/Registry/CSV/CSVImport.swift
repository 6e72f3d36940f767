import CSV
import GRDB
import Messages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Imports a CSV file into one table, all or nothing.
///
/// Headers may be Vietnamese or English, as analysts write them ("Họ và tên", "Đơn vị",
/// "Tên mô hình", "Ngày tiếp nhận"…, see ``CSVTableSpec``). Values go through ``Records``: units
/// and people are found by code or by name (accents and case do not matter, with a suggestion
/// when nothing matches), dates may be `dd/mm/yyyy` or ISO, codes may be written as their
/// labels. A row whose identity (code, or year and subject…) exists updates that record, changing
/// only what differs, so importing the same file twice changes nothing the second time.
///
/// Every problem of the file is reported, each with its line, column and what to do; if there is
/// one, nothing is written (the import runs in a savepoint rolled back on error). With
/// `dryRun`, the import runs and is rolled back, and the summary says what would change.
///
///     let summary = try CSVImport.run(db, table: "registrations", path: "dang-ky-2023.csv",
///                                     options: .init(actor: "btc.lan", dryRun: true))
///     print(summary.message(in: .vi))  // dang-ky-2023.csv: thêm 12, sửa 3, giữ nguyên 180 (chạy thử…)
public enum CSVImport {
  /// How to import.
  public struct Options {
    /// Who imports, for the audit log.
    public var actor: String
    /// Roll everything back and only report what would change.
    public var dryRun: Bool
    /// The day status changes take effect; today when nil.
    public var date: Day?
    /// Called every few hundred lines with (lines done, lines in the file).
    public var progress: ((Int, Int) -> Void)?

    /// Creates a value with these fields.
    public init(
      actor: String = "import", dryRun: Bool = false, date: Day? = nil,
      progress: ((Int, Int) -> Void)? = nil
    ) {
      self.actor = actor
      self.dryRun = dryRun
      self.date = date
      self.progress = progress
    }
  }

  /// What an import did, or would do.
  public struct Summary: Equatable, Sendable {
    /// One record added or changed, with its line.
    public struct Change: Equatable, Sendable {
      /// Whether the line adds or changes a record.
      public enum Action: Equatable, Sendable { case insert, update }
      public let line: Int
      public let action: Action
      /// How the record is named: its code, or `#id`.
      public let key: String
      /// For an update, the columns that change.
      public let columns: [String]
    }

    public let file: String
    public let table: String
    public let isDryRun: Bool
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var changes: [Change] = []

    /// One line: "dang-ky.csv: thêm 12, sửa 3, giữ nguyên 180".
    public func message(in language: Language = .current) -> String {
      let summary = Message.csvSummary(
        ["file": file, "inserted": inserted, "updated": updated, "unchanged": unchanged],
        in: language)
      return isDryRun ? Message.csvDryRun(["summary": summary], in: language) : summary
    }

    /// One line per change, for a dry run.
    public func changeLines(in language: Language = .current) -> [String] {
      changes.map { change in
        switch change.action {
        case .insert:
          return Message.csvChangeInsert(["line": change.line, "key": change.key], in: language)
        case .update:
          return Message.csvChangeUpdate(
            [
              "line": change.line, "key": change.key,
              "columns": change.columns.joined(separator: ", "),
            ], in: language)
        }
      }
    }
  }

  /// Imports the CSV file at `path` into `table`.
  ///
  /// - Throws: ``ImportFailure`` with every problem (nothing written), `readOnly`.
  @discardableResult
  public static func run(
    _ db: Database, table: String, path: String, options: Options = Options()
  ) throws -> Summary {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let bytes = readFile(path) else {
      let reason = String(cString: strerror(errno))
      throw ImportFailure(
        file: name,
        issues: [
          ImportIssue(
            file: name, line: nil, column: nil, header: nil, problem: .cannotRead(reason: reason))
        ])
    }
    return try run(db, table: table, bytes: bytes, file: name, options: options)
  }

  /// Imports CSV bytes into `table`; `file` names them in messages.
  ///
  /// - Throws: ``ImportFailure`` with every problem (nothing written), `readOnly`.
  @discardableResult
  public static func run(
    _ db: Database, table: String, bytes: [UInt8], file: String, options: Options = Options()
  ) throws -> Summary {
    try RegistryError.checkWritable(db)
    func failure(_ problem: ImportIssue.Problem, line: Int? = nil) -> ImportFailure {
      ImportFailure(
        file: file,
        issues: [ImportIssue(file: file, line: line, column: nil, header: nil, problem: problem)])
    }
    if table == "score_sheets" {
      return try runScoreSheets(db, bytes: bytes, file: file, options: options)
    }
    guard let spec = CSVTableSpec.spec(for: table), spec.isImportable else {
      if Schema.current.entity(table) == nil {
        throw RegistryError.notFound(entity: "table", key: table)
      }
      throw failure(.notImportable)
    }
    let text: CSVText
    do {
      text = try CSVText(bytes: bytes)
    } catch .notUTF8(let line) {
      throw failure(.notUTF8, line: line)
    } catch {
      throw failure(.empty)
    }
    let reader: CSVReader
    do {
      reader = try CSVReader(
        string: text.text, hasHeaderRow: true, trimFields: false, delimiter: text.delimiter)
    } catch {
      throw failure(.empty)
    }
    var importer = Importer(
      db: db, spec: spec, file: file, options: options, headers: reader.headerRow ?? [])
    try importer.readHeaders()
    if !importer.issues.isEmpty { throw ImportFailure(file: file, issues: importer.issues) }

    var summary = Summary(file: file, table: table, isDryRun: options.dryRun)
    try db.inSavepoint {
      var line = 2 + (reader.headerRow ?? []).reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
      var done = 0
      while let cells = reader.next() {
        let rowLine = line
        line += 1 + cells.reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
        done += 1
        if done % 500 == 0 { options.progress?(line - 1, text.lineCount) }
        if cells.allSatisfy({ $0.trimmingASCIIWhitespace().isEmpty }) { continue }
        try importer.importRow(cells, line: rowLine, summary: &summary)
      }
      options.progress?(text.lineCount, text.lineCount)
      return importer.issues.isEmpty && !options.dryRun ? .commit : .rollback
    }
    if !importer.issues.isEmpty { throw ImportFailure(file: file, issues: importer.issues) }
    if !options.dryRun && summary.inserted + summary.updated > 0 {
      try AuditLog.record(
        db, entity: table, entityId: nil, action: .import, before: nil,
        after: [
          ("file", file.databaseValue), ("inserted", summary.inserted.databaseValue),
          ("updated", summary.updated.databaseValue),
          ("unchanged", summary.unchanged.databaseValue),
        ], actor: options.actor, on: options.date)
    }
    return summary
  }

  /// Imports score sheets (see ``ScoreSheetCSV``), all or nothing.
  static func runScoreSheets(
    _ db: Database, bytes: [UInt8], file: String, options: Options
  ) throws -> Summary {
    func failure(_ problem: ImportIssue.Problem, line: Int? = nil) -> ImportFailure {
      ImportFailure(
        file: file,
        issues: [ImportIssue(file: file, line: line, column: nil, header: nil, problem: problem)])
    }
    let text: CSVText
    do {
      text = try CSVText(bytes: bytes)
    } catch .notUTF8(let line) {
      throw failure(.notUTF8, line: line)
    } catch {
      throw failure(.empty)
    }
    guard
      let reader = try? CSVReader(
        string: text.text, hasHeaderRow: true, trimFields: false, delimiter: text.delimiter)
    else { throw failure(.empty) }
    var importer = ScoreSheetCSV.Importer(
      db: db, file: file, options: options, headers: reader.headerRow ?? [])
    importer.readHeaders()
    if !importer.issues.isEmpty { throw ImportFailure(file: file, issues: importer.issues) }
    var summary = Summary(file: file, table: "score_sheets", isDryRun: options.dryRun)
    try db.inSavepoint {
      var line = 2 + (reader.headerRow ?? []).reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
      while let cells = reader.next() {
        let rowLine = line
        line += 1 + cells.reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
        if cells.allSatisfy({ $0.trimmingASCIIWhitespace().isEmpty }) { continue }
        do {
          try importer.importRow(cells, line: rowLine, summary: &summary)
        } catch let error as ScoringError {
          importer.issue(line: rowLine, column: nil, .scoring(error))
        } catch let error as RegistryError {
          importer.issue(line: rowLine, column: nil, .refused(error))
        }
      }
      options.progress?(text.lineCount, text.lineCount)
      return importer.issues.isEmpty && !options.dryRun ? .commit : .rollback
    }
    if !importer.issues.isEmpty { throw ImportFailure(file: file, issues: importer.issues) }
    return summary
  }

  static func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
      if count < buffer.count { break }
    }
    return ferror(file) == 0 ? bytes : nil
  }
}
