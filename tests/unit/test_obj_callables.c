/*
 * test_obj_callables.c -- functions, cells, bound methods, code objects,
 * builtin functions, ranges, iterators, object(), NotImplemented and
 * Ellipsis: their sizes (from tests/data/objects/callables.txt, which
 * CPython 3.11 produced: tests/objects/gen_callables.py), their GC
 * tracking, their holders and their deallocation order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"

static uint64_t getsizeof(Sim *S, Obj o) { return ob_getsizeof(S, o); }

/* A code object like `def g(): pass`'s, with names and constants. */
static Obj make_code(Sim *S, int64_t units)
{
    Obj co = ts_ok(S, code_new(S, units));
    ob_set_field(S, co, CO_NAME_OFF, R_CO_NAME, ts_ok(S, str_from_cstr(S, "g")));
    ob_set_field(S, co, CO_QUALNAME_OFF, R_CO_QUALNAME, ts_ok(S, str_from_cstr(S, "g")));
    ob_set_field(S, co, CO_FILENAME_OFF, R_CO_FILENAME, ts_ok(S, str_from_cstr(S, "x.py")));
    Obj consts = ts_ok(S, tuple_pack(S, 1, &S->none));
    ob_set_field(S, co, CO_CONSTS_OFF, R_CO_CONSTS, consts);
    return co;
}

static void test_sizes_against_cpython(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj globals = ts_ok(S, dict_new(S));
    Obj co = make_code(S, 3);
    Obj f = ts_ok(S, func_new(S, co, globals, globals, 0, 0));
    Obj one = ts_ok(S, int_from_i64(S, 1));
    Obj cell = ts_ok(S, cell_new(S, one));
    Obj self = ts_ok(S, object_new(S));
    Obj m = ts_ok(S, method_new(S, f, self));
    Obj zero = ts_ok(S, int_from_i64(S, 0)), ten = ts_ok(S, int_from_i64(S, 10));
    Obj r = ts_ok(S, range_new(S, zero, ten, one));
    Obj t = ts_ok(S, tuple_new(S, 0));
    Obj ti = ts_ok(S, seqiter_new(S, t));
    Obj ri = ts_ok(S, rangeiter_new(S, r));
    Obj b = ts_ok(S, builtin_new(S, 7, 0, 0));
    exc_set(S, EXC_ValueError, "x");
    struct { const char *name; Obj o; } table[] = {
        {"function", f}, {"cell", cell}, {"method", m}, {"range", r},
        {"tuple_iterator", ti}, {"range_iterator", ri}, {"object", self},
        {"NotImplemented", S->not_implemented}, {"Ellipsis", S->ellipsis},
        {"builtin", b}, {"exception", S->exc},
    };
    FILE *fp = fopen(TEST_DATA_DIR "/objects/callables.txt", "r");
    assert_non_null(fp);
    char kind[32], name[64];
    long long want;
    int checked = 0;
    while (fscanf(fp, "%31s %63s %lld", kind, name, &want) == 3) {
        if (!strcmp(kind, "generator")) {
            int nlocals, stacksize;
            assert_int_equal(sscanf(name, "%d,%d", &nlocals, &stacksize), 2);
            Obj c = make_code(S, 3);
            ob_set32(S, c, CO_NLOCALSPLUS_OFF, (uint32_t)nlocals);
            ob_set32(S, c, CO_STACKSIZE_OFF, (uint32_t)stacksize);
            Obj fn = ts_ok(S, func_new(S, c, globals, globals, 0, 0));
            Obj g = ts_ok(S, gen_new(S, fn));
            assert_int_equal(ob_getsizeof(S, g), want);
            ob_decref(S, g, HOLD_TEMP);
            ob_decref(S, fn, HOLD_TEMP);
            ob_decref(S, c, HOLD_TEMP);
            checked++;
            continue;
        }
        if (!strcmp(kind, "code_units")) {
            Obj c = make_code(S, atoll(name));
            assert_int_equal(getsizeof(S, c), want);
            SimBlockInfo bi; /* the request is the rounded size too */
            assert_int_equal(sim_heap_locate(S->heap, c, &bi), 0);
            assert_int_equal(bi.size, (uint32_t)((want + 15) / 16 * 16));
            ob_decref(S, c, HOLD_TEMP);
            checked++;
            continue;
        }
        for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
            if (strcmp(table[i].name, name)) continue;
            if (getsizeof(S, table[i].o) != (uint64_t)want)
                fail_msg("%s: refscope %llu, CPython %lld", name,
                         (unsigned long long)getsizeof(S, table[i].o), want);
            checked++;
        }
    }
    fclose(fp);
    assert_int_equal(checked, 18);
    /* GC: functions, cells, methods, iterators, builtins are tracked;
     * code, range, range_iterator and object() are not GC objects. */
    assert_true(gc_is_tracked(S, f) && gc_is_tracked(S, cell) && gc_is_tracked(S, m));
    assert_true(gc_is_tracked(S, ti) && gc_is_tracked(S, b));
    assert_false(ob_is_gc(S, co) || ob_is_gc(S, r) || ob_is_gc(S, ri) || ob_is_gc(S, self));
    exc_clear(S);
    Obj objs[] = {globals, co, f, one, cell, self, m, zero, ten, r, t, ti, ri, b};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) sim_hold(S, objs[i]);
    ts_obcheck(S);
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) sim_unhold(S, objs[i]);
    ts_obcheck(S);
    sim_free(S);
}

