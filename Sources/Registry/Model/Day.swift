import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A calendar day of the proleptic Gregorian calendar, stored as ISO `YYYY-MM-DD` text.
///
/// Deadlines, receipt dates and report dates are days, not instants: arithmetic on them is
/// whole days and never touches time zones.
///
///     let d1 = Day(year: 2023, month: 3, day: 28)!
///     d1.adding(days: -14).iso       // "2023-03-14"
///     Day(iso: "2024-01-01")! - Day(iso: "2023-12-31")!  // 1
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before).
  public let ordinal: Int

  /// The day `ordinal` days after 1970-01-01.
  public init(ordinal: Int) {
    self.ordinal = ordinal
  }

  /// The day with this year, month and day of month; nil when there is no such day
  /// (`Day(year: 2023, month: 2, day: 29)` is nil).
  ///
  /// - Parameters:
  ///   - year: 1 through 9999.
  ///   - month: 1 through 12.
  ///   - day: 1 through the length of the month.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= Day.length(ofMonth: month, in: year)
    else { return nil }
    ordinal = Day.ordinal(year: year, month: month, day: day)
  }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days of `month` in `year`.
  public static func length(ofMonth month: Int, in year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The year, month and day of month.
  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days (http://howardhinnant.github.io/date_algorithms.html).
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// The year.
  public var year: Int { components.year }
  /// The month, 1 through 12.
  public var month: Int { components.month }
  /// The day of the month.
  public var day: Int { components.day }

  /// The day of the week, 1 for Monday through 7 for Sunday (ISO 8601).
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let r = (ordinal + 3) % 7
    return (r < 0 ? r + 7 : r) + 1
  }

  /// The day `days` days later (earlier when negative).
  ///
  ///     Day(iso: "2023-12-31")!.adding(days: 1).iso  // "2024-01-01"
  public func adding(days: Int) -> Day {
    Day(ordinal: ordinal + days)
  }

  /// The number of days from `rhs` to `lhs`: positive when `lhs` is later.
  public static func - (lhs: Day, rhs: Day) -> Int {
    lhs.ordinal - rhs.ordinal
  }

  /// Earlier days are smaller.
  public static func < (lhs: Day, rhs: Day) -> Bool {
    lhs.ordinal < rhs.ordinal
  }

  /// The ISO 8601 text, `YYYY-MM-DD`, as stored.
  public var iso: String {
    let (y, m, d) = components
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10)
    Day.appendDigits(y, count: 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    Day.appendDigits(m, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    Day.appendDigits(d, count: 2, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The Vietnamese way of writing the day, `dd/mm/yyyy`.
  public var vietnamese: String {
    let (y, m, d) = components
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10)
    Day.appendDigits(d, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "/"))
    Day.appendDigits(m, count: 2, to: &bytes)
    bytes.append(UInt8(ascii: "/"))
    Day.appendDigits(y, count: 4, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  public var description: String { iso }

  /// Today in the local time zone of the process.
  public static func today() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(
      ordinal: ordinal(
        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)))
  }

  static func ordinal(year: Int, month: Int, day: Int) -> Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
    var digits = [UInt8](repeating: UInt8(ascii: "0"), count: count)
    var rest = value
    var index = count - 1
    while index >= 0 {
      digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
      index -= 1
    }
    bytes.append(contentsOf: digits)
  }
}
