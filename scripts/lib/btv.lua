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

-- Scores ---------------------------------------------------------------------------------------

--- Every active registration with at least one valid sheet: its score (mean of the valid
--- sheets' totals), sheets, lowest and highest total, spread, level; best first.
function btv.scores(c)
  local rows = db.sql([[
    SELECT r.id, r.code, r.title, r.field, u.name AS unit, r.unit_id,
      coalesce(p.full_name, k.name) AS subject,
      avg(a.total) AS score, count(a.sheet_id) AS sheets, min(a.total) AS low,
      max(a.total) AS high, max(a.total) - min(a.total) AS spread
    FROM registrations r JOIN appraisal_totals a ON a.registration_id = r.id
    JOIN units u ON u.id = r.unit_id
    LEFT JOIN people p ON p.id = r.person_id LEFT JOIN collectives k ON k.id = r.collective_id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[
    GROUP BY r.id ORDER BY score DESC, r.code]], c.id)
  local team = panel:where{campaign = c.id}:count()
  local needed = quorum(c, team)
  for _, row in ipairs(rows) do
    row.level = btv.level(c, row.score)
    row.quorum = row.sheets >= needed
    row.wide = row.spread > c.spread_limit
  end
  return rows, needed, team
end

--- Scores per organization or field (`by` is "unit" or "field"): how many scored, mean,
--- median, lowest, highest.
function btv.scores_by(c, by)
  local key = by == "field" and "r.field" or "u.name"
  local rows = db.sql([[
    SELECT ]] .. key .. [[ AS ]] .. by .. [[, count(*) AS n, avg(s.score) AS mean,
      median(s.score) AS median, min(s.score) AS low, max(s.score) AS high
    FROM (SELECT r.id, avg(a.total) AS score FROM registrations r
          JOIN appraisal_totals a ON a.registration_id = r.id
          WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[ GROUP BY r.id) s
    JOIN registrations r ON r.id = s.id JOIN units u ON u.id = r.unit_id
    GROUP BY ]] .. key .. [[ ORDER BY mean DESC]], c.id)
  if by == "field" then
    local fields = db.labels("registrations", "field") or {}
    for _, row in ipairs(rows) do row.field = fields[row.field] or row.field end
  end
  return rows
end

--- The count of scored registrations per level.
function btv.levels(c)
  local scored = btv.scores(c)
  local counts = {excellent = 0, pass = 0, not_passed = 0}
  for _, row in ipairs(scored) do counts[row.level] = counts[row.level] + 1 end
  local names = db.labels("registrations", "outcome") or {}
  local out = {}
  for i, level in ipairs{"excellent", "pass", "not_passed"} do
    out[i] = {level = names[level] or level, n = counts[level], share = btv.share(counts[level], #scored)}
  end
  return out, #scored
end

--- Per criterion of the rubric: mean points on valid sheets, the maximum, and the share lost.
function btv.criteria(c)
  return db.sql([[
    SELECT k.code, k.name, k.max_points, avg(sp.points) AS mean,
      k.max_points - avg(sp.points) AS lost, 1 - avg(sp.points) / k.max_points AS lost_share
    FROM sheet_points sp
    JOIN sheet_totals t ON t.sheet_id = sp.sheet_id AND t.is_valid
    JOIN registrations r ON r.id = t.registration_id
    JOIN criteria k ON k.id = sp.criterion_id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[
    GROUP BY k.id ORDER BY lost_share DESC, k.seq]], c.id)
end

function btv.write_scores(r, c, opts)
  local scored = btv.scores(c)
  local values = {}
  for i, row in ipairs(scored) do values[i] = row.score end
  local levels, n = btv.levels(c)
  r:text("Đã chấm điểm %s đăng ký. Mức xếp loại: xuất sắc từ %s điểm, đạt từ %s điểm.",
    r:number(n), r:number(c.excellent_min), r:number(c.pass_min))
  r:chart{kind = "histogram", title = r:figure("Phân bố điểm thẩm định"), values = values,
    bin_width = 5, value_label = "Điểm"}
  r:table(levels, {caption = r:caption("Kết quả thẩm định theo mức xếp loại"),
    columns = {"level", "n", "share"}, labels = {level = "Mức", n = "Số mô hình", share = "Tỷ lệ"},
    kinds = {share = "percent"}, totals = {"n"}})
  local labels = {n = "Số đã chấm", mean = "Điểm trung bình", median = "Trung vị",
    low = "Thấp nhất", high = "Cao nhất", unit = "Tổ chức cơ sở đảng", field = "Lĩnh vực"}
  r:table(btv.scores_by(c, "unit"), {caption = r:caption("Điểm theo tổ chức cơ sở đảng"),
    columns = {"unit", "n", "mean", "median", "low", "high"}, labels = labels, numbered = true})
  r:table(btv.scores_by(c, "field"), {caption = r:caption("Điểm theo lĩnh vực"),
    columns = {"field", "n", "mean", "median", "low", "high"}, labels = labels, numbered = true})
  btv.write_flags(r, c, opts)
  local criteria = btv.criteria(c)
  if #criteria > 0 then
    r:text("Tiêu chí bị mất nhiều điểm nhất: %s (mất bình quân %s điểm trên %s, tức %s).",
      criteria[1].code .. " – " .. criteria[1].name, r:number(criteria[1].lost),
      r:number(criteria[1].max_points), r:percent(criteria[1].lost_share))
  end
  r:table(criteria, {caption = r:caption("Điểm bình quân theo tiêu chí (tiêu chí mất nhiều điểm nhất trước)"),
    columns = {"code", "name", "max_points", "mean", "lost", "lost_share"},
    labels = {code = "Mã", name = "Tiêu chí", max_points = "Điểm tối đa", mean = "Bình quân",
      lost = "Mất", lost_share = "Tỷ lệ mất"},
    kinds = {lost_share = "percent"}})
end

--- The scored registrations short of quorum or whose members' totals spread too far.
function btv.write_flags(r, c, opts)
  local scored, needed = btv.scores(c)
  local flagged = {}
  for _, row in ipairs(scored) do
    local notes = {}
    if not row.quorum then notes[#notes + 1] = "chưa đủ " .. needed .. " phiếu" end
    if row.wide then notes[#notes + 1] = "chênh lệch quá " .. r:number(c.spread_limit) .. " điểm" end
    if #notes > 0 then
      row.note = table.concat(notes, "; ")
      flagged[#flagged + 1] = row
    end
  end
  r:text("%s đăng ký cần xem lại trước khi tổng hợp: chưa đủ %s phiếu hợp lệ, hoặc chênh lệch giữa "
    .. "phiếu cao nhất và thấp nhất quá %s điểm.", r:number(#flagged), r:number(needed),
    r:number(c.spread_limit))
  if #flagged > 0 then
    r:table(flagged, {caption = r:caption("Đăng ký cần xem lại khi tổng hợp điểm"),
      columns = {"code", "title", "sheets", "low", "high", "spread", "score", "note"},
      labels = {code = "Mã", title = "Tên mô hình, cách làm", sheets = "Số phiếu", low = "Thấp nhất",
        high = "Cao nhất", spread = "Chênh lệch", score = "Điểm", note = "Lưu ý"},
      numbered = true})
  end
end

--- The appraisal table: every scored registration with each member's total, the spread, the
--- score and level, and what needs a look (quorum, spread).
function btv.write_appraisal(r, c, opts)
  local scored, needed, team = btv.scores(c)
  local members = db.sql([[
    SELECT m.id, p.full_name AS name FROM panel_members m JOIN people p ON p.id = m.person_id
    WHERE m.campaign_id = ?
    ORDER BY CASE m.role WHEN 'lead' THEN 1 WHEN 'deputy' THEN 2 WHEN 'member' THEN 3 ELSE 4 END,
      p.full_name COLLATE vi]], c.id)
  local totals = db.sql([[
    SELECT a.registration_id, a.panel_member_id, a.total FROM appraisal_totals a
    JOIN registrations r ON r.id = a.registration_id WHERE r.campaign_id = ?]], c.id)
  local by = {}
  for _, t in ipairs(totals) do by[t.registration_id .. ":" .. t.panel_member_id] = t.total end
  local levels = db.labels("registrations", "outcome") or {}
  local columns, labels = {"code", "title", "unit"}, {code = "Mã", title = "Tên mô hình, cách làm",
    unit = "Đơn vị"}
  for i, m in ipairs(members) do
    columns[#columns + 1] = "m" .. i
    labels["m" .. i] = m.name
  end
  for _, name in ipairs{"sheets", "spread", "score", "level", "note"} do columns[#columns + 1] = name end
  labels.sheets, labels.spread, labels.score = "Số phiếu", "Chênh lệch", "Điểm"
  labels.level, labels.note = "Xếp loại", "Lưu ý"
  local flagged = 0
  for _, row in ipairs(scored) do
    for i, m in ipairs(members) do row["m" .. i] = by[row.id .. ":" .. m.id] end
    local notes = {}
    if not row.quorum then notes[#notes + 1] = "chưa đủ " .. needed .. " phiếu" end
    if row.wide then notes[#notes + 1] = "chênh lệch quá " .. r:number(c.spread_limit) .. " điểm" end
    row.note = #notes > 0 and table.concat(notes, "; ") or nil
    if row.note then flagged = flagged + 1 end
    row.level = levels[row.level] or row.level
  end
  r:text("Tổ thẩm định có %s thành viên; mỗi đăng ký cần ít nhất %s phiếu hợp lệ. Điểm là trung "
    .. "bình cộng tổng điểm các phiếu hợp lệ. %s đăng ký cần xem lại (thiếu phiếu hoặc chênh lệch "
    .. "quá %s điểm).", r:number(team), r:number(needed), r:number(flagged), r:number(c.spread_limit))
  r:table(scored, {caption = r:caption("Bảng tổng hợp kết quả chấm điểm"), columns = columns,
    labels = labels, numbered = true})
end

-- Top models -------------------------------------------------------------------------------------

--- The best `n` scored registrations with their report: summary, replicability, targets
--- achieved out of targets.
function btv.top(c, n)
  local rows = db.sql([[
    SELECT r.id, r.code, r.title, u.name AS unit, coalesce(p.full_name, k.name) AS subject,
      s.score, x.summary, x.replicability,
      (SELECT count(*) FROM targets t WHERE t.registration_id = r.id) AS targets,
      (SELECT count(*) FROM targets t JOIN target_results tr ON tr.target_id = t.id
        WHERE t.registration_id = r.id AND coalesce(tr.achieved, tr.actual >= t.planned)) AS achieved
    FROM (SELECT a.registration_id AS id, avg(a.total) AS score FROM appraisal_totals a
          GROUP BY a.registration_id) s
    JOIN registrations r ON r.id = s.id JOIN units u ON u.id = r.unit_id
    LEFT JOIN people p ON p.id = r.person_id LEFT JOIN collectives k ON k.id = r.collective_id
    LEFT JOIN reports x ON x.registration_id = r.id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[
    ORDER BY s.score DESC, r.code LIMIT ?]], c.id, n)
  local levels = db.labels("registrations", "outcome") or {}
  for _, row in ipairs(rows) do
    row.level = levels[btv.level(c, row.score)]
    row.targets_text = row.targets > 0 and (row.achieved .. "/" .. row.targets) or nil
  end
  return rows
end

function btv.write_top(r, c, opts)
  local n = opts.top or 10
  local rows = btv.top(c, n)
  r:text("%s mô hình, cách làm có điểm thẩm định cao nhất; kết quả đạt được và khả năng nhân rộng "
    .. "theo báo cáo kết quả ở dưới bảng.", r:number(#rows))
  r:table(rows, {caption = r:caption(n .. " mô hình, cách làm tiêu biểu"),
    columns = {"title", "subject", "unit", "score", "level", "targets_text"},
    labels = {title = "Mô hình, cách làm", subject = "Tập thể, cá nhân", unit = "Đơn vị",
      level = "Xếp loại", targets_text = "Chỉ tiêu đạt"},
    numbered = true})
  for i, row in ipairs(rows) do
    r:text("%d. %s (%s, %s): %s. Khả năng nhân rộng: %s.", i, row.title, row.subject, row.unit,
      row.summary or "chưa có tóm tắt kết quả", row.replicability or "chưa đánh giá")
  end
  if #rows > 0 then
    r:chart{kind = "bar", title = r:figure("Điểm của các mô hình tiêu biểu"), data = rows,
      category = "title", value = "score", labels = {score = "Điểm"}, category_label = "Mô hình"}
  end
end

-- HTXS pipeline and quota ------------------------------------------------------------------------

--- The year whose HTT ratings ground the quota: the campaign's, when any exist, else the one
--- before.
function btv.quota_year(c)
  local n = ratings:where{year = c.year}:count()
  return n > 0 and c.year or c.year - 1
end

--- Per grassroots organization: people proposed HTXS (active registrations), those scored and
--- those with a passing score, members rated HTT in the quota year, the quota and the headroom.
function btv.htxs(c)
  local base = btv.quota_year(c)
  local rows = db.sql([[
    WITH scores AS (SELECT registration_id AS id, avg(total) AS score FROM appraisal_totals
                    GROUP BY registration_id)
    SELECT u.code, u.name AS unit,
      (SELECT count(*) FROM registrations r WHERE r.unit_id = u.id AND r.campaign_id = ?
        AND ]] .. ACTIVE .. [[ AND r.person_id IS NOT NULL AND r.proposed_on IS NOT NULL) AS proposed,
      (SELECT count(*) FROM registrations r JOIN scores s ON s.id = r.id
        WHERE r.unit_id = u.id AND r.campaign_id = ? AND ]] .. ACTIVE .. [[
          AND r.person_id IS NOT NULL AND r.proposed_on IS NOT NULL) AS scored,
      (SELECT count(*) FROM registrations r JOIN scores s ON s.id = r.id
        WHERE r.unit_id = u.id AND r.campaign_id = ? AND ]] .. ACTIVE .. [[
          AND r.person_id IS NOT NULL AND r.proposed_on IS NOT NULL AND s.score >= ?) AS passing,
      (SELECT count(*) FROM ratings t JOIN people p ON p.id = t.person_id
        WHERE p.unit_id = u.id AND t.year = ? AND t.level = 'HTT') AS htt
    FROM units u WHERE ]] .. GRASSROOTS .. [[
    ORDER BY u.name COLLATE vi]], c.id, c.id, c.id, c.pass_min, base, year_bounds(c))
  for _, row in ipairs(rows) do
    row.quota = math.floor(row.htt * c.htxs_quota_percent / 100 + 1e-9)
    row.headroom = row.quota - row.proposed
  end
  return rows:order("headroom", "unit"), base
end

--- The five-year group: each active registration with the years of HTXS among the four
--- before the campaign's, and those missing.
function btv.five_years(c)
  local rows = db.sql([[
    SELECT r.code, p.full_name AS subject, u.name AS unit, r.person_id
    FROM registrations r JOIN people p ON p.id = r.person_id JOIN units u ON u.id = r.unit_id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[ AND r.grp = 'htxs_five_years'
    ORDER BY u.name COLLATE vi, p.full_name COLLATE vi]], c.id)
  for _, row in ipairs(rows) do
    local have, missing = {}, {}
    for year = c.year - 4, c.year - 1 do
      local level = db.value("SELECT level FROM ratings WHERE person_id = ? AND year = ?", row.person_id, year)
      if level == "HTXS" then have[#have + 1] = tostring(year) else missing[#missing + 1] = tostring(year) end
    end
    row.years = #have
    row.have = table.concat(have, ", ")
    row.check = #missing == 0 and "Đủ điều kiện" or ("Thiếu năm " .. table.concat(missing, ", "))
    row.ok = #missing == 0
  end
  return rows
end

function btv.write_htxs(r, c, opts)
  local rows, base = btv.htxs(c)
  local proposed, passing, over = 0, 0, 0
  for _, row in ipairs(rows) do
    proposed, passing = proposed + row.proposed, passing + row.passing
    if row.headroom < 0 then over = over + 1 end
  end
  r:text("Có %s đảng viên được đề nghị hoàn thành xuất sắc nhiệm vụ, %s người đã có điểm thẩm định "
    .. "đạt (từ %s điểm). Chỉ tiêu: không quá %s số đảng viên xếp loại hoàn thành tốt nhiệm vụ năm "
    .. "%s của mỗi tổ chức cơ sở đảng; %s tổ chức đề nghị vượt chỉ tiêu.", r:number(proposed),
    r:number(passing), r:number(c.pass_min), r:percent(c.htxs_quota_percent / 100), base,
    r:number(over))
  r:table(rows, {caption = r:caption("Đề nghị hoàn thành xuất sắc nhiệm vụ và chỉ tiêu theo tổ chức "
      .. "cơ sở đảng (vượt chỉ tiêu trước)"),
    columns = {"unit", "proposed", "scored", "passing", "htt", "quota", "headroom"},
    labels = {unit = "Tổ chức cơ sở đảng", proposed = "Đề nghị", scored = "Đã chấm",
      passing = "Đạt điểm", htt = "HTT năm " .. base, quota = "Chỉ tiêu", headroom = "Còn lại"},
    numbered = true, totals = {"proposed", "scored", "passing", "htt", "quota"}})
  r:chart{kind = "stacked", title = r:figure("Đề nghị hoàn thành xuất sắc nhiệm vụ: đạt điểm và chưa đạt"),
    data = (function()
      local out = {}
      for i, row in ipairs(rows) do
        out[i] = {unit = row.unit, passing = row.passing, other = row.proposed - row.passing}
      end
      return out
    end)(), category = "unit", series = {"passing", "other"},
    labels = {passing = "Đạt điểm", other = "Chưa chấm hoặc chưa đạt"}, value_label = "Số đảng viên",
    category_label = "Tổ chức cơ sở đảng"}
  local five = btv.five_years(c)
  local failing = 0
  for _, row in ipairs(five) do if not row.ok then failing = failing + 1 end end
  r:text("Nhóm hoàn thành xuất sắc nhiệm vụ 5 năm liền: %s đăng ký; %s trường hợp không đủ 4 năm "
    .. "HTXS liền trước (%s–%s).", r:number(#five), r:number(failing), c.year - 4, c.year - 1)
  r:table(five, {caption = r:caption("Kiểm tra nhóm hoàn thành xuất sắc nhiệm vụ 5 năm liền"),
    columns = {"code", "subject", "unit", "have", "check"},
    labels = {subject = "Đảng viên", have = "Các năm HTXS", check = "Kết quả kiểm tra"},
    numbered = true})
end

-- Targets ----------------------------------------------------------------------------------------

--- Registered targets of reported registrations, with results and achieved, by "unit" or
--- "field".
function btv.targets(c, by)
  local key = by == "field" and "r.field" or "u.name"
  local rows = db.sql([[
    SELECT ]] .. key .. [[ AS ]] .. by .. [[, count(t.id) AS targets,
      count(tr.id) AS reported,
      coalesce(sum(coalesce(tr.achieved, tr.actual >= t.planned)), 0) AS achieved
    FROM targets t JOIN registrations r ON r.id = t.registration_id
    JOIN units u ON u.id = r.unit_id
    JOIN reports x ON x.registration_id = r.id
    LEFT JOIN target_results tr ON tr.target_id = t.id AND tr.report_id = x.id
    WHERE r.campaign_id = ? AND ]] .. ACTIVE .. [[
    GROUP BY ]] .. key .. [[ ORDER BY ]] .. key .. [[ COLLATE vi]], c.id)
  local fields = by == "field" and db.labels("registrations", "field") or {}
  for _, row in ipairs(rows) do
    row.share = btv.share(row.achieved, row.targets)
    if by == "field" then row.field = fields[row.field] or row.field end
  end
  return rows:order("-share", by)
end

function btv.write_targets(r, c, opts)
  local labels = {unit = "Tổ chức cơ sở đảng", field = "Lĩnh vực", targets = "Chỉ tiêu đăng ký",
    reported = "Có kết quả", achieved = "Đạt", share = "Tỷ lệ đạt"}
  local by_unit = btv.targets(c, "unit")
  local targets, achieved = 0, 0
  for _, row in ipairs(by_unit) do targets, achieved = targets + row.targets, achieved + row.achieved end
  r:text("Các đăng ký đã báo cáo kết quả có %s chỉ tiêu đăng ký, đạt %s chỉ tiêu (%s).",
    r:number(targets), r:number(achieved), targets > 0 and r:percent(achieved / targets) or "–")
  r:table(by_unit, {caption = r:caption("Chỉ tiêu đạt được theo tổ chức cơ sở đảng"),
    columns = {"unit", "targets", "reported", "achieved", "share"}, labels = labels,
    kinds = {share = "percent"}, numbered = true, totals = {"targets", "reported", "achieved"}})
  r:table(btv.targets(c, "field"), {caption = r:caption("Chỉ tiêu đạt được theo lĩnh vực"),
    columns = {"field", "targets", "reported", "achieved", "share"}, labels = labels,
    kinds = {share = "percent"}, numbered = true, totals = {"targets", "reported", "achieved"}})
end

-- Year over year ---------------------------------------------------------------------------------

--- The main indicators of one campaign, as one row.
function btv.indicators(c)
  local q = registrations:where{year = c.year, status = {"not", btv.INACTIVE}}
  local row = {year = c.year}
  row.registrations = q:count()
  row.units = db.value("SELECT count(DISTINCT r.unit_id) FROM registrations r WHERE r.campaign_id = ? AND "
    .. ACTIVE, c.id)
  row.on_time = q:where("received_on <= ?", c.d1_registration):count()
  row.on_time_share = btv.share(row.on_time, row.registrations)
  local proposed = q:where("proposed_on IS NOT NULL"):count()
  local reported = db.value("SELECT count(*) FROM registrations r JOIN reports p ON p.registration_id = r.id "
    .. "WHERE r.campaign_id = ? AND " .. ACTIVE .. " AND r.proposed_on IS NOT NULL AND p.submitted_on <= ?",
    c.id, c.d2_report)
  row.reports_share = btv.share(reported, proposed)
  local scored = btv.scores(c)
  row.scored = #scored
  local sum = 0
  row.passing, row.excellent = 0, 0
  for _, s in ipairs(scored) do
    sum = sum + s.score
    if s.score >= c.pass_min then row.passing = row.passing + 1 end
    if s.score >= c.excellent_min then row.excellent = row.excellent + 1 end
  end
  row.mean = #scored > 0 and sum / #scored or nil
  local targets, achieved = 0, 0
  for _, t in ipairs(btv.targets(c, "unit")) do targets, achieved = targets + t.targets, achieved + t.achieved end
  row.targets_share = btv.share(achieved, targets)
  row.dropped = registrations:where{year = c.year, status = {"withdrawn", "cancelled"}}:count()
  return row
end

function btv.write_year_over_year(r, c, opts)
  local years = campaigns:where{year = {"<=", c.year}}:order("-year"):limit(opts.years or 5):list()
  local rows = {}
  for i = #years, 1, -1 do rows[#rows + 1] = btv.indicators(years[i]) end
  local now, before = rows[#rows], rows[#rows - 1]
  if before then
    local function change(key, what)
      local a, b = before[key], now[key]
      if a == b then return string.format("%s không đổi (%s)", what, r:number(b)) end
      return string.format("%s %s từ %s %s %s", what, b > a and "tăng" or "giảm", r:number(a),
        b > a and "lên" or "xuống", r:number(b))
    end
    r:text("So với năm %s: %s; %s; %s.", before.year, change("registrations", "số đăng ký"),
      change("passing", "số mô hình đạt trở lên"), change("units", "số tổ chức có đăng ký"))
  else
    r:text("Chưa có số liệu năm %s để so sánh.", c.year - 1)
  end
  for _, row in ipairs(rows) do row.label = tostring(row.year) end
  r:table(rows, {caption = r:caption("Các chỉ tiêu chính qua các năm: số lượng"),
    columns = {"label", "registrations", "units", "on_time", "scored", "passing", "excellent", "dropped"},
    labels = {label = "Năm", registrations = "Đăng ký", units = "Tổ chức có đăng ký",
      on_time = "Đúng hạn", scored = "Đã chấm", passing = "Đạt trở lên", excellent = "Xuất sắc",
      dropped = "Rút, hủy"}})
  r:table(rows, {caption = r:caption("Các chỉ tiêu chính qua các năm: tỷ lệ và điểm"),
    columns = {"label", "on_time_share", "reports_share", "mean", "targets_share"},
    labels = {label = "Năm", on_time_share = "Đăng ký đúng hạn", reports_share = "Báo cáo đúng hạn",
      mean = "Điểm trung bình", targets_share = "Chỉ tiêu đạt"},
    kinds = {on_time_share = "percent", reports_share = "percent", targets_share = "percent"}})
  r:chart{kind = "line", title = r:figure("Số đăng ký và số mô hình đạt qua các năm"), data = rows,
    category = "label", series = {"registrations", "passing", "excellent"},
    labels = {registrations = "Đăng ký", passing = "Đạt trở lên", excellent = "Xuất sắc"},
    category_label = "Năm", value_label = "Số mô hình"}
end

-- Follow-ups -------------------------------------------------------------------------------------

--- Registrations returned and not yet fixed, withdrawn, cancelled.
function btv.follow_ups(c)
  return registrations:where{year = c.year, status = {"returned", "withdrawn", "cancelled"}}
    :order("status", "code"):list()
end

function btv.write_follow_ups(r, c, opts)
  local rows = btv.follow_ups(c)
  local counts = {returned = 0, withdrawn = 0, cancelled = 0}
  for _, row in ipairs(rows) do counts[row.status] = counts[row.status] + 1 end
  r:text("%s đăng ký bị trả lại chưa bổ sung, %s đăng ký đã rút, %s đăng ký đã hủy.",
    r:number(counts.returned), r:number(counts.withdrawn), r:number(counts.cancelled))
  r:table(rows, {caption = r:caption("Đăng ký cần theo dõi: trả lại, rút, hủy"),
    columns = {"code", "title", "unit", "status", "received_on", "notes"}, numbered = true})
end

--- The definitions behind the numbers, for the end of a document.
btv.definitions = "Cách tính: đăng ký còn hiệu lực là mọi đăng ký trừ bản nháp, đã rút và đã hủy. "
  .. "Thuộc diện đăng ký: các tập thể lãnh đạo và đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ "
  .. "năm trước của tổ chức cơ sở đảng. Đúng hạn: nhận trước hoặc đúng hạn đăng ký (báo cáo: hạn báo "
  .. "cáo kết quả). Điểm: trung bình cộng tổng điểm các phiếu chấm hợp lệ (đủ tiêu chí, không bị hủy). "
  .. "Chỉ tiêu hoàn thành xuất sắc nhiệm vụ: tỷ lệ quy định trên số đảng viên xếp loại hoàn thành tốt "
  .. "nhiệm vụ, làm tròn xuống. Số liệu lấy từ sổ đăng ký sangtao."

return btv
