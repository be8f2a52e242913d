/*
 * inspect.c -- the read-only inspection API (sim/inspect.h) over the
 * engine's internals: objects, holders, frames, namespaces, allocator and
 * collector.
 *
 * Nothing here writes simulated memory.  Whole-heap questions (every
 * object's holders, every object's generation) are answered from host-side
 * indexes built by one walk and freed before returning, so a snapshot of N
 * objects costs O(N log N) instead of the O(N^2) of asking per object.
 */
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "alloc/pymalloc.h"
#include "inspect/si.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

const char *si_type_name(const Sim *S, Obj type, char *buf, size_t cap)
{
    return tp_name(S, type, buf, cap);
}

/* ---- where an object's memory is ---- */

static int is_static(Obj o) { return o < SIM_ARENA_BASE; }

/* The bytes CPython 3.11 requests for an object of this shape: what
 * ob_alloc_type / ob_alloc_sized ask for.  A one-digit int is taken to be
 * _PyLong_FromMedium's 32 (an int(str) result asked 28: same class). */
static uint64_t shape_request(const Sim *S, Obj o, uint32_t pre)
{
    Obj type = ob_type(S, o);
    switch ((TypeId)tp_index(S, type)) {
    case TI_STR: {
        uint64_t len = (uint64_t)str_len(S, o);
        return pre + (str_is_ascii(S, o) ? STR_ASCII_DATA + len + 1
                                         : STR_COMPACT_DATA + (len + 1) * str_kind(S, o));
    }
    case TI_INT:
    case TI_BOOL: {
        int64_t n = ob_size(S, o);
        n = n < 0 ? -n : n;
        return pre + (n <= 1 ? 32 : INT_DIGITS_OFF + 4 * (uint64_t)n);
    }
    case TI_BYTES: return pre + BYTES_HEADER + (uint64_t)bytes_len(S, o);
    default: {
        uint64_t basic = ob_get32(S, type, TP_BASICSIZE_OFF);
        uint64_t item = ob_get32(S, type, TP_ITEMSIZE_OFF);
        uint64_t n = (tp_flags(S, type) & TPF_VAR) ? (uint64_t)ob_size(S, o) : 0;
        return pre + ((basic + n * item + 7) & ~UINT64_C(7));
    }
    }
}


/* Fills everything but the holders and the generation of a tracked
 * object (the caller knows it, or looks it up). */
static void fill_info(Sim *S, Obj o, SimObjectInfo *in)
{
    memset(in, 0, sizeof *in);
    Obj type = ob_type(S, o);
    in->id = o;
    in->type = type;
    tp_name(S, type, in->type_name, sizeof in->type_name);
    in->refcnt = ob_refcnt(S, o);
    in->static_base = ob_static_base(S, o);
    in->size = ob_getsizeof(S, o);
    in->szclass = in->arena = in->pool = in->block_index = SIM_NONE;
    in->is_gc = ob_is_gc(S, o);
    in->gc_generation = SIM_GC_UNTRACKED;
    in->gc_list = -1;
    if (in->is_gc) {
        in->gc_tracked = gc_is_tracked(S, o);
        in->gc_finalized = gc_is_finalized(S, o);
    }
    if (is_static(o)) {
        in->region = SIM_REGION_STATIC;
        in->block = o;
        return;
    }
    uint32_t pre = ob_preheader(S, type);
    in->preheader = pre;
    in->block = o - pre;
    SimBlockInfo bi;
    if (sim_heap_locate(S->heap, in->block, &bi) == 0 && bi.small) {
        in->region = SIM_REGION_ARENA;
        in->szclass = bi.szclass;
        in->arena = bi.arena;
        in->pool = bi.pool;
        in->block_index = bi.block;
        in->block_size = bi.size;
        in->request = shape_request(S, o, pre);
    } else {
        in->region = SIM_REGION_RAW;
        in->block_size = pm_raw_chunk_size(S->heap, in->block);
        in->request = pm_raw_request(S->heap, in->block);
    }
}

/* ---- generations ---- */

/* A generation number for the inspection's gc_generation. */
static int generation_of(int list)
{
    if (list < 0) return SIM_GC_UNTRACKED;
    if (list <= GC_LIST_GEN2) return list;
    return list == GC_LIST_PERMANENT ? SIM_GC_PERMANENT : SIM_GC_ELSEWHERE;
}

typedef struct GenFind {
    Obj target;
    int found;
} GenFind;

