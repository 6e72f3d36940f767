-- Hostile input to the registry's Lua API over the test fixture: quotes and SQL comments in
-- every value, Lua functions that fail or recurse inside SQL, queries stopped half-way. Each
-- gets a clear error, and the registry and the session go on.

local hostile = "x'); DROP TABLE units; -- \"q\" /* c */ %_ \0 ế"

-- Values are bound everywhere, and round-trip as they were -----------------------------------
eq(units:where{name = hostile}:first(), nil, "first")
eq(units:where{name = hostile}:exists(), false, "exists")
eq(#units:where{name = hostile}:pluck("name"), 0, "pluck")
eq(units:where{name = hostile}:rows()(), nil, "rows")
eq(units:where("name = ? OR code = ?", hostile, hostile):count(), 0, "fragment")
eq(units:get(hostile), nil, "get")
eq(units[hostile:upper()], nil, "index by code")
eq(units:search(hostile):count(), 0, "search")
eq(units:search("%"):count(), 0, "no LIKE wildcard in search")
eq(units:search("_"):count(), 0, "no LIKE wildcard in search")
eq(db.value("select ?", hostile), hostile, "db.value binds")
eq(db.sql("select ? as v", hostile)[1].v, hostile, "db.sql binds")
eq(#db.sql("select * from units where name = ?", hostile), 0)
eq(units:where{name = {hostile, "Đảng bộ xã Lát"}}:count(), 1, "IN")
local grouped = units:where{name = {"~=", hostile}}:group("kind"):agg{n = "count"}
eq(#grouped > 0, true, "group with a hostile value")

-- A NUL would be cut short by SQLite's tools: refused with a clear message, never truncated
expect_error(function() units:add{code = "HN", name = hostile, kind = "cell"} end, "NUL")
eq(units.HN, nil)
local stored = hostile:gsub("%z", "")
local added = units:add{code = "HX", name = stored, kind = "cell", email = stored}
eq(units.HX.name, stored, "stored as given")
eq(units:where{name = stored}:count(), 1)
added:update{email = stored .. stored}
eq(units.HX.email, stored .. stored)
eq(units:count(), 7, "the table is still there")

-- Lua inside SQL that fails ----------------------------------------------------------------
aggregate("boom", function(values) error("hỏng tổng hợp") end)
local message = expect_error(function() return db.sql("select boom(id) from units") end, "hỏng tổng hợp")
assert(message:find("boom", 1, true), message)
aggregate("bad_step", {init = function() return 0 end, step = function(s, v) error("step " .. v) end})
expect_error(function() return db.value("select bad_step(id) from units") end, "step")
aggregate("table_result", function(values) return {} end)
expect_error(function() return db.value("select table_result(id) from units") end, "table")
db.func("explode", function(x) error({}) end)
expect_error(function() return db.value("select explode(1)") end, "explode")
expect_error(function() return units:group("kind"):agg{x = "boom(id)"} end, "hỏng tổng hợp")
eq(units:count(), 7, "the session goes on")

-- A scalar and an aggregate of one name: the old one is gone from SQLite, not left dangling
db.func("twin", function(a, b) return a + b end)
eq(db.value("select twin(1, 2)"), 3)
aggregate("twin", function(values) return #values end)
eq(db.value("select twin(id) from units"), 7)
expect_error(function() return db.value("select twin(1, 2)") end, "twin")
collectgarbage()
expect_error(function() return db.value("select twin(1, 2)") end, "twin")

-- Redefining while a query runs: refused, the old one keeps working
db.func("double", function(x) return x * 2 end)
for r in units:rows() do
  expect_error(function() db.func("double", function(x) return x * 3 end) end, "double")
  break
end
collectgarbage()
eq(db.value("select double(21)"), 42, "the first definition stands")

-- Lua inside SQL that runs the same SQL again, or recurses without end
local depth = 0
db.func("again", function(x)
  depth = depth + 1
  if depth >= 4 then return x end
  return db.value("select again(?)", x + 1)
end)
eq(db.value("select again(?)", 1), 4, "the same statement, stepped inside itself")
db.func("forever", function(x) return db.value("select forever(?)", x) end)
expect_error(function() return db.value("select forever(1)") end, "stack overflow")
eq(db.value("select count(*) from units"), 7)

-- Queries stopped half-way ---------------------------------------------------------------------
expect_error(function() for r in units:rows() do error("stop here") end end, "stop here")
expect_error(function()
  for r in units:where(function(r) error("predicate failed") end):rows() do end
end, "predicate failed")
eq(units:count(), 7)

db.func("spin", function(x) while true do end end)
local ok, why = pcall(limits.run, {seconds = 0.2}, function() return db.sql("select spin(id) from units") end)
eq(ok, false)
assert(why:find("time limit", 1, true), why)
local ok2, why2 = pcall(limits.run, {seconds = 0.2}, function()
  for r in units:rows() do while true do end end
end)
eq(ok2, false)
assert(why2:find("time limit", 1, true), why2)
eq(units:count(), 7, "no interrupt left on the connection")
local seen = 0
for outer in units:rows() do
  seen = seen + 1
  pcall(limits.run, {seconds = 0.05}, function() while true do end end)
end
eq(seen, 7, "an enclosing loop's query goes on after a block's time limit")
eq(db.value("select double(4)"), 8)

-- Writes that fail leave nothing ----------------------------------------------------------------
expect_error(function()
  db.tx(function()
    units:add{code = "T1", name = "Một", kind = "cell"}
    units:add{code = "T2", name = "Hai", kind = "no such kind"}
  end)
end, "no such kind")
eq(units.T1, nil, "all or nothing")
expect_error(function()
  limits.run({memory = "16M"}, function()
    db.tx(function()
      units:add{code = "T3", name = "Ba", kind = "cell"}
      local s = ("x"):rep(1e9)
    end)
  end)
end, "not enough memory")
eq(units.T3, nil, "a memory error rolls back too")
expect_error(function() db.tx(function() db.backup("/tmp/never.sqlite") end) end, "db.tx")
