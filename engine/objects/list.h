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
/* A list CPython makes and keeps that refscope does not model (importlib's
 * ModuleSpec._uninitialized_submodules): one comes off the free list, or
 * count[0] counts a fresh one; its block goes back to pymalloc. */
void list_take_unmodelled(Sim *S);

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

/* list_resize: CPython 3.11's over-allocation; the size becomes newsize
 * (new slots are not initialised).  0 or -1 with MemoryError. */
int list_resize(Sim *S, Obj l, int64_t newsize);

/* Raw store of slot i (no reference counting: the caller moves the
 * reference and says to which holder). */
void list_put(Sim *S, Obj l, int64_t i, Obj v);

/* list_new_prealloc: PyList_New(0) (tracked) with an array of exactly n
 * slots, size 0 -- the caller fills it and sets the size.  New reference. */
Obj list_new_prealloc(Sim *S, int64_t n);

/* PyType_GenericAlloc(&PyList_Type, 0), what list() does: a fresh object
 * (never the free list), tracked, empty, no array.  New reference. */
Obj list_new_generic(Sim *S);

/* list_preallocate_exact: an empty list with no array gets one of n
 * slots rounded up to even (allocated); the size stays.  0 or -1. */
int list_preallocate_exact(Sim *S, Obj l, int64_t n);

/* _list_clear: size 0, no array; the items released last to first, then
 * the array freed. */
void list_clear_items(Sim *S, Obj l);

void list_dealloc(Sim *S, Obj o);
void list_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_LIST_H */
