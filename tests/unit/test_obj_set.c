/*
 * test_obj_set.c -- set and frozenset: CPython 3.11's layout, probing,
 * growth, dummies, set_merge, pop's finger, frozenset hashes, sizes and
 * table blocks, deallocation order, holders, errors.  The replayed cases
 * come from tests/data/objects/set.txt, which CPython 3.11 produced
 * (tests/objects/gen_set.py); the whole-heap audit runs after every step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* ---- items: the generator's notation ---- */

typedef struct Buf {
    char *s;
    size_t n, cap;
} Buf;

static void put(Buf *b, const char *text)
{
    size_t len = strlen(text);
    if (b->n + len + 1 > b->cap) {
        b->cap = (b->n + len + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    memcpy(b->s + b->n, text, len + 1);
    b->n += len;
}

static Obj parse_item(Sim *S, const char **p);

/* ITEMS up to `end` ('\0' or ')'), as a new tuple. */
static Obj parse_items(Sim *S, const char **p, char end)
{
    Obj items[256];
    int n = 0;
    if (**p == '-') {
        (*p)++;
    } else {
        while (**p && **p != end) {
            assert_true(n < 256);
            items[n++] = parse_item(S, p);
            if (**p == ',') (*p)++;
        }
    }
    Obj t = ts_ok(S, tuple_new(S, n));
    for (int i = 0; i < n; i++) tuple_set_item(S, t, i, items[i]);
    return t;
}

static Obj parse_item(Sim *S, const char **p)
{
    const char *q = *p;
    char kind = q[0];
    if (kind == 't' || kind == 'z') {
        assert_int_equal(q[1], '(');
        *p = q + 2;
        Obj t = parse_items(S, p, ')');
        assert_int_equal(**p, ')');
        (*p)++;
        if (kind == 't') return t;
        Obj f = ts_ok(S, frozenset_new(S, t));
        ob_decref(S, t, HOLD_TEMP);
        return f;
    }
    assert_int_equal(q[1], ':');
    q += 2;
    size_t len = strcspn(q, ",)");
    char text[1024];
    assert_true(len < sizeof text);
    memcpy(text, q, len);
    text[len] = '\0';
    *p = q + len;
    if (kind == 'i') return ts_ok(S, int_from_i64(S, strtoll(text, NULL, 10)));
    if (kind == 'b') {
        Obj v = text[0] == '1' ? S->true_ : S->false_;
        ob_incref(S, v, HOLD_TEMP);
        return v;
    }
    if (kind == 'f') {
        uint64_t bits = strtoull(text, NULL, 16);
        double d;
        memcpy(&d, &bits, sizeof d);
        return ts_ok(S, float_from_double(S, d));
    }
    assert_int_equal(kind, 's');
    char raw[512];
    size_t n = 0;
    for (; text[2 * n]; n++) sscanf(text + 2 * n, "%2hhx", (unsigned char *)&raw[n]);
    return ts_ok(S, str_from_utf8(S, raw, n));
}

static Obj item_from(Sim *S, const char *spec)
{
    const char *p = spec;
    Obj o = parse_item(S, &p);
    assert_int_equal(*p, '\0');
    return o;
}

static Obj tuple_from(Sim *S, const char *spec)
{
    const char *p = spec;
    Obj t = parse_items(S, &p, '\0');
    assert_int_equal(*p, '\0');
    return t;
}

static void fmt_items(Sim *S, Obj s, Buf *b);

static void fmt_item(Sim *S, Obj o, Buf *b)
{
    char tmp[600];
    if (ob_is(S, o, TI_BOOL)) {
        put(b, o == S->true_ ? "b:1" : "b:0");
    } else if (ob_is(S, o, TI_INT)) {
        Obj r = ts_ok(S, int_repr(S, o));
        str_to_utf8(S, r, tmp, sizeof tmp);
        ob_decref(S, r, HOLD_TEMP);
        put(b, "i:");
        put(b, tmp);
    } else if (ob_is(S, o, TI_STR)) {
        char utf8[256];
        size_t n = str_to_utf8(S, o, utf8, sizeof utf8);
        assert_true(n < sizeof utf8);
        put(b, "s:");
        for (size_t i = 0; i < n; i++) {
            snprintf(tmp, sizeof tmp, "%02x", (unsigned char)utf8[i]);
            put(b, tmp);
        }
    } else if (ob_is(S, o, TI_FLOAT)) {
        double d = float_value(S, o);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        snprintf(tmp, sizeof tmp, "f:%016llx", (unsigned long long)bits);
        put(b, tmp);
    } else if (ob_is(S, o, TI_TUPLE)) {
        put(b, "t(");
        if (ob_size(S, o) == 0) put(b, "-");
        for (int64_t i = 0; i < ob_size(S, o); i++) {
            if (i) put(b, ",");
            fmt_item(S, tuple_item(S, o, i), b);
        }
        put(b, ")");
    } else if (ob_is(S, o, TI_FROZENSET)) {
        put(b, "z(");
        fmt_items(S, o, b);
        put(b, ")");
    } else {
        fail_msg("fmt_item: unexpected type");
    }
}

/* list(s) in the notation, "-" when empty. */
static void fmt_items(Sim *S, Obj s, Buf *b)
{
    int64_t pos = 0;
    Obj key;
    int any = 0;
    while (set_next(S, s, &pos, &key)) {
        if (any) put(b, ",");
        fmt_item(S, key, b);
        any = 1;
    }
    if (!any) put(b, "-");
}

static char *order_of(Sim *S, Obj s)
{
    Buf b = {NULL, 0, 0};
    put(&b, "");
    fmt_items(S, s, &b);
    return b.s;
}

static void assert_order(Sim *S, Obj s, const char *want, const char *where)
{
    char *got = order_of(S, s);
    if (strcmp(got, want)) fail_msg("%s: order\n  refscope %s\n  CPython  %s", where, got, want);
    free(got);
}

/* ---- replaying CPython's cases ---- */

typedef struct Replay {
    Sim *S;
    Obj s;               /* held through sim_hold, or 0 */
    char name[128];
    int line;
} Replay;

static void replace(Replay *r, Obj s)
{
    Sim *S = r->S;
    ts_ok(S, s);
    sim_hold(S, s);
    if (r->s) sim_unhold(S, r->s);
    r->s = s;
}

static void ok(Replay *r, int rc, const char *op)
{
    if (rc != 0) {
        char buf[256];
        fail_msg("%s line %d: %s failed: %s", r->name, r->line, op, exc_message(r->S, buf, sizeof buf));
    }
}

/* The separate table: (mask+1)*16 bytes, a pymalloc block of exactly
 * that class up to 512 bytes, raw malloc above. */
static void check_table(Replay *r, long want)
{
    Sim *S = r->S;
    SimAddr table = set_table(S, r->s);
    if (want == 0) {
        assert_int_equal(table, r->s + SET_SMALLTABLE_OFF);
        return;
    }
    assert_int_equal((uint64_t)(set_mask(S, r->s) + 1) * 16, (uint64_t)want);
    SimBlockInfo bi;
    assert_int_equal(sim_heap_locate(S->heap, table, &bi), 0);
    if (want <= 512) {
        assert_true(bi.small);
        assert_int_equal(bi.size, want);
    } else {
        assert_false(bi.small);
    }
}

static void replay_action(Replay *r, const char *op, const char *arg, const char *want)
{
    Sim *S = r->S;
    if (!strcmp(op, "new")) {
        replace(r, set_new(S));
    } else if (!strcmp(op, "frozenset") || !strcmp(op, "setof") || !strcmp(op, "setoflist")) {
        Obj t = tuple_from(S, arg);
        Obj src = t;
        if (!strcmp(op, "setoflist")) {
            src = ts_ok(S, list_new(S, 0));
            ok(r, list_extend(S, src, t), "list_extend");
        }
        replace(r, op[0] == 'f' ? frozenset_new(S, src) : set_from(S, src));
        if (src != t) ob_decref(S, src, HOLD_TEMP);
        ob_decref(S, t, HOLD_TEMP);
    } else if (!strcmp(op, "setofdict")) {
        Obj t = tuple_from(S, arg), d = ts_ok(S, dict_new(S));
        for (int64_t i = 0; i < ob_size(S, t); i++) ok(r, dict_setitem(S, d, tuple_item(S, t, i), S->none), "setitem");
        replace(r, set_from(S, d));
        ob_decref(S, d, HOLD_TEMP);
        ob_decref(S, t, HOLD_TEMP);
    } else if (!strcmp(op, "buildset")) {
        Obj t = tuple_from(S, arg);
        Obj s = ts_ok(S, set_new(S));
        for (int64_t i = 0; i < ob_size(S, t); i++) ok(r, set_add(S, s, tuple_item(S, t, i)), "add");
        replace(r, s);
        ob_decref(S, t, HOLD_TEMP);
    } else if (!strcmp(op, "literal")) {
        /* BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1 */
        Obj t = tuple_from(S, arg);
        Obj k = ts_ok(S, frozenset_const(S, t));
        ob_decref(S, t, HOLD_TEMP);
        assert_order(S, k, want, r->name);
        Obj s = ts_ok(S, set_new(S));
        ok(r, set_update(S, s, k), "SET_UPDATE");
        ob_decref(S, k, HOLD_TEMP);
        replace(r, s);
    } else if (!strcmp(op, "copy")) {
        Obj c = ts_ok(S, set_copy(S, r->s));
        if (ob_is(S, r->s, TI_FROZENSET)) assert_int_equal(c, r->s);
        replace(r, c);
    } else if (!strcmp(op, "clear")) {
        ok(r, set_clear(S, r->s), "clear");
    } else if (!strcmp(op, "pop")) {
        Obj k = ts_ok(S, set_pop(S, r->s));
        Buf b = {NULL, 0, 0};
        fmt_item(S, k, &b);
        if (strcmp(b.s, want)) fail_msg("%s line %d: pop %s, CPython %s", r->name, r->line, b.s, want);
        free(b.s);
        ob_decref(S, k, HOLD_TEMP);
    } else {
        fail_msg("%s line %d: unknown action %s", r->name, r->line, op);
    }
}

/* Steps whose argument is one item. */
static int replay_keyed(Replay *r, const char *op, const char *arg, const char *want)
{
    Sim *S = r->S;
    if (strcmp(op, "add") && strcmp(op, "discard") && strcmp(op, "remove") && strcmp(op, "contains"))
        return 0;
    Obj key = item_from(S, arg);
    int rc;
    if (!strcmp(op, "add")) {
        ok(r, set_add(S, r->s, key), "add");
    } else if (!strcmp(op, "remove")) {
        ok(r, set_remove(S, r->s, key), "remove");
    } else {
        rc = op[0] == 'd' ? set_discard(S, r->s, key) : set_contains(S, r->s, key);
        if (rc != atoi(want)) fail_msg("%s line %d: %s %s gave %d, CPython %s", r->name, r->line, op, arg, rc, want);
    }
    ob_decref(S, key, HOLD_TEMP);
    return 1;
}

/* Steps whose argument is a tuple of items. */
static int replay_update(Replay *r, const char *op, const char *arg)
{
    Sim *S = r->S;
    if (strncmp(op, "update", 6)) return 0;
    Obj t = tuple_from(S, arg), other = t;
    if (!strcmp(op, "updateset")) other = ts_ok(S, set_from(S, t));
    else if (!strcmp(op, "updatefrozen")) other = ts_ok(S, frozenset_new(S, t));
    ok(r, set_update(S, r->s, other), op);
    if (other != t) ob_decref(S, other, HOLD_TEMP);
    ob_decref(S, t, HOLD_TEMP);
    return 1;
}

static void replay_check(Replay *r, const char *op, const char *want)
{
    Sim *S = r->S;
    long long got;
    if (!strcmp(op, "order")) {
        assert_order(S, r->s, want, r->name);
        return;
    } else if (!strcmp(op, "size")) {
        got = (long long)set_sizeof(S, r->s);
    } else if (!strcmp(op, "len")) {
        got = set_len(S, r->s);
    } else if (!strcmp(op, "hash")) {
        got = ob_hash(S, r->s);
    } else if (!strcmp(op, "table")) {
        check_table(r, atol(want));
        return;
    } else {
        fail_msg("%s line %d: unknown step %s", r->name, r->line, op);
        return;
    }
    if (got != atoll(want)) fail_msg("%s line %d: %s refscope %lld, CPython %s", r->name, r->line, op, got, want);
}

static void replay_step(Replay *r, const char *op, const char *arg, const char *want)
{
    Sim *S = r->S;
    if (!strcmp(op, "setofstr")) {
        char raw[512];
        size_t n = 0;
        if (strcmp(arg, "-"))
            for (; arg[2 * n]; n++) sscanf(arg + 2 * n, "%2hhx", (unsigned char *)&raw[n]);
        Obj text = ts_ok(S, str_from_utf8(S, raw, n));
        replace(r, set_from(S, text));
        ob_decref(S, text, HOLD_TEMP);
    } else if (!replay_keyed(r, op, arg, want) && !replay_update(r, op, arg)) {
        static const char *const checks[] = {"order", "size", "len", "hash", "table"};
        for (size_t k = 0; k < sizeof checks / sizeof *checks; k++)
            if (!strcmp(op, checks[k])) {
                replay_check(r, op, want);
                return;
            }
        replay_action(r, op, arg, want);
    }
}

static void test_against_cpython(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    FILE *f = fopen(TEST_DATA_DIR "/objects/set.txt", "r");
    assert_non_null(f);
    static char op[64], arg[60000], want[60000];
    Replay r = {S, 0, "", 0};
    int cases = 0, steps = 0;
    while (fscanf(f, "%63s %59999s %59999s", op, arg, want) == 3) {
        r.line++;
        if (!strcmp(op, "begin")) {
            if (r.s) sim_unhold(S, r.s);
            r.s = 0;
            snprintf(r.name, sizeof r.name, "%.100s", arg);
            cases++;
        } else {
            replay_step(&r, op, arg, want);
            steps++;
        }
        char msg[512];
        if (ob_check(S, msg, sizeof msg) != 0) fail_msg("%s line %d (%s): %s", r.name, r.line, op, msg);
        if (S->exc) fail_msg("%s line %d: exception left pending", r.name, r.line);
    }
    fclose(f);
    if (r.s) sim_unhold(S, r.s);
    assert_true(cases > 700);
    assert_true(steps > 6000);
    ts_obcheck(S);
    sim_free(S);
}

/* ---- the object itself ---- */

static Obj ints_tuple(Sim *S, int64_t from, int64_t n)
{
    Obj t = ts_ok(S, tuple_new(S, n));
    for (int64_t i = 0; i < n; i++) tuple_set_item(S, t, i, ts_ok(S, int_from_i64(S, from + i)));
    return t;
}

/* 200 bytes + the GC head in a 224-byte block, the inline table, always
 * tracked, one count[0]; frozenset() is a new object every time. */
static void test_layout(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    int64_t c0 = S->gc.gen[0].count;
    Obj s = ts_ok(S, set_new(S));
    assert_int_equal(S->gc.gen[0].count, c0 + 1);
    assert_true(gc_is_tracked(S, s));
    SimBlockInfo bi;
    assert_int_equal(sim_heap_locate(S->heap, s - 16, &bi), 0);
    assert_int_equal(bi.size, 224);
    assert_int_equal(ob_get64(S, s, SET_FILL_OFF), 0);
    assert_int_equal(ob_get64(S, s, SET_USED_OFF), 0);
    assert_int_equal(set_mask(S, s), 7);
    assert_int_equal(set_table(S, s), s + 64);
    assert_int_equal((int64_t)ob_get64(S, s, SET_HASH_OFF), -1);
    assert_int_equal(ob_get64(S, s, SET_FINGER_OFF), 0);
    assert_int_equal(ob_get64(S, s, SET_WEAKREFLIST_OFF), 0);
    assert_int_equal(set_sizeof(S, s), 216);
    sim_hold(S, s);
    ts_obcheck(S);

    Obj f1 = ts_ok(S, frozenset_new(S, 0)), f2 = ts_ok(S, frozenset_new(S, 0));
    assert_int_not_equal(f1, f2);                       /* not a singleton in 3.11 */
    assert_true(gc_is_tracked(S, f1));
    assert_int_equal(set_sizeof(S, f1), 216);
    assert_int_equal(ts_ok(S, frozenset_new(S, f1)), f1); /* frozenset(f) is f */
    assert_int_equal(ob_refcnt(S, f1), 2);
    assert_int_equal(ts_ok(S, set_copy(S, f1)), f1);
    assert_int_equal(ob_refcnt(S, f1), 3);
    /* hash of the empty frozenset, cached in the object */
    assert_int_equal(set_hash(S, f2), 133146708735736);
    assert_int_equal((int64_t)ob_get64(S, f2, SET_HASH_OFF), 133146708735736);
    for (int k = 0; k < 3; k++) ob_decref(S, f1, HOLD_TEMP);
    ob_decref(S, f2, HOLD_TEMP);
    sim_unhold(S, s);
    assert_int_equal(S->gc.gen[0].count, c0);
    ts_obcheck(S);
    sim_free(S);
}

/* set(tuple) asks for the set (216), then the tuple iterator (48), which
 * is freed at the end; count[0] ends one up.  set(str) the same with a
 * str iterator's block. */
static void test_iterator_requests(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj t = ints_tuple(S, 0, 3);
    int64_t c0 = S->gc.gen[0].count;
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_BLOCK);
    Obj s = ts_ok(S, set_from(S, t));
    ev_set_sink(&S->ev, NULL, NULL, 0);
    assert_int_equal(rec.n, 3);
    assert_int_equal(rec.ev[0].kind, SIM_EV_BLOCK_ALLOC);
    assert_int_equal(rec.ev[0].a, 216);
    assert_int_equal(rec.ev[1].kind, SIM_EV_BLOCK_ALLOC);
    assert_int_equal(rec.ev[1].a, 48);
    assert_int_equal(rec.ev[2].kind, SIM_EV_BLOCK_FREE);
    assert_int_equal(rec.ev[2].addr, rec.ev[1].addr);
    assert_int_equal(S->gc.gen[0].count, c0 + 1);
    ts_events_free(&rec);
    ob_decref(S, t, HOLD_TEMP);
    assert_int_equal(set_len(S, s), 3);
    ob_decref(S, s, HOLD_TEMP);

    Obj text = ts_ok(S, str_from_cstr(S, "abca"));
    rec.n = 0;
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_BLOCK);
    s = ts_ok(S, set_from(S, text));
    ev_set_sink(&S->ev, NULL, NULL, 0);
    assert_int_equal(rec.n, 3);
    assert_int_equal(rec.ev[0].a, 216);
    assert_int_equal(rec.ev[1].a, 48);
    assert_int_equal(rec.ev[2].kind, SIM_EV_BLOCK_FREE);
    assert_int_equal(set_len(S, s), 3);
    assert_int_equal(set_contains(S, s, S->latin1['c']), 1);
    ts_events_free(&rec);
    ob_decref(S, s, HOLD_TEMP);
    ob_decref(S, text, HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* The table grows to 32 slots (512 bytes, pymalloc) at the 5th key, to
 * 128 (2048, raw malloc) at the 19th, freeing the old one; clear goes
 * back to the inline table. */
static void test_table_growth(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj s = ts_ok(S, set_new(S));
    sim_hold(S, s);
    SimHeapStats st0, st1;
    SimBlockInfo bi;
    for (int k = 0; k < 19; k++) {
        if (k == 18) sim_heap_stats(S->heap, &st0);
        Obj v = ts_ok(S, int_from_i64(S, k));
        assert_int_equal(set_add(S, s, v), 0);
        ob_decref(S, v, HOLD_TEMP);
        if (k == 3) assert_int_equal(set_table(S, s), s + 64);
        if (k == 4) {
            assert_int_equal(sim_heap_locate(S->heap, set_table(S, s), &bi), 0);
            assert_true(bi.small);
            assert_int_equal(bi.size, 512);
            assert_int_equal(set_sizeof(S, s), 728);
        }
        ts_obcheck(S);
    }
    sim_heap_stats(S->heap, &st1);
    assert_int_equal(set_mask(S, s), 127);
    assert_int_equal(set_sizeof(S, s), 2264);
    assert_int_equal(st1.blocks_in_use, st0.blocks_in_use - 1); /* the 512-byte table */
    assert_int_equal(st1.raw_blocks, st0.raw_blocks + 1);
    assert_int_equal(sim_heap_locate(S->heap, set_table(S, s), &bi), 0);
    assert_false(bi.small);
    assert_int_equal(set_clear(S, s), 0);
    sim_heap_stats(S->heap, &st1);
    assert_int_equal(st1.raw_blocks, st0.raw_blocks);
    assert_int_equal(set_table(S, s), s + 64);
    assert_int_equal(set_len(S, s), 0);
    assert_int_equal(set_sizeof(S, s), 216);
    sim_unhold(S, s);
    ts_obcheck(S);
    sim_free(S);
}

/* Deallocation releases the keys in table order, then frees the table,
 * then the set. */
static void test_dealloc_order(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj s = ts_ok(S, set_new(S));
    for (int k = 0; k < 12; k++) {
        Obj v = ts_ok(S, float_from_double(S, k * 1.25 + 0.5));
        assert_int_equal(set_add(S, s, v), 0);
        ob_decref(S, v, HOLD_TEMP);
    }
    Obj order[12];
    int64_t pos = 0;
    int n = 0;
    while (set_next(S, s, &pos, &order[n])) n++;
    assert_int_equal(n, 12);
    SimAddr table = set_table(S, s);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_OBJECT | SIM_EVCAT_BLOCK);
    ob_decref(S, s, HOLD_TEMP);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    size_t i = 0;
    assert_int_equal(rec.ev[i].kind, SIM_EV_OBJ_DEALLOC);
    assert_int_equal(rec.ev[i++].obj, s);
    for (int k = 0; k < 12; k++) {
        long at = ts_find(&rec, i, SIM_EV_OBJ_DEALLOC);
        assert_true(at >= 0);
        assert_int_equal(rec.ev[at].obj, order[k]);
        i = (size_t)at + 1;
    }
    long fr = ts_find(&rec, i, SIM_EV_BLOCK_FREE);
    assert_true(fr >= 0);
    assert_int_equal(rec.ev[fr].addr, table);
    fr = ts_find(&rec, (size_t)fr + 1, SIM_EV_BLOCK_FREE);
    assert_true(fr >= 0);
    assert_int_equal(rec.ev[fr].addr, s - 16);
    assert_int_equal(ts_find(&rec, (size_t)fr + 1, SIM_EV_OBJ_DEALLOC), -1);
    ts_events_free(&rec);
    ts_obcheck(S);
    sim_free(S);
}

static void holder_of(Sim *S, Obj target, const Holder *hd, void *ud)
{
    (void)S;
    (void)target;
    if (hd->kind == H_SET_ITEM) *(Holder *)ud = *hd;
}

/* Each key is held by its table slot; the events name that slot. */
static void test_holders(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj s = ts_ok(S, set_new(S));
    Obj keys[6];
    for (int k = 0; k < 6; k++) {           /* grows at the 5th: slots move */
        char name[16];
        snprintf(name, sizeof name, "key%d", k);
        keys[k] = ts_ok(S, str_from_cstr(S, name));
        assert_int_equal(set_add(S, s, keys[k]), 0);
        assert_int_equal(ob_refcnt(S, keys[k]), 2);
    }
    int64_t pos = 0;
    Obj key;
    while (set_next(S, s, &pos, &key)) {
        Holder hd = {0};
        ob_holders(S, key, holder_of, &hd);
        assert_int_equal(hd.kind, H_SET_ITEM);
        assert_int_equal(hd.owner, s);
        assert_int_equal(hd.index, pos - 1);
    }
    sim_hold(S, s);
    for (int k = 0; k < 6; k++) sim_hold(S, keys[k]);
    ts_obcheck(S);

    /* add: INCREF by TEMP, then the reference moves to the slot */
    Obj extra = ts_ok(S, str_from_cstr(S, "extra"));
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT);
    assert_int_equal(set_add(S, s, extra), 0);
    assert_int_equal(rec.n, 2);
    assert_int_equal(rec.ev[0].kind, SIM_EV_INCREF);
    assert_int_equal(rec.ev[0].holder, H_TEMP);
    assert_int_equal(rec.ev[1].kind, SIM_EV_REF_MOVE);
    assert_int_equal(rec.ev[1].holder, H_SET_ITEM);
    assert_int_equal(rec.ev[1].addr, s);
    uint32_t slot = rec.ev[1].index;
    assert_int_equal(ob_get64(S, set_table(S, s) + 16 * slot, 0), extra);
    /* discard: the slot's DECREF; the entry becomes a dummy */
    rec.n = 0;
    assert_int_equal(set_discard(S, s, extra), 1);
    assert_int_equal(rec.n, 1);
    assert_int_equal(rec.ev[0].kind, SIM_EV_DECREF);
    assert_int_equal(rec.ev[0].holder, H_SET_ITEM);
    assert_int_equal(rec.ev[0].index, slot);
    assert_int_equal(ob_get64(S, set_table(S, s) + 16 * slot, 0), SET_DUMMY);
    assert_int_equal((int64_t)ob_get64(S, set_table(S, s) + 16 * slot + 8, 0), -1);
    assert_int_equal(ob_refcnt(S, extra), 1);
    /* pop: the reference moves to the caller */
    rec.n = 0;
    Obj p = ts_ok(S, set_pop(S, s));
    assert_int_equal(rec.n, 1);
    assert_int_equal(rec.ev[0].kind, SIM_EV_REF_MOVE);
    assert_int_equal(rec.ev[0].holder, H_TEMP);
    assert_int_equal(rec.ev[0].obj, p);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    ts_events_free(&rec);
    ob_decref(S, p, HOLD_TEMP);
    ob_decref(S, extra, HOLD_TEMP);
    ts_obcheck(S);
    sim_unhold(S, s);
    for (int k = 0; k < 6; k++) {
        assert_int_equal(ob_refcnt(S, keys[k]), 1);
        sim_unhold(S, keys[k]);
    }
    ts_obcheck(S);
    sim_free(S);
}

