// Messages of the Registry module: opening files, the lifecycle, validation, labels of codes.

extension Message {
  // MARK: Opening a registry

  public static let registryNoSuchFile = Message(
    vi: "không có sổ đăng ký {path}",
    en: "no registry at {path}")
  public static let registryCannotCreate = Message(
    vi: "không tạo được sổ đăng ký {path}: {reason}",
    en: "cannot create the registry {path}: {reason}")
  public static let registryCannotOpen = Message(
    vi: "không mở được sổ đăng ký {path}: {reason}",
    en: "cannot open the registry {path}: {reason}")
  public static let registryNotARegistry = Message(
    vi:
      "{path} không phải là sổ đăng ký của sangtao (là một tệp SQLite khác hoặc không phải SQLite)",
    en: "{path} is not a sangtao registry (another SQLite database, or not SQLite at all)")
  public static let registrySchemaTooNew = Message(
    vi:
      "sổ đăng ký {path} do phiên bản sangtao mới hơn tạo (lược đồ {found}, chương trình này hiểu đến {supported}); hãy cập nhật sangtao",
    en:
      "the registry {path} was made by a newer sangtao (schema {found}, this program knows up to {supported}); update sangtao"
  )
  public static let registryNeedsUpgrade = Message(
    vi:
      "sổ đăng ký {path} cần nâng cấp lược đồ ({found} → {supported}); hãy mở một lần không có --read-only",
    en:
      "the registry {path} needs a schema upgrade ({found} → {supported}); open it once without --read-only"
  )
  public static let registryReadOnly = Message(
    vi: "sổ đăng ký {path} đang mở chỉ đọc: không thể {action}",
    en: "the registry {path} is open read-only: cannot {action}")

  // MARK: Lifecycle

  public static let lifecycleIllegal = Message(
    vi: "không thể {action}: đăng ký đang ở trạng thái {status}, cần {expected}",
    en: "cannot {action}: it is {status}, expected {expected}")
  public static let lifecycleUnreachable = Message(
    vi:
      "không thể {action}: đăng ký đang ở trạng thái {status}, và không bước chuyển nào dẫn tới {target}",
    en: "cannot {action}: it is {status}, and no transition leads to {target}")
  public static let lifecycleLateNotAccepted = Message(
    vi:
      "không thể {action}: nhận ngày {received}, muộn {days} ngày so với hạn {deadline}, và đợt {year} không nhận đăng ký muộn",
    en:
      "cannot {action}: received on {received}, {days} days after the deadline {deadline}, and the {year} campaign does not accept late registrations"
  )
  public static let lifecycleNotOverdue = Message(
    vi: "không thể {action}: hạn báo cáo {deadline} (cộng {grace} ngày) chưa qua vào ngày {date}",
    en:
      "cannot {action}: the report deadline {deadline} (plus {grace} days) has not passed on {date}"
  )
  public static let lifecycleNoReport = Message(
    vi: "không thể {action}: chưa có báo cáo kết quả",
    en: "cannot {action}: there is no results report")
  public static let lifecycleNoOutcome = Message(
    vi: "không thể {action}: cần nói công nhận mức 'excellent' (xuất sắc) hay 'pass' (đạt)",
    en: "cannot {action}: say whether it is recognized as 'excellent' or 'pass'")
  public static let lifecycleNoSheets = Message(
    vi: "không thể {action}: chưa có phiếu chấm hợp lệ nào",
    en: "cannot {action}: there is no valid score sheet")
  public static let lifecycleDateBeforeReceipt = Message(
    vi: "không thể {action}: ngày {date} trước ngày tiếp nhận {received}",
    en: "cannot {action}: the date {date} is before the day it was received, {received}")

