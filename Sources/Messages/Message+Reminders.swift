// Messages of the reminders (DESIGN.md §5): the default letters of the built-in rules, their
// pieces, delivery and calendar texts, the run summary, and the errors.
//
// The letters are templates: `{addressee}`, `{reference}`, `{deadline}`… are filled by the
// reminders' own renderer (`ReminderTemplate`), which refuses unknown placeholders. Letters
// follow the wording of official letters (công văn): "Kính gửi", the reference to the letter
// that set the deadline, the deadline, what is missing, the days left.

// The letters of the built-in rules.
extension Message {
  public static let reminderNoRegistrationSubject = Message(
    vi: "Nhắc đăng ký mô hình mới, cách làm sáng tạo năm {year} (hạn {deadline})",
    en: "Reminder: register new models and creative approaches for {year} (deadline {deadline})"
  )
  public static let reminderNoRegistrationBody = Message(
    vi: """
      Kính gửi: {addressee}

      Thực hiện {reference} về việc đăng ký thực hiện mô hình mới, cách làm sáng tạo năm {year}, \
      các tổ chức cơ sở đảng triển khai cho tập thể lãnh đạo, quản lý và đảng viên thuộc thẩm \
      quyền quản lý đăng ký mô hình mới, cách làm sáng tạo, gửi về Ban Thường vụ Huyện ủy (qua \
      {sender}) chậm nhất ngày {deadline}.

      Đến ngày {date}, {sender} chưa nhận được {missing} của đơn vị. {days_left_text}.

      Đề nghị đơn vị quan tâm chỉ đạo, gửi đăng ký đúng thời hạn./.

      {sender_upper}
      """,
    en: """
      To: {addressee}

      Pursuant to {reference} on registering new models and creative approaches for {year}, \
      grassroots party organizations have their leadership collectives and the party members \
      they manage register new models and creative approaches with the Standing Committee of \
      the District Party Committee (through {sender}) no later than {deadline}.

      As of {date}, {sender} has not received {missing} from your organization. \
      {days_left_text}.

      Please see to it that the registrations arrive on time.

      {sender_upper}
      """)
  public static let reminderNoReportSubject = Message(
    vi: "Nhắc báo cáo kết quả thực hiện mô hình mới, cách làm sáng tạo năm {year} (hạn {deadline})",
    en: "Reminder: report the results of your new model or creative approach for {year} "
      + "(deadline {deadline})")
  public static let reminderNoReportBody = Message(
    vi: """
      Kính gửi: {addressee}

      Thực hiện {reference}, tập thể, cá nhân được đề nghị Ban Thường vụ Huyện ủy xem xét xếp \
      loại hoàn thành xuất sắc nhiệm vụ năm {year} báo cáo kết quả thực hiện mô hình mới, cách \
      làm sáng tạo để phục vụ công tác thẩm định, gửi về {sender} chậm nhất ngày {deadline}.

      Đến ngày {date}, {sender} chưa nhận được {missing}. {days_left_text}.

      Đề nghị {addressee} khẩn trương hoàn thành báo cáo, gửi về {sender} đúng thời hạn./.

      {sender_upper}
      """,
    en: """
      To: {addressee}

      Pursuant to {reference}, collectives and persons proposed to the Standing Committee for \
      the rating "completed tasks excellently" in {year} report the results of their new model \
      or creative approach, for the appraisal, to {sender} no later than {deadline}.

      As of {date}, {sender} has not received {missing}. {days_left_text}.

      Please complete the report and send it to {sender} on time.

      {sender_upper}
      """)
  public static let reminderMissingSheetsSubject = Message(
    vi: "Nhắc hoàn thành phiếu chấm mô hình mới, cách làm sáng tạo năm {year} (hạn {deadline})",
    en: "Reminder: complete your score sheets for new models and creative approaches {year} "
      + "(deadline {deadline})")
  public static let reminderMissingSheetsBody = Message(
    vi: """
      Kính gửi: {addressee}, thành viên Tổ thẩm định

      Theo {reference}, Tổ thẩm định đánh giá, chấm điểm kết quả thực hiện mô hình mới, cách làm \
      sáng tạo của tập thể, cá nhân năm {year}, hoàn thành chậm nhất ngày {deadline}, trước khi \
      trình Ban Thường vụ Huyện ủy xem xét, quyết định.

      Đến ngày {date}, đồng chí còn {count} phiếu chấm chưa hoàn thành:
      {missing}

      {days_left_text}. Đề nghị đồng chí hoàn thành phiếu chấm đúng thời hạn./.

      {sender_upper}
      """,
    en: """
      To: {addressee}, member of the appraisal team

      Pursuant to {reference}, the appraisal team evaluates and scores the results of the new \
      models and creative approaches of {year} no later than {deadline}, before the Standing \
      Committee considers and decides.

      As of {date}, {count} of your score sheets are not complete:
      {missing}

      {days_left_text}. Please complete your score sheets on time.

      {sender_upper}
      """)
  public static let reminderLateRegistrationsSubject = Message(
    vi: "Tình hình gửi đăng ký mô hình mới, cách làm sáng tạo năm {year} sau hạn {deadline}",
    en: "Registrations of new models and creative approaches {year} after the deadline "
      + "{deadline}")
  public static let reminderLateReportsSubject = Message(
    vi: "Tình hình báo cáo kết quả mô hình mới, cách làm sáng tạo năm {year} sau hạn {deadline}",
    en: "Results reports of new models and creative approaches {year} after the deadline "
      + "{deadline}")
  public static let reminderLateSheetsSubject = Message(
    vi: "Tình hình chấm điểm mô hình mới, cách làm sáng tạo năm {year} sau hạn {deadline}",
    en: "Scoring of new models and creative approaches {year} after the deadline {deadline}")
  /// The notice to the Organization Board the day after a deadline; `{deadline_name}` says
  /// which.
  public static let reminderLateNoticeBody = Message(
    vi: """
      Kính gửi: {addressee}

      Theo {reference}, {deadline_name} năm {year} là ngày {deadline}. Đến ngày {date}:

      {missing}

      Đề nghị theo dõi, đôn đốc./.

      (Thông báo tự động từ sổ đăng ký sangtao)
      """,
    en: """
      To: {addressee}

      Under {reference}, the {deadline_name} of {year} was {deadline}. As of {date}:

      {missing}

      For follow-up.

      (Automatic notice from the sangtao registry)
      """)
}

