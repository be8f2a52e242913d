/*
 * runtime/vmops.h -- the parts of instructions that are object protocol
 * rather than stack work: what ceval.c calls for MAKE_FUNCTION,
 * LOAD_METHOD, unpacking, raising, importing, f-string joins.  Each is
 * the CPython function named in its comment.  Conventions as runtime.h.
 */
#ifndef ENGINE_RUNTIME_VMOPS_H
#define ENGINE_RUNTIME_VMOPS_H

#include "objects/object.h"

/* PyFunction_New(code, globals).  New reference. */
Obj vmops_make_function(Sim *S, Obj code, Obj globals);

/* _PyObject_GetMethod: 1 with *meth = the unbound function (the caller
 * passes self), 0 with *meth = the attribute, or 0 with *meth = 0 and an
 * exception.  *meth is a new reference. */
int vmops_get_method(Sim *S, Obj obj, Obj name, Obj *meth);
/* The same for LOAD_METHOD with the instruction's cache entry (attr.c). */
int vmops_get_method_cached(Sim *S, struct AttrCache *e, Obj obj, Obj name, Obj *meth);

/* UNPACK_SEQUENCE (after = -1) / UNPACK_EX: items[0..] in order, new
 * references.  0 or -1 with CPython's ValueError/TypeError. */
int vmops_unpack(Sim *S, Obj seq, int before, int after, Obj *items);

/* LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE (func: the callee,
 * for DICT_MERGE's messages). */
int vmops_extend(Sim *S, int opcode, Obj target, Obj iterable, Obj func);

/* CALL_FUNCTION_EX: func(*callargs, **kwargs). New reference. */
Obj vmops_call_ex(Sim *S, Obj func, Obj callargs, Obj kwargs);

/* _PyUnicode_JoinArray(''): BUILD_STRING.  New reference. */
Obj vmops_join_strings(Sim *S, const Obj *items, int64_t n);

/* Exceptions. */
int vmops_is_exception_class(const Sim *S, Obj o);
int vmops_is_exception(const Sim *S, Obj o);
void vmops_type_name(const Sim *S, Obj o, char *buf, size_t cap, int is_type);
void vmops_set_cause(Sim *S, Obj exc, Obj cause);   /* steals cause (may be 0) */
/* _PyErr_SetObject: exc (TEMP, stolen) becomes pending, its __context__
 * the exception being handled. */
void vmops_raise(Sim *S, Obj exc);
/* _PyErr_Restore for RERAISE: exc (TEMP, stolen) pending as it is. */
void vmops_restore(Sim *S, Obj exc);
/* PyErr_GivenExceptionMatches with check_except_type_valid: 1/0/-1. */
int vmops_exc_match(Sim *S, Obj exc, Obj type);
/* The pending exception becomes `id` with args () -- KeyboardInterrupt. */
void vmops_set_noargs(Sim *S, ExcId id);
/* NameError.name (3.10+): remembered for "Did you mean" suggestions. */
void vmops_set_name(Sim *S, Obj name);

/* builtins[name]: borrowed, 0 with NameError. */
Obj vmops_builtin(Sim *S, const char *name);
/* IMPORT_FROM for the simulated modules (IMPORT_NAME: importlib.h).  New
 * reference. */
Obj vmops_import_from(Sim *S, Obj module, Obj name);
/* import_all_from: `from module import *` into the namespace dict. */
int vmops_import_star(Sim *S, Obj locals, Obj module);

#endif /* ENGINE_RUNTIME_VMOPS_H */
