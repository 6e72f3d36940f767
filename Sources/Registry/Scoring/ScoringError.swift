import Messages

/// What is wrong with a rubric or a score sheet, naming the member, the registration and the
/// criterion.
///
///     ScoringError.pointsAboveMaximum(member: "Lê Minh Đức", registration: "DK-2023-017",
///                                     criterion: "TC1", points: 27, max: 25).message(in: .en)
///     // "score sheet of Lê Minh Đức for DK-2023-017: TC1 has 27 points, more than its 25"
public enum ScoringError: LocalizedFailure, Equatable {
  case emptyRubric(year: Int)
  case duplicateCriterion(year: Int, criterion: String)
  case badCriterionMaximum(year: Int, criterion: String)
  case badBand(
    year: Int, criterion: String, label: String, min: Double, max: Double, criterionMax: Double)
  case overlappingBands(year: Int, criterion: String, first: String, second: String)
  case noRubric(year: Int)
  case rubricInUse(year: Int, sheets: Int)
  case notAPanelMember(member: String, year: Int)
  case ownUnit(member: String, registration: String, unit: String)
  case notReported(member: String, registration: String, status: RegistrationStatus)
  case alreadyScored(member: String, registration: String)
  case unknownCriterion(member: String, registration: String, criterion: String, known: [String])
  case missingCriterion(member: String, registration: String, criterion: String)
  case pointsAboveMaximum(
    member: String, registration: String, criterion: String, points: Double, max: Double)
  case negativePoints(member: String, registration: String, criterion: String, points: Double)
  case pointsOutsideBands(
    member: String, registration: String, criterion: String, points: Double, bands: String)

  /// The message in `language`.
  public func message(in language: Language) -> String {
    func number(_ value: Double) -> String { Scoring.format(value) }
    switch self {
    case .emptyRubric(let year):
      return Message.scoringEmptyRubric(["year": year], in: language)
    case .duplicateCriterion(let year, let criterion):
      return Message.scoringDuplicateCriterion(
        ["year": year, "criterion": criterion], in: language)
    case .badCriterionMaximum(let year, let criterion):
      return Message.scoringBadMaximum(["year": year, "criterion": criterion], in: language)
    case .badBand(let year, let criterion, let label, let min, let max, let criterionMax):
      return Message.scoringBadBand(
        [
          "year": year, "criterion": criterion, "label": label, "min": number(min),
          "max": number(max), "criterionMax": number(criterionMax),
        ], in: language)
    case .overlappingBands(let year, let criterion, let first, let second):
      return Message.scoringOverlappingBands(
        ["year": year, "criterion": criterion, "first": first, "second": second], in: language)
    case .noRubric(let year):
      return Message.scoringNoRubric(["year": year], in: language)
    case .rubricInUse(let year, let sheets):
      return Message.scoringRubricInUse(["year": year, "sheets": sheets], in: language)
    case .notAPanelMember(let member, let year):
      return Message.scoringNotAMember(["member": member, "year": year], in: language)
    case .ownUnit(let member, let registration, let unit):
      return Message.scoringOwnUnit(
        ["member": member, "registration": registration, "unit": unit], in: language)
    case .notReported(let member, let registration, let status):
      return Message.scoringNotReported(
        [
          "member": member, "registration": registration,
          "status": RegistryError.quoted(status, in: language),
        ], in: language)
    case .alreadyScored(let member, let registration):
      return Message.scoringAlreadyScored(
        ["member": member, "registration": registration], in: language)
    case .unknownCriterion(let member, let registration, let criterion, let known):
      return Message.scoringUnknownCriterion(
        [
          "member": member, "registration": registration, "criterion": criterion,
          "known": known.joined(separator: ", "),
        ], in: language)
    case .missingCriterion(let member, let registration, let criterion):
      return Message.scoringMissingCriterion(
        ["member": member, "registration": registration, "criterion": criterion], in: language)
    case .pointsAboveMaximum(let member, let registration, let criterion, let points, let max):
      return Message.scoringAboveMaximum(
        [
          "member": member, "registration": registration, "criterion": criterion,
          "points": number(points), "max": number(max),
        ], in: language)
    case .negativePoints(let member, let registration, let criterion, let points):
      return Message.scoringNegative(
        [
          "member": member, "registration": registration, "criterion": criterion,
          "points": number(points),
        ], in: language)
    case .pointsOutsideBands(let member, let registration, let criterion, let points, let bands):
      return Message.scoringOutsideBands(
        [
          "member": member, "registration": registration, "criterion": criterion,
          "points": number(points), "bands": bands,
        ], in: language)
    }
  }
}
