/*
 * test_obj_dictsplit.c -- split tables: an instance's __dict__ made from
 * its inline values (dict_new_split), replayed against what CPython 3.11
 * did (tests/objects/gen_dictsplit.py -> tests/data/objects/dictsplit.txt):
 * sys.getsizeof for classes of 0..5 attributes, then scenarios of
 * attribute and dict operations with the dict's size, items in order, GC
 * tracking and layout (shared keys' count, usable and entries; the values
 * prefix and insertion-order bytes) after every step.  Then the holders
 * and events of materialization, of a new shared name, of conversion to
 * a combined table and of deallocation; pymalloc requests of dict.copy;
 * the free list; the class-side helpers; errors.  The ledger audit and
 * dict_audit run after every step.
 *
 * How obj.__dict__ is materialized here, as the class side will do it:
 * the instance's values pointer (at o - 32) goes to dict_new_split and is
 * then cleared; the dict is kept as a test-held reference standing for
 * the instance's managed dict slot.  A setattr that CPython would turn
 * into a materialization (a new name while the shared keys are full) is
 * done the same way, then dict_setitem.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"

#define VALUES_PTR(o) ((o) - 32)

static void check(Sim *S)
{
    ts_obcheck(S);
    char msg[512];
    if (dict_audit(S, msg, sizeof msg) != 0) fail_msg("dict audit: %s", msg);
}

/* ---- the facts file ---- */

typedef struct Facts {
    char **lines;
    size_t n;
} Facts;

static Facts facts_load(void)
{
    Facts f = {0};
    FILE *fp = fopen(TEST_DATA_DIR "/objects/dictsplit.txt", "r");
    assert_non_null(fp);
    char buf[4096];
    size_t cap = 0;
    while (fgets(buf, sizeof buf, fp)) {
        buf[strcspn(buf, "\n")] = '\0';
        if (f.n == cap) {
            cap = cap ? 2 * cap : 256;
            f.lines = realloc(f.lines, cap * sizeof *f.lines);
            assert_non_null(f.lines);
        }
        f.lines[f.n++] = strdup(buf);
    }
    fclose(fp);
    return f;
}

static void facts_free(Facts *f)
{
    for (size_t i = 0; i < f->n; i++) free(f->lines[i]);
    free(f->lines);
}

/* ---- objects ---- */

static Obj s(Sim *S, const char *text)
{
    Obj o = ts_ok(S, str_from_cstr(S, text));
    str_intern(S, &o);
    return o;
}

/* class NAME: pass -- held by the test. */
static Obj make_class(Sim *S, const char *name)
{
    Obj ns = ts_ok(S, dict_new(S));
    Obj k = s(S, "__module__"), v = s(S, "__main__");
    assert_int_equal(dict_setitem(S, ns, k, v), 0);
    ob_decref(S, k, HOLD_TEMP);
    ob_decref(S, v, HOLD_TEMP);
    k = s(S, "__qualname__");
    Obj n = s(S, name);
    assert_int_equal(dict_setitem(S, ns, k, n), 0);
    ob_decref(S, k, HOLD_TEMP);
    Obj bases = ts_ok(S, tuple_new(S, 0));
    Obj cls = ts_ok(S, type_new(S, n, bases, ns));
    ob_decref(S, bases, HOLD_TEMP);
    ob_decref(S, ns, HOLD_TEMP);
    ob_decref(S, n, HOLD_TEMP);
    sim_hold(S, cls);
    return cls;
}

static SimAddr class_keys(const Sim *S, Obj cls) { return ob_get64(S, cls, TP_KEYS_OFF); }

/* obj.__dict__ for an instance that still has its values: a new
 * reference, the instance's values pointer cleared. */
static Obj materialize(Sim *S, Obj cls, Obj o)
{
    SimAddr values = ob_get64(S, VALUES_PTR(o), 0);
    assert_true(values != 0);
    Obj d = ts_ok(S, dict_new_split(S, class_keys(S, cls), values, cls));
    ob_set64(S, VALUES_PTR(o), 0, 0);
    return d;
}

/* ---- scenario replay ---- */

#define MAX_INST 128
#define MAX_MADE 1024

typedef struct Inst {
    Obj o, d;      /* both held by the test; d is the "managed dict" */
} Inst;

typedef struct Made {
    Obj o;
    char kind;     /* 'i', 'L' or 'V' */
    char tag[16];
} Made;

typedef struct Run {
    Sim *S;
    Obj cls;
    Inst inst[MAX_INST];
    int ninst, cur;
    Obj d;                 /* the current dict (borrowed) */
    Obj extra[32];         /* copies and merged dicts, held */
    int nextra;
    int64_t k;             /* values made so far */
    Made made[MAX_MADE];   /* what each value was made as, latest first */
    int nmade;
} Run;

/* A new value for key `tag`: an int 1000+k, or a new list (`L`, `V`:
 * GC objects, as CPython's [] and V() are).  New reference. */
static Obj make_value(Run *r, const char *spec, const char *tag)
{
    Sim *S = r->S;
    char kind = spec[0] ? spec[0] : 'i';
    Obj v = kind == 'i' ? ts_ok(S, int_from_i64(S, 1000 + ++r->k)) : ts_ok(S, list_new(S, 0));
    Made *m = NULL;
    for (int i = 0; i < r->nmade && !m; i++)
        if (r->made[i].o == v) m = &r->made[i];
    if (!m) {
        assert_true(r->nmade < MAX_MADE);
        m = &r->made[r->nmade++];
    }
    m->o = v;
    m->kind = kind;
    snprintf(m->tag, sizeof m->tag, "%s", tag);
    return v;
}

static const Made *made_of(const Run *r, Obj v)
{
    for (int i = 0; i < r->nmade; i++)
        if (r->made[i].o == v) return &r->made[i];
    return NULL;
}

/* `name` or `#N`.  New reference. */
static Obj make_key(Sim *S, const char *t)
{
    if (t[0] == '#') return ts_ok(S, int_from_i64(S, strtoll(t + 1, NULL, 10)));
    return s(S, t);
}

