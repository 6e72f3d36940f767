import Messages

/// One problem found while importing a CSV file, with where it is: line and column of the file
/// as a spreadsheet shows them (the header is line 1; a quoted cell spanning lines counts each).
public struct ImportIssue: Equatable, Sendable {
  /// What is wrong.
  public enum Problem: Equatable, Sendable {
    case cannotRead(reason: String)
    case notUTF8
    case empty
    case unknownHeader(header: String, suggestion: String?, known: [String])
    case duplicateHeader(header: String, firstColumn: Int)
    case missingHeader(header: String)
    case notImportable
    case cellCount(count: Int, expected: Int)
    /// The line names the same record as an earlier line of the file.
    case duplicateRow(firstLine: Int)
    /// A value or a row the registry refuses.
    case refused(RegistryError)
    case scoring(ScoringError)
  }

  public let file: String
  public let line: Int?
  /// 1-based column.
  public let column: Int?
  /// The header of that column.
  public let header: String?
  public let problem: Problem

  /// Creates a value with these fields.
  public init(file: String, line: Int?, column: Int?, header: String?, problem: Problem) {
    self.file = file
    self.line = line
    self.column = column
    self.header = header
    self.problem = problem
  }

  /// `file:line:column (header): what is wrong and what to do`.
  public func message(in language: Language = .current) -> String {
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    if let header { place += " (\(header))" }
    let text: String
    switch problem {
    case .cannotRead(let reason):
      text = Message.csvCannotRead(["reason": reason], in: language)
    case .notUTF8:
      text = Message.csvNotUTF8(in: language)
    case .empty:
      text = Message.csvEmpty(in: language)
    case .unknownHeader(let header, let suggestion, let known):
      text = Message.csvUnknownHeader(
        [
          "header": header,
          "suggestion": suggestion.map { Message.recordDidYouMean(["value": $0], in: language) }
            ?? "",
          "known": known.joined(separator: ", "),
        ], in: language)
    case .duplicateHeader(let header, let first):
      text = Message.csvDuplicateHeader(["header": header, "first": first], in: language)
    case .missingHeader(let header):
      text = Message.csvMissingHeader(["header": header], in: language)
    case .notImportable:
      text = Message.csvNotImportable(in: language)
    case .cellCount(let count, let expected):
      text = Message.csvCellCount(["count": count, "expected": expected], in: language)
    case .duplicateRow(let first):
      text = Message.csvDuplicateRow(["first": first], in: language)
    case .refused(let error):
      text = error.message(in: language)
    case .scoring(let error):
      text = error.message(in: language)
    }
    return place + ": " + text
  }
}

/// An import that changed nothing because of ``issues``, all of them.
///
///     do { try CSVImport.run(db, table: "registrations", path: "dang-ky.csv") }
///     catch let failure as ImportFailure { print(failure) }
///     // dang-ky.csv was not imported: 2 errors, nothing changed
///     // dang-ky.csv:14:8 (Đơn vị): registration DK-2023-050: no unit 'Da Sa' (did you mean …?)
public struct ImportFailure: LocalizedFailure, Equatable {
  public let file: String
  public let issues: [ImportIssue]

  /// Creates a value with these fields.
  public init(file: String, issues: [ImportIssue]) {
    self.file = file
    self.issues = issues
  }

  /// The message in `language`.
  public func message(in language: Language) -> String {
    ([Message.csvFailed(["file": file, "count": issues.count], in: language)]
      + issues.map { $0.message(in: language) }).joined(separator: "\n")
  }
}