static void expect_exc(Sim *S, ExcId id, const char *msg)
{
    char buf[256];
    assert_true(exc_matches(S, id));
    if (msg) assert_string_equal(exc_message(S, buf, sizeof buf), msg);
    exc_clear(S);
    ts_obcheck(S);
}

/* Bad use is an exception value, and leaves the set sound. */
static void test_errors(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj s = ts_ok(S, set_new(S));
    Obj l = ts_ok(S, list_new(S, 0));
    sim_hold(S, s);
    sim_hold(S, l);
    assert_int_equal(set_add(S, s, l), -1);
    expect_exc(S, EXC_TypeError, "unhashable type: 'list'");
    assert_int_equal(set_add(S, s, s), -1);
    expect_exc(S, EXC_TypeError, "unhashable type: 'set'");
    assert_int_equal(ob_hash(S, s), -1);
    expect_exc(S, EXC_TypeError, "unhashable type: 'set'");
    assert_int_equal(set_hash(S, s), -1);
    expect_exc(S, EXC_TypeError, "unhashable type: 'set'");
    assert_int_equal(set_len(S, s), 0);

    Obj five = ts_ok(S, int_from_i64(S, 5));
    sim_hold(S, five);
    assert_int_equal(set_remove(S, s, five), -1);
    Obj args = ob_get64(S, S->exc, EXC_ARGS_OFF);   /* KeyError(5): args (5,) */
    assert_true(ob_is(S, args, TI_TUPLE));
    assert_int_equal(ob_size(S, args), 1);
    assert_int_equal(tuple_item(S, args, 0), five);
    expect_exc(S, EXC_KeyError, NULL);
    assert_int_equal(set_pop(S, s), 0);
    expect_exc(S, EXC_KeyError, "pop from an empty set");
    assert_int_equal(set_discard(S, s, five), 0);
    assert_int_equal(set_from(S, five), 0);
    expect_exc(S, EXC_TypeError, "'int' object is not iterable");
    assert_int_equal(set_update(S, s, five), -1);
    expect_exc(S, EXC_TypeError, "'int' object is not iterable");
    /* an unhashable item half-way: the set keeps what came before */
    Obj items[3] = {five, l, five};
    Obj t = ts_ok(S, tuple_pack(S, 3, items));
    sim_hold(S, t);
    assert_int_equal(set_update(S, s, t), -1);
    expect_exc(S, EXC_TypeError, "unhashable type: 'list'");
    assert_int_equal(set_len(S, s), 1);
    assert_int_equal(set_from(S, t), 0);
    expect_exc(S, EXC_TypeError, "unhashable type: 'list'");
    sim_unhold(S, t);

    /* frozensets have no mutators (once shared) */
    Obj f = ts_ok(S, frozenset_new(S, 0));
    assert_int_equal(set_add(S, f, five), 0);    /* PySet_Add while being built */
    sim_hold(S, f);
    Obj f2 = ts_ok(S, frozenset_new(S, f));
    sim_hold(S, f2);
    assert_int_equal(set_add(S, f, five), -1);
    expect_exc(S, EXC_AttributeError, "'frozenset' object has no attribute 'add'");
    assert_int_equal(set_pop(S, f), 0);
    expect_exc(S, EXC_AttributeError, "'frozenset' object has no attribute 'pop'");
    assert_int_equal(set_update(S, l, f), -1);
    expect_exc(S, EXC_TypeError, NULL);
    sim_unhold(S, f2);
    sim_unhold(S, five);
    sim_unhold(S, f);
    sim_unhold(S, s);
    sim_unhold(S, l);
    ts_obcheck(S);
    sim_free(S);
}

