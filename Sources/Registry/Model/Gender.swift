import Messages

/// A person's gender, as party records hold it.
public enum Gender: String, RegistryCode {
  case male
  case female

  public var label: Message {
    switch self {
    case .male: .genderMale
    case .female: .genderFemale
    }
  }
}
