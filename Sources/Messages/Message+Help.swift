// help() in Lua: one line per function or method, in Vietnamese and English.

extension Message {
  public static let helpOverview = Message(
    vi: """
      sangtao — sổ đăng ký mô hình mới, cách làm sáng tạo, trong Lua 5.4.

      Tập hợp: units, people, collectives, ratings, campaigns, registrations (regs), targets,
        reports, panel, rubrics, criteria, sheets, points, outbox, audit.
      Ví dụ:
        registrations:where{year = 2023, status = "submitted"}:count()
        registrations:search("du lich cong dong")
        registrations:where{year = 2023}:group("unit"):agg{n = "count", mean = "avg(score)"}
        r = registrations["DK-2023-017"]; r.unit.name; r:days_late()
        db.sql("select code, title from registrations where received_on > ?", "2023-03-28")
        remind.due("2023-03-14"); remind.run{channel = "files"}   nhắc việc theo các hạn
      Xem thêm: help(registrations), help(registrations:where{}), help(r), help(db),
        help("query"), help("rows"), help(aggregate), help(remind), help(report).
        Lệnh console: .help
      """,
    en: """
      sangtao — the registry of new models and creative approaches, in Lua 5.4.

      Collections: units, people, collectives, ratings, campaigns, registrations (regs),
        targets, reports, panel, rubrics, criteria, sheets, points, outbox, audit.
      Examples:
        registrations:where{year = 2023, status = "submitted"}:count()
        registrations:search("du lich cong dong")
        registrations:where{year = 2023}:group("unit"):agg{n = "count", mean = "avg(score)"}
        r = registrations["DK-2023-017"]; r.unit.name; r:days_late()
        db.sql("select code, title from registrations where received_on > ?", "2023-03-28")
        remind.due("2023-03-14"); remind.run{channel = "files"}   reminders of the deadlines
      See also: help(registrations), help(registrations:where{}), help(r), help(db),
        help("query"), help("rows"), help(aggregate), help(remind), help(report).
        Console commands: .help
      """)
  public static let helpQuery = Message(
    vi: """
      Truy vấn (lười, không đổi: mỗi phương thức trả về truy vấn mới; chạy khi cần kết quả):
        :where{field = v, …}     lọc; danh sách = IN; {">", v}, {"between", a, b}, {"not", {…}};
                                 quan hệ theo mã/id: where{unit = "DS"}; db.null = NULL
        :where("sql ?", v…)      điều kiện SQL với giá trị gắn vào dấu ?
        :where(function(r) … end) điều kiện Lua trên từng dòng
        :search("tu khoa")       tìm không dấu, không phân biệt hoa thường, đ = d
        :order("-received_on", "title")  sắp xếp (- là giảm dần; tên theo thứ tự tiếng Việt)
        :limit(n) :offset(n) :select("code", "title")
        :count() :first() :exists() :list() :rows() :pluck("code") :ids()
        :group("unit"):agg{n = "count", tb = "avg(score)"}   gộp và tính
        :sql()  câu SQL sẽ chạy;  :add{…}  thêm một bản ghi;  [42], ["DK-2023-017"]  tìm một dòng
      """,
    en: """
      Queries (lazy, immutable: every method returns a new query; they run when results are asked):
        :where{field = v, …}     filter; a list means IN; {">", v}, {"between", a, b}, {"not", {…}};
                                 relations by code or id: where{unit = "DS"}; db.null is NULL
        :where("sql ?", v…)      an SQL condition with values bound to the ? placeholders
        :where(function(r) … end) a Lua condition on each row
        :search("words")         accent- and case-insensitive search, đ = d
        :order("-received_on", "title")  sort (- descending; names in Vietnamese order)
        :limit(n) :offset(n) :select("code", "title")
        :count() :first() :exists() :list() :rows() :pluck("code") :ids()
        :group("unit"):agg{n = "count", mean = "avg(score)"}   group and aggregate
        :sql()  the SQL that runs;  :add{…}  add a record;  [42], ["DK-2023-017"]  one row
      """)
  public static let helpRows = Message(
    vi: """
      Dòng: bảng Lua thường với các cột (r.title), cộng quan hệ (r.unit, r.campaign, r.subject,
      unit.registrations) nạp khi dùng lần đầu, và phương thức:
        r:update{field = v}  r:delete()  r:reload()
        đăng ký: r:transition("accepted", {date = "…", doc = "…"})  r:days_late()  r:report()
                 r:sheets()  r:targets()  r:history()  r:add_sheet("DV-0005", {TC1 = 22, …})
      Thay đổi đi qua quy tắc của sổ đăng ký và được ghi nhật ký; db.tx(function() … end) gộp
      nhiều thay đổi: tất cả hoặc không gì cả.
      """,
    en: """
      Rows: plain Lua tables of their columns (r.title), plus relations (r.unit, r.campaign,
      r.subject, unit.registrations) loaded on first use, and methods:
        r:update{field = v}  r:delete()  r:reload()
        registrations: r:transition("accepted", {date = "…", doc = "…"})  r:days_late()
                       r:report()  r:sheets()  r:targets()  r:history()
                       r:add_sheet("DV-0005", {TC1 = 22, …})  a whole score sheet, checked
      Changes go through the registry's rules and are audited; db.tx(function() … end) groups
      changes: all of them or none.
      """)
  public static let helpDB = Message(
    vi: """
      db.sql(sql, …)    các dòng của câu SELECT, giá trị gắn vào dấu ?
      db.value(sql, …)  một giá trị
      db.tx(fn)         chạy fn trong một giao dịch: ghi tất cả hoặc không gì cả
      db.func(name, fn) hàm Lua dùng được trong SQL
      db.backup(tệp)    sao lưu trực tuyến vào tệp (trọn vẹn hoặc không có gì)
      limits.run({memory = "64M", seconds = 5}, fn, …)   chạy fn trong giới hạn bộ nhớ, thời gian
      db.null           giá trị NULL;  db.path, db.read_only, db.actor (người ghi nhật ký)
      db.lang           ngôn ngữ hiện tại ("vi", "en");  db.labels("registrations", "field")
      aggregate(name, fn | {init, step, final})   phép tổng hợp dùng trong agg{} và SQL
      campaign(2023)    đợt đăng ký của năm;  campaign(2023):deadlines()
      """,
    en: """
      db.sql(sql, …)    the rows of a SELECT, values bound to the ? placeholders
      db.value(sql, …)  one value
      db.tx(fn)         runs fn in a transaction: everything is written or nothing
      db.func(name, fn) a Lua function usable in SQL
      db.backup(file)   an online backup to file (whole or nothing)
      limits.run({memory = "64M", seconds = 5}, fn, …)   runs fn within memory and time limits
      db.null           the NULL value;  db.path, db.read_only, db.actor (who the audit names)
      db.lang           the current language ("vi", "en");  db.labels("registrations", "field")
      aggregate(name, fn | {init, step, final})   an aggregate for agg{} and SQL
      campaign(2023)    the campaign of a year;  campaign(2023):deadlines()
      """)
  public static let helpScoring = Message(
    vi: """
      Thẩm định và chấm điểm:
        r:add_sheet("DV-0005", {TC1 = 22, …}, {date = …})   ghi một phiếu chấm trọn vẹn, có kiểm tra
        r:result()        kết quả của một đăng ký: total, level, sheets, quorum, quorum_met,
                          spread, spread_flag (level chỉ có khi đủ số phiếu)
        q:results()       bảng xếp hạng cho Ban Thường vụ: đủ số phiếu trước, rồi theo tổng điểm
        r:checks(), q:checks()   các điều kiện không đạt (five_year_streak, htxs_quota, …)
        scoring.combine = "trimmed_mean" | function(totals, r) … end   cách gộp phiếu; nil: trung bình
        rubric(2023)      thang điểm của năm: criteria[i].code, .name, .max, .bands
        rubric.define(2023, {…})   lưu phiên bản mới của thang điểm
      """,
    en: """
      Appraisal and scoring:
        r:add_sheet("DV-0005", {TC1 = 22, …}, {date = …})   records a whole sheet, checked
        r:result()        a registration's result: total, level, sheets, quorum, quorum_met,
                          spread, spread_flag (a level only once the quorum is met)
        q:results()       the ranked table for the Standing Committee: quorum met first, then
                          by total
        r:checks(), q:checks()   the eligibility checks that fail (five_year_streak, htxs_quota…)
        scoring.combine = "trimmed_mean" | function(totals, r) … end   how sheets combine;
                          nil: the mean
        rubric(2023)      a year's rubric: criteria[i].code, .name, .max, .bands
        rubric.define(2023, {…})   stores a new version of the rubric
      """)
  public static let helpLimits = Message(
    vi: """
      limits.run({memory = "64M", seconds = 5}, fn, …)   chạy fn với tối đa 64 MiB thêm và 5 giây;
                          quá giới hạn: lỗi bắt được bằng pcall, giới hạn cũ trở lại
      limits.get()        giới hạn đang áp dụng: {memory = …, used = …, seconds = …}
      Dòng lệnh: --max-memory 256M, --timeout 30, --sandbox (xem README)
      """,
    en: """
      limits.run({memory = "64M", seconds = 5}, fn, …)   runs fn with at most 64 MiB more and 5
                          seconds; over a limit: an error pcall catches, the old limits back
      limits.get()        the limits in force: {memory = …, used = …, seconds = …}
      Command line: --max-memory 256M, --timeout 30, --sandbox (see README)
      """)
  public static let helpEntity = Message(
    vi: "{name}: {comment}\n{count} dòng. Trường:", en: "{name}: {comment}\n{count} rows. Fields:")
  public static let helpRelations = Message(vi: "Quan hệ:", en: "Relations:")
  public static let helpMethods = Message(vi: "Phương thức:", en: "Methods:")
  public static let helpUnknown = Message(
    vi: "không có trợ giúp cho {what}; gõ help() để xem tổng quan",
    en: "no help for {what}; type help() for an overview")

  /// The help topics `help("name")` knows, by name.
  public static let helpTopics: [String: Message] = [
    "query": .helpQuery, "queries": .helpQuery, "rows": .helpRows, "row": .helpRows,
    "db": .helpDB, "overview": .helpOverview, "report": .helpReport, "reports": .helpReport,
    "scoring": .helpScoring, "rubric": .helpScoring, "limits": .helpLimits,
  ]
}
