-- The report builder over CampaignFixture (nine units, the 2022 and 2023 campaigns, one hostile
-- title). OUT is a private directory for the files it writes (the Swift test checks their mode).

local hostile = registrations:where{year = 2023}:where("title LIKE '=HYPERLINK%'"):first()
assert(hostile, "the fixture has its hostile registration")

-- report.new --------------------------------------------------------------------------------
local r = report.new{title = "Tình hình đăng ký năm 2023", parent = "ĐẢNG BỘ HUYỆN LẠC DƯƠNG",
  organization = "BAN TỔ CHỨC HUYỆN ỦY", number = "15-BC/BTCHU", place = "Lạc Dương",
  date = "08/02/2023", type = "BÁO CÁO", lang = "vi"}
assert(report.is(r))
eq(r.title, "Tình hình đăng ký năm 2023")
eq(r.header.date, "2023-02-08", "dd/mm/yyyy becomes ISO")
eq(r.lang, "vi")
eq(tostring(r), "report: Tình hình đăng ký năm 2023 (0 blocks)")
eq(report.new("Chỉ tiêu đề").header, nil, "no issuer, no number, no date: no official header")
expect_error(function() report.new{} end, "bad argument #1 to 'new' (string expected, got no value)")
expect_error(function() report.new{title = "x", date = "31/02/2023"} end,
  "ngày '31/02/2023' không hợp lệ: cần dd/mm/yyyy hoặc yyyy-mm-dd")
local where = expect_error(function() report.new{title = "x", lang = "fr"} end, "bad argument #1 to 'new'")
assert(where:find("report_test.lua:%d+:"), "errors point at the script's line: " .. where)

-- Numbers and dates the Vietnamese way ----------------------------------------------------------
eq(r:number(1234.5), "1.234,5")
eq(r:number(1234), "1.234")
eq(r:number(2 / 3, 1), "0,7")
eq(r:percent(0.125), "12,5\u{A0}%")
eq(r:date("2023-03-28"), "28/03/2023")
eq(r:date("28/3/2023", true), "ngày 28 tháng 3 năm 2023")
eq(report.new{title = "x", lang = "en"}:number(1234.5), "1,234.5")
eq(db.lang, "vi")
eq(db.labels("registrations", "field").economy, "Kinh tế")
eq(db.labels("registrations", "title"), nil, "a field without codes")

-- Headings and text -----------------------------------------------------------------------------
r:heading("I. Tình hình đăng ký"):text("Toàn huyện có %s đăng ký.", r:number(1246))
eq(r.blocks[1].type, "heading")
eq(r.blocks[1].level, 1)
eq(r.blocks[2].text, "Toàn huyện có 1.246 đăng ký.")
r:heading("1. Theo đơn vị", 2)
eq(r.blocks[3].level, 2)
expect_error(function() r:heading(42) end, "bad argument #1 to 'heading' (string expected, got number)")

