/*
** The sandbox (sangtao --sandbox): what a script may not do, enforced where Lua does it.
**
** Gone: os.execute, io.popen, package.loadlib, C modules (the C searchers, package.cpath) and
** the debug library (but debug.traceback, which only reads). Binary chunks never load: load,
** loadfile, dofile and require read text only. Files: every function of the standard library
** that names a file (io.open, io.lines, io.input, io.output, dofile, loadfile, require,
** os.remove, os.rename) resolves the path with realpath(3), symbolic links and ".." included,
** and refuses it unless it lies under a reading root (reads) or the writing root (writes), and
** is not one of the denied files (the registry and its -wal, -shm, -journal). os.tmpname names
** a file outside: refused too.
**
** What it does not do: limit CPU or memory (the limits do), stop another process from
** swapping a directory for a symbolic link between the check and the open, or restrict a host
** function that does not ask luashim_sandbox_allows.
*/
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shim.h"

#define SANDBOX_MAXROOTS 4
#define SANDBOX_MAXDENIED 16

typedef struct ShimSandbox {
  char read_roots[SANDBOX_MAXROOTS][PATH_MAX];
  int nread;
  char write_root[PATH_MAX];
  char denied[SANDBOX_MAXDENIED][PATH_MAX];
  int ndenied;
} ShimSandbox;

void shim_free_sandbox(ShimGlobal *g) {
  free(g->sandbox);
  g->sandbox = NULL;
}

/*
** ** Resolves `path` into `out` (PATH_MAX bytes): an absolute path without symbolic links,
** ** "." or "..". A path that does not exist yet resolves through its directory, which must
** ** exist. Returns 0 when it cannot be resolved (a dangling link, a missing directory).
*/
static int resolve(const char *path, char *out) {
  if (path == NULL || *path == '\0') return 0;
  if (realpath(path, out) != NULL) return 1;
  if (errno != ENOENT) return 0;
  struct stat st;
  if (lstat(path, &st) == 0) return 0; /* it exists: a link to nowhere, refused */
  size_t n = strlen(path);
  if (n >= PATH_MAX) return 0;
  char dir[PATH_MAX];
  memcpy(dir, path, n + 1);
  const char *base;
  char *slash = strrchr(dir, '/');
  if (slash == NULL) {
    base = path;
    strcpy(dir, ".");
  } else {
    base = path + (slash - dir) + 1;
    if (slash == dir)
      dir[1] = '\0'; /* "/name" */
    else
      *slash = '\0';
  }
  if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) return 0;
  char real[PATH_MAX];
  if (realpath(dir, real) == NULL) return 0;
  int written = snprintf(out, PATH_MAX, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base);
  return written > 0 && written < PATH_MAX;
}

/* ** Whether the resolved `path` is `root` or lies under it. */
static int under(const char *path, const char *root) {
  size_t n = strlen(root);
  if (n == 1 && root[0] == '/') return 1;
  return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* ** Whether the sandbox `s` lets `path` be read (write = 0) or written (write = 1). */
static int allows(const ShimSandbox *s, const char *path, int write) {
  char real[PATH_MAX];
  if (!resolve(path, real)) return 0;
  for (int i = 0; i < s->ndenied; i++)
    if (strcmp(real, s->denied[i]) == 0) return 0;
  if (write) return under(real, s->write_root);
  for (int i = 0; i < s->nread; i++)
    if (under(real, s->read_roots[i])) return 1;
  return 0;
}

int luashim_sandbox_allows(lua_State *L, const char *path, int write) {
  const ShimSandbox *s = shim_global(L)->sandbox;
  return s == NULL || allows(s, path, write);
}

/* ---------------------------------------------------------------------------------------------
** The replacements. Each is a C closure: upvalue 1 is the message function Swift gave
** (message(key, subject) -> text), upvalue 2 the original function where there is one.
** ------------------------------------------------------------------------------------------ */

/* ** Pushes the text for `key` about `subject` in the user's language. [-0, +1, e] */
static const char *message(lua_State *L, const char *key, const char *subject) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushstring(L, key);
  lua_pushstring(L, subject);
  lua_call(L, 2, 1);
  if (!lua_isstring(L, -1)) {
    lua_pop(L, 1);
    lua_pushfstring(L, "%s: %s", subject, key);
  }
  return lua_tostring(L, -1);
}

