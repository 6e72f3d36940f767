-- btv.lua — the statistics a Standing Committee (BTV) meeting asks for, each as a function that
-- computes it from the registry and one that writes it into a report. The brief
-- (btv-brief.lua) writes them all; coverage.lua, late.lua, appraisal.lua, top-models.lua,
-- htxs.lua and year-over-year.lua write some. Every number comes from the registry through the
-- public API (queries, db.sql with bound values, campaign()); nothing here writes.
--
-- Definitions (they are printed at the end of the brief, from btv.definitions):
-- - active registration: any status but draft, withdrawn and cancelled;
-- - grassroots organization: a unit of kind commune or agency party committee, or grassroots
--   cell, existing in the year;
-- - eligible subjects of an organization: its leadership collectives, and its party members
--   rated HTXS in the previous year;
-- - on time: received on or before D1; a report on time: submitted on or before D2;
-- - score: the mean of the valid score sheets' totals (complete and not void); levels from the
--   campaign's thresholds (excellent ≥ 85, pass ≥ 70 by default); quorum: sheets from
--   quorum_num/quorum_den of the team;
-- - HTXS quota: htxs_quota_percent % (20 % by default) of the organization's members rated
--   HTT, rounded down, in the year when its ratings exist, else in the year before.

local btv = {}

btv.INACTIVE = {"draft", "withdrawn", "cancelled"}
local ACTIVE = "r.status NOT IN ('draft','withdrawn','cancelled')"
local GRASSROOTS = "u.kind IN ('commune_committee','agency_committee','cell') "
  .. "AND (u.valid_from IS NULL OR u.valid_from <= ?) AND (u.valid_to IS NULL OR u.valid_to >= ?)"

-- The bounds of the year, for GRASSROOTS's two placeholders.
local function year_bounds(c)
  return c.year .. "-12-31", c.year .. "-01-01"
end

--- A share, or nil when there is nothing to share.
function btv.share(part, whole)
  if not whole or whole == 0 then return nil end
  return part / whole
end

