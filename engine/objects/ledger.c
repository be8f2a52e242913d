/*
 * ledger.c -- who holds every reference, and the audit that proves
 * ob_refcnt is exactly that many.
 *
 * Holders are not stored per object (that would cost on every INCREF);
 * they are found by walking: the interpreter's roots, then every live
 * object's referents (the object map enumerates them all).  An INCREF or
 * DECREF names its holder in its event; the walk finds the same holders.
 */
#include <stdio.h>
#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/object.h"
#include "objects/tuple.h"
#include "vm/vm.h"

static const char *const kind_names[] = {
#define X(n, text) text,
    HOLDER_KINDS(X)
#undef X
};

static const char *const reason_names[] = {
#define X(n, text) text,
    HOLDER_REASONS(X)
#undef X
};

const char *holder_kind_name(unsigned k) { return k < H_KIND_COUNT ? kind_names[k] : "?"; }
const char *holder_reason_name(unsigned r) { return r < R_REASON_COUNT ? reason_names[r] : "?"; }
const char *sim_holder_kind_name(unsigned k) { return holder_kind_name(k); }
const char *sim_holder_reason_name(unsigned r) { return holder_reason_name(r); }

void ob_referents(Sim *S, Obj o, RefVisit visit, void *ud)
{
    const TypeInfo *ti = ob_info(S, o);
    if (ti->referents) ti->referents(S, o, visit, ud);
}

void sim_roots(Sim *S, RefVisit visit, void *ud)
{
    vm_roots(S, visit, ud);
    for (size_t i = 0; i < S->ncroots; i++) {
        Holder hd = HOLD(H_CROOT, 0, i, 0);
        visit(S, S->croots[i], &hd, ud);
    }
    if (S->exc) {
        Holder hd = HOLD_INTERNAL(0, R_CURRENT_EXC);
        visit(S, S->exc, &hd, ud);
    }
    for (size_t i = 0; i < S->gc.nheld; i++) {
        Holder hd = HOLD_INTERNAL(0, R_GC_HELD);
        visit(S, S->gc.held[i], &hd, ud);
    }
    for (size_t i = 0; i < S->nfinalizing; i++) {
        Holder hd = HOLD_INTERNAL(S->finalizing[i].o, R_FINALIZER);
        visit(S, S->finalizing[i].o, &hd, ud);
        if (S->finalizing[i].saved_exc) {
            Holder he = HOLD_INTERNAL(0, R_CURRENT_EXC);
            visit(S, S->finalizing[i].saved_exc, &he, ud);
        }
    }
}

/* ---- listing the holders of one object ---- */

typedef struct Find {
    Obj target;
    RefVisit visit;
    void *ud;
} Find;

static void find_visit(Sim *S, Obj target, const Holder *hd, void *ud)
{
    Find *f = ud;
    if (target == f->target) f->visit(S, target, hd, f->ud);
}

static void find_in(Sim *S, Obj o, void *ud)
{
    ob_referents(S, o, find_visit, ud);
}

void ob_holders(Sim *S, Obj o, RefVisit visit, void *ud)
{
    Find f = {o, visit, ud};
    sim_roots(S, find_visit, &f);
    objmap_each(S, find_in, &f);
}

/* ---- the audit ---- */

typedef struct Tally {
    Obj *keys;
    uint64_t *counts;
    uint64_t cap;
    char *msg;
    size_t msgcap;
    int bad;
} Tally;

static uint64_t *tally_slot(Tally *t, Obj o)
{
    uint64_t i = (o >> 3) * UINT64_C(0x9e3779b97f4a7c15) >> 20 & (t->cap - 1);
    while (t->keys[i] && t->keys[i] != o) i = (i + 1) & (t->cap - 1);
    t->keys[i] = o;
    return &t->counts[i];
}

