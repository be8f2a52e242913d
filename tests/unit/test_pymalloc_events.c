/*
 * test_pymalloc_events.c -- every allocator operation reports itself: the
 * kinds, their order, the fields, masks, ids, and the one-line format.
 */
#include <string.h>

#include "heap_support.h"

static SimHeap *recording_heap(const char *spec, TsEvents *rec, uint32_t mask)
{
    SimHeap *h = ts_heap(spec);
    memset(rec, 0, sizeof *rec);
    sim_heap_set_event_sink(h, ts_record, rec, mask);
    return h;
}

/* The first allocation maps an arena, carves a pool, hands out block 0. */
static void test_first_allocation(void **state)
{
    (void)state;
    TsEvents rec;
    SimHeap *h = recording_heap("cpython-3.11", &rec, SIM_EVCAT_ALL);
    SimAddr a = ts_alloc(h, 24);
    assert_int_equal(rec.n, 3);
    assert_int_equal(rec.ev[0].kind, SIM_EV_ARENA_NEW);
    assert_int_equal(rec.ev[0].arena, 0);
    assert_int_equal(rec.ev[0].addr, UINT64_C(0x7f0004001000));
    assert_int_equal(rec.ev[0].a, 63);
    assert_int_equal(rec.ev[1].kind, SIM_EV_POOL_INIT);
    assert_int_equal(rec.ev[1].addr, UINT64_C(0x7f0004004000));
    assert_int_equal(rec.ev[1].szclass, 1);
    assert_int_equal(rec.ev[1].pool, 0);
    assert_int_equal(rec.ev[1].a, 1); /* carved */
    assert_int_equal(rec.ev[2].kind, SIM_EV_BLOCK_ALLOC);
    assert_int_equal(rec.ev[2].addr, a);
    assert_int_equal(rec.ev[2].szclass, 1);
    assert_int_equal(rec.ev[2].arena, 0);
    assert_int_equal(rec.ev[2].pool, 0);
    assert_int_equal(rec.ev[2].block, 0);
    assert_int_equal(rec.ev[2].a, 24);
    for (size_t i = 0; i < rec.n; i++) assert_int_equal(rec.ev[i].id, i + 1);
    ts_events_free(&rec);
    sim_heap_destroy(h);
}

/* Pool life: full when the last block goes, used again on a free, empty
 * when its last block returns, reused for the same class. */
static void test_pool_transitions(void **state)
{
    (void)state;
    TsEvents rec;
    SimHeap *h = recording_heap("classic", &rec, SIM_EVCAT_POOL);
    SimAddr b[7];
    for (int i = 0; i < 7; i++) b[i] = ts_alloc(h, 512);
    assert_int_equal(rec.n, 2);
    assert_int_equal(rec.ev[0].kind, SIM_EV_POOL_INIT);
    assert_int_equal(rec.ev[1].kind, SIM_EV_POOL_FULL);
    ts_free(h, b[2]);
    assert_int_equal(rec.ev[2].kind, SIM_EV_POOL_USED);
    for (int i = 0; i < 7; i++)
        if (i != 2) ts_free(h, b[i]);
    assert_int_equal(rec.ev[rec.n - 1].kind, SIM_EV_POOL_EMPTY);
    /* classic releases the arena now: no pool events for that */
    size_t before = rec.n;
    ts_alloc(h, 512);
    assert_int_equal(rec.ev[before].kind, SIM_EV_POOL_INIT);
    ts_events_free(&rec);
    sim_heap_destroy(h);

    h = recording_heap("cpython-3.11", &rec, SIM_EVCAT_POOL);
    SimAddr x = ts_alloc(h, 64);
    ts_free(h, x);                    /* pool empty, arena kept */
    ts_alloc(h, 64);                  /* same class: free list reused */
    assert_int_equal(rec.ev[rec.n - 1].kind, SIM_EV_POOL_REUSE);
    ts_events_free(&rec);
    sim_heap_destroy(h);
}

/* Arena events: full, moved to the head, slid right, released. */
static void test_arena_events(void **state)
{
    (void)state;
    TsEvents rec;
    SimHeap *h = recording_heap("cpython-3.11,arena=16K,pool=1K,threshold=128", &rec,
                                SIM_EVCAT_ARENA);
    SimAddr b[2 * 16 * 7];
    for (int i = 0; i < 2 * 16 * 7; i++) b[i] = ts_alloc(h, 128);
    assert_int_equal(ts_find(&rec, 0, SIM_EV_ARENA_FULL), 1);
    assert_int_equal(rec.ev[ts_find(&rec, 0, SIM_EV_ARENA_FULL)].arena, 0);
    for (int i = 0; i < 7; i++) ts_free(h, b[i]);          /* arena 0: one free pool */
    long mv = ts_find(&rec, 0, SIM_EV_ARENA_MOVE);
    assert_true(mv >= 0);
    assert_int_equal(rec.ev[mv].arena, 0);
    assert_int_equal(rec.ev[mv].a, 1);
    assert_int_equal(rec.ev[mv].b, -1);                   /* now the head */
    for (int i = 16 * 7; i < 16 * 7 + 7; i++) ts_free(h, b[i]); /* arena 1 at the head */
    for (int i = 16 * 7 + 7; i < 16 * 7 + 14; i++) ts_free(h, b[i]);
    long slide = (long)rec.n - 1;                         /* arena 1: 2 free, slides after 0 */
    assert_int_equal(rec.ev[slide].kind, SIM_EV_ARENA_MOVE);
    assert_int_equal(rec.ev[slide].arena, 1);
    assert_int_equal(rec.ev[slide].a, 2);
    assert_int_equal(rec.ev[slide].b, 0);
    for (int i = 7; i < 16 * 7; i++) ts_free(h, b[i]);    /* arena 0 wholly free but last: */
    assert_int_equal(ts_find(&rec, 0, SIM_EV_ARENA_FREE), -1); /* kept */
    for (int i = 16 * 7 + 14; i < 2 * 16 * 7; i++) ts_free(h, b[i]); /* arena 1: not last */
    long freed = ts_find(&rec, 0, SIM_EV_ARENA_FREE);
    assert_int_equal(freed, (long)rec.n - 1);
    assert_int_equal(rec.ev[freed].arena, 1);
    assert_int_equal(rec.ev[freed].addr, UINT64_C(0x7f0004004000));
    ts_events_free(&rec);
    sim_heap_destroy(h);
}

