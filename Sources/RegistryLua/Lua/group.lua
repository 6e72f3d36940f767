-- sangtao: grouping and aggregates, in SQL for queries and in Lua for result sets.
--
--   registrations:where{year = 2023}:group("unit"):agg{n = "count", mean = "avg(score)"}
--   regs:group("field", "grp"):agg{"n = count", "late = sum(days_late > 0)"}
--
-- An aggregate spec is "count", "name(field)", "name(distinct field)", "percentile(field, 90)",
-- or {function(values) ... end, "field"}. Named aggregates are the SQL ones (count, sum, avg,
-- min, max, total, group_concat), the registry's (median, percentile, stddev, trimmed_mean) and
-- any defined with aggregate(name, fn).

local S = ...
local core, entities, Query, ResultSet, messages, aggregates =
  S.core, S.entities, S.Query, S.ResultSet, S.messages, S.aggregates

local type, pairs, ipairs, error, tostring, tonumber, getmetatable, rawget =
  type, pairs, ipairs, error, tostring, tonumber, getmetatable, rawget
local concat, sort = table.concat, table.sort
local format = string.format

-- Parses one aggregate spec into {func, args = {...}, distinct}.
local function parse(spec, name)
  if type(spec) == "table" and type(spec[1]) == "function" then
    return {lua = spec[1], args = {spec[2]}}
  end
  if type(spec) ~= "string" then error(messages.bad_aggregate(name, tostring(spec)), 4) end
  local s = spec:gsub("^%s+", ""):gsub("%s+$", "")
  if s == "count" or s == "count(*)" then return {func = "count", args = {}} end
  local func, inner = s:match("^([%a_][%w_]*)%s*%((.*)%)$")
  if not func then error(messages.bad_aggregate(name, spec), 4) end
  local distinct = false
  inner = inner:gsub("^%s*distinct%s+", function() distinct = true return "" end)
  local args = {}
  for arg in inner:gmatch("[^,]+") do
    arg = arg:gsub("^%s+", ""):gsub("%s+$", "")
    args[#args + 1] = tonumber(arg) or arg
  end
  func = func:lower()
  if func == "percentile" then
    local p = args[2]
    if #args ~= 2 or type(p) ~= "number" or p < 0 or p > 100 then
      error(messages.bad_aggregate(name, spec), 4)
    end
  end
  return {func = func, args = args, distinct = distinct}
end

-- The list of {name, spec} from agg's argument: a table of name = spec (in name order) or a
-- sequence of "name = spec" strings / {name, spec} pairs (in the given order).
local function named_specs(specs)
  local list = {}
  if #specs > 0 then
    for i, item in ipairs(specs) do
      if type(item) == "string" then
        local name, spec = item:match("^%s*([%a_][%w_]*)%s*=%s*(.+)$")
        if not name then error(messages.bad_aggregate("#" .. i, item), 3) end
        list[#list + 1] = {name, spec}
      elseif type(item) == "table" then
        list[#list + 1] = {item[1], item[2]}
      end
    end
  else
    local names = {}
    for k in pairs(specs) do names[#names + 1] = k end
    sort(names)
    for _, k in ipairs(names) do list[#list + 1] = {k, specs[k]} end
  end
  if #list == 0 then error(messages.empty_aggregate(), 3) end
  return list
end

-- SQL for queries --------------------------------------------------------------------------------

local function sql_aggregate(e, a, name)
  local fn = a.func
  if a.lua then
    -- A one-off Lua aggregate: register it under a name private to this call.
    fn = core.temporary_aggregate(a.lua)
  end
  local args = {}
  for i, arg in ipairs(a.args) do
    if type(arg) == "number" then args[i] = tostring(arg)
    elseif arg == "*" then args[i] = "*"
    else args[i] = Query._expression(e, arg, 4) end
  end
  if fn == "count" and #args == 0 then return "count(*)" end
  return format("%s(%s%s)", fn, a.distinct and "DISTINCT " or "", concat(args, ", "))
end

--- Groups the query by fields: q:group("unit", "field").
function Query:group(...)
  local keys = {...}
  if #keys == 0 then error(messages.bad_argument(1, "group", "field name", "no value"), 2) end
  for i, k in ipairs(keys) do
    if type(k) ~= "string" then error(messages.bad_argument(i, "group", "string", type(k)), 2) end
    Query._expression(self._entity, k, 2) -- checks the field exists
  end
  local copy = {}
  for k, v in pairs(self) do copy[k] = v end
  copy._group = keys
  return setmetatable(copy, Query)
end

--- Computes aggregates, per group if grouped: a result set with the group fields then the
--- aggregates.
function Query:agg(specs)
  if type(specs) ~= "table" then error(messages.bad_argument(1, "agg", "table", type(specs)), 2) end
  local list = named_specs(specs)
  local e = self._entity
  if #self._lua > 0 then
    -- Lua predicates: stream the rows and aggregate in Lua.
    local rs = self:list()
    if self._group then rs = rs:group(table.unpack(self._group)) end
    return rs:agg(specs)
  end
  local items, columns, group_exprs, order = {}, {}, {}, {}
  for _, key in ipairs(self._group or {}) do
    local rel = e.relations[key]
    if rel then
      items[#items + 1] = e.table .. "." .. rel.key .. " AS " .. rel.key
      columns[#columns + 1] = rel.key
      group_exprs[#group_exprs + 1] = e.table .. "." .. rel.key
    else
      group_exprs[#group_exprs + 1] = Query._expression(e, key, 2)
    end
    local expr = Query._expression(e, key, 2)
    items[#items + 1] = expr .. " AS " .. key
    columns[#columns + 1] = key
    order[#order + 1] = (rel or e.collate[key]) and (key .. " COLLATE vi") or key
  end
  for _, pair in ipairs(list) do
    items[#items + 1] = sql_aggregate(e, parse(pair[2], pair[1]), pair[1]) .. " AS " .. pair[1]
    columns[#columns + 1] = pair[1]
  end
  local where, params = Query._where_clause(self)
  local sql = "SELECT " .. concat(items, ", ") .. " FROM " .. e.table .. where
  if #group_exprs > 0 then
    sql = sql .. " GROUP BY " .. concat(group_exprs, ", ") .. " ORDER BY " .. concat(order, ", ")
  end
  if self._limit then sql = sql .. " LIMIT " .. self._limit end
  if self._offset then sql = sql .. (self._limit and "" or " LIMIT -1") .. " OFFSET " .. self._offset end
  local rows = core.query(sql, params, nil)
  return ResultSet.wrap(rows, nil, sql, columns, e)
end

-- Lua for result sets ------------------------------------------------------------------------------

-- Aggregates of Lua values, for result sets (same names as in SQL).
local function numbers(values)
  local out = {}
  for _, v in ipairs(values) do if type(v) == "number" then out[#out + 1] = v end end
  return out
end

local builtin = {}
function builtin.count(values) return #values end
function builtin.sum(values)
  local xs = numbers(values)
  if #xs == 0 then return nil end
  local s = 0
  for _, x in ipairs(xs) do s = s + x end
  return s
end
function builtin.total(values) return builtin.sum(values) or 0.0 end
function builtin.avg(values)
  local xs = numbers(values)
  if #xs == 0 then return nil end
  return builtin.sum(xs) / #xs
end
function builtin.min(values)
  local m
  for _, v in ipairs(values) do if m == nil or v < m then m = v end end
  return m
end
function builtin.max(values)
  local m
  for _, v in ipairs(values) do if m == nil or v > m then m = v end end
  return m
end
function builtin.median(values) return builtin.percentile(values, 50) end
function builtin.percentile(values, p)
  local xs = numbers(values)
  if #xs == 0 then return nil end
  sort(xs)
  p = p or 50
  -- Linear interpolation between closest ranks (as the registry's SQL percentile).
  local rank = (p / 100) * (#xs - 1) + 1
  local lo = math.floor(rank)
  local hi = math.min(lo + 1, #xs)
  return xs[lo] + (rank - lo) * (xs[hi] - xs[lo])
end
function builtin.stddev(values)
  local xs = numbers(values)
  if #xs < 2 then return nil end
  local mean = builtin.avg(xs)
  local s = 0
  for _, x in ipairs(xs) do s = s + (x - mean) ^ 2 end
  return math.sqrt(s / (#xs - 1))
end
function builtin.group_concat(values, sep)
  local parts = {}
  for i, v in ipairs(values) do parts[i] = tostring(v) end
  return concat(parts, type(sep) == "string" and sep or ",")
end

-- The value of `field` in row `r`. A computed field that is also a method (days_late) gives
-- its value; any other method is never called here (it could write: delete, update).
local function computed(r, field)
  local v = r[field]
  if type(v) ~= "function" then return v end
  local meta = getmetatable(r)
  local e = type(meta) == "table" and rawget(meta, "_entity")
  if e and e.virtual[field] then return v(r) end
  return nil
end

-- Runs one parsed aggregate over rows in Lua.
local function lua_aggregate(rows, a, name)
  local field = a.args[1]
  local values = {}
  if a.func == "count" and (field == nil or field == "*") then return #rows end
  local seen = {}
  for _, r in ipairs(rows) do
    local v = computed(r, field)
    if v ~= nil and not (a.distinct and seen[v]) then
      seen[v] = true
      values[#values + 1] = v
    end
  end
  if a.lua then return a.lua(values) end
  local f = builtin[a.func]
  if f then return f(values, a.args[2]) end
  local def = aggregates[a.func]
  if def then return def.run(values) end
  error(messages.unknown_aggregate(a.func), 4)
end

--- Groups a result set by fields (in Lua).
function ResultSet.group(rs, ...)
  local keys = {...}
  return setmetatable({_rows = rs, _keys = keys}, ResultSet.Grouped)
end

ResultSet.Grouped = {__name = "sangtao.GroupedRows"}
ResultSet.Grouped.__index = ResultSet.Grouped

-- The value a row groups by under key `k`: a related row (r.unit) counts by its id and shows
-- as its display field (the unit's name), with the id beside it under the relation's key
-- (unit_id), as in SQL; anything else is itself.
local function group_value(r, k)
  local v = computed(r, k)
  local meta = type(v) == "table" and getmetatable(v)
  local target = meta and rawget(meta, "_entity")
  if not target then return v, v, nil end
  local own = rawget(getmetatable(r) or {}, "_entity")
  local rel = own and own.relations[k]
  return rawget(v, "id"), v[target.display or "id"], rel and rel.key or k .. "_id"
end

--- Aggregates each group.
function ResultSet.Grouped:agg(specs)
  local list = named_specs(specs)
  local groups, order = {}, {}
  local related = {} -- key -> the foreign key column shown beside it
  for _, r in ipairs(self._rows) do
    local parts, shown = {}, {}
    for i, k in ipairs(self._keys) do
      local identity, display, key = group_value(r, k)
      if key then related[k] = key end
      parts[i] = tostring(identity)
      shown[k] = {identity = key and identity or nil, display = display}
    end
    local id = concat(parts, "\0")
    local g = groups[id]
    if not g then
      g = {rows = {}, shown = shown}
      groups[id] = g
      order[#order + 1] = id
    end
    g.rows[#g.rows + 1] = r
  end
  local out, columns = {}, {}
  for _, k in ipairs(self._keys) do
    if related[k] then columns[#columns + 1] = related[k] end
    columns[#columns + 1] = k
  end
  for _, pair in ipairs(list) do columns[#columns + 1] = pair[1] end
  for _, id in ipairs(order) do
    local g = groups[id]
    local row = {}
    for _, k in ipairs(self._keys) do
      row[k] = g.shown[k].display
      if related[k] then row[related[k]] = g.shown[k].identity end
    end
    for _, pair in ipairs(list) do row[pair[1]] = lua_aggregate(g.rows, parse(pair[2], pair[1]), pair[1]) end
    out[#out + 1] = row
  end
  local source = self._rows
  return ResultSet.wrap(out, nil, nil, columns, ResultSet.is(source) and source:origin() or nil)
end

--- Aggregates a whole result set (one row).
function ResultSet.agg(rs, specs)
  local list = named_specs(specs)
  local row, columns = {}, {}
  for _, pair in ipairs(list) do
    row[pair[1]] = lua_aggregate(rs, parse(pair[2], pair[1]), pair[1])
    columns[#columns + 1] = pair[1]
  end
  return ResultSet.wrap({row}, nil, nil, columns)
end

S.builtin_aggregates = builtin
