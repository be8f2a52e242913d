/*
 * test_inspect.c -- the read-only inspection API (sim/inspect.h).
 *
 * What it must get right: every object's holders agree with the ledger
 * (as many as ob_refcnt says, at every step) and with ob_holders; the
 * allocator summary agrees with the heap's own statistics, report and
 * self-check; frames, cells and namespaces read back what the program
 * made; reprs are CPython's texts, bounded, and never run Python code;
 * and inspecting changes nothing -- the simulated memory, the GC counts
 * and the event stream are the same whether or not anyone looked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc/pymalloc.h"
#include "heap_support.h"
#include "sim.h"
#include "sim/engine.h"
#include "sim/inspect.h"

static void discard(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

/* A program that makes something of every kind the ledger attributes:
 * names, locals, cells, a cycle through instances, containers, a
 * generator suspended mid-way, a bound method, a handled exception. */
static const char program[] =
    "import sys\n"
    "class Node:\n"
    "    def __init__(self, name):\n"
    "        self.name = name\n"
    "        self.other = None\n"
    "    def __repr__(self):\n"
    "        print('__repr__ ran')\n"
    "        return 'Node!'\n"
    "def outer(n):\n"
    "    k = [n]\n"
    "    def inner(m):\n"
    "        return k[0] + m\n"
    "    return inner\n"
    "def gen(n):\n"
    "    for i in range(n):\n"
    "        yield i * 2.5\n"
    "a = Node('a')\n"
    "b = Node('b')\n"
    "a.other = b\n"
    "b.other = a\n"
    "f = outer(40)\n"
    "total = f(2)\n"
    "g = gen(5)\n"
    "first = next(g)\n"
    "m = a.__init__\n"
    "data = {'x': [1, 2, (3, 'four')], 'y': {5, 6}, 'z': b'\\x00bytes'}\n"
    "try:\n"
    "    raise ValueError('boom', 7)\n"
    "except ValueError as e:\n"
    "    err = e\n"
    "del a, b\n"
    "s = 'caf\\u00e9 \\u20ac'\n"
    "big = 2 ** 100\n";

static SimEngine *load(const char *src)
{
    char msg[256];
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    assert_non_null(e);
    sim_engine_set_output(e, discard, NULL, discard, NULL);
    assert_int_equal(sim_engine_load(e, src, strlen(src), "p.py"), 0);
    return e;
}

/* ---- the ledger ---- */

typedef struct Audit {
    SimEngine *e;
    size_t objects, checked_sample;
    int sample;          /* compare with sim_inspect_holders too */
} Audit;

typedef struct Collect {
    SimHolder v[4096];
    size_t n;
} Collect;

static void collect(void *ud, const SimHolder *h)
{
    Collect *c = ud;
    if (c->n < 4096) c->v[c->n] = *h;
    c->n++;
}

static void audit_object(void *ud, const SimObjectInfo *in)
{
    Audit *a = ud;
    a->objects++;
    if ((int64_t)in->nholders + in->static_base != in->refcnt)
        fail_msg("%s at 0x%llx: refcount %lld but %zu holders (+%lld static)", in->type_name,
                 (unsigned long long)in->id, (long long)in->refcnt, in->nholders, (long long)in->static_base);
    for (size_t i = 0; i < in->nholders; i++) assert_int_equal(in->holders[i].target, in->id);
    /* the index gives what ob_holders gives, in the same order */
    if (a->sample && in->region != SIM_REGION_STATIC && a->checked_sample < 40) {
        Collect *c = malloc(sizeof *c);
        c->n = 0;
        sim_inspect_holders(a->e, in->id, collect, c);
        assert_int_equal(c->n, in->nholders);
        assert_memory_equal(c->v, in->holders, in->nholders * sizeof(SimHolder));
        free(c);
        a->checked_sample++;
    }
}

