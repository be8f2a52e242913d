/* num_methods.c -- int(), float(), bool() and the methods of int and
 * float (see numops.h), with Argument Clinic's argument errors.
 *
 * int() in 3.11 has no vectorcall: the call goes through
 * _PyObject_MakeTpCall, which packs the arguments into a tuple (and a
 * dict for keywords) for tp_call; we make and release them the same way
 * so the heap sees CPython's requests.  float() and bool() are
 * vectorcalls and allocate nothing but their result.
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"

static Obj retain(Sim *S, Obj o)
{
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

static void release(Sim *S, Obj o) { ob_decref(S, o, HOLD_TEMP); }
static void xrelease(Sim *S, Obj o) { ob_xdecref(S, o, HOLD_TEMP); }

static const char *tname(const Sim *S, Obj o, char *buf, size_t cap) { return ob_type_name(S, o, buf, cap); }

static int64_t nkw(const Sim *S, Obj kwnames) { return kwnames ? ob_size(S, kwnames) : 0; }

static int kw_is(const Sim *S, Obj k, const char *name)
{
    char buf[64];
    size_t n = strlen(name);
    if (!ob_is(S, k, TI_STR) || (size_t)str_len(S, k) != n || n >= sizeof buf) return 0;
    str_to_utf8(S, k, buf, sizeof buf);
    return strcmp(buf, name) == 0;
}

/* ---- argument parsing (getargs.c's _PyArg_UnpackKeywords) ---- */

