import GRDB
import Registry
import Testing

@Suite struct SchemaTests {
  let schema = Schema.current

  @Test func everyTableAndViewIsAnEntity() {
    #expect(
      schema.entities.map(\.table) == [
        "units", "people", "collectives", "ratings", "campaigns", "registrations", "targets",
        "reports", "target_results", "panel_members", "rubrics", "criteria", "criterion_bands",
        "score_sheets", "sheet_points", "audit_log", "reminders", "sheet_totals",
        "appraisal_totals", "registration_timeliness", "status_history",
      ])
    #expect(schema.entity("people")?.recordName == "person")
    #expect(schema.entity("criteria")?.recordName == "criterion")
    #expect(schema.entity(record: "registration")?.table == "registrations")
    #expect(schema.entity("appraisal_totals")?.isView == true)
    #expect(schema.entity("units")?.isView == false)
  }

  @Test func columnsCarryTypesCommentsDatesAndFlags() throws {
    let registrations = try #require(schema.entity("registrations"))
    let code = try #require(registrations.column("code"))
    #expect(code.sqlType == "TEXT" && code.isNotNull && code.comment == "e.g. 'DK-2023-017'")
    #expect(registrations.column("id")?.isPrimaryKey == true)
    #expect(registrations.column("received_on")?.isDate == true)
    #expect(registrations.column("title")?.isDate == false)
    #expect(registrations.column("status")?.defaultSQL == "'draft'")
    #expect(registrations.comment == "registrations of a model or creative approach (đăng ký)")
    #expect(schema.entity("campaigns")?.column("late_accepted")?.isBoolean == true)
    #expect(schema.entity("campaigns")?.column("late_accepted")?.allowedValues == nil)
    #expect(
      schema.entity("appraisal_totals")?.columns.map(\.name) == [
        "sheet_id", "registration_id", "registration_code", "unit_id", "year",
        "panel_member_id", "member_person_id", "total",
      ])
  }

  @Test func codeTypesListExactlyWhatTheSchemaAllows() {
    func allowed(_ table: String, _ column: String) -> [String]? {
      schema.entity(table)?.column(column)?.allowedValues
    }
    #expect(allowed("registrations", "status") == RegistrationStatus.codes)
    #expect(allowed("registrations", "grp") == RegistrationGroup.codes)
    #expect(allowed("registrations", "kind") == RegistrationKind.codes)
    #expect(allowed("registrations", "field") == RegistrationField.codes)
    #expect(allowed("registrations", "outcome") == Outcome.codes)
    #expect(allowed("ratings", "level") == RatingLevel.codes)
    #expect(allowed("units", "kind") == UnitKind.codes)
    #expect(allowed("units", "bloc") == Bloc.codes)
    #expect(allowed("panel_members", "role") == PanelRole.codes)
    #expect(allowed("people", "gender") == Gender.codes)
    #expect(allowed("people", "managed_by") == ManagedBy.codes)
  }

  @Test func relationsComeFromForeignKeys() throws {
    let registrations = try #require(schema.entity("registrations"))
    let unit = try #require(registrations.relation("unit"))
    #expect(unit.kind == .belongsTo && unit.target == "units" && unit.column == "unit_id")
    #expect(registrations.relation("campaign")?.target == "campaigns")
    let subject = try #require(registrations.relation("subject"))
    #expect(subject.kind == .either)
    #expect(subject.targets == ["people", "collectives"])
    #expect(subject.columns == ["person_id", "collective_id"])

    let units = try #require(schema.entity("units"))
    let reverse = try #require(units.relation("registrations"))
    #expect(reverse.kind == .hasMany && reverse.target == "registrations")
    #expect(reverse.column == "unit_id")
    #expect(units.relation("people")?.kind == .hasMany)
    #expect(units.relation("children")?.column == "parent_id")
    #expect(units.relation("parent")?.target == "units")
    #expect(schema.entity("people")?.relation("collectives_as_head")?.column == "head_id")
    #expect(schema.entity("score_sheets")?.relation("panel_member")?.target == "panel_members")
    #expect(schema.entity("registrations")?.relation("score_sheets")?.kind == .hasMany)
  }

  @Test func theSchemaOfAnOpenRegistryIsTheCurrentOne() throws {
    let registry = try Registry.inMemory()
    let read = try registry.queue.inDatabase { try Schema.read(from: $0) }
    #expect(read.entities.map(\.table) == schema.entities.map(\.table))
    for entity in read.entities {
      #expect(entity.columns == schema.entity(entity.table)?.columns)
      #expect(entity.relations == schema.entity(entity.table)?.relations)
    }
  }
}
