import Messages

/// The bloc (khối) a unit belongs to, for statistics.
public enum Bloc: String, RegistryCode {
  case commune
  case partyMass = "party_mass"
  case government
  case armedForces = "armed_forces"
  case justice
  case publicService = "public_service"
  case vertical

  public var label: Message {
    switch self {
    case .commune: .blocCommune
    case .partyMass: .blocPartyMass
    case .government: .blocGovernment
    case .armedForces: .blocArmedForces
    case .justice: .blocJustice
    case .publicService: .blocPublicService
    case .vertical: .blocVertical
    }
  }
}
