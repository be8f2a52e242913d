/*
 * alloc.c -- object allocation, GC linking and deallocation dispatch.
 *
 * ob_alloc asks pymalloc for exactly the bytes CPython 3.11 asks for
 * (pre-header + basicsize + n*itemsize), so objects land in the same size
 * classes.  Deallocation goes through the trashcan as CPython's does:
 * past 50 nested container deallocations an object is parked on a list
 * and freed when the nesting unwinds, last parked first.
 */
#include <stdlib.h>

#include "gc/gc.h"
#include "gc/lists.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/object.h"
#include "objects/tuple.h"

#define TRASH_UNWIND_LEVEL 50

Obj ob_alloc_sized(Sim *S, Obj type, uint64_t size, int64_t nitems)
{
    uint32_t pre = ob_preheader(S, type);
    SimAddr mem = size > (UINT64_C(1) << 40) ? 0 : pm_malloc(S->heap, pre + size);
    if (!mem) {
        exc_no_memory(S);
        return 0;
    }
    uint32_t flags = tp_flags(S, type);
    /* _PyObject_GC_Link: counted, and perhaps a collection, while the
     * new block holds no object yet (it cannot be seen or freed) */
    if (flags & TPF_GC) gc_count_link(S);
    memset(ob_ptr(S, mem), 0, pre + size);
    Obj o = mem + pre;
    ob_set64(S, o, OB_REFCNT_OFF, 1);
    ob_set64(S, o, OB_TYPE_OFF, type);
    if (flags & TPF_VAR) ob_set_size(S, o, nitems);
    objmap_mark(S, o);
    if (ev_on(&S->ev, SIM_EVCAT_OBJECT)) {
        SimEvent ev = EV_BLANK(SIM_EV_OBJ_NEW);
        ev.obj = o;
        ev.addr = o;
        ev.a = (int64_t)type;
        ev.b = (int64_t)(pre + size);
        ev_emit(&S->ev, &ev);
    }
    if (flags & TPF_HEAPTYPE) ob_incref(S, type, HOLD_INTERNAL(o, R_OB_TYPE));
    return o;
}

Obj ob_alloc_type(Sim *S, Obj type, int64_t nitems)
{
    if (nitems < 0 || (uint64_t)nitems > (UINT64_C(1) << 40)) {
        exc_no_memory(S);
        return 0;
    }
    /* _PyObject_VAR_SIZE rounds up to a pointer's size. */
    uint64_t size = ob_get32(S, type, TP_BASICSIZE_OFF) +
                    (uint64_t)nitems * ob_get32(S, type, TP_ITEMSIZE_OFF);
    return ob_alloc_sized(S, type, (size + 7) & ~UINT64_C(7), nitems);
}

Obj ob_alloc(Sim *S, TypeId t, int64_t nitems)
{
    return ob_alloc_type(S, S->types[t].type, nitems);
}

Obj ob_static_new(Sim *S, Obj type, uint64_t size, int64_t base)
{
    uint32_t pre = type ? ob_preheader(S, type) : 0;
    SimAddr mem = pm_static_alloc(S->heap, pre + size, 16);
    if (!mem) return 0;
    return ob_static_at(S, mem + pre, type, base);
}

Obj ob_static_at(Sim *S, SimAddr at, Obj type, int64_t base)
{
    Obj o = at;
    ob_set64(S, o, OB_REFCNT_OFF, (uint64_t)base);
    ob_set64(S, o, OB_TYPE_OFF, type);
    objmap_mark(S, o);
    if (S->nstatics == S->capstatics) {
        size_t cap = S->capstatics ? S->capstatics * 2 : 512;
        struct StaticObj *v = realloc(S->statics, cap * sizeof *v);
        if (!v) return 0;
        S->statics = v;
        S->capstatics = cap;
    }
    /* kept in address order (ob_static_base searches it); nearly always
     * an append, except for the singletons placed first */
    size_t at_i = S->nstatics;
    while (at_i > 0 && S->statics[at_i - 1].o > o) at_i--;
    memmove(&S->statics[at_i + 1], &S->statics[at_i], (S->nstatics - at_i) * sizeof *S->statics);
    S->statics[at_i].o = o;
    S->statics[at_i].base = base;
    S->nstatics++;
    return o;
}

