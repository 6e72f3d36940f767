import Messages

/// The group of the letter a registration belongs to (column `grp`).
public enum RegistrationGroup: String, RegistryCode {
  /// A leadership collective.
  case collective
  /// A party member rated HTXS in the year.
  case htxsYear = "htxs_year"
  /// A party member rated HTXS five years in a row.
  case htxsFiveYears = "htxs_five_years"

  public var label: Message {
    switch self {
    case .collective: .groupCollective
    case .htxsYear: .groupHTXSYear
    case .htxsFiveYears: .groupHTXSFiveYears
    }
  }
}
