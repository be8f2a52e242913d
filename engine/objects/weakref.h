/*
 * objects/weakref.h -- weak references (PyWeakReference: 64 bytes + GC).
 *
 * A weakref does not own its referent: wr_object is no holder.  Every
 * weakref to an object is on a doubly linked list whose head is a word in
 * the object (tp_weaklistoffset: __weakref__ in instances, func_weakreflist
 * in functions).  A plain ref without callback is shared (weakref.ref(o)
 * twice gives the same object) and stays at the head; refs with callbacks
 * go right after it, newest first.  When the referent dies, its dealloc
 * clears them all first (PyObject_ClearWeakRefs): each weakref then points
 * to None and its callback is called, in list order.
 */
#ifndef ENGINE_OBJECTS_WEAKREF_H
#define ENGINE_OBJECTS_WEAKREF_H

#include "objects/object.h"

#define WR_OBJECT_OFF 16
#define WR_CALLBACK_OFF 24
#define WR_HASH_OFF 32
#define WR_PREV_OFF 40
#define WR_NEXT_OFF 48

/* weakref.ref(obj, callback): callback borrowed, 0 for none.  New
 * reference; TypeError "cannot create weak reference to 'int' object". */
Obj weakref_new(Sim *S, Obj obj, Obj callback);

/* wr(): the referent (borrowed), or None once it has died. */
Obj weakref_get(const Sim *S, Obj wr);

/* weakref.getweakrefcount(obj). */
int64_t weakref_count(const Sim *S, Obj obj);

/* PyObject_ClearWeakRefs: deallocs call it first when the object has any. */
void weakref_clear_all(Sim *S, Obj obj);
/* _PyWeakref_ClearRef: wr no longer refers to anything (it points at
 * None, off its referent's list); its callback stays. */
void weakref_clear_ref(Sim *S, Obj wr);

/* The offset of obj's weakref list head, or 0 when it cannot have one. */
uint32_t weakref_list_offset(const Sim *S, Obj obj);

void weakref_dealloc(Sim *S, Obj o);
void weakref_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_WEAKREF_H */
