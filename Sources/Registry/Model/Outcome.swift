import Messages

/// The recognition decided for a scored registration.
public enum Outcome: String, RegistryCode {
  case excellent
  case pass
  case notPassed = "not_passed"

  public var label: Message {
    switch self {
    case .excellent: .outcomeExcellent
    case .pass: .outcomePass
    case .notPassed: .outcomeNotPassed
    }
  }
}
