/// A registration of a new model or creative approach (table `registrations`).
///
/// Change it through ``Registrations`` (validation, NFC, `title_folded`, audit) and
/// ``Lifecycle`` (status), not by writing the record directly.
public struct Registration: RegistryRecord, Hashable {
  public static let databaseTableName = "registrations"
  public var id: Int64?
  /// e.g. `DK-2023-017`.
  public var code: String
  public var campaignId: Int64
  public var personId: Int64?
  public var collectiveId: Int64?
  public var unitId: Int64
  public var grp: RegistrationGroup
  public var title: String
  /// `fold(title)`, kept in sync by ``Registrations``.
  public var titleFolded: String
  public var kind: RegistrationKind
  public var field: RegistrationField
  public var problem: String?
  public var solution: String?
  public var novelty: String?
  public var scope: String?
  public var startOn: Day?
  public var endOn: Day?
  public var docNo: String?
  public var docDate: Day?
  public var receivedOn: Day?
  public var proposedOn: Day?
  public var status: RegistrationStatus
  public var outcome: Outcome?
  public var notes: String?

  /// The person or collective registering.
  public var subject: Subject { Subject(personId: personId, collectiveId: collectiveId)! }

  /// A record with these values; `id` is nil until it is inserted.
  public init(
    id: Int64? = nil, code: String, campaignId: Int64, subject: Subject, unitId: Int64,
    grp: RegistrationGroup, title: String, kind: RegistrationKind, field: RegistrationField,
    problem: String? = nil, solution: String? = nil, novelty: String? = nil,
    scope: String? = nil, startOn: Day? = nil, endOn: Day? = nil, docNo: String? = nil,
    docDate: Day? = nil, receivedOn: Day? = nil, proposedOn: Day? = nil,
    status: RegistrationStatus = .draft, outcome: Outcome? = nil, notes: String? = nil
  ) {
    self.id = id
    self.code = code
    self.campaignId = campaignId
    self.personId = subject.personId
    self.collectiveId = subject.collectiveId
    self.unitId = unitId
    self.grp = grp
    self.title = title
    self.titleFolded = VietnameseText.fold(title)
    self.kind = kind
    self.field = field
    self.problem = problem
    self.solution = solution
    self.novelty = novelty
    self.scope = scope
    self.startOn = startOn
    self.endOn = endOn
    self.docNo = docNo
    self.docDate = docDate
    self.receivedOn = receivedOn
    self.proposedOn = proposedOn
    self.status = status
    self.outcome = outcome
    self.notes = notes
  }
}
