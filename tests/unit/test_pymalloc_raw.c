/*
 * test_pymalloc_raw.c -- the simulated raw-malloc region: what goes there,
 * its deterministic addresses and accounting, coalescing, the top chunk,
 * realloc in place, and refusal of bad frees.
 */
#include <string.h>

#include "heap_support.h"

#define RAW_BASE UINT64_C(0x7f0404000000)

static void test_routing(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr zero = ts_alloc(h, 0), big = ts_alloc(h, 513), small = ts_alloc(h, 512);
    assert_false(ts_where(h, zero).small);
    assert_false(ts_where(h, big).small);
    assert_true(ts_where(h, small).small);
    assert_int_equal(zero, RAW_BASE + 16);
    assert_int_equal(ts_where(h, zero).size, 48);         /* the minimum chunk */
    assert_int_equal(big, RAW_BASE + 48 + 16);
    assert_int_equal(ts_where(h, big).size, 544);         /* 513 + 16, rounded to 16 */
    SimHeapStats st;
    sim_heap_stats(h, &st);
    assert_int_equal(st.raw_blocks, 2);
    assert_int_equal(st.raw_bytes_requested, 513);
    assert_int_equal(st.raw_bytes_in_chunks, 48 + 544);
    sim_heap_destroy(h);
}

/* Freed neighbours merge; the last chunk merges into top. */
static void test_coalescing_and_top(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr a = ts_alloc(h, 1000), b = ts_alloc(h, 1000), c = ts_alloc(h, 1000),
            d = ts_alloc(h, 1000);
    SimHeapStats st;
    sim_heap_stats(h, &st);
    assert_int_equal(st.raw_top, 4 * 1024);
    ts_free(h, b);
    ts_free(h, c);                      /* b+c: one free chunk of 2048 */
    SimAddr e = ts_alloc(h, 2000);      /* fits exactly where b was */
    assert_int_equal(e, b);
    ts_free(h, e);
    SimAddr f = ts_alloc(h, 700);       /* first fit splits the free chunk */
    assert_int_equal(f, b);
    ts_free(h, d);                      /* d was last: top drops, and the */
    sim_heap_stats(h, &st);             /* free rest of b+c joins it */
    assert_int_equal(st.raw_top, 1024 + 720);
    ts_free(h, f);
    ts_free(h, a);
    sim_heap_stats(h, &st);
    assert_int_equal(st.raw_top, 0);
    assert_int_equal(st.raw_bytes_in_chunks, 0);
    sim_heap_destroy(h);
}

static void test_realloc_in_place(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr a = ts_alloc(h, 1000);
    memset(sim_heap_bytes(h, a, 1000), 7, 1000);
    assert_int_equal(ts_realloc(h, a, 5000), a);     /* at top: grows in place */
    SimAddr b = ts_alloc(h, 600);
    assert_int_equal(ts_realloc(h, a, 3000), a);     /* shrink: in place, tail freed */
    assert_int_equal(ts_realloc(h, a, 4500), a);     /* grows into the freed tail */
    SimAddr c = ts_realloc(h, a, 9000);              /* no room: moves, copies */
    assert_int_not_equal(c, a);
    unsigned char *p = sim_heap_bytes(h, c, 1000);
    for (int i = 0; i < 1000; i++) assert_int_equal(p[i], 7);
    ts_free(h, b);
    ts_free(h, c);
    SimHeapStats st;
    sim_heap_stats(h, &st);
    assert_int_equal(st.raw_top, 0);
    sim_heap_destroy(h);
}

/* Double frees, interior pointers and foreign addresses are refused. */
static void test_bad_frees(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr small = ts_alloc(h, 40), raw = ts_alloc(h, 4000);
    assert_int_equal(sim_heap_free(h, small + 16), -1);   /* inside a block */
    assert_int_equal(sim_heap_free(h, raw + 16), -1);
    assert_int_equal(sim_heap_free(h, 12345), -1);
    assert_int_equal(sim_heap_free(h, RAW_BASE + (1 << 20)), -1);
    assert_int_equal(sim_heap_free(h, UINT64_C(0x7f0004004000)), -1); /* pool header */
    assert_int_equal(sim_heap_free(h, 0), 0);             /* free(NULL) */
    ts_free(h, small);
    ts_free(h, raw);
    assert_int_equal(sim_heap_free(h, small), -1);        /* double free */
    assert_int_equal(sim_heap_free(h, raw), -1);
    ts_check(h);
    sim_heap_destroy(h);
}

/* Limit: a raw request past the limit fails cleanly. */
static void test_raw_limit(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11,limit=1M");
    assert_int_equal(sim_heap_malloc(h, 2 << 20), 0);
    assert_int_equal(sim_heap_malloc(h, (size_t)-1), 0);
    SimAddr a = ts_alloc(h, 100000);
    assert_int_equal(sim_heap_realloc(h, a, 5 << 20), 0);  /* the old block stays */
    assert_non_null(sim_heap_bytes(h, a, 100000));
    ts_check(h);
    sim_heap_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_routing),
        cmocka_unit_test(test_coalescing_and_top),
        cmocka_unit_test(test_realloc_in_place),
        cmocka_unit_test(test_bad_frees),
        cmocka_unit_test(test_raw_limit),
    };
    return cmocka_run_group_tests_name("pymalloc_raw", tests, NULL, NULL) != 0;
}