/* A bound method holds its function and its self: +1 on self per method. */
static void test_holders(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj globals = ts_ok(S, dict_new(S));
    Obj co = make_code(S, 3);
    Obj f = ts_ok(S, func_new(S, co, globals, globals, 0, 0));
    Obj self = ts_ok(S, object_new(S));
    assert_int_equal(ob_refcnt(S, co), 2);            /* ours + __code__ */
    Obj m1 = ts_ok(S, method_new(S, f, self));
    Obj m2 = ts_ok(S, method_new(S, f, self));
    assert_int_equal(ob_refcnt(S, self), 3);
    assert_int_equal(ob_refcnt(S, f), 3);
    Obj objs[] = {globals, co, f, self, m1, m2};
    for (size_t i = 0; i < 6; i++) sim_hold(S, objs[i]);
    ts_obcheck(S);
    for (size_t i = 6; i-- > 0;) sim_unhold(S, objs[i]);
    ts_obcheck(S);
    sim_free(S);
}

/* func_dealloc: func_clear's fields (globals, builtins, module, ...,
 * doc), then name and qualname swapped for '' and released, then code. */
static void test_function_dealloc_order(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj globals = ts_ok(S, dict_new(S));
    Obj co = make_code(S, 3);
    Obj qual = ts_ok(S, str_from_cstr(S, "outer.<locals>.g"));
    Obj f = ts_ok(S, func_new(S, co, globals, globals, qual, 0));
    ob_decref(S, qual, HOLD_TEMP);
    ob_decref(S, co, HOLD_TEMP);
    ob_decref(S, globals, HOLD_TEMP);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT);
    ob_decref(S, f, HOLD_TEMP);
    /* collect the reasons of the function's own DECREFs, in order */
    uint32_t reasons[16];
    size_t n = 0;
    for (size_t i = 0; i < rec.n && n < 16; i++)
        if (rec.ev[i].kind == SIM_EV_DECREF && rec.ev[i].addr == f) reasons[n++] = rec.ev[i].reason;
    static const uint32_t want[] = {R_FUNC_GLOBALS, R_FUNC_BUILTINS, R_FUNC_DOC, R_FUNC_NAME,
                                    R_FUNC_QUALNAME, R_FUNC_CODE, R_FUNC_NAME, R_FUNC_QUALNAME};
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++) assert_int_equal(reasons[i], want[i]);
    ts_events_free(&rec);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    ts_obcheck(S);
    sim_free(S);
}

