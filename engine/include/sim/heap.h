/*
 * sim/heap.h -- the simulated pymalloc heap (public).
 *
 * A SimHeap reproduces CPython 3.11's obmalloc on simulated memory: arenas,
 * pools and blocks with CPython's size classes, list orders and release
 * rules, plus a simulated raw-malloc region for requests of 0 or more than
 * the small-request threshold.  Memory is real (an allocation returns
 * usable bytes) but every address the heap hands out is a *simulated*
 * address, derived from the arena slot and offset, never from a host
 * pointer: the same sequence of calls gives the same addresses anywhere.
 *
 * Address layout (the `cpython-3.11` profile; other profiles scale it):
 *
 *   0x7f0000000000  static region  -- interpreter statics such as
 *                                     `usedpools`; never in an arena
 *   0x7f0004000000  arena region   -- arena slot i is "mmapped" at
 *                                     region + i*arena_size + offset
 *   0x7f0404000000  raw region     -- the simulated libc malloc heap
 *
 * `offset` models mmap returning page-aligned but not pool-aligned memory:
 * in the cpython-3.11 profile it is 4096, so each arena loses one pool to
 * alignment and has 63 usable pools (what CPython 3.11 shows for 13 arenas
 * in 14); classic has offset 0 and 64 pools.
 *
 * Invariants (checked by sim_heap_check):
 *   - a pool is used (on usedpools[its class]), full (on no list) or empty
 *     (on its arena's freepools); never-carved pools are on no list;
 *   - usable_arenas holds exactly the arenas with a free pool, ascending by
 *     nfreepools; unused_arena_objects holds exactly the unused slots;
 *   - every carved block of a pool is either on its free list or in use,
 *     never both; the pool's count is the number in use;
 *   - with the cpython-3.11 rule at most one arena is wholly free, and it
 *     is the last of usable_arenas; with `classic` none is.
 *
 * Ownership: the heap owns all simulated memory; addresses returned by
 * sim_heap_malloc stay valid until freed or the heap is destroyed.
 */
#ifndef SIM_HEAP_H
#define SIM_HEAP_H

#include <stddef.h>
#include <stdint.h>

#include "sim/events.h"

typedef uint64_t SimAddr;             /* a simulated address; 0 is NULL */
typedef struct SimHeap SimHeap;       /* opaque */

/* Output goes through the caller: the engine does no I/O of its own. */
typedef void (*SimWriteFn)(void *userdata, const char *text, size_t len);

/* Allocator parameters.  Fill one with sim_profile_parse. */
typedef struct SimProfile {
    char     name[32];          /* "cpython-3.11", "classic" or "custom" */
    uint32_t arena_size;        /* bytes per arena, power of two */
    uint32_t pool_size;         /* bytes per pool, power of two */
    uint32_t alignment;         /* 8 or 16: block sizes are multiples */
    uint32_t threshold;         /* largest small request (512 in CPython) */
    uint32_t arena_offset;      /* how far past a pool boundary an arena starts */
    int      keep_last_arena;   /* 3.9+: keep the last wholly free arena */
    int      radix_tree;        /* 3.10+: report the arena map lines */
    uint64_t heap_limit;        /* simulated bytes (arenas + raw chunks) allowed */
} SimProfile;

/*
 * Parses a profile spec: a base name, optionally followed by `,key=value`
 * overrides, e.g. "cpython-3.11", "classic", "cpython-3.11,arena=64K,pool=4K".
 * Keys: arena, pool, align, threshold, offset, limit, keeplast (0/1).
 * Sizes accept K, M and G suffixes.  Any override makes the name "custom".
 * Returns 0 on success; otherwise -1 with a message in err naming the
 * parameter that is wrong and why.
 */
int sim_profile_parse(const char *spec, SimProfile *out, char *err, size_t errcap);

/* Checks a filled-in profile; same contract as sim_profile_parse. */
int sim_profile_validate(const SimProfile *p, char *err, size_t errcap);

