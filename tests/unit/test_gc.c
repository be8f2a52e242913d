/*
 * test_gc.c -- the collector phase by phase on hand-built heaps (no VM):
 * what each phase leaves on which list with which gc_refs, the whole-heap
 * self-check after every phase, the trigger inside the allocation, the
 * generation bookkeeping, untracking, weakrefs, finalizers, SAVEALL and
 * the events a viewer replays.  Expected values follow gcmodule.c of
 * CPython 3.11 (reference §3.3); the oracle programs check the same rules
 * against python3 itself.
 */
#include "gc/gc.h"
#include "heap_support.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"

/* ---- observing the phases ---- */

#define MAXOBJ 8

/* What one phase left: for each watched object, its list and gc_refs. */
typedef struct Seen {
    int list[MAXOBJ];
    int64_t refs[MAXOBJ];
    int collecting[MAXOBJ], marked[MAXOBJ]; /* COLLECTING in gc_prev, UNREACHABLE in gc_next */
    int done;
} Seen;

typedef struct Watch {
    Obj obj[MAXOBJ];
    int n;
    Seen at[GC_PHASE_COUNT];
    int order[GC_PHASE_COUNT * 2];
    int norder;
    int checks;
} Watch;

/* The list a tracked object is on (walk to a head); -1 if untracked or
 * freed. */
static int list_of(Sim *S, Obj o)
{
    if (!objmap_is_live(S, o) || !gc_is_tracked(S, o)) return -1;
    SimAddr g = o - 16;
    for (SimAddr p = ob_get64(S, g, 0) & ~(uint64_t)1; p != g; p = ob_get64(S, p, 0) & ~(uint64_t)1)
        for (int id = 0; id < GC_LIST_UNTRACKED; id++)
            if (gc_list_head(S, (GcListId)id) == p) return id;
    return -2;
}

static void on_phase(Sim *S, GcPhase phase, int generation, void *ud)
{
    (void)generation;
    Watch *w = ud;
    ts_obcheck(S); /* the self-check after every phase */
    w->checks++;
    if (w->norder < (int)(sizeof w->order / sizeof *w->order)) w->order[w->norder++] = phase;
    Seen *s = &w->at[phase];
    if (s->done) return; /* the resurrection check repeats three phases: keep the first */
    s->done = 1;
    for (int i = 0; i < w->n; i++) {
        s->list[i] = list_of(S, w->obj[i]);
        s->refs[i] = s->list[i] >= 0 ? gc_get_refs(S, w->obj[i]) : -1;
        s->collecting[i] = s->list[i] >= 0 && gc_is_collecting(S, w->obj[i]);
        s->marked[i] = s->list[i] >= 0 && gc_is_unreachable_marked(S, w->obj[i]);
    }
}

static void watch(Sim *S, Watch *w)
{
    memset(w->at, 0, sizeof w->at);
    w->norder = 0;
    gc_set_phase_hook(S, on_phase, w);
}

static Obj new_list(Sim *S) { return ts_ok(S, list_new(S, 0)); }

static void append(Sim *S, Obj l, Obj v) { assert_int_equal(list_append(S, l, v), 0); }

/* ---- the three steps that find the unreachable ---- */

/* a <-> b is garbage; x (held from outside) holds y, and y was tracked
 * before x, so move_unreachable first takes y for unreachable and then
 * brings it back when it scans x. */
