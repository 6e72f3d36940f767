import Console
import LuaBridge
import TestSupport
import Testing

@Suite(.serialized) struct REPLTests {
  @Test func expressionsPrintTheirValues() throws {
    let harness = try ConsoleHarness(["1 + 1", "'Đạ Sar'", "1, 2.5, nil", "=10 // 3"])
    let (output, errors) = try harness.run()
    #expect(output == "2\nĐạ Sar\n1\t2.5\tnil\n3\n")
    #expect(errors == "")
  }

  @Test func statementsPrintNothingAndTablesPrintAsConstructors() throws {
    let harness = try ConsoleHarness([
      "t = {1, 2, name = 'Lát', nested = {ok = true}}", "t",
    ])
    let (output, _) = try harness.run()
    #expect(output == "{1, 2, name = \"Lát\", nested = {ok = true}}\n")
  }

  @Test func cyclesAreMarked() throws {
    let harness = try ConsoleHarness(["t = {}; t.me = t", "t"])
    let (output, _) = try harness.run()
    #expect(output == "{me = <cycle>}\n")
  }

  @Test func incompleteInputContinuesWithTheSecondPrompt() throws {
    let harness = try ConsoleHarness(["function f(x)", "  return x * 2", "end", "f(21)"])
    let (output, errors) = try harness.run()
    #expect(output == "42\n")
    #expect(errors == "")
    #expect(harness.reader.prompts == ["> ", ">> ", ">> ", "> ", "> "])
    #expect(harness.reader.history == ["function f(x)\n  return x * 2\nend", "f(21)"])
  }

  @Test func promptsComeFromPromptGlobals() throws {
    let harness = try ConsoleHarness(["_PROMPT = 'st> '", "_PROMPT2 = '.. '", "do", "end"])
    _ = try harness.run()
    #expect(harness.reader.prompts == ["> ", "st> ", "st> ", ".. ", "st> "])
  }

  @Test func aNumberPromptIsShownAsLuaWritesIt() throws {
    // lua.c reads _PROMPT with lua_tostring: a number is a prompt too; a table is not.
    let harness = try ConsoleHarness(["_PROMPT = 5", "_PROMPT = 2.5", "_PROMPT = {}", "x = 1"])
    _ = try harness.run()
    #expect(harness.reader.prompts == ["> ", "5", "2.5", "> ", "> "])
  }

  @Test func topLevelLocalsLiveOnTheNextLine() throws {
    let harness = try ConsoleHarness([
      "local x = 41", "x + 1", "local a, b", "a, b", "local function sq(n) return n * n end",
      "sq(7)",
    ])
    let (output, errors) = try harness.run()
    #expect(output == "42\nnil\tnil\n49\n")
    #expect(errors == "")
  }

  @Test func underscoreHoldsTheLastResult() throws {
    let harness = try ConsoleHarness(["6 * 7", "_ + 1"])
    let (output, _) = try harness.run()
    #expect(output == "42\n43\n")
  }

  @Test func errorsShowTheMessageAndTheSessionSurvives() throws {
    let harness = try ConsoleHarness([
      "x = 1", "error('boom')", "local function f()", "  error('deep')", "end", "f()", "x",
    ])
    let (output, errors) = try harness.run()
    #expect(output == "1\n")
    #expect(
      errors == """
        stdin:1: boom
        stdin:2: deep
        stack traceback:
        \t[C]: in function 'error'
        \tstdin:2: in function 'f'
        \tstdin:1: in main chunk

        """)
  }

  @Test func syntaxErrorsNameTheLine() throws {
    let harness = try ConsoleHarness(["for i = 1, 2 do", "  x = = 1"])
    let (_, errors) = try harness.run()
    #expect(errors == "stdin:2: unexpected symbol near '='\n")
  }

  @Test func ctrlCDuringContinuationDropsTheChunk() throws {
    let harness = try ConsoleHarness(["if true then", "^C", "1"])
    let (output, errors) = try harness.run()
    #expect(output == "1\n")
    #expect(errors == "")
  }

  @Test func unknownDotCommandsPointToHelp() throws {
    let harness = try ConsoleHarness([".frobnicate", ".mode nonsense", ".timer"])
    let (_, errors) = try harness.run()
    #expect(
      errors == """
        không có lệnh '.frobnicate'; gõ .help để xem danh sách lệnh
        .mode: đối số 'nonsense' không hợp lệ, cần box|markdown|csv|json|line|lua
        cách dùng: .timer on|off

        """)
  }

  @Test func helpListsEveryCommandAndExplainsOne() throws {
    let harness = try ConsoleHarness([".help mode", ".lang en", ".help timer"])
    let (output, _) = try harness.run()
    #expect(
      output == """
        .mode [box|markdown|csv|json|line|lua]
          chọn cách hiển thị kết quả: bảng khung, markdown, csv, json, dòng, hoặc giá trị Lua
        .timer on|off
          turn timing (wall time, rows, SQL statements) of each command on or off

        """)
  }

  @Test func onceSendsOneResultToAFile() throws {
    let scratch = try TemporaryDirectory()
    let path = scratch.path("once.txt")
    let harness = try ConsoleHarness([".once \(path)", "'to the file'", "'to the screen'"])
    let (output, _) = try harness.run()
    #expect(output == "to the screen\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "to the file\n")
  }

  @Test func quitEndsTheLoop() throws {
    let harness = try ConsoleHarness([".quit", "1"])
    let (output, _) = try harness.run()
    #expect(output == "")
  }
}
