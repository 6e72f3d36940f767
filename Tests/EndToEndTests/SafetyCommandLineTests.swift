// The limits and the sandbox as the command line gives them, against the built binary.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct SafetyCommandLineTests {
  let program = Repository.binary

  /// Runs sangtao in `directory` (a fresh one by default) with messages in `language`.
  func sangtao(
    _ arguments: [String], stdin: String = "", language: String = "vi",
    in directory: TemporaryDirectory? = nil
  ) throws -> ProcessResult {
    let directory = try directory ?? TemporaryDirectory()
    return try run(
      program, arguments, stdin: stdin,
      environment: cleanEnvironment([
        "SANGTAO_LANG": language, "HOME": directory.path, "XDG_DATA_HOME": directory.path("data"),
      ]), directory: directory.url)
  }

  // MARK: Limits

  @Test func aScriptOverMaxMemoryGetsLuasMessage() throws {
    let result = try sangtao([
      "--max-memory", "32M", "-e", "local t = {} for i = 1, 1e8 do t[i] = ('x'):rep(100) .. i end",
    ])
    #expect(result.status == 1)
    #expect(result.stderr == "\(program): not enough memory\n")
  }

  @Test func theConsoleOutlivesAMemoryErrorAndTheLimitStays() throws {
    let result = try sangtao(
      ["--max-memory", "32M", "-i"],
      stdin: "s = ('x'):rep(1e9)\nprint('alive', limits.get().memory, s)\n")
    #expect(result.stderr == "not enough memory\n")
    #expect(result.stdout.contains("alive\t33554432\tnil\n"))
    #expect(result.status == 0)
  }

  @Test func theConsoleCapsLuaAtHalfTheMemoryUnlessTold() throws {
    let half = sysconf(Int32(_SC_PHYS_PAGES)) / 2 * sysconf(Int32(_SC_PAGESIZE))
    let console = try sangtao(["-i"], stdin: "print(limits.get().memory)\n")
    #expect(console.stdout.contains("\n> \(half)\n") || console.stdout.contains("> \(half)\n"))
    let told = try sangtao(["--max-memory", "0", "-i"], stdin: "print(limits.get().memory)\n")
    #expect(told.stdout.contains("> nil\n"))
    let script = try sangtao(["-e", "print(limits.get().memory)"])
    #expect(script.stdout == "nil\n")  // scripts run as under lua5.4
  }

  @Test func aScriptOverItsTimeStopsWithAClearMessage() throws {
    let directory = try TemporaryDirectory()
    try directory.write("loop.lua", "local n = 0\nwhile true do n = n + 1 end\n")
    let result = try sangtao(["--timeout", "0.5", "loop.lua"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix("\(program): quá giới hạn thời gian 0.5 giây\nstack traceback:\n"))
    #expect(result.stderr.contains("loop.lua:2: in main chunk"))
    let english = try sangtao(["--timeout", "0.3", "-e", "while true do end"], language: "en")
    #expect(english.stderr.hasPrefix("\(program): time limit of 0.3 s exceeded\n"))
  }

  @Test func anUnknownLanguageIsRefused() throws {
    let result = try sangtao(["--lang", "fr", "-e", "print(1)"])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("'fr'") && result.stderr.contains("--lang"), "\(result.stderr)")
  }

  @Test func ctrlCStopsAScriptAsInLua() throws {
    // lua.c: the running chunk stops with "interrupted!" and its traceback, status 1.
    let program = try RunningProgram(
      Repository.binary, ["-e", "print('started') io.stdout:flush() while true do end"],
      environment: ["SANGTAO_LANG": "en"])
    #expect(try program.readLine() == "started")
    program.kill(SIGINT)
    let result = program.finish()
    #expect(!program.wasKilled)
    #expect(result.status == 1)
    #expect(result.stderr.contains("interrupted!"), "\(result.stderr)")
    #expect(result.stderr.contains("stack traceback:"), "\(result.stderr)")
  }

  @Test func noHookRunsWhileATimeLimitWaits() throws {
    let result = try sangtao(["--timeout", "30", "-e", "print(debug.gethook())"])
    #expect(result.stdout == "nil\n")
    #expect(result.status == 0)
  }

  @Test func eachConsoleEntryHasItsOwnTime() throws {
    let result = try sangtao(
      ["--timeout", "0.3", "-i"], stdin: "while true do end\nprint('next', debug.gethook())\n")
    #expect(result.stderr.hasPrefix("quá giới hạn thời gian 0.3 giây"))
    #expect(result.stdout.contains("next\tnil\n"))
  }

  @Test(arguments: [
    ("--max-memory", "lots", "một dung lượng như 256M hoặc 1G (0: không giới hạn)"),
    ("--timeout", "soon", "một số giây dương, ví dụ 30 hoặc 0.5"),
    ("--timeout", "-1", "một số giây dương, ví dụ 30 hoặc 0.5"),
    ("--wait", "nan", "một số giây, ví dụ 30 (0: không chờ)"),
  ])
  func badValuesAreRefusedBeforeAnythingRuns(_ option: String, _ value: String, _ expected: String)
    throws
  {
    let result = try sangtao([option, value, "-e", "print('ran')"])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "\(program): giá trị '\(value)' không hợp lệ cho \(option): cần \(expected)\n")
  }

  // MARK: The sandbox

  @Test func theRegistryIsReadOnlyInTheSandboxUnlessWriteIsGiven() throws {
    let directory = try TemporaryDirectory()
    let create = try sangtao(["--db", "r.sqlite", "-e", "print(units:count())"], in: directory)
    #expect(create.stdout == "0\n")
    let add = "units:add{code = 'S', name = 'Hộp cát', kind = 'cell'} print(units:count())"
    let refused = try sangtao(["--sandbox", "--db", "r.sqlite", "-e", add], in: directory)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("đang mở chỉ đọc"), "\(refused.stderr)")
    let allowed = try sangtao(
      ["--sandbox", "--write", "--db", "r.sqlite", "-e", add], in: directory)
    #expect(allowed.stdout == "1\n", "\(allowed.stderr)")
  }

  @Test func scriptsReadTheWorkingDirectoryAndWriteOnlyTheOutputDirectory() throws {
    let directory = try TemporaryDirectory()
    try directory.write("data.txt", "dữ liệu\n")
    let script = """
      print(io.open('data.txt'):read('l'))
      print(io.open('/etc/hostname'))
      print(io.open('here.txt', 'w'))
      local f = assert(io.open('ket-qua/report.txt', 'w')) f:write('ok') f:close()
      print(pcall(os.execute, 'true'))
      """
    try directory.write("s.lua", script)
    let result = try sangtao(["--sandbox", "--out", "ket-qua", "s.lua"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let work = try realPath(directory.path)
    #expect(
      result.stdout == """
        dữ liệu
        nil\t/etc/hostname: hộp cát không cho đọc tệp này (chỉ được đọc trong \(work), ket-qua)\t13
        nil\there.txt: hộp cát không cho ghi tệp này (chỉ được ghi trong ket-qua)\t13
        false\tos.execute bị tắt trong hộp cát (--sandbox)

        """)
    #expect(fileBytes(directory.path("ket-qua/report.txt")) == Array("ok".utf8))
    #expect(fileMode(directory.path("ket-qua")) == 0o700)
    #expect(fileBytes(directory.path("here.txt")) == nil)
  }

  @Test func theRegistryFileItselfIsOffLimitsToScripts() throws {
    let directory = try TemporaryDirectory()
    _ = try sangtao(["--db", "r.sqlite", "-e", "units:count()"], in: directory)
    let result = try sangtao(
      [
        "--sandbox", "--write", "--db", "r.sqlite", "-e",
        "print(select(2, io.open('r.sqlite', 'r+'))) print(io.open('r.sqlite-wal'))",
      ], in: directory)
    let work = try realPath(directory.path)
    #expect(
      result.stdout == """
        r.sqlite: hộp cát không cho ghi tệp này (chỉ được ghi trong \(work))\t13
        nil\tr.sqlite-wal: hộp cát không cho đọc tệp này (chỉ được đọc trong \(work))\t13

        """)
  }

  @Test func sqlCannotAttachAnotherDatabaseInTheSandbox() throws {
    // ATTACH would read any database file, and with --write create one anywhere.
    let directory = try TemporaryDirectory()
    let outside = try TemporaryDirectory()
    let secret = outside.path("secret.sqlite")
    _ = try sangtao(
      ["--db", secret, "-e", "units:add{code = 'X', name = 'Bí mật', kind = 'cell'}"],
      in: outside)
    let attach = "print(pcall(db.sql, \"/* */ ATTACH '\(secret)' AS x\"))"
    let refused = try sangtao(
      [
        "--sandbox", "--write", "--db", "r.sqlite", "-e",
        attach + "\n"
          + "print(pcall(db.sql, \"ATTACH '\(outside.path("new.sqlite"))' AS y\"))",
      ], in: directory)
    #expect(
      refused.stdout == """
        false\tATTACH bị tắt trong hộp cát (--sandbox)
        false\tATTACH bị tắt trong hộp cát (--sandbox)

        """, "\(refused.stderr)")
    #expect(fileBytes(outside.path("new.sqlite")) == nil)
    // Outside the sandbox an analyst may compare with another registry.
    let allowed = try sangtao(
      ["--db", "r.sqlite", "-e", attach + " print(db.value('SELECT name FROM x.units'))"],
      in: directory)
    #expect(allowed.stdout.hasSuffix("Bí mật\n"), "\(allowed.stderr)")
  }

  @Test func aBinaryChunkNeverRunsInTheSandbox() throws {
    let directory = try TemporaryDirectory()
    let dump = try sangtao(
      ["-e", "io.open('x.luac', 'wb'):write(string.dump(load('print(\"binary ran\")')))"],
      in: directory)
    #expect(dump.status == 0)
    let plain = try sangtao(["x.luac"], in: directory)
    #expect(plain.stdout == "binary ran\n")
    let sandboxed = try sangtao(["--sandbox", "x.luac"], in: directory)
    #expect(sandboxed.status == 1)
    #expect(sandboxed.stdout == "")
    #expect(sandboxed.stderr.contains("attempt to load a binary chunk (mode is 't')"))
    let stdin = try sangtao(["--sandbox", "-"], stdin: "print('text from stdin')", in: directory)
    #expect(stdin.stdout == "text from stdin\n")
  }

  @Test func backupsInTheSandboxGoToTheOutputDirectory() throws {
    let directory = try TemporaryDirectory()
    _ = try sangtao(["--db", "r.sqlite", "-e", "units:count()"], in: directory)
    let result = try sangtao(
      [
        "--sandbox", "--out", "out", "--db", "r.sqlite", "-e",
        "print(db.backup('out/b.sqlite')) print(pcall(db.backup, 'b.sqlite'))",
      ], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "out/b.sqlite\nfalse\tb.sqlite: hộp cát không cho ghi tệp này (chỉ được ghi trong out)\n"
    )
    #expect(fileMode(directory.path("out/b.sqlite")) == 0o600)
  }

  @Test func hostFunctionsThatTouchFilesOrRunProgramsAskTheSandbox() throws {
    let directory = try TemporaryDirectory()
    let setup = try sangtao(
      [
        "--db", "r.sqlite", "-e",
        "campaigns:add{year = 2023, title = 'Đợt 2023', d1_registration = '2023-03-28', "
          + "d2_report = '2023-11-15', d3_appraisal = '2023-11-30'}",
      ], in: directory)
    #expect(setup.status == 0, "\(setup.stderr)")
    try directory.write("units.csv", "code,name,kind\nHC,Hộp cát,cell\n")
    let outside = try TemporaryDirectory()
    try outside.write("units.csv", "code,name,kind\nNG,Ngoài,cell\n")
    let o = outside.path
    let script = """
      local function try(f, ...) local ok, e = pcall(f, ...) print(ok or e) end
      try(db.export, 'units', 'out/units.csv')
      try(db.export, 'units', '\(o)/units-out.csv')
      try(db.import, 'units.csv', 'units', {dry_run = true})
      try(db.import, '\(o)/units.csv', 'units', {dry_run = true})
      try(function() report.new{title = 'Thử'}:save('out/r.md') end)
      try(function() report.new{title = 'Thử'}:save('r.md') end)
      try(remind.ics, 2023, 'out/hạn.ics')
      try(remind.ics, 2023, '\(o)/hạn.ics')
      try(remind.run, {date = '2023-03-14', channel = 'command', command = 'cat'})
      try(remind.run, {date = '2023-03-14', channel = 'files', out = '\(o)/nhac'})
      """
    try directory.write("s.lua", script)
    let result = try sangtao(
      ["--sandbox", "--write", "--out", "out", "--db", "r.sqlite", "--lang", "en", "s.lua"],
      in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let work = try realPath(directory.path)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 10, "\(result.stdout)")
    guard lines.count == 10 else { return }
    #expect(lines[0] == "true")
    #expect(
      lines[1].hasSuffix(
        "\(o)/units-out.csv: the sandbox does not allow writing this file (only under out)"))
    #expect(lines[2] == "true")
    #expect(
      lines[3].hasSuffix(
        "\(o)/units.csv: the sandbox does not allow reading this file (only under \(work), out)"))
    #expect(lines[4] == "true")
    #expect(
      lines[5].hasSuffix("r.md: the sandbox does not allow writing this file (only under out)"))
    #expect(lines[6] == "true")
    #expect(
      lines[7].hasSuffix("hạn.ics: the sandbox does not allow writing this file (only under out)"))
    #expect(
      lines[8].hasSuffix("remind.run{channel = \"command\"} is disabled in the sandbox (--sandbox)")
    )
    #expect(
      lines[9].hasSuffix("\(o)/nhac: the sandbox does not allow writing this file (only under out)")
    )
    for name in ["units.csv", "r.md", "hạn.ics"] {
      #expect(fileMode(directory.path("out/" + name)) == 0o600, "\(name)")
    }
    #expect(fileBytes(outside.path("units-out.csv")) == nil)
  }

  // MARK: Backups and privacy

  @Test func aBackupOntoTheRegistryItselfIsRefused() throws {
    let directory = try TemporaryDirectory()
    let result = try sangtao(
      ["--db", "r.sqlite", "-e", "units:count() db.backup('r.sqlite')"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("không thể sao lưu sổ đăng ký r.sqlite đè lên chính nó"))
    #expect(try RegistrySnapshot.integrity(directory.path("r.sqlite")) == ["ok"])
  }

  @Test func everyFileSangtaoCreatesIsPrivate() throws {
    let directory = try TemporaryDirectory()
    // Files already there with a looser mode become private when sangtao writes them.
    for name in ["out.txt", "units.csv", "copy.sqlite"] {
      try directory.write(name, "cũ")
      chmod(directory.path(name), 0o644)
    }
    let result = try sangtao(
      ["--db", "r.sqlite", "-i"],
      stdin: """
        units:add{code = 'P', name = 'Riêng tư', kind = 'cell'}
        db.backup('copy.sqlite')
        .backup dot.sqlite
        .output out.txt
        units:count()
        .output
        .export units units.csv

        """, in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    // (-wal and -shm, gone after a clean exit, take the database's mode: RegistryOpenTests.)
    for name in ["r.sqlite", "copy.sqlite", "dot.sqlite", "out.txt", "units.csv"] {
      #expect(fileMode(directory.path(name)) == 0o600, "\(name)")
    }
    #expect(
      fileMode(directory.path("data/sangtao")) == nil
        || fileMode(directory.path("data/sangtao")) == 0o700)
  }
}

/// The path with symbolic links resolved (the sandbox names directories that way).
func realPath(_ path: String) throws -> String {
  guard let resolved = realpath(path, nil) else { throw POSIXError(.ENOENT) }
  defer { free(resolved) }
  return String(cString: resolved)
}
