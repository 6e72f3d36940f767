-- sangtao: the registry's globals — collections, db, aggregate, campaign, rubric, help.
--
-- The entities come from the schema itself (core.schema(): columns, types, enum values and
-- foreign keys read from SQLite); this file only adds what the schema cannot say: the names
-- analysts type (registrations, panel, outbox), display columns, search columns, computed
-- fields and row methods.

local S = ...
local core, messages = S.core, S.messages
local Query, ResultSet, Rows = S.Query, S.ResultSet, S.Rows
local entities = S.entities

local type, pairs, ipairs, error, setmetatable, rawget, tostring =
  type, pairs, ipairs, error, setmetatable, rawget, tostring
local format = string.format

-- How analysts name each table, and what the schema cannot tell.
local spec = {
  {name = "units", table = "units", singular = "unit", code = "code", display = "name",
   search = {"fold(units.name)", "lower(units.code)"}, collate = {name = true},
   summary = {"code", "name", "kind", "bloc", "member_count"}},
  {name = "people", table = "people", singular = "person", code = "code", display = "full_name",
   search = {"fold(people.full_name)"}, collate = {full_name = true}, aliases = {name = "full_name"},
   summary = {"code", "full_name", "gender", "ethnicity", "unit", "party_position"}},
  {name = "collectives", table = "collectives", singular = "collective", code = "code",
   display = "name", search = {"fold(collectives.name)"}, collate = {name = true},
   summary = {"code", "name", "unit"}},
  {name = "ratings", table = "ratings", singular = "rating",
   summary = {"year", "level", "person", "collective", "decision"}},
  {name = "campaigns", table = "campaigns", singular = "campaign", code = "year", display = "title",
   summary = {"year", "title", "d1_registration", "d2_report", "d3_appraisal"}},
  {name = "registrations", table = "registrations", singular = "registration", code = "code",
   display = "title", search = {"registrations.title_folded"}, collate = {title = true},
   summary = {"code", "title", "unit", "grp", "field", "status", "received_on"}},
  {name = "targets", table = "targets", singular = "target", display = "description",
   summary = {"registration", "seq", "description", "measure", "planned"}},
  {name = "reports", table = "reports", singular = "report",
   summary = {"registration", "submitted_on", "confirmed_by"}},
  {name = "target_results", table = "target_results", singular = "target_result",
   summary = {"target", "actual", "achieved"}},
  {name = "panel", table = "panel_members", singular = "panel_member", display = "agency",
   summary = {"person", "role", "agency", "unit"}},
  {name = "rubrics", table = "rubrics", singular = "rubric", display = "name",
   summary = {"campaign", "version", "name", "source"}},
  {name = "criteria", table = "criteria", singular = "criterion", code = "code", display = "name",
   summary = {"code", "name", "max_points"}},
  {name = "bands", table = "criterion_bands", singular = "band", display = "label",
   summary = {"criterion", "label", "min_points", "max_points"}},
  {name = "sheets", table = "score_sheets", singular = "sheet",
   summary = {"registration", "panel_member", "scored_on", "void_reason"}},
  {name = "points", table = "sheet_points", singular = "point",
   summary = {"sheet", "criterion", "points"}},
  {name = "outbox", table = "reminders", singular = "reminder",
   summary = {"rule", "recipient", "subject", "due_date", "channel", "status"}},
  {name = "audit", table = "audit_log", singular = "audit_entry",
   summary = {"at", "actor", "entity", "entity_id", "action", "document"}},
}

-- Computed fields: SQL for queries (select, and an index-friendly where when there is one);
-- rows compute them on first use.
local virtual = {
  registrations = {
    year = {
      select = "(SELECT year FROM campaigns WHERE campaigns.id = registrations.campaign_id)",
      where = "registrations.campaign_id IN (SELECT id FROM campaigns WHERE year %s)",
      -- One year: an equality the planner can use with the (campaign_id, …) indexes.
      where_eq = "registrations.campaign_id = (SELECT id FROM campaigns WHERE year %s)",
      scalar = true,
    },
    days_late = {
      select = "(SELECT CASE WHEN registrations.received_on IS NULL THEN NULL ELSE "
        .. "max(0, CAST(julianday(registrations.received_on) - julianday(d1_registration) AS INTEGER)) END "
        .. "FROM campaigns WHERE campaigns.id = registrations.campaign_id)",
      scalar = true,
    },
    subject_name = {
      select = "coalesce((SELECT full_name FROM people WHERE people.id = registrations.person_id), "
        .. "(SELECT name FROM collectives WHERE collectives.id = registrations.collective_id))",
      scalar = true,
    },
    score = {
      select = "(SELECT avg(total) FROM appraisal_totals WHERE appraisal_totals.registration_id = registrations.id)",
      -- Whether there is a score, without averaging: one valid sheet is enough.
      not_null = "EXISTS (SELECT 1 FROM appraisal_totals WHERE appraisal_totals.registration_id = registrations.id)",
      scalar = true,
    },
    sheet_count = {
      select = "(SELECT count(*) FROM appraisal_totals WHERE appraisal_totals.registration_id = registrations.id)",
      scalar = true,
    },
  },
  reports = {
    year = {
      select = "(SELECT c.year FROM registrations r JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = reports.registration_id)",
      where = "reports.registration_id IN (SELECT r.id FROM registrations r JOIN campaigns c ON c.id = r.campaign_id WHERE c.year %s)",
      scalar = true,
    },
  },
}

