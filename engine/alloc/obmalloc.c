/*
 * obmalloc.c -- CPython 3.11's small-object allocator on simulated memory.
 *
 * The algorithm follows Objects/obmalloc.c step by step (pymalloc_alloc,
 * allocate_from_new_pool, pymalloc_pool_extend, pymalloc_free,
 * insert_to_usedpool, insert_to_freepool, new_arena, pymalloc_realloc), so
 * that every block, pool and arena lands exactly where CPython puts it.
 * Where this file differs from CPython it says why.
 */
#include <stdlib.h>

#include "alloc/pymalloc.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ---- events: built only when somebody listens ---- */

static uint32_t pool_index(const SimHeap *h, SimAddr pool)
{
    uint32_t slot = pm_pool(h, pool)->arenaindex;
    SimAddr first = pm_arena_first_pool(h, h->arenas[slot].address);
    return (uint32_t)((pool - first) / h->prof.pool_size);
}

/* Event building and the raw fallback are rare: keep them out of line.
 * Pool and arena transitions are merely less common -- out of line too,
 * but optimised for speed (pool-thrashing workloads live in them). */
#define COLD __attribute__((noinline, cold))
#define OUT_OF_LINE __attribute__((noinline))

static COLD void emit_pool(SimHeap *h, SimEventKind kind, SimAddr pool, int64_t a)
{
    SimEvent ev = EV_BLANK(kind);
    const PmPool *p = pm_pool(h, pool);
    ev.addr = pool;
    ev.arena = p->arenaindex;
    ev.pool = pool_index(h, pool);
    if (p->szidx != PM_DUMMY_SIZE_IDX) ev.szclass = (uint16_t)p->szidx;
    ev.a = a;
    ev_emit(h->ev, &ev);
}

static COLD void emit_block(SimHeap *h, SimEventKind kind, SimAddr bp, int64_t a, int64_t b)
{
    SimEvent ev = EV_BLANK(kind);
    SimAddr pool = bp & ~h->pool_mask;
    const PmPool *p = pm_pool(h, pool);
    ev.addr = bp;
    ev.arena = p->arenaindex;
    ev.pool = pool_index(h, pool);
    ev.szclass = (uint16_t)p->szidx;
    ev.block = (uint32_t)((bp - pool - PM_POOL_OVERHEAD) / pm_class_size(h, p->szidx));
    ev.a = a;
    ev.b = b;
    ev_emit(h->ev, &ev);
}

static COLD void emit_arena(SimHeap *h, SimEventKind kind, int32_t slot, int64_t a, int64_t b)
{
    SimEvent ev = EV_BLANK(kind);
    ev.addr = h->arenas[slot].address;
    ev.arena = (uint32_t)slot;
    ev.a = a;
    ev.b = b;
    ev_emit(h->ev, &ev);
}

/* ---- the arena map (radix tree): only its node counts are visible ---- */

static int remember_key(SimHeap *h, uint64_t **keys, uint32_t *count, uint64_t key)
{
    for (uint32_t i = 0; i < *count; i++)
        if ((*keys)[i] == key) return 0;
    if (*count == h->map_cap) {
        uint32_t cap = h->map_cap ? h->map_cap * 2 : 4;
        uint64_t *mid = realloc(h->map_mid_keys, cap * sizeof *mid);
        if (!mid) return -1;
        h->map_mid_keys = mid;
        uint64_t *bot = realloc(h->map_bot_keys, cap * sizeof *bot);
        if (!bot) return -1;
        h->map_bot_keys = bot;
        h->map_cap = cap; /* both arrays share one capacity */
    }
    (*keys)[(*count)++] = key;
    return 0;
}

static unsigned log2u(uint64_t v)
{
    unsigned n = 0;
    while (v > 1) {
        v >>= 1;
        n++;
    }
    return n;
}

/* arena_map_mark_used(base, 1): the nodes covering `base` and, for an
 * arena not aligned to its size, `base + ARENA_SIZE` too.  CPython never
 * frees map nodes, so the counts only grow. */