  public static let actionSubmit = Message(
    vi: "gửi đăng ký {code}", en: "submit registration {code}")
  public static let actionReturn = Message(
    vi: "trả lại đăng ký {code} để bổ sung", en: "return registration {code} for completion")
  public static let actionAccept = Message(
    vi: "tiếp nhận đăng ký {code}", en: "accept registration {code}")
  public static let actionReport = Message(
    vi: "ghi nhận báo cáo kết quả của đăng ký {code}",
    en: "record the results report of registration {code}")
  public static let actionAppraise = Message(
    vi: "đưa đăng ký {code} vào thẩm định", en: "start the appraisal of registration {code}")
  public static let actionScore = Message(
    vi: "ghi nhận đã chấm điểm đăng ký {code}", en: "mark registration {code} as scored")
  public static let actionRecognize = Message(
    vi: "công nhận đăng ký {code}", en: "recognize registration {code}")
  public static let actionNotPass = Message(
    vi: "ghi nhận đăng ký {code} không đạt", en: "mark registration {code} as not passed")
  public static let actionSendToBTV = Message(
    vi: "trình Ban Thường vụ đăng ký {code}",
    en: "send registration {code} to the Standing Committee")
  public static let actionWithdraw = Message(
    vi: "rút đăng ký {code}", en: "withdraw registration {code}")
  public static let actionNotReported = Message(
    vi: "ghi nhận đăng ký {code} không báo cáo", en: "mark registration {code} as not reported")
  public static let actionCancel = Message(
    vi: "hủy đăng ký {code}", en: "cancel registration {code}")
  public static let actionDraft = Message(
    vi: "đưa đăng ký {code} về nháp", en: "make registration {code} a draft again")
  public static let actionWrite = Message(vi: "ghi thay đổi", en: "write changes")

  // MARK: Statuses

  public static let statusDraft = Message(vi: "nháp", en: "draft")
  public static let statusSubmitted = Message(vi: "đã gửi", en: "submitted")
  public static let statusReturned = Message(vi: "trả lại bổ sung", en: "returned for completion")
  public static let statusAccepted = Message(vi: "đã tiếp nhận", en: "accepted")
  public static let statusReported = Message(vi: "đã báo cáo kết quả", en: "reported")
  public static let statusUnderAppraisal = Message(vi: "đang thẩm định", en: "under appraisal")
  public static let statusScored = Message(vi: "đã chấm điểm", en: "scored")
  public static let statusRecognized = Message(vi: "được công nhận", en: "recognized")
  public static let statusNotPassed = Message(vi: "không đạt", en: "not passed")
  public static let statusSentToBTV = Message(
    vi: "đã trình Ban Thường vụ", en: "sent to the Standing Committee")
  public static let statusWithdrawn = Message(vi: "đã rút", en: "withdrawn")
  public static let statusNotReported = Message(vi: "không báo cáo", en: "not reported")
  public static let statusCancelled = Message(vi: "đã hủy", en: "cancelled")

  /// How a status reads inside a sentence: `'returned'` in English, `'returned' (trả lại bổ
  /// sung)` in Vietnamese.
  public static let statusQuoted = Message(vi: "'{code}' ({label})", en: "'{code}'")
  /// The last two items of a list of alternatives.
  public static let listOr = Message(vi: "{first} hoặc {last}", en: "{first} or {last}")

  // MARK: Validation of records