static void test_find_unreachable(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj y = new_list(S), x = new_list(S);
    append(S, x, y);
    ob_decref(S, y, HOLD_TEMP);
    sim_hold(S, x);
    Obj a = new_list(S), b = new_list(S);
    append(S, a, b);
    append(S, b, a);
    Watch w = {.obj = {y, x, a, b}, .n = 4};
    watch(S, &w);
    ob_decref(S, a, HOLD_TEMP);
    ob_decref(S, b, HOLD_TEMP);

    assert_int_equal(gc_collect_explicit(S, 0), 2);

    /* update_refs: gc_refs = ob_refcnt; y held by x, x by the embedder,
     * a and b by each other */
    Seen *u = &w.at[GC_PHASE_UPDATE_REFS];
    assert_true(u->done);
    for (int i = 0; i < 4; i++) assert_int_equal(u->refs[i], 1);
    /* subtract_refs: only x keeps a reference from outside */
    Seen *s = &w.at[GC_PHASE_SUBTRACT_REFS];
    assert_int_equal(s->refs[0], 0);
    assert_int_equal(s->refs[1], 1);
    assert_int_equal(s->refs[2], 0);
    assert_int_equal(s->refs[3], 0);
    /* move_unreachable: y came back to young, a and b are unreachable */
    Seen *m = &w.at[GC_PHASE_MOVE_UNREACHABLE];
    assert_int_equal(m->list[0], GC_LIST_GEN0);
    assert_int_equal(m->list[1], GC_LIST_GEN0);
    assert_int_equal(m->list[2], GC_LIST_UNREACHABLE);
    assert_int_equal(m->list[3], GC_LIST_UNREACHABLE);
    assert_false(m->collecting[0] || m->collecting[1]); /* scanned */
    assert_true(m->collecting[2] && m->marked[2] && m->marked[3]);
    assert_false(m->marked[0]);
    /* survivors promoted to generation 1; a and b gone after clearing */
    Seen *p = &w.at[GC_PHASE_PROMOTE];
    assert_int_equal(p->list[0], GC_LIST_GEN1);
    assert_int_equal(p->list[1], GC_LIST_GEN1);
    Seen *l = &w.at[GC_PHASE_LEGACY_FINALIZERS];
    assert_int_equal(l->list[2], GC_LIST_UNREACHABLE);
    assert_false(l->marked[2] || l->marked[3]); /* the marks are off */
    Seen *r = &w.at[GC_PHASE_RESURRECTION];
    assert_int_equal(r->list[2], GC_LIST_STILL);
    assert_int_equal(r->list[3], GC_LIST_STILL);
    Seen *c = &w.at[GC_PHASE_CLEAR];
    assert_int_equal(c->list[2], -1);
    assert_int_equal(c->list[3], -1);

    /* every phase ran, in CPython's order (no UNTRACK_DICTS for gen 0) */
    static const int want[] = {GC_PHASE_START, GC_PHASE_UPDATE_REFS, GC_PHASE_SUBTRACT_REFS,
                               GC_PHASE_MOVE_UNREACHABLE, GC_PHASE_UNTRACK_TUPLES, GC_PHASE_PROMOTE,
                               GC_PHASE_LEGACY_FINALIZERS, GC_PHASE_WEAKREFS, GC_PHASE_FINALIZE,
                               GC_PHASE_UPDATE_REFS, GC_PHASE_SUBTRACT_REFS, GC_PHASE_MOVE_UNREACHABLE,
                               GC_PHASE_RESURRECTION, GC_PHASE_CLEAR, GC_PHASE_DONE};
    assert_int_equal(w.norder, (int)(sizeof want / sizeof *want));
    for (int i = 0; i < w.norder; i++) assert_int_equal(w.order[i], want[i]);
    assert_int_equal(w.checks, w.norder);

    gc_set_phase_hook(S, NULL, NULL);
    sim_unhold(S, x);
    ts_obcheck(S);
    sim_free(S);
}

/* ---- generations and counts ---- */

