-- DOMAIN.md's statistics for a Standing Committee meeting, each asked through the Lua API the
-- way an analyst would, and answered again by independent SQL on the same demo registry.

local YEAR = 2023

local function close(a, b, what)
  if type(a) == "number" and type(b) == "number" then
    if math.abs(a - b) > 1e-9 then error(what .. ": " .. a .. " vs " .. b, 2) end
  elseif a ~= b then
    error(what .. ": " .. tostring(a) .. " vs " .. tostring(b), 2)
  end
end

-- Compares a result set with SQL rows on a key and a value column.
local function same_map(rows, key, value, sql_rows, sql_key, sql_value, what)
  local expected = {}
  for _, r in ipairs(sql_rows) do expected[r[sql_key]] = r[sql_value] end
  local n = 0
  for _, r in ipairs(rows) do
    n = n + 1
    close(r[value], expected[r[key]], what .. " [" .. tostring(r[key]) .. "]")
  end
  close(n, #sql_rows, what .. " (groups)")
  assert(n > 0, what .. ": no rows, so nothing was compared")
end

local c = campaign(YEAR)

-- 1. Coverage: registrations per unit.
same_map(
  registrations:where{year = YEAR}:group("unit"):agg{n = "count"}, "unit_id", "n",
  db.sql("select r.unit_id, count(*) as n from registrations r join campaigns c on c.id = r.campaign_id where c.year = ? group by r.unit_id", YEAR),
  "unit_id", "n", "1 coverage")

-- 2. Units with no registration.
local with = {}
for _, id in ipairs(registrations:where{year = YEAR}:pluck("unit_id")) do with[id] = true end
local without = units:where(function(u) return not with[u.id] end):count()
close(without, db.value("select count(*) from units u where not exists (select 1 from registrations r join campaigns c on c.id = r.campaign_id where r.unit_id = u.id and c.year = ?)", YEAR), "2 units without")
assert(without > 0, "the demo has units without registration")

-- 3. Timeliness: late registrations, by a Lua predicate.
local late = registrations:where{year = YEAR}:where(function(r) return (r:days_late() or 0) > 0 end):count()
close(late, db.value("select count(*) from registrations r join campaigns c on c.id = r.campaign_id where c.year = ? and r.received_on > c.d1_registration", YEAR), "3 late")
assert(late > 0)

-- 4. Mean days late of the late ones.
local sum, n = 0, 0
for r in registrations:where{year = YEAR, received_on = {">", c.d1_registration}}:rows() do
  sum = sum + r:days_late(); n = n + 1
end
close(sum / n, db.value("select avg(julianday(r.received_on) - julianday(c.d1_registration)) from registrations r join campaigns c on c.id = r.campaign_id where c.year = ? and r.received_on > c.d1_registration", YEAR), "4 mean days late")

-- 5. Reports received by D2.
local on_time_reports = reports:where{year = YEAR, submitted_on = {"<=", c.d2_report}}:count()
close(on_time_reports, db.value("select count(*) from reports p join registrations r on r.id = p.registration_id join campaigns c on c.id = r.campaign_id where c.year = ? and p.submitted_on <= c.d2_report", YEAR), "5 reports by D2")

-- 6. Mix by field, 7. by group.
same_map(registrations:where{year = YEAR}:group("field"):agg{n = "count"}, "field", "n",
  db.sql("select field, count(*) as n from registrations where campaign_id = ? group by field", c.id), "field", "n", "6 by field")
same_map(registrations:where{year = YEAR}:group("grp"):agg{n = "count"}, "grp", "n",
  db.sql("select grp, count(*) as n from registrations where campaign_id = ? group by grp", c.id), "grp", "n", "7 by group")

-- 8. Women among individual registrants, 9. ethnic minorities (relations followed in Lua).
local women = registrations:where{year = YEAR, person = {"~=", db.null}}:where(function(r) return r.subject.gender == "female" end):count()
close(women, db.value("select count(*) from registrations r join people p on p.id = r.person_id where r.campaign_id = ? and p.gender = 'female'", c.id), "8 women")
local minorities = registrations:where{year = YEAR, person = {"~=", db.null}}:where(function(r) return r.subject.ethnicity ~= "Kinh" end):count()
close(minorities, db.value("select count(*) from registrations r join people p on p.id = r.person_id where r.campaign_id = ? and p.ethnicity is not 'Kinh'", c.id), "9 ethnic minorities")

-- 10. Scores: the mean of the results, and 11. the count per level.
local results = registrations:where{year = YEAR}:results()
local totals, levels = {}, {}
for _, r in ipairs(results) do
  if r.total then totals[#totals + 1] = r.total end
  if r.level then levels[r.level] = (levels[r.level] or 0) + 1 end
end
local mean = 0
for _, t in ipairs(totals) do mean = mean + t end
mean = mean / #totals
local per_registration = "select registration_id, avg(total) as total from appraisal_totals where year = ? group by registration_id"
close(mean, db.value("select avg(total) from (" .. per_registration .. ")", YEAR), "10 mean result")
-- A level once the quorum is met: two thirds of the members not from the registration's unit.
local with_quorum = [[select t.registration_id, avg(t.total) as total, count(*) as sheets,
    (select count(*) from panel_members m where m.campaign_id = r.campaign_id and m.unit_id <> r.unit_id) as eligible
  from appraisal_totals t join registrations r on r.id = t.registration_id
  where t.year = ? group by t.registration_id]]
for level, sql in pairs{excellent = "total >= 85", pass = "total >= 70 and total < 85", not_passed = "total < 70"} do
  close(levels[level] or 0, db.value("select count(*) from (" .. with_quorum .. ") where sheets * 3 >= eligible * 2 and " .. sql, YEAR), "11 " .. level)
end

-- 12. Top ten: ranked by total, then TC3, then received date, then code.
local top = db.sql([[
  select r.code from (select registration_id, avg(total) as total from appraisal_totals where year = ? group by registration_id) t
  join registrations r on r.id = t.registration_id
  order by t.total desc,
    (select avg(sp.points) from score_sheets s join sheet_points sp on sp.sheet_id = s.id join criteria k on k.id = sp.criterion_id
     join sheet_totals st on st.sheet_id = s.id where s.registration_id = r.id and k.code = 'TC3' and st.is_valid) desc,
    r.received_on, r.code limit 10]], YEAR)
for i = 1, 10 do close(results[i].code, top[i].code, "12 top ten #" .. i) end

-- 13. The criteria where most points are lost.
local lost = db.sql([[select k.code, avg(k.max_points - sp.points) as lost from sheet_points sp
  join criteria k on k.id = sp.criterion_id join score_sheets s on s.id = sp.sheet_id
  join registrations r on r.id = s.registration_id where r.campaign_id = ? group by k.code]], c.id)
local by_criterion = {}
for p in points:where("sheet_id IN (SELECT s.id FROM score_sheets s JOIN registrations r ON r.id = s.registration_id WHERE r.campaign_id = ?)", c.id):rows() do
  local k = p.criterion
  local t = by_criterion[k.code] or {sum = 0, n = 0}
  t.sum = t.sum + (k.max_points - p.points); t.n = t.n + 1
  by_criterion[k.code] = t
end
for _, row in ipairs(lost) do close(by_criterion[row.code].sum / by_criterion[row.code].n, row.lost, "13 lost on " .. row.code) end

-- 14. Accent-insensitive search: every word, anywhere in the title.
close(registrations:search("du lich"):count(), db.value("select count(*) from registrations where instr(title_folded, 'du') > 0 and instr(title_folded, 'lich') > 0"), "14 search")

-- 15. Follow-ups: returned, withdrawn, cancelled.
same_map(registrations:where{year = YEAR, status = {"returned", "withdrawn", "cancelled"}}:group("status"):agg{n = "count"}, "status", "n",
  db.sql("select status, count(*) as n from registrations where campaign_id = ? and status in ('returned','withdrawn','cancelled') group by status", c.id), "status", "n", "15 follow-ups")

-- 16. Year over year.
same_map(registrations:group("year"):agg{n = "count"}, "year", "n",
  db.sql("select c.year, count(*) as n from registrations r join campaigns c on c.id = r.campaign_id group by c.year"), "year", "n", "16 year over year")

-- 17. Scorer spread above the limit.
local flagged = 0
for _, r in ipairs(results) do if r.spread_flag then flagged = flagged + 1 end end
close(flagged, db.value("select count(*) from (select registration_id from appraisal_totals where year = ? group by registration_id having max(total) - min(total) > 20)", YEAR), "17 spread flags")

-- 18. A registration's sheets and targets: r.sheets the query, r:sheets() its rows.
local scored = registrations["DK-2023-086"]
close(#scored:sheets(), db.value("select count(*) from score_sheets where registration_id = ?", scored.id), "18 sheets")
close(scored.sheets:count(), #scored:sheets(), "18 sheets query")
local seqs = {}
for _, t in ipairs(scored:targets()) do seqs[#seqs + 1] = t.seq end
close(table.concat(seqs, ","), table.concat(db.sql("select seq from targets where registration_id = ? order by seq", scored.id):pluck("seq"), ","), "18 targets in order")

-- 19. The registry's aggregates give the same in SQL (queries) and in Lua (result sets).
local scored_q = registrations:where{year = YEAR, score = {"~=", db.null}}
local in_sql = scored_q:agg{p = "percentile(score, 90)", sd = "stddev(score)", m = "median(score)"}[1]
local in_lua = scored_q:list():agg{p = "percentile(score, 90)", sd = "stddev(score)", m = "median(score)"}[1]
for _, k in ipairs{"p", "sd", "m"} do
  assert(in_sql[k] ~= nil, "19 " .. k)
  assert(math.abs(in_sql[k] - in_lua[k]) < 1e-9, "19 " .. k .. ": " .. in_sql[k] .. " vs " .. in_lua[k])
end

-- 20. Grouping by a relation after a Lua predicate (in Lua) matches grouping in SQL, and a
-- computed field aggregates by its value.
local in_lua_groups = registrations:where{year = YEAR}:where(function() return true end):group("unit"):agg{n = "count", late = "avg(days_late)"}
same_map(in_lua_groups, "unit_id", "n", registrations:where{year = YEAR}:group("unit"):agg{n = "count"}, "unit_id", "n", "20 groups")
local any_late = false
for _, g in ipairs(in_lua_groups) do
  assert(g.unit == units[g.unit_id].name, "20 unit shown by name")
  if g.late ~= nil then any_late = true end
end
assert(any_late, "20 avg(days_late)")
