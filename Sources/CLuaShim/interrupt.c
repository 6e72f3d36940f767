/*
** Interrupts: Ctrl-C, time limits and running SQL statements.
**
** lua.c sets its Ctrl-C hook on the main thread only, so a loop inside a coroutine runs on
** (DESIGN.md §9). Here coroutine.resume and coroutine.wrap record the coroutines being resumed,
** and an interrupt hooks every one of them. The hook is installed only while an interrupt is
** pending: any hook halves the speed of a tight loop.
*/
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "shim.h"

/* The state SIGINT reaches; signals are per process, so this is too. */
static lua_State *volatile sigint_target = NULL;
static volatile sig_atomic_t prompt_signal = 0;
/*
** A Ctrl-C at the prompt also writes a byte here, so that a reader waiting in poll() wakes up
** even when the signal came just before poll() started (no EINTR then).
*/
static int prompt_pipe[2] = {-1, -1};

/*
** ** The hook: raise the pending reason with the position of the running code, as lua.c's
** ** lstop. It stays installed while the interrupt is pending so that a pcall in a loop cannot
** ** swallow it; luashim_clear_interrupt removes it.
*/
static void interrupt_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  const char *reason = shim_global(L)->reason;
  if (reason != NULL) luaL_error(L, "%s", reason);
}

static const int HOOK_MASK = LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT;

void luashim_request_interrupt(lua_State *L, const char *reason) {
  ShimGlobal *g = shim_global(L);
  g->reason = reason;
  lua_sethook(g->main, interrupt_hook, HOOK_MASK, 1); /* lua_sethook is async-signal-safe */
  int n = g->nrunning;
  for (int i = 0; i < n && i < SHIM_MAXRUNNING; i++) {
    lua_State *co = g->running[i];
    if (co != NULL) lua_sethook(co, interrupt_hook, HOOK_MASK, 1);
  }
  __atomic_thread_fence(__ATOMIC_SEQ_CST); /* the reason is out before the mark is read */
  luashim_InterruptCallback cb = g->on_interrupt;
  if (cb != NULL && g->sql_stepping > 0) cb(g->on_interrupt_context);
}

const char *luashim_interrupt_reason(lua_State *L) { return shim_global(L)->reason; }

void shim_clear_interrupt(ShimGlobal *g) {
  /*
  ** A coroutine hooked by the interrupt is dead (the error went through it) or is still being
  ** resumed below the code that caught the error (limits.run); those and the main thread lose
  ** the hook. A hook the user set with debug.sethook is left alone.
  */
  if (lua_gethook(g->main) == interrupt_hook) lua_sethook(g->main, NULL, 0, 0);
  int n = g->nrunning;
  for (int i = 0; i < n && i < SHIM_MAXRUNNING; i++) {
    lua_State *co = g->running[i];
    if (co != NULL && lua_gethook(co) == interrupt_hook) lua_sethook(co, NULL, 0, 0);
  }
  g->reason = NULL;
}

void luashim_clear_interrupt(lua_State *L) { shim_clear_interrupt(shim_global(L)); }

void luashim_set_interrupt_callback(lua_State *L, luashim_InterruptCallback cb, void *context) {
  ShimGlobal *g = shim_global(L);
  g->on_interrupt_context = context;
  g->on_interrupt = cb;
}

/* ---------------------------------------------------------------------------------------------
** Signals
** ------------------------------------------------------------------------------------------ */

static const char *const INTERRUPTED = "interrupted!"; /* lua.c's words */

static void on_sigint(int sig) {
  (void)sig;
  lua_State *L = sigint_target;
  if (L != NULL && shim_global(L)->pcall_depth > 0) {
    luashim_request_interrupt(L, INTERRUPTED);
  } else {
    prompt_signal = 1;
    if (prompt_pipe[1] >= 0) {
      int saved = errno;
      ssize_t ignored = write(prompt_pipe[1], "", 1); /* full pipe: a wake-up is pending anyway */
      (void)ignored;
      errno = saved;
    }
  }
}

/* ** Creates prompt_pipe, non-blocking at both ends and closed on exec; leaves -1 on failure. */
static void open_prompt_pipe(void) {
  int fds[2];
  if (pipe(fds) != 0) return;
  for (int i = 0; i < 2; i++) {
    fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    fcntl(fds[i], F_SETFD, FD_CLOEXEC);
  }
  prompt_pipe[1] = fds[1];
  prompt_pipe[0] = fds[0];
}