static void test_cells_and_ranges(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj c = ts_ok(S, cell_new(S, 0));
    assert_int_equal(cell_get(S, c), 0);
    Obj v = ts_ok(S, str_from_cstr(S, "value!"));
    cell_set(S, c, v);
    assert_int_equal(ob_refcnt(S, v), 2);
    cell_set(S, c, 0);
    assert_int_equal(ob_refcnt(S, v), 1);
    ob_decref(S, v, HOLD_TEMP);
    ob_decref(S, c, HOLD_TEMP);
    Obj zero = ts_ok(S, int_from_i64(S, 0));
    assert_int_equal(range_new(S, zero, zero, zero), 0);       /* step 0 */
    assert_true(exc_matches(S, EXC_ValueError));
    exc_clear(S);
    ob_decref(S, zero, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* A generator holds its frame's function, code and slots; dropping it
 * before it started clears the frame (no finalizer call), releasing the
 * live slots, f_func and f_code, then gi_code, name, qualname. */
static void test_generator(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj globals = ts_ok(S, dict_new(S));
    Obj co = make_code(S, 3);
    ob_set32(S, co, CO_NLOCALSPLUS_OFF, 2);
    ob_set32(S, co, CO_STACKSIZE_OFF, 2);
    Obj f = ts_ok(S, func_new(S, co, globals, globals, 0, 0));
    Obj g = ts_ok(S, gen_new(S, f));
    assert_int_equal(gen_state(S, g), FRAME_CREATED);
    assert_true(gc_is_tracked(S, g));
    assert_int_equal(ob_refcnt(S, f), 2);       /* ours + the frame's f_func */
    /* the VM's argument passing, by hand: local 0 = a str, stack[0] = it */
    Obj v = ts_ok(S, str_from_cstr(S, "a local value"));
    SimAddr fr = gen_frame(g);
    ob_set64(S, fr, FRAME_LOCALSPLUS_OFF, v);
    ob_move(S, v, HOLD_TEMP, frame_slot_holder(S, fr, 0));
    ob_set64(S, fr, FRAME_LOCALSPLUS_OFF + 16, v);
    ob_incref(S, v, frame_slot_holder(S, fr, 2));
    ob_set32(S, fr, FRAME_STACKTOP_OFF, 3);
    Holder h = frame_slot_holder(S, fr, 2);
    assert_int_equal(h.kind, H_STACK);
    assert_int_equal(h.index, 0);
    Obj objs[] = {globals, co, f, g};
    for (size_t i = 0; i < 4; i++) sim_hold(S, objs[i]);
    ts_obcheck(S);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT);
    sim_unhold(S, g);
    assert_int_equal(ob_refcnt(S, f), 1);       /* the embedder's hold only */
    size_t n = 0;
    uint32_t kinds[8];
    for (size_t i = 0; i < rec.n && n < 8; i++)
        if (rec.ev[i].kind == SIM_EV_DECREF && rec.ev[i].obj != g) kinds[n++] = rec.ev[i].holder;
    assert_true(n >= 4);
    assert_int_equal(kinds[0], H_LOCAL);        /* the slots first ... */
    assert_int_equal(kinds[1], H_STACK);
    assert_int_equal(kinds[2], H_INTERNAL);     /* ... then f_func, f_code */
    ts_events_free(&rec);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    for (size_t i = 3; i-- > 0;) sim_unhold(S, objs[i]);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes_against_cpython),
        cmocka_unit_test(test_holders),
        cmocka_unit_test(test_function_dealloc_order),
        cmocka_unit_test(test_cells_and_ranges),
        cmocka_unit_test(test_generator),
    };
    return cmocka_run_group_tests_name("obj_callables", tests, NULL, NULL) != 0;
}
