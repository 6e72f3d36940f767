import Messages

/// The role of a member of the appraisal team.
public enum PanelRole: String, RegistryCode {
  case lead
  case deputy
  case member
  case secretary

  public var label: Message {
    switch self {
    case .lead: .roleLead
    case .deputy: .roleDeputy
    case .member: .roleMember
    case .secretary: .roleSecretary
    }
  }
}
