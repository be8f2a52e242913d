/* tuple.c -- see tuple.h. */
#include "objects/abstract.h"
#include "objects/tuple.h"

Obj tuple_new(Sim *S, int64_t n)
{
    if (n == 0) {
        ob_incref(S, S->empty_tuple, HOLD_TEMP);
        return S->empty_tuple;
    }
    Obj t;
    /* maybe_freelist_pop takes sizes below PyTuple_MAXSAVESIZE (20) while
     * maybe_freelist_push keeps 1..20: dead 20-tuples are never reused */
    if (n > 0 && n < FL_TUPLE_SIZES && S->fl.tuple_head[n - 1]) {
        /* Reuse a dead tuple: no allocation, count[0] unchanged. */
        t = S->fl.tuple_head[n - 1];
        S->fl.tuple_head[n - 1] = tuple_item(S, t, 0);
        S->fl.tuple_n[n - 1]--;
        memset((char *)ob_ptr(S, t) + TUPLE_ITEMS_OFF, 0, 8 * (size_t)n);
        ob_freelist_pop(S, t, FREELIST_TUPLE(n), S->fl.tuple_n[n - 1]);
    } else {
        t = ob_alloc(S, TI_TUPLE, n);
        if (!t) return 0;
    }
    gc_track(S, t);
    return t;
}

void tuple_set_item(Sim *S, Obj t, int64_t i, Obj item)
{
    ob_set64(S, t, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, item);
    ob_move(S, item, HOLD_TEMP, HOLD(H_TUPLE_ITEM, t, i, 0));
}

Obj tuple_pack(Sim *S, int64_t n, const Obj *items)
{
    Obj t = tuple_new(S, n);
    if (!t) return 0;
    for (int64_t i = 0; i < n; i++) {
        ob_set64(S, t, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, items[i]);
        ob_incref(S, items[i], HOLD(H_TUPLE_ITEM, t, i, 0));
    }
    return t;
}

/* tuplehash: xxHash's mixing over the items' hashes (3.8+). */
int64_t tuple_hash(Sim *S, Obj t)
{
    const uint64_t p1 = UINT64_C(11400714785074694791), p2 = UINT64_C(14029467366897019727),
                   p5 = UINT64_C(2870177450012600261);
    int64_t len = ob_size(S, t);
    uint64_t acc = p5;
    for (int64_t i = 0; i < len; i++) {
        int64_t lane = ob_hash(S, tuple_item(S, t, i));
        if (lane == -1) return -1;
        acc += (uint64_t)lane * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += (uint64_t)len ^ (p5 ^ UINT64_C(3527539));
    return acc == UINT64_MAX ? 1546275796 : (int64_t)acc;
}

/* tupledealloc: items released from the last to the first, then the
 * tuple goes to its free list if there is room. */
void tuple_dealloc(Sim *S, Obj t)
{
    int64_t n = ob_size(S, t);
    for (int64_t i = n; --i >= 0;) {
        Obj item = tuple_item(S, t, i);
        if (item) ob_decref(S, item, HOLD(H_TUPLE_ITEM, t, i, 0));
    }
    if (n > 0 && n <= FL_TUPLE_SIZES && S->fl.tuple_n[n - 1] < FL_TUPLE_MAX &&
        ob_is(S, t, TI_TUPLE)) {
        ob_set64(S, t, TUPLE_ITEMS_OFF, S->fl.tuple_head[n - 1]);
        S->fl.tuple_head[n - 1] = t;
        S->fl.tuple_n[n - 1]++;
        ob_freelist_push(S, t, FREELIST_TUPLE(n), S->fl.tuple_n[n - 1]);
        return;
    }
    ob_free_memory(S, t);
}

void tuple_referents(Sim *S, Obj t, RefVisit visit, void *ud)
{
    /* tupletraverse goes from the last item to the first */
    for (int64_t i = ob_size(S, t); --i >= 0;) {
        Obj item = tuple_item(S, t, i);
        if (item) {
            Holder hd = HOLD(H_TUPLE_ITEM, t, i, 0);
            visit(S, item, &hd, ud);
        }
    }
}

int tuple_init_statics(Sim *S)
{
    /* 3.11 keeps an unused GC head in front of the static empty tuple. */
    S->empty_tuple = ob_static_new(S, S->types[TI_TUPLE].type, 24, OB_STATIC_REFCNT);
    return S->empty_tuple ? 0 : -1;
}