static void describe(Sim *S, Obj o, char *buf, size_t cap)
{
    char name[64];
    if (!objmap_is_live(S, o)) {
        snprintf(buf, cap, "object at 0x%llx", (unsigned long long)o);
        return;
    }
    snprintf(buf, cap, "%s at 0x%llx", ob_type_name(S, o, name, sizeof name),
             (unsigned long long)o);
}

static void tally_visit(Sim *S, Obj target, const Holder *hd, void *ud)
{
    Tally *t = ud;
    if (t->bad) return;
    if (!objmap_is_live(S, target)) {
        char who[96];
        describe(S, hd->owner, who, sizeof who);
        t->bad = pm_fail(t->msg, t->msgcap, "%s holds 0x%llx (%s), which is not a live "
                         "object", hd->owner ? who : "a root", (unsigned long long)target,
                         holder_kind_name(hd->kind));
        return;
    }
    ++*tally_slot(t, target);
}

static void count_live(Sim *S, Obj o, void *ud)
{
    (void)S;
    (void)o;
    ++*(uint64_t *)ud;
}

static void tally_object(Sim *S, Obj o, void *ud)
{
    Tally *t = ud;
    if (t->bad) return;
    Obj type = ob_type(S, o);
    if (!objmap_is_live(S, type) || ob_type(S, type) != S->types[TI_TYPE].type) {
        t->bad = pm_fail(t->msg, t->msgcap, "object at 0x%llx has a bad ob_type 0x%llx",
                         (unsigned long long)o, (unsigned long long)type);
        return;
    }
    ob_referents(S, o, tally_visit, t);
}

static void compare_object(Sim *S, Obj o, void *ud)
{
    Tally *t = ud;
    if (t->bad) return;
    uint64_t held = *tally_slot(t, o);
    int64_t base = ob_static_base(S, o);
    int64_t rc = ob_refcnt(S, o);
    if (rc != (int64_t)held + base) {
        char who[96];
        describe(S, o, who, sizeof who);
        t->bad = pm_fail(t->msg, t->msgcap, "%s has ob_refcnt %lld but %llu holder%s%s",
                         who, (long long)rc, (unsigned long long)held, held == 1 ? "" : "s",
                         base ? " beyond its static count" : "");
    }
}

/* Free-listed objects are dead: unmarked, refcount 0. */
static int check_dead(Sim *S, Obj o, TypeId t, const char *list, char *msg, size_t cap)
{
    if (objmap_is_live(S, o) || ob_refcnt(S, o) != 0 ||
        (t != TI_FLOAT && !ob_is(S, o, t)))
        return pm_fail(msg, cap, "0x%llx on the %s free list is not a dead %s",
                       (unsigned long long)o, list, S->types[t].name);
    return 0;
}

static int check_free_lists(Sim *S, char *msg, size_t cap)
{
    uint32_t n = 0;
    for (Obj o = S->fl.float_head; o; o = ob_type(S, o)) {
        if (++n > S->fl.float_n || check_dead(S, o, TI_FLOAT, "float", msg, cap))
            return msg && msg[0] ? 1 : pm_fail(msg, cap, "the float free list is too long");
    }
    if (n != S->fl.float_n) return pm_fail(msg, cap, "float free list count is off");
    for (int k = 0; k < FL_TUPLE_SIZES; k++) {
        n = 0;
        for (Obj o = S->fl.tuple_head[k]; o; o = tuple_item(S, o, 0)) {
            if (++n > S->fl.tuple_n[k] || check_dead(S, o, TI_TUPLE, "tuple", msg, cap) ||
                ob_size(S, o) != k + 1 || gc_is_tracked(S, o))
                return pm_fail(msg, cap, "the free list of %d-tuples is corrupt", k + 1);
        }
        if (n != S->fl.tuple_n[k]) return pm_fail(msg, cap, "%d-tuple free list count is off", k + 1);
    }
    for (uint32_t i = 0; i < S->fl.list_n; i++)
        if (check_dead(S, S->fl.list[i], TI_LIST, "list", msg, cap)) return 1;
    for (uint32_t i = 0; i < S->fl.dict_n; i++)
        if (check_dead(S, S->fl.dict[i], TI_DICT, "dict", msg, cap)) return 1;
    if (S->fl.slice && (check_dead(S, S->fl.slice, TI_SLICE, "slice", msg, cap) || gc_is_tracked(S, S->fl.slice)))
        return msg && msg[0] ? 1 : pm_fail(msg, cap, "the cached slice is tracked");
    return 0;
}

