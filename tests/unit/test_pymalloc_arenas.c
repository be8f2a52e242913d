/*
 * test_pymalloc_arenas.c -- arenas: 63 or 64 pools, fullest-arena-first,
 * usable_arenas order, when an arena is released (3.11 keeps the last
 * wholly free one; classic frees at once), slot reuse, the vector growing
 * past 16 slots, the heap limit.
 */
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"

/* One 512-byte block per pool would need many requests; a whole pool of
 * the 512-byte class is 31 blocks in 3.11.  Fills `npools` pools. */
static void fill_pools(SimHeap *h, SimAddr *out, int npools, int per_pool)
{
    for (int i = 0; i < npools * per_pool; i++) out[i] = ts_alloc(h, 512);
}

/* Frees every block of pool k (blocks k*per .. k*per+per-1). */
static void empty_pool(SimHeap *h, SimAddr *blocks, int k, int per_pool)
{
    for (int i = 0; i < per_pool; i++) ts_free(h, blocks[k * per_pool + i]);
}

static void assert_usable(const SimHeap *h, const char *want)
{
    char *got = ts_usable(h);
    assert_string_equal(got, want);
    free(got);
}

/* The 64th pool of 3.11 lands in a second arena: 63 per arena because
 * the simulated mmap is a page off a 16 KiB boundary. */
static void test_63_pools_then_new_arena(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    const SimProfile *prof = sim_heap_profile(h);
    SimAddr *b = calloc(64 * 31, sizeof *b);
    fill_pools(h, b, 63, 31);
    assert_int_equal(b[0], UINT64_C(0x7f0004004030));       /* arena at ...1000, pool at ...4000 */
    assert_int_equal(b[62 * 31], ts_block_addr(prof, 0, 62, 0, 512));
    assert_usable(h, "-");                                   /* arena 0 is full */
    assert_int_equal(h->narenas_currently_allocated, 1);
    SimAddr next = ts_alloc(h, 512);
    assert_int_equal(next, ts_block_addr(prof, 1, 0, 0, 512));
    assert_int_equal(next, UINT64_C(0x7f0004104030));
    assert_usable(h, "1");
    assert_int_equal(h->arenas[1].nfreepools, 62);
    free(b);
    sim_heap_destroy(h);
}

static void test_classic_64_pools(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("classic");
    SimAddr *b = calloc(64 * 7, sizeof *b);
    fill_pools(h, b, 64, 7);
    assert_int_equal(b[0], UINT64_C(0x7f0004000030));        /* no alignment loss */
    assert_usable(h, "-");
    assert_int_equal(ts_where(h, ts_alloc(h, 512)).arena, 1);
    free(b);
    sim_heap_destroy(h);
}

/* Teaching scale: 16 KiB arenas of 16 pools of 1 KiB (threshold 128).
 * Three full arenas; freeing pools moves arenas into usable_arenas in
 * ascending free-pool order, and new pools come from the fullest. */
