/// A member of a campaign's appraisal team (table `panel_members`).
public struct PanelMember: RegistryRecord, Hashable {
  public static let databaseTableName = "panel_members"
  public var id: Int64?
  public var campaignId: Int64
  public var personId: Int64
  public var role: PanelRole
  /// Where the member works.
  public var agency: String?
  /// The member's own unit: the member never scores its registrations.
  public var unitId: Int64

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, campaignId: Int64, personId: Int64, role: PanelRole,
    agency: String? = nil, unitId: Int64
  ) {
    self.id = id
    self.campaignId = campaignId
    self.personId = personId
    self.role = role
    self.agency = agency
    self.unitId = unitId
  }
}
