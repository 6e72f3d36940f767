// Killing the built binary with SIGKILL in the middle of writes: the registry is exactly as
// before (every row of every table, the header, the schema) and SQLite finds it whole. The
// kill points are random (seeded: SANGTAO_FUZZ_SEED) among the progress lines the script
// prints from inside its transaction, so every kill lands after rows were written and before
// the commit.

import Foundation
import Registry
import TestSupport
import Testing

@Suite(.serialized) struct CrashSafetyTests {
  /// A file registry with the fixture's data, and its snapshot.
  struct Scene {
    let directory: TemporaryDirectory
    let path: String
    let before: String

    init() throws {
      directory = try TemporaryDirectory()
      path = directory.path("registry.sangtao")
      _ = try RegistryFixture(registry: Registry.open(path: path))
      before = try RegistrySnapshot.take(path)
    }

    /// Writes `script` to a file and starts it on the registry.
    func start(_ script: String, _ arguments: [String] = []) throws -> RunningProgram {
      let file = try directory.write("script.lua", script)
      return try RunningProgram(Repository.binary, ["--db", path, file] + arguments)
    }

    /// The registry is whole and holds exactly what it held before.
    func expectUnchanged(_ what: String) throws {
      #expect(try RegistrySnapshot.integrity(path) == ["ok"], "\(what)")
      #expect(try RegistrySnapshot.take(path) == before, "\(what): the registry changed")
    }
  }

  /// 100,000 units in one db.tx, with a line every 500.
  static let bigTransaction = """
    local n = tonumber(arg[1])
    db.tx(function()
      for i = 1, n do
        units:add{code = "K" .. i, name = "Đơn vị thử " .. i, kind = "cell", member_count = i % 50}
        if i % 500 == 0 then io.write(i, "\\n") io.flush() end
      end
    end)
    io.write("committed ", units:count(), "\\n")
    """

  @Test func aKilledHundredThousandRowTransactionLeavesNothing() throws {
    var random = SeededGenerator(seed: fuzzSeed())
    let scene = try Scene()
    for kill in 1...5 {
      let program = try scene.start(Self.bigTransaction, ["100000"])
      // Somewhere between 1,000 and 30,000 rows written inside the transaction.
      let target = 500 * Int.random(in: 2...60, using: &random)
      var last = 0
      while last < target { last = Int(try program.readLine()) ?? -1 }
      usleep(useconds_t.random(in: 0...20_000, using: &random))
      program.kill()
      #expect(program.wasKilled)
      try scene.expectUnchanged("kill \(kill) after \(last) rows")
    }
  }

  @Test func theSameTransactionLeftAloneCommitsEverything() throws {
    // The control: not killed, the script does write (so the kills above prove something).
    let scene = try Scene()
    let program = try scene.start(Self.bigTransaction, ["2000"])
    let (status, stdout, stderr) = program.finish()
    #expect(status == 0, "\(stderr)")
    #expect(stdout.hasSuffix("committed 2006\n"))
    #expect(try RegistrySnapshot.integrity(scene.path) == ["ok"])
  }

  @Test func aKilledTransactionOfUpdatesDeletesAndTransitionsLeavesNothing() throws {
    var random = SeededGenerator(seed: fuzzSeed() &+ 1)
    let scene = try Scene()
    let script = """
      db.tx(function()
        local r = registrations:add{year = 2023, subject = "DV-0002", grp = "htxs_year",
          kind = "model", field = "economy", title = "Mô hình thử", received_on = "2023-03-20",
          status = "submitted"}
        r:transition("accepted", {date = "2023-03-30", doc = "45-CV/BTCHU"})
        for round = 1, 1000000 do
          for u in units:rows() do
            u:update{member_count = (u.member_count + round) % 97, name = u.name:gsub("%d+$", "") .. round}
          end
          local extra = units:add{code = "X" .. round, name = "Tạm " .. round, kind = "cell"}
          if round % 2 == 0 then extra:delete() end
          io.write(round, "\\n") io.flush()
        end
      end)
      """
    for kill in 1...5 {
      let program = try scene.start(script)
      let target = Int.random(in: 3...80, using: &random)
      var last = 0
      while last < target { last = Int(try program.readLine()) ?? -1 }
      program.kill()
      #expect(program.wasKilled)
      try scene.expectUnchanged("kill \(kill) after \(last) rounds")
    }
  }

  @Test func writesOutsideATransactionAreEachWholeAfterAKill() throws {
    // Each add is its own transaction: after a kill, some are there, each with its audit
    // entry, none half-written.
    var random = SeededGenerator(seed: fuzzSeed() &+ 2)
    let scene = try Scene()
    let script = """
      for i = 1, 1000000 do
        units:add{code = arg[1] .. "-" .. i, name = "Đơn vị " .. i, kind = "cell"}
        if i % 100 == 0 then io.write(i, "\\n") io.flush() end
      end
      """
    for kill in 1...3 {
      let prefix = "S\(kill)"
      let program = try scene.start(script, [prefix])
      let target = 100 * Int.random(in: 2...20, using: &random)
      var last = 0
      while last < target { last = Int(try program.readLine()) ?? -1 }
      program.kill()
      #expect(try RegistrySnapshot.integrity(scene.path) == ["ok"], "kill \(kill)")
      let registry = try Registry.open(path: scene.path)
      let (units, audited) = try registry.queue.inDatabase { db in
        (
          try Int.fetchOne(
            db, sql: "SELECT count(*) FROM units WHERE code LIKE ?", arguments: [prefix + "-%"])
            ?? 0,
          try Int.fetchOne(
            db,
            sql: """
              SELECT count(*) FROM units u WHERE code LIKE ?
                AND EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'units' AND a.entity_id = u.id)
              """, arguments: [prefix + "-%"]) ?? 0
        )
      }
      #expect(units >= last, "kill \(kill): \(units) units, \(last) reported")
      #expect(audited == units, "kill \(kill): every unit has its audit entry")
    }
  }