static void test_generations(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    int64_t base2 = gc_list_size(S, gc_list_head(S, GC_LIST_GEN2));
    Obj keep = new_list(S);
    sim_hold(S, keep);
    gc_collect_explicit(S, 2);
    base2 = gc_list_size(S, gc_list_head(S, GC_LIST_GEN2));
    assert_true(base2 >= 1);
    assert_int_equal(S->gc.gen[0].count, 0);
    assert_int_equal(S->gc.gen[1].count, 0);
    assert_int_equal(S->gc.gen[2].count, 0);
    assert_int_equal(S->gc.long_lived_total, base2);
    assert_int_equal(S->gc.long_lived_pending, 0);

    Obj l1 = new_list(S), l2 = new_list(S); /* fresh: the full collection emptied the free lists */
    sim_hold(S, l1);
    sim_hold(S, l2);
    assert_int_equal(S->gc.gen[0].count, 2);
    assert_int_equal(gc_collect_explicit(S, 0), 0);
    assert_int_equal(S->gc.gen[0].count, 0);
    assert_int_equal(S->gc.gen[1].count, 1); /* collect(0) bumps count[1] */
    assert_int_equal(gc_list_size(S, gc_list_head(S, GC_LIST_GEN1)), 2);
    assert_int_equal(gc_collect_explicit(S, 1), 0);
    assert_int_equal(S->gc.gen[1].count, 0);
    assert_int_equal(S->gc.gen[2].count, 1);
    assert_int_equal(S->gc.long_lived_pending, 2);
    assert_int_equal(gc_list_size(S, gc_list_head(S, GC_LIST_GEN2)), base2 + 2);
    assert_int_equal(S->gc.stats[0].collections, 1);
    assert_int_equal(S->gc.stats[1].collections, 1);
    assert_int_equal(S->gc.stats[2].collections, 1);
    assert_int_equal(S->gc.last.generation, 1);

    sim_unhold(S, l2);
    sim_unhold(S, l1);
    sim_unhold(S, keep);
    ts_obcheck(S);
    sim_free(S);
}

/* The trigger: inside the allocation that takes count[0] past the
 * threshold; the new object is not tracked yet, so it survives. */
static void test_trigger(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    gc_collect_explicit(S, 2);
    S->gc.gen[0].threshold = 5;
    Obj held[6];
    for (int i = 0; i < 5; i++) {
        held[i] = new_list(S);
        sim_hold(S, held[i]);
    }
    assert_int_equal(S->gc.gen[0].count, 5);
    assert_int_equal(S->gc.stats[0].collections, 0);
    Obj c = new_list(S); /* the sixth: 6 > 5 */
    assert_int_equal(S->gc.stats[0].collections, 1);
    assert_int_equal(S->gc.gen[0].count, 0);
    assert_int_equal(S->gc.gen[1].count, 1);
    assert_int_equal(list_of(S, held[0]), GC_LIST_GEN1);
    assert_int_equal(list_of(S, c), GC_LIST_GEN0); /* tracked after the collection */
    /* disabled, or threshold 0: no automatic collection */
    S->gc.enabled = 0;
    for (int i = 0; i < 10; i++) sim_hold(S, new_list(S));
    assert_int_equal(S->gc.stats[0].collections, 1);
    S->gc.enabled = 1;
    S->gc.gen[0].threshold = 0;
    sim_hold(S, new_list(S));
    assert_int_equal(S->gc.stats[0].collections, 1);
    ob_decref(S, c, HOLD_TEMP);
    while (S->ncroots) sim_unhold(S, S->croots[S->ncroots - 1]);
    ts_obcheck(S);
    sim_free(S);
}

/* Gen 2 is skipped while the survivors pending since the last full
 * collection are under a quarter of the total it kept. */
