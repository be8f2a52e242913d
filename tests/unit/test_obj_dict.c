/*
 * test_obj_dict.c -- dicts with combined tables: sizes, the keys table
 * byte for byte, iteration order and GC tracking, replayed from
 * tests/data/objects/dict.txt, which CPython 3.11 produced
 * (tests/objects/gen_dict.py); then pymalloc request sizes, the dict and
 * keys free lists, count[0], deallocation order, holders, copies and
 * errors.  The ledger audit and dict_audit run after every operation.
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
#include "objects/str.h"
#include "objects/tuple.h"

static void check(Sim *S)
{
    ts_obcheck(S);
    char msg[512];
    if (dict_audit(S, msg, sizeof msg) != 0) fail_msg("dict audit: %s", msg);
}

/* ---- tokens (see gen_dict.py) ---- */

static Obj str_hex(Sim *S, const char *hex)
{
    char buf[256];
    size_t n = 0;
    for (; hex[2 * n] && hex[2 * n + 1] && n < sizeof buf; n++)
        sscanf(hex + 2 * n, "%2hhx", (unsigned char *)&buf[n]);
    return ts_ok(S, str_from_utf8(S, buf, n));
}

static double bits_to_double(const char *hex)
{
    uint64_t bits = strtoull(hex, NULL, 16);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static Obj incref(Sim *S, Obj o)
{
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

static Obj make_tok(Sim *S, const char *t);

static Obj make_tuple(Sim *S, const char *spec)
{
    Obj items[16];
    int n = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *p = buf, *dot; *p && n < 16; p = dot + 1) {
        dot = strchr(p, '.');
        if (dot) *dot = '\0';
        items[n++] = make_tok(S, p);
        if (!dot) break;
    }
    Obj t = ts_ok(S, tuple_pack(S, n, items));
    for (int i = 0; i < n; i++) ob_decref(S, items[i], HOLD_TEMP);
    return t;
}

static Obj make_tok(Sim *S, const char *t)
{
    switch (t[0]) {
    case 's': return str_hex(S, t + 1);
    case 'i': return ts_ok(S, int_from_i64(S, strtoll(t + 1, NULL, 10)));
    case 'f': return ts_ok(S, float_from_double(S, bits_to_double(t + 1)));
    case 'n': return incref(S, S->none);
    case 'T': return incref(S, S->true_);
    case 'F': return incref(S, S->false_);
    case 'e': return ts_ok(S, tuple_new(S, 0));
    case 'l': return ts_ok(S, list_new(S, 0));
    case 'd': return ts_ok(S, dict_new(S));
    case 't': return t[1] ? make_tuple(S, t + 1) : ts_ok(S, tuple_new(S, 0));
    default: fail_msg("bad token %s", t);
    }
    return 0;
}

static void fmt_tok(Sim *S, Obj o, char *buf, size_t cap)
{
    if (ob_is(S, o, TI_STR)) {
        char u[256];
        size_t n = str_to_utf8(S, o, u, sizeof u);
        size_t w = (size_t)snprintf(buf, cap, "s");
        for (size_t i = 0; i < n && w + 3 < cap; i++) w += (size_t)snprintf(buf + w, cap - w, "%02x", (unsigned char)u[i]);
    } else if (o == S->none) {
        snprintf(buf, cap, "n");
    } else if (ob_is(S, o, TI_BOOL)) {
        snprintf(buf, cap, "%s", o == S->true_ ? "T" : "F");
    } else if (ob_is(S, o, TI_INT)) {
        int64_t v = 0;
        assert_int_equal(int_as_i64(S, o, &v), 0);
        snprintf(buf, cap, "i%lld", (long long)v);
    } else if (ob_is(S, o, TI_FLOAT)) {
        double d = float_value(S, o);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        snprintf(buf, cap, "f%016llx", (unsigned long long)bits);
    } else if (ob_is(S, o, TI_TUPLE)) {
        size_t w = (size_t)snprintf(buf, cap, "t");
        for (int64_t i = 0; i < ob_size(S, o) && w < cap; i++) {
            if (i) w += (size_t)snprintf(buf + w, cap - w, ".");
            fmt_tok(S, tuple_item(S, o, i), buf + w, cap - w);
            w = strlen(buf);
        }
    } else {
        snprintf(buf, cap, "?");
    }
}

/* ---- replaying operation lists ---- */

/* Splits "K=V" into the two objects (new references). */
static void key_value(Sim *S, const char *s, Obj *k, Obj *v)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", s);
    char *eq = strchr(buf, '=');
    if (!eq) fail_msg("no '=' in %s", s);
    *eq = '\0';
    *k = make_tok(S, buf);
    *v = make_tok(S, eq + 1);
}