static void gen_find(Sim *S, Obj o, void *ud)
{
    (void)S;
    GenFind *g = ud;
    if (o == g->target) g->found = 1;
}

/* The list that holds o: a walk of the lists until it is found. */
static int list_holding(Sim *S, Obj o)
{
    for (int i = 0; i < GC_LIST_UNTRACKED; i++) {
        GenFind g = {o, 0};
        gc_list_each(S, gc_list_head(S, (GcListId)i), gen_find, &g);
        if (g.found) return i;
    }
    return -1;
}

typedef struct GenEntry {
    Obj o;
    int gen;
} GenEntry;

typedef struct GenIndex {
    GenEntry *v;
    size_t n, cap;
    int cur, oom;
} GenIndex;

static void gen_collect(Sim *S, Obj o, void *ud)
{
    (void)S;
    GenIndex *g = ud;
    if (g->oom) return;
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 1024;
        GenEntry *v = realloc(g->v, cap * sizeof *v);
        if (!v) {
            g->oom = 1;
            return;
        }
        g->v = v;
        g->cap = cap;
    }
    g->v[g->n++] = (GenEntry){o, g->cur};
}

static int gen_cmp(const void *a, const void *b)
{
    Obj x = ((const GenEntry *)a)->o, y = ((const GenEntry *)b)->o;
    return x < y ? -1 : x > y;
}

static int gen_lookup(const GenIndex *g, Obj o)
{
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g->v[mid].o < o) lo = mid + 1;
        else hi = mid;
    }
    return lo < g->n && g->v[lo].o == o ? g->v[lo].gen : -1;
}

/* ---- the holder index: every reference, sorted by target ---- */

typedef struct HolderIndex {
    SimHolder *v;
    size_t n, cap;
    int oom;
} HolderIndex;

static SimHolder to_public(Obj target, const Holder *hd)
{
    SimHolder h;
    h.target = target;
    h.owner = hd->owner;
    h.key = hd->key;
    h.index = hd->index;
    h.kind = hd->kind;
    h.reason = hd->kind == H_INTERNAL ? hd->reason : 0;
    return h;
}

static void index_visit(Sim *S, Obj target, const Holder *hd, void *ud)
{
    (void)S;
    HolderIndex *x = ud;
    if (x->oom) return;
    if (x->n == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 4096;
        SimHolder *v = realloc(x->v, cap * sizeof *v);
        if (!v) {
            x->oom = 1;
            return;
        }
        x->v = v;
        x->cap = cap;
    }
    x->v[x->n++] = to_public(target, hd);
}

static void index_object(Sim *S, Obj o, void *ud) { ob_referents(S, o, index_visit, ud); }

/* A stable merge sort by target: holders of one object keep the ledger's
 * order (roots, then owners by address), the order ob_holders gives. */
static void sort_by_target(SimHolder *v, SimHolder *tmp, size_t n)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = v[j].target < v[i].target ? v[j++] : v[i++];
            while (i < mid) tmp[k++] = v[i++];
            while (j < hi) tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof *v);
    }
}

/* ---- objects ---- */

typedef struct Walk {
    SimObjectFn fn;
    void *ud;
    GenIndex gens;
    HolderIndex holders;
    size_t hpos;            /* first holder of the next object (address order) */
    int with_holders;
} Walk;

static void walk_object(Sim *S, Obj o, void *ud)
{
    Walk *w = ud;
    SimObjectInfo in;
    fill_info(S, o, &in);
    if (in.gc_tracked) {
        in.gc_list = gen_lookup(&w->gens, o);
        in.gc_generation = generation_of(in.gc_list);
    }
    if (w->with_holders) {
        /* objects come in address order, and the index is sorted: skip
         * references to anything that is not a live object */
        const HolderIndex *x = &w->holders;
        while (w->hpos < x->n && x->v[w->hpos].target < o) w->hpos++;
        size_t end = w->hpos;
        while (end < x->n && x->v[end].target == o) end++;
        in.holders = x->v + w->hpos;
        in.nholders = end - w->hpos;
        w->hpos = end;
    }
    w->fn(w->ud, &in);
}