int num_parse_args(Sim *S, const char *fname, const Obj *args, int64_t nargs, Obj kwnames,
                   const char *const *names, int posonly, int minpos, int maxpos, int maxargs,
                   Obj *out, int kwt)
{
    int64_t nkwargs = nkw(S, kwnames);
    for (int i = 0; i < maxargs; i++) out[i] = 0;
    /* Clinic's fast path: positional arguments only, in range */
    if (nkwargs == 0 && nargs >= minpos && nargs <= maxpos) {
        for (int64_t i = 0; i < nargs; i++) out[i] = args[i];
        return 0;
    }
    if (kwt >= 0) {
        /* parser_init: the keyword tuple holds the names after the
         * positional-only ones */
        const char *kw[8];
        int n = 0;
        for (int i = posonly; i < maxargs && n < 7; i++) kw[n++] = names[i];
        kw[n] = NULL;
        if (cf_parser_init(S, kwt, kw) < 0) return -1;
    }
    if (nargs + nkwargs > maxargs) {
        /* "keyword " when nargs == 0 avoids a wrong message (bpo-31229) */
        exc_set(S, EXC_TypeError, "%s() takes at most %d %sargument%s (%lld given)", fname, maxargs,
                nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", (long long)(nargs + nkwargs));
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0) exc_set(S, EXC_TypeError, "%s() takes no positional arguments", fname);
        else
            exc_set(S, EXC_TypeError, "%s() takes %s %d positional argument%s (%lld given)", fname,
                    minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s",
                    (long long)nargs);
        return -1;
    }
    int minposonly = posonly < minpos ? posonly : minpos;
    if (nargs < minposonly) {
        exc_set(S, EXC_TypeError, "%s() takes %s %d positional argument%s (%lld given)", fname,
                minposonly < maxpos ? "at least" : "exactly", minposonly,
                minposonly == 1 ? "" : "s", (long long)nargs);
        return -1;
    }
    for (int64_t i = 0; i < nargs; i++) out[i] = args[i];
    for (int i = (int)nargs > posonly ? (int)nargs : posonly; i < maxargs; i++) {
        Obj cur = 0;
        if (nkwargs) {
            for (int64_t k = 0; k < nkw(S, kwnames); k++)
                if (kw_is(S, tuple_item(S, kwnames, k), names[i])) {
                    cur = args[nargs + k];
                    break;
                }
        } else if (i >= minpos) {
            break;
        }
        out[i] = cur;
        if (cur) {
            nkwargs--;
        } else if (i < minpos) {
            exc_set(S, EXC_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return -1;
        }
    }
    if (nkwargs > 0) {
        /* an argument given by name and position? */
        for (int i = posonly; i < nargs; i++)
            for (int64_t k = 0; k < nkw(S, kwnames); k++)
                if (kw_is(S, tuple_item(S, kwnames, k), names[i])) {
                    exc_set(S, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                            fname, names[i], i + 1);
                    return -1;
                }
        /* the first keyword that is no parameter's name */
        for (int64_t k = 0; k < nkw(S, kwnames); k++) {
            Obj key = tuple_item(S, kwnames, k);
            int known = 0;
            for (int i = posonly; i < maxargs && !known; i++) known = kw_is(S, key, names[i]);
            if (!known) {
                char kb[200];
                str_to_utf8(S, key, kb, sizeof kb);
                exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for %s()", kb, fname);
                return -1;
            }
        }
    }
    return 0;
}

/* _PyObject_MakeTpCall's packing: the positional arguments as a tuple
 * (() costs nothing), the keywords as a presized dict (or none). */
int num_tpcall_pack(Sim *S, const Obj *args, int64_t nargs, Obj kwnames, Obj *targs, Obj *tkw)
{
    *tkw = 0;
    if (!(*targs = tuple_pack(S, nargs, args))) return -1;
    int64_t n = nkw(S, kwnames);
    if (n == 0) return 0;
    if (!(*tkw = dict_new_presized(S, n))) goto fail;
    for (int64_t k = 0; k < n; k++)
        if (dict_setitem(S, *tkw, tuple_item(S, kwnames, k), args[nargs + k]) < 0) goto fail;
    return 0;
fail:
    release(S, *targs);
    xrelease(S, *tkw);
    return -1;
}

void num_tpcall_release(Sim *S, Obj targs, Obj tkw)
{
    release(S, targs);
    xrelease(S, tkw);
}

/* ---- PyNumber_Index, PyNumber_AsSsize_t ---- */

Obj num_index(Sim *S, Obj o)
{
    char tb[80], rb[80];
    if (num_is_int(S, o)) return retain(S, o);
    int found = 0;
    Obj r = rt_is_class_instance(S, o) ? rt_call_special(S, o, "__index__", NULL, 0, &found) : 0;
    if (!found)
        return exc_set(S, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                       tname(S, o, tb, sizeof tb));
    if (!r) return 0;
    if (!num_is_int(S, r)) {
        exc_set(S, EXC_TypeError, "__index__ returned non-int (type %s)", tname(S, r, rb, sizeof rb));
        release(S, r);
        return 0;
    }
    return r;
}

/* PyNumber_AsSsize_t(o, NULL): clipped to the int64 range on overflow;
 * 0 or -1 with an exception. */
int num_as_ssize_clipped(Sim *S, Obj o, int64_t *out)
{
    Obj i = num_index(S, o);
    if (!i) return -1;
    if (int_as_i64(S, i, out) < 0) {
        exc_clear(S);
        *out = ob_size(S, i) < 0 ? INT64_MIN : INT64_MAX;
    }
    release(S, i);
    return 0;
}

/* The Unicode decimal digits: each block's zero (as int.c's table). */
static const uint32_t decimal_zeros[] = {
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6,
    0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80,
    0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
    0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

static int unicode_decimal(uint32_t c)
{
    for (size_t i = 0; i < sizeof decimal_zeros / sizeof decimal_zeros[0]; i++)
        if (c >= decimal_zeros[i] && c < decimal_zeros[i] + 10) return (int)(c - decimal_zeros[i]);
    return -1;
}

static int unicode_space(uint32_t c)
{
    return (c >= 0x9 && c <= 0xd) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
           c == 0x202f || c == 0x205f || c == 0x3000;
}

/* _PyUnicode_TransformDecimalAndSpaceToASCII for a non-ASCII str: a new
 * ASCII str (the temporary CPython makes, PyUnicode_New(len, 127)) where
 * spaces are ' ', decimal digits '0'..'9', and anything else non-ASCII
 * ends the text with '?'.  New reference; its text is NUL-terminated. */
static Obj ascii_transform(Sim *S, Obj u)
{
    int64_t n = str_len(S, u);
    Obj t = str_new(S, 127, n);
    if (!t) return 0;
    char *out = str_data(S, t);
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char(S, u, i);
        int d = c < 127 ? -1 : unicode_decimal(c);
        if (c < 127) out[i] = (char)c;
        else if (unicode_space(c)) out[i] = ' ';
        else if (d >= 0) out[i] = (char)('0' + d);
        else {
            out[i] = '?';
            ob_set64(S, t, STR_LENGTH_OFF, (uint64_t)i + 1);
            out[i + 1] = '\0';
            break;
        }
    }
    return t;
}

/* ---- text to int ---- */

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

static int py_isspace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static Obj invalid_int_literal(Sim *S, int base, Obj orig)
{
    char rep[800];
    num_repr_text(S, orig, rep, sizeof rep, 200);
    return exc_set(S, EXC_ValueError, "invalid literal for int() with base %d: %s", base, rep);
}

/* _PyLong_New(n) with its size unset, digits zeroed. */
static Obj long_new_raw(Sim *S, int64_t n)
{
    return ob_alloc_sized(S, S->types[TI_INT].type, INT_DIGITS_OFF + 4 * (uint64_t)(n ? n : 1), n);
}

static uint32_t *digits_of(const Sim *S, Obj z) { return (uint32_t *)(void *)((char *)ob_ptr(S, z) + INT_DIGITS_OFF); }

/* long_normalize then maybe_small_long. */
static Obj finish_long(Sim *S, Obj z)
{
    int64_t n = ob_size(S, z), a = n < 0 ? -n : n;
    const uint32_t *d = digits_of(S, z);
    while (a > 0 && d[a - 1] == 0) a--;
    ob_set_size(S, z, n < 0 ? -a : a);
    if (a <= 1) {
        int64_t v = a ? (n < 0 ? -(int64_t)d[0] : (int64_t)d[0]) : 0;
        if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) {
            release(S, z);
            return retain(S, int_small(S, v));
        }
    }
    return z;
}

