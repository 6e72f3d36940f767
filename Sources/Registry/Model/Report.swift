/// The results report of a registration (table `reports`); one per registration.
public struct Report: RegistryRecord, Hashable {
  public static let databaseTableName = "reports"
  public var id: Int64?
  public var registrationId: Int64
  /// Compared with D2.
  public var submittedOn: Day
  public var summary: String?
  public var effectiveness: String?
  public var replicability: String?
  public var confirmedBy: String?
  public var confirmedOn: Day?
  /// One item per line.
  public var evidence: String?
  public var notes: String?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, registrationId: Int64, submittedOn: Day, summary: String? = nil,
    effectiveness: String? = nil, replicability: String? = nil, confirmedBy: String? = nil,
    confirmedOn: Day? = nil, evidence: String? = nil, notes: String? = nil
  ) {
    self.id = id
    self.registrationId = registrationId
    self.submittedOn = submittedOn
    self.summary = summary
    self.effectiveness = effectiveness
    self.replicability = replicability
    self.confirmedBy = confirmedBy
    self.confirmedOn = confirmedOn
    self.evidence = evidence
    self.notes = notes
  }
}