int sim_inspect_objects(SimEngine *S, unsigned flags, SimObjectFn fn, void *ud)
{
    Walk w;
    memset(&w, 0, sizeof w);
    w.fn = fn;
    w.ud = ud;
    w.with_holders = (flags & SIM_INSPECT_HOLDERS) != 0;
    for (int i = 0; i < GC_LIST_UNTRACKED; i++) { /* the collector's lists too */
        w.gens.cur = i;
        gc_list_each(S, gc_list_head(S, (GcListId)i), gen_collect, &w.gens);
    }
    int status = w.gens.oom ? -1 : 0;
    if (status == 0) qsort(w.gens.v, w.gens.n, sizeof *w.gens.v, gen_cmp);
    if (status == 0 && w.with_holders) {
        sim_roots(S, index_visit, &w.holders);
        objmap_each(S, index_object, &w.holders);
        SimHolder *tmp = w.holders.oom ? NULL : malloc((w.holders.n ? w.holders.n : 1) * sizeof *tmp);
        if (!tmp) {
            status = -1;
        } else {
            sort_by_target(w.holders.v, tmp, w.holders.n);
            free(tmp);
        }
    }
    if (status == 0) objmap_each(S, walk_object, &w);
    free(w.gens.v);
    free(w.holders.v);
    return status;
}

int sim_inspect_object(SimEngine *S, uint64_t id, SimObjectInfo *out)
{
    if (!objmap_is_live(S, id)) return -1;
    fill_info(S, id, out);
    if (out->gc_tracked) {
        out->gc_list = list_holding(S, id);
        out->gc_generation = generation_of(out->gc_list);
    }
    return 0;
}

static void count_one(Sim *S, Obj o, void *ud)
{
    (void)S;
    (void)o;
    ++*(uint64_t *)ud;
}

uint64_t sim_inspect_count_objects(SimEngine *S)
{
    uint64_t n = 0;
    objmap_each(S, count_one, &n);
    return n;
}

typedef struct HolderRelay {
    SimHolderFn fn;
    void *ud;
} HolderRelay;

static void relay(Sim *S, Obj target, const Holder *hd, void *ud)
{
    (void)S;
    HolderRelay *r = ud;
    SimHolder h = to_public(target, hd);
    r->fn(r->ud, &h);
}

void sim_inspect_holders(SimEngine *S, uint64_t id, SimHolderFn fn, void *ud)
{
    HolderRelay r = {fn, ud};
    ob_holders(S, id, relay, &r);
}

void sim_inspect_referents(SimEngine *S, uint64_t id, SimHolderFn fn, void *ud)
{
    if (!objmap_is_live(S, id)) return;
    HolderRelay r = {fn, ud};
    ob_referents(S, id, relay, &r);
}

size_t sim_inspect_repr(SimEngine *S, uint64_t id, char *buf, size_t cap, int *truncated)
{
    return si_repr(S, id, buf, cap, truncated);
}

long sim_inspect_str(SimEngine *S, uint64_t id, char *buf, size_t cap)
{
    if (!objmap_is_live(S, id) || !ob_is(S, id, TI_STR)) {
        if (cap) buf[0] = '\0';
        return -1;
    }
    return (long)str_to_utf8(S, id, buf, cap);
}

/* ---- threads and frames ---- */

void sim_inspect_thread(SimEngine *S, SimThreadInfo *out)
{
    memset(out, 0, sizeof *out);
    out->name = "MainThread";
    out->frame = S->vm.frame;
    out->depth = 0;
    for (SimAddr f = S->vm.frame; f; f = ob_get64(S, f, FRAME_PREVIOUS_OFF)) out->depth++;
    out->nested = S->vm.c_depth;
    out->pending_exc = S->exc;
    out->handled_exc = S->vm.handled;
}

static void copy_str(const Sim *S, Obj s, char *buf, size_t cap)
{
    if (s && objmap_is_live(S, s) && ob_is(S, s, TI_STR)) str_to_utf8(S, s, buf, cap);
    else buf[0] = '\0';
}

static uint8_t frame_byte(const Sim *S, SimAddr f, uint32_t off)
{
    return ((const uint8_t *)ob_ptr(S, f))[off];
}

int sim_inspect_line(SimEngine *S)
{
    return S->vm.frame ? vm_frame_line(S, S->vm.frame) : -1;
}

