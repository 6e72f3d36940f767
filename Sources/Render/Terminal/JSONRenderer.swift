/// Writes a table as a JSON array of objects, one object per row keyed by column name.
///
/// Integers stay integers (`17`), floats keep a fraction or exponent (`2.0`, `82.5`, `1e-05`) so
/// a reader can tell them apart; infinities and NaN, which JSON cannot hold, are `null`, as is
/// NULL. Dates are ISO strings. When two columns share a name (`SELECT a.name, b.name`), the
/// later keys get `_2`, `_3`… so no value is lost. One object per line; every row is written.
///
///     JSONRenderer().render(table)
///     // [
///     //   {"id": 1, "name": "Đạ Sar", "score": 82.5, "note": null}
///     // ]
public struct JSONRenderer: Sendable {
  /// A JSON renderer.
  ///
  ///     JSONRenderer().render(table)
  public init() {}

  /// The table as a JSON array, ending with a line break; `[]` for no rows.
  ///
  ///     JSONRenderer().render(Table(columns: [Column("a")]))  // "[]\n"
  ///
  /// - Parameter table: the table.
  public func render(_ table: Table) -> String {
    guard !table.rows.isEmpty else { return "[]\n" }
    let keys = Self.uniqueKeys(table.columns.map(\.name)).map(Escape.json)
    var output = "[\n"
    for row in table.rows.indices {
      output += "  " + object(table, row: row, keys: keys)
      output += row == table.rows.count - 1 ? "\n" : ",\n"
    }
    return output + "]\n"
  }

  /// One row as a JSON object on one line.
  func object(_ table: Table, row: Int, keys: [String]) -> String {
    var members: [String] = []
    members.reserveCapacity(keys.count)
    for column in keys.indices {
      members.append(keys[column] + ": " + Self.value(table.cell(row, column)))
    }
    return "{" + members.joined(separator: ", ") + "}"
  }

  /// A cell as a JSON value.
  ///
  ///     JSONRenderer.value(.number(2))  // "2.0"
  ///
  /// - Parameter cell: the cell.
  static func value(_ cell: Cell) -> String {
    switch cell {
    case .null: return "null"
    case .text(let text), .date(let text): return Escape.json(text)
    case .integer(let value): return String(value)
    case .number(let value): return value.isFinite ? value.description : "null"
    case .boolean(let value): return value ? "true" : "false"
    }
  }

  /// `names` with repeats renamed `name_2`, `name_3`… (skipping names already taken).
  static func uniqueKeys(_ names: [String]) -> [String] {
    var taken = Set(names)
    var seen: Set<String> = []
    var keys: [String] = []
    for name in names {
      if seen.insert(name).inserted {
        keys.append(name)
        continue
      }
      var suffix = 2
      while taken.contains("\(name)_\(suffix)") { suffix += 1 }
      let key = "\(name)_\(suffix)"
      taken.insert(key)
      keys.append(key)
    }
    return keys
  }
}
