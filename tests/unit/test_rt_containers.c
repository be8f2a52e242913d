/*
 * test_rt_containers.c -- the container operators, methods and
 * constructors (runtime/containers.h) against CPython 3.11: each case of
 * tests/data/runtime/containers.txt (tests/runtime/gen_containers.py)
 * gives the result's sys.getsizeof and repr; the cases are rebuilt here
 * with the engine's functions.  Then identities CPython guarantees
 * (t * 1 is t, ...), error messages word for word, iterators, and the
 * ledger audit after each test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/cfunc.h"
#include "runtime/containers.h"
#include "runtime/runtime.h"

/* ---- the expectations ---- */

typedef struct Expect {
    char name[64];
    uint64_t size;
    char *repr;
} Expect;

typedef struct Data {
    Expect *e;
    size_t n;
} Data;

static Data load(void)
{
    Data d = {0, 0};
    size_t len;
    char *text = ts_read_file(TEST_DATA_DIR "/runtime/containers.txt", &len);
    assert_non_null(text);
    size_t cap = 256;
    d.e = calloc(cap, sizeof *d.e);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        Expect *x = &d.e[d.n++];
        char rep[65536];
        assert_int_equal(sscanf(line, "%63s %llu %65535s", x->name, (unsigned long long *)&x->size, rep), 3);
        x->repr = strdup(rep);
        assert_true(d.n < cap);
    }
    free(text);
    return d;
}

static void unload(Data *d)
{
    for (size_t i = 0; i < d->n; i++) free(d->e[i].repr);
    free(d->e);
}

static const Expect *find(const Data *d, const char *name)
{
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->e[i].name, name)) return &d->e[i];
    fail_msg("no expectation named %s", name);
    return NULL;
}

/* ---- a host-side repr, without spaces, for what the cases produce ---- */

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static void put(Buf *b, const char *s)
{
    size_t l = strlen(s);
    if (b->n + l + 1 > b->cap) {
        b->cap = (b->n + l + 1) * 2;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, l + 1);
    b->n += l;
}

static void show(Sim *S, Obj o, Buf *b)
{
    char tmp[128];
    if (o == S->none) return put(b, "None");
    if (ob_is(S, o, TI_INT)) {
        int_to_decimal(S, o, tmp, sizeof tmp);
        return put(b, tmp);
    }
    if (ob_is(S, o, TI_STR)) {
        str_to_utf8(S, o, tmp, sizeof tmp);
        put(b, "'");
        put(b, tmp);
        return put(b, "'");
    }
    if (ob_is(S, o, TI_LIST) || ob_is(S, o, TI_TUPLE)) {
        int tup = ob_is(S, o, TI_TUPLE);
        put(b, tup ? "(" : "[");
        for (int64_t i = 0; i < ob_size(S, o); i++) {
            if (i) put(b, ",");
            show(S, tup ? tuple_item(S, o, i) : list_get(S, o, i), b);
        }
        if (tup && ob_size(S, o) == 1) put(b, ",");
        return put(b, tup ? ")" : "]");
    }
    if (ob_is(S, o, TI_DICT)) {
        put(b, "{");
        int64_t pos = 0;
        Obj k, v;
        int first = 1;
        while (dict_next(S, o, &pos, &k, &v)) {
            if (!first) put(b, ",");
            first = 0;
            show(S, k, b);
            put(b, ":");
            show(S, v, b);
        }
        return put(b, "}");
    }
    if (set_is_any(S, o)) {
        int frozen = ob_is(S, o, TI_FROZENSET);
        if (set_len(S, o) == 0) return put(b, frozen ? "frozenset()" : "set()");
        put(b, frozen ? "frozenset({" : "{");
        int64_t pos = 0;
        Obj k;
        int first = 1;
        while (set_next(S, o, &pos, &k)) {
            if (!first) put(b, ",");
            first = 0;
            show(S, k, b);
        }
        return put(b, frozen ? "})" : "}");
    }
    fail_msg("show: unexpected type %s", ob_type_name(S, o, tmp, sizeof tmp));
}

/* Compares o (a new reference, released here) with the case's line. */
static void expect(Sim *S, const Data *d, const char *name, Obj o)
{
    ts_ok(S, o);
    const Expect *x = find(d, name);
    Buf b = {0, 0, 0};
    show(S, o, &b);
    if (strcmp(b.p, x->repr) != 0) fail_msg("%s: got %s, CPython %s", name, b.p, x->repr);
    if (ob_getsizeof(S, o) != x->size)
        fail_msg("%s: getsizeof %llu, CPython %llu", name, (unsigned long long)ob_getsizeof(S, o),
                 (unsigned long long)x->size);
    free(b.p);
    ob_decref(S, o, HOLD_TEMP);
}

/* ---- building values ---- */

static Obj I(Sim *S, int64_t v) { return ts_ok(S, int_from_i64(S, v)); }

/* list(range(a, b)) as CPython builds it: a fresh list, the length
 * preallocated (rounded up to even), filled. */
static Obj R2(Sim *S, int64_t a, int64_t b)
{
    Obj l = ts_ok(S, list_new_generic(S));
    if (b <= a) return l;
    assert_int_equal(list_preallocate_exact(S, l, b - a), 0);
    ob_set_size(S, l, b - a);
    for (int64_t i = a; i < b; i++) list_set_new(S, l, i - a, I(S, i));
    return l;
}
static Obj R(Sim *S, int64_t n) { return R2(S, 0, n); }

