/*
 * test_pymalloc_realloc.c -- pymalloc_realloc: stay in place when the new
 * size fits the block and is more than 3/4 of it; otherwise allocate,
 * copy, free.  Above the threshold the block moves to raw malloc, and a
 * raw block stays raw even when it shrinks (PyMem_RawRealloc).
 */
#include <string.h>

#include "heap_support.h"

static void fill(SimHeap *h, SimAddr a, size_t n, unsigned char v)
{
    memset(sim_heap_bytes(h, a, n), v, n);
}

static void assert_bytes(SimHeap *h, SimAddr a, size_t n, unsigned char v)
{
    unsigned char *p = sim_heap_bytes(h, a, n);
    assert_non_null(p);
    for (size_t i = 0; i < n; i++) assert_int_equal(p[i], v);
}

static void test_stay_in_place_rule(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    /* neighbours keep the pools of a and b from emptying (an empty pool
     * could be re-initialised for another class at the same address) */
    ts_alloc(h, 64);
    ts_alloc(h, 48);
    SimAddr a = ts_alloc(h, 64);                 /* 64-byte block */
    fill(h, a, 64, 0x5a);
    assert_int_equal(ts_realloc(h, a, 64), a);   /* same size */
    assert_int_equal(ts_realloc(h, a, 49), a);   /* 4*49 = 196 > 192 */
    assert_int_equal(ts_realloc(h, a, 64), a);
    SimAddr b = ts_realloc(h, a, 48);            /* 4*48 = 192, not > 192: moves */
    assert_int_not_equal(b, a);
    assert_int_equal(ts_where(h, b).size, 48);
    assert_bytes(h, b, 48, 0x5a);                /* copied the new size only */
    SimAddr c = ts_realloc(h, b, 65);            /* grows past the block: moves */
    assert_int_equal(ts_where(h, c).size, 80);
    assert_bytes(h, c, 48, 0x5a);
    assert_int_equal(sim_heap_free(h, a), -1);   /* the old blocks are gone */
    assert_int_equal(sim_heap_free(h, b), -1);
    sim_heap_destroy(h);
}

/* realloc(0, n) is malloc(n); realloc to 0 bytes goes to raw malloc, as
 * _PyObject_Malloc(0) does. */
static void test_null_and_zero(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr a = ts_realloc(h, 0, 40);
    assert_true(ts_where(h, a).small);
    SimAddr z = ts_realloc(h, a, 0);
    assert_false(ts_where(h, z).small);
    sim_heap_destroy(h);
}

/* A list's item array through list.append's capacities: 4, 8, 16, 24,
 * 32, 40, 52, 64 slots stay small (and move each time, since each
 * capacity is a different class), 76 slots (608 bytes) go raw, and from
 * there the array stays raw. */
static void test_list_growth_classes(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    static const unsigned caps[] = {4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108};
    SimAddr items = 0;
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        SimAddr moved = ts_realloc(h, items, caps[i] * 8);
        SimBlockInfo bi = ts_where(h, moved);
        if (caps[i] * 8 <= 512) {
            assert_true(bi.small);
            assert_int_equal(bi.size, (caps[i] * 8 + 15) / 16 * 16);
            assert_int_not_equal(moved, items);
        } else {
            assert_false(bi.small);
        }
        items = moved;
    }
    SimHeapStats st;
    sim_heap_stats(h, &st);
    assert_int_equal(st.raw_blocks, 1);
    /* Shrinking back to 16 bytes keeps it a raw block. */
    SimAddr small = ts_realloc(h, items, 16);
    assert_false(ts_where(h, small).small);
    ts_free(h, small);
    sim_heap_stats(h, &st);
    assert_int_equal(st.raw_blocks, 0);
    assert_int_equal(st.blocks_in_use, 0);
    sim_heap_destroy(h);
}

/* Unknown addresses are refused without touching the heap. */
static void test_realloc_of_dead_address(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr a = ts_alloc(h, 24);
    ts_free(h, a);
    assert_int_equal(sim_heap_realloc(h, a, 100), 0);
    assert_int_equal(sim_heap_realloc(h, UINT64_C(0x1234), 100), 0);
    ts_check(h);
    sim_heap_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stay_in_place_rule),
        cmocka_unit_test(test_null_and_zero),
        cmocka_unit_test(test_list_growth_classes),
        cmocka_unit_test(test_realloc_of_dead_address),
    };
    return cmocka_run_group_tests_name("pymalloc_realloc", tests, NULL, NULL) != 0;
}
