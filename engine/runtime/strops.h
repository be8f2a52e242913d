/*
 * runtime/strops.h -- str operations for the VM's operators (BINARY_OP,
 * BINARY_SUBSCR, COMPARE_OP, CONTAINS_OP, GET_ITER/FOR_ITER, str()), and
 * the host-side text builder that repr.c, format.c and str_methods.c
 * share.
 *
 * Allocation fidelity: every result str is allocated once, at its final
 * length and narrowest kind, as CPython's PyUnicode_New gives it; ''
 * is the static S->empty_str and one-character Latin-1 results are the
 * S->latin1[] singletons (unicode_char / get_latin1_char); where CPython
 * returns an operand itself (s + '', s * 1, s[:]) so do these.  Text is
 * built in host memory first (CPython builds it in a _PyUnicodeWriter,
 * whose over-allocated intermediate buffers are not simulated).
 *
 * Conventions: arguments are borrowed; Obj results are new references
 * (HOLD_TEMP) or 0 with S->exc set.
 */
#ifndef ENGINE_RUNTIME_STROPS_H
#define ENGINE_RUNTIME_STROPS_H

#include <stdarg.h>

#include "objects/object.h"

/* ---- the text builder (host memory only) ---- */

typedef struct StrBuf {
    uint32_t *p;         /* code points */
    size_t n, cap;
    uint32_t maxchar;    /* the largest code point so far */
    int oom;             /* a host allocation failed: finish reports MemoryError */
} StrBuf;

void sb_init(StrBuf *b);
void sb_free(StrBuf *b);
void sb_putc(StrBuf *b, uint32_t c);
void sb_putn(StrBuf *b, uint32_t c, size_t count);   /* c, count times */
void sb_puts(StrBuf *b, const char *utf8);
void sb_putmem(StrBuf *b, const char *utf8, size_t n);
void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The characters of str s[start:end]. */
void sb_str(StrBuf *b, const Sim *S, Obj s);
void sb_substr(StrBuf *b, const Sim *S, Obj s, int64_t start, int64_t end);
/* The buffer as a str: new reference ('' and one Latin-1 character are
 * the singletons); the buffer is freed either way. */
Obj sb_finish(Sim *S, StrBuf *b);

/* ---- str construction ---- */

/* A str of n code points: new reference (singletons for 0 and 1). */
Obj str_from_cps(Sim *S, const uint32_t *cps, int64_t n);
/* PyUnicode_Substring: s[start:end] (0 <= start <= end <= len); s itself
 * for the whole of an exact str, singletons for 0 and 1 characters.  New
 * reference. */
Obj strop_substr(Sim *S, Obj s, int64_t start, int64_t end);
/* unicode_char: the Latin-1 singleton, or a new one-character str. */
Obj strop_char(Sim *S, uint32_t c);

/* ---- the operators ---- */

Obj strop_concat(Sim *S, Obj a, Obj b);             /* a + b, both str */
Obj strop_repeat(Sim *S, Obj s, int64_t n);          /* s * n */
/* s[i] or s[slice]: IndexError "string index out of range", TypeError
 * "string indices must be integers, not 'X'". */
Obj strop_subscript(Sim *S, Obj s, Obj key);
int strop_compare(const Sim *S, Obj a, Obj b);       /* <0, 0, >0 by code points */
/* sub in s: 1/0, -1 with TypeError "'in <string>' requires string as
 * left operand, not X". */
int strop_contains(Sim *S, Obj s, Obj sub);
/* fmt % args (printf-style formatting). */
Obj strop_mod(Sim *S, Obj fmt, Obj args);
/* iter(s): a str_ascii_iterator or str_iterator (GC-tracked). */
Obj strop_iter(Sim *S, Obj s);
/* The next character, or 0 without an exception when exhausted (the
 * iterator then drops its str, as CPython's does). */
Obj strop_iter_next(Sim *S, Obj it);
/* str() / str(object) / str(object=...); bytes decoding is not
 * supported (TypeError naming it). */
Obj cf_new_str(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);

/* ---- searching, shared with str_methods.c ---- */

/* The first (dir > 0) or last (dir < 0) index of sub in s[start:end],
 * or -1.  Indices already adjusted to 0..len. */
int64_t strop_find(const Sim *S, Obj s, Obj sub, int64_t start, int64_t end, int dir);
/* Non-overlapping occurrences of sub in s[start:end], at most max (max
 * < 0: no limit). */
int64_t strop_count(const Sim *S, Obj s, Obj sub, int64_t start, int64_t end, int64_t max);

/* ---- classes ---- */

/* The value under str key `name` in dict d (borrowed), or 0; no heap
 * traffic (CPython looks such names up as static identifiers). */
Obj strop_dict_get_cstr(const Sim *S, Obj d, const char *name);
/* 1 when a class statement in type(o)'s MRO, before any built-in type,
 * defines `name` in its own __dict__: the user's method decides then
 * (called through rt_call_special); 0 when a built-in type's slot does. */
int strop_user_defines(const Sim *S, Obj o, const char *name);

/* ---- numbers as text, on the host (format.c, strop_mod) ---- */

/* The magnitude of int (or bool) o in base 2, 8, 10 or 16 (lower-case
 * digits), no sign, into a malloc'd NUL-terminated buffer; *neg gets the
 * sign.  NULL when the host is out of memory. */
char *strop_int_digits(const Sim *S, Obj o, int base, int *neg);

/* PyOS_double_to_string: v as text of `type` 'e' 'E' 'f' 'F' 'g' 'G' or
 * 'r' (repr: shortest round-trip, precision ignored) with `prec` digits;
 * a leading '-' for negative values (never for NaN); "inf"/"nan" ("INF"
 * /"NAN" for the upper-case types).  flags: FMT_ALT ('#': keep the point
 * and, for 'g', the trailing zeros), FMT_ADD_DOT_0 (an integral result
 * without exponent gets ".0"; 'g' then switches to exponents one digit
 * earlier, as format()'s no-type case does).  A malloc'd string, NULL
 * when the host is out of memory. */
#define FMT_ALT 1u
#define FMT_ADD_DOT_0 2u
char *strop_format_double(double v, char type, int prec, unsigned flags);

#endif /* ENGINE_RUNTIME_STROPS_H */