static void test_long_lived_rule(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    for (int i = 0; i < 40; i++) sim_hold(S, new_list(S));
    gc_collect_explicit(S, 2);
    int64_t total = S->gc.long_lived_total;
    assert_true(total >= 40);
    S->gc.gen[0].threshold = 1;
    S->gc.gen[1].threshold = 0;
    S->gc.gen[2].threshold = 0; /* gen 2 would be due at every trigger */
    S->gc.gen[2].count = 1;
    S->gc.gen[1].count = 1;
    S->gc.long_lived_pending = total / 4 - 1;
    sim_hold(S, new_list(S));
    sim_hold(S, new_list(S)); /* count[0] 2 > 1: gen 1 instead of 2 */
    assert_int_equal(S->gc.stats[2].collections, 1);
    assert_int_equal(S->gc.stats[1].collections, 1);
    S->gc.long_lived_pending = total; /* now over a quarter */
    S->gc.gen[2].count = 1;
    sim_hold(S, new_list(S));
    sim_hold(S, new_list(S));
    assert_int_equal(S->gc.stats[2].collections, 2);
    assert_int_equal(S->gc.long_lived_pending, 0);
    while (S->ncroots) sim_unhold(S, S->croots[S->ncroots - 1]);
    ts_obcheck(S);
    sim_free(S);
}

/* ---- untracking ---- */

static void test_untrack_tuples_and_dicts(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj one = ts_ok(S, int_from_i64(S, 1));
    Obj atoms = ts_ok(S, tuple_pack(S, 1, &one));        /* (1,) */
    Obj inner = ts_ok(S, tuple_pack(S, 1, &one));
    Obj nested = ts_ok(S, tuple_pack(S, 1, &inner));     /* ((1,),) */
    Obj l = new_list(S);
    Obj withlist = ts_ok(S, tuple_pack(S, 1, &l));        /* ([],) */
    Obj d = ts_ok(S, dict_new(S));
    Obj k = ts_ok(S, str_from_cstr(S, "k"));
    assert_int_equal(dict_setitem(S, d, k, l), 0);
    assert_true(gc_is_tracked(S, d));
    assert_int_equal(dict_setitem(S, d, k, one), 0);     /* now only atoms, still tracked */
    ob_decref(S, inner, HOLD_TEMP); /* held by nested only */
    Obj all[] = {one, atoms, nested, l, withlist, d, k};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sim_hold(S, all[i]);
    assert_true(gc_is_tracked(S, atoms) && gc_is_tracked(S, nested));

    gc_collect_explicit(S, 0);
    assert_false(gc_is_tracked(S, atoms));
    assert_false(gc_is_tracked(S, inner));
    /* inner went back behind nested in move_unreachable, so nested was
     * examined while inner was still tracked: it needs a second pass */
    assert_true(gc_is_tracked(S, nested));
    assert_true(gc_is_tracked(S, withlist));
    assert_true(gc_is_tracked(S, d)); /* only a full collection untracks dicts */
    gc_collect_explicit(S, 1);
    assert_false(gc_is_tracked(S, nested));
    assert_true(gc_is_tracked(S, d));
    gc_collect_explicit(S, 2);
    assert_false(gc_is_tracked(S, d));
    assert_true(gc_is_tracked(S, withlist));

    while (S->ncroots) sim_unhold(S, S->croots[S->ncroots - 1]);
    ts_obcheck(S);
    sim_free(S);
}

/* ---- weakrefs, finalizers, resurrection (hooks stand in for the VM) ---- */

typedef struct Calls {
    Obj callable[16], arg[16];
    int n;
    int resurrect; /* the finalizer keeps its object alive */
} Calls;

static Calls calls;

static int record_call(Sim *S, Obj callable, Obj arg)
{
    if (calls.n < 16) {
        calls.callable[calls.n] = callable;
        calls.arg[calls.n] = arg;
    }
    calls.n++;
    if (calls.resurrect && !ob_is(S, arg, TI_WEAKREF)) {
        ob_incref(S, arg, HOLD_TEMP);
        sim_hold(S, arg);
    }
    return 0;
}

/* A class; with a "__del__" entry it has a finalizer (the hook is what
 * gets called, with the dict's value as the callable). */
