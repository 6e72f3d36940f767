import Testing

@testable import Render

@Suite struct DocumentFormatterTests {
  let vi = DocumentFormatter(language: .vi)
  let en = DocumentFormatter(language: .en)

  @Test func vietnameseNumbersGroupWithDotsAndUseADecimalComma() {
    #expect(vi.integer(1234) == "1.234")
    #expect(vi.integer(35_700) == "35.700")
    #expect(vi.integer(-1_234_567) == "-1.234.567")
    #expect(vi.integer(999) == "999")
    #expect(vi.integer(Int64.min) == "-9.223.372.036.854.775.808")
    #expect(vi.number(1234.5) == "1.234,5")
    #expect(vi.number(82.333) == "82,33")
    #expect(vi.number(85, minimumFractionDigits: 1) == "85,0")
    #expect(vi.number(0.125, maximumFractionDigits: 3) == "0,125")
    #expect(vi.number(.infinity) == "∞")
  }

  @Test func englishNumbersGroupWithCommas() {
    #expect(en.integer(1234) == "1,234")
    #expect(en.number(1234.5) == "1,234.5")
  }

  @Test func percentagesTakeAFraction() {
    #expect(vi.percent(0.125) == "12,5\u{A0}%")
    #expect(vi.percent(1) == "100\u{A0}%")
    #expect(vi.percent(2.0 / 3.0) == "66,7\u{A0}%")
    #expect(en.percent(0.125) == "12.5%")
  }

  @Test func datesReadDayMonthYear() {
    #expect(vi.date("2023-03-28") == "28/03/2023")
    #expect(vi.date("2023-11-05T08:00:00") == "05/11/2023")
    #expect(en.date("2023-03-08") == "8 Mar 2023")
    #expect(vi.date("2023-02-29") == nil)
    #expect(vi.date("28/03/2023") == nil)
    #expect(vi.date("2024-02-29") == "29/02/2024")
  }

  @Test func theOfficialDateLineFollowsDecree30() {
    #expect(vi.longDate("2023-03-28", place: "Lạc Dương") == "Lạc Dương, ngày 28 tháng 3 năm 2023")
    #expect(vi.longDate("2023-02-08", place: "Lạc Dương") == "Lạc Dương, ngày 08 tháng 02 năm 2023")
    #expect(vi.longDate("2023-11-15") == "ngày 15 tháng 11 năm 2023")
    #expect(en.longDate("2023-03-28", place: "Lạc Dương") == "Lạc Dương, 28 March 2023")
    #expect(vi.longDate("2023-13-01") == nil)
  }

  @Test func isoDatesAreValidated() {
    #expect(ISODate("2023-03-28")?.description == "2023-03-28")
    #expect(ISODate("2023-04-31") == nil)
    #expect(ISODate("2023-3-28") == nil)
    #expect(ISODate("2023-03-28x") == nil)
    #expect(ISODate("1900-02-29") == nil)
    #expect(ISODate("2000-02-29") != nil)
    #expect(ISODate("2023-03-28")! < ISODate("2023-11-15")!)
  }
}