/* ** Raises "the sandbox refuses <what>" with the caller's position. */
static int refuse(lua_State *L, const char *key, const char *subject) {
  luaL_where(L, 1);
  message(L, key, subject);
  lua_concat(L, 2);
  return lua_error(L);
}

/* ** Raises unless the sandbox lets `path` be read or written. */
static void check(lua_State *L, const char *path, int write) {
  if (!luashim_sandbox_allows(L, path, write)) refuse(L, write ? "write" : "read", path);
}

/* ** Calls the original function (upvalue 2) with every argument and returns all it returns. */
static int call_original(lua_State *L) {
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L);
}

/* ** As liolib's l_checkmode: [rwa]%+?b* */
static int valid_mode(const char *mode) {
  if (*mode == '\0' || strchr("rwa", *mode) == NULL) return 0;
  mode++;
  if (*mode == '+') mode++;
  return strspn(mode, "b") == strlen(mode);
}

/* ** io.open(filename [, mode]): a refused file answers as a failed open: nil, message, EACCES. */
static int s_io_open(lua_State *L) {
  const char *filename = luaL_checkstring(L, 1);
  const char *mode = luaL_optstring(L, 2, "r");
  luaL_argcheck(L, valid_mode(mode), 2, "invalid mode");
  int write = strpbrk(mode, "wa+") != NULL;
  if (!luashim_sandbox_allows(L, filename, write)) {
    luaL_pushfail(L);
    message(L, write ? "write" : "read", filename);
    lua_pushinteger(L, EACCES);
    return 3;
  }
  return call_original(L);
}

/* ** io.lines([filename, ...]): stdin stays free. */
static int s_io_lines(lua_State *L) {
  if (!lua_isnoneornil(L, 1)) check(L, luaL_checkstring(L, 1), 0);
  return call_original(L);
}

/* ** io.input([file]) and io.output([file]): a file name is checked, a file handle is not. */
static int s_io_input(lua_State *L) {
  if (lua_type(L, 1) == LUA_TSTRING) check(L, lua_tostring(L, 1), 0);
  return call_original(L);
}

static int s_io_output(lua_State *L) {
  if (lua_type(L, 1) == LUA_TSTRING) check(L, lua_tostring(L, 1), 1);
  return call_original(L);
}

/* ** os.remove(filename) and os.rename(old, new). */
static int s_os_remove(lua_State *L) {
  check(L, luaL_checkstring(L, 1), 1);
  return call_original(L);
}

static int s_os_rename(lua_State *L) {
  check(L, luaL_checkstring(L, 1), 1);
  check(L, luaL_checkstring(L, 2), 1);
  return call_original(L);
}

/* ** load(chunk [, chunkname [, mode [, env]]]): always text. */
static int s_load(lua_State *L) {
  if (lua_gettop(L) < 3) lua_settop(L, 3);
  lua_pushliteral(L, "t");
  lua_replace(L, 3);
  return call_original(L);
}

/* ** loadfile([filename [, mode [, env]]]): a checked file, as text. */
static int s_loadfile(lua_State *L) {
  if (!lua_isnoneornil(L, 1)) check(L, luaL_checkstring(L, 1), 0);
  if (lua_gettop(L) < 2) lua_settop(L, 2);
  lua_pushliteral(L, "t");
  lua_replace(L, 2);
  return call_original(L);
}

static int dofile_continuation(lua_State *L, int status, lua_KContext k) {
  (void)status;
  (void)k;
  return lua_gettop(L) - 1;
}

