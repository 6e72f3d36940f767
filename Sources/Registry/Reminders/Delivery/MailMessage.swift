import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mail message of plain UTF-8 text in the format of RFC 5322, with MIME (RFC 2045–2047):
/// header text that is not plain ASCII goes in encoded words (`=?UTF-8?B?…?=`), folded so that
/// no line exceeds 78 characters; the body is base64, safe through any transport.
///
///     let message = MailMessage(
///       from: .init(name: "Ban Tổ chức Huyện ủy", address: "btc@lacduong.vn"),
///       to: .init(name: "Đảng bộ xã Đạ Sar", address: "dasar@lacduong.vn"),
///       subject: "Nhắc đăng ký mô hình mới, cách làm sáng tạo năm 2023", body: "Kính gửi: …",
///       messageID: "<r17.3f2a@lacduong.vn>")
///     message.rendered()            // CRLF line ends: an .eml file, SMTP
///     message.rendered(newline: "\n")  // LF: for sendmail's standard input
public struct MailMessage: Sendable {
  /// A name and an address; without an address the mailbox is written as an empty group
  /// (`Name: ;`), which RFC 5322 allows where the address is unknown.
  public struct Mailbox: Hashable, Sendable {
    public var name: String
    public var address: String?

    public init(name: String, address: String?) {
      self.name = name
      self.address = address.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether `address` looks like an address a mail program takes: ASCII, no spaces or
    /// specials, one `@` with text on both sides.
    public static func isValid(_ address: String) -> Bool {
      let bytes = Array(address.utf8)
      guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1,
        bytes.lastIndex(of: UInt8(ascii: "@")) == at
      else { return false }
      let specials = Set("()<>[]\\,;:\" ".utf8)
      return bytes.allSatisfy { $0 > 32 && $0 < 127 && !specials.contains($0) }
    }
  }

  public var from: Mailbox
  public var to: Mailbox
  public var subject: String
  public var body: String
  /// `<…@…>`.
  public var messageID: String
  /// Seconds since 1970 (UTC).
  public var date: Int
  /// Further headers, ASCII names and values: `X-Sangtao-Rule: no_registration`.
  public var extraHeaders: [(name: String, value: String)]

  public init(
    from: Mailbox, to: Mailbox, subject: String, body: String, messageID: String,
    date: Int = Int(time(nil)), extraHeaders: [(name: String, value: String)] = []
  ) {
    self.from = from
    self.to = to
    self.subject = subject
    self.body = body
    self.messageID = messageID
    self.date = date
    self.extraHeaders = extraHeaders
  }

  /// The whole message with `newline` line ends.
  public func rendered(newline: String = "\r\n") -> String {
    var lines: [String] = []
    lines.append(MailMessage.mailboxHeader("From", from, newline: newline))
    lines.append(MailMessage.mailboxHeader("To", to, newline: newline))
    lines.append(MailMessage.textHeader("Subject", subject, newline: newline))
    lines.append("Date: " + MailMessage.dateText(date))
    lines.append("Message-ID: " + messageID)
    lines.append("MIME-Version: 1.0")
    lines.append("Content-Type: text/plain; charset=UTF-8")
    lines.append("Content-Transfer-Encoding: base64")
    for header in extraHeaders {
      lines.append(MailMessage.textHeader(header.name, header.value, newline: newline))
    }
    let canonical = MailMessage.lines(of: body).joined(separator: "\r\n")
    let encoded = Data(canonical.utf8).base64EncodedString()
    var bodyLines: [String] = []
    var index = encoded.startIndex
    while index < encoded.endIndex {
      let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
      bodyLines.append(String(encoded[index..<end]))
      index = end
    }
    return (lines + [""] + bodyLines).joined(separator: newline) + newline
  }

  // MARK: Headers

  static let lineLimit = 78

  /// `Name: value`, as encoded words when the value is not plain ASCII, folded.
  static func textHeader(_ name: String, _ value: String, newline: String) -> String {
    fold(name + ":", tokens: phrase(value, firstLineUsed: name.count + 1), newline: newline)
  }

