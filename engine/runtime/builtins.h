/*
 * runtime/builtins.h -- the builtins module, the constructors of the
 * built-in types and the tables registry.c numbers.  Each constructor is
 * TYPE(*args, **kw) with the CFunc argument convention (cfunc.h), the
 * type itself passed first; new reference or 0 with an exception.
 */
#ifndef ENGINE_RUNTIME_BUILTINS_H
#define ENGINE_RUNTIME_BUILTINS_H

#include "runtime/cfunc.h"

extern const CFuncDef cf_builtins_num[];  /* builtins_num.c: abs, divmod, min, max, sum ... */
extern const CFuncDef cf_gen_methods[];   /* call.c: send, close */
extern const CFuncDef cf_exc_methods[];   /* builtins.c: with_traceback */
extern const CFuncDef cf_textio_methods[]; /* builtins.c: sys.stdout/stderr's write, flush */
extern const CFuncDef cf_type_hooks[];    /* builtins.c: type.__prepare__, object.__init_subclass__ */
extern const CFuncDef cf_sizeof_hook[];   /* modules.c: the __sizeof__ sys.getsizeof calls */
extern const CFuncDef cf_length_hint_hook[]; /* list_methods.c: a built-in iterator's __length_hint__ */
extern const CFuncDef cf_format_hook[];   /* format.c: the built-in types' __format__ */
extern const CFuncDef cf_range_methods[]; /* reversed.c: __reversed__ */

#define CNEW(name) Obj name(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
CNEW(cf_new_str);
CNEW(cf_new_int);
CNEW(cf_new_float);
CNEW(cf_new_bool);
CNEW(cf_new_list);
CNEW(cf_new_tuple);
CNEW(cf_new_dict);
CNEW(cf_new_set);
CNEW(cf_new_frozenset);
CNEW(cf_new_object);
CNEW(cf_new_type);
CNEW(cf_new_range);
CNEW(cf_new_enumerate);
CNEW(cf_new_zip);
CNEW(cf_new_reversed);
CNEW(cf_new_weakref);
CNEW(cf_new_super);
CNEW(cf_new_map);
CNEW(cf_new_filter);
#undef CNEW

/* reversed.c: next() of a reversed object (new reference, 0 at the end,
 * when it lets go of its sequence) and its __length_hint__ (-1 with an
 * exception). */
Obj reversed_next(Sim *S, Obj ro);
int64_t reversed_len(Sim *S, Obj ro);

/* map's and filter's next item: new reference, 0 at the end. */
Obj mapfilter_next(Sim *S, Obj m);
/* sys.stdout (1) / sys.stderr (2): borrowed (static objects). */
Obj builtins_stdio(Sim *S, int stream);

/* super().name (borrowed arguments, new reference). */
Obj super_getattr(Sim *S, Obj s, Obj name);

/* Makes the builtins module (its functions, types and exception classes
 * in its dict).  New reference. */
Obj builtins_module_new(Sim *S);
/* A simulated module (sys, gc, weakref) by name: new reference, or 0
 * without an exception when there is no such module. */
Obj builtins_make_module(Sim *S, const char *name);
/* Is `name` one of the modules refscope simulates? */
int builtins_is_module(const char *name);

#endif /* ENGINE_RUNTIME_BUILTINS_H */
