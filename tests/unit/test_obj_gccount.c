/*
 * test_obj_gccount.c -- count[0] of the collector, as CPython 3.11 keeps
 * it (reference §3.1): +1 for every allocation through the GC allocator,
 * tracked or not; -1 (not below 0) when a GC object's memory is freed;
 * nothing for free-list traffic or for non-GC objects.
 */
#include "heap_support.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"

static int64_t count0(Sim *S) { return S->gc.gen[0].count; }

/* The change in count[0] made by creating what `make` returns. */
#define DELTA(S, expr, want)                                        \
    do {                                                            \
        int64_t before_ = count0(S);                                \
        Obj o_ = ts_ok(S, (expr));                                  \
        if (count0(S) - before_ != (want))                          \
            fail_msg("%s: count[0] %+lld, CPython %+d", #expr,      \
                     (long long)(count0(S) - before_), (want));     \
        ob_decref(S, o_, HOLD_TEMP);                                \
    } while (0)

static void test_count0_deltas(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj one = ts_ok(S, int_from_i64(S, 1));
    Obj ns = ts_ok(S, dict_new(S));
    Obj name = ts_ok(S, str_from_cstr(S, "K"));
    Obj bases = ts_ok(S, tuple_new(S, 0));
    Obj k = ts_ok(S, type_new(S, name, bases, ns));
    Obj code = ts_ok(S, code_new(S, 3));
    Obj f = ts_ok(S, func_new(S, code, ns, ns, name, 0));

    DELTA(S, instance_new(S, k), 1);                      /* K() */
    DELTA(S, func_new(S, code, ns, ns, name, 0), 1);      /* lambda */
    DELTA(S, cell_new(S, one), 1);                        /* a closure's cell */
    DELTA(S, set_new(S), 1);                              /* set() */
    DELTA(S, method_new(S, f, one), 1);                   /* bound method */
    DELTA(S, tuple_new(S, 25), 1);                        /* 25-tuple: no free list */
    DELTA(S, float_from_double(S, 1.5), 0);               /* not GC */
    DELTA(S, int_from_i64(S, 100000), 0);
    DELTA(S, str_from_cstr(S, "not gc"), 0);
    /* served from the free lists filled by the frees above: nothing */
    Obj l = ts_ok(S, list_new(S, 0));
    ob_decref(S, l, HOLD_TEMP);
    DELTA(S, list_new(S, 0), 0);                          /* [] */
    Obj t = ts_ok(S, tuple_pack(S, 1, &one));
    ob_decref(S, t, HOLD_TEMP);
    DELTA(S, tuple_pack(S, 1, &one), 0);                  /* (x,) */
    /* freeing a GC object's memory counts down */
    Obj m = ts_ok(S, method_new(S, f, one));
    int64_t before = count0(S);
    ob_decref(S, m, HOLD_TEMP);
    assert_int_equal(count0(S), before - 1);

    Obj objs[] = {one, ns, name, bases, k, code, f};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) sim_hold(S, objs[i]);
    ts_obcheck(S);
    for (size_t i = sizeof objs / sizeof objs[0]; i-- > 0;) sim_unhold(S, objs[i]);
    ts_obcheck(S);
    sim_free(S);
}

/* count[0] never goes below zero. */
static void test_count0_floor(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj m = ts_ok(S, tuple_new(S, 30));
    S->gc.gen[0].count = 0;
    ob_decref(S, m, HOLD_TEMP);
    assert_int_equal(count0(S), 0);
    sim_free(S);
}

/* A full collection empties the free lists: afterwards [] and {} cost a
 * real allocation again (+1 each), as the reference measured. */
static void test_clear_freelists(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj made[6] = {ts_ok(S, list_new(S, 0)), ts_ok(S, dict_new(S)),
                   ts_ok(S, tuple_new(S, 3)), ts_ok(S, float_from_double(S, 2.5)),
                   ts_ok(S, list_new(S, 0)), ts_ok(S, dict_new(S))};
    Obj one = ts_ok(S, int_from_i64(S, 1));
    Obj k = ts_ok(S, str_from_cstr(S, "k"));
    assert_int_equal(dict_setitem(S, made[5], k, one), 0);   /* an 8-slot str keys block */
    ob_decref(S, one, HOLD_TEMP);
    ob_decref(S, k, HOLD_TEMP);
    for (int i = 0; i < 6; i++) ob_decref(S, made[i], HOLD_TEMP);
    assert_true(S->fl.list_n == 2 && S->fl.dict_n == 2 && S->fl.float_n == 1);
    SimHeapStats before, after;
    sim_heap_stats(S->heap, &before);
    int64_t c0 = count0(S);
    ob_clear_freelists(S);
    sim_heap_stats(S->heap, &after);
    assert_int_equal(c0 - count0(S), 5);         /* 2 lists, 2 dicts, 1 tuple */
    assert_true(after.blocks_in_use < before.blocks_in_use);
    assert_true(S->fl.list_n == 0 && S->fl.dict_n == 0 && S->fl.float_n == 0 &&
                S->fl.tuple_n[2] == 0 && S->fl.keys_n == 0);
    ts_obcheck(S);
    DELTA(S, list_new(S, 0), 1);
    DELTA(S, dict_new(S), 1);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count0_deltas),
        cmocka_unit_test(test_count0_floor),
        cmocka_unit_test(test_clear_freelists),
    };
    return cmocka_run_group_tests_name("obj_gccount", tests, NULL, NULL) != 0;
}