/* Applies one operation to the held dict *pd. */
static void apply(Sim *S, Obj *pd, const char *op)
{
    Obj d = *pd, k, v;
    switch (op[0]) {
    case '+':
        key_value(S, op + 1, &k, &v);
        assert_int_equal(dict_setitem(S, d, k, v), 0);
        ob_decref(S, k, HOLD_TEMP);
        ob_decref(S, v, HOLD_TEMP);
        break;
    case 'd':
        key_value(S, op + 1, &k, &v);
        assert_true(dict_setdefault(S, d, k, v) != 0);
        ob_decref(S, k, HOLD_TEMP);
        ob_decref(S, v, HOLD_TEMP);
        break;
    case '-':
        k = make_tok(S, op + 1);
        assert_int_equal(dict_delitem(S, d, k), 0);
        ob_decref(S, k, HOLD_TEMP);
        break;
    case 'p':
        k = make_tok(S, op + 1);
        ob_decref(S, ts_ok(S, dict_pop(S, d, k, 0)), HOLD_TEMP);
        ob_decref(S, k, HOLD_TEMP);
        break;
    case 'P': ob_decref(S, ts_ok(S, dict_popitem(S, d)), HOLD_TEMP); break;
    case 'c': dict_clear(S, d); break;
    case 'C': {
        Obj c = ts_ok(S, dict_copy(S, d));
        sim_hold(S, c);
        sim_unhold(S, d);
        *pd = c;
        break;
    }
    default: fail_msg("bad op %s", op);
    }
}

static void append(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s%s", n ? "," : "", s);
}

static void observe(Sim *S, Obj d, const char *kind, char *got, size_t cap)
{
    char one[64];
    if (!strcmp(kind, "sizes")) snprintf(one, sizeof one, "%llu", (unsigned long long)dict_sizeof(S, d));
    else if (!strcmp(kind, "tracked")) snprintf(one, sizeof one, "%d", gc_is_tracked(S, d));
    else return;
    append(got, cap, one);
}

static void final_observation(Sim *S, Obj d, const char *kind, char *got, size_t cap)
{
    if (!strcmp(kind, "order")) {
        int64_t pos = 0;
        Obj key;
        char one[256];
        while (dict_next(S, d, &pos, &key, NULL)) {
            fmt_tok(S, key, one, sizeof one);
            append(got, cap, one);
        }
        if (!got[0]) snprintf(got, cap, "_");
    } else if (!strcmp(kind, "table")) {
        SimAddr k = dict_keys(S, d);
        size_t w = (size_t)snprintf(got, cap, "%u.%u.%lld.%lld.", dk_log2_size(S, k), dk_kind(S, k),
                                    (long long)dk_usable(S, k), (long long)dk_nentries(S, k));
        uint64_t ibytes = UINT64_C(1) << dk_u8(S, k, DK_LOG2_IBYTES_OFF);
        const unsigned char *p = (const unsigned char *)ob_ptr(S, k + DK_INDICES_OFF);
        for (uint64_t i = 0; i < ibytes && w + 3 < cap; i++) w += (size_t)snprintf(got + w, cap - w, "%02x", p[i]);
    }
}

static void replay_ops(Sim *S, const char *kind, char *ops, char *got, size_t cap)
{
    Obj d = ts_ok(S, dict_new(S));
    sim_hold(S, d);
    observe(S, d, kind, got, cap);
    if (strcmp(ops, "_")) {
        char *save = NULL;
        for (char *op = strtok_r(ops, ",", &save); op; op = strtok_r(NULL, ",", &save)) {
            apply(S, &d, op);
            check(S);
            observe(S, d, kind, got, cap);
        }
    }
    final_observation(S, d, kind, got, cap);
    sim_unhold(S, d);
}

