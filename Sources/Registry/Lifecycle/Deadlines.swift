/// A campaign's deadlines and the facts derived from them: days late, on time or late,
/// overdue reports, reminder days. Nothing here is stored: it is computed from the dates.
///
/// A deadline day itself is on time: a registration received on D1 is not late, one received
/// the day after is one day late.
///
///     let deadlines = Deadlines(campaign)           // 2023: D1 28/03, D2 15/11, D3 30/11
///     deadlines.registrationDaysLate(received: Day(iso: "2023-04-02")!)  // 5
///     deadlines.d1.adding(days: -14)                 // 14/03/2023, first reminder
public struct Deadlines: Hashable, Sendable {
  /// Last day for registrations.
  public let d1: Day
  /// Last day for results reports.
  public let d2: Day
  /// Last day of the appraisal.
  public let d3: Day
  /// Days after D2 before a missing report counts as not reported.
  public let reportGraceDays: Int

  /// Creates a value with these fields.
  public init(d1: Day, d2: Day, d3: Day, reportGraceDays: Int = 0) {
    self.d1 = d1
    self.d2 = d2
    self.d3 = d3
    self.reportGraceDays = reportGraceDays
  }

  /// The deadlines of `campaign`.
  public init(_ campaign: Campaign) {
    self.init(
      d1: campaign.d1Registration, d2: campaign.d2Report, d3: campaign.d3Appraisal,
      reportGraceDays: campaign.reportGraceDays)
  }

  /// Days after `deadline` on which `day` falls; 0 when on time.
  ///
  ///     Deadlines.daysLate(Day(iso: "2024-01-02")!, deadline: Day(iso: "2023-12-31")!)  // 2
  public static func daysLate(_ day: Day, deadline: Day) -> Int {
    max(0, day - deadline)
  }

  /// Days a registration received on `received` is late against D1.
  public func registrationDaysLate(received: Day) -> Int {
    Deadlines.daysLate(received, deadline: d1)
  }

  /// Days a report submitted on `submitted` is late against D2.
  public func reportDaysLate(submitted: Day) -> Int {
    Deadlines.daysLate(submitted, deadline: d2)
  }

  /// Whether a registration received on `received` is on time.
  public func isRegistrationOnTime(received: Day) -> Bool { received <= d1 }

  /// Whether a report submitted on `submitted` is on time.
  public func isReportOnTime(submitted: Day) -> Bool { submitted <= d2 }

  /// Whether, on `date`, a missing report is overdue: after D2 plus the grace days.
  public func isReportOverdue(on date: Day) -> Bool {
    date > d2.adding(days: reportGraceDays)
  }

  /// Days left until `deadline` on `date`: 0 on the day, negative after.
  public static func daysLeft(until deadline: Day, on date: Day) -> Int {
    deadline - date
  }
}
