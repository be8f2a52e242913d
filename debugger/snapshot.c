/*
 * snapshot.c -- `refscope snapshot`: the whole state at a tick, a line or
 * the end, as JSON (docs/snapshot-format.md).
 *
 * The document is written section by section: each small section (the
 * profile, threads, namespaces, the collector, the allocator) is one cJSON
 * tree printed and freed; the objects are one tree each, one per line.
 * Memory is the largest single object's tree plus the engine's holder
 * index, never a copy of the heap.  Texts that only live while one tree
 * is printed (ids, numbers) sit in a scratch area referenced by the tree
 * (cJSON's IsReference), which saves a malloc and a copy per value.
 *
 * Numbers are emitted as raw text we format ourselves: cJSON prints
 * doubles through sprintf + sscanf, which is slow and loses integers past
 * 2^53; ids and addresses are strings anyway ("0x7f0004004030").
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "dbg/snapshot.h"
#include "sim/inspect.h"
#include "source.h"

#define SCRATCH_BLOCK (64 * 1024)
#define REPR_CAP 201

/* A scratch area of fixed blocks: pointers into it stay valid until reset. */
typedef struct Scratch {
    char **blocks;
    size_t nblocks, cur, used;
} Scratch;

typedef struct Snap {
    SimEngine *e;
    FILE *f;
    char *buf;               /* cJSON_PrintPreallocated's buffer */
    size_t cap;
    Scratch sc;
    int oom;
    uint64_t nobjects, nrefs;
    int first;               /* no object written yet */
    char repr[REPR_CAP];
} Snap;

/* ---- scratch texts ---- */

static char *scratch(Snap *s, size_t n)
{
    Scratch *sc = &s->sc;
    if (n > SCRATCH_BLOCK) return NULL;
    if (sc->nblocks == 0 || sc->used + n > SCRATCH_BLOCK) {
        if (sc->nblocks && sc->cur + 1 < sc->nblocks) {
            sc->cur++;
        } else {
            char **v = realloc(sc->blocks, (sc->nblocks + 1) * sizeof *v);
            char *b = v ? malloc(SCRATCH_BLOCK) : NULL;
            if (!b) {
                if (v) sc->blocks = v;
                s->oom = 1;
                return NULL;
            }
            sc->blocks = v;
            sc->blocks[sc->nblocks] = b;
            sc->cur = sc->nblocks++;
        }
        sc->used = 0;
    }
    char *p = sc->blocks[sc->cur] + sc->used;
    sc->used += n;
    return p;
}

static void scratch_reset(Snap *s)
{
    s->sc.cur = 0;
    s->sc.used = 0;
}

static void scratch_free(Snap *s)
{
    for (size_t i = 0; i < s->sc.nblocks; i++) free(s->sc.blocks[i]);
    free(s->sc.blocks);
}

/* ---- values ---- */

/* A raw JSON text held by reference (not copied, not freed by cJSON). */
static cJSON *raw_ref(Snap *s, const char *text)
{
    cJSON *n = text ? cJSON_CreateStringReference(text) : NULL;
    if (!n) {
        s->oom = 1;
        return cJSON_CreateNull();
    }
    n->type = cJSON_Raw | cJSON_IsReference;
    return n;
}

static cJSON *num_u(Snap *s, uint64_t v)
{
    char *p = scratch(s, 21);
    if (!p) return raw_ref(s, NULL);
    char tmp[21];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (int i = 0; i < n; i++) p[i] = tmp[n - 1 - i];
    p[n] = '\0';
    return raw_ref(s, p);
}

static cJSON *num_i(Snap *s, int64_t v)
{
    if (v >= 0) return num_u(s, (uint64_t)v);
    char *p = scratch(s, 22);
    if (!p) return raw_ref(s, NULL);
    snprintf(p, 22, "%" PRId64, v);
    return raw_ref(s, p);
}

