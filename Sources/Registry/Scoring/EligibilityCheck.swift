import Messages

/// One named eligibility check of one registration (DESIGN.md §4), passed or failed with the
/// reason.
///
///     let failed = try Eligibility.checks(db, year: 2023, on: Day(iso: "2023-12-01")!)
///       .filter { !$0.passed }
///     failed.first?.message(in: .en)
///     // "DK-2023-041: the five-year group needs HTXS in 2019–2022; 2021: HTT"
public struct EligibilityCheck: Sendable, Equatable {
  /// The checks, by name.
  public enum Name: String, Sendable, CaseIterable {
    /// The five-year group has HTXS for the four previous years.
    case fiveYearStreak = "five_year_streak"
    /// A registration proposed for HTXS has its results report by D2.
    case reportByD2 = "report_by_d2"
    /// A registration proposed for HTXS has its result (a quorum of sheets) by D3.
    case resultByD3 = "result_by_d3"
    /// At most one active registration per subject and year.
    case oneActive = "one_active"
    /// HTXS proposals of a grassroots organization within its quota (20 % of HTT).
    case htxsQuota = "htxs_quota"
    /// The title is close to an earlier registration's (another year, or another unit).
    case possibleReuse = "possible_reuse"
    /// A collective names its head.
    case collectiveHead = "collective_head"
  }

  /// Why a check failed.
  public enum Problem: Sendable, Equatable {
    case missingYears(from: Int, to: Int, years: [(year: Int, level: RatingLevel?)])
    case noReport(deadline: Day)
    case lateReport(submitted: Day, deadline: Day)
    case noResult(deadline: Day, sheets: Int, quorum: Int)
    case severalActive(subject: String, year: Int, codes: [String])
    case overQuota(unit: String, proposals: Int, quota: Int, percent: Double, htt: Int, year: Int)
    case reuse(other: String, year: Int, unit: String, title: String, similarity: Double)
    case noHead(collective: String)

    /// Equal when every field is equal.
    public static func == (lhs: Problem, rhs: Problem) -> Bool {
      switch (lhs, rhs) {
      case (.missingYears(let a, let b, let c), .missingYears(let x, let y, let z)):
        return a == x && b == y && c.map(\.year) == z.map(\.year)
          && c.map(\.level) == z.map(\.level)
      case (.noReport(let a), .noReport(let x)): return a == x
      case (.lateReport(let a, let b), .lateReport(let x, let y)): return a == x && b == y
      case (.noResult(let a, let b, let c), .noResult(let x, let y, let z)):
        return a == x && b == y && c == z
      case (.severalActive(let a, let b, let c), .severalActive(let x, let y, let z)):
        return a == x && b == y && c == z
      case (
        .overQuota(let a, let b, let c, let d, let e, let f),
        .overQuota(let u, let v, let w, let x, let y, let z)
      ):
        return a == u && b == v && c == w && d == x && e == y && f == z
      case (.reuse(let a, let b, let c, let d, let e), .reuse(let v, let w, let x, let y, let z)):
        return a == v && b == w && c == x && d == y && e == z
      case (.noHead(let a), .noHead(let x)): return a == x
      default: return false
      }
    }
  }

  public let name: Name
  public let registrationId: Int64
  public let code: String
  /// nil when the check passed.
  public let problem: Problem?

  public var passed: Bool { problem == nil }

  /// Creates a value with these fields.
  public init(name: Name, registrationId: Int64, code: String, problem: Problem?) {
    self.name = name
    self.registrationId = registrationId
    self.code = code
    self.problem = problem
  }

  /// What failed, naming the registration; "ok" words when it passed.
  public func message(in language: Language = .current) -> String {
    guard let problem else {
      return Message.checkPassed(["code": code, "check": name.rawValue], in: language)
    }
    switch problem {
    case .missingYears(let from, let to, let years):
      let detail = years.map { item in
        "\(item.year): " + (item.level?.rawValue ?? Message.checkNoRating(in: language))
      }.joined(separator: ", ")
      return Message.checkFiveYears(
        ["code": code, "from": from, "to": to, "years": detail], in: language)
    case .noReport(let deadline):
      return Message.checkNoReport(["code": code, "deadline": deadline.vietnamese], in: language)
    case .lateReport(let submitted, let deadline):
      return Message.checkLateReport(
        [
          "code": code, "date": submitted.vietnamese, "days": submitted - deadline,
          "deadline": deadline.vietnamese,
        ], in: language)
    case .noResult(let deadline, let sheets, let quorum):
      return Message.checkNoResult(
        ["code": code, "deadline": deadline.vietnamese, "sheets": sheets, "quorum": quorum],
        in: language)
    case .severalActive(let subject, let year, let codes):
      return Message.checkSeveralActive(
        [
          "code": code, "subject": subject, "year": year, "count": codes.count,
          "codes": codes.joined(separator: ", "),
        ], in: language)
    case .overQuota(let unit, let proposals, let quota, let percent, let htt, let year):
      return Message.checkOverQuota(
        [
          "code": code, "unit": unit, "proposals": proposals, "quota": quota,
          "percent": Scoring.format(percent), "htt": htt, "year": year,
        ], in: language)
    case .reuse(let other, let year, let unit, let title, let similarity):
      return Message.checkReuse(
        [
          "code": code, "other": other, "year": year, "unit": unit, "title": title,
          "similarity": Int((similarity * 100).rounded()),
        ], in: language)
    case .noHead(let collective):
      return Message.checkNoHead(["code": code, "collective": collective], in: language)
    }
  }
}