/* A tuple of the given ints. */
static Obj Tn(Sim *S, int n, const int64_t *v)
{
    Obj t = ts_ok(S, tuple_new(S, n));
    for (int i = 0; i < n; i++) tuple_set_item(S, t, i, I(S, v[i]));
    return t;
}

static Obj setof(Sim *S, Obj l)
{
    Obj s = ts_ok(S, cf_new_set(S, S->types[TI_SET].type, &l, 1, 0));
    ob_decref(S, l, HOLD_TEMP);
    return s;
}

static void drop(Sim *S, Obj o) { ob_decref(S, o, HOLD_TEMP); }

static CFunc method(const CFuncDef *table, const char *name)
{
    for (; table->name; table++)
        if (!strcmp(table->name, name)) return table->fn;
    fail_msg("no method %s", name);
    return NULL;
}

/* self.name(*args): the result (a new reference) or 0. */
static Obj callm(Sim *S, const CFuncDef *t, const char *name, Obj self, const Obj *args, int64_t n, Obj kw)
{
    return method(t, name)(S, self, args, n, kw);
}

/* Calls a method that returns None and drops the result. */
static void callv(Sim *S, const CFuncDef *t, const char *name, Obj self, const Obj *args, int64_t n, Obj kw)
{
    drop(S, ts_ok(S, callm(S, t, name, self, args, n, kw)));
}

static Obj kwnames1(Sim *S, const char *name)
{
    Obj k = ts_ok(S, str_from_cstr(S, name));
    Obj t = ts_ok(S, tuple_pack(S, 1, &k));
    drop(S, k);
    return t;
}

static Obj slice3(Sim *S, Obj a, Obj b, Obj c)
{
    Obj s = ts_ok(S, slice_new(S, a, b, c));
    if (a) drop(S, a);
    if (b) drop(S, b);
    if (c) drop(S, c);
    return s;
}

/* The pending exception is of type `id` with message `msg`; cleared. */
static void expect_exc(Sim *S, ExcId id, const char *msg)
{
    char buf[256];
    assert_non_null(S->exc);
    if (!exc_matches(S, id)) fail_msg("wrong exception type, message %s", exc_message(S, buf, sizeof buf));
    assert_string_equal(exc_message(S, buf, sizeof buf), msg);
    exc_clear(S);
}

/* ---- the cases ---- */

