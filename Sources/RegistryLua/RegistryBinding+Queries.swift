import GRDBSQLite
import LuaBridge
import Messages

/// The core functions queries run on: SQL in, rows out as plain Lua tables.
extension RegistryBinding {
  /// `core.query(sql, params, meta)`: every row, as an array of tables with metatable `meta`.
  func query(_ L: LuaStack) throws -> Int32 {
    let context = self.context
    context.thread = L
    let sql = try L.string(1)
    let statement = try context.statement(sql)
    defer { sqlite3_reset(statement) }
    try context.bind(statement, from: L, at: 2, argument: 2)
    let meta: Int32 = L.type(at: 3) == .table ? 3 : 0
    pushColumnKeys(L, statement)  // keys
    let keys = L.top
    L.newTable()  // rows
    var count = 0
    while try context.step(statement) {
      L.pushRow(statement: statement, keys: keys, metatable: meta)
      count += 1
      L.rawSet(-2, count)
    }
    L.remove(at: keys)
    return 1
  }

  /// `core.iterate(sql, params, meta)`: a stepper returning one row per call (nil at the
  /// end), in constant memory whatever the number of rows. The statement is prepared and bound
  /// here; stepping runs in C (CLuaShim's stepper) with no Swift frame per row.
  func iterate(_ L: LuaStack) throws -> Int32 {
    let context = self.context
    context.thread = L
    let sql = try L.string(1)
    let statement = try context.statement(sql, cached: false)
    do {
      try context.bind(statement, from: L, at: 2, argument: 2)
    } catch {
      sqlite3_finalize(statement)
      throw error
    }
    pushColumnKeys(L, statement)
    L.pushStepper(
      statement: statement, keys: L.top, metatable: L.type(at: 3) == .table ? 3 : 0,
      errorPrefix: Message.sqlFailed(["message": ""]), interrupted: Message.sqlInterrupted())
    return 1
  }

  /// `core.scalar(sql, params)`: the first column of the first row, or nil.
  func scalar(_ L: LuaStack) throws -> Int32 {
    let context = self.context
    context.thread = L
    let statement = try context.statement(try L.string(1))
    defer { sqlite3_reset(statement) }
    try context.bind(statement, from: L, at: 2, argument: 2)
    if try context.step(statement) {
      L.pushColumn(statement: statement, 0)
    } else {
      L.pushNil()
    }
    return 1
  }

  /// `core.column(sql, params)`: the first column of every row, as an array; when some are
  /// NULL (holes in the array), `n` holds the number of rows, as `table.pack` does.
  func column(_ L: LuaStack) throws -> Int32 {
    let context = self.context
    context.thread = L
    let statement = try context.statement(try L.string(1))
    defer { sqlite3_reset(statement) }
    try context.bind(statement, from: L, at: 2, argument: 2)
    L.newTable()
    var count = 0
    var hasNull = false
    while try context.step(statement) {
      count += 1
      hasNull = hasNull || sqlite3_column_type(statement, 0) == SQLITE_NULL
      L.pushColumn(statement: statement, 0)
      L.rawSet(-2, count)
    }
    if hasNull {
      L.push(count)
      L.rawSet(-2, "n")
    }
    return 1
  }

  /// `core.sql(sql, params)`: for `db.sql`: rows of a reading statement and its column names.
  func sql(_ L: LuaStack) throws -> Int32 {
    let context = self.context
    context.thread = L
    let sql = try L.string(1)
    let statement = try context.statement(sql)
    defer { sqlite3_reset(statement) }
    if sqlite3_stmt_readonly(statement) == 0 { throw RegistryLuaError.writeInSQL }
    try context.bind(statement, from: L, at: 2, argument: 2)
    let meta: Int32 = L.type(at: 3) == .table ? 3 : 0
    pushColumnKeys(L, statement)
    let keys = L.top
    L.newTable()
    var count = 0
    while try context.step(statement) {
      L.pushRow(statement: statement, keys: keys, metatable: meta)
      count += 1
      L.rawSet(-2, count)
    }
    L.pushValue(at: keys)
    L.remove(at: keys)
    return 2  // rows, columns
  }

  /// Pushes the array of `statement`'s column names.
  private func pushColumnKeys(_ L: LuaStack, _ statement: OpaquePointer) {
    let count = sqlite3_column_count(statement)
    L.newTable(array: count)
    for index in 0..<count {
      if let name = sqlite3_column_name(statement, index) {
        L.push(String(cString: name))
      } else {
        L.push("column\(index + 1)")
      }
      L.rawSet(-2, Int(index) + 1)
    }
  }
}