static void show_key(Sim *S, Obj k, char *out, size_t cap)
{
    int64_t n;
    if (ob_is(S, k, TI_STR)) str_to_utf8(S, k, out, cap);
    else if (int_as_i64(S, k, &n) == 0) snprintf(out, cap, "#%lld", (long long)n);
    else snprintf(out, cap, "?");
}

static void show_value(Run *r, Obj v, char *out, size_t cap)
{
    int64_t n;
    const Made *m = made_of(r, v);
    if (ob_is(r->S, v, TI_INT) && int_as_i64(r->S, v, &n) == 0) snprintf(out, cap, "%lld", (long long)n);
    else snprintf(out, cap, "%c", m ? m->kind : '?');
}

static void layout(Sim *S, Obj d, char *out, size_t cap)
{
    SimAddr k = dict_keys(S, d), v = dict_values(S, d);
    if (!v) {
        snprintf(out, cap, "%s.%u.%lld.%lld", dk_kind(S, k) == DICT_KEYS_GENERAL ? "general" : "unicode",
                 dk_log2_size(S, k), (long long)dk_usable(S, k), (long long)dk_nentries(S, k));
        return;
    }
    char order[128] = "";
    size_t n = 0;
    for (unsigned j = 0; j < dv_count(S, v); j++)
        n += (size_t)snprintf(order + n, sizeof order - n, "%s%u", j ? ":" : "", dv_order(S, v, j));
    snprintf(out, cap, "split.%lld.%lld.%lld.%u.%s", (long long)dk_refcnt(S, k),
             (long long)dk_usable(S, k), (long long)dk_nentries(S, k), dv_prefix(S, v),
             n ? order : "_");
}

/* "SIZE ITEMS TRACKED LAYOUT" of the current dict, as gen_dictsplit.py. */
static void describe(Run *r, char *out, size_t cap)
{
    Sim *S = r->S;
    if (!r->d) {
        snprintf(out, cap, "- - - -");
        return;
    }
    char items[2048] = "", lay[256];
    size_t n = 0;
    int64_t pos = 0;
    Obj k, v;
    while (dict_next(S, r->d, &pos, &k, &v)) {
        char ks[64], vs[64];
        show_key(S, k, ks, sizeof ks);
        show_value(r, v, vs, sizeof vs);
        n += (size_t)snprintf(items + n, sizeof items - n, "%s%s=%s", n ? "," : "", ks, vs);
    }
    layout(S, r->d, lay, sizeof lay);
    snprintf(out, cap, "%llu %s %d %s", (unsigned long long)ob_getsizeof(S, r->d), n ? items : "_",
             gc_is_tracked(S, r->d), lay);
}

/* The pending exception as gen_dictsplit.py shows it; cleared. */
static void take_exc(Sim *S, char *out, size_t cap)
{
    char msg[256];
    if (exc_matches(S, EXC_TypeError)) {
        exc_message(S, msg, sizeof msg);
        for (char *p = msg; *p; p++)
            if (*p == ' ') *p = '_';
        snprintf(out, cap, "TypeError:%s", msg);
    } else if (exc_matches(S, EXC_KeyError)) {
        snprintf(out, cap, "KeyError");
    } else if (exc_matches(S, EXC_AttributeError)) {
        snprintf(out, cap, "AttributeError");
    } else {
        fail_msg("unexpected exception: %s", exc_message(S, msg, sizeof msg));
    }
    exc_clear(S);
}

static Obj hold_extra(Run *r, Obj d)
{
    assert_true(r->nextra < 32);
    sim_hold(r->S, d);
    r->extra[r->nextra++] = d;
    return d;
}

/* setattr / delattr (value 0), as _PyObject_StoreInstanceAttribute and
 * the managed dict do it. */
static void store_attr(Run *r, Inst *in, const char *name, Obj value, char *res, size_t cap)
{
    Sim *S = r->S;
    Obj n = s(S, name);
    SimAddr keys = class_keys(S, r->cls);
    if (!in->d && dk_lookup_str(S, keys, n) == DKIX_EMPTY && dk_usable(S, keys) <= 0) {
        in->d = materialize(S, r->cls, in->o);
        sim_hold(S, in->d);
    }
    int rc;
    if (in->d) {
        rc = value ? dict_setitem(S, in->d, n, value) : dict_delitem(S, in->d, n);
        if (rc < 0 && exc_matches(S, EXC_KeyError)) {     /* delattr of a missing name */
            exc_clear(S);
            exc_set(S, EXC_AttributeError, "no attribute");
        }
    } else {
        rc = instance_setattr(S, in->o, n, value);
    }
    if (rc < 0) take_exc(S, res, cap);
    ob_decref(S, n, HOLD_TEMP);
}

static Inst *new_instance(Run *r)
{
    assert_true(r->ninst < MAX_INST);
    Inst *in = &r->inst[r->ninst++];
    in->o = ts_ok(r->S, instance_new(r->S, r->cls));
    in->d = 0;
    sim_hold(r->S, in->o);
    return in;
}

static void op_set(Run *r, const char *arg, int del, char *res, size_t cap)
{
    char key[64], *eq;
    snprintf(key, sizeof key, "%s", arg);
    eq = strchr(key, '=');
    if (eq) *eq++ = '\0';
    Obj v = del ? 0 : make_value(r, eq ? eq : "", key);
    store_attr(r, &r->inst[r->cur], key, v, res, cap);
    if (v) ob_decref(r->S, v, HOLD_TEMP);
}

static void op_prime(Run *r, const char *arg)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", arg);
    char *names = strchr(buf, ':');
    assert_non_null(names);
    *names++ = '\0';
    int count = atoi(buf);
    for (int i = 0; i < count; i++) {
        Inst *in = new_instance(r);
        char list[64], *save = NULL;
        snprintf(list, sizeof list, "%s", names);
        for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            Obj v = make_value(r, "", t);
            char res[64] = "ok";
            store_attr(r, in, t, v, res, sizeof res);
            assert_string_equal(res, "ok");
            ob_decref(r->S, v, HOLD_TEMP);
        }
    }
}

