/// A person: a party member who registers, heads a collective or sits on the appraisal team
/// (table `people`).
public struct Person: RegistryRecord, Hashable {
  public static let databaseTableName = "people"
  public var id: Int64?
  /// e.g. `DV-0042`.
  public var code: String
  public var fullName: String
  /// `male` or `female`.
  public var gender: String?
  public var birthYear: Int?
  public var ethnicity: String?
  public var unitId: Int64
  public var partyPosition: String?
  public var governmentPosition: String?
  public var isCivilServant: Bool
  /// `btv` (managed by the District Standing Committee) or `grassroots`.
  public var managedBy: String?
  public var email: String?
  public var phone: String?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, code: String, fullName: String, gender: String? = nil,
    birthYear: Int? = nil, ethnicity: String? = nil, unitId: Int64,
    partyPosition: String? = nil, governmentPosition: String? = nil,
    isCivilServant: Bool = false, managedBy: String? = nil, email: String? = nil,
    phone: String? = nil
  ) {
    self.id = id
    self.code = code
    self.fullName = fullName
    self.gender = gender
    self.birthYear = birthYear
    self.ethnicity = ethnicity
    self.unitId = unitId
    self.partyPosition = partyPosition
    self.governmentPosition = governmentPosition
    self.isCivilServant = isCivilServant
    self.managedBy = managedBy
    self.email = email
    self.phone = phone
  }
}
