import GRDB

/// A row of one of the registry's tables, with snake_case columns and an integer `id`.
///
///     var unit = PartyUnit(code: "DS", name: "Đảng bộ xã Đạ Sar", kind: .communeCommittee)
///     try unit.insert(db)   // unit.id is set
///
/// Records write columns as they are; domain operations (``Registrations``, ``Lifecycle``,
/// ``CSVImport``) add the validation, NFC text and audit entries.
public protocol RegistryRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
  /// The row id; nil before insertion.
  var id: Int64? { get set }
}

extension RegistryRecord {
  public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
    .convertFromSnakeCase
  }
  public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
    .convertToSnakeCase
  }

  /// Keeps the row id SQLite gave.
  public mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }
}
