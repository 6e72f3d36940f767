import LuaBridge
import Testing

@Suite struct ScalarConversionTests {
  @Test func integersStayIntegersAndFloatsStayFloats() throws {
    let lua = try LuaState()
    let values = try lua.run("return 3, 3.0, 2^53, -0.0, math.maxinteger")
    #expect(
      values == [
        .integer(3), .number(3.0), .number(9007199254740992), .number(-0.0),
        .integer(Int64.max),
      ])
    lua.stack.push(Int64(7))
    lua.stack.push(7.0)
    #expect(lua.stack.isInteger(-2))
    #expect(!lua.stack.isInteger(-1))
    #expect(try lua.stack.read(-2, as: Int.self) == 7)
    #expect(try lua.stack.read(-1, as: Int.self) == 7)  // 7.0 has an integer value
    lua.stack.pop(2)
    #expect(lua.stack.top == 0)
  }

  @Test func aFloatWithoutIntegerValueIsRefusedAsLuaRefusesIt() throws {
    let lua = try LuaState()
    lua.stack.push(1.5)
    #expect(throws: LuaCallError.argument(1, "number has no integer representation")) {
      try lua.stack.read(1, as: Int.self)
    }
    lua.stack.pop()
  }

  @Test func stringsKeepEmbeddedNulsAndVietnamese() throws {
    let lua = try LuaState()
    let text = "Đạ Sar\0Lát"
    lua.stack.push(text)
    #expect(lua.stack.rawLength(-1) == text.utf8.count)
    #expect(try lua.stack.read(-1, as: String.self) == text)
    lua.stack.pop()
    let back = try lua.run("return ('a\\0b'):len(), 'a\\0b'")
    #expect(back == [.integer(3), .string("a\0b")])
    #expect(lua.stack.top == 0)
  }

  @Test func numbersReadAsStringsAreConvertedOnACopy() throws {
    let lua = try LuaState()
    lua.stack.push(Int64(42))
    #expect(try lua.stack.read(-1, as: String.self) == "42")
    #expect(lua.stack.type(at: -1) == .number)  // not converted in place
    lua.stack.pop()
  }

  @Test func booleansFollowLuaTruth() throws {
    let lua = try LuaState()
    try lua.run("t = {false, 0, ''}")
    lua.stack.getGlobal("t")
    lua.stack.rawGet(-1, 1)
    lua.stack.rawGet(-2, 2)
    #expect(try lua.stack.read(-2, as: Bool.self) == false)
    #expect(try lua.stack.read(-1, as: Bool.self) == true)
    lua.stack.pop(3)
    #expect(lua.stack.top == 0)
  }

  @Test func floatsPrintAsLuaPrintsThem() {
    #expect(LuaValue.number(3).description == "3.0")
    #expect(LuaValue.number(0.1).description == "0.1")
    #expect(LuaValue.number(1e100).description == "1e+100")
    #expect(LuaValue.number(.infinity).description == "inf")
    #expect(LuaValue.integer(-5).description == "-5")
  }
}
