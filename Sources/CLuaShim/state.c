/*
** States, the allocator and its policy, warnings, and opening the standard libraries.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

ShimGlobal *shim_global(lua_State *L) {
  void *ud = NULL;
  lua_getallocf(L, &ud);
  return (ShimGlobal *)ud;
}

/*
** ** The allocator (manual §4.1, lua_Alloc). It fails a growing request only when a limit is set
** ** and Lua code is running (in_lua > 0). While a Swift frame is on top (in_lua == 0) it never
** ** fails short of the system running out of memory, so the 'm' API functions Swift calls
** ** cannot raise and no longjmp ever crosses a Swift frame. The limit is then enforced at the
** ** next allocation made by Lua code.
*/
static void *shim_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  ShimGlobal *g = (ShimGlobal *)ud;
  size_t old = ptr != NULL ? osize : 0; /* for new objects osize is a type tag, not a size */
  if (nsize == 0) {
    free(ptr);
    g->used -= old;
    return NULL;
  }
  if (g->limit != 0 && g->in_lua > 0 && nsize > old && g->used - old + nsize > g->limit)
    return NULL; /* Lua answers with a memory error ("not enough memory") */
  void *block = realloc(ptr, nsize);
  if (block != NULL) g->used = g->used - old + nsize;
  return block;
}

/* ** As lauxlib's: an error outside any protected call is a bug in the host; say so and abort. */
static int shim_panic(lua_State *L) {
  const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "error object is not a string";
  fprintf(stderr, "PANIC: unprotected error in call to Lua API (%s)\n", msg);
  fflush(stderr);
  return 0; /* Lua then calls abort() */
}

/*
** ** Warnings as lua.c: off until "@on" (lua -W), a message may come in pieces (tocont), and
** ** "@..." control messages are only recognized at the start of a message.
*/
static void shim_warn(void *ud, const char *msg, int tocont) {
  ShimGlobal *g = (ShimGlobal *)ud;
  if (!g->warn_cont && !tocont && *msg == '@') {
    if (strcmp(msg, "@off") == 0)
      g->warn_on = 0;
    else if (strcmp(msg, "@on") == 0)
      g->warn_on = 1;
    return;
  }
  if (g->warn_on) {
    if (!g->warn_cont) fputs("Lua warning: ", stderr);
    fputs(msg, stderr);
    if (!tocont) fputs("\n", stderr);
    fflush(stderr);
  }
  g->warn_cont = tocont;
}

lua_State *luashim_newstate(void) {
  ShimGlobal *g = calloc(1, sizeof(ShimGlobal));
  if (g == NULL) return NULL;
  lua_State *L = lua_newstate(shim_alloc, g);
  if (L == NULL) {
    free(g);
    return NULL;
  }
  g->main = L;
  lua_atpanic(L, shim_panic);
  lua_setwarnf(L, shim_warn, g);
  return L;
}

size_t luashim_memory_used(lua_State *L) { return shim_global(L)->used; }

size_t luashim_set_memory_limit(lua_State *L, size_t limit) {
  ShimGlobal *g = shim_global(L);
  size_t old = g->limit;
  g->limit = limit;
  return old;
}

static int openlibs(lua_State *L) {
  luaL_openlibs(L);
  return 0;
}

int luashim_openlibs(lua_State *L) {
  lua_pushcfunction(L, openlibs);
  return luashim_pcall(L, 0, 0, 0);
}

void luashim_close(lua_State *L) {
  ShimGlobal *g = shim_global(L);
  shim_delete_timer(g); /* before the state goes: no deadline may reach it after */
  lua_close(L);         /* runs every __gc, which may still use g */
  shim_free_sandbox(g);
  free(g);
}

void luashim_format_number(char *buffer, size_t size, double value) {
  snprintf(buffer, size, LUA_NUMBER_FMT, value);
}
