import GRDB

/// Finds the record a person means: by id, by code (`DS`, `DV-0042`, `DK-2023-017`), or by
/// name compared accent- and case-insensitively (`Đạ Sar`, `da sar` and `Xã Đạ Sar` all find
/// "Đảng bộ xã Đạ Sar"); campaigns also by year. When nothing matches it suggests the closest
/// code or name.
///
///     let resolver = ReferenceResolver()
///     try resolver.resolve(db, table: "units", value: "da sar")  // .found(3)
///     try resolver.resolve(db, table: "units", value: "Da Sa")   // .missing(suggestion: "Đảng bộ xã Đạ Sar")
///
/// A resolver made with `indexing: true` loads each table's codes and names once, for imports
/// of many rows; tell it about inserted rows with ``noteInserted(table:id:code:name:)``.
public final class ReferenceResolver {
  /// What a lookup found.
  public enum Resolution: Equatable, Sendable {
    case found(Int64)
    /// Nothing matches; the closest code or name, if close.
    case missing(suggestion: String?)
    /// Several records have this name: how each reads (`DV-0012 Nguyễn Văn An`).
    case ambiguous([String])
  }

  let isIndexing: Bool
  private var indexes: [String: TableIndex] = [:]

  /// A resolver; `indexing` loads whole tables once, for many lookups.
  public init(indexing: Bool = false) {
    isIndexing = indexing
  }

  struct TableIndex {
    var byCode: [String: Int64] = [:]
    var byName: [String: [Int64]] = [:]
    var display: [Int64: String] = [:]
  }

  /// Looks up the record of `table` that `value` names.
  ///
  /// - Parameters:
  ///   - table: `units`, `people`, `collectives`, `campaigns`, `registrations`… (any table).
  ///   - value: An integer id (a year for `campaigns`), or text: a code or a name.
  /// - Throws: a `DatabaseError` when SQLite fails.
  public func resolve(_ db: Database, table: String, value: DatabaseValue) throws -> Resolution {
    switch value.storage {
    case .null:
      return .missing(suggestion: nil)
    case .int64(let number):
      return try resolve(db, table: table, number: number)
    case .double(let number) where number == number.rounded():
      return try resolve(db, table: table, number: Int64(number))
    case .string(let text):
      return try resolve(db, table: table, text: text)
    default:
      return .missing(suggestion: nil)
    }
  }

  /// Looks up by text; see ``resolve(_:table:value:)``.
  public func resolve(_ db: Database, table: String, text: String) throws -> Resolution {
    let trimmed = VietnameseText.nfc(text.trimmingASCIIWhitespace())
    guard !trimmed.isEmpty else { return .missing(suggestion: nil) }
    if table == "campaigns", let year = Int64(trimmed) {
      return try resolve(db, table: table, number: year)
    }
    if trimmed.first == "#", let id = Int64(trimmed.dropFirst()) {
      return try resolve(db, table: table, number: id, isYear: false)
    }
    let entity = Schema.current.entity(table)
    if isIndexing {
      let index = try self.index(db, table: table)
      if let id = index.byCode[trimmed] ?? index.byCode[trimmed.uppercased()] { return .found(id) }
      let ids =
        Self.nameKeys(trimmed, table: table).lazy.compactMap { index.byName[$0] }.first
        ?? []
      if ids.count == 1 { return .found(ids[0]) }
      if ids.count > 1 { return .ambiguous(ids.map { index.display[$0] ?? "#\($0)" }) }
    } else {
      if entity?.keyColumn != nil {
        for code in [trimmed, trimmed.uppercased()] {
          if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM \(table) WHERE code = ?"), arguments: [code])
          {
            return .found(id)
          }
        }
      }
      if let name = entity?.nameColumn {
        let folded = VietnameseText.fold(trimmed)
        let codeColumn = entity?.keyColumn ?? "NULL"
        let rows: [Row]
        if table == "units" {
          // Few rows; short names ("Đạ Sar" for "Đảng bộ xã Đạ Sar") need Swift.
          let wanted = Set(Self.nameKeys(trimmed, table: table))
          let all = try Row.fetchAll(
            db, sql: "SELECT id, \(name) AS name, \(codeColumn) AS code FROM units")
          let exact = all.filter { VietnameseText.fold($0["name"] ?? "") == folded }
          rows =
            exact.isEmpty
            ? all.filter { !wanted.isDisjoint(with: Self.nameKeys($0["name"] ?? "", table: table)) }
            : exact
        } else if table == "registrations" {
          rows = try Row.fetchAll(
            db, sql: "SELECT id, title AS name, code FROM registrations WHERE title_folded = ?",
            arguments: [folded])
        } else {
          rows = try Row.fetchAll(
            db,
            sql:
              "SELECT id, \(name) AS name, \(codeColumn) AS code FROM \(table) WHERE fold(\(name)) = ?",
            arguments: [folded])
        }
        if rows.count == 1 { return .found(rows[0]["id"]) }
        if rows.count > 1 {
          return .ambiguous(rows.map { Self.display(code: $0["code"], name: $0["name"]) })
        }
      }
    }
    return .missing(suggestion: try suggestion(db, table: table, text: trimmed))
  }

