import Messages

/// The field of work a registration belongs to.
public enum RegistrationField: String, RegistryCode {
  case partyBuilding = "party_building"
  case economy
  case cultureSociety = "culture_society"
  case defenceSecurity = "defence_security"
  case adminReform = "admin_reform"
  case massMobilization = "mass_mobilization"

  public var label: Message {
    switch self {
    case .partyBuilding: .fieldPartyBuilding
    case .economy: .fieldEconomy
    case .cultureSociety: .fieldCultureSociety
    case .defenceSecurity: .fieldDefenceSecurity
    case .adminReform: .fieldAdminReform
    case .massMobilization: .fieldMassMobilization
    }
  }
}