/* Frozenset keys compare as sets; a set key is looked up as a frozenset. */
static void test_set_keys(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj t12 = ints_tuple(S, 1, 2);
    Obj items[2] = {int_small(S, 2), int_small(S, 1)};
    Obj t21 = ts_ok(S, tuple_pack(S, 2, items));
    Obj f12 = ts_ok(S, frozenset_new(S, t12)), f21 = ts_ok(S, frozenset_new(S, t21));
    Obj s12 = ts_ok(S, set_from(S, t21));
    assert_int_equal(set_eq(S, f12, f21), 1);
    assert_int_equal(set_eq(S, f12, s12), 1);
    assert_int_equal(ob_hash(S, f12), ob_hash(S, f21));
    Obj s = ts_ok(S, set_new(S));
    assert_int_equal(set_add(S, s, f12), 0);
    assert_int_equal(set_add(S, s, f21), 0);     /* equal: not added */
    assert_int_equal(set_len(S, s), 1);
    assert_int_equal(set_contains(S, s, f21), 1);
    assert_int_equal(set_contains(S, s, s12), 1); /* via a temporary frozenset */
    assert_false(S->exc);
    assert_int_equal(set_discard(S, s, s12), 1);
    assert_int_equal(set_len(S, s), 0);
    Obj objs[] = {t12, t21, f12, f21, s12, s};
    for (size_t k = 0; k < 6; k++) ob_decref(S, objs[k], HOLD_TEMP);
    ts_obcheck(S);
    sim_free(S);
}

