/*
 * runtime/numops.h -- the numeric tower of CPython 3.11 over int, bool
 * and float: the operators (longobject.c / floatobject.c / boolobject.c
 * number slots), int(), float(), bool(), the methods of int and float and
 * the numeric builtins (bltinmodule.c: abs, divmod, pow, round, hex, oct,
 * bin, chr, ord, sum, min, max).
 *
 * Every Obj result is a new reference held by HOLD_TEMP; 0 means failure.
 * The operators distinguish two failures, as CPython's slots do with
 * NotImplemented:
 *   - 0 WITHOUT an exception: an operand is not an int, bool or float (or
 *     the operator does not apply to floats: << >> & | ^ @); the caller
 *     tries the other types and raises the TypeError itself;
 *   - 0 WITH S->exc set: the exception CPython raises (ZeroDivisionError,
 *     OverflowError, ValueError ...), with CPython 3.11.7's message.
 * Results reuse the small-int singletons and the float free list, and
 * request from pymalloc the sizes CPython requests.
 */
#ifndef ENGINE_RUNTIME_NUMOPS_H
#define ENGINE_RUNTIME_NUMOPS_H

#include "runtime/cfunc.h"

/* BINARY_OP's oparg 0..25 (13..25, the in-place forms, act as 0..12 on
 * numbers).  New reference, or 0 (see above). */
Obj numop_binop(Sim *S, Obj a, Obj b, int op);

/* COMPARE_OP (CMP_LT..CMP_GE of runtime.h) on two numbers: True or False
 * (new reference), exact for any int against any float.  0 without an
 * exception when either operand is not a number. */
Obj numop_richcompare(Sim *S, Obj a, Obj b, int op);

/* UNARY_POSITIVE (10), UNARY_NEGATIVE (11), UNARY_INVERT (15): new
 * reference; 0 without an exception for a non-number or ~float. */
Obj numop_unary(Sim *S, Obj a, int opcode);

/* nb_bool: 1/0 for an int, bool or float; -1 (no exception) otherwise. */
int numop_truth(const Sim *S, Obj a);

/* The constructors, called as type(*args, **kwargs) (type: the type
 * object called, borrowed).  New reference or 0 with an exception. */
Obj cf_new_int(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
Obj cf_new_float(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
Obj cf_new_bool(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);

/* abs, divmod, pow, round, hex, oct, bin, chr, ord, sum, min, max. */
extern const CFuncDef cf_builtins_num[];

/* ---- shared by num_ops.c, num_methods.c and builtins_num.c ---- */

/* An int or a bool (PyLong_Check on the built-in types). */
int num_is_int(const Sim *S, Obj o);
int num_is_float(const Sim *S, Obj o);

/* CONVERT_TO_DOUBLE: a float's value or an int's (OverflowError "int too
 * large to convert to float"); 0 or -1 with the exception. */
int num_as_double(Sim *S, Obj o, double *out);

/* divmod(a, b) for two numbers, one at least a float (float_divmod): a
 * 2-tuple, new reference; ZeroDivisionError "float divmod()". */
Obj num_float_divmod(Sim *S, double a, double b);

/* float.__round__(ndigits) with ndigits given (double_round and its
 * limits): a new float. */
Obj num_float_round(Sim *S, double x, int64_t ndigits);

/* repr() of a str or bytes object into buf (CPython's quoting and escapes;
 * printability approximated beyond Latin-1), cut after `maxchars`
 * characters as %.200R does. */
size_t num_repr_text(const Sim *S, Obj o, char *buf, size_t cap, int64_t maxchars);

/* _PyArg_UnpackKeywords (Argument Clinic) for `fname`: parameters
 * names[0..maxargs) (the first `posonly` positional-only), `minpos`
 * required, at most `maxpos` positional; out[i] the argument (borrowed)
 * or 0.  Off Clinic's fast path (keywords, or a positional count out of
 * range) the parser makes its keyword tuple first (parser_init): slot
 * `kwt` of cfunc.h's KWT_*, or -1 when CPython's start-up has already
 * made that parser's.  0, or -1 with CPython's TypeError. */
int num_parse_args(Sim *S, const char *fname, const Obj *args, int64_t nargs, Obj kwnames,
                   const char *const *names, int posonly, int minpos, int maxpos, int maxargs,
                   Obj *out, int kwt);

/* _PyObject_MakeTpCall's packing for tp_call / METH_VARARGS callees: a
 * tuple of the positional arguments and, with keywords, a dict (0 when
 * none); both new references, released by num_tpcall_release. */
int num_tpcall_pack(Sim *S, const Obj *args, int64_t nargs, Obj kwnames, Obj *targs, Obj *tkw);
void num_tpcall_release(Sim *S, Obj targs, Obj tkw);

/* PyNumber_Index: a new reference to an int (__index__ for instances);
 * TypeError "'T' object cannot be interpreted as an integer". */
Obj num_index(Sim *S, Obj o);
/* PyNumber_AsSsize_t(o, NULL): clipped to int64 on overflow. */
int num_as_ssize_clipped(Sim *S, Obj o, int64_t *out);

/* int.__round__ / float.__round__ (ndigits 0 = not given): new reference. */
Obj num_int_round(Sim *S, Obj self, Obj ndigits);
Obj num_float_round_method(Sim *S, Obj self, Obj ndigits);

#endif /* ENGINE_RUNTIME_NUMOPS_H */
