/*
 * alloc/pymalloc.h -- the simulated obmalloc, internal view.
 *
 * The heap state is split the way CPython 3.11 splits it:
 *
 *   - in simulated memory: pool headers (first 48 bytes of each pool), the
 *     free-block links (first word of each free block), the `usedpools`
 *     array of fake pool headers (in the static region), and the raw-malloc
 *     chunk headers.  Every link stored there is a simulated address.
 *   - in the host-side root (struct SimHeap): the arena_object vector,
 *     usable_arenas, unused_arena_objects, nfp2lasta and the counters --
 *     what CPython keeps in file-static variables and PyMem_RawRealloc'd
 *     memory.
 *
 * Simulated and host addresses differ by one constant: the whole simulated
 * space [SIM_SPACE_BASE, ...) is one host reservation, committed piecewise
 * as arenas appear, so translation is a single add or subtract.
 *
 * Pool states (CPython's words):
 *   used   0 < count < capacity, or count == capacity with virgin blocks
 *          left; linked in usedpools[szidx], front = where allocation goes
 *   full   no free block and no virgin block; on no list
 *   empty  count == 0, on its arena's freepools (singly linked, LIFO)
 * Arena objects are on usable_arenas (nfreepools > 0, ascending), on no
 * list (all pools in use), or on unused_arena_objects (address == 0).
 */
#ifndef ENGINE_ALLOC_PYMALLOC_H
#define ENGINE_ALLOC_PYMALLOC_H

#include <stdint.h>
#include <string.h>

#include "events/hub.h"
#include "sim/heap.h"

#define SIM_SPACE_BASE    UINT64_C(0x7f0000000000)
#define SIM_STATIC_BASE   SIM_SPACE_BASE                      /* 64 MiB */
#define SIM_STATIC_CAP    (UINT64_C(64) << 20)
#define SIM_ARENA_BASE    (SIM_SPACE_BASE + SIM_STATIC_CAP)   /* 16 GiB */
#define SIM_ARENA_CAP     (UINT64_C(16) << 30)
#define SIM_RAW_BASE      (SIM_ARENA_BASE + SIM_ARENA_CAP)
#define SIM_RAW_CAP_MAX   (UINT64_C(16) << 30)

#define PM_POOL_OVERHEAD  48u       /* sizeof(struct pool_header), rounded */
#define PM_MAX_CLASSES    64u       /* 512 / 8 */
#define PM_DUMMY_SIZE_IDX 0xffffu   /* szidx of a freshly carved pool */
#define PM_INITIAL_ARENA_OBJECTS 16u

/* CPython's struct pool_header, as laid out in simulated memory. */
typedef struct PmPool {
    uint32_t count;          /* blocks in use (a union padded to 8 bytes) */
    uint32_t count_pad_;
    uint64_t freeblock;      /* first free block, 0 when none */
    uint64_t nextpool;       /* usedpools / freepools link */
    uint64_t prevpool;       /* usedpools back link */
    uint32_t arenaindex;     /* slot in the arena vector */
    uint32_t szidx;          /* size class, PM_DUMMY_SIZE_IDX when carved */
    uint32_t nextoffset;     /* offset of the next virgin block */
    uint32_t maxnextoffset;  /* largest valid nextoffset */
} PmPool;

/* CPython's struct arena_object; links are slot indices, -1 for NULL. */
typedef struct PmArena {
    SimAddr  address;        /* "mmap" result, 0 when the slot is unused */
    SimAddr  pool_address;   /* next never-carved pool */
    uint32_t nfreepools;     /* empty pools + never-carved pools */
    uint32_t ntotalpools;    /* usable pools after alignment */
    SimAddr  freepools;      /* emptied pools, singly linked by nextpool */
    int32_t  nextarena;      /* usable_arenas or unused_arena_objects link */
    int32_t  prevarena;      /* usable_arenas back link */
} PmArena;

