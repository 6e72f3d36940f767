-- sangtao: queries over the registry.
--
-- A query is lazy and immutable: every method returns a new query, and nothing runs until a
-- terminal method (count, first, list, rows, pluck, agg…) asks. Everything that can run in SQL
-- runs in SQL, with values bound as parameters, never spliced into the text; Lua predicates run
-- on the streamed rows after the SQL part.
--
-- This file is loaded by RegistryLua with the core (Swift) functions and the entity metadata;
-- it returns the Query class.

local S = ...
local core, entities, ResultSet, messages = S.core, S.entities, S.ResultSet, S.messages

local type, pairs, ipairs, select, error, setmetatable, rawget, tostring, tonumber =
  type, pairs, ipairs, select, error, setmetatable, rawget, tostring, tonumber
local concat, insert, unpack = table.concat, table.insert, table.unpack
local format = string.format

local Query = {}
Query.__name = "sangtao.Query"

local NULL = core.null -- a sentinel for SQL NULL in where{}

-- Copies a query with `changes` applied (queries never change once made).
local function derive(q, changes)
  local copy = {}
  for k, v in pairs(q) do copy[k] = v end
  for k, v in pairs(changes) do copy[k] = v end
  return setmetatable(copy, Query)
end

-- Appends `item` to a copy of the list `list`.
local function with(list, item)
  local copy = {}
  for i = 1, #list do copy[i] = list[i] end
  copy[#copy + 1] = item
  return copy
end

--- Makes the query of a whole collection.
function Query.of(entity)
  return setmetatable({
    _entity = entity,
    _where = {},   -- {sql = "...", params = {...}}
    _lua = {},     -- Lua predicates, applied in order on streamed rows
    _order = {},   -- SQL order terms
    _select = nil, -- explicit columns, or all
  }, Query)
end

-- Column references ----------------------------------------------------------------------------

-- The SQL expression for a field name of the entity: a column, a virtual column, or a
-- relation's display name ("unit" -> the unit's name). Errors name the field and the entity.
local function expression(e, name, level)
  if e.types[name] then return e.table .. "." .. name end
  local v = e.virtual[name]
  if v then return v.select end
  local rel = e.relations[name]
  if rel then
    local target = entities[rel.entity]
    return format("(SELECT %s FROM %s WHERE id = %s.%s)", target.display, target.table,
      e.table, rel.key)
  end
  error(messages.unknown_field(name, e.name), (level or 1) + 1)
end
Query._expression = expression

local function check_value(v, field, level)
  local t = type(v)
  if t == "string" or t == "number" or t == "boolean" or v == NULL then return end
  error(messages.bad_value(field, t), level + 1)
end

-- A code the column does not have (where{status = "acepted"}) is a typo, not an empty answer.
-- The codes come from the schema's details when loaded (the console), else one column at a
-- time (a script pays for the columns it filters on, not for the whole schema).
local codes = setmetatable({}, {__mode = "k"}) -- entity -> column -> codes or false
local function check_code(e, field, v, level)
  if type(v) ~= "string" or not e.types[field] then return end
  local known = codes[e] or {}
  codes[e] = known
  local allowed = known[field]
  if allowed == nil then
    local enums = rawget(e, "enums")
    if enums then allowed = enums[field] else allowed = core.allowed_values(e.table, field) end
    allowed = allowed or false
    known[field] = allowed
  end
  if not allowed then return end
  for _, a in ipairs(allowed) do if a == v then return end end
  error(messages.unknown_code(field, v, concat(allowed, ", ")), level + 1)
end

local comparison = {
  ["="] = "=", ["=="] = "=", ["~="] = "<>", ["!="] = "<>", ["<>"] = "<>",
  ["<"] = "<", ["<="] = "<=", [">"] = ">", [">="] = ">=", like = "LIKE", glob = "GLOB",
}

