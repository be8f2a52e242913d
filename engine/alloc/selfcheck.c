/*
 * selfcheck.c -- every invariant of the simulated heap, verified by walking
 * it (the white-box checker of style anchor 14; cf. Lua's checkmemory).
 *
 * It recomputes from the memory itself what the allocator keeps in
 * counters and lists, and compares: pool counts against free lists,
 * usedpools membership against pool states, usable_arenas order and
 * membership, nfp2lasta, unused slots, the keep-last rule, the running
 * totals, and the raw region (rawmalloc.c).
 */
#include <stdlib.h>

#include "alloc/pymalloc.h"

#define ULL(x) ((unsigned long long)(x))

/* Marks a pool as "seen on a used list"; a small open-addressing set. */
typedef struct PoolSet {
    SimAddr *slots;
    size_t cap;
} PoolSet;

static int set_add(PoolSet *s, SimAddr a)
{
    size_t i = (size_t)(a >> 8) * 2654435761u % s->cap;
    while (s->slots[i]) {
        if (s->slots[i] == a) return 0;
        i = (i + 1) % s->cap;
    }
    s->slots[i] = a;
    return 1;
}

static int set_has(const PoolSet *s, SimAddr a)
{
    size_t i = (size_t)(a >> 8) * 2654435761u % s->cap;
    while (s->slots[i]) {
        if (s->slots[i] == a) return 1;
        i = (i + 1) % s->cap;
    }
    return 0;
}

/* Checks one carved pool with count > 0: header fields and free list. */
static int check_pool(const SimHeap *h, uint32_t slot, SimAddr pool, unsigned char *mark,
                      char *msg, size_t cap)
{
    const PmPool *p = pm_pool(h, pool);
    if (p->arenaindex != slot)
        return pm_fail(msg, cap, "pool 0x%llx says arena %u but lies in arena %u",
                       ULL(pool), p->arenaindex, slot);
    if (p->szidx >= h->nclasses)
        return pm_fail(msg, cap, "pool 0x%llx in use with size class %u", ULL(pool), p->szidx);
    uint32_t sz = pm_class_size(h, p->szidx), nb = h->nblocks[p->szidx];
    if (p->maxnextoffset != h->prof.pool_size - sz)
        return pm_fail(msg, cap, "pool 0x%llx: maxnextoffset %u, expected %u", ULL(pool),
                       p->maxnextoffset, h->prof.pool_size - sz);
    if (p->nextoffset < PM_POOL_OVERHEAD + sz || (p->nextoffset - PM_POOL_OVERHEAD) % sz ||
        p->nextoffset > p->maxnextoffset + sz)
        return pm_fail(msg, cap, "pool 0x%llx: nextoffset %u is not a block boundary "
                       "inside the pool", ULL(pool), p->nextoffset);
    uint32_t carved = (p->nextoffset - PM_POOL_OVERHEAD) / sz;
    if (p->count > carved || carved > nb)
        return pm_fail(msg, cap, "pool 0x%llx: count %u, %u blocks carved, capacity %u",
                       ULL(pool), p->count, carved, nb);
    memset(mark, 0, carved);
    uint32_t nfree = 0;
    for (SimAddr f = p->freeblock; f; f = pm_load64(h, f)) {
        uint64_t off = f - pool;
        if (f < pool || off < PM_POOL_OVERHEAD || off >= p->nextoffset ||
            (off - PM_POOL_OVERHEAD) % sz)
            return pm_fail(msg, cap, "pool 0x%llx: free-list entry 0x%llx is not a carved "
                           "block of the pool", ULL(pool), ULL(f));
        uint32_t b = (uint32_t)((off - PM_POOL_OVERHEAD) / sz);
        if (mark[b])
            return pm_fail(msg, cap, "pool 0x%llx: block %u is on the free list twice "
                           "(a double free, or a cycle)", ULL(pool), b);
        mark[b] = 1;
        nfree++;
    }
    if (p->count + nfree != carved)
        return pm_fail(msg, cap, "pool 0x%llx: %u in use + %u free != %u carved: a block "
                       "is both free and in use, or lost", ULL(pool), p->count, nfree, carved);
    return 0;
}

/* Used-pool lists: circular through the fake header, consistent links,
 * right class, and the pool is neither empty nor full. */