/* ** dofile([filename]): as the base library's, with a checked file read as text. */
static int s_dofile(lua_State *L) {
  const char *filename = luaL_optstring(L, 1, NULL);
  lua_settop(L, 1);
  if (filename != NULL) check(L, filename, 0);
  if (luaL_loadfilex(L, filename, "t") != LUA_OK) return lua_error(L);
  lua_callk(L, 0, LUA_MULTRET, 0, dofile_continuation);
  return dofile_continuation(L, 0, 0);
}

/*
** ** The searcher for Lua modules: package.path as the standard one reads it, but a file must
** ** be allowed and is loaded as text.
*/
static int s_searcher_lua(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_getglobal(L, "package");
  if (lua_getfield(L, -1, "path") != LUA_TSTRING) return luaL_error(L, "'package.path' must be a string");
  const char *path = lua_tostring(L, -1);
  const char *file = luaL_gsub(L, name, ".", LUA_DIRSEP); /* name with separators */
  luaL_Buffer tried;
  luaL_buffinit(L, &tried);
  const char *template = path;
  while (*template != '\0') {
    const char *end = strchr(template, *LUA_PATH_SEP);
    size_t len = end != NULL ? (size_t)(end - template) : strlen(template);
    lua_pushlstring(L, template, len);
    const char *candidate = luaL_gsub(L, lua_tostring(L, -1), LUA_PATH_MARK, file);
    lua_remove(L, -2);
    FILE *f = luashim_sandbox_allows(L, candidate, 0) ? fopen(candidate, "r") : NULL;
    if (f != NULL) {
      fclose(f);
      if (luaL_loadfilex(L, candidate, "t") != LUA_OK)
        return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, candidate,
                          lua_tostring(L, -1));
      lua_pushstring(L, candidate); /* loader, its file */
      return 2;
    }
    /* the words of the standard searcher: "no file 'a'\n\tno file 'b'" */
    lua_pushfstring(L, "%sno file '%s'", template == path ? "" : "\n\t", candidate);
    lua_remove(L, -2);
    luaL_addvalue(&tried);
    template += len;
    if (*template == *LUA_PATH_SEP) template++;
  }
  luaL_pushresult(&tried);
  return 1;
}

/* ** A function the sandbox removes: calling it says so. */
static int s_disabled(lua_State *L) {
  return refuse(L, "disabled", lua_tostring(L, lua_upvalueindex(2)));
}

/* ** os.execute(): no shell; os.execute(command) is refused. */
static int s_os_execute(lua_State *L) {
  if (lua_isnoneornil(L, 1)) {
    lua_pushboolean(L, 0);
    return 1;
  }
  return refuse(L, "disabled", "os.execute");
}

/* Sets table[field] (table on top) to a closure of f over the message and the original. */
static void replace(lua_State *L, int message_index, const char *field, lua_CFunction f) {
  lua_pushvalue(L, message_index); /* t, message */
  lua_getfield(L, -2, field);      /* t, message, original */
  lua_pushcclosure(L, f, 2);       /* t, closure */
  lua_setfield(L, -2, field);      /* t */
}

/* Sets table[field] (table on top) to a function that says `qualified` is disabled. */
static void disable(lua_State *L, int message_index, const char *field, const char *qualified) {
  lua_pushvalue(L, message_index);
  lua_pushstring(L, qualified);
  lua_pushcclosure(L, s_disabled, 2);
  lua_setfield(L, -2, field);
}

static const char *const MESSAGE_KEY = "sangtao.sandbox.message";

int luashim_sandbox_refuses(lua_State *L, const char *key, const char *subject) {
  const ShimSandbox *s = shim_global(L)->sandbox;
  if (s == NULL) return 0;
  if (strcmp(key, "disabled") != 0 && allows(s, subject, strcmp(key, "write") == 0)) return 0;
  lua_getfield(L, LUA_REGISTRYINDEX, MESSAGE_KEY); /* message */
  lua_pushstring(L, key);
  lua_pushstring(L, subject);
  if (luashim_pcall(L, 2, 1, 0) != LUA_OK || !lua_isstring(L, -1)) { /* text | error */
    lua_pop(L, 1);
    lua_pushfstring(L, "%s: refused by the sandbox", subject);
  }
  return 1;
}