/* "0x7f0004004030": lower-case hex, as id() and the trace show it. */
static cJSON *hex(Snap *s, uint64_t v)
{
    char *p = scratch(s, 19);
    if (!p) return raw_ref(s, NULL);
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    p[0] = '0';
    p[1] = 'x';
    for (int i = 0; i < n; i++) p[2 + i] = tmp[n - 1 - i];
    p[2 + n] = '\0';
    cJSON *j = cJSON_CreateStringReference(p);
    if (!j) s->oom = 1;
    return j;
}

/* An id, or null for 0. */
static cJSON *ref(Snap *s, uint64_t v) { return v ? hex(s, v) : cJSON_CreateNull(); }

static cJSON *text(Snap *s, const char *t)
{
    cJSON *j = cJSON_CreateString(t);
    if (!j) s->oom = 1;
    return j;
}

/* A constant text (never freed, never copied). */
static cJSON *ctext(Snap *s, const char *t)
{
    cJSON *j = cJSON_CreateStringReference(t);
    if (!j) s->oom = 1;
    return j;
}

static cJSON *opt_u32(Snap *s, uint32_t v) { return v == SIM_NONE ? cJSON_CreateNull() : num_u(s, v); }

/* obj[key] = v; keys are string literals (not copied). */
static void put(Snap *s, cJSON *obj, const char *key, cJSON *v)
{
    if (!v || !obj || !cJSON_AddItemToObjectCS(obj, key, v)) {
        s->oom = 1;
        cJSON_Delete(v);
    }
}

static void push(Snap *s, cJSON *arr, cJSON *v)
{
    if (!v || !arr || !cJSON_AddItemToArray(arr, v)) {
        s->oom = 1;
        cJSON_Delete(v);
    }
}

static cJSON *new_obj(Snap *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) s->oom = 1;
    return o;
}

static cJSON *new_arr(Snap *s)
{
    cJSON *a = cJSON_CreateArray();
    if (!a) s->oom = 1;
    return a;
}

/* ---- output ---- */

/* Prints one value as cJSON writes it, unformatted. */
static void print_value(Snap *s, cJSON *v)
{
    for (;;) {
        if (s->buf && cJSON_PrintPreallocated(v, s->buf, (int)s->cap, 0)) {
            fputs(s->buf, s->f);
            return;
        }
        /* too small: cJSON needs room for its own bookkeeping too */
        size_t cap = s->cap ? s->cap * 2 : 1 << 16;
        char *b = cap < (size_t)1 << 30 ? realloc(s->buf, cap) : NULL;
        if (!b) {
            s->oom = 1;
            return;
        }
        s->buf = b;
        s->cap = cap;
    }
}

/* The layout: the first `depth` levels of containers put each member on
 * a line of its own (indented two spaces a level), deeper ones are one
 * line -- diffable, and still short for a whole heap.  Members are
 * printed one at a time by cJSON; keys are our own literals. */
static void print_tree(Snap *s, cJSON *v, int depth, int indent)
{
    int obj = cJSON_IsObject(v);
    if (depth == 0 || !(obj || cJSON_IsArray(v)) || !v->child) {
        print_value(s, v);
        return;
    }
    fputc(obj ? '{' : '[', s->f);
    for (cJSON *c = v->child; c; c = c->next) {
        fprintf(s->f, "\n%*s", 2 * (indent + 1), "");
        if (obj) fprintf(s->f, "\"%s\": ", c->string);
        print_tree(s, c, depth - 1, indent + 1);
        if (c->next) fputc(',', s->f);
    }
    fprintf(s->f, "\n%*s%c", 2 * indent, "", obj ? '}' : ']');
}

/* Prints one tree, then frees it and the scratch it refers to. */
static void emit(Snap *s, cJSON *tree, int depth)
{
    if (!tree) {
        s->oom = 1;
        return;
    }
    print_tree(s, tree, depth, 0);
    cJSON_Delete(tree);
    scratch_reset(s);
}

/* "key": <tree>, at the top level. */
static void section(Snap *s, const char *key, cJSON *tree, int depth)
{
    fprintf(s->f, "\"%s\": ", key);
    emit(s, tree, depth);
    fputs(",\n", s->f);
}

/* ---- sections ---- */