// The pieces the letters are filled with.
extension Message {
  public static let reminderDaysLeft = Message(
    vi: "Thời hạn còn {days} ngày", en: "{days} days remain")
  public static let reminderOneDayLeft = Message(
    vi: "Thời hạn còn 1 ngày", en: "1 day remains")
  public static let reminderLastDay = Message(
    vi: "Hôm nay là ngày cuối của thời hạn", en: "Today is the last day")
  public static let reminderDaysOverdue = Message(
    vi: "Đã quá hạn {days} ngày", en: "{days} days overdue")
  public static let reminderComrade = Message(vi: "đồng chí {name}", en: "Comrade {name}")
  public static let reminderBoardAddressee = Message(
    vi: "Lãnh đạo {sender}", en: "the leadership of {sender}")
  public static let reminderDefaultSender = Message(
    vi: "Ban Tổ chức Huyện ủy", en: "Ban Tổ chức Huyện ủy")
  public static let reminderDefaultReference = Message(
    vi: "Công văn của Ban Thường vụ Huyện ủy", en: "the letter of the Standing Committee")
  public static let reminderMissingRegistration = Message(
    vi: "bản đăng ký mô hình mới, cách làm sáng tạo nào",
    en: "any registration of a new model or creative approach")
  public static let reminderMissingReport = Message(
    vi: "báo cáo kết quả thực hiện mô hình “{title}” ({code}, {unit})",
    en: "the results report of “{title}” ({code}, {unit})")
  public static let reminderMissingSheetLine = Message(
    vi: "- {code}: {title} ({unit})", en: "- {code}: {title} ({unit})")
  public static let reminderDeadlineD1 = Message(
    vi: "hạn gửi đăng ký mô hình mới, cách làm sáng tạo",
    en: "deadline for registering new models and creative approaches")
  public static let reminderDeadlineD2 = Message(
    vi: "hạn báo cáo kết quả thực hiện mô hình mới, cách làm sáng tạo",
    en: "deadline for the results reports of new models and creative approaches")
  public static let reminderDeadlineD3 = Message(
    vi: "hạn thẩm định, chấm điểm kết quả thực hiện mô hình mới, cách làm sáng tạo",
    en: "deadline for appraising and scoring new models and creative approaches")
  public static let reminderNoticeNoRegistration = Message(
    vi: "Đơn vị chưa gửi đăng ký ({count}):", en: "Organizations with no registration ({count}):")
  public static let reminderNoticeLateRegistrations = Message(
    vi: "Đăng ký nhận sau hạn ({count}):",
    en: "Registrations received after the deadline ({count}):")
  public static let reminderNoticeNoReport = Message(
    vi: "Đề nghị xếp loại hoàn thành xuất sắc nhiệm vụ chưa có báo cáo kết quả ({count}):",
    en: "Proposed for \"completed tasks excellently\" with no results report ({count}):")
  public static let reminderNoticeLateReports = Message(
    vi: "Báo cáo kết quả nhận sau hạn ({count}):",
    en: "Results reports received after the deadline ({count}):")
  public static let reminderNoticeMissingSheets = Message(
    vi: "Thành viên Tổ thẩm định còn phiếu chấm chưa hoàn thành ({count}):",
    en: "Appraisal team members with score sheets not complete ({count}):")
  public static let reminderNoticeLateSheets = Message(
    vi: "Phiếu chấm hoàn thành sau hạn ({count}):",
    en: "Score sheets completed after the deadline ({count}):")
  public static let reminderNoticeUnitLine = Message(
    vi: "- {name} ({code})", en: "- {name} ({code})")
  public static let reminderNoticeLateLine = Message(
    vi: "- {code}: {subject}, {unit}: nhận ngày {received}, chậm {days} ngày",
    en: "- {code}: {subject}, {unit}: received {received}, {days} days late")
  public static let reminderNoticeMissingReportLine = Message(
    vi: "- {code}: {subject}, {unit}", en: "- {code}: {subject}, {unit}")
  public static let reminderNoticeMemberLine = Message(
    vi: "- {name}: {count} phiếu ({codes})", en: "- {name}: {count} sheets ({codes})")
  public static let reminderCustomSubject = Message(
    vi: "Nhắc việc mô hình mới, cách làm sáng tạo năm {year}: {rule}",
    en: "Reminder, new models and creative approaches {year}: {rule}")
}

