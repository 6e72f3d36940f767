import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the audit log: every change of the registry leaves an entry with who, when, what
/// changed (before and after, as JSON objects of the changed columns) and the document behind it.
///
///     try AuditLog.record(
///       db, entity: "registrations", entityId: 17, action: .transition,
///       before: [("status", "submitted")], after: [("status", "accepted")],
///       actor: "btc.lan", on: Day(iso: "2023-03-30"), document: "45-CV/BTCHU")
public enum AuditLog {
  /// What a change did.
  public enum Action: String, Sendable {
    case insert, update, delete, transition, `import`
  }

  /// Appends one entry.
  ///
  /// - Parameters:
  ///   - entity: The table changed.
  ///   - before: The changed columns before, in column order; nil for an insertion.
  ///   - after: The changed columns after; nil for a deletion.
  ///   - at: The time of recording; now by default.
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func record(
    _ db: Database, entity: String, entityId: Int64?, action: Action,
    before: [(String, DatabaseValue)]?, after: [(String, DatabaseValue)]?, actor: String,
    on date: Day? = nil, document: String? = nil, note: String? = nil, at: String? = nil
  ) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO audit_log (at, on_date, actor, entity, entity_id, action, before, after, \
        document, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(
      arguments: [
        at ?? timestamp(), date, actor, entity, entityId, action.rawValue, before.map(JSON.object),
        after.map(JSON.object), document, note,
      ])
  }

  /// The current time as UTC `YYYY-MM-DDTHH:MM:SSZ`.
  public static func timestamp() -> String {
    let now = time(nil)
    let seconds = Int(now)
    let day = Day(ordinal: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    let rest = seconds - day.ordinal * 86400
    var bytes = Array(day.iso.utf8)
    bytes.append(UInt8(ascii: "T"))
    Day.appendDigits(rest / 3600, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    Day.appendDigits(rest / 60 % 60, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    Day.appendDigits(rest % 60, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The little JSON the audit log needs: flat objects of SQL values, keys in the given order.
enum JSON {
  static func object(_ pairs: [(String, DatabaseValue)]) -> String {
    var output = "{"
    for (index, (key, value)) in pairs.enumerated() {
      if index > 0 { output += "," }
      output += string(key)
      output += ":"
      output += self.value(value)
    }
    output += "}"
    return output
  }

  static func value(_ value: DatabaseValue) -> String {
    switch value.storage {
    case .null: return "null"
    case .int64(let int): return String(int)
    case .double(let double):
      return double.isFinite
        ? (double == double.rounded() && abs(double) < 1e15
          ? String(Int64(double)) : String(double)) : "null"
    case .string(let text): return string(text)
    case .blob(let data): return string("<\(data.count) bytes>")
    }
  }

  static func string(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
    return output
  }
}
