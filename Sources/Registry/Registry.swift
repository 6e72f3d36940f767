// Registry: the domain model and its storage (GRDB). Must not import: Lua, LuaBridge.