-- Tables of a query -----------------------------------------------------------------------------
local q = registrations:where{year = 2023, status = {"not", {"draft", "withdrawn", "cancelled"}}}
r:table(q:order("code"), {caption = "Bảng 1. Đăng ký", limit = 5})
local t = r.blocks[#r.blocks]
eq(t.caption, "Bảng 1. Đăng ký")
eq(table.concat(t.columns, ","), "code,title,unit,grp,field,status,received_on", "the summary")
eq(t.labels[1], "Mã")
eq(t.labels[3], "Đơn vị")
eq(t.labels[5], "Lĩnh vực")
eq(#t.rows, 5, "limit")
eq(t.total, q:count(), "the note counts every row")
local first = q:order("code"):first()
eq(t.rows[1][1], first.code)
eq(t.rows[1][3], first.unit.name, "relations show their name")
eq(t.rows[1][5], db.labels("registrations", "field")[first.field], "codes show their label")
r:table(q:order("code"), {codes = false, columns = {"code", "field"}})
eq(r.blocks[#r.blocks].rows[1][2], first.field, "codes = false keeps the code")

-- A query's own limit stays (the console had shown 20 rows of registrations:limit(3)).
r:table(registrations:order("code"):limit(3), {columns = {"code"}})
eq(#r.blocks[#r.blocks].rows, 3)
eq(r.blocks[#r.blocks].total, 3)

-- Computed fields, also one that is a method too (days_late).
r:table(q:where("received_on > ?", "2023-03-28"):order("-received_on"),
  {columns = {"code", "days_late", "score", "subject_name"}})
t = r.blocks[#r.blocks]
eq(t.rows[1][2], 13, "days_late as a column is the computed field, not the method")
eq(t.labels[2], "Số ngày trễ")

expect_error(function() r:table(q, {columns = {"code", "nosuch"}}) end,
  "'nosuch' không có trong số liệu; các cột: id, code, campaign_id")
expect_error(function() r:table(registrations:group("unit")) end, "query:group(…) without :agg{…}")
expect_error(function() r:table(42) end, "không phải number")
expect_error(function() r:table(q, {kinds = {code = "money"}}) end, "kiểu cột 'money' của 'code' không có")

-- Grouped results: the relation by name (its id hidden), codes by label, labels by position.
local by_field = q:group("field"):agg{n = "count"}:order("-n", "field")
r:table(by_field, {labels = {"Lĩnh vực", "Số đăng ký"}, totals = {"n"}, numbered = true})
t = r.blocks[#r.blocks]
eq(table.concat(t.columns, ","), "no,field,n")
eq(t.labels[1], "TT")
eq(t.labels[2], "Lĩnh vực")
eq(t.labels[3], "Số đăng ký")
eq(t.kinds[1], "integer")
eq(t.rows[1][1], 1)
eq(t.rows[1][2], "Kinh tế", "most registrations are in economy")
local last = t.rows[#t.rows]
eq(last[1], nil, "the totals row has no number")
eq(last[2], "Tổng cộng")
eq(last[3], q:count(), "the total")
eq(t.footer, 1)
eq(t.total, #by_field + 1)
local by_unit = q:group("unit"):agg{n = "count"}
r:table(by_unit)
eq(table.concat(r.blocks[#r.blocks].columns, ","), "unit,n", "unit_id is hidden beside unit")

-- db.sql rows, with a field added in Lua; percent kinds.
local rows = db.sql("SELECT u.name AS unit, count(r.id) AS n FROM units u "
  .. "LEFT JOIN registrations r ON r.unit_id = u.id GROUP BY u.id ORDER BY u.code")
for _, row in ipairs(rows) do row.share = row.n / 10 end
r:table(rows, {columns = {"unit", "n", "share"}, kinds = {share = "percent"}, labels = {share = "Tỷ lệ"}})
t = r.blocks[#r.blocks]
eq(t.kinds[3], "percent")
eq(t.labels[1], "Đơn vị", "the registry's label for a known column name")
expect_error(function() r:table(rows, {columns = {"unit", "shar"}}) end, "'shar' không có trong số liệu")

-- Arrays of rows: records, and positional rows with their columns.
r:table({{unit = "Lát", n = 3}, {unit = "Đạ Sar", n = 2}}, {columns = {"unit", "n"}})
eq(r.blocks[#r.blocks].rows[2][1], "Đạ Sar")
r:table({{"Lát", 3}, {"Đạ Sar", 2}}, {columns = {"unit", "n"}})
eq(r.blocks[#r.blocks].rows[1][2], 3)
expect_error(function() r:table({{"Lát", 3}}) end, "các dòng dạng mảng cần tên cột")
r:table({}, {columns = {"unit"}})
eq(#r.blocks[#r.blocks].rows, 0, "an empty table")

-- One row: a line per field.
r:table(units.LAT, {columns = {"code", "name", "kind"}})
t = r.blocks[#r.blocks]
eq(t.labels[1], "Nội dung")
eq(t.rows[2][1], "Tên đơn vị")
eq(t.rows[2][2], "Đảng bộ xã Lát")
eq(t.rows[3][2], "Đảng bộ xã, thị trấn", "the unit kind by its label")

-- Charts ----------------------------------------------------------------------------------------
r:chart{kind = "bar", title = "Theo lĩnh vực", data = by_field, category = "field", value = "n"}
local c = r.blocks[#r.blocks]
eq(c.categories[1], "Kinh tế", "categories by label")
eq(c.series[1].values[1], by_field[1].n)
eq(c.category_label, "Lĩnh vực")
r:chart{kind = "stacked", title = "Đúng hạn và trễ hạn", categories = {"Lát", "Đạ Sar"},
  series = {{name = "Đúng hạn", values = {3, 2}}, {name = "Trễ hạn", values = {1, 0}}}}
r:chart{kind = "line", title = "Qua các năm", categories = {2022, 2023},
  series = {{name = "Đăng ký", values = {7, 16}}}}
eq(r.blocks[#r.blocks].categories[1], "2022")
local scores = db.sql("SELECT avg(total) AS score FROM appraisal_totals GROUP BY registration_id")
r:chart{kind = "histogram", title = "Phân bố điểm", data = scores, value = "score", bin_width = 5}
eq(r.blocks[#r.blocks].count, #scores)
r:chart{kind = "bar", title = "Giá trị", categories = {"a", "b"}, values = {1, nil}}
expect_error(function() r:chart{kind = "pie", values = {1}} end,
  "không có kiểu biểu đồ 'pie': dùng bar, stacked, histogram hoặc line")
expect_error(function() r:chart{kind = "bar", categories = {"a"}, values = {"x"}} end,
  "giá trị thứ 1 của '' là string: biểu đồ cần số")
expect_error(function() r:chart{kind = "bar", title = "t"} end, "biểu đồ cần số liệu")
where = expect_error(function()
  r:chart{kind = "bar", data = by_field, category = "field", series = {"n", "n"}}
end, "biểu đồ cột nhận đúng một chuỗi số liệu, có 2")
assert(where:find("report_test.lua:%d+:"), "chart errors from Swift point at the script too: " .. where)
expect_error(function() r:chart{kind = "stacked", categories = {"a"}, series = {{name = "s", values = {-1}}}} end,
  "biểu đồ cột chồng không nhận giá trị âm")

-- The hostile title, in every format ------------------------------------------------------------
local h = report.new{title = "Thử", organization = "BTC", date = "2023-12-01"}
h:table(registrations:where{id = hostile.id}, {columns = {"code", "title", "received_on", "score"}})
h:text(hostile.title)
h:chart{kind = "bar", title = hostile.title, categories = {hostile.title}, values = {95}}
local md = h:render("md")
assert(not md:find("<script>", 1, true), "no raw markup in Markdown")
assert(md:find("&lt;script&gt;", 1, true))
assert(md:find("\\=HYPERLINK", 1, true) or md:find("=HYPERLINK", 1, true))
assert(md:find("25/03/2023", 1, true), "dates the Vietnamese way")
assert(md:find("95,00", 1, true) or md:find("95", 1, true))
local html = h:render("html")
assert(not html:find("<script", 1, true), "no script element in HTML")
assert(html:find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", 1, true))
assert(html:find("<svg", 1, true), "charts are inline SVG")
local csv = h:render("csv")
eq(csv:sub(1, 3), "\239\187\191", "CSV starts with a byte order mark")
assert(not csv:find("\n=HYPERLINK", 1, true) and not csv:find(",=HYPERLINK", 1, true),
  "no cell starts with a formula")
assert(csv:find("'=HYPERLINK", 1, true), "the formula is neutralized")
local json = h:render("json")
assert(json:find('"received_on": "2023-03-25"', 1, true), "JSON keeps machine values")
expect_error(function() h:render("pdf") end, "không biết lưu báo cáo dạng 'pdf'")

-- Saving ----------------------------------------------------------------------------------------
r:save(OUT .. "/report.html"):save(OUT .. "/report.md")
r:save(OUT .. "/report.csv"):save(OUT .. "/report.json")
local f = assert(io.open(OUT .. "/report.html"))
local text = f:read("a")
f:close()
assert(text:find("<h1 class=\"title\">Tình hình đăng ký năm 2023</h1>", 1, true))
assert(text:find("ngày 08 tháng 02 năm 2023", 1, true), "the official date line")
assert(text:find("Số 15-BC/BTCHU", 1, true))
expect_error(function() r:save(OUT .. "/report.pdf") end,
  "không biết lưu báo cáo dạng 'report.pdf': dùng tệp .html, .md, .csv hoặc .json")
expect_error(function() r:save(OUT .. "/no/such/dir/report.html") end,
  "không ghi được báo cáo vào '" .. OUT .. "/no/such/dir/report.html': No such file or directory")