void sim_inspect_frames(SimEngine *S, SimFrameFn fn, void *ud)
{
    int level = 0;
    for (SimAddr f = S->vm.frame; f; f = ob_get64(S, f, FRAME_PREVIOUS_OFF)) {
        SimFrameInfo fi;
        memset(&fi, 0, sizeof fi);
        Obj code = ob_get64(S, f, FRAME_CODE_OFF);
        fi.addr = f;
        fi.level = level++;
        fi.code = code;
        fi.func = ob_get64(S, f, FRAME_FUNC_OFF);
        fi.globals = ob_get64(S, f, FRAME_GLOBALS_OFF);
        fi.builtins = ob_get64(S, f, FRAME_BUILTINS_OFF);
        fi.locals = ob_get64(S, f, FRAME_LOCALS_OFF);
        fi.frame_obj = ob_get64(S, f, FRAME_OBJ_OFF);
        fi.is_entry = frame_byte(S, f, FRAME_OWNER_OFF - 1) != 0;
        fi.owner = frame_byte(S, f, FRAME_OWNER_OFF);
        fi.stack_depth = 0;
        fi.opname = "";
        fi.offset = -1;
        if (code) {
            copy_str(S, ob_get64(S, code, CO_QUALNAME_OFF), fi.name, sizeof fi.name);
            copy_str(S, ob_get64(S, code, CO_FILENAME_OFF), fi.filename, sizeof fi.filename);
            fi.nlocalsplus = (int32_t)ob_get32(S, code, CO_NLOCALSPLUS_OFF);
            int32_t top = (int32_t)ob_get32(S, f, FRAME_STACKTOP_OFF);
            fi.stack_depth = top > fi.nlocalsplus ? top - fi.nlocalsplus : 0;
            int64_t prev = (int64_t)ob_get64(S, f, FRAME_PREV_INSTR_OFF);
            fi.line = vm_frame_line(S, f);
            if (prev >= 0) {
                /* a caller's prev_instr is its CALL's last CACHE unit (as in
                 * CPython 3.11); show the instruction itself, as dis lists it */
                const uint8_t *units = (const uint8_t *)ob_ptr(S, code) + CO_CODE_OFF;
                while (prev > 0 && units[2 * prev] == OP_CACHE) prev--;
                fi.offset = (int)(2 * prev);
                fi.opname = sim_opcode_name(units[2 * prev]);
            }
        }
        fn(ud, &fi);
    }
}

void sim_inspect_frame_slots(SimEngine *S, uint64_t f, SimSlotFn fn, void *ud)
{
    Obj code = ob_get64(S, f, FRAME_CODE_OFF);
    if (!code) return;
    int32_t nlp = (int32_t)ob_get32(S, code, CO_NLOCALSPLUS_OFF);
    int32_t top = (int32_t)ob_get32(S, f, FRAME_STACKTOP_OFF);
    Obj names = ob_get64(S, code, CO_LOCALSPLUSNAMES_OFF);
    Obj kinds = ob_get64(S, code, CO_LOCALSPLUSKINDS_OFF);
    for (int32_t i = 0; i < nlp || i < top; i++) {
        SimSlotInfo s;
        memset(&s, 0, sizeof s);
        /* slots past stacktop hold stale words: unbound for locals */
        s.value = i < top ? ob_get64(S, f, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i) : 0;
        if (i < nlp) {
            s.index = i;
            uint8_t k = kinds ? bytes_data(S, kinds)[i] : CO_FAST_LOCAL;
            s.kind = (k & CO_FAST_FREE) ? SIM_SLOT_FREE : (k & CO_FAST_CELL) ? SIM_SLOT_CELL : SIM_SLOT_LOCAL;
            if (names) copy_str(S, tuple_item(S, names, i), s.name, sizeof s.name);
            if (s.kind != SIM_SLOT_LOCAL && s.value && objmap_is_live(S, s.value) && ob_is(S, s.value, TI_CELL))
                s.cell_contents = cell_get(S, s.value);
        } else {
            s.index = i - nlp;
            s.kind = SIM_SLOT_STACK;
        }
        fn(ud, &s);
    }
}

/* ---- namespaces ---- */

void sim_inspect_namespaces(SimEngine *S, SimNamespaceFn fn, void *ud)
{
    Obj mods = S->vm.modules;
    if (!mods) return;
    int64_t pos = 0;
    Obj k, v;
    while (dict_next(S, mods, &pos, &k, &v)) {
        SimNamespaceInfo ns;
        memset(&ns, 0, sizeof ns);
        copy_str(S, k, ns.name, sizeof ns.name);
        ns.module = v;
        ns.dict = ob_is(S, v, TI_MODULE) ? ob_get64(S, v, MODULE_DICT_OFF) : 0;
        fn(ud, &ns);
    }
}