/* d[K] = value for "K[=T]". */
static int put(Run *r, Obj d, const char *item)
{
    char key[64], *eq;
    snprintf(key, sizeof key, "%s", item);
    eq = strchr(key, '=');
    if (eq) *eq++ = '\0';
    Obj k = make_key(r->S, key), v = make_value(r, eq ? eq : "", key);
    int rc = dict_setitem(r->S, d, k, v);
    ob_decref(r->S, k, HOLD_TEMP);
    ob_decref(r->S, v, HOLD_TEMP);
    return rc;
}

static void op_upd(Run *r, const char *arg)
{
    Sim *S = r->S;
    Obj other = ts_ok(S, dict_new(S));
    char buf[128], *save = NULL;
    snprintf(buf, sizeof buf, "%s", arg);
    for (char *t = strtok_r(buf, "+", &save); t; t = strtok_r(NULL, "+", &save))
        assert_int_equal(put(r, other, t), 0);
    assert_int_equal(dict_update(S, r->d, other), 0);
    ob_decref(S, other, HOLD_TEMP);
}

/* Drops the current instance, then its dict; `res` lists the V values
 * deallocated meanwhile, in order. */
static void op_drop(Run *r, char *res, size_t cap)
{
    Sim *S = r->S;
    Inst *in = &r->inst[r->cur];
    Obj cand[64];
    int ncand = 0;
    int64_t pos = 0;
    Obj k, v;
    while (dict_next(S, in->d, &pos, &k, &v)) {
        const Made *m = made_of(r, v);
        if (m && m->kind == 'V' && ncand < 64) cand[ncand++] = v;
    }
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_OBJECT);
    sim_unhold(S, in->o);
    sim_unhold(S, in->d);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    in->o = in->d = 0;
    size_t n = (size_t)snprintf(res, cap, "dealloc:");
    int any = 0;
    for (size_t i = 0; i < rec.n; i++) {
        if (rec.ev[i].kind != SIM_EV_OBJ_DEALLOC) continue;
        for (int j = 0; j < ncand; j++)
            if (cand[j] == rec.ev[i].obj) {
                n += (size_t)snprintf(res + n, cap - n, "%s%s", any ? "," : "", made_of(r, cand[j])->tag);
                any = 1;
            }
    }
    if (!any) snprintf(res + n, cap - n, "_");
    ts_events_free(&rec);
    r->d = 0;
    r->cur = -1;
}

static void op_dict_result(Run *r, Obj got, char *res, size_t cap)
{
    if (got) show_value(r, got, res, cap);
    else if (r->S->exc) take_exc(r->S, res, cap);
    else snprintf(res, cap, "KeyError");          /* d[k] of an absent key */
}

static void run_op(Run *r, const char *op, char *res, size_t cap)
{
    Sim *S = r->S;
    char cmd[32], arg[256] = "";
    const char *colon = strchr(op, ':');
    size_t cl = colon ? (size_t)(colon - op) : strlen(op);
    snprintf(cmd, sizeof cmd, "%.*s", (int)cl, op);
    if (colon) snprintf(arg, sizeof arg, "%s", colon + 1);
    snprintf(res, cap, "ok");
    Obj key = 0;
    if (!strcmp(cmd, "rm") || !strcmp(cmd, "get") || !strcmp(cmd, "has") || !strcmp(cmd, "pop"))
        key = make_key(S, arg);

    if (!strcmp(cmd, "new")) {
        new_instance(r);
        r->cur = r->ninst - 1;
    } else if (!strcmp(cmd, "prime")) {
        op_prime(r, arg);
    } else if (!strcmp(cmd, "set") || !strcmp(cmd, "del")) {
        op_set(r, arg, cmd[0] == 'd', res, cap);
    } else if (!strcmp(cmd, "dict")) {
        Inst *in = &r->inst[r->cur];
        if (!in->d) {
            in->d = materialize(S, r->cls, in->o);
            sim_hold(S, in->d);
        }
        r->d = in->d;
    } else if (!strcmp(cmd, "put")) {
        if (put(r, r->d, arg) < 0) take_exc(S, res, cap);
    } else if (!strcmp(cmd, "rm")) {
        if (dict_delitem(S, r->d, key) < 0) take_exc(S, res, cap);
    } else if (!strcmp(cmd, "get")) {
        op_dict_result(r, dict_getitem(S, r->d, key), res, cap);
    } else if (!strcmp(cmd, "has")) {
        int c = dict_contains(S, r->d, key);
        if (c < 0) take_exc(S, res, cap);
        else snprintf(res, cap, "%s", c ? "True" : "False");
    } else if (!strcmp(cmd, "pop")) {
        Obj v = dict_pop(S, r->d, key, 0);
        op_dict_result(r, v, res, cap);
        if (v) ob_decref(S, v, HOLD_TEMP);
    } else if (!strcmp(cmd, "sd")) {
        char kname[64], *eq;
        snprintf(kname, sizeof kname, "%.63s", arg);
        eq = strchr(kname, '=');
        if (eq) *eq++ = '\0';
        Obj k = make_key(S, kname), v = make_value(r, eq ? eq : "", kname);
        op_dict_result(r, dict_setdefault(S, r->d, k, v), res, cap);
        ob_decref(S, k, HOLD_TEMP);
        ob_decref(S, v, HOLD_TEMP);
    } else if (!strcmp(cmd, "popitem")) {
        Obj t = dict_popitem(S, r->d);
        if (!t) {
            take_exc(S, res, cap);
        } else {
            char ks[64], vs[64];
            show_key(S, tuple_item(S, t, 0), ks, sizeof ks);
            show_value(r, tuple_item(S, t, 1), vs, sizeof vs);
            snprintf(res, cap, "%s=%s", ks, vs);
            ob_decref(S, t, HOLD_TEMP);
        }
    } else if (!strcmp(cmd, "clear")) {
        dict_clear(S, r->d);
    } else if (!strcmp(cmd, "copy")) {
        r->d = hold_extra(r, ts_ok(S, dict_copy(S, r->d)));
    } else if (!strcmp(cmd, "merged")) {
        Obj e = hold_extra(r, ts_ok(S, dict_new(S)));
        assert_int_equal(dict_update(S, e, r->d), 0);
        r->d = e;
    } else if (!strcmp(cmd, "upd")) {
        op_upd(r, arg);
    } else if (!strcmp(cmd, "unhash")) {
        Obj l = ts_ok(S, list_new(S, 0));
        op_dict_result(r, dict_getitem(S, r->d, l), res, cap);
        ob_decref(S, l, HOLD_TEMP);
    } else if (!strcmp(cmd, "collect")) {
        dict_maybe_untrack(S, r->d);          /* only the current dict is compared */
    } else if (!strcmp(cmd, "drop")) {
        op_drop(r, res, cap);
    } else {
        fail_msg("unknown operation %s", op);
    }
    if (key) ob_decref(S, key, HOLD_TEMP);
}

