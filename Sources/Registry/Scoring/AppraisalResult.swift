/// The appraisal result of one registration, computed from its valid score sheets (complete,
/// not void) and its campaign's rules; nothing of it is stored.
///
///     let result = try Scoring.result(db, registration: 17)
///     result.total        // 84.2
///     result.level        // .pass
///     result.isQuorumMet  // true: 6 sheets of 7 members who may score it, 5 needed
///     result.isSpreadFlagged  // false
public struct AppraisalResult: Sendable, Equatable {
  public let registrationId: Int64
  public let code: String
  public let unitId: Int64
  public let year: Int
  public let receivedOn: Day?
  /// The valid sheets, by panel member.
  public let sheets: [SheetScore]
  /// The combined total: the mean, the trimmed mean, or what a combine function says; nil
  /// without sheets (or when the function says so).
  public let total: Double?
  /// How `total` was combined: `mean`, `trimmed_mean` or `custom`.
  public let combination: String
  /// Members of the campaign's team.
  public let teamSize: Int
  /// Members who may score this registration: the team without members from its own unit.
  public let eligibleMembers: Int
  /// Sheets needed: quorum_num/quorum_den of the eligible members, rounded up.
  public let quorum: Int
  /// The maximum minus the minimum sheet total; nil without sheets.
  public let spread: Double?
  /// The campaign's spread limit (20 by default).
  public let spreadLimit: Double
  /// Mean points per criterion code, in rubric order.
  public let criterionMeans: [(code: String, mean: Double)]
  /// The level of `total` with the campaign's thresholds; nil without total, and nil while the
  /// quorum is not met (a result from too few sheets is not a result yet).
  public let level: Outcome?

  /// Number of valid sheets.
  public var count: Int { sheets.count }
  /// Whether enough members scored it.
  public var isQuorumMet: Bool { sheets.count >= quorum && !sheets.isEmpty }
  /// Whether the sheets disagree by more than the spread limit.
  public var isSpreadFlagged: Bool { (spread ?? 0) > spreadLimit }

  /// The mean points of criterion `code`.
  public func mean(of code: String) -> Double? {
    criterionMeans.first { $0.code == code }?.mean
  }

  /// Equal when every field is equal.
  public static func == (lhs: AppraisalResult, rhs: AppraisalResult) -> Bool {
    lhs.registrationId == rhs.registrationId && lhs.sheets == rhs.sheets && lhs.total == rhs.total
      && lhs.combination == rhs.combination && lhs.teamSize == rhs.teamSize
      && lhs.eligibleMembers == rhs.eligibleMembers && lhs.quorum == rhs.quorum
      && lhs.spread == rhs.spread && lhs.level == rhs.level
      && lhs.criterionMeans.map(\.code) == rhs.criterionMeans.map(\.code)
      && lhs.criterionMeans.map(\.mean) == rhs.criterionMeans.map(\.mean)
  }
}

/// One valid score sheet, as combine functions see it.
public struct SheetScore: Sendable, Equatable {
  public let sheetId: Int64
  public let panelMemberId: Int64
  public let personId: Int64
  /// The member's name.
  public let member: String
  public let scoredOn: Day
  /// Points per criterion code, in rubric order.
  public let points: [(code: String, points: Double)]
  /// The sum of the points.
  public let total: Double

  /// Creates a value with these fields.
  public init(
    sheetId: Int64, panelMemberId: Int64, personId: Int64, member: String, scoredOn: Day,
    points: [(code: String, points: Double)]
  ) {
    self.sheetId = sheetId
    self.panelMemberId = panelMemberId
    self.personId = personId
    self.member = member
    self.scoredOn = scoredOn
    self.points = points
    self.total = points.reduce(0) { $0 + $1.points }
  }

  /// The points of criterion `code`.
  public func points(of code: String) -> Double? {
    points.first { $0.code == code }?.points
  }

  /// Equal when every field is equal.
  public static func == (lhs: SheetScore, rhs: SheetScore) -> Bool {
    lhs.sheetId == rhs.sheetId && lhs.total == rhs.total
      && lhs.points.map(\.code) == rhs.points.map(\.code)
      && lhs.points.map(\.points) == rhs.points.map(\.points)
  }
}