/* The raw-malloc region: a boundary-tag heap with a LIFO free list. */
typedef struct PmRaw {
    SimAddr  top;            /* first byte past the last chunk */
    SimAddr  committed;      /* first byte not yet committed */
    SimAddr  free_head;      /* most recently freed chunk, 0 if none */
    uint64_t cap;            /* region size in bytes */
    uint64_t blocks;         /* raw_allocated_blocks */
    uint64_t nchunks;        /* chunks in use */
    uint64_t requested;      /* sum of live request sizes */
    uint64_t in_chunks;      /* sum of live chunk sizes */
} PmRaw;

struct SimHeap {
    SimProfile prof;

    /* Derived from the profile once. */
    uint32_t nclasses;
    uint32_t align_shift;
    uint64_t pool_mask;                  /* pool_size - 1 */
    uint32_t arena_shift;                /* log2(arena_size) */
    uint32_t nblocks[PM_MAX_CLASSES];    /* blocks per pool, per class */
    uint32_t pools_per_arena;            /* usable pools per arena */
    uint32_t max_arena_slots;            /* arenas the region can hold */
    uint32_t committed_slots;            /* slots [0, n) have host pages */

    /* Host side of the simulated space. */
    unsigned char *host;                 /* host address of SIM_SPACE_BASE */
    uintptr_t bias;                      /* host address minus simulated address */
    uint64_t host_len;
    uint64_t static_used;                /* bump pointer, bytes */
    uint64_t static_committed;
    SimAddr  usedpools;                  /* &usedpools[0] */

    /* CPython's arena bookkeeping. */
    PmArena *arenas;
    uint32_t maxarenas;
    int32_t  unused_arena_objects;
    int32_t  usable_arenas;
    int32_t *nfp2lasta;                  /* [pools_per_arena + 1] */
    uint64_t ntimes_arena_allocated;
    uint64_t narenas_currently_allocated;
    uint64_t narenas_highwater;

    /* Arena map (radix tree) over 64-bit addresses: bits per level and
     * the nodes ever created, as keys (CPython never frees its nodes). */
    uint32_t  map_arena_bits, map_interior_bits, map_bot_bits;
    uint64_t *map_mid_keys, *map_bot_keys;
    uint32_t  map_mid_count, map_bot_count, map_cap;

    PmRaw raw;

    EvHub  own_events;
    EvHub *ev;                           /* own_events, or the engine's */
};

/* ---- address translation: one add or subtract ----
 * Hot loops copy h->bias into a local first: stores into simulated memory
 * may alias the heap struct, and would make the compiler reload it. */

static inline void *pm_host(const SimHeap *h, SimAddr a)
{
    return (void *)(uintptr_t)(a + h->bias);
}

static inline SimAddr pm_sim(const SimHeap *h, const void *p)
{
    return (SimAddr)((uintptr_t)p - h->bias);
}

static inline PmPool *pm_pool(const SimHeap *h, SimAddr a)
{
    return (PmPool *)pm_host(h, a);
}

static inline uint64_t pm_load64(const SimHeap *h, SimAddr a)
{
    uint64_t v;
    memcpy(&v, pm_host(h, a), sizeof v);
    return v;
}

static inline void pm_store64(SimHeap *h, SimAddr a, uint64_t v)
{
    memcpy(pm_host(h, a), &v, sizeof v);
}

/* The fake pool header whose nextpool/prevpool are usedpools[2c], [2c+1]. */
static inline SimAddr pm_usedpool_head(const SimHeap *h, uint32_t c)
{
    return h->usedpools + 16u * c - 2u * sizeof(uint64_t);
}

static inline uint32_t pm_class_size(const SimHeap *h, uint32_t c)
{
    return (c + 1u) << h->align_shift;
}

static inline SimAddr pm_arena_slot_base(const SimHeap *h, uint32_t slot)
{
    return SIM_ARENA_BASE + (uint64_t)slot * h->prof.arena_size + h->prof.arena_offset;
}

static inline SimAddr pm_arena_first_pool(const SimHeap *h, SimAddr base)
{
    return (base + h->pool_mask) & ~h->pool_mask;
}

/* Is `a` inside an allocated arena?  (CPython's address_in_range.) */
static inline int pm_in_arena(const SimHeap *h, SimAddr a)
{
    if (a < SIM_ARENA_BASE + h->prof.arena_offset) return 0;
    uint64_t slot = (a - SIM_ARENA_BASE - h->prof.arena_offset) >> h->arena_shift;
    return slot < h->maxarenas && h->arenas[slot].address != 0;
}

