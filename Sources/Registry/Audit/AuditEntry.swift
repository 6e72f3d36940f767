/// One entry of the audit log (table `audit_log`): who changed what, when, on which document.
public struct AuditEntry: RegistryRecord, Hashable {
  public static let databaseTableName = "audit_log"
  public var id: Int64?
  /// When recorded, UTC `YYYY-MM-DDTHH:MM:SSZ`.
  public var at: String
  /// The date the change takes effect.
  public var onDate: Day?
  public var actor: String
  /// The table changed.
  public var entity: String
  public var entityId: Int64?
  /// `insert`, `update`, `delete`, `transition` or `import`.
  public var action: String
  /// JSON object of the changed columns before the change.
  public var before: String?
  /// JSON object of the changed columns after the change.
  public var after: String?
  public var document: String?
  public var note: String?
}
