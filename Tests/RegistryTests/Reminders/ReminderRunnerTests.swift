import GRDB
import Registry
import TestSupport
import Testing

/// Runs of the outbox on the purpose-built year: once per reminder, retries, cancellations,
/// and every channel.
@Suite struct ReminderRunnerTests {
  let scenario: ReminderScenario
  let directory: TemporaryDirectory
  let from = MailMessage.Mailbox(name: "Ban Tổ chức Huyện ủy", address: "btc@lacduong.example")

  init() throws {
    scenario = try ReminderScenario()
    directory = try TemporaryDirectory()
  }

  /// Runs the built-in rules on `iso` through `channel`.
  func run(
    _ iso: String, _ channel: ReminderDelivery.Channel, dryRun: Bool = false,
    printed: Printed? = nil
  ) throws -> ReminderRun {
    let delivery = ReminderDelivery(
      channel: channel, from: from, output: { printed?.text += $0 }, now: { 1_678_756_800 })
    return try scenario.registry.queue.inDatabase { db in
      let plan = try ReminderPlanner().plan(db, on: ReminderScenario.day(iso))
      return try ReminderRunner(delivery: delivery).run(db, plan: plan, dryRun: dryRun)
    }
  }

  final class Printed {
    var text = ""
  }

  func outbox() throws -> [Reminder] {
    try scenario.registry.queue.inDatabase { db in
      try Reminder.fetchAll(db, sql: "SELECT * FROM reminders ORDER BY id")
    }
  }

  /// A command that keeps each message it is given as a file in `folder`.
  func keeping(in folder: String) -> ReminderCommand {
    .shell("cat > \"$(mktemp -p '\(folder)' message-XXXXXX)\"")
  }

  func files(in folder: String, suffix: String = "") throws -> [String] {
    try TestSupport.run("/bin/sh", ["-c", "cd '\(folder)' && ls -1"]).stdout.split(separator: "\n")
      .map(String.init).filter { $0.hasSuffix(suffix) }
  }

  @Test func twoRunsTheSameDaySendOnce() throws {
    let out = directory.path("letters")
    let first = try run("2023-03-14", .files(directory: out))
    #expect(first.recorded == 4)
    #expect(first.sentCount == 4 && first.failedCount == 0)
    #expect(try files(in: out, suffix: ".eml").count == 4)
    #expect(try files(in: out, suffix: ".txt").count == 4)
    #expect(fileMode(out) == 0o700)
    for item in first.items {
      #expect(item.files.count == 2)
      for file in item.files { #expect(fileMode(file) == 0o600) }
    }
    let second = try run("2023-03-14", .files(directory: out))
    #expect(second.items.isEmpty)
    #expect(second.recorded == 0)
    #expect(second.alreadySent.count == 4)
    let outbox = try outbox()
    #expect(outbox.count == 4)
    #expect(outbox.allSatisfy { $0.status == "sent" && $0.attempts == 1 && $0.channel == "file" })
    #expect(outbox.allSatisfy { $0.sentAt != nil && $0.error == nil })
    #expect(
      second.summary(in: .vi)
        == "Nhắc việc ngày 14/03/2023, kênh file: 0 cần gửi, 0 đã gửi, 0 lỗi; 4 đã gửi từ trước; "
        + "0 đã hủy.")
  }

  @Test func theLetterFileIsTheLetterUnderWhoWhatAndWhen() throws {
    let out = directory.path("letters")
    let run = try run("2023-03-14", .files(directory: out))
    let ds = try #require(run.items.first { $0.reminder.recipient == "Đảng bộ xã Đạ Sar" })
    let id = try #require(ds.reminder.id)
    let base =
      out + "/" + String(repeating: "0", count: 4 - String(id).count) + String(id)
      + "_2023-03-14_no_registration_dang-bo-xa-da-sar"
    #expect(ds.files == [base + ".txt", base + ".eml"])
    let text = String(decoding: try #require(fileBytes(base + ".txt")), as: UTF8.self)
    #expect(
      text.hasPrefix(
        """
        Đến: Đảng bộ xã Đạ Sar <dangbo.dasar@lacduong.example>
        Tiêu đề: Nhắc đăng ký mô hình mới, cách làm sáng tạo năm 2023 (hạn 28/03/2023)
        Ngày: 14/03/2023

        Kính gửi: Đảng bộ xã Đạ Sar

        Thực hiện Công văn 848-CV/HU
        """))
    #expect(text.hasSuffix("BAN TỔ CHỨC HUYỆN ỦY\n"))
  }