static Obj new_class(Sim *S, const char *name, int with_del, Obj *del_marker)
{
    Obj ns = ts_ok(S, dict_new(S));
    if (with_del) {
        Obj key = ts_ok(S, str_from_cstr(S, "__del__"));
        *del_marker = ts_ok(S, str_from_cstr(S, "del-marker"));
        assert_int_equal(dict_setitem(S, ns, key, *del_marker), 0);
        ob_decref(S, key, HOLD_TEMP);
    }
    Obj n = ts_ok(S, str_from_cstr(S, name));
    Obj bases = ts_ok(S, tuple_new(S, 0));
    Obj k = ts_ok(S, type_new(S, n, bases, ns));
    ob_decref(S, n, HOLD_TEMP);
    ob_decref(S, bases, HOLD_TEMP);
    ob_decref(S, ns, HOLD_TEMP);
    sim_hold(S, k);
    return k;
}

static void link_attr(Sim *S, Obj from, const char *name, Obj to)
{
    Obj n = ts_ok(S, str_from_cstr(S, name));
    assert_int_equal(instance_setattr(S, from, n, to), 0);
    ob_decref(S, n, HOLD_TEMP);
}

static void test_weakrefs(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    memset(&calls, 0, sizeof calls);
    S->call_hook = record_call;
    Obj k = new_class(S, "K", 0, NULL);
    Obj a = ts_ok(S, instance_new(S, k)), b = ts_ok(S, instance_new(S, k));
    link_attr(S, a, "other", b);
    link_attr(S, b, "other", a);
    Obj cb = ts_ok(S, str_from_cstr(S, "callback"));
    sim_hold(S, cb);
    Obj outside = ts_ok(S, weakref_new(S, a, cb)); /* reachable: its callback runs */
    sim_hold(S, outside);
    Obj inside = ts_ok(S, weakref_new(S, b, cb));  /* garbage itself: no callback */
    link_attr(S, a, "wr", inside);
    ob_decref(S, inside, HOLD_TEMP);
    Watch w = {.obj = {a, b, outside}, .n = 3};
    watch(S, &w);
    ob_decref(S, a, HOLD_TEMP);
    ob_decref(S, b, HOLD_TEMP);

    int64_t n = gc_collect_explicit(S, 2);
    assert_int_equal(n, 3); /* a, b and the weakref inside */
    assert_int_equal(calls.n, 1);
    assert_int_equal(calls.callable[0], cb);
    assert_int_equal(calls.arg[0], outside);
    assert_int_equal(weakref_get(S, outside), S->none);
    assert_int_equal(list_of(S, outside), GC_LIST_GEN2); /* back to old after its callback */

    gc_set_phase_hook(S, NULL, NULL);
    S->call_hook = NULL;
    while (S->ncroots) sim_unhold(S, S->croots[S->ncroots - 1]);
    ts_obcheck(S);
    sim_free(S);
}

static void test_finalizers_and_resurrection(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    memset(&calls, 0, sizeof calls);
    S->call_hook = record_call;
    Obj marker = 0;
    Obj k = new_class(S, "D", 1, &marker);
    sim_hold(S, marker);
    Obj a = ts_ok(S, instance_new(S, k)), b = ts_ok(S, instance_new(S, k));
    link_attr(S, a, "other", b);
    link_attr(S, b, "other", a);
    ob_decref(S, a, HOLD_TEMP);
    ob_decref(S, b, HOLD_TEMP);

    /* the finalizers keep both alive: nothing collected, both move to old */
    calls.resurrect = 1;
    assert_int_equal(gc_collect_explicit(S, 2), 0);
    assert_int_equal(calls.n, 2);
    assert_int_equal(calls.arg[0], a); /* list order: a was tracked first */
    assert_int_equal(calls.arg[1], b);
    assert_true(gc_is_finalized(S, a) && gc_is_finalized(S, b));
    assert_int_equal(list_of(S, a), GC_LIST_GEN2);

    /* dropped again: collected, and no finalizer runs a second time */
    calls.resurrect = 0;
    sim_unhold(S, b);
    sim_unhold(S, a);
    assert_int_equal(gc_collect_explicit(S, 2), 2);
    assert_int_equal(calls.n, 2);

    S->call_hook = NULL;
    while (S->ncroots) sim_unhold(S, S->croots[S->ncroots - 1]);
    ts_obcheck(S);
    sim_free(S);
}

