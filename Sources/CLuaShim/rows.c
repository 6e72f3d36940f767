/*
** Rows from SQLite straight into Lua tables.
**
** This is the hot path of every query: a Swift String per text column costs 5.5 times the
** bytes pushed with lua_pushlstring (DESIGN.md §9), so a row goes from SQLite to Lua here,
** without a Swift value in between.
*/
#include <sqlite3.h>

#include "shim.h"

void luashim_pushcolumn(lua_State *L, void *stmt, int col) {
  sqlite3_stmt *s = (sqlite3_stmt *)stmt;
  switch (sqlite3_column_type(s, col)) {
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

void luashim_pushrow(lua_State *L, void *stmt, int keys, int meta) {
  sqlite3_stmt *s = (sqlite3_stmt *)stmt;
  int n = sqlite3_column_count(s);
  keys = lua_absindex(L, keys);
  if (meta != 0) meta = lua_absindex(L, meta);
  lua_createtable(L, 0, n); /* row */
  for (int i = 0; i < n; i++) {
    if (sqlite3_column_type(s, i) == SQLITE_NULL) continue; /* absent, never a hole */
    if (lua_rawgeti(L, keys, i + 1) != LUA_TSTRING) {        /* row, key */
      lua_pop(L, 1);
      continue;
    }
    luashim_pushcolumn(L, stmt, i); /* row, key, value */
    lua_rawset(L, -3);              /* row */
  }
  if (meta != 0) {
    lua_pushvalue(L, meta);
    lua_setmetatable(L, -2);
  }
}
