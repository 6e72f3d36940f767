/*
** Calls across the boundary: trampolines from Lua into Swift, Swift objects as userdata, and
** protected calls from Swift into Lua.
*/
#include <string.h>

#include "shim.h"

static luashim_Dispatch shim_dispatch = NULL;
static luashim_Release shim_release = NULL;

void luashim_install(luashim_Dispatch dispatch, luashim_Release release) {
  shim_dispatch = dispatch;
  shim_release = release;
}

/* What a trampoline's upvalue holds: the Swift closure and the state's record. */
typedef struct FunctionBox {
  void *box;
  ShimGlobal *g;
} FunctionBox;

static const char *const FUNCTION_META = "luashim.function";

/* ** Releases the Swift closure when Lua collects the function's upvalue. */
static int function_gc(lua_State *L) {
  FunctionBox *fb = (FunctionBox *)lua_touserdata(L, 1);
  if (fb != NULL && fb->box != NULL) {
    void *box = fb->box;
    fb->box = NULL;
    int saved = fb->g->in_lua;
    fb->g->in_lua = 0; /* Swift runs: no allocation may fail */
    shim_release(box);
    fb->g->in_lua = saved;
  }
  return 0;
}

/*
** ** Raises, on behalf of a Swift function that returned `code`, the error it left on the
** ** stack. Runs after the Swift frame has returned, so the longjmp only crosses C.
*/
/*
** ** luaL_where for host functions: the position of the first caller that is not the host's
** ** own bundled code (chunk names starting with the hidden prefix), so that an error raised by
** ** a host function called through bundled Lua points at the user's line. [-0, +1, m]
*/
void shim_where_user(lua_State *L) {
  ShimGlobal *g = shim_global(L);
  size_t prefix = strlen(g->hidden_prefix);
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "Sl", &ar);
    if (prefix > 0 && strncmp(ar.source, g->hidden_prefix, prefix) == 0) continue;
    if (ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
      return;
    }
    break;
  }
  lua_pushliteral(L, "");
}

void luashim_set_hidden_prefix(lua_State *L, const char *prefix) {
  ShimGlobal *g = shim_global(L);
  strncpy(g->hidden_prefix, prefix, sizeof g->hidden_prefix - 1);
  g->hidden_prefix[sizeof g->hidden_prefix - 1] = '\0';
}

static int raise_for(lua_State *L, int code) {
  switch (code) {
    case LUASHIM_RAISE_WHERE: /* message */
      shim_where_user(L);     /* message, where */
      lua_insert(L, -2);      /* where, message */
      lua_concat(L, 2);       /* where..message */
      return lua_error(L);
    case LUASHIM_ARGERROR: { /* arg, message */
      int arg = (int)lua_tointeger(L, -2);
      return luaL_argerror(L, arg, lua_tostring(L, -1));
    }
    case LUASHIM_TYPEERROR: { /* arg, type name */
      int arg = (int)lua_tointeger(L, -2);
      return luaL_typeerror(L, arg, lua_tostring(L, -1));
    }
    default: /* LUASHIM_RAISE: error value */
      return lua_error(L);
  }
}

/*
** ** The trampoline: every Swift function Lua sees is this C closure. It marks the state as
** ** running host code (no allocation may fail), lets Swift run and return, then raises if
** ** Swift asked it to.
*/
static int trampoline(lua_State *L) {
  FunctionBox *fb = (FunctionBox *)lua_touserdata(L, lua_upvalueindex(1));
  if (fb->box == NULL) return luaL_error(L, "attempt to call a released host function");
  int saved = fb->g->in_lua;
  fb->g->in_lua = 0;
  int results = shim_dispatch(L, fb->box);
  fb->g->in_lua = saved;
  if (results >= 0) return results;
  return raise_for(L, results);
}

void luashim_pushfunction(lua_State *L, void *box) {
  FunctionBox *fb = (FunctionBox *)lua_newuserdatauv(L, sizeof(FunctionBox), 0); /* ud */
  fb->box = box;
  fb->g = shim_global(L);
  if (luaL_newmetatable(L, FUNCTION_META)) { /* ud, meta */
    lua_pushcfunction(L, function_gc);
    lua_setfield(L, -2, "__gc"); /* cannot raise: a fresh table has no metamethods */
  }
  lua_setmetatable(L, -2);           /* ud */
  lua_pushcclosure(L, trampoline, 1); /* closure */
}

/* ---------------------------------------------------------------------------------------------
** Swift objects as full userdata
** ------------------------------------------------------------------------------------------ */

static int object_gc(lua_State *L) {
  void **slot = (void **)lua_touserdata(L, 1);
  if (slot != NULL && *slot != NULL) {
    void *box = *slot;
    *slot = NULL;
    ShimGlobal *g = shim_global(L);
    int saved = g->in_lua;
    g->in_lua = 0;
    shim_release(box);
    g->in_lua = saved;
  }
  return 0;
}

void luashim_newobjectmeta(lua_State *L, const char *tname) {
  if (luaL_newmetatable(L, tname)) { /* meta (with __name) */
    lua_pushcfunction(L, object_gc);
    lua_setfield(L, -2, "__gc");
  }
}

