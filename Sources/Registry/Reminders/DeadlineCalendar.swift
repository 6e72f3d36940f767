import GRDB
import Messages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A campaign's deadlines as an iCalendar file (RFC 5545) that calendar programs import:
/// one all-day event per deadline (D1, D2, D3, and the letter and the Standing Committee's
/// meeting when the campaign has them), each with an alarm a week before.
///
///     let calendar = try DeadlineCalendar.load(db, year: 2023)
///     try calendar.rendered().write(toFile: "han-2023.ics", …)
///
/// Lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character; text
/// is escaped (`\\`, `\;`, `\,`, `\n`); each event has a UID that stays the same from one
/// export to the next, so importing again updates the events instead of doubling them.
public struct DeadlineCalendar: Sendable {
  /// One all-day event.
  public struct Event: Hashable, Sendable {
    /// Stable: `2023-d1@sangtao`.
    public var uid: String
    public var day: Day
    public var summary: String
    public var description: String
    /// Days before the event for a reminder alarm; nil for none.
    public var alarmDays: Int?
  }

  public let campaign: Campaign
  public let language: Language
  public let reference: String
  /// When the file is made (DTSTAMP), seconds since 1970.
  public let stamp: Int

  public init(
    campaign: Campaign, reference: String, language: Language = .vi, stamp: Int = Int(time(nil))
  ) {
    self.campaign = campaign
    self.reference = reference
    self.language = language
    self.stamp = stamp
  }

  /// The calendar of the campaign of `year`.
  ///
  /// - Throws: ``ReminderError/noCampaign(year:)``; a `DatabaseError` when SQLite fails.
  public static func load(
    _ db: Database, year: Int, language: Language = .vi, stamp: Int = Int(time(nil))
  ) throws -> DeadlineCalendar {
    guard let head = try ReminderLetterhead.load(db, year: year, language: language) else {
      throw ReminderError.noCampaign(year: year)
    }
    return DeadlineCalendar(
      campaign: head.campaign, reference: head.reference, language: language, stamp: stamp)
  }

  /// The events, in date order.
  public var events: [Event] {
    let year = campaign.year
    var events: [Event] = []
    func add(_ key: String, _ day: Day?, _ summary: Message, alarm: Int?) {
      guard let day else { return }
      let text = summary(["year": year], in: language)
      events.append(
        Event(
          uid: "\(year)-\(key)@sangtao", day: day, summary: text,
          description: Message.calendarDescription(
            ["reference": reference, "title": campaign.title], in: language),
          alarmDays: alarm))
    }
    add("opened", campaign.openedOn, .calendarOpened, alarm: nil)
    add("d1", campaign.d1Registration, .calendarD1, alarm: 7)
    add("d2", campaign.d2Report, .calendarD2, alarm: 7)
    add("d3", campaign.d3Appraisal, .calendarD3, alarm: 7)
    add("btv", campaign.btvReviewOn, .calendarBTV, alarm: 1)
    return events.sorted { $0.day < $1.day }
  }

  /// The iCalendar text.
  public func rendered() -> String {
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//sangtao//Reminders//" + language.rawValue.uppercased(),
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:" + Self.escape(Message.calendarName(["year": campaign.year], in: language)),
    ]
    let stampText = Self.utc(stamp)
    for event in events {
      lines += [
        "BEGIN:VEVENT",
        "UID:" + event.uid,
        "DTSTAMP:" + stampText,
        "DTSTART;VALUE=DATE:" + Self.basic(event.day),
        "DTEND;VALUE=DATE:" + Self.basic(event.day.adding(days: 1)),
        "SUMMARY:" + Self.escape(event.summary),
        "DESCRIPTION:" + Self.escape(event.description),
        "CATEGORIES:" + Self.escape("sangtao"),
        "TRANSP:TRANSPARENT",
        "STATUS:CONFIRMED",
      ]
      if let days = event.alarmDays {
        lines += [
          "BEGIN:VALARM",
          "ACTION:DISPLAY",
          "TRIGGER:-P\(days)D",
          "DESCRIPTION:"
            + Self.escape(
              Message.calendarAlarm(["days": days, "summary": event.summary], in: language)),
          "END:VALARM",
        ]
      }
      lines.append("END:VEVENT")
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
  }

  /// TEXT escaped as RFC 5545 §3.3.11 says: backslash, semicolon, comma, line breaks.
  static func escape(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "\\": output += "\\\\"
      case ";": output += "\\;"
      case ",": output += "\\,"
      case "\n", "\r\n", "\r": output += "\\n"
      default: output.append(character)
      }
    }
    return output
  }

  /// A content line folded at 75 octets (RFC 5545 §3.1): continuation lines start with a
  /// space; a UTF-8 character is never split.
  static func fold(_ line: String) -> String {
    var output: [UInt8] = []
    var length = 0
    for scalar in line.unicodeScalars {
      let bytes = Array(String(scalar).utf8)
      if length + bytes.count > 75 {
        output += [13, 10, 32]
        length = 1
      }
      output += bytes
      length += bytes.count
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// `20230328`.
  static func basic(_ day: Day) -> String {
    String(day.iso.filter { $0 != "-" })
  }

  /// `20230314T010203Z`.
  static func utc(_ seconds: Int) -> String {
    let day = Day(ordinal: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    let rest = seconds - day.ordinal * 86400
    var bytes = Array(basic(day).utf8)
    bytes.append(UInt8(ascii: "T"))
    Day.appendDigits(rest / 3600, count: 2, to: &bytes)
    Day.appendDigits(rest / 60 % 60, count: 2, to: &bytes)
    Day.appendDigits(rest % 60, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }
}