static int enter_sandbox(lua_State *L) { /* message */
  const int M = 1;
  lua_pushvalue(L, M);
  lua_setfield(L, LUA_REGISTRYINDEX, MESSAGE_KEY); /* for host functions: refuses() */
  lua_pushglobaltable(L); /* message, _G */
  replace(L, M, "load", s_load);
  replace(L, M, "loadfile", s_loadfile);
  replace(L, M, "dofile", s_dofile);
  lua_pop(L, 1);

  if (lua_getglobal(L, "io") == LUA_TTABLE) {
    replace(L, M, "open", s_io_open);
    replace(L, M, "lines", s_io_lines);
    replace(L, M, "input", s_io_input);
    replace(L, M, "output", s_io_output);
    disable(L, M, "popen", "io.popen");
  }
  lua_pop(L, 1);

  if (lua_getglobal(L, "os") == LUA_TTABLE) {
    replace(L, M, "remove", s_os_remove);
    replace(L, M, "rename", s_os_rename);
    lua_pushvalue(L, M);
    lua_pushcclosure(L, s_os_execute, 1);
    lua_setfield(L, -2, "execute");
    disable(L, M, "tmpname", "os.tmpname");
  }
  lua_pop(L, 1);

  if (lua_getglobal(L, "package") == LUA_TTABLE) {
    disable(L, M, "loadlib", "package.loadlib");
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "cpath");
    lua_createtable(L, 2, 0); /* package, searchers: preload, then Lua files; no C */
    lua_getfield(L, -2, "searchers");
    lua_rawgeti(L, -1, 1); /* package, new, old, preload searcher */
    lua_rawseti(L, -3, 1);
    lua_pop(L, 1); /* package, new */
    lua_pushvalue(L, M);
    lua_pushcclosure(L, s_searcher_lua, 1);
    lua_rawseti(L, -2, 2);
    lua_setfield(L, -2, "searchers");
  }
  lua_pop(L, 1);

  /* debug: only traceback, which reads the stack and changes nothing */
  lua_createtable(L, 0, 1); /* message, safe */
  if (lua_getglobal(L, "debug") == LUA_TTABLE) {
    lua_getfield(L, -1, "traceback");
    lua_setfield(L, -3, "traceback");
  }
  lua_pop(L, 1);
  lua_pushvalue(L, -1);
  lua_setglobal(L, "debug");
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_insert(L, -2);
  lua_setfield(L, -2, "debug");
  return 0;
}

int luashim_sandbox(lua_State *L, const char *const *read_roots, int nread, const char *write_root,
                    const char *const *denied, int ndenied) {
  ShimGlobal *g = shim_global(L);
  ShimSandbox *s = calloc(1, sizeof(ShimSandbox));
  if (s == NULL || nread < 1 || nread > SANDBOX_MAXROOTS || ndenied > SANDBOX_MAXDENIED ||
      !resolve(write_root, s->write_root)) {
    free(s);
    lua_pop(L, 1);
    lua_pushliteral(L, "cannot set up the sandbox: a directory cannot be resolved");
    return LUA_ERRRUN;
  }
  for (int i = 0; i < nread; i++) {
    if (!resolve(read_roots[i], s->read_roots[s->nread])) continue;
    s->nread++;
  }
  for (int i = 0; i < ndenied; i++) {
    if (resolve(denied[i], s->denied[s->ndenied])) s->ndenied++;
  }
  shim_free_sandbox(g);
  g->sandbox = s;
  lua_pushcfunction(L, enter_sandbox); /* message, enter */
  lua_insert(L, -2);                   /* enter, message */
  return luashim_pcall(L, 1, 0, 0);
}