  @Test func aFailingCommandLeavesTheReminderAndTheNextRunDeliversItOnce() throws {
    let failing = try directory.write(
      "fail.sh", "#!/bin/sh\ncat > /dev/null\necho 'relay refused' >&2\nexit 1\n")
    _ = try TestSupport.run("/bin/chmod", ["+x", failing])
    let first = try run("2023-03-21", .command(.init(.arguments([failing]))))
    #expect(first.recorded == 3)
    #expect(first.failedCount == 3 && first.sentCount == 0)
    let error = "lệnh '\(failing)' kết thúc với mã 1: relay refused"
    #expect(first.items.allSatisfy { $0.error == error })
    #expect(
      try outbox().allSatisfy { $0.status == "failed" && $0.attempts == 1 && $0.error == error })
    #expect(
      first.summary(in: .vi).contains(
        "  LỖI      no_registration  Đảng bộ thị trấn Lạc Dương "
          + "<dangbo.thitran@lacduong.example>: \(error)"))

    let kept = directory.path("kept")
    _ = try TestSupport.run("/bin/mkdir", [kept])
    let second = try run("2023-03-22", .command(keeping(in: kept)))
    #expect(second.recorded == 0, "nothing is recorded twice")
    #expect(second.sentCount == 3 && second.failedCount == 0)
    #expect(try files(in: kept).count == 3)
    let outbox = try outbox()
    #expect(outbox.count == 3)
    #expect(outbox.allSatisfy { $0.status == "sent" && $0.attempts == 2 && $0.error == nil })
    #expect(outbox.allSatisfy { $0.channel == "sendmail" })

    let third = try run("2023-03-23", .command(keeping(in: kept)))
    #expect(third.items.isEmpty && third.alreadySent.count == 3)
    #expect(try files(in: kept).count == 3)
  }

  @Test func theCommandIsFedTheWholeMessage() throws {
    let kept = directory.path("kept")
    _ = try TestSupport.run("/bin/mkdir", [kept])
    let run = try run("2023-03-29", .command(keeping(in: kept)))
    #expect(run.sentCount == 1)
    let name = try #require(try files(in: kept).first)
    let message = String(decoding: try #require(fileBytes(kept + "/" + name)), as: UTF8.self)
    #expect(message.hasPrefix("From: =?UTF-8?B?"))
    #expect(message.contains("\nTo: =?UTF-8?B?"))
    #expect(message.contains("<bantochuc@lacduong.example>\n"))
    #expect(message.contains("\nX-Sangtao-Rule: late_registrations\n"))
    #expect(!message.contains("\r"), "sendmail reads lines ending in LF")
  }

  @Test func withoutAnAddressTheCommandChannelFailsNamingTheRecordToFix() throws {
    try scenario.registry.queue.inDatabase { db in
      try db.execute(sql: "UPDATE units SET email = NULL WHERE code = 'TT'")
    }
    let kept = directory.path("kept")
    _ = try TestSupport.run("/bin/mkdir", [kept])
    let run = try run("2023-03-25", .command(keeping(in: kept)))
    #expect(run.sentCount == 2 && run.failedCount == 1)
    let failed = try #require(run.items.first { $0.outcome == .failed })
    #expect(
      failed.error
        == "không có địa chỉ thư điện tử của Đảng bộ thị trấn Lạc Dương; hãy điền email của "
        + "đơn vị TT")
  }

  @Test func aMissedDayIsCaughtUpOnceWithItsOwnDueDate() throws {
    let printed = Printed()
    let late = try run("2023-03-16", .stdout, printed: printed)
    #expect(late.sentCount == 4)
    #expect(late.items.allSatisfy { $0.reminder.dueDate.iso == "2023-03-14" })
    #expect(printed.text.hasPrefix("──── Nhắc việc 1/4 · no_registration · ngày 14/03/2023\nĐến: "))
    #expect(printed.text.contains("Đến ngày 16/03/2023, Ban Tổ chức Huyện ủy chưa nhận được"))
    #expect(printed.text.contains("Thời hạn còn 12 ngày."))
    #expect(try run("2023-03-17", .stdout).items.isEmpty)
    #expect(try run("2023-03-21", .stdout).sentCount == 3)
    #expect(try outbox().count == 7)
  }

  @Test func undeliveredRemindersOfAPastFiringOrAGoneReasonAreCancelled() throws {
    let failing = ReminderCommand.shell("exit 3")
    #expect(try run("2023-03-21", .command(failing)).failedCount == 3)  // TT, YT, DMT
    // TT registered on 26/03: on 27/03 its reminder of 25/03 is no longer due.
    let printed = Printed()
    let run27 = try run("2023-03-27", .stdout, printed: printed)
    #expect(
      run27.items.map(\.reminder.recipient).sorted()
        == [
          "Chi bộ Trung tâm Y tế huyện", "Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện",
        ].sorted())
    #expect(run27.items.allSatisfy { $0.reminder.dueDate.iso == "2023-03-25" })
    #expect(run27.cancelled.count == 3, "the three failed reminders of 21/03")
    #expect(run27.cancelled.allSatisfy { $0.error == "không còn cần gửi ngày 27/03/2023" })
    let statuses = try outbox().map { "\($0.dueDate.iso) \($0.status)" }
    #expect(
      statuses == [
        "2023-03-21 cancelled", "2023-03-21 cancelled", "2023-03-21 cancelled",
        "2023-03-25 sent", "2023-03-25 sent",
      ])
    // A reminder cancelled by hand is not delivered either.
    try scenario.registry.queue.inDatabase { db in
      try db.execute(sql: "DELETE FROM reminders")
    }
    #expect(try run("2023-03-27", .command(failing)).failedCount == 2)
    try scenario.registry.queue.inDatabase { db in
      try db.execute(sql: "UPDATE reminders SET status = 'cancelled'")
    }
    let after = try run("2023-03-27", .stdout)
    #expect(after.items.isEmpty && after.cancelled.isEmpty)
  }

  @Test func aStoppedRunLeavesTheRestPendingForTheNextRun() throws {
    let printed = Printed()
    let delivery = ReminderDelivery(channel: .stdout, from: from, output: { printed.text += $0 })
    let stopped = try scenario.registry.queue.inDatabase { db in
      let plan = try ReminderPlanner().plan(db, on: ReminderScenario.day("2023-03-14"))
      // Ctrl-C during the first delivery: asked again before the second one.
      return try ReminderRunner(delivery: delivery) { !printed.text.isEmpty }.run(db, plan: plan)
    }
    #expect(stopped.sentCount == 1)
    #expect(stopped.stopped == 3)
    #expect(
      stopped.summary(in: .vi).contains("\n(đã dừng: 3 nhắc việc chưa gửi, lần chạy sau sẽ gửi)"))
    #expect(try outbox().map(\.status).sorted() == ["pending", "pending", "pending", "sent"])
    let next = try run("2023-03-14", .stdout)
    #expect(next.sentCount == 3 && next.alreadySent.count == 1)
  }

  @Test func aReminderAnotherRunIsDeliveringIsLeftToIt() throws {
    #expect(try run("2023-03-21", .command(.shell("exit 1"))).failedCount == 3)
    // Another run claimed YT's reminder five minutes ago (our clock: 2023-03-14T01:20:00Z).
    try scenario.registry.queue.inDatabase { db in
      try db.execute(
        sql: "UPDATE reminders SET claimed_at = '2023-03-14T01:15:00Z' WHERE recipient LIKE ?",
        arguments: ["%Y tế%"])
    }
    let busy = try run("2023-03-21", .stdout)
    #expect(busy.sentCount == 2)
    #expect(busy.elsewhere.map(\.recipient) == ["Chi bộ Trung tâm Y tế huyện"])
    #expect(busy.summary(in: .vi).contains("\n(1 nhắc việc đang được một lần chạy khác gửi)"))
    #expect(try outbox().map(\.claimedAt).compactMap { $0 } == ["2023-03-14T01:15:00Z"])
    // A claim of twenty minutes ago was abandoned (the run died): taken over, delivered once.
    try scenario.registry.queue.inDatabase { db in
      try db.execute(
        sql: "UPDATE reminders SET claimed_at = '2023-03-14T01:00:00Z' WHERE claimed_at IS NOT NULL"
      )
    }
    let after = try run("2023-03-21", .stdout)
    #expect(after.sentCount == 1 && after.elsewhere.isEmpty)
    let outbox = try outbox()
    #expect(outbox.allSatisfy { $0.status == "sent" && $0.claimedAt == nil && $0.attempts == 2 })
  }

  @Test func aDryRunRecordsAndSendsNothing() throws {
    let out = directory.path("letters")
    let dry = try run("2023-03-14", .files(directory: out), dryRun: true)
    #expect(dry.items.count == 4)
    #expect(dry.items.allSatisfy { $0.outcome == .wouldSend && $0.reminder.id == nil })
    #expect(try outbox().isEmpty)
    #expect(fileMode(out) == nil)
    #expect(
      dry.summary(in: .en).hasPrefix(
        "Dry run of 14/03/2023, channel file: 4 reminders would be sent; 0 sent before. "
          + "Nothing recorded, nothing sent.\n  to send  no_registration  "))
    _ = try run("2023-03-14", .stdout)
    let again = try run("2023-03-14", .stdout, dryRun: true)
    #expect(again.items.isEmpty && again.alreadySent.count == 4)
  }

  @Test func aRunInsideATransactionIsRefused() throws {
    #expect(throws: ReminderError.insideTransaction) {
      try scenario.registry.queue.inDatabase { db in
        try db.inTransaction {
          let plan = try ReminderPlanner().plan(db, on: ReminderScenario.day("2023-03-14"))
          _ = try ReminderRunner(delivery: ReminderDelivery(channel: .stdout, from: from))
            .run(db, plan: plan)
          return .commit
        }
      }
    }
    #expect(try outbox().isEmpty)
  }

  /// The "done when": a daily run through the whole campaign sends every reminder
  /// exactly once, and nothing fails.
  @Test func aDailyCronThroughTheCampaignSendsEachReminderOnce() throws {
    var day = ReminderScenario.day("2023-02-20")
    var sent: [String: Int] = [:]
    while day <= ReminderScenario.day("2023-12-15") {
      let result = try run(day.iso, .stdout)
      #expect(result.failedCount == 0)
      #expect(result.cancelled.isEmpty)
      for item in result.items { sent[item.reminder.rule, default: 0] += 1 }
      day = day.adding(days: 1)
    }
    // no_report: 001 and 004 on 16/10, 01/11; 004 and 002 on 08/11; and 002, proposed on
    // 20/10, the same day, as the reminder of 16/10 still current then.
    #expect(
      sent == [
        "no_registration": 10, "late_registrations": 1, "no_report": 8, "late_reports": 1,
        "missing_sheets": 19, "late_sheets": 1,
      ])
    let outbox = try outbox()
    #expect(outbox.count == 40)
    #expect(Set(outbox.map(\.dedupeKey)).count == 40)
    let proposed = outbox.filter { $0.rule == "no_report" && $0.recipient.hasPrefix("Ban") }
    #expect(proposed.map(\.dueDate.iso) == ["2023-10-16", "2023-11-01", "2023-11-08"])
    #expect(outbox.allSatisfy { $0.status == "sent" && $0.attempts == 1 })
    let missingSheets = outbox.filter { $0.rule == "missing_sheets" }
    #expect(
      Set(missingSheets.map(\.dueDate.iso))
        == Set((23...30).map { "2023-11-\($0)" }), "one a day from D3 − 7 to D3")
  }
}