static void test_list_cases(void **state)
{
    (void)state;
    Data d = load();
    Sim *S = ts_sim(NULL);
    Obj a, b, l, k;
    const CFuncDef *LM = cf_list_methods;

    a = R(S, 3), b = R2(S, 3, 5);
    expect(S, &d, "concat", listop_concat(S, a, b));
    drop(S, a), drop(S, b);
    a = R(S, 0), b = R(S, 0);
    expect(S, &d, "concat_empty", listop_concat(S, a, b));
    drop(S, a), drop(S, b);
    a = R2(S, 1, 3);
    expect(S, &d, "repeat", listop_repeat(S, a, 3));
    expect(S, &d, "repeat0", listop_repeat(S, a, 0));
    drop(S, a);
    a = R2(S, 7, 8);
    expect(S, &d, "repeat_one", listop_repeat(S, a, 9));
    drop(S, a);

    a = R(S, 10);
    k = slice3(S, I(S, 2), I(S, 7), 0);
    expect(S, &d, "slice", listop_subscript(S, a, k));
    drop(S, k);
    k = slice3(S, 0, 0, I(S, 3));
    expect(S, &d, "slice_ext", listop_subscript(S, a, k));
    drop(S, k);
    k = slice3(S, 0, 0, I(S, -2));
    expect(S, &d, "slice_neg", listop_subscript(S, a, k));
    drop(S, k);
    k = slice3(S, I(S, 7), I(S, 2), 0);
    expect(S, &d, "slice_empty", listop_subscript(S, a, k));
    drop(S, k);
    drop(S, a);

    Obj lt = S->types[TI_LIST].type;
    a = R(S, 5);
    expect(S, &d, "list_of_list", cf_new_list(S, lt, &a, 1, 0));
    drop(S, a);
    a = R(S, 7);
    expect(S, &d, "list_of_list7", cf_new_list(S, lt, &a, 1, 0));
    drop(S, a);
    int64_t v123[] = {1, 2, 3};
    a = Tn(S, 3, v123);
    expect(S, &d, "list_of_tuple", cf_new_list(S, lt, &a, 1, 0));
    drop(S, a);
    a = setof(S, R2(S, 1, 6));
    expect(S, &d, "list_of_set", cf_new_list(S, lt, &a, 1, 0));
    drop(S, a);
    a = ts_ok(S, dict_new(S));
    for (int i = 1; i <= 5; i += 2) {
        Obj x = I(S, i), y = I(S, i + 1);
        assert_int_equal(dict_setitem(S, a, x, y), 0);
        drop(S, x), drop(S, y);
    }
    expect(S, &d, "list_of_dict", cf_new_list(S, lt, &a, 1, 0));
    drop(S, a);

    l = R(S, 0);
    for (int i = 0; i < 17; i++) {
        Obj x = I(S, i);
        callv(S, LM, "append", l, &x, 1, 0);
        drop(S, x);
    }
    expect(S, &d, "list_append", l);

    l = R(S, 5);
    Obj args[2];
    args[0] = I(S, 2), args[1] = I(S, 99);
    callv(S, LM, "insert", l, args, 2, 0);
    drop(S, args[0]), drop(S, args[1]);
    args[0] = I(S, -100), args[1] = I(S, 7);
    callv(S, LM, "insert", l, args, 2, 0);
    drop(S, args[0]), drop(S, args[1]);
    args[0] = I(S, 100), args[1] = I(S, 8);
    callv(S, LM, "insert", l, args, 2, 0);
    drop(S, args[0]), drop(S, args[1]);
    expect(S, &d, "insert", l);

    l = R(S, 10);
    k = slice3(S, I(S, 2), I(S, 5), 0);
    a = R2(S, 9, 10);
    b = listop_repeat(S, a, 7);
    assert_int_equal(listop_ass_subscript(S, l, k, b), 0);
    drop(S, a), drop(S, b), drop(S, k);
    expect(S, &d, "ass_slice", l);

    l = R(S, 30);
    k = slice3(S, I(S, 2), I(S, 25), 0);
    int64_t v12[] = {1, 2};
    a = Tn(S, 2, v12);
    assert_int_equal(listop_ass_subscript(S, l, k, a), 0);
    drop(S, a), drop(S, k);
    expect(S, &d, "ass_slice_shrink", l);

    l = R(S, 20);
    k = slice3(S, I(S, 3), I(S, 15), 0);
    assert_int_equal(listop_ass_subscript(S, l, k, 0), 0);
    drop(S, k);
    expect(S, &d, "del_slice", l);

    l = R(S, 20);
    k = slice3(S, 0, 0, I(S, 3));
    assert_int_equal(listop_ass_subscript(S, l, k, 0), 0);
    drop(S, k);
    expect(S, &d, "del_ext", l);

    l = R(S, 20);
    k = slice3(S, 0, 0, I(S, -4));
    assert_int_equal(listop_ass_subscript(S, l, k, 0), 0);
    drop(S, k);
    expect(S, &d, "del_ext_neg", l);

    l = R(S, 10);
    k = slice3(S, 0, 0, I(S, 2));
    a = R2(S, 7, 8);
    b = listop_repeat(S, a, 5);
    assert_int_equal(listop_ass_subscript(S, l, k, b), 0);
    drop(S, a), drop(S, b), drop(S, k);
    expect(S, &d, "ass_ext", l);

    l = R(S, 6);
    k = slice3(S, I(S, 1), I(S, 3), 0);
    assert_int_equal(listop_ass_subscript(S, l, k, l), 0);
    drop(S, k);
    expect(S, &d, "ass_self", l);

    l = R2(S, 1, 4);
    int64_t v48[] = {4, 5, 6, 7, 8};
    a = Tn(S, 5, v48);
    drop(S, ts_ok(S, listop_inplace_concat(S, l, a)));
    drop(S, a);
    expect(S, &d, "iadd", l);

    l = R(S, 5);
    drop(S, ts_ok(S, listop_inplace_concat(S, l, l)));
    expect(S, &d, "iadd_self", l);

    l = R2(S, 1, 4);
    drop(S, ts_ok(S, listop_inplace_repeat(S, l, 5)));
    expect(S, &d, "imul", l);
    l = R2(S, 1, 4);
    drop(S, ts_ok(S, listop_inplace_repeat(S, l, 0)));
    expect(S, &d, "imul0", l);

    /* [5, 3, 8, ...] is BUILD_LIST 0 + LIST_EXTEND of a constant tuple */
    int64_t vs[] = {5, 3, 8, 1, 9, 2, 7, 3};
    l = R(S, 0);
    a = Tn(S, 7, vs);
    drop(S, ts_ok(S, listop_inplace_concat(S, l, a)));
    drop(S, a);
    callv(S, LM, "sort", l, NULL, 0, 0);
    expect(S, &d, "sort", l);
    l = ts_ok(S, list_new(S, 8));
    for (int i = 0; i < 8; i++) list_set_new(S, l, i, I(S, vs[i]));
    Obj kw = kwnames1(S, "reverse");
    Obj tru = S->true_;
    callv(S, LM, "sort", l, &tru, 0, kw);
    drop(S, kw);
    expect(S, &d, "sort_rev", l);
    l = R(S, 0); /* a comprehension: LIST_APPEND each */
    for (int i = 0; i < 300; i++) {
        Obj x = I(S, (i * 7919) % 1000);
        assert_int_equal(list_append(S, l, x), 0);
        drop(S, x);
    }
    callv(S, LM, "sort", l, NULL, 0, 0);
    expect(S, &d, "sort_big", l);
    l = R(S, 100);
    a = R(S, 50);
    callv(S, LM, "reverse", a, NULL, 0, 0);
    drop(S, ts_ok(S, listop_inplace_concat(S, l, a)));
    drop(S, a);
    a = R(S, 70);
    drop(S, ts_ok(S, listop_inplace_concat(S, l, a)));
    drop(S, a);
    callv(S, LM, "sort", l, NULL, 0, 0);
    expect(S, &d, "sort_runs", l);

    l = R(S, 10);
    a = I(S, 3);
    b = ts_ok(S, callm(S, LM, "pop", l, &a, 1, 0));
    assert_int_equal(b, int_small(S, 3));
    drop(S, a), drop(S, b);
    expect(S, &d, "pop_mid", l);
    l = R(S, 9);
    b = ts_ok(S, callm(S, LM, "pop", l, NULL, 0, 0));
    drop(S, b);
    expect(S, &d, "pop_last", l);
    l = R(S, 10);
    a = I(S, 4);
    callv(S, LM, "remove", l, &a, 1, 0);
    drop(S, a);
    expect(S, &d, "remove", l);
    l = R(S, 9);
    expect(S, &d, "copy", callm(S, LM, "copy", l, NULL, 0, 0));
    callv(S, LM, "clear", l, NULL, 0, 0);
    expect(S, &d, "clear", l);
    l = R(S, 7);
    callv(S, LM, "reverse", l, NULL, 0, 0);
    expect(S, &d, "reverse", l);
    l = R(S, 3);
    int64_t v16[] = {1, 2, 3, 4, 5, 6};
    a = Tn(S, 6, v16);
    callv(S, LM, "extend", l, &a, 1, 0);
    drop(S, a);
    expect(S, &d, "extend_tuple", l);

    ts_obcheck(S);
    sim_free(S);
    unload(&d);
}

