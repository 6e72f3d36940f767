/*
** CLuaShim: the only C that sangtao writes.
**
** Lua raises errors with longjmp, and a longjmp must never cross a Swift frame (DESIGN.md §7).
** Everything here exists to keep that promise:
**   - trampolines: Lua calls a C function, which calls Swift; Swift never raises, it returns a
**     sentinel and this C code raises on its behalf, after Swift has returned;
**   - protected helpers: API functions that can run Lua code ('e' and 'v' in the manual §4.6)
**     run here under lua_pcall, so Swift only sees a status;
**   - the allocator policy: memory limits are enforced only while Lua code runs, never while a
**     Swift frame is on top, so the 'm' functions Swift calls cannot raise;
**   - interrupts: Ctrl-C, time limits and running SQL are stopped from a signal handler or
**     another thread with the few operations that are safe there.
**
** This header only forward-declares lua_State, so that Swift's CLua module stays the one owner
** of Lua's own headers.
*/
#ifndef LUASHIM_H
#define LUASHIM_H

#include <stddef.h>
#include <stdint.h>

typedef struct lua_State lua_State;

/* ---------------------------------------------------------------------------------------------
** States and memory
** ------------------------------------------------------------------------------------------ */

/*
** ** Creates a state with sangtao's allocator (memory accounting, optional limit), a panic
** function and lua.c's warning behaviour (off until "@on"). Returns NULL when out of memory.
*/
lua_State *luashim_newstate(void);

/* ** Closes the state (running every pending __gc) and frees sangtao's per-state record. */
void luashim_close(lua_State *L);

/* ** Bytes currently allocated by the state. */
size_t luashim_memory_used(lua_State *L);

/* ** Sets the memory limit in bytes (0: none); returns the previous one. */
size_t luashim_set_memory_limit(lua_State *L, size_t limit);

/* ** Opens the standard libraries under a protected call. Returns a Lua status. */
int luashim_openlibs(lua_State *L);

/* ---------------------------------------------------------------------------------------------
** Calling Swift from Lua
** ------------------------------------------------------------------------------------------ */

/* What a Swift function returns instead of raising; see luashim_install. */
enum {
  /* The error value is on top of the stack: raise it as is. */
  LUASHIM_RAISE = -1,
  /* A message is on top: raise it with the caller's position, as luaL_error does. */
  LUASHIM_RAISE_WHERE = -2,
  /* [arg index, message] on top: raise as luaL_argerror does ("bad argument #1 to 'f' (...)"). */
  LUASHIM_ARGERROR = -3,
  /* [arg index, expected type name] on top: raise as luaL_typeerror does. */
  LUASHIM_TYPEERROR = -4,
};

/*
** The Swift side of every trampoline. `dispatch` runs the Swift closure held by `box` and returns
** the number of results, or one of the LUASHIM_ codes above. `release` drops a box when Lua
** collects its owner. Both are process-wide constants, set once before any state is used.
*/
typedef int (*luashim_Dispatch)(lua_State *L, void *box);
typedef void (*luashim_Release)(void *box);
void luashim_install(luashim_Dispatch dispatch, luashim_Release release);

/*
** ** Pushes a Lua function that calls the Swift closure held by `box` (retained; released by
** ** the function's __gc). [-0, +1, m]
*/
void luashim_pushfunction(lua_State *L, void *box);

/*
** ** Creates (or fetches) the metatable named `tname` in the registry for Swift objects, with
** ** __gc releasing the object and __name set. Leaves it on the stack. [-0, +1, m]
*/
void luashim_newobjectmeta(lua_State *L, const char *tname);

/*
** ** Chunks whose name starts with `prefix` (e.g. "=sangtao:") are the host's own: an error a
** ** host function raises names the first caller outside them, as if the host's Lua code were
** ** part of the host function.
*/
void luashim_set_hidden_prefix(lua_State *L, const char *prefix);

/* ** Pushes a full userdata holding `box` (retained) with metatable `tname`. [-0, +1, m] */
void luashim_pushobject(lua_State *L, void *box, const char *tname);

