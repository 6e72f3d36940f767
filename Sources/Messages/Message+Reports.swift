// Messages of the report builder (`report.new{…}` in Lua): errors, built-in table labels, the
// column names documents show, and help("report").

extension Message {
  public static let reportUnknownFormat = Message(
    vi: "không biết lưu báo cáo dạng '{format}': dùng tệp .html, .md, .csv hoặc .json",
    en: "cannot save a report as '{format}': use a .html, .md, .csv or .json file")
  public static let reportWriteFailed = Message(
    vi: "không ghi được báo cáo vào '{path}': {reason}",
    en: "cannot write the report to '{path}': {reason}")

  // Raised from report.lua through core.message(key, ...); {1}, {2}… are its arguments.
  public static let reportBadSource = Message(
    vi: "bảng của báo cáo cần một truy vấn, một tập kết quả hoặc một mảng các dòng, không phải {1}",
    en: "a report table takes a query, a result set or an array of rows, not a {1}")
  public static let reportUnknownColumn = Message(
    vi: "'{1}' không có trong số liệu; các cột: {2}",
    en: "'{1}' is not in the data; the columns are: {2}")
  public static let reportColumnsNeeded = Message(
    vi: "các dòng dạng mảng cần tên cột: {columns = {\"unit\", \"n\"}}",
    en: "rows given as arrays need column names: {columns = {\"unit\", \"n\"}}")
  public static let reportUnknownKind = Message(
    vi: "kiểu cột '{1}' của '{2}' không có: dùng text, integer, number, percent, date hoặc boolean",
    en: "no column kind '{1}' for '{2}': use text, integer, number, percent, date or boolean")
  public static let reportUnknownChart = Message(
    vi: "không có kiểu biểu đồ '{1}': dùng bar, stacked, histogram hoặc line",
    en: "no chart kind '{1}': use bar, stacked, histogram or line")
  public static let reportChartData = Message(
    vi: "biểu đồ cần số liệu: data = … với category = \"cột\" và value = \"cột\" (hoặc series = "
      + "{…}), hoặc categories = {…} với values = {…}",
    en: "a chart needs data: data = … with category = \"column\" and value = \"column\" (or "
      + "series = {…}), or categories = {…} with values = {…}")
  public static let reportChartNotNumber = Message(
    vi: "giá trị thứ {1} của '{2}' là {3}: biểu đồ cần số",
    en: "value #{1} of '{2}' is a {3}: a chart needs numbers")
  public static let reportBadDate = Message(
    vi: "ngày '{1}' không hợp lệ: cần dd/mm/yyyy hoặc yyyy-mm-dd",
    en: "invalid date '{1}': expected dd/mm/yyyy or yyyy-mm-dd")
  public static let reportNumberedLabel = Message(vi: "TT", en: "No.")
  public static let reportTotalLabel = Message(vi: "Tổng cộng", en: "Total")
  public static let reportFieldLabel = Message(vi: "Nội dung", en: "Field")
  public static let reportValueLabel = Message(vi: "Giá trị", en: "Value")

  /// The messages report.lua raises or shows, by the key it names them with.
  public static let reportLuaCatalog: [String: Message] = [
    "report_bad_source": .reportBadSource, "report_unknown_column": .reportUnknownColumn,
    "report_columns_needed": .reportColumnsNeeded, "report_unknown_kind": .reportUnknownKind,
    "report_unknown_chart": .reportUnknownChart, "report_chart_data": .reportChartData,
    "report_chart_not_number": .reportChartNotNumber, "report_bad_date": .reportBadDate,
    "report_numbered_label": .reportNumberedLabel, "report_total_label": .reportTotalLabel,
    "report_field_label": .reportFieldLabel, "report_value_label": .reportValueLabel,
  ]

