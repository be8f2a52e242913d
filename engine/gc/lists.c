/*
 * gc/lists.c -- tracking and the generation lists (see gc/lists.h): every
 * write to a PyGC_Head outside a collection's own phases is here.
 */
#include "gc/lists.h"

void gcl_init(Sim *S, SimAddr head)
{
    ob_set64(S, head, 0, head);
    ob_set64(S, head, 8, head);
}

void gcl_append(Sim *S, SimAddr node, SimAddr list)
{
    SimAddr last = gc_prev(S, list);
    set_next(S, last, node);
    set_prev(S, node, last);
    set_next(S, node, list);
    ob_set64(S, list, 8, node);
}

void gcl_remove(Sim *S, SimAddr node)
{
    SimAddr prev = gc_prev(S, node), next = gc_next(S, node);
    set_next(S, prev, next);
    set_prev(S, next, prev);
    set_next(S, node, 0);
}

int gc_is_tracked(const Sim *S, Obj o) { return raw_next(S, AS_GC(o)) != 0; }

/* _PyObject_GC_TRACK: at the tail of generation 0 */
void gc_track(Sim *S, Obj o) { gcl_append(S, AS_GC(o), S->gc.gen[0].head); }

/* _PyObject_GC_UNTRACK: off its list, FINALIZED kept */
void gc_untrack(Sim *S, Obj o)
{
    SimAddr g = AS_GC(o);
    if (!raw_next(S, g)) return;
    gcl_remove(S, g);
    ob_set64(S, g, 8, raw_prev(S, g) & PREV_MASK_FINALIZED);
}

void gc_list_merge(Sim *S, SimAddr from, SimAddr to)
{
    if (gcl_is_empty(S, from)) return;
    SimAddr first = gc_next(S, from), last = gc_prev(S, from), tail = gc_prev(S, to);
    set_next(S, tail, first);
    set_prev(S, first, tail);
    set_next(S, last, to);
    ob_set64(S, to, 8, last);
    gcl_init(S, from);
}

int64_t gc_list_size(const Sim *S, SimAddr head)
{
    int64_t n = 0;
    for (SimAddr g = gc_next(S, head); g != head; g = gc_next(S, g)) n++;
    return n;
}

void gc_list_each(Sim *S, SimAddr head, void (*fn)(Sim *S, Obj o, void *ud), void *ud)
{
    for (SimAddr g = gc_next(S, head); g != head;) {
        SimAddr next = gc_next(S, g);
        fn(S, FROM_GC(g), ud);
        g = next;
    }
}

int gc_is_finalized(const Sim *S, Obj o) { return (raw_prev(S, AS_GC(o)) & PREV_MASK_FINALIZED) != 0; }

void gc_set_finalized(Sim *S, Obj o) { ob_set64(S, AS_GC(o), 8, raw_prev(S, AS_GC(o)) | PREV_MASK_FINALIZED); }

int64_t gc_get_refs(const Sim *S, Obj o) { return get_refs(S, AS_GC(o)); }
int gc_is_collecting(const Sim *S, Obj o) { return is_collecting(S, AS_GC(o)); }
int gc_is_unreachable_marked(const Sim *S, Obj o) { return (raw_next(S, AS_GC(o)) & NEXT_MASK_UNREACHABLE) != 0; }

SimAddr gc_list_head(const Sim *S, GcListId id)
{
    if (id <= GC_LIST_GEN2) return S->gc.gen[id].head;
    if (id == GC_LIST_PERMANENT) return S->gc.permanent.head;
    if (id < GC_LIST_UNTRACKED) return S->gc.work[id - GC_LIST_UNREACHABLE];
    return 0;
}

/* The heads live in the static region, like CPython's in GCState. */
int gc_init(Sim *S)
{
    GcGen *gens[4] = {&S->gc.gen[0], &S->gc.gen[1], &S->gc.gen[2], &S->gc.permanent};
    static const int64_t thresholds[4] = {700, 10, 10, 0};
    for (int i = 0; i < GC_LIST_UNTRACKED; i++) {
        SimAddr head = pm_static_alloc(S->heap, GC_HEAD_SIZE, 16);
        if (!head) return -1;
        gcl_init(S, head);
        if (i < 4) {
            gens[i]->head = head;
            gens[i]->threshold = thresholds[i];
            gens[i]->count = 0;
        } else {
            S->gc.work[i - GC_LIST_UNREACHABLE] = head;
        }
    }
    S->gc.enabled = 1;
    S->gc.last.generation = -1;
    return 0;
}
