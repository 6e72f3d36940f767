import Messages

/// How one table reads and writes as CSV: its columns with the headers analysts use, in
/// Vietnamese and English, and the columns that find an existing row on re-import.
///
///     CSVTableSpec.spec(for: "registrations")?.column(header: "Tên mô hình")?.key  // "title"
public struct CSVTableSpec: Sendable {
  /// A column of the file.
  public struct Column: Sendable {
    /// The value's name for ``Records``: a column (`title`), a relation (`unit`), `year` or
    /// `subject`.
    public let key: String
    public let vi: String
    public let en: String
    /// Other headers accepted on import.
    public let aliases: [String]
    /// What an exported cell shows: the value, or for a relation the related record's key
    /// (`code`, `year`) or name.
    public let export: Export
    /// A name shown next to a code (`Họ và tên` beside `Mã cá nhân`): on import it is used
    /// only when the file has no code column for the same relation.
    public let isDisplay: Bool

    /// How a column is exported.
    public enum Export: Sendable, Equatable {
      case value
      case related(table: String, column: String, via: String)
    }

    init(
      _ key: String, vi: String, en: String, aliases: [String] = [], export: Export = .value,
      isDisplay: Bool = false
    ) {
      self.key = key
      self.vi = vi
      self.en = en
      self.aliases = aliases
      self.export = export
      self.isDisplay = isDisplay
    }

    /// The header in `language`.
    public func header(in language: Language) -> String { language == .vi ? vi : en }
  }

  public let table: String
  public let columns: [Column]
  /// The stored columns that identify a row for re-import (`code`; `campaign_id, person_id`…).
  public let identity: [[String]]
  /// Whether rows of this table can be imported (some are exported only).
  public let isImportable: Bool

  /// The column a header names: its Vietnamese or English header, an alias, or the key itself,
  /// compared accent- and case-insensitively.
  public func column(header: String) -> Column? {
    let folded = VietnameseText.fold(header)
    // Headers first, then aliases, then keys: "Collective" is the name column, not the code
    // column whose key is `collective`.
    return columns.first { [$0.vi, $0.en].contains { VietnameseText.fold($0) == folded } }
      ?? columns.first { $0.aliases.contains { VietnameseText.fold($0) == folded } }
      ?? columns.first { !$0.isDisplay && VietnameseText.fold($0.key) == folded }
  }

  /// The spec of `table`: a hand-made one for the tables analysts exchange, otherwise one
  /// column per stored column, exported only.
  public static func spec(for table: String) -> CSVTableSpec? {
    if let spec = specs.first(where: { $0.table == table }) { return spec }
    guard let entity = Schema.current.entity(table) else { return nil }
    return CSVTableSpec(
      table: table,
      columns: entity.columns.map { Column($0.name, vi: $0.name, en: $0.name) },
      identity: [], isImportable: false)
  }

  static func code(
    _ relation: String, table: String, vi: String, en: String, aliases: [String] = []
  )
    -> Column
  {
    Column(
      relation, vi: vi, en: en, aliases: aliases,
      export: .related(table: table, column: "code", via: "\(relation)_id"))
  }

  static func name(
    _ relation: String, table: String, column: String = "name", vi: String, en: String,
    aliases: [String] = []
  ) -> Column {
    Column(
      relation, vi: vi, en: en, aliases: aliases,
      export: .related(table: table, column: column, via: "\(relation)_id"), isDisplay: true)
  }

  static func year(_ vi: String = "Năm", _ en: String = "Year") -> Column {
    Column(
      "year", vi: vi, en: en, aliases: ["Năm đăng ký"],
      export: .related(table: "campaigns", column: "year", via: "campaign_id"))
  }