static int arena_map_mark(SimHeap *h, SimAddr base)
{
    unsigned bot_shift = h->map_arena_bits + h->map_bot_bits;
    SimAddr addrs[2] = {base, base + h->prof.arena_size};
    int n = (base & (h->prof.arena_size - 1)) ? 2 : 1;
    for (int i = 0; i < n; i++) {
        if (remember_key(h, &h->map_mid_keys, &h->map_mid_count,
                         addrs[i] >> (bot_shift + h->map_interior_bits)) ||
            remember_key(h, &h->map_bot_keys, &h->map_bot_count, addrs[i] >> bot_shift))
            return -1;
    }
    return 0;
}

/* ---- arenas ---- */

/* new_arena(): a slot from unused_arena_objects (growing the vector 16,
 * 32, 64, ... when none is left) and a fresh arena for it.  -1 when the
 * heap limit or the host says no; the slot stays unused then. */
static int32_t new_arena(SimHeap *h)
{
    if (h->unused_arena_objects < 0) {
        uint32_t numarenas = h->maxarenas ? h->maxarenas << 1 : PM_INITIAL_ARENA_OBJECTS;
        if (numarenas > h->max_arena_slots) numarenas = h->max_arena_slots;
        if (numarenas <= h->maxarenas) return -1;
        PmArena *v = realloc(h->arenas, numarenas * sizeof *v);
        if (!v) return -1;
        h->arenas = v;
        for (uint32_t i = h->maxarenas; i < numarenas; i++) {
            v[i].address = 0;
            v[i].nextarena = i + 1 < numarenas ? (int32_t)(i + 1) : -1;
            v[i].prevarena = -1;
        }
        h->unused_arena_objects = (int32_t)h->maxarenas;
        h->maxarenas = numarenas;
    }
    if (pm_heap_bytes(h) + h->prof.arena_size > h->prof.heap_limit) return -1;
    int32_t slot = h->unused_arena_objects;
    PmArena *ao = &h->arenas[slot];
    SimAddr base = pm_arena_slot_base(h, (uint32_t)slot);
    /* Slots are first used in increasing order, so the committed ones
     * are a prefix. */
    if ((uint32_t)slot >= h->committed_slots) {
        if (pm_region_commit(h, base, h->prof.arena_size) != 0) return -1;
        h->committed_slots = (uint32_t)slot + 1;
    }
    if (h->prof.radix_tree && arena_map_mark(h, base) != 0) return -1;
    h->unused_arena_objects = ao->nextarena;
    ao->address = base;
    h->narenas_currently_allocated++;
    h->ntimes_arena_allocated++;
    if (h->narenas_currently_allocated > h->narenas_highwater)
        h->narenas_highwater = h->narenas_currently_allocated;
    ao->freepools = 0;
    ao->pool_address = pm_arena_first_pool(h, base);
    ao->nfreepools = h->pools_per_arena;
    ao->ntotalpools = ao->nfreepools;
    ao->nextarena = ao->prevarena = -1;
    if (ev_on(h->ev, SIM_EVCAT_ARENA)) emit_arena(h, SIM_EV_ARENA_NEW, slot, ao->nfreepools, 0);
    return slot;
}

/* Unlinks the head of usable_arenas when it has no free pool left. */
static void drop_full_head(SimHeap *h)
{
    int32_t full = h->usable_arenas;
    h->usable_arenas = h->arenas[full].nextarena;
    if (h->usable_arenas >= 0) h->arenas[h->usable_arenas].prevarena = -1;
    h->arenas[full].nextarena = h->arenas[full].prevarena = -1;
    if (ev_on(h->ev, SIM_EVCAT_ARENA)) emit_arena(h, SIM_EV_ARENA_FULL, full, 0, 0);
}

/* ---- pools ---- */

/* allocate_from_new_pool(): take a pool from the fullest usable arena --
 * an emptied one first, else carve the next virgin pool -- put it at the
 * front of usedpools[size] and return its first free block. */