void luashim_catch_sigint(lua_State *L) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a blocking read at the prompt returns EINTR */
  sa.sa_handler = L != NULL ? on_sigint : SIG_DFL;
  if (L != NULL && prompt_pipe[0] < 0) open_prompt_pipe();
  sigint_target = L;
  sigaction(SIGINT, &sa, NULL);
}

int luashim_take_prompt_signal(void) {
  char drained[64];
  if (prompt_pipe[0] >= 0)
    while (read(prompt_pipe[0], drained, sizeof drained) > 0) continue;
  int taken = prompt_signal;
  prompt_signal = 0;
  return taken;
}

int luashim_prompt_signal_fd(void) { return prompt_pipe[0]; }

const char *const SHIM_TIMEOUT = "timeout";

double shim_now(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/*
** Deadlines: one POSIX timer per state, whose SIGALRM carries the state's slot in this table
** (and the slot's generation, so that a signal still queued for a closed state reaches nobody).
** States then keep their own deadlines, even several in one process (a test runner).
*/
#define SHIM_MAXTIMERS 256
static lua_State *volatile timer_states[SHIM_MAXTIMERS];
static volatile int timer_generations[SHIM_MAXTIMERS];

static void on_sigalrm(int sig, siginfo_t *info, void *context) {
  (void)sig;
  (void)context;
  if (info == NULL || info->si_code != SI_TIMER) return;
  int value = info->si_value.sival_int;
  int slot = value & 0xFF, generation = value >> 8;
  if (slot < 0 || slot >= SHIM_MAXTIMERS || timer_generations[slot] != generation) return;
  lua_State *L = timer_states[slot];
  if (L != NULL) luashim_request_interrupt(L, SHIM_TIMEOUT);
}

/* ** Creates the state's timer on first use; 0 when none can be had. */
static int ensure_timer(ShimGlobal *g) {
  if (g->timer_slot > 0) return 1;
  static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&lock);
  int slot = -1;
  for (int i = 0; i < SHIM_MAXTIMERS && slot < 0; i++)
    if (timer_states[i] == NULL) slot = i;
  if (slot >= 0) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_sigaction = on_sigalrm;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGALRM, &sa, NULL);
    int generation = (timer_generations[slot] + 1) & 0x7FFFFF;
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGALRM;
    event.sigev_value.sival_int = generation << 8 | slot;
    if (timer_create(CLOCK_MONOTONIC, &event, &g->timer) == 0) {
      timer_generations[slot] = generation;
      timer_states[slot] = g->main;
      g->timer_slot = slot + 1;
    }
  }
  pthread_mutex_unlock(&lock);
  return g->timer_slot > 0;
}

void shim_delete_timer(ShimGlobal *g) {
  if (g->timer_slot == 0) return;
  int slot = g->timer_slot - 1;
  timer_generations[slot] = (timer_generations[slot] + 1) & 0x7FFFFF; /* late signals: nobody */
  timer_states[slot] = NULL;
  timer_delete(g->timer);
  g->timer_slot = 0;
}

/*
** ** The state's timer is set for the earliest deadline in force (g->deadline), and whoever
** ** changes that deadline calls this again.
*/
void shim_arm_deadline(lua_State *L) {
  ShimGlobal *g = shim_global(L);
  if (!ensure_timer(g)) return;
  struct itimerspec timer;
  memset(&timer, 0, sizeof timer);
  if (g->deadline > 0) {
    sigset_t alarm; /* a host started with SIGALRM blocked would never see its deadline */
    sigemptyset(&alarm);
    sigaddset(&alarm, SIGALRM);
    pthread_sigmask(SIG_UNBLOCK, &alarm, NULL);
    double left = g->deadline - shim_now();
    if (left < 1e-6) left = 1e-6; /* passed already: interrupt at once */
    timer.it_value.tv_sec = (time_t)left;
    timer.it_value.tv_nsec = (long)((left - (double)(time_t)left) * 1e9);
    if (timer.it_value.tv_sec == 0 && timer.it_value.tv_nsec == 0) timer.it_value.tv_nsec = 1;
  }
  timer_settime(g->timer, 0, &timer, NULL); /* all zero: disarmed */
}

