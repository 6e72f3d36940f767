import Registry
import Testing

@Suite struct ReminderTemplateTests {
  @Test func placeholdersAreFilledAndDoubleBracesAreLiteral() throws {
    let template = ReminderTemplate(
      "Kính gửi: {addressee}\n{{không phải chỗ trống} còn { days_left } ngày")
    #expect(template.placeholders == ["addressee", "days_left"])
    #expect(
      try template.render(["addressee": "Đảng bộ xã Đạ Sar", "days_left": "14"])
        == "Kính gửi: Đảng bộ xã Đạ Sar\n{không phải chỗ trống} còn 14 ngày")
  }

  @Test func anUnknownPlaceholderIsRefusedNamingWhatIsKnown() {
    #expect(
      throws: ReminderTemplate.Failure.unknownPlaceholder(
        name: "adressee", known: ["addressee", "date"])
    ) {
      try ReminderTemplate("Kính gửi: {adressee}").render(["addressee": "x", "date": "y"])
    }
    #expect(throws: ReminderTemplate.Failure.unclosed) {
      try ReminderTemplate("Kính gửi: {addressee").render(["addressee": "x"])
    }
    let error = ReminderError.template(
      rule: "no_registration",
      failure: .unknownPlaceholder(name: "adressee", known: ["addressee", "date"]))
    #expect(
      error.message(in: .en)
        == "the template of rule 'no_registration' has an unknown placeholder {adressee}; the "
        + "placeholders are: {addressee} {date}")
    #expect(
      error.message(in: .vi)
        == "mẫu thư của quy tắc 'no_registration' có chỗ trống không biết {adressee}; các chỗ trống: "
        + "{addressee} {date}")
    #expect(
      ReminderError.template(rule: "r", failure: .unclosed).message(in: .vi)
        == "mẫu thư của quy tắc 'r' có dấu { không đóng (viết {{ để có dấu {)")
  }
}
