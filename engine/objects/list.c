/* list.c -- see list.h. */
#include "gc/gc.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"

static SimAddr items_of(const Sim *S, Obj l) { return ob_get64(S, l, LIST_ITEMS_OFF); }

Obj list_get(const Sim *S, Obj l, int64_t i) { return ob_get64(S, items_of(S, l), 8 * (uint32_t)i); }

static void put(Sim *S, Obj l, int64_t i, Obj v) { ob_set64(S, items_of(S, l), 8 * (uint32_t)i, v); }

void list_put(Sim *S, Obj l, int64_t i, Obj v) { put(S, l, i, v); }

void list_take_unmodelled(Sim *S)
{
    if (!S->fl.list_n) {
        gc_count_link(S);
        return;
    }
    Obj l = S->fl.list[--S->fl.list_n];
    ob_freelist_pop(S, l, FREELIST_LIST, S->fl.list_n);
    S->gc.gen[0].count++;   /* PyObject_GC_Del's decrement is not CPython's */
    ob_free_memory(S, l);
}

Obj list_new(Sim *S, int64_t n)
{
    if (n < 0 || n > (INT64_C(1) << 36)) return exc_no_memory(S);
    Obj l;
    if (S->fl.list_n) {
        l = S->fl.list[--S->fl.list_n];
        ob_freelist_pop(S, l, FREELIST_LIST, S->fl.list_n);
    } else {
        l = ob_alloc(S, TI_LIST, 0);
        if (!l) return 0;
    }
    SimAddr items = 0;
    if (n > 0) {
        items = pm_malloc(S->heap, (uint64_t)n * 8); /* PyMem_Calloc */
        if (!items) {
            ob_set_size(S, l, 0);
            ob_set64(S, l, LIST_ITEMS_OFF, 0);
            ob_decref(S, l, HOLD_TEMP);
            return exc_no_memory(S);
        }
        memset(ob_ptr(S, items), 0, (size_t)n * 8);
    }
    ob_set64(S, l, LIST_ITEMS_OFF, items);
    ob_set_size(S, l, n);
    ob_set64(S, l, LIST_ALLOCATED_OFF, (uint64_t)n);
    gc_track(S, l);
    return l;
}

/* list_resize: keep the array while newsize is within [allocated/2,
 * allocated]; otherwise over-allocate by about 1/8 (0, 4, 8, 16, 24, 32,
 * 40, 52, 64, 76, ...) and PyMem_Realloc. */
int list_resize(Sim *S, Obj l, int64_t newsize)
{
    int64_t allocated = list_allocated(S, l);
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        ob_set_size(S, l, newsize);
        return 0;
    }
    uint64_t new_allocated = ((uint64_t)newsize + ((uint64_t)newsize >> 3) + 6) & ~(uint64_t)3;
    if (newsize - ob_size(S, l) > (int64_t)(new_allocated - (uint64_t)newsize))
        new_allocated = ((uint64_t)newsize + 3) & ~(uint64_t)3;
    if (newsize == 0) new_allocated = 0;
    SimAddr items = new_allocated > (UINT64_C(1) << 36) ? 0
                  : pm_realloc(S->heap, items_of(S, l), new_allocated * 8);
    if (!items) {
        exc_no_memory(S);
        return -1;
    }
    ob_set64(S, l, LIST_ITEMS_OFF, items);
    ob_set_size(S, l, newsize);
    ob_set64(S, l, LIST_ALLOCATED_OFF, new_allocated);
    return 0;
}

Obj list_new_prealloc(Sim *S, int64_t n)
{
    Obj l = list_new(S, 0);
    if (!l || n <= 0) return l;
    SimAddr items = n > (INT64_C(1) << 36) ? 0 : pm_malloc(S->heap, (uint64_t)n * 8); /* PyMem_New */
    if (!items) {
        ob_decref(S, l, HOLD_TEMP);
        return exc_no_memory(S);
    }
    ob_set64(S, l, LIST_ITEMS_OFF, items);
    ob_set64(S, l, LIST_ALLOCATED_OFF, (uint64_t)n);
    return l;
}

Obj list_new_generic(Sim *S)
{
    Obj l = ob_alloc(S, TI_LIST, 0);
    if (l) gc_track(S, l);
    return l;
}

int list_preallocate_exact(Sim *S, Obj l, int64_t n)
{
    uint64_t want = ((uint64_t)n + 1) & ~(uint64_t)1;
    SimAddr items = want > (UINT64_C(1) << 36) ? 0 : pm_malloc(S->heap, want * 8);
    if (!items) {
        exc_no_memory(S);
        return -1;
    }
    ob_set64(S, l, LIST_ITEMS_OFF, items);
    ob_set64(S, l, LIST_ALLOCATED_OFF, want);
    return 0;
}

void list_clear_items(Sim *S, Obj l)
{
    SimAddr items = items_of(S, l);
    if (!items) return;
    int64_t i = ob_size(S, l);
    ob_set_size(S, l, 0);
    ob_set64(S, l, LIST_ITEMS_OFF, 0);
    ob_set64(S, l, LIST_ALLOCATED_OFF, 0);
    while (--i >= 0) {
        Obj v = ob_get64(S, items, 8 * (uint32_t)i);
        if (v) ob_decref(S, v, HOLD(H_LIST_ITEM, l, i, 0));
    }
    pm_free(S->heap, items);
}

