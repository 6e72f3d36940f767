import Foundation
import GRDB
import Messages
import Registry
import TestSupport
import Testing

/// The deadlines calendar, checked line by line against RFC 5545 here and, when Python's
/// `icalendar` package is installed (scripts/test installs it), read back by it.
@Suite struct DeadlineCalendarTests {
  let scenario: ReminderScenario

  init() throws {
    scenario = try ReminderScenario()
    try scenario.registry.queue.inDatabase { db in
      try db.execute(
        sql: """
          UPDATE campaigns SET opened_on = '2023-02-08', btv_review_on = '2023-12-15',
            title = 'Đăng ký mô hình mới, cách làm sáng tạo năm 2023; Lạc Dương, Lâm Đồng'
          WHERE year = 2023
          """)
    }
  }

  func calendar(_ language: Language = .vi) throws -> String {
    try scenario.registry.queue.inDatabase { db in
      try DeadlineCalendar.load(db, year: 2023, language: language, stamp: 1_678_756_800)
        .rendered()
    }
  }

  /// The content lines, unfolded, after checking the physical lines: CRLF, at most 75 octets,
  /// continuation lines starting with a space, no UTF-8 character split.
  func contentLines(_ text: String) throws -> [String] {
    let bytes = Array(text.utf8)
    #expect(bytes.suffix(2) == [13, 10])
    var physical: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 13 {
        #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "CR without LF")
        physical.append(current)
        current = []
        index += 2
        continue
      }
      #expect(bytes[index] != 10, "a bare LF")
      current.append(bytes[index])
      index += 1
    }
    var lines: [[UInt8]] = []
    for line in physical {
      #expect(line.count <= 75, "a line of \(line.count) octets")
      #expect(String(validating: line, as: UTF8.self) != nil, "a UTF-8 character split")
      if line.first == 32 {
        let last = lines.popLast()
        #expect(last != nil, "a continuation line first")
        lines.append((last ?? []) + line.dropFirst())
      } else {
        lines.append(line)
      }
    }
    return lines.map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func theCalendarIsWellFormedICalendar() throws {
    let lines = try contentLines(try calendar())
    #expect(lines.first == "BEGIN:VCALENDAR")
    #expect(lines.last == "END:VCALENDAR")
    #expect(lines.contains("VERSION:2.0"))
    #expect(lines.contains { $0.hasPrefix("PRODID:") })
    var stack: [String] = []
    for line in lines {
      if line.hasPrefix("BEGIN:") { stack.append(String(line.dropFirst(6))) }
      if line.hasPrefix("END:") { #expect(stack.popLast() == String(line.dropFirst(4))) }
      #expect(line.contains(":"), "not a content line: \(line)")
    }
    #expect(stack.isEmpty)
    let events = lines.split(separator: "BEGIN:VEVENT").dropFirst().map(Array.init)
    #expect(events.count == 5)
    let starts = lines.filter { $0.hasPrefix("DTSTART;VALUE=DATE:") }
    #expect(
      starts == [
        "DTSTART;VALUE=DATE:20230208", "DTSTART;VALUE=DATE:20230328",
        "DTSTART;VALUE=DATE:20231115", "DTSTART;VALUE=DATE:20231130",
        "DTSTART;VALUE=DATE:20231215",
      ])
    #expect(lines.contains("DTEND;VALUE=DATE:20230329"), "all-day: the end is the next day")
    #expect(lines.filter { $0.hasPrefix("UID:") }.count == 5)
    #expect(lines.contains("UID:2023-d1@sangtao"))
    #expect(lines.filter { $0 == "DTSTAMP:20230314T012000Z" }.count == 5)
    #expect(lines.contains("SUMMARY:Hạn gửi đăng ký mô hình mới\\, cách làm sáng tạo năm 2023"))
    #expect(
      lines.contains(
        "DESCRIPTION:Theo Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy.\\n"
          + "Đăng ký mô hình mới\\, cách làm sáng tạo năm 2023\\; Lạc Dương\\, Lâm Đồng"))
    #expect(lines.filter { $0 == "TRIGGER:-P7D" }.count == 3)
  }

  @Test func theSameCampaignGivesTheSameUIDs() throws {
    let uids = { (text: String) in try self.contentLines(text).filter { $0.hasPrefix("UID:") } }
    #expect(try uids(try calendar()) == uids(try calendar(.en)))
    #expect(
      try contentLines(try calendar(.en)).contains(
        "SUMMARY:Deadline: registrations of new models and creative approaches 2023"))
  }

  /// Skipped without the package (`python3 -m pip install icalendar`; scripts/test does).
  @Test(.enabled(if: pythonHas("icalendar"))) func pythonsICalendarReadsTheEvents() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("han-2023.ics")
    #expect(writeFile(path, try calendar()))
    let script = """
      import icalendar, json, sys
      cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
      events = []
      for event in cal.walk('VEVENT'):
          events.append({'uid': str(event['UID']), 'start': event.decoded('DTSTART').isoformat(),
                         'end': event.decoded('DTEND').isoformat(),
                         'summary': str(event['SUMMARY']),
                         'description': str(event['DESCRIPTION']),
                         'alarms': [str(a['TRIGGER'].to_ical(), 'ascii') for a in event.walk('VALARM')]})
      print(json.dumps({'name': str(cal['X-WR-CALNAME']), 'events': events}, ensure_ascii=False))
      """
    let result = try python(script, [path])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    // icalendar keeps an X- property's value as written: our TEXT escaping shows.
    #expect((object["name"] as? String) == "Mô hình mới\\, cách làm sáng tạo năm 2023")
    let events = try #require(object["events"] as? [[String: Any]])
    #expect(
      events.map { $0["start"] as? String } == [
        "2023-02-08", "2023-03-28", "2023-11-15", "2023-11-30", "2023-12-15",
      ])
    #expect(events.map { $0["end"] as? String }[1] == "2023-03-29")
    #expect(
      (events[1]["summary"] as? String) == "Hạn gửi đăng ký mô hình mới, cách làm sáng tạo năm 2023"
    )
    #expect(
      (events[1]["description"] as? String)
        == "Theo Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy.\n"
        + "Đăng ký mô hình mới, cách làm sáng tạo năm 2023; Lạc Dương, Lâm Đồng")
    #expect((events[1]["alarms"] as? [String]) == ["-P7D"])
    #expect((events[4]["alarms"] as? [String]) == ["-P1D"])
    #expect((events[0]["alarms"] as? [String]) == [])
  }

  @Test func aYearWithoutACampaignIsAnError() throws {
    #expect(throws: ReminderError.noCampaign(year: 2030)) {
      try scenario.registry.queue.inDatabase { db in try DeadlineCalendar.load(db, year: 2030) }
    }
    #expect(
      ReminderError.noCampaign(year: 2030).message(in: .vi) == "không có đợt đăng ký năm 2030")
  }
}