/* PyLong_FromString(s, &end, base) over exactly n bytes (a NUL inside
 * ends the number, as the C string would), the error naming `orig`
 * (PyLong_FromUnicodeObject's / _PyLong_FromBytes's message). */
static Obj long_from_text(Sim *S, const char *s, size_t n, int base, Obj orig)
{
    int msg_base = base, sign = 1, error_if_nonzero = 0;
    const char *end = s + n, *p = s;
    while (p < end && *p && py_isspace(*p)) p++;
    if (p < end && *p == '+') p++;
    else if (p < end && *p == '-') {
        p++;
        sign = -1;
    }
#define AT(k) (p + (k) < end ? p[k] : '\0')
    if (base == 0) {
        if (AT(0) != '0') base = 10;
        else if (AT(1) == 'x' || AT(1) == 'X') base = 16;
        else if (AT(1) == 'o' || AT(1) == 'O') base = 8;
        else if (AT(1) == 'b' || AT(1) == 'B') base = 2;
        else {
            /* an old C-style octal literal: only zeros pass */
            error_if_nonzero = 1;
            base = 10;
        }
    }
    if (AT(0) == '0' && ((base == 16 && (AT(1) == 'x' || AT(1) == 'X')) ||
                         (base == 8 && (AT(1) == 'o' || AT(1) == 'O')) ||
                         (base == 2 && (AT(1) == 'b' || AT(1) == 'B')))) {
        p += 2;
        if (AT(0) == '_') p++; /* one underscore allowed after the prefix */
    }
    if (AT(0) == '_') return invalid_int_literal(S, msg_base, orig);
#undef AT
    const char *start = p, *scan = p;
    int64_t digits = 0;
    char prev = 0;
    while (scan < end && (digit_value((unsigned char)*scan) < base || *scan == '_')) {
        if (*scan == '_') {
            if (prev == '_') return invalid_int_literal(S, msg_base, orig);
        } else {
            digits++;
        }
        prev = *scan++;
    }
    if (prev == '_') return invalid_int_literal(S, msg_base, orig);
    Obj z;
    if ((base & (base - 1)) == 0) {
        /* long_from_binary_base: ceil(digits * bits / 30) digits, filled
         * from the least significant character */
        int bits = 0;
        for (int b = base; b > 1; b >>= 1) bits++;
        int64_t nd = (digits * bits + INT_SHIFT - 1) / INT_SHIFT;
        if (!(z = long_new_raw(S, nd))) return 0;
        uint32_t *pd = digits_of(S, z);
        uint64_t accum = 0;
        int in_accum = 0;
        int64_t k = 0;
        for (const char *q = scan; q > start;) {
            char c = *--q;
            if (c == '_') continue;
            accum |= (uint64_t)digit_value((unsigned char)c) << in_accum;
            in_accum += bits;
            if (in_accum >= INT_SHIFT) {
                pd[k++] = (uint32_t)(accum & INT_MASK);
                accum >>= INT_SHIFT;
                in_accum -= INT_SHIFT;
            }
        }
        if (in_accum) pd[k++] = (uint32_t)accum;
    } else {
        if (digits > 640 && digits > INT_MAX_STR_DIGITS) /* the str-digits limit */
            return exc_set(S, EXC_ValueError,
                           "Exceeds the limit (%d digits) for integer string conversion: value has "
                           "%lld digits; use sys.set_int_max_str_digits() to increase the limit",
                           INT_MAX_STR_DIGITS, (long long)digits);
        /* convwidth digits at a time in base convmultmax, in an int sized
         * for the largest value of this many digits */
        uint64_t convmax = (uint64_t)base;
        int convwidth = 1;
        while (convmax * (uint64_t)base <= (UINT64_C(1) << INT_SHIFT)) {
            convmax *= (uint64_t)base;
            convwidth++;
        }
        double fsize = (double)digits * (log((double)base) / log((double)(UINT64_C(1) << INT_SHIFT))) + 1.0;
        int64_t cap = (int64_t)fsize;
        if (!(z = long_new_raw(S, cap))) return 0;
        ob_set_size(S, z, 0);
        const char *q = start;
        while (q < scan) {
            if (*q == '_') {
                q++;
                continue;
            }
            uint64_t c = (uint64_t)digit_value((unsigned char)*q++);
            int i = 1;
            for (; i < convwidth && q != scan; ++q) {
                if (*q == '_') continue;
                i++;
                c = c * (uint64_t)base + (uint64_t)digit_value((unsigned char)*q);
            }
            uint64_t mult = convmax;
            if (i != convwidth)
                for (mult = (uint64_t)base; i > 1; --i) mult *= (uint64_t)base;
            int64_t size = ob_size(S, z);
            uint32_t *pz = digits_of(S, z);
            for (int64_t k = 0; k < size; k++) {
                c += (uint64_t)pz[k] * mult;
                pz[k] = (uint32_t)(c & INT_MASK);
                c >>= INT_SHIFT;
            }
            if (c) {
                if (size < cap) {
                    pz[size] = (uint32_t)c;
                    ob_set_size(S, z, size + 1);
                } else { /* CPython's "extremely rare" growth */
                    Obj t = long_new_raw(S, cap + 1);
                    if (!t) {
                        release(S, z);
                        return 0;
                    }
                    memcpy(digits_of(S, t), pz, 4 * (size_t)cap);
                    digits_of(S, t)[cap] = (uint32_t)c;
                    release(S, z);
                    z = t;
                    cap++;
                }
            }
        }
    }
    if (error_if_nonzero) {
        msg_base = 0;
        int64_t sz = ob_size(S, z);
        const uint32_t *pd = digits_of(S, z);
        int nonzero = 0;
        for (int64_t k = 0; k < (sz < 0 ? -sz : sz); k++) nonzero |= pd[k] != 0;
        if (nonzero) {
            release(S, z);
            return invalid_int_literal(S, msg_base, orig);
        }
    }
    const char *rest = scan;
    while (rest < end && *rest && py_isspace(*rest)) rest++;
    if (scan == start || rest != end) {
        release(S, z);
        return invalid_int_literal(S, msg_base, orig);
    }
    if (sign < 0) ob_set_size(S, z, -ob_size(S, z));
    return finish_long(S, z);
}