/* A dict display run as its bytecode: K<n>/M<n> build from the next n
 * keys, A adds the next key, U merges the top dict into the one below. */
static uint64_t replay_literal(Sim *S, int str_keys, char *prog)
{
    Obj stack[8];
    int sp = 0, next = 0;
    char *save = NULL;
    for (char *ins = strtok_r(prog, ".", &save); ins; ins = strtok_r(NULL, ".", &save)) {
        if (ins[0] == 'K' || ins[0] == 'M' || ins[0] == 'A') {
            int n = ins[0] == 'A' ? 1 : atoi(ins + 1);
            Obj keys[32], values[32];
            for (int i = 0; i < n; i++, next++) {
                char name[16];
                snprintf(name, sizeof name, "k%d", next);
                keys[i] = str_keys ? ts_ok(S, str_from_cstr(S, name)) : ts_ok(S, int_from_i64(S, next * 7));
                values[i] = ts_ok(S, int_from_i64(S, next));
            }
            if (ins[0] == 'A') assert_int_equal(dict_setitem(S, stack[sp - 1], keys[0], values[0]), 0);
            else stack[sp++] = ts_ok(S, dict_from_items(S, n, keys, values));
            for (int i = 0; i < n; i++) {
                ob_decref(S, keys[i], HOLD_TEMP);
                ob_decref(S, values[i], HOLD_TEMP);
            }
        } else if (ins[0] == 'U') {
            assert_int_equal(dict_update(S, stack[sp - 2], stack[sp - 1]), 0);
            ob_decref(S, stack[--sp], HOLD_TEMP);
        }
    }
    assert_int_equal(sp, 1);
    uint64_t size = dict_sizeof(S, stack[0]);
    sim_hold(S, stack[0]);
    check(S);
    sim_unhold(S, stack[0]);
    return size;
}

static void test_against_cpython(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    FILE *f = fopen(TEST_DATA_DIR "/objects/dict.txt", "r");
    assert_non_null(f);
    char *line = NULL;
    size_t linecap = 0;
    int checked = 0;
    static char got[16384];
    while (getline(&line, &linecap, f) > 0) {
        char *save = NULL;
        char *kind = strtok_r(line, " \n", &save), *arg = strtok_r(NULL, " \n", &save),
             *want = strtok_r(NULL, " \n", &save);
        if (!kind || !arg || !want) continue;
        char argcopy[8192];
        snprintf(argcopy, sizeof argcopy, "%s", arg);
        got[0] = '\0';
        if (!strncmp(kind, "literal_", 8))
            snprintf(got, sizeof got, "%llu",
                     (unsigned long long)replay_literal(S, !strcmp(kind, "literal_str"), argcopy));
        else
            replay_ops(S, kind, argcopy, got, sizeof got);
        if (strcmp(got, want)) fail_msg("%s %s:\n  refscope %s\n  CPython  %s", kind, arg, got, want);
        check(S);
        checked++;
    }
    free(line);
    fclose(f);
    assert_true(checked > 100);
    sim_free(S);
}

/* ---- pymalloc requests ---- */

/* The request size of the keys block d uses, from the BLOCK_ALLOC or
 * RAW_ALLOC event that created it. */
static int64_t keys_request(Sim *S, const TsEvents *rec, Obj d)
{
    SimAddr k = dict_keys(S, d);
    for (size_t i = rec->n; i-- > 0;) {
        const SimEvent *e = &rec->ev[i];
        if ((e->kind == SIM_EV_BLOCK_ALLOC || e->kind == SIM_EV_RAW_ALLOC) && e->addr == k) return e->a;
    }
    return -1;
}

static void grow_to(Sim *S, Obj d, int n, int str_keys, TsEvents *rec)
{
    for (int i = (int)dict_len(S, d); i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "key%d", i);
        Obj k = str_keys ? ts_ok(S, str_from_cstr(S, name)) : ts_ok(S, int_from_i64(S, 1000 + i));
        rec->n = 0;
        assert_int_equal(dict_setitem(S, d, k, S->none), 0);
        ob_decref(S, k, HOLD_TEMP);
    }
}

