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

/* ** Whether small blocks come from the pool: not under AddressSanitizer, which must see every
** ** block Lua frees to catch a use after free. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SHIM_POOLED 0
#endif
#endif
#if !defined(SHIM_POOLED) && defined(__SANITIZE_ADDRESS__)
#define SHIM_POOLED 0
#endif
#ifndef SHIM_POOLED
#define SHIM_POOLED 1
#endif

#define SHIM_SLAB (64 * 1024)

/* The size class of a block of `size` bytes (1 ≤ size ≤ SHIM_POOL_MAX). */
static inline size_t pool_class(size_t size) { return (size - 1) / SHIM_POOL_GRANULE; }

/* A block of class `c`, or NULL when the system has no memory for a new slab. */
static void *pool_take(ShimPool *pool, size_t c) {
  void *block = pool->free[c];
  if (block != NULL) {
    pool->free[c] = *(void **)block;
    return block;
  }
  size_t bytes = (c + 1) * SHIM_POOL_GRANULE;
  if ((size_t)(pool->end - pool->next) < bytes) {
    /* What is left of the slab (whole granules) goes to its list, then a new slab. */
    if (pool->end - pool->next >= SHIM_POOL_GRANULE) {
      size_t k = pool_class((size_t)(pool->end - pool->next)); /* less than `bytes` */
      *(void **)pool->next = pool->free[k];
      pool->free[k] = pool->next;
      pool->next += (k + 1) * SHIM_POOL_GRANULE;
    }
    char *slab = malloc(SHIM_SLAB);
    if (slab == NULL) return NULL;
    *(void **)slab = pool->slabs;
    pool->slabs = slab;
    pool->next = slab + SHIM_POOL_GRANULE; /* the first granule links the slabs */
    pool->end = slab + SHIM_SLAB;
  }
  block = pool->next;
  pool->next += bytes;
  return block;
}

static inline void pool_give(ShimPool *pool, void *block, size_t c) {
  *(void **)block = pool->free[c];
  pool->free[c] = block;
}

static void pool_free_all(ShimPool *pool) {
  void *slab = pool->slabs;
  while (slab != NULL) {
    void *next = *(void **)slab;
    free(slab);
    slab = next;
  }
  memset(pool, 0, sizeof *pool);
}

/* ** A block of `nsize` bytes holding the first bytes of `ptr` (of `osize` bytes, 0 for a new
** ** block), which is released: small blocks from and to the pool, the others from the system. */
static void *move_block(ShimPool *pool, void *ptr, size_t osize, size_t nsize) {
  int small_old = SHIM_POOLED && ptr != NULL && osize <= SHIM_POOL_MAX;
  int small_new = SHIM_POOLED && nsize <= SHIM_POOL_MAX;
  if (!small_old && !small_new) return realloc(ptr, nsize);
  if (small_old && small_new && pool_class(osize) == pool_class(nsize)) return ptr;
  void *block = small_new ? pool_take(pool, pool_class(nsize)) : malloc(nsize);
  if (block == NULL) {
    /* Lua counts on a shrinking block never failing: keep the old one, which is big enough
    ** (it joins the pool when freed, and is then never given back to the system). */
    return ptr != NULL && nsize <= osize ? ptr : NULL;
  }
  if (ptr == NULL) return block;
  memcpy(block, ptr, osize < nsize ? osize : nsize);
  if (small_old)
    pool_give(pool, ptr, pool_class(osize));
  else
    free(ptr);
  return block;
}

/* ** The allocator's general case: growing, shrinking, big blocks, a new slab, the limit. Not
** ** inlined: the fast paths of shim_alloc then save no registers. */
__attribute__((noinline)) static void *alloc_slow(ShimGlobal *g, void *ptr, size_t osize,
                                                  size_t nsize) {
  size_t old = ptr != NULL ? osize : 0; /* for new objects osize is a type tag, not a size */
  if (nsize == 0) { /* a big block (a small one took the fast path), or NULL */
    free(ptr);
    g->used -= old;
    return NULL;
  }
  if (g->limit != 0 && g->in_lua > 0 && nsize > old && g->used - old + nsize > g->limit)
    return NULL; /* Lua answers with a memory error ("not enough memory") */
  void *block = move_block(&g->pool, ptr, old, nsize);
  if (block != NULL) g->used = g->used - old + nsize;
  return block;
}

/*
** ** The allocator (manual §4.1, lua_Alloc). It fails a growing request only when a limit is set
** ** and Lua code is running (in_lua > 0). While a Swift frame is on top (in_lua == 0) it never
** ** fails short of the system running out of memory, so the 'm' API functions Swift calls
** ** cannot raise and no longjmp ever crosses a Swift frame. The limit is then enforced at the
** ** next allocation made by Lua code.
** **
** ** Small blocks come from the state's pool (shim.h): a loop over a million rows makes and
** ** drops millions of them, and the two fast paths here (a small block freed, a new small
** ** block within the limit) take a few instructions where malloc and free take several times
** ** that.
*/
static void *shim_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  ShimGlobal *g = (ShimGlobal *)ud;
  if (SHIM_POOLED) {
    if (nsize == 0) {
      if (ptr != NULL && osize <= SHIM_POOL_MAX) {
        pool_give(&g->pool, ptr, pool_class(osize));
        g->used -= osize;
        return NULL;
      }
    } else if (ptr == NULL && nsize <= SHIM_POOL_MAX) {
      void **list = &g->pool.free[pool_class(nsize)];
      void *block = *list;
      if (block != NULL && (g->limit == 0 || g->used + nsize <= g->limit)) {
        *list = *(void **)block;
        g->used += nsize;
        return block;
      }
    }
  }
  return alloc_slow(g, ptr, osize, nsize);
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
  pool_free_all(&g->pool);
  free(g);
}

void luashim_format_number(char *buffer, size_t size, double value) {
  snprintf(buffer, size, LUA_NUMBER_FMT, value);
}