/* The UTF-8 of a str in a malloc'd buffer. */
static char *utf8_dup(const Sim *S, Obj s, size_t *len)
{
    size_t n = str_to_utf8(S, s, NULL, 0);
    char *buf = malloc(n + 1);
    if (buf) str_to_utf8(S, s, buf, n + 1);
    *len = n;
    return buf;
}

/* PyLong_FromUnicodeObject(u, base); a non-ASCII text goes through the
 * base-10 reader of int.c, which knows Unicode digits, or fails. */
static Obj long_from_str_obj(Sim *S, Obj u, int base)
{
    if (base != 10 && str_is_ascii(S, u)) return long_from_text(S, str_data(S, u), (size_t)str_len(S, u), base, u);
    if (base != 10) {
        Obj t = ascii_transform(S, u);
        if (!t) return 0;
        Obj r = long_from_text(S, str_data(S, t), (size_t)str_len(S, t), base, u);
        release(S, t);
        return r;
    }
    size_t n;
    char *buf = utf8_dup(S, u, &n);
    if (!buf) return exc_no_memory(S);
    Obj r = int_from_str(S, buf, n);
    free(buf);
    return r;
}

/* PyNumber_Long(o). */
static Obj number_long(Sim *S, Obj o)
{
    char tb[80];
    if (ob_is(S, o, TI_INT)) return retain(S, o);
    if (ob_is(S, o, TI_BOOL)) return int_pos(S, o); /* long_long: a copy, so 0 or 1 */
    if (num_is_float(S, o)) return int_from_double(S, float_value(S, o));
    if (ob_is(S, o, TI_STR)) return long_from_str_obj(S, o, 10);
    if (ob_is(S, o, TI_BYTES))
        return long_from_text(S, (const char *)bytes_data(S, o), (size_t)bytes_len(S, o), 10, o);
    if (rt_is_class_instance(S, o)) {
        static const char *const specials[] = {"__int__", "__index__", "__trunc__"};
        for (int k = 0; k < 3; k++) {
            int found = 0;
            Obj r = rt_call_special(S, o, specials[k], NULL, 0, &found);
            if (!found) continue;
            if (!r) return 0;
            if (k < 2 && !num_is_int(S, r)) {
                char rb[80];
                exc_set(S, EXC_TypeError, "%s returned non-int (type %s)", specials[k], tname(S, r, rb, sizeof rb));
                release(S, r);
                return 0;
            }
            if (ob_is(S, r, TI_BOOL)) { /* an int subclass becomes an exact int */
                Obj c = int_pos(S, r);
                release(S, r);
                return c;
            }
            return r;
        }
    }
    return exc_set(S, EXC_TypeError,
                   "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                   tname(S, o, tb, sizeof tb));
}

/* long_new_impl. */
static Obj long_new_impl(Sim *S, Obj x, Obj obase)
{
    if (!x) {
        if (obase) return exc_set(S, EXC_TypeError, "int() missing string argument");
        return retain(S, int_small(S, 0));
    }
    if (!obase) return number_long(S, x);
    int64_t base;
    if (num_as_ssize_clipped(S, obase, &base) < 0) return 0;
    if ((base != 0 && base < 2) || base > 36)
        return exc_set(S, EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (ob_is(S, x, TI_STR)) return long_from_str_obj(S, x, (int)base);
    if (ob_is(S, x, TI_BYTES))
        return long_from_text(S, (const char *)bytes_data(S, x), (size_t)bytes_len(S, x), (int)base, x);
    return exc_set(S, EXC_TypeError, "int() can't convert non-string with explicit base");
}

static Obj long_new(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const names[] = {"", "base"};
    (void)type;
    Obj p[2];
    if (num_parse_args(S, "int", args, nargs, kwnames, names, 1, 0, 2, 2, p, KWT_INT) < 0) return 0;
    return long_new_impl(S, p[0], p[1]);
}

/* int has no vectorcall in 3.11: _PyObject_MakeTpCall packs the arguments
 * (a tuple, a dict for keywords) before long_new parses them -- with
 * base= its parser makes its keyword tuple the first time. */
Obj cf_new_int(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    return cf_call_varargs(S, long_new, type, args, nargs, kwnames, NULL);
}

/* ---- text to float ---- */

static int ieq(const char *a, const char *b, size_t n)
{
    if (strlen(b) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != b[i]) return 0;
    return 1;
}

/* float_from_string_inner on s[0:n] (no underscores): 1 with *out when
 * the whole text (spaces stripped) is one float literal, else 0. */
static int parse_float_text(const char *s, size_t n, double *out)
{
    const char *p = s, *last = s + n;
    while (p < last && py_isspace(*p)) p++;
    while (p < last - 1 && py_isspace(last[-1])) last--;
    const char *q = p;
    int neg = 0;
    if (q < last && (*q == '+' || *q == '-')) neg = *q++ == '-';
    size_t rest = (size_t)(last - q);
    if (ieq(q, "inf", rest) || ieq(q, "infinity", rest)) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return 1;
    }
    if (ieq(q, "nan", rest)) {
        *out = neg ? -NAN : NAN;
        return 1;
    }
    /* digits [. digits] [e [sign] digits], at least one mantissa digit */
    int nd = 0;
    const char *r = q;
    while (r < last && *r >= '0' && *r <= '9') r++, nd++;
    if (r < last && *r == '.') {
        r++;
        while (r < last && *r >= '0' && *r <= '9') r++, nd++;
    }
    if (!nd) return 0;
    if (r < last && (*r == 'e' || *r == 'E')) {
        const char *e = r + 1;
        if (e < last && (*e == '+' || *e == '-')) e++;
        if (e < last && *e >= '0' && *e <= '9') {
            while (e < last && *e >= '0' && *e <= '9') e++;
            r = e;
        }
    }
    if (r != last) return 0;
    size_t len = (size_t)(last - p);
    char small[128], *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf) return 0;
    memcpy(buf, p, len);
    buf[len] = '\0';
    /* strtod: correctly rounded in the C locale; overflow gives +-inf and
     * underflow a zero, which PyOS_string_to_double(s, &end, NULL) keeps */
    *out = strtod(buf, NULL);
    if (buf != small) free(buf);
    return 1;
}