static OUT_OF_LINE SimAddr allocate_from_new_pool(SimHeap *h, uint32_t size)
{
    if (h->usable_arenas < 0) {
        int32_t slot = new_arena(h);
        if (slot < 0) return 0;
        h->usable_arenas = slot;
        h->nfp2lasta[h->arenas[slot].nfreepools] = slot;
    }
    int32_t ua = h->usable_arenas;
    PmArena *ao = &h->arenas[ua];

    /* The head has the fewest free pools; taking one keeps it the head. */
    if (h->nfp2lasta[ao->nfreepools] == ua) h->nfp2lasta[ao->nfreepools] = -1;
    if (ao->nfreepools > 1) h->nfp2lasta[ao->nfreepools - 1] = ua;

    SimAddr pool;
    int carved;
    if (ao->freepools) {
        pool = ao->freepools;
        ao->freepools = pm_pool(h, pool)->nextpool;
        carved = 0;
    } else {
        pool = ao->pool_address;
        PmPool *p = pm_pool(h, pool);
        p->arenaindex = (uint32_t)ua;
        p->szidx = PM_DUMMY_SIZE_IDX;
        ao->pool_address += h->prof.pool_size;
        carved = 1;
    }
    if (--ao->nfreepools == 0) drop_full_head(h);

    /* Frontlink to usedpools[size]. */
    PmPool *p = pm_pool(h, pool);
    SimAddr head = pm_usedpool_head(h, size);
    SimAddr next = pm_pool(h, head)->nextpool; /* == head: the list is empty */
    p->nextpool = next;
    p->prevpool = next;
    pm_pool(h, next)->nextpool = pool;
    pm_pool(h, next)->prevpool = pool;
    p->count = 1;

    SimAddr bp;
    if (p->szidx == size) {
        /* It last held this class: header and free list are still valid. */
        bp = p->freeblock;
        p->freeblock = pm_load64(h, bp);
        if (ev_on(h->ev, SIM_EVCAT_POOL)) emit_pool(h, SIM_EV_POOL_REUSE, pool, 0);
        return bp;
    }
    /* Hand out the first block, link the second, carve the rest lazily. */
    uint32_t sz = pm_class_size(h, size);
    p->szidx = size;
    bp = pool + PM_POOL_OVERHEAD;
    p->nextoffset = PM_POOL_OVERHEAD + 2 * sz;
    p->maxnextoffset = h->prof.pool_size - sz;
    p->freeblock = bp + sz;
    pm_store64(h, p->freeblock, 0);
    if (ev_on(h->ev, SIM_EVCAT_POOL)) emit_pool(h, SIM_EV_POOL_INIT, pool, carved);
    return bp;
}

/* pymalloc_pool_extend(): the free list ran dry; carve one more virgin
 * block, or unlink the pool as full. */
static OUT_OF_LINE void pool_extend(SimHeap *h, SimAddr pool, PmPool *p, uint32_t size)
{
    if (p->nextoffset <= p->maxnextoffset) {
        p->freeblock = pool + p->nextoffset;
        p->nextoffset += pm_class_size(h, size);
        pm_store64(h, p->freeblock, 0);
        return;
    }
    SimAddr next = p->nextpool, prev = p->prevpool;
    pm_pool(h, next)->prevpool = prev;
    pm_pool(h, prev)->nextpool = next;
    if (ev_on(h->ev, SIM_EVCAT_POOL)) emit_pool(h, SIM_EV_POOL_FULL, pool, 0);
}

/* pymalloc_alloc(): 0 when the request is not small or no arena can be
 * had; the caller then falls back to the raw region, as CPython does. */
static SimAddr pymalloc_alloc(SimHeap *h, uint64_t nbytes)
{
    if (nbytes - 1 >= h->prof.threshold) return 0; /* also catches 0 */
    const uintptr_t bias = h->bias;
    uint32_t size = (uint32_t)(nbytes - 1) >> h->align_shift;
    SimAddr head = pm_usedpool_head(h, size);
    SimAddr pool = ((PmPool *)(uintptr_t)(head + bias))->nextpool;
    SimAddr bp;
    if (LIKELY(pool != head)) {
        /* A used pool: pop the head of its free list. */
        PmPool *p = (PmPool *)(uintptr_t)(pool + bias);
        ++p->count;
        bp = p->freeblock;
        SimAddr next;
        memcpy(&next, (void *)(uintptr_t)(bp + bias), sizeof next);
        p->freeblock = next;
        if (UNLIKELY(next == 0)) pool_extend(h, pool, p, size);
    } else {
        bp = allocate_from_new_pool(h, size);
        if (!bp) return 0;
    }
    if (UNLIKELY(ev_on(h->ev, SIM_EVCAT_BLOCK)))
        emit_block(h, SIM_EV_BLOCK_ALLOC, bp, (int64_t)nbytes, 0);
    return bp;
}

