-- sangtao: what every bundled file shares — messages in the user's language, the NULL
-- sentinel, and the registries of entities and aggregates. Loaded first.

local S = ...
local core = S.core

-- Messages from the catalog (Messages module), formatted in the current language; argument
-- errors keep Lua's own grammar, as Lua's libraries write them.
S.messages = setmetatable({
  bad_argument = function(n, fname, expected, got)
    return string.format("bad argument #%d to '%s' (%s expected, got %s)", n, fname, expected,
      got == "nil" and "no value" or got)
  end,
}, {
  __index = function(_, key)
    return function(...) return core.message(key, ...) end
  end,
})

-- db.null: SQL NULL in where{} and parameters, since a Lua table cannot hold nil.
core.null = setmetatable({}, {
  __name = "sangtao.null",
  __tostring = function() return "NULL" end,
  __newindex = function() error("db.null cannot be changed", 2) end,
})

S.entities = {}
S.aggregates = {}
