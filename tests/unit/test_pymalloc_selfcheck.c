/*
 * test_pymalloc_selfcheck.c -- the self-check can fail: each test breaks
 * one invariant by hand (through the internal view) and expects the check
 * to name it.  A checker that never fails would pass every other test.
 */
#include <string.h>

#include "heap_support.h"

static void expect_violation(const SimHeap *h, const char *want)
{
    char msg[256];
    assert_int_equal(sim_heap_check(h, msg, sizeof msg), 1);
    if (!strstr(msg, want)) fail_msg("self-check said '%s', expected '%s'", msg, want);
}

/* A heap with two used pools, a full pool, an emptied pool, two arenas. */
static SimHeap *busy_heap(SimAddr *blocks)
{
    SimHeap *h = ts_heap("cpython-3.11,arena=16K,pool=1K,threshold=128");
    for (int i = 0; i < 200; i++) blocks[i] = ts_alloc(h, 128);  /* 2 arenas */
    for (int i = 0; i < 7; i++) ts_free(h, blocks[7 + i]);       /* pool 1 empty */
    ts_free(h, blocks[30]);                                      /* pool 4 used */
    ts_alloc(h, 16);
    return h;
}

static void test_count_mismatch(void **state)
{
    (void)state;
    SimAddr b[200];
    SimHeap *h = busy_heap(b);
    pm_pool(h, b[30] & ~h->pool_mask)->count += 1;
    expect_violation(h, "in use +");
    sim_heap_destroy(h);
}

static void test_double_free_on_list(void **state)
{
    (void)state;
    SimAddr b[200];
    SimHeap *h = busy_heap(b);
    /* push b[31] (in use) onto its pool's free list without the count */
    SimAddr pool = b[31] & ~h->pool_mask;
    PmPool *p = pm_pool(h, pool);
    pm_store64(h, b[31], p->freeblock);
    p->freeblock = b[31];
    expect_violation(h, "in use +");
    /* now a genuine cycle: the block points to itself */
    pm_store64(h, b[31], b[31]);
    expect_violation(h, "twice");
    sim_heap_destroy(h);
}

static void test_usedpools_corruption(void **state)
{
    (void)state;
    SimAddr b[200];
    SimHeap *h = busy_heap(b);
    SimAddr pool = b[30] & ~h->pool_mask;
    pm_pool(h, pool)->prevpool = pool; /* back link wrong */
    expect_violation(h, "back link");
    sim_heap_destroy(h);

    h = busy_heap(b);
    pm_pool(h, b[30] & ~h->pool_mask)->szidx = 3; /* on the class-7 list */
    expect_violation(h, "usedpools[7]");
    sim_heap_destroy(h);
}

static void test_arena_order_and_nfp2lasta(void **state)
{
    (void)state;
    SimAddr b[200];
    SimHeap *h = busy_heap(b);
    h->arenas[h->usable_arenas].nfreepools += 5; /* also breaks the pool count */
    expect_violation(h, "nfreepools");
    sim_heap_destroy(h);

    h = busy_heap(b);
    int32_t head = h->usable_arenas;
    h->nfp2lasta[h->arenas[head].nfreepools] = -1;
    expect_violation(h, "nfp2lasta");
    sim_heap_destroy(h);

    h = busy_heap(b);
    h->nfp2lasta[0] = 0;
    expect_violation(h, "nfp2lasta[0]");
    sim_heap_destroy(h);
}

static void test_lists_of_arenas(void **state)
{
    (void)state;
    SimAddr b[200];
    SimHeap *h = busy_heap(b);
    h->usable_arenas = -1; /* drops arenas that have free pools */
    expect_violation(h, "on usable_arenas");
    sim_heap_destroy(h);

    h = busy_heap(b);
    h->unused_arena_objects = -1;
    expect_violation(h, "unused_arena_objects");
    sim_heap_destroy(h);

    h = busy_heap(b);
    h->narenas_currently_allocated++;
    expect_violation(h, "the counter says");
    sim_heap_destroy(h);
}

static void test_raw_region(void **state)
{
    (void)state;
    SimHeap *h = ts_heap("cpython-3.11");
    SimAddr a = ts_alloc(h, 1000), b = ts_alloc(h, 1000);
    ts_alloc(h, 1000);
    ts_free(h, b);
    /* break the footer of the free chunk */
    pm_store64(h, b - 16 + 1024 - 8, 4242);
    expect_violation(h, "footer");
    pm_store64(h, b - 16 + 1024 - 8, 1024);
    ts_check(h);
    h->raw.requested += 1;
    expect_violation(h, "raw accounting");
    h->raw.requested -= 1;
    pm_store64(h, a - 16, pm_load64(h, a - 16) ^ 2); /* PREV_INUSE of the first chunk */
    expect_violation(h, "PREV_INUSE");
    sim_heap_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_mismatch),
        cmocka_unit_test(test_double_free_on_list),
        cmocka_unit_test(test_usedpools_corruption),
        cmocka_unit_test(test_arena_order_and_nfp2lasta),
        cmocka_unit_test(test_lists_of_arenas),
        cmocka_unit_test(test_raw_region),
    };
    return cmocka_run_group_tests_name("pymalloc_selfcheck", tests, NULL, NULL) != 0;
}