-- One `field = value` pair of where{} as SQL and its parameters.
--   value           field = ?            (NULL: field IS NULL)
--   {a, b, c}       field IN (?, ?, ?)
--   {">", x}        field > ?            (any operator of `comparison`, also "not")
--   {"between", a, b}
--   a row table     the row's id (unit = units.DS)
local function condition(e, field, value, params, level)
  level = level + 1
  local rel = e.relations[field]
  if rel and not rel.load and (value == NULL or (type(value) == "table" and getmetatable(value) == nil
      and type(value[1]) == "string")) then
    -- NULL or a comparison ({"~=", db.null}): on the foreign key itself.
    local op = value ~= NULL and value[1]:lower()
    if value == NULL or comparison[op] or op == "not" or op == "in" or op == "between" then
      return condition(e, rel.key, value, params, level)
    end
  end
  if rel then
    -- A relation: match by id, by code, or by a row of the target entity.
    local target = entities[rel.entity]
    local column = e.table .. "." .. rel.key
    local function one(v)
      if type(v) == "table" and getmetatable(v) ~= nil and rawget(v, "id") then return v.id end
      return v
    end
    local values = (type(value) == "table" and getmetatable(value) == nil) and value or {value}
    local ids, codes = {}, {}
    for _, v in ipairs(values) do
      v = one(v)
      if type(v) == "number" then ids[#ids + 1] = v
      elseif type(v) == "string" and target.code then codes[#codes + 1] = v
      else error(messages.bad_relation_value(field, type(v)), level) end
    end
    local parts = {}
    if #ids > 0 then
      parts[#parts + 1] = column .. " IN (" .. string.rep("?", #ids, ", ") .. ")"
      for _, id in ipairs(ids) do params[#params + 1] = id end
    end
    if #codes > 0 then
      parts[#parts + 1] = format("%s IN (SELECT id FROM %s WHERE %s IN (%s))", column,
        target.table, target.code, string.rep("?", #codes, ", "))
      for _, c in ipairs(codes) do params[#params + 1] = c end
    end
    return "(" .. concat(parts, " OR ") .. ")"
  end
  local v = e.virtual[field]
  local lhs
  if v and v.where then
    -- A virtual column with an index-friendly rewrite, e.g. year -> campaign_id IN (...).
    lhs = nil
  else
    lhs = expression(e, field, level)
  end
  local function rewrite(op, placeholders)
    if lhs then return lhs .. " " .. op .. " " .. placeholders end
    return format(v.where, op .. " " .. placeholders)
  end
  if value == NULL then
    if v and v.not_null then return "NOT " .. v.not_null end
    return lhs and (lhs .. " IS NULL") or format(v.where, "IS NULL")
  end
  if type(value) ~= "table" then
    check_value(value, field, level)
    check_code(e, field, value, level)
    params[#params + 1] = value
    if v and v.where_eq then return format(v.where_eq, "= ?") end
    return rewrite("=", "?")
  end
  local op = value[1]
  if type(op) == "string" and (comparison[op:lower()] or op:lower() == "between"
      or op:lower() == "not" or op:lower() == "in") then
    local lop = op:lower()
    if lop == "between" then
      check_value(value[2], field, level); check_value(value[3], field, level)
      params[#params + 1] = value[2]; params[#params + 1] = value[3]
      return rewrite("BETWEEN", "? AND ?")
    elseif lop == "not" or lop == "in" then
      local list = value[2]
      if type(list) ~= "table" then list = {select(2, unpack(value))} end
      for _, x in ipairs(list) do
        check_value(x, field, level); check_code(e, field, x, level); params[#params + 1] = x
      end
      if #list == 0 then return lop == "in" and "0" or "1" end
      return rewrite(lop == "not" and "NOT IN" or "IN", "(" .. string.rep("?", #list, ", ") .. ")")
    end
    local x = value[2]
    if x == NULL then
      if v and v.not_null then
        return (comparison[lop] == "<>" and "" or "NOT ") .. v.not_null
      end
      if comparison[lop] == "<>" then
        return lhs and (lhs .. " IS NOT NULL") or format(v.where, "IS NOT NULL")
      end
      return lhs and (lhs .. " IS NULL") or format(v.where, "IS NULL")
    end
    check_value(x, field, level)
    if comparison[lop] == "=" or comparison[lop] == "<>" then check_code(e, field, x, level) end
    params[#params + 1] = x
    return rewrite(comparison[lop], "?")
  end
  -- An array: IN.
  if #value == 0 then return "0" end
  for _, x in ipairs(value) do
    check_value(x, field, level); check_code(e, field, x, level); params[#params + 1] = x
  end
  return rewrite("IN", "(" .. string.rep("?", #value, ", ") .. ")")
end

-- Building ---------------------------------------------------------------------------------------

--- Narrows the query.
---   q:where{status = "submitted", unit = "DS"}   fields (AND); a list means IN;
---                                                 {">", v}, {"between", a, b}, {"not", {…}}
---   q:where("received_on > ?", "2023-03-28")     an SQL condition with bound values
---   q:where(function(r) return r:days_late() > 0 end)   a Lua predicate on each row
function Query:where(spec, ...)
  local e = self._entity
  local t = type(spec)
  if t == "function" then
    return derive(self, {_lua = with(self._lua, spec)})
  elseif t == "string" then
    local params = {...}
    local n = select("#", ...)
    local marks = select(2, spec:gsub("%?", "?"))
    if marks ~= n then error(messages.parameter_count(marks, n), 2) end
    for i = 1, n do check_value(params[i], "?" .. i, 2) end
    return derive(self, {_where = with(self._where, {sql = "(" .. spec .. ")", params = params, n = n})})
  elseif t == "table" then
    local fields = {}
    for k in pairs(spec) do
      if type(k) ~= "string" then error(messages.where_keys(), 2) end
      fields[#fields + 1] = k
    end
    table.sort(fields) -- a stable SQL text for the same condition
    local where = self._where
    for _, field in ipairs(fields) do
      local params = {}
      local sql = condition(e, field, spec[field], params, 2)
      where = with(where, {sql = sql, params = params, n = #params})
    end
    return derive(self, {_where = where})
  end
  error(messages.bad_argument(1, "where", "table, string or function", t), 2)
end
Query.filter = Query.where

--- Accent- and case-insensitive search in the entity's text (`đ` matches `d`):
---   registrations:search("du lich cong dong")  -- every word must appear
function Query:search(text)
  if type(text) ~= "string" then error(messages.bad_argument(1, "search", "string", type(text)), 2) end
  local e = self._entity
  local words = {}
  for w in core.fold(text):gmatch("%S+") do words[#words + 1] = w end
  local where = self._where
  for _, w in ipairs(words) do
    local alternatives, params = {}, {}
    for _, column in ipairs(e.search) do
      alternatives[#alternatives + 1] = "instr(" .. column .. ", ?) > 0"
      params[#params + 1] = w
    end
    where = with(where, {sql = "(" .. concat(alternatives, " OR ") .. ")", params = params, n = #params})
  end
  return derive(self, {_where = where})
end

--- Orders the query: q:order("-received_on", "title") (a leading "-" is descending). Text
--- columns of names and titles sort in Vietnamese order (a < ă < â, d < đ).
function Query:order(...)
  local e = self._entity
  local order = self._order
  for i = 1, select("#", ...) do
    local key = select(i, ...)
    if type(key) ~= "string" then error(messages.bad_argument(i, "order", "string", type(key)), 2) end
    local desc = key:sub(1, 1) == "-"
    local name = desc and key:sub(2) or key
    local expr = expression(e, name, 2)
    if e.collate[name] or (e.relations[name] and true) then expr = expr .. " COLLATE vi" end
    order = with(order, expr .. (desc and " DESC" or ""))
  end
  return derive(self, {_order = order})
end

--- At most n rows.
function Query:limit(n)
  if math.type(n) ~= "integer" or n < 0 then
    error(messages.bad_argument(1, "limit", "non-negative integer", type(n)), 2)
  end
  return derive(self, {_limit = n})
end

--- Skips the first n rows.
function Query:offset(n)
  if math.type(n) ~= "integer" or n < 0 then
    error(messages.bad_argument(1, "offset", "non-negative integer", type(n)), 2)
  end
  return derive(self, {_offset = n})
end

--- Only these fields in each row (faster streaming): q:select("code", "title"). The rows are
--- partial: select "id" as well to update them or follow relations back to them.
function Query:select(...)
  local e = self._entity
  local list = {}
  for i = 1, select("#", ...) do
    local name = select(i, ...)
    if type(name) ~= "string" then error(messages.bad_argument(i, "select", "string", type(name)), 2) end
    list[#list + 1] = {name = name, expr = expression(e, name, 2)}
  end
  return derive(self, {_select = list})
end

-- SQL ------------------------------------------------------------------------------------------

-- The WHERE clause and its parameters.
local function where_clause(q)
  if #q._where == 0 then return "", {} end
  local parts, params = {}, {}
  for _, w in ipairs(q._where) do
    parts[#parts + 1] = w.sql
    for i = 1, w.n do params[#params + 1] = w.params[i] end
  end
  return " WHERE " .. concat(parts, " AND "), params
end

Query._where_clause = where_clause

-- The select list: all columns, or exactly the chosen ones (a streaming loop pays for every
-- column it reads; select "id" too for rows that change themselves or follow relations back).
local function select_list(q)
  local e = q._entity
  if not q._select then return e.table .. ".*" end
  local items = {}
  for _, s in ipairs(q._select) do
    items[#items + 1] = s.expr == e.table .. "." .. s.name and s.expr or (s.expr .. " AS " .. s.name)
  end
  return concat(items, ", ")
end

-- Full SELECT text and parameters; `sql_only` ignores Lua predicates for limit/offset.
function Query:_sql(columns)
  local e = self._entity
  local where, params = where_clause(self)
  local sql = "SELECT " .. (columns or select_list(self)) .. " FROM " .. e.table .. where
  if #self._order > 0 then sql = sql .. " ORDER BY " .. concat(self._order, ", ") end
  -- With Lua predicates, limit and offset apply after them (in Lua).
  if #self._lua == 0 then
    if self._limit then sql = sql .. " LIMIT " .. self._limit
    elseif self._offset then sql = sql .. " LIMIT -1" end
    if self._offset then sql = sql .. " OFFSET " .. self._offset end
  end
  return sql, params
end

--- The SQL this query runs, with its parameters: print(q:sql()).
function Query:sql()
  local sql, params = self:_sql()
  local shown = {}
  for i, p in ipairs(params) do shown[i] = type(p) == "string" and format("%q", p) or tostring(p) end
  if #self._lua > 0 then sql = sql .. "  -- then " .. #self._lua .. " Lua predicate(s)" end
  return sql, #shown > 0 and ("-- parameters: " .. concat(shown, ", ")) or nil
end

-- Running --------------------------------------------------------------------------------------

-- A streaming iterator over the rows, honouring Lua predicates and (then) limit and offset.
-- This is the hot path of every Lua predicate: one call of the stepper per row, no more.
function Query:rows()
  local e = self._entity
  local sql, params = self:_sql()
  local stepper = core.iterate(sql, params, e.meta)
  local preds = self._lua
  if #preds == 0 then return stepper end
  local skip, left = self._offset or 0, self._limit
  local single = #preds == 1 and preds[1]
  return function()
    while left ~= 0 do
      local r = stepper()
      if r == nil then return nil end
      local ok
      if single then
        ok = single(r)
      else
        ok = true
        for i = 1, #preds do
          if not preds[i](r) then ok = false; break end
        end
      end
      if ok then
        if skip > 0 then skip = skip - 1
        else
          if left then left = left - 1 end
          return r
        end
      end
    end
    return nil
  end
end

--- All rows, as a result set.
function Query:list()
  local e = self._entity
  if #self._lua == 0 then
    local sql, params = self:_sql()
    return ResultSet.wrap(core.query(sql, params, e.meta), e, sql)
  end
  local out, n = {}, 0
  for r in self:rows() do n = n + 1; out[n] = r end
  return ResultSet.wrap(out, e, (self:_sql()))
end
Query.all = Query.list

--- The number of rows.
function Query:count()
  if #self._lua == 0 then
    local inner = self
    if self._limit or self._offset then
      local sql, params = self:_sql(self._entity.table .. ".id")
      return core.scalar("SELECT count(*) FROM (" .. sql .. ")", params)
    end
    local where, params = where_clause(inner)
    return core.scalar("SELECT count(*) FROM " .. self._entity.table .. where, params)
  end
  local preds = self._lua
  if #preds == 1 and not self._limit and not self._offset then
    -- The common case (one predicate, count them all) as one tight loop.
    local stepper = core.iterate((self:_sql()), select(2, self:_sql()), self._entity.meta)
    local pred, n = preds[1], 0
    local r = stepper()
    while r ~= nil do
      if pred(r) then n = n + 1 end
      r = stepper()
    end
    return n
  end
  local n = 0
  for _ in self:rows() do n = n + 1 end
  return n
end

--- The first row, or nil.
function Query:first()
  if #self._lua == 0 then
    local q = derive(self, {_limit = 1})
    local sql, params = q:_sql()
    return core.query(sql, params, self._entity.meta)[1]
  end
  return self:rows()()
end

--- Whether any row matches.
function Query:exists()
  return self:first() ~= nil
end

--- The values of one field: registrations:where{year = 2023}:pluck("code").
function Query:pluck(field)
  local e = self._entity
  if type(field) ~= "string" then error(messages.bad_argument(1, "pluck", "string", type(field)), 2) end
  if #self._lua == 0 then
    local sql, params = self:_sql(expression(e, field, 2))
    return core.column(sql, params)
  end
  local out = {}
  for r in self:rows() do out[#out + 1] = r[field] end
  return out
end

--- The ids of the rows.
function Query:ids() return self:pluck("id") end

-- Changes ----------------------------------------------------------------------------------------

--- Adds a record through the registry's rules (checked, audited) and returns it:
---   registrations:add{year = 2023, subject = "DV-0042", grp = "htxs_year", title = "…",
---                     kind = "model", field = "economy", received_on = "20/03/2023"}
function Query:add(values, options)
  if type(values) ~= "table" then error(messages.bad_argument(1, "add", "table", type(values)), 2) end
  local e = self._entity
  local id = core.insert(e.table, values, options)
  return (Query.of(e):get(id))
end

-- Lookup ---------------------------------------------------------------------------------------

--- The row with this id or code, or nil and a message: units:get("DS"), registrations:get(42).
function Query:get(key)
  local e = self._entity
  local r
  if math.type(key) == "integer" then
    r = core.query("SELECT * FROM " .. e.table .. " WHERE id = ?", {key}, e.meta)[1]
  elseif type(key) == "string" and e.code then
    r = core.query("SELECT * FROM " .. e.table .. " WHERE " .. e.code .. " = ?", {key}, e.meta)[1]
  else
    error(messages.bad_argument(1, "get", e.code and "integer id or code" or "integer id", type(key)), 2)
  end
  if r == nil then return nil, messages.not_found(e.name, key) end
  return r
end

Query.__index = function(q, key)
  local m = Query[key]
  if m ~= nil then return m end
  local file = S.lazy_methods[key]
  if file then
    S.need(file)
    return Query[key]
  end
  if math.type(key) == "integer" or (type(key) == "string" and key:match("^%u")) then
    return (q:get(key))
  end
  return nil
end

Query.__static = {"of"} -- not a method of a query (completion leaves it out)
Query.__len = function(q) return q:count() end
-- A query called is its rows: r.sheets is the query of a registration's sheets, r:sheets() the
-- sheets themselves. `for r in q do` calls it with two values each turn: say how to loop
-- instead of running the query for ever.
Query.__call = function(q, ...)
  if select("#", ...) >= 2 then error(messages.result_set_called(), 2) end
  return q:list()
end

local fields = {}
for name, value in pairs(Query) do
  if type(value) == "function" and not name:match("^_") and name ~= "of" then fields[#fields + 1] = name end
end
Query.__fields = fields
S.Query = Query
