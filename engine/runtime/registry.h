/*
 * runtime/registry.h -- the engine's C functions, numbered.
 *
 * The tables of cfunc.h are concatenated in a fixed order; a function's
 * number is its position.  A builtin function object stores the number;
 * methods of the built-in types are found by (type, name).  Method
 * descriptors (list.append as an object) are static objects made the
 * first time a program touches them.
 */
#ifndef ENGINE_RUNTIME_REGISTRY_H
#define ENGINE_RUNTIME_REGISTRY_H

#include "runtime/cfunc.h"

/* The function numbered `index`, or NULL. */
const CFuncDef *cf_get(uint32_t index);
/* The number of `name` in the method table of built-in type `t` (its
 * bases' tables included: bool finds int's), or -1. */
int64_t cf_method_index(Sim *S, TypeId t, Obj name);
/* cf_get through a per-interpreter table: what calls use. */
const CFuncDef *cf_fn(Sim *S, uint32_t index);
/* The number of a function in a module table, or -1. */
int64_t cf_index_of(const CFuncDef *table, const char *name);
/* The method descriptor for method number `index` of type t: borrowed
 * (a static object), 0 with MemoryError. */
Obj cf_descriptor(Sim *S, TypeId t, int64_t index);

/* The constructor of a built-in type: TYPE(*args) -- NULL when the type
 * cannot be called. */
typedef Obj (*CNew)(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
CNew cf_constructor(TypeId t);

#endif /* ENGINE_RUNTIME_REGISTRY_H */
