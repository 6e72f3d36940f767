/// A grassroots party organization, one of its cells, or an advisory board (table `units`).
///
/// Named `PartyUnit` in Swift because Foundation already has a `Unit`; Lua and SQL call it
/// `unit`.
public struct PartyUnit: RegistryRecord, Hashable {
  public static let databaseTableName = "units"
  public var id: Int64?
  /// Short code, e.g. `DS` for Đảng bộ xã Đạ Sar.
  public var code: String
  public var name: String
  public var kind: UnitKind
  public var bloc: Bloc?
  public var parentId: Int64?
  /// Party members.
  public var memberCount: Int
  public var validFrom: Day?
  public var validTo: Day?
  public var email: String?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, code: String, name: String, kind: UnitKind, bloc: Bloc? = nil,
    parentId: Int64? = nil, memberCount: Int = 0, validFrom: Day? = nil, validTo: Day? = nil,
    email: String? = nil
  ) {
    self.id = id
    self.code = code
    self.name = name
    self.kind = kind
    self.bloc = bloc
    self.parentId = parentId
    self.memberCount = memberCount
    self.validFrom = validFrom
    self.validTo = validTo
    self.email = email
  }
}
