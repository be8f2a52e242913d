/*
 * objects/int.h -- int objects: CPython 3.11's PyLongObject, all of it.
 *
 * Layout: header (ob_refcnt, ob_type), ob_size at 16 = the number of
 * 30-bit digits, negative for negative numbers (0 for zero), digits at 24
 * as uint32 (least significant first).  bool is an int subtype: True and
 * False are static, one digit each (False has ob_size 0).
 *
 * Invariants:
 *   - every int a function here returns is normalized (its top digit is
 *     not 0), and a value in -5..256 is always the static singleton
 *     (999,999,999 references, 32 bytes apart), on every path;
 *   - every object and every temporary is requested from pymalloc with
 *     the size CPython 3.11 requests, and temporaries are released in
 *     CPython's order, so the heap after an int operation is the heap
 *     CPython leaves:
 *       _PyLong_New(n)       24 + 4*max(1, n) bytes (int(str), results
 *                            of big arithmetic, temporaries);
 *       _PyLong_FromMedium   32 bytes = sizeof(PyLongObject), for a
 *                            one-digit value made by an arithmetic fast
 *                            path or PyLong_FromLong (int_from_i64);
 *   - sys.getsizeof(i) is 24 + 4*max(1, |ob_size|) (int_sizeof), which
 *     is not the request size: 2**40 + 1 asks for 36 bytes (x_add keeps
 *     a carry digit) but reports 32.
 *
 * Errors are CPython's exceptions and messages.  Binary operations take
 * int or bool operands (CPython's PyLong_Check); anything else is the
 * TypeError CPython gives once no operand handles the operator (callers
 * dispatch int/float mixes to float first).  All Obj results are new
 * references; 0 means an exception is set.
 */
#ifndef ENGINE_OBJECTS_INT_H
#define ENGINE_OBJECTS_INT_H

#include "objects/object.h"

#define INT_DIGITS_OFF 24
#define INT_SHIFT 30
#define INT_MASK ((uint32_t)((1u << INT_SHIFT) - 1))
#define SMALL_INT_MIN (-5)
#define SMALL_INT_MAX 256
#define SMALL_INT_STRIDE 32
/* sys.get_int_max_str_digits() at start-up (CPython 3.11.7's default). */
#define INT_MAX_STR_DIGITS 4300

static inline Obj int_small(const Sim *S, int64_t v)
{
    return S->small_ints + (uint64_t)(v - SMALL_INT_MIN) * SMALL_INT_STRIDE;
}

/* Creates the small-int singletons, True and False (sim.c calls it). */
int int_init_statics(Sim *S);

/* ---- conversions ---- */

/* PyLong_FromLongLong: the singleton, a 32-byte medium int, or
 * _PyLong_New(ndigits). */
Obj int_from_i64(Sim *S, int64_t v);

/* int(s) for text s[0:n] (UTF-8) in base 10, as int('...') and a decimal
 * literal need: surrounding whitespace, one sign, single underscores
 * between digits, and Unicode decimal digits and spaces (a non-ASCII
 * text first becomes a temporary ASCII str, as in CPython).  Bad text is
 * ValueError "invalid literal for int() with base 10: '...'"; more than
 * INT_MAX_STR_DIGITS digits is CPython's limit ValueError. */
Obj int_from_str(Sim *S, const char *s, size_t n);
/* The same with sys.set_int_max_str_digits(max_digits); 0 = no limit. */
Obj int_from_str_limit(Sim *S, const char *s, size_t n, int64_t max_digits);

/* PyLong_FromDouble (int(f)): truncates; OverflowError for infinities,
 * ValueError for NaN. */
Obj int_from_double(Sim *S, double d);

/* PyLong_AsDouble (float(i)), correctly rounded: 0 or -1 with
 * OverflowError "int too large to convert to float" or TypeError. */
int int_as_double(Sim *S, Obj o, double *out);

/* The value as int64 (PyLong_AsLongLong); -1 with OverflowError "Python
 * int too large to convert to C long", or TypeError for a non-int. */
int int_as_i64(Sim *S, Obj o, int64_t *out);

/* repr(o) / str(o): a fresh ASCII str (never a cached one-character
 * string), built as long_to_decimal_string does: a scratch int of
 * 1 + n + n/99 digits, then the str, then the scratch is freed.  More
 * than INT_MAX_STR_DIGITS decimal digits is CPython's ValueError. */
Obj int_repr(Sim *S, Obj o);
Obj int_repr_limit(Sim *S, Obj o, int64_t max_digits);   /* 0 = no limit */

/* The decimal text of o into buf (NUL-terminated, truncated to cap), on
 * the host only: no heap traffic, no limit (for displays).  Returns the
 * full length. */
size_t int_to_decimal(const Sim *S, Obj o, char *buf, size_t cap);

/* ---- arithmetic (long_add, long_sub, ... with their fast paths) ---- */

Obj int_add(Sim *S, Obj a, Obj b);
Obj int_sub(Sim *S, Obj a, Obj b);
/* a*b; a*a with the same object squares (CPython's a == b paths). */
Obj int_mul(Sim *S, Obj a, Obj b);
/* //, % and divmod() with Python's sign rules (the remainder takes the
 * divisor's sign).  ZeroDivisionError: "integer division or modulo by
 * zero" for // and divmod, "integer modulo by zero" for %. */
Obj int_floordiv(Sim *S, Obj a, Obj b);
Obj int_mod(Sim *S, Obj a, Obj b);
Obj int_divmod(Sim *S, Obj a, Obj b);      /* a 2-tuple (q, r) */
/* a / b: a correctly rounded float; "division by zero", OverflowError
 * "integer division result too large for a float". */
Obj int_truediv(Sim *S, Obj a, Obj b);
/* a ** b (pow with no modulus).  b >= 0: an int (binary or 5-bit window
 * exponentiation as CPython); b < 0: a float, as float ** float.
 * MemoryError at once when the result cannot fit the heap limit. */
Obj int_pow(Sim *S, Obj a, Obj b);

Obj int_neg(Sim *S, Obj a);
Obj int_pos(Sim *S, Obj a);     /* an exact int returns itself */
Obj int_abs(Sim *S, Obj a);     /* a non-negative exact int returns itself */
Obj int_invert(Sim *S, Obj a);  /* ~a == -(a+1) */

/* << and >> (ValueError "negative shift count"); &, |, ^ on two's
 * complement semantics; bool & bool (| ^) is a bool, as bool's slots. */
Obj int_lshift(Sim *S, Obj a, Obj b);
Obj int_rshift(Sim *S, Obj a, Obj b);
Obj int_and(Sim *S, Obj a, Obj b);
Obj int_or(Sim *S, Obj a, Obj b);
Obj int_xor(Sim *S, Obj a, Obj b);

/* ---- inspection (no heap traffic) ---- */

int int_compare(const Sim *S, Obj a, Obj b);   /* -1, 0, 1 */
int64_t int_hash(const Sim *S, Obj o);         /* modulo 2**61-1, as CPython */
int int_bool(const Sim *S, Obj o);             /* o != 0 */
uint64_t int_sizeof(const Sim *S, Obj o);      /* sys.getsizeof */

void int_dealloc(Sim *S, Obj o);

#endif /* ENGINE_OBJECTS_INT_H */