static void test_fullest_arena_first(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11,arena=16K,pool=1K,threshold=128");
    enum { PER = (1024 - 48) / 128, POOLS = 16 };            /* 7 blocks of 128 */
    SimAddr *b = calloc(3 * POOLS * PER, sizeof *b);
    for (int i = 0; i < 3 * POOLS * PER; i++) b[i] = ts_alloc(h, 128);
    assert_int_equal(h->narenas_currently_allocated, 3);
    assert_usable(h, "-");

    empty_pool(h, b, 0 * POOLS + 3, PER);                     /* arena 0: 1 free pool */
    assert_usable(h, "0");
    empty_pool(h, b, 2 * POOLS + 1, PER);                     /* arena 2: 1 free, to the head */
    assert_usable(h, "2,0");
    empty_pool(h, b, 2 * POOLS + 2, PER);                     /* arena 2: 2 free, slides right */
    assert_usable(h, "0,2");
    empty_pool(h, b, 1 * POOLS + 5, PER);                     /* arena 1: 1 free, head */
    assert_usable(h, "1,0,2");
    empty_pool(h, b, 0 * POOLS + 4, PER);                     /* arena 0: 2 free, after 1 */
    assert_usable(h, "1,0,2");
    empty_pool(h, b, 1 * POOLS + 6, PER);                     /* arena 1: 2 free; it was the */
    assert_usable(h, "1,0,2");                                /* rightmost with 1: stays */
    assert_int_equal(h->nfp2lasta[2], 2);
    assert_int_equal(h->nfp2lasta[1], -1);

    /* A new pool comes from the head (fullest first), LIFO from its
     * freepools; the head stays the head until it is full. */
    SimAddr x = ts_alloc(h, 16);
    assert_int_equal(ts_where(h, x).arena, 1);
    assert_int_equal(ts_where(h, x).pool, 6);
    assert_usable(h, "1,0,2");
    SimAddr y = ts_alloc(h, 32);
    assert_int_equal(ts_where(h, y).arena, 1);
    assert_int_equal(ts_where(h, y).pool, 5);
    assert_usable(h, "0,2");                                  /* arena 1 full again */
    SimAddr z = ts_alloc(h, 48);
    assert_int_equal(ts_where(h, z).arena, 0);
    assert_int_equal(ts_where(h, z).pool, 4);
    free(b);
    sim_heap_destroy(h);
}

/* 3.11: a wholly free arena is released unless it is the last usable one;
 * classic releases it at once.  Slots are reused last-freed first. */
static void release_rules(const char *spec, int keep_last)
{
    SimHeap *h = ts_heap(spec);
    enum { PER = 7, POOLS = 16 };
    SimAddr *b = calloc(3 * POOLS * PER, sizeof *b);
    for (int i = 0; i < 3 * POOLS * PER; i++) b[i] = ts_alloc(h, 128);
    assert_int_equal(h->ntimes_arena_allocated, 3);

    /* Empty arena 2 (the newest) entirely. */
    for (int k = 0; k < POOLS; k++) empty_pool(h, b, 2 * POOLS + k, PER);
    if (keep_last) {
        assert_int_equal(h->narenas_currently_allocated, 3); /* last usable: kept */
        assert_usable(h, "2");
        assert_int_equal(h->arenas[2].nfreepools, POOLS);
    } else {
        assert_int_equal(h->narenas_currently_allocated, 2);
        assert_usable(h, "-");
        assert_int_equal(h->unused_arena_objects, 2);         /* the slot heads the unused list */
    }
    /* Empty one pool of arena 0: it goes to the head. */
    empty_pool(h, b, 3, PER);
    assert_usable(h, keep_last ? "0,2" : "0");
    /* Empty the rest of arena 0: wholly free and not last -> released in
     * both profiles (classic: always). */
    for (int k = 0; k < POOLS; k++)
        if (k != 3) empty_pool(h, b, k, PER);
    assert_int_equal(h->arenas[0].address, 0);
    assert_usable(h, keep_last ? "2" : "-");
    assert_int_equal(h->narenas_currently_allocated, keep_last ? 2 : 1);
    assert_int_equal(h->narenas_highwater, 3);
    assert_int_equal(h->unused_arena_objects, 0);             /* slot 0 freed last */

    /* The next arena reuses the most recently freed slot, at the same
     * address (keep-last: arena 2 still has room, so fill it first). */
    uint64_t before = h->ntimes_arena_allocated;
    int n = keep_last ? POOLS * PER + 1 : 1;
    for (int i = 0; i < n; i++) ts_alloc(h, 128);
    assert_int_equal(h->ntimes_arena_allocated, before + 1);
    assert_int_not_equal(h->arenas[0].address, 0);
    free(b);
    sim_heap_destroy(h);
}

static void test_release_keep_last_311(void **state)
{
    (void)state;
    release_rules("cpython-3.11,arena=16K,pool=1K,threshold=128", 1);
}