  static let specs: [CSVTableSpec] = [
    CSVTableSpec(
      table: "units",
      columns: [
        Column("code", vi: "Mã đơn vị", en: "Code", aliases: ["Mã", "Ký hiệu"]),
        Column("name", vi: "Tên đơn vị", en: "Name", aliases: ["Đơn vị", "Tên"]),
        Column("kind", vi: "Loại tổ chức", en: "Kind", aliases: ["Loại"]),
        Column("bloc", vi: "Khối", en: "Bloc"),
        code("parent", table: "units", vi: "Đơn vị cấp trên", en: "Parent"),
        Column("member_count", vi: "Số đảng viên", en: "Members", aliases: ["Đảng viên"]),
        Column("valid_from", vi: "Hiệu lực từ", en: "Valid from"),
        Column("valid_to", vi: "Hiệu lực đến", en: "Valid to"),
        Column("email", vi: "Thư điện tử", en: "Email", aliases: ["Email"]),
      ], identity: [["code"]], isImportable: true),
    CSVTableSpec(
      table: "people",
      columns: [
        Column("code", vi: "Mã cá nhân", en: "Code", aliases: ["Mã", "Mã đảng viên"]),
        Column("full_name", vi: "Họ và tên", en: "Full name", aliases: ["Họ tên", "Tên", "Name"]),
        Column("gender", vi: "Giới tính", en: "Gender"),
        Column("birth_year", vi: "Năm sinh", en: "Birth year"),
        Column("ethnicity", vi: "Dân tộc", en: "Ethnicity"),
        code("unit", table: "units", vi: "Mã đơn vị", en: "Unit code"),
        name("unit", table: "units", vi: "Đơn vị", en: "Unit", aliases: ["Chi bộ", "Đảng bộ"]),
        Column("party_position", vi: "Chức vụ Đảng", en: "Party position"),
        Column(
          "government_position", vi: "Chức vụ chính quyền, đoàn thể", en: "Other position",
          aliases: ["Chức vụ"]),
        Column("is_civil_servant", vi: "Công chức, viên chức", en: "Civil servant"),
        Column("managed_by", vi: "Cấp quản lý", en: "Managed by"),
        Column("email", vi: "Thư điện tử", en: "Email", aliases: ["Email"]),
        Column("phone", vi: "Điện thoại", en: "Phone", aliases: ["Số điện thoại"]),
      ], identity: [["code"]], isImportable: true),
    CSVTableSpec(
      table: "collectives",
      columns: [
        Column("code", vi: "Mã tập thể", en: "Code", aliases: ["Mã"]),
        Column("name", vi: "Tên tập thể", en: "Name", aliases: ["Tập thể"]),
        code("unit", table: "units", vi: "Mã đơn vị", en: "Unit code"),
        name("unit", table: "units", vi: "Đơn vị", en: "Unit"),
        code("head", table: "people", vi: "Mã người đứng đầu", en: "Head code"),
        name(
          "head", table: "people", column: "full_name", vi: "Người đứng đầu", en: "Head",
          aliases: ["Họ và tên người đứng đầu"]),
      ], identity: [["code"]], isImportable: true),
    CSVTableSpec(
      table: "ratings",
      columns: [
        code("person", table: "people", vi: "Mã cá nhân", en: "Person code"),
        name("person", table: "people", column: "full_name", vi: "Họ và tên", en: "Full name"),
        code("collective", table: "collectives", vi: "Mã tập thể", en: "Collective code"),
        name("collective", table: "collectives", vi: "Tập thể", en: "Collective"),
        Column("year", vi: "Năm", en: "Year"),
        Column("level", vi: "Xếp loại", en: "Rating", aliases: ["Mức xếp loại", "Level"]),
        Column("decision", vi: "Số quyết định", en: "Decision", aliases: ["Quyết định"]),
      ], identity: [["person_id", "year"], ["collective_id", "year"]], isImportable: true),
    CSVTableSpec(
      table: "campaigns",
      columns: [
        Column("year", vi: "Năm", en: "Year"),
        Column("title", vi: "Tên đợt", en: "Title"),
        Column("basis", vi: "Căn cứ", en: "Basis"),
        Column("rule_set", vi: "Quy định áp dụng", en: "Rules"),
        Column("opened_on", vi: "Ngày ban hành", en: "Opened on"),
        Column("d1_registration", vi: "Hạn đăng ký (D1)", en: "Registration deadline (D1)"),
        Column("d2_report", vi: "Hạn báo cáo (D2)", en: "Report deadline (D2)"),
        Column("d3_appraisal", vi: "Hạn thẩm định (D3)", en: "Appraisal deadline (D3)"),
        Column("btv_review_on", vi: "Ngày Ban Thường vụ xem xét", en: "Standing Committee review"),
        Column("report_grace_days", vi: "Số ngày gia hạn báo cáo", en: "Report grace days"),
        Column("late_accepted", vi: "Nhận đăng ký muộn", en: "Late accepted"),
        Column("excellent_min", vi: "Điểm xuất sắc từ", en: "Excellent from"),
        Column("pass_min", vi: "Điểm đạt từ", en: "Pass from"),
        Column("spread_limit", vi: "Độ lệch điểm tối đa", en: "Spread limit"),
        Column("quorum_num", vi: "Tỷ lệ tối thiểu (tử số)", en: "Quorum numerator"),
        Column("quorum_den", vi: "Tỷ lệ tối thiểu (mẫu số)", en: "Quorum denominator"),
        Column("combine", vi: "Cách tính kết quả", en: "Combination"),
        Column("trim_min_sheets", vi: "Số phiếu để bỏ cao nhất, thấp nhất", en: "Trim from sheets"),
        Column("htxs_quota_percent", vi: "Tỷ lệ HTXS tối đa (%)", en: "HTXS quota (%)"),
        Column("notes", vi: "Ghi chú", en: "Notes"),
      ], identity: [["year"]], isImportable: true),
    CSVTableSpec(
      table: "registrations",
      columns: [
        Column("code", vi: "Mã đăng ký", en: "Code", aliases: ["Mã", "Số đăng ký"]),
        year(),
        code("person", table: "people", vi: "Mã cá nhân", en: "Person code"),
        name(
          "person", table: "people", column: "full_name", vi: "Họ và tên", en: "Full name",
          aliases: ["Họ tên", "Cá nhân"]),
        code("collective", table: "collectives", vi: "Mã tập thể", en: "Collective code"),
        name("collective", table: "collectives", vi: "Tập thể", en: "Collective"),
        code("unit", table: "units", vi: "Mã đơn vị", en: "Unit code"),
        name("unit", table: "units", vi: "Đơn vị", en: "Unit", aliases: ["Chi bộ", "Đảng bộ"]),
        Column("grp", vi: "Nhóm", en: "Group", aliases: ["Đối tượng"]),
        Column("title", vi: "Tên mô hình", en: "Title", aliases: ["Tên mô hình, cách làm", "Tên"]),
        Column("kind", vi: "Loại", en: "Kind", aliases: ["Hình thức"]),
        Column("field", vi: "Lĩnh vực", en: "Field"),
        Column(
          "problem", vi: "Thực trạng", en: "Problem", aliases: ["Thực trạng, giải pháp đã có"]),
        Column("solution", vi: "Nội dung giải pháp", en: "Solution", aliases: ["Giải pháp"]),
        Column("novelty", vi: "Tính mới", en: "Novelty", aliases: ["Điểm mới"]),
        Column("scope", vi: "Phạm vi áp dụng", en: "Scope"),
        Column("start_on", vi: "Ngày bắt đầu", en: "Start"),
        Column("end_on", vi: "Ngày kết thúc", en: "End"),
        Column("doc_no", vi: "Số văn bản", en: "Document no."),
        Column("doc_date", vi: "Ngày văn bản", en: "Document date"),
        Column("received_on", vi: "Ngày tiếp nhận", en: "Received on", aliases: ["Ngày nhận"]),
        Column("proposed_on", vi: "Ngày đề nghị HTXS", en: "Proposed HTXS on"),
        Column("status", vi: "Trạng thái", en: "Status"),
        Column("outcome", vi: "Kết quả công nhận", en: "Outcome"),
        Column("notes", vi: "Ghi chú", en: "Notes"),
      ], identity: [["code"], ["campaign_id", "person_id"], ["campaign_id", "collective_id"]],
      isImportable: true),
    CSVTableSpec(
      table: "targets",
      columns: [
        code("registration", table: "registrations", vi: "Mã đăng ký", en: "Registration"),
        Column("seq", vi: "STT", en: "No.", aliases: ["Số thứ tự"]),
        Column("description", vi: "Chỉ tiêu", en: "Target"),
        Column("measure", vi: "Đơn vị tính", en: "Measure"),
        Column("planned", vi: "Kế hoạch", en: "Planned", aliases: ["Chỉ tiêu đăng ký"]),
      ], identity: [["registration_id", "seq"]], isImportable: true),
    CSVTableSpec(
      table: "reports",
      columns: [
        code("registration", table: "registrations", vi: "Mã đăng ký", en: "Registration"),
        Column("submitted_on", vi: "Ngày nộp báo cáo", en: "Submitted on", aliases: ["Ngày nộp"]),
        Column("summary", vi: "Tóm tắt kết quả", en: "Summary"),
        Column("effectiveness", vi: "Hiệu quả", en: "Effectiveness"),
        Column("replicability", vi: "Khả năng nhân rộng", en: "Replicability"),
        Column("confirmed_by", vi: "Cấp ủy xác nhận", en: "Confirmed by"),
        Column("confirmed_on", vi: "Ngày xác nhận", en: "Confirmed on"),
        Column("evidence", vi: "Minh chứng", en: "Evidence"),
        Column("notes", vi: "Ghi chú", en: "Notes"),
      ], identity: [["registration_id"]], isImportable: true),
    CSVTableSpec(
      table: "panel_members",
      columns: [
        year(),
        code("person", table: "people", vi: "Mã cá nhân", en: "Person code"),
        name("person", table: "people", column: "full_name", vi: "Họ và tên", en: "Full name"),
        Column("role", vi: "Vai trò", en: "Role", aliases: ["Nhiệm vụ"]),
        Column("agency", vi: "Cơ quan", en: "Agency", aliases: ["Cơ quan công tác"]),
        code("unit", table: "units", vi: "Mã đơn vị", en: "Unit code"),
        name("unit", table: "units", vi: "Đơn vị", en: "Unit", aliases: ["Chi bộ"]),
      ], identity: [["campaign_id", "person_id"]], isImportable: true),
  ]
}
