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

-- Bundled files that not every script needs load on first use: S.need(name) runs one once.
-- A lazy global is a stand-in that loads its file when first indexed or called, then the
-- file's own global replaces it. The console loads everything at start (TAB sees it all).
local loaded = {}
function S.need(name)
  if not loaded[name] then
    loaded[name] = true
    core.load_bundled(name)
  end
end

-- Each stand-in's global and file, for help(remind) before remind is loaded.
S.lazy_stand_ins = setmetatable({}, {__mode = "k"})

function S.lazy_global(name, file)
  local stand_in = {}
  S.lazy_stand_ins[stand_in] = {name = name, file = file}
  _G[name] = setmetatable(stand_in, {
    __name = "sangtao.lazy",
    __index = function(_, key) S.need(file); return _G[name][key] end,
    __newindex = function(_, key, value) S.need(file); _G[name][key] = value end,
    __call = function(_, ...) S.need(file); return _G[name](...) end,
  })
end

-- Methods of queries, result sets and rows that live in lazy files: name -> file.
S.lazy_methods = {}
S.lazy_row_methods = {}