static void test_raw_and_realloc_events(void **state)
{
    (void)state;
    TsEvents rec;
    SimHeap *h = recording_heap("cpython-3.11", &rec, SIM_EVCAT_RAW | SIM_EVCAT_BLOCK);
    SimAddr a = ts_alloc(h, 100);
    SimAddr b = ts_realloc(h, a, 600);                 /* small -> raw */
    assert_int_equal(rec.ev[1].kind, SIM_EV_RAW_ALLOC);
    assert_int_equal(rec.ev[1].a, 600);
    assert_int_equal(rec.ev[1].b, 624);
    assert_int_equal(rec.ev[2].kind, SIM_EV_BLOCK_FREE);
    assert_int_equal(rec.ev[2].addr, a);
    assert_int_equal(rec.ev[3].kind, SIM_EV_REALLOC);
    assert_int_equal(rec.ev[3].addr, b);
    assert_int_equal((SimAddr)rec.ev[3].b, a);
    ts_realloc(h, b, 700);                             /* raw, in place at top */
    assert_int_equal(rec.ev[rec.n - 1].kind, SIM_EV_RAW_REALLOC);
    assert_int_equal((SimAddr)rec.ev[rec.n - 1].b, b);
    ts_free(h, b);
    assert_int_equal(rec.ev[rec.n - 1].kind, SIM_EV_RAW_FREE);
    ts_events_free(&rec);
    sim_heap_destroy(h);
}

/* The mask filters by category; no sink means no calls at all. */
static void test_mask_and_no_sink(void **state)
{
    (void)state;
    TsEvents rec;
    SimHeap *h = recording_heap("cpython-3.11", &rec, SIM_EVCAT_ARENA);
    ts_alloc(h, 10);
    ts_alloc(h, 1000);
    assert_int_equal(rec.n, 1);
    assert_int_equal(rec.ev[0].kind, SIM_EV_ARENA_NEW);
    sim_heap_set_event_sink(h, NULL, NULL, SIM_EVCAT_ALL);
    ts_alloc(h, 10);
    assert_int_equal(rec.n, 1);
    sim_heap_set_event_sink(h, ts_record, &rec, SIM_EVCAT_BLOCK);
    ts_alloc(h, 10);
    assert_int_equal(rec.n, 2);
    assert_int_equal(rec.ev[1].id, 2); /* ids count delivered events */
    ts_events_free(&rec);
    sim_heap_destroy(h);
}

static void test_format_and_names(void **state)
{
    (void)state;
    assert_string_equal(sim_event_kind_name(SIM_EV_BLOCK_ALLOC), "alloc");
    assert_string_equal(sim_event_kind_name(SIM_EV_ARENA_FREE), "arena-free");
    assert_string_equal(sim_event_kind_name(999), "?");
    assert_int_equal(sim_event_kind_category(SIM_EV_POOL_FULL), SIM_EVCAT_POOL);
    assert_int_equal(sim_event_kind_category(999), 0);

    TsEvents rec;
    SimHeap *h = recording_heap("cpython-3.11", &rec, SIM_EVCAT_ALL);
    ts_alloc(h, 24);
    char line[200];
    sim_event_format(&rec.ev[2], line, sizeof line);
    assert_string_equal(line, "alloc        class 1 arena 0 pool 0 block 0 at 0x7f0004004030 "
                              "request 24");
    sim_event_format(&rec.ev[0], line, sizeof line);
    assert_string_equal(line, "arena-new    arena 0 at 0x7f0004001000 usable pools 63");
    sim_event_format(&rec.ev[1], line, sizeof line);
    assert_string_equal(line, "pool-init    class 1 arena 0 pool 0 at 0x7f0004004000 (carved)");
    char tiny[8];
    int n = sim_event_format(&rec.ev[2], tiny, sizeof tiny);
    assert_true(n > 8);
    assert_int_equal(strlen(tiny), 7); /* truncated, terminated */
    ts_events_free(&rec);
    sim_heap_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_allocation),
        cmocka_unit_test(test_pool_transitions),
        cmocka_unit_test(test_arena_events),
        cmocka_unit_test(test_raw_and_realloc_events),
        cmocka_unit_test(test_mask_and_no_sink),
        cmocka_unit_test(test_format_and_names),
    };
    return cmocka_run_group_tests_name("pymalloc_events", tests, NULL, NULL) != 0;
}
