-- sangtao: result sets — what queries, db.sql and arrays of rows have in common.
--
-- A result set is a plain Lua array of rows (so #rs, rs[1] and ipairs work as for any array)
-- whose metatable adds the methods queries have: count, first, list, rows, pluck, where, order,
-- limit, offset, group/agg, and columns(). It remembers the SQL it came from, if any.

local S = ...
local messages = S.messages

local type, pairs, ipairs, error, setmetatable, getmetatable, tostring =
  type, pairs, ipairs, error, setmetatable, getmetatable, tostring
local sort, concat = table.sort, table.concat

local ResultSet = {__name = "sangtao.ResultSet", __static = {"wrap", "is", "group_of"}}
ResultSet.__index = function(_, key)
  local m = ResultSet[key]
  if m == nil and S.lazy_methods[key] then
    S.need(S.lazy_methods[key])
    m = ResultSet[key]
  end
  return m
end

-- `for r in rs do` calls the set: say how to loop over it instead.
ResultSet.__call = function() error(messages.result_set_called(), 2) end

-- What a result set knows besides its rows, kept aside so that the array stays an array.
local info = setmetatable({}, {__mode = "k"})

--- Makes `rows` a result set. `entity` (or nil), the SQL it came from, the column order, and
--- the entity its groups came from (`origin`: group keys such as "field" hold that entity's
--- codes, which reports show by their labels).
function ResultSet.wrap(rows, entity, sql, columns, origin)
  info[rows] = {entity = entity, sql = sql, columns = columns, origin = origin}
  return setmetatable(rows, ResultSet)
end

--- Whether `v` is a result set.
function ResultSet.is(v)
  return getmetatable(v) == ResultSet
end

--- The column names, in order.
function ResultSet:columns()
  local i = info[self]
  if i and i.columns then return i.columns end
  if i and i.entity then return i.entity.columns end
  -- Rows from elsewhere: the union of their string keys, in order of first appearance.
  local seen, out = {}, {}
  for _, r in ipairs(self) do
    local keys = {}
    for k in pairs(r) do if type(k) == "string" and not seen[k] then keys[#keys + 1] = k end end
    sort(keys)
    for _, k in ipairs(keys) do seen[k] = true; out[#out + 1] = k end
  end
  return out
end

--- The entity the rows belong to, if any.
function ResultSet:entity()
  local i = info[self]
  return i and i.entity
end

--- The entity the rows or their groups came from, if any.
function ResultSet:origin()
  local i = info[self]
  return i and (i.entity or i.origin)
end

--- The SQL the rows came from, if any.
function ResultSet:sql()
  local i = info[self]
  return i and i.sql
end

function ResultSet:count() return #self end
function ResultSet:first() return self[1] end
function ResultSet:list() return self end
ResultSet.all = ResultSet.list
function ResultSet:exists() return #self > 0 end

--- Iterates the rows (as queries' rows()).
function ResultSet:rows()
  local i = 0
  return function()
    i = i + 1
    return self[i]
  end
end

local function derived(self, rows)
  local i = info[self] or {}
  return ResultSet.wrap(rows, i.entity, nil, i.columns, i.origin)
end

--- Rows passing a predicate, or matching field values: rs:where{status = "accepted"}.
function ResultSet:where(spec)
  local out = {}
  if type(spec) == "function" then
    for _, r in ipairs(self) do if spec(r) then out[#out + 1] = r end end
  elseif type(spec) == "table" then
    for _, r in ipairs(self) do
      local ok = true
      for k, v in pairs(spec) do
        local x = r[k]
        if type(v) == "table" then
          local found = false
          for _, option in ipairs(v) do if option == x then found = true break end end
          ok = ok and found
        elseif x ~= v then
          ok = false
        end
      end
      if ok then out[#out + 1] = r end
    end
  else
    error(messages.bad_argument(1, "where", "table or function", type(spec)), 2)
  end
  return derived(self, out)
end
ResultSet.filter = ResultSet.where

-- Compares two values of possibly different types: nil last, numbers before strings.
local function before(a, b)
  if a == nil then return false end
  if b == nil then return true end
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta == "number" end
  if ta == "string" then return S.core.vi_less(a, b) end
  if ta == "boolean" then return (not a) and b end
  return a < b
end

--- Sorted copy: rs:order("-n", "unit").
function ResultSet:order(...)
  local keys = {...}
  local out = {}
  for i, r in ipairs(self) do out[i] = {r, i} end
  sort(out, function(x, y)
    for _, key in ipairs(keys) do
      local desc = key:sub(1, 1) == "-"
      local name = desc and key:sub(2) or key
      local a, b = x[1][name], y[1][name]
      if a ~= b then
        if desc then return before(b, a) end
        return before(a, b)
      end
    end
    return x[2] < y[2] -- stable
  end)
  local rows = {}
  for i, pair in ipairs(out) do rows[i] = pair[1] end
  return derived(self, rows)
end

function ResultSet:limit(n)
  local out = {}
  for i = 1, math.min(n, #self) do out[i] = self[i] end
  return derived(self, out)
end

function ResultSet:offset(n)
  local out = {}
  for i = n + 1, #self do out[#out + 1] = self[i] end
  return derived(self, out)
end

--- Only these fields, in this order: rs:select("code", "total").
function ResultSet:select(...)
  local fields = {...}
  local out = {}
  for i, r in ipairs(self) do
    local row = {}
    for _, f in ipairs(fields) do row[f] = r[f] end
    out[i] = row
  end
  return ResultSet.wrap(out, nil, nil, fields)
end

--- The values of one field.
function ResultSet:pluck(field)
  local out = {}
  for i, r in ipairs(self) do out[i] = r[field] end
  return out
end

--- A field's values as a map from another field: rs:map("code", "title").
function ResultSet:index(key)
  local out = {}
  for _, r in ipairs(self) do out[r[key]] = r end
  return out
end

S.ResultSet = ResultSet
