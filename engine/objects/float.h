/*
 * objects/float.h -- float objects: 24 bytes (a 32-byte block), with
 * CPython 3.11's free list of up to 100 dead floats linked through
 * ob_type.  repr is the shortest string that reads back the same value.
 */
#ifndef ENGINE_OBJECTS_FLOAT_H
#define ENGINE_OBJECTS_FLOAT_H

#include "objects/object.h"

#define FLOAT_VALUE_OFF 16

Obj float_from_double(Sim *S, double v);   /* new reference */

static inline double float_value(const Sim *S, Obj o)
{
    double d;
    memcpy(&d, (const char *)ob_ptr(S, o) + FLOAT_VALUE_OFF, sizeof d);
    return d;
}

int64_t float_hash(double v);              /* _Py_HashDouble (no NaN identity) */

/* repr(): "1.5", "1e+16", "inf", "nan"; returns the length. */
int float_repr_buf(double v, char *buf, size_t cap);

void float_dealloc(Sim *S, Obj o);

#endif /* ENGINE_OBJECTS_FLOAT_H */