/* Every reference the test holds back; the class lives on in its own
 * __mro__, as in CPython without a collection. */
static void run_end(Run *r)
{
    for (int i = 0; i < r->nextra; i++) sim_unhold(r->S, r->extra[i]);
    for (int i = 0; i < r->ninst; i++) {
        if (r->inst[i].o) sim_unhold(r->S, r->inst[i].o);
        if (r->inst[i].d) sim_unhold(r->S, r->inst[i].d);
    }
    sim_unhold(r->S, r->cls);
    check(r->S);
}

/* Replays scenario `name` (whose steps follow line `at`); returns the
 * number of steps. */
static int replay(const Facts *f, size_t at, const char *name, int nsteps)
{
    Run *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->S = ts_sim("cpython-3.11");
    r->cls = make_class(r->S, "C");
    r->cur = -1;
    for (int i = 0; i < nsteps; i++) {
        const char *line = f->lines[at + 1 + (size_t)i];
        char sname[64], op[512], want[4096];
        int idx, off = 0;
        if (sscanf(line, "step %63s %d %511s %n", sname, &idx, op, &off) != 3 || strcmp(sname, name) ||
            idx != i)
            fail_msg("bad step line after scenario %s: %s", name, line);
        snprintf(want, sizeof want, "%s", line + off);
        char res[512], desc[3072], got[4096];
        run_op(r, op, res, sizeof res);
        describe(r, desc, sizeof desc);
        snprintf(got, sizeof got, "%s %s", res, desc);
        if (strcmp(got, want))
            fail_msg("%s step %d (%s):\n  refscope %s\n  CPython  %s", name, i, op, got, want);
        check(r->S);
    }
    run_end(r);
    sim_free(r->S);
    free(r);
    return nsteps;
}

static void test_scenarios(void **state)
{
    (void)state;
    Facts f = facts_load();
    int scenarios = 0, steps = 0;
    for (size_t i = 0; i < f.n; i++) {
        char name[64];
        int n;
        if (sscanf(f.lines[i], "scenario %63s %d", name, &n) != 2) continue;
        steps += replay(&f, i, name, n);
        scenarios++;
    }
    assert_true(scenarios >= 25);
    assert_true(steps >= 200);
    facts_free(&f);
}

/* sys.getsizeof(obj.__dict__) for N attributes after COUNT instances. */
static void test_sizes(void **state)
{
    (void)state;
    Facts f = facts_load();
    static const char *const names[] = {"a", "b", "c", "d", "e"};
    int cases = 0;
    for (size_t i = 0; i < f.n; i++) {
        int nattr, count;
        unsigned long long want;
        if (sscanf(f.lines[i], "size %d %d %llu", &nattr, &count, &want) != 3) continue;
        Sim *S = ts_sim("cpython-3.11");
        Obj cls = make_class(S, "C");
        Obj last = 0;
        for (int j = 0; j < count; j++) {
            Obj o = ts_ok(S, instance_new(S, cls));
            for (int a = 0; a < nattr; a++) {
                Obj n = s(S, names[a]), v = ts_ok(S, int_from_i64(S, j));
                assert_int_equal(instance_setattr(S, o, n, v), 0);
                ob_decref(S, n, HOLD_TEMP);
                ob_decref(S, v, HOLD_TEMP);
            }
            sim_hold(S, o);
            last = o;
        }
        Obj d = materialize(S, cls, last);
        sim_hold(S, d);
        check(S);
        if (ob_getsizeof(S, d) != want)
            fail_msg("%d attributes, %d instances: getsizeof %llu, CPython %llu", nattr, count,
                     (unsigned long long)ob_getsizeof(S, d), want);
        sim_free(S);
        cases++;
    }
    assert_int_equal(cases, 24);
    facts_free(&f);
}

/* ---- holders, events, requests ---- */

static void last_holder(Sim *S, Obj target, const Holder *hd, void *ud)
{
    (void)S;
    (void)target;
    *(Holder *)ud = *hd;
}

typedef struct Two {
    Sim *S;
    Obj cls, o, a, b, va, vb;
} Two;

/* class D with o.b = [] then o.a = 7777 (so insertion order b, a while
 * the shared keys hold a then b, set by a first instance). */
static Two two_setup(void)
{
    Two t;
    Sim *S = t.S = ts_sim("cpython-3.11");
    t.cls = make_class(S, "D");
    t.a = s(S, "a");
    t.b = s(S, "b");
    Obj first = ts_ok(S, instance_new(S, t.cls));
    assert_int_equal(instance_setattr(S, first, t.a, S->none), 0);
    assert_int_equal(instance_setattr(S, first, t.b, S->none), 0);
    sim_hold(S, first);
    t.o = ts_ok(S, instance_new(S, t.cls));
    sim_hold(S, t.o);
    t.vb = ts_ok(S, list_new(S, 0));
    t.va = ts_ok(S, int_from_i64(S, 7777));
    assert_int_equal(instance_setattr(S, t.o, t.b, t.vb), 0);
    assert_int_equal(instance_setattr(S, t.o, t.a, t.va), 0);
    ob_decref(S, t.vb, HOLD_TEMP);
    ob_decref(S, t.va, HOLD_TEMP);
    sim_hold(S, t.a);
    sim_hold(S, t.b);
    check(S);
    return t;
}