int sim_inspect_dict(SimEngine *S, uint64_t d, SimDictFn fn, void *ud)
{
    if (!objmap_is_live(S, d) || tp_index(S, ob_type(S, d)) != TI_DICT) return -1;
    int64_t pos = 0;
    Obj k, v;
    char text[SIM_INSPECT_NAME_MAX];
    while (dict_next(S, d, &pos, &k, &v)) {
        SimDictEntry en = {k, v, NULL};
        if (k && ob_is(S, k, TI_STR)) {
            str_to_utf8(S, k, text, sizeof text);
            en.key_text = text;
        }
        fn(ud, &en);
    }
    return 0;
}

/* ---- the allocator ---- */

static uint32_t virgin_blocks(const PmPool *p, uint32_t size)
{
    return p->nextoffset <= p->maxnextoffset ? (p->maxnextoffset - p->nextoffset) / size + 1 : 0;
}

void sim_inspect_alloc(SimEngine *S, SimAllocSummary *out)
{
    const SimHeap *h = S->heap;
    memset(out, 0, sizeof *out);
    out->nclasses = h->nclasses;
    uint64_t narenas = 0;
    for (uint32_t c = 0; c < h->nclasses; c++) out->classes[c].size = pm_class_size(h, c);
    /* the same walk as sim_heap_report (_PyObject_DebugMallocStats) */
    for (uint32_t i = 0; i < h->maxarenas; i++) {
        const PmArena *ao = &h->arenas[i];
        if (!ao->address) continue;
        narenas++;
        out->unused_pools += ao->nfreepools;
        if (ao->address & h->pool_mask) out->bytes_lost_to_arena_alignment += h->prof.pool_size;
        for (SimAddr pool = pm_arena_first_pool(h, ao->address); pool < ao->pool_address;
             pool += h->prof.pool_size) {
            const PmPool *p = pm_pool(h, pool);
            if (p->count == 0) continue;
            struct SimClassStats *cs = &out->classes[p->szidx];
            cs->pools++;
            cs->blocks_in_use += p->count;
            cs->blocks_available += h->nblocks[p->szidx] - p->count;
        }
    }
    for (uint32_t c = 0; c < h->nclasses; c++) {
        const struct SimClassStats *cs = &out->classes[c];
        out->bytes_in_allocated_blocks += cs->blocks_in_use * cs->size;
        out->bytes_in_available_blocks += cs->blocks_available * cs->size;
        out->bytes_lost_to_pool_headers += cs->pools * PM_POOL_OVERHEAD;
        out->bytes_lost_to_quantization += cs->pools * ((h->prof.pool_size - PM_POOL_OVERHEAD) % cs->size);
    }
    out->arenas_allocated_total = h->ntimes_arena_allocated;
    out->arenas_reclaimed = h->ntimes_arena_allocated - narenas;
    out->arenas_highwater = h->narenas_highwater;
    out->arenas_current = narenas;
    out->bytes_in_arenas = narenas * h->prof.arena_size;
    out->bytes_in_unused_pools = out->unused_pools * h->prof.pool_size;
    out->total = out->bytes_in_allocated_blocks + out->bytes_in_available_blocks +
                 out->bytes_in_unused_pools + out->bytes_lost_to_pool_headers +
                 out->bytes_lost_to_quantization + out->bytes_lost_to_arena_alignment;
    out->has_arena_map = h->prof.radix_tree != 0;
    if (out->has_arena_map) {
        out->arena_map_mid_nodes = h->map_mid_count;
        out->arena_map_bot_nodes = h->map_bot_count;
    }
    out->raw_blocks = h->raw.blocks;
    out->raw_chunks = h->raw.nchunks;
    out->raw_bytes_requested = h->raw.requested;
    out->raw_bytes_in_chunks = h->raw.in_chunks;
    out->raw_top = h->raw.top;
    out->heap_bytes = pm_heap_bytes(h);
    out->heap_limit = h->prof.heap_limit;
}

void sim_inspect_arenas(SimEngine *S, SimArenaFn fn, void *ud)
{
    const SimHeap *h = S->heap;
    for (uint32_t i = 0; i < h->maxarenas; i++) {
        const PmArena *ao = &h->arenas[i];
        if (!ao->address) continue;
        SimArenaInfo a;
        a.slot = i;
        a.address = ao->address;
        a.pools_total = ao->ntotalpools;
        a.pools_free = ao->nfreepools;
        a.pools_carved = (uint32_t)((ao->pool_address - pm_arena_first_pool(h, ao->address)) / h->prof.pool_size);
        a.usable_rank = -1;
        int rank = 0;
        for (int32_t u = h->usable_arenas; u >= 0; u = h->arenas[u].nextarena, rank++) {
            if ((uint32_t)u == i) {
                a.usable_rank = rank;
                break;
            }
        }
        fn(ud, &a);
    }
}

