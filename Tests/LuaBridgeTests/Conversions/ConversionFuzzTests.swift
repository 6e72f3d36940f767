import LuaBridge
import TestSupport
import Testing

/// Randomized round trips through the conversions, with the stack checked after each: the
/// same seed gives the same values (`SANGTAO_FUZZ_SEED`, `SANGTAO_FUZZ_ITERATIONS`). Run under
/// AddressSanitizer by `scripts/test --sanitize`, a push past the stack's end is caught.
@Suite struct ConversionFuzzTests {
  /// A random value Lua keeps as it is: no NaN, no float with an integer value as a key (Lua
  /// normalizes those), tables up to `depth` levels.
  static func value(_ random: inout SeededGenerator, depth: Int) -> LuaValue {
    switch Int.random(in: 0..<(depth > 0 ? 8 : 6), using: &random) {
    case 0: return .boolean(Bool.random(using: &random))
    case 1:
      let specials: [Int64] = [0, -1, 1, .max, .min, 1 << 53, -(1 << 53) - 1]
      return .integer(
        Bool.random(using: &random)
          ? specials.randomElement(using: &random)! : Int64.random(in: -1000...1000, using: &random)
      )
    case 2:
      let specials: [Double] = [0.5, -0.25, 1e308, -1e-308, .infinity, -.infinity, 3.14159]
      return .number(specials.randomElement(using: &random)!)
    case 3, 4: return .string(text(&random))
    case 5: return .nil
    default:
      var table: [LuaValue: LuaValue] = [:]
      for _ in 0..<Int.random(in: 0...6, using: &random) {
        let key = Self.key(&random)
        let item = value(&random, depth: depth - 1)
        if item != .nil { table[key] = item }
      }
      return .table(table)
    }
  }

  static func key(_ random: inout SeededGenerator) -> LuaValue {
    switch Int.random(in: 0..<4, using: &random) {
    case 0: return .integer(Int64.random(in: 1...8, using: &random))
    case 1: return .boolean(Bool.random(using: &random))
    case 2: return .number(Double(Int.random(in: 1...9, using: &random)) + 0.5)
    default: return .string(text(&random))
    }
  }

  static func text(_ random: inout SeededGenerator) -> String {
    let pieces = ["", "a", "Đạ Sar", "\0", "x'y\"z", "-- c", "\n", "ế", "🙂", "Lát", "/* */"]
    return (0..<Int.random(in: 0...3, using: &random)).map { _ in
      pieces.randomElement(using: &random)!
    }.joined()
  }

  @Test func swiftValuesSurviveARoundTripThroughLua() throws {
    let lua = try LuaState()
    var random = SeededGenerator(seed: fuzzSeed())
    for _ in 0..<fuzzIterations(default: 2000) {
      let original = Self.value(&random, depth: 4)
      let top = lua.stack.top
      original.push(onto: lua.stack)
      #expect(lua.stack.top == top + 1)
      let back = LuaValue(lua.stack, at: -1)
      lua.stack.pop()
      #expect(lua.stack.top == top)
      #expect(back == original, "seed \(fuzzSeed())")
    }
  }

  @Test func randomLuaTablesConvertWithoutHarmAndKeepTheStackBalanced() throws {
    let lua = try LuaState()
    // Tables made by Lua itself: every type as key and value, cycles, shared subtables,
    // strings that are not UTF-8.
    try lua.run(
      """
      local pieces = {1, 2.5, -0.0, 'Đạ Sar', '\\0\\255\\254', true, false, print, io.stdout,
        coroutine.create(print), math.huge, -math.huge, math.mininteger}
      function random_table(depth)
        local t = {}
        for i = 1, math.random(0, 6) do
          local k = pieces[math.random(#pieces)]
          local v
          if depth > 0 and math.random() < 0.4 then v = random_table(depth - 1)
          elseif math.random() < 0.1 then v = t
          else v = pieces[math.random(#pieces)] end
          t[k] = v
        end
        if math.random() < 0.3 then t[#t + 1] = t end
        return t
      end
      """)
    try lua.run("math.randomseed(\(fuzzSeed()))")
    for _ in 0..<fuzzIterations(default: 500) {
      let top = lua.stack.top
      lua.stack.getGlobal("random_table")
      lua.stack.push(Int64(4))
      try lua.stack.call(arguments: 1, results: 1)
      let copy = LuaValue(lua.stack, at: -1)
      copy.push(onto: lua.stack)  // function keys are left out, never a nil key
      #expect(lua.stack.type(at: -1) == .table)
      _ = try? lua.stack.read(-2, as: [String: LuaValue].self)
      _ = try? lua.stack.read(-2, as: [LuaValue].self)
      _ = try? lua.stack.read(-2, as: [Int64: [String]].self)
      lua.stack.pop(2)
      #expect(lua.stack.top == top)
    }
  }

  @Test func keysLuaRefusesAreLeftOutNotRaised() throws {
    let lua = try LuaState()
    let value = LuaValue.table([
      .number(.nan): .integer(1), .opaque("function"): .integer(2), .string("ok"): .integer(3),
    ])
    value.push(onto: lua.stack)
    #expect(LuaValue(lua.stack, at: -1) == .table([.string("ok"): .integer(3)]))
    lua.stack.pop()
    let copied = try lua.run("return {[print] = 1, [io.stdout] = 2, x = 3}")
    #expect(copied == [.table([.string("x"): .integer(3)])])
    [Double.nan: 1, 2.5: 2].push(onto: lua.stack)
    #expect(LuaValue(lua.stack, at: -1) == .table([.number(2.5): .integer(2)]))
    lua.stack.pop()
    #expect(lua.stack.top == 0)
  }

  @Test func aVeryDeepTableIsCutNotAStackOverflow() throws {
    let lua = try LuaState()
    let values = try lua.run("local t = {} for i = 1, 100000 do t = {t} end return t")
    var depth = 0
    var current = values[0]
    while case .table(let table) = current, let inner = table[.integer(1)] {
      depth += 1
      current = inner
    }
    #expect(depth == LuaValue.maximumDepth)
    #expect(current == .opaque("table"))
  }

  @Test func manyResultsLeaveRoomForTheirConversion() throws {
    let lua = try LuaState()
    // A chunk returning thousands of nested tables: the stack is full to its last slot when
    // the copies start.
    let values = try lua.run(
      "local t = {} for i = 1, 7990 do t[i] = {{{i}}} end return table.unpack(t)")
    #expect(values.count == 7990)
    #expect(
      values.last
        == .table([.integer(1): .table([.integer(1): .table([.integer(1): .integer(7990)])])]))
  }
}
