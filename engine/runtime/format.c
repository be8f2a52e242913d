/*
 * format.c -- format(value, spec): the format-spec mini-language of
 * Python/formatter_unicode.c for int, bool, float and str, object's
 * __format__, and user classes' __format__ through the VM; plus
 * PyOS_double_to_string (strop_format_double), which %-formatting shares.
 *
 * Floats: 'e' and 'f' come from the C library's correctly rounded
 * printf; 'g' takes its digits from %.*e and applies CPython's
 * format_float_short rules; 'r' (repr) is float_repr_buf.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/builtins.h"
#include "runtime/runtime.h"
#include "runtime/strops.h"

/* ---- PyOS_double_to_string ---- */

static char *dup_text(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
}

/* 'g' from the digits of %.*e: CPython's format_float_short. */
static char *format_g(double v, int prec, unsigned flags, int upper)
{
    if (prec == 0) prec = 1;
    size_t cap = (size_t)prec + 64;
    char *e = malloc(cap);
    if (!e) return NULL;
    snprintf(e, cap, "%.*e", prec - 1, v);
    /* e = [-]d[.ddd]e(+|-)XX */
    int neg = e[0] == '-';
    char *p = e + neg;
    char *digits = malloc((size_t)prec + 2);
    if (!digits) {
        free(e);
        return NULL;
    }
    int nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[nd++] = *p;
    int exp = atoi(p + 1);
    free(e);
    int decpt = exp + 1;
    if (v == 0.0) decpt = 1;
    int alt = (flags & FMT_ALT) != 0, dot0 = (flags & FMT_ADD_DOT_0) != 0;
    if (!alt)
        while (nd > 1 && digits[nd - 1] == '0') nd--;
    int use_exp = decpt <= -4 || decpt > (dot0 ? prec - 1 : prec);
    size_t outcap = (size_t)nd + (size_t)(decpt < 0 ? -decpt : decpt) + 32;
    char *out = malloc(outcap);
    if (!out) {
        free(digits);
        return NULL;
    }
    size_t n = 0;
    if (neg) out[n++] = '-';
    if (use_exp) {
        out[n++] = digits[0];
        if (nd > 1 || alt) out[n++] = '.';
        for (int i = 1; i < nd; i++) out[n++] = digits[i];
        int x = decpt - 1;
        n += (size_t)snprintf(out + n, outcap - n, "%c%c%02d", upper ? 'E' : 'e', x < 0 ? '-' : '+',
                              x < 0 ? -x : x);
    } else {
        int has_point = 0;
        if (decpt <= 0) {
            out[n++] = '0';
            out[n++] = '.';
            has_point = 1;
            for (int i = 0; i < -decpt; i++) out[n++] = '0';
            for (int i = 0; i < nd; i++) out[n++] = digits[i];
        } else {
            for (int i = 0; i < decpt; i++) out[n++] = i < nd ? digits[i] : '0';
            if (nd > decpt || alt) {
                out[n++] = '.';
                has_point = 1;
            }
            for (int i = decpt; i < nd; i++) out[n++] = digits[i];
        }
        if (!has_point && dot0) {
            out[n++] = '.';
            out[n++] = '0';
        }
    }
    out[n] = '\0';
    free(digits);
    return out;
}