void sim_inspect_pools(SimEngine *S, SimPoolFn fn, void *ud)
{
    const SimHeap *h = S->heap;
    for (uint32_t i = 0; i < h->maxarenas; i++) {
        const PmArena *ao = &h->arenas[i];
        if (!ao->address) continue;
        SimAddr first = pm_arena_first_pool(h, ao->address);
        for (SimAddr pool = first; pool < ao->pool_address; pool += h->prof.pool_size) {
            const PmPool *p = pm_pool(h, pool);
            SimPoolInfo pi;
            memset(&pi, 0, sizeof pi);
            pi.arena = i;
            pi.index = (uint32_t)((pool - first) / h->prof.pool_size);
            pi.address = pool;
            pi.in_use = p->count;
            if (p->count == 0) {
                pi.state = SIM_POOL_EMPTY;
                pi.szclass = SIM_NONE;
            } else {
                pi.szclass = p->szidx;
                pi.block_size = pm_class_size(h, p->szidx);
                pi.capacity = h->nblocks[p->szidx];
                pi.virgin_blocks = virgin_blocks(p, pi.block_size);
                for (SimAddr b = p->freeblock; b && pi.free_blocks <= pi.capacity; b = pm_load64(h, b))
                    pi.free_blocks++;
                pi.state = p->count == pi.capacity ? SIM_POOL_FULL : SIM_POOL_USED;
            }
            fn(ud, &pi);
        }
    }
}

size_t sim_inspect_freelist(SimEngine *S, int list, void (*fn)(void *ud, int list, uint64_t addr), void *ud)
{
    size_t n = 0;
    const FreeLists *fl = &S->fl;
    switch (list) {
    case SIM_FL_FLOAT:
        for (Obj o = fl->float_head; o && n <= fl->float_n; o = ob_type(S, o), n++)
            if (fn) fn(ud, list, o);
        return n;
    case SIM_FL_LIST:
        for (uint32_t i = fl->list_n; i-- > 0; n++)
            if (fn) fn(ud, list, fl->list[i]);
        return n;
    case SIM_FL_DICT:
        for (uint32_t i = fl->dict_n; i-- > 0; n++)
            if (fn) fn(ud, list, fl->dict[i]);
        return n;
    case SIM_FL_DICT_KEYS:
        for (uint32_t i = fl->keys_n; i-- > 0; n++)
            if (fn) fn(ud, list, fl->keys[i]);
        return n;
    case SIM_FL_SLICE:
        if (fl->slice && fn) fn(ud, list, fl->slice);
        return fl->slice != 0;
    default:
        if (list < SIM_FL_TUPLE || list >= SIM_FL_SLICE) return 0;
        {
            int k = list - SIM_FL_TUPLE;
            for (Obj o = fl->tuple_head[k]; o && n <= fl->tuple_n[k]; o = tuple_item(S, o, 0), n++)
                if (fn) fn(ud, list, o);
        }
        return n;
    }
}

/* ---- the collector ---- */

void sim_inspect_gc(SimEngine *S, SimGcSummary *out)
{
    const GcState *g = &S->gc;
    memset(out, 0, sizeof *out);
    out->enabled = g->enabled;
    out->collecting = g->collecting;
    out->debug = g->debug;
    for (int i = 0; i < 3; i++) {
        out->gen[i].count = g->gen[i].count;
        out->gen[i].threshold = g->gen[i].threshold;
        out->gen[i].objects = gc_list_size(S, g->gen[i].head);
        out->gen[i].collections = g->stats[i].collections;
        out->gen[i].collected = g->stats[i].collected;
        out->gen[i].uncollectable = g->stats[i].uncollectable;
    }
    out->permanent_objects = g->permanent.head ? gc_list_size(S, g->permanent.head) : 0;
    out->long_lived_total = g->long_lived_total;
    out->long_lived_pending = g->long_lived_pending;
    out->last_generation = g->last.generation;
    out->last_collected = g->last.collected;
    out->last_uncollectable = g->last.uncollectable;
    out->last_tick = g->last.tick;
    out->garbage = g->garbage;
    out->callbacks = g->callbacks;
}

int sim_inspect_check(SimEngine *S, char *msg, size_t cap)
{
    if (ob_check(S, msg, cap)) return 1;
    return sim_heap_check(S->heap, msg, cap) ? 1 : 0;
}