static void test_request_sizes(void **state)
{
    (void)state;
    static const int counts[] = {1, 6, 11, 22};
    static const int64_t str_req[] = {120, 208, 400, 768}, gen_req[] = {160, 288, 568, 1104};
    static const uint32_t str_block[] = {128, 208, 400, 0};
    Sim *S = ts_sim("cpython-3.11");
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_BLOCK | SIM_EVCAT_RAW);
    for (int kind = 0; kind < 2; kind++) {
        Obj d = ts_ok(S, dict_new(S));
        SimBlockInfo bi;
        assert_int_equal(sim_heap_locate(S->heap, d - 16, &bi), 0);
        assert_int_equal(bi.size, 64);                        /* 16 + 48 */
        for (int step = 0; step < 4; step++) {
            grow_to(S, d, counts[step], kind == 0, &rec);
            int64_t want = kind == 0 ? str_req[step] : gen_req[step];
            assert_int_equal(keys_request(S, &rec, d), want);
            assert_int_equal(dk_block_size(S, dict_keys(S, d)), want);
            assert_int_equal(sim_heap_locate(S->heap, dict_keys(S, d), &bi), 0);
            if (want > 512) {
                assert_false(bi.small);
                assert_int_equal(pm_raw_request(S->heap, dict_keys(S, d)), want);
            } else {
                assert_true(bi.small);
                if (kind == 0) assert_int_equal(bi.size, str_block[step]);
            }
            assert_int_equal(dict_sizeof(S, d), 64 + (uint64_t)want);
        }
        ob_decref(S, d, HOLD_TEMP);
    }
    ev_set_sink(&S->ev, NULL, NULL, 0);
    ts_events_free(&rec);
    check(S);
    sim_free(S);
}

/* {} allocates only the object: the keys are the static empty keys,
 * whose dk_refcnt counts the dicts that share them. */
static void test_empty_keys(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj a = ts_ok(S, dict_new(S)), b = ts_ok(S, dict_new(S));
    SimAddr e = dict_empty_keys(S);
    assert_true(e < SIM_ARENA_BASE);                      /* static, not in an arena */
    assert_int_equal(dict_keys(S, a), e);
    assert_int_equal(dict_keys(S, b), e);
    assert_int_equal(dk_refcnt(S, e), 3);
    assert_int_equal(dict_sizeof(S, a), 64);
    assert_int_equal(dk_log2_size(S, e), 0);
    assert_int_equal(dk_kind(S, e), DICT_KEYS_UNICODE);
    assert_int_equal(dk_index(S, e, 0), DKIX_EMPTY);
    Obj k = ts_ok(S, str_from_cstr(S, "spam"));
    assert_int_equal(dict_setitem(S, a, k, S->none), 0);
    assert_int_not_equal(dict_keys(S, a), e);
    assert_int_equal(dk_refcnt(S, e), 2);
    assert_int_equal(dict_getitem(S, b, k), 0);
    assert_null(S->exc);
    dict_clear(S, a);
    assert_int_equal(dict_keys(S, a), e);
    assert_int_equal(dk_refcnt(S, e), 3);
    assert_int_equal(dict_sizeof(S, a), 64);
    uint64_t v1 = ob_get64(S, a, DICT_VERSION_OFF);
    assert_int_equal(dict_setitem(S, a, k, S->none), 0);
    assert_true(ob_get64(S, a, DICT_VERSION_OFF) > v1);     /* DICT_NEXT_VERSION */
    assert_true(ob_get64(S, b, DICT_VERSION_OFF) < v1);
    sim_hold(S, a);
    sim_hold(S, b);
    sim_hold(S, k);
    check(S);
    sim_unhold(S, a);
    sim_unhold(S, b);
    sim_unhold(S, k);
    assert_int_equal(dk_refcnt(S, e), 1);
    check(S);
    sim_free(S);
}

/* ---- free lists and count[0] ---- */

