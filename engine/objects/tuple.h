/*
 * objects/tuple.h -- tuples: 24-byte header + 8 bytes per item, a GC
 * object tracked at creation; () is a static singleton; free lists keep
 * up to 2000 dead tuples of each size 1..20 (CPython 3.11's numbers).
 */
#ifndef ENGINE_OBJECTS_TUPLE_H
#define ENGINE_OBJECTS_TUPLE_H

#include "objects/object.h"

#define TUPLE_ITEMS_OFF 24

/* PyTuple_New: n NULL items, tracked.  New reference. */
Obj tuple_new(Sim *S, int64_t n);

/* PyTuple_Pack: a tuple of the n given objects (borrowed; each gains a
 * reference from its tuple slot).  New reference. */
Obj tuple_pack(Sim *S, int64_t n, const Obj *items);

static inline Obj tuple_item(const Sim *S, Obj t, int64_t i)
{
    return ob_get64(S, t, TUPLE_ITEMS_OFF + 8 * (uint32_t)i);
}

/* PyTuple_SET_ITEM: stores `item`, stealing the caller's TEMP reference. */
void tuple_set_item(Sim *S, Obj t, int64_t i, Obj item);

int64_t tuple_hash(Sim *S, Obj t);   /* -1 with an exception set */

int tuple_init_statics(Sim *S);
void tuple_dealloc(Sim *S, Obj o);
void tuple_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_TUPLE_H */
