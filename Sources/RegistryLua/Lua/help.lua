-- sangtao: help(x) — what a collection, query, row, function or topic is, in the user's
-- language. It prints and returns nothing, as in a script; at the prompt it reads the same.

local S = ...
-- help() describes everything: what loads on first use loads now.
for _, file in ipairs({"group", "scoring", "remind", "report"}) do S.need(file) end
local core, Query, ResultSet = S.core, S.Query, S.ResultSet
local type, pairs, ipairs, getmetatable, rawget, tostring = type, pairs, ipairs, getmetatable, rawget, tostring

-- The fields of an entity, with their comments and allowed values.
local function describe_entity(e, count)
  local lines = {core.help_text("entity", e.name, e.comment or e.table, count)}
  local width = 0
  for _, c in ipairs(e.columns) do width = math.max(width, #c) end
  for _, c in ipairs(e.columns) do
    local note = e.comments and e.comments[c] or ""
    local enum = e.enums[c]
    if enum then note = (note ~= "" and note .. " " or "") .. "[" .. table.concat(enum, ", ") .. "]" end
    lines[#lines + 1] = string.format("  %-" .. width .. "s  %-8s %s", c, e.types[c], note)
  end
  local names = {}
  for name in pairs(e.virtual) do names[#names + 1] = name .. " (computed)" end
  table.sort(names)
  for _, n in ipairs(names) do lines[#lines + 1] = "  " .. n end
  local rels = {}
  for name, r in pairs(e.relations) do rels[#rels + 1] = name .. " → " .. r.entity end
  for name, r in pairs(e.reverse) do rels[#rels + 1] = name .. " ← " .. r.entity end
  table.sort(rels)
  lines[#lines + 1] = core.help_text("relations")
  lines[#lines + 1] = "  " .. table.concat(rels, ", ")
  local methods = {}
  for name in pairs(S.methods[e.name] or {}) do methods[#methods + 1] = name .. "()" end
  table.sort(methods)
  if #methods > 0 then
    lines[#lines + 1] = core.help_text("methods")
    lines[#lines + 1] = "  " .. table.concat(methods, ", ")
  end
  return table.concat(lines, "\n")
end

-- Our functions by identity, for help(db.sql) and the like.
local function function_topics()
  local topics = {}
  for name, v in pairs(db) do if type(v) == "function" then topics[v] = "db" end end
  topics[aggregate] = "db"
  topics[campaign] = "db"
  for _, v in pairs(remind) do if type(v) == "function" then topics[v] = "remind" end end
  for _, v in pairs(report) do if type(v) == "function" then topics[v] = "report" end end
  for _, v in pairs(S.Report) do if type(v) == "function" then topics[v] = "report" end end
  for name, v in pairs(Query) do if type(v) == "function" then topics[v] = "query" end end
  for name, v in pairs(ResultSet) do if type(v) == "function" then topics[v] = "query" end end
  return topics
end

function help(x)
  local text
  local lazy = S.lazy_stand_ins[x]
  if lazy then -- help(remind) before remind was used: the real one
    S.need(lazy.file)
    x = _G[lazy.name]
  end
  local meta = getmetatable(x)
  if x == nil then
    text = core.help_text("overview")
  elseif type(x) == "string" then
    text = core.help_text(x)
  elseif meta == Query then
    local e = x._entity
    text = describe_entity(e, x:count()) .. "\n\n" .. core.help_text("query")
  elseif meta == ResultSet then
    text = core.help_text("query")
  elseif x == db then
    text = core.help_text("db")
  elseif x == remind or x == remind.rules then
    text = core.help_text("remind")
  elseif x == report or meta == S.Report then
    text = core.help_text("report")
  elseif x == scoring or x == rubric then
    text = core.help_text("scoring")
  elseif x == limits then
    text = core.help_text("limits")
  elseif type(x) == "table" and meta and rawget(meta, "_entity") then
    local e = rawget(meta, "_entity")
    text = describe_entity(e, Query.of(e):count()) .. "\n\n" .. core.help_text("rows")
  elseif type(x) == "function" then
    local topic = function_topics()[x]
    text = topic and core.help_text(topic) or core.help_text("unknown", tostring(x))
  else
    text = core.help_text("unknown", tostring(x))
  end
  print(text)
end