static int check_usedpools(const SimHeap *h, PoolSet *used, uint64_t limit, char *msg,
                           size_t cap)
{
    for (uint32_t c = 0; c < h->nclasses; c++) {
        SimAddr head = pm_usedpool_head(h, c), prev = head;
        uint64_t n = 0;
        for (SimAddr p = pm_pool(h, head)->nextpool; p != head; p = pm_pool(h, p)->nextpool) {
            if (!pm_in_arena(h, p) || (p & h->pool_mask))
                return pm_fail(msg, cap, "usedpools[%u] links to 0x%llx, not a pool",
                               c, ULL(p));
            if (++n > limit)
                return pm_fail(msg, cap, "usedpools[%u] does not return to its head", c);
            const PmPool *pp = pm_pool(h, p);
            if (pp->prevpool != prev)
                return pm_fail(msg, cap, "usedpools[%u]: back link of 0x%llx broken", c, ULL(p));
            if (pp->szidx != c)
                return pm_fail(msg, cap, "pool 0x%llx of class %u is on usedpools[%u]",
                               ULL(p), pp->szidx, c);
            if (pp->count == 0 || pp->freeblock == 0)
                return pm_fail(msg, cap, "pool 0x%llx on usedpools[%u] is %s", ULL(p), c,
                               pp->count == 0 ? "empty" : "full");
            if (!set_add(used, p))
                return pm_fail(msg, cap, "pool 0x%llx is on a used list twice", ULL(p));
            prev = p;
        }
        if (pm_pool(h, head)->prevpool != prev)
            return pm_fail(msg, cap, "usedpools[%u]: the head's back link is stale", c);
    }
    return 0;
}

static int check_arenas(const SimHeap *h, const PoolSet *used, char *msg, size_t cap)
{
    uint64_t narenas = 0, wholly_free = 0;
    unsigned char *mark = malloc(h->prof.pool_size / h->prof.alignment + 1);
    if (!mark) return pm_fail(msg, cap, "out of host memory for the check");
    int bad = 0;
    for (uint32_t i = 0; i < h->maxarenas && !bad; i++) {
        const PmArena *ao = &h->arenas[i];
        if (!ao->address) continue;
        narenas++;
        SimAddr first = pm_arena_first_pool(h, ao->address);
        SimAddr end = first + (uint64_t)ao->ntotalpools * h->prof.pool_size;
        if (ao->address != pm_arena_slot_base(h, i) || ao->ntotalpools != h->pools_per_arena ||
            ao->pool_address < first || ao->pool_address > end ||
            (ao->pool_address - first) % h->prof.pool_size) {
            bad = pm_fail(msg, cap, "arena %u: address/pool_address/ntotalpools corrupt", i);
            break;
        }
        uint64_t virgin = (end - ao->pool_address) / h->prof.pool_size, emptied = 0;
        for (SimAddr f = ao->freepools; f; f = pm_pool(h, f)->nextpool) {
            if (f < first || f >= ao->pool_address || (f & h->pool_mask) ||
                ++emptied > ao->ntotalpools) {
                bad = pm_fail(msg, cap, "arena %u: freepools holds 0x%llx, not one of its "
                              "carved pools", i, ULL(f));
                break;
            }
            if (pm_pool(h, f)->count != 0)
                bad = pm_fail(msg, cap, "arena %u: pool 0x%llx on freepools has count %u",
                              i, ULL(f), pm_pool(h, f)->count);
        }
        if (bad) break;
        if (ao->nfreepools != virgin + emptied) {
            bad = pm_fail(msg, cap, "arena %u: nfreepools %u but %llu virgin + %llu "
                          "emptied pools", i, ao->nfreepools, ULL(virgin), ULL(emptied));
            break;
        }
        if (ao->nfreepools == ao->ntotalpools) wholly_free++;
        uint64_t empty_seen = 0;
        for (SimAddr pool = first; pool < ao->pool_address && !bad; pool += h->prof.pool_size) {
            const PmPool *p = pm_pool(h, pool);
            if (p->count == 0) {
                empty_seen++;
                if (set_has(used, pool))
                    bad = pm_fail(msg, cap, "empty pool 0x%llx is on a used list", ULL(pool));
                continue;
            }
            bad = check_pool(h, i, pool, mark, msg, cap);
            if (bad) break;
            int full = p->freeblock == 0;
            if (full == set_has(used, pool))
                bad = pm_fail(msg, cap, "pool 0x%llx is %s but %s a used list", ULL(pool),
                              full ? "full" : "partly used", full ? "on" : "not on");
        }
        if (!bad && empty_seen != emptied)
            bad = pm_fail(msg, cap, "arena %u: %llu carved pools are empty but %llu are on "
                          "freepools", i, ULL(empty_seen), ULL(emptied));
    }
    free(mark);
    if (bad) return bad;
    if (narenas != h->narenas_currently_allocated)
        return pm_fail(msg, cap, "%llu arenas allocated but the counter says %llu",
                       ULL(narenas), ULL(h->narenas_currently_allocated));
    if (h->narenas_highwater < narenas || h->ntimes_arena_allocated < h->narenas_highwater)
        return pm_fail(msg, cap, "arena counters out of order (total %llu, highwater %llu, "
                       "current %llu)", ULL(h->ntimes_arena_allocated),
                       ULL(h->narenas_highwater), ULL(narenas));
    if (wholly_free > (h->prof.keep_last_arena ? 1u : 0u))
        return pm_fail(msg, cap, "%llu wholly free arenas are kept", ULL(wholly_free));
    return 0;
}

