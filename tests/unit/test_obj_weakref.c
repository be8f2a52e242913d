/*
 * test_obj_weakref.c -- weak references, as CPython 3.11 keeps them (the
 * facts were checked with python3: `weakref.ref(c) is weakref.ref(c)`,
 * callbacks run newest-first after the plain ref, getsizeof is 80, the
 * TypeError message for an int).
 */
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"

static Obj make_class(Sim *S)
{
    Obj ns = ts_ok(S, dict_new(S));
    Obj name = ts_ok(S, str_from_cstr(S, "C"));
    Obj bases = ts_ok(S, tuple_new(S, 0));
    Obj c = ts_ok(S, type_new(S, name, bases, ns));
    ob_decref(S, ns, HOLD_TEMP);
    ob_decref(S, name, HOLD_TEMP);
    ob_decref(S, bases, HOLD_TEMP);
    return c;
}

typedef struct Calls {
    Obj callbacks[8];
    Obj refs[8];
    int n;
} Calls;

/* What the VM's call hook would have been asked to call. */
static Calls recorded;

static int record_call(Sim *S, Obj callable, Obj arg)
{
    (void)S;
    recorded.callbacks[recorded.n] = callable;
    recorded.refs[recorded.n++] = arg;
    return 0;
}

static void test_shared_plain_ref(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj cls = make_class(S);
    Obj c = ts_ok(S, instance_new(S, cls));
    Obj r1 = ts_ok(S, weakref_new(S, c, 0));
    Obj r2 = ts_ok(S, weakref_new(S, c, 0));
    assert_int_equal(r1, r2);
    assert_int_equal(weakref_count(S, c), 1);
    assert_int_equal(ob_refcnt(S, c), 1);            /* weak: no reference */
    assert_int_equal(ob_getsizeof(S, r1), 80);
    assert_int_equal(weakref_get(S, r1), c);
    Obj objs[] = {cls, c, r1};
    for (int i = 0; i < 3; i++) sim_hold(S, objs[i]);
    ob_decref(S, r2, HOLD_TEMP);
    ts_obcheck(S);
    sim_unhold(S, c);                                /* the referent dies */
    assert_int_equal(weakref_get(S, r1), S->none);
    ts_obcheck(S);
    sim_unhold(S, r1);
    sim_unhold(S, cls);
    ts_obcheck(S);
    sim_free(S);
}

static void test_callbacks_order(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    memset(&recorded, 0, sizeof recorded);
    S->call_hook = record_call;
    Obj cls = make_class(S);
    Obj c = ts_ok(S, instance_new(S, cls));
    Obj cb3 = ts_ok(S, str_from_cstr(S, "callback 3"));   /* any object will do here */
    Obj cb4 = ts_ok(S, str_from_cstr(S, "callback 4"));
    Obj r1 = ts_ok(S, weakref_new(S, c, 0));
    Obj r3 = ts_ok(S, weakref_new(S, c, cb3));
    Obj r4 = ts_ok(S, weakref_new(S, c, cb4));
    assert_int_equal(weakref_count(S, c), 3);
    assert_int_equal(ob_refcnt(S, cb3), 2);
    Obj objs[] = {cls, c, cb3, cb4, r1, r3, r4};
    for (int i = 0; i < 7; i++) sim_hold(S, objs[i]);
    ts_obcheck(S);
    sim_unhold(S, c);
    /* CPython printed cb4 then cb3 */
    assert_int_equal(recorded.n, 2);
    assert_int_equal(recorded.callbacks[0], cb4);
    assert_int_equal(recorded.refs[0], r4);
    assert_int_equal(recorded.callbacks[1], cb3);
    assert_int_equal(ob_refcnt(S, cb3), 1);          /* the weakref let go of it */
    assert_int_equal(weakref_get(S, r3), S->none);
    ts_obcheck(S);
    for (int i = 6; i >= 0; i--)
        if (i != 1) sim_unhold(S, objs[i]);
    ts_obcheck(S);
    sim_free(S);
}

static void test_errors_and_early_death(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj i = ts_ok(S, int_from_i64(S, 1000));
    assert_int_equal(weakref_new(S, i, 0), 0);
    char msg[128];
    assert_string_equal(exc_message(S, msg, sizeof msg), "cannot create weak reference to 'int' object");
    exc_clear(S);
    ob_decref(S, i, HOLD_TEMP);
    /* a weakref that dies first leaves the list */
    Obj cls = make_class(S);
    Obj c = ts_ok(S, instance_new(S, cls));
    Obj cb = ts_ok(S, str_from_cstr(S, "cb"));
    Obj r = ts_ok(S, weakref_new(S, c, cb));
    ob_decref(S, cb, HOLD_TEMP);
    ob_decref(S, r, HOLD_TEMP);
    assert_int_equal(weakref_count(S, c), 0);
    sim_hold(S, cls);
    sim_hold(S, c);
    ts_obcheck(S);
    sim_unhold(S, c);
    sim_unhold(S, cls);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_plain_ref),
        cmocka_unit_test(test_callbacks_order),
        cmocka_unit_test(test_errors_and_early_death),
    };
    return cmocka_run_group_tests_name("obj_weakref", tests, NULL, NULL) != 0;
}