static cJSON *profile_section(Snap *s)
{
    const SimProfile *p = sim_heap_profile(sim_engine_heap(s->e));
    cJSON *o = new_obj(s);
    put(s, o, "name", text(s, p->name));
    put(s, o, "arena_size", num_u(s, p->arena_size));
    put(s, o, "pool_size", num_u(s, p->pool_size));
    put(s, o, "alignment", num_u(s, p->alignment));
    put(s, o, "threshold", num_u(s, p->threshold));
    put(s, o, "arena_offset", num_u(s, p->arena_offset));
    put(s, o, "keep_last_arena", cJSON_CreateBool(p->keep_last_arena));
    put(s, o, "heap_limit", num_u(s, p->heap_limit));
    return o;
}

static const char *const stop_names[] = {"end", "tick", "line"};

static cJSON *at_section(Snap *s, const SnapAt *at)
{
    SimThreadInfo th;
    sim_inspect_thread(s->e, &th);
    int done = th.frame == 0;
    int line = sim_inspect_line(s->e);
    cJSON *o = new_obj(s);
    put(s, o, "stop", ctext(s, stop_names[at->stop]));
    put(s, o, "tick", num_u(s, sim_engine_tick(s->e)));
    put(s, o, "line", line >= 0 ? num_i(s, line) : cJSON_CreateNull());
    put(s, o, "nested", num_i(s, th.nested));
    put(s, o, "done", cJSON_CreateBool(done));
    put(s, o, "exit_status", done ? num_i(s, sim_engine_exit_status(s->e)) : cJSON_CreateNull());
    return o;
}

static const char *const slot_kinds[] = {"local", "cell", "free", "stack"};
static const char *const frame_owners[] = {"thread", "generator", "frame object"};

typedef struct FrameCtx {
    Snap *s;
    cJSON *frames, *locals, *stack;
} FrameCtx;

static void slot_cb(void *ud, const SimSlotInfo *si)
{
    FrameCtx *c = ud;
    Snap *s = c->s;
    if (si->kind == SIM_SLOT_STACK) {
        push(s, c->stack, ref(s, si->value));
        return;
    }
    cJSON *o = new_obj(s);
    put(s, o, "name", text(s, si->name));
    put(s, o, "kind", ctext(s, slot_kinds[si->kind]));
    put(s, o, "value", ref(s, si->value));
    put(s, o, "cell_contents", si->kind != SIM_SLOT_LOCAL ? ref(s, si->cell_contents) : cJSON_CreateNull());
    push(s, c->locals, o);
}

static void frame_cb(void *ud, const SimFrameInfo *fi)
{
    FrameCtx *c = ud;
    Snap *s = c->s;
    cJSON *o = new_obj(s);
    put(s, o, "frame", hex(s, fi->addr));
    put(s, o, "level", num_i(s, fi->level));
    put(s, o, "function", text(s, fi->name));
    put(s, o, "file", text(s, fi->filename));
    put(s, o, "line", num_i(s, fi->line));
    put(s, o, "offset", fi->offset >= 0 ? num_i(s, fi->offset) : cJSON_CreateNull());
    put(s, o, "instruction", fi->offset >= 0 ? ctext(s, fi->opname) : cJSON_CreateNull());
    put(s, o, "code", ref(s, fi->code));
    put(s, o, "function_object", ref(s, fi->func));
    put(s, o, "globals", ref(s, fi->globals));
    put(s, o, "builtins", ref(s, fi->builtins));
    put(s, o, "locals_dict", ref(s, fi->locals));
    put(s, o, "frame_object", ref(s, fi->frame_obj));
    put(s, o, "entry", cJSON_CreateBool(fi->is_entry));
    put(s, o, "owner", ctext(s, fi->owner >= 0 && fi->owner <= 2 ? frame_owners[fi->owner] : "?"));
    c->locals = new_arr(s);
    c->stack = new_arr(s);
    sim_inspect_frame_slots(s->e, fi->addr, slot_cb, c);
    put(s, o, "locals", c->locals);
    put(s, o, "stack", c->stack);
    push(s, c->frames, o);
}