-- The quorum: how many sheets a registration needs, for a team of `size`.
local function quorum(c, size)
  return -((-(size * c.quorum_num)) // c.quorum_den)
end

--- The level of a score under the campaign's thresholds: "excellent", "pass", "not_passed",
--- or nil without a score.
function btv.level(c, score)
  if score == nil then return nil end
  if score >= c.excellent_min then return "excellent" end
  if score >= c.pass_min then return "pass" end
  return "not_passed"
end

-- What btv_appraisal.lua shares with this file: the SQL of an active registration and of a
-- grassroots organization in a year, that year's bounds, a team's quorum.
btv.internal = {ACTIVE = ACTIVE, GRASSROOTS = GRASSROOTS, year_bounds = year_bounds,
  quorum = quorum}

-- Coverage ---------------------------------------------------------------------------------------

--- Per grassroots organization: eligible subjects, how many of them registered, all active
--- registrations, and the coverage; lowest coverage first.
function btv.coverage(c)
  local rows = db.sql([[
    WITH eligible AS (
      SELECT 'C' || k.id AS subject, k.unit_id FROM collectives k
      UNION
      SELECT 'P' || p.id, p.unit_id FROM people p
      WHERE EXISTS (SELECT 1 FROM ratings t WHERE t.person_id = p.id AND t.year = ? AND t.level = 'HTXS')
    ), registered AS (
      SELECT coalesce('P' || r.person_id, 'C' || r.collective_id) AS subject, r.unit_id
      FROM registrations r WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[
    )
    SELECT u.code, u.name AS unit,
      (SELECT count(*) FROM eligible e WHERE e.unit_id = u.id) AS eligible,
      (SELECT count(*) FROM eligible e WHERE e.unit_id = u.id
         AND e.subject IN (SELECT subject FROM registered)) AS eligible_registered,
      (SELECT count(*) FROM registered g WHERE g.unit_id = u.id) AS registrations
    FROM units u WHERE ]] .. GRASSROOTS .. [[
    ORDER BY u.name COLLATE vi]], c.year - 1, c.id, year_bounds(c))
  for _, row in ipairs(rows) do
    row.coverage = btv.share(row.eligible_registered, row.eligible)
  end
  return rows:order("coverage", "-eligible")
end

--- Grassroots organizations without any registration received by D1: when their first one
--- came, and how many active ones they have by `as_of`.
function btv.units_without(c, as_of)
  return db.sql([[
    SELECT u.code, u.name AS unit,
      (SELECT min(r.received_on) FROM registrations r
        WHERE r.unit_id = u.id AND r.campaign_id = ? AND r.received_on <= ?) AS first_received,
      (SELECT count(*) FROM registrations r
        WHERE r.unit_id = u.id AND r.campaign_id = ? AND ]] .. ACTIVE .. [[ AND r.received_on <= ?) AS active
    FROM units u
    WHERE ]] .. GRASSROOTS .. [[
      AND NOT EXISTS (SELECT 1 FROM registrations r
        WHERE r.unit_id = u.id AND r.campaign_id = ? AND r.received_on <= ?)
    ORDER BY u.name COLLATE vi]],
    c.id, as_of, c.id, as_of, c.year .. "-12-31", c.year .. "-01-01", c.id, c.d1_registration)
end

function btv.write_coverage(r, c, opts)
  local rows = btv.coverage(c)
  local eligible, covered, registrations = 0, 0, 0
  for _, row in ipairs(rows) do
    eligible = eligible + row.eligible
    covered = covered + row.eligible_registered
    registrations = registrations + row.registrations
  end
  r:text("Toàn huyện có %s tổ chức cơ sở đảng với %s tập thể, cá nhân thuộc diện đăng ký; %s đã "
    .. "đăng ký (%s). Tổng số đăng ký còn hiệu lực: %s.", r:number(#rows), r:number(eligible),
    r:number(covered), eligible > 0 and r:percent(covered / eligible) or "–", r:number(registrations))
  r:table(rows, {
    caption = r:caption("Tỷ lệ tập thể, cá nhân thuộc diện đã đăng ký, theo tổ chức cơ sở đảng "
      .. "(thấp nhất trước)"),
    columns = {"unit", "eligible", "eligible_registered", "coverage", "registrations"},
    labels = {unit = "Tổ chức cơ sở đảng", eligible = "Thuộc diện",
      eligible_registered = "Đã đăng ký", coverage = "Tỷ lệ", registrations = "Số đăng ký"},
    kinds = {coverage = "percent"}, numbered = true,
    totals = {"eligible", "eligible_registered", "registrations"},
  })
  local chart = {}
  for i, row in ipairs(rows) do
    chart[i] = {unit = row.unit, pct = row.coverage and math.floor(row.coverage * 1000 + 0.5) / 10}
  end
  r:chart{kind = "bar", title = r:figure("Tỷ lệ đã đăng ký theo tổ chức cơ sở đảng (%)"),
    data = chart, category = "unit", value = "pct", labels = {pct = "Tỷ lệ (%)"},
    category_label = "Tổ chức cơ sở đảng"}
end

function btv.write_units_without(r, c, opts)
  local rows = btv.units_without(c, opts.as_of)
  local still = 0
  for _, row in ipairs(rows) do
    if row.active == 0 then still = still + 1 end
    row.situation = row.active == 0 and "Đến nay vẫn chưa có đăng ký"
      or ("Đăng ký muộn, ngày " .. r:date(row.first_received))
  end
  r:text("Đến hạn %s, %s tổ chức cơ sở đảng chưa gửi đăng ký; đến ngày %s, %s tổ chức vẫn chưa có "
    .. "đăng ký nào còn hiệu lực.", r:date(c.d1_registration), r:number(#rows), r:date(opts.as_of),
    r:number(still))
  r:table(rows, {
    caption = r:caption("Tổ chức cơ sở đảng chưa đăng ký đến hạn " .. r:date(c.d1_registration)),
    columns = {"unit", "first_received", "active", "situation"},
    labels = {unit = "Tổ chức cơ sở đảng", first_received = "Ngày nhận đăng ký đầu tiên",
      active = "Số đăng ký hiện có", situation = "Tình hình"},
    numbered = true,
  })
end

-- Timeliness -------------------------------------------------------------------------------------

--- Active registrations per grassroots organization, on time and late against D1.
function btv.timeliness(c)
  return db.sql([[
    SELECT u.code, u.name AS unit,
      count(r.id) AS registrations,
      coalesce(sum(r.received_on <= ?), 0) AS on_time,
      coalesce(sum(r.received_on > ?), 0) AS late,
      max(CAST(julianday(r.received_on) - julianday(?) AS INTEGER)) AS max_days_late
    FROM units u
    LEFT JOIN registrations r ON r.unit_id = u.id AND r.campaign_id = ? AND ]] .. ACTIVE .. [[
    WHERE ]] .. GRASSROOTS .. [[
    GROUP BY u.id ORDER BY u.name COLLATE vi]],
    c.d1_registration, c.d1_registration, c.d1_registration, c.id, year_bounds(c))
end

--- The active registrations received after D1, latest first.
function btv.late(c)
  return registrations:where{year = c.year, status = {"not", btv.INACTIVE}}
    :where("received_on > ?", c.d1_registration):order("-received_on", "code"):list()
end

--- Results reports of the registrations proposed for HTXS, per organization: expected, on
--- time (by D2), late, missing.
function btv.reports(c)
  return db.sql([[
    SELECT u.name AS unit, count(*) AS expected,
      coalesce(sum(p.submitted_on <= ?), 0) AS on_time,
      coalesce(sum(p.submitted_on > ?), 0) AS late,
      coalesce(sum(p.id IS NULL), 0) AS missing
    FROM registrations r JOIN units u ON u.id = r.unit_id
    LEFT JOIN reports p ON p.registration_id = r.id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[ AND r.proposed_on IS NOT NULL
    GROUP BY u.id ORDER BY missing DESC, late DESC, u.name COLLATE vi]],
    c.d2_report, c.d2_report, c.id)
end

--- The proposed registrations whose report is missing or came after D2.
function btv.reports_due(c)
  return db.sql([[
    SELECT r.code, r.title, u.name AS unit, p.submitted_on,
      CASE WHEN p.id IS NULL THEN NULL
        ELSE CAST(julianday(p.submitted_on) - julianday(?) AS INTEGER) END AS days_late
    FROM registrations r JOIN units u ON u.id = r.unit_id
    LEFT JOIN reports p ON p.registration_id = r.id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[ AND r.proposed_on IS NOT NULL
      AND (p.id IS NULL OR p.submitted_on > ?)
    ORDER BY p.id IS NOT NULL, r.code]], c.d2_report, c.id, c.d2_report)
end

--- Per appraisal team member: the registrations to score (active, with a report, not from
--- the member's own unit), the valid sheets given, the sheets missing.
function btv.sheets(c)
  local rows = db.sql([[
    SELECT m.id, p.full_name AS member, m.role,
      (SELECT count(*) FROM registrations r
        WHERE r.campaign_id = m.campaign_id AND ]] .. ACTIVE .. [[ AND r.unit_id <> m.unit_id
          AND EXISTS (SELECT 1 FROM reports x WHERE x.registration_id = r.id)) AS expected,
      (SELECT count(*) FROM sheet_totals s JOIN registrations r ON r.id = s.registration_id
        WHERE s.panel_member_id = m.id AND s.is_valid AND ]] .. ACTIVE .. [[
          AND EXISTS (SELECT 1 FROM reports x WHERE x.registration_id = r.id)) AS done
    FROM panel_members m JOIN people p ON p.id = m.person_id
    WHERE m.campaign_id = ?
    ORDER BY CASE m.role WHEN 'lead' THEN 1 WHEN 'deputy' THEN 2 WHEN 'member' THEN 3 ELSE 4 END,
      p.full_name COLLATE vi]], c.id)
  for _, row in ipairs(rows) do row.missing = row.expected - row.done end
  return rows
end

function btv.write_timeliness(r, c, opts)
  local rows = btv.timeliness(c)
  local on_time, late = 0, 0
  for _, row in ipairs(rows) do on_time, late = on_time + row.on_time, late + row.late end
  r:text("Trong %s đăng ký còn hiệu lực, %s đăng ký gửi đúng hạn (%s), %s đăng ký gửi sau hạn %s.",
    r:number(on_time + late), r:number(on_time),
    on_time + late > 0 and r:percent(on_time / (on_time + late)) or "–", r:number(late),
    r:date(c.d1_registration))
  r:chart{kind = "stacked", title = r:figure("Đăng ký đúng hạn và trễ hạn theo tổ chức cơ sở đảng"),
    data = rows, category = "unit", series = {"on_time", "late"},
    labels = {on_time = "Đúng hạn", late = "Trễ hạn"}, value_label = "Số đăng ký",
    category_label = "Tổ chức cơ sở đảng"}
  local list = btv.late(c)
  r:table(list, {
    caption = r:caption("Đăng ký gửi sau hạn " .. r:date(c.d1_registration)),
    columns = {"code", "title", "unit", "received_on", "days_late", "status"},
    labels = {days_late = "Số ngày trễ"}, numbered = true,
  })
end

function btv.write_reports(r, c, opts)
  local rows = btv.reports(c)
  local expected, on_time, late, missing = 0, 0, 0, 0
  for _, row in ipairs(rows) do
    expected, on_time = expected + row.expected, on_time + row.on_time
    late, missing = late + row.late, missing + row.missing
  end
  r:text("Có %s tập thể, cá nhân được đề nghị hoàn thành xuất sắc nhiệm vụ phải gửi báo cáo kết "
    .. "quả trước %s: %s báo cáo đúng hạn, %s báo cáo trễ hạn, %s chưa có báo cáo.",
    r:number(expected), r:date(c.d2_report), r:number(on_time), r:number(late), r:number(missing))
  r:table(rows, {
    caption = r:caption("Báo cáo kết quả so với hạn " .. r:date(c.d2_report)),
    columns = {"unit", "expected", "on_time", "late", "missing"},
    labels = {unit = "Tổ chức cơ sở đảng", expected = "Phải báo cáo", on_time = "Đúng hạn",
      late = "Trễ hạn", missing = "Chưa có"},
    numbered = true, totals = {"expected", "on_time", "late", "missing"},
  })
  local due = btv.reports_due(c)
  if #due > 0 then
    r:table(due, {
      caption = r:caption("Báo cáo kết quả chưa có hoặc trễ hạn"),
      columns = {"code", "title", "unit", "submitted_on", "days_late"},
      labels = {submitted_on = "Ngày nộp báo cáo", days_late = "Số ngày trễ"}, numbered = true,
    })
  end
end

function btv.write_sheets(r, c, opts)
  local rows = btv.sheets(c)
  local roles = db.labels("panel", "role") or {}
  local missing = 0
  for _, row in ipairs(rows) do
    missing = missing + row.missing
    row.role = roles[row.role] or row.role
  end
  r:text("Tổ thẩm định có %s thành viên; hạn hoàn thành thẩm định %s. Số phiếu chấm còn thiếu: %s.",
    r:number(#rows), r:date(c.d3_appraisal), r:number(missing))
  r:table(rows, {
    caption = r:caption("Phiếu chấm của từng thành viên Tổ thẩm định"),
    columns = {"member", "role", "expected", "done", "missing"},
    labels = {member = "Thành viên", role = "Vai trò", expected = "Phải chấm",
      done = "Đã chấm (hợp lệ)", missing = "Còn thiếu"},
    numbered = true, totals = {"expected", "done", "missing"},
  })
end

-- Mix ------------------------------------------------------------------------------------------

--- Active registrations by field, kind and group (result sets whose codes reports label), and
--- by bloc of the organization.
function btv.mix(c)
  local q = registrations:where{year = c.year, status = {"not", btv.INACTIVE}}
  local by_bloc = db.sql([[
    SELECT u.bloc, count(*) AS n FROM registrations r JOIN units u ON u.id = r.unit_id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[ GROUP BY u.bloc ORDER BY n DESC, u.bloc]], c.id)
  local blocs = db.labels("units", "bloc") or {}
  for _, row in ipairs(by_bloc) do row.bloc = blocs[row.bloc] or row.bloc or "–" end
  return {
    total = q:count(),
    field = q:group("field"):agg{n = "count"}:order("-n", "field"),
    kind = q:group("kind"):agg{n = "count"}:order("-n", "kind"),
    group = q:group("grp"):agg{n = "count"}:order("-n", "grp"),
    bloc = by_bloc,
  }
end

--- Among active registrations of people: how many, from women, from ethnic minorities.
function btv.people_mix(c)
  return db.sql([[
    SELECT count(*) AS people,
      coalesce(sum(p.gender = 'female'), 0) AS women,
      coalesce(sum(p.ethnicity IS NOT NULL AND p.ethnicity <> 'Kinh'), 0) AS minorities
    FROM registrations r JOIN people p ON p.id = r.person_id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE, c.id)[1]
end

function btv.write_mix(r, c, opts)
  local mix = btv.mix(c)
  local function with_share(rs)
    for _, row in ipairs(rs) do row.share = btv.share(row.n, mix.total) end
    return rs
  end
  local labels = {n = "Số đăng ký", share = "Tỷ lệ"}
  r:chart{kind = "bar", title = r:figure("Đăng ký theo lĩnh vực"), data = mix.field,
    category = "field", value = "n", labels = labels}
  for _, part in ipairs{{"field", "lĩnh vực"}, {"kind", "loại"}, {"group", "nhóm đối tượng"},
      {"bloc", "khối"}} do
    local key, name = part[1], part[2]
    local column = key == "group" and "grp" or key
    r:table(with_share(mix[key]), {
      caption = r:caption("Đăng ký theo " .. name),
      columns = {column, "n", "share"}, labels = labels, kinds = {share = "percent"},
      totals = {"n"},
    })
  end
  local people = btv.people_mix(c)
  r:text("Trong %s đăng ký của cá nhân, %s của đảng viên nữ (%s) và %s của đảng viên người dân tộc "
    .. "thiểu số (%s).", r:number(people.people), r:number(people.women),
    people.people > 0 and r:percent(people.women / people.people) or "–", r:number(people.minorities),
    people.people > 0 and r:percent(people.minorities / people.people) or "–")
end

--- The definitions behind the numbers, for the end of a document.
btv.definitions = "Cách tính: đăng ký còn hiệu lực là mọi đăng ký trừ bản nháp, đã rút và đã hủy. "
  .. "Thuộc diện đăng ký: các tập thể lãnh đạo và đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ "
  .. "năm trước của tổ chức cơ sở đảng. Đúng hạn: nhận trước hoặc đúng hạn đăng ký (báo cáo: hạn báo "
  .. "cáo kết quả). Điểm: trung bình cộng tổng điểm các phiếu chấm hợp lệ (đủ tiêu chí, không bị hủy). "
  .. "Chỉ tiêu hoàn thành xuất sắc nhiệm vụ: tỷ lệ quy định trên số đảng viên xếp loại hoàn thành tốt "
  .. "nhiệm vụ, làm tròn xuống. Số liệu lấy từ sổ đăng ký sangtao."


-- The appraisal side (scores, top models, HTXS, targets, year over year, follow-ups) lives in
-- btv_appraisal.lua and adds its functions to this same table.
package.loaded.btv = btv
require("btv_appraisal")

return btv
