-- sangtao: how registry values look at the prompt.
--
-- S.tabulate(value, max_rows, columns) turns a result set, a query, a row or an array of
-- records into {kind = "table" | "card", columns = {...}, rows = {{...}, ...}, total = n,
-- entity = e}; anything else gives nil and prints as a plain Lua value. Relations in a summary
-- (a registration's unit) show their display name. `columns` (optional) chooses the fields
-- instead of the entity's summary. Reports (report.lua) use it too. Nothing here changes
-- anything.

local S = ...
local Query, ResultSet, entities = S.Query, S.ResultSet, S.entities
local type, ipairs, pairs, getmetatable, rawget = type, ipairs, pairs, getmetatable, rawget

-- The entity of a row, from its metatable.
local function entity_of(row)
  local meta = type(row) == "table" and getmetatable(row)
  return meta and rawget(meta, "_entity")
end

-- The display text of a related row, looked up once per id within one tabulation.
local function related_display(e, relation, row, cache)
  local rel = e.relations[relation]
  local id = rawget(row, rel.key)
  if id == nil or rel.load then
    local value = row[relation]
    if type(value) == "table" then
      local target = entity_of(value)
      return target and value[target.display] or nil
    end
    return nil
  end
  local target = entities[rel.entity]
  local key = rel.entity .. "\0" .. id
  if cache[key] == nil then
    local r = Query.of(target):get(id)
    cache[key] = r and r[target.display] or false
  end
  return cache[key] or nil
end

-- The value of the computed field `name` of `row`, from its SQL.
local function virtual_value(e, name, row)
  local id = rawget(row, "id")
  if id == nil then return nil end
  return S.core.scalar("SELECT " .. e.virtual[name].select .. " FROM " .. e.table .. " WHERE id = ?", {id})
end

-- The cells of `rows` for `columns` of entity `e` (relations by their display text).
local function cells(e, rows, columns, limit)
  local out, cache = {}, {}
  for i = 1, math.min(#rows, limit) do
    local row, line = rows[i], {}
    for j, c in ipairs(columns) do
      if e and e.relations[c] and not e.types[c] then
        line[j] = related_display(e, c, row, cache)
      else
        local v = row[c]
        if type(v) == "function" and e and e.virtual[c] then
          -- A computed field that is also a method (days_late): the field's value.
          v = virtual_value(e, c, row)
        end
        if type(v) == "table" or type(v) == "function" then v = nil end
        line[j] = v
      end
    end
    out[i] = line
  end
  return out
end

-- Whether `t` looks like an array of records (tables with string keys).
local function is_records(t)
  if type(t) ~= "table" or getmetatable(t) ~= nil or #t == 0 then return false end
  for i = 1, math.min(#t, 20) do
    local r = t[i]
    if type(r) ~= "table" then return false end
    if entity_of(r) == nil and next(r) ~= nil and type(next(r)) ~= "string" then return false end
  end
  return true
end

function S.tabulate(value, max_rows, chosen)
  max_rows = max_rows or 20
  local meta = getmetatable(value)
  if meta == Query then
    local e = value._entity
    if value._group then return nil end
    -- One row more than shown tells whether there are more; a limit of the query's own stays.
    local wanted = max_rows + 1
    if value._limit and value._limit < wanted then wanted = value._limit end
    local rows = value:limit(wanted):list()
    local total = #rows
    if total > max_rows then total = value:count() end
    local columns = e.summary or e.columns
    if value._select then
      columns = {}
      for i, s in ipairs(value._select) do columns[i] = s.name end
    end
    columns = chosen or columns
    return {kind = "table", columns = columns, rows = cells(e, rows, columns, max_rows), total = total,
      entity = e}
  end
  if meta == ResultSet then
    local e = value:entity()
    local columns = chosen or (e and e.summary) or value:columns()
    return {kind = "table", columns = columns, rows = cells(e, value, columns, max_rows), total = #value,
      entity = e or value:origin()}
  end
  local e = entity_of(value)
  if e then
    local columns = {}
    for _, c in ipairs(chosen or e.columns) do
      if chosen or value[c] ~= nil then columns[#columns + 1] = c end
    end
    -- Relations show what they point to, after the columns.
    local names = {}
    if not chosen then
      for name, rel in pairs(e.relations) do
        if not rel.load and rawget(value, rel.key) ~= nil then names[#names + 1] = name end
      end
    end
    table.sort(names)
    for _, name in ipairs(names) do columns[#columns + 1] = name end
    return {kind = "card", columns = columns, rows = cells(e, {value}, columns, 1), total = 1, entity = e}
  end
  if is_records(value) then
    local first = entity_of(value[1])
    if first then
      local columns = chosen or first.summary or first.columns
      return {kind = "table", columns = columns, rows = cells(first, value, columns, max_rows), total = #value,
        entity = first}
    end
    local columns = chosen or ResultSet.columns(value)
    return {kind = "table", columns = columns, rows = cells(nil, value, columns, max_rows), total = #value}
  end
  return nil
end
