/* strops.c -- see strops.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/cfunc.h"
#include "runtime/runtime.h"
#include "runtime/strops.h"

/* ---- the text builder ---- */

void sb_init(StrBuf *b) { memset(b, 0, sizeof *b); }

void sb_free(StrBuf *b)
{
    free(b->p);
    sb_init(b);
}

/* Room for `more` code points; sets oom instead of failing loudly so that
 * callers can write straight through and check once at sb_finish. */
static int sb_reserve(StrBuf *b, size_t more)
{
    if (b->oom) return -1;
    if (b->n + more <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + more) cap *= 2;
    uint32_t *p = realloc(b->p, cap * sizeof *p);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void sb_putc(StrBuf *b, uint32_t c)
{
    if (sb_reserve(b, 1)) return;
    b->p[b->n++] = c;
    if (c > b->maxchar) b->maxchar = c;
}

void sb_putn(StrBuf *b, uint32_t c, size_t count)
{
    if (count == 0 || sb_reserve(b, count)) return;
    for (size_t i = 0; i < count; i++) b->p[b->n++] = c;
    if (c > b->maxchar) b->maxchar = c;
}

void sb_putmem(StrBuf *b, const char *utf8, size_t n)
{
    const unsigned char *s = (const unsigned char *)utf8;
    for (size_t i = 0; i < n;) {
        uint32_t c = s[i];
        int extra = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
        if (extra) c &= 0x3fu >> extra;
        i++;
        for (int k = 0; k < extra && i < n; k++, i++) c = (c << 6) | (s[i] & 0x3f);
        sb_putc(b, c);
    }
}

void sb_puts(StrBuf *b, const char *utf8) { sb_putmem(b, utf8, strlen(utf8)); }

void sb_printf(StrBuf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        sb_putmem(b, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_putmem(b, big, (size_t)n);
    free(big);
}

void sb_substr(StrBuf *b, const Sim *S, Obj s, int64_t start, int64_t end)
{
    if (end <= start || sb_reserve(b, (size_t)(end - start))) return;
    for (int64_t i = start; i < end; i++) {
        uint32_t c = str_char(S, s, i);
        b->p[b->n++] = c;
        if (c > b->maxchar) b->maxchar = c;
    }
}

void sb_str(StrBuf *b, const Sim *S, Obj s) { sb_substr(b, S, s, 0, str_len(S, s)); }

Obj str_from_cps(Sim *S, const uint32_t *cps, int64_t n)
{
    uint32_t maxchar = 0;
    for (int64_t i = 0; i < n; i++)
        if (cps[i] > maxchar) maxchar = cps[i];
    if (n == 0) {
        ob_incref(S, S->empty_str, HOLD_TEMP);
        return S->empty_str;
    }
    if (n == 1) return strop_char(S, cps[0]);
    Obj o = str_new(S, maxchar, n);
    if (!o) return 0;
    for (int64_t i = 0; i < n; i++) str_set_char(S, o, i, cps[i]);
    return o;
}

Obj sb_finish(Sim *S, StrBuf *b)
{
    if (b->oom) {
        sb_free(b);
        return exc_no_memory(S);
    }
    Obj o = str_from_cps(S, b->p, (int64_t)b->n);
    sb_free(b);
    return o;
}

Obj strop_char(Sim *S, uint32_t c)
{
    if (c < 256) {
        ob_incref(S, S->latin1[c], HOLD_TEMP);
        return S->latin1[c];
    }
    Obj o = str_new(S, c, 1);
    if (o) str_set_char(S, o, 0, c);
    return o;
}

/* The largest code point of s[start:end] (for the result's kind). */
static uint32_t max_char(const Sim *S, Obj s, int64_t start, int64_t end)
{
    uint32_t m = 0;
    for (int64_t i = start; i < end; i++) {
        uint32_t c = str_char(S, s, i);
        if (c > m) m = c;
    }
    return m;
}

Obj strop_substr(Sim *S, Obj s, int64_t start, int64_t end)
{
    int64_t len = str_len(S, s);
    if (start == 0 && end == len) { /* unicode_result_unchanged */
        ob_incref(S, s, HOLD_TEMP);
        return s;
    }
    if (start >= len || end <= start) {
        ob_incref(S, S->empty_str, HOLD_TEMP);
        return S->empty_str;
    }
    if (end - start == 1) return strop_char(S, str_char(S, s, start));
    uint32_t m = max_char(S, s, start, end);
    Obj o = str_new(S, m, end - start);
    if (!o) return 0;
    for (int64_t i = start; i < end; i++) str_set_char(S, o, i - start, str_char(S, s, i));
    return o;
}

/* ---- operators ---- */

static Obj type_error_concat(Sim *S, Obj b)
{
    char name[64];
    return exc_set(S, EXC_TypeError, "can only concatenate str (not \"%s\") to str",
                   ob_type_name(S, b, name, sizeof name));
}

/* The largest code point a str's kind can hold (PyUnicode_MAX_CHAR_VALUE). */
static uint32_t kind_max(const Sim *S, Obj s)
{
    if (str_is_ascii(S, s)) return 0x7f;
    switch (str_kind(S, s)) {
    case 1: return 0xff;
    case 2: return 0xffff;
    default: return 0x10ffff;
    }
}

Obj strop_concat(Sim *S, Obj a, Obj b)
{
    if (!ob_is(S, b, TI_STR)) return type_error_concat(S, b);
    /* PyUnicode_Concat's shortcuts are by identity with the empty singleton. */
    if (a == S->empty_str || b == S->empty_str) {
        Obj r = a == S->empty_str ? b : a;
        ob_incref(S, r, HOLD_TEMP);
        return r;
    }
    int64_t na = str_len(S, a), nb = str_len(S, b);
    uint32_t ma = kind_max(S, a), mb = kind_max(S, b);
    Obj o = str_new(S, ma > mb ? ma : mb, na + nb);
    if (!o) return 0;
    for (int64_t i = 0; i < na; i++) str_set_char(S, o, i, str_char(S, a, i));
    for (int64_t i = 0; i < nb; i++) str_set_char(S, o, na + i, str_char(S, b, i));
    return o;
}

Obj strop_repeat(Sim *S, Obj s, int64_t n)
{
    int64_t len = str_len(S, s);
    if (n < 1 || len == 0) {
        ob_incref(S, S->empty_str, HOLD_TEMP);
        return S->empty_str;
    }
    if (n == 1) {
        ob_incref(S, s, HOLD_TEMP);
        return s;
    }
    if (len > INT64_MAX / n) return exc_set(S, EXC_OverflowError, "repeated string is too long");
    Obj o = str_new(S, kind_max(S, s), len * n);
    if (!o) return 0;
    for (int64_t k = 0; k < n; k++)
        for (int64_t i = 0; i < len; i++) str_set_char(S, o, k * len + i, str_char(S, s, i));
    return o;
}

Obj strop_subscript(Sim *S, Obj s, Obj key)
{
    int64_t len = str_len(S, s);
    int64_t at;
    int r = rt_subscript_index(S, key, &at, "cannot fit 'int' into an index-sized integer");
    if (r < 0) return 0;
    if (r) {
        if (at < 0) at += len;
        if (at < 0 || at >= len) return exc_set(S, EXC_IndexError, "string index out of range");
        return strop_char(S, str_char(S, s, at));
    }
    if (ob_is(S, key, TI_SLICE)) {
        int64_t start, stop, step;
        if (slice_indices(S, key, len, &start, &stop, &step)) return 0;
        int64_t n = slice_length(start, stop, step);
        if (n <= 0) {
            ob_incref(S, S->empty_str, HOLD_TEMP);
            return S->empty_str;
        }
        if (step == 1) return strop_substr(S, s, start, start + n);
        /* The general case: always a fresh str, even of one character. */
        uint32_t m = 0;
        for (int64_t k = 0, i = start; k < n; k++, i += step)
            if (str_char(S, s, i) > m) m = str_char(S, s, i);
        if (str_is_ascii(S, s)) m = 0x7f;
        Obj o = str_new(S, m, n);
        if (!o) return 0;
        for (int64_t k = 0, i = start; k < n; k++, i += step) str_set_char(S, o, k, str_char(S, s, i));
        return o;
    }
    char name[64];
    return exc_set(S, EXC_TypeError, "string indices must be integers, not '%s'",
                   ob_type_name(S, key, name, sizeof name));
}

int strop_compare(const Sim *S, Obj a, Obj b)
{
    int64_t na = str_len(S, a), nb = str_len(S, b);
    int64_t n = na < nb ? na : nb;
    for (int64_t i = 0; i < n; i++) {
        uint32_t x = str_char(S, a, i), y = str_char(S, b, i);
        if (x != y) return x < y ? -1 : 1;
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

static int match_at(const Sim *S, Obj s, Obj sub, int64_t at, int64_t m)
{
    for (int64_t k = 0; k < m; k++)
        if (str_char(S, s, at + k) != str_char(S, sub, k)) return 0;
    return 1;
}

int64_t strop_find(const Sim *S, Obj s, Obj sub, int64_t start, int64_t end, int dir)
{
    int64_t m = str_len(S, sub);
    if (end - start < m) return -1;
    if (dir > 0) {
        for (int64_t i = start; i + m <= end; i++)
            if (match_at(S, s, sub, i, m)) return i;
    } else {
        for (int64_t i = end - m; i >= start; i--)
            if (match_at(S, s, sub, i, m)) return i;
    }
    return -1;
}

int64_t strop_count(const Sim *S, Obj s, Obj sub, int64_t start, int64_t end, int64_t max)
{
    int64_t m = str_len(S, sub), n = 0;
    if (end - start < m) return 0;
    if (m == 0) { /* one match before each character and one at the end */
        n = end - start + 1;
        return max >= 0 && n > max ? max : n;
    }
    for (int64_t i = start; i + m <= end && (max < 0 || n < max);) {
        if (match_at(S, s, sub, i, m)) {
            n++;
            i += m;
        } else {
            i++;
        }
    }
    return n;
}

int strop_contains(Sim *S, Obj s, Obj sub)
{
    if (!ob_is(S, sub, TI_STR)) {
        char name[64];
        exc_set(S, EXC_TypeError, "'in <string>' requires string as left operand, not %s",
                ob_type_name(S, sub, name, sizeof name));
        return -1;
    }
    return strop_find(S, s, sub, 0, str_len(S, s), 1) >= 0;
}

/* ---- iteration ---- */

Obj strop_iter(Sim *S, Obj s)
{
    Obj it = ob_alloc(S, str_is_ascii(S, s) ? TI_STR_ASCII_ITER : TI_STR_ITER, 0);
    if (!it) return 0;
    ob_set64(S, it, SEQITER_INDEX_OFF, 0);
    ob_set64(S, it, SEQITER_SEQ_OFF, s);
    ob_incref(S, s, HOLD_INTERNAL(it, R_ITER_SEQ));
    gc_track(S, it);
    return it;
}

Obj strop_iter_next(Sim *S, Obj it)
{
    Obj s = ob_get64(S, it, SEQITER_SEQ_OFF);
    if (!s) return 0;
    int64_t i = (int64_t)ob_get64(S, it, SEQITER_INDEX_OFF);
    if (i < str_len(S, s)) {
        ob_set64(S, it, SEQITER_INDEX_OFF, (uint64_t)(i + 1));
        return strop_char(S, str_char(S, s, i));
    }
    /* Exhausted: it_seq = NULL, then the str loses the iterator's reference. */
    ob_set64(S, it, SEQITER_SEQ_OFF, 0);
    ob_decref(S, s, HOLD_INTERNAL(it, R_ITER_SEQ));
    return 0;
}

/* ---- str() ---- */

static int str_arg_is(const Sim *S, Obj s, const char *text)
{
    size_t n = strlen(text);
    if ((size_t)str_len(S, s) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (str_char(S, s, (int64_t)i) != (unsigned char)text[i]) return 0;
    return 1;
}

static Obj unicode_new(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);

/* str has no vectorcall in 3.11: _PyObject_MakeTpCall packs the arguments
 * into a tuple (and the keywords into a dict) for unicode_new.  (Its
 * parser's keyword tuple already exists after CPython's start-up.) */
Obj cf_new_str(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    return cf_call_varargs(S, unicode_new, type, args, nargs, kwnames, NULL);
}

static Obj unicode_new(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type; /* str subclasses are made by the VM's type call, not here */
    static const char *const names[] = {"object", "encoding", "errors"};
    Obj v[3] = {0, 0, 0};
    int64_t nkw = kwnames ? ob_size(S, kwnames) : 0;
    if (nargs + nkw > 3)
        return exc_set(S, EXC_TypeError, "str() takes at most 3 arguments (%lld given)",
                       (long long)(nargs + nkw));
    for (int64_t i = 0; i < nargs; i++) v[i] = args[i];
    for (int64_t k = 0; k < nkw; k++) {
        Obj name = tuple_item(S, kwnames, k);
        int which = -1;
        for (int j = 0; j < 3; j++)
            if (str_arg_is(S, name, names[j])) which = j;
        if (which < 0) {
            char buf[128];
            str_to_utf8(S, name, buf, sizeof buf);
            return exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for str()", buf);
        }
        if (v[which])
            return exc_set(S, EXC_TypeError,
                           "argument for str() given by name ('%s') and position (%d)",
                           names[which], which + 1);
        v[which] = args[nargs + k];
    }
    for (int j = 1; j < 3; j++)
        if (v[j] && !ob_is(S, v[j], TI_STR)) {
            char name[64];
            return exc_set(S, EXC_TypeError, "str() argument '%s' must be str, not %s", names[j],
                           ob_type_name(S, v[j], name, sizeof name));
        }
    if (!v[0]) {
        if (!v[1] && !v[2]) {
            ob_incref(S, S->empty_str, HOLD_TEMP);
            return S->empty_str;
        }
        /* str(encoding=...) decodes b'' */
        ob_incref(S, S->empty_str, HOLD_TEMP);
        return S->empty_str;
    }
    if (!v[1] && !v[2]) return rt_str(S, v[0]);
    if (ob_is(S, v[0], TI_STR)) return exc_set(S, EXC_TypeError, "decoding str is not supported");
    if (!ob_is(S, v[0], TI_BYTES)) {
        char name[64];
        return exc_set(S, EXC_TypeError, "decoding to str: need a bytes-like object, %s found",
                       ob_type_name(S, v[0], name, sizeof name));
    }
    const unsigned char *d = bytes_data(S, v[0]);
    int64_t n = bytes_len(S, v[0]);
    int ascii = v[1] && (str_arg_is(S, v[1], "ascii") || str_arg_is(S, v[1], "us-ascii"));
    int latin1 = v[1] && (str_arg_is(S, v[1], "latin-1") || str_arg_is(S, v[1], "latin1") ||
                          str_arg_is(S, v[1], "iso-8859-1"));
    if (ascii || latin1) {
        StrBuf b;
        sb_init(&b);
        for (int64_t i = 0; i < n; i++) {
            if (ascii && d[i] >= 0x80) {
                sb_free(&b);
                /* UnicodeDecodeError is a ValueError; refscope has no subclass for it */
                return exc_set(S, EXC_ValueError, "'ascii' codec can't decode byte 0x%02x in position %lld: "
                               "ordinal not in range(128)", d[i], (long long)i);
            }
            sb_putc(&b, d[i]);
        }
        return sb_finish(S, &b);
    }
    if (v[1] && !str_arg_is(S, v[1], "utf-8") && !str_arg_is(S, v[1], "utf8") &&
        !str_arg_is(S, v[1], "UTF-8")) {
        char buf[64];
        str_to_utf8(S, v[1], buf, sizeof buf);
        return exc_set(S, EXC_LookupError, "unknown encoding: %s", buf);
    }
    return str_from_utf8(S, (const char *)d, (size_t)n);
}

/* ---- numbers as text ---- */

char *strop_int_digits(const Sim *S, Obj o, int base, int *neg)
{
    int64_t size = ob_size(S, o);
    *neg = size < 0;
    if (base == 10) {
        size_t n = int_to_decimal(S, o, NULL, 0);
        char *buf = malloc(n + 1);
        if (!buf) return NULL;
        int_to_decimal(S, o, buf, n + 1);
        if (buf[0] == '-') memmove(buf, buf + 1, n--);
        return buf;
    }
    int64_t nd = size < 0 ? -size : size;
    unsigned bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    uint64_t total = (uint64_t)nd * INT_SHIFT;
    size_t cap = (size_t)(total / bits) + 2;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    /* least significant digit first, then reversed */
    size_t n = 0;
    for (uint64_t pos = 0; pos < total; pos += bits) {
        unsigned v = 0;
        for (unsigned k = 0; k < bits && pos + k < total; k++) {
            uint64_t bit = pos + k;
            uint32_t d = ob_get32(S, o, INT_DIGITS_OFF + 4 * (uint32_t)(bit / INT_SHIFT));
            v |= ((d >> (bit % INT_SHIFT)) & 1u) << k;
        }
        buf[n++] = "0123456789abcdef"[v];
    }
    while (n > 1 && buf[n - 1] == '0') n--;
    if (n == 0) buf[n++] = '0';
    for (size_t i = 0; i < n / 2; i++) {
        char t = buf[i];
        buf[i] = buf[n - 1 - i];
        buf[n - 1 - i] = t;
    }
    buf[n] = '\0';
    return buf;
}

/* ---- classes ---- */

Obj strop_dict_get_cstr(const Sim *S, Obj d, const char *name)
{
    size_t len = strlen(name);
    int64_t pos = 0;
    Obj k, v;
    while (d && dict_next(S, d, &pos, &k, &v)) {
        if (!ob_is(S, k, TI_STR) || (size_t)str_len(S, k) != len) continue;
        size_t j = 0;
        while (j < len && str_char(S, k, (int64_t)j) == (unsigned char)name[j]) j++;
        if (j == len) return v;
    }
    return 0;
}

int strop_user_defines(const Sim *S, Obj o, const char *name)
{
    Obj type = ob_type(S, o);
    if (!(tp_flags(S, type) & TPF_HEAPTYPE)) return 0;
    Obj mro = ob_get64(S, type, TP_MRO_OFF);
    int64_t n = mro ? ob_size(S, mro) : 0;
    for (int64_t i = 0; i < n; i++) {
        Obj t = tuple_item(S, mro, i);
        if (!(tp_flags(S, t) & TPF_HEAPTYPE)) return 0;
        if (strop_dict_get_cstr(S, ob_get64(S, t, TP_DICT_OFF), name)) return 1;
    }
    return 0;
}

/* ---- printf-style formatting: PyUnicode_Format ---- */

typedef struct ModState {
    Obj args, dict;
    int64_t arglen, argidx;   /* arglen -1: a single non-tuple argument */
} ModState;

/* getnextarg: borrowed, or 0 with TypeError. */
static Obj mod_next_arg(Sim *S, ModState *m)
{
    int64_t n = m->argidx;
    if (n < m->arglen) {
        m->argidx++;
        if (m->arglen < 0) return m->args;
        return tuple_item(S, m->args, n);
    }
    return exc_set(S, EXC_TypeError, "not enough arguments for format string");
}

typedef struct ModSpec {
    int left, plus, blank, alt, zero;
    int64_t width, prec;      /* -1: none */
    uint32_t c;
} ModSpec;

/* Pads `body` (sign + prefix + digits, as cps) to the width: mainformat's
 * rules -- '-' pads right, '0' pads between sign/prefix and digits. */
static void mod_pad(StrBuf *out, const ModSpec *f, const uint32_t *body, int64_t n, int64_t lead, int numeric)
{
    int64_t pad = f->width > n ? f->width - n : 0;
    if (f->left) {
        for (int64_t i = 0; i < n; i++) sb_putc(out, body[i]);
        sb_putn(out, ' ', (size_t)pad);
    } else if (f->zero && numeric) {
        for (int64_t i = 0; i < lead; i++) sb_putc(out, body[i]);
        sb_putn(out, '0', (size_t)pad);
        for (int64_t i = lead; i < n; i++) sb_putc(out, body[i]);
    } else {
        sb_putn(out, ' ', (size_t)pad);
        for (int64_t i = 0; i < n; i++) sb_putc(out, body[i]);
    }
}

/* unicode_format_arg_output's fast path: a conversion's str is written
 * whole when no padding, truncation or sign flag applies -- and when it
 * is the last piece of an empty writer, it is the result itself. */
static int mod_whole(const ModSpec *f, int64_t len)
{
    return (f->width < 0 || f->width <= len) && (f->prec < 0 || f->prec >= len) && !f->plus && !f->blank;
}

/* The body as the result (a fresh str, as _PyUnicode_FormatLong and
 * _PyUnicode_FromASCII make it) when `sole` may take it: 1, else 0. */
static int mod_take_sole(Sim *S, const ModSpec *f, StrBuf *body, Obj *sole)
{
    if (!sole || !mod_whole(f, (int64_t)body->n) || body->oom || body->n == 0) return 0;
    Obj o = str_new(S, body->maxchar, (int64_t)body->n);
    if (!o) return -1;
    for (size_t i = 0; i < body->n; i++) str_set_char(S, o, (int64_t)i, body->p[i]);
    *sole = o;
    return 1;
}

/* %d %i %u %x %X %o of an int: sign, prefix, precision's zeros. */
static int mod_int(Sim *S, StrBuf *out, const ModSpec *f, Obj v, Obj *sole)
{
    /* formatlong's fast path writes an exact int straight into the writer */
    if (ob_is(S, v, TI_INT) && f->width < 0 && f->prec < 0 && !f->plus && !f->blank && f->c != 'X') sole = NULL;
    char tn[64];
    Obj iv = v;
    int own = 0;
    uint32_t c = f->c;
    if (!ob_is(S, v, TI_INT) && !ob_is(S, v, TI_BOOL)) {
        if (ob_is(S, v, TI_FLOAT) && (c == 'd' || c == 'i' || c == 'u')) {
            iv = int_from_double(S, float_value(S, v));
            if (!iv) return -1;
            own = 1;
        } else if (c == 'd' || c == 'i' || c == 'u') {
            exc_set(S, EXC_TypeError, "%%%c format: a real number is required, not %s", (char)c,
                    ob_type_name(S, v, tn, sizeof tn));
            return -1;
        } else {
            exc_set(S, EXC_TypeError, "%%%c format: an integer is required, not %s", (char)c,
                    ob_type_name(S, v, tn, sizeof tn));
            return -1;
        }
    }
    int base = c == 'x' || c == 'X' ? 16 : c == 'o' ? 8 : 10;
    int neg;
    char *digits = strop_int_digits(S, iv, base, &neg);
    if (own) ob_decref(S, iv, HOLD_TEMP);
    if (!digits) {
        exc_no_memory(S);
        return -1;
    }
    int64_t nd = (int64_t)strlen(digits);
    int64_t zeros = f->prec > nd ? f->prec - nd : 0;
    StrBuf body;
    sb_init(&body);
    if (neg) sb_putc(&body, '-');
    else if (f->plus) sb_putc(&body, '+');
    else if (f->blank) sb_putc(&body, ' ');
    if (f->alt && base != 10) {
        sb_putc(&body, '0');
        sb_putc(&body, c == 'o' ? 'o' : c);
    }
    int64_t lead = (int64_t)body.n;
    sb_putn(&body, '0', (size_t)zeros);
    for (int64_t i = 0; i < nd; i++)
        sb_putc(&body, c == 'X' && digits[i] >= 'a' ? (uint32_t)(digits[i] - 32) : (uint32_t)digits[i]);
    free(digits);
    if (body.oom) out->oom = 1;
    int taken = mod_take_sole(S, f, &body, sole);
    if (taken < 0) {
        sb_free(&body);
        return -1;
    }
    if (!taken) mod_pad(out, f, body.p, (int64_t)body.n, lead, 1);
    sb_free(&body);
    return 0;
}

static int mod_float(Sim *S, StrBuf *out, const ModSpec *f, Obj v, Obj *sole)
{
    if (f->width < 0 && f->prec < 0 && !f->plus && !f->blank) sole = NULL; /* the fast path */
    double d;
    if (ob_is(S, v, TI_FLOAT)) d = float_value(S, v);
    else if (ob_is(S, v, TI_INT) || ob_is(S, v, TI_BOOL)) {
        if (int_as_double(S, v, &d)) return -1;
    } else {
        char tn[64];
        exc_set(S, EXC_TypeError, "must be real number, not %s", ob_type_name(S, v, tn, sizeof tn));
        return -1;
    }
    int prec = f->prec < 0 ? 6 : (int)f->prec;
    char *t = strop_format_double(d, (char)f->c, prec, f->alt ? FMT_ALT : 0);
    if (!t) {
        exc_no_memory(S);
        return -1;
    }
    StrBuf body;
    sb_init(&body);
    const char *p = t;
    if (*p == '-') sb_putc(&body, *p++);
    else if (f->plus) sb_putc(&body, '+');
    else if (f->blank) sb_putc(&body, ' ');
    int64_t lead = (int64_t)body.n;
    sb_puts(&body, p);
    free(t);
    if (body.oom) out->oom = 1;
    int taken = mod_take_sole(S, f, &body, sole);
    if (taken < 0) {
        sb_free(&body);
        return -1;
    }
    if (!taken) mod_pad(out, f, body.p, (int64_t)body.n, lead, 1);
    sb_free(&body);
    return 0;
}

/* One conversion of the text form (%s %r %a %c): precision truncates. */
static int mod_text(Sim *S, StrBuf *out, const ModSpec *f, Obj v, Obj *sole)
{
    Obj t;
    if (f->c == 'c') {
        if (ob_is(S, v, TI_STR)) {
            if (str_len(S, v) != 1) {
                exc_set(S, EXC_TypeError, "%%c requires int or char");
                return -1;
            }
            ob_incref(S, v, HOLD_TEMP);
            t = v;
        } else if (ob_is(S, v, TI_INT) || ob_is(S, v, TI_BOOL)) {
            int64_t x;
            if (int_as_i64(S, v, &x) || x < 0 || x > 0x10ffff) {
                exc_clear(S);
                exc_set(S, EXC_OverflowError, "%%c arg not in range(0x110000)");
                return -1;
            }
            uint32_t ch = (uint32_t)x;
            if (f->width >= 0 || f->prec >= 0) { /* PyUnicode_FromOrdinal, then the output */
                t = strop_char(S, ch);
                if (!t) return -1;
                goto output;
            }
            int64_t pad = f->width > 1 ? f->width - 1 : 0;
            if (!f->left) sb_putn(out, ' ', (size_t)pad);
            sb_putc(out, ch);
            if (f->left) sb_putn(out, ' ', (size_t)pad);
            return 0;
        } else {
            exc_set(S, EXC_TypeError, "%%c requires int or char");
            return -1;
        }
    } else {
        t = f->c == 's' ? rt_str(S, v) : f->c == 'r' ? rt_repr(S, v) : rt_ascii(S, v);
        if (!t) return -1;
    }
output:;
    int64_t len = str_len(S, t);
    if (sole && mod_whole(f, len) && len > 0) {
        *sole = t;
        return 0;
    }
    if (f->prec >= 0 && len > f->prec) len = f->prec;
    int64_t pad = f->width > len ? f->width - len : 0;
    if (!f->left) sb_putn(out, ' ', (size_t)pad);
    sb_substr(out, S, t, 0, len);
    if (f->left) sb_putn(out, ' ', (size_t)pad);
    ob_decref(S, t, HOLD_TEMP);
    return 0;
}

/* The width or precision after '*': an int argument. */
static int mod_star(Sim *S, ModState *m, int64_t *out)
{
    Obj v = mod_next_arg(S, m);
    if (!v) return -1;
    if (!ob_is(S, v, TI_INT) && !ob_is(S, v, TI_BOOL)) {
        exc_set(S, EXC_TypeError, "* wants int");
        return -1;
    }
    if (int_as_i64(S, v, out)) return -1;
    return 0;
}

Obj strop_mod(Sim *S, Obj fmt, Obj args)
{
    ModState m = {args, 0, 1, 0};
    if (ob_is(S, args, TI_TUPLE)) {
        m.arglen = ob_size(S, args);
    } else {
        m.arglen = -1;
        m.argidx = -2;
    }
    /* PyMapping_Check without being a tuple or a str: a dict, a list, ... */
    if (!ob_is(S, args, TI_TUPLE) && !ob_is(S, args, TI_STR) &&
        (ob_is(S, args, TI_DICT) || ob_is(S, args, TI_LIST) || ob_is(S, args, TI_RANGE) ||
         ob_is(S, args, TI_BYTES) || (tp_flags(S, ob_type(S, args)) & TPF_HEAPTYPE)))
        m.dict = args;
    /* the single-argument convention: arglen -1, argidx -2 .. -1 */
    if (m.arglen == -1) {
        m.arglen = -1;
        m.argidx = -2;
    }
    int64_t n = str_len(S, fmt);
    Obj owned = 0, sole = 0;
    int has_pct = 0;
    for (int64_t i = 0; i < n && !has_pct; i++) has_pct = str_char(S, fmt, i) == '%';
    StrBuf out;
    sb_init(&out);
    for (int64_t i = 0; i < n;) {
        uint32_t c = str_char(S, fmt, i);
        if (c != '%') {
            sb_putc(&out, c);
            i++;
            continue;
        }
        int64_t start = i++;
        (void)start;
        Obj key_val = 0;
        if (i < n && str_char(S, fmt, i) == '(') {
            if (!m.dict) {
                exc_set(S, EXC_TypeError, "format requires a mapping");
                goto fail;
            }
            int64_t k0 = ++i, depth = 1;
            while (i < n && depth) {
                uint32_t ch = str_char(S, fmt, i);
                if (ch == ')') depth--;
                else if (ch == '(') depth++;
                i++;
            }
            if (depth) {
                exc_set(S, EXC_ValueError, "incomplete format key");
                goto fail;
            }
            Obj key = strop_substr(S, fmt, k0, i - 1);
            if (!key) goto fail;
            key_val = rt_getitem(S, m.dict, key);
            ob_decref(S, key, HOLD_TEMP);
            if (!key_val) goto fail;
            /* the value becomes the argument list: one argument */
            if (owned) ob_decref(S, owned, HOLD_TEMP);
            owned = key_val;
            key_val = 0;
            m.args = owned;
            m.arglen = -1;
            m.argidx = -2;
        }
        ModSpec f = {0, 0, 0, 0, 0, -1, -1, 0};
        for (; i < n; i++) {
            uint32_t ch = str_char(S, fmt, i);
            if (ch == '-') f.left = 1;
            else if (ch == '+') f.plus = 1;
            else if (ch == ' ') f.blank = 1;
            else if (ch == '#') f.alt = 1;
            else if (ch == '0') f.zero = 1;
            else break;
        }
        if (i < n && str_char(S, fmt, i) == '*') {
            if (mod_star(S, &m, &f.width)) goto fail_key;
            if (f.width < 0) {
                f.left = 1;
                f.width = -f.width;
            }
            i++;
        } else {
            while (i < n && str_char(S, fmt, i) >= '0' && str_char(S, fmt, i) <= '9') {
                if (f.width < 0) f.width = 0;
                f.width = f.width * 10 + (str_char(S, fmt, i++) - '0');
            }
        }
        if (i < n && str_char(S, fmt, i) == '.') {
            i++;
            f.prec = 0;
            if (i < n && str_char(S, fmt, i) == '*') {
                if (mod_star(S, &m, &f.prec)) goto fail_key;
                if (f.prec < 0) f.prec = 0;
                i++;
            } else {
                while (i < n && str_char(S, fmt, i) >= '0' && str_char(S, fmt, i) <= '9')
                    f.prec = f.prec * 10 + (str_char(S, fmt, i++) - '0');
            }
        }
        /* length modifiers h, l, L are skipped, as CPython does */
        while (i < n && (str_char(S, fmt, i) == 'h' || str_char(S, fmt, i) == 'l' || str_char(S, fmt, i) == 'L')) i++;
        if (i >= n) {
            exc_set(S, EXC_ValueError, "incomplete format");
            goto fail_key;
        }
        f.c = str_char(S, fmt, i++);
        if (f.c == '%') {
            sb_putc(&out, '%');
            continue;
        }
        Obj v = mod_next_arg(S, &m);
        if (!v) goto fail_key;
        int rc;
        /* PyUnicode_Format copies conversions into its writer, so a
         * one-character result is the singleton -- except the str that
         * formatlong's slow path makes (a float or bool for %d), which is
         * the result itself when it is all there is (python3 shows it) */
        Obj *sp = i >= n && out.n == 0 && !sole ? &sole : NULL;
        switch (f.c) {
        case 's': case 'r': case 'a': case 'c': rc = mod_text(S, &out, &f, v, NULL); break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': rc = mod_int(S, &out, &f, v, sp); break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': rc = mod_float(S, &out, &f, v, NULL); break;
        default:
            exc_set(S, EXC_ValueError, "unsupported format character '%c' (0x%x) at index %lld",
                    f.c >= 32 && f.c <= 126 ? (char)f.c : '?', (unsigned)f.c, (long long)(i - 1));
            rc = -1;
        }
        if (key_val) ob_decref(S, key_val, HOLD_TEMP);
        if (rc) goto fail;
        continue;
    fail_key:
        if (key_val) ob_decref(S, key_val, HOLD_TEMP);
        goto fail;
    }
    if (m.argidx < m.arglen && !m.dict) {
        exc_set(S, EXC_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    if (owned) ob_decref(S, owned, HOLD_TEMP);
    if (!has_pct) { /* the whole text written at once: the format itself */
        sb_free(&out);
        ob_incref(S, fmt, HOLD_TEMP);
        return fmt;
    }
    if (sole) {
        sb_free(&out);
        return sole;
    }
    return sb_finish(S, &out);
fail:
    if (owned) ob_decref(S, owned, HOLD_TEMP);
    if (sole) ob_decref(S, sole, HOLD_TEMP);
    sb_free(&out);
    return 0;
}