  func resolve(_ db: Database, table: String, number: Int64, isYear: Bool = true) throws
    -> Resolution
  {
    if table == "campaigns" && isYear && (1900...2200).contains(number) {
      if let id = try Int64.fetchOne(
        db.cachedStatement(sql: "SELECT id FROM campaigns WHERE year = ?"), arguments: [number])
      {
        return .found(id)
      }
      return .missing(suggestion: nil)
    }
    let exists = try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"),
      arguments: [number])!
    return exists ? .found(number) : .missing(suggestion: nil)
  }

  /// Records a row inserted during an import, so later rows can refer to it.
  public func noteInserted(table: String, id: Int64, code: String?, name: String?) {
    guard isIndexing, var index = indexes[table] else { return }
    if let code { index.byCode[code] = id }
    if let name {
      for key in Self.nameKeys(name, table: table) { index.byName[key, default: []].append(id) }
    }
    index.display[id] = Self.display(code: code, name: name)
    indexes[table] = index
  }

  func index(_ db: Database, table: String) throws -> TableIndex {
    if let index = indexes[table] { return index }
    var index = TableIndex()
    let entity = Schema.current.entity(table)
    let code = entity?.keyColumn
    let name = entity?.nameColumn
    if code != nil || name != nil {
      let sql = "SELECT id, \(code ?? "NULL") AS code, \(name ?? "NULL") AS name FROM \(table)"
      let rows = try Row.fetchCursor(db, sql: sql)
      while let row = try rows.next() {
        let id: Int64 = row["id"]
        let codeValue: String? = row["code"]
        let nameValue: String? = row["name"]
        if let codeValue { index.byCode[codeValue] = id }
        if let nameValue {
          for key in Self.nameKeys(nameValue, table: table) {
            index.byName[key, default: []].append(id)
          }
        }
        index.display[id] = Self.display(code: codeValue, name: nameValue)
      }
    }
    indexes[table] = index
    return index
  }

  static func display(code: String?, name: String?) -> String {
    switch (code, name) {
    case (let code?, let name?): return "\(code) \(name)"
    case (let code?, nil): return code
    case (nil, let name?): return name
    default: return "?"
    }
  }

  /// The folded forms a name is found by: the whole name, and for units the name without the
  /// words that say what kind of organization it is ("Đảng bộ xã Đạ Sar" → "da sar").
  static func nameKeys(_ name: String, table: String) -> [String] {
    let folded = VietnameseText.fold(name)
    guard table == "units" else { return [folded] }
    var short = folded
    var changed = true
    while changed {
      changed = false
      for prefix in unitPrefixes where short.hasPrefix(prefix) && short.count > prefix.count {
        short = String(short.dropFirst(prefix.count))
        changed = true
      }
    }
    return short == folded ? [folded] : [folded, short]
  }

  static let unitPrefixes = [
    "dang bo ", "chi bo ", "co so ", "xa ", "thi tran ", "co quan ", "huyen uy ",
  ]

  func suggestion(_ db: Database, table: String, text: String) throws -> String? {
    let entity = Schema.current.entity(table)
    let code = entity?.keyColumn
    let name = entity?.nameColumn
    guard code != nil || name != nil else { return nil }
    var candidates: [String] = []
    let rows = try Row.fetchCursor(
      db, sql: "SELECT \(code ?? "NULL") AS code, \(name ?? "NULL") AS name FROM \(table)")
    while let row = try rows.next() {
      if let value: String = row["code"] { candidates.append(value) }
      if let value: String = row["name"] { candidates.append(value) }
    }
    if let best = Similarity.suggestion(for: text, among: candidates) { return best }
    guard table == "units" else { return nil }
    // Compare short names: "Da Sa" is close to "Đạ Sar" of "Đảng bộ xã Đạ Sar".
    let wanted = Self.nameKeys(text, table: table).last!
    let short = candidates.map { Self.nameKeys($0, table: table).last! }
    guard let match = Similarity.suggestion(for: wanted, among: short) else { return nil }
    return candidates[short.firstIndex(of: match)!]
  }
}
