import GRDB

extension Day {
  /// Why a text is not a day.
  public enum ParseFailure: Error, Equatable, Sendable {
    /// Not `yyyy-mm-dd`, `dd/mm/yyyy`, `dd-mm-yyyy` or `dd.mm.yyyy`.
    case badFormat
    /// The parts are numbers but name no day, such as 29/02/2023.
    case noSuchDay(year: Int, month: Int, day: Int)
    /// The text reads as month/day/year (3/28/2023); the day it probably means.
    case monthFirst(suggestion: Day)
  }

  /// The day written as ISO `YYYY-MM-DD` exactly, as stored; nil otherwise.
  ///
  ///     Day(iso: "2023-03-28")  // 28 March 2023
  ///     Day(iso: "28/03/2023")  // nil
  public init?(iso text: String) {
    var utf8 = text.utf8.makeIterator()
    var digits = [Int](repeating: 0, count: 8)
    var count = 0
    var position = 0
    while let byte = utf8.next() {
      if position == 4 || position == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
      } else {
        guard byte >= 48, byte <= 57, count < 8 else { return nil }
        digits[count] = Int(byte - 48)
        count += 1
      }
      position += 1
    }
    guard position == 10 else { return nil }
    let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
    let month = digits[4] * 10 + digits[5]
    let day = digits[6] * 10 + digits[7]
    self.init(year: year, month: month, day: day)
  }

  /// The day written as an analyst writes it: ISO `2023-03-28`, or day first `28/3/2023`,
  /// `28/03/23`, `28-03-2023`, `28.03.2023`; nil otherwise. See ``parse(_:)`` for the reason.
  public init?(_ text: String) {
    guard case .success(let day) = Day.parse(text) else { return nil }
    self = day
  }

  /// Reads a day the way ``init(_:)`` does, saying why when it cannot.
  ///
  ///     Day.parse("3/28/2023")  // .failure(.monthFirst(suggestion: 28/03/2023))
  ///
  /// Two-digit years are years of this century (`28/03/23` is 2023).
  public static func parse(_ text: String) -> Result<Day, ParseFailure> {
    let trimmed = text.trimmingASCIIWhitespace()
    if let day = Day(iso: trimmed) { return .success(day) }
    var parts: [Int] = []
    var current = -1
    var digitsInPart = 0
    var separator: UInt8 = 0
    var partLengths: [Int] = []
    for byte in trimmed.utf8 {
      if byte >= 48 && byte <= 57 {
        current = (current < 0 ? 0 : current * 10) + Int(byte - 48)
        digitsInPart += 1
        if digitsInPart > 4 { return .failure(.badFormat) }
      } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
      {
        if separator == 0 { separator = byte }
        guard byte == separator, current >= 0 else { return .failure(.badFormat) }
        parts.append(current)
        partLengths.append(digitsInPart)
        current = -1
        digitsInPart = 0
      } else {
        return .failure(.badFormat)
      }
    }
    guard current >= 0 else { return .failure(.badFormat) }
    parts.append(current)
    partLengths.append(digitsInPart)
    guard parts.count == 3 else { return .failure(.badFormat) }
    if partLengths[0] == 4 {
      // yyyy-m-d or yyyy/mm/dd
      guard partLengths[1] <= 2, partLengths[2] <= 2 else { return .failure(.badFormat) }
      if let day = Day(year: parts[0], month: parts[1], day: parts[2]) { return .success(day) }
      return .failure(.noSuchDay(year: parts[0], month: parts[1], day: parts[2]))
    }
    guard partLengths[0] <= 2, partLengths[1] <= 2, partLengths[2] == 4 || partLengths[2] == 2
    else { return .failure(.badFormat) }
    let year = partLengths[2] == 2 ? 2000 + parts[2] : parts[2]
    if let day = Day(year: year, month: parts[1], day: parts[0]) { return .success(day) }
    if parts[1] > 12, let swapped = Day(year: year, month: parts[0], day: parts[1]) {
      return .failure(.monthFirst(suggestion: swapped))
    }
    return .failure(.noSuchDay(year: year, month: parts[1], day: parts[0]))
  }
}

extension Day: DatabaseValueConvertible {
  /// The ISO text.
  public var databaseValue: DatabaseValue { iso.databaseValue }

  /// The day stored as ISO text; nil for anything else.
  public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
    guard case .string(let text) = dbValue.storage else { return nil }
    return Day(iso: text)
  }
}

extension Day: Codable {
  /// A record with these values; `id` is nil until it is inserted.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not an ISO day: \(text)")
    }
    self = day
  }

  /// Encodes as ISO text.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}

extension String {
  /// The text without leading and trailing ASCII spaces, tabs and line breaks.
  func trimmingASCIIWhitespace() -> String {
    let bytes = Array(utf8)
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 32 || byte == 9 || byte == 10 || byte == 13
    }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = bytes.lastIndex(where: { !isSpace($0) })!
    if first == 0 && last == bytes.count - 1 { return self }
    return String(decoding: bytes[first...last], as: UTF8.self)
  }
}
