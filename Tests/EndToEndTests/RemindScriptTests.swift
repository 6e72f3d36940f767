import Foundation
import Registry
import TestSupport
import Testing

/// `scripts/remind.lua` as cron runs it: the built binary over a registry file holding the
/// purpose-built year of ``ReminderScenario``.
@Suite struct RemindScriptTests {
  let directory: TemporaryDirectory
  let database: String
  let script = Repository.root.appendingPathComponent("scripts/remind.lua").path

  init() throws {
    directory = try TemporaryDirectory()
    database = directory.path("registry.sqlite")
    _ = try ReminderScenario(registry: try Registry.open(path: database))
  }

  func remind(_ arguments: String...) throws -> ProcessResult {
    try run(Repository.binary, ["--db", database, script] + arguments)
  }

  func lua(_ code: String) throws -> String {
    let result = try run(Repository.binary, ["--db", database, "-e", code])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  func files(_ folder: String, _ suffix: String) throws -> [String] {
    try run("/bin/sh", ["-c", "cd '\(folder)' 2>/dev/null && ls -1"]).stdout
      .split(separator: "\n").map(String.init).filter { $0.hasSuffix(suffix) }
  }

  @Test func helpSaysEveryOptionInEitherLanguage() throws {
    let help = try remind("--help")
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("sangtao [--db SỔ] scripts/remind.lua [tùy chọn]\n"))
    for option in ["--date", "--channel", "--out", "--command", "--dry-run", "--rules"] {
      #expect(help.stdout.contains("  " + option), "\(option)")
    }
    let english = try run(Repository.binary, ["--lang", "en", script, "--help"])
    #expect(english.stdout.hasPrefix("sangtao [--db REGISTRY] scripts/remind.lua [options]\n"))
    let date = try remind("--date", "2023-13-01")
    #expect(date.status == 1)
    #expect(
      date.stderr
        == "\(script): bad argument #1 to 'run' (ngày '2023-13-01' không hợp lệ: "
        + "cần dd/mm/yyyy hoặc yyyy-mm-dd)\n")
    let bad = try remind("--chanel", "files")
    #expect(bad.status == 2)
    #expect(bad.stderr == "\(script): tùy chọn không biết '--chanel'; xem --help\n")
    #expect(bad.stdout.isEmpty)
  }

  @Test func dailyRunsInMarchWriteEachLetterOnce() throws {
    let out = directory.path("nhac-viec")
    let expected = [
      ("2023-03-13", 0), ("2023-03-14", 4), ("2023-03-14", 0), ("2023-03-21", 3),
      ("2023-03-25", 3), ("2023-03-28", 0), ("2023-03-29", 1), ("2023-03-30", 0),
    ]
    var total = 0
    for (date, sent) in expected {
      let result = try remind("--date", date, "--channel", "files", "--out", out)
      #expect(result.status == 0, "\(date): \(result.stderr)")
      let day = Day(iso: date)!.vietnamese
      #expect(
        result.stdout.hasPrefix(
          "Nhắc việc ngày \(day), kênh file: \(sent) cần gửi, \(sent) đã gửi, 0 lỗi;"),
        "\(date): \(result.stdout)")
      total += sent
      #expect(try files(out, ".eml").count == total, "\(date)")
      #expect(try files(out, ".txt").count == total, "\(date)")
    }
    #expect(try lua("print(outbox:count(), outbox:where{status = 'sent'}:count())") == "11\t11\n")
    let notice = try #require(try files(out, ".eml").first { $0.contains("late_registrations") })
    #expect(fileMode(out + "/" + notice) == 0o600)
    let parsed = try python(
      """
      import email, sys
      from email import policy
      from email.header import decode_header, make_header
      data = open(sys.argv[1], 'rb').read()
      msg = email.message_from_bytes(data, policy=policy.default)
      raw = email.message_from_bytes(data)
      assert not msg.defects, msg.defects
      print(msg['To'].addresses[0].addr_spec)
      print(str(make_header(decode_header(' '.join(raw['To'].split()).rsplit('<', 1)[0].strip()))))
      print(msg['Subject'])
      print(msg.get_content().splitlines()[0])
      """, [out + "/" + notice])
    #expect(parsed.status == 0, "\(parsed.stderr)")
    #expect(
      parsed.stdout == """
        bantochuc@lacduong.example
        Ban Tổ chức Huyện ủy
        Tình hình gửi đăng ký mô hình mới, cách làm sáng tạo năm 2023 sau hạn 28/03/2023
        Kính gửi: Lãnh đạo Ban Tổ chức Huyện ủy

        """)
  }

  @Test func aFailingCommandExitsNonZeroAndTheNextRunDeliversOnce() throws {
    let failing = try directory.write(
      "sendmail-down.sh",
      "#!/bin/sh\ncat > /dev/null\necho 'sendmail: cannot connect' >&2\nexit 75\n")
    _ = try run("/bin/chmod", ["+x", failing])
    let first = try remind("--date", "2023-03-21", "--channel", "command", "--command", failing)
    #expect(first.status == 1)
    #expect(
      first.stdout.hasPrefix(
        "Nhắc việc ngày 21/03/2023, kênh sendmail: 3 cần gửi, 0 đã gửi, 3 lỗi;"))
    #expect(
      first.stdout.contains(
        "  LỖI      no_registration  Đảng bộ thị trấn Lạc Dương <dangbo.thitran@lacduong.example>: "
          + "lệnh '\(failing)' kết thúc với mã 75: sendmail: cannot connect\n"))
    #expect(try lua("print(outbox:where{status = 'failed'}:count())") == "3\n")

    let kept = directory.path("sent")
    _ = try run("/bin/mkdir", [kept])
    let keep = "cat > \"$(mktemp -p '\(kept)' mail-XXXXXX)\""
    let second = try remind("--date", "2023-03-22", "--channel", "command", "--command", keep)
    #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
    #expect(
      second.stdout.hasPrefix(
        "Nhắc việc ngày 22/03/2023, kênh sendmail: 3 cần gửi, 3 đã gửi, 0 lỗi;"))
    #expect(try files(kept, "").count == 3)
    let third = try remind("--date", "2023-03-22", "--channel", "command", "--command", keep)
    #expect(third.status == 0)
    #expect(
      third.stdout.hasPrefix(
        "Nhắc việc ngày 22/03/2023, kênh sendmail: 0 cần gửi, 0 đã gửi, 0 lỗi; 3 đã gửi từ trước;"))
    #expect(try files(kept, "").count == 3)
    #expect(
      try lua("for r in outbox:order('id'):rows() do print(r.status, r.attempts, r.error) end")
        == "sent\t2\tnil\nsent\t2\tnil\nsent\t2\tnil\n")
  }

  @Test func theStdoutChannelPrintsTheLettersThenTheSummary() throws {
    let result = try remind("--date", "2023-12-01")
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix(
        """
        ──── Nhắc việc 1/1 · late_sheets · ngày 01/12/2023
        Đến: Ban Tổ chức Huyện ủy <bantochuc@lacduong.example>
        Tiêu đề: Tình hình chấm điểm mô hình mới, cách làm sáng tạo năm 2023 sau hạn 30/11/2023
        Ngày: 01/12/2023

        Kính gửi: Lãnh đạo Ban Tổ chức Huyện ủy

        """))
    #expect(
      result.stdout.contains(
        "\nNhắc việc ngày 01/12/2023, kênh stdout: 1 cần gửi, 1 đã gửi, 0 lỗi;"))
  }

  @Test func aDryRunSaysWhatItWouldSendAndChangesNothing() throws {
    let out = directory.path("preview")
    let result = try remind("--date", "2023-11-23", "--channel", "files", "--out", out, "--dry-run")
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix(
        "Chạy thử ngày 23/11/2023, kênh file: sẽ gửi 3 nhắc việc; 0 đã gửi từ trước. "
          + "Không ghi, không gửi gì.\n  sẽ gửi   missing_sheets  Kơ Să K'Jang <dv-0006@lacduong.example>"
      ))
    #expect(try lua("print(outbox:count())") == "0\n")
    #expect(fileMode(out) == nil)
  }

  @Test func customRulesComeFromAFileAndLettersCanBeInEnglish() throws {
    let rules = try directory.write(
      "rules.lua",
      """
      remind.rule{name = "thanks", when = {deadline = "d1", offsets = {2}},
        who = function() return units:where{code = "LAT"}:list() end,
        subject = "Thank you, {unit}", template = "To: {addressee}\\nThanks for registering by {deadline}."}
      remind.rules.late_registrations.enabled = false
      """)
    let result = try remind("--date", "2023-03-30", "--rules", rules, "--letters", "en")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains("\nSubject: Thank you, Đảng bộ xã Lát\n"),
      "labels in the letters' language")
    #expect(result.stdout.contains("To: Đảng bộ xã Lát\nThanks for registering by 28/03/2023.\n"))
    #expect(result.stdout.contains("kênh stdout: 1 cần gửi, 1 đã gửi, 0 lỗi;"))
  }

  /// The first example, on the bundled demo registry: the units that the demo's own
  /// data says have no registration on 14/03/2023 (counted here with sqlite3) get one letter
  /// each, once.
  @Test func theDemoRegistryOn14March() throws {
    let home = try TemporaryDirectory()
    let environment = cleanEnvironment(["XDG_DATA_HOME": home.path, "HOME": home.path])
    let out = home.path("nhac-viec")
    let arguments = ["--demo", script, "--date", "2023-03-14", "--channel", "files", "--out", out]
    let first = try run(Repository.binary, arguments, environment: environment)
    #expect(first.status == 0, "\(first.stderr)")
    let expected = try run(
      "/usr/bin/sqlite3",
      [
        home.path("sangtao/demo.sqlite"),
        """
        SELECT count(*) FROM units u
        WHERE u.kind IN ('commune_committee', 'agency_committee', 'cell')
          AND coalesce(u.valid_from, '2023-03-14') <= '2023-03-14'
          AND coalesce(u.valid_to, '2023-03-14') >= '2023-03-14'
          AND u.id NOT IN (
            SELECT coalesce(p.parent_id, r.unit_id) FROM registrations r
              JOIN units p ON p.id = r.unit_id
              JOIN campaigns c ON c.id = r.campaign_id AND c.year = 2023
            WHERE r.received_on <= '2023-03-14' AND r.status NOT IN ('draft', 'withdrawn', 'cancelled')
            UNION
            SELECT r.unit_id FROM registrations r
              JOIN campaigns c ON c.id = r.campaign_id AND c.year = 2023
            WHERE r.received_on <= '2023-03-14' AND r.status NOT IN ('draft', 'withdrawn', 'cancelled'))
        """,
      ])
    let count = try #require(Int(expected.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(count >= 3, "the demo's units that never register")
    #expect(
      first.stdout.hasPrefix(
        "Nhắc việc ngày 14/03/2023, kênh file: \(count) cần gửi, \(count) đã gửi, 0 lỗi;"),
      "\(first.stdout)")
    #expect(try files(out, ".eml").count == count)
    let again = try run(Repository.binary, arguments, environment: environment)
    #expect(again.stdout.hasPrefix("Nhắc việc ngày 14/03/2023, kênh file: 0 cần gửi, 0 đã gửi"))
    #expect(try files(out, ".eml").count == count)
  }

  @Test func theDeadlinesCalendarIsWrittenFromLua() throws {
    let path = directory.path("han-2023.ics")
    _ = try lua("remind.ics(2023, [[\(path)]])")
    let text = String(decoding: try #require(fileBytes(path)), as: UTF8.self)
    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(text.contains("\r\nDTSTART;VALUE=DATE:20231115\r\n"))
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
  }
}