static Obj float_parse_error(Sim *S, Obj orig)
{
    char rep[800];
    num_repr_text(S, orig, rep, sizeof rep, INT64_MAX);
    return exc_set(S, EXC_ValueError, "could not convert string to float: %s", rep);
}

/* PyFloat_FromString over s[0:n], with
 * _Py_string_to_number_with_underscores's check and its PyMem_Malloc'd
 * copy (a pymalloc block of n + 1 bytes, freed at once). */
static Obj float_from_text(Sim *S, const char *s, size_t n, Obj orig)
{
    double x;
    if (!memchr(s, '_', n)) {
        if (memchr(s, '\0', n) || !parse_float_text(s, n, &x)) return float_parse_error(S, orig);
        return float_from_double(S, x);
    }
    SimAddr dupblk = pm_malloc(S->heap, n + 1);
    if (!dupblk) return exc_no_memory(S);
    char *dup = malloc(n + 1);
    size_t k = 0;
    char prev = 0;
    int ok = dup != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        char c = s[i];
        if (c == '\0') {
            ok = 0; /* no embedded NULs */
        } else if (c == '_') {
            ok = prev >= '0' && prev <= '9'; /* only after a digit */
        } else {
            dup[k++] = c;
            if (prev == '_' && !(c >= '0' && c <= '9')) ok = 0; /* and before one */
        }
        prev = c;
    }
    if (prev == '_') ok = 0;
    ok = ok && parse_float_text(dup, k, &x);
    free(dup);
    pm_free(S->heap, dupblk);
    if (!ok) return float_parse_error(S, orig);
    return float_from_double(S, x);
}

static Obj float_from_str_obj(Sim *S, Obj u)
{
    if (str_is_ascii(S, u)) return float_from_text(S, str_data(S, u), (size_t)str_len(S, u), u);
    Obj t = ascii_transform(S, u);
    if (!t) return 0;
    Obj r = float_from_text(S, str_data(S, t), (size_t)str_len(S, t), u);
    release(S, t);
    return r;
}

