/*
 * gc/gc.h -- CPython 3.11's generational cycle collector (internal).
 *
 * The collector works on the simulated heap exactly as gcmodule.c works on
 * the real one: generation lists are circular lists of PyGC_Head (gc_next,
 * gc_prev) in simulated memory; during a collection gc_prev holds gc_refs
 * shifted left by 2 above the FINALIZED (bit 0) and COLLECTING (bit 1)
 * flags, and gc_next's bit 0 marks a tentatively unreachable object.  A
 * viewer reading the heap mid-collection therefore sees what CPython's
 * memory would hold.
 *
 * Invariants:
 *   - outside a collection every tracked object is on exactly one of the
 *     generation lists or the permanent generation, with COLLECTING clear;
 *   - during one (S->gc.collecting), an object may also be on one of the
 *     collector's own lists (GC_LIST_UNREACHABLE ...), whose heads live in
 *     the static region like the generations' heads;
 *   - a nested gc.collect() (from __del__, a weakref callback or a
 *     gc.callbacks function) returns 0 and collects nothing, and no
 *     automatic collection starts while one runs;
 *   - count[0] is +1 per GC allocation, -1 (floor 0) per GC object freed;
 *     free-list traffic does not touch it.
 */
#ifndef ENGINE_GC_GC_H
#define ENGINE_GC_GC_H

#include "sim.h"

/* The lists (SIM_GC_LISTS) and phases (SIM_GC_PHASES) are public, in
 * sim/events.h, since GC events carry their ids. */
typedef enum GcListId {
#define X(n, text) GC_LIST_##n,
    SIM_GC_LISTS(X)
#undef X
    GC_LIST_COUNT
} GcListId;

typedef enum GcPhase {
#define X(n, text) GC_PHASE_##n,
    SIM_GC_PHASES(X)
#undef X
    GC_PHASE_COUNT
} GcPhase;

/* gc.set_debug flags. */
#define GC_DEBUG_STATS         1
#define GC_DEBUG_COLLECTABLE   2
#define GC_DEBUG_UNCOLLECTABLE 4
#define GC_DEBUG_SAVEALL       32

/* Creates the generation heads, the collector's own list heads, gc.garbage
 * and gc.callbacks; 0, or -1 when the heap is full. */
int gc_init(Sim *S);

/* The collector's state as python3 has it at the first line of a script
 * (`count`, and the `collections` its compilation ran, depend on the
 * program: see compiler/footprint.h): CPython's start-up made ~11,000 objects refscope
 * does not build, ran 22 gen-0 and 2 gen-1 collections and no full one.
 * Those objects stay as a phantom population that counts in
 * long_lived_total as they do in CPython, so that automatic full
 * collections come when python3's come. */
void gc_startup(Sim *S, const int64_t count[3], const int64_t collections[3]);

/* The head of list `id` (a generation, the permanent generation or one of
 * the collector's lists). */
SimAddr gc_list_head(const Sim *S, GcListId id);

/* _PyObject_GC_Link's trigger: called after count[0]++ of a GC allocation;
 * collects when count[0] > threshold[0], enabled, threshold[0] != 0, not
 * collecting and no exception pending (gc_collect_generations). */
void gc_maybe_collect(Sim *S);

/* _PyObject_GC_Link's accounting of a new GC object: count[0] + 1, and a
 * collection past the threshold. */
static inline void gc_count_link(Sim *S)
{
    if (++S->gc.gen[0].count > S->gc.gen[0].threshold) gc_maybe_collect(S);
}

/* PyObject_GC_Del's: count[0] - 1 while it is above 0. */
static inline void gc_count_del(Sim *S)
{
    if (S->gc.gen[0].count > 0) S->gc.gen[0].count--;
}

/* gc.collect(generation): the number of unreachable objects found, 0 when
 * a collection is already running.  The generation must be 0, 1 or 2. */
int64_t gc_collect_explicit(Sim *S, int generation);

/* _PyGC_CollectNoFail (interpreter shutdown): a full collection without
 * callbacks, even when the collector is disabled; 0 if one is running. */
int64_t gc_collect_nofail(Sim *S);

/* 1 when CPython's tp_traverse visits the reference the ledger names by
 * `hd` (gc.get_referents and the collector see only those). */
int gc_traverses(const Sim *S, const Holder *hd);

/* tp_clear of every type, NULL for types without one. */
void (*gc_clear_fn(const Sim *S, Obj o))(Sim *S, Obj o);

/* Called after each phase when set (tests: the self-check after every
 * phase; viewers: pause points). */
typedef void (*GcPhaseHook)(Sim *S, GcPhase phase, int generation, void *ud);
void gc_set_phase_hook(Sim *S, GcPhaseHook hook, void *ud);

/* gc_refs of a tracked object during a collection (gc_prev >> 2). */
int64_t gc_get_refs(const Sim *S, Obj o);
/* 1 when gc_prev's COLLECTING flag is set; 1 when gc_next's UNREACHABLE
 * bit is set. */
int gc_is_collecting(const Sim *S, Obj o);
int gc_is_unreachable_marked(const Sim *S, Obj o);

#endif /* ENGINE_GC_GC_H */