static void test_free_lists(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj k = ts_ok(S, str_from_cstr(S, "spam"));
    sim_hold(S, k);
    int64_t c0 = S->gc.gen[0].count;
    Obj d = ts_ok(S, dict_new(S));
    assert_int_equal(S->gc.gen[0].count, c0 + 1);          /* _PyObject_GC_Link */
    assert_int_equal(dict_setitem(S, d, k, S->none), 0);
    assert_int_equal(S->gc.gen[0].count, c0 + 1);          /* the keys block is not an object */
    SimAddr keys = dict_keys(S, d);
    ob_decref(S, d, HOLD_TEMP);
    assert_int_equal(S->fl.dict_n, 1);
    assert_int_equal(S->fl.keys_n, 1);
    assert_int_equal(S->fl.keys[0], keys);
    assert_int_equal(S->gc.gen[0].count, c0 + 1);          /* pushed, not freed */
    check(S);

    Obj d2 = ts_ok(S, dict_new(S));
    assert_int_equal(d2, d);                                /* the same address */
    assert_int_equal(S->gc.gen[0].count, c0 + 1);          /* reuse: no +1 */
    assert_false(gc_is_tracked(S, d2));
    assert_int_equal(dict_setitem(S, d2, k, S->none), 0);
    assert_int_equal(dict_keys(S, d2), keys);              /* the keys block too */
    assert_int_equal(S->fl.keys_n, 0);

    /* general or larger keys blocks go back to pymalloc */
    Obj i = ts_ok(S, int_from_i64(S, 12345));
    assert_int_equal(dict_setitem(S, d2, i, S->none), 0);  /* unicode -> general: resize */
    assert_int_equal(S->fl.keys_n, 1);                      /* the old 8-slot unicode block */
    assert_int_equal(dk_kind(S, dict_keys(S, d2)), DICT_KEYS_GENERAL);
    ob_decref(S, i, HOLD_TEMP);
    ob_decref(S, d2, HOLD_TEMP);
    assert_int_equal(S->fl.keys_n, 1);
    check(S);

    /* only 80 of each are kept */
    Obj many[100];
    for (int n = 0; n < 100; n++) {
        many[n] = ts_ok(S, dict_new(S));
        assert_int_equal(dict_setitem(S, many[n], k, S->none), 0);
    }
    for (int n = 0; n < 100; n++) ob_decref(S, many[n], HOLD_TEMP);
    assert_int_equal(S->fl.dict_n, FL_DICT_MAX);
    assert_int_equal(S->fl.keys_n, FL_KEYS_MAX);
    check(S);
    sim_unhold(S, k);
    check(S);
    sim_free(S);
}

/* ---- deallocation order and holders ---- */

static void test_dealloc_order(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj d = ts_ok(S, dict_new(S));
    Obj keys[4], values[4];
    for (int n = 0; n < 4; n++) {
        char name[16];
        snprintf(name, sizeof name, "key%d", n);
        keys[n] = ts_ok(S, str_from_cstr(S, name));
        values[n] = ts_ok(S, float_from_double(S, n + 0.25));
        assert_int_equal(dict_setitem(S, d, keys[n], values[n]), 0);
        ob_decref(S, keys[n], HOLD_TEMP);
        ob_decref(S, values[n], HOLD_TEMP);
    }
    assert_int_equal(dict_delitem(S, d, keys[1]), 0);     /* entry 1 is freed now, key first */
    sim_hold(S, d);
    check(S);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_OBJECT | SIM_EVCAT_REFCOUNT);
    sim_unhold(S, d);
    /* the dict, then entry by entry: key, value (entry 1 is empty) */
    Obj want[] = {d, keys[0], values[0], keys[2], values[2], keys[3], values[3]};
    size_t w = 0;
    for (size_t i = 0; i < rec.n; i++) {
        const SimEvent *e = &rec.ev[i];
        if (e->kind == SIM_EV_DECREF && e->obj != d) {
            int entry = (int)e->index;
            assert_int_equal(e->addr, d);
            assert_true(e->holder == H_DICT_KEY || e->holder == H_DICT_VALUE);
            assert_int_equal(e->obj, e->holder == H_DICT_KEY ? keys[entry] : values[entry]);
            if (e->holder == H_DICT_VALUE) assert_int_equal((Obj)e->b, keys[entry]);
        }
        if (e->kind != SIM_EV_OBJ_DEALLOC) continue;
        assert_true(w < 7);
        assert_int_equal(e->obj, want[w]);
        w++;
    }
    assert_int_equal(w, 7);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    ts_events_free(&rec);
    check(S);
    sim_free(S);
}