/* PyNumber_Float(o) (float_new_impl's dispatch included). */
static Obj number_float(Sim *S, Obj o)
{
    char tb[80];
    if (num_is_float(S, o)) return retain(S, o);
    if (num_is_int(S, o)) {
        double d;
        if (int_as_double(S, o, &d) < 0) return 0;
        return float_from_double(S, d);
    }
    if (ob_is(S, o, TI_STR)) return float_from_str_obj(S, o);
    if (ob_is(S, o, TI_BYTES)) return float_from_text(S, (const char *)bytes_data(S, o), (size_t)bytes_len(S, o), o);
    if (rt_is_class_instance(S, o)) {
        int found = 0;
        Obj r = rt_call_special(S, o, "__float__", NULL, 0, &found);
        if (found) {
            if (r && !num_is_float(S, r)) {
                char rb[80];
                exc_set(S, EXC_TypeError, "%s.__float__ returned non-float (type %s)",
                        tname(S, o, tb, sizeof tb), tname(S, r, rb, sizeof rb));
                release(S, r);
                return 0;
            }
            return r;
        }
        r = rt_call_special(S, o, "__index__", NULL, 0, &found);
        if (found) {
            if (!r) return 0;
            double d;
            int rc = num_is_int(S, r) ? int_as_double(S, r, &d) : -1;
            if (!num_is_int(S, r)) {
                char rb[80];
                exc_set(S, EXC_TypeError, "__index__ returned non-int (type %s)", tname(S, r, rb, sizeof rb));
            }
            release(S, r);
            return rc < 0 ? 0 : float_from_double(S, d);
        }
    }
    return exc_set(S, EXC_TypeError, "float() argument must be a string or a real number, not '%s'",
                   tname(S, o, tb, sizeof tb));
}

Obj cf_new_float(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "float", kwnames) < 0 || cf_positional(S, "float", nargs, 0, 0, 1) < 0) return 0;
    if (nargs == 0) return float_from_double(S, 0.0);
    return number_float(S, args[0]);
}

Obj cf_new_bool(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "bool", kwnames) < 0 || cf_positional(S, "bool", nargs, 0, 0, 1) < 0) return 0;
    int ok = 0;
    if (nargs) {
        ok = numop_truth(S, args[0]);
        if (ok < 0 && (ok = rt_truth(S, args[0])) < 0) return 0;
    }
    return retain(S, ok ? S->true_ : S->false_);
}

/* ---- int methods ---- */

static int64_t int_nbits(const Sim *S, Obj o)
{
    int64_t n = ob_size(S, o);
    if (n < 0) n = -n;
    if (!n) return 0;
    uint32_t top = digits_of(S, o)[n - 1];
    int b = 0;
    for (; top; top >>= 1) b++;
    return (n - 1) * INT_SHIFT + b;
}

/* Obj fn(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
 * for each: a new reference or 0 with an exception. */

static Obj int_bit_length(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "int.bit_length", nargs, kwnames) < 0) return 0;
    return int_from_i64(S, int_nbits(S, self));
}

static Obj int_bit_count(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "int.bit_count", nargs, kwnames) < 0) return 0;
    int64_t n = ob_size(S, self), count = 0;
    if (n < 0) n = -n;
    for (int64_t i = 0; i < n; i++) count += __builtin_popcount(digits_of(S, self)[i]);
    return int_from_i64(S, count);
}

/* long_long: an exact int is itself; a bool becomes 0 or 1. */
static Obj int_self(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, const char *name)
{
    (void)args;
    if (cf_noargs(S, name, nargs, kwnames) < 0) return 0;
    return int_pos(S, self);
}

static Obj int_conjugate(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return int_self(S, self, args, nargs, kwnames, "int.conjugate");
}

static Obj int_trunc(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return int_self(S, self, args, nargs, kwnames, "int.__trunc__");
}

static Obj int_floor(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return int_self(S, self, args, nargs, kwnames, "int.__floor__");
}

static Obj int_ceil(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return int_self(S, self, args, nargs, kwnames, "int.__ceil__");
}

static Obj int_as_integer_ratio(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "int.as_integer_ratio", nargs, kwnames) < 0) return 0;
    Obj one = int_small(S, 1);
    if (ob_is(S, self, TI_INT)) {
        Obj pair[2] = {self, one};
        return tuple_pack(S, 2, pair);
    }
    Obj num = int_pos(S, self); /* _PyLong_Copy of a bool */
    if (!num) return 0;
    Obj pair[2] = {num, one};
    Obj t = tuple_pack(S, 2, pair);
    release(S, num);
    return t;
}

/* int.__round__(ndigits=None): self - divmod_near(self, 10**-ndigits)[1]
 * for a negative ndigits, else self. */
