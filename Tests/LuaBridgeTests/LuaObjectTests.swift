import LuaBridge
import Testing

final class Counter: LuaObject {
  static let luaTypeName = "test.Counter"
  var value = 0
  let tracked = Tracked()
}

@Suite(.serialized) struct LuaObjectTests {
  @Test func objectsAreReachableAndTypeChecked() throws {
    let lua = try LuaState()
    lua.register("counter") { L in
      L.push(object: Counter())
      return 1
    }
    lua.register("bump") { L in
      let counter = try L.object(argument: 1, as: Counter.self)
      counter.value += 1
      L.push(counter.value)
      return 1
    }
    #expect(try lua.run("local c = counter(); bump(c); return bump(c)") == [.integer(2)])
    do {
      try lua.run("bump({})", name: "=stdin")
    } catch {
      #expect(
        error.message == "stdin:1: bad argument #1 to 'bump' (test.Counter expected, got table)")
    }
    #expect(
      try lua.run("return tostring(counter()):match('^test.Counter')") == [
        .string("test.Counter")
      ])
  }

  @Test func objectsAreReleasedAfterCollectGarbage() throws {
    let lua = try LuaState()
    let before = Tracked.alive.load(ordering: .relaxed)
    lua.register("counter") { L in
      L.push(object: Counter())
      return 1
    }
    try lua.run("local cs = {} for i = 1, 100 do cs[i] = counter() end kept = cs")
    #expect(Tracked.alive.load(ordering: .relaxed) == before + 100)
    try lua.run("kept = nil collectgarbage()")
    #expect(Tracked.alive.load(ordering: .relaxed) == before)
  }

  @Test func closingTheStateReleasesEverything() throws {
    let before = Tracked.alive.load(ordering: .relaxed)
    do {
      let lua = try LuaState()
      lua.register("counter") { L in
        L.push(object: Counter())
        return 1
      }
      try lua.run("kept = {counter(), counter()}")
      #expect(Tracked.alive.load(ordering: .relaxed) == before + 2)
    }
    #expect(Tracked.alive.load(ordering: .relaxed) == before)
  }
}
