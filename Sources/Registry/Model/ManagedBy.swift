import Messages

/// Which committee manages a party member's records.
public enum ManagedBy: String, RegistryCode {
  /// The District Standing Committee (BTV Huyện ủy).
  case btv
  /// The grassroots committee.
  case grassroots

  public var label: Message {
    switch self {
    case .btv: .managedByBTV
    case .grassroots: .managedByGrassroots
    }
  }
}