S.collections = spec

-- The entities: what the spec says now; what the schema says (columns, types, relations, row
-- metatables) on first use, so that a script that never touches the registry never reads its
-- schema and starts as fast as lua5.4.
local by_table = {}
local load_schema
local lazy = {__index = function(e, key) load_schema(); return e[key] end}
for _, s in ipairs(spec) do
  local e = setmetatable({
    name = s.name, table = s.table, singular = s.singular, code = s.code,
    display = s.display or "id", search = s.search or {}, collate = s.collate or {},
    aliases = s.aliases, summary = s.summary, virtual = virtual[s.table] or {},
  }, lazy)
  entities[s.name] = e
  by_table[s.table] = e
end

-- What only people need (comments, allowed values) comes on first use too, or with the schema
-- when the console asks (completion reads it without running anything).
local load_details
local details = {__index = function(e, key)
  if key == "enums" or key == "comments" or key == "comment" then
    load_details()
    return rawget(e, key)
  end
  return nil
end}

function load_details()
  if S.details_loaded then return end
  S.details_loaded = true
  local all = core.schema_details()
  for _, e in pairs(entities) do
    local t = all[rawget(e, "table")] or {}
    rawset(e, "enums", t.enums or {})
    rawset(e, "comments", t.comments or {})
    rawset(e, "comment", t.comment)
    setmetatable(e, nil)
  end
end

--- Reads the schema into the entities (once); with `with_details`, comments and allowed
--- values as well.
function load_schema(with_details)
  if not S.schema_loaded then
    S.schema_loaded = true
    local schema = core.schema()
    for _, e in pairs(entities) do
      local t = schema[rawget(e, "table")] or {columns = {}, types = {}, foreign = {}}
      rawset(e, "columns", t.columns)
      rawset(e, "types", t.types)
      rawset(e, "foreign", t.foreign)
      rawset(e, "relations", {})
      rawset(e, "reverse", {})
    end
    for _, e in pairs(entities) do
      for column, target_table in pairs(rawget(e, "foreign")) do
        local target = by_table[target_table]
        if target then
          local relation = column:gsub("_id$", "")
          rawget(e, "relations")[relation] = {entity = rawget(target, "name"), key = column}
          -- The other way: unit.registrations, registration.sheets… (first one of a name wins).
          local reverse = rawget(target, "reverse")
          if reverse[rawget(e, "name")] == nil then
            reverse[rawget(e, "name")] = {entity = rawget(e, "name"), key = column}
          end
        end
      end
    end
    rawget(entities.registrations, "reverse").targets.order = "seq"
    -- registration.subject: the person or the collective.
    rawget(entities.registrations, "relations").subject = {
      entity = "people", key = "person_id",
      load = function(r)
        if rawget(r, "person_id") then return (Query.of(entities.people):get(r.person_id)) end
        if rawget(r, "collective_id") then return (Query.of(entities.collectives):get(r.collective_id)) end
        return nil
      end,
    }
    for name, e in pairs(entities) do
      setmetatable(e, details)
      rawset(e, "meta", Rows.metatable(e, S.methods[name]))
    end
  end
  if with_details then load_details() end
end
S.load_schema = load_schema

-- Day numbers of ISO dates, for day arithmetic in Lua (proleptic Gregorian).
local function day_number(iso)
  if type(iso) ~= "string" then return nil end
  local y, m, d = iso:match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe
end
S.day_number = day_number

-- Row methods ----------------------------------------------------------------------------------

local methods = {}
for name in pairs(entities) do methods[name] = {} end

local R = methods.registrations or {}

--- Days after D1 the registration was received (0 on time; nil when not received).
function R:days_late()
  local c = self.campaign
  local received, d1 = day_number(rawget(self, "received_on")), c and day_number(c.d1_registration)
  if not received or not d1 then return nil end
  return math.max(0, received - d1)
end

--- The results report, or nil.
function R:report() return Query.of(entities.reports):where{registration = self.id}:first() end

--- Records a whole score sheet of the registration by a member of its campaign's team, with
--- every check of the appraisal (own unit, report, rubric, bands); returns the sheet's row:
---   r:add_sheet("DV-0005", {TC1 = 22, TC2 = 13, TC3 = 30, TC4 = 12, TC5 = 9}, {date = "2023-11-24"})
function R:add_sheet(member, points, options)
  local id = core.score(self.id, member, points, options)
  return Query.of(entities.sheets):get(id)
end

-- r.sheets and r.targets are the queries of its score sheets (valid and void) and of its
-- measurable targets (in their order); r:sheets() and r:targets() their rows.

