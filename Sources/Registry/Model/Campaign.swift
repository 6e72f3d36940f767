import GRDB

/// One registration year: its deadlines and rules (table `campaigns`).
///
/// The 2023 campaign of letter 848-CV/HU: D1 28/03/2023, D2 15/11/2023, D3 30/11/2023.
public struct Campaign: RegistryRecord, Hashable {
  public static let databaseTableName = "campaigns"
  public var id: Int64?
  public var year: Int
  public var title: String
  /// Basis documents.
  public var basis: String?
  /// Rating rules in force.
  public var ruleSet: String?
  public var openedOn: Day?
  /// D1: last day on which a registration is on time.
  public var d1Registration: Day
  /// D2: last day on which a results report is on time.
  public var d2Report: Day
  /// D3: last day of the appraisal.
  public var d3Appraisal: Day
  public var btvReviewOn: Day?
  /// Days after D2 before a missing report makes a registration 'not_reported'.
  public var reportGraceDays: Int
  /// Whether registrations received after D1 may still be accepted.
  public var lateAccepted: Bool
  public var excellentMin: Double
  public var passMin: Double
  public var spreadLimit: Double
  public var quorumNum: Int
  public var quorumDen: Int
  /// `mean` or `trimmed_mean`.
  public var combine: String
  public var trimMinSheets: Int
  public var htxsQuotaPercent: Double
  public var notes: String?

  /// A campaign with the defaults of DESIGN.md §4.
  public init(
    id: Int64? = nil, year: Int, title: String, basis: String? = nil, ruleSet: String? = nil,
    openedOn: Day? = nil, d1Registration: Day, d2Report: Day, d3Appraisal: Day,
    btvReviewOn: Day? = nil, reportGraceDays: Int = 0, lateAccepted: Bool = true,
    excellentMin: Double = 85, passMin: Double = 70, spreadLimit: Double = 20,
    quorumNum: Int = 2, quorumDen: Int = 3, combine: String = "mean", trimMinSheets: Int = 5,
    htxsQuotaPercent: Double = 20, notes: String? = nil
  ) {
    self.id = id
    self.year = year
    self.title = title
    self.basis = basis
    self.ruleSet = ruleSet
    self.openedOn = openedOn
    self.d1Registration = d1Registration
    self.d2Report = d2Report
    self.d3Appraisal = d3Appraisal
    self.btvReviewOn = btvReviewOn
    self.reportGraceDays = reportGraceDays
    self.lateAccepted = lateAccepted
    self.excellentMin = excellentMin
    self.passMin = passMin
    self.spreadLimit = spreadLimit
    self.quorumNum = quorumNum
    self.quorumDen = quorumDen
    self.combine = combine
    self.trimMinSheets = trimMinSheets
    self.htxsQuotaPercent = htxsQuotaPercent
    self.notes = notes
  }

  /// The campaign of `year`, if any.
  ///
  /// - Throws: a `DatabaseError` when SQLite fails.
  public static func fetch(_ db: GRDB.Database, year: Int) throws -> Campaign? {
    try Campaign.fetchOne(db, sql: "SELECT * FROM campaigns WHERE year = ?", arguments: [year])
  }
}
