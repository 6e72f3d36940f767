// Messages of the registry's Lua layer: queries, SQL, Lua functions in SQL.

extension Message {
  public static let sqlFailed = Message(vi: "SQL: {message}", en: "SQL: {message}")
  public static let sqlInterrupted = Message(
    vi: "câu lệnh SQL đã bị dừng (Ctrl-C)", en: "the SQL statement was stopped (Ctrl-C)")
  public static let parameterCount = Message(
    vi: "câu lệnh cần {expected} giá trị cho các dấu ?, nhưng có {given}",
    en: "the statement needs {expected} values for its ? placeholders, but {given} were given")
  public static let writeInSQL = Message(
    vi: "db.sql chỉ dùng để đọc; hãy thay đổi sổ đăng ký bằng r:update{…}, r:transition(…) "
      + "hoặc registrations:add{…}, trong db.tx nếu cần",
    en: "db.sql only reads; change the registry with r:update{…}, r:transition(…) or "
      + "registrations:add{…}, inside db.tx when needed")
  public static let bundledCode = Message(
    vi: "cài đặt sangtao bị hỏng: tệp {name} ({reason})",
    en: "the sangtao installation is broken: file {name} ({reason})")
  public static let unbindable = Message(
    vi: "giá trị thứ {position} là {type}: SQL chỉ nhận số, chuỗi, boolean, nil hoặc db.null",
    en: "value #{position} is a {type}: SQL takes numbers, strings, booleans, nil or db.null")
  public static let sqlFunctionBusy = Message(
    vi:
      "không thể định nghĩa lại hàm SQL '{name}' khi một truy vấn đang chạy; hãy định nghĩa trước vòng lặp",
    en:
      "cannot redefine the SQL function '{name}' while a query is running; define it before the loop"
  )
  public static let sqlFunctionFailed = Message(
    vi: "lỗi trong hàm '{name}': {message}", en: "error in function '{name}': {message}")
  public static let sqlFunctionResult = Message(
    vi: "hàm Lua trả về {type}, SQL chỉ nhận số, chuỗi, boolean hoặc nil",
    en: "the Lua function returned a {type}; SQL takes numbers, strings, booleans or nil")

  // Raised from the bundled Lua code through core.message(key, ...); {1}, {2}… are its
  // arguments in order.
  public static let unknownField = Message(
    vi: "'{1}' không phải là trường của {2}; xem help({2})",
    en: "'{1}' is not a field of {2}; see help({2})")
  public static let badValue = Message(
    vi: "giá trị của '{1}' là {2}: cần số, chuỗi, boolean, danh sách hoặc {\">\", giá trị}",
    en: "the value for '{1}' is a {2}: expected a number, string, boolean, list or {\">\", value}")
  public static let badRelationValue = Message(
    vi: "'{1}' cần mã, số id hoặc một dòng, không phải {2}",
    en: "'{1}' takes a code, an id or a row, not a {2}")
  public static let parameterMarks = Message(
    vi: "điều kiện có {1} dấu ? nhưng có {2} giá trị", en: "the condition has {1} ? but {2} values")
  public static let whereKeys = Message(
    vi: "where{…} cần tên trường làm khóa, ví dụ where{status = \"accepted\"}",
    en: "where{…} takes field names as keys, e.g. where{status = \"accepted\"}")
  public static let notFound = Message(vi: "không có {1} {2}", en: "no {1} {2}")
  public static let badAggregate = Message(
    vi: "phép tổng hợp '{1}' không hợp lệ: {2} (ví dụ \"count\", \"avg(score)\")",
    en: "invalid aggregate '{1}': {2} (e.g. \"count\", \"avg(score)\")")
  public static let emptyAggregate = Message(
    vi: "agg{…} cần ít nhất một phép tổng hợp, ví dụ agg{n = \"count\"}",
    en: "agg{…} needs at least one aggregate, e.g. agg{n = \"count\"}")
  public static let unknownAggregate = Message(
    vi: "không có phép tổng hợp '{1}'; định nghĩa bằng aggregate(\"{1}\", function(values) … end)",
    en: "no aggregate '{1}'; define one with aggregate(\"{1}\", function(values) … end)")

  /// The messages the bundled Lua code raises, by the key it names them with.
  public static let luaCatalog: [String: Message] = [
    "unknown_field": .unknownField, "bad_value": .badValue,
    "bad_relation_value": .badRelationValue, "parameter_count": .parameterMarks,
    "where_keys": .whereKeys, "not_found": .notFound, "bad_aggregate": .badAggregate,
    "empty_aggregate": .emptyAggregate, "unknown_aggregate": .unknownAggregate,
    "results_of_registrations": .resultsOfRegistrations, "result_set_called": .resultSetCalled,
    "unknown_code": .unknownCode,
  ]
}

// Writes from Lua.
extension Message {
  public static let unknownStatus = Message(
    vi: "không có trạng thái '{status}'; các trạng thái: {statuses}",
    en: "no status '{status}'; the statuses are: {statuses}")
  public static let unknownOutcome = Message(
    vi: "không có kết quả '{outcome}'; các kết quả: {outcomes}",
    en: "no outcome '{outcome}'; the outcomes are: {outcomes}")
  public static let fieldNamesExpected = Message(
    vi: "cần tên trường làm khóa, ví dụ {title = \"…\"}",
    en: "field names are expected as keys, e.g. {title = \"…\"}")
  public static let badFieldValue = Message(
    vi: "giá trị của '{field}' là {type}: cần số, chuỗi, boolean, db.null hoặc một dòng",
    en: "the value for '{field}' is a {type}: expected a number, string, boolean, db.null or a row")
  public static let badDate = Message(
    vi: "ngày '{date}' không hợp lệ: cần dd/mm/yyyy hoặc yyyy-mm-dd",
    en: "invalid date '{date}': expected dd/mm/yyyy or yyyy-mm-dd")
}

// Scoring from Lua.
extension Message {
  public static let rubricNeedsCriteria = Message(
    vi: "rubric.define cần {criteria = {{code = \"TC1\", name = \"…\", max = 25, bands = {…}}, …}}",
    en:
      "rubric.define needs {criteria = {{code = \"TC1\", name = \"…\", max = 25, bands = {…}}, …}}")
  public static let rubricDefaultName = Message(
    vi: "Tiêu chí chấm điểm năm {year}", en: "Scoring rubric {year}")
  public static let unknownCombine = Message(
    vi:
      "không có cách kết hợp '{name}': dùng \"mean\", \"trimmed_mean\", \"median\" hoặc một hàm Lua",
    en: "no combination '{name}': use \"mean\", \"trimmed_mean\", \"median\" or a Lua function")
  public static let resultsOfRegistrations = Message(
    vi: "results() và checks() chỉ dùng cho registrations",
    en: "results() and checks() are for registrations only")
  public static let badPoints = Message(
    vi: "điểm là một bảng mã tiêu chí = số điểm, ví dụ {TC1 = 22, TC2 = 13}",
    en: "points are a table of criterion code = points, e.g. {TC1 = 22, TC2 = 13}")
  public static let unknownCode = Message(
    vi: "cột {1} không có mã '{2}'; các mã: {3}",
    en: "column {1} has no code '{2}'; the codes are: {3}")
  public static let resultSetCalled = Message(
    vi:
      "tập kết quả không gọi được như hàm: lặp bằng for _, r in ipairs(rs) hoặc for r in rs:rows()",
    en: "a result set cannot be called: loop with for _, r in ipairs(rs) or for r in rs:rows()")
}
