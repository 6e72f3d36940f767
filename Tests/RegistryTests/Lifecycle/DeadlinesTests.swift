import GRDB
import Registry
import Testing

@Suite struct DeadlinesTests {
  let d = { (text: String) in Day(iso: text)! }
  var deadlines2023: Deadlines {
    Deadlines(d1: d("2023-03-28"), d2: d("2023-11-15"), d3: d("2023-11-30"), reportGraceDays: 7)
  }

  @Test func theDeadlineDayItselfIsOnTime() {
    #expect(deadlines2023.registrationDaysLate(received: d("2023-03-28")) == 0)
    #expect(deadlines2023.isRegistrationOnTime(received: d("2023-03-28")))
    #expect(deadlines2023.registrationDaysLate(received: d("2023-03-29")) == 1)
    #expect(!deadlines2023.isRegistrationOnTime(received: d("2023-03-29")))
    #expect(deadlines2023.registrationDaysLate(received: d("2023-02-20")) == 0)
    #expect(deadlines2023.reportDaysLate(submitted: d("2023-11-15")) == 0)
    #expect(deadlines2023.reportDaysLate(submitted: d("2023-11-16")) == 1)
  }

  @Test func daysLateCountAcrossMonthEnds() {
    // D1 28/03: 29, 30, 31 March, 1 and 2 April.
    #expect(deadlines2023.registrationDaysLate(received: d("2023-04-02")) == 5)
    // D2 15/11 to 02/12: 15 days of November after the 15th, 2 of December.
    #expect(deadlines2023.reportDaysLate(submitted: d("2023-12-02")) == 17)
    #expect(Deadlines.daysLate(d("2023-03-01"), deadline: d("2023-02-28")) == 1)
    #expect(Deadlines.daysLate(d("2024-03-01"), deadline: d("2024-02-28")) == 2)
  }

  @Test func daysLateCountAcrossYearEnds() {
    let yearEnd = Deadlines(d1: d("2023-06-30"), d2: d("2023-12-31"), d3: d("2024-01-10"))
    #expect(yearEnd.reportDaysLate(submitted: d("2024-01-02")) == 2)
    #expect(yearEnd.reportDaysLate(submitted: d("2023-12-31")) == 0)
    #expect(Deadlines.daysLeft(until: yearEnd.d3, on: d("2023-12-28")) == 13)
    #expect(yearEnd.d3.adding(days: -7) == d("2024-01-03"))
    #expect(Day(iso: "2024-01-05")!.adding(days: -7) == d("2023-12-29"))
  }

  @Test func reminderDaysBeforeEachDeadline() {
    #expect(deadlines2023.d1.adding(days: -14) == d("2023-03-14"))
    #expect(deadlines2023.d1.adding(days: -7) == d("2023-03-21"))
    #expect(deadlines2023.d1.adding(days: -30) == d("2023-02-26"))
    #expect(deadlines2023.d2.adding(days: -30) == d("2023-10-16"))
    #expect(deadlines2023.d2.adding(days: -14) == d("2023-11-01"))
    #expect(deadlines2023.d3.adding(days: -7) == d("2023-11-23"))
    #expect(Deadlines.daysLeft(until: deadlines2023.d3, on: d("2023-11-30")) == 0)
    #expect(Deadlines.daysLeft(until: deadlines2023.d3, on: d("2023-12-01")) == -1)
  }

  @Test func reportsAreOverdueOnlyAfterTheGraceDays() {
    #expect(!deadlines2023.isReportOverdue(on: d("2023-11-15")))
    #expect(!deadlines2023.isReportOverdue(on: d("2023-11-22")))
    #expect(deadlines2023.isReportOverdue(on: d("2023-11-23")))
    let noGrace = Deadlines(d1: d("2023-03-28"), d2: d("2023-11-30"), d3: d("2023-12-15"))
    #expect(noGrace.isReportOverdue(on: d("2023-12-01")))
  }
}
