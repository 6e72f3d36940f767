import CLua
import CLuaShim

/// Rows of SQLite statements straight into Lua, through C (see CLuaShim's rows.c): a Swift
/// value per column would cost five times the bytes pushed directly (DESIGN.md §9).
extension LuaStack {
  /// Pushes the current row of `statement` (a `sqlite3_stmt *`) as a table keyed by the
  /// strings of the array at `keys` (column i+1), with the metatable at `metatable` (0: none).
  /// NULL columns are absent; integers stay integers.
  @inline(__always)
  public func pushRow(statement: OpaquePointer, keys: Int32, metatable: Int32) {
    luashim_pushrow(L, UnsafeMutableRawPointer(statement), keys, metatable)
  }

  /// Pushes column `column` of the current row of `statement` as a Lua value (NULL: nil).
  @inline(__always)
  public func pushColumn(statement: OpaquePointer, _ column: Int32) {
    luashim_pushcolumn(L, UnsafeMutableRawPointer(statement), column)
  }
}