  @Test func aKilledHundredThousandRowImportLeavesNothing() throws {
    var random = SeededGenerator(seed: fuzzSeed() &+ 4)
    let scene = try Scene()
    var csv = "\u{FEFF}Mã;Tên;Loại;Số đảng viên\r\n"
    for i in 1...100_000 { csv += "I\(i);Chi bộ nhập thử \(i);cell;\(i % 90)\r\n" }
    let file = try scene.directory.write("units.csv", csv)
    for kill in 1...3 {
      let program = try RunningProgram(
        Repository.binary,
        ["--db", scene.path, "-e", "print('start') db.import('\(file)', 'units') print('done')"])
      #expect(try program.readLine() == "start")
      usleep(useconds_t.random(in: 300_000...3_000_000, using: &random))
      program.kill()
      #expect(program.wasKilled, "kill \(kill): the import ended before the kill")
      try scene.expectUnchanged("import kill \(kill)")
    }
    // The control: the whole file imports when left alone.
    let control = try RunningProgram(
      Repository.binary,
      ["--db", scene.path, "-e", "db.import('\(file)', 'units') print(units:count())"])
    let result = control.finish(timeout: 600)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "100006\n")
  }

  @Test func aKilledReminderRunSendsNothingTwiceAndLosesNothing() throws {
    var random = SeededGenerator(seed: fuzzSeed() &+ 5)
    let script = Repository.root.appendingPathComponent("scripts/remind.lua").path
    for kill in 1...3 {
      let directory = try TemporaryDirectory()
      let path = directory.path("registry.sqlite")
      _ = try ReminderScenario(registry: try Registry.open(path: path))
      let sent = directory.path("sent")
      mkdir(sent, 0o700)
      // Each letter reaches the mail system, then the command lingers: the kill comes while
      // letter k is out and not yet marked sent.
      let slow = "cat > \"$(mktemp -p '\(sent)' mail-XXXXXX)\"; sleep 2"
      let program = try RunningProgram(
        Repository.binary,
        ["--db", path, script, "--date", "2023-03-14", "--channel", "command", "--command", slow])
      let k = Int.random(in: 1...4, using: &random)
      let deadline = Date().addingTimeInterval(60)
      while (try? FileManager.default.contentsOfDirectory(atPath: sent).count) ?? 0 < k,
        Date() < deadline
      {
        usleep(20_000)
      }
      program.kill()
      #expect(try RegistrySnapshot.integrity(path) == ["ok"], "kill \(kill)")
      // The next run sends the rest; the letter in flight stays claimed, not sent twice.
      let fast = "cat > \"$(mktemp -p '\(sent)' mail-XXXXXX)\""
      let again = try run(
        Repository.binary,
        ["--db", path, script, "--date", "2023-03-14", "--channel", "command", "--command", fast])
      #expect(again.status == 0, "kill \(kill): \(again.stdout) \(again.stderr)")
      let letters = try FileManager.default.contentsOfDirectory(atPath: sent).count
      #expect(letters == 4, "kill \(kill) at letter \(k): \(letters) letters")
      let states = try run(
        Repository.binary,
        [
          "--db", path, "-e",
          "for r in outbox:order('id'):rows() do print(r.status, r.claimed_at ~= nil) end",
        ]
      ).stdout
      let lines = states.split(separator: "\n")
      #expect(lines.count == 4, "\(states)")
      #expect(lines.filter { $0 == "sent\tfalse" }.count == 3, "kill \(kill): \(states)")
      #expect(lines.filter { $0 == "pending\ttrue" }.count == 1, "kill \(kill): \(states)")
    }
  }

  @Test func aKilledBackupNeverLeavesAHalfCopy() throws {
    var random = SeededGenerator(seed: fuzzSeed() &+ 3)
    let scene = try Scene()
    // A registry big enough that a copy takes a while.
    let grow = try scene.start(Self.bigTransaction, ["20000"])
    #expect(grow.finish().status == 0)
    let source = try RegistrySnapshot.take(scene.path)
    let copy = scene.directory.path("copy.sangtao")
    for kill in 1...5 {
      let program = try scene.start(
        """
        for i = 1, 1000000 do
          db.backup(arg[1])
          io.write(i, "\\n") io.flush()
        end
        """, [copy])
      let target = Int.random(in: 1...4, using: &random)
      var last = 0
      while last < target { last = Int(try program.readLine()) ?? -1 }
      usleep(useconds_t.random(in: 0...50_000, using: &random))
      program.kill()
      // The copy is a whole registry equal to the source: the one before the kill or the one
      // the kill interrupted, never a part.
      #expect(try RegistrySnapshot.integrity(copy) == ["ok"], "kill \(kill)")
      #expect(try RegistrySnapshot.take(copy) == source, "kill \(kill)")
      #expect(fileMode(copy) == 0o600)
    }
  }
}
