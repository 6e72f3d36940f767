import GRDB
import Messages

/// What every letter of a campaign says the same way: the letter that set the deadlines, who
/// sends, the dates — and the values templates are filled with.
///
///     let head = try ReminderLetterhead.load(db, year: 2023)!
///     head.reference        // "Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy"
///     head.referenceNumber  // "848-CV/HU"
///     head.values(on: Day(iso: "2023-03-14")!, deadline: .d1)["days_left_text"]
///     // "Thời hạn còn 14 ngày"
public struct ReminderLetterhead: Sendable {
  public let campaign: Campaign
  public let deadlines: Deadlines
  /// The first basis document of the campaign, as the letters cite it.
  public let reference: String
  /// Its number, e.g. `848-CV/HU`; empty when the basis names none.
  public let referenceNumber: String
  /// The Organization Board, which sends the reminders and receives the notices, if the
  /// registry has it.
  public let board: PartyUnit?
  /// Who signs: the board's name.
  public let sender: String
  /// The language of the letters.
  public let language: Language

  public init(campaign: Campaign, board: PartyUnit?, language: Language) {
    self.campaign = campaign
    self.deadlines = Deadlines(campaign)
    self.board = board
    self.language = language
    let basis = campaign.basis.map { $0.split(separator: ";").first.map(String.init) ?? $0 }
      .map { $0.trimmingASCIIWhitespace() }
    if let basis, !basis.isEmpty {
      reference = basis
    } else {
      reference = Message.reminderDefaultReference(in: language)
    }
    referenceNumber = ReminderLetterhead.documentNumber(in: reference) ?? ""
    sender = board?.name ?? Message.reminderDefaultSender(in: language)
  }

  /// The letterhead of the campaign of `year`, nil when there is none.
  ///
  /// - Parameters:
  ///   - boardCode: The code of the Organization Board's unit; nil: `BTC`, else the advisory
  ///     board whose name is "Ban Tổ chức…".
  /// - Throws: ``RegistryError/notFound(entity:key:)`` for a `boardCode` no unit has; a
  ///   `DatabaseError` when SQLite fails.
  public static func load(
    _ db: Database, year: Int, boardCode: String? = nil, language: Language = .vi
  ) throws -> ReminderLetterhead? {
    guard let campaign = try Campaign.fetch(db, year: year) else { return nil }
    return ReminderLetterhead(
      campaign: campaign, board: try board(db, code: boardCode), language: language)
  }

  /// The Organization Board's unit.
  static func board(_ db: Database, code: String?) throws -> PartyUnit? {
    if let code {
      guard
        let unit = try PartyUnit.fetchOne(
          db, sql: "SELECT * FROM units WHERE code = ?", arguments: [code])
      else { throw RegistryError.notFound(entity: "units", key: code) }
      return unit
    }
    return try PartyUnit.fetchOne(
      db,
      sql: """
        SELECT * FROM units
        WHERE code = 'BTC' OR (kind = 'advisory_board' AND fold(name) LIKE 'ban to chuc%')
        ORDER BY code = 'BTC' DESC, id LIMIT 1
        """)
  }

  /// The first document number in `text`: digits, a hyphen, letters, a slash, letters
  /// (`848-CV/HU`, `09-HD/BTCTU`).
  static func documentNumber(in text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }
    func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    var start = 0
    while start < scalars.count {
      guard isDigit(scalars[start]), start == 0 || !isDigit(scalars[start - 1]) else {
        start += 1
        continue
      }
      var index = start
      while index < scalars.count, isDigit(scalars[index]) { index += 1 }
      guard index < scalars.count, scalars[index] == "-" else {
        start = index
        continue
      }
      index += 1
      let letters = index
      while index < scalars.count, isLetter(scalars[index]) { index += 1 }
      guard index > letters, index < scalars.count, scalars[index] == "/" else {
        start = index
        continue
      }
      index += 1
      let office = index
      while index < scalars.count, isLetter(scalars[index]) { index += 1 }
      guard index > office else {
        start = index
        continue
      }
      var result = String.UnicodeScalarView()
      result.append(contentsOf: scalars[start..<index])
      return String(result)
    }
    return nil
  }

  /// "Thời hạn còn 14 ngày", "Hôm nay là ngày cuối của thời hạn", "Đã quá hạn 2 ngày".
  public func daysLeftText(_ days: Int) -> String {
    switch days {
    case ..<0: Message.reminderDaysOverdue(["days": -days], in: language)
    case 0: Message.reminderLastDay(in: language)
    case 1: Message.reminderOneDayLeft(in: language)
    default: Message.reminderDaysLeft(["days": days], in: language)
    }
  }

  /// "đồng chí Nguyễn Văn An".
  public func comrade(_ name: String) -> String {
    Message.reminderComrade(["name": name], in: language)
  }

  /// The values every template can use on `date`, with those of `deadline` when given:
  ///
  /// `year`, `campaign` (its title), `date` (dd/mm/yyyy), `date_iso`, `reference`,
  /// `reference_no`, `sender`, `sender_upper`; and `deadline`, `deadline_iso`, `deadline_name`,
  /// `days_left`, `days_left_text`.
  public func values(on date: Day, deadline: CampaignDeadline?) -> [String: String] {
    var values = [
      "year": String(campaign.year), "campaign": campaign.title, "date": date.vietnamese,
      "date_iso": date.iso, "reference": reference, "reference_no": referenceNumber,
      "sender": sender, "sender_upper": sender.uppercased(),
    ]
    if let deadline {
      let day = deadline.day(in: deadlines)
      let left = Deadlines.daysLeft(until: day, on: date)
      values["deadline"] = day.vietnamese
      values["deadline_iso"] = day.iso
      values["deadline_name"] = deadline.label(in: language)
      values["days_left"] = String(left)
      values["days_left_text"] = daysLeftText(left)
    }
    return values
  }
}