void luashim_set_timeout(lua_State *L, double seconds) {
  shim_global(L)->deadline = seconds > 0 ? shim_now() + seconds : 0;
  shim_arm_deadline(L);
}

/* ---------------------------------------------------------------------------------------------
** Tracked coroutines (same contract and messages as lcorolib's resume and wrap)
** ------------------------------------------------------------------------------------------ */

/*
** ** Whether `co` can be resumed; if not, pushes on `L` the message coroutine.resume gives.
*/
static int resumable(lua_State *L, lua_State *co) {
  if (L == co) {
    lua_pushliteral(L, "cannot resume non-suspended coroutine");
    return 0;
  }
  switch (lua_status(co)) {
    case LUA_YIELD:
      return 1;
    case LUA_OK: {
      lua_Debug ar;
      if (lua_getstack(co, 0, &ar)) { /* it has frames: running or normal */
        lua_pushliteral(L, "cannot resume non-suspended coroutine");
        return 0;
      }
      if (lua_gettop(co) == 0) {
        lua_pushliteral(L, "cannot resume dead coroutine");
        return 0;
      }
      return 1; /* not started yet */
    }
    default: /* finished with an error */
      lua_pushliteral(L, "cannot resume dead coroutine");
      return 0;
  }
}

/*
** ** Resumes `co` with `narg` values from `L`, recording it as running meanwhile. Returns the
** ** number of results moved to `L`, or -1 with the error message on top of `L`.
*/
static int tracked_resume(lua_State *L, lua_State *co, int narg) {
  if (!lua_checkstack(co, narg)) {
    lua_pushliteral(L, "too many arguments to resume");
    return -1;
  }
  if (!resumable(L, co)) return -1;
  ShimGlobal *g = shim_global(L);
  lua_xmove(L, co, narg);
  int depth = g->nrunning;
  if (depth < SHIM_MAXRUNNING) g->running[depth] = co; /* store before publishing the count */
  g->nrunning = depth + 1;
  if (g->reason != NULL) lua_sethook(co, interrupt_hook, HOOK_MASK, 1);
  int nres = 0;
  int status = lua_resume(co, L, narg, &nres);
  g->nrunning = depth;
  if (status == LUA_OK || status == LUA_YIELD) {
    if (!lua_checkstack(L, nres + 1)) {
      lua_pop(co, nres);
      lua_pushliteral(L, "too many results to resume");
      return -1;
    }
    lua_xmove(co, L, nres); /* results */
    return nres;
  }
  lua_xmove(co, L, 1); /* error object */
  return -1;
}

static int shim_resume(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  luaL_argexpected(L, co != NULL, 1, "coroutine");
  int r = tracked_resume(L, co, lua_gettop(L) - 1);
  if (r < 0) {
    lua_pushboolean(L, 0); /* ..., message, false */
    lua_insert(L, -2);     /* ..., false, message */
    return 2;
  }
  lua_pushboolean(L, 1);   /* ..., results, true */
  lua_insert(L, -(r + 1)); /* ..., true, results */
  return r + 1;
}

static int shim_auxwrap(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(1));
  int r = tracked_resume(L, co, lua_gettop(L));
  if (r >= 0) return r;
  int status = lua_status(co);
  if (status != LUA_OK && status != LUA_YIELD) { /* the coroutine died with an error */
    status = lua_resetthread(co);                /* close its to-be-closed variables */
    lua_xmove(co, L, 1);                         /* the (possibly new) error object */
  }
  if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
    luaL_where(L, 1); /* message, where */
    lua_insert(L, -2);
    lua_concat(L, 2); /* where..message */
  }
  return lua_error(L);
}

static int shim_wrap(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *co = lua_newthread(L); /* f, co */
  lua_pushvalue(L, 1);              /* f, co, f */
  lua_xmove(L, co, 1);              /* f, co */
  lua_pushcclosure(L, shim_auxwrap, 1);
  return 1;
}

static int track(lua_State *L) {
  if (lua_getglobal(L, "coroutine") != LUA_TTABLE) return 0;
  lua_pushcfunction(L, shim_resume);
  lua_setfield(L, -2, "resume");
  lua_pushcfunction(L, shim_wrap);
  lua_setfield(L, -2, "wrap");
  return 0;
}

int luashim_track_coroutines(lua_State *L) {
  lua_pushcfunction(L, track);
  return luashim_pcall(L, 0, 0, 0);
}