// The built-in rules, as remind.rules and help(remind) describe them.
extension Message {
  public static let reminderRuleNoRegistration = Message(
    vi: "đơn vị (tổ chức cơ sở đảng) chưa có đăng ký, trước hạn D1",
    en: "grassroots organizations with no registration, before D1")
  public static let reminderRuleNoReport = Message(
    vi: "tập thể, cá nhân được đề nghị xếp loại HTXS chưa có báo cáo kết quả, trước hạn D2",
    en: "collectives and persons proposed HTXS with no results report, before D2")
  public static let reminderRuleMissingSheets = Message(
    vi: "thành viên Tổ thẩm định còn thiếu phiếu chấm, hằng ngày trước hạn D3",
    en: "appraisal team members with missing score sheets, daily before D3")
  public static let reminderRuleLateRegistrations = Message(
    vi: "thông báo Ban Tổ chức danh sách chậm đăng ký, sau hạn D1",
    en: "notice to the Organization Board of late registrations, after D1")
  public static let reminderRuleLateReports = Message(
    vi: "thông báo Ban Tổ chức danh sách chậm báo cáo kết quả, sau hạn D2",
    en: "notice to the Organization Board of late results reports, after D2")
  public static let reminderRuleLateSheets = Message(
    vi: "thông báo Ban Tổ chức danh sách còn thiếu phiếu chấm, sau hạn D3",
    en: "notice to the Organization Board of missing score sheets, after D3")
}

