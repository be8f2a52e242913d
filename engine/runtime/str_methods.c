/*
 * str_methods.c -- the methods of str (Objects/unicodeobject.c and
 * stringlib), with CPython 3.11's argument errors and its identity rules:
 * where CPython returns self (strip with nothing to strip, replace with
 * nothing to replace, zfill/center/ljust/rjust not widening, split
 * without a separator found) so do these, and new results are allocated
 * at their exact final size and kind.
 *
 * Character properties: exact for Latin-1 (a table generated from
 * python3's unicodedata); beyond it whitespace and line breaks are exact,
 * case mappings cover Latin Extended-A, Greek, Cyrillic and fullwidth
 * Latin, and letters/digits are approximated (XID_Start for letters).
 */
#include <stdio.h>
#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "compiler/lexer.h"
#include "runtime/cfunc.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"
#include "runtime/strops.h"

/* ---- character properties ---- */

enum { C_ALPHA = 1, C_DECIMAL = 2, C_DIGIT = 4, C_NUMERIC = 8, C_SPACE = 16, C_LOWER = 32, C_UPPER = 64,
       C_LINEBREAK = 128 };

/* python3: str.isalpha() ... of chr(0)..chr(255); bit 7: splitlines breaks. */
static const uint8_t latin1_props[256] = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x90, 0x90, 0x90, 0x90, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x90, 0x90, 0x90, 0x10,
    0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x0e, 0x0e, 0x0e, 0x0e, 0x0e, 0x0e, 0x0e, 0x0e, 0x0e, 0x0e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21,
    0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x90, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x0c, 0x0c, 0x00, 0x21, 0x00, 0x00, 0x00, 0x0c, 0x21, 0x00, 0x08, 0x08, 0x08, 0x00,
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x00, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x21,
    0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21,
    0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x00, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21, 0x21,
};

/* Simple one-to-one case pairs beyond Latin-1: upper = lower - delta. */
/* Greek letters with tonos: lower -> upper. */
static const uint16_t greek_tonos[][2] = {
    {0x3ac, 0x386}, {0x3ad, 0x388}, {0x3ae, 0x389}, {0x3af, 0x38a}, {0x3cc, 0x38c}, {0x3cd, 0x38e}, {0x3ce, 0x38f},
};

static uint32_t simple_upper(uint32_t c)
{
    for (size_t i = 0; i < sizeof greek_tonos / sizeof *greek_tonos; i++)
        if (c == greek_tonos[i][0]) return greek_tonos[i][1];
    if (c == 0x1c5 || c == 0x1c6) return 0x1c4; /* DŽ Dž dž and their kin */
    if (c == 0x1c8 || c == 0x1c9) return 0x1c7;
    if (c == 0x1cb || c == 0x1cc) return 0x1ca;
    if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) return c - 32;    /* Greek */
    if (c == 0x3c2) return 0x3a3;
    if (c >= 0x430 && c <= 0x44f) return c - 32;                  /* Cyrillic */
    if (c >= 0x450 && c <= 0x45f) return c - 80;
    if (c >= 0xff41 && c <= 0xff5a) return c - 32;                /* fullwidth */
    if ((c >= 0x101 && c <= 0x137 && (c & 1)) || (c >= 0x14b && c <= 0x177 && (c & 1))) return c - 1;
    if ((c >= 0x13a && c <= 0x148 && !(c & 1)) || (c >= 0x17a && c <= 0x17e && !(c & 1))) return c - 1;
    return c;
}

static uint32_t simple_lower(uint32_t c)
{
    for (size_t i = 0; i < sizeof greek_tonos / sizeof *greek_tonos; i++)
        if (c == greek_tonos[i][1]) return greek_tonos[i][0];
    if (c == 0x1c4 || c == 0x1c5) return 0x1c6;
    if (c == 0x1c7 || c == 0x1c8) return 0x1c9;
    if (c == 0x1ca || c == 0x1cb) return 0x1cc;
    if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) return c + 32;
    if (c >= 0x410 && c <= 0x42f) return c + 32;
    if (c >= 0x400 && c <= 0x40f) return c + 80;
    if (c >= 0xff21 && c <= 0xff3a) return c + 32;
    if ((c >= 0x100 && c <= 0x136 && !(c & 1)) || (c >= 0x14a && c <= 0x176 && !(c & 1))) return c + 1;
    if ((c >= 0x139 && c <= 0x147 && (c & 1)) || (c >= 0x179 && c <= 0x17d && (c & 1))) return c + 1;
    if (c == 0x178) return 0xff;
    return c;
}

static unsigned props(uint32_t c)
{
    if (c < 256) return latin1_props[c];
    unsigned p = 0;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
        c == 0x205f || c == 0x3000)
        p |= C_SPACE;
    if (c == 0x2028 || c == 0x2029) p |= C_LINEBREAK;
    if (c == 0x1c5 || c == 0x1c8 || c == 0x1cb) return C_ALPHA; /* titlecase letters */
    if (c >= 0xfb00 && c <= 0xfb06) return C_LOWER | C_ALPHA;      /* the ligatures ff fi fl ... */
    if (simple_upper(c) != c) p |= C_LOWER | C_ALPHA;
    if (simple_lower(c) != c) p |= C_UPPER | C_ALPHA;
    if ((c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) || (c >= 0x966 && c <= 0x96f) ||
        (c >= 0xff10 && c <= 0xff19))
        p |= C_DECIMAL | C_DIGIT | C_NUMERIC;
    if (!(p & (C_DECIMAL | C_SPACE)) && lex_unicode_class(c) == LEXU_XID_START) p |= C_ALPHA;
    return p;
}

static int is_space(uint32_t c) { return (props(c) & C_SPACE) != 0; }
static int is_titlecase(uint32_t c) { return c == 0x1c5 || c == 0x1c8 || c == 0x1cb; }

/* The Latin ligatures U+FB00..U+FB06 (SpecialCasing.txt): upper, title, fold. */
static const char *const ligatures[7][2] = {
    {"FF", "Ff"}, {"FI", "Fi"}, {"FL", "Fl"}, {"FFI", "Ffi"}, {"FFL", "Ffl"}, {"ST", "St"}, {"ST", "St"},
};

static int ligature(uint32_t c, int which, uint32_t *out)
{
    const char *t = ligatures[c - 0xfb00][which < 2 ? which : 0];
    int n = 0;
    for (; t[n]; n++) out[n] = which == 2 ? (uint32_t)(t[n] | 0x20) : (uint32_t)t[n];
    return n;
}

/* Full case mappings: the characters into out, their count. */
static int to_upper(uint32_t c, uint32_t *out)
{
    if (c >= 0xfb00 && c <= 0xfb06) return ligature(c, 0, out);
    if (c == 0xdf) {
        out[0] = out[1] = 'S';
        return 2;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 0xe0 && c <= 0xfe && c != 0xf7)) out[0] = c - 32;
    else if (c == 0xb5) out[0] = 0x39c;
    else if (c == 0xff) out[0] = 0x178;
    else out[0] = c < 256 ? c : simple_upper(c);
    return 1;
}

static int to_lower(uint32_t c, uint32_t *out)
{
    if (c == 0x130) { /* SpecialCasing: İ lowers to i + COMBINING DOT ABOVE */
        out[0] = 'i';
        out[1] = 0x307;
        return 2;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7)) out[0] = c + 32;
    else out[0] = c < 256 ? c : simple_lower(c);
    return 1;
}

