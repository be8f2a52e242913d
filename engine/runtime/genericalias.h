/*
 * runtime/genericalias.h -- types.GenericAlias, what `list[int]` makes
 * (Objects/genericaliasobject.c).
 *
 * Subscripting a class is PyObject_GetItem's type branch: `type` itself
 * makes an alias at once; any other class looks up __class_getitem__ --
 * in 3.11 a METH_O|METH_CLASS method of list, dict, tuple, set,
 * frozenset, enumerate, weakref.ReferenceType (and WeakValueDictionary's
 * classmethod(GenericAlias)), inherited by their subclasses -- which binds
 * a builtin method to the class (a GC object, freed after the call) and
 * calls Py_GenericAlias.  Other classes are "not subscriptable"; a class
 * statement's own __class_getitem__ is refused when the class is made.
 *
 * The alias (iters.h has its layout) keeps origin and its args tuple;
 * __parameters__ is computed the first time it is read (_Py_make_parameters)
 * and cached.  Attributes other than its own are the origin's
 * (ga_getattro), calling it calls the origin and then tries to set
 * __orig_class__ on the result, == compares origin and args, hash is
 * hash(origin) ^ hash(args), and isinstance/issubclass refuse it through
 * its __instancecheck__/__subclasscheck__.  Conventions as runtime.h.
 */
#ifndef ENGINE_RUNTIME_GENERICALIAS_H
#define ENGINE_RUNTIME_GENERICALIAS_H

#include "objects/object.h"
#include "runtime/cfunc.h"

/* The bound hooks: __class_getitem__ (self a class), __instancecheck__
 * and __subclasscheck__ (self an alias). */
extern const CFuncDef cf_genericalias_hooks[];

/* PyObject_GetItem of a class `type`: an alias, or TypeError "type 'X'
 * is not subscriptable".  New reference. */
Obj ga_class_subscript(Sim *S, Obj type, Obj key);
/* alias[key]: ga_getitem; without type variables, "X is not a generic
 * class".  New reference. */
Obj ga_subscript(Sim *S, Obj ga, Obj key);
/* ga_getattro: new reference, or 0 with AttributeError (the origin's). */
Obj ga_getattr(Sim *S, Obj ga, Obj name);
/* ga_richcompare for two aliases and == or !=: a bool, new reference. */
Obj ga_richcompare(Sim *S, Obj a, Obj b, int op);
/* ga_call: the origin called, then __orig_class__ set on the result when
 * it can be.  New reference. */
Obj ga_call(Sim *S, Obj ga, const Obj *args, int64_t nargs, Obj kwnames);
/* isinstance(o, alias) / issubclass(c, alias): the alias's bound
 * __instancecheck__ / __subclasscheck__, which always raise TypeError.
 * -1. */
int ga_refuse_check(Sim *S, Obj ga, Obj o, int subclass);

#endif /* ENGINE_RUNTIME_GENERICALIAS_H */
