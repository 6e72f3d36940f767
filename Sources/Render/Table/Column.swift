/// A column of a table: its name, the label people read, its kind and alignment.
///
///     Column("unit_name", label: "Đơn vị")
///     Column("score", label: "Điểm", kind: .number)  // right-aligned
public struct Column: Sendable, Hashable {
  /// What a column holds; it decides alignment and number formatting.
  public enum Kind: String, Sendable, CaseIterable {
    /// Text, or values of mixed kinds.
    case text
    /// Integers.
    case integer
    /// Floating-point numbers (integers among them are fine).
    case number
    /// Shares where 1 means 100 %: shown as percentages in documents and terminals.
    case percent
    /// True or false.
    case boolean
    /// ISO dates.
    case date

    /// Whether the kind is numeric (right-aligned).
    public var isNumeric: Bool { self == .integer || self == .number || self == .percent }
  }

  /// The machine name: the SQL column or Lua key; JSON keys use it.
  public var name: String
  /// The header people read instead of the name, e.g. `Đơn vị` for `unit_name`.
  public var label: String?
  /// What the column holds.
  public var kind: Kind
  /// Where values sit: right for numbers, left otherwise, unless set.
  public var alignment: DisplayWidth.Alignment

  /// A column.
  ///
  ///     Column("n", label: "Số đăng ký", kind: .integer)
  ///
  /// - Parameters:
  ///   - name: the machine name.
  ///   - label: the header people read; the name when nil.
  ///   - kind: what it holds; text by default.
  ///   - alignment: where values sit; right for numeric kinds, left otherwise, by default.
  public init(
    _ name: String, label: String? = nil, kind: Kind = .text,
    alignment: DisplayWidth.Alignment? = nil
  ) {
    self.name = name
    self.label = label
    self.kind = kind
    self.alignment = alignment ?? (kind.isNumeric ? .right : .left)
  }

  /// The header shown: the label, else the name.
  ///
  ///     Column("unit_name", label: "Đơn vị").title  // "Đơn vị"
  public var title: String { label ?? name }
}