/* insert_to_usedpool(): a full pool got a free block; link it in front. */
static OUT_OF_LINE void insert_to_usedpool(SimHeap *h, SimAddr pool, PmPool *p)
{
    SimAddr next = pm_pool(h, pm_usedpool_head(h, p->szidx))->nextpool;
    SimAddr prev = pm_pool(h, next)->prevpool;
    p->nextpool = next;
    p->prevpool = prev;
    pm_pool(h, next)->prevpool = pool;
    pm_pool(h, prev)->nextpool = pool;
    if (ev_on(h->ev, SIM_EVCAT_POOL)) emit_pool(h, SIM_EV_POOL_USED, pool, 0);
}

static void unlink_usable(SimHeap *h, int32_t slot)
{
    PmArena *ao = &h->arenas[slot];
    if (ao->prevarena < 0)
        h->usable_arenas = ao->nextarena;
    else
        h->arenas[ao->prevarena].nextarena = ao->nextarena;
    if (ao->nextarena >= 0) h->arenas[ao->nextarena].prevarena = ao->prevarena;
}

/* Frees an arena's memory and returns its slot to unused_arena_objects. */
static void free_arena(SimHeap *h, int32_t slot)
{
    PmArena *ao = &h->arenas[slot];
    if (ev_on(h->ev, SIM_EVCAT_ARENA)) emit_arena(h, SIM_EV_ARENA_FREE, slot, 0, 0);
    ao->nextarena = h->unused_arena_objects;
    ao->prevarena = -1;
    h->unused_arena_objects = slot;
    ao->address = 0;
    h->narenas_currently_allocated--;
}

/* insert_to_freepool(): the pool became empty.  Push it on its arena's
 * freepools and restore usable_arenas' order:
 *   1. arena wholly free -> release it (3.11: unless it is the last one);
 *   2. arena was full    -> link it at the head;
 *   3. a right neighbour now has fewer free pools -> slide it right, to
 *      just after the rightmost arena with its old count (nfp2lasta);
 *   4. otherwise nothing moves. */
static OUT_OF_LINE void insert_to_freepool(SimHeap *h, SimAddr pool, PmPool *p)
{
    SimAddr next = p->nextpool, prev = p->prevpool;
    pm_pool(h, next)->prevpool = prev;
    pm_pool(h, prev)->nextpool = next;
    if (ev_on(h->ev, SIM_EVCAT_POOL)) emit_pool(h, SIM_EV_POOL_EMPTY, pool, 0);

    int32_t slot = (int32_t)p->arenaindex;
    PmArena *ao = &h->arenas[slot];
    p->nextpool = ao->freepools;
    ao->freepools = pool;
    uint32_t nf = ao->nfreepools;
    int32_t lastnf = h->nfp2lasta[nf];
    if (lastnf == slot) { /* it was the rightmost with nf */
        int32_t pv = ao->prevarena;
        h->nfp2lasta[nf] = (pv >= 0 && h->arenas[pv].nfreepools == nf) ? pv : -1;
    }
    ao->nfreepools = ++nf;

    if (nf == ao->ntotalpools && !(h->prof.keep_last_arena && ao->nextarena < 0)) {
        /* Case 1.  Arenas hold at least two pools (profile.c), so this one
         * had a free pool before and is on usable_arenas. */
        unlink_usable(h, slot);
        free_arena(h, slot);
        return;
    }
    if (nf == 1) {
        /* Case 2. */
        ao->nextarena = h->usable_arenas;
        ao->prevarena = -1;
        if (h->usable_arenas >= 0) h->arenas[h->usable_arenas].prevarena = slot;
        h->usable_arenas = slot;
        if (h->nfp2lasta[1] < 0) h->nfp2lasta[1] = slot;
        if (ev_on(h->ev, SIM_EVCAT_ARENA)) emit_arena(h, SIM_EV_ARENA_MOVE, slot, nf, -1);
        return;
    }
    if (h->nfp2lasta[nf] < 0) h->nfp2lasta[nf] = slot;
    if (slot == lastnf) return; /* Case 4: already the rightmost of nf-1. */

    /* Case 3: move it to just after lastnf. */
    unlink_usable(h, slot);
    ao->prevarena = lastnf;
    ao->nextarena = h->arenas[lastnf].nextarena;
    if (ao->nextarena >= 0) h->arenas[ao->nextarena].prevarena = slot;
    h->arenas[lastnf].nextarena = slot;
    if (ev_on(h->ev, SIM_EVCAT_ARENA)) emit_arena(h, SIM_EV_ARENA_MOVE, slot, nf, lastnf);
}