int64_t ob_static_base(const Sim *S, Obj o)
{
    if (o >= SIM_ARENA_BASE) return 0;
    size_t lo = 0, hi = S->nstatics; /* kept in address order */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (S->statics[mid].o < o) lo = mid + 1;
        else hi = mid;
    }
    return lo < S->nstatics && S->statics[lo].o == o ? S->statics[lo].base : 0;
}

void ob_free_memory(Sim *S, Obj o)
{
    Obj type = ob_type(S, o);
    uint32_t pre = ob_preheader(S, type);
    if (tp_flags(S, type) & TPF_GC) gc_count_del(S); /* PyObject_GC_Del */
    objmap_unmark(S, o);
    pm_free(S->heap, o - pre);
}

void ob_free_object(Sim *S, Obj o)
{
    Obj type = ob_type(S, o);
    int heap = (tp_flags(S, type) & TPF_HEAPTYPE) != 0;
    ob_free_memory(S, o);
    if (heap) ob_decref(S, type, HOLD_INTERNAL(o, R_OB_TYPE));
}

/* ---- deallocation ---- */

void ob_dealloc(Sim *S, Obj o)
{
    const TypeInfo *ti = ob_info(S, o);
    int gc = ob_is_gc(S, o);
    if (gc) gc_untrack(S, o);
    if (ev_on(&S->ev, SIM_EVCAT_OBJECT)) {
        SimEvent ev = EV_BLANK(SIM_EV_OBJ_DEALLOC);
        ev.obj = o;
        ev.addr = o;
        ev.a = (int64_t)ob_type(S, o);
        ev_emit(&S->ev, &ev);
    }
    if (!gc) {
        ti->dealloc(S, o);
        return;
    }
    if (S->dealloc_depth >= TRASH_UNWIND_LEVEL) {
        /* _PyTrash_thread_deposit_object: park it, linked via gc_prev. */
        /* the trash list reuses gc_prev's pointer bits, keeping its flags */
        ob_set64(S, AS_GC(o), 8, S->trash | (ob_get64(S, AS_GC(o), 8) & ~PREV_MASK));
        S->trash = o;
        return;
    }
    S->dealloc_depth++;
    ti->dealloc(S, o);
    S->dealloc_depth--;
    /* _PyTrash_thread_destroy_chain, once fully unwound. */
    while (S->trash && S->dealloc_depth <= 0) {
        Obj t = S->trash;
        S->trash = ob_get64(S, AS_GC(t), 8) & PREV_MASK;
        ob_set64(S, AS_GC(t), 8, ob_get64(S, AS_GC(t), 8) & ~PREV_MASK);
        S->dealloc_depth++;
        ob_info(S, t)->dealloc(S, t);
        S->dealloc_depth--;
    }
}

void ob_emit_ref(Sim *S, SimEventKind kind, Obj o, int64_t count, const Holder *hd)
{
    /* every field written once (see EV_BLANK) */
    SimEvent ev = {.addr = hd->owner, .obj = o, .a = count, .b = (int64_t)hd->key,
                   .holder = hd->kind, .reason = hd->reason, .index = hd->index,
                   .kind = (uint16_t)kind, .szclass = 0xffff};
    ev_emit(&S->ev, &ev);
}

void ob_emit_freelist(Sim *S, SimEventKind kind, SimAddr o, int64_t list, int64_t length)
{
    if (!ev_on(&S->ev, SIM_EVCAT_FREELIST)) return;
    SimEvent ev = EV_BLANK(kind);
    ev.obj = ev.addr = o;
    ev.a = list;
    ev.b = length;
    ev_emit(&S->ev, &ev);
}

void ob_freelist_push(Sim *S, Obj o, int64_t list, int64_t length)
{
    ob_set64(S, o, OB_REFCNT_OFF, 0);
    objmap_unmark(S, o);
    ob_emit_freelist(S, SIM_EV_FREELIST_PUSH, o, list, length);
}

void ob_freelist_pop(Sim *S, Obj o, int64_t list, int64_t length)
{
    ob_set64(S, o, OB_REFCNT_OFF, 1);
    objmap_mark(S, o);
    ob_emit_freelist(S, SIM_EV_FREELIST_POP, o, list, length);
}

void ob_clear_fields(Sim *S, Obj o, const ObField *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        Obj v = ob_get64(S, o, f[i].off);
        if (!v) continue;
        ob_set64(S, o, f[i].off, 0);
        ob_decref(S, v, HOLD_INTERNAL(o, f[i].reason));
    }
}