  public static let recordNotFound = Message(vi: "không có {entity} {key}", en: "no {entity} {key}")
  public static let recordMissingValue = Message(
    vi: "{entity} {key}: thiếu {column}", en: "{entity} {key}: {column} is missing")
  public static let recordBadValue = Message(
    vi: "{entity} {key}: {column} không nhận giá trị '{value}'; giá trị hợp lệ: {allowed}",
    en: "{entity} {key}: {column} cannot be '{value}'; allowed: {allowed}")
  public static let recordBadNumber = Message(
    vi: "{entity} {key}: {column} phải là số, không phải '{value}'",
    en: "{entity} {key}: {column} must be a number, not '{value}'")
  public static let recordBadDate = Message(
    vi: "{entity} {key}: {column} '{value}' không phải là ngày: {reason}",
    en: "{entity} {key}: {column} '{value}' is not a date: {reason}")
  public static let recordUnknownReference = Message(
    vi: "{entity} {key}: không có {target} '{value}'{suggestion}",
    en: "{entity} {key}: no {target} '{value}'{suggestion}")
  public static let recordAmbiguousReference = Message(
    vi: "{entity} {key}: có nhiều {target} tên '{value}': {candidates}; hãy dùng mã",
    en: "{entity} {key}: several {target} are named '{value}': {candidates}; use the code")
  public static let recordDidYouMean = Message(
    vi: " (có phải '{value}'?)", en: " (did you mean '{value}'?)")
  public static let recordDuplicate = Message(
    vi: "{entity}: đã có {column} '{value}'", en: "{entity}: {column} '{value}' already exists")
  public static let recordUnknownColumn = Message(
    vi: "{entity} không có cột '{column}'{suggestion}",
    en: "{entity} has no column '{column}'{suggestion}")
  public static let recordSheetsWhole = Message(
    vi:
      "{entity}: phiếu chấm được ghi trọn vẹn cùng điểm của nó, qua các kiểm tra của tổ thẩm định: r:add_sheet(\"DV-0005\", {TC1 = 22, …}) hoặc .import tệp phiếu chấm",
    en:
      "{entity}: a score sheet is recorded whole with its points, through the appraisal checks: r:add_sheet(\"DV-0005\", {TC1 = 22, …}) or .import a sheets file"
  )
  public static let recordNotEditable = Message(
    vi: "{entity} {key}: không sửa trực tiếp được {column} ({reason})",
    en: "{entity} {key}: {column} cannot be set directly ({reason})")
  public static let recordNulInText = Message(
    vi: "{entity} {key}: {column} chứa ký tự NUL (\\0), không lưu được; hãy bỏ ký tự đó",
    en: "{entity} {key}: {column} contains a NUL character (\\0), which cannot be stored; remove it"
  )
  public static let recordConstraint = Message(
    vi: "{entity} {key}: vi phạm ràng buộc của sổ đăng ký: {detail}",
    en: "{entity} {key}: breaks a rule of the registry: {detail}")
  public static let recordOneActive = Message(
    vi: "{subject} đã có đăng ký {existing} còn hiệu lực trong năm {year} (mỗi năm một đăng ký)",
    en: "{subject} already has the active registration {existing} for {year} (one per year)")
  public static let recordGroupMismatch = Message(
    vi: "{entity} {key}: nhóm '{group}' không hợp với chủ thể {subject}",
    en: "{entity} {key}: group '{group}' does not fit the subject {subject}")
  public static let recordDatesOrder = Message(
    vi: "{entity} {key}: {first} ({firstValue}) phải trước {second} ({secondValue})",
    en: "{entity} {key}: {first} ({firstValue}) must not be after {second} ({secondValue})")
  public static let reasonDerived = Message(
    vi: "được tính từ {source}", en: "it is computed from {source}")
  public static let reasonLifecycle = Message(
    vi: "dùng chuyển trạng thái", en: "use a lifecycle transition")
  public static let reasonIdentity = Message(
    vi: "là khóa của bản ghi", en: "it identifies the record")

  public static let dateBadFormat = Message(
    vi: "hãy viết dd/mm/yyyy hoặc yyyy-mm-dd", en: "write dd/mm/yyyy or yyyy-mm-dd")
  public static let dateNoSuchDay = Message(
    vi: "không có ngày {day} tháng {month} năm {year}", en: "{year}-{month} has no day {day}")
  public static let dateMonthFirst = Message(
    vi: "ngày viết theo ngày/tháng/năm; có phải {suggestion}?",
    en: "dates are day/month/year; did you mean {suggestion}?")

  // MARK: Names of entities