static void test_materialize(void **state)
{
    (void)state;
    Two t = two_setup();
    Sim *S = t.S;
    SimAddr keys = class_keys(S, t.cls), values = ob_get64(S, VALUES_PTR(t.o), 0);
    /* a dict on the free list is reused */
    Obj spare = ts_ok(S, dict_new(S));
    ob_decref(S, spare, HOLD_TEMP);
    int64_t rb = ob_refcnt(S, t.vb), ra = ob_refcnt(S, t.va);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT | SIM_EVCAT_BLOCK | SIM_EVCAT_FREELIST);
    Obj d = ts_ok(S, dict_new_split(S, keys, values, t.cls));
    ev_set_sink(&S->ev, NULL, NULL, 0);
    ob_set64(S, VALUES_PTR(t.o), 0, 0);
    assert_int_equal(d, spare);
    assert_int_equal(dict_values(S, d), values);
    assert_int_equal(dict_keys(S, d), keys);
    assert_int_equal(dk_refcnt(S, keys), 2);
    assert_int_equal(dict_len(S, d), 2);
    assert_true(gc_is_tracked(S, d));          /* a list among the values */
    assert_int_equal(ob_refcnt(S, t.vb), rb);
    assert_int_equal(ob_refcnt(S, t.va), ra);
    /* no allocation; a FREELIST_POP; one move per value, in index order */
    int moves = 0, pops = 0;
    for (size_t i = 0; i < rec.n; i++) {
        const SimEvent *e = &rec.ev[i];
        assert_true(e->kind != SIM_EV_BLOCK_ALLOC && e->kind != SIM_EV_INCREF && e->kind != SIM_EV_DECREF);
        pops += e->kind == SIM_EV_FREELIST_POP;
        if (e->kind != SIM_EV_REF_MOVE) continue;
        assert_int_equal(e->holder, H_DICT_VALUE);
        assert_int_equal(e->addr, d);
        assert_int_equal(e->index, (uint32_t)moves);
        assert_int_equal(e->obj, moves == 0 ? t.va : t.vb);
        assert_int_equal((Obj)e->b, moves == 0 ? t.a : t.b);
        moves++;
    }
    assert_int_equal(moves, 2);
    assert_int_equal(pops, 1);
    ts_events_free(&rec);
    sim_hold(S, d);
    check(S);
    /* lookups */
    assert_int_equal(dict_getitem(S, d, t.a), t.va);
    assert_int_equal(dict_getitem(S, d, t.b), t.vb);
    Obj zz = s(S, "zz");
    assert_int_equal(dict_getitem(S, d, zz), 0);
    assert_null(S->exc);
    assert_int_equal(dict_contains(S, d, t.a), 1);
    assert_int_equal(dict_contains(S, d, zz), 0);
    ob_decref(S, zz, HOLD_TEMP);
    /* a non-str key equal to no str is simply absent */
    Obj seven = ts_ok(S, int_from_i64(S, 7));
    assert_int_equal(dict_getitem(S, d, seven), 0);
    assert_null(S->exc);
    ob_decref(S, seven, HOLD_TEMP);
    assert_int_equal(dict_values(S, d), values);  /* lookups never convert */
    /* holders: the dict holds the value a (entry 0, key a) */
    Holder last = {0};
    ob_holders(S, t.va, last_holder, &last);
    assert_int_equal(last.kind, H_DICT_VALUE);
    assert_int_equal(last.owner, d);
    assert_int_equal(last.index, 0);
    assert_int_equal(last.key, t.a);
    assert_int_equal(ob_refcnt(S, t.va), 1);
    check(S);
    sim_free(S);
}

/* A new str key with room goes into the shared keys: the class holds
 * the name; other instances see the slot (and the class side finds it). */
static void test_new_shared_name(void **state)
{
    (void)state;
    Two t = two_setup();
    Sim *S = t.S;
    SimAddr keys = class_keys(S, t.cls);
    Obj d = materialize(S, t.cls, t.o);
    sim_hold(S, d);
    Obj c = ts_ok(S, str_from_cstr(S, "cc"));     /* not interned: the shared keys take it as is */
    Obj v = ts_ok(S, int_from_i64(S, 5));
    int64_t usable = dk_usable(S, keys);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT);
    assert_int_equal(dict_setitem(S, d, c, v), 0);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    assert_int_equal(dk_nentries(S, keys), 3);
    assert_int_equal(dk_usable(S, keys), usable - 1);
    assert_int_equal(dk_lookup_str(S, keys, c), 2);
    assert_int_equal(dict_values(S, d) != 0, 1);
    int saw_class = 0;
    for (size_t i = 0; i < rec.n; i++) {
        const SimEvent *e = &rec.ev[i];
        if (e->obj != c || e->kind != SIM_EV_REF_MOVE) continue;
        assert_int_equal(e->holder, H_INTERNAL);
        assert_int_equal(e->reason, R_SHARED_KEYS);
        assert_int_equal(e->addr, t.cls);
        assert_int_equal(e->index, 2);
        saw_class = 1;
    }
    assert_true(saw_class);
    ts_events_free(&rec);
    /* the ledger finds the name's holder in the class */
    Holder last = {0};
    ob_holders(S, c, last_holder, &last);
    ob_decref(S, c, HOLD_TEMP);
    ob_decref(S, v, HOLD_TEMP);
    assert_int_equal(ob_refcnt(S, c), 1);
    assert_int_equal(last.kind, H_INTERNAL);
    assert_int_equal(last.reason, R_SHARED_KEYS);
    assert_int_equal(last.owner, t.cls);
    check(S);
    /* a later instance stores c in its own values at entry 2 */
    Obj o2 = ts_ok(S, instance_new(S, t.cls));
    sim_hold(S, o2);
    Obj c2 = s(S, "cc");
    assert_int_equal(instance_setattr(S, o2, c2, S->none), 0);
    assert_int_equal(dk_nentries(S, keys), 3);
    assert_int_equal(ob_get64(S, ob_get64(S, VALUES_PTR(o2), 0), 16), S->none);
    ob_decref(S, c2, HOLD_TEMP);
    check(S);
    sim_free(S);
}

