/*
 * runtime/runtime.h -- the object protocols of CPython's abstract layer
 * (Objects/abstract.c, object.c, typeobject.c's slot wrappers) over the
 * built-in types and user classes.  Where a class defines a special
 * method (__repr__, __eq__, __len__, __iter__, ...) the protocol calls it
 * through the VM, as a real frame.
 *
 * Conventions (as everywhere in the engine): arguments are borrowed; a
 * function returning Obj returns a new reference held by HOLD_TEMP, or 0
 * with S->exc set; an int result is 0/1 (or a count), -1 with S->exc set.
 */
#ifndef ENGINE_RUNTIME_RUNTIME_H
#define ENGINE_RUNTIME_RUNTIME_H

#include "objects/object.h"

struct CFuncDef;

/* Rich comparison operators: COMPARE_OP's oparg. */
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

/* Whether `op` holds for a three-way result c (<0, 0, >0). */
static inline int cmp_holds(int c, int op)
{
    switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

/* ---- text (repr.c, format.c) ---- */
Obj rt_repr(Sim *S, Obj o);                 /* repr(o): a str */
Obj rt_repr_builtin(Sim *S, Obj o);         /* the built-in base's tp_repr, a subclass's __repr__ skipped */
Obj rt_str(Sim *S, Obj o);                  /* str(o): a str (o itself for an exact str) */
Obj rt_format(Sim *S, Obj o, Obj spec);     /* format(o, spec); spec a str or 0 */
/* The built-in types' __format__ itself, for exact str, int, float (what
 * str.format's render_field calls without looking __format__ up). */
Obj rt_format_builtin(Sim *S, Obj o, Obj spec);
Obj rt_ascii(Sim *S, Obj o);

/* ---- calls (call.c) ---- */
/* callable(*args, **dict(zip(kwnames, args[nargs:]))). */
Obj rt_call(Sim *S, Obj callable, const Obj *args, int64_t nargs, Obj kwnames);
/* table's method `name` bound to self and called, as C code calls what
 * _PyObject_LookupSpecial (or PyObject_GetAttr) finds on a built-in type: a
 * builtin method object made for the call and released after it.  New
 * reference, or 0 with an exception. */
Obj rt_call_bound(Sim *S, const struct CFuncDef *table, const char *name, Obj self, const Obj *args,
                  int64_t nargs, Obj kwnames);
/* type_call for a class given the argument tuple and keyword dict
 * themselves (borrowed; kwdict may be 0), as PyObject_Call passes them:
 * the new instance (new reference), or 0 with an exception. */
Obj rt_class_call_tp(Sim *S, Obj type, Obj argtuple, Obj kwdict);
/* type(o).NAME(o, *args) looked up on the type (a special method):
 * 0 with no exception when the type has no such method. */
Obj rt_call_special(Sim *S, Obj o, const char *name, const Obj *args, int64_t nargs, int *found);

/* ---- attributes (attr.c) ---- */
Obj rt_getattr(Sim *S, Obj o, Obj name);            /* o.name */
Obj rt_getattr_cstr(Sim *S, Obj o, const char *name);
/* CPython 3.11 has owner.name: owner a built-in type's name ("str"), an
 * exception class's, or "module sys" (scripts/gen-cpython-attrs). */
int rt_cpython_has_attr(const char *owner, const char *name);
/* Calls each(ud, name) for every name CPython 3.11 has on owner (dir()). */
void rt_cpython_attrs_of(const char *owner, void (*each)(void *ud, const char *name), void *ud);
int rt_setattr(Sim *S, Obj o, Obj name, Obj value); /* value 0: del o.name */
/* rt_getattr and rt_setattr (value not 0) for LOAD_ATTR and STORE_ATTR,
 * with the instruction's cache entry (attr.c): the same answers and
 * steps, without the lookups while the entry holds. */
Obj rt_getattr_cached(Sim *S, struct AttrCache *e, Obj o, Obj name);
int rt_setattr_cached(Sim *S, struct AttrCache *e, Obj o, Obj name, Obj value);
int rt_hasattr(Sim *S, Obj o, Obj name);            /* 1/0, -1 on other errors */
/* _PyObject_LookupAttr: 1 with *result (new reference), 0 when missing
 * (no exception; no AttributeError object made where CPython makes none),
 * -1 with another exception. */
int rt_lookup_attr(Sim *S, Obj o, Obj name, Obj *result);
/* _PyType_Lookup: name in the class's MRO dicts; borrowed or 0 (no
 * exception). */
Obj rt_type_lookup(Sim *S, Obj type, Obj name);
Obj rt_type_lookup_cstr(Sim *S, Obj type, const char *name);

/* ---- operators (ops.c) ---- */
Obj rt_binop(Sim *S, Obj a, Obj b, int op);         /* BINARY_OP's oparg 0..25 */
Obj rt_unary(Sim *S, Obj a, int opcode);            /* UNARY_* opcode */
Obj rt_richcompare(Sim *S, Obj a, Obj b, int op);   /* CMP_* */
int rt_compare_bool(Sim *S, Obj a, Obj b, int op);  /* PyObject_RichCompareBool */
int rt_truth(Sim *S, Obj o);                        /* PyObject_IsTrue */
/* o is an instance of a class (a heap type), whose special methods the
 * number protocols look up: __index__, __int__, __float__, __round__... */
static inline int rt_is_class_instance(const Sim *S, Obj o) { return (tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE) != 0; }
int64_t rt_hash(Sim *S, Obj o);                     /* -1 with an exception */
int64_t rt_len(Sim *S, Obj o);                      /* -1 with an exception */
int rt_isinstance(Sim *S, Obj o, Obj cls);          /* cls a type or a tuple */
int rt_issubtype(const Sim *S, Obj sub, Obj type);  /* type's MRO walk */

/* ---- containers and iteration (ops.c) ---- */
Obj rt_getitem(Sim *S, Obj o, Obj key);
/* A subscript's index, as _PyIndex_Check and PyNumber_AsSsize_t take it:
 * 1 with *out (an int, or a class instance's __index__), 0 when key is
 * no index (no exception), -1 with an exception -- IndexError(overflow)
 * for a value past int64. */
int rt_subscript_index(Sim *S, Obj key, int64_t *out, const char *overflow);
int rt_setitem(Sim *S, Obj o, Obj key, Obj value);  /* value 0: del o[key] */
int rt_contains(Sim *S, Obj container, Obj item);
Obj rt_iter(Sim *S, Obj o);
/* PyIter_Check: o's type has tp_iternext (a class: __next__). */
int rt_is_iterator(Sim *S, Obj o);
/* A class's __hash__ (its __eq__ without one makes it unhashable): the
 * hash, or -1 with an exception; *handled 0 when the class defines
 * neither.  S->hash_hook. */
int64_t rt_class_hash(Sim *S, Obj o, int *handled);

/* next(it): a new reference; 0 without an exception when exhausted. */
Obj rt_next(Sim *S, Obj it);
/* The same; when a generator ends by returning a value other than None,
 * *stop_value (initially 0) gets it (a new reference): the value of
 * the StopIteration CPython leaves unnormalized -- made into an
 * exception object only by whoever lets it escape (the builtin next). */
Obj rt_next_or_stop(Sim *S, Obj it, Obj *stop_value);
/* list(iterable): a new list. */
Obj rt_list_from(Sim *S, Obj iterable);
Obj rt_tuple_from(Sim *S, Obj iterable);

/* ---- output (the VM's callbacks) ---- */
void rt_write(Sim *S, int stream, const char *text, size_t len); /* 1 stdout, 2 stderr */
int rt_write_str(Sim *S, int stream, Obj s);

#endif /* ENGINE_RUNTIME_RUNTIME_H */
