/*
 * objects/abstract.h -- operations on any object: hash, equality, names.
 * (CPython's Objects/abstract.c and object.c, for the built-in types.)
 */
#ifndef ENGINE_OBJECTS_ABSTRACT_H
#define ENGINE_OBJECTS_ABSTRACT_H

#include "objects/object.h"

/* PyObject_Hash: -1 with TypeError for unhashable types; an instance of
 * a class defining __hash__ or __eq__ asks the VM (S->hash_hook). */
int64_t ob_hash(Sim *S, Obj o);

/* _Py_HashPointer: the default hash, from the address. */
int64_t ob_hash_pointer(Obj o);

/* PyObject_RichCompareBool(a, b, Py_EQ): 1, 0, or -1 with an exception
 * set; the built-in types here, class instances through the VM
 * (S->eq_hook), which may run their __eq__. */
int ob_eq(Sim *S, Obj a, Obj b);

/* sys.getsizeof(o): type(o).__sizeof__(o) plus the pre-header (GC head,
 * managed dict), for every type the engine has. */
uint64_t ob_getsizeof(const Sim *S, Obj o);

/* The type's name ("int", "list", a class's __name__) in a host buffer. */
const char *ob_type_name(const Sim *S, Obj o, char *buf, size_t cap);
/* The same for a type object. */
const char *tp_name(const Sim *S, Obj type, char *buf, size_t cap);

#endif /* ENGINE_OBJECTS_ABSTRACT_H */
