extension Column.Kind {
  /// The kind that fits every non-null cell: integer if all are integers, number if all are
  /// numbers, boolean or date if all are, text otherwise (and for no values at all).
  ///
  ///     Column.Kind.inferred(from: [.integer(1), .number(2.5), .null])  // .number
  ///
  /// - Parameter cells: the cells of the column.
  public static func inferred(from cells: some Sequence<Cell>) -> Column.Kind {
    var kind: Column.Kind? = nil
    for cell in cells {
      let cellKind: Column.Kind
      switch cell {
      case .null: continue
      case .text: return .text
      case .integer: cellKind = .integer
      case .number: cellKind = .number
      case .boolean: cellKind = .boolean
      case .date: cellKind = .date
      }
      switch (kind, cellKind) {
      case (nil, _): kind = cellKind
      case (let current?, let new) where current == new: break
      case (.integer?, .number), (.number?, .integer): kind = .number
      default: return .text
      }
    }
    return kind ?? .text
  }
}
