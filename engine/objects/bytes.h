/*
 * objects/bytes.h -- bytes: PyBytesObject, a 24-byte var header, the
 * cached hash (ob_shash) and the bytes with a NUL: 33 + L bytes asked of
 * pymalloc and reported by getsizeof, no rounding.  b'' and the 256
 * one-byte values are static singletons.  Not GC.
 */
#ifndef ENGINE_OBJECTS_BYTES_H
#define ENGINE_OBJECTS_BYTES_H

#include "objects/object.h"

#define BYTES_HASH_OFF 24
#define BYTES_DATA_OFF 32
#define BYTES_HEADER 33      /* PyBytesObject_SIZE: offsetof(ob_sval) + 1 */

/* PyBytes_FromStringAndSize: new reference (a singleton for 0 bytes, and
 * for 1 given byte).  data 0: a fresh object of len zero bytes, to fill. */
Obj bytes_from(Sim *S, const void *data, int64_t len);

static inline int64_t bytes_len(const Sim *S, Obj b) { return ob_size(S, b); }
static inline unsigned char *bytes_data(const Sim *S, Obj b)
{
    return (unsigned char *)ob_ptr(S, b) + BYTES_DATA_OFF;
}

int64_t bytes_hash(Sim *S, Obj b);

/* bytes_concat: b itself when a is empty, a itself when b is, else a new
 * object.  New reference. */
Obj bytes_concat(Sim *S, Obj a, Obj b);
/* bytes_repeat (a count below 0 counts as 0): a itself when the length
 * stays, else a new object, even of length 0 (not the b'' singleton).
 * New reference. */
Obj bytes_repeat(Sim *S, Obj a, int64_t n);
int bytes_eq(const Sim *S, Obj a, Obj b);

int bytes_init_statics(Sim *S);

#endif /* ENGINE_OBJECTS_BYTES_H */
