import Messages

/// Where a registration is in its lifecycle (DESIGN.md §2); see ``Lifecycle`` for the moves.
public enum RegistrationStatus: String, RegistryCode {
  case draft
  case submitted
  case returned
  case accepted
  case reported
  case underAppraisal = "under_appraisal"
  case scored
  case recognized
  case notPassed = "not_passed"
  case sentToBTV = "sent_to_btv"
  case withdrawn
  case notReported = "not_reported"
  case cancelled

  public var label: Message {
    switch self {
    case .draft: .statusDraft
    case .submitted: .statusSubmitted
    case .returned: .statusReturned
    case .accepted: .statusAccepted
    case .reported: .statusReported
    case .underAppraisal: .statusUnderAppraisal
    case .scored: .statusScored
    case .recognized: .statusRecognized
    case .notPassed: .statusNotPassed
    case .sentToBTV: .statusSentToBTV
    case .withdrawn: .statusWithdrawn
    case .notReported: .statusNotReported
    case .cancelled: .statusCancelled
    }
  }

  /// Whether the registration counts for its subject's one registration of the year: all but
  /// withdrawn and cancelled ones (the partial unique indexes of the schema say the same).
  public var isActive: Bool { self != .withdrawn && self != .cancelled }

  /// Whether no transition leaves this status.
  public var isFinal: Bool { Lifecycle.moves(from: self).isEmpty }
}