void luashim_pushobject(lua_State *L, void *box, const char *tname) {
  void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 1); /* ud */
  *slot = box;
  luashim_newobjectmeta(L, tname); /* ud, meta */
  lua_setmetatable(L, -2);         /* ud */
}

void *luashim_toobject(lua_State *L, int idx, const char *tname) {
  void **slot = (void **)luaL_testudata(L, idx, tname);
  return slot != NULL ? *slot : NULL;
}

void luashim_closeobject(lua_State *L, int idx, const char *tname) {
  void **slot = (void **)luaL_testudata(L, idx, tname);
  if (slot != NULL && *slot != NULL) {
    void *box = *slot;
    *slot = NULL;
    shim_release(box);
  }
}

/* ---------------------------------------------------------------------------------------------
** Protected calls
** ------------------------------------------------------------------------------------------ */

/*
** ** The message handler of lua.c: a string message gets a traceback; an object with __tostring
** ** becomes that string (without traceback, as lua.c); any other object is described.
*/
static int msghandler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/*
** ** The C frame lua.c's chunks run under (its pmain): tracebacks then end in "[C]: in ?", as
** ** lua.c's do. Two placeholders stand where pmain keeps argc and argv, so that the chunk sits
** ** in the same stack slot as in lua.c and even a stack overflow reads the same.
*/
static int cframe(lua_State *L) { /* nil, nil, f, args... */
  lua_call(L, lua_gettop(L) - 3, LUA_MULTRET);
  return lua_gettop(L) - 2; /* the results */
}

int luashim_pcall(lua_State *L, int nargs, int nresults, int flags) {
  ShimGlobal *g = shim_global(L);
  int base = 0;
  if (flags & LUASHIM_CFRAME) {
    lua_pushcfunction(L, cframe);
    lua_insert(L, -(nargs + 2)); /* cframe, f, args */
    lua_pushnil(L);
    lua_insert(L, -(nargs + 2)); /* cframe, nil, f, args */
    lua_pushnil(L);
    lua_insert(L, -(nargs + 2)); /* cframe, nil, nil, f, args */
    nargs += 3;
  }
  if (flags & LUASHIM_TRACEBACK) {
    base = lua_gettop(L) - nargs; /* function index */
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base); /* handler, function, args */
  }
  int saved = g->in_lua;
  g->in_lua = 1;
  g->pcall_depth++;
  int status = lua_pcall(L, nargs, nresults, base);
  g->pcall_depth--;
  g->in_lua = saved;
  if (base != 0) lua_remove(L, base);
  return status;
}

/* The bodies run under pcall by the helpers below. Stack comments show their arguments. */

static int p_gettable(lua_State *L) { /* table, key */
  lua_gettable(L, 1);
  return 1;
}

static int p_settable(lua_State *L) { /* table, key, value */
  lua_settable(L, 1);
  return 0;
}

static int p_tolstring(lua_State *L) { /* value */
  luaL_tolstring(L, 1, NULL);
  return 1;
}

static int p_len(lua_State *L) { /* value */
  lua_len(L, 1);
  return 1;
}

static int p_next(lua_State *L) { /* table, key */
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

/* Runs `body` under pcall with the value at `idx` and `extra` values from the top as arguments. */
static int protect(lua_State *L, lua_CFunction body, int idx, int extra, int nresults) {
  idx = lua_absindex(L, idx);
  lua_pushcfunction(L, body); /* ..., extra, body */
  lua_pushvalue(L, idx);      /* ..., extra, body, value */
  for (int i = 0; i < extra; i++) lua_rotate(L, -(extra + 2), -1);
  /* body, value, extra */
  return luashim_pcall(L, extra + 1, nresults, 0);
}

int luashim_gettable(lua_State *L, int idx) { return protect(L, p_gettable, idx, 1, 1); }

int luashim_settable(lua_State *L, int idx) { return protect(L, p_settable, idx, 2, 0); }

int luashim_tolstring(lua_State *L, int idx) { return protect(L, p_tolstring, idx, 0, 1); }

int luashim_len(lua_State *L, int idx) { return protect(L, p_len, idx, 0, 1); }

int luashim_next(lua_State *L, int idx) {
  int below = lua_gettop(L) - 1; /* the key is consumed */
  if (protect(L, p_next, idx, 1, LUA_MULTRET) != LUA_OK) return -1; /* message */
  if (lua_gettop(L) - below == 2) return 1; /* key, value */
  lua_pop(L, 1);                            /* the end: drop the nil */
  return 0;
}

static int p_require(lua_State *L) { /* name, global */
  lua_getglobal(L, "require");
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1); /* module */
  lua_pushvalue(L, -1);
  lua_setglobal(L, lua_tostring(L, 2));
  return 1;
}

int luashim_require(lua_State *L, const char *name, const char *global) {
  lua_pushcfunction(L, p_require);
  lua_pushstring(L, name);
  lua_pushstring(L, global);
  int status = luashim_pcall(L, 2, 1, 1);
  if (status == LUA_OK) lua_pop(L, 1);
  return status;
}
