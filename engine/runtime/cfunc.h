/*
 * runtime/cfunc.h -- the engine's C functions: builtins, the methods of the
 * built-in types and the functions of the simulated modules.
 *
 * Every one has the same signature (CPython's METH_FASTCALL|METH_KEYWORDS):
 *
 *     Obj fn(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
 *
 *   self     for a method, the object it is called on; for a module
 *            function, the module (as CPython's m_self); borrowed.
 *   args     nargs positional arguments, then one value per name in
 *            kwnames (a tuple of str, or 0 when there are none); borrowed:
 *            they stay on the caller's value stack during the call, which
 *            is why sys.getrefcount(x) sees the +1 of its argument.
 *   returns  a new reference (HOLD_TEMP), or 0 with S->exc set.
 *
 * Functions are listed in per-module tables ended by {NULL, NULL}; the
 * registry (registry.c) numbers them once, in table order, so that a
 * builtin function object stores only its index (BUILTIN_INDEX_OFF) and
 * the numbering is the same in every run.
 *
 * Error messages are CPython 3.11.7's, word for word: check each against
 * python3 before relying on it.
 */
#ifndef ENGINE_RUNTIME_CFUNC_H
#define ENGINE_RUNTIME_CFUNC_H

#include "objects/object.h"

typedef Obj (*CFunc)(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames);

typedef struct CFuncDef {
    const char *name;
    CFunc fn;
} CFuncDef;

/* ---- the tables (each file owns its own) ---- */
extern const CFuncDef cf_builtins[];        /* builtins.c: print, len, ... */
extern const CFuncDef cf_object_methods[];  /* methods every object has */
extern const CFuncDef cf_str_methods[];     /* str_methods.c */
extern const CFuncDef cf_list_methods[];    /* list_methods.c */
extern const CFuncDef cf_tuple_methods[];   /* list_methods.c */
extern const CFuncDef cf_dict_methods[];    /* dict_methods.c */
extern const CFuncDef cf_dictkeys_methods[]; /* dict_methods.c: the views' __reversed__ */
extern const CFuncDef cf_dictvalues_methods[];
extern const CFuncDef cf_dictitems_methods[];
extern const CFuncDef cf_set_methods[];     /* set_methods.c */
extern const CFuncDef cf_frozenset_methods[];
extern const CFuncDef cf_int_methods[];     /* num_methods.c */
extern const CFuncDef cf_float_methods[];
extern const CFuncDef cf_sys_functions[];   /* mod_sys.c */
extern const CFuncDef cf_gc_functions[];    /* mod_gc.c */
extern const CFuncDef cf_weakref_functions[]; /* mod_weakref.c */

/* ---- argument checks, with CPython's messages; 0 or -1 with TypeError ---- */

/* "NAME() takes no keyword arguments" when kwnames is non-empty. */
int cf_no_kwargs(Sim *S, const char *name, Obj kwnames);
/* METH_NOARGS: "NAME() takes no arguments (N given)". */
int cf_noargs(Sim *S, const char *name, int64_t nargs, Obj kwnames);
/* METH_O: "NAME() takes exactly one argument (N given)". */
int cf_one_arg(Sim *S, const char *name, int64_t nargs, Obj kwnames);
/* Argument Clinic's _PyArg_CheckPositional, keywords refused:
 * "NAME expected at least 1 argument, got 0", "NAME expected at most 2
 * arguments, got 3", "NAME expected 2 arguments, got 1". */
int cf_positional(Sim *S, const char *name, int64_t nargs, Obj kwnames, int64_t min, int64_t max);

/* The value of keyword `kw` among a call's keywords (borrowed), or 0. */
Obj cf_kwarg(Sim *S, const Obj *args, int64_t nargs, Obj kwnames, const char *kw);

/* The METH_VARARGS calling convention, as CPython's adapters apply it
 * (method_vectorcall_VARARGS[_KEYWORDS] for methods, _PyObject_MakeTpCall
 * for PyCFunctions without vectorcall and for types without it, such as
 * str and zip): the positional arguments packed into a new tuple (the ()
 * singleton for none; otherwise a GC allocation unless the tuple free
 * list serves it) and, with keywords, a new dict of them (_PyStack_AsDict)
 * -- both made before the C function runs, interpreter roots while it
 * runs (it may run Python code), released after it, tuple first.
 *
 * cf_call_varargs calls fn(S, self, args, nargs, kwnames) between the two.
 * Called by f(*t) without keywords (CALL_FUNCTION_EX, PyObject_Call), it
 * packs nothing: the C function gets t itself.
 * no_kw_name: METH_VARARGS without METH_KEYWORDS -- keywords are refused
 * ("NAME() takes no keyword arguments", _PyArg_NoKwnames) before anything
 * is packed; 0 for METH_VARARGS|METH_KEYWORDS and type calls.  Returns
 * fn's result (a new reference), or 0 with S->exc set. */
Obj cf_call_varargs(Sim *S, CFunc fn, Obj self, const Obj *args, int64_t nargs, Obj kwnames,
                    const char *no_kw_name);

/* The packing itself, for callers with their own tp_call (a class's
 * type_call): *argtuple and *kwdict (0 without keywords) become new
 * references, pushed as interpreter roots in that order; 0, or -1 with
 * an exception (nothing left made or pushed).  cf_unpack releases them:
 * popped, then the tuple and the dict decref'd, tuple first. */
int cf_pack(Sim *S, const Obj *args, int64_t nargs, Obj kwnames, Obj *argtuple, Obj *kwdict);
void cf_unpack(Sim *S, Obj argtuple, Obj kwdict);

/* The _PyArg_Parser of an Argument Clinic function makes its keyword
 * tuple (a GC allocation, +1 to gc.get_count()[0]) the first time it
 * parses keywords -- print: its first call -- and keeps it for good.
 * Slots in S->vm.kwtuples, one per parser: */
enum {
    KWT_PRINT,        /* print(*args, sep, end, file, flush) */
    KWT_LIST_SORT,    /* list.sort(*, key, reverse); sorted passes its keywords on */
    KWT_STR_SPLIT,    /* str.split(sep, maxsplit) */
    KWT_INT,          /* int(x, base) */
    KWT_ROUND,        /* round(number, ndigits) */
    KWT_STR_ENCODE,   /* str.encode(encoding, errors) */
    KWT_STR_SPLITLINES, /* str.splitlines(keepends) */
    KWT_SUM,          /* sum(iterable, start) */
    KWT_STR_RSPLIT,   /* str.rsplit(sep, maxsplit) */
    KWT_COUNT
};
/* parser_init: makes slot's keyword tuple from the NULL-terminated names
 * once.  0, or -1 with MemoryError. */
int cf_parser_init(Sim *S, int slot, const char *const *keywords);

#endif /* ENGINE_RUNTIME_CFUNC_H */
