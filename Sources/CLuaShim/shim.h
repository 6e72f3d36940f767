/* Private to CLuaShim: the per-state record every file shares. */
#ifndef SHIM_PRIVATE_H
#define SHIM_PRIVATE_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>

#include "luashim.h"

/* How many nested coroutine.resume calls an interrupt can reach (Lua allows ~200 C levels). */
#define SHIM_MAXRUNNING 256

/*
** Lua's small blocks (tables, their nodes, strings, closures: most of what a row loop makes and
** drops) come from free lists, one per 16-byte size class up to 256 bytes, carved from 64 KiB
** slabs. A block goes back to its list when Lua frees it and is reused for the next block of its
** class; the slabs are freed with the state, not before (what a state once held in small blocks
** stays its own until it closes, as most of it would in malloc's arenas). See state.c.
*/
#define SHIM_POOL_GRANULE 16
#define SHIM_POOL_MAX 256
#define SHIM_POOL_CLASSES (SHIM_POOL_MAX / SHIM_POOL_GRANULE)

typedef struct ShimPool {
  void *free[SHIM_POOL_CLASSES]; /* each block's first word links to the next */
  char *next, *end;              /* the unused part of the newest slab */
  void *slabs;                   /* every slab, linked through its first word */
} ShimPool;

/*
** One per lua_State, shared by all its threads: it is the allocator's user data, so any thread
** finds it with lua_getallocf. It is per-state data in C, like the allocator itself; Swift keeps
** its own per-state data in the Lua registry.
*/
typedef struct ShimGlobal {
  /* memory */
  size_t used;
  size_t limit;     /* 0: no limit */
  int in_lua;       /* > 0 while Lua code runs from luashim_pcall with no Swift frame above it */
  ShimPool pool;
  /* warnings, as lua.c */
  int warn_on;
  int warn_cont;
  /* interrupts */
  lua_State *main;
  volatile sig_atomic_t pcall_depth;            /* chunks running from luashim_pcall */
  const char *volatile reason;                  /* non-NULL: an interrupt is pending */
  lua_State *volatile running[SHIM_MAXRUNNING];  /* coroutines being resumed, innermost last */
  volatile sig_atomic_t nrunning;
  luashim_InterruptCallback volatile on_interrupt;
  /* chunks whose name starts with this are the host's own: errors point past them */
  char hidden_prefix[32];
  /* rows stepped by C steppers (luashim_pushstepper), for the console's .timer */
  size_t rows_stepped;
  void *volatile on_interrupt_context;
  /* statements being stepped through luashim_step: only then is SQLite interrupted */
  volatile sig_atomic_t sql_stepping;
  /* time limits: the earliest deadline in force (CLOCK_MONOTONIC seconds; 0: none), and the
  ** state's own timer (timer_slot: its slot + 1 in interrupt.c's table, 0 before the first) */
  double deadline;
  timer_t timer;
  int timer_slot;
  /* the sandbox, when one is in force (sandbox.c) */
  struct ShimSandbox *sandbox;
} ShimGlobal;

ShimGlobal *shim_global(lua_State *L);

/* The reason a deadline interrupts with. */
extern const char *const SHIM_TIMEOUT;

/* Seconds on the monotonic clock. */
double shim_now(void);

/* Arms the state's timer for g->deadline (disarms when 0); interrupts at once when
** the deadline has passed. */
void shim_arm_deadline(lua_State *L);

/* Removes the interrupt hook from the main thread and from every coroutine still being
** resumed, and forgets the pending interrupt. */
void shim_clear_interrupt(ShimGlobal *g);

/* Deletes the state's timer, if it has one (at close). */
void shim_delete_timer(ShimGlobal *g);

/* Frees the sandbox record (at close). */
void shim_free_sandbox(ShimGlobal *g);
/* luaL_where for host functions: the first caller outside the host's own chunks. */
void shim_where_user(lua_State *L);

#endif