static cJSON *threads_section(Snap *s)
{
    SimThreadInfo th;
    sim_inspect_thread(s->e, &th);
    cJSON *arr = new_arr(s), *t = new_obj(s);
    put(s, t, "id", num_u(s, th.id));
    put(s, t, "name", ctext(s, th.name));
    put(s, t, "depth", num_i(s, th.depth));
    put(s, t, "exception", ref(s, th.pending_exc));
    put(s, t, "handled_exception", ref(s, th.handled_exc));
    FrameCtx c = {s, new_arr(s), NULL, NULL};
    sim_inspect_frames(s->e, frame_cb, &c);
    put(s, t, "frames", c.frames);
    push(s, arr, t);
    return arr;
}

typedef struct NsCtx {
    Snap *s;
    cJSON *list, *names;
} NsCtx;

static void entry_cb(void *ud, const SimDictEntry *en)
{
    NsCtx *c = ud;
    Snap *s = c->s;
    cJSON *o = new_obj(s);
    put(s, o, "name", en->key_text ? text(s, en->key_text) : cJSON_CreateNull());
    put(s, o, "key", ref(s, en->key));
    put(s, o, "value", ref(s, en->value));
    push(s, c->names, o);
}

static void ns_cb(void *ud, const SimNamespaceInfo *ns)
{
    NsCtx *c = ud;
    Snap *s = c->s;
    cJSON *o = new_obj(s);
    put(s, o, "module", text(s, ns->name));
    put(s, o, "id", ref(s, ns->module));
    put(s, o, "dict", ref(s, ns->dict));
    c->names = new_arr(s);
    if (ns->dict) sim_inspect_dict(s->e, ns->dict, entry_cb, c);
    put(s, o, "names", c->names);
    push(s, c->list, o);
}

static cJSON *namespaces_section(Snap *s)
{
    NsCtx c = {s, new_arr(s), NULL};
    sim_inspect_namespaces(s->e, ns_cb, &c);
    return c.list;
}

static cJSON *gc_section(Snap *s)
{
    SimGcSummary g;
    sim_inspect_gc(s->e, &g);
    cJSON *o = new_obj(s);
    put(s, o, "enabled", cJSON_CreateBool(g.enabled));
    put(s, o, "collecting", cJSON_CreateBool(g.collecting));
    put(s, o, "debug", num_i(s, g.debug));
    cJSON *gens = new_arr(s);
    for (int i = 0; i < 3; i++) {
        cJSON *x = new_obj(s);
        put(s, x, "generation", num_i(s, i));
        put(s, x, "count", num_i(s, g.gen[i].count));
        put(s, x, "threshold", num_i(s, g.gen[i].threshold));
        put(s, x, "objects", num_i(s, g.gen[i].objects));
        put(s, x, "collections", num_i(s, g.gen[i].collections));
        put(s, x, "collected", num_i(s, g.gen[i].collected));
        put(s, x, "uncollectable", num_i(s, g.gen[i].uncollectable));
        push(s, gens, x);
    }
    put(s, o, "generations", gens);
    put(s, o, "permanent_objects", num_i(s, g.permanent_objects));
    put(s, o, "long_lived_total", num_i(s, g.long_lived_total));
    put(s, o, "long_lived_pending", num_i(s, g.long_lived_pending));
    cJSON *last = cJSON_CreateNull();
    if (g.last_generation >= 0) {
        cJSON_Delete(last);
        last = new_obj(s);
        put(s, last, "generation", num_i(s, g.last_generation));
        put(s, last, "collected", num_i(s, g.last_collected));
        put(s, last, "uncollectable", num_i(s, g.last_uncollectable));
        put(s, last, "tick", num_u(s, g.last_tick));
    }
    put(s, o, "last_collection", last);
    put(s, o, "garbage", ref(s, g.garbage));
    put(s, o, "callbacks", ref(s, g.callbacks));
    return o;
}

static void arena_cb(void *ud, const SimArenaInfo *a)
{
    void **c = ud;
    Snap *s = c[0];
    cJSON *o = new_obj(s);
    put(s, o, "slot", num_u(s, a->slot));
    put(s, o, "address", hex(s, a->address));
    put(s, o, "pools_total", num_u(s, a->pools_total));
    put(s, o, "pools_free", num_u(s, a->pools_free));
    put(s, o, "pools_carved", num_u(s, a->pools_carved));
    put(s, o, "usable_rank", a->usable_rank >= 0 ? num_i(s, a->usable_rank) : cJSON_CreateNull());
    push(s, c[1], o);
}