/*
** ** The box held by the userdata at `idx` if its metatable is `tname`, else NULL (also NULL
** ** after the object was collected or closed). [-0, +0, m]
*/
void *luashim_toobject(lua_State *L, int idx, const char *tname);

/* ** Releases the box held by the userdata at `idx` now (for __close); later uses see NULL. */
void luashim_closeobject(lua_State *L, int idx, const char *tname);

/* ---------------------------------------------------------------------------------------------
** Calling Lua from Swift: everything that can raise runs here under lua_pcall
** ------------------------------------------------------------------------------------------ */

/* Flags of luashim_pcall. */
enum {
  /* The message handler of lua.c turns the error into a string with a traceback (or the
  ** object's __tostring). */
  LUASHIM_TRACEBACK = 1,
  /* The function runs under a C frame, as lua.c's chunks run under pmain: tracebacks end in
  ** "[C]: in ?" exactly as lua.c's. */
  LUASHIM_CFRAME = 2,
};

/*
** ** Calls the function below `nargs` arguments under lua_pcall, as `flags` say. Returns a Lua
** ** status; on error the message is on top. [-(nargs+1), +(nres|1), -]
*/
int luashim_pcall(lua_State *L, int nargs, int nresults, int flags);

/* ** lua_gettable under pcall: key on top -> value. [-1, +1, -] Returns a status. */
int luashim_gettable(lua_State *L, int idx);
/* ** lua_settable under pcall: key, value on top. [-2, +0, -] Returns a status. */
int luashim_settable(lua_State *L, int idx);
/* ** luaL_tolstring under pcall (honours __tostring and __name). [-0, +1, -] */
int luashim_tolstring(lua_State *L, int idx);
/* ** lua_len under pcall (honours __len). [-0, +1, -] */
int luashim_len(lua_State *L, int idx);
/* ** lua_next under pcall: key on top. Returns 1 and pushes key, value; 0 at the end;
** ** -1 with the message on top for an invalid key. */
int luashim_next(lua_State *L, int idx);
/* ** require(name) under pcall, stored in the global `global`. [-0, +0|1, -] */
int luashim_require(lua_State *L, const char *name, const char *global);

/* ---------------------------------------------------------------------------------------------
** Interrupts and time limits
** ------------------------------------------------------------------------------------------ */

/*
** ** Makes `L` the target of SIGINT: Ctrl-C stops the running chunk in whatever coroutine it
** ** runs, and calls the interrupt callback (for a running SQL statement). While a chunk runs
** ** (luashim_pcall with the interrupt armed) the signal interrupts; at other times it only
** ** sets a flag that luashim_take_prompt_signal() reads. Pass NULL to restore the default.
*/
void luashim_catch_sigint(lua_State *L);

/* ** Whether SIGINT arrived while no chunk ran (at the prompt), clearing the flag. */
int luashim_take_prompt_signal(void);

/*
** ** A descriptor that becomes readable when SIGINT arrives at the prompt (-1 before
** ** luashim_catch_sigint): poll it beside the terminal, then call luashim_take_prompt_signal.
*/
int luashim_prompt_signal_fd(void);

/*
** ** Asks the running Lua code to stop with `reason` (a static string): sets a hook on every
** ** coroutine being run and calls the interrupt callback. Async-signal-safe; may be called
** ** from another thread.
*/
void luashim_request_interrupt(lua_State *L, const char *reason);

/* ** Whether an interrupt is pending, and its reason (NULL if none). */
const char *luashim_interrupt_reason(lua_State *L);

/* ** Removes the hooks an interrupt set and clears it. Call when back at the prompt. */
void luashim_clear_interrupt(lua_State *L);

/*
** ** A C callback run with an interrupt that comes while a statement is being stepped through
** ** luashim_step (e.g. sqlite3_interrupt on the open connection). It must be
** ** async-signal-safe. Pass NULL to remove it.
*/
typedef void (*luashim_InterruptCallback)(void *context);
void luashim_set_interrupt_callback(lua_State *L, luashim_InterruptCallback cb, void *context);

