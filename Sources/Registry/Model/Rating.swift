/// A yearly quality rating of a person or a collective (table `ratings`).
public struct Rating: RegistryRecord, Hashable {
  public static let databaseTableName = "ratings"
  public var id: Int64?
  public var personId: Int64?
  public var collectiveId: Int64?
  public var year: Int
  public var level: RatingLevel
  /// Number of the rating decision.
  public var decision: String?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, subject: Subject, year: Int, level: RatingLevel, decision: String? = nil
  ) {
    self.id = id
    self.personId = subject.personId
    self.collectiveId = subject.collectiveId
    self.year = year
    self.level = level
    self.decision = decision
  }

  /// The person or collective rated.
  public var subject: Subject { Subject(personId: personId, collectiveId: collectiveId)! }
}