/* Number of size classes and blocks per pool of class `c` under `p`. */
unsigned sim_profile_nclasses(const SimProfile *p);
unsigned sim_profile_blocks_per_pool(const SimProfile *p, unsigned c);
/* Usable pools per arena under `p` (63 for cpython-3.11, 64 for classic). */
unsigned sim_profile_pools_per_arena(const SimProfile *p);

/* Creates a heap; NULL (with err filled) if the profile is invalid or the
 * host cannot reserve the address space. */
SimHeap *sim_heap_new(const SimProfile *p, char *err, size_t errcap);
void sim_heap_destroy(SimHeap *h);
const SimProfile *sim_heap_profile(const SimHeap *h);

/* Events: the sink gets every event whose category bit is in mask. */
void sim_heap_set_event_sink(SimHeap *h, SimEventFn fn, void *userdata, uint32_t mask);

/* PyObject_Malloc / PyObject_Realloc / PyObject_Free on the simulated heap.
 * malloc returns 0 when the heap limit is reached (MemoryError).  realloc
 * follows pymalloc_realloc: it stays in place when the new size fits the
 * block and is more than 3/4 of it. */
SimAddr sim_heap_malloc(SimHeap *h, size_t nbytes);
SimAddr sim_heap_realloc(SimHeap *h, SimAddr addr, size_t nbytes);

/* Frees a block.  Unlike CPython it checks its argument: 0 on success,
 * -1 (heap unchanged) if addr is not a live allocation of this heap. */
int sim_heap_free(SimHeap *h, SimAddr addr);

/* Usable bytes at a live simulated address (NULL if not one). */
void *sim_heap_bytes(SimHeap *h, SimAddr addr, size_t len);

/* Where a small block lives. */
typedef struct SimBlockInfo {
    int      small;     /* 1: pymalloc block; 0: raw-malloc chunk */
    uint32_t szclass;   /* size class (small only) */
    uint32_t size;      /* block bytes (small) or chunk bytes (raw) */
    uint32_t arena;     /* arena slot (small only) */
    uint32_t pool;      /* pool index in the arena (small only) */
    uint32_t block;     /* block index in the pool (small only) */
    SimAddr  pool_addr; /* pool header address (small only) */
} SimBlockInfo;

/* Fills *info for a live allocation; -1 if addr is not one. */
int sim_heap_locate(const SimHeap *h, SimAddr addr, SimBlockInfo *info);

/* Totals; blocks and bytes in use are counted by walking the pools. */
typedef struct SimHeapStats {
    uint64_t arenas_allocated_total;    /* every "mmap" of an arena */
    uint64_t arenas_current;            /* arenas held now */
    uint64_t arenas_highwater;          /* most arenas held at once */
    uint64_t blocks_in_use;             /* small blocks handed out */
    uint64_t bytes_in_use;              /* sum of their block sizes */
    uint64_t raw_blocks;                /* CPython's raw_allocated_blocks */
    uint64_t raw_bytes_requested;       /* sum of live raw request sizes */
    uint64_t raw_bytes_in_chunks;       /* sum of live raw chunk sizes */
    uint64_t raw_top;                   /* raw region high-water, bytes */
    uint64_t heap_bytes;                /* arenas*size + raw chunks: vs limit */
} SimHeapStats;

void sim_heap_stats(const SimHeap *h, SimHeapStats *out);

/* Writes the allocator part of sys._debugmallocstats(), byte for byte in
 * CPython 3.11's format, for this heap. */
void sim_heap_report(const SimHeap *h, SimWriteFn out, void *userdata);

/* Walks every arena, pool, free list and the raw region and verifies every
 * invariant above.  Returns the number of violations; the first one is
 * described in msg (which may be NULL). */
int sim_heap_check(const SimHeap *h, char *msg, size_t msgcap);

#endif /* SIM_HEAP_H */