static void test_holders_agree_with_the_ledger_at_every_step(void **state)
{
    (void)state;
    SimEngine *e = load(program);
    int steps = 0;
    char msg[512];
    do {
        Audit a = {e, 0, 0, steps % 25 == 0};
        assert_int_equal(sim_inspect_objects(e, SIM_INSPECT_HOLDERS, audit_object, &a), 0);
        assert_int_equal(a.objects, sim_inspect_count_objects(e));
        if (steps % 25 == 0 && sim_inspect_check(e, msg, sizeof msg) != 0) fail_msg("self-check: %s", msg);
        steps++;
    } while (sim_engine_step(e) == SIM_STEP_RUNNING);
    assert_true(steps > 100);
    Audit a = {e, 0, 0, 1};
    assert_int_equal(sim_inspect_objects(e, SIM_INSPECT_HOLDERS, audit_object, &a), 0);
    assert_int_equal(sim_inspect_check(e, msg, sizeof msg), 0);
    sim_engine_free(e);
}

/* ---- the allocator ---- */

typedef struct PoolTally {
    uint64_t in_use, pools_nonempty;
    const SimHeap *h;
} PoolTally;

static void pool_check(void *ud, const SimPoolInfo *p)
{
    PoolTally *t = ud;
    if (p->state == SIM_POOL_EMPTY) {
        assert_int_equal(p->in_use, 0);
        return;
    }
    t->in_use += p->in_use;
    t->pools_nonempty++;
    assert_int_equal(p->in_use + p->free_blocks + p->virgin_blocks, p->capacity);
    assert_int_equal(p->state == SIM_POOL_FULL, p->in_use == p->capacity);
    assert_int_equal(p->block_size, (p->szclass + 1) * t->h->prof.alignment);
}

static void object_place(void *ud, const SimObjectInfo *in)
{
    SimEngine *e = ud;
    const SimHeap *h = sim_engine_heap(e);
    if (in->region == SIM_REGION_STATIC) {
        assert_true(in->id < SIM_ARENA_BASE);
        assert_int_equal(in->szclass, SIM_NONE);
        return;
    }
    assert_int_equal(in->block, in->id - in->preheader);
    assert_true(in->request > 0 && in->request <= in->block_size);
    if (in->region == SIM_REGION_ARENA) {
        assert_true(pm_block_is_live(h, in->block));
        assert_int_equal(in->block_size, pm_class_size(h, in->szclass));
        SimBlockInfo bi;
        assert_int_equal(sim_heap_locate(h, in->block, &bi), 0);
        assert_int_equal(bi.arena, in->arena);
        assert_int_equal(bi.pool, in->pool);
        assert_int_equal(bi.block, in->block_index);
    } else {
        assert_int_equal(in->region, SIM_REGION_RAW);
        assert_true(in->request > h->prof.threshold);
    }
}

static void report_text(void *ud, const char *text, size_t len)
{
    char *buf = ud;
    size_t n = strlen(buf);
    if (n + len < 16384) {
        memcpy(buf + n, text, len);
        buf[n + len] = '\0';
    }
}

/* The value on the report's line that starts with `label`. */
static uint64_t report_value(const char *report, const char *label)
{
    const char *p = strstr(report, label);
    assert_non_null(p);
    p = strchr(p, '=');
    assert_non_null(p);
    uint64_t v = 0;
    for (p++; *p && *p != '\n'; p++)
        if (*p >= '0' && *p <= '9') v = v * 10 + (uint64_t)(*p - '0');
    return v;
}

static void test_allocator_summary_agrees_with_the_heap(void **state)
{
    (void)state;
    SimEngine *e = load(program);
    sim_engine_run(e);
    const SimHeap *h = sim_engine_heap(e);
    SimAllocSummary a;
    sim_inspect_alloc(e, &a);
    SimHeapStats st;
    sim_heap_stats(h, &st);
    uint64_t blocks = 0, pools = 0;
    for (uint32_t c = 0; c < a.nclasses; c++) {
        blocks += a.classes[c].blocks_in_use;
        pools += a.classes[c].pools;
    }
    assert_int_equal(blocks, st.blocks_in_use);
    assert_int_equal(a.bytes_in_allocated_blocks, st.bytes_in_use);
    assert_int_equal(a.arenas_current, st.arenas_current);
    assert_int_equal(a.arenas_highwater, st.arenas_highwater);
    assert_int_equal(a.raw_blocks, st.raw_blocks);
    assert_int_equal(a.raw_bytes_requested, st.raw_bytes_requested);
    assert_int_equal(a.heap_bytes, st.heap_bytes);
    assert_int_equal(a.total, a.bytes_in_arenas);

    char *report = calloc(1, 16384);
    sim_heap_report(h, report_text, report);
    assert_int_equal(report_value(report, "# bytes in allocated blocks"), a.bytes_in_allocated_blocks);
    assert_int_equal(report_value(report, "# bytes in available blocks"), a.bytes_in_available_blocks);
    assert_int_equal(report_value(report, "# bytes lost to pool headers"), a.bytes_lost_to_pool_headers);
    assert_int_equal(report_value(report, "# bytes lost to quantization"), a.bytes_lost_to_quantization);
    assert_int_equal(report_value(report, "# bytes lost to arena alignment"), a.bytes_lost_to_arena_alignment);
    assert_int_equal(report_value(report, "# arenas allocated total"), a.arenas_allocated_total);
    assert_int_equal(report_value(report, "# arena map mid nodes"), a.arena_map_mid_nodes);
    free(report);

    PoolTally t = {0, 0, h};
    sim_inspect_pools(e, pool_check, &t);
    assert_int_equal(t.in_use, blocks);
    assert_int_equal(t.pools_nonempty, pools);
    assert_int_equal(sim_inspect_objects(e, 0, object_place, e), 0);
    char msg[256];
    assert_int_equal(sim_heap_check(h, msg, sizeof msg), 0);
    assert_int_equal(sim_inspect_check(e, msg, sizeof msg), 0);
    sim_engine_free(e);
}