/* pymalloc_free(): 0 when `bp` is not in an arena (then it is raw). */
static int pymalloc_free(SimHeap *h, SimAddr bp)
{
    if (UNLIKELY(!pm_in_arena(h, bp))) return 0;
    if (UNLIKELY(ev_on(h->ev, SIM_EVCAT_BLOCK))) emit_block(h, SIM_EV_BLOCK_FREE, bp, 0, 0);
    const uintptr_t bias = h->bias;
    SimAddr pool = bp & ~h->pool_mask;
    PmPool *p = (PmPool *)(uintptr_t)(pool + bias);
    SimAddr lastfree = p->freeblock;
    memcpy((void *)(uintptr_t)(bp + bias), &lastfree, sizeof lastfree);
    p->freeblock = bp;
    p->count--;
    if (UNLIKELY(lastfree == 0)) { /* it was full */
        insert_to_usedpool(h, pool, p);
        return 1;
    }
    if (LIKELY(p->count != 0)) return 1;
    insert_to_freepool(h, pool, p);
    return 1;
}

/* ---- the PyObject_* entry points ---- */

/* Requests pymalloc does not serve: counted as raw_allocated_blocks. */
static COLD SimAddr raw_fallback_malloc(SimHeap *h, uint64_t nbytes)
{
    SimAddr bp = pm_raw_malloc(h, nbytes);
    if (bp) h->raw.blocks++;
    return bp;
}

static COLD void raw_fallback_free(SimHeap *h, SimAddr a)
{
    pm_raw_free(h, a);
    h->raw.blocks--;
}

SimAddr pm_malloc_slow(SimHeap *h, uint64_t nbytes)
{
    SimAddr bp = pymalloc_alloc(h, nbytes);
    if (LIKELY(bp != 0)) return bp;
    return raw_fallback_malloc(h, nbytes);
}

void pm_free_slow(SimHeap *h, SimAddr a)
{
    if (UNLIKELY(!a)) return;
    if (UNLIKELY(!pymalloc_free(h, a))) raw_fallback_free(h, a);
}

SimAddr pm_realloc(SimHeap *h, SimAddr a, uint64_t nbytes)
{
    if (!a) return pm_malloc(h, nbytes);
    if (!pm_in_arena(h, a)) return pm_raw_realloc(h, a, nbytes);

    uint64_t size = pm_class_size(h, pm_pool(h, a & ~h->pool_mask)->szidx);
    SimAddr bp;
    if (nbytes <= size && 4 * nbytes > 3 * size) {
        /* Same block or shrinking by at most a quarter: stay. */
        bp = a;
    } else {
        if (nbytes < size) size = nbytes;
        bp = pm_malloc(h, nbytes);
        if (!bp) return 0;
        memcpy(pm_host(h, bp), pm_host(h, a), size);
        pm_free(h, a);
    }
    if (ev_on(h->ev, SIM_EVCAT_BLOCK)) {
        if (pm_in_arena(h, bp)) {
            emit_block(h, SIM_EV_REALLOC, bp, (int64_t)nbytes, (int64_t)a);
        } else {
            SimEvent ev = EV_BLANK(SIM_EV_REALLOC);
            ev.addr = bp;
            ev.a = (int64_t)nbytes;
            ev.b = (int64_t)a;
            ev_emit(h->ev, &ev);
        }
    }
    return bp;
}

