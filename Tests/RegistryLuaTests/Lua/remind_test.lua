-- Reminders from Lua over the purpose-built year of ReminderScenario (D1 28/03, D2 15/11,
-- D3 30/11): the rules at chosen dates, runs that send once, retries, custom rules, templates,
-- the calendar and the script's options. OUT is a fresh directory.

local function keys(rows, rule)
  local out = {}
  for _, r in ipairs(rows) do
    if rule == nil or r.rule == rule then out[#out + 1] = r.key .. "@" .. r.due_date end
  end
  table.sort(out)
  return table.concat(out, " ")
end

-- The built-in rules are data ------------------------------------------------------------
eq(#remind.rules, 6, "built-in rules")
local names = {}
for name, rule in pairs(remind.rules) do names[#names + 1] = name; assert(rule.builtin) end
eq(table.concat(names, " "),
  "no_registration no_report missing_sheets late_registrations late_reports late_sheets")
eq(remind.rules.no_registration.deadline, "d1")
eq(table.concat(remind.rules.no_registration.offsets, " "), "-14 -7 -3")
eq(table.concat(remind.rules.no_report.offsets, " "), "-30 -14 -7")
eq(remind.rules.missing_sheets.offsets[1], -7)
eq(#remind.rules.missing_sheets.offsets, 8)
eq(remind.rules.late_sheets.deadline, "d3")
eq(tostring(remind.rules.no_registration),
  "no_registration: D1 -14 -7 -3 (đơn vị (tổ chức cơ sở đảng) chưa có đăng ký, trước hạn D1)")

-- The rules at chosen dates, without side effects ------------------------------------------
eq(keys(remind.due("2023-03-13")), "", "13/03: before D1 − 14")
eq(keys(remind.due("2023-03-14")),
  "unit:DMT@2023-03-14 unit:DS@2023-03-14 unit:TT@2023-03-14 unit:YT@2023-03-14", "14/03")
eq(keys(remind.due("2023-03-21")), "unit:DMT@2023-03-21 unit:TT@2023-03-21 unit:YT@2023-03-21", "21/03")
eq(keys(remind.due("2023-03-25")), "unit:DMT@2023-03-25 unit:TT@2023-03-25 unit:YT@2023-03-25", "25/03")
eq(keys(remind.due("2023-03-28")), "unit:DMT@2023-03-25 unit:YT@2023-03-25", "28/03: D1")
eq(keys(remind.due("2023-03-29")), "unit:BTC@2023-03-29", "29/03: the notice to the board")
eq(keys(remind.due("2023-10-16")), "person:DV-0002@2023-10-16 person:DV-0006@2023-10-16", "D2 − 30")
eq(keys(remind.due("2023-11-08")), "collective:TT-DS-1@2023-11-08 person:DV-0006@2023-11-08", "D2 − 7")
eq(keys(remind.due("2023-11-16")), "unit:BTC@2023-11-16", "D2 + 1")
eq(keys(remind.due("2023-11-22"), "missing_sheets"), "", "D3 − 8")
eq(keys(remind.due("2023-11-22")), "unit:BTC@2023-11-16", "D2 + 7: the notice's week")
eq(keys(remind.due("2023-11-23")),
  "person:DV-0005@2023-11-23 person:DV-0006@2023-11-23 person:DV-0007@2023-11-23", "D3 − 7")
eq(keys(remind.due("2023-11-30")), "person:DV-0006@2023-11-30 person:DV-0007@2023-11-30", "D3")
eq(keys(remind.due("2023-12-01")), "unit:BTC@2023-12-01", "D3 + 1")
eq(outbox:count(), 0, "due() records nothing")

local ds = remind.due("14/03/2023"):where{key = "unit:DS"}:first()
eq(ds.status, "new")
eq(ds.recipient, "Đảng bộ xã Đạ Sar")
eq(ds.address, "dangbo.dasar@lacduong.example")
eq(ds.subject, "Nhắc đăng ký mô hình mới, cách làm sáng tạo năm 2023 (hạn 28/03/2023)")
assert(ds.body:find("Thực hiện Công văn 848-CV/HU ngày 08/02/2023 của Ban Thường vụ Huyện ủy", 1, true), ds.body)
assert(ds.body:find("Thời hạn còn 14 ngày.", 1, true), ds.body)
eq(ds.unit_id, units.DS.id)
expect_error(function() remind.due("2023-13-01") end, "2023-13-01")
expect_error(function() remind.due(20230314) end, "bad argument #1 to 'due'")

-- Running: once per reminder -------------------------------------------------------------
local first = remind.run{date = "2023-03-14", channel = "files", out = OUT .. "/letters"}
eq(first.sent, 4, "sent")
eq(first.failed, 0)
eq(first.recorded, 4)
eq(#first.reminders, 4)
eq(first.reminders[1].status, "sent")
eq(#first.reminders[1].files, 2)
assert(first.reminders[1].files[2]:match("%.eml$"), first.reminders[1].files[2])
assert(tostring(first):find("4 cần gửi, 4 đã gửi, 0 lỗi", 1, true), tostring(first))
local again = remind.run{date = "2023-03-14", channel = "files", out = OUT .. "/letters"}
eq(again.sent, 0, "the same day again sends nothing")
eq(again.already, 4)
eq(outbox:count(), 4)
eq(outbox:where{status = "sent", channel = "file"}:count(), 4)
eq(remind.due("2023-03-14"):where{status = "sent"}:count(), 4, "due() shows the outbox status")
local row = outbox:where{recipient = "Đảng bộ xã Đạ Sar"}:first()
eq(row.rule, "no_registration")
eq(row.due_date, "2023-03-14")
eq(row.attempts, 1)
eq(row.unit.code, "DS", "outbox rows have relations")

-- A failing command: recorded, then delivered once by the next run --------------------------
local failing = remind.run{date = "2023-03-21", channel = "command",
  command = {"/bin/sh", "-c", "cat > /dev/null; echo 'relay refused' >&2; exit 1"}}
eq(failing.failed, 3, "failed")
eq(failing.sent, 0)
assert(failing.reminders[1].error:find("relay refused", 1, true), failing.reminders[1].error)
eq(outbox:where{status = "failed"}:count(), 3)
local retried = remind.run{date = "2023-03-21", channel = "command",
  command = "cat > '" .. OUT .. "/mail-'$$.eml"}
eq(retried.sent, 3, "retried")
eq(retried.recorded, 0, "nothing recorded twice")
eq(outbox:where{status = "sent", attempts = 2}:count(), 3)
eq(remind.run{date = "2023-03-21", channel = "command", command = "exit 1"}.sent, 0)

-- A dry run records and sends nothing; run() inside a transaction is refused ------------------
local dry = remind.run{date = "2023-03-25", channel = "command", command = "exit 1", dry_run = true}
eq(dry.due, 3)
eq(dry.failed, 0)
eq(dry.reminders[1].outcome, "would_send")
eq(outbox:count(), 7)
expect_error(function() db.tx(function() remind.run{date = "2023-03-25"} end) end, "db.tx")
expect_error(function() remind.run{date = "2023-03-25", channel = "pigeon"} end, "pigeon")

-- Built-in rules can change their days, their letters, or be switched off ---------------------
local rule = remind.rules.no_registration
rule.offsets = {-20}
rule.subject = "Còn {days_left} ngày để đăng ký năm {year}"
rule.template = {vi = "Kính gửi {addressee} ({unit_code}): hạn {deadline}, {reference_no}.",
  en = "To {addressee}: deadline {deadline}."}
local early = remind.due("2023-03-08")
eq(#early, 5, "every grassroots organization on 08/03")
local tt = early:where{key = "unit:TT"}:first()
eq(tt.subject, "Còn 20 ngày để đăng ký năm 2023")
eq(tt.body, "Kính gửi Đảng bộ thị trấn Lạc Dương (TT): hạn 28/03/2023, 848-CV/HU.")
eq(remind.due("2023-03-08", {lang = "en"}):where{key = "unit:TT"}:first().body,
  "To Đảng bộ thị trấn Lạc Dương: deadline 28/03/2023.")
local subject, body = remind.template("no_registration")
eq(subject, "Còn {days_left} ngày để đăng ký năm {year}")
eq(body, "Kính gửi {addressee} ({unit_code}): hạn {deadline}, {reference_no}.")
rule.template = "Kính gửi {adressee}"
expect_error(function() remind.due("2023-03-08") end,
  "mẫu thư của quy tắc 'no_registration' có chỗ trống không biết {adressee}")
rule.offsets, rule.subject, rule.template = {-14, -7, -3}, nil, nil
subject, body = remind.template("no_registration", "en")
eq(subject, "Reminder: register new models and creative approaches for {year} (deadline {deadline})")
assert(body:find("^To: {addressee}"), body)
rule.enabled = false
eq(#remind.due("2023-03-14"), 0, "switched off")
assert(tostring(rule):find("%[tắt%]$"), tostring(rule))
rule.enabled = true
expect_error(function() remind.template("nope") end, "không có quy tắc nhắc việc 'nope'")

-- Custom rules ----------------------------------------------------------------------------
remind.rule{name = "cam_on", when = {deadline = "d1", offsets = {2}},
  who = function(ctx)
    eq(ctx.deadline, "2023-03-28")
    eq(ctx.due, "2023-03-30", "the firing day")
    local left = {["2023-03-30"] = -2, ["2023-03-31"] = -3, ["2023-04-02"] = -5}
    eq(ctx.days_left, left[ctx.date], "days left on the day of the run " .. ctx.date)
    eq(ctx.year, 2023)
    return units:where{code = {"LAT", "DS"}}:order("code"):list()
  end,
  subject = "Cảm ơn {unit} ({unit_code})",
  template = {vi = "Kính gửi: {addressee}\nCảm ơn đơn vị đã đăng ký trước ngày {deadline} theo {reference_no}.",
    en = "To: {addressee}\nThank you."}}
eq(#remind.rules, 7)
eq(tostring(remind.rules.cam_on), "cam_on (quy tắc riêng)")
eq(keys(remind.due("2023-03-29"), "cam_on"), "", "not before D1 + 2")
local thanks = remind.due("2023-03-30"):where{rule = "cam_on"}
eq(keys(thanks), "unit:DS@2023-03-30 unit:LAT@2023-03-30")
eq(thanks[1].subject, "Cảm ơn Đảng bộ xã Đạ Sar (DS)")
eq(thanks[1].body, "Kính gửi: Đảng bộ xã Đạ Sar\nCảm ơn đơn vị đã đăng ký trước ngày 28/03/2023 theo 848-CV/HU.")
eq(thanks[1].address, "dangbo.dasar@lacduong.example")
eq(keys(remind.due("2023-04-02"), "cam_on"), "unit:DS@2023-03-30 unit:LAT@2023-03-30",
  "a custom firing is caught up like a built-in one")
local thanked = remind.run{date = "2023-03-30", channel = "files", out = OUT .. "/letters"}
eq(thanked.sent, 3, "two thanks, and the board's notice of 29/03 caught up")
eq(outbox:where{rule = "late_registrations", due_date = "2023-03-29"}:count(), 1)
eq(remind.run{date = "2023-03-31", channel = "files", out = OUT .. "/letters"}.sent, 0)

remind.rule{name = "bao_cao_som", when = function(ctx) return ctx.date == "2023-06-01" end,
  who = registrations:where{year = 2023, status = "submitted"}:where("proposed_on IS NOT NULL"),
  template = "Kính gửi: {addressee}\nMô hình “{title}” ({code}, {unit}).\n{email}"}
local early_reports = remind.due("2023-06-01"):where{rule = "bao_cao_som"}
eq(keys(early_reports),
  "collective:TT-DS-1@2023-06-01 person:DV-0002@2023-06-01 person:DV-0006@2023-06-01")
local person = early_reports:where{key = "person:DV-0002"}:first()
eq(person.body, "Kính gửi: đồng chí Cil Ha Thủy\nMô hình “Du lịch cộng đồng gắn với nghề dệt thổ cẩm” "
  .. "(DK-2023-001, Đảng bộ xã Lát).\ndv-0002@lacduong.example")
eq(person.registration_id, registrations["DK-2023-001"].id)
eq(person.subject, "Nhắc việc mô hình mới, cách làm sáng tạo năm 2023: bao_cao_som")
eq(#remind.due("2023-06-02"):where{rule = "bao_cao_som"}, 0)

remind.rule{name = "van_phong", when = {"2023-05-02", "2023-05-03"},
  who = function() return {{name = "Văn phòng Huyện ủy", email = "vp@lacduong.example",
    vars = {note = "họp giao ban"}}} end,
  template = {subject = "Chuẩn bị {note}", body = "Kính gửi: {addressee}\n{note} ngày {date}."}}
local office = remind.due("2023-05-03"):where{rule = "van_phong"}:first()
eq(office.key, "name:Văn phòng Huyện ủy")
eq(office.subject, "Chuẩn bị họp giao ban")
eq(office.body, "Kính gửi: Văn phòng Huyện ủy\nhọp giao ban ngày 03/05/2023.")

remind.rule{name = "to_tham_dinh", when = {deadline = "d3", daily = {-2, 0}},
  who = function() return panel:where{role = "lead"}:list() end,
  template = "Kính gửi: {addressee} ({agency})"}
eq(keys(remind.due("2023-11-29"), "to_tham_dinh"), "person:DV-0005@2023-11-29")
eq(keys(remind.due("2023-11-27"), "to_tham_dinh"), "")

-- A custom rule's pending reminder is cancelled once its day has passed.
remind.run{date = "2023-11-28", channel = "command", command = "exit 1"}
eq(outbox:where{rule = "to_tham_dinh", status = "failed"}:count(), 1)
remind.run{date = "2023-11-29", channel = "files", out = OUT .. "/letters"}
eq(outbox:where{rule = "to_tham_dinh", status = "cancelled"}:count(), 1)
eq(outbox:where{rule = "to_tham_dinh", status = "sent"}:count(), 1)

expect_error(function() remind.rule{name = "no report"} end, "remind.rule cần name")
expect_error(function() remind.rules.mine = {} end, "remind.rules không nhận gán trực tiếp")
expect_error(function() remind.rule{name = "no_report", when = "2023-01-01", who = units, template = "x"} end,
  "'no_report' là quy tắc có sẵn")
expect_error(function() remind.rule{name = "x", when = 5, who = units, template = "x"} end,
  "quy tắc 'x': when cần")
expect_error(function() remind.rule{name = "x", when = {deadline = "d1"}, who = units, template = "x"} end,
  "quy tắc 'x': when cần")
expect_error(function() remind.rule{name = "x", when = "2023-01-01", who = 5, template = "x"} end,
  "quy tắc 'x': who cần")
expect_error(function() remind.rule{name = "x", when = "2023-01-01", who = units} end,
  "quy tắc 'x': template cần")
remind.rule{name = "hong", when = "2023-07-01", who = function() return {42} end, template = "x"}
expect_error(function() remind.due("2023-07-01") end, "quy tắc 'hong': người nhận thứ 1 là number")
remind.rule{name = "hong", when = "2023-07-01", who = function() return {} end, template = "x",
  enabled = false}
eq(#remind.due("2023-07-01"), 0)
remind.rule{name = "han_sai", when = {deadline = "d9", offsets = {1}}, who = units, template = "x"}
expect_error(function() remind.due("2023-07-01") end, "d9")
remind.rule{name = "han_sai", when = "2023-07-01", who = units, template = "x", enabled = false}

-- render, the calendar, the script's options ---------------------------------------------
eq(remind.render("Kính gửi: {addressee}, {{ngoặc}", {addressee = "Đảng bộ xã Lát"}),
  "Kính gửi: Đảng bộ xã Lát, {ngoặc}")
expect_error(function() remind.render("{x}", {}) end, "{x}")
local ics = remind.ics(2023)
assert(ics:find("^BEGIN:VCALENDAR\r\n"), ics)
assert(ics:find("DTSTART;VALUE=DATE:20230328\r\n", 1, true), ics)
-- The same calendar, but for the moment it was made (DTSTAMP: two calls may fall in two seconds).
local function unstamped(text) return (text:gsub("DTSTAMP:%d+T%d+Z", "DTSTAMP")) end
eq(unstamped(remind.ics(2023, OUT .. "/han-2023.ics")), unstamped(ics))
local file = assert(io.open(OUT .. "/han-2023.ics", "rb"))
eq(unstamped(file:read("a")), unstamped(ics))
file:close()
expect_error(function() remind.ics(2031) end, "không có đợt đăng ký năm 2031")
expect_error(function() remind.ics("2023") end, "bad argument #1 to 'ics'")

local options = remind.args{"--date", "2023-03-14", "--channel=files", "--out", "x", "--dry-run",
  "--command", "msmtp -t", "--letters", "en", "--from", "BTC <b@x>", "--board", "BTC"}
eq(options.date, "2023-03-14")
eq(options.channel, "files")
eq(options.out, "x")
eq(options.dry_run, true)
eq(options.command, "msmtp -t")
eq(options.lang, "en")
eq(options.from, "BTC <b@x>")
eq(options.board, "BTC")
eq(remind.args{"--help"}.help, true)
expect_error(function() remind.args{"--bogus"} end, "tùy chọn không biết '--bogus'")
expect_error(function() remind.args{"--date"} end, "tùy chọn '--date' cần một giá trị")

-- help(remind), help(remind.run) and the script's topic --------------------------------------
local printed
local saved_print = print
print = function(text) printed = text end
help(remind)
local remind_help = printed
help(remind.run)
local run_help = printed
help("remind.lua")
local script_help = printed
help()
local overview = printed
print = saved_print
assert(remind_help:find("^Nhắc việc theo các hạn của đợt đăng ký"), remind_help)
eq(run_help, remind_help, "help of a remind function")
assert(script_help:find("^sangtao %[%-%-db SỔ%] scripts/remind.lua"), script_help)
assert(overview:find("help(remind)", 1, true), overview)