  public static let entityUnit = Message(vi: "đơn vị", en: "unit")
  public static let entityPerson = Message(vi: "cá nhân", en: "person")
  public static let entityCollective = Message(vi: "tập thể", en: "collective")
  public static let entityRating = Message(vi: "xếp loại", en: "rating")
  public static let entityCampaign = Message(vi: "đợt đăng ký", en: "campaign")
  public static let entityRegistration = Message(vi: "đăng ký", en: "registration")
  public static let entityTarget = Message(vi: "chỉ tiêu", en: "target")
  public static let entityReport = Message(vi: "báo cáo kết quả", en: "report")
  public static let entityTargetResult = Message(vi: "kết quả chỉ tiêu", en: "target result")
  public static let entityPanelMember = Message(vi: "thành viên Tổ thẩm định", en: "panel member")
  public static let entityRubric = Message(vi: "bộ tiêu chí", en: "rubric")
  public static let entityCriterion = Message(vi: "tiêu chí", en: "criterion")
  public static let entityBand = Message(vi: "khung điểm", en: "band")
  public static let entityScoreSheet = Message(vi: "phiếu chấm", en: "score sheet")
  public static let entitySheetPoints = Message(vi: "điểm tiêu chí", en: "criterion points")
  public static let entityReminder = Message(vi: "nhắc việc", en: "reminder")
  public static let entityAuditEntry = Message(vi: "nhật ký", en: "audit entry")
  public static let entitySubject = Message(vi: "chủ thể", en: "subject")
  public static let entityTable = Message(vi: "bảng", en: "table")

  // MARK: Labels of codes

  public static let ratingHTXS = Message(
    vi: "Hoàn thành xuất sắc nhiệm vụ", en: "completed tasks excellently")
  public static let ratingHTT = Message(vi: "Hoàn thành tốt nhiệm vụ", en: "completed tasks well")
  public static let ratingHT = Message(vi: "Hoàn thành nhiệm vụ", en: "completed tasks")
  public static let ratingKHT = Message(
    vi: "Không hoàn thành nhiệm vụ", en: "did not complete tasks")

  public static let groupCollective = Message(
    vi: "Tập thể lãnh đạo, quản lý", en: "leadership collective")
  public static let groupHTXSYear = Message(
    vi: "Đảng viên hoàn thành xuất sắc nhiệm vụ trong năm",
    en: "party member rated HTXS in the year")
  public static let groupHTXSFiveYears = Message(
    vi: "Đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền",
    en: "party member rated HTXS five years in a row")

  public static let kindModel = Message(vi: "Mô hình mới", en: "new model")
  public static let kindApproach = Message(vi: "Cách làm sáng tạo", en: "creative approach")
  public static let kindInitiative = Message(vi: "Sáng kiến", en: "initiative")
  public static let kindTopic = Message(vi: "Đề tài", en: "topic")

  public static let fieldPartyBuilding = Message(vi: "Xây dựng Đảng", en: "Party building")
  public static let fieldEconomy = Message(vi: "Kinh tế", en: "economy")
  public static let fieldCultureSociety = Message(vi: "Văn hóa – xã hội", en: "culture and society")
  public static let fieldDefenceSecurity = Message(
    vi: "Quốc phòng – an ninh", en: "defence and security")
  public static let fieldAdminReform = Message(
    vi: "Cải cách hành chính, chuyển đổi số",
    en: "administrative reform and digital transformation")
  public static let fieldMassMobilization = Message(vi: "Dân vận", en: "mass mobilization")

  public static let outcomeExcellent = Message(vi: "Xuất sắc", en: "excellent")
  public static let outcomePass = Message(vi: "Đạt", en: "pass")
  public static let outcomeNotPassed = Message(vi: "Không đạt", en: "not passed")