static void test_saveall(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    S->gc.garbage = new_list(S);
    ob_move(S, S->gc.garbage, HOLD_TEMP, HOLD_INTERNAL(0, R_INTERP));
    S->gc.debug = GC_DEBUG_SAVEALL;
    Obj a = new_list(S), b = new_list(S);
    append(S, a, b);
    append(S, b, a);
    ob_decref(S, a, HOLD_TEMP);
    ob_decref(S, b, HOLD_TEMP);
    assert_int_equal(gc_collect_explicit(S, 2), 2);
    assert_int_equal(list_len(S, S->gc.garbage), 2);
    assert_int_equal(list_get(S, S->gc.garbage, 0), a);
    assert_int_equal(list_get(S, S->gc.garbage, 1), b);
    assert_int_equal(list_of(S, a), GC_LIST_GEN2); /* alive, in old */
    ts_obcheck(S);
    S->gc.debug = 0;
    list_clear_items(S, S->gc.garbage);
    assert_int_equal(gc_collect_explicit(S, 2), 2);
    assert_false(objmap_is_live(S, a));
    ts_obcheck(S);
    sim_free(S);
}

/* ---- events ---- */

static void test_events(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    TsEvents e = {0};
    Obj a = new_list(S);
    append(S, a, a);
    ob_decref(S, a, HOLD_TEMP);
    ev_set_sink(&S->ev, ts_record, &e, SIM_EVCAT_GC);
    assert_int_equal(gc_collect_explicit(S, 0), 1);
    ev_set_sink(&S->ev, NULL, NULL, 0);
    long start = ts_find(&e, 0, SIM_EV_GC_START);
    assert_true(start >= 0);
    assert_int_equal(e.ev[start].a, 0);
    /* a's gc_refs: 1 from update_refs, 0 after subtract_refs */
    long r1 = ts_find(&e, (size_t)start, SIM_EV_GC_REFS);
    assert_true(r1 >= 0);
    assert_int_equal(e.ev[r1].obj, a);
    assert_int_equal(e.ev[r1].a, 1);
    long r2 = ts_find(&e, (size_t)r1 + 1, SIM_EV_GC_REFS);
    assert_int_equal(e.ev[r2].a, 0);
    assert_int_equal(e.ev[r2].b, GC_PHASE_SUBTRACT_REFS);
    long mv = ts_find(&e, (size_t)r2, SIM_EV_GC_MOVE);
    assert_int_equal(e.ev[mv].obj, a);
    assert_int_equal(e.ev[mv].a, GC_LIST_GEN0);
    assert_int_equal(e.ev[mv].b, GC_LIST_UNREACHABLE);
    long cl = ts_find(&e, (size_t)mv, SIM_EV_GC_CLEAR);
    assert_int_equal(e.ev[cl].obj, a);
    long done = ts_find(&e, (size_t)cl, SIM_EV_GC_DONE);
    assert_int_equal(e.ev[done].a, 1);
    assert_int_equal(e.ev[done].b, 0);
    char line[256];
    sim_event_format(&e.ev[mv], line, sizeof line);
    assert_non_null(strstr(line, "generation 0 -> unreachable"));
    ts_events_free(&e);
    ts_obcheck(S);
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_unreachable),
        cmocka_unit_test(test_generations),
        cmocka_unit_test(test_trigger),
        cmocka_unit_test(test_long_lived_rule),
        cmocka_unit_test(test_untrack_tuples_and_dicts),
        cmocka_unit_test(test_weakrefs),
        cmocka_unit_test(test_finalizers_and_resurrection),
        cmocka_unit_test(test_saveall),
        cmocka_unit_test(test_events),
    };
    return cmocka_run_group_tests_name("gc", tests, NULL, NULL) != 0;
}