int pm_block_is_live(const SimHeap *h, SimAddr a)
{
    if (!pm_in_arena(h, a)) return 0;
    SimAddr pool = a & ~h->pool_mask;
    const PmArena *ao = &h->arenas[(a - SIM_ARENA_BASE - h->prof.arena_offset) /
                                   h->prof.arena_size];
    if (pool < pm_arena_first_pool(h, ao->address) || pool >= ao->pool_address) return 0;
    const PmPool *p = pm_pool(h, pool);
    if (p->count == 0 || p->szidx >= h->nclasses) return 0;
    uint64_t off = a - pool, sz = pm_class_size(h, p->szidx);
    if (off < PM_POOL_OVERHEAD || (off - PM_POOL_OVERHEAD) % sz || off >= p->nextoffset)
        return 0;
    uint64_t carved = (p->nextoffset - PM_POOL_OVERHEAD) / sz;
    uint64_t steps = 0;
    for (SimAddr f = p->freeblock; f; f = pm_load64(h, f)) {
        if (f == a || ++steps > carved) return 0;
    }
    return 1;
}

/* ---- lifecycle and the public API ---- */

SimHeap *sim_heap_new(const SimProfile *prof, char *err, size_t errcap)
{
    if (sim_profile_validate(prof, err, errcap) != 0) return NULL;
    SimHeap *h = calloc(1, sizeof *h);
    if (!h) {
        pm_fail(err, errcap, "out of host memory");
        return NULL;
    }
    h->prof = *prof;
    h->nclasses = sim_profile_nclasses(prof);
    h->align_shift = log2u(prof->alignment);
    h->pool_mask = prof->pool_size - 1u;
    h->arena_shift = log2u(prof->arena_size);
    for (uint32_t c = 0; c < h->nclasses; c++) h->nblocks[c] = sim_profile_blocks_per_pool(prof, c);
    h->pools_per_arena = sim_profile_pools_per_arena(prof);
    h->map_arena_bits = log2u(prof->arena_size);
    h->map_interior_bits = (64 - h->map_arena_bits + 2) / 3;
    h->map_bot_bits = 64 - h->map_arena_bits - 2 * h->map_interior_bits;
    h->max_arena_slots = (uint32_t)((SIM_ARENA_CAP - prof->arena_offset) / prof->arena_size);
    h->unused_arena_objects = h->usable_arenas = -1;
    ev_init(&h->own_events);
    h->ev = &h->own_events;
    h->nfp2lasta = malloc((h->pools_per_arena + 1u) * sizeof *h->nfp2lasta);
    if (!h->nfp2lasta || pm_region_reserve(h, err, errcap) != 0) {
        if (!h->nfp2lasta) pm_fail(err, errcap, "out of host memory");
        sim_heap_destroy(h);
        return NULL;
    }
    for (uint32_t i = 0; i <= h->pools_per_arena; i++) h->nfp2lasta[i] = -1;

    /* usedpools[2c] and [2c+1] start out pointing at their own fake
     * header, 16 bytes before them: an empty circular list. */
    SimAddr up = pm_static_alloc(h, 16 + 16u * h->nclasses, 16);
    if (!up) {
        pm_fail(err, errcap, "cannot commit the static region");
        sim_heap_destroy(h);
        return NULL;
    }
    h->usedpools = up + 16;
    for (uint32_t c = 0; c < h->nclasses; c++) {
        SimAddr head = pm_usedpool_head(h, c);
        pm_store64(h, h->usedpools + 16u * c, head);
        pm_store64(h, h->usedpools + 16u * c + 8, head);
    }
    pm_raw_init(h);
    return h;
}

void sim_heap_destroy(SimHeap *h)
{
    if (!h) return;
    pm_region_release_all(h);
    free(h->arenas);
    free(h->nfp2lasta);
    free(h->map_mid_keys);
    free(h->map_bot_keys);
    free(h);
}

const SimProfile *sim_heap_profile(const SimHeap *h) { return &h->prof; }

