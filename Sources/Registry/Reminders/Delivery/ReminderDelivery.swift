import Messages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Delivers one reminder through a channel: printed on standard output, written as files (a
/// `.txt` letter and an RFC 5322 `.eml` message), or given to a sendmail-compatible command.
///
///     let delivery = ReminderDelivery(
///       channel: .files(directory: "nhac-viec"), from: .init(name: "Ban Tổ chức Huyện ủy",
///       address: "btc@lacduong.vn"))
///     delivery.deliver(reminder)  // .success(["nhac-viec/0017_2023-03-14_….txt", "….eml"])
public struct ReminderDelivery {
  /// How reminders leave.
  public enum Channel: Hashable, Sendable {
    /// Printed, one after the other.
    case stdout
    /// One `.txt` and one `.eml` per reminder in `directory` (created 0700), files 0600.
    case files(directory: String)
    /// The message on the command's standard input, one run per reminder.
    case command(ReminderCommand)

    /// The name stored in the outbox's `channel` column.
    public var storedName: String {
      switch self {
      case .stdout: "stdout"
      case .files: "file"
      case .command: "sendmail"
      }
    }
  }

  public var channel: Channel
  /// The sender of the messages.
  public var from: MailMessage.Mailbox
  /// The language of the labels around the letter (`Đến:`, `Tiêu đề:`).
  public var language: Language
  /// Where the stdout channel writes.
  public var output: (String) -> Void
  /// The current time, seconds since 1970.
  public var now: () -> Int

  public init(
    channel: Channel, from: MailMessage.Mailbox, language: Language = .vi,
    output: @escaping (String) -> Void = ReminderDelivery.writeToStandardOutput,
    now: @escaping () -> Int = { Int(time(nil)) }
  ) {
    self.channel = channel
    self.from = from
    self.language = language
    self.output = output
    self.now = now
  }

  /// Writes `text` to file descriptor 1.
  public static func writeToStandardOutput(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let count = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return
      }
      bytes = bytes.dropFirst(count)
    }
  }

  /// Delivers `reminder`.
  ///
  /// - Parameters:
  ///   - record: The record whose email to fill in when the address is missing
  ///     (`đơn vị DS`); the recipient's name by default.
  ///   - index: Its position among those delivered now, from 1, for the stdout header.
  ///   - count: How many are delivered now.
  /// - Returns: The files written (files channel), or the failure.
  public func deliver(
    _ reminder: Reminder, record: String? = nil, index: Int = 1, count: Int = 1
  ) -> Result<[String], DeliveryFailure> {
    switch channel {
    case .stdout:
      output(printed(reminder, index: index, count: count))
      return .success([])
    case .files(let directory):
      do throws(DeliveryFailure) {
        if let address = reminder.address, !MailMessage.Mailbox.isValid(address) {
          throw .badAddress(address)
        }
        try PrivateFile.makeDirectory(directory)
        let base = directory + "/" + ReminderDelivery.fileName(reminder)
        try PrivateFile.write(Array(letter(reminder).utf8), to: base + ".txt")
        try PrivateFile.write(Array(mail(for: reminder).rendered().utf8), to: base + ".eml")
        return .success([base + ".txt", base + ".eml"])
      } catch {
        return .failure(error)
      }
    case .command(let command):
      guard let address = reminder.address else {
        return .failure(
          .noAddress(recipient: reminder.recipient, what: record ?? reminder.recipient))
      }
      guard MailMessage.Mailbox.isValid(address) else { return .failure(.badAddress(address)) }
      let message = mail(for: reminder).rendered(newline: "\n")
      return command.run(input: Array(message.utf8)).map { _ in [] }
    }
  }

  /// The message of `reminder`, from ``from``; its Message-ID is the same at every attempt,
  /// so a mail system that saw it once can tell a repeat.
  public func mail(for reminder: Reminder) -> MailMessage {
    let domain = from.address.flatMap { $0.split(separator: "@").last.map(String.init) }
    let id = reminder.id.map { "\($0)." } ?? ""
    return MailMessage(
      from: from, to: MailMessage.Mailbox(name: reminder.recipient, address: reminder.address),
      subject: reminder.subject, body: reminder.body ?? "",
      messageID: "<sangtao.\(id)\(ReminderDelivery.hash(reminder.dedupeKey))@"
        + "\(domain ?? "sangtao.localhost")>",
      date: now(),
      extraHeaders: [
        ("X-Sangtao-Rule", reminder.rule), ("X-Sangtao-Due-Date", reminder.dueDate.iso),
      ])
  }

  /// The letter as a text file: who, what, when, then the body.
  public func letter(_ reminder: Reminder) -> String {
    var lines = [
      Message.reminderTo(["recipient": mailbox(reminder)], in: language),
      Message.reminderSubjectLine(["subject": reminder.subject], in: language),
      Message.reminderDateLine(["date": reminder.dueDate.vietnamese], in: language),
      "",
    ]
    lines += MailMessage.lines(of: reminder.body ?? "").map(String.init)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The letter under a header line, as the stdout channel prints it.
  func printed(_ reminder: Reminder, index: Int, count: Int) -> String {
    Message.reminderPrintedHeader(
      ["index": index, "count": count, "rule": reminder.rule, "due": reminder.dueDate.vietnamese],
      in: language) + "\n" + letter(reminder) + "\n"
  }

  /// `Name <address>`, or the name.
  func mailbox(_ reminder: Reminder) -> String {
    reminder.address.map { "\(reminder.recipient) <\($0)>" } ?? reminder.recipient
  }

  /// `0017_2023-03-14_no_registration_dang-bo-xa-da-sar`: the outbox id first (files sort as
  /// the outbox), then the due date, the rule and the recipient in ASCII.
  static func fileName(_ reminder: Reminder) -> String {
    let id = reminder.id.map { String($0) } ?? "0"
    let padded = String(repeating: "0", count: max(0, 4 - id.count)) + id
    return [padded, reminder.dueDate.iso, slug(reminder.rule), slug(reminder.recipient)]
      .filter { !$0.isEmpty }.joined(separator: "_")
  }

  /// Lowercase ASCII letters, digits and `_`, other runs as `-`, at most 48 characters.
  static func slug(_ text: String) -> String {
    var output: [UInt8] = []
    for byte in VietnameseText.fold(text).utf8 {
      let isWord =
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "_")
      if isWord {
        output.append(byte)
      } else if let last = output.last, last != UInt8(ascii: "-") {
        output.append(UInt8(ascii: "-"))
      }
      if output.count >= 48 { break }
    }
    while output.last == UInt8(ascii: "-") { output.removeLast() }
    return String(decoding: output, as: UTF8.self)
  }

  /// FNV-1a, 64 bits, in hex: a short stable name for a dedupe key.
  static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