/* A full heap during a resize raises MemoryError and leaves the set
 * sound (the key that triggered the resize is in it, as in CPython). */
static void test_memory_error(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11,limit=2M");
    Obj keep = ts_ok(S, list_new(S, 0));
    sim_hold(S, keep);
    for (int64_t size = 100000; size >= 600; size /= 2) {
        for (;;) {
            Obj big = str_new(S, 'a', size);
            if (!big) {
                exc_clear(S);
                break;
            }
            assert_int_equal(list_append(S, keep, big), 0);
            ob_decref(S, big, HOLD_TEMP);
        }
    }
    Obj s = ts_ok(S, set_new(S));
    sim_hold(S, s);
    int failed = 0;
    for (int k = 0; k < 256 && !failed; k++) {
        if (set_add(S, s, int_small(S, k)) != 0) failed = 1;
    }
    assert_true(failed);
    expect_exc(S, EXC_MemoryError, NULL);
    int64_t n = set_len(S, s);
    for (int64_t k = 0; k < n; k++) assert_int_equal(set_contains(S, s, int_small(S, k)), 1);
    sim_unhold(S, keep);                     /* room again: the set can grow */
    for (int k = 0; k < 256; k++) assert_int_equal(set_add(S, s, int_small(S, k)), 0);
    assert_int_equal(set_len(S, s), 256);
    sim_unhold(S, s);
    ts_obcheck(S);
    sim_free(S);
}

/* 100,000 nested frozensets are freed through the trashcan. */
static void test_deep_nesting(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj inner = ts_ok(S, frozenset_new(S, 0));
    for (int k = 0; k < 100000; k++) {
        Obj t = ts_ok(S, tuple_pack(S, 1, &inner));
        Obj outer = ts_ok(S, frozenset_new(S, t));
        ob_decref(S, t, HOLD_TEMP);
        ob_decref(S, inner, HOLD_TEMP);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_iterator_requests),
        cmocka_unit_test(test_table_growth),
        cmocka_unit_test(test_dealloc_order),
        cmocka_unit_test(test_holders),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_set_keys),
        cmocka_unit_test(test_memory_error),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests_name("obj_set", tests, NULL, NULL) != 0;
}