static void collect_holders(Sim *S, Obj target, const Holder *hd, void *ud)
{
    (void)S;
    (void)target;
    Holder *out = ud;
    for (int i = 0; i < 8; i++)
        if (out[i].kind == H_TEMP && out[i].owner == 0) {
            out[i] = *hd;
            return;
        }
}

typedef struct Visit {
    Obj objs[64];
    Holder hds[64];
    int n;
} Visit;

static void record_visit(Sim *S, Obj target, const Holder *hd, void *ud)
{
    (void)S;
    Visit *v = ud;
    assert_true(v->n < 64);
    v->objs[v->n] = target;
    v->hds[v->n++] = *hd;
}

static void test_referents_and_holders(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj d = ts_ok(S, dict_new(S));
    Obj k1 = ts_ok(S, str_from_cstr(S, "alpha")), k2 = ts_ok(S, int_from_i64(S, 1000));
    Obj v = ts_ok(S, list_new(S, 0));
    assert_int_equal(dict_setitem(S, d, k1, v), 0);
    assert_int_equal(dict_setitem(S, d, k2, v), 0);
    Visit vis = {.n = 0};
    dict_referents(S, d, record_visit, &vis);
    assert_int_equal(vis.n, 4);                             /* value, key; value, key */
    assert_int_equal(vis.objs[0], v);
    assert_int_equal(vis.hds[0].kind, H_DICT_VALUE);
    assert_int_equal(vis.hds[0].key, k1);
    assert_int_equal(vis.objs[1], k1);
    assert_int_equal(vis.hds[1].kind, H_DICT_KEY);
    assert_int_equal(vis.objs[2], v);
    assert_int_equal(vis.hds[2].index, 1);
    assert_int_equal(vis.objs[3], k2);
    Holder hs[8] = {{0}};
    for (int i = 0; i < 8; i++) hs[i] = HOLD_TEMP;
    sim_hold(S, d);
    ob_holders(S, v, collect_holders, hs);
    assert_int_equal(hs[0].kind, H_DICT_VALUE);
    assert_int_equal(hs[0].owner, d);
    assert_int_equal(hs[1].kind, H_DICT_VALUE);
    assert_int_equal(hs[1].key, k2);
    assert_int_equal(ob_refcnt(S, v), 3);                   /* two entries + our TEMP */
    sim_hold(S, k1);
    sim_hold(S, k2);
    sim_hold(S, v);
    check(S);
    /* a resize after deletions renumbers the entries; the holders follow.
     * (The int key made a 16-slot general table: calculate_log2_keysize(3)
     * is 4, as in CPython, so 9 more keys force the next resize.) */
    assert_int_equal(dk_log2_size(S, dict_keys(S, d)), 4);
    assert_int_equal(dict_delitem(S, d, k1), 0);
    Obj more[9];
    for (int i = 0; i < 9; i++) {
        more[i] = ts_ok(S, int_from_i64(S, 2000 + i));
        assert_int_equal(dict_setitem(S, d, more[i], S->none), 0);
        ob_decref(S, more[i], HOLD_TEMP);
        check(S);
    }
    vis.n = 0;
    dict_referents(S, d, record_visit, &vis);
    assert_int_equal(vis.objs[1], k2);
    assert_int_equal(vis.hds[1].index, 0);                  /* was entry 1 */
    sim_unhold(S, d);
    sim_unhold(S, k1);
    sim_unhold(S, k2);
    sim_unhold(S, v);
    check(S);
    sim_free(S);
}

/* ---- copy, pop, setdefault, iteration ---- */