  public static let unitKindCommune = Message(
    vi: "Đảng bộ xã, thị trấn", en: "commune party committee")
  public static let unitKindAgency = Message(vi: "Đảng bộ cơ sở", en: "agency party committee")
  public static let unitKindCell = Message(vi: "Chi bộ cơ sở", en: "grassroots party cell")
  public static let unitKindSubcell = Message(vi: "Chi bộ trực thuộc", en: "subordinate cell")
  public static let unitKindAdvisory = Message(
    vi: "Cơ quan tham mưu, giúp việc Huyện ủy", en: "advisory board of the District Committee")

  public static let blocCommune = Message(vi: "Khối xã, thị trấn", en: "communes and town")
  public static let blocPartyMass = Message(
    vi: "Khối Đảng, Mặt trận, đoàn thể", en: "Party, Front and mass organizations")
  public static let blocGovernment = Message(vi: "Khối chính quyền", en: "government")
  public static let blocArmedForces = Message(vi: "Khối lực lượng vũ trang", en: "armed forces")
  public static let blocJustice = Message(vi: "Khối nội chính", en: "justice and internal affairs")
  public static let blocPublicService = Message(vi: "Khối sự nghiệp", en: "public services")
  public static let blocVertical = Message(vi: "Khối ngành dọc", en: "vertical agencies")

  public static let roleLead = Message(vi: "Tổ trưởng", en: "lead")
  public static let roleDeputy = Message(vi: "Tổ phó", en: "deputy")
  public static let roleMember = Message(vi: "Thành viên", en: "member")
  public static let roleSecretary = Message(vi: "Thư ký", en: "secretary")
}

extension Message {
  public static let genderMale = Message(vi: "Nam", en: "male")
  public static let genderFemale = Message(vi: "Nữ", en: "female")
  public static let managedByBTV = Message(
    vi: "Ban Thường vụ Huyện ủy quản lý", en: "managed by the District Standing Committee")
  public static let managedByGrassroots = Message(
    vi: "Cấp ủy cơ sở quản lý", en: "managed by the grassroots committee")
}

extension Message {
  // MARK: Demo registry

  public static let demoProgress = Message(
    vi: "Đang tạo sổ đăng ký mẫu – {what}: {done}/{total}",
    en: "Making the demo registry – {what}: {done}/{total}")
  public static let demoPhasePeople = Message(vi: "đơn vị và đảng viên", en: "units and members")
  public static let demoPhaseRatings = Message(vi: "xếp loại", en: "ratings")
  public static let demoPhaseRegistrations = Message(vi: "đăng ký", en: "registrations")
  public static let demoPhaseBlocks = Message(vi: "khối dữ liệu mở rộng", en: "scale blocks")
}

extension Message {
  // MARK: Scoring