/*
** ** Arms a deadline: after `seconds` the running code is interrupted with the reason
** ** "timeout". 0 disarms. Each state has its own (a POSIX timer), and limits.run nests
** ** earlier ones inside it.
*/
void luashim_set_timeout(lua_State *L, double seconds);

/*
** ** Replaces coroutine.resume and coroutine.wrap with versions that record which coroutine runs,
** ** so that an interrupt reaches the innermost one. Requires the coroutine library open.
*/
int luashim_track_coroutines(lua_State *L);

/* ---------------------------------------------------------------------------------------------
** Limits and the sandbox
** ------------------------------------------------------------------------------------------ */

/*
** ** Reads a size: "256M", "1.5G", "512K", "64MB", "4096" (binary multiples). Returns 1 and
** ** sets `bytes`, or 0 when `text` is not a size.
*/
int luashim_parse_size(const char *text, size_t *bytes);

/*
** ** Defines the global `limits` (limits.run, limits.get; also package.loaded.limits). The
** ** function on top (popped) gives messages: message("timeout", seconds) -> text. Returns a
** ** Lua status.
*/
int luashim_open_limits(lua_State *L);

/*
** ** Puts the state in the sandbox (see sandbox.c for what it removes and checks): files may
** ** be read under `read_roots`, written under `write_root`, never the `denied` ones. The
** ** function on top (popped) gives messages: message(key, subject) -> text, for the keys
** ** "read" and "write" (subject: the path) and "disabled" (subject: the function). Returns a
** ** Lua status (the message on top on failure).
*/
int luashim_sandbox(lua_State *L, const char *const *read_roots, int nread, const char *write_root,
                    const char *const *denied, int ndenied);

/* ** Whether the sandbox (if any) lets `path` be read (write = 0) or written (write = 1). */
int luashim_sandbox_allows(lua_State *L, const char *path, int write);

/*
** ** For host functions that open files or run programs: when a sandbox is in force and
** ** refuses `key` ("read" or "write" with a path as `subject`; "disabled" with the name of
** ** what is refused), pushes the refusal in the user's words and returns 1; else returns 0
** ** and pushes nothing. [-0, +(0|1), -]
*/
int luashim_sandbox_refuses(lua_State *L, const char *key, const char *subject);

/* ---------------------------------------------------------------------------------------------
** Rows
** ------------------------------------------------------------------------------------------ */

/*
** ** Pushes the current row of the SQLite statement `stmt` as a table keyed by the names in the
** ** array at `keys` (keys[i] names column i-1; a non-string entry skips the column), with the
** ** metatable at `meta` (0: none). Integers stay integers, NULL leaves the key absent, text and
** ** blobs are pushed as bytes without any conversion. [-0, +1, m]
*/
void luashim_pushrow(lua_State *L, void *stmt, int keys, int meta);

/* ** Pushes column `col` of the current row of `stmt` as a Lua value. [-0, +1, m] */
void luashim_pushcolumn(lua_State *L, void *stmt, int col);

/* ** Formats a float as Lua's LUA_NUMBER_FMT ("%.14g") into `buffer`. */
void luashim_format_number(char *buffer, size_t size, double value);

/*
** ** Pushes a stepper: a Lua function returning the next row of `stmt` (a prepared and bound
** ** `sqlite3_stmt *`) on each call, as luashim_pushrow makes it, and nil at the end. The
** ** stepper owns the statement (finalized at the end, on error, or when collected). It raises
** ** `error_prefix` + SQLite's message on failure, and `interrupted` when an interrupt is
** ** pending. No host code runs per row. [-0, +1, m]
*/
void luashim_pushstepper(lua_State *L, void *stmt, int keys, int meta, const char *error_prefix,
                         const char *interrupted);

/*
** ** sqlite3_step on `stmt`, during which an interrupt calls the interrupt callback (see
** ** luashim_set_interrupt_callback); SQLITE_INTERRUPT at once when an interrupt is pending.
*/
int luashim_step(lua_State *L, void *stmt);

/* ** Rows stepped by steppers so far. */
size_t luashim_rows_stepped(lua_State *L);

#endif
