/// Who registers or is rated: a person or a collective.
public enum Subject: Hashable, Sendable {
  case person(Int64)
  case collective(Int64)

  /// The person id, when the subject is a person.
  public var personId: Int64? {
    if case .person(let id) = self { return id }
    return nil
  }

  /// The collective id, when the subject is a collective.
  public var collectiveId: Int64? {
    if case .collective(let id) = self { return id }
    return nil
  }

  /// The subject of a row holding `person_id` and `collective_id`; nil when neither is set.
  public init?(personId: Int64?, collectiveId: Int64?) {
    if let personId {
      self = .person(personId)
    } else if let collectiveId {
      self = .collective(collectiveId)
    } else {
      return nil
    }
  }
}