void ob_visit_fields(Sim *S, Obj o, const ObField *f, size_t n, RefVisitFn visit, void *ud)
{
    for (size_t i = 0; i < n; i++) {
        Obj v = ob_get64(S, o, f[i].off);
        if (!v) continue;
        Holder hd = HOLD_INTERNAL(o, f[i].reason);
        visit(S, v, &hd, ud);
    }
}

void ob_set_field(Sim *S, Obj o, uint16_t off, uint16_t reason, Obj v)
{
    ob_set64(S, o, off, v);
    ob_move(S, v, HOLD_TEMP, HOLD_INTERNAL(o, reason));
}

void ob_clear_freelists(Sim *S)
{
    FreeLists *fl = &S->fl;
    for (int k = 0; k < FL_TUPLE_SIZES; k++) {    /* linked through ob_item[0] */
        Obj t = fl->tuple_head[k];
        fl->tuple_head[k] = 0;
        fl->tuple_n[k] = 0;
        while (t) {
            Obj next = ob_get64(S, t, 24);
            ob_free_memory(S, t);
            t = next;
        }
    }
    while (fl->float_head) {                      /* linked through ob_type */
        Obj f = fl->float_head;
        fl->float_head = ob_type(S, f);
        pm_free(S->heap, f);
    }
    fl->float_n = 0;
    while (fl->list_n) ob_free_memory(S, fl->list[--fl->list_n]);
    while (fl->dict_n) ob_free_memory(S, fl->dict[--fl->dict_n]);
    while (fl->keys_n) pm_free(S->heap, fl->keys[--fl->keys_n]);
}

int ob_seed_freelists(Sim *S, const int32_t *tuple_n, int32_t list_n, int32_t dict_n, int32_t float_n)
{
    ob_clear_freelists(S);
    size_t total = (size_t)list_n + (size_t)dict_n + (size_t)float_n;
    for (int k = 0; k < FL_TUPLE_SIZES; k++) total += (size_t)tuple_n[k];
    Obj *made = malloc((total ? total : 1) * sizeof *made);
    if (!made) abort(); /* host out of memory: nothing sensible to do */
    size_t n = 0;
    int ok = 1;
    for (int k = 0; k < FL_TUPLE_SIZES && ok; k++)
        for (int32_t i = 0; i < tuple_n[k] && ok; i++) ok = (made[n++] = tuple_new(S, k + 1)) != 0;
    for (int32_t i = 0; i < list_n && ok; i++) ok = (made[n++] = list_new(S, 0)) != 0;
    for (int32_t i = 0; i < dict_n && ok; i++) ok = (made[n++] = dict_new(S)) != 0;
    for (int32_t i = 0; i < float_n && ok; i++) ok = (made[n++] = float_from_double(S, 0.0)) != 0;
    if (!ok) n--;
    while (n) ob_decref(S, made[--n], HOLD_TEMP);
    free(made);
    Obj slice = ok && !S->fl.slice ? slice_new(S, 0, 0, 0) : 0;   /* interp->slice_cache is set */
    if (slice) ob_decref(S, slice, HOLD_TEMP);
    return ok && (slice || S->fl.slice) ? 0 : -1;
}

/* ---- embedder roots ---- */

void sim_hold(Sim *S, Obj o)
{
    if (S->ncroots == S->capcroots) {
        size_t cap = S->capcroots ? S->capcroots * 2 : 16;
        Obj *v = realloc(S->croots, cap * sizeof *v);
        if (!v) abort(); /* host out of memory: nothing sensible to do */
        S->croots = v;
        S->capcroots = cap;
    }
    S->croots[S->ncroots++] = o;
    ob_move(S, o, HOLD_TEMP, HOLD(H_CROOT, 0, S->ncroots - 1, 0));
}

void sim_unhold(Sim *S, Obj o)
{
    for (size_t i = S->ncroots; i-- > 0;) {
        if (S->croots[i] != o) continue;
        memmove(&S->croots[i], &S->croots[i + 1], (S->ncroots - i - 1) * sizeof *S->croots);
        S->ncroots--;
        ob_decref(S, o, HOLD(H_CROOT, 0, i, 0));
        return;
    }
}
