-- sangtao: appraisal results, eligibility checks and rubrics (DESIGN.md §4).
--
--   registrations:where{year = 2023}:results()      -- the appraisal table, ranked
--   r:result().total, r:result().level, r:checks()
--   scoring.combine = "trimmed_mean"                 -- or "mean", "median", or a function:
--   scoring.combine = function(sheets) … return total end   -- sheets: {member, total, points}
--   rubric(2023); rubric.define(2024, {criteria = {…}})
--
-- The domain computes (Swift's Scoring and Eligibility); what the console shows is what the
-- reports use. Ranking: total, then the mean of TC3, then the day received, then the code.

local S = ...
local core, Query, ResultSet, entities, messages = S.core, S.Query, S.ResultSet, S.entities, S.messages

--- How sheets combine into a total: nil (the campaign's rule), "mean", "trimmed_mean",
--- "median", or a function(sheets) returning the total.
scoring = {combine = nil}

local result_columns = {
  "rank", "code", "total", "level", "sheets", "quorum_met", "spread", "spread_flag", "failed_checks",
}

-- The SQL selecting the ids of a registrations query (Lua predicates applied first).
local function id_query(q, fname)
  if q._entity.name ~= "registrations" then error(messages.results_of_registrations(), 3) end
  if #q._lua == 0 then return q:_sql(q._entity.table .. ".id") end
  local ids = q:ids()
  for i, id in ipairs(ids) do ids[i] = math.tointeger(id) end
  return "SELECT value AS id FROM json_each(?)", {"[" .. table.concat(ids, ",") .. "]"}
end

--- The appraisal results of the registrations, ranked, with their failed checks:
---   registrations:where{year = 2023}:results()
function Query:results(options)
  local sql, params = id_query(self, "results")
  local rows = core.results(sql, params, scoring.combine)
  local failed = {}
  for _, c in ipairs(core.checks(sql, params, options and options.date)) do
    local list = failed[c.registration_id] or {}
    list[#list + 1] = c.check
    failed[c.registration_id] = list
  end
  for _, r in ipairs(rows) do
    r.failed_checks = table.concat(failed[r.registration_id] or {}, ", ")
  end
  return ResultSet.wrap(rows, nil, nil, result_columns)
end

--- The failed eligibility checks of the registrations (on `date`, today by default).
function Query:checks(date)
  local sql, params = id_query(self, "checks")
  return ResultSet.wrap(core.checks(sql, params, date), nil, nil, {"code", "check", "message"})
end

local R = S.methods.registrations

--- This registration's appraisal result: total, level, sheets, quorum_met, spread,
--- spread_flag, criteria (mean points per criterion), members (each sheet's total).
function R:result()
  return core.results("SELECT ? AS id", {self.id}, scoring.combine)[1]
end

--- This registration's failed eligibility checks (on `date`, today by default).
function R:checks(date)
  return Query.of(entities.registrations):where{id = self.id}:checks(date)
end

--- The rubric in force for a year, or nil: rubric(2023).criteria[1].max
--- rubric.define(year, {name = "…", criteria = {{code = "TC1", name = "…", max = 25,
---   bands = {{label = "…", min = 23, max = 25}, …}}, …}}) stores the next version.
rubric = setmetatable({
  define = function(year, definition)
    if math.type(year) ~= "integer" then error(messages.bad_argument(1, "define", "integer year", type(year)), 2) end
    return core.define_rubric(year, definition)
  end,
}, {
  __call = function(_, year)
    if math.type(year) ~= "integer" then error(messages.bad_argument(1, "rubric", "integer year", type(year)), 2) end
    return core.rubric(year)
  end,
})