/* usable_arenas: exactly the arenas with a free pool, ascending, with
 * nfp2lasta naming the rightmost of each count; unused slots listed. */
static int check_arena_lists(const SimHeap *h, char *msg, size_t cap)
{
    uint64_t listed = 0, expected = 0;
    for (uint32_t i = 0; i < h->maxarenas; i++)
        if (h->arenas[i].address && h->arenas[i].nfreepools > 0) expected++;
    int32_t prev = -1;
    for (int32_t a = h->usable_arenas; a >= 0; a = h->arenas[a].nextarena) {
        const PmArena *ao = &h->arenas[a];
        if ((uint32_t)a >= h->maxarenas || !ao->address || ++listed > expected)
            return pm_fail(msg, cap, "usable_arenas holds slot %d, which is unused, full "
                           "or listed twice", a);
        if (ao->prevarena != prev)
            return pm_fail(msg, cap, "usable_arenas: back link of arena %d broken", a);
        if (prev >= 0 && h->arenas[prev].nfreepools > ao->nfreepools)
            return pm_fail(msg, cap, "usable_arenas not ascending: arena %d (%u free) "
                           "before arena %d (%u free)", prev, h->arenas[prev].nfreepools,
                           a, ao->nfreepools);
        int rightmost = ao->nextarena < 0 ||
                        h->arenas[ao->nextarena].nfreepools != ao->nfreepools;
        if (rightmost != (h->nfp2lasta[ao->nfreepools] == a))
            return pm_fail(msg, cap, "nfp2lasta[%u] is %d; the rightmost arena with %u "
                           "free pools is %s%d", ao->nfreepools,
                           h->nfp2lasta[ao->nfreepools], ao->nfreepools,
                           rightmost ? "" : "not ", a);
        if (h->prof.keep_last_arena && ao->nfreepools == ao->ntotalpools && ao->nextarena >= 0)
            return pm_fail(msg, cap, "wholly free arena %d is not the last usable arena", a);
        prev = a;
    }
    if (listed != expected)
        return pm_fail(msg, cap, "%llu arenas have free pools but %llu are on usable_arenas",
                       ULL(expected), ULL(listed));
    if (h->nfp2lasta[0] >= 0)
        return pm_fail(msg, cap, "nfp2lasta[0] names arena %d: full arenas are on no list",
                       h->nfp2lasta[0]);
    for (uint32_t k = 1; k <= h->pools_per_arena; k++) {
        int32_t a = h->nfp2lasta[k];
        if (a >= 0 && ((uint32_t)a >= h->maxarenas || !h->arenas[a].address ||
                       h->arenas[a].nfreepools != k))
            return pm_fail(msg, cap, "nfp2lasta[%u] names arena %d, which does not have "
                           "%u free pools", k, a, k);
    }
    uint64_t unused = 0, expected_unused = 0;
    for (uint32_t i = 0; i < h->maxarenas; i++)
        if (!h->arenas[i].address) expected_unused++;
    for (int32_t a = h->unused_arena_objects; a >= 0; a = h->arenas[a].nextarena) {
        if ((uint32_t)a >= h->maxarenas || h->arenas[a].address || ++unused > expected_unused)
            return pm_fail(msg, cap, "unused_arena_objects holds slot %d, which is in use "
                           "or listed twice", a);
    }
    if (unused != expected_unused)
        return pm_fail(msg, cap, "%llu unused arena slots but %llu on unused_arena_objects",
                       ULL(expected_unused), ULL(unused));
    return 0;
}

int sim_heap_check(const SimHeap *h, char *msg, size_t cap)
{
    if (msg && cap) msg[0] = '\0';
    uint64_t carved = 0;
    for (uint32_t i = 0; i < h->maxarenas; i++)
        if (h->arenas[i].address)
            carved += (h->arenas[i].pool_address -
                       pm_arena_first_pool(h, h->arenas[i].address)) / h->prof.pool_size;
    PoolSet used = {NULL, 2 * carved + 1};
    used.slots = calloc(used.cap, sizeof *used.slots);
    if (!used.slots) return pm_fail(msg, cap, "out of host memory for the check");
    int bad = check_usedpools(h, &used, carved, msg, cap);
    if (!bad) bad = check_arenas(h, &used, msg, cap);
    free(used.slots);
    if (!bad) bad = check_arena_lists(h, msg, cap);
    if (!bad) bad = pm_raw_check(h, msg, cap);
    return bad;
}
