/// The reported value of one target (table `target_results`).
public struct TargetResult: RegistryRecord, Hashable {
  public static let databaseTableName = "target_results"
  public var id: Int64?
  public var reportId: Int64
  public var targetId: Int64
  public var actual: Double?
  /// Judged achieved; nil lets `actual >= planned` decide.
  public var achieved: Bool?
  public var note: String?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, reportId: Int64, targetId: Int64, actual: Double? = nil,
    achieved: Bool? = nil, note: String? = nil
  ) {
    self.id = id
    self.reportId = reportId
    self.targetId = targetId
    self.actual = actual
    self.achieved = achieved
    self.note = note
  }
}
