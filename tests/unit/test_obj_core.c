/*
 * test_obj_core.c -- the object layer's core and its first types: static
 * singletons, str, int (one-word values), float, tuple, list, exceptions,
 * free lists, deallocation order and the refcount ledger.  Sizes, hashes
 * and reprs are checked against tests/data/objects/core.txt, which
 * CPython 3.11 produced (tests/objects/gen_core.py).  The whole-heap audit
 * runs after every step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"

static uint64_t getsizeof(Sim *S, Obj o) { return ob_getsizeof(S, o); }

static Obj str_hex(Sim *S, const char *hex)
{
    char buf[256];
    size_t n = 0;
    if (strcmp(hex, "-"))
        for (; hex[2 * n]; n++) sscanf(hex + 2 * n, "%2hhx", (unsigned char *)&buf[n]);
    return ts_ok(S, str_from_utf8(S, buf, n));
}

static double bits_to_double(const char *hex)
{
    uint64_t bits = strtoull(hex, NULL, 16);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static Obj make_item(Sim *S, const char *spec)
{
    if (spec[0] == 's') return str_hex(S, spec + 2);
    if (spec[0] == 'f') return ts_ok(S, float_from_double(S, bits_to_double(spec + 2)));
    return ts_ok(S, int_from_i64(S, strtoll(spec + 2, NULL, 10)));
}

/* Every fact CPython gave us, rebuilt here. */
static void test_against_cpython(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    FILE *f = fopen(TEST_DATA_DIR "/objects/core.txt", "r");
    assert_non_null(f);
    char kind[32], arg[512], want[128];
    int checked = 0;
    while (fscanf(f, "%31s %511s %127s", kind, arg, want) == 3) {
        char got[128];
        if (!strcmp(kind, "str_size") || !strcmp(kind, "hash_str")) {
            Obj s = str_hex(S, arg);
            if (kind[0] == 's') snprintf(got, sizeof got, "%llu", (unsigned long long)getsizeof(S, s));
            else snprintf(got, sizeof got, "%lld", (long long)str_hash(S, s));
            ob_decref(S, s, HOLD_TEMP);
        } else if (!strcmp(kind, "bytes_size") || !strcmp(kind, "hash_bytes")) {
            unsigned char raw[512];
            int64_t n = 0;
            if (strcmp(arg, "-"))
                for (; arg[2 * n]; n++) sscanf(arg + 2 * n, "%2hhx", &raw[n]);
            Obj b = ts_ok(S, bytes_from(S, raw, n));
            if (kind[0] == 'b') snprintf(got, sizeof got, "%llu", (unsigned long long)getsizeof(S, b));
            else snprintf(got, sizeof got, "%lld", (long long)ob_hash(S, b));
            if (n <= 1) assert_int_equal(b, n ? S->bytes_chars[raw[0]] : S->empty_bytes);
            ob_decref(S, b, HOLD_TEMP);
        } else if (!strcmp(kind, "int_size") || !strcmp(kind, "hash_int")) {
            Obj i = ts_ok(S, int_from_i64(S, strtoll(arg, NULL, 10)));
            if (kind[0] == 'i') snprintf(got, sizeof got, "%llu", (unsigned long long)getsizeof(S, i));
            else snprintf(got, sizeof got, "%lld", (long long)ob_hash(S, i));
            ob_decref(S, i, HOLD_TEMP);
        } else if (!strcmp(kind, "float_repr") || !strcmp(kind, "hash_float")) {
            double d = bits_to_double(arg);
            if (kind[0] == 'f') float_repr_buf(d, got, sizeof got);
            else snprintf(got, sizeof got, "%lld", (long long)float_hash(d));
        } else if (!strcmp(kind, "tuple_size")) {
            Obj t = ts_ok(S, tuple_new(S, strtoll(arg, NULL, 10)));
            snprintf(got, sizeof got, "%llu", (unsigned long long)getsizeof(S, t));
            ob_decref(S, t, HOLD_TEMP);
        } else if (!strcmp(kind, "hash_tuple")) {
            Obj items[16];
            int n = 0;
            for (char *tok = strtok(arg, ","); tok && strcmp(tok, "-"); tok = strtok(NULL, ","))
                items[n++] = make_item(S, tok);
            Obj t = ts_ok(S, tuple_pack(S, n, items));
            for (int i = 0; i < n; i++) ob_decref(S, items[i], HOLD_TEMP);
            snprintf(got, sizeof got, "%lld", (long long)tuple_hash(S, t));
            ob_decref(S, t, HOLD_TEMP);
        } else if (!strcmp(kind, "list_append") || !strcmp(kind, "list_extend")) {
            int k = atoi(arg);
            Obj l = ts_ok(S, list_new(S, 0));
            if (kind[5] == 'a') {
                for (int i = 0; i < k; i++) {
                    Obj v = ts_ok(S, int_from_i64(S, i));
                    assert_int_equal(list_append(S, l, v), 0);
                    ob_decref(S, v, HOLD_TEMP);
                }
            } else {
                Obj t = ts_ok(S, tuple_new(S, k));
                for (int i = 0; i < k; i++) tuple_set_item(S, t, i, ts_ok(S, int_from_i64(S, i)));
                assert_int_equal(list_extend(S, l, t), 0);
                ob_decref(S, t, HOLD_TEMP);
            }
            snprintf(got, sizeof got, "%llu", (unsigned long long)getsizeof(S, l));
            ob_decref(S, l, HOLD_TEMP);
        } else if (!strcmp(kind, "list_pop_to")) {
            int k = atoi(arg);
            Obj l = ts_ok(S, list_new(S, 0));
            for (int i = 0; i < 20; i++) assert_int_equal(list_append(S, l, S->none), 0);
            for (int i = 20; i > k; i--) ob_decref(S, ts_ok(S, list_pop(S, l, -1)), HOLD_TEMP);
            snprintf(got, sizeof got, "%llu", (unsigned long long)getsizeof(S, l));
            ob_decref(S, l, HOLD_TEMP);
        } else {
            fail_msg("unknown fact kind %s", kind);
        }
        if (strcmp(got, want)) fail_msg("%s %s: refscope %s, CPython %s", kind, arg, got, want);
        char msg[512];
        if (ob_check(S, msg, sizeof msg) != 0) fail_msg("after %s %s: %s", kind, arg, msg);
        checked++;
    }
    fclose(f);
    assert_true(checked > 200);
    ts_obcheck(S);
    sim_free(S);
}

