-- sangtao: rows of the registry.
--
-- A row is a plain Lua table of its columns (fast field access: r.title), whose metatable adds
-- relations (r.unit, r.campaign, r.subject; unit.registrations) and methods (r:days_late()).
-- A relation is loaded on first use and kept in the row, so it is loaded only once.

local S = ...
local core, entities, Query, messages = S.core, S.entities, S.Query, S.messages

local type, rawget, rawset, setmetatable, error = type, rawget, rawset, setmetatable, error

local Rows = {}

-- Methods shared by every entity's rows.
local common = {}

--- The row again, fresh from the registry (after a change).
function common:reload()
  local e = getmetatable(self)._entity
  return (Query.of(e):get(self.id))
end

--- The query of this row alone (for update chains and relations).
function common:query()
  local e = getmetatable(self)._entity
  return Query.of(e):where{id = self.id}
end

--- Changes fields through the registry's rules (checked, audited), returning the row as it is
--- now: r = r:update{title = "…"}, r:update({notes = "…"}, {doc = "12-CV/BTCHU"}).
function common:update(values, options)
  local e = getmetatable(self)._entity
  core.update(e.table, self.id, values, options)
  return self:reload()
end

--- Deletes the row (refused while other records refer to it).
function common:delete(options)
  local e = getmetatable(self)._entity
  core.delete(e.table, self.id, options)
end

--- Makes the row metatable of `entity`, with `methods` (a table of functions) added.
function Rows.metatable(entity, methods)
  local meta = {__name = "sangtao." .. entity.singular, _entity = entity}
  local fields = {}
  for name in pairs(entity.relations) do fields[#fields + 1] = name end
  for name in pairs(entity.reverse) do fields[#fields + 1] = name end
  for name in pairs(common) do fields[#fields + 1] = name end
  for name in pairs(methods) do fields[#fields + 1] = name end
  for name in pairs(entity.virtual) do fields[#fields + 1] = name end
  meta.__fields = fields
  -- For completion after `r:`, which cannot look behind __index (a function): the entity's
  -- methods table, with the common ones in it, and those its lazy files add when they load.
  for name, f in pairs(common) do if methods[name] == nil then methods[name] = f end end
  meta.__methods = methods
  local aliases = entity.aliases or {}
  meta.__index = function(row, key)
    local alias = aliases[key]
    if alias then return rawget(row, alias) end
    local rel = entity.relations[key]
    if rel and rel.load then
      local value = rel.load(row)
      rawset(row, key, value)
      return value
    elseif rel then
      local id = rawget(row, rel.key)
      if id == nil then return nil end
      local target = entities[rel.entity]
      local value = Query.of(target):get(id)
      rawset(row, key, value) -- loaded once
      return value
    end
    local back = entity.reverse[key]
    if back then
      local source = entities[back.entity]
      local q = Query.of(source):where(source.table .. "." .. back.key .. " = ?", rawget(row, "id"))
      if back.order then q = q:order(back.order) end
      rawset(row, key, q)
      return q
    end
    local m = methods[key] or common[key]
    if m ~= nil then return m end
    local lazy = S.lazy_row_methods[entity.name]
    if lazy and lazy[key] then
      S.need(lazy[key])
      return methods[key]
    end
    local v = entity.virtual[key]
    if v and v.scalar then
      -- A computed field (year, score…): one query, then kept in the row.
      local value = core.scalar("SELECT " .. v.select .. " FROM " .. entity.table
        .. " WHERE id = ?", {rawget(row, "id")})
      rawset(row, key, value)
      return value
    end
    return nil
  end
  return meta
end

S.Rows = Rows