// Delivery: the stdout channel, the text files, the summary of a run.
extension Message {
  public static let reminderPrintedHeader = Message(
    vi: "──── Nhắc việc {index}/{count} · {rule} · ngày {due}",
    en: "──── Reminder {index}/{count} · {rule} · due {due}")
  public static let reminderTo = Message(vi: "Đến: {recipient}", en: "To: {recipient}")
  public static let reminderSubjectLine = Message(
    vi: "Tiêu đề: {subject}", en: "Subject: {subject}")
  public static let reminderDateLine = Message(vi: "Ngày: {date}", en: "Date: {date}")
  public static let reminderRunSummary = Message(
    vi: "Nhắc việc ngày {date}, kênh {channel}: {due} cần gửi, {sent} đã gửi, {failed} lỗi; "
      + "{already} đã gửi từ trước; {cancelled} đã hủy.",
    en: "Reminders of {date}, channel {channel}: {due} due, {sent} sent, {failed} failed; "
      + "{already} sent before; {cancelled} cancelled.")
  public static let reminderDryRunSummary = Message(
    vi: "Chạy thử ngày {date}, kênh {channel}: sẽ gửi {due} nhắc việc; {already} đã gửi từ trước. "
      + "Không ghi, không gửi gì.",
    en: "Dry run of {date}, channel {channel}: {due} reminders would be sent; {already} sent "
      + "before. Nothing recorded, nothing sent.")
  public static let reminderNoCampaignNote = Message(
    vi: "(không có đợt đăng ký năm {year}: không có nhắc việc theo quy tắc có sẵn)",
    en: "(no campaign for {year}: the built-in rules remind nobody)")
  public static let reminderLineSent = Message(
    vi: "  đã gửi   {rule}  {recipient}  {detail}", en: "  sent     {rule}  {recipient}  {detail}")
  public static let reminderLineWould = Message(
    vi: "  sẽ gửi   {rule}  {recipient}  {detail}", en: "  to send  {rule}  {recipient}  {detail}")
  public static let reminderLineFailed = Message(
    vi: "  LỖI      {rule}  {recipient}: {error}", en: "  FAILED   {rule}  {recipient}: {error}")
  public static let reminderLineCancelled = Message(
    vi: "  đã hủy   {rule}  {recipient}: {error}", en: "  cancelled {rule}  {recipient}: {error}")
  public static let reminderStopped = Message(
    vi: "(đã dừng: {count} nhắc việc chưa gửi, lần chạy sau sẽ gửi)",
    en: "(stopped: {count} reminders not delivered yet; the next run delivers them)")
  public static let reminderElsewhere = Message(
    vi: "({count} nhắc việc đang được một lần chạy khác gửi)",
    en: "({count} reminders were being delivered by another run)")
  public static let reminderNoLongerDue = Message(
    vi: "không còn cần gửi ngày {date}", en: "no longer due on {date}")
}

// The deadlines calendar.
extension Message {
  public static let calendarName = Message(
    vi: "Mô hình mới, cách làm sáng tạo năm {year}",
    en: "New models and creative approaches {year}")
  public static let calendarD1 = Message(
    vi: "Hạn gửi đăng ký mô hình mới, cách làm sáng tạo năm {year}",
    en: "Deadline: registrations of new models and creative approaches {year}")
  public static let calendarD2 = Message(
    vi: "Hạn báo cáo kết quả thực hiện mô hình mới, cách làm sáng tạo năm {year}",
    en: "Deadline: results reports of new models and creative approaches {year}")
  public static let calendarD3 = Message(
    vi: "Hạn thẩm định, chấm điểm mô hình mới, cách làm sáng tạo năm {year}",
    en: "Deadline: appraisal and scoring of new models and creative approaches {year}")
  public static let calendarBTV = Message(
    vi:
      "Ban Thường vụ Huyện ủy xem xét, quyết định kết quả mô hình mới, cách làm sáng tạo năm {year}",
    en: "Standing Committee decides on the new models and creative approaches of {year}")
  public static let calendarOpened = Message(
    vi: "Mở đợt đăng ký mô hình mới, cách làm sáng tạo năm {year}",
    en: "Campaign of new models and creative approaches {year} opens")
  public static let calendarDescription = Message(
    vi: "Theo {reference}.\n{title}", en: "Under {reference}.\n{title}")
  public static let calendarAlarm = Message(
    vi: "Còn {days} ngày: {summary}", en: "{days} days left: {summary}")
}