/* A non-str key converts: keys gain references in insertion order, the
 * values move to their new entries, the values array is freed and the
 * shared keys lose one count. */
static void test_convert(void **state)
{
    (void)state;
    Two t = two_setup();
    Sim *S = t.S;
    SimAddr keys = class_keys(S, t.cls);
    Obj d = materialize(S, t.cls, t.o);
    sim_hold(S, d);
    SimAddr values = dict_values(S, d);
    uint64_t values_block = values - dv_prefix(S, values);
    Obj one = ts_ok(S, int_from_i64(S, 1));
    int64_t ra = ob_refcnt(S, t.a), rb = ob_refcnt(S, t.b);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT | SIM_EVCAT_BLOCK);
    assert_int_equal(dict_setitem(S, d, one, one), 0);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    assert_int_equal(dict_values(S, d), 0);
    assert_int_equal(dk_kind(S, dict_keys(S, d)), DICT_KEYS_GENERAL);
    assert_int_equal(dk_refcnt(S, keys), 1);
    assert_int_equal(ob_refcnt(S, t.a), ra + 1);
    assert_int_equal(ob_refcnt(S, t.b), rb + 1);
    /* the order: new keys block, b (key incref, value move 1 -> 0), a
     * (0 -> 1), the values array freed, then the new item */
    long alloc = ts_find(&rec, 0, SIM_EV_BLOCK_ALLOC);
    long freed = -1;
    for (size_t i = 0; i < rec.n; i++)
        if (rec.ev[i].kind == SIM_EV_BLOCK_FREE && rec.ev[i].addr == values_block) freed = (long)i;
    assert_true(alloc >= 0 && freed > alloc);
    Obj want_obj[] = {t.b, t.vb, t.a, t.va};
    unsigned want_kind[] = {SIM_EV_INCREF, SIM_EV_REF_MOVE, SIM_EV_INCREF, SIM_EV_REF_MOVE};
    uint32_t want_index[] = {0, 0, 1, 1};
    size_t w = 0;
    for (size_t i = (size_t)alloc; i < (size_t)freed; i++) {
        const SimEvent *e = &rec.ev[i];
        if (e->kind != SIM_EV_INCREF && e->kind != SIM_EV_REF_MOVE) continue;
        assert_true(w < 4);
        assert_int_equal(e->obj, want_obj[w]);
        assert_int_equal(e->kind, want_kind[w]);
        assert_int_equal(e->index, want_index[w]);
        assert_int_equal(e->addr, d);
        assert_int_equal(e->holder, w % 2 ? H_DICT_VALUE : H_DICT_KEY);
        w++;
    }
    assert_int_equal(w, 4);
    ts_events_free(&rec);
    ob_decref(S, one, HOLD_TEMP);
    check(S);
    sim_free(S);
}

/* dict_dealloc of a split dict: the values in index order, the values
 * array, the object to the free list; the shared keys stay with the
 * class, their names untouched. */
static void test_dealloc(void **state)
{
    (void)state;
    Two t = two_setup();
    Sim *S = t.S;
    SimAddr keys = class_keys(S, t.cls);
    Obj d = materialize(S, t.cls, t.o);
    sim_hold(S, d);
    SimAddr values = dict_values(S, d);
    SimAddr values_block = values - dv_prefix(S, values);
    int64_t ra = ob_refcnt(S, t.a), rb = ob_refcnt(S, t.b);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_ALL);
    sim_unhold(S, d);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    long dealloc = ts_find(&rec, 0, SIM_EV_OBJ_DEALLOC);
    assert_true(dealloc >= 0);
    assert_int_equal(rec.ev[dealloc].obj, d);
    /* value entry 0 (a: 7777, an int freed), entry 1 (b: the list) */
    long da = -1, db = -1, fv = -1, push = -1;
    for (size_t i = (size_t)dealloc; i < rec.n; i++) {
        const SimEvent *e = &rec.ev[i];
        if (e->kind == SIM_EV_DECREF && e->obj == t.va && da < 0) da = (long)i;
        if (e->kind == SIM_EV_DECREF && e->obj == t.vb && db < 0) db = (long)i;
        if (e->kind == SIM_EV_BLOCK_FREE && e->addr == values_block) fv = (long)i;
        if (e->kind == SIM_EV_FREELIST_PUSH && e->obj == d) push = (long)i;
        assert_true(!(e->kind == SIM_EV_DECREF && (e->obj == t.a || e->obj == t.b)));
        assert_true(!((e->kind == SIM_EV_BLOCK_FREE || e->kind == SIM_EV_RAW_FREE) && e->addr == keys));
    }
    assert_true(da > dealloc && db > da && fv > db && push > fv);
    assert_int_equal(rec.ev[da].holder, H_DICT_VALUE);
    assert_int_equal(rec.ev[da].index, 0);
    assert_int_equal((Obj)rec.ev[da].b, t.a);
    ts_events_free(&rec);
    assert_int_equal(dk_refcnt(S, keys), 1);
    assert_int_equal(ob_refcnt(S, t.a), ra);
    assert_int_equal(ob_refcnt(S, t.b), rb);
    check(S);
    sim_free(S);
}

/* dict.copy() of a split dict: PyMem_Malloc(prefix + 8*size) for the
 * values first, then a 64-byte GC object -- never the free list. */
