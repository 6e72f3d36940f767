import Registry
import Testing

@Suite struct DayTests {
  @Test func isoTextRoundTripsAndNamesTheDay() {
    let day = Day(iso: "2023-03-28")!
    #expect(day.year == 2023 && day.month == 3 && day.day == 28)
    #expect(day.iso == "2023-03-28")
    #expect(day.vietnamese == "28/03/2023")
    #expect(day.weekday == 2)  // a Tuesday
    #expect(Day(iso: "1970-01-01")!.ordinal == 0)
    #expect(Day(iso: "1969-12-31")!.ordinal == -1)
  }

  @Test func isoParsingIsStrict() {
    #expect(Day(iso: "2023-3-28") == nil)
    #expect(Day(iso: "28/03/2023") == nil)
    #expect(Day(iso: "2023-02-29") == nil)
    #expect(Day(iso: "2024-02-29") != nil)
    #expect(Day(iso: "2023-13-01") == nil)
    #expect(Day(iso: "2023-04-31") == nil)
    #expect(Day(iso: " 2023-04-30") == nil)
  }

  @Test func leapYearsFollowTheGregorianRule() {
    #expect(Day.isLeap(2024) && Day.isLeap(2000))
    #expect(!Day.isLeap(2023) && !Day.isLeap(1900) && !Day.isLeap(2100))
    #expect(Day(year: 1900, month: 2, day: 29) == nil)
    #expect(Day(year: 2000, month: 2, day: 29) != nil)
  }

  @Test func arithmeticCrossesMonthAndYearEnds() {
    let d = { (text: String) in Day(iso: text)! }
    #expect(d("2023-01-31").adding(days: 1) == d("2023-02-01"))
    #expect(d("2023-02-28").adding(days: 1) == d("2023-03-01"))
    #expect(d("2024-02-28").adding(days: 1) == d("2024-02-29"))
    #expect(d("2024-02-29").adding(days: 1) == d("2024-03-01"))
    #expect(d("2023-12-31").adding(days: 1) == d("2024-01-01"))
    #expect(d("2024-01-01").adding(days: -1) == d("2023-12-31"))
    #expect(d("2023-03-01").adding(days: -1) == d("2023-02-28"))
    #expect(d("2024-03-01").adding(days: -1) == d("2024-02-29"))
    #expect(d("2024-01-01") - d("2023-12-31") == 1)
    #expect(d("2024-03-01") - d("2024-02-28") == 2)
    #expect(d("2023-03-01") - d("2023-02-28") == 1)
    #expect(d("2024-01-01") - d("2023-01-01") == 365)
    #expect(d("2025-01-01") - d("2024-01-01") == 366)
    // Every day of 1999–2001 round-trips through its components.
    var day = d("1999-01-01")
    while day < d("2002-01-01") {
      let (y, m, dd) = day.components
      #expect(Day(year: y, month: m, day: dd) == day)
      #expect(day.adding(days: 1) - day == 1)
      day = day.adding(days: 1)
    }
  }

  @Test func analystsDatesParseDayFirst() {
    let expected = Day(iso: "2023-03-28")!
    for text in [
      "28/03/2023", "28/3/2023", "28-03-2023", "28.03.2023", "28/03/23", " 2023-03-28 ",
      "2023/3/28",
    ] {
      #expect(Day(text) == expected, "\(text)")
    }
    #expect(Day("05/04/2023") == Day(iso: "2023-04-05"))
  }

  @Test func badDatesSayWhy() {
    #expect(Day.parse("3/28/2023") == .failure(.monthFirst(suggestion: Day(iso: "2023-03-28")!)))
    #expect(Day.parse("29/02/2023") == .failure(.noSuchDay(year: 2023, month: 2, day: 29)))
    #expect(Day.parse("31/04/2023") == .failure(.noSuchDay(year: 2023, month: 4, day: 31)))
    #expect(Day.parse("hôm qua") == .failure(.badFormat))
    #expect(Day.parse("28/03") == .failure(.badFormat))
    #expect(Day.parse("28/03-2023") == .failure(.badFormat))
    #expect(Day.parse("") == .failure(.badFormat))
    #expect(Day.parse("123/03/2023") == .failure(.badFormat))
  }
}
