import GRDB
import Registry

/// A year of the 2023 campaign on the test fixture, dated so that every reminder rule has
/// something to say on known days (D1 28/03, D2 15/11, D3 30/11).
///
/// Registrations (the grassroots organizations are DS, LAT, TT, YT, DMT):
///
/// | code | subject | unit | received | proposed HTXS | report |
/// |---|---|---|---|---|---|
/// | DK-2023-001 | DV-0002 Cil Ha Thủy | LAT | 10/03 | 01/10 | 05/11 |
/// | DK-2023-002 | TT-DS-1 (collective) | DS | 20/03 | 20/10 | 20/11 (late) |
/// | DK-2023-003 | DV-0003 Trần Thị Bích | TT | 26/03 | — | — |
/// | DK-2023-004 | DV-0006 Kơ Să K'Jang | YT | 30/03 (late) | 10/10 | 09/11 |
/// | DK-2023-005 | DV-0005 Lê Minh Đức | DMT | 05/03, withdrawn | — | — |
///
/// DMT registered for 2022 only. Score sheets: the lead (DV-0005) scores 001 on 22/11, 004 on
/// 24/11, 002 on 26/11; the member (DV-0006) scores 001 on 27/11 and never 002; the secretary
/// (DV-0007) scores all three on 01/12, late. Every unit and person has an e-mail address; the
/// 2023 campaign's basis is letter 848-CV/HU.
public struct ReminderScenario {
  public let fixture: RegistryFixture
  /// Registration ids by code.
  public let registration: [String: Int64]

  public var registry: Registry { fixture.registry }

  /// The scenario in a new in-memory registry, or in `registry`.
  public init(registry: Registry? = nil) throws {
    let fixture = try RegistryFixture(registry: registry)
    self.fixture = fixture
    var ids: [String: Int64] = [:]
    try fixture.registry.queue.inDatabase { db in
      for (code, email) in [
        ("DS", "dangbo.dasar@lacduong.example"), ("LAT", "dangbo.lat@lacduong.example"),
        ("TT", "dangbo.thitran@lacduong.example"), ("YT", "chibo.yte@lacduong.example"),
        ("DMT", "chibo.dmt@lacduong.example"), ("BTC", "bantochuc@lacduong.example"),
      ] {
        try db.execute(
          sql: "UPDATE units SET email = ? WHERE code = ?",
          arguments: [email, code])
      }
      for code in ["DV-0001", "DV-0002", "DV-0003", "DV-0004", "DV-0005", "DV-0006", "DV-0007"] {
        try db.execute(
          sql: "UPDATE people SET email = ? WHERE code = ?",
          arguments: [code.lowercased() + "@lacduong.example", code])
      }
      try db.execute(
        sql: "UPDATE campaigns SET basis = ? WHERE year = 2023",
        arguments: [
          "Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy; "
            + "Hướng dẫn 09-HD/BTCTU ngày 14/12/2022"
        ])
      try Records.insert(
        db, into: "registrations",
        values: [
          "year": 2022, "subject": "DV-0005", "grp": "htxs_year", "title": "Số hóa hồ sơ đảng viên",
          "kind": "approach", "field": "admin_reform", "received_on": "2022-03-01",
          "status": "submitted", "code": "DK-2022-001",
        ], actor: RegistryFixture.actor)
      let rows: [(String, String, String?, String, String, String?)] = [
        (
          "DK-2023-001", "DV-0002", "htxs_year", "Du lịch cộng đồng gắn với nghề dệt thổ cẩm",
          "2023-03-10", "2023-10-01"
        ),
        ("DK-2023-002", "TT-DS-1", nil, "Đạ Sar xanh, sạch, đẹp", "2023-03-20", "2023-10-20"),
        (
          "DK-2023-003", "DV-0003", "htxs_year", "Đổi mới sinh hoạt chi bộ ở khu dân cư",
          "2023-03-26", nil
        ),
        (
          "DK-2023-004", "DV-0006", "htxs_five_years", "Khám bệnh lưu động cho buôn xa",
          "2023-03-30", "2023-10-10"
        ),
        (
          "DK-2023-005", "DV-0005", "htxs_year", "Một cửa điện tử ở cơ quan Đảng",
          "2023-03-05", nil
        ),
      ]
      for (code, subject, group, title, received, proposed) in rows {
        var values: [String: any DatabaseValueConvertible] = [
          "year": 2023, "code": code, "subject": subject, "title": title, "kind": "model",
          "field": "economy", "received_on": received,
          "status": code == "DK-2023-005" ? "withdrawn" : "submitted",
        ]
        if let group { values["grp"] = group }
        if let proposed { values["proposed_on"] = proposed }
        ids[code] = try Records.insert(
          db, into: "registrations", values: values, actor: RegistryFixture.actor)
      }
      for (code, submitted) in [
        ("DK-2023-001", "2023-11-05"), ("DK-2023-004", "2023-11-09"), ("DK-2023-002", "2023-11-20"),
      ] {
        try fixture.report(db, registration: ids[code]!, submitted: submitted)
      }
      for (member, code, day) in [
        (0, "DK-2023-001", "2023-11-22"), (0, "DK-2023-004", "2023-11-24"),
        (0, "DK-2023-002", "2023-11-26"), (1, "DK-2023-001", "2023-11-27"),
        (2, "DK-2023-001", "2023-12-01"), (2, "DK-2023-004", "2023-12-01"),
        (2, "DK-2023-002", "2023-12-01"),
      ] {
        try db.execute(
          sql: """
            INSERT INTO score_sheets (registration_id, panel_member_id, rubric_id, scored_on)
            VALUES (?, ?, ?, ?)
            """, arguments: [ids[code]!, fixture.panel[member], fixture.rubric, day])
        let sheet = db.lastInsertedRowID
        for (criterion, points) in zip(fixture.criteria, [50.0, 30.0]) {
          try db.execute(
            sql: "INSERT INTO sheet_points (sheet_id, criterion_id, points) VALUES (?, ?, ?)",
            arguments: [sheet, criterion, points])
        }
      }
    }
    registration = ids
  }

  /// The day of an ISO text, for tests.
  public static func day(_ iso: String) -> Day { Day(iso: iso)! }
}