static const char *const pool_states[] = {"used", "full", "empty"};

static void pool_cb(void *ud, const SimPoolInfo *p)
{
    void **c = ud;
    Snap *s = c[0];
    cJSON *o = new_obj(s);
    put(s, o, "arena", num_u(s, p->arena));
    put(s, o, "pool", num_u(s, p->index));
    put(s, o, "address", hex(s, p->address));
    put(s, o, "state", ctext(s, pool_states[p->state]));
    put(s, o, "class", opt_u32(s, p->szclass));
    put(s, o, "block_size", p->state == SIM_POOL_EMPTY ? cJSON_CreateNull() : num_u(s, p->block_size));
    put(s, o, "in_use", num_u(s, p->in_use));
    put(s, o, "capacity", p->state == SIM_POOL_EMPTY ? cJSON_CreateNull() : num_u(s, p->capacity));
    put(s, o, "free_blocks", num_u(s, p->free_blocks));
    put(s, o, "virgin_blocks", num_u(s, p->virgin_blocks));
    push(s, c[1], o);
}

static void fl_cb(void *ud, int list, uint64_t addr)
{
    (void)list;
    void **c = ud;
    push(c[0], c[1], hex(c[0], addr));
}

static cJSON *freelist(Snap *s, int list)
{
    cJSON *arr = new_arr(s);
    void *c[2] = {s, arr};
    sim_inspect_freelist(s->e, list, fl_cb, c);
    return arr;
}

static cJSON *allocator_section(Snap *s)
{
    SimAllocSummary a;
    sim_inspect_alloc(s->e, &a);
    cJSON *o = new_obj(s);
    cJSON *classes = new_arr(s);
    for (uint32_t c = 0; c < a.nclasses; c++) {
        if (a.classes[c].pools == 0) continue; /* as the debugmallocstats table */
        cJSON *x = new_obj(s);
        put(s, x, "class", num_u(s, c));
        put(s, x, "size", num_u(s, a.classes[c].size));
        put(s, x, "pools", num_u(s, a.classes[c].pools));
        put(s, x, "blocks_in_use", num_u(s, a.classes[c].blocks_in_use));
        put(s, x, "blocks_available", num_u(s, a.classes[c].blocks_available));
        push(s, classes, x);
    }
    put(s, o, "classes", classes);
    cJSON *st = new_obj(s);
    put(s, st, "arenas_allocated_total", num_u(s, a.arenas_allocated_total));
    put(s, st, "arenas_reclaimed", num_u(s, a.arenas_reclaimed));
    put(s, st, "arenas_highwater", num_u(s, a.arenas_highwater));
    put(s, st, "arenas_allocated_current", num_u(s, a.arenas_current));
    put(s, st, "bytes_in_arenas", num_u(s, a.bytes_in_arenas));
    put(s, st, "bytes_in_allocated_blocks", num_u(s, a.bytes_in_allocated_blocks));
    put(s, st, "bytes_in_available_blocks", num_u(s, a.bytes_in_available_blocks));
    put(s, st, "unused_pools", num_u(s, a.unused_pools));
    put(s, st, "bytes_in_unused_pools", num_u(s, a.bytes_in_unused_pools));
    put(s, st, "bytes_lost_to_pool_headers", num_u(s, a.bytes_lost_to_pool_headers));
    put(s, st, "bytes_lost_to_quantization", num_u(s, a.bytes_lost_to_quantization));
    put(s, st, "bytes_lost_to_arena_alignment", num_u(s, a.bytes_lost_to_arena_alignment));
    put(s, st, "total", num_u(s, a.total));
    put(s, st, "arena_map_mid_nodes", a.has_arena_map ? num_u(s, a.arena_map_mid_nodes) : cJSON_CreateNull());
    put(s, st, "arena_map_bot_nodes", a.has_arena_map ? num_u(s, a.arena_map_bot_nodes) : cJSON_CreateNull());
    put(s, o, "debugmallocstats", st);
    cJSON *raw = new_obj(s);
    put(s, raw, "blocks", num_u(s, a.raw_blocks));
    put(s, raw, "chunks", num_u(s, a.raw_chunks));
    put(s, raw, "bytes_requested", num_u(s, a.raw_bytes_requested));
    put(s, raw, "bytes_in_chunks", num_u(s, a.raw_bytes_in_chunks));
    put(s, raw, "top", hex(s, a.raw_top));
    put(s, o, "raw", raw);
    put(s, o, "heap_bytes", num_u(s, a.heap_bytes));
    put(s, o, "heap_limit", num_u(s, a.heap_limit));
    void *c[2] = {s, new_arr(s)};
    sim_inspect_arenas(s->e, arena_cb, c);
    put(s, o, "arenas", c[1]);
    c[1] = new_arr(s);
    sim_inspect_pools(s->e, pool_cb, c);
    put(s, o, "pools", c[1]);
    cJSON *fl = new_obj(s);
    put(s, fl, "float", freelist(s, SIM_FL_FLOAT));
    put(s, fl, "list", freelist(s, SIM_FL_LIST));
    put(s, fl, "dict", freelist(s, SIM_FL_DICT));
    put(s, fl, "dict_keys", freelist(s, SIM_FL_DICT_KEYS));
    cJSON *tuples = new_arr(s);
    for (int k = 0; k < 20; k++) push(s, tuples, freelist(s, SIM_FL_TUPLE + k));
    put(s, fl, "tuple", tuples); /* [i]: the free list of (i+1)-tuples */
    put(s, fl, "slice", freelist(s, SIM_FL_SLICE));
    put(s, o, "free_lists", fl);
    return o;
}

