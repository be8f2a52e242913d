/*
 * objects/func.h -- the callable objects of CPython 3.11: functions
 * (PyFunctionObject, 136 bytes + GC head), cells (24 + 16), bound methods
 * (48 + 16, no free list in 3.11), builtin functions (56 + 16) and code
 * objects (184 bytes + 2 per code unit, not GC).
 *
 * Each is a set of reference fields; dealloc releases them in CPython's
 * order (func_clear, then code/name/qualname), referents visit them in
 * tp_traverse's order.
 */
#ifndef ENGINE_OBJECTS_FUNC_H
#define ENGINE_OBJECTS_FUNC_H

#include "objects/object.h"

/* PyFunctionObject fields (COMMON_FIELDS first, as in 3.11). */
#define FUNC_GLOBALS_OFF     16
#define FUNC_BUILTINS_OFF    24
#define FUNC_NAME_OFF        32
#define FUNC_QUALNAME_OFF    40
#define FUNC_CODE_OFF        48
#define FUNC_DEFAULTS_OFF    56
#define FUNC_KWDEFAULTS_OFF  64
#define FUNC_CLOSURE_OFF     72
#define FUNC_DOC_OFF         80
#define FUNC_DICT_OFF        88
#define FUNC_WEAKREFS_OFF    96
#define FUNC_MODULE_OFF      104
#define FUNC_ANNOTATIONS_OFF 112
#define FUNC_VERSION_OFF     128

#define CELL_REF_OFF 16
#define METHOD_FUNC_OFF 16
#define METHOD_SELF_OFF 24
#define BUILTIN_INDEX_OFF 16   /* which C function (m_ml), an index */
#define BUILTIN_SELF_OFF  24
#define BUILTIN_MODULE_OFF 32

/* Where CPython's builtin's m_ml->ml_meth, a host code address, would be
 * (meth_hash hashes it; under ASLR it differs from run to run, so any
 * fixed address per C function is as good): a made-up one past the
 * simulated regions, 16 bytes per function. */
#define BUILTIN_CODE_BASE UINT64_C(0x7f1000000000)
static inline SimAddr builtin_code_address(const Sim *S, Obj b)
{
    return BUILTIN_CODE_BASE + 16 * (uint64_t)ob_get32(S, b, BUILTIN_INDEX_OFF);
}

/* Code object fields (our order inside CPython's 184 bytes). */
#define CO_CONSTS_OFF        24
#define CO_NAMES_OFF         32
#define CO_EXCEPTIONTABLE_OFF 40
#define CO_FLAGS_OFF         48   /* uint32 */
#define CO_ARGCOUNT_OFF      52
#define CO_POSONLY_OFF       56
#define CO_KWONLY_OFF        60
#define CO_STACKSIZE_OFF     64
#define CO_FIRSTLINENO_OFF   68
#define CO_NLOCALSPLUS_OFF   72
#define CO_NLOCALS_OFF       76
#define CO_NCELLVARS_OFF     80
#define CO_NFREEVARS_OFF     84
#define CO_LOCALSPLUSNAMES_OFF 88
#define CO_LOCALSPLUSKINDS_OFF 96
#define CO_FILENAME_OFF      104
#define CO_NAME_OFF          112
#define CO_QUALNAME_OFF      120
#define CO_LINETABLE_OFF     128
#define CO_CODE_OFF          184  /* code units, 2 bytes each */

/* co_flags bits (the same definitions as compiler/cfg.h's). */
#define CO_OPTIMIZED   0x0001
#define CO_NEWLOCALS   0x0002
#define CO_VARARGS     0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED      0x0010
#define CO_GENERATOR   0x0020

/* co_localspluskinds: one byte per name of co_localsplusnames. */
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL  0x40
#define CO_FAST_FREE  0x80

/* A cell holding `content` (borrowed; 0 for an empty cell).  New ref. */
Obj cell_new(Sim *S, Obj content);
/* Borrowed reference, 0 when empty. */
static inline Obj cell_get(const Sim *S, Obj c) { return ob_get64(S, c, CELL_REF_OFF); }
/* cell.cell_contents = v (borrowed; 0 empties it). */
void cell_set(Sim *S, Obj c, Obj v);

/* A code object with `nunits` code units (zeroed) and every reference
 * field empty; the compiler fills it.  New reference. */
Obj code_new(Sim *S, int64_t nunits);

/* PyFunction_NewWithQualName: code, globals, builtins, qualname and
 * module are borrowed (0 allowed for qualname: the code's is used);
 * name and doc come from the code.  New reference. */
Obj func_new(Sim *S, Obj code, Obj globals, Obj builtins, Obj qualname, Obj module);

/* A bound method (func and self borrowed).  New reference. */
Obj method_new(Sim *S, Obj func, Obj self);

/* A builtin function object for C function `index`, bound to `self`
 * (borrowed, may be 0), in `module` (borrowed, may be 0).  New ref. */
Obj builtin_new(Sim *S, uint32_t index, Obj self, Obj module);

void cell_dealloc(Sim *S, Obj o);
void cell_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void func_clear(Sim *S, Obj f);
void func_dealloc(Sim *S, Obj o);
void func_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void method_dealloc(Sim *S, Obj o);
void method_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void code_dealloc(Sim *S, Obj o);
void code_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void builtin_dealloc(Sim *S, Obj o);
void builtin_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_FUNC_H */