static inline int pm_in_raw(const SimHeap *h, SimAddr a)
{
    return a >= SIM_RAW_BASE && a < h->raw.top;
}

/* ---- host memory (region.c) ---- */
int  pm_region_reserve(SimHeap *h, char *err, size_t errcap);
void pm_region_release_all(SimHeap *h);
int  pm_region_commit(SimHeap *h, SimAddr a, uint64_t len);

/* Bump allocation in the static region; 0 when it is exhausted. */
SimAddr pm_static_alloc(SimHeap *h, uint64_t size, uint64_t align);

/* ---- the raw-malloc region (rawmalloc.c) ---- */
void    pm_raw_init(SimHeap *h);
SimAddr pm_raw_malloc(SimHeap *h, uint64_t nbytes);
SimAddr pm_raw_realloc(SimHeap *h, SimAddr a, uint64_t nbytes);
void    pm_raw_free(SimHeap *h, SimAddr a);
int     pm_raw_is_live(const SimHeap *h, SimAddr a);
uint64_t pm_raw_chunk_size(const SimHeap *h, SimAddr a);
uint64_t pm_raw_request(const SimHeap *h, SimAddr a);
int     pm_raw_check(const SimHeap *h, char *msg, size_t cap);

/* Bytes counted against the heap limit. */
static inline uint64_t pm_heap_bytes(const SimHeap *h)
{
    return h->narenas_currently_allocated * h->prof.arena_size +
           (h->raw.top - SIM_RAW_BASE);
}

/* ---- the small-object allocator (obmalloc.c) ----
 * Unchecked entry points for the object layer: pm_free and pm_realloc take
 * only addresses returned by pm_malloc/pm_realloc of the same heap.
 *
 * pm_malloc and pm_free are inline for their commonest case -- the class
 * has a used pool whose free list holds two or more blocks; the pool stays
 * used after the free -- and nobody listens to block events.  That case
 * changes nothing but the pool's count and free list, so it is exactly
 * pymalloc's own fast path; every other case goes to the full algorithm. */
SimAddr pm_malloc_slow(SimHeap *h, uint64_t nbytes);
void    pm_free_slow(SimHeap *h, SimAddr a);
SimAddr pm_realloc(SimHeap *h, SimAddr a, uint64_t nbytes);

static inline SimAddr pm_malloc(SimHeap *h, uint64_t nbytes)
{
    if (nbytes - 1 < h->prof.threshold && !ev_on(h->ev, SIM_EVCAT_BLOCK)) {
        const uintptr_t bias = h->bias;
        SimAddr head = pm_usedpool_head(h, (uint32_t)(nbytes - 1) >> h->align_shift);
        SimAddr pool = ((PmPool *)(uintptr_t)(head + bias))->nextpool;
        if (pool != head) {
            PmPool *p = (PmPool *)(uintptr_t)(pool + bias);
            SimAddr bp = p->freeblock, next;
            memcpy(&next, (void *)(uintptr_t)(bp + bias), sizeof next);
            if (next != 0) {
                p->count++;
                p->freeblock = next;
                return bp;
            }
        }
    }
    return pm_malloc_slow(h, nbytes);
}

static inline void pm_free(SimHeap *h, SimAddr a)
{
    if (pm_in_arena(h, a) && !ev_on(h->ev, SIM_EVCAT_BLOCK)) {
        const uintptr_t bias = h->bias;
        PmPool *p = (PmPool *)(uintptr_t)((a & ~h->pool_mask) + bias);
        SimAddr lastfree = p->freeblock;
        if (lastfree != 0 && p->count > 1) {
            memcpy((void *)(uintptr_t)(a + bias), &lastfree, sizeof lastfree);
            p->freeblock = a;
            p->count--;
            return;
        }
    }
    pm_free_slow(h, a);
}

/* Is `a` a block currently handed out (carved, not on a free list)? */
int pm_block_is_live(const SimHeap *h, SimAddr a);

/* Formats a check failure; always returns 1 (one violation). */
int pm_fail(char *msg, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* ENGINE_ALLOC_PYMALLOC_H */