  /// The headers documents give the registry's columns when a script names none, by
  /// `table.column`, then by column alone.
  public static let reportColumnLabels: [String: Message] = [
    "code": Message(vi: "Mã", en: "Code"),
    "title": Message(vi: "Tên mô hình, cách làm", en: "Model or approach"),
    "campaigns.title": Message(vi: "Tên đợt đăng ký", en: "Campaign"),
    "unit": Message(vi: "Đơn vị", en: "Unit"),
    "unit_name": Message(vi: "Đơn vị", en: "Unit"),
    "grp": Message(vi: "Nhóm", en: "Group"),
    "registrations.kind": Message(vi: "Loại", en: "Kind"),
    "units.kind": Message(vi: "Loại hình", en: "Kind"),
    "field": Message(vi: "Lĩnh vực", en: "Field"),
    "status": Message(vi: "Trạng thái", en: "Status"),
    "outcome": Message(vi: "Kết quả công nhận", en: "Outcome"),
    "received_on": Message(vi: "Ngày nhận", en: "Received"),
    "proposed_on": Message(vi: "Ngày đề nghị HTXS", en: "Proposed HTXS"),
    "doc_no": Message(vi: "Số văn bản", en: "Document"),
    "doc_date": Message(vi: "Ngày văn bản", en: "Document date"),
    "start_on": Message(vi: "Bắt đầu", en: "Start"),
    "end_on": Message(vi: "Kết thúc", en: "End"),
    "scope": Message(vi: "Phạm vi", en: "Scope"),
    "notes": Message(vi: "Ghi chú", en: "Notes"),
    "subject": Message(vi: "Tập thể, cá nhân", en: "Subject"),
    "subject_name": Message(vi: "Tập thể, cá nhân", en: "Subject"),
    "person": Message(vi: "Cá nhân", en: "Person"),
    "collective": Message(vi: "Tập thể", en: "Collective"),
    "campaign": Message(vi: "Đợt đăng ký", en: "Campaign"),
    "year": Message(vi: "Năm", en: "Year"),
    "days_late": Message(vi: "Số ngày trễ", en: "Days late"),
    "score": Message(vi: "Điểm", en: "Score"),
    "sheet_count": Message(vi: "Số phiếu chấm", en: "Score sheets"),
    "units.name": Message(vi: "Tên đơn vị", en: "Unit"),
    "collectives.name": Message(vi: "Tên tập thể", en: "Collective"),
    "name": Message(vi: "Tên", en: "Name"),
    "bloc": Message(vi: "Khối", en: "Bloc"),
    "member_count": Message(vi: "Số đảng viên", en: "Party members"),
    "full_name": Message(vi: "Họ và tên", en: "Full name"),
    "gender": Message(vi: "Giới tính", en: "Gender"),
    "birth_year": Message(vi: "Năm sinh", en: "Born"),
    "ethnicity": Message(vi: "Dân tộc", en: "Ethnicity"),
    "party_position": Message(vi: "Chức vụ Đảng", en: "Party position"),
    "government_position": Message(
      vi: "Chức vụ chính quyền, đoàn thể", en: "Government position"),
    "level": Message(vi: "Xếp loại", en: "Rating"),
    "decision": Message(vi: "Quyết định", en: "Decision"),
    "registration": Message(vi: "Đăng ký", en: "Registration"),
    "submitted_on": Message(vi: "Ngày nộp", en: "Submitted"),
    "summary": Message(vi: "Tóm tắt kết quả", en: "Summary"),
    "effectiveness": Message(vi: "Hiệu quả", en: "Effectiveness"),
    "replicability": Message(vi: "Khả năng nhân rộng", en: "Replicability"),
    "confirmed_by": Message(vi: "Xác nhận", en: "Confirmed by"),
    "description": Message(vi: "Chỉ tiêu", en: "Target"),
    "measure": Message(vi: "Đơn vị tính", en: "Measure"),
    "planned": Message(vi: "Mức đăng ký", en: "Planned"),
    "actual": Message(vi: "Thực hiện", en: "Actual"),
    "achieved": Message(vi: "Đạt", en: "Achieved"),
    "role": Message(vi: "Vai trò", en: "Role"),
    "agency": Message(vi: "Cơ quan", en: "Agency"),
    "panel_member": Message(vi: "Thành viên Tổ thẩm định", en: "Panel member"),
    "scored_on": Message(vi: "Ngày chấm", en: "Scored"),
    "void_reason": Message(vi: "Lý do hủy phiếu", en: "Void because"),
    "max_points": Message(vi: "Điểm tối đa", en: "Maximum"),
    "points": Message(vi: "Điểm", en: "Points"),
  ]

  public static let helpReport = Message(
    vi: """
      Báo cáo cho Ban Thường vụ (HTML để in A4, Markdown, CSV cho Excel, JSON):
        r = report.new{title = "…", organization = "BAN TỔ CHỨC HUYỆN ỦY",
                       parent = "ĐẢNG BỘ HUYỆN LẠC DƯƠNG", number = "15-BC/BTCHU",
                       place = "Lạc Dương", date = "28/03/2023", type = "BÁO CÁO"}
        r:heading("I. Tình hình đăng ký")       mục (level 1–4: r:heading(text, 2))
        r:text("Toàn huyện có %d đăng ký.", n)   đoạn văn (như string.format)
        r:table(q, {columns = {"code", "title", "unit"}, labels = {code = "Mã"},
                    caption = "Bảng 1…", limit = 20, numbered = true, totals = {"n"},
                    kinds = {share = "percent"}})   truy vấn, tập kết quả hoặc mảng dòng
        r:chart{kind = "bar" | "stacked" | "histogram" | "line", title = "…",
                data = rs, category = "unit", value = "n"  (hoặc series = {"a", "b"}),
                categories = {…}, values = {…}, bin_width = 5, value_label = "…"}
        r:page_break()   r:render("md")   r:save("bao-cao.html")  (tệp tạo với quyền 0600)
        r:number(1234.5) "1.234,5"   r:percent(0.125) "12,5 %"   r:date("2023-03-28")
        db.labels("registrations", "field")   nhãn của các mã
      Văn bản lấy từ số liệu luôn được thoát (HTML, Markdown); CSV có BOM, ô giống công thức
      được vô hiệu hóa.
      """,
    en: """
      Reports for the Standing Committee (HTML to print on A4, Markdown, CSV for Excel, JSON):
        r = report.new{title = "…", organization = "BAN TỔ CHỨC HUYỆN ỦY",
                       parent = "ĐẢNG BỘ HUYỆN LẠC DƯƠNG", number = "15-BC/BTCHU",
                       place = "Lạc Dương", date = "28/03/2023", type = "BÁO CÁO"}
        r:heading("I. Registrations")           a section (levels 1–4: r:heading(text, 2))
        r:text("%d registrations.", n)           a paragraph (as string.format)
        r:table(q, {columns = {"code", "title", "unit"}, labels = {code = "Code"},
                    caption = "Table 1…", limit = 20, numbered = true, totals = {"n"},
                    kinds = {share = "percent"}})   a query, a result set or an array of rows
        r:chart{kind = "bar" | "stacked" | "histogram" | "line", title = "…",
                data = rs, category = "unit", value = "n"  (or series = {"a", "b"}),
                categories = {…}, values = {…}, bin_width = 5, value_label = "…"}
        r:page_break()   r:render("md")   r:save("report.html")  (files created 0600)
        r:number(1234.5)   r:percent(0.125)   r:date("2023-03-28")
        db.labels("registrations", "field")   the labels of the codes
      Text from the data is always escaped (HTML, Markdown); CSV has a BOM and formula-looking
      cells are neutralized.
      """)
}
