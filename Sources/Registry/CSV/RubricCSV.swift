import CSV
import GRDB
import Messages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A rubric as a spreadsheet: one line per band, the criterion's code, name, maximum and evidence
/// on its first line (later lines of the same criterion may leave them empty); a criterion
/// without bands is one line with empty band cells.
///
///     Mã tiêu chí,Tên tiêu chí,Điểm tối đa,Minh chứng,Khung điểm,Từ,Đến
///     TC1,"Tính mới, tính sáng tạo",25,Bản đăng ký,Hoàn toàn mới trên địa bàn huyện,23,25
///     TC1,,,,Cải tiến rõ rệt so với cách làm cũ,17,22
///
///     try RubricCSV.define(db, year: 2024, path: "thang-diem-2024.csv", actor: "btc.lan")
public enum RubricCSV {
  static let columns: [(key: String, vi: String, en: String)] = [
    ("code", "Mã tiêu chí", "Criterion"), ("name", "Tên tiêu chí", "Name"),
    ("max", "Điểm tối đa", "Maximum"), ("evidence", "Minh chứng", "Evidence"),
    ("band", "Khung điểm", "Band"), ("min", "Từ", "From"), ("bandMax", "Đến", "To"),
  ]

  /// The CSV of the rubric in force for `year` (UTF-8 with BOM, CR LF).
  ///
  /// - Throws: ``ScoringError/noRubric(year:)``.
  public static func text(_ db: Database, year: Int, language: Language = .current) throws
    -> String
  {
    guard let (_, rubric) = try Rubrics.current(db, year: year) else {
      throw ScoringError.noRubric(year: year)
    }
    func quoted(_ text: String) -> String {
      text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + text.replacingOccurrences("\"", "\"\"") + "\"" : text
    }
    var lines = [columns.map { language == .vi ? $0.vi : $0.en }.joined(separator: ",")]
    for criterion in rubric.criteria {
      let head = [
        criterion.code, criterion.name, Scoring.format(criterion.maxPoints),
        criterion.evidence ?? "",
      ]
      if criterion.bands.isEmpty {
        lines.append((head + ["", "", ""]).map(quoted).joined(separator: ","))
      }
      for (index, band) in criterion.bands.enumerated() {
        let first = index == 0 ? head : [criterion.code, "", "", ""]
        lines.append(
          (first + [band.label, Scoring.format(band.min), Scoring.format(band.max)]).map(quoted)
            .joined(separator: ","))
      }
    }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }

  /// Reads a rubric from CSV bytes; every problem is reported at once.
  ///
  /// - Throws: ``ImportFailure``.
  public static func read(_ bytes: [UInt8], file: String, name: String) throws -> RubricDefinition {
    func failure(
      _ problem: ImportIssue.Problem, line: Int? = nil, column: Int? = nil, header: String? = nil
    )
      -> ImportIssue
    {
      ImportIssue(file: file, line: line, column: column, header: header, problem: problem)
    }
    let text: CSVText
    do {
      text = try CSVText(bytes: bytes)
    } catch .notUTF8(let line) {
      throw ImportFailure(file: file, issues: [failure(.notUTF8, line: line)])
    } catch {
      throw ImportFailure(file: file, issues: [failure(.empty)])
    }
    guard
      let reader = try? CSVReader(
        string: text.text, hasHeaderRow: true, trimFields: false, delimiter: text.delimiter)
    else { throw ImportFailure(file: file, issues: [failure(.empty)]) }
    let headers = (reader.headerRow ?? []).enumerated().map { index, header in
      let trimmed = RecordEditor.trimmed(header)
      return index == 0 && trimmed.hasPrefix("\u{FEFF}") ? String(trimmed.dropFirst()) : trimmed
    }
    var issues: [ImportIssue] = []
    var position: [String: Int] = [:]
    for (index, header) in headers.enumerated() where !header.isEmpty {
      let folded = VietnameseText.fold(header)
      if let column = columns.first(where: {
        VietnameseText.fold($0.vi) == folded || VietnameseText.fold($0.en) == folded
      }) {
        position[column.key] = index
      } else {
        issues.append(
          failure(
            .unknownHeader(
              header: header,
              suggestion: Similarity.suggestion(
                for: header, among: columns.flatMap { [$0.vi, $0.en] }),
              known: columns.map(\.vi)), line: 1, column: index + 1, header: header))
      }
    }
    for required in columns.prefix(3) where position[required.key] == nil {
      issues.append(failure(.missingHeader(header: required.vi), line: 1))
    }
    if !issues.isEmpty { throw ImportFailure(file: file, issues: issues) }

    var criteria: [CriterionDefinition] = []
    var line = 2
    while let cells = reader.next() {
      let rowLine = line
      line += 1 + cells.reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
      if cells.allSatisfy({ $0.trimmingASCIIWhitespace().isEmpty }) { continue }
      func cell(_ key: String) -> String {
        position[key].flatMap { $0 < cells.count ? RecordEditor.trimmed(cells[$0]) : nil } ?? ""
      }
      func number(_ key: String) -> Double? {
        let value = cell(key)
        if value.isEmpty { return nil }
        if let number = RecordEditor.real(value.databaseValue) { return number }
        let column = position[key]! + 1
        issues.append(
          failure(
            .refused(
              .invalidNumber(entity: "criteria", key: cell("code"), column: key, value: value)),
            line: rowLine, column: column, header: headers[column - 1]))
        return nil
      }
      let code = cell("code")
      guard !code.isEmpty else {
        issues.append(
          failure(
            .refused(.missingValue(entity: "criteria", key: "?", column: "code")), line: rowLine,
            column: position["code"]! + 1, header: headers[position["code"]!]))
        continue
      }
      if criteria.last?.code != code {
        guard let max = number("max") else {
          if cell("max").isEmpty {
            issues.append(
              failure(
                .refused(.missingValue(entity: "criteria", key: code, column: "max_points")),
                line: rowLine, column: position["max"]! + 1, header: headers[position["max"]!]))
          }
          continue
        }
        let evidence = cell("evidence")
        criteria.append(
          CriterionDefinition(
            code: code, name: VietnameseText.nfc(cell("name").isEmpty ? code : cell("name")),
            maxPoints: max, evidence: evidence.isEmpty ? nil : VietnameseText.nfc(evidence)))
      }
      let label = cell("band")
      if !label.isEmpty, let low = number("min"), let high = number("bandMax") {
        criteria[criteria.count - 1].bands.append(
          .init(label: VietnameseText.nfc(label), min: low, max: high))
      }
    }
    if !issues.isEmpty { throw ImportFailure(file: file, issues: issues) }
    return RubricDefinition(name: name, source: file, criteria: criteria)
  }

  /// Reads the rubric at `path` and makes it the rubric in force for `year` (a new version).
  ///
  /// - Parameter dryRun: Only read and check it.
  /// - Returns: The rubric read.
  /// - Throws: ``ImportFailure`` (file problems), ``ScoringError`` (a rubric that cannot be
  ///   used), `notFound` (no campaign that year), `readOnly`.
  @discardableResult
  public static func define(
    _ db: Database, year: Int, path: String, name: String? = nil, actor: String,
    dryRun: Bool = false
  ) throws -> RubricDefinition {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    guard let bytes = CSVImport.readFile(path) else {
      throw ImportFailure(
        file: file,
        issues: [
          ImportIssue(
            file: file, line: nil, column: nil, header: nil,
            problem: .cannotRead(reason: String(cString: strerror(errno))))
        ])
    }
    let rubric = try read(bytes, file: file, name: name ?? "Thang điểm năm \(year)")
    try Rubrics.validate(rubric, year: year)
    if !dryRun { try Rubrics.define(db, year: year, rubric, actor: actor) }
    return rubric
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(
      separator: replacement)
  }
}
