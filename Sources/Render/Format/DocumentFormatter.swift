import Messages

/// Formats numbers, percentages and dates for documents read by people, the Vietnamese way or
/// the English way.
///
/// Vietnamese: thousands `.`, decimals `,` (`1.234,5`), a no-break space before `%`
/// (`12,5 %`, so print never splits them), dates `28/03/2023`, and the official date line of
/// Nghị định 30/2020/NĐ-CP, Phụ lục I: days below 10 and the months 1 and 2 take a leading zero
/// (`ngày 08 tháng 02 năm 2023`, `ngày 28 tháng 3 năm 2023`).
/// English: `1,234.5`, `12.5%`, `28 Mar 2023`, `Lạc Dương, 28 March 2023`.
///
///     let vi = DocumentFormatter(language: .vi)
///     vi.number(1234.5)                                   // "1.234,5"
///     vi.longDate("2023-03-28", place: "Lạc Dương")       // "Lạc Dương, ngày 28 tháng 3 năm 2023"
public struct DocumentFormatter: Sendable {
  /// The language whose conventions apply.
  public var language: Language

  /// A formatter for `language`.
  ///
  ///     DocumentFormatter(language: .en).integer(1234)  // "1,234"
  ///
  /// - Parameter language: Vietnamese or English; the current language by default.
  public init(language: Language = .current) {
    self.language = language
  }

  /// The thousands separator: `.` in Vietnamese, `,` in English.
  public var groupingSeparator: String { language == .vi ? "." : "," }

  /// The decimal separator: `,` in Vietnamese, `.` in English.
  public var decimalSeparator: String { language == .vi ? "," : "." }

  /// An integer with thousands separators.
  ///
  ///     DocumentFormatter(language: .vi).integer(-35700)  // "-35.700"
  ///
  /// - Parameter value: the integer.
  public func integer(_ value: Int64) -> String {
    let magnitude = String(value.magnitude)
    return (value < 0 ? "-" : "") + DecimalDigits.group(magnitude, with: groupingSeparator)
  }

  /// A number with thousands separators, rounded half away from zero.
  ///
  ///     DocumentFormatter(language: .vi).number(82.333)                            // "82,33"
  ///     DocumentFormatter(language: .vi).number(85, minimumFractionDigits: 1)      // "85,0"
  ///
  /// - Parameters:
  ///   - value: the number; infinities and NaN read `∞`, `-∞` and `NaN`.
  ///   - maximumFractionDigits: decimals at most (2 by default).
  ///   - minimumFractionDigits: decimals always shown (none by default).
  public func number(
    _ value: Double, maximumFractionDigits: Int = 2, minimumFractionDigits: Int = 0
  ) -> String {
    guard let digits = DecimalDigits(value) else { return Self.nonFinite(value) }
    return digits.formatted(
      minimumFractionDigits: minimumFractionDigits,
      maximumFractionDigits: max(maximumFractionDigits, minimumFractionDigits),
      grouping: groupingSeparator, decimal: decimalSeparator)
  }

  /// A fraction as a percentage: `0.125` is `12,5 %` in Vietnamese (with a no-break space,
  /// U+00A0) and `12.5%` in English.
  ///
  ///     DocumentFormatter(language: .vi).percent(0.125)  // "12,5\u{A0}%"
  ///
  /// - Parameters:
  ///   - fraction: the share, 1 meaning 100 %.
  ///   - maximumFractionDigits: decimals at most of the percentage (1 by default).
  public func percent(_ fraction: Double, maximumFractionDigits: Int = 1) -> String {
    let text = number(fraction * 100, maximumFractionDigits: maximumFractionDigits)
    return language == .vi ? text + "\u{A0}%" : text + "%"
  }

  /// A date for a table cell: `28/03/2023` in Vietnamese, `28 Mar 2023` in English.
  ///
  ///     DocumentFormatter(language: .vi).date("2023-03-28")  // "28/03/2023"
  ///
  /// - Parameter iso: the date as ISO text (`YYYY-MM-DD`, a time after it is ignored).
  /// - Returns: nil when `iso` is not a valid date.
  public func date(_ iso: String) -> String? {
    ISODate(iso).map(date)
  }

  /// A date for a table cell (see `date(_:)` with text).
  ///
  ///     DocumentFormatter(language: .en).date(ISODate(year: 2023, month: 3, day: 8)!)  // "8 Mar 2023"
  ///
  /// - Parameter date: the date.
  public func date(_ date: ISODate) -> String {
    switch language {
    case .vi:
      return "\(Self.twoDigits(date.day))/\(Self.twoDigits(date.month))/\(date.year)"
    case .en:
      return "\(date.day) \(Self.englishMonths[date.month - 1].prefix(3)) \(date.year)"
    }
  }

  /// The place-and-date line of an official document.
  ///
  ///     DocumentFormatter(language: .vi).longDate("2023-02-08", place: "Lạc Dương")
  ///     // "Lạc Dương, ngày 08 tháng 02 năm 2023"
  ///     DocumentFormatter(language: .en).longDate("2023-03-28", place: "Lạc Dương")
  ///     // "Lạc Dương, 28 March 2023"
  ///
  /// - Parameters:
  ///   - iso: the date as ISO text.
  ///   - place: the place written before the date, or nil for the date alone.
  /// - Returns: nil when `iso` is not a valid date.
  public func longDate(_ iso: String, place: String? = nil) -> String? {
    ISODate(iso).map { longDate($0, place: place) }
  }

  /// The place-and-date line of an official document (see `longDate(_:place:)` with text).
  ///
  ///     DocumentFormatter(language: .vi).longDate(ISODate("2023-03-28")!, place: nil)
  ///     // "ngày 28 tháng 3 năm 2023"
  ///
  /// - Parameters:
  ///   - date: the date.
  ///   - place: the place written before the date, or nil for the date alone.
  public func longDate(_ date: ISODate, place: String? = nil) -> String {
    let text: String
    switch language {
    case .vi:
      // Nghị định 30/2020/NĐ-CP, Phụ lục I: a leading zero for days below 10 and months 1 and 2.
      let day = Self.twoDigits(date.day)
      let month = date.month <= 2 ? Self.twoDigits(date.month) : String(date.month)
      text = Message.renderLongDate(["day": day, "month": month, "year": date.year], in: .vi)
    case .en:
      text = Message.renderLongDate(
        ["day": date.day, "month": Self.englishMonths[date.month - 1], "year": date.year],
        in: .en)
    }
    guard let place, !place.isEmpty else { return text }
    return place + ", " + text
  }

  static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }

  static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞")
  }
}