static void test_copy(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj d = ts_ok(S, dict_new(S));
    Obj keys[30];
    for (int i = 0; i < 30; i++) {
        char name[16];
        snprintf(name, sizeof name, "name%d", i);
        keys[i] = ts_ok(S, str_from_cstr(S, name));
        assert_int_equal(dict_setitem(S, d, keys[i], keys[i]), 0);
    }
    /* clean: the keys block is cloned byte for byte */
    Obj c = ts_ok(S, dict_copy(S, d));
    SimAddr kd = dict_keys(S, d), kc = dict_keys(S, c);
    assert_int_not_equal(kd, kc);
    assert_memory_equal(ob_ptr(S, kd), ob_ptr(S, kc), dk_block_size(S, kd));
    assert_int_equal(ob_refcnt(S, keys[0]), 5);            /* TEMP + 2 in d + 2 in c */
    ob_decref(S, c, HOLD_TEMP);
    /* more than a third deleted: merged into {} compactly */
    for (int i = 0; i < 15; i++) assert_int_equal(dict_delitem(S, d, keys[i]), 0);
    c = ts_ok(S, dict_copy(S, d));
    assert_int_equal(dk_nentries(S, dict_keys(S, c)), 15);
    assert_int_equal(dk_log2_size(S, dict_keys(S, c)), 5);   /* estimate_log2_keysize(15) */
    int64_t pos = 0;
    Obj k, v;
    for (int i = 15; i < 30; i++) {
        assert_true(dict_next(S, c, &pos, &k, &v));
        assert_int_equal(k, keys[i]);
        assert_int_equal(v, keys[i]);
    }
    assert_false(dict_next(S, c, &pos, &k, &v));
    sim_hold(S, c);
    sim_hold(S, d);
    for (int i = 0; i < 30; i++) sim_hold(S, keys[i]);
    check(S);
    sim_unhold(S, c);
    sim_unhold(S, d);
    for (int i = 0; i < 30; i++) sim_unhold(S, keys[i]);
    check(S);
    sim_free(S);
}

static void test_pop_setdefault_contains(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj d = ts_ok(S, dict_new(S));
    sim_hold(S, d);
    Obj k = ts_ok(S, str_from_cstr(S, "key"));
    Obj v = ts_ok(S, float_from_double(S, 2.5));
    sim_hold(S, k);
    sim_hold(S, v);
    assert_int_equal(dict_setdefault(S, d, k, v), v);      /* inserted: borrowed */
    assert_int_equal(ob_refcnt(S, v), 2);
    Obj other = ts_ok(S, float_from_double(S, 9.0));
    assert_int_equal(dict_setdefault(S, d, k, other), v);  /* present: unchanged */
    assert_int_equal(dict_contains(S, d, k), 1);
    assert_int_equal(dict_contains(S, d, other), 0);
    Obj got = ts_ok(S, dict_pop(S, d, other, S->none));    /* absent: the default */
    assert_int_equal(got, S->none);
    ob_decref(S, got, HOLD_TEMP);
    ob_decref(S, other, HOLD_TEMP);
    got = ts_ok(S, dict_pop(S, d, k, 0));
    assert_int_equal(got, v);
    assert_int_equal(ob_refcnt(S, v), 2);                   /* moved to us */
    ob_decref(S, got, HOLD_TEMP);
    assert_int_equal(dict_len(S, d), 0);
    assert_int_equal(dict_sizeof(S, d), 184);               /* the table stays */
    /* equal keys of other types find the same entry */
    Obj one = ts_ok(S, int_from_i64(S, 1)), onef = ts_ok(S, float_from_double(S, 1.0));
    assert_int_equal(dict_setitem(S, d, one, v), 0);
    assert_int_equal(dict_getitem(S, d, onef), v);
    assert_int_equal(dict_getitem(S, d, S->true_), v);
    ob_decref(S, one, HOLD_TEMP);
    ob_decref(S, onef, HOLD_TEMP);
    check(S);
    sim_unhold(S, d);
    sim_unhold(S, k);
    sim_unhold(S, v);
    check(S);
    sim_free(S);
}

/* ---- errors ---- */

