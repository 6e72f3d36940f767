-- The registry's Lua API over the test fixture (six units, seven people, 2022 and 2023
-- campaigns): every query method, rows, relations, writes, transactions and aggregates.

-- help() of what loads on first use, before that use ------------------------------------------
for _, name in ipairs{"remind", "report", "scoring", "rubric", "limits"} do
  local lines, print_ = {}, print
  print = function(text) lines[#lines + 1] = text end
  local ok, err = pcall(help, _G[name])
  print = print_
  assert(ok, err)
  assert(#lines == 1 and not lines[1]:find("sangtao.lazy", 1, true)
    and not lines[1]:find("help()", 1, true), name .. ": " .. tostring(lines[1]))
end

-- Collections and lookup -------------------------------------------------------------------
eq(units:count(), 6, "units")
eq(#units, 6, "#units")
eq(units["DS"].name, "Đảng bộ xã Đạ Sar")
eq(units:get("DS").code, "DS")
local missing, why = units:get("XX")
eq(missing, nil)
assert(why:find("XX", 1, true), why)
eq(units[units.DS.id].code, "DS", "by id")
eq(regs, registrations, "regs is registrations")

-- Writes through the domain ----------------------------------------------------------------
local r1 = registrations:add{year = 2023, subject = "DV-0002", grp = "htxs_year", kind = "model",
  field = "economy", title = "Du lịch cộng đồng gắn với nghề dệt thổ cẩm", received_on = "20/03/2023",
  status = "submitted"}
eq(r1.code, "DK-2023-001")
eq(r1.received_on, "2023-03-20", "dates read dd/mm/yyyy")
eq(r1.unit.code, "LAT", "the unit defaults to the subject's")
eq(r1.subject.full_name, "Cil Ha Thủy")
eq(r1.subject.name, "Cil Ha Thủy", "people answer .name too")
local r2 = registrations:add{year = 2023, subject = "DV-0003", grp = "htxs_year", kind = "approach",
  field = "party_building", title = "Đổi mới sinh hoạt chi bộ ở khu dân cư", received_on = "2023-04-02",
  status = "submitted"}
local r3 = registrations:add{year = 2023, subject = "TT-DS-1", kind = "model", field = "culture_society",
  title = "Đạ Sar xanh - sạch - đẹp", received_on = "2023-03-28", status = "submitted"}
eq(r3.grp, "collective", "a collective's group")
local r4 = registrations:add{year = 2022, subject = "DV-0001", grp = "htxs_year", kind = "model",
  field = "economy", title = "Cà phê Arabica bền vững", received_on = "2022-03-01", status = "submitted"}
expect_error(function()
  registrations:add{year = 2023, subject = "DV-0002", grp = "htxs_year", kind = "model",
    field = "economy", title = "Một đăng ký nữa", received_on = "2023-03-21", status = "submitted"}
end, "DK-2023-001")

-- where ------------------------------------------------------------------------------------
eq(registrations:count(), 4)
eq(registrations:where{year = 2023}:count(), 3, "year")
eq(registrations:where{year = {2022, 2023}}:count(), 4, "IN")
eq(registrations:where{unit = "LAT"}:count(), 1, "relation by code")
eq(registrations:where{unit = units.DS}:count(), 2, "relation by row")
eq(registrations:where{unit = {"LAT", "TT"}}:count(), 2, "relation IN")
eq(registrations:where{received_on = {">", "2023-03-28"}}:count(), 1, "comparison")
eq(registrations:where{received_on = {"between", "2023-03-01", "2023-03-31"}}:count(), 2)
eq(registrations:where{field = {"not", {"economy"}}}:count(), 2, "NOT IN")
eq(registrations:where{notes = db.null}:count(), 4, "NULL")
eq(registrations:where{notes = {"~=", db.null}}:count(), 0, "NOT NULL")
eq(registrations:where("received_on > ?", "2023-03-28"):first().code, r2.code, "SQL fragment")
eq(registrations:where(function(r) return r:days_late() > 0 end):count(), 1, "Lua predicate")
eq(registrations:where{year = 2023}:where(function(r) return r.kind == "model" end):count(), 2)
expect_error(function() registrations:where{nosuch = 1} end, "nosuch")
expect_error(function() registrations:where("a = ? and b = ?", 1) end, "2")
expect_error(function() registrations:where(42) end, "bad argument #1 to 'where'")

-- search: accents, case and đ = d ------------------------------------------------------------
eq(registrations:search("du lich cong dong"):count(), 1)
eq(registrations:search("DU LỊCH"):count(), 1)
eq(registrations:search("doi moi"):count(), 1, "đ matches d")
eq(registrations:search("da sar"):count(), 1)
eq(registrations:search("sinh hoat chi bo"):first().code, r2.code)
eq(units:search("dạ sar"):count(), 1)
eq(people:search("nguyen van an"):count(), 2)

-- order, limit, offset, select, pluck ------------------------------------------------------
local codes = registrations:order("-received_on"):pluck("code")
eq(codes[1], r2.code, "descending")
eq(#codes, 4)
local names = units:order("name"):pluck("name")
eq(names[1], "Ban Tổ chức Huyện ủy", "Vietnamese order")
eq(names[#names], "Đảng bộ xã Lát", "Đ after D")
eq(registrations:order("received_on"):limit(2):count(), 2)
eq(registrations:order("received_on"):offset(3):first().code, r2.code)
local slim = registrations:select("code", "title"):first()
eq(slim.field, nil, "only selected columns")
eq(slim.id, nil, "exactly the selected columns")
assert(slim.code and slim.title)
assert(registrations:select("id", "code"):first().id)
eq(#registrations:ids(), 4)
assert(registrations:exists())
assert(not registrations:where{year = 2021}:exists())

-- rows and result sets ---------------------------------------------------------------------
local n = 0
for r in registrations:where{year = 2023}:rows() do n = n + 1 end
eq(n, 3, "rows()")
local list = registrations:where{year = 2023}:list()
eq(#list, 3)
eq(list:count(), 3)
eq(list:where{kind = "model"}:count(), 2, "result set where")
eq(list:order("-received_on")[1].code, r2.code, "result set order")
eq(list:pluck("code")[1] ~= nil, true)
local rs = db.sql("select code, received_on from registrations where received_on > ? order by code", "2023-03-01")
eq(#rs, 3, "db.sql")
eq(rs:columns()[2], "received_on")
eq(db.value("select count(*) from units"), 6)
expect_error(function() db.sql("delete from units") end, "db.sql")
-- A method named in an aggregate of rows in Lua is never called (delete would write).
local before_count = registrations:count()
eq(registrations:list():agg{x = "count(delete)"}[1].x, 0, "count(delete)")
eq(registrations:count(), before_count, "nothing deleted")
-- A code the column does not have is a typo, said as such, not an empty answer.
expect_error(function() return registrations:where{status = "acepted"}:count() end, "'acepted'")
expect_error(function() return registrations:where{status = {"draft", "submited"}}:count() end, "'submited'")
expect_error(function() return registrations:where{status = {"~=", "drafts"}}:count() end, "'drafts'")
eq(registrations:where{status = {"~=", "draft"}}:count() >= 0, true)
-- `for r in rs do` calls the set: the error says how to loop, where the loop is.
local message = expect_error(function() for _ in rs do end end, "ipairs(rs)")
expect_error(function() for _ in registrations do end end, "rows()")
eq(#registrations(), registrations:count(), "a query called is its rows")
assert(message:find("api_test.lua:%d+:"), message)

-- relations --------------------------------------------------------------------------------
local ds = units.DS
eq(ds.registrations:count(), 2, "reverse relation")
eq(ds.people:count(), 1)
eq(r1.campaign.year, 2023)
eq(r1:days_late(), 0)
eq(r2:days_late(), 5)
eq(r1.year, 2023, "computed field")
eq(campaign(2023):deadlines().d1, "2023-03-28")

-- groups and aggregates --------------------------------------------------------------------
local g = registrations:where{year = 2023}:group("unit"):agg{n = "count"}
eq(#g, 3)
eq(g:columns()[2], "unit")
local by_field = registrations:group("field"):agg{"n = count", "first = min(received_on)"}
eq(by_field:columns()[2], "n", "agg in the given order")
local total = registrations:agg{n = "count", units = "count(distinct unit_id)"}
eq(total[1].n, 4)
eq(total[1].units, 3, "distinct units: LAT, TT, DS")
aggregate("spread", function(values)
  local lo, hi = math.huge, -math.huge
  for _, v in ipairs(values) do lo = math.min(lo, v); hi = math.max(hi, v) end
  return hi - lo
end)
eq(units:agg{s = "spread(member_count)"}[1].s, 0, "a Lua aggregate in agg")
aggregate("sumsq", {init = function() return 0 end, step = function(s, v) return s + v * v end})
eq(db.value("select sumsq(x) from (select 3 as x union all select 4)"), 25, "a Lua aggregate in SQL")
db.func("twice", function(x) return x * 2 end)
eq(db.value("select twice(21)"), 42, "a Lua function in SQL")
db.func("boom", function() error("inside boom") end)
expect_error(function() db.value("select boom()") end, "boom")
eq(registrations:where(function(r) return true end):agg{n = "count"}[1].n, 4, "agg after a Lua predicate")

-- transitions, updates, audit, transactions --------------------------------------------------
r1 = r1:transition("accepted", {date = "2023-03-30", doc = "45-CV/BTCHU"})
eq(r1.status, "accepted")
expect_error(function() r1:transition("submitted") end, "DK-2023-001")
expect_error(function() r1:transition("nonsense") end, "nonsense")
eq(#r1:history(), 1)
r1 = r1:update{notes = "đã bổ sung hồ sơ"}
eq(r1.notes, "đã bổ sung hồ sơ")
expect_error(function()
  db.tx(function()
    r2:update{notes = "will not stay"}
    error("abandon")
  end)
end, "abandon")
eq(r2:reload().notes, nil, "rolled back")
db.tx(function()
  r2:update{notes = "kept"}
  r3:update{notes = "kept too"}
end)
eq(r2:reload().notes, "kept")
eq(audit:where{entity = "registrations", action = "transition"}:count(), 1)
