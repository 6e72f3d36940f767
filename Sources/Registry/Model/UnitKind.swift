import Messages

/// What kind of party organization a unit is.
public enum UnitKind: String, RegistryCode {
  /// Đảng bộ xã, thị trấn.
  case communeCommittee = "commune_committee"
  /// Đảng bộ cơ sở of an agency or the armed forces.
  case agencyCommittee = "agency_committee"
  /// Chi bộ cơ sở.
  case cell
  /// A cell under a grassroots committee (chi bộ trực thuộc).
  case subcell
  /// An advisory board of the District Committee (cơ quan tham mưu).
  case advisoryBoard = "advisory_board"

  public var label: Message {
    switch self {
    case .communeCommittee: .unitKindCommune
    case .agencyCommittee: .unitKindAgency
    case .cell: .unitKindCell
    case .subcell: .unitKindSubcell
    case .advisoryBoard: .unitKindAdvisory
    }
  }

  /// Whether units of this kind are grassroots party organizations, which register models and
  /// hold an HTXS quota.
  public var isGrassroots: Bool {
    self == .communeCommittee || self == .agencyCommittee || self == .cell
  }
}
