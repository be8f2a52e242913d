/*
 * objects/str.h -- str objects with CPython 3.11's compact layouts.
 *
 * ASCII strings are PyASCIIObject (48 bytes) + data + NUL: 49+L bytes.
 * Others are PyCompactUnicodeObject (72 bytes) + (L+1)*kind, where kind is
 * 1 (Latin-1), 2 (UCS-2) or 4 (UCS-4), the narrowest that holds every
 * character.  '' and the 256 one-character Latin-1 strings are static.
 * Hashes are SipHash-1-3 with the zero key (PYTHONHASHSEED=0) over the
 * kind-width data.
 */
#ifndef ENGINE_OBJECTS_STR_H
#define ENGINE_OBJECTS_STR_H

#include "objects/object.h"

#define STR_LENGTH_OFF 16
#define STR_HASH_OFF   24
#define STR_STATE_OFF  32   /* interned:2 kind:3 compact:1 ascii:1 ready:1 */
#define STR_ASCII_DATA 48
#define STR_COMPACT_DATA 72

#define STR_NOT_INTERNED 0
#define STR_INTERNED_MORTAL 1

/* New reference from UTF-8 (invalid bytes are a ValueError).  One
 * character of U+0000..U+00FF and '' return the static singletons. */
Obj str_from_utf8(Sim *S, const char *s, size_t n);
Obj str_from_cstr(Sim *S, const char *s);

/* A fresh string of `len` characters whose largest is `maxchar`, its data
 * zeroed: new reference (for building strings in place). */
Obj str_new(Sim *S, uint32_t maxchar, int64_t len);

int64_t str_len(const Sim *S, Obj s);
unsigned str_kind(const Sim *S, Obj s);        /* 1, 2 or 4 */
int str_is_ascii(const Sim *S, Obj s);
void *str_data(const Sim *S, Obj s);           /* host pointer to the characters */
uint32_t str_char(const Sim *S, Obj s, int64_t i);
void str_set_char(Sim *S, Obj s, int64_t i, uint32_t c);
int64_t str_hash(Sim *S, Obj s);
int str_eq(const Sim *S, Obj a, Obj b);
/* s is the ASCII text t (compared on the host: nothing allocated). */
int str_equals_ascii(const Sim *S, Obj s, const char *t);

/* UTF-8 of s into buf (NUL-terminated, truncated to cap); returns the
 * full length. */
size_t str_to_utf8(const Sim *S, Obj s, char *buf, size_t cap);

/* sys.intern: *ps becomes the interned copy (the reference the caller
 * held moves to it).  Interned strings are mortal; the table's own
 * references are not counted (CPython 3.11 subtracts them). */
void str_intern(Sim *S, Obj *ps);
int str_is_interned(const Sim *S, Obj s);

/* Static singletons and the hash function, for sim_new and tests. */
int str_init_statics(Sim *S);
/* A _Py_ID identifier: an interned ASCII str, static (never freed), made
 * at first use.  Borrowed reference; 0 with MemoryError. */
Obj str_static_id(Sim *S, const char *s);
uint64_t str_siphash13(uint64_t k0, uint64_t k1, const void *src, size_t len);

void str_dealloc(Sim *S, Obj o);

#endif /* ENGINE_OBJECTS_STR_H */
