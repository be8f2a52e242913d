/* weakref.c -- see weakref.h. */
#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/iters.h"
#include "objects/tuple.h"
#include "objects/weakref.h"

uint32_t weakref_list_offset(const Sim *S, Obj obj)
{
    if (ob_is(S, obj, TI_FUNCTION)) return FUNC_WEAKREFS_OFF;
    if (ob_is(S, obj, TI_GENERATOR)) return GEN_WEAKREFS_OFF;
    if (ob_is(S, obj, TI_WEAKVALUEDICT)) return WVD_WEAKREFS_OFF;
    if (ob_is(S, obj, TI_TYPE)) return TP_WEAKLIST_OFF;
    if (ob_is(S, obj, TI_GENERIC_ALIAS)) return GA_WEAKLIST_OFF;
    Obj type = ob_type(S, obj);
    if (tp_flags(S, type) & TPF_HEAPTYPE) return (uint32_t)ob_get64(S, type, TP_WEAKLISTOFFSET_OFF);
    return 0;
}

static Obj head_of(const Sim *S, Obj obj)
{
    uint32_t off = weakref_list_offset(S, obj);
    return off ? ob_get64(S, obj, off) : 0;
}

Obj weakref_get(const Sim *S, Obj wr) { return ob_get64(S, wr, WR_OBJECT_OFF); }

int64_t weakref_count(const Sim *S, Obj obj)
{
    int64_t n = 0;
    for (Obj r = head_of(S, obj); r; r = ob_get64(S, r, WR_NEXT_OFF)) n++;
    return n;
}

static void link_after(Sim *S, Obj obj, Obj wr, Obj prev)
{
    uint32_t off = weakref_list_offset(S, obj);
    Obj next = prev ? ob_get64(S, prev, WR_NEXT_OFF) : ob_get64(S, obj, off);
    ob_set64(S, wr, WR_PREV_OFF, prev);
    ob_set64(S, wr, WR_NEXT_OFF, next);
    if (next) ob_set64(S, next, WR_PREV_OFF, wr);
    if (prev) ob_set64(S, prev, WR_NEXT_OFF, wr);
    else ob_set64(S, obj, off, wr);
}

/* clear_weakref: unlink from the referent's list and point at None. */
static void unlink_weakref(Sim *S, Obj wr)
{
    Obj obj = weakref_get(S, wr);
    if (obj && obj != S->none) {
        Obj prev = ob_get64(S, wr, WR_PREV_OFF), next = ob_get64(S, wr, WR_NEXT_OFF);
        if (prev) ob_set64(S, prev, WR_NEXT_OFF, next);
        else ob_set64(S, obj, weakref_list_offset(S, obj), next);
        if (next) ob_set64(S, next, WR_PREV_OFF, prev);
        ob_set64(S, wr, WR_PREV_OFF, 0);
        ob_set64(S, wr, WR_NEXT_OFF, 0);
    }
    ob_set64(S, wr, WR_OBJECT_OFF, S->none);
}

void weakref_clear_ref(Sim *S, Obj wr) { unlink_weakref(S, wr); }

Obj weakref_new(Sim *S, Obj obj, Obj callback)
{
    if (!weakref_list_offset(S, obj)) {
        char name[64];
        return exc_set(S, EXC_TypeError, "cannot create weak reference to '%s' object",
                       ob_type_name(S, obj, name, sizeof name));
    }
    if (callback == S->none) callback = 0;
    Obj basic = head_of(S, obj);
    if (basic && ob_get64(S, basic, WR_CALLBACK_OFF)) basic = 0;
    if (!callback && basic) { /* the plain ref is shared */
        ob_incref(S, basic, HOLD_TEMP);
        return basic;
    }
    Obj wr = ob_alloc(S, TI_WEAKREF, 0);
    if (!wr) return 0;
    ob_set64(S, wr, WR_OBJECT_OFF, obj);
    ob_set64(S, wr, WR_HASH_OFF, (uint64_t)-1);
    if (callback) {
        ob_set64(S, wr, WR_CALLBACK_OFF, callback);
        ob_incref(S, callback, HOLD_INTERNAL(wr, R_WEAKREF_CALLBACK));
    }
    link_after(S, obj, wr, callback ? basic : 0);
    gc_track(S, wr);
    return wr;
}

static void call_back(Sim *S, Obj wr, Obj callback)
{
    if (S->call_hook && S->call_hook(S, callback, wr) != 0) exc_clear(S);
}

void weakref_clear_all(Sim *S, Obj obj)
{
    Obj first = head_of(S, obj);
    if (!first) return;
    if (!ob_get64(S, first, WR_CALLBACK_OFF)) { /* the plain ref: no callback */
        unlink_weakref(S, first);
        first = head_of(S, obj);
    }
    int64_t count = weakref_count(S, obj);
    if (count == 0) return;
    if (count == 1) {
        Obj cb = ob_get64(S, first, WR_CALLBACK_OFF);
        ob_set64(S, first, WR_CALLBACK_OFF, 0);
        unlink_weakref(S, first);
        if (cb) {
            if (ob_refcnt(S, first) > 0) call_back(S, first, cb);
            ob_decref(S, cb, HOLD_INTERNAL(first, R_WEAKREF_CALLBACK));
        }
        return;
    }
    /* Several: (weakref, callback) pairs go into a tuple first, as CPython
     * does, so that callbacks run after every ref has been cleared. */
    Obj pairs = tuple_new(S, 2 * count);
    for (int64_t i = 0; i < count; i++) {
        Obj wr = head_of(S, obj);
        Obj cb = ob_get64(S, wr, WR_CALLBACK_OFF);
        ob_set64(S, wr, WR_CALLBACK_OFF, 0);
        unlink_weakref(S, wr);
        if (pairs && ob_refcnt(S, wr) > 0) {
            ob_set64(S, pairs, TUPLE_ITEMS_OFF + 16 * (uint32_t)i, wr);
            ob_incref(S, wr, HOLD(H_TUPLE_ITEM, pairs, 2 * i, 0));
            ob_set64(S, pairs, TUPLE_ITEMS_OFF + 16 * (uint32_t)i + 8, cb);
            if (cb) ob_move(S, cb, HOLD_INTERNAL(wr, R_WEAKREF_CALLBACK),
                            HOLD(H_TUPLE_ITEM, pairs, 2 * i + 1, 0));
        } else if (cb) {
            ob_decref(S, cb, HOLD_INTERNAL(wr, R_WEAKREF_CALLBACK));
        }
    }
    if (!pairs) {
        exc_clear(S); /* CPython reports and ignores it too */
        return;
    }
    for (int64_t i = 0; i < count; i++) {
        Obj cb = tuple_item(S, pairs, 2 * i + 1);
        if (cb) call_back(S, tuple_item(S, pairs, 2 * i), cb);
    }
    ob_decref(S, pairs, HOLD_TEMP);
}

void weakref_dealloc(Sim *S, Obj wr)
{
    unlink_weakref(S, wr);
    Obj cb = ob_get64(S, wr, WR_CALLBACK_OFF);
    ob_set64(S, wr, WR_CALLBACK_OFF, 0);
    ob_xdecref(S, cb, HOLD_INTERNAL(wr, R_WEAKREF_CALLBACK));
    ob_free_object(S, wr);
}

void weakref_referents(Sim *S, Obj wr, RefVisit visit, void *ud)
{
    static const ObField fields[] = {{WR_CALLBACK_OFF, R_WEAKREF_CALLBACK}};
    ob_visit_fields(S, wr, fields, N_FIELDS(fields), visit, ud);
}
