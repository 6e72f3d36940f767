import Messages

/// One of a campaign's three deadlines, which reminder rules count their days from.
///
///     CampaignDeadline.d1.day(in: Deadlines(campaign2023))  // 28/03/2023
public enum CampaignDeadline: String, Sendable, CaseIterable, Hashable {
  /// Last day for registrations.
  case d1
  /// Last day for results reports.
  case d2
  /// Last day of the appraisal.
  case d3

  /// The day of this deadline among `deadlines`.
  public func day(in deadlines: Deadlines) -> Day {
    switch self {
    case .d1: deadlines.d1
    case .d2: deadlines.d2
    case .d3: deadlines.d3
    }
  }

  /// What the deadline is for, as a letter says it: "hạn gửi đăng ký mô hình mới…".
  public var label: Message {
    switch self {
    case .d1: .reminderDeadlineD1
    case .d2: .reminderDeadlineD2
    case .d3: .reminderDeadlineD3
    }
  }
}