static void test_errors(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    char buf[128];
    Obj d = ts_ok(S, dict_new(S));
    Obj l = ts_ok(S, list_new(S, 0));
    Obj k = ts_ok(S, str_from_cstr(S, "missing"));
    sim_hold(S, d);
    sim_hold(S, l);
    sim_hold(S, k);
    /* an unhashable key: TypeError, nothing changed */
    assert_int_equal(dict_setitem(S, d, l, S->none), -1);
    assert_true(exc_matches(S, EXC_TypeError));
    assert_string_equal(exc_message(S, buf, sizeof buf), "unhashable type: 'list'");
    assert_int_equal(ob_refcnt(S, l), 1);
    assert_int_equal(dict_len(S, d), 0);
    check(S);
    exc_clear(S);
    assert_int_equal(dict_getitem(S, d, l), 0);
    assert_non_null(S->exc);                                /* failed, not absent */
    exc_clear(S);
    assert_int_equal(dict_getitem(S, d, k), 0);
    assert_null(S->exc);                                    /* absent */
    Obj d2 = ts_ok(S, dict_new(S));
    assert_int_equal(dict_setitem(S, d, d2, S->none), -1);
    assert_string_equal(exc_message(S, buf, sizeof buf), "unhashable type: 'dict'");
    exc_clear(S);
    ob_decref(S, d2, HOLD_TEMP);
    /* KeyError(key): args is (key,) */
    assert_int_equal(dict_delitem(S, d, k), -1);
    assert_true(exc_matches(S, EXC_KeyError));
    assert_true(exc_matches(S, EXC_LookupError));
    Obj args = ob_get64(S, S->exc, EXC_ARGS_OFF);
    assert_int_equal(ob_size(S, args), 1);
    assert_int_equal(tuple_item(S, args, 0), k);
    check(S);
    exc_clear(S);
    /* {}.pop(unhashable) is a KeyError: an empty dict does not hash */
    assert_int_equal(dict_pop(S, d, l, 0), 0);
    assert_true(exc_matches(S, EXC_KeyError));
    exc_clear(S);
    assert_int_equal(dict_popitem(S, d), 0);
    assert_string_equal(exc_message(S, buf, sizeof buf), "popitem(): dictionary is empty");
    exc_clear(S);
    assert_int_equal(dict_setitem(S, d, k, S->none), 0);
    assert_int_equal(dict_pop(S, d, l, 0), 0);              /* now it hashes */
    assert_true(exc_matches(S, EXC_TypeError));
    exc_clear(S);
    assert_int_equal(dict_contains(S, d, l), -1);
    exc_clear(S);
    check(S);
    sim_unhold(S, d);
    sim_unhold(S, l);
    sim_unhold(S, k);
    check(S);
    sim_free(S);

    /* a full heap: MemoryError, and the dict is still sound */
    S = ts_sim("cpython-3.11,limit=1M");
    d = ts_ok(S, dict_new(S));
    sim_hold(S, d);
    int failed = 0;
    for (int i = 0; i < 1000000 && !failed; i++) {
        Obj key = int_from_i64(S, 100000 + i);
        if (!key) {
            failed = 1;
            break;
        }
        if (dict_setitem(S, d, key, S->none) != 0) failed = 1;
        ob_decref(S, key, HOLD_TEMP);
    }
    assert_true(failed);
    assert_true(exc_matches(S, EXC_MemoryError));
    exc_clear(S);
    check(S);
    sim_unhold(S, d);
    check(S);
    sim_free(S);
}

/* A chain of 100,000 nested dicts is freed through the trashcan. */
static void test_deep_nesting(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj k = ts_ok(S, str_from_cstr(S, "inner"));
    Obj inner = ts_ok(S, dict_new(S));
    for (int i = 0; i < 100000; i++) {
        Obj outer = ts_ok(S, dict_new(S));
        assert_int_equal(dict_setitem(S, outer, k, inner), 0);
        ob_decref(S, inner, HOLD_TEMP);
        assert_true(gc_is_tracked(S, outer));             /* a dict value may be tracked */
        inner = outer;
    }
    sim_hold(S, inner);
    sim_hold(S, k);
    check(S);
    sim_unhold(S, inner);
    assert_int_equal(S->trash, 0);
    assert_int_equal(S->dealloc_depth, 0);
    sim_unhold(S, k);
    check(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_request_sizes),
        cmocka_unit_test(test_empty_keys),
        cmocka_unit_test(test_free_lists),
        cmocka_unit_test(test_dealloc_order),
        cmocka_unit_test(test_referents_and_holders),
        cmocka_unit_test(test_copy),
        cmocka_unit_test(test_pop_setdefault_contains),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests_name("obj_dict", tests, NULL, NULL) != 0;
}
