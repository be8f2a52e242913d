/*
 * runtime/weakvaluedict.h -- weakref.WeakValueDictionary.
 *
 * CPython's is a Python class (Lib/weakref.py) whose entries are KeyedRef
 * weak references with a removal callback.  Here it is a small built-in
 * type holding a dict of key -> weakref and, like the class's _remove,
 * one callback given to every entry's weakref: bound to a weak reference
 * to the mapping (so the entries don't keep it alive), it deletes the
 * entry when its value dies -- at the moment of death, or in the
 * collector's handle_weakrefs, which counts the weakref it frees.  What
 * the Python class allocates besides (the function's defaults tuple, the
 * pending-removals list, the iteration-guard set, KeyedRef's key slot) is
 * not modelled.  Conventions as runtime.h.
 */
#ifndef ENGINE_RUNTIME_WEAKVALUEDICT_H
#define ENGINE_RUNTIME_WEAKVALUEDICT_H

#include "objects/object.h"
#include "runtime/cfunc.h"

Obj cf_new_weakvaluedict(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
Obj wvd_getitem(Sim *S, Obj w, Obj key);               /* KeyError */
int wvd_setitem(Sim *S, Obj w, Obj key, Obj value);    /* value 0: del */
int wvd_contains(Sim *S, Obj w, Obj key);
int64_t wvd_len(Sim *S, Obj w);
Obj wvd_iter(Sim *S, Obj w);                           /* over the live keys */
extern const CFuncDef cf_weakvaluedict_methods[];
/* The entries' callback, bound to a weak reference to the mapping (not a
 * method: its self is that weakref, as weakref.py's remove closes over
 * selfref). */
extern const CFuncDef cf_weakvaluedict_remove[];

/* weakref.finalize(obj, func, *args, **kwargs): func(*args, **kwargs) runs
 * once, when obj dies or when the finalizer is called; until then the
 * registry (S->vm.finalizers) keeps the finalizer alive. */
Obj cf_new_finalize(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
int finalize_alive(const Sim *S, Obj f);
/* Runs it (once; later calls return None): func's result, new reference. */
Obj finalize_call(Sim *S, Obj f);

#endif /* ENGINE_RUNTIME_WEAKVALUEDICT_H */