/* ---- no observer effect ---- */

typedef struct Everything {
    SimEngine *e;
    char repr[512];
    uint64_t sum;
} Everything;

static void ev_holder(void *ud, const SimHolder *h) { ((Everything *)ud)->sum += h->target; }

static void ev_object(void *ud, const SimObjectInfo *in)
{
    Everything *x = ud;
    int cut;
    x->sum += sim_inspect_repr(x->e, in->id, x->repr, sizeof x->repr, &cut);
    sim_inspect_referents(x->e, in->id, ev_holder, x);
    char buf[64];
    x->sum += (uint64_t)sim_inspect_str(x->e, in->id, buf, sizeof buf);
}

static void ev_slot(void *ud, const SimSlotInfo *s) { ((Everything *)ud)->sum += s->value; }

static void ev_frame(void *ud, const SimFrameInfo *f)
{
    Everything *x = ud;
    sim_inspect_frame_slots(x->e, f->addr, ev_slot, x);
}

static void ev_entry(void *ud, const SimDictEntry *en) { ((Everything *)ud)->sum += en->value; }

static void ev_ns(void *ud, const SimNamespaceInfo *ns)
{
    Everything *x = ud;
    sim_inspect_dict(x->e, ns->dict, ev_entry, x);
}

static void ev_arena(void *ud, const SimArenaInfo *a) { ((Everything *)ud)->sum += a->address; }
static void ev_pool(void *ud, const SimPoolInfo *p) { ((Everything *)ud)->sum += p->in_use; }
static void ev_fl(void *ud, int list, uint64_t a)
{
    (void)list;
    ((Everything *)ud)->sum += a;
}

/* Every inspection call there is, on everything. */
static void inspect_everything(SimEngine *e)
{
    Everything *x = calloc(1, sizeof *x);
    x->e = e;
    assert_int_equal(sim_inspect_objects(e, SIM_INSPECT_HOLDERS, ev_object, x), 0);
    SimThreadInfo th;
    sim_inspect_thread(e, &th);
    sim_inspect_frames(e, ev_frame, x);
    sim_inspect_namespaces(e, ev_ns, x);
    SimAllocSummary a;
    sim_inspect_alloc(e, &a);
    sim_inspect_arenas(e, ev_arena, x);
    sim_inspect_pools(e, ev_pool, x);
    for (int l = 0; l < SIM_FL_COUNT; l++) sim_inspect_freelist(e, l, ev_fl, x);
    SimGcSummary g;
    sim_inspect_gc(e, &g);
    if (th.frame) sim_inspect_holders(e, th.frame, ev_holder, x);
    (void)sim_inspect_line(e);
    char msg[256];
    assert_int_equal(sim_inspect_check(e, msg, sizeof msg), 0);
    free(x);
}

typedef struct Recorder {
    SimEvent *v;
    size_t n, cap;
} Recorder;

static void record(void *ud, const SimEvent *ev)
{
    Recorder *r = ud;
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 4096;
        r->v = realloc(r->v, r->cap * sizeof *r->v);
        assert_non_null(r->v);
    }
    r->v[r->n++] = *ev;
}

