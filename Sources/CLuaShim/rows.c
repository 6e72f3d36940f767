/*
** Rows from SQLite straight into Lua tables.
**
** This is the hot path of every query: a Swift String per text column costs 5.5 times the
** bytes pushed with lua_pushlstring (DESIGN.md §9), so a row goes from SQLite to Lua here,
** without a Swift value in between.
*/
#include <sqlite3.h>

#include "shim.h"

/* Pushes column `col` of `s`, whose type is `type` (asked once by the caller). */
static void push_typed(lua_State *L, sqlite3_stmt *s, int col, int type) {
  switch (type) {
    case SQLITE_INTEGER:
      lua_pushinteger(L, (lua_Integer)sqlite3_column_int64(s, col));
      break;
    case SQLITE_FLOAT:
      lua_pushnumber(L, (lua_Number)sqlite3_column_double(s, col));
      break;
    case SQLITE_TEXT: {
      const unsigned char *text = sqlite3_column_text(s, col); /* before _bytes: SQLite docs */
      lua_pushlstring(L, (const char *)text, (size_t)sqlite3_column_bytes(s, col));
      break;
    }
    case SQLITE_BLOB: {
      const void *blob = sqlite3_column_blob(s, col);
      lua_pushlstring(L, (const char *)blob, (size_t)sqlite3_column_bytes(s, col));
      break;
    }
    default:
      lua_pushnil(L);
  }
}

void luashim_pushcolumn(lua_State *L, void *stmt, int col) {
  sqlite3_stmt *s = (sqlite3_stmt *)stmt;
  push_typed(L, s, col, sqlite3_column_type(s, col));
}

/* ** The row of `s` as a table, with `keys` (the column names) and `meta` (or 0) at absolute
** ** stack indices. [-0, +1, m] */
static void push_row(lua_State *L, sqlite3_stmt *s, int keys, int meta) {
  int n = sqlite3_column_count(s);
  lua_createtable(L, 0, n); /* row */
  for (int i = 0; i < n; i++) {
    int type = sqlite3_column_type(s, i);
    if (type == SQLITE_NULL) continue;                /* absent, never a hole */
    if (lua_rawgeti(L, keys, i + 1) != LUA_TSTRING) { /* row, key */
      lua_pop(L, 1);
      continue;
    }
    push_typed(L, s, i, type); /* row, key, value */
    lua_rawset(L, -3);         /* row */
  }
  if (meta != 0) {
    lua_pushvalue(L, meta);
    lua_setmetatable(L, -2);
  }
}

void luashim_pushrow(lua_State *L, void *stmt, int keys, int meta) {
  push_row(L, (sqlite3_stmt *)stmt, lua_absindex(L, keys), meta != 0 ? lua_absindex(L, meta) : 0);
}

/*
** ** sqlite3_step, marked as running for the interrupt callback. SQLite's interrupt flag stays
** ** up until no statement is active, so it is raised only while a step runs (which it then
** ** stops); the flag is set before the mark is read in the signal handler, and read here after
** ** the mark is set, so an interrupt either stops the step or keeps it from starting.
*/
static int step(ShimGlobal *g, sqlite3_stmt *stmt) {
  __atomic_add_fetch(&g->sql_stepping, 1, __ATOMIC_SEQ_CST); /* a full barrier, as a fence */
  int rc = g->reason != NULL ? SQLITE_INTERRUPT : sqlite3_step(stmt);
  g->sql_stepping--;
  return rc;
}

int luashim_step(lua_State *L, void *stmt) { return step(shim_global(L), (sqlite3_stmt *)stmt); }

/* ---------------------------------------------------------------------------------------------
** Steppers: streaming rows with no host frame per row
** ------------------------------------------------------------------------------------------ */

/* The statement a stepper owns; finalized at the end of the rows, on error, or by __gc. */
typedef struct Stepper {
  sqlite3_stmt *stmt;
  ShimGlobal *g;
  int has_meta; /* whether upvalue 3 is the row metatable */
} Stepper;

static const char *const STEPPER_META = "luashim.stepper";

static void stepper_finish(Stepper *s) {
  if (s->stmt != NULL) {
    sqlite3_finalize(s->stmt);
    s->stmt = NULL;
  }
}

static int stepper_gc(lua_State *L) {
  stepper_finish((Stepper *)lua_touserdata(L, 1));
  return 0;
}

/*
** ** One call, one row (nil at the end). Upvalues: 1 the Stepper, 2 the column keys, 3 the row
** ** metatable or nil, 4 the prefix of SQL error messages, 5 the message of an interrupt.
*/
static int stepper_call(lua_State *L) {
  Stepper *s = (Stepper *)lua_touserdata(L, lua_upvalueindex(1));
  if (s->stmt == NULL) return 0; /* the rows have ended */
  ShimGlobal *g = s->g;
  if (g->reason != NULL) { /* sqlite3_interrupt misses statements not yet running */
    stepper_finish(s);
    shim_where_user(L);
    lua_pushvalue(L, lua_upvalueindex(5));
    lua_concat(L, 2);
    return lua_error(L);
  }
  int rc = step(g, s->stmt);
  if (rc == SQLITE_ROW) {
    g->rows_stepped++;
    /* The keys and the metatable on the stack: cheaper to reach there than as upvalues. */
    int base = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(2));
    if (s->has_meta) lua_pushvalue(L, lua_upvalueindex(3));
    push_row(L, s->stmt, base + 1, s->has_meta ? base + 2 : 0);
    return 1; /* the row, on top */
  }
  if (rc == SQLITE_DONE) {
    stepper_finish(s);
    return 0;
  }
  shim_where_user(L); /* where */
  if (rc == SQLITE_INTERRUPT) {
    lua_pushvalue(L, lua_upvalueindex(5)); /* where, message */
  } else {
    lua_pushvalue(L, lua_upvalueindex(4));                         /* where, prefix */
    lua_pushstring(L, sqlite3_errmsg(sqlite3_db_handle(s->stmt))); /* where, prefix, message */
    lua_concat(L, 2);
  }
  stepper_finish(s);
  lua_concat(L, 2);
  return lua_error(L);
}

void luashim_pushstepper(lua_State *L, void *stmt, int keys, int meta, const char *error_prefix,
                         const char *interrupted) {
  keys = lua_absindex(L, keys);
  if (meta != 0) meta = lua_absindex(L, meta);
  Stepper *s = (Stepper *)lua_newuserdatauv(L, sizeof(Stepper), 0); /* ud */
  s->stmt = (sqlite3_stmt *)stmt;
  s->g = shim_global(L);
  s->has_meta = meta != 0;
  if (luaL_newmetatable(L, STEPPER_META)) {
    lua_pushcfunction(L, stepper_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  lua_pushvalue(L, keys); /* ud, keys */
  if (meta != 0)
    lua_pushvalue(L, meta);
  else
    lua_pushnil(L);                /* ud, keys, meta */
  lua_pushstring(L, error_prefix); /* ud, keys, meta, prefix */
  lua_pushstring(L, interrupted);  /* ud, keys, meta, prefix, interrupted */
  lua_pushcclosure(L, stepper_call, 5);
}

size_t luashim_rows_stepped(lua_State *L) { return shim_global(L)->rows_stepped; }