void sim_heap_set_event_sink(SimHeap *h, SimEventFn fn, void *userdata, uint32_t mask)
{
    ev_set_sink(h->ev, fn, userdata, mask);
}

#ifdef REFSCOPE_SELFCHECK
#include <stdio.h>
/* Debug builds verify the whole heap after every public operation. */
static void selfcheck(const SimHeap *h, const char *op)
{
    char msg[256];
    if (sim_heap_check(h, msg, sizeof msg) != 0) {
        fprintf(stderr, "refscope: heap self-check failed after %s: %s\n", op, msg);
        abort();
    }
}
#else
#define selfcheck(h, op) ((void)0)
#endif

SimAddr sim_heap_malloc(SimHeap *h, size_t nbytes)
{
    SimAddr a = pm_malloc(h, nbytes);
    selfcheck(h, "malloc");
    return a;
}

static int is_live(const SimHeap *h, SimAddr a)
{
    return pm_in_arena(h, a) ? pm_block_is_live(h, a) : pm_raw_is_live(h, a);
}

SimAddr sim_heap_realloc(SimHeap *h, SimAddr a, size_t nbytes)
{
    if (a && !is_live(h, a)) return 0;
    SimAddr b = pm_realloc(h, a, nbytes);
    selfcheck(h, "realloc");
    return b;
}

int sim_heap_free(SimHeap *h, SimAddr a)
{
    if (!a) return 0;
    if (!is_live(h, a)) return -1;
    pm_free(h, a);
    selfcheck(h, "free");
    return 0;
}

int sim_heap_locate(const SimHeap *h, SimAddr a, SimBlockInfo *info)
{
    memset(info, 0, sizeof *info);
    if (pm_in_arena(h, a)) {
        if (!pm_block_is_live(h, a)) return -1;
        SimAddr pool = a & ~h->pool_mask;
        const PmPool *p = pm_pool(h, pool);
        info->small = 1;
        info->szclass = p->szidx;
        info->size = pm_class_size(h, p->szidx);
        info->arena = p->arenaindex;
        info->pool = pool_index(h, pool);
        info->block = (uint32_t)((a - pool - PM_POOL_OVERHEAD) / info->size);
        info->pool_addr = pool;
        return 0;
    }
    if (!pm_raw_is_live(h, a)) return -1;
    info->size = (uint32_t)pm_raw_chunk_size(h, a);
    info->arena = info->pool = info->block = SIM_NONE;
    return 0;
}

void *sim_heap_bytes(SimHeap *h, SimAddr a, size_t len)
{
    uint64_t usable;
    if (pm_in_arena(h, a)) {
        if (!pm_block_is_live(h, a)) return NULL;
        usable = pm_class_size(h, pm_pool(h, a & ~h->pool_mask)->szidx);
    } else {
        if (!pm_raw_is_live(h, a)) return NULL;
        usable = pm_raw_chunk_size(h, a) - 16;
    }
    return len <= usable ? pm_host(h, a) : NULL;
}

void sim_heap_stats(const SimHeap *h, SimHeapStats *out)
{
    memset(out, 0, sizeof *out);
    for (uint32_t i = 0; i < h->maxarenas; i++) {
        const PmArena *ao = &h->arenas[i];
        if (!ao->address) continue;
        for (SimAddr pool = pm_arena_first_pool(h, ao->address); pool < ao->pool_address;
             pool += h->prof.pool_size) {
            const PmPool *p = pm_pool(h, pool);
            if (p->count == 0) continue;
            out->blocks_in_use += p->count;
            out->bytes_in_use += (uint64_t)p->count * pm_class_size(h, p->szidx);
        }
    }
    out->arenas_allocated_total = h->ntimes_arena_allocated;
    out->arenas_current = h->narenas_currently_allocated;
    out->arenas_highwater = h->narenas_highwater;
    out->raw_blocks = h->raw.blocks;
    out->raw_bytes_requested = h->raw.requested;
    out->raw_bytes_in_chunks = h->raw.in_chunks;
    out->raw_top = h->raw.top - SIM_RAW_BASE;
    out->heap_bytes = pm_heap_bytes(h);
}