static void test_inspection_changes_nothing(void **state)
{
    (void)state;
    /* memory and counters around one full inspection, at every step */
    SimEngine *e = load(program);
    Recorder during = {0};
    do {
        uint64_t before = ts_heap_hash(e, 1);
        sim_engine_set_event_sink(e, record, &during, SIM_EVCAT_ALL);
        inspect_everything(e);
        sim_engine_set_event_sink(e, NULL, NULL, 0);
        assert_int_equal(during.n, 0);
        assert_int_equal(ts_heap_hash(e, 1), before);
    } while (sim_engine_step(e) == SIM_STEP_RUNNING);
    inspect_everything(e);
    sim_engine_free(e);

    /* the whole event stream and heap, inspected at every step or never.
     * The last step is left out: at the module's end the parser arena's
     * constants are released in an order that follows host pointers
     * (compiler/compile.c collect_arena), which differs between two
     * engines whether or not anyone looks. */
    Recorder seen = {0}, unseen = {0};
    SimEngine *a = load(program), *b = load(program);
    sim_engine_set_event_sink(a, record, &seen, SIM_EVCAT_ALL);
    sim_engine_set_event_sink(b, record, &unseen, SIM_EVCAT_ALL);
    int steps = 0;
    for (;;) {
        size_t na = seen.n, nb = unseen.n;
        int ra = sim_engine_step(a), rb = sim_engine_step(b);
        assert_int_equal(ra, rb);
        if (ra != SIM_STEP_RUNNING) {
            seen.n = na;
            unseen.n = nb;
            break;
        }
        inspect_everything(a);
        assert_int_equal(seen.n, unseen.n);
        assert_int_equal(ts_heap_hash(a, 1), ts_heap_hash(b, 1));
        steps++;
    }
    assert_true(steps > 100 && seen.n > 1000);
    assert_memory_equal(seen.v, unseen.v, seen.n * sizeof *seen.v);
    free(seen.v);
    free(unseen.v);
    sim_engine_free(a);
    sim_engine_free(b);
}

/* ---- reprs, frames, namespaces ---- */

typedef struct Lookup {
    const char *name;
    uint64_t value, dict;
} Lookup;

static void find_entry(void *ud, const SimDictEntry *en)
{
    Lookup *l = ud;
    if (en->key_text && !strcmp(en->key_text, l->name)) l->value = en->value;
}

static void find_main(void *ud, const SimNamespaceInfo *ns)
{
    if (!strcmp(ns->name, "__main__")) ((Lookup *)ud)->dict = ns->dict;
}

static uint64_t global(SimEngine *e, const char *name)
{
    Lookup l = {name, 0, 0};
    sim_inspect_namespaces(e, find_main, &l);
    assert_true(l.dict != 0);
    assert_int_equal(sim_inspect_dict(e, l.dict, find_entry, &l), 0);
    if (!l.value) fail_msg("no global %s", name);
    return l.value;
}

static void assert_repr(SimEngine *e, const char *name, const char *expected)
{
    char buf[512];
    int cut = -1;
    sim_inspect_repr(e, global(e, name), buf, sizeof buf, &cut);
    if (strcmp(buf, expected)) fail_msg("repr(%s) = %s, expected %s", name, buf, expected);
    assert_int_equal(cut, 0);
}

/* Valid UTF-8, whole characters only. */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : *p >= 0xf0 ? 3 : *p >= 0xe0 ? 2 : *p >= 0xc0 ? 1 : -1;
        if (n < 0) return 0;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xc0) != 0x80) return 0;
    }
    return 1;
}

static const char repr_program[] =
    "class K:\n"
    "    def __repr__(self):\n"
    "        print('ran')\n"
    "        return 'K!'\n"
    "k = K()\n"
    "mixed = [1, 'x', 2.5, None, True, (1,), {'k': b'\\x00\\''}, -7, 1e16]\n"
    "me = []\n"
    "me.append(me)\n"
    "deep = [[[[[1]]]]]\n"
    "many = list(range(100))\n"
    "text = 'caf\\u00e9 \\u20ac\\U0001f600 \\n\\'q'\n"
    "long_text = '\\u20ac' * 1000\n"
    "big = -(10 ** 40)\n"
    "st = {3}\n"
    "fs = frozenset()\n"
    "rg = range(0, 10, 2)\n"
    "def f():\n"
    "    pass\n"
    "ex = KeyError('k')\n";