  public static let scoringEmptyRubric = Message(
    vi: "bộ tiêu chí năm {year} không có tiêu chí nào", en: "the {year} rubric has no criteria")
  public static let scoringDuplicateCriterion = Message(
    vi: "bộ tiêu chí năm {year}: tiêu chí {criterion} xuất hiện hai lần",
    en: "the {year} rubric: criterion {criterion} appears twice")
  public static let scoringBadMaximum = Message(
    vi: "bộ tiêu chí năm {year}: điểm tối đa của {criterion} phải lớn hơn 0",
    en: "the {year} rubric: the maximum of {criterion} must be above 0")
  public static let scoringBadBand = Message(
    vi:
      "bộ tiêu chí năm {year}: khung '{label}' của {criterion} ({min}–{max}) phải nằm trong 0–{criterionMax}",
    en:
      "the {year} rubric: band '{label}' of {criterion} ({min}–{max}) must lie within 0–{criterionMax}"
  )
  public static let scoringOverlappingBands = Message(
    vi: "bộ tiêu chí năm {year}: các khung '{first}' và '{second}' của {criterion} chồng lên nhau",
    en: "the {year} rubric: bands '{first}' and '{second}' of {criterion} overlap")
  public static let scoringNoRubric = Message(
    vi: "năm {year} chưa có bộ tiêu chí chấm điểm", en: "there is no rubric for {year}")
  public static let scoringRubricInUse = Message(
    vi: "bộ tiêu chí năm {year} đã dùng cho {sheets} phiếu chấm",
    en: "the {year} rubric is used by {sheets} score sheets")
  public static let scoringNotAMember = Message(
    vi: "{member} không phải thành viên Tổ thẩm định năm {year}",
    en: "{member} is not a member of the {year} appraisal team")
  public static let scoringOwnUnit = Message(
    vi: "{member} không được chấm {registration}: đăng ký của chính đơn vị mình ({unit})",
    en: "{member} may not score {registration}: it comes from the member's own unit ({unit})")
  public static let scoringNotReported = Message(
    vi:
      "phiếu chấm của {member} cho {registration}: đăng ký đang ở trạng thái {status}, chưa có báo cáo kết quả để chấm",
    en:
      "score sheet of {member} for {registration}: it is {status}, with no results report to score")
  public static let scoringAlreadyScored = Message(
    vi: "{member} đã có phiếu chấm cho {registration}",
    en: "{member} already has a score sheet for {registration}")
  public static let scoringUnknownCriterion = Message(
    vi: "phiếu chấm của {member} cho {registration}: không có tiêu chí {criterion} (có: {known})",
    en: "score sheet of {member} for {registration}: no criterion {criterion} (there are: {known})")
  public static let scoringMissingCriterion = Message(
    vi: "phiếu chấm của {member} cho {registration}: thiếu điểm {criterion}",
    en: "score sheet of {member} for {registration}: {criterion} has no points")
  public static let scoringAboveMaximum = Message(
    vi:
      "phiếu chấm của {member} cho {registration}: {criterion} được {points} điểm, quá tối đa {max}",
    en:
      "score sheet of {member} for {registration}: {criterion} has {points} points, more than its {max}"
  )
  public static let scoringNegative = Message(
    vi: "phiếu chấm của {member} cho {registration}: {criterion} không được âm ({points})",
    en: "score sheet of {member} for {registration}: {criterion} cannot be negative ({points})")
  public static let scoringOutsideBands = Message(
    vi:
      "phiếu chấm của {member} cho {registration}: {points} điểm {criterion} không thuộc khung nào ({bands})",
    en:
      "score sheet of {member} for {registration}: {points} points for {criterion} fall in no band ({bands})"
  )
}

extension Message {
  // MARK: CSV

