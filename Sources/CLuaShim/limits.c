/*
** Limits from Lua: limits.run{memory = ..., seconds = ...}, fn, ...) runs fn under a memory cap
** and a deadline and gives the previous ones back afterwards; limits.get() tells what is in
** force. Both limits nest: an inner block never gets more than its outer one has left.
**
** Memory is the allocator's job (state.c) and costs nothing while under the cap. A deadline is
** the state's timer (interrupt.c): no hook runs until it fires.
*/
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

/*
** ** Reads a size such as "256M", "1.5G", "512k", "4096" or "64MB" (binary multiples) into
** ** `bytes`. Returns 0 for anything else, including an empty or negative size.
*/
int luashim_parse_size(const char *text, size_t *bytes) {
  if (text == NULL) return 0;
  while (isspace((unsigned char)*text)) text++;
  /* decimal digits with at most one point: no sign, exponent, hex or "nan" */
  size_t digits = strspn(text, "0123456789");
  const char *end = text + digits;
  if (*end == '.') end += 1 + strspn(end + 1, "0123456789");
  if (end == text || (end == text + 1 && *text == '.')) return 0;
  double value = strtod(text, NULL);
  if (!isfinite(value)) return 0;
  double unit = 1;
  switch (toupper((unsigned char)*end)) {
    case 'K': unit = 1024.0; end++; break;
    case 'M': unit = 1024.0 * 1024; end++; break;
    case 'G': unit = 1024.0 * 1024 * 1024; end++; break;
    case 'T': unit = 1024.0 * 1024 * 1024 * 1024; end++; break;
    default: break;
  }
  if (unit > 1 && toupper((unsigned char)*end) == 'I') end++; /* KiB, MiB… */
  if (toupper((unsigned char)*end) == 'B') end++;
  while (isspace((unsigned char)*end)) end++;
  if (*end != '\0') return 0;
  double total = value * unit;
  if (total >= 18446744073709551615.0) return 0;
  *bytes = (size_t)total;
  return 1;
}

/* The message function Swift gave (upvalue 1): message(key, value) -> text in the user's language. */
static const char *message(lua_State *L, const char *key, double value) {
  lua_pushvalue(L, lua_upvalueindex(1)); /* f */
  lua_pushstring(L, key);                /* f, key */
  lua_pushnumber(L, value);              /* f, key, value */
  lua_call(L, 2, 1);                     /* text */
  return lua_tostring(L, -1);
}

/* ** The `field` of the options table at 1 as a number of bytes, or 0 when absent. */
static size_t opt_memory(lua_State *L) {
  size_t bytes = 0;
  switch (lua_getfield(L, 1, "memory")) {
    case LUA_TNIL: break;
    case LUA_TNUMBER: {
      lua_Number n = lua_tonumber(L, -1);
      luaL_argcheck(L, n >= 1 && n < 1.8e19, 1, "'memory' must be a positive number of bytes");
      bytes = (size_t)n;
      break;
    }
    case LUA_TSTRING:
      luaL_argcheck(L, luashim_parse_size(lua_tostring(L, -1), &bytes) && bytes > 0, 1,
                    "'memory' must be a size such as 64M or 1G");
      break;
    default:
      luaL_argerror(L, 1, "'memory' must be a number of bytes or a size such as 64M");
  }
  lua_pop(L, 1);
  return bytes;
}

/* ** The `seconds` of the options table at 1, or 0 when absent. */
static double opt_seconds(lua_State *L) {
  double seconds = 0;
  if (lua_getfield(L, 1, "seconds") != LUA_TNIL) {
    int isnum = 0;
    seconds = lua_tonumberx(L, -1, &isnum);
    luaL_argcheck(L, isnum && seconds > 0 && isfinite(seconds), 1,
                  "'seconds' must be a positive number");
  }
  lua_pop(L, 1);
  return seconds;
}

/*
** ** limits.run(options, fn, ...): calls fn(...) with the limits in `options` and returns what
** ** fn returns. Errors in fn go on as raised; when fn's own deadline stops it, the error is
** ** a catchable "time limit" message at the caller's position, and the interrupt it caused is
** ** over. A deadline or Ctrl-C from outside goes on untouched. Not yieldable.
*/
static int limits_run(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  size_t memory = opt_memory(L);
  double seconds = opt_seconds(L);
  ShimGlobal *g = shim_global(L);

  size_t saved_limit = g->limit;
  double saved_deadline = g->deadline;
  double own_deadline = 0;
  if (memory > 0) {
    size_t cap = g->used + memory;
    if (cap < g->used) cap = (size_t)-1; /* overflow */
    g->limit = (saved_limit != 0 && saved_limit < cap) ? saved_limit : cap;
  }
  if (seconds > 0) {
    own_deadline = shim_now() + seconds;
    if (saved_deadline == 0 || own_deadline < saved_deadline) {
      g->deadline = own_deadline;
      shim_arm_deadline(L);
    } else {
      own_deadline = 0; /* the outer deadline comes first: it is not ours to report */
    }
  }

  int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0); /* options, results | error */

  g->limit = saved_limit;
  int ours = own_deadline > 0 && g->reason == SHIM_TIMEOUT && shim_now() >= own_deadline &&
             (saved_deadline == 0 || shim_now() < saved_deadline);
  if (own_deadline > 0) {
    g->deadline = saved_deadline;
    shim_arm_deadline(L); /* an outer deadline that has passed meanwhile fires now */
  }
  if (ours) {
    shim_clear_interrupt(g);
    /*
    ** A statement fn left half-read keeps SQLite's interrupt flag up; collecting fn's garbage
    ** finalizes it, so that the caller's next query runs.
    */
    lua_gc(L, LUA_GCCOLLECT);
  }
  if (status == LUA_OK) return lua_gettop(L) - 1; /* done just as the deadline came: done */
  if (!ours) return lua_error(L);                 /* the error as raised (memory ones too) */
  luaL_where(L, 1);
  message(L, "timeout", seconds);
  lua_concat(L, 2);
  return lua_error(L);
}

/*
** ** limits.get(): {memory = cap or nil, used = bytes, seconds = time left or nil}.
*/
static int limits_get(lua_State *L) {
  ShimGlobal *g = shim_global(L);
  lua_createtable(L, 0, 3);
  if (g->limit != 0) {
    lua_pushinteger(L, (lua_Integer)g->limit);
    lua_setfield(L, -2, "memory");
  }
  lua_pushinteger(L, (lua_Integer)g->used);
  lua_setfield(L, -2, "used");
  if (g->deadline > 0) {
    double left = g->deadline - shim_now();
    lua_pushnumber(L, left > 0 ? left : 0);
    lua_setfield(L, -2, "seconds");
  }
  return 1;
}

static int open_limits(lua_State *L) { /* message */
  lua_createtable(L, 0, 2);            /* message, limits */
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, limits_run, 1);
  lua_setfield(L, -2, "run");
  lua_pushcfunction(L, limits_get);
  lua_setfield(L, -2, "get");
  lua_pushvalue(L, -1);
  lua_setglobal(L, "limits");
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE); /* message, limits, loaded */
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "limits"); /* require("limits") finds it too */
  return 0;
}

int luashim_open_limits(lua_State *L) {
  lua_pushcfunction(L, open_limits); /* message, open */
  lua_insert(L, -2);                 /* open, message */
  return luashim_pcall(L, 1, 0, 0);
}
