import Registry
import Testing

@Suite struct ReminderScheduleTests {
  let deadlines = Deadlines(
    d1: Day(iso: "2023-03-28")!, d2: Day(iso: "2023-11-15")!, d3: Day(iso: "2023-11-30")!)

  func firing(_ schedule: ReminderSchedule, _ iso: String) -> String? {
    schedule.firing(on: Day(iso: iso)!, deadlines: deadlines)?.iso
  }

  @Test func aFiringIsCurrentUntilTheNextOneAndNeverAfterTheDeadline() {
    let schedule = ReminderSchedule(deadline: .d1, offsets: [-3, -14, -7, -7])
    #expect(schedule.offsets == [-14, -7, -3])
    #expect(schedule.through == 0)
    #expect(schedule.days(in: deadlines).map(\.iso) == ["2023-03-14", "2023-03-21", "2023-03-25"])
    #expect(firing(schedule, "2023-03-13") == nil)
    #expect(firing(schedule, "2023-03-14") == "2023-03-14")
    #expect(firing(schedule, "2023-03-20") == "2023-03-14", "a missed day is caught up")
    #expect(firing(schedule, "2023-03-21") == "2023-03-21")
    #expect(firing(schedule, "2023-03-25") == "2023-03-25")
    #expect(firing(schedule, "2023-03-28") == "2023-03-25", "D1 is still before the deadline")
    #expect(firing(schedule, "2023-03-29") == nil)
  }

  @Test func dailySchedulesFireEachDayForThatDayOnly() {
    let schedule = ReminderSchedule.daily(.d3, from: -7, through: 0)
    #expect(schedule.offsets == Array(-7...0))
    #expect(firing(schedule, "2023-11-22") == nil)
    #expect(firing(schedule, "2023-11-23") == "2023-11-23")
    #expect(firing(schedule, "2023-11-27") == "2023-11-27")
    #expect(firing(schedule, "2023-11-30") == "2023-11-30")
    #expect(firing(schedule, "2023-12-01") == nil)
  }

  @Test func noticesAfterADeadlineStayCurrentForAWeek() {
    let schedule = ReminderSchedule(deadline: .d2, offsets: [1])
    #expect(schedule.through == 7)
    #expect(firing(schedule, "2023-11-15") == nil)
    #expect(firing(schedule, "2023-11-16") == "2023-11-16")
    #expect(firing(schedule, "2023-11-22") == "2023-11-16")
    #expect(firing(schedule, "2023-11-23") == nil)
    #expect(ReminderSchedule(deadline: .d2, offsets: [1], through: 2).through == 2)
    #expect(ReminderSchedule(deadline: .d2, offsets: [5], through: 2).through == 5)
  }

  @Test func theBuiltInRulesAreTheDesignsOffsets() {
    let rules = Dictionary(uniqueKeysWithValues: ReminderRule.builtIn.map { ($0.name, $0) })
    #expect(rules.count == 6)
    #expect(rules["no_registration"]?.schedule.deadline == .d1)
    #expect(rules["no_registration"]?.schedule.offsets == [-14, -7, -3])
    #expect(rules["no_report"]?.schedule.deadline == .d2)
    #expect(rules["no_report"]?.schedule.offsets == [-30, -14, -7])
    #expect(rules["missing_sheets"]?.schedule.deadline == .d3)
    #expect(rules["missing_sheets"]?.schedule.offsets == Array(-7...0))
    for (name, deadline) in [
      ("late_registrations", CampaignDeadline.d1), ("late_reports", .d2), ("late_sheets", .d3),
    ] {
      #expect(rules[name]?.schedule.deadline == deadline)
      #expect(rules[name]?.schedule.offsets == [1])
    }
  }
}
