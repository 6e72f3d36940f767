/// When a reminder rule fires: days counted from one of the campaign's deadlines.
///
/// A rule fires on each of its days (`offsets`, in days from the deadline: −14 is two weeks
/// before). A firing stays *current* until the rule's next day, and at the latest until
/// `through` days from the deadline, so that a run missed on the day (a machine switched off)
/// still sends that reminder the next day, once; the reminder keeps the firing day as its due
/// date, and the outbox keeps each reminder once.
///
///     let schedule = ReminderSchedule(deadline: .d1, offsets: [-14, -7, -3])
///     schedule.firing(on: Day(iso: "2023-03-15")!, deadlines: d2023)  // 14/03/2023
///     schedule.firing(on: Day(iso: "2023-03-13")!, deadlines: d2023)  // nil: not yet
///     ReminderSchedule.daily(.d3, from: -7, through: 0)                // every day of the last week
public struct ReminderSchedule: Hashable, Sendable {
  /// The deadline the days count from.
  public var deadline: CampaignDeadline
  /// The firing days, in days from the deadline, ascending and without repeats.
  public var offsets: [Int]
  /// The last day, in days from the deadline, on which the last firing is still current.
  public var through: Int

  /// A schedule firing at `offsets` days from `deadline`.
  ///
  /// - Parameters:
  ///   - offsets: Days from the deadline (any order; repeats are dropped).
  ///   - through: The last day a firing stays current; by default the deadline itself for
  ///     reminders before it, and six days after the last firing for notices after it.
  public init(deadline: CampaignDeadline, offsets: [Int], through: Int? = nil) {
    self.deadline = deadline
    self.offsets = Array(Set(offsets)).sorted()
    let last = self.offsets.last ?? 0
    self.through = max(last, through ?? (last <= 0 ? 0 : last + 6))
  }

  /// Every day from `from` through `through` days from `deadline`: each day is its own
  /// firing, current for that day only.
  public static func daily(_ deadline: CampaignDeadline, from: Int, through: Int)
    -> ReminderSchedule
  {
    ReminderSchedule(deadline: deadline, offsets: Array(min(from, through)...max(from, through)))
  }

  /// The firing days of this schedule among `deadlines`, in order.
  public func days(in deadlines: Deadlines) -> [Day] {
    let base = deadline.day(in: deadlines)
    return offsets.map { base.adding(days: $0) }
  }

  /// The firing current on `date`: the latest firing day on or before `date`, while it is
  /// current (before the next firing day, and no later than `through`); nil otherwise.
  public func firing(on date: Day, deadlines: Deadlines) -> Day? {
    let base = deadline.day(in: deadlines)
    let offset = date - base
    guard offset <= through, let current = offsets.last(where: { $0 <= offset }) else {
      return nil
    }
    return base.adding(days: current)
  }
}