/* ---- objects, one line each ---- */

static const char *const regions[] = {"static", "arena", "raw"};

static cJSON *holder_json(Snap *s, const SimHolder *h)
{
    cJSON *o = new_obj(s);
    put(s, o, "kind", ctext(s, sim_holder_kind_name(h->kind)));
    /* an "internal" holder says which field; the kind names are stable */
    put(s, o, "reason", strcmp(sim_holder_kind_name(h->kind), "internal") ? cJSON_CreateNull()
                                                                           : ctext(s, sim_holder_reason_name(h->reason)));
    put(s, o, "owner", ref(s, h->owner));
    put(s, o, "key", ref(s, h->key));
    put(s, o, "index", num_u(s, h->index));
    return o;
}

typedef struct RefCtx {
    Snap *s;
    cJSON *arr;
} RefCtx;

static void referent_cb(void *ud, const SimHolder *h)
{
    RefCtx *c = ud;
    push(c->s, c->arr, hex(c->s, h->target));
}

static void object_cb(void *ud, const SimObjectInfo *in)
{
    Snap *s = ud;
    if (s->oom) return;
    cJSON *o = new_obj(s);
    int st = in->region == SIM_REGION_STATIC;
    put(s, o, "id", hex(s, in->id));
    put(s, o, "type", text(s, in->type_name));
    put(s, o, "type_id", hex(s, in->type));
    put(s, o, "refcount", num_i(s, in->refcnt));
    put(s, o, "static_base", num_i(s, in->static_base));
    put(s, o, "size", num_u(s, in->size));
    put(s, o, "request", st ? cJSON_CreateNull() : num_u(s, in->request));
    put(s, o, "region", ctext(s, regions[in->region]));
    put(s, o, "address", hex(s, in->block));
    put(s, o, "block_size", st ? cJSON_CreateNull() : num_u(s, in->block_size));
    put(s, o, "class", opt_u32(s, in->szclass));
    put(s, o, "arena", opt_u32(s, in->arena));
    put(s, o, "pool", opt_u32(s, in->pool));
    put(s, o, "block", opt_u32(s, in->block_index));
    cJSON *gc = cJSON_CreateNull();
    if (in->is_gc) {
        cJSON_Delete(gc);
        gc = new_obj(s);
        put(s, gc, "tracked", cJSON_CreateBool(in->gc_tracked));
        cJSON *gen;
        if (in->gc_generation >= 0 && in->gc_generation <= 2) gen = num_i(s, in->gc_generation);
        else if (in->gc_generation == SIM_GC_PERMANENT) gen = ctext(s, "permanent");
        else if (in->gc_generation == SIM_GC_ELSEWHERE) gen = ctext(s, "collecting");
        else gen = cJSON_CreateNull();
        put(s, gc, "generation", gen);
        put(s, gc, "list", in->gc_list >= 0 ? ctext(s, sim_gc_list_name((unsigned)in->gc_list)) : cJSON_CreateNull());
        put(s, gc, "finalized", cJSON_CreateBool(in->gc_finalized));
    }
    put(s, o, "gc", gc);
    int cut = 0;
    sim_inspect_repr(s->e, in->id, s->repr, sizeof s->repr, &cut);
    put(s, o, "repr", text(s, s->repr));
    put(s, o, "repr_truncated", cJSON_CreateBool(cut));
    cJSON *holders = new_arr(s);
    for (size_t i = 0; i < in->nholders; i++) push(s, holders, holder_json(s, &in->holders[i]));
    put(s, o, "holders", holders);
    RefCtx rc = {s, new_arr(s)};
    sim_inspect_referents(s->e, in->id, referent_cb, &rc);
    put(s, o, "referents", rc.arr);
    s->nrefs += in->nholders;
    fputs(s->first ? "\n" : ",\n", s->f);
    s->first = 0;
    emit(s, o, 0);
    s->nobjects++;
}

