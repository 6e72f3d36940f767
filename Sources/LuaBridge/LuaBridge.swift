// LuaBridge: generic Swift over Lua 5.4; it knows nothing of the registry.
//
// Provides `LuaState` (the owner of a `lua_State`), `LuaStack` (a view on one thread's stack),
// Swift closures and objects callable from Lua, conversions both ways, and protected calls that
// surface as `LuaError`.
//
// The C boundary (DESIGN.md §7): Swift here calls only Lua API functions that cannot raise
// (manual §4.6, letters `-`, and `m` under CLuaShim's allocator policy). Anything that can run
// Lua code goes through a CLuaShim helper under `lua_pcall`, and a Swift function called from
// Lua never raises: it throws, and the C trampoline raises after the Swift frame has returned.
//
// Must not import: Registry, RegistryLua, Console, GRDB.
