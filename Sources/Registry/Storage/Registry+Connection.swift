import Foundation
import GRDB

extension Registry {
  /// The connection setup: foreign keys, WAL, waiting for a busy registry (`busy`), and the
  /// registry's SQL functions and collation on every connection (see ``VietnameseText``).
  static func configuration(
    readOnly: Bool, inMemory: Bool, path: String = ":memory:", busy: BusyPolicy = .standard
  ) -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.readonly = readOnly
    configuration.busyMode = .callback(busy.handler(path: path))
    // Values bound to statements never appear in error messages (they hold personal data).
    configuration.publicStatementArguments = false
    configuration.label = "sangtao.registry"
    configuration.prepareDatabase { db in
      if !readOnly && !inMemory {
        // Persistent in the file; cheap when already set.
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
      }
      Registry.addFunctions(to: db)
    }
    return configuration
  }

  /// Registers `fold(text)`, `vi_key(text)`, the `vi` collation and the aggregates
  /// `trimmed_mean(x)` and `median(x)` on `db`.
  ///
  ///     SELECT name FROM units ORDER BY name COLLATE vi;
  ///     SELECT code FROM registrations WHERE title_folded LIKE '%' || fold('Du lịch') || '%';
  public static func addFunctions(to db: Database) {
    db.add(function: SQLFunctions.fold)
    db.add(function: SQLFunctions.sortKey)
    db.add(collation: SQLFunctions.vietnamese)
    db.add(function: SQLFunctions.trimmedMean)
    db.add(function: SQLFunctions.median)
    db.add(function: SQLFunctions.percentile)
    db.add(function: SQLFunctions.standardDeviation)
  }
}

/// The SQL functions the registry adds to each connection.
enum SQLFunctions {
  /// `fold(text)`: ``VietnameseText/fold(_:)``; NULL stays NULL.
  static let fold = DatabaseFunction("fold", argumentCount: 1, pure: true) { values in
    guard case .string(let text) = values[0].storage else {
      return values[0].isNull ? nil : String.fromDatabaseValue(values[0]).map(VietnameseText.fold)
    }
    return VietnameseText.fold(text)
  }

  /// `vi_key(text)`: ``VietnameseText/sortKey(_:)`` as a BLOB.
  static let sortKey = DatabaseFunction("vi_key", argumentCount: 1, pure: true) { values in
    guard let text = String.fromDatabaseValue(values[0]) else { return nil }
    return Data(VietnameseText.sortKey(text))
  }

  /// `COLLATE vi`: ``VietnameseText/compare(_:_:)``.
  static let vietnamese = DatabaseCollation("vi") { VietnameseText.compare($0, $1) }

  /// `trimmed_mean(x)`: ``Scoring/trimmedMean(_:minimumCount:)`` of the non-NULL values
  /// (drops one lowest and one highest value from five values up).
  static let trimmedMean = DatabaseFunction(
    "trimmed_mean", argumentCount: 1, pure: true, aggregate: TrimmedMeanAggregate.self)

  /// `median(x)` of the non-NULL values.
  static let median = DatabaseFunction(
    "median", argumentCount: 1, pure: true, aggregate: MedianAggregate.self)

  /// `percentile(x, p)`: ``Scoring/percentile(_:_:)`` of the non-NULL values.
  static let percentile = DatabaseFunction(
    "percentile", argumentCount: 2, pure: true, aggregate: PercentileAggregate.self)

  /// `stddev(x)`: the sample standard deviation of the non-NULL values.
  static let standardDeviation = DatabaseFunction(
    "stddev", argumentCount: 1, pure: true, aggregate: StandardDeviationAggregate.self)
}

/// An aggregate of the non-NULL values of its argument, computed once they are all in.
protocol ValuesAggregate: DatabaseAggregate {
  var values: [Double] { get set }
  static func result(of values: [Double]) -> Double?
}

extension ValuesAggregate {
  mutating func step(_ dbValues: [DatabaseValue]) {
    if let value = Double.fromDatabaseValue(dbValues[0]) { values.append(value) }
  }
  func finalize() -> (any DatabaseValueConvertible)? { Self.result(of: values) }
}

struct TrimmedMeanAggregate: ValuesAggregate {
  var values: [Double] = []
  static func result(of values: [Double]) -> Double? {
    Scoring.trimmedMean(values, minimumCount: 5)
  }
}

struct MedianAggregate: ValuesAggregate {
  var values: [Double] = []
  static func result(of values: [Double]) -> Double? { Scoring.median(values) }
}

struct PercentileAggregate: DatabaseAggregate {
  var values: [Double] = []
  var p: Double?
  mutating func step(_ dbValues: [DatabaseValue]) {
    if p == nil { p = Double.fromDatabaseValue(dbValues[1]) }
    if let value = Double.fromDatabaseValue(dbValues[0]) { values.append(value) }
  }
  func finalize() -> (any DatabaseValueConvertible)? {
    p.flatMap { Scoring.percentile(values, $0) }
  }
}

struct StandardDeviationAggregate: ValuesAggregate {
  var values: [Double] = []
  static func result(of values: [Double]) -> Double? { Scoring.standardDeviation(values) }
}