--- Moves the registration along its lifecycle and returns it as it is now:
---   r = r:transition("accepted", {date = "2023-03-30", doc = "45-CV/BTCHU"})
function R:transition(status, options)
  core.transition(self.id, status, options)
  return self:reload()
end

--- Status changes, oldest first.
function R:history()
  local rows, columns = core.sql("SELECT on_date, from_status, to_status, actor, document FROM status_history "
    .. "WHERE registration_id = ? ORDER BY at", {self.id})
  return ResultSet.wrap(rows, nil, nil, columns)
end

local C = methods.campaigns or {}

--- The deadlines: {d1 = "2023-03-28", d2 = …, d3 = …}.
function C:deadlines()
  return {d1 = self.d1_registration, d2 = self.d2_report, d3 = self.d3_appraisal}
end

S.methods = methods

-- Globals --------------------------------------------------------------------------------------

for name, e in pairs(entities) do
  _G[name] = Query.of(e)
end
regs = registrations

local NULL = core.null

db = setmetatable({
  null = NULL,
  --- Rows of any reading SQL, values bound to the ? placeholders: db.sql("select …", 2023).
  sql = function(sql, ...)
    if type(sql) ~= "string" then error(messages.bad_argument(1, "sql", "string", type(sql)), 2) end
    local rows, columns = core.sql(sql, {...}, S.plain_row)
    return ResultSet.wrap(rows, nil, sql, columns)
  end,
  --- One value of a reading SQL statement.
  value = function(sql, ...)
    local rows, columns = core.sql(sql, {...}, nil)
    local first = rows[1]
    return first and first[columns[1]]
  end,
  --- Runs fn in a transaction: every change in it is written, or none is.
  tx = function(fn, ...)
    if type(fn) ~= "function" then error(messages.bad_argument(1, "tx", "function", type(fn)), 2) end
    return core.tx(fn, ...)
  end,
  --- Copies the registry to path with SQLite's online backup (whole or not at all): db.backup("sao-luu.sqlite").
  backup = function(path)
    if type(path) ~= "string" then error(messages.bad_argument(1, "backup", "string", type(path)), 2) end
    return core.backup(path)
  end,
  --- Imports a CSV file into a collection, all or nothing; returns the summary lines:
  ---   db.import("dang-ky.csv", "registrations", {dry_run = true})
  import = function(path, collection, options)
    return core.import(path, collection, options)
  end,
  --- Exports a collection as CSV for Excel (BOM, formulas neutralized); returns the row count.
  export = function(collection, path, options)
    return core.export(collection, path, options)
  end,
  --- Registers a Lua function for SQL: db.func("bonus", function(x) return x * 1.1 end).
  func = function(name, fn)
    if type(name) ~= "string" then error(messages.bad_argument(1, "func", "string", type(name)), 2) end
    if type(fn) ~= "function" then error(messages.bad_argument(2, "func", "function", type(fn)), 2) end
    core.define_function(name, fn)
  end,
}, {
  __index = function(_, key)
    if key == "path" or key == "read_only" or key == "actor" then return core.info()[key] end
    if key == "lang" then return core.language() end
    return nil
  end,
  __newindex = function(t, key, value)
    if key == "actor" then core.set_actor(value) return end
    rawset(t, key, value)
  end,
})

S.plain_row = {__name = "sangtao.row"}

--- Defines an aggregate usable in agg{} and in SQL:
---   aggregate("spread", function(values) return max - min end)
---   aggregate("sumsq", {init = function() return 0 end, step = function(s, v) return s + v * v end})
function aggregate(name, def)
  if type(name) ~= "string" or not name:match("^[%a_][%w_]*$") then
    error(messages.bad_argument(1, "aggregate", "name", type(name)), 2)
  end
  local run
  if type(def) == "function" then
    run = def
  elseif type(def) == "table" and type(def.step) == "function" then
    run = function(values)
      local state = def.init and def.init() or nil
      for _, v in ipairs(values) do
        local next_state = def.step(state, v)
        if next_state ~= nil then state = next_state end
      end
      if def.final then return def.final(state) end
      return state
    end
  else
    error(messages.bad_argument(2, "aggregate", "function or {init, step, final}", type(def)), 2)
  end
  S.aggregates[name] = {run = run, def = def}
  core.define_aggregate(name, def)
end

--- The campaign of a year, or nil and a message.
function campaign(year)
  if math.type(year) ~= "integer" then error(messages.bad_argument(1, "campaign", "integer year", type(year)), 2) end
  local c = campaigns:where{year = year}:first()
  if c == nil then return nil, messages.not_found("campaigns", year) end
  return c
end

-- What loads on first use (see S.need in prelude.lua).
S.lazy_methods.group = "group"
S.lazy_methods.agg = "group"
S.lazy_methods.results = "scoring"
S.lazy_methods.checks = "scoring"
S.lazy_row_methods.registrations = {result = "scoring", checks = "scoring"}
S.lazy_global("scoring", "scoring")
S.lazy_global("rubric", "scoring")
S.lazy_global("remind", "remind")
S.lazy_global("report", "report")
S.lazy_global("help", "help")