char *strop_format_double(double v, char type, int prec, unsigned flags)
{
    int upper = type == 'E' || type == 'F' || type == 'G';
    if (isnan(v)) return dup_text(upper ? "NAN" : "nan");
    if (isinf(v)) return dup_text(v < 0 ? (upper ? "-INF" : "-inf") : (upper ? "INF" : "inf"));
    if (type == 'r') {
        char buf[72];
        float_repr_buf(v, buf, sizeof buf);
        char *e = strchr(buf, 'e');
        if ((flags & FMT_ALT) && e && !strchr(buf, '.')) { /* '#': the point stays: "1.e+16" */
            memmove(e + 1, e, strlen(e) + 1);
            *e = '.';
        }
        return dup_text(buf);
    }
    if (type == 'g' || type == 'G') return format_g(v, prec, flags, upper);
    /* 'e' 'E' 'f' 'F': %f of 1e308 has 309 digits before the point */
    size_t cap = (size_t)prec + 400;
    char *out = malloc(cap);
    if (!out) return NULL;
    int alt = (flags & FMT_ALT) != 0;
    switch (type) {
    case 'e': alt ? snprintf(out, cap, "%#.*e", prec, v) : snprintf(out, cap, "%.*e", prec, v); break;
    case 'E': alt ? snprintf(out, cap, "%#.*E", prec, v) : snprintf(out, cap, "%.*E", prec, v); break;
    case 'F': alt ? snprintf(out, cap, "%#.*F", prec, v) : snprintf(out, cap, "%.*F", prec, v); break;
    default: alt ? snprintf(out, cap, "%#.*f", prec, v) : snprintf(out, cap, "%.*f", prec, v); break;
    }
    return out;
}

/* ---- the spec ---- */

typedef struct Spec {
    uint32_t fill;
    uint32_t align;       /* '<' '>' '^' '=' */
    uint32_t sign;        /* 0 '+' '-' ' ' */
    int no_neg_0;         /* 'z' */
    int alt;              /* '#' */
    int64_t width;        /* -1: none */
    int sep;              /* 0, ',' or '_' */
    int sep4;             /* '_' with b/o/x/X: every four digits */
    int64_t prec;         /* -1: none */
    uint32_t type;        /* 0: none */
} Spec;

static int is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

