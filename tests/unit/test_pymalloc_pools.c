/*
 * test_pymalloc_pools.c -- size classes, blocks, pools: where an allocation
 * lands, LIFO reuse, lazy carving, the used/full/empty transitions.
 * Expected values come from CPython 3.11's rules (reference §1), computed
 * here independently of the allocator.
 */
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"

/* Blocks per pool, per the reference's table for 3.11 and for classic. */
static void test_blocks_per_pool_tables(void **state)
{
    (void)state;
    static const unsigned b311[32] = {1021, 510, 340, 255, 204, 170, 145, 127, 113, 102, 92,
                                      85,   78,  72,  68,  63,  60,  56,  53,  51,  48,  46,
                                      44,   42,  40,  39,  37,  36,  35,  34,  32,  31};
    SimProfile p;
    char err[200];
    assert_int_equal(sim_profile_parse("cpython-3.11", &p, err, sizeof err), 0);
    assert_int_equal(sim_profile_nclasses(&p), 32);
    for (unsigned c = 0; c < 32; c++) assert_int_equal(sim_profile_blocks_per_pool(&p, c), b311[c]);
    assert_int_equal(sim_profile_pools_per_arena(&p), 63);

    assert_int_equal(sim_profile_parse("classic", &p, err, sizeof err), 0);
    assert_int_equal(sim_profile_nclasses(&p), 64);
    assert_int_equal(sim_profile_blocks_per_pool(&p, 0), 506);   /* 8 bytes */
    assert_int_equal(sim_profile_blocks_per_pool(&p, 1), 253);   /* 16 */
    assert_int_equal(sim_profile_blocks_per_pool(&p, 2), 168);   /* 24 */
    assert_int_equal(sim_profile_blocks_per_pool(&p, 3), 126);   /* 32 */
    assert_int_equal(sim_profile_blocks_per_pool(&p, 7), 63);    /* 64 */
    assert_int_equal(sim_profile_blocks_per_pool(&p, 63), 7);    /* 512 */
    assert_int_equal(sim_profile_pools_per_arena(&p), 64);
}

/* Request n goes to class (n-1)>>4; a class's first request opens the
 * next virgin pool of arena 0; later ones take the next block there. */
static void test_size_classes(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    const SimProfile *prof = sim_heap_profile(h);
    static const size_t sizes[] = {1, 16, 17, 24, 28, 32, 33, 56, 64, 100, 184, 500, 511, 512};
    int pool_of[32], used[32] = {0}, npools = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned c = (unsigned)(sizes[i] - 1) >> 4, size = (c + 1) * 16;
        if (!used[c]) pool_of[c] = npools++;
        SimAddr a = ts_alloc(h, sizes[i]);
        SimBlockInfo bi = ts_where(h, a);
        assert_true(bi.small);
        assert_int_equal(bi.szclass, c);
        assert_int_equal(bi.size, size);
        assert_int_equal(bi.arena, 0);
        assert_int_equal(bi.pool, pool_of[c]);
        assert_int_equal(bi.block, used[c]);
        assert_int_equal(a, ts_block_addr(prof, 0, (uint32_t)pool_of[c], (uint32_t)used[c], size));
        assert_int_equal(a % 16, 0);
        used[c]++;
    }
    assert_int_equal(npools, 7); /* classes 0, 1, 2, 3, 6, 11, 31 */
    sim_heap_destroy(h);
}

/* Freeing b5 then b3 makes the next two allocations return b3 then b5. */
static void test_lifo_reuse(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr b[8];
    for (int i = 0; i < 8; i++) b[i] = ts_alloc(h, 24);
    for (int i = 1; i < 8; i++) assert_int_equal(b[i], b[i - 1] + 32); /* carved in order */
    ts_free(h, b[5]);
    ts_free(h, b[3]);
    assert_int_equal(ts_alloc(h, 24), b[3]);
    assert_int_equal(ts_alloc(h, 24), b[5]);
    /* Freed blocks come back before any virgin block. */
    assert_int_equal(ts_alloc(h, 24), b[7] + 32);
    sim_heap_destroy(h);
}

/* Carving is lazy: nextoffset advances one block per dry free list. */
static void test_lazy_carving(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr a = ts_alloc(h, 100); /* class 6, 112 bytes */
    SimAddr pool = a & ~(SimAddr)(16384 - 1);
    const PmPool *p = pm_pool(h, pool);
    assert_int_equal(p->szidx, 6);
    assert_int_equal(p->count, 1);
    assert_int_equal(p->nextoffset, 48 + 2 * 112);
    assert_int_equal(p->maxnextoffset, 16384 - 112);
    assert_int_equal(p->freeblock, a + 112);
    ts_alloc(h, 100);
    assert_int_equal(p->nextoffset, 48 + 3 * 112);
    assert_int_equal(p->freeblock, a + 2 * 112);
    sim_heap_destroy(h);
}

/* A pool that fills is unlinked; the next request opens a new pool; a
 * free into the full pool puts it back at the front of usedpools. */
static void test_full_pool_goes_to_front(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    const SimProfile *prof = sim_heap_profile(h);
    enum { N = 340 }; /* 48-byte class */
    SimAddr first[N];
    for (int i = 0; i < N; i++) first[i] = ts_alloc(h, 48);
    assert_int_equal(first[N - 1], ts_block_addr(prof, 0, 0, N - 1, 48));
    SimAddr usedhead = pm_pool(h, pm_usedpool_head(h, 2))->nextpool;
    assert_int_equal(usedhead, pm_usedpool_head(h, 2)); /* pool 0 is full: list empty */

    SimAddr next = ts_alloc(h, 48);
    assert_int_equal(next, ts_block_addr(prof, 0, 1, 0, 48));
    ts_free(h, first[100]); /* pool 0 was full: it goes in front of pool 1 */
    assert_int_equal(ts_alloc(h, 48), first[100]);
    /* pool 0 is full again and off the list; pool 1 serves the next one */
    assert_int_equal(ts_alloc(h, 48), ts_block_addr(prof, 0, 1, 1, 48));
    sim_heap_destroy(h);
}

