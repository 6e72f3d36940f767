import GRDB
import Messages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exports a table as CSV that opens cleanly in Excel and imports back unchanged.
///
/// Headers are Vietnamese or English (``CSVTableSpec``); relations are written as the related
/// record's code (or year), next to its name for people to read; dates ISO or `dd/mm/yyyy`;
/// UTF-8 with a byte order mark by default, so Excel reads Vietnamese correctly; text cells that
/// start with `=`, `+`, `-`, `@`, a tab or a carriage return are prefixed with `'` so Excel never
/// runs them as formulas (import removes the prefix).
///
///     let csv = try CSVExport.text(db, table: "registrations",
///                                  where: "campaign_id = (SELECT id FROM campaigns WHERE year = ?)",
///                                  arguments: [2023])
///     try CSVExport.write(db, table: "units", to: "don-vi.csv")
public enum CSVExport {
  /// How to write.
  public struct Options: Sendable {
    /// Start with the UTF-8 byte order mark (Excel needs it to read UTF-8).
    public var byteOrderMark: Bool
    /// `,` or `;` (Excel under Vietnamese regional settings expects `;`).
    public var delimiter: Character
    /// The language of the headers.
    public var language: Language
    /// Write dates as `dd/mm/yyyy` instead of ISO.
    public var vietnameseDates: Bool
    /// Write coded values as their labels ("Kinh tế") instead of codes ("economy").
    public var labels: Bool
    /// End lines with CR LF (Windows) instead of LF.
    public var crlf: Bool

    /// Creates a value with these fields.
    public init(
      byteOrderMark: Bool = true, delimiter: Character = ",", language: Language = .current,
      vietnameseDates: Bool = false, labels: Bool = false, crlf: Bool = true
    ) {
      self.byteOrderMark = byteOrderMark
      self.delimiter = delimiter
      self.language = language
      self.vietnameseDates = vietnameseDates
      self.labels = labels
      self.crlf = crlf
    }
  }

  /// First bytes that make Excel read a cell as a formula.
  static let dangerous: Set<UInt8> = [
    UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13,
  ]

  /// The CSV text of `table` (or of a view, column by column), rows in id order.
  ///
  /// - Parameters:
  ///   - condition: An SQL condition on the table's columns, with `?` for `arguments`.
  /// - Throws: `notFound` for an unknown table, a `DatabaseError` for a bad condition.
  public static func text(
    _ db: Database, table: String, where condition: String? = nil,
    arguments: StatementArguments = StatementArguments(), options: Options = Options()
  ) throws -> String {
    var output: [UInt8] = []
    try write(
      db, table: table, where: condition, arguments: arguments, options: options
    ) { output.append(contentsOf: $0) }
    return String(decoding: output, as: UTF8.self)
  }

  /// Writes the CSV of `table` to the file at `path` (created 0600: it may hold personal data).
  ///
  /// - Returns: The number of rows written.
  /// - Throws: ``RegistryError/cannotCreate(path:reason:)``, `notFound`, a `DatabaseError`.
  @discardableResult
  public static func write(
    _ db: Database, table: String, to path: String, where condition: String? = nil,
    arguments: StatementArguments = StatementArguments(), options: Options = Options()
  ) throws -> Int {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0, let file = fdopen(descriptor, "wb") else {
      throw RegistryError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    fchmod(descriptor, 0o600)  // an existing file keeps its mode through O_TRUNC: private now
    var failed = false
    let rows = try write(db, table: table, where: condition, arguments: arguments, options: options)
    { bytes in
      if fwrite(bytes, 1, bytes.count, file) != bytes.count { failed = true }
    }
    if fclose(file) != 0 || failed {
      throw RegistryError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    return rows
  }

  /// Streams the CSV of `table` in chunks to `sink`.
  ///
  /// - Returns: The number of rows written.
  @discardableResult
  public static func write(
    _ db: Database, table: String, where condition: String? = nil,
    arguments: StatementArguments = StatementArguments(), options: Options = Options(),
    to sink: ([UInt8]) -> Void
  ) throws -> Int {
    guard let spec = CSVTableSpec.spec(for: table), let entity = Schema.current.entity(table) else {
      throw RegistryError.notFound(entity: "table", key: table)
    }
    let delimiter = Array(String(options.delimiter).utf8)
    let newline: [UInt8] = options.crlf ? [13, 10] : [10]
    var buffer: [UInt8] = options.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    buffer.reserveCapacity(1 << 16)
    func cell(_ text: String, isText: Bool) {
      var bytes = Array(text.utf8)
      if isText, let first = bytes.first, dangerous.contains(first) {
        bytes.insert(UInt8(ascii: "'"), at: 0)
      }
      let separator: UInt8 = delimiter.first ?? 44
      let needsQuotes = bytes.contains { (byte: UInt8) -> Bool in
        byte == 34 || byte == 10 || byte == 13 || byte == separator
      }
      if needsQuotes {
        buffer.append(34)
        for byte in bytes {
          if byte == 34 { buffer.append(34) }
          buffer.append(byte)
        }
        buffer.append(34)
      } else {
        buffer.append(contentsOf: bytes)
      }
    }
    if table == "score_sheets" {
      let count = try ScoreSheetCSV.write(
        db, where: condition, arguments: arguments, options: options,
        cell: { cell($0, isText: $1) }, endLine: { buffer.append(contentsOf: newline) },
        separator: { buffer.append(contentsOf: delimiter) })
      sink(buffer)
      return count
    }
    for (index, column) in spec.columns.enumerated() {
      if index > 0 { buffer.append(contentsOf: delimiter) }
      cell(column.header(in: options.language), isText: true)
    }
    buffer.append(contentsOf: newline)

    var related: [String: [Int64: DatabaseValue]] = [:]
    func relatedValue(table: String, column: String, id: Int64) throws -> DatabaseValue {
      let key = "\(table).\(column)"
      if let value = related[key]?[id] { return value }
      let value =
        try DatabaseValue.fetchOne(
          db.cachedStatement(sql: "SELECT \(column) FROM \(table) WHERE id = ?"), arguments: [id])
        ?? .null
      related[key, default: [:]][id] = value
      return value
    }
    let order = entity.column("id") != nil ? " ORDER BY id" : ""
    let sql = "SELECT * FROM \(table)" + (condition.map { " WHERE \($0)" } ?? "") + order
    let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
    var count = 0
    while let row = try rows.next() {
      for (index, column) in spec.columns.enumerated() {
        if index > 0 { buffer.append(contentsOf: delimiter) }
        var value: DatabaseValue
        var stored: Schema.Column?
        switch column.export {
        case .value:
          value = row[column.key] ?? .null
          stored = entity.column(column.key)
        case .related(let target, let targetColumn, let via):
          let id: Int64? = row[via]
          value =
            try id.map { try relatedValue(table: target, column: targetColumn, id: $0) } ?? .null
          stored = Schema.current.entity(target)?.column(targetColumn)
        }
        switch value.storage {
        case .null:
          break
        case .string(let text):
          var shown = text
          if let stored, stored.isDate, options.vietnameseDates, let day = Day(iso: text) {
            shown = day.vietnamese
          } else if let stored, options.labels,
            let labels = CodeLabels.labels(table: entity.table, column: stored.name),
            let label = labels.first(where: { $0.code == text })?.label
          {
            shown = label.template(in: options.language)
          }
          cell(shown, isText: true)
        default:
          cell(Records.text(value), isText: false)
        }
      }
      buffer.append(contentsOf: newline)
      count += 1
      if buffer.count > 1 << 16 {
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    if !buffer.isEmpty { sink(buffer) }
    return count
  }
}
