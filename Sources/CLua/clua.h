/*
** CLua: Lua 5.4 as Swift sees it.
**
** Swift imports Lua's functions but not its function-like macros, nor LUA_REGISTRYINDEX
** (an expression Swift's importer rejects). This header replaces each macro the Swift code
** needs with a static inline function of the same name and meaning (Lua 5.4 manual §4.6,
** https://www.lua.org/manual/5.4/manual.html#4.6), so Swift reads like the manual.
**
** Raising macros (lua_call, lua_yield, luaL_check*, luaL_opt*) are deliberately left out:
** Swift must never call a function that can raise (DESIGN.md §7). C code in CLuaShim includes
** <lua.h> directly and keeps the macros.
*/
#ifndef CLUA_H
#define CLUA_H

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>

#define CLUA_INLINE static inline __attribute__((always_inline))

/* The pseudo-indices. */
CLUA_INLINE int lua_registryindex(void) { return LUA_REGISTRYINDEX; }
#undef lua_upvalueindex
CLUA_INLINE int lua_upvalueindex(int i) { return LUA_REGISTRYINDEX - i; }

/* Stack manipulation. */
#undef lua_pop
CLUA_INLINE void lua_pop(lua_State *L, int n) { lua_settop(L, -n - 1); }
#undef lua_insert
CLUA_INLINE void lua_insert(lua_State *L, int idx) { lua_rotate(L, idx, 1); }
#undef lua_remove
CLUA_INLINE void lua_remove(lua_State *L, int idx) {
  lua_rotate(L, idx, -1);
  lua_settop(L, -2);
}
#undef lua_replace
CLUA_INLINE void lua_replace(lua_State *L, int idx) {
  lua_copy(L, -1, idx);
  lua_settop(L, -2);
}

/* Pushing. ('m': these can only raise a memory error, see CLuaShim's allocator policy.) */
#undef lua_newtable
CLUA_INLINE void lua_newtable(lua_State *L) { lua_createtable(L, 0, 0); }
#undef lua_pushcfunction
CLUA_INLINE void lua_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcclosure(L, f, 0); }
#undef lua_pushglobaltable
CLUA_INLINE void lua_pushglobaltable(lua_State *L) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
}
#undef lua_newuserdata
CLUA_INLINE void *lua_newuserdata(lua_State *L, size_t size) {
  return lua_newuserdatauv(L, size, 1);
}

/* Reading. */
#undef lua_tonumber
CLUA_INLINE lua_Number lua_tonumber(lua_State *L, int idx) { return lua_tonumberx(L, idx, NULL); }
#undef lua_tointeger
CLUA_INLINE lua_Integer lua_tointeger(lua_State *L, int idx) {
  return lua_tointegerx(L, idx, NULL);
}
#undef lua_tostring
CLUA_INLINE const char *lua_tostring(lua_State *L, int idx) { return lua_tolstring(L, idx, NULL); }

/* Type predicates. */
#undef lua_isfunction
CLUA_INLINE int lua_isfunction(lua_State *L, int n) { return lua_type(L, n) == LUA_TFUNCTION; }
#undef lua_istable
CLUA_INLINE int lua_istable(lua_State *L, int n) { return lua_type(L, n) == LUA_TTABLE; }
#undef lua_islightuserdata
CLUA_INLINE int lua_islightuserdata(lua_State *L, int n) {
  return lua_type(L, n) == LUA_TLIGHTUSERDATA;
}
#undef lua_isnil
CLUA_INLINE int lua_isnil(lua_State *L, int n) { return lua_type(L, n) == LUA_TNIL; }
#undef lua_isboolean
CLUA_INLINE int lua_isboolean(lua_State *L, int n) { return lua_type(L, n) == LUA_TBOOLEAN; }
#undef lua_isthread
CLUA_INLINE int lua_isthread(lua_State *L, int n) { return lua_type(L, n) == LUA_TTHREAD; }
#undef lua_isnone
CLUA_INLINE int lua_isnone(lua_State *L, int n) { return lua_type(L, n) == LUA_TNONE; }
#undef lua_isnoneornil
CLUA_INLINE int lua_isnoneornil(lua_State *L, int n) { return lua_type(L, n) <= 0; }

/* Auxiliary library. */
#undef luaL_getmetatable
CLUA_INLINE int luaL_getmetatable(lua_State *L, const char *name) {
  return lua_getfield(L, LUA_REGISTRYINDEX, name);
}
#undef luaL_typename
CLUA_INLINE const char *luaL_typename(lua_State *L, int i) {
  return lua_typename(L, lua_type(L, i));
}
#undef luaL_loadbuffer
CLUA_INLINE int luaL_loadbuffer(lua_State *L, const char *s, size_t sz, const char *name) {
  return luaL_loadbufferx(L, s, sz, name, NULL);
}

/* lua_gc is variadic, which Swift cannot call; these name its uses. */
CLUA_INLINE int lua_gc_collect(lua_State *L) { return lua_gc(L, LUA_GCCOLLECT); }
CLUA_INLINE int lua_gc_stop(lua_State *L) { return lua_gc(L, LUA_GCSTOP); }
CLUA_INLINE int lua_gc_restart(lua_State *L) { return lua_gc(L, LUA_GCRESTART); }
CLUA_INLINE int lua_gc_generational(lua_State *L) { return lua_gc(L, LUA_GCGEN, 0, 0); }
CLUA_INLINE int lua_gc_count_bytes(lua_State *L) {
  return lua_gc(L, LUA_GCCOUNT) * 1024 + lua_gc(L, LUA_GCCOUNTB);
}

/*
** The C streams Lua's print and io library write to. Swift 6 refuses to read C's global
** `stdout` (shared mutable state); these give the same FILE pointers as values.
*/
#include <stdio.h>
CLUA_INLINE FILE *clua_stdout(void) { return stdout; }
CLUA_INLINE FILE *clua_stderr(void) { return stderr; }
CLUA_INLINE FILE *clua_stdin(void) { return stdin; }

/* Version constants as values (the string macros are not importable either). */
CLUA_INLINE const char *clua_release(void) { return LUA_RELEASE; }
CLUA_INLINE const char *clua_copyright(void) { return LUA_COPYRIGHT; }
CLUA_INLINE const char *clua_version_suffix(void) { return LUA_VERSUFFIX; }

#endif
