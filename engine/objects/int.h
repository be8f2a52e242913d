/*
 * objects/int.h -- int objects: CPython 3.11's PyLongObject.
 *
 * Layout: header (ob_refcnt, ob_type), ob_size at 16 = the number of
 * 30-bit digits, negative for negative numbers (0 for zero), digits at 24
 * as uint32 (least significant first).  Request size 24 + 4*max(1, n):
 * an int literal or int(str) of one digit asks for 28 bytes (class 32);
 * getsizeof is 24 + 4*|ob_size| (28 for zero).  Values -5..256 are
 * static singletons (999,999,999 references), 32 bytes apart, returned
 * for every int-producing path.  bool is an int subtype: True and False
 * are static, one digit each.
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

static inline Obj int_small(const Sim *S, int64_t v)
{
    return S->small_ints + (uint64_t)(v - SMALL_INT_MIN) * SMALL_INT_STRIDE;
}

/* Creates the small-int singletons, True and False (sim.c calls it). */
int int_init_statics(Sim *S);

/* New reference (a small int is the singleton, incref'd). */
Obj int_from_i64(Sim *S, int64_t v);

/* int(s) for a decimal literal with optional sign and underscores, as
 * the compiler and int() give it; ValueError for bad text. */
Obj int_from_str(Sim *S, const char *s, size_t n);

/* The value as int64; OverflowError ("Python int too large to convert to
 * C long") when it does not fit; TypeError when o is not an int. */
int int_as_i64(Sim *S, Obj o, int64_t *out);

Obj int_add(Sim *S, Obj a, Obj b);   /* new references; CPython's request */
Obj int_sub(Sim *S, Obj a, Obj b);   /* sizes (x_add: size_a+1 digits, */
Obj int_mul(Sim *S, Obj a, Obj b);   /* k_mul: size_a+size_b digits) */
Obj int_neg(Sim *S, Obj a);
int int_compare(const Sim *S, Obj a, Obj b);   /* -1, 0, 1 */
int64_t int_hash(const Sim *S, Obj o);         /* modulo 2**61-1, as CPython */

/* repr(o) (decimal) as a new str reference. */
Obj int_repr(Sim *S, Obj o);

void int_dealloc(Sim *S, Obj o);

#endif /* ENGINE_OBJECTS_INT_H */
