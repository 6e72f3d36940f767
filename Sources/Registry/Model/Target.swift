/// A measurable target of a registration (table `targets`).
public struct Target: RegistryRecord, Hashable {
  public static let databaseTableName = "targets"
  public var id: Int64?
  public var registrationId: Int64
  /// Order within the registration, from 1.
  public var seq: Int
  public var description: String
  /// Unit of measure: `hộ`, `%`, `ha`…
  public var measure: String?
  /// The registered value.
  public var planned: Double?

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, registrationId: Int64, seq: Int, description: String,
    measure: String? = nil, planned: Double? = nil
  ) {
    self.id = id
    self.registrationId = registrationId
    self.seq = seq
    self.description = description
    self.measure = measure
    self.planned = planned
  }
}
