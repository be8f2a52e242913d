/*
 * runtime/weakvaluedict.h -- weakref.WeakValueDictionary.
 *
 * CPython's is a Python class (Lib/weakref.py) whose entries are KeyedRef
 * weak references with a removal callback.  Here it is a small built-in
 * type holding one dict of key -> weakref; an entry whose referent has
 * died is dropped the next time the mapping is used (CPython drops it in
 * the callback, at the moment of death), so what a program sees -- len,
 * `in`, [] and get -- is the same, while the dead weakref lingers a little
 * longer in the heap.  Conventions as runtime.h.
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

/* weakref.finalize(obj, func, *args, **kwargs): func(*args, **kwargs) runs
 * once, when obj dies or when the finalizer is called; until then the
 * registry (S->vm.finalizers) keeps the finalizer alive. */
Obj cf_new_finalize(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
int finalize_alive(const Sim *S, Obj f);
/* Runs it (once; later calls return None): func's result, new reference. */
Obj finalize_call(Sim *S, Obj f);

#endif /* ENGINE_RUNTIME_WEAKVALUEDICT_H */