static int to_title(uint32_t c, uint32_t *out)
{
    if (c >= 0xfb00 && c <= 0xfb06) return ligature(c, 1, out);
    if (c == 0x1c4 || c == 0x1c5 || c == 0x1c6) return out[0] = 0x1c5, 1;
    if (c == 0x1c7 || c == 0x1c8 || c == 0x1c9) return out[0] = 0x1c8, 1;
    if (c == 0x1ca || c == 0x1cb || c == 0x1cc) return out[0] = 0x1cb, 1;
    if (c == 0xdf) {
        out[0] = 'S';
        out[1] = 's';
        return 2;
    }
    return to_upper(c, out);
}

static int to_fold(uint32_t c, uint32_t *out)
{
    if (c >= 0xfb00 && c <= 0xfb06) return ligature(c, 2, out);
    if (c == 0xdf) {
        out[0] = out[1] = 's';
        return 2;
    }
    if (c == 0xb5) {
        out[0] = 0x3bc;
        return 1;
    }
    return to_lower(c, out);
}

static int is_lower(uint32_t c) { return (props(c) & C_LOWER) != 0; }
static int is_upper(uint32_t c) { return (props(c) & C_UPPER) != 0; }
static int is_cased(uint32_t c) { return is_lower(c) || is_upper(c) || is_titlecase(c); }

/* ---- helpers ---- */