// Errors.
extension Message {
  public static let reminderUnknownPlaceholder = Message(
    vi:
      "mẫu thư của quy tắc '{rule}' có chỗ trống không biết {placeholder}; các chỗ trống: {known}",
    en: "the template of rule '{rule}' has an unknown placeholder {placeholder}; the placeholders "
      + "are: {known}")
  public static let reminderUnclosedPlaceholder = Message(
    vi: "mẫu thư của quy tắc '{rule}' có dấu { không đóng (viết {{ để có dấu {)",
    en: "the template of rule '{rule}' has an unclosed { (write {{ for a literal {)")
  public static let reminderInsideTransaction = Message(
    vi: "remind.run không chạy được trong db.tx: nhắc việc đã gửi phải được ghi lại dù giao dịch "
      + "bị hủy",
    en: "remind.run cannot run inside db.tx: reminders delivered must stay recorded even if the "
      + "transaction is rolled back")
  public static let reminderNoAddress = Message(
    vi: "không có địa chỉ thư điện tử của {recipient}; hãy điền email của {what}",
    en: "no e-mail address for {recipient}; fill in the email of {what}")
  public static let reminderBadAddress = Message(
    vi: "địa chỉ thư điện tử '{address}' không hợp lệ", en: "invalid e-mail address '{address}'")
  public static let reminderCommandFailed = Message(
    vi: "lệnh '{command}' kết thúc với mã {status}{stderr}",
    en: "the command '{command}' exited with status {status}{stderr}")
  public static let reminderCommandKilled = Message(
    vi: "lệnh '{command}' bị dừng bởi tín hiệu {signal}{stderr}",
    en: "the command '{command}' was killed by signal {signal}{stderr}")
  public static let reminderCommandTimedOut = Message(
    vi: "lệnh '{command}' chạy quá {seconds} giây và đã bị dừng",
    en: "the command '{command}' ran over {seconds} seconds and was stopped")
  public static let reminderCommandNotStarted = Message(
    vi: "không chạy được lệnh '{command}': {reason}",
    en: "cannot run the command '{command}': {reason}")
  public static let reminderCannotWrite = Message(
    vi: "không ghi được tệp {path}: {reason}", en: "cannot write the file {path}: {reason}")
  public static let reminderNoCampaign = Message(
    vi: "không có đợt đăng ký năm {year}", en: "no campaign for {year}")
}

// Errors of the Lua API (`remind.*`); the Lua ones take their arguments in order.
extension Message {
  public static let reminderBadDeadline = Message(
    vi: "không có hạn '{deadline}': dùng d1, d2 hoặc d3",
    en: "no deadline '{deadline}': use d1, d2 or d3")
  public static let reminderBadLanguage = Message(
    vi: "thư không viết được bằng '{lang}': dùng vi hoặc en",
    en: "letters cannot be written in '{lang}': use vi or en")
  public static let reminderBadChannel = Message(
    vi: "không có kênh '{channel}': dùng stdout, files hoặc command",
    en: "no channel '{channel}': use stdout, files or command")
  public static let reminderRuleName = Message(
    vi: "remind.rule cần name là một tên ngắn (chữ không dấu, số, _), ví dụ name = \"cam_on\"",
    en: "remind.rule needs a short name (ASCII letters, digits, _), e.g. name = \"thanks\"")
  public static let reminderRuleBuiltIn = Message(
    vi: "'{1}' là quy tắc có sẵn: hãy đổi remind.rules.{1}.template, .subject, .offsets "
      + "hoặc .enabled",
    en: "'{1}' is a built-in rule: change remind.rules.{1}.template, .subject, .offsets or "
      + ".enabled instead")
  public static let reminderRuleWhen = Message(
    vi: "quy tắc '{1}': when cần {deadline = \"d1\", offsets = {-10, -5}}, "
      + "{deadline = \"d3\", daily = {-7, 0}}, một ngày, một danh sách ngày hoặc một hàm",
    en: "rule '{1}': when takes {deadline = \"d1\", offsets = {-10, -5}}, "
      + "{deadline = \"d3\", daily = {-7, 0}}, a date, a list of dates or a function")
  public static let reminderRuleWho = Message(
    vi: "quy tắc '{1}': who cần một hàm trả về những người nhận, hoặc một truy vấn",
    en: "rule '{1}': who takes a function returning the recipients, or a query")
  public static let reminderRuleTemplate = Message(
    vi: "quy tắc '{1}': template cần một chuỗi, {subject = …, body = …} hoặc {vi = …, en = …}",
    en: "rule '{1}': template takes a string, {subject = …, body = …} or {vi = …, en = …}")
  public static let reminderBadRecipient = Message(
    vi: "quy tắc '{1}': người nhận thứ {2} là {3}; cần một dòng (đơn vị, cá nhân, tập thể, "
      + "đăng ký, thành viên Tổ thẩm định) hoặc {name = …, email = …}",
    en: "rule '{1}': recipient #{2} is a {3}; expected a row (unit, person, collective, "
      + "registration, panel member) or {name = …, email = …}")
  public static let reminderRulesReadOnly = Message(
    vi: "remind.rules không nhận gán trực tiếp: định nghĩa quy tắc bằng remind.rule{…}",
    en: "remind.rules cannot be assigned to: define a rule with remind.rule{…}")
  public static let reminderRuleCustom = Message(vi: "quy tắc riêng", en: "custom rule")
  public static let reminderRuleOff = Message(vi: "[tắt]", en: "[off]")
  public static let reminderUnknownRule = Message(
    vi: "không có quy tắc nhắc việc '{1}'; các quy tắc: {2}",
    en: "no reminder rule '{1}'; the rules are: {2}")
  public static let reminderUnknownOption = Message(
    vi: "tùy chọn không biết '{1}'; xem --help", en: "unknown option '{1}'; see --help")
  public static let reminderOptionValue = Message(
    vi: "tùy chọn '{1}' cần một giá trị", en: "option '{1}' needs a value")