static void test_copy_requests(void **state)
{
    (void)state;
    Two t = two_setup();
    Sim *S = t.S;
    SimAddr keys = class_keys(S, t.cls);
    Obj d = materialize(S, t.cls, t.o);
    sim_hold(S, d);
    Obj spare = ts_ok(S, dict_new(S));
    ob_decref(S, spare, HOLD_TEMP);               /* the free list has one */
    int64_t size = dk_nentries(S, keys) + dk_usable(S, keys);
    int64_t prefix = (size + 2 + 7) / 8 * 8;
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_BLOCK | SIM_EVCAT_RAW);
    Obj c = ts_ok(S, dict_copy(S, d));
    ev_set_sink(&S->ev, NULL, NULL, 0);
    assert_true(c != spare);
    long first = ts_find(&rec, 0, SIM_EV_BLOCK_ALLOC);
    long second = ts_find(&rec, (size_t)first + 1, SIM_EV_BLOCK_ALLOC);
    assert_true(first >= 0 && second > first);
    assert_int_equal(rec.ev[first].a, prefix + 8 * size);
    assert_int_equal(rec.ev[first].addr, dict_values(S, c) - (SimAddr)prefix);
    assert_int_equal(rec.ev[second].a, 64);
    assert_int_equal(rec.ev[second].addr, c - 16);
    assert_int_equal(ts_find(&rec, (size_t)second + 1, SIM_EV_BLOCK_ALLOC), -1);
    ts_events_free(&rec);
    assert_int_equal(dict_keys(S, c), keys);
    assert_int_equal(dk_refcnt(S, keys), 3);
    assert_int_equal(dv_count(S, dict_values(S, c)), 2);
    assert_int_equal(dv_order(S, dict_values(S, c), 0), 1);
    assert_int_equal(dv_order(S, dict_values(S, c), 1), 0);
    assert_true(gc_is_tracked(S, c));
    sim_hold(S, c);
    check(S);
    sim_free(S);
}

/* The class side's helpers. */
static void test_keys_helpers(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj cls = make_class(S, "K");
    SimAddr keys = class_keys(S, cls);
    Obj x = s(S, "x"), y = ts_ok(S, str_from_cstr(S, "yy")), one = ts_ok(S, int_from_i64(S, 1));
    assert_int_equal(dk_lookup_str(S, keys, x), DKIX_EMPTY);
    assert_int_equal(dk_insert_str(S, keys, x, cls), 0);
    assert_int_equal(dk_insert_str(S, keys, x, cls), 0);       /* found, not added again */
    assert_int_equal(dk_insert_str(S, keys, y, cls), 1);
    assert_int_equal(dk_insert_str(S, keys, one, cls), DKIX_EMPTY);
    assert_int_equal(dk_lookup_str(S, keys, one), DKIX_EMPTY);
    Obj y2 = ts_ok(S, str_from_cstr(S, "yy"));                 /* equal, not identical */
    assert_int_equal(dk_lookup_str(S, keys, y2), 1);
    assert_int_equal(dk_nentries(S, keys), 2);
    assert_int_equal(dk_usable(S, keys), 28);
    assert_int_equal(ob_refcnt(S, y), 2);                      /* ours and the class's */
    /* full: found names still answer, new ones do not go in */
    ob_set64(S, keys, DK_USABLE_OFF, 0);
    Obj z = s(S, "z");
    assert_int_equal(dk_insert_str(S, keys, z, cls), DKIX_EMPTY);
    assert_int_equal(dk_insert_str(S, keys, y2, cls), 1);
    ob_set64(S, keys, DK_USABLE_OFF, 28);
    Obj objs[] = {x, y, one, y2, z};
    for (size_t i = 0; i < 5; i++) ob_decref(S, objs[i], HOLD_TEMP);
    check(S);
    /* an instance made now stores x and y at entries 0 and 1 */
    Obj o = ts_ok(S, instance_new(S, cls));
    sim_hold(S, o);
    x = s(S, "x");
    assert_int_equal(instance_setattr(S, o, x, S->none), 0);
    assert_int_equal(ob_get64(S, ob_get64(S, VALUES_PTR(o), 0), 0), S->none);
    ob_decref(S, x, HOLD_TEMP);
    check(S);
    sim_free(S);
}

/* The class's own reference to its shared keys, as type_dealloc will
 * drop it (dk_release_shared): alone it frees the names (held by the
 * class) and the block; while a split dict still uses the keys they live
 * on until that dict goes. */
static void test_release_shared(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj cls = make_class(S, "K");
    SimAddr keys = class_keys(S, cls);
    Obj xx = s(S, "xx");
    sim_hold(S, xx);
    Obj o = ts_ok(S, instance_new(S, cls));
    sim_hold(S, o);
    Obj v = ts_ok(S, list_new(S, 0));
    assert_int_equal(instance_setattr(S, o, xx, v), 0);
    ob_decref(S, v, HOLD_TEMP);
    Obj d = materialize(S, cls, o);
    sim_hold(S, d);
    check(S);
    int64_t rx = ob_refcnt(S, xx);
    ob_set64(S, cls, TP_KEYS_OFF, 0);
    dk_release_shared(S, keys, cls);
    assert_int_equal(dk_refcnt(S, keys), 1);
    assert_int_equal(ob_refcnt(S, xx), rx);
    assert_int_equal(dict_getitem(S, d, xx), v);
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT | SIM_EVCAT_RAW);
    sim_unhold(S, d);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    long dv = -1, dn = -1, fk = -1;
    for (size_t i = 0; i < rec.n; i++) {
        const SimEvent *e = &rec.ev[i];
        if (e->kind == SIM_EV_DECREF && e->obj == v) dv = (long)i;
        if (e->kind == SIM_EV_DECREF && e->obj == xx) {
            dn = (long)i;
            assert_int_equal(e->holder, H_INTERNAL);
            assert_int_equal(e->reason, R_SHARED_KEYS);
            assert_int_equal(e->addr, 0);               /* the class has let go */
        }
        if (e->kind == SIM_EV_RAW_FREE && e->addr == keys) fk = (long)i;  /* 768 bytes: raw */
    }
    assert_true(dv >= 0 && dn > dv && fk > dn);
    ts_events_free(&rec);
    assert_int_equal(ob_refcnt(S, xx), rx - 1);
    check(S);
    /* a class without split dicts: the names go with the block */
    Obj cls2 = make_class(S, "K2");
    SimAddr keys2 = class_keys(S, cls2);
    assert_int_equal(dk_insert_str(S, keys2, xx, cls2), 0);
    ob_set64(S, cls2, TP_KEYS_OFF, 0);
    dk_release_shared(S, keys2, cls2);
    assert_int_equal(ob_refcnt(S, xx), rx - 1);
    check(S);
    sim_free(S);
}