static void test_reprs_are_cpythons_and_run_no_code(void **state)
{
    (void)state;
    SimEngine *e = load(repr_program);
    sim_engine_run(e);
    unsigned long long ticks = sim_engine_tick(e);
    assert_repr(e, "mixed", "[1, 'x', 2.5, None, True, (1,), {'k': b\"\\x00'\"}, -7, 1e+16]");
    assert_repr(e, "me", "[[...]]");
    assert_repr(e, "text", "\"caf\xc3\xa9 \xe2\x82\xac\xf0\x9f\x98\x80 \\n'q\"");
    assert_repr(e, "big", "-10000000000000000000000000000000000000000");
    assert_repr(e, "st", "{3}");
    assert_repr(e, "fs", "frozenset()");
    assert_repr(e, "rg", "range(0, 10, 2)");
    assert_repr(e, "ex", "KeyError('k')");
    char buf[512];
    int cut;
    /* K's __repr__ is Python code: never called, the default form instead */
    sim_inspect_repr(e, global(e, "k"), buf, sizeof buf, &cut);
    assert_true(!strncmp(buf, "<__main__.K object at 0x7f", 26));
    sim_inspect_repr(e, global(e, "f"), buf, sizeof buf, &cut);
    assert_true(!strncmp(buf, "<function f at 0x7f", 19));
    sim_inspect_repr(e, global(e, "K"), buf, sizeof buf, &cut);
    assert_string_equal(buf, "<class '__main__.K'>");
    assert_int_equal(sim_engine_tick(e), ticks);
    /* bounds: depth, items, bytes */
    sim_inspect_repr(e, global(e, "deep"), buf, sizeof buf, &cut);
    assert_string_equal(buf, "[[[[...]]]]");
    assert_int_equal(cut, 1);
    sim_inspect_repr(e, global(e, "many"), buf, sizeof buf, &cut);
    assert_string_equal(buf, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, ...]");
    assert_int_equal(cut, 1);
    for (size_t cap = 1; cap < 40; cap++) {
        char small[40];
        size_t n = sim_inspect_repr(e, global(e, "long_text"), small, cap, &cut);
        assert_true(n < cap);
        assert_int_equal(strlen(small), n);
        assert_true(utf8_ok(small));
        assert_int_equal(cut, 1);
        if (cap >= 8) assert_true(!strcmp(small + n - 3, "..."));
    }
    sim_engine_free(e);
}

static const char frame_program[] =
    "def outer(n):\n"
    "    k = [n]\n"
    "    def inner(m):\n"
    "        return k[0] + m\n"
    "    return inner(5)\n"
    "x = outer(40)\n";

typedef struct FrameSeen {
    SimEngine *e;
    int stopped, nframes;
    SimFrameInfo f[4];
    SimSlotInfo slots[4][8];
    int nslots[4];
    char cell_repr[64];  /* outer's k, while it runs */
} FrameSeen;

static void slot_seen(void *ud, const SimSlotInfo *s)
{
    FrameSeen *fs = ud;
    int i = fs->nframes - 1;
    if (fs->nslots[i] < 8) fs->slots[i][fs->nslots[i]++] = *s;
}

static void frame_seen(void *ud, const SimFrameInfo *f)
{
    FrameSeen *fs = ud;
    if (fs->nframes == 4) return;
    fs->f[fs->nframes++] = *f;
    sim_inspect_frame_slots(fs->e, f->addr, slot_seen, fs);
}

static void stop_in_inner(void *ud, unsigned long long tick, int nested)
{
    (void)tick;
    (void)nested;
    FrameSeen *fs = ud;
    if (fs->stopped || sim_inspect_line(fs->e) != 4) return;
    fs->stopped = 1;
    sim_inspect_frames(fs->e, frame_seen, fs);
    for (int i = 0; i < fs->nslots[1]; i++)
        if (!strcmp(fs->slots[1][i].name, "k"))
            sim_inspect_repr(fs->e, fs->slots[1][i].cell_contents, fs->cell_repr, sizeof fs->cell_repr, NULL);
}