static void test_tuple_cases(void **state)
{
    (void)state;
    Data d = load();
    Sim *S = ts_sim(NULL);
    int64_t v12[] = {1, 2}, v3[] = {3};
    Obj a = Tn(S, 2, v12), b = Tn(S, 1, v3), k;
    expect(S, &d, "tuple_concat", tupleop_concat(S, a, b));
    expect(S, &d, "tuple_repeat", tupleop_repeat(S, a, 3));
    drop(S, b);
    int64_t v10[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    b = Tn(S, 10, v10);
    k = slice3(S, I(S, 1), I(S, 8), I(S, 2));
    expect(S, &d, "tuple_slice", tupleop_subscript(S, b, k));
    drop(S, k);
    drop(S, b);

    /* the identities CPython keeps */
    Obj r = ts_ok(S, tupleop_repeat(S, a, 1));
    assert_int_equal(r, a);
    drop(S, r);
    r = ts_ok(S, tupleop_concat(S, a, S->empty_tuple));
    assert_int_equal(r, a);
    drop(S, r);
    r = ts_ok(S, tupleop_concat(S, S->empty_tuple, a));
    assert_int_equal(r, a);
    drop(S, r);
    k = slice3(S, 0, 0, 0);
    r = ts_ok(S, tupleop_subscript(S, a, k));
    assert_int_equal(r, a);
    drop(S, r), drop(S, k);
    Obj tt = S->types[TI_TUPLE].type;
    r = ts_ok(S, cf_new_tuple(S, tt, &a, 1, 0));
    assert_int_equal(r, a);
    drop(S, r);
    r = ts_ok(S, tupleop_repeat(S, a, 0));
    assert_int_equal(r, S->empty_tuple);
    drop(S, r);

    Obj l = R2(S, 1, 4);
    expect(S, &d, "tuple_of_list", cf_new_tuple(S, tt, &l, 1, 0));
    drop(S, l);
    Obj s = setof(S, R2(S, 5, 9));
    expect(S, &d, "tuple_of_set", cf_new_tuple(S, tt, &s, 1, 0));
    drop(S, s);

    /* comparisons and membership of built-in items */
    b = Tn(S, 1, v3);
    r = ts_ok(S, tupleop_richcompare(S, a, b, CMP_LT));
    assert_int_equal(r, S->true_);
    drop(S, r);
    r = ts_ok(S, tupleop_richcompare(S, a, a, CMP_EQ));
    assert_int_equal(r, S->true_);
    drop(S, r);
    assert_int_equal(tupleop_richcompare(S, a, S->none, CMP_EQ), 0);
    assert_null(S->exc);
    Obj two = I(S, 2);
    assert_int_equal(tupleop_contains(S, a, two), 1);
    assert_int_equal(tupleop_contains(S, b, two), 0);
    r = ts_ok(S, callm(S, cf_tuple_methods, "index", a, &two, 1, 0));
    assert_int_equal(r, int_small(S, 1));
    drop(S, r);
    r = ts_ok(S, callm(S, cf_tuple_methods, "count", a, &two, 1, 0));
    assert_int_equal(r, int_small(S, 1));
    drop(S, r);
    assert_null(callm(S, cf_tuple_methods, "index", b, &two, 1, 0));
    expect_exc(S, EXC_ValueError, "tuple.index(x): x not in tuple");
    drop(S, two), drop(S, a), drop(S, b);
    ts_obcheck(S);
    ts_obcheck(S);
    sim_free(S);
    unload(&d);
}

static Obj dict_ints(Sim *S, int n, const int64_t *kv)
{
    Obj d = ts_ok(S, dict_new(S));
    for (int i = 0; i < n; i++) {
        Obj k = I(S, kv[2 * i]), v = I(S, kv[2 * i + 1]);
        assert_int_equal(dict_setitem(S, d, k, v), 0);
        drop(S, k), drop(S, v);
    }
    return d;
}

static void test_dict_cases(void **state)
{
    (void)state;
    Data d = load();
    Sim *S = ts_sim(NULL);
    Obj dt = S->types[TI_DICT].type;
    const CFuncDef *DM = cf_dict_methods;

    Obj kn = ts_ok(S, str_from_cstr(S, "a")), kb = ts_ok(S, str_from_cstr(S, "b"));
    Obj names[2] = {kn, kb};
    Obj kwn = ts_ok(S, tuple_pack(S, 2, names));
    Obj vals[2] = {int_small(S, 1), int_small(S, 2)};
    expect(S, &d, "dict_kw", cf_new_dict(S, dt, vals, 0, kwn));
    drop(S, kwn);

    int64_t p1[] = {1, 2}, p2[] = {3, 4};
    Obj pairs = ts_ok(S, list_new(S, 2));
    list_set_new(S, pairs, 0, Tn(S, 2, p1));
    list_set_new(S, pairs, 1, Tn(S, 2, p2));
    expect(S, &d, "dict_pairs", cf_new_dict(S, dt, &pairs, 1, 0));
    drop(S, pairs);

    int64_t kv[] = {1, 2, 3, 4};
    Obj src = dict_ints(S, 2, kv);
    expect(S, &d, "dict_of_dict", cf_new_dict(S, dt, &src, 1, 0));
    drop(S, src);

    Obj dd = ts_ok(S, dict_new(S));
    pairs = ts_ok(S, list_new(S, 20));
    for (int i = 0; i < 20; i++) {
        int64_t p[] = {i, i};
        list_set_new(S, pairs, i, Tn(S, 2, p));
    }
    callv(S, DM, "update", dd, &pairs, 1, 0);
    drop(S, pairs);
    expect(S, &d, "dict_update_many", dd);

    int64_t kva[] = {1, 2, 5, 6}, kvb[] = {3, 4, 1, 9};
    Obj da = dict_ints(S, 2, kva), db = dict_ints(S, 2, kvb);
    expect(S, &d, "dict_or", dictop_or(S, da, db));
    assert_int_equal(dictop_or(S, da, S->none), 0);
    assert_null(S->exc);
    drop(S, da), drop(S, db);

    Obj r10 = R(S, 10);
    expect(S, &d, "fromkeys", callm(S, DM, "fromkeys", dt, &r10, 1, 0));
    Obj fk = ts_ok(S, callm(S, DM, "fromkeys", dt, &r10, 1, 0));
    expect(S, &d, "dict_copy", callm(S, DM, "copy", fk, NULL, 0, 0));
    Obj three = I(S, 3);
    drop(S, ts_ok(S, callm(S, DM, "pop", fk, &three, 1, 0)));
    expect(S, &d, "dict_pop", fk);
    drop(S, r10);

    Obj sd = ts_ok(S, dict_new(S));
    assert_int_equal(dict_setitem(S, sd, kn, int_small(S, 1)), 0);
    assert_int_equal(dict_setitem(S, sd, kb, int_small(S, 2)), 0);
    Obj fa[2] = {sd, int_small(S, 0)};
    expect(S, &d, "fromkeys_dict", callm(S, DM, "fromkeys", dt, fa, 2, 0));
    drop(S, sd), drop(S, kn), drop(S, kb);
    Obj s12 = setof(S, R(S, 12));
    expect(S, &d, "fromkeys_set", callm(S, DM, "fromkeys", dt, &s12, 1, 0));
    drop(S, s12);

    int64_t kvs[] = {1, 2};
    Obj ds = dict_ints(S, 1, kvs);
    Obj sa[2] = {three, int_small(S, 4)};
    Obj got = ts_ok(S, callm(S, DM, "setdefault", ds, sa, 2, 0));
    assert_int_equal(got, int_small(S, 4));
    drop(S, got);
    sa[0] = int_small(S, 1), sa[1] = int_small(S, 5);
    got = ts_ok(S, callm(S, DM, "setdefault", ds, sa, 2, 0));
    assert_int_equal(got, int_small(S, 2));
    drop(S, got);
    expect(S, &d, "dict_setdefault", ds);
    drop(S, three);

    ts_obcheck(S);
    ts_obcheck(S);
    sim_free(S);
    unload(&d);
}

static void test_set_cases(void **state)
{
    (void)state;
    Data d = load();
    Sim *S = ts_sim(NULL);
    const CFuncDef *SM = cf_set_methods;
    Obj a, b;

    expect(S, &d, "set_list", setof(S, R(S, 5)));
    static const struct {
        const char *name;
        int op;
        int a0, a1, b0, b1;
    } bin[] = {
        {"set_and", 1, 0, 20, 10, 30}, {"set_or", 7, 0, 5, 3, 12},   {"set_sub", 10, 0, 20, 5, 15},
        {"set_sub_small", 10, 0, 40, 1, 3}, {"set_xor", 12, 0, 10, 5, 15},
    };
    for (size_t i = 0; i < sizeof bin / sizeof bin[0]; i++) {
        a = setof(S, R2(S, bin[i].a0, bin[i].a1));
        b = setof(S, R2(S, bin[i].b0, bin[i].b1));
        expect(S, &d, bin[i].name, setop_binop(S, a, b, bin[i].op));
        drop(S, a), drop(S, b);
    }
    static const struct {
        const char *name;
        int op;
        int a0, a1, b0, b1;
    } inpl[] = {
        {"set_iand", 14, 0, 20, 10, 30}, {"set_isub", 23, 0, 20, 5, 15},
        {"set_ixor", 25, 0, 10, 5, 15},  {"set_ior", 20, 0, 3, 0, 30},
    };
    for (size_t i = 0; i < sizeof inpl / sizeof inpl[0]; i++) {
        a = setof(S, R2(S, inpl[i].a0, inpl[i].a1));
        b = setof(S, R2(S, inpl[i].b0, inpl[i].b1));
        Obj r = ts_ok(S, setop_binop(S, a, b, inpl[i].op));
        assert_int_equal(r, a);
        drop(S, r), drop(S, b);
        expect(S, &d, inpl[i].name, a);
    }
    Obj l5 = R(S, 5);
    a = ts_ok(S, cf_new_frozenset(S, S->types[TI_FROZENSET].type, &l5, 1, 0));
    drop(S, l5);
    b = setof(S, R2(S, 3, 12));
    expect(S, &d, "frozen_or", setop_binop(S, a, b, 20)); /* |= on a frozenset: a new one */
    Obj same = ts_ok(S, cf_new_frozenset(S, S->types[TI_FROZENSET].type, &a, 1, 0));
    assert_int_equal(same, a);
    drop(S, same), drop(S, a), drop(S, b);

    Obj args[2];
    a = setof(S, R(S, 3));
    args[0] = R(S, 6);
    int64_t v1011[] = {10, 11};
    args[1] = Tn(S, 2, v1011);
    expect(S, &d, "set_union_m", callm(S, SM, "union", a, args, 2, 0));
    drop(S, args[0]), drop(S, args[1]), drop(S, a);
    a = setof(S, R(S, 30));
    args[0] = R(S, 20), args[1] = R2(S, 10, 25);
    expect(S, &d, "set_inter_m", callm(S, SM, "intersection", a, args, 2, 0));
    drop(S, args[0]), drop(S, args[1]);
    args[0] = R(S, 5), args[1] = R2(S, 20, 40);
    expect(S, &d, "set_diff_m", callm(S, SM, "difference", a, args, 2, 0));
    drop(S, args[0]), drop(S, args[1]), drop(S, a);
    a = setof(S, R(S, 10));
    args[0] = R2(S, 5, 15);
    expect(S, &d, "set_symdiff", callm(S, SM, "symmetric_difference", a, args, 1, 0));
    drop(S, args[0]), drop(S, a);
    a = setof(S, R(S, 40));
    args[0] = R(S, 35);
    callv(S, SM, "difference_update", a, args, 1, 0);
    drop(S, args[0]);
    expect(S, &d, "set_diff_upd", a);
    a = setof(S, R(S, 40));
    args[0] = R(S, 5);
    Obj x = I(S, 39);
    callv(S, cf_list_methods, "append", args[0], &x, 1, 0);
    drop(S, x);
    callv(S, SM, "intersection_update", a, args, 1, 0);
    drop(S, args[0]);
    expect(S, &d, "set_inter_upd", a);

    /* comparisons */
    a = setof(S, R(S, 3));
    b = setof(S, R(S, 5));
    static const struct {
        int op, want;
    } cmp[] = {{CMP_LT, 1}, {CMP_LE, 1}, {CMP_GT, 0}, {CMP_GE, 0}, {CMP_EQ, 0}, {CMP_NE, 1}};
    for (size_t i = 0; i < sizeof cmp / sizeof cmp[0]; i++) {
        Obj r = ts_ok(S, setop_richcompare(S, a, b, cmp[i].op));
        assert_int_equal(r, cmp[i].want ? S->true_ : S->false_);
        drop(S, r);
    }
    assert_int_equal(setop_binop(S, a, S->none, 1), 0);
    assert_null(S->exc);
    drop(S, a), drop(S, b);
    ts_obcheck(S);
    ts_obcheck(S);
    sim_free(S);
    unload(&d);
}

/* ---- errors, word for word ---- */

static void test_errors(void **state)
{
    (void)state;
    Sim *S = ts_sim(NULL);
    const CFuncDef *LM = cf_list_methods, *DM = cf_dict_methods, *SM = cf_set_methods;
    Obj l = R(S, 3), five = I(S, 5), nine = I(S, 9), s = ts_ok(S, str_from_cstr(S, "a"));
    Obj args[3] = {five, five, five};

    assert_null(listop_subscript(S, l, five));
    expect_exc(S, EXC_IndexError, "list index out of range");
    assert_null(listop_subscript(S, l, s));
    expect_exc(S, EXC_TypeError, "list indices must be integers or slices, not str");
    assert_int_equal(listop_ass_subscript(S, l, five, five), -1);
    expect_exc(S, EXC_IndexError, "list assignment index out of range");
    assert_int_equal(listop_ass_subscript(S, l, five, 0), -1);
    expect_exc(S, EXC_IndexError, "list assignment index out of range");
    Obj e = R(S, 0);
    assert_null(callm(S, LM, "pop", e, NULL, 0, 0));
    expect_exc(S, EXC_IndexError, "pop from empty list");
    assert_null(callm(S, LM, "pop", l, &five, 1, 0));
    expect_exc(S, EXC_IndexError, "pop index out of range");
    assert_null(callm(S, LM, "pop", l, &s, 1, 0));
    expect_exc(S, EXC_TypeError, "'str' object cannot be interpreted as an integer");
    assert_null(callm(S, LM, "pop", l, args, 2, 0));
    expect_exc(S, EXC_TypeError, "pop expected at most 1 argument, got 2");
    assert_null(callm(S, LM, "remove", l, &nine, 1, 0));
    expect_exc(S, EXC_ValueError, "list.remove(x): x not in list");
    assert_null(callm(S, LM, "append", l, NULL, 0, 0));
    expect_exc(S, EXC_TypeError, "list.append() takes exactly one argument (0 given)");
    assert_null(callm(S, LM, "insert", l, args, 1, 0));
    expect_exc(S, EXC_TypeError, "insert expected 2 arguments, got 1");
    assert_null(callm(S, LM, "index", l, NULL, 0, 0));
    expect_exc(S, EXC_TypeError, "index expected at least 1 argument, got 0");
    assert_null(callm(S, LM, "clear", l, args, 1, 0));
    expect_exc(S, EXC_TypeError, "list.clear() takes no arguments (1 given)");
    assert_null(callm(S, LM, "sort", l, args, 1, 0));
    expect_exc(S, EXC_TypeError, "sort() takes no positional arguments");
    Obj kw = kwnames1(S, "foo");
    assert_null(callm(S, LM, "sort", l, args, 0, kw));
    expect_exc(S, EXC_TypeError, "'foo' is an invalid keyword argument for sort()");
    drop(S, kw);
    Obj t = Tn(S, 0, NULL);
    assert_null(listop_concat(S, l, t));
    expect_exc(S, EXC_TypeError, "can only concatenate list (not \"tuple\") to list");
    assert_null(tupleop_concat(S, t, l));
    expect_exc(S, EXC_TypeError, "can only concatenate tuple (not \"list\") to tuple");
    assert_null(tupleop_subscript(S, t, five));
    expect_exc(S, EXC_IndexError, "tuple index out of range");
    Obj k = slice3(S, 0, 0, I(S, 2));
    Obj one = R(S, 1);
    assert_int_equal(listop_ass_subscript(S, l, k, one), -1);
    expect_exc(S, EXC_ValueError, "attempt to assign sequence of size 1 to extended slice of size 2");
    assert_int_equal(listop_ass_subscript(S, l, k, five), -1);
    expect_exc(S, EXC_TypeError, "must assign iterable to extended slice");
    drop(S, k), drop(S, one);
    k = slice3(S, I(S, 0), I(S, 1), 0);
    assert_int_equal(listop_ass_subscript(S, l, k, five), -1);
    expect_exc(S, EXC_TypeError, "can only assign an iterable");
    drop(S, k);
    assert_null(cf_new_list(S, S->types[TI_LIST].type, args, 2, 0));
    expect_exc(S, EXC_TypeError, "list expected at most 1 argument, got 2");

    Obj d = ts_ok(S, dict_new(S));
    assert_null(dictop_subscript(S, d, s));
    expect_exc(S, EXC_KeyError, "a");
    assert_int_equal(dictop_ass_subscript(S, d, s, 0), -1);
    expect_exc(S, EXC_KeyError, "a");
    assert_null(callm(S, DM, "pop", d, &s, 1, 0));
    expect_exc(S, EXC_KeyError, "a");
    assert_null(callm(S, DM, "popitem", d, NULL, 0, 0));
    expect_exc(S, EXC_KeyError, "popitem(): dictionary is empty");
    assert_null(callm(S, DM, "get", d, args, 3, 0));
    expect_exc(S, EXC_TypeError, "get expected at most 2 arguments, got 3");
    assert_null(callm(S, DM, "update", d, args, 2, 0));
    expect_exc(S, EXC_TypeError, "update expected at most 1 argument, got 2");
    Obj bad = R(S, 2);
    assert_null(callm(S, DM, "update", d, &bad, 1, 0));
    expect_exc(S, EXC_TypeError, "cannot convert dictionary update sequence element #0 to a sequence");
    drop(S, bad);
    int64_t v3[] = {1, 2, 3};
    bad = ts_ok(S, list_new(S, 1));
    list_set_new(S, bad, 0, Tn(S, 3, v3));
    assert_null(callm(S, DM, "update", d, &bad, 1, 0));
    expect_exc(S, EXC_ValueError, "dictionary update sequence element #0 has length 3; 2 is required");
    drop(S, bad);
    assert_null(callm(S, DM, "keys", d, args, 1, 0));
    expect_exc(S, EXC_TypeError, "dict.keys() takes no arguments (1 given)");
    assert_null(dictop_subscript(S, d, l));
    expect_exc(S, EXC_TypeError, "unhashable type: 'list'");

    Obj st = ts_ok(S, set_new(S));
    assert_null(callm(S, SM, "remove", st, &five, 1, 0));
    assert_true(exc_matches(S, EXC_KeyError)); /* KeyError(5): args (5,) */
    assert_int_equal(tuple_item(S, ob_get64(S, S->exc, EXC_ARGS_OFF), 0), five);
    exc_clear(S);
    assert_null(callm(S, SM, "pop", st, NULL, 0, 0));
    expect_exc(S, EXC_KeyError, "pop from an empty set");
    assert_null(callm(S, SM, "add", st, NULL, 0, 0));
    expect_exc(S, EXC_TypeError, "set.add() takes exactly one argument (0 given)");
    assert_null(callm(S, SM, "add", st, &l, 1, 0));
    expect_exc(S, EXC_TypeError, "unhashable type: 'list'");
    assert_null(cf_new_set(S, S->types[TI_SET].type, args, 2, 0));
    expect_exc(S, EXC_TypeError, "set expected at most 1 argument, got 2");

    drop(S, st), drop(S, d), drop(S, t), drop(S, e);
    drop(S, l), drop(S, five), drop(S, nine), drop(S, s);
    ts_obcheck(S);
    sim_free(S);
}

/* ---- iterators ---- */

static void test_iterators(void **state)
{
    (void)state;
    Sim *S = ts_sim(NULL);
    int64_t kv[] = {1, 10, 2, 20, 3, 30};
    Obj d = dict_ints(S, 3, kv);
    sim_hold(S, d); /* held by the test across the audits */

    /* items: the result tuple is refilled while nobody else holds it */
    Obj view = ts_ok(S, dictop_view(S, d, TI_DICT_ITEMS));
    assert_int_equal(dictview_len(S, view), 3);
    Obj it = ts_ok(S, dictview_iter(S, view));
    Obj p1 = ts_ok(S, dictiter_next(S, it));
    assert_int_equal(tuple_item(S, p1, 0), int_small(S, 1));
    Obj first = p1;
    drop(S, p1);
    Obj p2 = ts_ok(S, dictiter_next(S, it));
    assert_int_equal(p2, first); /* reused */
    assert_int_equal(tuple_item(S, p2, 1), int_small(S, 20));
    Obj p3 = ts_ok(S, dictiter_next(S, it)); /* p2 still held: a new tuple */
    assert_true(p3 != p2);
    assert_int_equal(tuple_item(S, p3, 0), int_small(S, 3));
    assert_null(dictiter_next(S, it));
    assert_null(S->exc);
    drop(S, p2), drop(S, p3), drop(S, it), drop(S, view);
    ts_obcheck(S);

    /* changed size */
    it = ts_ok(S, dictop_iter(S, d));
    Obj k = ts_ok(S, dictiter_next(S, it));
    drop(S, k);
    Obj x = I(S, 99);
    assert_int_equal(dict_setitem(S, d, x, x), 0);
    drop(S, x);
    assert_null(dictiter_next(S, it));
    expect_exc(S, EXC_RuntimeError, "dictionary changed size during iteration");
    assert_null(dictiter_next(S, it));
    expect_exc(S, EXC_RuntimeError, "dictionary changed size during iteration");
    drop(S, it);

    /* reversed(list) */
    Obj l = R(S, 3);
    it = ts_ok(S, listop_reversed(S, l));
    for (int i = 2; i >= 0; i--) {
        Obj v = ts_ok(S, listrev_next(S, it));
        assert_int_equal(v, int_small(S, i));
        drop(S, v);
    }
    assert_null(listrev_next(S, it));
    assert_null(S->exc);
    assert_int_equal(ob_refcnt(S, l), 1); /* the exhausted iterator let go */
    drop(S, it);

    /* sets */
    Obj s = setof(S, R(S, 4));
    it = ts_ok(S, setop_iter(S, s));
    Obj v = ts_ok(S, setiter_next(S, it));
    assert_int_equal(v, int_small(S, 0));
    drop(S, v);
    x = I(S, 77);
    assert_int_equal(set_add(S, s, x), 0);
    drop(S, x);
    assert_null(setiter_next(S, it));
    expect_exc(S, EXC_RuntimeError, "Set changed size during iteration");
    drop(S, it);

    drop(S, s), drop(S, l);
    sim_unhold(S, d);
    ts_obcheck(S);
    sim_free(S);
}

/* list() preallocates the length; the list is a fresh object, not the
 * free list's (PyType_GenericAlloc), as are dict() and set(). */
static void test_generic_alloc(void **state)
{
    (void)state;
    Sim *S = ts_sim(NULL);
    Obj l = ts_ok(S, list_new(S, 0));
    drop(S, l); /* l's object is on the free list now */
    Obj src = ts_ok(S, list_new(S, 0));
    assert_int_equal(src, l); /* PyList_New takes it back */
    drop(S, src);
    Obj made = ts_ok(S, cf_new_list(S, S->types[TI_LIST].type, NULL, 0, 0));
    assert_true(made != l);
    drop(S, made);
    Obj d = ts_ok(S, cf_new_dict(S, S->types[TI_DICT].type, NULL, 0, 0));
    assert_false(gc_is_tracked(S, d));
    drop(S, d);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_cases), cmocka_unit_test(test_tuple_cases),
        cmocka_unit_test(test_dict_cases), cmocka_unit_test(test_set_cases),
        cmocka_unit_test(test_errors),     cmocka_unit_test(test_iterators),
        cmocka_unit_test(test_generic_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