  /// The messages `remind.lua` raises, by the key it names them with.
  public static let reminderLuaCatalog: [String: Message] = [
    "remind_rule_name": .reminderRuleName, "remind_rule_builtin": .reminderRuleBuiltIn,
    "remind_rule_when": .reminderRuleWhen, "remind_rule_who": .reminderRuleWho,
    "remind_rule_template": .reminderRuleTemplate, "remind_bad_recipient": .reminderBadRecipient,
    "remind_unknown_rule": .reminderUnknownRule, "remind_unknown_option": .reminderUnknownOption,
    "remind_option_value": .reminderOptionValue, "remind_rules_readonly": .reminderRulesReadOnly,
    "remind_rule_custom": .reminderRuleCustom, "remind_rule_off": .reminderRuleOff,
  ]
}

// Help.
extension Message {
  public static let helpRemind = Message(
    vi: """
      Nhắc việc theo các hạn của đợt đăng ký; mỗi nhắc việc được ghi một lần vào outbox.
        remind.due("2023-03-14")     những nhắc việc đến hạn ngày đó (không ghi, không gửi)
        remind.run{date = "2023-03-14", channel = "files", out = "nhac-viec", dry_run = true}
                                     ghi vào outbox, gửi, đánh dấu đã gửi; chạy lại cùng ngày
                                     không gửi lại; gửi lỗi thì lần chạy sau gửi lại
          channel: "stdout" (mặc định), "files" (.txt và .eml), "command"
          (command = "sendmail -t" hoặc {"msmtp", "-t"}); from = "Tên <địa chỉ>"
        remind.rules                 quy tắc có sẵn: no_registration (D1 −14, −7, −3),
                                     no_report (D2 −30, −14, −7), missing_sheets (hằng ngày
                                     từ D3 −7), late_registrations, late_reports, late_sheets
                                     (báo Ban Tổ chức ngày sau mỗi hạn)
          remind.rules.no_registration.offsets = {-21, -14, -7, -3}
          remind.rules.no_report.template = [[Kính gửi: {addressee} …]]  (.subject, .enabled)
        remind.rule{name = "cam_on", when = {deadline = "d1", offsets = {2}},
                    who = function(ctx) return units:where{code = "DS"}:list() end,
                    template = "Kính gửi: {addressee}\\n…", subject = "…"}
        remind.template("no_registration")  tiêu đề, nội dung mẫu đang dùng
        remind.render("Kính gửi: {addressee}", {addressee = "…"})
        remind.ics(2023, "han-2023.ics")    các hạn thành tệp lịch (iCalendar)
        remind.lang = "en" (thư tiếng Anh); remind.board = "BTC"; remind.from = "…"
      Chỗ trống: {addressee} {name} {email} {reference} {reference_no} {deadline}
        {deadline_name} {days_left} {days_left_text} {date} {year} {missing} {sender}
        {sender_upper} {rule}; viết {{ để có dấu {.
      outbox là tập hợp như mọi tập hợp: outbox:where{status = "failed"}
      """,
    en: """
      Reminders of the campaign's deadlines; the outbox records each reminder once.
        remind.due("2023-03-14")     the reminders due that day (nothing recorded or sent)
        remind.run{date = "2023-03-14", channel = "files", out = "nhac-viec", dry_run = true}
                                     records in the outbox, delivers, marks sent; the same day
                                     again sends nothing; a failure is retried by the next run
          channel: "stdout" (default), "files" (.txt and .eml), "command"
          (command = "sendmail -t" or {"msmtp", "-t"}); from = "Name <address>"
        remind.rules                 built-in rules: no_registration (D1 −14, −7, −3),
                                     no_report (D2 −30, −14, −7), missing_sheets (daily from
                                     D3 −7), late_registrations, late_reports, late_sheets
                                     (to the Organization Board the day after each deadline)
          remind.rules.no_registration.offsets = {-21, -14, -7, -3}
          remind.rules.no_report.template = [[To: {addressee} …]]  (.subject, .enabled)
        remind.rule{name = "thanks", when = {deadline = "d1", offsets = {2}},
                    who = function(ctx) return units:where{code = "DS"}:list() end,
                    template = "To: {addressee}\\n…", subject = "…"}
        remind.template("no_registration")  the subject and body in force
        remind.render("To: {addressee}", {addressee = "…"})
        remind.ics(2023, "deadlines-2023.ics")  the deadlines as a calendar file (iCalendar)
        remind.lang = "en" (letters in English); remind.board = "BTC"; remind.from = "…"
      Placeholders: {addressee} {name} {email} {reference} {reference_no} {deadline}
        {deadline_name} {days_left} {days_left_text} {date} {year} {missing} {sender}
        {sender_upper} {rule}; write {{ for a literal {.
      outbox is a collection like the others: outbox:where{status = "failed"}
      """)
  public static let helpRemindScript = Message(
    vi: """
      sangtao [--db SỔ] scripts/remind.lua [tùy chọn]
      Gửi các nhắc việc đến hạn (chạy hằng ngày từ cron), in bản tóm tắt; mã thoát 1 khi có
      nhắc việc gửi lỗi (lần chạy sau sẽ gửi lại).
        --date YYYY-MM-DD       ngày chạy (mặc định: hôm nay)
        --channel KÊNH          stdout (mặc định), files hoặc command
        --out THƯ_MỤC           thư mục của kênh files (mặc định: nhac-viec)
        --command LỆNH          lệnh của kênh command (mặc định: sendmail -t), ví dụ "msmtp -t"
        --from "TÊN <ĐỊA CHỈ>"  người gửi (mặc định: Ban Tổ chức và email của đơn vị)
        --letters vi|en         ngôn ngữ của thư (mặc định: vi)
        --board MÃ              mã đơn vị của Ban Tổ chức (mặc định: BTC)
        --rules TỆP.lua         nạp thêm quy tắc riêng (remind.rule{…})
        --dry-run               chỉ cho biết sẽ gửi gì: không ghi, không gửi
        --help                  trợ giúp này
      """,
    en: """
      sangtao [--db REGISTRY] scripts/remind.lua [options]
      Sends the reminders due (run daily from cron) and prints a summary; exits with status 1
      when a reminder could not be delivered (the next run tries again).
        --date YYYY-MM-DD       the day to run for (default: today)
        --channel CHANNEL       stdout (default), files or command
        --out FOLDER            the folder of the files channel (default: nhac-viec)
        --command COMMAND       the command channel's command (default: sendmail -t), e.g.
                                "msmtp -t"
        --from "NAME <ADDRESS>" the sender (default: the Organization Board and its email)
        --letters vi|en         the language of the letters (default: vi)
        --board CODE            the unit code of the Organization Board (default: BTC)
        --rules FILE.lua        loads custom rules (remind.rule{…})
        --dry-run               only says what would be sent: nothing recorded or sent
        --help                  this help
      """)

  /// The help topics of the reminders, for `help("remind")` and the script's `--help`.
  public static let reminderHelpTopics: [String: Message] = [
    "remind": .helpRemind, "remind.lua": .helpRemindScript,
  ]
}