/* Small ints, one-character strings, '' and () are static singletons
 * with 999,999,999 references; None, True and False start at 1. */
static void test_static_singletons(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj a = int_from_i64(S, 256), b = int_from_i64(S, 256);
    assert_int_equal(a, b);
    assert_int_equal(ob_refcnt(S, a), OB_STATIC_REFCNT + 2);
    Obj c = int_from_i64(S, 257), d = int_from_i64(S, 257);
    assert_int_not_equal(c, d);
    assert_int_equal(int_from_i64(S, -5), int_small(S, -5));
    assert_true(ob_static_base(S, int_small(S, -5)) == OB_STATIC_REFCNT);
    Obj s1 = str_from_cstr(S, "é"), s2 = str_from_cstr(S, "é");
    assert_int_equal(s1, s2);
    assert_int_equal(s1, S->latin1[0xe9]);
    assert_int_equal(str_from_cstr(S, ""), S->empty_str);
    assert_int_equal(tuple_new(S, 0), S->empty_tuple);
    assert_int_equal(ob_refcnt(S, S->none), 1);
    assert_int_equal(ob_refcnt(S, S->true_), 1);
    assert_true(S->small_ints < SIM_ARENA_BASE); /* outside the arenas */
    /* The statics created above hold references from this test: drop. */
    ob_decref(S, a, HOLD_TEMP);
    ob_decref(S, b, HOLD_TEMP);
    ob_decref(S, c, HOLD_TEMP);
    ob_decref(S, d, HOLD_TEMP);
    ob_decref(S, int_small(S, -5), HOLD_TEMP);
    ob_decref(S, s1, HOLD_TEMP);
    ob_decref(S, s2, HOLD_TEMP);
    ob_decref(S, S->empty_str, HOLD_TEMP);
    ob_decref(S, S->empty_tuple, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* The request each object makes of pymalloc, checked by where it lands. */
static void test_request_sizes(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    SimBlockInfo bi;
    Obj f = ts_ok(S, float_from_double(S, 1.5));
    assert_int_equal(sim_heap_locate(S->heap, f, &bi), 0);       /* not GC: block == object */
    assert_int_equal(bi.size, 32);                                 /* 24 -> 32 */
    Obj i = ts_ok(S, int_from_i64(S, 300));
    assert_int_equal(sim_heap_locate(S->heap, i, &bi), 0);
    assert_int_equal(bi.size, 32);                                 /* 28 -> 32 */
    Obj s = ts_ok(S, str_from_cstr(S, "x123456789012345"));       /* 16 chars: 65 -> 80 */
    assert_int_equal(sim_heap_locate(S->heap, s, &bi), 0);
    assert_int_equal(bi.size, 80);
    Obj t = ts_ok(S, tuple_new(S, 3));                             /* 16 + 48 = 64 */
    assert_int_equal(sim_heap_locate(S->heap, t - 16, &bi), 0);
    assert_int_equal(bi.size, 64);
    Obj l = ts_ok(S, list_new(S, 3));                              /* 16 + 40 -> 64, items 24 -> 32 */
    assert_int_equal(sim_heap_locate(S->heap, l - 16, &bi), 0);
    assert_int_equal(bi.size, 64);
    assert_int_equal(sim_heap_locate(S->heap, ob_get64(S, l, LIST_ITEMS_OFF), &bi), 0);
    assert_int_equal(bi.size, 32);
    Obj big = ts_ok(S, str_new(S, 'a', 500));                     /* 549 bytes: raw malloc */
    assert_int_equal(sim_heap_locate(S->heap, big, &bi), 0);
    assert_false(bi.small);
    Obj objs[] = {f, i, s, t, l, big};
    for (size_t k = 0; k < 6; k++) ob_decref(S, objs[k], HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* Free lists: a freed float, list or tuple comes back at the same
 * address without touching pymalloc or count[0]. */
static void test_free_lists(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj f = ts_ok(S, float_from_double(S, 2.5));
    ob_decref(S, f, HOLD_TEMP);
    assert_int_equal(S->fl.float_n, 1);
    ts_obcheck(S);
    Obj g = ts_ok(S, float_from_double(S, 7.0));
    assert_int_equal(g, f);
    assert_true(float_value(S, g) == 7.0);
    ob_decref(S, g, HOLD_TEMP);

    Obj l = ts_ok(S, list_new(S, 0));
    int64_t count0 = S->gc.gen[0].count;
    ob_decref(S, l, HOLD_TEMP);
    assert_int_equal(S->fl.list_n, 1);
    assert_int_equal(S->gc.gen[0].count, count0);   /* the memory was not freed */
    Obj l2 = ts_ok(S, list_new(S, 0));
    assert_int_equal(l2, l);
    assert_int_equal(S->gc.gen[0].count, count0);   /* reuse: no +1 */
    assert_true(gc_is_tracked(S, l2));
    ob_decref(S, l2, HOLD_TEMP);

    Obj t = ts_ok(S, tuple_pack(S, 1, &S->none));
    ob_decref(S, t, HOLD_TEMP);
    assert_int_equal(S->fl.tuple_n[0], 1);
    ts_obcheck(S);
    Obj t2 = ts_ok(S, tuple_pack(S, 1, &S->true_));
    assert_int_equal(t2, t);
    ob_decref(S, t2, HOLD_TEMP);

    /* only 100 floats are kept */
    Obj many[150];
    for (int k = 0; k < 150; k++) many[k] = ts_ok(S, float_from_double(S, k));
    for (int k = 0; k < 150; k++) ob_decref(S, many[k], HOLD_TEMP);
    assert_int_equal(S->fl.float_n, FL_FLOAT_MAX);
    ts_obcheck(S);
    sim_free(S);
}

/* A list releases its items from the last to the first; so does a tuple. */
static void test_dealloc_order(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj items[4];
    Obj l = ts_ok(S, list_new(S, 0));
    for (int k = 0; k < 4; k++) {
        items[k] = ts_ok(S, float_from_double(S, k + 0.5));
        assert_int_equal(list_append(S, l, items[k]), 0);
        ob_decref(S, items[k], HOLD_TEMP);
    }
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_OBJECT);
    ob_decref(S, l, HOLD_TEMP);
    /* dealloc list, then items 3, 2, 1, 0 */
    assert_int_equal(rec.n, 5);
    assert_int_equal(rec.ev[0].obj, l);
    for (int k = 0; k < 4; k++) assert_int_equal(rec.ev[1 + k].obj, items[3 - k]);
    ts_events_free(&rec);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    ts_obcheck(S);
    sim_free(S);
}

/* Deep nesting goes through the trashcan instead of the host stack. */
static void test_deep_nesting(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj inner = ts_ok(S, list_new(S, 0));
    for (int k = 0; k < 100000; k++) {
        Obj outer = ts_ok(S, list_new(S, 1));
        list_set_new(S, outer, 0, inner);
        inner = outer;
    }
    sim_hold(S, inner);
    ts_obcheck(S);
    sim_unhold(S, inner);
    assert_int_equal(S->trash, 0);
    assert_int_equal(S->dealloc_depth, 0);
    ts_obcheck(S);
    sim_free(S);
}

static void count_holder(Sim *S, Obj target, const Holder *hd, void *ud)
{
    (void)S;
    (void)target;
    int *counts = ud;
    counts[hd->kind]++;
}

/* The ledger: holders are found and counted; a wrong count is caught. */
static void test_ledger(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj x = ts_ok(S, str_from_cstr(S, "hello world"));
    sim_hold(S, x);                                  /* like a name binding */
    Obj l = ts_ok(S, list_new(S, 0));
    assert_int_equal(list_append(S, l, x), 0);
    assert_int_equal(list_append(S, l, x), 0);
    Obj t = ts_ok(S, tuple_pack(S, 1, &x));
    sim_hold(S, l);
    sim_hold(S, t);
    assert_int_equal(ob_refcnt(S, x), 4);
    int counts[H_KIND_COUNT] = {0};
    ob_holders(S, x, count_holder, counts);
    assert_int_equal(counts[H_CROOT], 1);
    assert_int_equal(counts[H_LIST_ITEM], 2);
    assert_int_equal(counts[H_TUPLE_ITEM], 1);
    ts_obcheck(S);

    /* an INCREF nobody accounts for is caught, and named */
    ob_set64(S, x, OB_REFCNT_OFF, 5);
    char msg[256];
    assert_int_equal(ob_check(S, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "str at 0x"));
    assert_non_null(strstr(msg, "ob_refcnt 5 but 4 holders"));
    ob_set64(S, x, OB_REFCNT_OFF, 4);
    /* a dangling pointer in a container is caught */
    Obj saved = list_get(S, l, 1);
    ob_set64(S, ob_get64(S, l, LIST_ITEMS_OFF), 8, 0x7f0004123450);
    assert_int_equal(ob_check(S, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "not a live object"));
    ob_set64(S, ob_get64(S, l, LIST_ITEMS_OFF), 8, saved);
    ts_obcheck(S);

    sim_unhold(S, t);
    sim_unhold(S, l);
    assert_int_equal(ob_refcnt(S, x), 1);
    sim_unhold(S, x);
    ts_obcheck(S);
    sim_free(S);
}

/* Refcount events name the holder. */
static void test_refcount_events(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj l = ts_ok(S, list_new(S, 0));
    Obj v = ts_ok(S, float_from_double(S, 3.25));
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT);
    assert_int_equal(list_append(S, l, v), 0);
    assert_int_equal(rec.n, 1);
    assert_int_equal(rec.ev[0].kind, SIM_EV_INCREF);
    assert_int_equal(rec.ev[0].obj, v);
    assert_int_equal(rec.ev[0].a, 2);
    assert_int_equal(rec.ev[0].holder, H_LIST_ITEM);
    assert_int_equal(rec.ev[0].addr, l);
    assert_int_equal(rec.ev[0].index, 0);
    char line[200], want[200];
    sim_event_format(&rec.ev[0], line, sizeof line);
    snprintf(want, sizeof want, "incref      0x%012llx refcnt 2 by list item of 0x%012llx [0]",
             (unsigned long long)v, (unsigned long long)l);
    assert_string_equal(line, want);
    ob_decref(S, v, HOLD_TEMP);
    assert_int_equal(rec.ev[1].kind, SIM_EV_DECREF);
    assert_int_equal(rec.ev[1].a, 1);
    assert_int_equal(rec.ev[1].holder, H_TEMP);
    ob_decref(S, l, HOLD_TEMP);
    /* the list's DECREF to 0, then its item's */
    assert_int_equal(rec.ev[2].obj, l);
    assert_int_equal(rec.ev[3].obj, v);
    assert_int_equal(rec.ev[3].holder, H_LIST_ITEM);
    ts_events_free(&rec);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    ts_obcheck(S);
    sim_free(S);
}

/* Bad use gets an exception value, never a crash. */
static void test_errors_are_exceptions(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    char buf[128];
    int64_t v;
    Obj s = ts_ok(S, str_from_cstr(S, "not an int"));
    assert_int_equal(int_as_i64(S, s, &v), -1);
    assert_true(exc_matches(S, EXC_TypeError));
    exc_clear(S);
    Obj l = ts_ok(S, list_new(S, 0));
    assert_int_equal(ob_hash(S, l), -1);
    assert_true(exc_matches(S, EXC_TypeError));
    assert_string_equal(exc_message(S, buf, sizeof buf), "unhashable type: 'list'");
    exc_clear(S);
    assert_int_equal(list_pop(S, l, 0), 0);
    assert_true(exc_matches(S, EXC_IndexError));
    assert_true(exc_matches(S, EXC_LookupError));
    assert_false(exc_matches(S, EXC_KeyError));
    assert_string_equal(exc_message(S, buf, sizeof buf), "pop from empty list");
    sim_hold(S, s);
    sim_hold(S, l);
    ts_obcheck(S);                         /* the pending exception is a holder */
    exc_clear(S);
    assert_int_equal(str_from_utf8(S, "\xff\xfe", 2), 0);
    assert_true(exc_matches(S, EXC_ValueError));
    exc_clear(S);
    sim_unhold(S, s);
    sim_unhold(S, l);
    ts_obcheck(S);
    sim_free(S);

    /* a full heap raises MemoryError and leaves the heap sound */
    S = ts_sim("cpython-3.11,limit=1M");
    Obj keep = ts_ok(S, list_new(S, 0));
    int failed = 0;
    for (int k = 0; k < 100000 && !failed; k++) {
        Obj f = float_from_double(S, k);
        if (!f) {
            failed = 1;
            break;
        }
        if (list_append(S, keep, f) != 0) failed = 1;
        ob_decref(S, f, HOLD_TEMP);
    }
    assert_true(failed);
    assert_true(exc_matches(S, EXC_MemoryError));
    exc_clear(S);
    ob_decref(S, keep, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

static void test_interning(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj a = ts_ok(S, str_from_cstr(S, "hello"));
    Obj b = ts_ok(S, str_from_cstr(S, "hello"));
    assert_int_not_equal(a, b);              /* runtime strings are not interned */
    uint64_t at_start = S->interned.used;   /* CPython's start-up one-character names */
    str_intern(S, &a);
    str_intern(S, &b);
    assert_int_equal(a, b);
    assert_int_equal(ob_refcnt(S, a), 2);    /* the table's references don't count */
    sim_hold(S, a);
    sim_hold(S, b);
    ts_obcheck(S);
    sim_unhold(S, a);
    sim_unhold(S, b);                        /* mortal: freed, and out of the table */
    assert_int_equal(S->interned.used, at_start);
    Obj c = ts_ok(S, str_from_cstr(S, "hello"));
    assert_false(str_is_interned(S, c));
    ob_decref(S, c, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_static_singletons),
        cmocka_unit_test(test_request_sizes),
        cmocka_unit_test(test_free_lists),
        cmocka_unit_test(test_dealloc_order),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_ledger),
        cmocka_unit_test(test_refcount_events),
        cmocka_unit_test(test_errors_are_exceptions),
        cmocka_unit_test(test_interning),
    };
    return cmocka_run_group_tests_name("obj_core", tests, NULL, NULL) != 0;
}
