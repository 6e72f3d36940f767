/// The points given for one criterion on a score sheet (table `sheet_points`).
public struct SheetPoint: RegistryRecord, Hashable {
  public static let databaseTableName = "sheet_points"
  public var id: Int64?
  public var sheetId: Int64
  public var criterionId: Int64
  public var points: Double

  /// A record with these values; `id` is nil until it is inserted.
  public init(id: Int64? = nil, sheetId: Int64, criterionId: Int64, points: Double) {
    self.id = id
    self.sheetId = sheetId
    self.criterionId = criterionId
    self.points = points
  }
}