Obj num_int_round(Sim *S, Obj self, Obj ondigits)
{
    if (!ondigits) return int_pos(S, self);
    Obj nd = num_index(S, ondigits);
    if (!nd) return 0;
    if (ob_size(S, nd) >= 0) {
        release(S, nd);
        return int_pos(S, self);
    }
    Obj t = int_neg(S, nd), pw = 0, q = 0, r = 0, twice = 0, result = 0;
    release(S, nd);
    if (!t) return 0;
    pw = int_pow(S, int_small(S, 10), t);
    release(S, t);
    if (!pw) return 0;
    /* divmod_near: q, r = divmod(a, b); round q up when 2r > b (b > 0),
     * or 2r == b and q is odd */
    Obj qr = int_divmod(S, self, pw);
    if (!qr) goto done;
    q = retain(S, tuple_item(S, qr, 0));
    r = retain(S, tuple_item(S, qr, 1));
    release(S, qr);
    if (!(twice = int_lshift(S, r, int_small(S, 1)))) goto done;
    int cmp = int_compare(S, twice, pw);
    int q_odd = ob_size(S, q) != 0 && (digits_of(S, q)[0] & 1) != 0;
    if (cmp > 0 || (cmp == 0 && q_odd)) {
        Obj r2 = int_sub(S, r, pw);
        if (!r2) goto done;
        release(S, r);
        r = r2;
    }
    result = int_sub(S, self, r);
done:
    xrelease(S, q);
    xrelease(S, r);
    xrelease(S, twice);
    release(S, pw);
    return result;
}

static Obj int_round(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "__round__", nargs, kwnames, 0, 1) < 0) return 0;
    return num_int_round(S, self, nargs ? args[0] : 0);
}

static Obj int_to_bytes(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    Obj p[3];
    if (num_parse_args(S, "to_bytes", args, nargs, kwnames, names, 0, 0, 2, 3, p, -1) < 0) return 0;
    int64_t length = 1;
    int little = 0, is_signed = 0;
    if (p[0]) {
        Obj i = num_index(S, p[0]);
        if (!i) return 0;
        int rc = int_as_i64(S, i, &length);
        release(S, i);
        if (rc < 0) return 0;
    }
    if (p[1]) {
        char tb[80];
        if (!ob_is(S, p[1], TI_STR))
            return exc_set(S, EXC_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
                           tname(S, p[1], tb, sizeof tb));
        if (kw_is(S, p[1], "little")) little = 1;
        else if (!kw_is(S, p[1], "big"))
            return exc_set(S, EXC_ValueError, "byteorder must be either 'little' or 'big'");
    }
    if (p[2] && (is_signed = numop_truth(S, p[2])) < 0 && (is_signed = rt_truth(S, p[2])) < 0) return 0;
    if (length < 0) return exc_set(S, EXC_ValueError, "length argument must be non-negative");
    int64_t sz = ob_size(S, self);
    if (sz < 0 && !is_signed) return exc_set(S, EXC_OverflowError, "can't convert negative int to unsigned");
    /* two's complement, little-endian, into a host buffer */
    int64_t nbits = int_nbits(S, self);
    int64_t need = nbits / 8 + 1;
    int64_t an_bytes = (ob_size(S, self) < 0 ? -ob_size(S, self) : ob_size(S, self)) * INT_SHIFT / 8 + 2;
    int64_t cap = need > length ? need : length;
    /* the digit loop writes whole digits: room for all of their bytes */
    unsigned char *le = calloc((size_t)(cap > an_bytes ? cap : an_bytes) + 1, 1);
    if (!le) return exc_no_memory(S);
    int64_t an = sz < 0 ? -sz : sz;
    uint64_t acc = 0;
    int accb = 0;
    int64_t k = 0;
    for (int64_t i = 0; i < an; i++) {
        acc |= (uint64_t)digits_of(S, self)[i] << accb;
        accb += INT_SHIFT;
        while (accb >= 8) {
            le[k++] = (unsigned char)acc;
            acc >>= 8;
            accb -= 8;
        }
    }
    if (accb) le[k++] = (unsigned char)acc;
    int64_t total = need > length ? need : length;
    if (sz < 0) { /* negate: invert and add one */
        unsigned carry = 1;
        for (int64_t i = 0; i < total; i++) {
            unsigned v = (unsigned)(unsigned char)~le[i] + carry;
            le[i] = (unsigned char)v;
            carry = v >> 8;
        }
    }
    /* does it fit in length bytes? */
    int fits = 1;
    for (int64_t i = length; i < total; i++)
        if (le[i] != (sz < 0 ? 0xff : 0)) fits = 0;
    if (fits && is_signed && length > 0) fits = ((le[length - 1] & 0x80) != 0) == (sz < 0);
    if (fits && is_signed && length == 0) fits = sz == 0;
    if (!fits) {
        free(le);
        return exc_set(S, EXC_OverflowError, "int too big to convert");
    }
    Obj b;
    if (length == 0) {
        b = retain(S, S->empty_bytes);
    } else {
        /* PyBytes_FromStringAndSize(NULL, length): always a fresh object */
        b = ob_alloc_sized(S, S->types[TI_BYTES].type, BYTES_HEADER + (uint64_t)length, length);
        if (b) {
            ob_set64(S, b, BYTES_HASH_OFF, (uint64_t)-1);
            for (int64_t i = 0; i < length; i++) bytes_data(S, b)[i] = le[little ? i : length - 1 - i];
            bytes_data(S, b)[length] = 0;
        }
    }
    free(le);
    return b;
}