static Obj incref_ret(Sim *S, Obj o)
{
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

/* STRINGLIB_NEW / _PyUnicode_FromUCS*: s[start:end] as a new str, the
 * singletons for 0 and 1 characters, never s itself. */
static Obj piece(Sim *S, Obj s, int64_t start, int64_t end)
{
    if (end - start <= 1) return strop_substr(S, s, start, end);
    StrBuf b;
    sb_init(&b);
    sb_substr(&b, S, s, start, end);
    return sb_finish(S, &b);
}

/* PyUnicode_New(n, maxchar) filled from the buffer: a fresh object even
 * for one character (the case operations' results). */
static Obj fresh(Sim *S, StrBuf *b)
{
    if (b->oom || b->n <= 1) {
        if (b->n == 1 && !b->oom) {
            Obj o = str_new(S, b->maxchar, 1);
            if (o) str_set_char(S, o, 0, b->p[0]);
            sb_free(b);
            return o;
        }
        return sb_finish(S, b);
    }
    return sb_finish(S, b);
}

static const char *tname(const Sim *S, Obj o, char *buf, size_t cap) { return ob_type_name(S, o, buf, cap); }

/* PyNumber_AsSsize_t for an integer argument (an int, or __index__). */
static int arg_index(Sim *S, Obj v, int64_t *out)
{
    Obj i = num_index(S, v);
    if (!i) return -1;
    int bad = int_as_i64(S, i, out);
    ob_decref(S, i, HOLD_TEMP);
    if (bad) {
        exc_clear(S);
        exc_set(S, EXC_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

/* _PyEval_SliceIndex: None keeps the default; an int or an object with
 * __index__, clamped. */
static int arg_slice_index(Sim *S, Obj v, int64_t *out)
{
    return v && slice_index(S, v, out) < 0 ? -1 : 0;
}

static void adjust_indices(int64_t *start, int64_t *end, int64_t len)
{
    if (*end > len) *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}

/* Keyword arguments for a clinic function with the given names: fills
 * v[] (positional first), CPython's errors. */
static int parse_kw(Sim *S, const char *fname, const Obj *args, int64_t nargs, Obj kwnames,
                    const char *const *names, int n, Obj *v)
{
    int64_t nkw = kwnames ? ob_size(S, kwnames) : 0;
    if (nargs > n) {
        exc_set(S, EXC_TypeError, "%s() takes at most %d argument%s (%lld given)", fname, n, n == 1 ? "" : "s",
                (long long)nargs);
        return -1;
    }
    for (int i = 0; i < n; i++) v[i] = i < nargs ? args[i] : 0;
    if (nargs + nkw > n) {
        if (nargs == 0)
            exc_set(S, EXC_TypeError, "%s() takes at most %d keyword argument%s (%lld given)", fname, n,
                    n == 1 ? "" : "s", (long long)nkw);
        else
            exc_set(S, EXC_TypeError, "%s() takes at most %d argument%s (%lld given)", fname, n, n == 1 ? "" : "s",
                    (long long)(nargs + nkw));
        return -1;
    }
    for (int64_t k = 0; k < nkw; k++) {
        Obj key = tuple_item(S, kwnames, k);
        char buf[128];
        str_to_utf8(S, key, buf, sizeof buf);
        int which = -1;
        for (int i = 0; i < n; i++)
            if (!strcmp(buf, names[i])) which = i;
        if (which < 0) {
            exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for %s()", buf, fname);
            return -1;
        }
        if (v[which]) {
            exc_set(S, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, buf,
                    which + 1);
            return -1;
        }
        v[which] = args[nargs + k];
    }
    return 0;
}

/* ---- join ---- */

static Obj m_join(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "str.join", nargs, kwnames)) return 0;
    Obj it = args[0], seq;
    if (ob_is(S, it, TI_LIST) || ob_is(S, it, TI_TUPLE)) {
        seq = incref_ret(S, it);
    } else {
        /* PySequence_Fast: a list of the items */
        seq = rt_list_from(S, it);
        if (!seq) {
            if (exc_matches(S, EXC_TypeError)) {
                exc_clear(S);
                exc_set(S, EXC_TypeError, "can only join an iterable");
            }
            return 0;
        }
    }
    int is_list = ob_is(S, seq, TI_LIST);
    int64_t n = is_list ? list_len(S, seq) : ob_size(S, seq);
    Obj r = 0;
    if (n == 0) {
        r = incref_ret(S, S->empty_str);
    } else if (n == 1 && ob_is(S, is_list ? list_get(S, seq, 0) : tuple_item(S, seq, 0), TI_STR)) {
        r = incref_ret(S, is_list ? list_get(S, seq, 0) : tuple_item(S, seq, 0));
    } else {
        StrBuf b;
        sb_init(&b);
        int ok = 1;
        for (int64_t i = 0; i < n; i++) {
            Obj item = is_list ? list_get(S, seq, i) : tuple_item(S, seq, i);
            if (!ob_is(S, item, TI_STR)) {
                char tn[64];
                exc_set(S, EXC_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i,
                        tname(S, item, tn, sizeof tn));
                ok = 0;
                break;
            }
            if (i) sb_str(&b, S, self);
            sb_str(&b, S, item);
        }
        if (ok) {
            /* PyUnicode_New(sz, maxchar) even for one character */
            r = fresh(S, &b);
        } else {
            sb_free(&b);
        }
    }
    ob_decref(S, seq, HOLD_TEMP);
    return r;
}

/* ---- split family ---- */

#define MAX_PREALLOC 12

typedef struct Splitter {
    Obj list;
    int64_t count;
} Splitter;

/* SPLIT_ADD: the first 12 go into the preallocated slots. */
static int split_add(Sim *S, Splitter *sp, Obj item)
{
    if (!item) return -1;
    if (sp->count < MAX_PREALLOC) {
        list_set_new(S, sp->list, sp->count, item);
    } else {
        int rc = list_append(S, sp->list, item);
        ob_decref(S, item, HOLD_TEMP);
        if (rc) return -1;
    }
    sp->count++;
    return 0;
}

static int split_begin(Sim *S, Splitter *sp, int64_t maxcount)
{
    sp->list = list_new(S, maxcount >= MAX_PREALLOC ? MAX_PREALLOC : maxcount + 1);
    sp->count = 0;
    return sp->list ? 0 : -1;
}

/* FIX_PREALLOC_SIZE: the list's size is the count, its allocation stays. */
static Obj split_end(Sim *S, Splitter *sp, int reverse)
{
    if (sp->count < MAX_PREALLOC) ob_set_size(S, sp->list, sp->count);
    if (reverse) {
        int64_t n = list_len(S, sp->list);
        SimAddr items = ob_get64(S, sp->list, LIST_ITEMS_OFF);
        for (int64_t i = 0; i < n / 2; i++) {
            uint64_t a = ob_get64(S, items, (uint32_t)(8 * i)), z = ob_get64(S, items, (uint32_t)(8 * (n - 1 - i)));
            ob_set64(S, items, (uint32_t)(8 * i), z);
            ob_set64(S, items, (uint32_t)(8 * (n - 1 - i)), a);
        }
    }
    return sp->list;
}

static Obj split_fail(Sim *S, Splitter *sp)
{
    if (sp->count < MAX_PREALLOC) ob_set_size(S, sp->list, sp->count);
    ob_decref(S, sp->list, HOLD_TEMP);
    return 0;
}

static Obj do_split(Sim *S, Obj self, Obj sep, int64_t maxcount, int right)
{
    int64_t len = str_len(S, self);
    if (maxcount < 0) maxcount = INT64_MAX;
    if (sep) {
        int64_t m = str_len(S, sep);
        if (str_kind(S, self) < str_kind(S, sep) || len < m) {
            Obj l = list_new(S, 1);
            if (l) list_set_new(S, l, 0, incref_ret(S, self));
            return l;
        }
        if (m == 0) return exc_set(S, EXC_ValueError, "empty separator");
    }
    Splitter sp;
    if (split_begin(S, &sp, maxcount)) return 0;
    if (!sep) {
        if (!right) {
            int64_t i = 0, j;
            while (maxcount-- > 0) {
                while (i < len && is_space(str_char(S, self, i))) i++;
                if (i == len) break;
                j = i++;
                while (i < len && !is_space(str_char(S, self, i))) i++;
                if (j == 0 && i == len) {
                    if (split_add(S, &sp, incref_ret(S, self))) return split_fail(S, &sp);
                    break;
                }
                if (split_add(S, &sp, piece(S, self, j, i))) return split_fail(S, &sp);
            }
            if (i < len) {
                while (i < len && is_space(str_char(S, self, i))) i++;
                if (i != len && split_add(S, &sp, piece(S, self, i, len))) return split_fail(S, &sp);
            }
        } else {
            int64_t i = len - 1, j;
            while (maxcount-- > 0) {
                while (i >= 0 && is_space(str_char(S, self, i))) i--;
                if (i < 0) break;
                j = i--;
                while (i >= 0 && !is_space(str_char(S, self, i))) i--;
                if (j == len - 1 && i < 0) {
                    if (split_add(S, &sp, incref_ret(S, self))) return split_fail(S, &sp);
                    break;
                }
                if (split_add(S, &sp, piece(S, self, i + 1, j + 1))) return split_fail(S, &sp);
            }
            if (i >= 0) {
                while (i >= 0 && is_space(str_char(S, self, i))) i--;
                if (i >= 0 && split_add(S, &sp, piece(S, self, 0, i + 1))) return split_fail(S, &sp);
            }
        }
        return split_end(S, &sp, right);
    }
    int64_t m = str_len(S, sep);
    if (!right) {
        int64_t i = 0;
        while (maxcount-- > 0) {
            int64_t pos = strop_find(S, self, sep, i, len, 1);
            if (pos < 0) break;
            if (split_add(S, &sp, piece(S, self, i, pos))) return split_fail(S, &sp);
            i = pos + m;
        }
        if (sp.count == 0) {
            if (split_add(S, &sp, incref_ret(S, self))) return split_fail(S, &sp);
        } else if (split_add(S, &sp, piece(S, self, i, len))) {
            return split_fail(S, &sp);
        }
    } else {
        int64_t j = len;
        while (maxcount-- > 0) {
            int64_t pos = strop_find(S, self, sep, 0, j, -1);
            if (pos < 0) break;
            if (split_add(S, &sp, piece(S, self, pos + m, j))) return split_fail(S, &sp);
            j = pos;
        }
        if (sp.count == 0) {
            if (split_add(S, &sp, incref_ret(S, self))) return split_fail(S, &sp);
        } else if (split_add(S, &sp, piece(S, self, 0, j))) {
            return split_fail(S, &sp);
        }
    }
    return split_end(S, &sp, right);
}

static Obj split_common(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, const char *name,
                        int right)
{
    static const char *const names[] = {"sep", "maxsplit"};
    Obj v[2];
    if (parse_kw(S, name, args, nargs, kwnames, names, 2, v)) return 0;
    Obj sep = v[0] && v[0] != S->none ? v[0] : 0;
    if (sep && !ob_is(S, sep, TI_STR)) {
        char tn[64];
        return exc_set(S, EXC_TypeError, "must be str or None, not %s", tname(S, sep, tn, sizeof tn));
    }
    int64_t maxsplit = -1;
    if (v[1] && arg_index(S, v[1], &maxsplit)) return 0;
    return do_split(S, self, sep, maxsplit, right);
}

/* The first call with keywords makes the parser's keyword tuple (kept). */
static int kwtuple_once(Sim *S, Obj kwnames, int slot, const char *const *keywords)
{
    if (!kwnames || ob_size(S, kwnames) == 0) return 0;
    return cf_parser_init(S, slot, keywords);
}

static Obj m_split(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const keywords[] = {"sep", "maxsplit", NULL};
    if (kwtuple_once(S, kwnames, KWT_STR_SPLIT, keywords) < 0) return 0;
    return split_common(S, self, args, nargs, kwnames, "split", 0);
}

static Obj m_rsplit(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    /* rsplit has its own parser (not made at start-up, unlike split's) */
    static const char *const keywords[] = {"sep", "maxsplit", NULL};
    if (kwtuple_once(S, kwnames, KWT_STR_RSPLIT, keywords) < 0) return 0;
    return split_common(S, self, args, nargs, kwnames, "rsplit", 1);
}

static Obj m_splitlines(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const names[] = {"keepends"}, *const keywords[] = {"keepends", NULL};
    if (kwtuple_once(S, kwnames, KWT_STR_SPLITLINES, keywords) < 0) return 0;
    Obj v[1];
    if (parse_kw(S, "splitlines", args, nargs, kwnames, names, 1, v)) return 0;
    int keepends = 0;
    if (v[0]) {
        if (ob_is(S, v[0], TI_FLOAT)) {
            char tn[64];
            return exc_set(S, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                           tname(S, v[0], tn, sizeof tn));
        }
        keepends = rt_truth(S, v[0]);
        if (keepends < 0) return 0;
    }
    Obj list = list_new(S, 0);
    if (!list) return 0;
    int64_t len = str_len(S, self);
    for (int64_t i = 0, j = 0; i < len;) {
        while (i < len && !(props(str_char(S, self, i)) & C_LINEBREAK)) i++;
        int64_t eol = i;
        if (i < len) {
            if (str_char(S, self, i) == '\r' && i + 1 < len && str_char(S, self, i + 1) == '\n') i += 2;
            else i++;
            if (keepends) eol = i;
        }
        if (j == 0 && eol == len) {
            if (list_append(S, list, self)) goto fail;
            break;
        }
        Obj p = piece(S, self, j, eol);
        if (!p) goto fail;
        int rc = list_append(S, list, p);
        ob_decref(S, p, HOLD_TEMP);
        if (rc) goto fail;
        j = i;
    }
    return list;
fail:
    ob_decref(S, list, HOLD_TEMP);
    return 0;
}

static Obj m_partition_common(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, int right)
{
    if (cf_one_arg(S, right ? "str.rpartition" : "str.partition", nargs, kwnames)) return 0;
    Obj sep = args[0];
    if (!ob_is(S, sep, TI_STR)) {
        char tn[64];
        return exc_set(S, EXC_TypeError, "must be str, not %s", tname(S, sep, tn, sizeof tn));
    }
    int64_t len = str_len(S, self), m = str_len(S, sep);
    Obj items[3];
    if (str_kind(S, self) < str_kind(S, sep) || len < m) {
        Obj e = S->empty_str;
        items[0] = right ? e : self;
        items[1] = e;
        items[2] = right ? self : e;
        return tuple_pack(S, 3, items);
    }
    if (m == 0) return exc_set(S, EXC_ValueError, "empty separator");
    int64_t pos = strop_find(S, self, sep, 0, len, right ? -1 : 1);
    Obj out = tuple_new(S, 3);
    if (!out) return 0;
    if (pos < 0) {
        for (int i = 0; i < 3; i++) {
            Obj x = (i == 0 && !right) || (i == 2 && right) ? self : S->empty_str;
            tuple_set_item(S, out, i, incref_ret(S, x));
        }
        return out;
    }
    Obj a = piece(S, self, 0, pos);
    if (!a) goto fail;
    tuple_set_item(S, out, 0, a);
    tuple_set_item(S, out, 1, incref_ret(S, sep));
    Obj c = piece(S, self, pos + m, len);
    if (!c) goto fail;
    tuple_set_item(S, out, 2, c);
    return out;
fail:
    for (int i = 0; i < 3; i++)
        if (!tuple_item(S, out, i)) tuple_set_item(S, out, i, incref_ret(S, S->none));
    ob_decref(S, out, HOLD_TEMP);
    return 0;
}

static Obj m_partition(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return m_partition_common(S, self, args, nargs, kwnames, 0);
}

static Obj m_rpartition(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return m_partition_common(S, self, args, nargs, kwnames, 1);
}

/* ---- strip ---- */

static int strip_in(const Sim *S, Obj chars, int64_t nc, uint32_t c)
{
    for (int64_t k = 0; k < nc; k++)
        if (str_char(S, chars, k) == c) return 1;
    return 0;
}


static Obj do_strip(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, const char *name, int left,
                    int right)
{
    char qual[32];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (cf_no_kwargs(S, qual, kwnames) || cf_positional(S, name, nargs, kwnames, 0, 1)) return 0;
    Obj chars = nargs ? args[0] : 0;
    if (chars == S->none) chars = 0;
    if (chars && !ob_is(S, chars, TI_STR))
        return exc_set(S, EXC_TypeError, "%s arg must be None or str", name);
    int64_t len = str_len(S, self), i = 0, j = len;
    int64_t nc = chars ? str_len(S, chars) : 0;
#define STRIPPED(c) (chars ? strip_in(S, chars, nc, (c)) : is_space(c))
    if (left)
        while (i < j && STRIPPED(str_char(S, self, i))) i++;
    if (right)
        while (j > i && STRIPPED(str_char(S, self, j - 1))) j--;
#undef STRIPPED
    return strop_substr(S, self, i, j);
}

static Obj m_strip(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return do_strip(S, self, a, n, kw, "strip", 1, 1); }
static Obj m_lstrip(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return do_strip(S, self, a, n, kw, "lstrip", 1, 0); }
static Obj m_rstrip(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return do_strip(S, self, a, n, kw, "rstrip", 0, 1); }

/* ---- case ---- */

enum { CASE_UPPER, CASE_LOWER, CASE_FOLD, CASE_CAPITALIZE, CASE_TITLE, CASE_SWAP };

static Obj case_op(Sim *S, Obj self, int64_t nargs, Obj kwnames, const char *name, int op)
{
    if (cf_noargs(S, name, nargs, kwnames)) return 0;
    int64_t len = str_len(S, self);
    if (op == CASE_CAPITALIZE && len == 0) return incref_ret(S, self);
    StrBuf b;
    sb_init(&b);
    uint32_t tmp[3];
    int prev_cased = 0;
    for (int64_t i = 0; i < len; i++) {
        uint32_t c = str_char(S, self, i);
        int k;
        switch (op) {
        case CASE_UPPER: k = to_upper(c, tmp); break;
        case CASE_LOWER: k = to_lower(c, tmp); break;
        case CASE_FOLD: k = to_fold(c, tmp); break;
        case CASE_CAPITALIZE: k = i == 0 ? to_title(c, tmp) : to_lower(c, tmp); break;
        case CASE_TITLE:
            k = prev_cased ? to_lower(c, tmp) : to_title(c, tmp);
            prev_cased = is_cased(c);
            break;
        default:
            k = is_upper(c) ? to_lower(c, tmp) : is_lower(c) ? to_upper(c, tmp) : (tmp[0] = c, 1);
            break;
        }
        for (int j = 0; j < k; j++) sb_putc(&b, tmp[j]);
    }
    return fresh(S, &b);
}

static Obj m_upper(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { (void)a; return case_op(S, self, n, kw, "str.upper", CASE_UPPER); }
static Obj m_lower(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { (void)a; return case_op(S, self, n, kw, "str.lower", CASE_LOWER); }
static Obj m_casefold(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { (void)a; return case_op(S, self, n, kw, "str.casefold", CASE_FOLD); }
static Obj m_capitalize(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { (void)a; return case_op(S, self, n, kw, "str.capitalize", CASE_CAPITALIZE); }
static Obj m_title(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { (void)a; return case_op(S, self, n, kw, "str.title", CASE_TITLE); }
static Obj m_swapcase(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { (void)a; return case_op(S, self, n, kw, "str.swapcase", CASE_SWAP); }

/* ---- predicates ---- */

enum { P_DIGIT, P_DECIMAL, P_NUMERIC, P_ALPHA, P_ALNUM, P_SPACE, P_UPPER, P_LOWER, P_TITLE, P_IDENT, P_ASCII,
       P_PRINTABLE };

static Obj predicate(Sim *S, Obj self, int64_t nargs, Obj kwnames, const char *name, int p)
{
    if (cf_noargs(S, name, nargs, kwnames)) return 0;
    int64_t len = str_len(S, self);
    int r;
    if (p == P_ASCII) {
        r = str_is_ascii(S, self);
    } else if (p == P_PRINTABLE) {
        r = 1;
        for (int64_t i = 0; i < len && r; i++) {
            uint32_t c = str_char(S, self, i);
            r = c >= 0x7f ? lex_unicode_class(c) != LEXU_NONPRINTABLE : c >= ' ';
        }
    } else if (len == 0) {
        r = 0;
    } else if (p == P_IDENT) {
        uint32_t c = str_char(S, self, 0);
        r = c == '_' || lex_unicode_class(c) == LEXU_XID_START;
        for (int64_t i = 1; i < len && r; i++) {
            LexUniClass k = lex_unicode_class(str_char(S, self, i));
            r = k == LEXU_XID_START || k == LEXU_XID_CONTINUE;
        }
    } else if (p == P_UPPER || p == P_LOWER) {
        int cased = 0;
        r = 1;
        for (int64_t i = 0; i < len && r; i++) {
            uint32_t c = str_char(S, self, i);
            if ((p == P_UPPER && is_lower(c)) || (p == P_LOWER && is_upper(c))) r = 0;
            else if (!cased && ((p == P_UPPER && is_upper(c)) || (p == P_LOWER && is_lower(c)))) cased = 1;
        }
        r = r && cased;
    } else if (p == P_TITLE) {
        int cased = 0, prev = 0;
        r = 1;
        for (int64_t i = 0; i < len && r; i++) {
            uint32_t c = str_char(S, self, i);
            if (is_upper(c) || is_titlecase(c)) {
                if (prev) r = 0;
                prev = cased = 1;
            } else if (is_lower(c)) {
                if (!prev) r = 0;
                prev = cased = 1;
            } else {
                prev = 0;
            }
        }
        r = r && cased;
    } else {
        unsigned want = p == P_DIGIT ? C_DIGIT : p == P_DECIMAL ? C_DECIMAL : p == P_NUMERIC ? C_NUMERIC
                      : p == P_ALPHA ? C_ALPHA : p == P_SPACE ? C_SPACE : (C_ALPHA | C_DECIMAL | C_DIGIT | C_NUMERIC);
        r = 1;
        for (int64_t i = 0; i < len && r; i++) r = (props(str_char(S, self, i)) & want) != 0;
    }
    return incref_ret(S, r ? S->true_ : S->false_);
}

#define PRED(fn, name, p) \
    static Obj fn(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { (void)a; return predicate(S, self, n, kw, name, p); }
PRED(m_isdigit, "str.isdigit", P_DIGIT)
PRED(m_isdecimal, "str.isdecimal", P_DECIMAL)
PRED(m_isnumeric, "str.isnumeric", P_NUMERIC)
PRED(m_isalpha, "str.isalpha", P_ALPHA)
PRED(m_isalnum, "str.isalnum", P_ALNUM)
PRED(m_isspace, "str.isspace", P_SPACE)
PRED(m_isupper, "str.isupper", P_UPPER)
PRED(m_islower, "str.islower", P_LOWER)
PRED(m_istitle, "str.istitle", P_TITLE)
PRED(m_isidentifier, "str.isidentifier", P_IDENT)
PRED(m_isascii, "str.isascii", P_ASCII)
PRED(m_isprintable, "str.isprintable", P_PRINTABLE)
#undef PRED

/* ---- searching ---- */

/* parse_args_finds: sub[, start[, end]] (METH_VARARGS, no keywords). */
static int find_args(Sim *S, const char *name, const Obj *args, int64_t nargs, Obj kwnames, int64_t len,
                     int64_t *start, int64_t *end)
{
    char qual[32];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (cf_no_kwargs(S, qual, kwnames)) return -1;
    if (nargs < 1 || nargs > 3) {
        exc_set(S, EXC_TypeError, "%s() takes %s %d argument%s (%lld given)", name,
                nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s", (long long)nargs);
        return -1;
    }
    *start = 0;
    *end = INT64_MAX;
    if (nargs > 1 && arg_slice_index(S, args[1], start)) return -1;
    if (nargs > 2 && arg_slice_index(S, args[2], end)) return -1;
    adjust_indices(start, end, len);
    return 0;
}

static int need_str(Sim *S, Obj v)
{
    if (ob_is(S, v, TI_STR)) return 0;
    char tn[64];
    exc_set(S, EXC_TypeError, "must be str, not %s", tname(S, v, tn, sizeof tn));
    return -1;
}

static Obj find_common(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, const char *name, int dir,
                       int raise)
{
    int64_t start, end, len = str_len(S, self);
    if (find_args(S, name, args, nargs, kwnames, len, &start, &end)) return 0;
    if (need_str(S, args[0])) return 0;
    int64_t r = -1;
    if (end - start >= str_len(S, args[0]) && start <= len) r = strop_find(S, self, args[0], start, end, dir);
    if (r < 0 && raise) return exc_set(S, EXC_ValueError, "substring not found");
    return int_from_i64(S, r);
}

static Obj find_(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return find_common(S, self, a, n, kw, "find", 1, 0); }
static Obj rfind_(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return find_common(S, self, a, n, kw, "rfind", -1, 0); }
static Obj index_(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return find_common(S, self, a, n, kw, "index", 1, 1); }
static Obj rindex_(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return find_common(S, self, a, n, kw, "rindex", -1, 1); }

static Obj count_(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    int64_t start, end, len = str_len(S, self);
    if (find_args(S, "count", args, nargs, kwnames, len, &start, &end)) return 0;
    if (need_str(S, args[0])) return 0;
    int64_t r = 0;
    if (end - start >= str_len(S, args[0]) && start <= len) r = strop_count(S, self, args[0], start, end, -1);
    return int_from_i64(S, r);
}

/* tail_match. */
static int tail_match(const Sim *S, Obj self, Obj sub, int64_t start, int64_t end, int at_end)
{
    int64_t m = str_len(S, sub);
    end -= m;
    if (end < start) return 0;
    if (m == 0) return 1;
    int64_t at = at_end ? end : start;
    for (int64_t k = 0; k < m; k++)
        if (str_char(S, self, at + k) != str_char(S, sub, k)) return 0;
    return 1;
}

static Obj with_common(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, const char *name, int at_end)
{
    int64_t start, end, len = str_len(S, self);
    if (find_args(S, name, args, nargs, kwnames, len, &start, &end)) return 0;
    Obj sub = args[0];
    char tn[64];
    if (ob_is(S, sub, TI_TUPLE)) {
        for (int64_t i = 0; i < ob_size(S, sub); i++) {
            Obj x = tuple_item(S, sub, i);
            if (!ob_is(S, x, TI_STR))
                return exc_set(S, EXC_TypeError, "tuple for %s must only contain str, not %s", name,
                               tname(S, x, tn, sizeof tn));
            if (tail_match(S, self, x, start, end, at_end)) return incref_ret(S, S->true_);
        }
        return incref_ret(S, S->false_);
    }
    if (!ob_is(S, sub, TI_STR))
        return exc_set(S, EXC_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                       tname(S, sub, tn, sizeof tn));
    return incref_ret(S, tail_match(S, self, sub, start, end, at_end) ? S->true_ : S->false_);
}

static Obj startswith_(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return with_common(S, self, a, n, kw, "startswith", 0); }
static Obj endswith_(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return with_common(S, self, a, n, kw, "endswith", 1); }

/* find, rfind, index, rindex, count, startswith and endswith are
 * METH_VARARGS in 3.11: each call packs its arguments into a tuple. */
#define VARARGS(fn, impl, qual) \
    static Obj fn(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) \
    { return cf_call_varargs(S, impl, self, a, n, kw, qual); }
VARARGS(m_find, find_, "str.find")
VARARGS(m_rfind, rfind_, "str.rfind")
VARARGS(m_index, index_, "str.index")
VARARGS(m_rindex, rindex_, "str.rindex")
VARARGS(m_count, count_, "str.count")
VARARGS(m_startswith, startswith_, "str.startswith")
VARARGS(m_endswith, endswith_, "str.endswith")
#undef VARARGS

/* ---- replace ---- */

static Obj m_replace(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_no_kwargs(S, "str.replace", kwnames) || cf_positional(S, "replace", nargs, kwnames, 2, 3)) return 0;
    char tn[64];
    for (int i = 0; i < 2; i++)
        if (!ob_is(S, args[i], TI_STR))
            return exc_set(S, EXC_TypeError, "replace() argument %d must be str, not %s", i + 1,
                           tname(S, args[i], tn, sizeof tn));
    int64_t maxcount = -1;
    if (nargs > 2 && arg_index(S, args[2], &maxcount)) return 0;
    Obj old = args[0], new_ = args[1];
    int64_t slen = str_len(S, self), n1 = str_len(S, old);
    if (maxcount < 0) maxcount = INT64_MAX;
    else if (maxcount == 0) return incref_ret(S, self);
    if (old == new_) return incref_ret(S, self);
    if (str_kind(S, old) > str_kind(S, self) || (!str_is_ascii(S, old) && str_is_ascii(S, self)))
        return incref_ret(S, self); /* too wide to be present */
    if (n1 > slen) return incref_ret(S, self);
    int64_t n = strop_count(S, self, old, 0, slen, maxcount);
    if (n == 0) return incref_ret(S, self);
    StrBuf b;
    sb_init(&b);
    int64_t i = 0, done = 0;
    if (n1 == 0) {
        for (; i < slen && done < n; i++, done++) {
            sb_str(&b, S, new_);
            sb_putc(&b, str_char(S, self, i));
        }
        if (done < n) sb_str(&b, S, new_);
        sb_substr(&b, S, self, i, slen);
    } else {
        while (done < n) {
            int64_t pos = strop_find(S, self, old, i, slen, 1);
            sb_substr(&b, S, self, i, pos);
            sb_str(&b, S, new_);
            i = pos + n1;
            done++;
        }
        sb_substr(&b, S, self, i, slen);
    }
    return fresh(S, &b);
}

/* ---- padding ---- */

/* pad(): self when nothing to add, else a fresh str. */
static Obj pad(Sim *S, Obj self, int64_t left, int64_t right, uint32_t fill)
{
    if (left <= 0 && right <= 0) return incref_ret(S, self);
    StrBuf b;
    sb_init(&b);
    sb_putn(&b, fill, (size_t)(left > 0 ? left : 0));
    sb_str(&b, S, self);
    sb_putn(&b, fill, (size_t)(right > 0 ? right : 0));
    return fresh(S, &b);
}

static int fill_arg(Sim *S, const Obj *args, int64_t nargs, uint32_t *fill)
{
    *fill = ' ';
    if (nargs < 2) return 0;
    Obj f = args[1];
    if (!ob_is(S, f, TI_STR)) {
        char tn[64];
        exc_set(S, EXC_TypeError, "The fill character must be a unicode character, not %s",
                tname(S, f, tn, sizeof tn));
        return -1;
    }
    if (str_len(S, f) != 1) {
        exc_set(S, EXC_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *fill = str_char(S, f, 0);
    return 0;
}

static Obj justify(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, const char *name, int how)
{
    char qual[32];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (cf_no_kwargs(S, qual, kwnames) || cf_positional(S, name, nargs, kwnames, 1, 2)) return 0;
    int64_t width;
    uint32_t fill;
    if (arg_index(S, args[0], &width) || fill_arg(S, args, nargs, &fill)) return 0;
    int64_t len = str_len(S, self);
    if (len >= width) return incref_ret(S, self);
    int64_t marg = width - len;
    if (how == 0) {
        int64_t left = marg / 2 + (marg & width & 1);
        return pad(S, self, left, marg - left, fill);
    }
    return how < 0 ? pad(S, self, 0, marg, fill) : pad(S, self, marg, 0, fill);
}

static Obj m_center(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return justify(S, self, a, n, kw, "center", 0); }
static Obj m_ljust(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return justify(S, self, a, n, kw, "ljust", -1); }
static Obj m_rjust(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return justify(S, self, a, n, kw, "rjust", 1); }

static Obj m_zfill(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "str.zfill", nargs, kwnames)) return 0;
    int64_t width;
    if (arg_index(S, args[0], &width)) return 0;
    int64_t len = str_len(S, self);
    if (len >= width) return incref_ret(S, self);
    int64_t fill = width - len;
    StrBuf b;
    sb_init(&b);
    sb_putn(&b, '0', (size_t)fill);
    sb_str(&b, S, self);
    if (!b.oom && (b.p[fill] == '+' || b.p[fill] == '-')) {
        b.p[0] = b.p[fill];
        b.p[fill] = '0';
    }
    return fresh(S, &b);
}

static Obj m_expandtabs(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const names[] = {"tabsize"};
    Obj v[1];
    if (parse_kw(S, "expandtabs", args, nargs, kwnames, names, 1, v)) return 0;
    int64_t tabsize = 8;
    if (v[0] && arg_index(S, v[0], &tabsize)) return 0;
    int64_t len = str_len(S, self), line = 0;
    int found = 0;
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i < len; i++) {
        uint32_t c = str_char(S, self, i);
        if (c == '\t') {
            found = 1;
            if (tabsize > 0) {
                int64_t incr = tabsize - (line % tabsize);
                sb_putn(&b, ' ', (size_t)incr);
                line += incr;
            }
        } else {
            sb_putc(&b, c);
            line++;
            if (c == '\n' || c == '\r') line = 0;
        }
    }
    if (!found) {
        sb_free(&b);
        return incref_ret(S, self);
    }
    return sb_finish(S, &b); /* unicode_result: singletons for 0 and 1 characters */
}

static Obj fix_affix(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, const char *name, int suffix)
{
    if (cf_one_arg(S, suffix ? "str.removesuffix" : "str.removeprefix", nargs, kwnames)) return 0;
    Obj a = args[0];
    if (!ob_is(S, a, TI_STR)) {
        char tn[64];
        return exc_set(S, EXC_TypeError, "%s() argument must be str, not %s", name, tname(S, a, tn, sizeof tn));
    }
    int64_t len = str_len(S, self), m = str_len(S, a);
    if (tail_match(S, self, a, 0, len, suffix)) {
        if (suffix && m > 0) return strop_substr(S, self, 0, len - m);
        if (!suffix) return strop_substr(S, self, m, len);
    }
    return incref_ret(S, self);
}

static Obj m_removeprefix(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return fix_affix(S, self, a, n, kw, "removeprefix", 0); }
static Obj m_removesuffix(Sim *S, Obj self, const Obj *a, int64_t n, Obj kw) { return fix_affix(S, self, a, n, kw, "removesuffix", 1); }

/* ---- encode ---- */

static int name_is(const Sim *S, Obj s, const char *const *names)
{
    char buf[64];
    str_to_utf8(S, s, buf, sizeof buf);
    for (char *p = buf; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
        if (*p == '_') *p = '-';
    }
    for (; *names; names++)
        if (!strcmp(buf, *names)) return 1;
    return 0;
}

static Obj m_encode(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const names[] = {"encoding", "errors"}, *const keywords[] = {"encoding", "errors", NULL};
    if (kwtuple_once(S, kwnames, KWT_STR_ENCODE, keywords) < 0) return 0;
    static const char *const utf8[] = {"utf-8", "utf8", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", NULL};
    Obj v[2];
    if (parse_kw(S, "encode", args, nargs, kwnames, names, 2, v)) return 0;
    char tn[64];
    for (int i = 0; i < 2; i++)
        if (v[i] && !ob_is(S, v[i], TI_STR))
            return exc_set(S, EXC_TypeError, "encode() argument '%s' must be str, not %s", names[i],
                           tname(S, v[i], tn, sizeof tn));
    int64_t len = str_len(S, self);
    uint32_t limit = 0x110000;
    const char *codec = "utf-8";
    if (v[0] && !name_is(S, v[0], utf8)) {
        if (name_is(S, v[0], ascii)) {
            limit = 0x80;
            codec = "ascii";
        } else if (name_is(S, v[0], latin1)) {
            limit = 0x100;
            codec = "latin-1";
        } else {
            char buf[64];
            str_to_utf8(S, v[0], buf, sizeof buf);
            return exc_set(S, EXC_LookupError, "unknown encoding: %s", buf);
        }
    }
    if (limit == 0x110000) {
        size_t n = str_to_utf8(S, self, NULL, 0);
        char *buf = malloc(n + 1);
        if (!buf) return exc_no_memory(S);
        str_to_utf8(S, self, buf, n + 1);
        Obj r = bytes_from(S, buf, (int64_t)n);
        free(buf);
        return r;
    }
    unsigned char *buf = malloc((size_t)len + 1);
    if (!buf) return exc_no_memory(S);
    for (int64_t i = 0; i < len; i++) {
        uint32_t c = str_char(S, self, i);
        if (c >= limit) {
            free(buf);
            StrBuf e;
            sb_init(&e);
            Obj ch = strop_char(S, c);
            if (!ch) return 0;
            Obj r = rt_repr(S, ch);
            ob_decref(S, ch, HOLD_TEMP);
            if (!r) return 0;
            char rb[32];
            str_to_utf8(S, r, rb, sizeof rb);
            ob_decref(S, r, HOLD_TEMP);
            sb_free(&e);
            /* UnicodeEncodeError is a ValueError; refscope has no subclass for it */
            return exc_set(S, EXC_ValueError, "'%s' codec can't encode character %s in position %lld: "
                           "ordinal not in range(%u)", codec, rb, (long long)i, (unsigned)limit);
        }
        buf[i] = (unsigned char)c;
    }
    Obj r = bytes_from(S, buf, len);
    free(buf);
    return r;
}

/* ---- format ---- */

/* _PyUnicodeWriter's one-object case: the last piece written whole into
 * an empty writer is the result itself. */
typedef struct Writer {
    StrBuf b;
    Obj sole;
} Writer;

static void w_flush_sole(Sim *S, Writer *w)
{
    if (!w->sole) return;
    sb_str(&w->b, S, w->sole);
    ob_decref(S, w->sole, HOLD_TEMP);
    w->sole = 0;
}

static void w_write(Sim *S, Writer *w, Obj s, int64_t start, int64_t end, int last)
{
    if (end <= start) return;
    if (last && w->b.n == 0 && !w->sole && start == 0 && end == str_len(S, s)) {
        w->sole = incref_ret(S, s);
        return;
    }
    w_flush_sole(S, w);
    sb_substr(&w->b, S, s, start, end);
}

static Obj w_finish(Sim *S, Writer *w)
{
    if (w->sole && w->b.n == 0) {
        sb_free(&w->b);
        return w->sole;
    }
    w_flush_sole(S, w);
    return sb_finish(S, &w->b);
}

static void w_free(Sim *S, Writer *w)
{
    if (w->sole) ob_decref(S, w->sole, HOLD_TEMP);
    sb_free(&w->b);
}

typedef struct FmtCtx {
    const Obj *args;
    int64_t nargs;
    const Obj *kwvals;
    Obj kwnames;
    int auto_state;      /* 0 init, 1 auto, 2 manual */
    int64_t auto_next;
} FmtCtx;

static int build_string(Sim *S, FmtCtx *cx, Obj fmt, int64_t start, int64_t end, int depth, Writer *w);

/* A run of ASCII digits as a number: 1 with *out, 0 when not all digits
 * (or empty), -1 with ValueError on overflow. */
static int digits_value(Sim *S, Obj s, int64_t a, int64_t z, int64_t *out)
{
    if (z <= a) return 0;
    int64_t v = 0;
    for (int64_t i = a; i < z; i++) {
        uint32_t c = str_char(S, s, i);
        if (c < '0' || c > '9') return 0;
        if (v > (INT64_MAX - (c - '0')) / 10) {
            exc_set(S, EXC_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (c - '0');
    }
    *out = v;
    return 1;
}

/* get_field_object: the first part, then .attr and [key] parts.  New ref. */
static Obj field_object(Sim *S, FmtCtx *cx, Obj fmt, int64_t a, int64_t z)
{
    int64_t i = a;
    while (i < z && str_char(S, fmt, i) != '.' && str_char(S, fmt, i) != '[') i++;
    int64_t idx = 0;
    int num = digits_value(S, fmt, a, i, &idx);
    if (num < 0) return 0;
    Obj obj;
    if (i == a || num) {
        if (i == a) {
            if (cx->auto_state == 2)
                return exc_set(S, EXC_ValueError,
                               "cannot switch from manual field specification to automatic field numbering");
            cx->auto_state = 1;
            idx = cx->auto_next++;
        } else {
            if (cx->auto_state == 1)
                return exc_set(S, EXC_ValueError,
                               "cannot switch from automatic field numbering to manual field specification");
            cx->auto_state = 2;
        }
        if (idx >= cx->nargs)
            return exc_set(S, EXC_IndexError, "Replacement index %lld out of range for positional args tuple",
                           (long long)idx);
        obj = incref_ret(S, cx->args[idx]);
    } else {
        Obj key = strop_substr(S, fmt, a, i);
        if (!key) return 0;
        obj = 0;
        int64_t nkw = cx->kwnames ? ob_size(S, cx->kwnames) : 0;
        for (int64_t k = 0; k < nkw; k++)
            if (str_eq(S, tuple_item(S, cx->kwnames, k), key)) obj = incref_ret(S, cx->kwvals[k]);
        if (!obj) {
            Obj t = tuple_new(S, 1);
            if (!t) {
                ob_decref(S, key, HOLD_TEMP);
                return 0;
            }
            tuple_set_item(S, t, 0, key);
            return exc_set_args(S, EXC_KeyError, t);
        }
        ob_decref(S, key, HOLD_TEMP);
    }
    /* FieldNameIterator */
    while (i < z) {
        uint32_t c = str_char(S, fmt, i++);
        Obj next;
        if (c == '.') {
            int64_t s0 = i;
            while (i < z && str_char(S, fmt, i) != '.' && str_char(S, fmt, i) != '[') i++;
            if (i == s0) {
                ob_decref(S, obj, HOLD_TEMP);
                return exc_set(S, EXC_ValueError, "Empty attribute in format string");
            }
            Obj name = strop_substr(S, fmt, s0, i);
            if (!name) {
                ob_decref(S, obj, HOLD_TEMP);
                return 0;
            }
            next = rt_getattr(S, obj, name);
            ob_decref(S, name, HOLD_TEMP);
        } else if (c == '[') {
            int64_t s0 = i;
            while (i < z && str_char(S, fmt, i) != ']') i++;
            if (i >= z) {
                ob_decref(S, obj, HOLD_TEMP);
                return exc_set(S, EXC_ValueError, "Missing ']' in format string");
            }
            int64_t kv;
            int isnum = digits_value(S, fmt, s0, i, &kv);
            if (isnum < 0) {
                ob_decref(S, obj, HOLD_TEMP);
                return 0;
            }
            if (i == s0) {
                ob_decref(S, obj, HOLD_TEMP);
                return exc_set(S, EXC_ValueError, "Empty attribute in format string");
            }
            Obj key = isnum ? int_from_i64(S, kv) : strop_substr(S, fmt, s0, i);
            i++; /* the ']' */
            if (!key) {
                ob_decref(S, obj, HOLD_TEMP);
                return 0;
            }
            next = rt_getitem(S, obj, key);
            ob_decref(S, key, HOLD_TEMP);
        } else {
            ob_decref(S, obj, HOLD_TEMP);
            return exc_set(S, EXC_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
        ob_decref(S, obj, HOLD_TEMP);
        if (!next) return 0;
        obj = next;
    }
    return obj;
}

/* parse_field from fmt[*pos]: the field name, conversion and spec. */
static int parse_field(Sim *S, Obj fmt, int64_t *pos, int64_t end, int64_t *na, int64_t *nz, uint32_t *conv,
                       int64_t *sa, int64_t *sz, int *expand)
{
    uint32_t c = 0;
    *conv = 0;
    *sa = *sz = 0;
    *na = *pos;
    while (*pos < end) {
        c = str_char(S, fmt, (*pos)++);
        if (c == '{') {
            exc_set(S, EXC_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (*pos < end && str_char(S, fmt, *pos) != ']') (*pos)++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    *nz = *pos - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (*pos >= end) {
                exc_set(S, EXC_ValueError, "end of string while looking for conversion specifier");
                return -1;
            }
            *conv = str_char(S, fmt, (*pos)++);
            if (*pos < end) {
                c = str_char(S, fmt, (*pos)++);
                if (c == '}') return 0;
                if (c != ':') {
                    exc_set(S, EXC_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        *sa = *pos;
        int count = 1;
        while (*pos < end) {
            c = str_char(S, fmt, (*pos)++);
            if (c == '{') {
                *expand = 1;
                count++;
            } else if (c == '}' && --count == 0) {
                *sz = *pos - 1;
                return 0;
            }
        }
        exc_set(S, EXC_ValueError, "unmatched '{' in format spec");
        return -1;
    } else if (c != '}') {
        exc_set(S, EXC_ValueError, "expected '}' before end of string");
        return -1;
    }
    return 0;
}

static int output_field(Sim *S, FmtCtx *cx, Obj fmt, int64_t na, int64_t nz, uint32_t conv, int64_t sa,
                        int64_t sz, int expand, int depth, Writer *w, int last)
{
    Obj obj = field_object(S, cx, fmt, na, nz);
    if (!obj) return -1;
    if (conv) {
        Obj c;
        switch (conv) {
        case 'r': c = rt_repr(S, obj); break;
        case 's': c = rt_str(S, obj); break;
        case 'a': c = rt_ascii(S, obj); break;
        default:
            if (conv > 32 && conv < 127)
                exc_set(S, EXC_ValueError, "Unknown conversion specifier %c", (char)conv);
            else
                exc_set(S, EXC_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
            c = 0;
        }
        ob_decref(S, obj, HOLD_TEMP);
        if (!c) return -1;
        obj = c;
    }
    Obj spec;
    if (expand) {
        Writer sw = {{0}, 0};
        sb_init(&sw.b);
        if (build_string(S, cx, fmt, sa, sz, depth - 1, &sw)) {
            w_free(S, &sw);
            ob_decref(S, obj, HOLD_TEMP);
            return -1;
        }
        spec = w_finish(S, &sw);
    } else {
        spec = strop_substr(S, fmt, sa, sz);
    }
    if (!spec) {
        ob_decref(S, obj, HOLD_TEMP);
        return -1;
    }
    /* render_field: exact ints and floats are formatted straight into the
     * writer; other results are written whole (kept as the result when
     * they are the last piece of an empty writer) */
    int direct = ob_is(S, obj, TI_INT) || ob_is(S, obj, TI_FLOAT);
    Obj r = direct || ob_is(S, obj, TI_STR) ? rt_format_builtin(S, obj, spec) : rt_format(S, obj, spec);
    ob_decref(S, spec, HOLD_TEMP);
    ob_decref(S, obj, HOLD_TEMP);
    if (!r) return -1;
    if (direct) {
        w_flush_sole(S, w);
        sb_str(&w->b, S, r);
    } else {
        w_write(S, w, r, 0, str_len(S, r), last);
    }
    ob_decref(S, r, HOLD_TEMP);
    return 0;
}

/* build_string / do_markup over fmt[start:end]. */
static int build_string(Sim *S, FmtCtx *cx, Obj fmt, int64_t start, int64_t end, int depth, Writer *w)
{
    if (depth <= 0) {
        exc_set(S, EXC_ValueError, "Max string recursion exceeded");
        return -1;
    }
    int64_t pos = start;
    while (pos < end) {
        int64_t lit = pos;
        uint32_t c = 0;
        int markup = 0;
        while (pos < end) {
            c = str_char(S, fmt, pos++);
            if (c == '{' || c == '}') {
                markup = 1;
                break;
            }
        }
        int at_end = pos >= end;
        int64_t len = pos - lit;
        if (markup && c == '}' && (at_end || str_char(S, fmt, pos) != '}')) {
            exc_set(S, EXC_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (markup && at_end && c == '{') {
            exc_set(S, EXC_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (markup && !at_end) {
            if (c == str_char(S, fmt, pos)) {
                pos++;
                markup = 0;
            } else {
                len--;
            }
        }
        int64_t na = 0, nz = 0, sa = 0, sz = 0;
        uint32_t conv = 0;
        int expand = 0;
        if (markup && parse_field(S, fmt, &pos, end, &na, &nz, &conv, &sa, &sz, &expand)) return -1;
        w_write(S, w, fmt, lit, lit + len, !markup && pos >= end);
        if (markup && output_field(S, cx, fmt, na, nz, conv, sa, sz, expand, depth, w, pos >= end)) return -1;
    }
    return 0;
}

static Obj format_(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    FmtCtx cx = {args, nargs, args + nargs, kwnames, 0, 0};
    Writer w = {{0}, 0};
    sb_init(&w.b);
    if (build_string(S, &cx, self, 0, str_len(S, self), 2, &w)) {
        w_free(S, &w);
        return 0;
    }
    return w_finish(S, &w);
}

/* str.format is METH_VARARGS|METH_KEYWORDS: a tuple of the positional
 * arguments, a dict of the keywords. */
static Obj m_format(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return cf_call_varargs(S, format_, self, args, nargs, kwnames, NULL);
}

const CFuncDef cf_str_methods[] = {
    {"join", m_join},
    {"split", m_split},
    {"rsplit", m_rsplit},
    {"splitlines", m_splitlines},
    {"strip", m_strip},
    {"lstrip", m_lstrip},
    {"rstrip", m_rstrip},
    {"upper", m_upper},
    {"lower", m_lower},
    {"casefold", m_casefold},
    {"capitalize", m_capitalize},
    {"title", m_title},
    {"swapcase", m_swapcase},
    {"replace", m_replace},
    {"find", m_find},
    {"rfind", m_rfind},
    {"index", m_index},
    {"rindex", m_rindex},
    {"count", m_count},
    {"startswith", m_startswith},
    {"endswith", m_endswith},
    {"isdigit", m_isdigit},
    {"isdecimal", m_isdecimal},
    {"isnumeric", m_isnumeric},
    {"isalpha", m_isalpha},
    {"isalnum", m_isalnum},
    {"isspace", m_isspace},
    {"isupper", m_isupper},
    {"islower", m_islower},
    {"istitle", m_istitle},
    {"isidentifier", m_isidentifier},
    {"isascii", m_isascii},
    {"isprintable", m_isprintable},
    {"zfill", m_zfill},
    {"center", m_center},
    {"ljust", m_ljust},
    {"rjust", m_rjust},
    {"partition", m_partition},
    {"rpartition", m_rpartition},
    {"format", m_format},
    {"encode", m_encode},
    {"expandtabs", m_expandtabs},
    {"removeprefix", m_removeprefix},
    {"removesuffix", m_removesuffix},
    {NULL, NULL},
};
