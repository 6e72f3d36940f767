/// One panel member's score sheet for one registration (table `score_sheets`); its points per
/// criterion are ``SheetPoint`` rows.
public struct ScoreSheet: RegistryRecord, Hashable {
  public static let databaseTableName = "score_sheets"
  public var id: Int64?
  public var registrationId: Int64
  public var panelMemberId: Int64
  public var rubricId: Int64
  public var scoredOn: Day
  public var comment: String?
  /// Set when the sheet is voided; void sheets do not count.
  public var voidReason: String?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, registrationId: Int64, panelMemberId: Int64, rubricId: Int64,
    scoredOn: Day, comment: String? = nil, voidReason: String? = nil
  ) {
    self.id = id
    self.registrationId = registrationId
    self.panelMemberId = panelMemberId
    self.rubricId = rubricId
    self.scoredOn = scoredOn
    self.comment = comment
    self.voidReason = voidReason
  }
}
