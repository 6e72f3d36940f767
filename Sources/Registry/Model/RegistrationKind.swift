import Messages

/// What is registered: a model, an approach, an initiative or a topic.
public enum RegistrationKind: String, RegistryCode {
  case model
  case approach
  case initiative
  case topic

  public var label: Message {
    switch self {
    case .model: .kindModel
    case .approach: .kindApproach
    case .initiative: .kindInitiative
    case .topic: .kindTopic
    }
  }
}
