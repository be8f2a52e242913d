/*
 * objects/typeobj.h -- classes (heap types) and their instances.
 *
 * A class statement's type is a 904-byte PyHeapTypeObject plus 40 bytes
 * per __slots__ member and one more (PyType_GenericAlloc's sentinel), a
 * GC object in raw malloc.  It holds its name, qualname, bases, base,
 * __mro__ (which holds the class itself), its __dict__ (with getset
 * descriptors for __dict__ and __weakref__, or member descriptors for
 * __slots__, each holding the class), and -- for classes whose instances
 * have a managed dict -- the shared keys of its instances (a 64-slot
 * keys block, 768 bytes, holding the attribute names).
 *
 * Instances of a plain class are 24 bytes (header + __weakref__) behind a
 * 32-byte pre-header ([values*][dict*][GC head]): 56 in all, a 64-byte
 * block.  Their attributes live in a values array allocated with them,
 * prefix + 8*(nentries + usable) bytes, where every new instance first
 * takes one from the keys' usable count (30 to start): 264, 256, 248, ...
 * down to a steady 32 bytes.  Instances of __slots__ classes are
 * 16 + 8*slots bytes with the GC head and no dict.
 */
#ifndef ENGINE_OBJECTS_TYPEOBJ_H
#define ENGINE_OBJECTS_TYPEOBJ_H

#include "objects/object.h"

#define DESCR_TYPE_OFF 16
#define DESCR_NAME_OFF 24
#define DESCR_QUALNAME_OFF 32
#define DESCR_WHICH_OFF 40     /* getset: 0 __dict__, 1 __weakref__; member: slot offset */

/* type(name, bases, ns): name a str, bases a tuple of at most one class
 * (empty: object), ns a dict (copied).  Borrowed arguments; new ref.
 * TypeError for what the subset does not have (multiple bases). */
Obj type_new(Sim *S, Obj name, Obj bases, Obj ns);

/* object.__new__(type) plus the inline values: a new instance. */
Obj instance_new(Sim *S, Obj type);

/* setattr(o, name, value) (value 0: delattr).  name is a str, interned
 * here as CPython does.  0, or -1 with AttributeError. */
int instance_setattr(Sim *S, Obj o, Obj name, Obj value);

/* getattr(o, name) for instance attributes and slots: borrowed, or 0 with
 * AttributeError. */
Obj instance_getattr(Sim *S, Obj o, Obj name);

/* The same without the AttributeError: borrowed or 0 (an exception only
 * when a dict lookup failed).  A set slot, or the instance's own
 * attribute; class attributes are not looked at. */
Obj instance_lookup(Sim *S, Obj o, Obj name);

/* obj.__dict__: the instance's dict, made from its inline values the first
 * time (the dict then owns them, sharing the class's keys).  Borrowed;
 * 0 with AttributeError when instances of the class have no __dict__. */
Obj instance_dict(Sim *S, Obj o);

/* For the VM's attribute caches (runtime/attr.c), instances of a class
 * with a managed dict (TPF_MANAGED_DICT, not checked here): the inline
 * values array, 0 when a dict has taken them over or there are none... */
static inline SimAddr instance_values_word(const Sim *S, Obj o) { return ob_get64(S, o - 32, 0); }
/* ... and the instance's dict, 0 while it has none. */
static inline Obj instance_dict_word(const Sim *S, Obj o) { return ob_get64(S, o - 24, 0); }
/* The offset of __slots__ member `name` in instances of `type`, or 0. */
uint32_t instance_slot_offset(Sim *S, Obj type, Obj name);
/* instance_setattr(o, name, value) once it is known that `name` is an
 * interned str, not a slot, o has inline values `values` and no dict, and
 * the class's shared keys hold `name` at entry ix: the same steps. */
void instance_store_known(Sim *S, Obj o, SimAddr values, int64_t ix, Obj name, Obj value);

/* A TypeError when `name` is a special method refscope does not call
 * (__getattr__, __setattr__, __get__, __new__, ...): -1 then, else 0.
 * type_new refuses classes defining one; class attribute stores too. */
int type_refuse_hook(Sim *S, const char *name);

/* type.__sizeof__(type): sizeof(PyHeapTypeObject) + its cached keys. */
uint64_t type_sizeof(const Sim *S, Obj type);

/* The size of an instance's values array (0 if it has none). */
uint64_t instance_values_size(const Sim *S, Obj o);

/* subtype_dealloc's start for any class's instance: __del__, weakrefs,
 * __slots__ members; 1 when __del__ resurrected it (stop there). */
int subtype_dealloc_head(Sim *S, Obj o);
void subtype_clear_slots(Sim *S, Obj o);
/* The collector's tp_finalize and tp_clear for instances of classes. */
void instance_finalize(Sim *S, Obj o);
void instance_clear(Sim *S, Obj o);
/* subtype_dealloc's next step: the managed dict released, or the inline
 * values (each attribute, then the array). */
void subtype_dealloc_dict(Sim *S, Obj o);
/* subtype_traverse's start: the __slots__ members, with their holders. */
void subtype_visit_slots(Sim *S, Obj o, RefVisit visit, void *ud);
/* subtype_traverse's rest before the base's traverse: the managed dict
 * or the inline values, then the class. */
void subtype_visit_dict_and_type(Sim *S, Obj o, RefVisit visit, void *ud);

void type_dealloc(Sim *S, Obj o);
void type_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void instance_dealloc(Sim *S, Obj o);
void instance_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void descr_dealloc(Sim *S, Obj o);
void descr_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_TYPEOBJ_H */