static void test_frames_cells_and_stack(void **state)
{
    (void)state;
    SimEngine *e = load(frame_program);
    FrameSeen *fs = calloc(1, sizeof *fs);
    fs->e = e;
    sim_engine_set_instr_hook(e, stop_in_inner, fs);
    sim_engine_run(e);
    assert_int_equal(fs->stopped, 1);
    assert_int_equal(fs->nframes, 3);
    assert_string_equal(fs->f[0].name, "outer.<locals>.inner");
    assert_string_equal(fs->f[1].name, "outer");
    assert_string_equal(fs->f[2].name, "<module>");
    assert_string_equal(fs->f[0].filename, "p.py");
    assert_int_equal(fs->f[0].line, 4);
    assert_int_equal(fs->f[0].level, 0);
    assert_int_equal(fs->f[2].level, 2);
    /* the caller stands at its CALL, as dis lists it */
    assert_string_equal(fs->f[1].opname, "CALL");
    assert_string_equal(fs->f[2].opname, "CALL");
    /* inner: m (local), k (free: the cell of outer's k) */
    assert_int_equal(fs->nslots[0], 2);
    assert_string_equal(fs->slots[0][0].name, "m");
    assert_int_equal(fs->slots[0][0].kind, SIM_SLOT_LOCAL);
    assert_string_equal(fs->slots[0][1].name, "k");
    assert_int_equal(fs->slots[0][1].kind, SIM_SLOT_FREE);
    /* outer: n, inner (locals), k (cell) -- the same cell as inner's */
    const SimSlotInfo *k_outer = NULL;
    for (int i = 0; i < fs->nslots[1]; i++)
        if (!strcmp(fs->slots[1][i].name, "k")) k_outer = &fs->slots[1][i];
    assert_non_null(k_outer);
    assert_int_equal(k_outer->kind, SIM_SLOT_CELL);
    assert_int_equal(k_outer->value, fs->slots[0][1].value);
    assert_true(k_outer->cell_contents != 0);
    assert_string_equal(fs->cell_repr, "[40]");
    free(fs);
    sim_engine_free(e);
}

typedef struct GenCount {
    int64_t n[4];
    int64_t tracked;
} GenCount;

static void count_gen(void *ud, const SimObjectInfo *in)
{
    GenCount *g = ud;
    if (!in->gc_tracked) {
        assert_int_equal(in->gc_generation, SIM_GC_UNTRACKED);
        return;
    }
    g->tracked++;
    assert_true(in->gc_generation >= 0 && in->gc_generation <= SIM_GC_PERMANENT);
    g->n[in->gc_generation]++;
}

static void test_gc_summary_and_generations(void **state)
{
    (void)state;
    SimEngine *e = load(program);
    sim_engine_run(e);
    SimGcSummary g;
    sim_inspect_gc(e, &g);
    assert_int_equal(g.gen[0].threshold, 700);
    assert_int_equal(g.gen[1].threshold, 10);
    assert_int_equal(g.gen[2].threshold, 10);
    assert_int_equal(g.enabled, 1);
    GenCount c;
    memset(&c, 0, sizeof c);
    assert_int_equal(sim_inspect_objects(e, 0, count_gen, &c), 0);
    for (int i = 0; i < 3; i++) assert_int_equal(c.n[i], g.gen[i].objects);
    assert_int_equal(c.n[3], g.permanent_objects);
    assert_true(c.tracked > 0);
    /* one object at a time: its generation by walking the lists */
    uint64_t d = global(e, "data");
    SimObjectInfo one;
    assert_int_equal(sim_inspect_object(e, d, &one), 0);
    assert_string_equal(one.type_name, "dict");
    assert_int_equal(one.gc_tracked, 1);
    assert_true(one.gc_generation >= 0 && one.gc_generation <= 2);
    assert_int_equal(sim_inspect_object(e, d + 8, &one), -1);
    sim_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_holders_agree_with_the_ledger_at_every_step),
        cmocka_unit_test(test_allocator_summary_agrees_with_the_heap),
        cmocka_unit_test(test_inspection_changes_nothing),
        cmocka_unit_test(test_reprs_are_cpythons_and_run_no_code),
        cmocka_unit_test(test_frames_cells_and_stack),
        cmocka_unit_test(test_gc_summary_and_generations),
    };
    return cmocka_run_group_tests_name("inspect", tests, NULL, NULL) != 0;
}