const CFuncDef cf_int_methods[] = {
    {"bit_length", int_bit_length},
    {"bit_count", int_bit_count},
    {"conjugate", int_conjugate},
    {"as_integer_ratio", int_as_integer_ratio},
    {"to_bytes", int_to_bytes},
    {"__trunc__", int_trunc},
    {"__floor__", int_floor},
    {"__ceil__", int_ceil},
    {"__round__", int_round},
    {NULL, NULL},
};

/* ---- float methods ---- */

static Obj float_is_integer(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "float.is_integer", nargs, kwnames) < 0) return 0;
    double x = float_value(S, self);
    return retain(S, isfinite(x) && floor(x) == x ? S->true_ : S->false_);
}

static Obj float_conjugate(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "float.conjugate", nargs, kwnames) < 0) return 0;
    return retain(S, self); /* float_float: an exact float is itself */
}

static Obj float_trunc(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "float.__trunc__", nargs, kwnames) < 0) return 0;
    return int_from_double(S, float_value(S, self));
}

static Obj float_floor(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "float.__floor__", nargs, kwnames) < 0) return 0;
    return int_from_double(S, floor(float_value(S, self)));
}

static Obj float_ceil(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "float.__ceil__", nargs, kwnames) < 0) return 0;
    return int_from_double(S, ceil(float_value(S, self)));
}

/* float.__round__(ndigits=None). */
Obj num_float_round_method(Sim *S, Obj self, Obj ondigits)
{
    double x = float_value(S, self);
    if (!ondigits || ondigits == S->none) {
        /* round half to even, to an int */
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5) rounded = 2.0 * round(x / 2.0);
        return int_from_double(S, rounded);
    }
    int64_t nd;
    if (num_as_ssize_clipped(S, ondigits, &nd) < 0) return 0;
    return num_float_round(S, x, nd);
}

static Obj float_round(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "__round__", nargs, kwnames, 0, 1) < 0) return 0;
    return num_float_round_method(S, self, nargs ? args[0] : 0);
}

static Obj float_as_integer_ratio(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "float.as_integer_ratio", nargs, kwnames) < 0) return 0;
    double x = float_value(S, self);
    if (isinf(x)) return exc_set(S, EXC_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return exc_set(S, EXC_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double fp = frexp(x, &e);
    for (int i = 0; i < 300 && fp != floor(fp); i++) {
        fp *= 2.0;
        e--;
    }
    Obj num = int_from_double(S, fp), den = 0, pe = 0, t = 0;
    if (!num) return 0;
    if (!(den = int_from_i64(S, 1)) || !(pe = int_from_i64(S, e < 0 ? -e : e))) goto done;
    /* fold in 2**exponent */
    if (e > 0) {
        if (!(t = int_lshift(S, num, pe))) goto done;
        release(S, num);
        num = t;
    } else {
        if (!(t = int_lshift(S, den, pe))) goto done;
        release(S, den);
        den = t;
    }
    Obj pair[2] = {num, den};
    t = tuple_pack(S, 2, pair);
done:
    xrelease(S, pe);
    xrelease(S, den);
    release(S, num);
    return t;
}

static Obj float_hex(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "float.hex", nargs, kwnames) < 0) return 0;
    double x = float_value(S, self);
    char out[64];
    if (isnan(x) || isinf(x)) {
        float_repr_buf(x, out, sizeof out);
        return str_from_cstr(S, out);
    }
    if (x == 0.0) return str_from_cstr(S, copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
    int e, shift;
    double m = frexp(fabs(x), &e);
    shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char s[32];
    int si = 0;
    s[si++] = "0123456789abcdef"[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG + 3 - (DBL_MANT_DIG + 2) % 4 - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = "0123456789abcdef"[(int)m];
        m -= (int)m;
    }
    s[si] = '\0';
    snprintf(out, sizeof out, "%s0x%sp%c%d", x < 0.0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
    return str_from_cstr(S, out);
}

const CFuncDef cf_float_methods[] = {
    {"is_integer", float_is_integer},
    {"as_integer_ratio", float_as_integer_ratio},
    {"conjugate", float_conjugate},
    {"hex", float_hex},
    {"__trunc__", float_trunc},
    {"__floor__", float_floor},
    {"__ceil__", float_ceil},
    {"__round__", float_round},
    {NULL, NULL},
};
