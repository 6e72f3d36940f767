import Foundation
import Registry
import TestSupport
import Testing

/// The `.eml` messages read back by Python's `email` package, the reference parser at hand.
@Suite struct MailMessageTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  /// What Python's `email` (policy `default`, RFC 5322 + RFC 2047) makes of `message`.
  func parsed(_ message: String) throws -> [String: Any] {
    let path = directory.path("message-\(UInt32.random(in: 0...UInt32.max)).eml")
    #expect(writeFile(path, message))
    let script = """
      import email, json, sys
      from email import policy
      from email.header import decode_header, make_header
      data = open(sys.argv[1], 'rb').read()
      msg = email.message_from_bytes(data, policy=policy.default)
      raw = email.message_from_bytes(data)  # compat32: the header text as written
      def mailbox(name):
          header = msg[name]
          group = header.groups[0]
          # RFC 2047 §6.2: white space between encoded words is dropped; email.headerregistry
          # keeps it in display names (a CPython quirk), email.header follows the RFC.
          text = ' '.join(raw[name].split())
          phrase = text.rsplit('<', 1)[0] if '<' in text else text.rsplit(':', 1)[0]
          return {'name': group.display_name if group.display_name is not None
                  else header.addresses[0].display_name,
                  'rfc_name': str(make_header(decode_header(phrase.strip()))),
                  'addresses': [a.addr_spec for a in header.addresses],
                  'defects': [str(d) for d in header.defects]}
      print(json.dumps({
          'defects': [str(d) for d in msg.defects],
          'header_defects': sorted(str(d) for k in msg.keys() for d in msg[k].defects),
          'from': mailbox('From'), 'to': mailbox('To'),
          'subject': str(msg['Subject']),
          'content_type': msg.get_content_type(), 'charset': msg.get_content_charset(),
          'body': msg.get_content(),
          'date': msg['Date'].datetime.isoformat(),
          'message_id': str(msg['Message-ID']),
          'rule': str(msg['X-Sangtao-Rule']),
      }, ensure_ascii=False))
      """
    let result = try python(script, [path])
    #expect(result.status == 0, "python3 email: \(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(object as? [String: Any])
  }

  /// Lines of the raw message: each ends in CRLF, headers are ASCII within 78 characters.
  func checkRaw(_ message: String) {
    #expect(message.hasSuffix("\r\n"))
    let bytes = Array(message.utf8)
    for (index, byte) in bytes.enumerated() where byte == 10 {
      #expect(index > 0 && bytes[index - 1] == 13, "a bare LF at \(index)")
    }
    let header = message.components(separatedBy: "\r\n\r\n")[0]
    for line in header.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 78, "header line too long: \(line)")
      #expect(line.utf8.allSatisfy { $0 >= 32 && $0 < 127 }, "not ASCII: \(line)")
      var rest = line[...]
      while let start = rest.range(of: "=?") {
        let end = try! #require(rest[start.upperBound...].range(of: "?="))
        #expect(rest.distance(from: start.lowerBound, to: end.upperBound) <= 75)
        rest = rest[end.upperBound...]
      }
    }
  }

  let vietnamese = MailMessage(
    from: .init(name: "Ban Tổ chức Huyện ủy", address: "btc@lacduong.example"),
    to: .init(
      name: "Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện", address: "dmt@lacduong.example"),
    subject: "Nhắc đăng ký mô hình mới, cách làm sáng tạo năm 2023 (hạn 28/03/2023) — "
      + "Đảng bộ xã Đưng K'Nớ, Đạ Chais, Đạ Nhim và thị trấn Lạc Dương",
    body: "Kính gửi: Chi bộ cơ quan Đảng\n\nĐến ngày 14/03/2023, …\n\nBAN TỔ CHỨC HUYỆN ỦY",
    messageID: "<sangtao.17.0123456789abcdef@lacduong.example>", date: 1_678_756_800,
    extraHeaders: [("X-Sangtao-Rule", "no_registration")])

  @Test func vietnameseHeadersAreEncodedWordsThatDecodeBack() throws {
    let raw = vietnamese.rendered()
    checkRaw(raw)
    #expect(raw.contains("From: =?UTF-8?B?"))
    #expect(raw.contains("\r\nSubject: =?UTF-8?B?"))
    #expect(raw.contains("\r\n =?UTF-8?B?"), "the long subject is folded")
    let message = try parsed(raw)
    #expect((message["defects"] as? [String]) == [])
    #expect((message["header_defects"] as? [String]) == [])
    #expect((message["subject"] as? String) == vietnamese.subject)
    let from = try #require(message["from"] as? [String: Any])
    #expect((from["name"] as? String) == "Ban Tổ chức Huyện ủy")
    #expect((from["rfc_name"] as? String) == "Ban Tổ chức Huyện ủy")
    #expect((from["addresses"] as? [String]) == ["btc@lacduong.example"])
    let to = try #require(message["to"] as? [String: Any])
    #expect((to["rfc_name"] as? String) == "Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện")
    #expect((to["addresses"] as? [String]) == ["dmt@lacduong.example"])
    #expect((message["content_type"] as? String) == "text/plain")
    #expect((message["charset"] as? String) == "utf-8")
    #expect(
      (message["body"] as? String)
        == "Kính gửi: Chi bộ cơ quan Đảng\r\n\r\nĐến ngày 14/03/2023, …\r\n\r\nBAN TỔ CHỨC HUYỆN ỦY"
    )
    #expect((message["message_id"] as? String) == "<sangtao.17.0123456789abcdef@lacduong.example>")
    #expect((message["rule"] as? String) == "no_registration")
    #expect((message["date"] as? String)?.hasPrefix("2023-03-14T") == true)
  }

  @Test func encodedWordsNeverSplitACharacter() throws {
    // Two-byte and three-byte letters at every offset across the 45-byte boundary.
    for prefix in 0..<6 {
      let subject =
        String(repeating: "a", count: prefix) + String(repeating: "ệ", count: 40)
        + String(repeating: "đ", count: 30)
      var message = vietnamese
      message.subject = subject
      let raw = message.rendered()
      checkRaw(raw)
      for word in raw.components(separatedBy: "=?UTF-8?B?").dropFirst() {
        let base64 = String(word.prefix { $0 != "?" })
        let decoded = try #require(Data(base64Encoded: base64))
        #expect(String(data: decoded, encoding: .utf8) != nil, "a word splits a character")
      }
      #expect((try parsed(raw)["subject"] as? String) == subject)
    }
  }

  @Test func aRecipientWithoutAnAddressIsAnEmptyGroup() throws {
    var message = vietnamese
    message.to = .init(name: "Đảng bộ xã Đạ Sar", address: nil)
    let raw = message.rendered()
    checkRaw(raw)
    #expect(raw.contains("\r\nTo: =?UTF-8?B?") && raw.contains("?= : ;\r\n"))
    let to = try #require(try parsed(raw)["to"] as? [String: Any])
    #expect((to["name"] as? String) == "Đảng bộ xã Đạ Sar")
    #expect((to["rfc_name"] as? String) == "Đảng bộ xã Đạ Sar")
    #expect((to["addresses"] as? [String]) == [])
  }

  @Test func asciiNamesStayReadableAndSpecialsAreQuoted() throws {
    var message = vietnamese
    message.from = .init(name: "BTC Lac Duong", address: "btc@lacduong.example")
    message.to = .init(name: "Nguyen, \"An\"", address: "an@lacduong.example")
    message.subject = "Reminder: register new models and creative approaches for 2023"
    let raw = message.rendered()
    checkRaw(raw)
    #expect(raw.hasPrefix("From: BTC Lac Duong <btc@lacduong.example>\r\n"))
    #expect(raw.contains("\r\nTo: \"Nguyen, \\\"An\\\"\" <an@lacduong.example>\r\n"))
    #expect(
      raw.contains(
        "\r\nSubject: Reminder: register new models and creative approaches for 2023\r\n"))
    let parsed = try parsed(raw)
    #expect(((parsed["to"] as? [String: Any])?["name"] as? String) == "Nguyen, \"An\"")
    #expect((parsed["subject"] as? String) == message.subject)
  }

  @Test func addressesAreCheckedBeforeAnythingIsSent() {
    #expect(MailMessage.Mailbox.isValid("dangbo.dasar@lacduong.example"))
    #expect(MailMessage.Mailbox.isValid("btc@localhost"))
    for bad in ["", "btc", "@lacduong.example", "btc@", "b tc@x", "a@b@c", "đạ@sar.vn", "a<b@c"] {
      #expect(!MailMessage.Mailbox.isValid(bad), "\(bad)")
    }
  }

  @Test func aReminderBecomesAMessageWithAStableID() throws {
    let reminder = Reminder(
      id: 17, rule: "no_report", recipient: "Cil Ha Thủy", address: "dv-0002@lacduong.example",
      subject: "Nhắc báo cáo kết quả", body: "Kính gửi: đồng chí Cil Ha Thủy",
      dueDate: Day(iso: "2023-10-16")!, channel: "sendmail",
      dedupeKey: "no_report|person:DV-0002|Nhắc báo cáo kết quả|2023-10-16", createdAt: "")
    let delivery = ReminderDelivery(
      channel: .stdout, from: .init(name: "Ban Tổ chức Huyện ủy", address: "btc@lacduong.example"),
      now: { 1_697_414_400 })
    let first = delivery.mail(for: reminder)
    #expect(first.messageID.hasPrefix("<sangtao.17."))
    #expect(first.messageID.hasSuffix("@lacduong.example>"))
    #expect(delivery.mail(for: reminder).messageID == first.messageID)
    var other = reminder
    other.dedupeKey += "x"
    #expect(delivery.mail(for: other).messageID != first.messageID)
    let parsed = try parsed(first.rendered())
    #expect(((parsed["to"] as? [String: Any])?["name"] as? String) == "Cil Ha Thủy")
    #expect((parsed["body"] as? String) == "Kính gửi: đồng chí Cil Ha Thủy")
    #expect((parsed["rule"] as? String) == "no_report")
  }
}
