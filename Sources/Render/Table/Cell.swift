/// One value of a table: what a SQL result or a Lua value holds, typed so each renderer can
/// format it (numbers right-aligned, integers kept apart from floats, dates localized).
///
///     let row: [Cell] = [.integer(17), .text("Đạ Sar"), .number(82.5), .date("2023-03-28"), .null]
public enum Cell: Sendable, Hashable {
  /// No value (SQL NULL, Lua nil).
  case null
  /// Text.
  case text(String)
  /// An integer, kept exact.
  case integer(Int64)
  /// A floating-point number.
  case number(Double)
  /// True or false.
  case boolean(Bool)
  /// A date as ISO text, `YYYY-MM-DD`; shown localized in documents, as is elsewhere.
  case date(String)

  /// Whether the cell is `.null`.
  ///
  ///     Cell.null.isNull  // true
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The value as a `Double` when it is a number (integer or float), else nil.
  ///
  ///     Cell.integer(3).numericValue  // 3.0
  public var numericValue: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .number(let value): return value
    default: return nil
    }
  }
}

extension Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
  /// A text cell: `let cell: Cell = "Lát"`.
  public init(stringLiteral value: String) { self = .text(value) }
  /// An integer cell: `let cell: Cell = 42`.
  public init(integerLiteral value: Int64) { self = .integer(value) }
  /// A number cell: `let cell: Cell = 82.5`.
  public init(floatLiteral value: Double) { self = .number(value) }
  /// A boolean cell: `let cell: Cell = true`.
  public init(booleanLiteral value: Bool) { self = .boolean(value) }
  /// A null cell: `let cell: Cell = nil`.
  public init(nilLiteral: ()) { self = .null }
}
