/* num_ops.c -- the number slots of int, bool and float (see numops.h).
 *
 * Dispatch follows CPython's binary_op1: int op int is longobject.c's
 * slot (bool & | ^ bool is boolobject.c's, inside int_and/or/xor); as
 * soon as a float is involved, floatobject.c's slot converts both
 * operands with CONVERT_TO_DOUBLE and computes on doubles.  The
 * operators that floats do not define (<< >> & | ^ @) return 0 without an
 * exception, exactly where CPython's slots return NotImplemented.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/utf8.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"

enum {
    OP_ADD, OP_AND, OP_FLOORDIV, OP_LSHIFT, OP_MATMUL, OP_MUL, OP_MOD, OP_OR, OP_POW,
    OP_RSHIFT, OP_SUB, OP_TRUEDIV, OP_XOR, OP_INPLACE_BASE
};

#define UNARY_POSITIVE 10
#define UNARY_NEGATIVE 11
#define UNARY_INVERT 15

int num_is_int(const Sim *S, Obj o) { return ob_is(S, o, TI_INT) || ob_is(S, o, TI_BOOL); }
int num_is_float(const Sim *S, Obj o) { return ob_is(S, o, TI_FLOAT); }

static Obj retain(Sim *S, Obj o)
{
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

static void release(Sim *S, Obj o) { ob_decref(S, o, HOLD_TEMP); }

static Obj bool_obj(Sim *S, int v) { return retain(S, v ? S->true_ : S->false_); }

int num_as_double(Sim *S, Obj o, double *out)
{
    if (num_is_float(S, o)) {
        *out = float_value(S, o);
        return 0;
    }
    return int_as_double(S, o, out);
}

/* ---- float arithmetic, floatobject.c's way ---- */

/* float_rem's result for wx != 0. */
static double float_mod_value(double vx, double wx)
{
    double mod = fmod(vx, wx);
    if (mod) {
        /* the remainder takes the sign of the denominator */
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        /* fmod's zero sign varies across platforms: use the divisor's */
        mod = copysign(0.0, wx);
    }
    return mod;
}

/* _float_div_mod (wx != 0). */
static void float_div_mod(double vx, double wx, double *floordiv, double *mod)
{
    double div;
    *mod = fmod(vx, wx);
    /* vx - mod is mathematically a multiple of wx; the division may be
     * off by a little, snapped below */
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        /* a zero quotient gets the sign of the true quotient */
        *floordiv = copysign(0.0, vx / wx);
    }
}

Obj num_float_divmod(Sim *S, double vx, double wx)
{
    if (wx == 0.0) return exc_set(S, EXC_ZeroDivisionError, "float divmod()");
    double div, mod;
    float_div_mod(vx, wx, &div, &mod);
    /* Py_BuildValue("(dd)"): the tuple first, then each float */
    Obj t = tuple_new(S, 2);
    if (!t) return 0;
    Obj q = float_from_double(S, div);
    if (!q) {
        release(S, t);
        return 0;
    }
    tuple_set_item(S, t, 0, q);
    Obj r = float_from_double(S, mod);
    if (!r) {
        release(S, t);
        return 0;
    }
    tuple_set_item(S, t, 1, r);
    return t;
}

#define DOUBLE_IS_ODD_INTEGER(x) (fmod(fabs(x), 2.0) == 1.0)

/* PyErr_SetFromErrno(OverflowError or ValueError): args (errno, text). */
static Obj errno_error(Sim *S, int err)
{
    Obj code = int_from_i64(S, err);
    if (!code) return 0;
    Obj text = str_from_cstr(S, strerror(err));
    if (!text) {
        release(S, code);
        return 0;
    }
    Obj args = tuple_new(S, 2);
    if (!args) {
        release(S, code);
        release(S, text);
        return 0;
    }
    tuple_set_item(S, args, 0, code);
    tuple_set_item(S, args, 1, text);
    return exc_set_args(S, err == ERANGE ? EXC_OverflowError : EXC_ValueError, args);
}

