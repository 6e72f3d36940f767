-- btv_appraisal.lua — the appraisal side of btv.lua: scores and levels, the flags of the
-- appraisal, top models, the HTXS pipeline and quota, targets, year over year and follow-ups.
-- btv.lua loads it into its own table; scripts require "btv", never this file.

local btv = require("btv")
local ACTIVE, GRASSROOTS = btv.internal.ACTIVE, btv.internal.GRASSROOTS
local year_bounds, quorum = btv.internal.year_bounds, btv.internal.quorum

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
