/*
 * objects/list.h -- lists: a 40-byte PyListObject (56 with its GC head,
 * a 64-byte block) and a separate item array of 8 bytes per allocated
 * slot, grown and shrunk by CPython 3.11's list_resize.  Up to 80 dead
 * list objects wait on the free list (their item arrays are freed).
 */
#ifndef ENGINE_OBJECTS_LIST_H
#define ENGINE_OBJECTS_LIST_H

#include "objects/object.h"

#define LIST_ITEMS_OFF 24      /* ob_item: simulated address of the array */
#define LIST_ALLOCATED_OFF 32

/* PyList_New(n): n NULL slots in an array of exactly 8n bytes. */
Obj list_new(Sim *S, int64_t n);

static inline int64_t list_len(const Sim *S, Obj l) { return ob_size(S, l); }
static inline int64_t list_allocated(const Sim *S, Obj l)
{
    return (int64_t)ob_get64(S, l, LIST_ALLOCATED_OFF);
}
/* Borrowed reference. */
Obj list_get(const Sim *S, Obj l, int64_t i);

/* PyList_SET_ITEM on a NULL slot: steals the caller's TEMP reference. */
void list_set_new(Sim *S, Obj l, int64_t i, Obj item);

/* list.append(item): the item gains a reference.  0 or -1 (MemoryError). */
int list_append(Sim *S, Obj l, Obj item);

/* list.extend(seq) for a tuple or list (LIST_EXTEND's case). */
int list_extend(Sim *S, Obj l, Obj seq);

/* list.pop(i): new reference (the slot's reference moves to TEMP);
 * 0 with IndexError. */
Obj list_pop(Sim *S, Obj l, int64_t i);

/* l[i] = item: item gains a reference, the old one loses it. */
int list_set(Sim *S, Obj l, int64_t i, Obj item);

void list_dealloc(Sim *S, Obj o);
void list_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_LIST_H */