/* float_pow (no modulus) on the converted operands. */
static Obj float_pow(Sim *S, double iv, double iw)
{
    int negate_result = 0;
    if (iw == 0) return float_from_double(S, 1.0); /* v**0 is 1, even 0**0 */
    if (isnan(iv)) return float_from_double(S, iv);
    if (isnan(iw)) return float_from_double(S, iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        /* |v| < 1: 0 or inf, |v| == 1: 1, |v| > 1: inf or 0 */
        iv = fabs(iv);
        if (iv == 1.0) return float_from_double(S, 1.0);
        if ((iw > 0.0) == (iv > 1.0)) return float_from_double(S, fabs(iw));
        return float_from_double(S, 0.0);
    }
    if (isinf(iv)) {
        int odd = DOUBLE_IS_ODD_INTEGER(iw);
        if (iw > 0.0) return float_from_double(S, odd ? iv : fabs(iv));
        return float_from_double(S, odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        int odd = DOUBLE_IS_ODD_INTEGER(iw);
        if (iw < 0.0)
            return exc_set(S, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_from_double(S, odd ? iv : 0.0);
    }
    if (iv < 0.0) {
        /* CPython hands a fractional power of a negative number to
         * complex, a type refscope does not have */
        if (iw != floor(iw))
            return exc_set(S, EXC_ValueError, "complex numbers are not supported by refscope");
        iv = -iv;
        negate_result = DOUBLE_IS_ODD_INTEGER(iw);
    }
    if (iv == 1.0) return float_from_double(S, negate_result ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    /* _Py_ADJUST_ERANGE1 */
    if (errno == 0) {
        if (isinf(ix)) errno = ERANGE;
    } else if (errno == ERANGE && ix == 0.0) {
        errno = 0;
    }
    if (negate_result) ix = -ix;
    if (errno != 0) return errno_error(S, errno);
    return float_from_double(S, ix);
}

/* The float slot of `op`, on operands already known to be numbers. */
static Obj float_binop(Sim *S, Obj a, Obj b, int op)
{
    double x, y;
    switch (op) {
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_TRUEDIV:
    case OP_FLOORDIV: case OP_MOD: case OP_POW: break;
    default: return 0; /* NotImplemented: float has no such slot */
    }
    if (num_as_double(S, a, &x) < 0 || num_as_double(S, b, &y) < 0) return 0;
    switch (op) {
    case OP_ADD: return float_from_double(S, x + y);
    case OP_SUB: return float_from_double(S, x - y);
    case OP_MUL: return float_from_double(S, x * y);
    case OP_TRUEDIV:
        if (y == 0.0) return exc_set(S, EXC_ZeroDivisionError, "float division by zero");
        return float_from_double(S, x / y);
    case OP_MOD:
        if (y == 0.0) return exc_set(S, EXC_ZeroDivisionError, "float modulo");
        return float_from_double(S, float_mod_value(x, y));
    case OP_FLOORDIV: {
        if (y == 0.0) return exc_set(S, EXC_ZeroDivisionError, "float floor division by zero");
        double div, mod;
        float_div_mod(x, y, &div, &mod);
        return float_from_double(S, div);
    }
    default: return float_pow(S, x, y);
    }
}

static Obj int_binop(Sim *S, Obj a, Obj b, int op)
{
    switch (op) {
    case OP_ADD: return int_add(S, a, b);
    case OP_SUB: return int_sub(S, a, b);
    case OP_MUL: return int_mul(S, a, b);
    case OP_FLOORDIV: return int_floordiv(S, a, b);
    case OP_MOD: return int_mod(S, a, b);
    case OP_TRUEDIV: return int_truediv(S, a, b);
    case OP_LSHIFT: return int_lshift(S, a, b);
    case OP_RSHIFT: return int_rshift(S, a, b);
    case OP_AND: return int_and(S, a, b);
    case OP_OR: return int_or(S, a, b);
    case OP_XOR: return int_xor(S, a, b);
    case OP_POW:
        /* long_pow hands a negative exponent to float_pow */
        if (ob_size(S, b) < 0) return float_binop(S, a, b, OP_POW);
        return int_pow(S, a, b);
    default: return 0; /* @ */
    }
}

Obj numop_binop(Sim *S, Obj a, Obj b, int op)
{
    if (op >= OP_INPLACE_BASE) op -= OP_INPLACE_BASE; /* numbers are immutable */
    if (op < 0 || op >= OP_INPLACE_BASE) return 0;
    int ai = num_is_int(S, a), bi = num_is_int(S, b);
    if (!(ai || num_is_float(S, a)) || !(bi || num_is_float(S, b))) return 0;
    return ai && bi ? int_binop(S, a, b, op) : float_binop(S, a, b, op);
}

/* ---- comparisons ---- */

static int cmp_result(double i, double j, int op)
{
    switch (op) {
    case CMP_LT: return i < j;
    case CMP_LE: return i <= j;
    case CMP_EQ: return i == j;
    case CMP_NE: return i != j;
    case CMP_GT: return i > j;
    default: return i >= j;
    }
}

static int swapped_op(int op)
{
    static const int swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
    return swapped[op];
}

static int int_bits(const Sim *S, Obj w)
{
    int64_t n = ob_size(S, w);
    if (n < 0) n = -n;
    if (n == 0) return 0;
    uint32_t top;
    memcpy(&top, (const char *)ob_ptr(S, w) + INT_DIGITS_OFF + 4 * (n - 1), 4);
    int b = 0;
    for (; top; top >>= 1) b++;
    int64_t bits = (n - 1) * INT_SHIFT + b;
    return bits > INT32_MAX ? INT32_MAX : (int)bits;
}

/* float_richcompare(v, w, op) for a float value i and an int w, 3.11's
 * algorithm: signs, then magnitudes by bit count, and for equal bit
 * counts two ints built from i (the same temporaries CPython makes). */
static Obj float_int_compare(Sim *S, double i, Obj w, int op)
{
    double j;
    if (!isfinite(i)) {
        /* an infinity outgrows any int; a NaN compares false anyway */
        return bool_obj(S, cmp_result(i, 0.0, op));
    }
    int vsign = i == 0.0 ? 0 : i < 0.0 ? -1 : 1;
    int64_t ws = ob_size(S, w);
    int wsign = ws == 0 ? 0 : ws < 0 ? -1 : 1;
    if (vsign != wsign) return bool_obj(S, cmp_result((double)vsign, (double)wsign, op));
    int nbits = int_bits(S, w);
    if (nbits <= 48) {
        if (int_as_double(S, w, &j) < 0) return 0;
        return bool_obj(S, cmp_result(i, j, op));
    }
    if (vsign < 0) { /* multiply both sides by -1 */
        i = -i;
        op = swapped_op(op);
    }
    int exponent;
    (void)frexp(i, &exponent);
    if (exponent < 0 || exponent < nbits) return bool_obj(S, cmp_result(1.0, 2.0, op));
    if (exponent > nbits) return bool_obj(S, cmp_result(2.0, 1.0, op));
    /* same number of bits before the radix point: compare as ints */
    Obj ww = wsign < 0 ? int_neg(S, w) : retain(S, w), vv = 0, t;
    if (!ww) return 0;
    double intpart, fracpart = modf(i, &intpart);
    Obj result = 0;
    if (!(vv = int_from_double(S, intpart))) goto done;
    if (fracpart != 0.0) {
        /* shift both left and or a 1 into vv for the lost fraction */
        if (!(t = int_lshift(S, ww, int_small(S, 1)))) goto done;
        release(S, ww);
        ww = t;
        if (!(t = int_lshift(S, vv, int_small(S, 1)))) goto done;
        release(S, vv);
        vv = t;
        if (!(t = int_or(S, vv, int_small(S, 1)))) goto done;
        release(S, vv);
        vv = t;
    }
    result = bool_obj(S, cmp_holds(int_compare(S, vv, ww), op));
done:
    if (vv) release(S, vv);
    release(S, ww);
    return result;
}

Obj numop_richcompare(Sim *S, Obj a, Obj b, int op)
{
    if (op < CMP_LT || op > CMP_GE) return 0;
    int ai = num_is_int(S, a), bi = num_is_int(S, b);
    int af = num_is_float(S, a), bf = num_is_float(S, b);
    if (!(ai || af) || !(bi || bf)) return 0;
    if (ai && bi) return bool_obj(S, cmp_holds(int_compare(S, a, b), op));
    if (af && bf) return bool_obj(S, cmp_result(float_value(S, a), float_value(S, b), op));
    /* int vs float: int's slot declines, float's runs reflected */
    if (af) return float_int_compare(S, float_value(S, a), b, op);
    return float_int_compare(S, float_value(S, b), a, swapped_op(op));
}

/* ---- unary ---- */

Obj numop_unary(Sim *S, Obj a, int opcode)
{
    if (num_is_int(S, a)) {
        switch (opcode) {
        case UNARY_POSITIVE: return int_pos(S, a);
        case UNARY_NEGATIVE: return int_neg(S, a);
        case UNARY_INVERT: return int_invert(S, a);
        default: return 0;
        }
    }
    if (num_is_float(S, a)) {
        switch (opcode) {
        case UNARY_POSITIVE: return retain(S, a); /* float_pos: an exact float is itself */
        case UNARY_NEGATIVE: return float_from_double(S, -float_value(S, a));
        default: return 0;
        }
    }
    return 0;
}

int numop_truth(const Sim *S, Obj a)
{
    if (num_is_int(S, a)) return int_bool(S, a);
    if (num_is_float(S, a)) return float_value(S, a) != 0.0;
    return -1;
}

/* ---- float rounding (float.__round__ with ndigits) ---- */

/* double_round: CPython rounds x to ndigits decimal places through a
 * correctly rounded decimal string (_Py_dg_dtoa mode 3) and reads it
 * back.  glibc's printf gives the exact decimal expansion of a double, so
 * rounding that expansion half-even at the place is the same string. */
static double double_round(double x, int ndigits, int *overflow)
{
    /* the exact expansion: at most 309 integer digits and 1074 decimals */
    static const int frac_digits = 1080;
    char buf[1500];
    int n = snprintf(buf, sizeof buf, "%.*f", frac_digits, fabs(x));
    char *dot = strchr(buf, '.');
    int intlen = (int)(dot - buf);
    /* digits as one run: integer part then fraction */
    char digs[1500];
    int nd = 0;
    for (int k = 0; k < n; k++)
        if (buf[k] != '.') digs[nd++] = buf[k];
    /* keep intlen + ndigits digits (position of the last kept digit) */
    int keep = intlen + ndigits;
    char out[1600];
    int on = 0;
    if (keep < 0) {
        /* rounds to 0 (the first digit is beyond the half-way point) */
        out[on++] = '0';
    } else {
        int roundup = 0;
        if (keep < nd) {
            char first = digs[keep];
            int rest_nonzero = 0;
            for (int k = keep + 1; k < nd; k++)
                if (digs[k] != '0') {
                    rest_nonzero = 1;
                    break;
                }
            if (first > '5' || (first == '5' && rest_nonzero)) roundup = 1;
            else if (first == '5') roundup = keep > 0 && ((digs[keep - 1] - '0') & 1);
        }
        out[on++] = '0'; /* room for a carry */
        for (int k = 0; k < keep && k < nd; k++) out[on++] = digs[k];
        for (int k = nd; k < keep; k++) out[on++] = '0';
        if (roundup) {
            int k = on - 1;
            while (out[k] == '9') out[k--] = '0';
            out[k]++;
        }
    }
    on += snprintf(out + on, sizeof out - (size_t)on, "e%d", -ndigits);
    errno = 0;
    double r = strtod(out, NULL);
    *overflow = errno == ERANGE && fabs(r) >= 1.0;
    return x < 0 || (x == 0 && signbit(x)) ? -r : r;
}

Obj num_float_round(Sim *S, double x, int64_t ndigits)
{
    /* beyond these, x rounds to itself or to a zero of its sign */
    const int64_t ndigits_max = (int64_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int64_t ndigits_min = -(int64_t)((DBL_MAX_EXP + 1) * 0.30103);
    if (!isfinite(x)) return float_from_double(S, x);
    if (ndigits > ndigits_max) return float_from_double(S, x);
    if (ndigits < ndigits_min) return float_from_double(S, 0.0 * x);
    int overflow;
    double r = double_round(x, (int)ndigits, &overflow);
    if (overflow) return exc_set(S, EXC_OverflowError, "rounded value too large to represent");
    return float_from_double(S, r);
}

/* ---- repr of text for error messages ---- */

static int unprintable(uint32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || c == 0x205f ||
           (c >= 0x2060 && c <= 0x206f) || c == 0x3000 || c == 0xfeff ||
           (c >= 0xd800 && c <= 0xf8ff) || (c >= 0xfff9 && c <= 0xfffb) ||
           (c >= 0xe0000 && c <= 0xe007f) || c >= 0xf0000;
}


size_t num_repr_text(const Sim *S, Obj o, char *buf, size_t cap, int64_t maxchars)
{
    int is_bytes = ob_is(S, o, TI_BYTES);
    int64_t n = is_bytes ? ob_size(S, o) : str_len(S, o);
    const unsigned char *bd = is_bytes ? bytes_data(S, o) : NULL;
    int sq = 0, dq = 0;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = is_bytes ? bd[i] : str_char(S, o, i);
        sq |= c == '\'';
        dq |= c == '"';
    }
    char quote = sq && !dq ? '"' : '\'';
    /* the whole repr, then cut to maxchars characters */
    char piece[16];
    size_t k = 0;
    int64_t chars = 0;
#define EMIT(str_, len_, nchars_)                                     \
    do {                                                              \
        if (chars + (nchars_) > maxchars || k + (len_) + 1 > cap) goto out; \
        memcpy(buf + k, (str_), (len_));                              \
        k += (len_);                                                  \
        chars += (nchars_);                                           \
    } while (0)
    if (is_bytes) EMIT("b", 1, 1);
    EMIT(&quote, 1, 1);
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = is_bytes ? bd[i] : str_char(S, o, i);
        size_t len;
        if (c == (uint32_t)quote || c == '\\') len = (size_t)snprintf(piece, sizeof piece, "\\%c", (char)c);
        else if (c == '\t') len = (size_t)snprintf(piece, sizeof piece, "\\t");
        else if (c == '\n') len = (size_t)snprintf(piece, sizeof piece, "\\n");
        else if (c == '\r') len = (size_t)snprintf(piece, sizeof piece, "\\r");
        else if (is_bytes ? (c < 0x20 || c >= 0x7f) : unprintable(c)) {
            if (c < 0x100) len = (size_t)snprintf(piece, sizeof piece, "\\x%02x", (unsigned)c);
            else if (c < 0x10000) len = (size_t)snprintf(piece, sizeof piece, "\\u%04x", (unsigned)c);
            else len = (size_t)snprintf(piece, sizeof piece, "\\U%08x", (unsigned)c);
        } else {
            len = utf8_put(piece, c);
            EMIT(piece, len, 1);
            continue;
        }
        for (size_t j = 0; j < len; j++) EMIT(piece + j, 1, 1);
    }
    EMIT(&quote, 1, 1);
#undef EMIT
out:
    buf[k] = '\0';
    return k;
}