int snap_write(SimEngine *e, const char *program, const SnapAt *at, FILE *f)
{
    Snap s;
    memset(&s, 0, sizeof s);
    s.e = e;
    s.f = f;
    s.first = 1;
    fprintf(f, "{\n\"format\": \"refscope-snapshot\",\n\"version\": %d,\n"
               "\"simulates\": \"CPython 3.11.7\",\n",
            SNAP_FORMAT_VERSION);
    fputs("\"program\": ", f);
    emit(&s, text(&s, program), 0);
    fputs(",\n", f);
    /* depths: frames, names, pools and arenas one per line */
    section(&s, "profile", profile_section(&s), 1);
    section(&s, "at", at_section(&s, at), 1);
    section(&s, "threads", threads_section(&s), 4);
    section(&s, "namespaces", namespaces_section(&s), 3);
    section(&s, "gc", gc_section(&s), 2);
    section(&s, "allocator", allocator_section(&s), 2);
    fputs("\"objects\": [", f);
    if (sim_inspect_objects(e, SIM_INSPECT_HOLDERS, object_cb, &s) != 0) s.oom = 1;
    fputs("\n],\n", f);
    fprintf(f, "\"counts\": {\"objects\": %" PRIu64 ", \"references\": %" PRIu64 "}\n}\n", s.nobjects, s.nrefs);
    free(s.buf);
    scratch_free(&s);
    if (s.oom) {
        errno = ENOMEM;
        return -1;
    }
    if (ferror(f)) {
        if (!errno) errno = EIO;
        return -1;
    }
    return 0;
}

/* ---- the command ---- */

typedef struct Run {
    SimEngine *e;
    const SnapOptions *opt;
    FILE *f;
    int taken, failed;
    int saved_errno;
} Run;

static void take(Run *r)
{
    r->taken = 1;
    if (snap_write(r->e, r->opt->path, &r->opt->at, r->f) != 0 || fflush(r->f) != 0) {
        r->failed = 1;
        r->saved_errno = errno;
    }
}

/* Before every instruction, nested ones too: the moment comes when the
 * instruction of the requested tick (or the first of the line) is about
 * to run. */
static void hook(void *ud, unsigned long long tick, int nested)
{
    (void)nested;
    Run *r = ud;
    if (r->taken) return;
    const SnapAt *at = &r->opt->at;
    if (at->stop == SNAP_AT_TICK ? tick == at->tick : sim_inspect_line(r->e) == at->line) take(r);
}