/* Generation lists and the collector's own lists: consistent links;
 * members live, GC, tracked.  While gc_prev holds gc_refs (during
 * update_refs .. move_unreachable) only the forward links are checked,
 * and gc_next's UNREACHABLE mark is ignored. */
static int check_gc_lists(Sim *S, uint64_t *tracked_on_lists, char *msg, size_t cap)
{
    SimAddr heads[4 + sizeof S->gc.work / sizeof *S->gc.work];
    size_t nheads = 0;
    heads[nheads++] = S->gc.gen[0].head;
    heads[nheads++] = S->gc.gen[1].head;
    heads[nheads++] = S->gc.gen[2].head;
    heads[nheads++] = S->gc.permanent.head;
    for (size_t i = 0; i < sizeof S->gc.work / sizeof *S->gc.work; i++)
        if (S->gc.work[i]) heads[nheads++] = S->gc.work[i];
    *tracked_on_lists = 0;
    for (size_t i = 0; i < nheads; i++) {
        SimAddr head = heads[i], prev = head;
        for (SimAddr g = ob_get64(S, head, 0) & ~(uint64_t)1; g != head; g = ob_get64(S, g, 0) & ~(uint64_t)1) {
            Obj o = g + GC_HEAD_SIZE;
            if (!S->gc.refs_mode && (ob_get64(S, g, 8) & ~(uint64_t)3) != prev)
                return pm_fail(msg, cap, "GC list %zu: back link broken at 0x%llx", i,
                               (unsigned long long)o);
            if (!objmap_is_live(S, o) || !ob_is_gc(S, o))
                return pm_fail(msg, cap, "GC list %zu holds 0x%llx, not a live GC object",
                               i, (unsigned long long)o);
            if (++*tracked_on_lists > (UINT64_C(1) << 40))
                return pm_fail(msg, cap, "GC list %zu does not return to its head", i);
            prev = g;
        }
    }
    return 0;
}

static void count_tracked(Sim *S, Obj o, void *ud)
{
    if (ob_is_gc(S, o) && gc_is_tracked(S, o)) ++*(uint64_t *)ud;
}

int ob_check(Sim *S, char *msg, size_t cap)
{
    if (msg && cap) msg[0] = '\0';
    if (sim_heap_check(S->heap, msg, cap)) return 1;
    uint64_t live = 0;
    objmap_each(S, count_live, &live);
    Tally t = {NULL, NULL, 16, msg, cap, 0};
    while (t.cap < 2 * live + 16) t.cap *= 2;
    t.keys = calloc(t.cap, sizeof *t.keys);
    t.counts = calloc(t.cap, sizeof *t.counts);
    if (!t.keys || !t.counts) {
        free(t.keys);
        free(t.counts);
        return pm_fail(msg, cap, "out of host memory for the audit");
    }
    sim_roots(S, tally_visit, &t);
    objmap_each(S, tally_object, &t);
    if (!t.bad) objmap_each(S, compare_object, &t);
    free(t.keys);
    free(t.counts);
    if (t.bad) return 1;
    if (check_free_lists(S, msg, cap) || dict_audit(S, msg, cap)) return 1;
    uint64_t on_lists, tracked = 0;
    if (check_gc_lists(S, &on_lists, msg, cap)) return 1;
    objmap_each(S, count_tracked, &tracked);
    if (tracked != on_lists)
        return pm_fail(msg, cap, "%llu objects are tracked but %llu are on generation lists",
                       (unsigned long long)tracked, (unsigned long long)on_lists);
    return 0;
}
