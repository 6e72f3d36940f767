/// A leadership collective (table `collectives`), e.g. "Ban Thường vụ Đảng ủy xã Đạ Sar".
public struct Collective: RegistryRecord, Hashable {
  public static let databaseTableName = "collectives"
  public var id: Int64?
  /// e.g. `TT-DS-1`.
  public var code: String
  public var name: String
  public var unitId: Int64
  /// The person who leads it.
  public var headId: Int64?

  /// A record with these values; `id` is nil until it is inserted.
  public init(id: Int64? = nil, code: String, name: String, unitId: Int64, headId: Int64? = nil) {
    self.id = id
    self.code = code
    self.name = name
    self.unitId = unitId
    self.headId = headId
  }
}