static void test_release_classic(void **state)
{
    (void)state;
    release_rules("classic,arena=16K,pool=1K,threshold=128", 0);
}

/* With the keep-last rule a loop that allocates and frees one block does
 * not map and unmap an arena each time (bpo-37257); classic does. */
static void test_no_thrash_with_keep_last(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    for (int i = 0; i < 5; i++) ts_free(h, ts_alloc(h, 64));
    assert_int_equal(h->ntimes_arena_allocated, 1);
    assert_int_equal(h->narenas_currently_allocated, 1);
    sim_heap_destroy(h);

    h = ts_heap("classic");
    for (int i = 0; i < 5; i++) ts_free(h, ts_alloc(h, 64));
    assert_int_equal(h->ntimes_arena_allocated, 5);
    assert_int_equal(h->narenas_currently_allocated, 0);
    sim_heap_destroy(h);
}

/* The arena_object vector starts at 16 slots and doubles. */
static void test_arena_vector_growth(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11,arena=16K,pool=1K,threshold=128");
    enum { PER = 7, POOLS = 16 };
    int n = 17 * POOLS * PER;
    SimAddr *b = calloc((size_t)n, sizeof *b);
    for (int i = 0; i < 16 * POOLS * PER; i++) b[i] = ts_alloc(h, 128);
    assert_int_equal(h->maxarenas, 16);
    for (int i = 16 * POOLS * PER; i < n; i++) b[i] = ts_alloc(h, 128);
    assert_int_equal(h->maxarenas, 32);
    assert_int_equal(ts_where(h, b[n - 1]).arena, 16);
    assert_int_equal(b[16 * POOLS * PER], UINT64_C(0x7f0004000000) + 16 * 16384 + 48);
    for (int i = 0; i < n; i++) ts_free(h, b[i]);
    assert_int_equal(h->narenas_currently_allocated, 1);
    free(b);
    sim_heap_destroy(h);
}

/* At the heap limit pymalloc cannot map an arena; like CPython it falls
 * back to malloc, which is bounded by the same limit; then MemoryError. */
static void test_heap_limit(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11,limit=1M");
    SimAddr *b = calloc(63 * 31 + 1, sizeof *b);
    for (int i = 0; i < 63 * 31; i++) b[i] = ts_alloc(h, 512);
    /* the arena is full and a second would pass the limit: raw fallback
     * fails too, since the arena alone uses the whole megabyte */
    assert_int_equal(sim_heap_malloc(h, 512), 0);
    assert_int_equal(sim_heap_malloc(h, 600), 0);
    ts_check(h);
    ts_free(h, b[0]);
    assert_int_equal(ts_alloc(h, 512), b[0]); /* the program goes on */
    free(b);
    sim_heap_destroy(h);

    h = ts_heap("cpython-3.11,limit=2M");
    SimAddr big = ts_alloc(h, 1500000);       /* raw: most of the limit */
    assert_false(ts_where(h, big).small);
    SimAddr small = ts_alloc(h, 32);          /* an arena no longer fits: raw fallback */
    assert_false(ts_where(h, small).small);
    assert_int_equal(h->narenas_currently_allocated, 0);
    SimHeapStats st;
    sim_heap_stats(h, &st);
    assert_int_equal(st.raw_blocks, 2);
    ts_free(h, small);
    ts_free(h, big);
    sim_heap_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_63_pools_then_new_arena),
        cmocka_unit_test(test_classic_64_pools),
        cmocka_unit_test(test_fullest_arena_first),
        cmocka_unit_test(test_release_keep_last_311),
        cmocka_unit_test(test_release_classic),
        cmocka_unit_test(test_no_thrash_with_keep_last),
        cmocka_unit_test(test_arena_vector_growth),
        cmocka_unit_test(test_heap_limit),
    };
    return cmocka_run_group_tests_name("pymalloc_arenas", tests, NULL, NULL) != 0;
}