/* A temporary file beside `path`: the rename at the end is atomic. */
static FILE *open_temp(const char *path, char **tmpname)
{
    size_t n = strlen(path);
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    char *t = malloc(n + 32);
    if (!t) return NULL;
    snprintf(t, n + 32, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    int fd = mkstemp(t);
    if (fd < 0) {
        int en = errno;
        free(t);
        errno = en;
        return NULL;
    }
    /* mkstemp makes it 0600; the snapshot gets a new file's usual mode */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int en = errno;
        close(fd);
        unlink(t);
        free(t);
        errno = en;
        return NULL;
    }
    *tmpname = t;
    return f;
}

int snap_command(const SnapOptions *opt, FILE *out, FILE *err)
{
    int to_file = opt->output && strcmp(opt->output, "-") != 0;
    char *tmpname = NULL;
    FILE *f = out;
    if (to_file) {
        /* before running anything: a bad output path fails at once */
        f = open_temp(opt->output, &tmpname);
        if (!f) {
            fprintf(err, "refscope snapshot: cannot write '%s': %s\n", opt->output, strerror(errno));
            return 1;
        }
    }
    size_t len;
    char *src = dbg_read_source(opt->path, &len);
    int status = 0;
    SimEngine *e = NULL;
    if (!src) {
        fprintf(err, "refscope snapshot: can't open file '%s': [Errno %d] %s\n", opt->path, errno, strerror(errno));
        status = 2;
        goto done;
    }
    char msg[256];
    e = sim_engine_new(opt->profile, msg, sizeof msg);
    if (!e) {
        fprintf(err, "refscope snapshot: %s\n", msg);
        status = 2;
        goto done;
    }
    /* the program's own output goes to err, so it never mixes with the JSON */
    sim_engine_set_output(e, dbg_write_file, err, dbg_write_file, err);
    /* loaded under the name as given, not python3's absolute path: the
     * heap (co_filename, __file__) must not depend on where it runs */
    if (sim_engine_load(e, src, len, opt->path) != 0) {
        fprintf(err, "refscope snapshot: '%s' does not compile; nothing to snapshot\n", opt->path);
        status = 1;
        goto done;
    }
    Run r = {e, opt, f, 0, 0, 0};
    if (opt->at.stop == SNAP_AT_END) {
        sim_engine_run(e);
        take(&r);
    } else if (opt->at.stop == SNAP_AT_TICK && opt->at.tick == 0) {
        take(&r);
    } else {
        if (opt->at.stop == SNAP_AT_LINE && opt->at.line <= 0) {
            fprintf(err, "refscope snapshot: --line takes a line number from 1\n");
            status = 1;
            goto done;
        }
        sim_engine_set_instr_hook(e, hook, &r);
        while (!r.taken && sim_engine_step(e) == SIM_STEP_RUNNING) {
        }
        sim_engine_set_instr_hook(e, NULL, NULL);
        if (!r.taken) {
            if (opt->at.stop == SNAP_AT_TICK)
                fprintf(err, "refscope snapshot: tick %llu is past the end: '%s' ran %llu instructions "
                             "(ticks 0 to %llu can be snapshot)\n",
                        opt->at.tick, opt->path, sim_engine_tick(e), sim_engine_tick(e));
            else
                fprintf(err, "refscope snapshot: line %d of '%s' never runs\n", opt->at.line, opt->path);
            status = 1;
            goto done;
        }
    }
    if (r.failed) {
        fprintf(err, "refscope snapshot: cannot write '%s': %s\n", to_file ? opt->output : "<stdout>",
                strerror(r.saved_errno));
        status = 1;
    }
done:
    free(src);
    if (e) sim_engine_free(e);
    if (to_file) {
        int bad = fclose(f) != 0;
        if (status == 0 && bad) {
            fprintf(err, "refscope snapshot: cannot write '%s': %s\n", opt->output, strerror(errno));
            status = 1;
        }
        if (status == 0 && rename(tmpname, opt->output) != 0) {
            fprintf(err, "refscope snapshot: cannot write '%s': %s\n", opt->output, strerror(errno));
            status = 1;
        }
        if (status != 0) unlink(tmpname);
        free(tmpname);
    } else {
        fflush(out);
    }
    return status;
}