/* An emptied pool goes to its arena's freepools and is the next pool
 * taken: re-initialised for another class, or reused with its old free
 * list for the same class. */
static void test_empty_pool_reuse(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    const SimProfile *prof = sim_heap_profile(h);
    SimAddr x = ts_alloc(h, 24);      /* class 1, pool 0 */
    SimAddr y = ts_alloc(h, 24);
    SimAddr z = ts_alloc(h, 200);     /* class 12, pool 1 */
    ts_free(h, x);
    ts_free(h, y);                    /* pool 0 empty: y on top of its list */
    assert_int_equal(h->arenas[0].freepools, ts_block_addr(prof, 0, 0, 0, 32) - 48);
    assert_int_equal(h->arenas[0].nfreepools, 63 - 1);

    /* Same class: the old free list is kept, so y (freed last) comes back. */
    assert_int_equal(ts_alloc(h, 30), y);
    ts_free(h, y);
    /* Another class: the pool is re-initialised, first block at +48. */
    SimAddr w = ts_alloc(h, 400);
    assert_int_equal(w, ts_block_addr(prof, 0, 0, 0, 400));
    assert_int_equal(ts_where(h, w).szclass, 24);
    /* The class-1 request now needs a pool again: the next virgin one. */
    assert_int_equal(ts_alloc(h, 24), ts_block_addr(prof, 0, 2, 0, 32));
    (void)z;
    sim_heap_destroy(h);
}

/* Two pools of one class: allocation uses the front pool; a pool that
 * turns non-full goes in front. */
static void test_usedpools_order(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("classic");
    const SimProfile *prof = sim_heap_profile(h);
    enum { PER = 7 }; /* 512-byte blocks in a 4 KiB pool */
    SimAddr a[3 * PER];
    for (int i = 0; i < 3 * PER; i++) a[i] = ts_alloc(h, 512);
    assert_int_equal(a[2 * PER], ts_block_addr(prof, 0, 2, 0, 512));
    /* pools 0, 1, 2 all full: free one in pool 2, then one in pool 0 */
    ts_free(h, a[2 * PER + 3]);
    ts_free(h, a[4]);
    /* pool 0 went in front of pool 2 */
    assert_int_equal(ts_alloc(h, 512), a[4]);
    assert_int_equal(ts_alloc(h, 512), a[2 * PER + 3]);
    sim_heap_destroy(h);
}

/* A random workload with the full self-check after every operation, in
 * both profiles and at teaching scale. */
static void run_random(const char *spec, unsigned seed, int ops)
{
    SimHeap *h = ts_heap(spec);
    unsigned threshold = sim_heap_profile(h)->threshold;
    SimAddr *live = calloc((size_t)ops, sizeof *live);
    int n = 0;
    srand(seed);
    for (int i = 0; i < ops; i++) {
        int grow = n < 50 || (rand() % 100) < (i < ops / 2 ? 60 : 40);
        if (grow) {
            size_t sz = (size_t)(rand() % (int)threshold) + 1;
            live[n] = ts_alloc(h, sz);
            memset(sim_heap_bytes(h, live[n], sz), 0xab, sz);
            n++;
        } else {
            int k = rand() % n;
            ts_free(h, live[k]);
            live[k] = live[--n];
        }
    }
    while (n) ts_free(h, live[--n]);
    SimHeapStats st;
    sim_heap_stats(h, &st);
    assert_int_equal(st.blocks_in_use, 0);
    assert_true(st.arenas_current <= 1);
    free(live);
    sim_heap_destroy(h);
}

static void test_random_311(void **state)
{
    (void)state;
    run_random("cpython-3.11", 1, 3000);
}

static void test_random_classic(void **state)
{
    (void)state;
    run_random("classic", 2, 3000);
}

static void test_random_teaching(void **state)
{
    (void)state;
    run_random("cpython-3.11,arena=16K,pool=1K,threshold=128", 3, 4000);
}

/* Bytes written to a block survive until it is freed. */
static void test_memory_is_real(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr a = ts_alloc(h, 64), b = ts_alloc(h, 64);
    memset(sim_heap_bytes(h, a, 64), 0x11, 64);
    memset(sim_heap_bytes(h, b, 64), 0x22, 64);
    unsigned char *pa = sim_heap_bytes(h, a, 64);
    for (int i = 0; i < 64; i++) assert_int_equal(pa[i], 0x11);
    assert_null(sim_heap_bytes(h, a, 65)); /* past the block */
    ts_free(h, b);
    assert_null(sim_heap_bytes(h, b, 1)); /* not live any more */
    sim_heap_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_per_pool_tables),
        cmocka_unit_test(test_size_classes),
        cmocka_unit_test(test_lifo_reuse),
        cmocka_unit_test(test_lazy_carving),
        cmocka_unit_test(test_full_pool_goes_to_front),
        cmocka_unit_test(test_empty_pool_reuse),
        cmocka_unit_test(test_usedpools_order),
        cmocka_unit_test(test_memory_is_real),
        cmocka_unit_test(test_random_311),
        cmocka_unit_test(test_random_classic),
        cmocka_unit_test(test_random_teaching),
    };
    return cmocka_run_group_tests_name("pymalloc_pools", tests, NULL, NULL) != 0;
}
