/*
 * gc/lists.h -- PyGC_Head in simulated memory (internal to the engine).
 *
 * Every GC object is preceded by two words, CPython 3.11's PyGC_Head:
 *
 *     gc_next   the next node; 0 when untracked.  During a collection
 *               bit 0 (NEXT_MASK_UNREACHABLE) marks a tentatively
 *               unreachable object.
 *     gc_prev   the previous node, with two flags below it: bit 0
 *               FINALIZED (PEP 442: tp_finalize ran), bit 1 COLLECTING.
 *               While a set is being collected the pointer bits hold
 *               gc_refs instead (shifted by PREV_SHIFT) and the list is
 *               singly linked.
 *
 * Lists are circular through a head node in the static region: the three
 * generations, the permanent generation and the collector's own lists
 * (gc_list_head).  Tracking, untracking and moves keep the flag bits, as
 * CPython's macros do.
 */
#ifndef ENGINE_GC_LISTS_H
#define ENGINE_GC_LISTS_H

#include "gc/gc.h"
#include "objects/object.h"

#define NEXT_MASK_UNREACHABLE UINT64_C(1)
#define PREV_MASK_FINALIZED   UINT64_C(1)
#define PREV_MASK_COLLECTING  UINT64_C(2)
#define PREV_SHIFT 2
#define PREV_MASK (~UINT64_C(3))   /* the pointer (or gc_refs) bits of gc_prev */

#define AS_GC(o) ((o) - GC_HEAD_SIZE)
#define FROM_GC(g) ((g) + GC_HEAD_SIZE)

static inline uint64_t raw_next(const Sim *S, SimAddr g) { return ob_get64(S, g, 0); }
static inline uint64_t raw_prev(const Sim *S, SimAddr g) { return ob_get64(S, g, 8); }
static inline SimAddr gc_next(const Sim *S, SimAddr g) { return raw_next(S, g) & ~NEXT_MASK_UNREACHABLE; }
static inline SimAddr gc_prev(const Sim *S, SimAddr g) { return raw_prev(S, g) & PREV_MASK; }
static inline void set_next(Sim *S, SimAddr g, uint64_t v) { ob_set64(S, g, 0, v); }
/* _PyGCHead_SET_PREV: the flags stay */
static inline void set_prev(Sim *S, SimAddr g, SimAddr p) { ob_set64(S, g, 8, (raw_prev(S, g) & ~PREV_MASK) | p); }
static inline int64_t get_refs(const Sim *S, SimAddr g) { return (int64_t)(raw_prev(S, g) >> PREV_SHIFT); }
static inline int is_collecting(const Sim *S, SimAddr g) { return (raw_prev(S, g) & PREV_MASK_COLLECTING) != 0; }
static inline void clear_collecting(Sim *S, SimAddr g) { ob_set64(S, g, 8, raw_prev(S, g) & ~PREV_MASK_COLLECTING); }

static inline void set_refs(Sim *S, SimAddr g, int64_t refs)
{
    ob_set64(S, g, 8, (raw_prev(S, g) & ~PREV_MASK) | ((uint64_t)refs << PREV_SHIFT));
}

/* gc_reset_refs: FINALIZED kept, COLLECTING set, refs stored. */
static inline void reset_refs(Sim *S, SimAddr g, int64_t refs)
{
    ob_set64(S, g, 8, (raw_prev(S, g) & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING |
                          ((uint64_t)refs << PREV_SHIFT));
}

/* gc_list_init / gc_list_is_empty / gc_list_append / gc_list_remove */
void gcl_init(Sim *S, SimAddr head);
static inline int gcl_is_empty(const Sim *S, SimAddr head) { return gc_next(S, head) == head; }
void gcl_append(Sim *S, SimAddr node, SimAddr list);
void gcl_remove(Sim *S, SimAddr node);

#endif /* ENGINE_GC_LISTS_H */