void list_set_new(Sim *S, Obj l, int64_t i, Obj item)
{
    put(S, l, i, item);
    ob_move(S, item, HOLD_TEMP, HOLD(H_LIST_ITEM, l, i, 0));
}

int list_append(Sim *S, Obj l, Obj item)
{
    int64_t n = ob_size(S, l);
    if (list_resize(S, l, n + 1) < 0) return -1;
    ob_incref(S, item, HOLD(H_LIST_ITEM, l, n, 0));
    put(S, l, n, item);
    return 0;
}

int list_extend(Sim *S, Obj l, Obj seq)
{
    int is_tuple = ob_is(S, seq, TI_TUPLE);
    int64_t n = is_tuple ? ob_size(S, seq) : list_len(S, seq);
    if (n == 0) return 0;
    int64_t m = ob_size(S, l);
    if (items_of(S, l) == 0) {
        /* list_preallocate_exact: n rounded up to even */
        uint64_t want = ((uint64_t)n + 1) & ~(uint64_t)1;
        SimAddr items = pm_malloc(S->heap, want * 8);
        if (!items) {
            exc_no_memory(S);
            return -1;
        }
        ob_set64(S, l, LIST_ITEMS_OFF, items);
        ob_set64(S, l, LIST_ALLOCATED_OFF, want);
        ob_set_size(S, l, n);
    } else if (list_resize(S, l, m + n) < 0) {
        return -1;
    }
    for (int64_t i = 0; i < n; i++) {
        Obj v = is_tuple ? tuple_item(S, seq, i) : list_get(S, seq, i);
        ob_incref(S, v, HOLD(H_LIST_ITEM, l, m + i, 0));
        put(S, l, m + i, v);
    }
    return 0;
}

Obj list_pop(Sim *S, Obj l, int64_t i)
{
    int64_t n = ob_size(S, l);
    if (n == 0) return exc_set(S, EXC_IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return exc_set(S, EXC_IndexError, "pop index out of range");
    Obj v = list_get(S, l, i);
    ob_move(S, v, HOLD(H_LIST_ITEM, l, i, 0), HOLD_TEMP);
    for (int64_t k = i; k + 1 < n; k++) {
        Obj w = list_get(S, l, k + 1);
        put(S, l, k, w);
        ob_move(S, w, HOLD(H_LIST_ITEM, l, k + 1, 0), HOLD(H_LIST_ITEM, l, k, 0));
    }
    if (list_resize(S, l, n - 1) < 0) {
        /* cannot fail when shrinking except on a broken heap; put it back */
        ob_decref(S, v, HOLD_TEMP);
        return 0;
    }
    return v;
}

int list_set(Sim *S, Obj l, int64_t i, Obj item)
{
    int64_t n = ob_size(S, l);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        exc_set(S, EXC_IndexError, "list assignment index out of range");
        return -1;
    }
    Obj old = list_get(S, l, i);
    ob_incref(S, item, HOLD(H_LIST_ITEM, l, i, 0));
    put(S, l, i, item);
    ob_xdecref(S, old, HOLD(H_LIST_ITEM, l, i, 0));
    return 0;
}

static int is_subclass_instance(const Sim *S, Obj l) { return (tp_flags(S, ob_type(S, l)) & TPF_HEAPTYPE) != 0; }

/* list_dealloc: items released from the last to the first, the array
 * freed, the object kept on the free list when there is room.  An
 * instance of a list subclass goes through subtype_dealloc first
 * (__del__, weakrefs, slots, its dict or values), and its memory and then
 * the class go last. */
void list_dealloc(Sim *S, Obj l)
{
    if (is_subclass_instance(S, l)) {
        if (subtype_dealloc_head(S, l)) return;
        subtype_dealloc_dict(S, l);
    }
    SimAddr items = items_of(S, l);
    if (items) {
        for (int64_t i = ob_size(S, l); --i >= 0;) {
            Obj v = list_get(S, l, i);
            if (v) ob_decref(S, v, HOLD(H_LIST_ITEM, l, i, 0));
        }
        pm_free(S->heap, items);
        ob_set64(S, l, LIST_ITEMS_OFF, 0);
    }
    if (S->fl.list_n < FL_LIST_MAX && ob_is(S, l, TI_LIST)) {
        S->fl.list[S->fl.list_n++] = l;
        ob_freelist_push(S, l, FREELIST_LIST, S->fl.list_n);
        return;
    }
    ob_free_object(S, l);
}

/* list_traverse; for a subclass's instance subtype_traverse's part
 * (slots, dict or values, the class) comes first. */
void list_referents(Sim *S, Obj l, RefVisit visit, void *ud)
{
    if (is_subclass_instance(S, l)) {
        subtype_visit_slots(S, l, visit, ud);
        subtype_visit_dict_and_type(S, l, visit, ud);
    }
    if (!items_of(S, l)) return;
    /* list_traverse goes from the last item to the first */
    for (int64_t i = ob_size(S, l); --i >= 0;) {
        Obj v = list_get(S, l, i);
        if (v) {
            Holder hd = HOLD(H_LIST_ITEM, l, i, 0);
            visit(S, v, &hd, ud);
        }
    }
}