  /// `Name: display <address>`, or `Name: display: ;` without an address.
  static func mailboxHeader(_ name: String, _ mailbox: Mailbox, newline: String) -> String {
    var tokens: [String]
    if isPlainAtoms(mailbox.name) {
      tokens = mailbox.name.split(separator: " ").map(String.init)
    } else if mailbox.name.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) {
      tokens = [quoted(mailbox.name)]
    } else {
      tokens = phrase(mailbox.name, firstLineUsed: name.count + 1)
    }
    if let address = mailbox.address {
      tokens.append("<" + address + ">")
    } else if tokens.isEmpty {
      tokens = ["undisclosed-recipients:;"]
    } else {
      // An encoded word must stand apart from the group's ':' (RFC 2047, section 5).
      tokens += [":", ";"]
    }
    return fold(name + ":", tokens: tokens, newline: newline)
  }

  /// Joins `tokens` after `start` with spaces, starting a new line (newline and a space)
  /// before a token that would pass the line limit.
  static func fold(_ start: String, tokens: [String], newline: String) -> String {
    var output = start
    var length = start.count
    for token in tokens {
      if length + 1 + token.count > lineLimit && length > start.count {
        output += newline
        length = 0
      }
      output += " " + token
      length += 1 + token.count
    }
    return output
  }

  /// The words of `text` for a header: its words when it is printable ASCII (`=?` and long
  /// words aside), else encoded words of whole characters, each fitting its line.
  static func phrase(_ text: String, firstLineUsed: Int) -> [String] {
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let plain =
      text.utf8.allSatisfy { $0 >= 32 && $0 < 127 } && !text.contains("=?")
      && words.allSatisfy { $0.count <= lineLimit - 2 } && !text.hasPrefix(" ")
      && !text.contains("  ")
    if plain { return words }
    return encodedWords(text, firstLineUsed: firstLineUsed)
  }

  /// `text` as RFC 2047 encoded words, each at most 75 characters and no longer than the rest
  /// of its line (the first one shares its line with `firstLineUsed` characters), never
  /// splitting a character across two words.
  static func encodedWords(_ text: String, firstLineUsed: Int) -> [String] {
    let overhead = "=?UTF-8?B??=".count
    func capacity(_ room: Int) -> Int {
      let characters = min(75, room) - overhead
      return max(0, characters / 4 * 3)  // bytes of UTF-8 in that much base64
    }
    var words: [String] = []
    var chunk: [UInt8] = []
    var limit = capacity(lineLimit - firstLineUsed - 1)
    if limit < 3 { limit = capacity(lineLimit - 1) }
    func flush() {
      words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
      chunk = []
      limit = capacity(lineLimit - 1)
    }
    for character in text {
      let bytes = Array(String(character).utf8)
      if !chunk.isEmpty && chunk.count + bytes.count > limit { flush() }
      chunk += bytes
    }
    if !chunk.isEmpty || words.isEmpty { flush() }
    return words
  }

  /// Whether `name` can be written as it is: ASCII letters, digits and RFC 5322 atom text.
  static func isPlainAtoms(_ name: String) -> Bool {
    let atext = Set("!#$%&'*+-/=?^_`{|}~".utf8)
    return !name.isEmpty && !name.contains("=?")
      && name.split(separator: " ").allSatisfy { word in
        word.utf8.allSatisfy { byte in
          (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || atext.contains(byte)
        }
      } && !name.hasPrefix(" ") && !name.hasSuffix(" ") && !name.contains("  ")
  }

  /// `"text"` with `"` and `\` escaped.
  static func quoted(_ text: String) -> String {
    var output = "\""
    for character in text {
      if character == "\"" || character == "\\" { output += "\\" }
      output.append(character)
    }
    return output + "\""
  }

  /// The lines of `text`, whatever its line ends.
  static func lines(of text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
  }

  /// `Tue, 14 Mar 2023 08:00:00 +0700`, in the local time zone.
  static func dateText(_ seconds: Int) -> String {
    var time = time_t(seconds)
    var parts = tm()
    localtime_r(&time, &parts)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let offset = Int(parts.tm_gmtoff) / 60
    let sign = offset < 0 ? "-" : "+"
    let zone = sign + two(abs(offset) / 60) + two(abs(offset) % 60)
    return "\(days[Int(parts.tm_wday)]), \(Int(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
      + "\(Int(parts.tm_year) + 1900) \(two(Int(parts.tm_hour))):\(two(Int(parts.tm_min))):"
      + "\(two(Int(parts.tm_sec))) \(zone)"
  }
}
