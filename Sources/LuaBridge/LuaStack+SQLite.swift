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

  /// Pushes a stepper over `statement`: a Lua function returning its next row on each call
  /// (nil at the end), made in C with no Swift frame per row. The stepper takes the statement
  /// over and finalizes it.
  ///
  /// - Parameters:
  ///   - keys: index of the array of column names.
  ///   - metatable: index of the rows' metatable, 0 for none.
  ///   - errorPrefix: put before SQLite's message when stepping fails (`SQL: `).
  ///   - interrupted: the message when an interrupt stops it.
  public func pushStepper(
    statement: OpaquePointer, keys: Int32, metatable: Int32, errorPrefix: String,
    interrupted: String
  ) {
    luashim_pushstepper(
      L, UnsafeMutableRawPointer(statement), keys, metatable, errorPrefix, interrupted)
  }
}

extension LuaState {
  /// Rows stepped by steppers so far (for `.timer`).
  public var rowsStepped: Int { Int(luashim_rows_stepped(L)) }
}