/* get_integer: 0 digits, or -1 with ValueError on overflow. */
static int get_integer(Sim *S, Obj spec, int64_t *pos, int64_t end, int64_t *out)
{
    int64_t v = 0;
    int n = 0;
    for (; *pos < end; (*pos)++, n++) {
        uint32_t c = str_char(S, spec, *pos);
        if (c < '0' || c > '9') break;
        if (v > (INT64_MAX - (c - '0')) / 10) {
            exc_set(S, EXC_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (c - '0');
    }
    *out = v;
    return n;
}

static void sep_type_error(Sim *S, int sep, uint32_t type)
{
    if (type > 32 && type < 128) exc_set(S, EXC_ValueError, "Cannot specify '%c' with '%c'.", sep, (char)type);
    else exc_set(S, EXC_ValueError, "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)type);
}

/* parse_internal_render_format_spec. */
static int parse_spec(Sim *S, Obj o, Obj spec, Spec *f, uint32_t default_type, uint32_t default_align)
{
    int64_t pos = 0, end = str_len(S, spec);
    int fill_given = 0, align_given = 0;
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->no_neg_0 = 0;
    f->alt = 0;
    f->width = -1;
    f->sep = 0;
    f->sep4 = 0;
    f->prec = -1;
    f->type = default_type;
#define AT(i) str_char(S, spec, (i))
    if (end - pos >= 2 && is_align(AT(pos + 1))) {
        f->align = AT(pos + 1);
        f->fill = AT(pos);
        fill_given = align_given = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(AT(pos))) {
        f->align = AT(pos);
        align_given = 1;
        pos++;
    }
    if (end - pos >= 1 && (AT(pos) == '+' || AT(pos) == '-' || AT(pos) == ' ')) f->sign = AT(pos++);
    if (end - pos >= 1 && AT(pos) == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == '#') {
        f->alt = 1;
        pos++;
    }
    if (!fill_given && end - pos >= 1 && AT(pos) == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') f->align = '=';
        pos++;
    }
    int consumed = get_integer(S, spec, &pos, end, &f->width);
    if (consumed < 0) return -1;
    if (consumed == 0) f->width = -1;
    if (end - pos >= 1 && AT(pos) == ',') {
        f->sep = ',';
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == '_') {
        if (f->sep) {
            exc_set(S, EXC_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->sep = '_';
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == ',' && f->sep == '_') {
        exc_set(S, EXC_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (end - pos >= 1 && AT(pos) == '.') {
        pos++;
        consumed = get_integer(S, spec, &pos, end, &f->prec);
        if (consumed < 0) return -1;
        if (consumed == 0) {
            exc_set(S, EXC_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        char text[256], name[64];
        str_to_utf8(S, spec, text, sizeof text);
        exc_set(S, EXC_ValueError, "Invalid format specifier '%s' for object of type '%s'", text,
                ob_type_name(S, o, name, sizeof name));
        return -1;
    }
    if (end - pos == 1) f->type = AT(pos);
#undef AT
    if (f->sep) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->sep == '_') {
                f->sep4 = 1;
                break;
            }
            sep_type_error(S, f->sep, f->type); /* ',' with these types */
            return -1;
        default:
            sep_type_error(S, f->sep, f->type);
            return -1;
        }
    }
    return 0;
}

static Obj unknown_type(Sim *S, uint32_t type, Obj o)
{
    char name[64];
    ob_type_name(S, o, name, sizeof name);
    if (type > 32 && type < 128)
        return exc_set(S, EXC_ValueError, "Unknown format code '%c' for object of type '%s'", (char)type, name);
    return exc_set(S, EXC_ValueError, "Unknown format code '\\x%x' for object of type '%s'", (unsigned)type, name);
}

/* ---- numbers: calc_number_widths + fill_number ---- */

/* _PyUnicode_InsertThousandsGrouping for a digit string of n chars:
 * groups of `group` from the right with `sep` between them, padded with
 * '0' to min_width.  sep 0: no grouping (zero padding only). */
static void put_grouped(StrBuf *b, const char *digits, int64_t n, int64_t min_width, int group,
                        uint32_t sep, int upper)
{
    /* Build right to left into a host array, then copy it reversed. */
    int64_t cap = (n > min_width ? n : min_width) * 2 + 8;
    uint32_t *tmp = malloc((size_t)cap * sizeof *tmp);
    if (!tmp) {
        b->oom = 1;
        return;
    }
    int64_t k = 0, remaining = n;
#define EMIT(c) (tmp[k++] = (uint32_t)(c))
#define TAKE(nz, nc)                                                           \
    do {                                                                       \
        for (int64_t i_ = 0; i_ < (nc); i_++) {                                \
            char d_ = digits[remaining - 1 - i_];                              \
            EMIT(upper && d_ >= 'a' && d_ <= 'f' ? d_ - 32 : d_);             \
        }                                                                      \
        for (int64_t i_ = 0; i_ < (nz); i_++) EMIT('0');                       \
    } while (0)
    int use_sep = 0, broken = 0;
    if (sep) {
        for (;;) {
            int64_t l = group, mx = remaining > min_width ? remaining : min_width;
            if (mx < 1) mx = 1;
            if (l > mx) l = mx;
            int64_t nz = l - remaining > 0 ? l - remaining : 0;
            int64_t nc = remaining < l ? (remaining > 0 ? remaining : 0) : l;
            if (use_sep) EMIT(sep);
            TAKE(nz, nc);
            use_sep = 1;
            remaining -= nc;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) {
                broken = 1;
                break;
            }
            min_width -= 1;
        }
    }
    if (!broken) {
        int64_t l = remaining > min_width ? remaining : min_width;
        if (l < 1) l = 1;
        int64_t nz = l - remaining > 0 ? l - remaining : 0;
        int64_t nc = remaining < l ? (remaining > 0 ? remaining : 0) : l;
        if (use_sep) EMIT(sep);
        TAKE(nz, nc);
    }
#undef TAKE
#undef EMIT
    for (int64_t i = k - 1; i >= 0; i--) sb_putc(b, tmp[i]);
    free(tmp);
}

/* One formatted number: [lpad][sign][prefix][spad][digits][.][rest][rpad].
 * digits are ASCII; nd 0 with `rest` for 'c' and inf/nan. */
static void fill_number(StrBuf *b, const Spec *f, int negative, const char *prefix, const char *digits,
                        int64_t nd, int has_decimal, const uint32_t *rest, int64_t nrest, int upper)
{
    uint32_t sign = 0;
    if (f->sign == '+') sign = negative ? '-' : '+';
    else if (f->sign == ' ') sign = negative ? '-' : ' ';
    else if (negative) sign = '-';
    int64_t nprefix = (int64_t)strlen(prefix);
    int64_t non_digit = (sign ? 1 : 0) + nprefix + (has_decimal ? 1 : 0) + nrest;
    int64_t min_width = f->fill == '0' && f->align == '=' ? f->width - non_digit : 0;
    int group = f->sep4 ? 4 : 3;
    uint32_t sepc = (uint32_t)f->sep;
    /* measure the grouped digits by building them aside */
    StrBuf g;
    sb_init(&g);
    if (nd > 0) put_grouped(&g, digits, nd, min_width, group, sepc, upper);
    int64_t total = non_digit + (int64_t)g.n;
    int64_t pad = f->width - total, lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (f->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    sb_putn(b, f->fill, (size_t)lpad);
    if (sign) sb_putc(b, sign);
    for (int64_t i = 0; i < nprefix; i++)
        sb_putc(b, upper && prefix[i] >= 'a' && prefix[i] <= 'z' ? (uint32_t)(prefix[i] - 32) : (uint32_t)prefix[i]);
    sb_putn(b, f->fill, (size_t)spad);
    for (size_t i = 0; i < g.n; i++) sb_putc(b, g.p[i]);
    if (g.oom) b->oom = 1;
    sb_free(&g);
    if (has_decimal) sb_putc(b, '.');
    for (int64_t i = 0; i < nrest; i++) sb_putc(b, rest[i]);
    sb_putn(b, f->fill, (size_t)rpad);
}

static Obj format_float_value(Sim *S, Obj o, double val, const Spec *f);

/* format_long_internal. */
static Obj format_int(Sim *S, Obj o, const Spec *f)
{
    uint32_t type = f->type;
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (int_as_double(S, o, &d)) return 0;
        /* PyNumber_Float makes a float object first */
        Obj fl = float_from_double(S, d);
        if (!fl) return 0;
        Obj r = format_float_value(S, o, d, f);
        ob_decref(S, fl, HOLD_TEMP);
        return r;
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    default:
        return unknown_type(S, type, o);
    }
    if (f->prec != -1) return exc_set(S, EXC_ValueError, "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return exc_set(S, EXC_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    StrBuf b;
    sb_init(&b);
    if (type == 'c') {
        if (f->sign) return exc_set(S, EXC_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (f->alt)
            return exc_set(S, EXC_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t x;
        if (int_as_i64(S, o, &x)) {
            exc_clear(S);
            return exc_set(S, EXC_OverflowError, "Python int too large to convert to C long");
        }
        if (x < 0 || x > 0x10ffff) return exc_set(S, EXC_OverflowError, "%%c arg not in range(0x110000)");
        uint32_t ch = (uint32_t)x;
        /* PyUnicode_FromOrdinal's one-character str (a singleton below 256) */
        Obj tmp = strop_char(S, ch);
        if (!tmp) return 0;
        fill_number(&b, f, 0, "", "", 0, 0, &ch, 1, 0);
        Obj r = sb_finish(S, &b);
        ob_decref(S, tmp, HOLD_TEMP);
        return r;
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    int neg;
    char *digits = strop_int_digits(S, o, base, &neg);
    if (!digits) return exc_no_memory(S);
    const char *prefix = !f->alt ? "" : base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    int fast = f->sign != '+' && f->sign != ' ' && f->width == -1 && type != 'X' && type != 'n' && !f->sep &&
               ob_is(S, o, TI_INT);
    Obj tmp = 0;
    if (!fast) {
        /* _PyLong_Format's intermediate str ("-0x1f"), as CPython makes it */
        if (base == 10) {
            tmp = int_repr(S, o);
        } else {
            StrBuf t;
            sb_init(&t);
            if (neg) sb_putc(&t, '-');
            sb_puts(&t, base == 2 ? "0b" : base == 8 ? "0o" : "0x");
            sb_puts(&t, digits);
            tmp = sb_finish(S, &t);
        }
        if (!tmp) {
            free(digits);
            return 0;
        }
    }
    fill_number(&b, f, neg, prefix, digits, (int64_t)strlen(digits), 0, NULL, 0, type == 'X');
    free(digits);
    Obj r = sb_finish(S, &b);
    if (tmp) ob_decref(S, tmp, HOLD_TEMP);
    return r;
}

/* format_float_internal for the value val (o names the type in errors). */
static Obj format_float_value(Sim *S, Obj o, double val, const Spec *f)
{
    uint32_t type = f->type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
    default: return unknown_type(S, type, o);
    }
    if (f->prec > INT32_MAX) return exc_set(S, EXC_ValueError, "precision too big");
    int prec = (int)f->prec;
    unsigned flags = f->alt ? FMT_ALT : 0;
    int default_prec = 6, add_pct = 0;
    if (type == 0) {
        flags |= FMT_ADD_DOT_0;
        type = 'r';
        default_prec = 0;
    }
    if (type == 'n') type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = 1;
    }
    if (prec < 0) prec = default_prec;
    else if (type == 'r') type = 'g';
    char *text = strop_format_double(val, (char)type, prec, flags);
    if (!text) return exc_no_memory(S);
    int negative = text[0] == '-';
    const char *p = text + negative;
    if (f->no_neg_0 && negative) { /* Py_DTSF_NO_NEG_0: a rounded zero loses its sign */
        int zero = 1;
        for (const char *q = p; *q && *q != 'e' && *q != 'E'; q++)
            if (*q >= '1' && *q <= '9') zero = 0;
        if (zero && isfinite(val)) negative = 0;
    }
    /* parse_number: digits, an optional '.', the remainder */
    int64_t nd = 0;
    while (p[nd] >= '0' && p[nd] <= '9') nd++;
    int has_decimal = p[nd] == '.';
    const char *rest = p + nd + has_decimal;
    size_t nrest = strlen(rest);
    uint32_t *r32 = malloc((nrest + 2) * sizeof *r32);
    if (!r32) {
        free(text);
        return exc_no_memory(S);
    }
    for (size_t i = 0; i < nrest; i++) r32[i] = (unsigned char)rest[i];
    if (add_pct) r32[nrest++] = '%';
    StrBuf b;
    sb_init(&b);
    if (f->sign != '+' && f->sign != ' ' && f->width == -1 && f->type != 'n' && !f->sep) {
        if (negative) sb_putc(&b, '-');
        sb_putmem(&b, p, (size_t)nd);
        if (has_decimal) sb_putc(&b, '.');
        for (size_t i = 0; i < nrest; i++) sb_putc(&b, r32[i]);
        free(text);
        free(r32);
        return sb_finish(S, &b);
    }
    /* the slow path makes a str of the digits first (_PyUnicode_FromASCII) */
    Obj tmp = 0;
    {
        StrBuf t;
        sb_init(&t);
        sb_puts(&t, text);
        if (add_pct) sb_putc(&t, '%');
        tmp = sb_finish(S, &t);
    }
    if (!tmp) {
        free(text);
        free(r32);
        return 0;
    }
    char *digits = malloc((size_t)nd + 1);
    if (digits) {
        memcpy(digits, p, (size_t)nd);
        digits[nd] = '\0';
        fill_number(&b, f, negative, "", digits, nd, has_decimal, r32, (int64_t)nrest, 0);
    } else {
        b.oom = 1;
    }
    free(digits);
    free(text);
    free(r32);
    Obj r = sb_finish(S, &b);
    ob_decref(S, tmp, HOLD_TEMP);
    return r;
}

/* format_string_internal. */
static Obj format_str(Sim *S, Obj o, const Spec *f)
{
    if (f->type != 's') return unknown_type(S, f->type, o);
    if (f->sign) {
        return exc_set(S, EXC_ValueError, f->sign == ' ' ? "Space not allowed in string format specifier"
                                                          : "Sign not allowed in string format specifier");
    }
    if (f->no_neg_0)
        return exc_set(S, EXC_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    if (f->alt) return exc_set(S, EXC_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (f->align == '=') return exc_set(S, EXC_ValueError, "'=' alignment not allowed in string format specifier");
    int64_t len = str_len(S, o);
    if ((f->width == -1 || f->width <= len) && (f->prec == -1 || f->prec >= len)) {
        ob_incref(S, o, HOLD_TEMP); /* the fast path writes the str itself */
        return o;
    }
    if (f->prec >= 0 && len >= f->prec) len = f->prec;
    int64_t pad = f->width > len ? f->width - len : 0, lpad = 0, rpad = 0;
    if (f->align == '>') lpad = pad;
    else if (f->align == '^') {
        lpad = pad / 2;
        rpad = pad - lpad;
    } else rpad = pad;
    StrBuf b;
    sb_init(&b);
    sb_putn(&b, f->fill, (size_t)lpad);
    sb_substr(&b, S, o, 0, len);
    sb_putn(&b, f->fill, (size_t)rpad);
    return sb_finish(S, &b);
}

/* ---- dispatch ---- */

static int spec_empty(const Sim *S, Obj spec) { return !spec || str_len(S, spec) == 0; }

/* object.__format__: str(self) for an empty spec. */
static Obj object_format(Sim *S, Obj o, Obj spec)
{
    if (!spec_empty(S, spec)) {
        char name[64];
        return exc_set(S, EXC_TypeError, "unsupported format string passed to %s.__format__",
                       ob_type_name(S, o, name, sizeof name));
    }
    return rt_str(S, o);
}

/* The built-in types' __format__ (str, int, bool, float, object). */
Obj rt_format_builtin(Sim *S, Obj o, Obj spec)
{
    Spec f;
    switch ((TypeId)tp_index(S, ob_type(S, o))) {
    case TI_STR:
        if (spec_empty(S, spec)) return rt_str(S, o);
        if (parse_spec(S, o, spec, &f, 's', '<')) return 0;
        return format_str(S, o, &f);
    case TI_BOOL:
    case TI_INT:
        if (spec_empty(S, spec)) return rt_str(S, o);
        if (parse_spec(S, o, spec, &f, 'd', '>')) return 0;
        return format_int(S, o, &f);
    case TI_FLOAT:
        if (spec_empty(S, spec)) return rt_str(S, o);
        if (parse_spec(S, o, spec, &f, 0, '>')) return 0;
        return format_float_value(S, o, float_value(S, o), &f);
    default:
        return object_format(S, o, spec);
    }
}

static Obj m_format(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "__format__", nargs, kwnames, 1, 1) < 0) return 0;
    if (!ob_is(S, args[0], TI_STR)) {
        char name[64];
        return exc_set(S, EXC_TypeError, "__format__() argument must be str, not %s",
                       ob_type_name(S, args[0], name, sizeof name));
    }
    return rt_format_builtin(S, self, args[0]);
}

/* What _PyObject_LookupSpecial binds for PyObject_Format. */
const CFuncDef cf_format_hook[] = {{"__format__", m_format}, {NULL, NULL}};

Obj rt_format(Sim *S, Obj o, Obj spec)
{
    /* PyObject_Format's fast paths */
    if (spec_empty(S, spec)) {
        if (ob_is(S, o, TI_STR)) {
            ob_incref(S, o, HOLD_TEMP);
            return o;
        }
        if (ob_is(S, o, TI_INT)) return rt_str(S, o);
    }
    if (strop_user_defines(S, o, "__format__")) {
        int found = 0;
        Obj arg = spec ? spec : S->empty_str;
        Obj r = rt_call_special(S, o, "__format__", &arg, 1, &found);
        if (!r) return 0;
        if (!ob_is(S, r, TI_STR)) {
            char name[64];
            ob_type_name(S, r, name, sizeof name);
            ob_decref(S, r, HOLD_TEMP);
            return exc_set(S, EXC_TypeError, "__format__ must return a str, not %s", name);
        }
        return r;
    }
    /* the type's __format__, bound for the call: a builtin method made and
     * released; the spec is '' when none was given */
    Obj arg = spec ? spec : S->empty_str;
    return rt_call_bound(S, cf_format_hook, "__format__", o, &arg, 1, 0);
}
