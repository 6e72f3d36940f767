import LuaBridge
import Render

/// How a registry value looks at the prompt.
public enum Presentation {
  /// A table of rows (a query, a result set, an array of records).
  case table(Table)
  /// One record shown vertically.
  case card(Table)
}

extension RegistryBinding {
  /// The presentation of the value at `index`, or nil for values that print as plain Lua
  /// values. A query runs (first `maxRows` rows and a count); nothing else does.
  ///
  /// - Throws: `LuaError` when running the query fails (a SQL error, an interrupt).
  public func present(_ L: LuaStack, at index: Int32, maxRows: Int) throws -> Presentation? {
    let value = L.absolute(index)
    let base = L.top
    defer { L.top = base }
    L.rawGet(LuaStack.registryIndex, "sangtao.namespace")
    guard L.type(at: -1) == .table, L.rawGet(-1, "tabulate") == .function else { return nil }
    context.thread = L
    L.pushValue(at: value)
    L.push(maxRows)
    try L.call(arguments: 2, results: 1, traceback: false)
    guard L.type(at: -1) == .table else { return nil }
    let table = Presentation.table(L, tabulation: L.top)
    let kind = L.rawGet(-1, "kind") == .string ? L.toString(-1) : nil
    return kind == "card" ? .card(table) : .table(table)
  }
}

extension Presentation {
  /// The table of a tabulation at `index` (`{columns = {...}, rows = {{...}}, total = n}`, as
  /// `S.tabulate` makes it, and as reports keep their tables): names, cells read by
  /// `cell(_:at:)`, kinds inferred from the cells. The stack is left as it was.
  static func table(_ L: LuaStack, tabulation index: Int32) -> Table {
    let result = L.absolute(index)
    let base = L.top
    defer { L.top = base }
    L.rawGet(result, "columns")
    let names = (try? L.read(-1, as: [String].self)) ?? []
    L.pop()
    var rows: [[Cell]] = []
    L.rawGet(result, "rows")
    let rowsIndex = L.top
    for position in stride(from: 1, through: L.rawLength(rowsIndex), by: 1) {
      L.rawGet(rowsIndex, position)
      var cells: [Cell] = []
      for column in stride(from: 1, through: names.count, by: 1) {
        L.rawGet(-1, column)
        cells.append(Presentation.cell(L, at: -1))
        L.pop()
      }
      rows.append(cells)
      L.pop()
    }
    L.pop()
    L.rawGet(result, "total")
    let total = L.toInteger(-1).map(Int.init)
    L.pop()
    return Table(names: names, rows: rows, totalRowCount: total)
  }

  /// A Lua value as a table cell.
  static func cell(_ L: LuaStack, at index: Int32) -> Cell {
    switch L.type(at: index) {
    case .nil, .none: return .null
    case .boolean: return .boolean(L.toBoolean(index))
    case .number:
      return L.isInteger(index)
        ? .integer(L.toInteger(index) ?? 0) : .number(L.toNumber(index) ?? 0)
    case .string: return .text(L.toString(index) ?? "")
    default: return .text((try? L.tostring(index)) ?? L.typeName(at: index))
    }
  }
}
