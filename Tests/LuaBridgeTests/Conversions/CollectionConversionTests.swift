import LuaBridge
import Testing

@Suite struct CollectionConversionTests {
  @Test func arraysRoundTrip() throws {
    let lua = try LuaState()
    lua.setGlobal("xs", ["Lát", "Đạ Sar", "Đạ Nhim"])
    let values = try lua.run("return #xs, xs[2]")
    #expect(values == [.integer(3), .string("Đạ Sar")])
    lua.stack.getGlobal("xs")
    #expect(try lua.stack.read(-1, as: [String].self) == ["Lát", "Đạ Sar", "Đạ Nhim"])
    lua.stack.pop()
    #expect(lua.stack.top == 0)
  }

  @Test func dictionariesRoundTrip() throws {
    let lua = try LuaState()
    lua.setGlobal("counts", ["DS": 12, "LAT": 7])
    #expect(try lua.run("return counts.DS + counts.LAT") == [.integer(19)])
    try lua.run("t = {a = 1.5, b = 2.5}")
    lua.stack.getGlobal("t")
    #expect(try lua.stack.read(-1, as: [String: Double].self) == ["a": 1.5, "b": 2.5])
    lua.stack.pop()
    #expect(lua.stack.top == 0)
  }

  @Test func aBadElementNamesItsPosition() throws {
    let lua = try LuaState()
    try lua.run("t = {1, 'x', 3}")
    lua.stack.getGlobal("t")
    #expect(throws: LuaCallError.argument(1, "bad element #2 (number expected)")) {
      try lua.stack.read(1, as: [Int].self)
    }
    lua.stack.pop()
  }

  @Test func nestedTablesCopyDeeplyAndCyclesAreMarked() throws {
    let lua = try LuaState()
    let values = try lua.run("local t = {1, {x = true}}; t.self = t; return t")
    guard case .table(let table) = values.first else {
      Issue.record("expected a table")
      return
    }
    #expect(table[.integer(1)] == .integer(1))
    #expect(table[.integer(2)] == .table([.string("x"): .boolean(true)]))
    #expect(table[.string("self")] == .opaque("cycle"))
    #expect(lua.stack.top == 0)
  }

  @Test func optionalsReadNilAsNil() throws {
    let lua = try LuaState()
    lua.stack.pushNil()
    #expect(try lua.stack.read(1, as: Int?.self) == nil)
    lua.stack.pop()
    lua.stack.push(Optional<Int>.none)
    #expect(lua.stack.type(at: -1) == .nil)
    lua.stack.pop()
  }
}