  public static let csvCannotRead = Message(
    vi: "không đọc được tệp: {reason}", en: "cannot read the file: {reason}")
  public static let csvNotUTF8 = Message(
    vi: "tệp không phải UTF-8; trong Excel hãy lưu bằng “CSV UTF-8 (Comma delimited) (*.csv)”",
    en: "the file is not UTF-8; in Excel, save it as “CSV UTF-8 (Comma delimited) (*.csv)”")
  public static let csvEmpty = Message(
    vi: "tệp trống: cần một dòng tiêu đề rồi mỗi dòng một bản ghi",
    en: "the file is empty: it needs a header line, then one line per record")
  public static let csvUnknownHeader = Message(
    vi: "không biết cột '{header}'{suggestion}; các cột nhận được: {known}",
    en: "unknown column '{header}'{suggestion}; the columns are: {known}")
  public static let csvDuplicateHeader = Message(
    vi: "cột '{header}' đã có ở cột {first}; hãy xóa một cột",
    en: "column '{header}' already appears as column {first}; remove one of them")
  public static let csvMissingHeader = Message(
    vi: "thiếu cột '{header}'; hãy thêm cột này vào dòng tiêu đề",
    en: "column '{header}' is missing; add it to the header line")
  public static let csvNotImportable = Message(
    vi: "bảng này chỉ xuất ra được, không nhập vào",
    en: "this table can be exported, not imported")
  public static let csvCellCount = Message(
    vi:
      "dòng có {count} ô, dòng tiêu đề có {expected}; ô có dấu phẩy, dấu chấm phẩy hoặc xuống dòng phải nằm trong dấu ngoặc kép",
    en:
      "the line has {count} cells, the header has {expected}; a cell holding a comma, a semicolon or a line break must be in double quotes"
  )
  public static let csvDuplicateRow = Message(
    vi: "dòng này cùng một bản ghi với dòng {first}; hãy bỏ một trong hai dòng",
    en: "this line is about the same record as line {first}; remove one of them")
  public static let csvFailed = Message(
    vi: "không nhập {file}: {count} lỗi, chưa thay đổi gì",
    en: "{file} was not imported: {count} errors, nothing changed")
  public static let csvSummary = Message(
    vi: "{file}: thêm {inserted}, sửa {updated}, giữ nguyên {unchanged}",
    en: "{file}: {inserted} added, {updated} changed, {unchanged} unchanged")
  public static let csvDryRun = Message(
    vi: "{summary} (chạy thử, chưa ghi gì)", en: "{summary} (dry run, nothing written)")
  public static let csvChangeInsert = Message(
    vi: "dòng {line}: thêm {key}", en: "line {line}: add {key}")
  public static let csvChangeUpdate = Message(
    vi: "dòng {line}: sửa {key}: {columns}", en: "line {line}: change {key}: {columns}")
  public static let csvProgress = Message(
    vi: "Đang nhập {file}: {done}/{total} dòng", en: "Importing {file}: {done}/{total} lines")
}

extension Message {
  // MARK: Eligibility checks

  public static let checkPassed = Message(
    vi: "{code}: đạt kiểm tra {check}", en: "{code}: {check} passed")
  public static let checkNoRating = Message(vi: "chưa xếp loại", en: "no rating")
  public static let checkFiveYears = Message(
    vi: "{code}: nhóm 5 năm liền cần HTXS các năm {from}–{to}; {years}",
    en: "{code}: the five-year group needs HTXS in {from}–{to}; {years}")
  public static let checkNoReport = Message(
    vi: "{code} được đề nghị HTXS nhưng chưa có báo cáo kết quả (hạn {deadline})",
    en: "{code} is proposed for HTXS but has no results report (due {deadline})")
  public static let checkLateReport = Message(
    vi: "{code}: báo cáo kết quả nộp ngày {date}, muộn {days} ngày so với hạn {deadline}",
    en: "{code}: the results report came on {date}, {days} days after the deadline {deadline}")
  public static let checkNoResult = Message(
    vi:
      "{code} được đề nghị HTXS nhưng chưa có kết quả thẩm định trước {deadline}: {sheets} phiếu hợp lệ, cần {quorum}",
    en:
      "{code} is proposed for HTXS but has no appraisal result by {deadline}: {sheets} valid sheets, {quorum} needed"
  )
  public static let checkSeveralActive = Message(
    vi: "{code}: {subject} có {count} đăng ký còn hiệu lực trong năm {year}: {codes}",
    en: "{code}: {subject} has {count} active registrations for {year}: {codes}")
  public static let checkOverQuota = Message(
    vi:
      "{code}: {unit} đề nghị {proposals} đảng viên HTXS, vượt chỉ tiêu {quota} ({percent} % của {htt} đảng viên HTT năm {year})",
    en:
      "{code}: {unit} proposes {proposals} members for HTXS, over its quota of {quota} ({percent} % of {htt} rated HTT in {year})"
  )
  public static let checkReuse = Message(
    vi: "{code} có thể trùng với {other} ({year}, {unit}): “{title}” (giống {similarity} %)",
    en: "{code} may re-use {other} ({year}, {unit}): “{title}” ({similarity} % alike)")
  public static let checkNoHead = Message(
    vi: "{code}: tập thể {collective} chưa có người đứng đầu",
    en: "{code}: the collective {collective} names no head")
}