/* dict_audit notices a broken split table. */
static void test_audit(void **state)
{
    (void)state;
    Two t = two_setup();
    Sim *S = t.S;
    SimAddr keys = class_keys(S, t.cls);
    Obj d = materialize(S, t.cls, t.o);
    sim_hold(S, d);
    check(S);
    char msg[512];
    unsigned char *order = ob_ptr(S, dict_values(S, d));
    order[-3] = order[-4];                              /* the same entry twice */
    assert_int_equal(dict_audit(S, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "order byte"));
    order[-3] = 1;
    order[-2] = 1;                                      /* one value left out */
    assert_int_equal(dict_audit(S, msg, sizeof msg), 1);
    order[-2] = 2;
    ob_set64(S, keys, DK_REFCNT_OFF, 3);
    assert_int_equal(dict_audit(S, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "dk_refcnt 3"));
    ob_set64(S, keys, DK_REFCNT_OFF, 2);
    check(S);
    sim_free(S);
}

static void test_errors(void **state)
{
    (void)state;
    Two t = two_setup();
    Sim *S = t.S;
    Obj d = materialize(S, t.cls, t.o);
    sim_hold(S, d);
    char msg[128];
    /* unhashable keys: TypeError, the dict unchanged */
    Obj l = ts_ok(S, list_new(S, 0));
    assert_int_equal(dict_setitem(S, d, l, l), -1);
    assert_true(exc_matches(S, EXC_TypeError));
    assert_string_equal(exc_message(S, msg, sizeof msg), "unhashable type: 'list'");
    exc_clear(S);
    assert_int_equal(dict_delitem(S, d, l), -1);
    exc_clear(S);
    assert_int_equal(dict_setdefault(S, d, l, l), 0);
    exc_clear(S);
    assert_int_equal(dict_contains(S, d, l), -1);
    exc_clear(S);
    assert_true(dict_values(S, d) != 0);
    ob_decref(S, l, HOLD_TEMP);
    /* KeyError(key): args hold the very key */
    Obj zz = s(S, "zz");
    assert_int_equal(dict_delitem(S, d, zz), -1);
    assert_true(exc_matches(S, EXC_KeyError));
    Obj args = ob_get64(S, S->exc, EXC_ARGS_OFF);
    assert_int_equal(ob_size(S, args), 1);
    assert_int_equal(tuple_item(S, args, 0), zz);
    exc_clear(S);
    assert_int_equal(dict_pop(S, d, zz, 0), 0);
    assert_true(exc_matches(S, EXC_KeyError));
    exc_clear(S);
    Obj dflt = ts_ok(S, dict_pop(S, d, zz, S->none));
    assert_int_equal(dflt, S->none);
    ob_decref(S, dflt, HOLD_TEMP);
    ob_decref(S, zz, HOLD_TEMP);
    /* a shared key this dict has no value for is absent too */
    Obj va = ts_ok(S, dict_pop(S, d, t.a, 0));
    assert_int_equal(va, t.va);
    ob_decref(S, va, HOLD_TEMP);
    assert_int_equal(dict_pop(S, d, t.a, 0), 0);
    assert_true(exc_matches(S, EXC_KeyError));
    exc_clear(S);
    assert_int_equal(dict_getitem(S, d, t.a), 0);
    assert_null(S->exc);
    assert_int_equal(dict_contains(S, d, t.a), 0);
    assert_int_equal(dict_delitem(S, d, t.a), -1);
    assert_true(exc_matches(S, EXC_KeyError));
    exc_clear(S);
    /* popitem() of an emptied split dict */
    Obj b = ts_ok(S, dict_pop(S, d, t.b, 0));
    ob_decref(S, b, HOLD_TEMP);
    assert_int_equal(dict_popitem(S, d), 0);
    assert_string_equal(exc_message(S, msg, sizeof msg), "popitem(): dictionary is empty");
    exc_clear(S);
    assert_true(dict_values(S, d) != 0);
    /* keys and values that do not belong to a class */
    Obj plain = ts_ok(S, dict_new(S));
    assert_int_equal(dict_new_split(S, dict_keys(S, plain), dict_values(S, d), t.cls), 0);
    assert_true(exc_matches(S, EXC_TypeError));
    exc_clear(S);
    ob_decref(S, plain, HOLD_TEMP);
    check(S);
    sim_free(S);
}

/* dict_next over a split table follows the insertion order and stops at
 * ma_used; dict_clear releases the values in index order. */
static void test_next_and_clear(void **state)
{
    (void)state;
    Two t = two_setup();
    Sim *S = t.S;
    SimAddr keys = class_keys(S, t.cls);
    Obj d = materialize(S, t.cls, t.o);
    sim_hold(S, d);
    int64_t pos = 0;
    Obj k, v;
    assert_true(dict_next(S, d, &pos, &k, &v));
    assert_int_equal(k, t.b);
    assert_int_equal(v, t.vb);
    assert_true(dict_next(S, d, &pos, &k, NULL));
    assert_int_equal(k, t.a);
    assert_false(dict_next(S, d, &pos, &k, &v));
    pos = -1;
    assert_false(dict_next(S, d, &pos, &k, &v));
    TsEvents rec = {0};
    ev_set_sink(&S->ev, ts_record, &rec, SIM_EVCAT_REFCOUNT);
    dict_clear(S, d);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    long first = ts_find(&rec, 0, SIM_EV_DECREF);
    assert_true(first >= 0);
    assert_int_equal(rec.ev[first].obj, t.va);             /* entry 0 first */
    ts_events_free(&rec);
    assert_int_equal(dict_values(S, d), 0);
    assert_int_equal(dict_keys(S, d), dict_empty_keys(S));
    assert_int_equal(dk_refcnt(S, keys), 1);
    check(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_scenarios),
        cmocka_unit_test(test_materialize),
        cmocka_unit_test(test_new_shared_name),
        cmocka_unit_test(test_convert),
        cmocka_unit_test(test_dealloc),
        cmocka_unit_test(test_copy_requests),
        cmocka_unit_test(test_keys_helpers),
        cmocka_unit_test(test_release_shared),
        cmocka_unit_test(test_audit),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_next_and_clear),
    };
    return cmocka_run_group_tests_name("obj_dictsplit", tests, NULL, NULL) != 0;
}
