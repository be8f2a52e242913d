/* int.c -- see int.h.
 *
 * Each operation walks CPython 3.11's longobject.c path for its operands:
 * the same fast paths, the same temporaries (requested with the same
 * sizes) and the same order of releases, so pymalloc sees the sequence of
 * requests the real interpreter makes.  The digit arithmetic itself is
 * ordinary schoolbook / Knuth arithmetic on host pointers into the
 * objects' digit arrays (their memory never moves).
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/utf8.h"

typedef uint32_t digit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;

#define BASE ((twodigits)1 << INT_SHIFT)
#define MAX_LONG_DIGITS ((INT64_MAX - INT_DIGITS_OFF) / 4)
#define MEDIUM_REQUEST 32            /* sizeof(PyLongObject) */
#define KARATSUBA_CUTOFF 70
#define KARATSUBA_SQUARE_CUTOFF (2 * KARATSUBA_CUTOFF)
#define HUGE_EXP_DIGITS 2            /* HUGE_EXP_CUTOFF (60 bits) / 30 */
#define EXP_WINDOW_SIZE 5
#define EXP_TABLE_LEN (1 << (EXP_WINDOW_SIZE - 1))
#define DECIMAL_SHIFT 9
#define DECIMAL_BASE 1000000000u
#define STR_DIGITS_THRESHOLD 640     /* _PY_LONG_MAX_STR_DIGITS_THRESHOLD */

#define LIMIT_TO_INT "Exceeds the limit (%lld digits) for integer string conversion: " \
                     "value has %lld digits; use sys.set_int_max_str_digits() to increase the limit"
#define LIMIT_TO_STR "Exceeds the limit (%lld digits) for integer string conversion; " \
                     "use sys.set_int_max_str_digits() to increase the limit"

/* ---- access ---- */

static digit *dg(const Sim *S, Obj o)
{
    void *p = (char *)ob_ptr(S, o) + INT_DIGITS_OFF;
    return p;
}

static int64_t asize(const Sim *S, Obj o)
{
    int64_t n = ob_size(S, o);
    return n < 0 ? -n : n;
}

static int is_int(const Sim *S, Obj o) { return ob_is(S, o, TI_INT) || ob_is(S, o, TI_BOOL); }
static int is_medium(const Sim *S, Obj o) { return asize(S, o) <= 1; }
static stwodigits medium(const Sim *S, Obj o) { return ob_size(S, o) * (stwodigits)dg(S, o)[0]; }
static int is_small_value(stwodigits v) { return v >= SMALL_INT_MIN && v <= SMALL_INT_MAX; }
static int fits_medium(stwodigits v) { return v >= -(stwodigits)INT_MASK && v <= (stwodigits)INT_MASK; }

static int bit_length(digit d)
{
    int n = 0;
    for (; d; d >>= 1) n++;
    return n;
}

/* Arithmetic shift right of a negative or positive value, portably. */
static stwodigits asr(stwodigits x, int s) { return x < 0 ? ~(~x >> s) : x >> s; }

static Obj retain(Sim *S, Obj o)
{
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

static void release(Sim *S, Obj o) { ob_decref(S, o, HOLD_TEMP); }
static void xrelease(Sim *S, Obj o) { ob_xdecref(S, o, HOLD_TEMP); }
static Obj small(Sim *S, stwodigits v) { return retain(S, int_small(S, v)); }

static void flip_sign(Sim *S, Obj o) { ob_set_size(S, o, -ob_size(S, o)); }

/* ---- constructors ---- */

/* _PyLong_New: ob_size = n; the digits are zeroed (CPython leaves them
 * uninitialized, and no path reads one before writing it). */
static Obj long_new(Sim *S, int64_t n)
{
    if (n > MAX_LONG_DIGITS) return exc_set(S, EXC_OverflowError, "too many digits in integer");
    uint64_t size = INT_DIGITS_OFF + 4 * (uint64_t)(n ? n : 1);
    return ob_alloc_sized(S, S->types[TI_INT].type, size, n);
}

/* _PyLong_FromMedium: a fixed 32-byte request for one digit. */
static Obj from_medium(Sim *S, stwodigits x)
{
    Obj o = ob_alloc_sized(S, S->types[TI_INT].type, MEDIUM_REQUEST, x < 0 ? -1 : 1);
    if (o) dg(S, o)[0] = (digit)(x < 0 ? -x : x);
    return o;
}

/* _PyLong_FromLarge: |x| >= 2**30, two or three digits. */
static Obj from_large(Sim *S, stwodigits x)
{
    twodigits m = x < 0 ? 0 - (twodigits)x : (twodigits)x;
    int64_t n = 2;
    for (twodigits t = m >> (2 * INT_SHIFT); t; t >>= INT_SHIFT) n++;
    Obj o = long_new(S, n);
    if (!o) return 0;
    ob_set_size(S, o, x < 0 ? -n : n);
    digit *d = dg(S, o);
    for (int64_t i = 0; m; m >>= INT_SHIFT) d[i++] = (digit)(m & INT_MASK);
    return o;
}

/* _PyLong_FromSTwoDigits, PyLong_FromLong and PyLong_FromLongLong. */
static Obj from_stwo(Sim *S, stwodigits x)
{
    if (is_small_value(x)) return small(S, x);
    if (fits_medium(x)) return from_medium(S, x);
    return from_large(S, x);
}

Obj int_from_i64(Sim *S, int64_t v) { return from_stwo(S, v); }

/* long_normalize: drops leading zero digits (the memory stays). */
static Obj normalize(Sim *S, Obj o)
{
    int64_t n = ob_size(S, o), j = n < 0 ? -n : n, i = j;
    const digit *d = dg(S, o);
    while (i > 0 && d[i - 1] == 0) i--;
    if (i != j) ob_set_size(S, o, n < 0 ? -i : i);
    return o;
}

/* maybe_small_long: a fresh result with a small value becomes the
 * singleton (the fresh object is freed first). */
static Obj maybe_small(Sim *S, Obj o)
{
    if (o && is_medium(S, o)) {
        stwodigits v = medium(S, o);
        if (is_small_value(v)) {
            release(S, o);
            return small(S, v);
        }
    }
    return o;
}

/* _PyLong_Negate: in place when we hold the only reference, otherwise
 * (a singleton) through a new object. */
static int negate(Sim *S, Obj *p)
{
    Obj x = *p;
    if (ob_refcnt(S, x) == 1) {
        flip_sign(S, x);
        return 0;
    }
    *p = from_stwo(S, -medium(S, x));
    release(S, x);
    return *p ? 0 : -1;
}

/* _PyLong_Copy. */
static Obj long_copy(Sim *S, Obj src)
{
    int64_t n = asize(S, src);
    if (n < 2 && is_small_value(medium(S, src))) return small(S, medium(S, src));
    Obj o = long_new(S, n);
    if (!o) return 0;
    ob_set_size(S, o, ob_size(S, src));
    memcpy(dg(S, o), dg(S, src), 4 * (size_t)n);
    return o;
}

/* long_long (int's nb_positive): an exact int is returned itself. */
static Obj long_long(Sim *S, Obj v)
{
    return ob_is(S, v, TI_INT) ? retain(S, v) : long_copy(S, v);
}

/* An exception CPython 3.11 sets and clears at once still costs its
 * message string (3.11 keeps the value unnormalized): allocate, free. */
static void transient_error_str(Sim *S, const char *msg)
{
    Obj s = str_from_cstr(S, msg);
    if (s) release(S, s);
    else exc_clear(S);
}

/* ---- type errors ---- */

static Obj binop_error(Sim *S, const char *op, Obj a, Obj b)
{
    char na[80], nb[80];
    return exc_set(S, EXC_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op,
                   ob_type_name(S, a, na, sizeof na), ob_type_name(S, b, nb, sizeof nb));
}

static Obj unop_error(Sim *S, const char *op, Obj a)
{
    char na[80];
    return exc_set(S, EXC_TypeError, "bad operand type for %s: '%s'", op,
                   ob_type_name(S, a, na, sizeof na));
}

static int both_int(const Sim *S, Obj a, Obj b) { return is_int(S, a) && is_int(S, b); }

/* ---- digit-vector kernels ---- */

/* x[0:m] += y[0:n] (m >= n); returns the carry out. */
static digit v_iadd(digit *x, int64_t m, const digit *y, int64_t n)
{
    digit carry = 0;
    int64_t i;
    for (i = 0; i < n; i++) {
        carry += x[i] + y[i];
        x[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    for (; carry && i < m; i++) {
        carry += x[i];
        x[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    return carry;
}

/* x[0:m] -= y[0:n] (m >= n); returns the borrow out. */
static digit v_isub(digit *x, int64_t m, const digit *y, int64_t n)
{
    digit borrow = 0;
    int64_t i;
    for (i = 0; i < n; i++) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    for (; borrow && i < m; i++) {
        borrow = x[i] - borrow;
        x[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    return borrow;
}

/* z[0:m] = a[0:m] << d (0 <= d < 30); returns the bits shifted out. */
static digit v_lshift(digit *z, const digit *a, int64_t m, int d)
{
    digit carry = 0;
    for (int64_t i = 0; i < m; i++) {
        twodigits acc = (twodigits)a[i] << d | carry;
        z[i] = (digit)acc & INT_MASK;
        carry = (digit)(acc >> INT_SHIFT);
    }
    return carry;
}

/* z[0:m] = a[0:m] >> d (0 <= d < 30); returns the bits shifted out. */
static digit v_rshift(digit *z, const digit *a, int64_t m, int d)
{
    digit carry = 0, mask = ((digit)1 << d) - 1u;
    for (int64_t i = m; i-- > 0;) {
        twodigits acc = (twodigits)carry << INT_SHIFT | a[i];
        carry = (digit)acc & mask;
        z[i] = (digit)(acc >> d);
    }
    return carry;
}

/* out[0:size] = in[0:size] / n (in may be out); returns the remainder. */
static digit inplace_divrem1(digit *out, const digit *in, int64_t size, digit n)
{
    twodigits rem = 0;
    while (--size >= 0) {
        twodigits dividend = rem << INT_SHIFT | in[size];
        out[size] = (digit)(dividend / n);
        rem = dividend % n;
    }
    return (digit)rem;
}

static digit inplace_rem1(const digit *in, int64_t size, digit n)
{
    twodigits rem = 0;
    while (--size >= 0) rem = (rem << INT_SHIFT | in[size]) % n;
    return (digit)rem;
}

/* z[0:m] = two's complement of a[0:m] (not all zero); z may be a. */
static void v_complement(digit *z, const digit *a, int64_t m)
{
    digit carry = 1;
    for (int64_t i = 0; i < m; i++) {
        carry += a[i] ^ INT_MASK;
        z[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
}

/* ---- addition and subtraction ---- */

/* |a| + |b| in size_a + 1 digits (the larger operand's size). */
static Obj x_add(Sim *S, Obj a, Obj b)
{
    int64_t na = asize(S, a), nb = asize(S, b), i;
    if (na < nb) {
        Obj t = a; a = b; b = t;
        int64_t n = na; na = nb; nb = n;
    }
    Obj z = long_new(S, na + 1);
    if (!z) return 0;
    digit *pz = dg(S, z), carry = 0;
    const digit *pa = dg(S, a), *pb = dg(S, b);
    for (i = 0; i < nb; i++) {
        carry += pa[i] + pb[i];
        pz[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    for (; i < na; i++) {
        carry += pa[i];
        pz[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    pz[i] = carry;
    return normalize(S, z);
}

/* |a| - |b|, signed; the digits above the highest difference are not
 * allocated. */
static Obj x_sub(Sim *S, Obj a, Obj b)
{
    int64_t na = asize(S, a), nb = asize(S, b), i;
    int sign = 1;
    if (na < nb) {
        sign = -1;
        Obj t = a; a = b; b = t;
        int64_t n = na; na = nb; nb = n;
    } else if (na == nb) {
        const digit *pa = dg(S, a), *pb = dg(S, b);
        for (i = na; --i >= 0 && pa[i] == pb[i];) {}
        if (i < 0) return small(S, 0);
        if (pa[i] < pb[i]) {
            sign = -1;
            Obj t = a; a = b; b = t;
        }
        na = nb = i + 1;
    }
    Obj z = long_new(S, na);
    if (!z) return 0;
    digit *pz = dg(S, z), borrow = 0;
    const digit *pa = dg(S, a), *pb = dg(S, b);
    for (i = 0; i < nb; i++) {
        borrow = pa[i] - pb[i] - borrow;
        pz[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = pa[i] - borrow;
        pz[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    if (sign < 0) flip_sign(S, z);
    return maybe_small(S, normalize(S, z));
}

/* _PyLong_Add (both operands ints). */
static Obj long_add(Sim *S, Obj a, Obj b)
{
    if (is_medium(S, a) && is_medium(S, b)) return from_stwo(S, medium(S, a) + medium(S, b));
    Obj z;
    if (ob_size(S, a) < 0) {
        if (ob_size(S, b) < 0) {
            z = x_add(S, a, b);
            if (z) flip_sign(S, z); /* multi-digit: never a singleton */
        } else {
            z = x_sub(S, b, a);
        }
    } else {
        z = ob_size(S, b) < 0 ? x_sub(S, a, b) : x_add(S, a, b);
    }
    return z;
}

/* _PyLong_Subtract. */
static Obj long_sub(Sim *S, Obj a, Obj b)
{
    if (is_medium(S, a) && is_medium(S, b)) return from_stwo(S, medium(S, a) - medium(S, b));
    Obj z;
    if (ob_size(S, a) < 0) {
        if (ob_size(S, b) < 0) {
            z = x_sub(S, b, a);
        } else {
            z = x_add(S, a, b);
            if (z) flip_sign(S, z);
        }
    } else {
        z = ob_size(S, b) < 0 ? x_add(S, a, b) : x_sub(S, a, b);
    }
    return z;
}

Obj int_add(Sim *S, Obj a, Obj b)
{
    return both_int(S, a, b) ? long_add(S, a, b) : binop_error(S, "+", a, b);
}

Obj int_sub(Sim *S, Obj a, Obj b)
{
    return both_int(S, a, b) ? long_sub(S, a, b) : binop_error(S, "-", a, b);
}

/* ---- multiplication ---- */

/* Schoolbook |a| * |b| into size_a + size_b digits (CPython's squaring
 * variant for a == b yields the same digits). */
static Obj x_mul(Sim *S, Obj a, Obj b)
{
    int64_t na = asize(S, a), nb = asize(S, b);
    Obj z = long_new(S, na + nb);
    if (!z) return 0;
    digit *pz = dg(S, z);
    const digit *pa = dg(S, a), *pb = dg(S, b);
    for (int64_t i = 0; i < na; i++) {
        twodigits carry = 0, f = pa[i];
        for (int64_t j = 0; j < nb; j++) {
            carry += pz[i + j] + pb[j] * f;
            pz[i + j] = (digit)(carry & INT_MASK);
            carry >>= INT_SHIFT;
        }
        pz[i + nb] += (digit)carry;
    }
    return normalize(S, z);
}

/* kmul_split: |n| == high * BASE**size + low, both normalized. */
static int kmul_split(Sim *S, Obj n, int64_t size, Obj *high, Obj *low)
{
    int64_t size_n = asize(S, n), size_lo = size_n < size ? size_n : size;
    int64_t size_hi = size_n - size_lo;
    Obj hi = long_new(S, size_hi);
    if (!hi) return -1;
    Obj lo = long_new(S, size_lo);
    if (!lo) {
        release(S, hi);
        return -1;
    }
    memcpy(dg(S, lo), dg(S, n), 4 * (size_t)size_lo);
    memcpy(dg(S, hi), dg(S, n) + size_lo, 4 * (size_t)size_hi);
    *high = normalize(S, hi);
    *low = normalize(S, lo);
    return 0;
}

static Obj k_mul(Sim *S, Obj a, Obj b);

/* k_lopsided_mul: b in slices of size_a digits, each multiplied by a. */
static Obj k_lopsided_mul(Sim *S, Obj a, Obj b)
{
    int64_t na = asize(S, a), nb = asize(S, b), done = 0;
    Obj ret = long_new(S, na + nb);
    if (!ret) return 0;
    Obj slice = long_new(S, na);
    if (!slice) {
        release(S, ret);
        return 0;
    }
    while (nb > 0) {
        int64_t use = nb < na ? nb : na;
        memcpy(dg(S, slice), dg(S, b) + done, 4 * (size_t)use);
        ob_set_size(S, slice, use);
        Obj product = k_mul(S, a, slice);
        if (!product) {
            release(S, ret);
            release(S, slice);
            return 0;
        }
        v_iadd(dg(S, ret) + done, ob_size(S, ret) - done, dg(S, product), ob_size(S, product));
        release(S, product);
        nb -= use;
        done += use;
    }
    release(S, slice);
    return normalize(S, ret);
}

/* One Karatsuba step: ah*bh, al*bl and (ah+al)*(bh+bl), in CPython's
 * order of temporaries. */
static Obj karatsuba(Sim *S, Obj a, Obj b, int64_t na, int64_t nb)
{
    Obj ah = 0, al = 0, bh = 0, bl = 0, ret = 0, t1, t2, t3;
    int64_t shift = nb >> 1;
    if (kmul_split(S, a, shift, &ah, &al) < 0) goto fail;
    if (a == b) {
        bh = retain(S, ah);
        bl = retain(S, al);
    } else if (kmul_split(S, b, shift, &bh, &bl) < 0) {
        goto fail;
    }
    if (!(ret = long_new(S, na + nb))) goto fail;
    digit *r = dg(S, ret);
    int64_t nret = na + nb, n1, n2, rest = nret - shift;

    if (!(t1 = k_mul(S, ah, bh))) goto fail;
    n1 = ob_size(S, t1);
    memcpy(r + 2 * shift, dg(S, t1), 4 * (size_t)n1);
    memset(r + 2 * shift + n1, 0, 4 * (size_t)(nret - 2 * shift - n1));
    if (!(t2 = k_mul(S, al, bl))) {
        release(S, t1);
        goto fail;
    }
    n2 = ob_size(S, t2);
    memcpy(r, dg(S, t2), 4 * (size_t)n2);
    memset(r + n2, 0, 4 * (size_t)(2 * shift - n2));
    v_isub(r + shift, rest, dg(S, t2), n2);
    release(S, t2);
    v_isub(r + shift, rest, dg(S, t1), n1);
    release(S, t1);

    if (!(t1 = x_add(S, ah, al))) goto fail;
    release(S, ah);
    release(S, al);
    ah = al = 0;
    if (a == b) {
        t2 = retain(S, t1);
    } else if (!(t2 = x_add(S, bh, bl))) {
        release(S, t1);
        goto fail;
    }
    release(S, bh);
    release(S, bl);
    bh = bl = 0;
    t3 = k_mul(S, t1, t2);
    release(S, t1);
    release(S, t2);
    if (!t3) goto fail;
    v_iadd(r + shift, rest, dg(S, t3), ob_size(S, t3));
    release(S, t3);
    return normalize(S, ret);
fail:
    xrelease(S, ret);
    xrelease(S, ah);
    xrelease(S, al);
    xrelease(S, bh);
    xrelease(S, bl);
    return 0;
}

/* k_mul: |a| * |b|; schoolbook below the cutoffs (70 digits, 140 for a
 * square), lopsided slices when one side is twice the other. */
static Obj k_mul(Sim *S, Obj a, Obj b)
{
    int64_t na = asize(S, a), nb = asize(S, b);
    if (na > nb) {
        Obj t = a; a = b; b = t;
        int64_t n = na; na = nb; nb = n;
    }
    if (na <= (a == b ? KARATSUBA_SQUARE_CUTOFF : KARATSUBA_CUTOFF))
        return na == 0 ? small(S, 0) : x_mul(S, a, b);
    if (2 * na <= nb) return k_lopsided_mul(S, a, b);
    return karatsuba(S, a, b, na, nb);
}

/* _PyLong_Multiply. */
static Obj long_mul(Sim *S, Obj a, Obj b)
{
    if (is_medium(S, a) && is_medium(S, b)) return from_stwo(S, medium(S, a) * medium(S, b));
    Obj z = k_mul(S, a, b);
    if (z && (ob_size(S, a) ^ ob_size(S, b)) < 0 && negate(S, &z) != 0) return 0;
    return z;
}

Obj int_mul(Sim *S, Obj a, Obj b)
{
    return both_int(S, a, b) ? long_mul(S, a, b) : binop_error(S, "*", a, b);
}

/* ---- division ---- */

/* divrem1: |a| / n in size_a digits; the remainder in *prem. */
static Obj divrem1(Sim *S, Obj a, digit n, digit *prem)
{
    int64_t size = asize(S, a);
    Obj z = long_new(S, size);
    if (!z) return 0;
    *prem = inplace_divrem1(dg(S, z), dg(S, a), size, n);
    return normalize(S, z);
}

/* x_divrem: Knuth's algorithm D on |v1| / |w1| (2 <= size_w <= size_v).
 * Temporaries: v (size_v + 1 digits), w (size_w, later the remainder)
 * and the quotient a; v is freed before returning. */
static void divrem_loop(digit *v0, const digit *w0, int64_t size_w, digit *a0, int64_t k)
{
    digit wm1 = w0[size_w - 1], wm2 = w0[size_w - 2];
    for (int64_t j = k; j-- > 0;) {
        digit *vk = v0 + j, vtop = vk[size_w];
        twodigits vv = (twodigits)vtop << INT_SHIFT | vk[size_w - 1];
        digit q = (digit)(vv / wm1), r = (digit)(vv % wm1);
        while ((twodigits)wm2 * q > ((twodigits)r << INT_SHIFT | vk[size_w - 2])) {
            --q;
            r += wm1;
            if (r >= BASE) break;
        }
        stwodigits zhi = 0;
        for (int64_t i = 0; i < size_w; i++) {
            stwodigits z = (stwodigits)vk[i] + zhi - (stwodigits)q * (stwodigits)w0[i];
            vk[i] = (digit)z & INT_MASK;
            zhi = asr(z, INT_SHIFT);
        }
        if ((stwodigits)vtop + zhi < 0) {
            digit carry = 0;
            for (int64_t i = 0; i < size_w; i++) {
                carry += vk[i] + w0[i];
                vk[i] = carry & INT_MASK;
                carry >>= INT_SHIFT;
            }
            --q;
        }
        a0[j] = q;
    }
}

static Obj x_divrem(Sim *S, Obj v1, Obj w1, Obj *prem)
{
    int64_t size_v = asize(S, v1), size_w = asize(S, w1);
    *prem = 0;
    Obj v = long_new(S, size_v + 1);
    if (!v) return 0;
    Obj w = long_new(S, size_w);
    if (!w) {
        release(S, v);
        return 0;
    }
    digit *v0 = dg(S, v), *w0 = dg(S, w);
    int d = INT_SHIFT - bit_length(dg(S, w1)[size_w - 1]);
    v_lshift(w0, dg(S, w1), size_w, d);
    digit carry = v_lshift(v0, dg(S, v1), size_v, d);
    if (carry != 0 || v0[size_v - 1] >= w0[size_w - 1]) v0[size_v++] = carry;
    int64_t k = size_v - size_w;
    Obj a = long_new(S, k);
    if (!a) {
        release(S, w);
        release(S, v);
        return 0;
    }
    divrem_loop(v0, w0, size_w, dg(S, a), k);
    v_rshift(w0, v0, size_w, d);
    release(S, v);
    *prem = normalize(S, w);
    return normalize(S, a);
}

/* long_divrem: truncating division; the remainder takes a's sign. */
static int long_divrem(Sim *S, Obj a, Obj b, Obj *pdiv, Obj *prem)
{
    int64_t na = asize(S, a), nb = asize(S, b);
    Obj z;
    if (nb == 0) {
        exc_set(S, EXC_ZeroDivisionError, "integer division or modulo by zero");
        return -1;
    }
    if (na < nb || (na == nb && dg(S, a)[na - 1] < dg(S, b)[nb - 1])) {
        if (!(*prem = long_long(S, a))) return -1;
        *pdiv = small(S, 0);
        return 0;
    }
    if (nb == 1) {
        digit rem = 0;
        if (!(z = divrem1(S, a, dg(S, b)[0], &rem))) return -1;
        if (!(*prem = from_stwo(S, rem))) {
            release(S, z);
            return -1;
        }
    } else {
        z = x_divrem(S, a, b, prem);
        *prem = maybe_small(S, *prem);
        if (!z) return -1;
    }
    if ((ob_size(S, a) < 0) != (ob_size(S, b) < 0) && negate(S, &z) != 0) {
        xrelease(S, *prem);
        return -1;
    }
    if (ob_size(S, a) < 0 && ob_size(S, *prem) != 0 && negate(S, prem) != 0) {
        release(S, z);
        return -1;
    }
    *pdiv = maybe_small(S, z);
    return 0;
}

/* long_rem: the remainder alone (no quotient kept for one-digit b). */
static int long_rem(Sim *S, Obj a, Obj b, Obj *prem)
{
    int64_t na = asize(S, a), nb = asize(S, b);
    if (nb == 0) {
        exc_set(S, EXC_ZeroDivisionError, "integer modulo by zero");
        return -1;
    }
    if (na < nb || (na == nb && dg(S, a)[na - 1] < dg(S, b)[nb - 1]))
        return (*prem = long_long(S, a)) ? 0 : -1;
    if (nb == 1) {
        *prem = from_stwo(S, inplace_rem1(dg(S, a), na, dg(S, b)[0]));
        if (!*prem) return -1;
    } else {
        xrelease(S, x_divrem(S, a, b, prem));
        *prem = maybe_small(S, *prem);
        if (!*prem) return -1;
    }
    if (ob_size(S, a) < 0 && ob_size(S, *prem) != 0 && negate(S, prem) != 0) return -1;
    return 0;
}

/* fast_floor_div / fast_mod: both operands one digit. */
static Obj fast_floor_div(Sim *S, Obj a, Obj b)
{
    stwodigits left = dg(S, a)[0], right = dg(S, b)[0];
    stwodigits q = ob_size(S, a) == ob_size(S, b) ? left / right : -1 - (left - 1) / right;
    return from_stwo(S, q);
}

static Obj fast_mod(Sim *S, Obj a, Obj b)
{
    stwodigits left = dg(S, a)[0], right = dg(S, b)[0];
    stwodigits m = ob_size(S, a) == ob_size(S, b) ? left % right : right - 1 - (left - 1) % right;
    return from_stwo(S, m * ob_size(S, b));
}

static int one_digit_each(const Sim *S, Obj a, Obj b) { return asize(S, a) == 1 && asize(S, b) == 1; }

/* l_divmod: floor division; pdiv or pmod may be NULL. */
static int l_divmod(Sim *S, Obj v, Obj w, Obj *pdiv, Obj *pmod)
{
    Obj div = 0, mod, t;
    if (one_digit_each(S, v, w)) {
        if (pdiv && !(div = fast_floor_div(S, v, w))) return -1;
        if (pmod) {
            if (!(mod = fast_mod(S, v, w))) {
                xrelease(S, div);
                return -1;
            }
            *pmod = mod;
        }
        if (pdiv) *pdiv = div;
        return 0;
    }
    if (long_divrem(S, v, w, &div, &mod) < 0) return -1;
    if ((ob_size(S, mod) < 0 && ob_size(S, w) > 0) || (ob_size(S, mod) > 0 && ob_size(S, w) < 0)) {
        t = long_add(S, mod, w);
        release(S, mod);
        if (!(mod = t)) {
            release(S, div);
            return -1;
        }
        if (!(t = long_sub(S, div, int_small(S, 1)))) {
            release(S, mod);
            release(S, div);
            return -1;
        }
        release(S, div);
        div = t;
    }
    if (pdiv) *pdiv = div;
    else release(S, div);
    if (pmod) *pmod = mod;
    else release(S, mod);
    return 0;
}

/* l_mod. */
static int l_mod(Sim *S, Obj v, Obj w, Obj *pmod)
{
    Obj mod;
    if (one_digit_each(S, v, w)) return (*pmod = fast_mod(S, v, w)) ? 0 : -1;
    if (long_rem(S, v, w, &mod) < 0) return -1;
    if ((ob_size(S, mod) < 0 && ob_size(S, w) > 0) || (ob_size(S, mod) > 0 && ob_size(S, w) < 0)) {
        Obj t = long_add(S, mod, w);
        release(S, mod);
        if (!(mod = t)) return -1;
    }
    *pmod = mod;
    return 0;
}

Obj int_floordiv(Sim *S, Obj a, Obj b)
{
    Obj div;
    if (!both_int(S, a, b)) return binop_error(S, "//", a, b);
    if (one_digit_each(S, a, b)) return fast_floor_div(S, a, b);
    return l_divmod(S, a, b, &div, NULL) < 0 ? 0 : div;
}

Obj int_mod(Sim *S, Obj a, Obj b)
{
    Obj mod;
    if (!both_int(S, a, b)) return binop_error(S, "%", a, b);
    return l_mod(S, a, b, &mod) < 0 ? 0 : mod;
}

Obj int_divmod(Sim *S, Obj a, Obj b)
{
    Obj div, mod;
    if (!both_int(S, a, b)) return binop_error(S, "divmod()", a, b);
    if (l_divmod(S, a, b, &div, &mod) < 0) return 0;
    Obj t = tuple_new(S, 2);
    if (!t) {
        release(S, div);
        release(S, mod);
        return 0;
    }
    tuple_set_item(S, t, 0, div);
    tuple_set_item(S, t, 1, mod);
    return t;
}

/* ---- int -> double ---- */

/* _PyLong_Frexp: |a| = x * 2**e with 0.5 <= x < 1, x rounded half-even
 * to 53 bits; a != 0. */
static double long_frexp(const Sim *S, Obj a, int64_t *e)
{
    static const int half_even_correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    digit x[2 + (DBL_MANT_DIG + 1) / INT_SHIFT] = {0};
    const digit *pa = dg(S, a);
    int64_t na = asize(S, a), bits = (na - 1) * INT_SHIFT + bit_length(pa[na - 1]), xs;
    if (bits <= DBL_MANT_DIG + 2) {
        int64_t sd = (DBL_MANT_DIG + 2 - bits) / INT_SHIFT;
        int sb = (int)((DBL_MANT_DIG + 2 - bits) % INT_SHIFT);
        digit rem = v_lshift(x + sd, pa, na, sb);
        xs = sd + na;
        x[xs++] = rem;
    } else {
        int64_t sd = (bits - DBL_MANT_DIG - 2) / INT_SHIFT;
        int sb = (int)((bits - DBL_MANT_DIG - 2) % INT_SHIFT);
        digit rem = v_rshift(x, pa + sd, na - sd, sb);
        xs = na - sd;
        if (rem) {
            x[0] |= 1;
        } else {
            while (sd > 0)
                if (pa[--sd]) {
                    x[0] |= 1;
                    break;
                }
        }
    }
    x[0] = (digit)((int64_t)x[0] + half_even_correction[x[0] & 7]);
    double dx = x[--xs];
    while (xs > 0) dx = dx * (double)BASE + x[--xs];
    dx /= 4.0 * 9007199254740992.0; /* 2**(DBL_MANT_DIG + 2) */
    if (dx == 1.0) {
        dx = 0.5;
        bits++;
    }
    *e = bits;
    return ob_size(S, a) < 0 ? -dx : dx;
}

int int_as_double(Sim *S, Obj o, double *out)
{
    if (!is_int(S, o)) {
        exc_set(S, EXC_TypeError, "an integer is required");
        return -1;
    }
    if (is_medium(S, o)) {
        *out = (double)medium(S, o);
        return 0;
    }
    int64_t e;
    double x = long_frexp(S, o, &e);
    if (e > DBL_MAX_EXP) {
        exc_set(S, EXC_OverflowError, "int too large to convert to float");
        return -1;
    }
    *out = ldexp(x, (int)e);
    return 0;
}

/* ---- true division ---- */

/* A magnitude below 2**53 converts exactly. */
static int exact_in_double(const Sim *S, Obj a, double *out)
{
    const int mant_digits = DBL_MANT_DIG / INT_SHIFT, mant_bits = DBL_MANT_DIG % INT_SHIFT;
    int64_t n = asize(S, a);
    const digit *p = dg(S, a);
    if (!(n <= mant_digits || (n == mant_digits + 1 && p[mant_digits] >> mant_bits == 0))) return 0;
    double d = p[--n];
    while (n > 0) d = d * (double)BASE + p[--n];
    *out = d;
    return 1;
}

/* x = |a| * 2**-shift, truncated; *inexact says whether bits were lost. */
static Obj scaled(Sim *S, Obj a, int64_t shift, int *inexact)
{
    int64_t na = asize(S, a);
    const digit *pa = dg(S, a);
    Obj x;
    if (shift <= 0) {
        int64_t sd = -shift / INT_SHIFT;
        if (!(x = long_new(S, na + sd + 1))) return 0;
        digit *px = dg(S, x);
        px[na + sd] = v_lshift(px + sd, pa, na, (int)(-shift % INT_SHIFT));
    } else {
        int64_t sd = shift / INT_SHIFT;
        if (!(x = long_new(S, na - sd))) return 0;
        if (v_rshift(dg(S, x), pa + sd, na - sd, (int)(shift % INT_SHIFT))) *inexact = 1;
        while (!*inexact && sd > 0)
            if (pa[--sd]) *inexact = 1;
    }
    return normalize(S, x);
}

/* long_true_divide's general case on |a| / |b| (b != 0, a != 0). */
static int true_divide_big(Sim *S, Obj a, Obj b, double *out)
{
    int64_t na = asize(S, a), nb = asize(S, b);
    int64_t diff = na - nb;
    if (diff > INT64_MAX / INT_SHIFT - 1) goto overflow;
    if (diff < 1 - INT64_MAX / INT_SHIFT) goto underflow;
    diff = diff * INT_SHIFT + bit_length(dg(S, a)[na - 1]) - bit_length(dg(S, b)[nb - 1]);
    if (diff > DBL_MAX_EXP) goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) goto underflow;

    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    int inexact = 0;
    Obj x = scaled(S, a, shift, &inexact);
    if (!x) return -1;
    if (nb == 1) {
        digit *px = dg(S, x);
        if (inplace_divrem1(px, px, ob_size(S, x), dg(S, b)[0])) inexact = 1;
        normalize(S, x);
    } else {
        Obj rem, div = x_divrem(S, x, b, &rem);
        release(S, x);
        if (!(x = div)) return -1;
        if (ob_size(S, rem)) inexact = 1;
        release(S, rem);
    }
    int64_t xs = asize(S, x);
    digit *px = dg(S, x);
    int64_t x_bits = (xs - 1) * INT_SHIFT + bit_length(px[xs - 1]);
    int64_t extra = (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    digit mask = (digit)1 << (extra - 1), low = px[0] | (digit)inexact;
    if ((low & mask) && (low & (3u * mask - 1u))) low += mask;
    px[0] = low & ~(2u * mask - 1u);
    double dx = px[--xs];
    while (xs > 0) dx = dx * (double)BASE + px[--xs];
    release(S, x);
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        goto overflow;
    *out = ldexp(dx, (int)shift);
    return 0;
underflow:
    *out = 0.0;
    return 0;
overflow:
    exc_set(S, EXC_OverflowError, "integer division result too large for a float");
    return -1;
}

Obj int_truediv(Sim *S, Obj a, Obj b)
{
    if (!both_int(S, a, b)) return binop_error(S, "/", a, b);
    int negate_result = (ob_size(S, a) < 0) ^ (ob_size(S, b) < 0);
    double da, db, result = 0.0;
    if (ob_size(S, b) == 0) return exc_set(S, EXC_ZeroDivisionError, "division by zero");
    if (ob_size(S, a) != 0) {
        if (exact_in_double(S, a, &da) && exact_in_double(S, b, &db)) result = da / db;
        else if (true_divide_big(S, a, b, &result) < 0) return 0;
    }
    return float_from_double(S, negate_result ? -result : result);
}

/* ---- power ---- */

/* float ** float for two ints with a negative exponent (float_pow). */
static Obj float_pow_ints(Sim *S, Obj a, Obj b)
{
    double iv, iw, ix;
    if (int_as_double(S, a, &iv) < 0 || int_as_double(S, b, &iw) < 0) return 0;
    if (iv == 0.0)
        return exc_set(S, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    int negate_result = 0;
    if (iv < 0.0) { /* iw is an integer: the sign follows its parity */
        iv = -iv;
        negate_result = fmod(fabs(iw), 2.0) == 1.0;
    }
    if (iv == 1.0) return float_from_double(S, negate_result ? -1.0 : 1.0);
    errno = 0;
    ix = pow(iv, iw);
    if (errno == 0 && isinf(ix)) errno = ERANGE;
    else if (errno == ERANGE && ix == 0.0) errno = 0;
    if (negate_result) ix = -ix;
    if (errno != 0) {
        int err = errno;
        return exc_set(S, err == ERANGE ? EXC_OverflowError : EXC_ValueError, "[Errno %d] %s", err,
                       strerror(err));
    }
    return float_from_double(S, ix);
}

/* MULT(x, y, result) of long_pow: the product replaces *result. */
static int pow_mult(Sim *S, Obj x, Obj y, Obj *result)
{
    Obj t = long_mul(S, x, y);
    if (!t) return -1;
    xrelease(S, *result);
    *result = t;
    return 0;
}

/* True when |a| ** e cannot fit the heap, however it is computed: CPython
 * would grind to the same MemoryError, we decline at once. */
static int pow_too_big(const Sim *S, Obj a, Obj e)
{
    int64_t na = asize(S, a), ne = asize(S, e);
    if (na == 0 || (na == 1 && dg(S, a)[0] == 1)) return 0;
    double exponent = 0.0, base_bits = (double)((na - 1) * INT_SHIFT + bit_length(dg(S, a)[na - 1]) - 1);
    for (int64_t i = ne; i-- > 0;) exponent = exponent * (double)BASE + dg(S, e)[i];
    double bytes = (base_bits > 0 ? base_bits : 1.0) * exponent / 8.0;
    return bytes > (double)sim_heap_profile(S->heap)->heap_limit;
}

/* Left-to-right binary exponentiation (exponents below 2**60). */
static int pow_binary(Sim *S, Obj a, Obj b, Obj *z)
{
    int64_t i = asize(S, b);
    digit bi = dg(S, b)[i - 1], bit;
    retain(S, a);
    release(S, *z);
    *z = a;
    for (bit = 2; bit <= bi; bit <<= 1) {}
    bit >>= 2;
    for (--i;;) {
        for (; bit != 0; bit >>= 1) {
            if (pow_mult(S, *z, *z, z) < 0) return -1;
            if ((bi & bit) && pow_mult(S, *z, a, z) < 0) return -1;
        }
        if (--i < 0) break;
        bi = dg(S, b)[i];
        bit = (digit)1 << (INT_SHIFT - 1);
    }
    return 0;
}

/* ABSORB_PENDING of the sliding window: squarings, one table multiply,
 * squarings for the trailing zeros. */
static int pow_absorb(Sim *S, Obj *z, const Obj *table, int *pending, int *blen)
{
    int ntz = 0;
    while ((*pending & 1) == 0) {
        ntz++;
        *pending >>= 1;
    }
    *blen -= ntz;
    do {
        if (pow_mult(S, *z, *z, z) < 0) return -1;
    } while (--*blen);
    if (pow_mult(S, *z, table[*pending >> 1], z) < 0) return -1;
    while (ntz-- > 0)
        if (pow_mult(S, *z, *z, z) < 0) return -1;
    *pending = 0;
    return 0;
}

/* 5-bit sliding window with table[i] == a**(2i+1) (exponents >= 2**60). */
static int pow_window(Sim *S, Obj a, Obj b, Obj *z)
{
    Obj table[EXP_TABLE_LEN], a2 = 0;
    int n = 1, rc = -1, pending = 0, blen = 0;
    table[0] = retain(S, a);
    if (pow_mult(S, a, a, &a2) < 0) goto done;
    for (; n < EXP_TABLE_LEN; n++) {
        table[n] = 0;
        if (pow_mult(S, table[n - 1], a2, &table[n]) < 0) goto done;
    }
    release(S, a2);
    a2 = 0;
    for (int64_t i = asize(S, b) - 1; i >= 0; --i) {
        digit bi = dg(S, b)[i];
        for (int j = INT_SHIFT - 1; j >= 0; --j) {
            pending = pending << 1 | (int)((bi >> j) & 1);
            if (pending) {
                if (++blen == EXP_WINDOW_SIZE && pow_absorb(S, z, table, &pending, &blen) < 0) goto done;
            } else if (pow_mult(S, *z, *z, z) < 0) {
                goto done;
            }
        }
    }
    if (pending && pow_absorb(S, z, table, &pending, &blen) < 0) goto done;
    rc = 0;
done:
    for (int i = 0; i < n; i++) release(S, table[i]);
    xrelease(S, a2);
    return rc;
}

Obj int_pow(Sim *S, Obj a, Obj b)
{
    if (!both_int(S, a, b)) return binop_error(S, "** or pow()", a, b);
    if (ob_size(S, b) < 0) return float_pow_ints(S, a, b);
    if (pow_too_big(S, a, b)) return exc_no_memory(S);
    retain(S, a); /* long_pow holds its operands while it works */
    retain(S, b);
    Obj z = small(S, 1);
    int64_t i = ob_size(S, b);
    digit bi = i ? dg(S, b)[i - 1] : 0;
    int rc = 0;
    if (i <= 1 && bi <= 3) {
        if (bi >= 2) {
            rc = pow_mult(S, a, a, &z);
            if (rc == 0 && bi == 3) rc = pow_mult(S, z, a, &z);
        } else if (bi == 1) {
            rc = pow_mult(S, a, z, &z);
        }
    } else if (i <= HUGE_EXP_DIGITS) {
        rc = pow_binary(S, a, b, &z);
    } else {
        rc = pow_window(S, a, b, &z);
    }
    if (rc < 0) {
        xrelease(S, z);
        z = 0;
    }
    release(S, a);
    release(S, b);
    return z;
}

/* ---- unary operations ---- */

static Obj long_neg(Sim *S, Obj v)
{
    if (is_medium(S, v)) return from_stwo(S, -medium(S, v));
    Obj z = long_copy(S, v);
    if (z) ob_set_size(S, z, -ob_size(S, v));
    return z;
}

Obj int_neg(Sim *S, Obj a) { return is_int(S, a) ? long_neg(S, a) : unop_error(S, "unary -", a); }
Obj int_pos(Sim *S, Obj a) { return is_int(S, a) ? long_long(S, a) : unop_error(S, "unary +", a); }

Obj int_abs(Sim *S, Obj a)
{
    if (!is_int(S, a)) return unop_error(S, "abs()", a);
    return ob_size(S, a) < 0 ? long_neg(S, a) : long_long(S, a);
}

Obj int_invert(Sim *S, Obj a)
{
    if (!is_int(S, a)) return unop_error(S, "unary ~", a);
    if (is_medium(S, a)) return from_stwo(S, ~medium(S, a));
    Obj x = long_add(S, a, int_small(S, 1));
    if (x && negate(S, &x) != 0) return 0;
    return x;
}

/* ---- shifts ---- */

/* PyLong_AsSsize_t without raising: 0, or -1 when |v| needs 64 bits. */
static int fits_ssize(const Sim *S, Obj v, int64_t *out)
{
    int64_t n = asize(S, v);
    twodigits x = 0;
    for (int64_t i = n; --i >= 0;) {
        if (x >> (64 - INT_SHIFT)) return -1;
        x = x << INT_SHIFT | dg(S, v)[i];
    }
    if (ob_size(S, v) >= 0 ? x > (twodigits)INT64_MAX : x > (twodigits)INT64_MAX + 1) return -1;
    *out = ob_size(S, v) >= 0 ? (int64_t)x : (int64_t)(0 - x);
    return 0;
}

#define SSIZE_OVERFLOW "Python int too large to convert to C ssize_t"

/* divmod_shift: (wordshift, remshift) = divmod(b, 30), b >= 0; a shift
 * count past 2**63 goes through divrem1 (and CPython's cleared
 * OverflowErrors), and a wordshift past 2**61 is clipped. */
static int divmod_shift(Sim *S, Obj b, int64_t *ws, digit *rs)
{
    int64_t v;
    if (fits_ssize(S, b, &v) == 0) {
        *ws = v / INT_SHIFT;
        *rs = (digit)(v % INT_SHIFT);
        return 0;
    }
    transient_error_str(S, SSIZE_OVERFLOW);
    Obj w = divrem1(S, b, INT_SHIFT, rs);
    if (!w) return -1;
    int ok = fits_ssize(S, w, ws) == 0;
    Obj pending = 0; /* the second error's message lives until PyErr_Clear */
    if (!ok && !(pending = str_from_cstr(S, SSIZE_OVERFLOW))) exc_clear(S);
    release(S, w);
    xrelease(S, pending);
    if (ok && *ws < INT64_MAX / 4) return 0;
    *ws = INT64_MAX / 4;
    *rs = 0;
    return 0;
}

/* long_rshift1: floor(a / 2**(30*ws + rs)). */
static Obj rshift1(Sim *S, Obj a, int64_t ws, digit rs)
{
    if (is_medium(S, a)) {
        int shift = ws == 0 ? (int)rs : INT_SHIFT;
        return from_stwo(S, asr(medium(S, a), shift));
    }
    int neg = ob_size(S, a) < 0;
    int64_t na = asize(S, a);
    if (neg && rs == 0) { /* keep 0 < remshift <= 30 for the size below */
        if (ws == 0) return long_long(S, a);
        rs = INT_SHIFT;
        --ws;
    }
    int64_t newsize = na - ws;
    if (newsize <= 0) return from_stwo(S, -neg);
    Obj z = long_new(S, newsize);
    if (!z) return 0;
    int hishift = INT_SHIFT - (int)rs;
    const digit *pa = dg(S, a);
    digit *pz = dg(S, z);
    twodigits acc = pa[ws];
    if (neg) { /* -(|a| + 2**shift - 1 >> shift) */
        digit sticky = 0;
        ob_set_size(S, z, -newsize);
        for (int64_t j = 0; j < ws; j++) sticky |= pa[j];
        acc += (INT_MASK >> hishift) + (digit)(sticky != 0);
    }
    acc >>= rs;
    for (int64_t i = 0, j = ws + 1; j < na; i++, j++) {
        acc += (twodigits)pa[j] << hishift;
        pz[i] = (digit)(acc & INT_MASK);
        acc >>= INT_SHIFT;
    }
    pz[newsize - 1] = (digit)acc;
    return maybe_small(S, normalize(S, z));
}

/* long_lshift1. */
static Obj lshift1(Sim *S, Obj a, int64_t ws, digit rs)
{
    if (ws == 0 && is_medium(S, a)) {
        stwodigits m = medium(S, a);
        return from_stwo(S, m < 0 ? -((-m) << rs) : m << rs);
    }
    int64_t old = asize(S, a), newsize = old + ws + (rs ? 1 : 0);
    Obj z = long_new(S, newsize);
    if (!z) return 0;
    if (ob_size(S, a) < 0) flip_sign(S, z);
    const digit *pa = dg(S, a);
    digit *pz = dg(S, z);
    twodigits acc = 0;
    for (int64_t i = ws, j = 0; j < old; i++, j++) {
        acc |= (twodigits)pa[j] << rs;
        pz[i] = (digit)(acc & INT_MASK);
        acc >>= INT_SHIFT;
    }
    if (rs) pz[newsize - 1] = (digit)acc;
    return maybe_small(S, normalize(S, z));
}

static Obj long_shift(Sim *S, Obj a, Obj b, int left)
{
    int64_t ws;
    digit rs;
    if (!both_int(S, a, b)) return binop_error(S, left ? "<<" : ">>", a, b);
    if (ob_size(S, b) < 0) return exc_set(S, EXC_ValueError, "negative shift count");
    if (ob_size(S, a) == 0) return small(S, 0);
    if (divmod_shift(S, b, &ws, &rs) < 0) return 0;
    return left ? lshift1(S, a, ws, rs) : rshift1(S, a, ws, rs);
}

Obj int_lshift(Sim *S, Obj a, Obj b) { return long_shift(S, a, b, 1); }
Obj int_rshift(Sim *S, Obj a, Obj b) { return long_shift(S, a, b, 0); }

/* ---- bitwise operations ---- */

/* A negative operand's two's complement in a temporary of its size; a
 * non-negative one is held as it is. */
static Obj twos_complement(Sim *S, Obj a)
{
    int64_t n = asize(S, a);
    if (ob_size(S, a) >= 0) return retain(S, a);
    Obj z = long_new(S, n);
    if (z) v_complement(dg(S, z), dg(S, a), n);
    return z;
}

static void bitwise_digits(digit *z, const digit *a, const digit *b, int64_t n, char op)
{
    for (int64_t i = 0; i < n; i++)
        z[i] = op == '&' ? a[i] & b[i] : op == '|' ? a[i] | b[i] : a[i] ^ b[i];
}

/* long_bitwise: on two's complements, the result sized as CPython does
 * (the shorter operand where the result cannot be longer), plus one
 * digit when negative. */
static Obj long_bitwise(Sim *S, Obj a0, char op, Obj b0)
{
    int64_t na = asize(S, a0), nb = asize(S, b0), nz, i;
    int nega = ob_size(S, a0) < 0, negb = ob_size(S, b0) < 0, negz;
    Obj a = twos_complement(S, a0), b;
    if (!a) return 0;
    if (!(b = twos_complement(S, b0))) {
        release(S, a);
        return 0;
    }
    if (na < nb) {
        Obj t = a; a = b; b = t;
        int64_t n = na; na = nb; nb = n;
        int g = nega; nega = negb; negb = g;
    }
    if (op == '^') {
        negz = nega ^ negb;
        nz = na;
    } else if (op == '&') {
        negz = nega & negb;
        nz = negb ? na : nb;
    } else {
        negz = nega | negb;
        nz = negb ? nb : na;
    }
    Obj z = long_new(S, nz + negz);
    if (!z) {
        release(S, a);
        release(S, b);
        return 0;
    }
    digit *pz = dg(S, z);
    const digit *pa = dg(S, a);
    bitwise_digits(pz, pa, dg(S, b), nb, op);
    i = nb;
    if (op == '^' && negb)
        for (; i < nz; i++) pz[i] = pa[i] ^ INT_MASK;
    else if (i < nz)
        memcpy(pz + i, pa + i, 4 * (size_t)(nz - i));
    if (negz) {
        flip_sign(S, z);
        pz[nz] = INT_MASK;
        v_complement(pz, pz, nz + 1);
    }
    release(S, a);
    release(S, b);
    return maybe_small(S, normalize(S, z));
}

static Obj bitwise(Sim *S, Obj a, char op, Obj b)
{
    char opname[2] = {op, 0};
    if (!both_int(S, a, b)) return binop_error(S, opname, a, b);
    if (ob_is(S, a, TI_BOOL) && ob_is(S, b, TI_BOOL)) { /* bool_and, bool_or, bool_xor */
        int x = a == S->true_, y = b == S->true_;
        int r = op == '&' ? x & y : op == '|' ? x | y : x ^ y;
        return retain(S, r ? S->true_ : S->false_);
    }
    if (is_medium(S, a) && is_medium(S, b)) {
        stwodigits x = medium(S, a), y = medium(S, b);
        return from_stwo(S, op == '&' ? x & y : op == '|' ? x | y : x ^ y);
    }
    return long_bitwise(S, a, op, b);
}

Obj int_and(Sim *S, Obj a, Obj b) { return bitwise(S, a, '&', b); }
Obj int_or(Sim *S, Obj a, Obj b) { return bitwise(S, a, '|', b); }
Obj int_xor(Sim *S, Obj a, Obj b) { return bitwise(S, a, '^', b); }

/* ---- int(str) ---- */

/* Unicode 14.0 (CPython 3.11's tables): the code points of digit zero of
 * every run of ten decimal digits (category Nd), and the whitespace. */
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

/* One UTF-8 sequence at s[*i]; an invalid byte decodes as itself
 * (U+0080..U+00FF), which no int text accepts anyway. */
static uint32_t utf8_at(const unsigned char *s, size_t n, size_t *i)
{
    unsigned c = s[*i];
    int extra = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : -1;
    if (extra <= 0 || *i + (size_t)extra >= n) {
        (*i)++;
        return c;
    }
    uint32_t cp = c & (0x3fu >> extra);
    for (int k = 1; k <= extra; k++) {
        unsigned b = s[*i + (size_t)k];
        if ((b & 0xc0) != 0x80) {
            (*i)++;
            return c;
        }
        cp = cp << 6 | (b & 0x3f);
    }
    *i += (size_t)extra + 1;
    return cp;
}

static size_t count_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; k++) utf8_at((const unsigned char *)s, n, &i);
    return k;
}

/* _PyUnicode_TransformDecimalAndSpaceToASCII for non-ASCII text: a new
 * ASCII str (PyUnicode_New(len, 127)); below 127 a character is kept,
 * spaces become ' ', decimal digits '0'..'9', and anything else ends
 * the text with '?'. */
static Obj ascii_digits(Sim *S, const char *s, size_t n)
{
    Obj t = str_new(S, 127, (int64_t)count_chars(s, n));
    if (!t) return 0;
    char *out = str_data(S, t);
    int64_t k = 0;
    for (size_t i = 0; i < n; k++) {
        uint32_t c = utf8_at((const unsigned char *)s, n, &i);
        int d = c < 127 ? -1 : unicode_decimal(c);
        if (c < 127) out[k] = (char)c;
        else if (unicode_space(c)) out[k] = ' ';
        else if (d >= 0) out[k] = (char)('0' + d);
        else {
            out[k] = '?';
            ob_set64(S, t, STR_LENGTH_OFF, (uint64_t)k + 1);
            out[k + 1] = '\0';
            break;
        }
    }
    return t;
}

static int is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Multiplies z (its digit count in ob_size, room for *cap digits) by
 * mult and adds c; grows into a new object in CPython's "extremely rare"
 * case.  0 on success. */
static int mul_add_small(Sim *S, Obj *pz, int64_t *cap, twodigits mult, twodigits c)
{
    Obj z = *pz;
    int64_t n = ob_size(S, z);
    digit *p = dg(S, z);
    for (int64_t k = 0; k < n; k++) {
        c += (twodigits)p[k] * mult;
        p[k] = (digit)(c & INT_MASK);
        c >>= INT_SHIFT;
    }
    if (!c) return 0;
    if (n < *cap) {
        p[n] = (digit)c;
        ob_set_size(S, z, n + 1);
        return 0;
    }
    Obj t = long_new(S, *cap + 1);
    if (!t) return -1;
    memcpy(dg(S, t), p, 4 * (size_t)*cap);
    release(S, z);
    dg(S, t)[(*cap)++] = (digit)c;
    *pz = t;
    return 0;
}

/* The decimal digit run [p, end) (with single underscores) into a new
 * int, nine digits at a time, in _PyLong_New(digits*log(10)/log(2**30)+1). */
static Obj convert_decimal(Sim *S, const char *p, const char *end, int64_t digits)
{
    double fsize = (double)digits * (log(10.0) / log((double)BASE)) + 1.0;
    if (fsize > (double)MAX_LONG_DIGITS) return exc_set(S, EXC_OverflowError, "too many digits in integer");
    int64_t cap = (int64_t)fsize;
    Obj z = long_new(S, cap);
    if (!z) return 0;
    ob_set_size(S, z, 0);
    while (p < end) {
        if (*p == '_') {
            p++;
            continue;
        }
        twodigits c = (twodigits)(*p++ - '0'), mult = 10;
        int i;
        for (i = 1; i < DECIMAL_SHIFT && p != end; ++p) {
            if (*p == '_') continue;
            i++;
            mult *= 10;
            c = c * 10 + (twodigits)(*p - '0');
        }
        if (mul_add_small(S, &z, &cap, mult, c) < 0) {
            release(S, z);
            return 0;
        }
    }
    return z;
}

enum { PARSE_OK, PARSE_SYNTAX, PARSE_ERROR, PARSE_SHORT };

/* PyLong_FromString(text, &end, 10) on [p, end): PARSE_OK with *out,
 * PARSE_SHORT with *out when a NUL stopped it early, PARSE_SYNTAX for
 * bad text (nothing set), PARSE_ERROR with an exception. */
static int parse_decimal(Sim *S, const char *p, const char *end, int64_t max_digits, Obj *out)
{
    const char *scan, *start;
    int64_t digits = 0;
    int neg = 0;
    char prev = 0;
    while (p < end && is_ascii_space(*p)) p++;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    if (p < end && *p == '_') return PARSE_SYNTAX;
    for (start = scan = p; scan < end && (is_digit(*scan) || *scan == '_'); prev = *scan++) {
        if (*scan != '_') digits++;
        else if (prev == '_') return PARSE_SYNTAX;
    }
    if (prev == '_') return PARSE_SYNTAX;
    if (digits > STR_DIGITS_THRESHOLD && max_digits > 0 && digits > max_digits) {
        exc_set(S, EXC_ValueError, LIMIT_TO_INT, (long long)max_digits, (long long)digits);
        return PARSE_ERROR;
    }
    Obj z = convert_decimal(S, start, scan, digits);
    if (!z) return PARSE_ERROR;
    for (p = scan; p < end && is_ascii_space(*p); p++) {}
    if (scan == start || (p < end && *p != '\0')) {
        release(S, z);
        return PARSE_SYNTAX;
    }
    if (neg) flip_sign(S, z);
    *out = maybe_small(S, normalize(S, z));
    return *out ? (p < end ? PARSE_SHORT : PARSE_OK) : PARSE_ERROR;
}

/* repr() of a str for the error message; printability is approximated
 * for exotic characters (see unprintable). */
static int unprintable(uint32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad || unicode_space(c) ||
           (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2060 && c <= 0x206f) || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb) ||
           (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000 || (c >= 0xe0000 && c <= 0xe007f);
}

/* Appends one repr character (escaped as Python does) to out; returns
 * the new length. */
static size_t repr_char(char *out, size_t k, uint32_t c, char quote)
{
    if (c == (uint32_t)quote || c == '\\') k += (size_t)sprintf(out + k, "\\%c", (char)c);
    else if (c == '\t') k += (size_t)sprintf(out + k, "\\t");
    else if (c == '\n') k += (size_t)sprintf(out + k, "\\n");
    else if (c == '\r') k += (size_t)sprintf(out + k, "\\r");
    else if (c == ' ') out[k++] = ' ';
    else if (unprintable(c) && c < 0x100) k += (size_t)sprintf(out + k, "\\x%02x", (unsigned)c);
    else if (unprintable(c) && c < 0x10000) k += (size_t)sprintf(out + k, "\\u%04x", (unsigned)c);
    else if (unprintable(c)) k += (size_t)sprintf(out + k, "\\U%08x", (unsigned)c);
    else k += utf8_put(out + k, c);
    return k;
}

/* ValueError "invalid literal for int() with base 10: %.200R": the
 * repr is cut after 200 characters, as CPython's %.200R (and, beyond
 * CPython, where the message would outgrow exc_set's buffer). */
static Obj invalid_literal(Sim *S, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    int squote = n && memchr(s, '\'', n), dquote = n && memchr(s, '"', n);
    char quote = squote && !dquote ? '"' : '\'';
    char out[480], piece[16];
    size_t k = 0, chars = 1;
    out[k++] = quote;
    for (size_t i = 0; i < n && chars < 200 && k + 12 < sizeof out - 2;) {
        uint32_t c = utf8_at(u, n, &i);
        size_t len = repr_char(piece, 0, c, quote);
        if (c >= 0x80 && !unprintable(c)) { /* one character, several bytes */
            memcpy(out + k, piece, len);
            k += len;
            chars++;
            continue;
        }
        for (size_t j = 0; j < len && chars < 200; j++, chars++) out[k++] = piece[j];
    }
    if (chars < 200) out[k++] = quote;
    out[k] = '\0';
    return exc_set(S, EXC_ValueError, "invalid literal for int() with base 10: %s", out);
}

Obj int_from_str_limit(Sim *S, const char *s, size_t n, int64_t max_digits)
{
    int ascii = 1;
    if (!s) s = "";
    for (size_t i = 0; i < n; i++) ascii &= (unsigned char)s[i] < 0x80;
    Obj tmp = ascii ? 0 : ascii_digits(S, s, n), z = 0;
    if (!ascii && !tmp) return 0;
    const char *p = tmp ? str_data(S, tmp) : s;
    size_t len = tmp ? (size_t)str_len(S, tmp) : n;
    int rc = parse_decimal(S, p, p + len, max_digits, &z);
    xrelease(S, tmp);
    if (rc == PARSE_OK) return z;
    if (rc == PARSE_ERROR) return 0;
    xrelease(S, z); /* PARSE_SHORT: a NUL before the end */
    return invalid_literal(S, s, n);
}

Obj int_from_str(Sim *S, const char *s, size_t n)
{
    return int_from_str_limit(S, s, n, INT_MAX_STR_DIGITS);
}

/* ---- int(float) ---- */

Obj int_from_double(Sim *S, double d)
{
    const double int_max = 9223372036854775808.0; /* 2**63 */
    if (-int_max < d && d < int_max) return from_stwo(S, (stwodigits)d);
    if (isinf(d)) return exc_set(S, EXC_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return exc_set(S, EXC_ValueError, "cannot convert float NaN to integer");
    int neg = d < 0.0, expo;
    double frac = frexp(neg ? -d : d, &expo);
    int64_t ndig = (expo - 1) / INT_SHIFT + 1;
    Obj v = long_new(S, ndig);
    if (!v) return 0;
    digit *p = dg(S, v);
    frac = ldexp(frac, (expo - 1) % INT_SHIFT + 1);
    for (int64_t i = ndig; --i >= 0;) {
        digit bits = (digit)frac;
        p[i] = bits;
        frac = ldexp(frac - (double)bits, INT_SHIFT);
    }
    if (neg) flip_sign(S, v);
    return v;
}

int int_as_i64(Sim *S, Obj o, int64_t *out)
{
    char name[80];
    if (!is_int(S, o)) {
        exc_set(S, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                ob_type_name(S, o, name, sizeof name));
        return -1;
    }
    if (fits_ssize(S, o, out) == 0) return 0;
    exc_set(S, EXC_OverflowError, "Python int too large to convert to C long");
    return -1;
}

/* ---- int -> decimal text ---- */

/* |a| in base 10**9 digits into pout (room for 1 + n + n/99); returns
 * how many (at least one). */
static int64_t to_base_1e9(const digit *pin, int64_t size_a, digit *pout)
{
    int64_t size = 0;
    for (int64_t i = size_a; --i >= 0;) {
        digit hi = pin[i];
        for (int64_t j = 0; j < size; j++) {
            twodigits z = (twodigits)pout[j] << INT_SHIFT | hi;
            hi = (digit)(z / DECIMAL_BASE);
            pout[j] = (digit)(z - (twodigits)hi * DECIMAL_BASE);
        }
        while (hi) {
            pout[size++] = hi % DECIMAL_BASE;
            hi /= DECIMAL_BASE;
        }
    }
    if (size == 0) pout[size++] = 0;
    return size;
}

static int64_t decimal_length(const digit *pout, int64_t size, int negative)
{
    int64_t len = negative + 1 + (size - 1) * DECIMAL_SHIFT;
    for (digit rem = pout[size - 1], tenpow = 10; rem >= tenpow; tenpow *= 10) len++;
    return len;
}

/* Writes the text right to left, ending just before `p`. */
static void write_decimal(char *p, const digit *pout, int64_t size, int negative)
{
    int64_t i;
    for (i = 0; i < size - 1; i++) {
        digit rem = pout[i];
        for (int j = 0; j < DECIMAL_SHIFT; j++) {
            *--p = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    digit rem = pout[i];
    do {
        *--p = (char)('0' + rem % 10);
        rem /= 10;
    } while (rem != 0);
    if (negative) *--p = '-';
}

static int64_t scratch_digits(int64_t size_a)
{
    const int d = (33 * DECIMAL_SHIFT) / (10 * INT_SHIFT - 33 * DECIMAL_SHIFT); /* 99 */
    return 1 + size_a + size_a / d;
}

Obj int_repr_limit(Sim *S, Obj o, int64_t max_digits)
{
    if (!is_int(S, o)) return exc_set(S, EXC_TypeError, "an integer is required");
    int64_t na = asize(S, o);
    int negative = ob_size(S, o) < 0;
    if (na >= 10 * STR_DIGITS_THRESHOLD / (3 * INT_SHIFT) + 2 && max_digits > 0 &&
        max_digits / (3 * INT_SHIFT) <= (na - 11) / 10)
        return exc_set(S, EXC_ValueError, LIMIT_TO_STR, (long long)max_digits);
    Obj scratch = long_new(S, scratch_digits(na));
    if (!scratch) return 0;
    digit *pout = dg(S, scratch);
    int64_t size = to_base_1e9(dg(S, o), na, pout);
    int64_t len = decimal_length(pout, size, negative);
    if (len > STR_DIGITS_THRESHOLD && max_digits > 0 && len - negative > max_digits) {
        release(S, scratch);
        return exc_set(S, EXC_ValueError, LIMIT_TO_STR, (long long)max_digits);
    }
    Obj s = str_new(S, '9', len);
    if (!s) {
        release(S, scratch);
        return 0;
    }
    write_decimal((char *)str_data(S, s) + len, pout, size, negative);
    release(S, scratch);
    return s;
}

Obj int_repr(Sim *S, Obj o) { return int_repr_limit(S, o, INT_MAX_STR_DIGITS); }

size_t int_to_decimal(const Sim *S, Obj o, char *buf, size_t cap)
{
    int64_t na = asize(S, o);
    int negative = ob_size(S, o) < 0;
    digit *pout = malloc(4 * (size_t)scratch_digits(na));
    if (!pout) {
        if (cap) snprintf(buf, cap, "?");
        return 1;
    }
    int64_t size = to_base_1e9(dg(S, o), na, pout);
    size_t len = (size_t)decimal_length(pout, size, negative);
    char *text = malloc(len + 1);
    if (text) {
        write_decimal(text + len, pout, size, negative);
        text[len] = '\0';
        if (cap) snprintf(buf, cap, "%s", text);
        free(text);
    } else if (cap) {
        snprintf(buf, cap, "?");
    }
    free(pout);
    return len;
}

/* ---- inspection ---- */

int int_compare(const Sim *S, Obj a, Obj b)
{
    int64_t sa = ob_size(S, a), sb = ob_size(S, b);
    if (sa != sb) return sa < sb ? -1 : 1;
    const digit *da = dg(S, a), *db = dg(S, b);
    for (int64_t i = sa < 0 ? -sa : sa; --i >= 0;)
        if (da[i] != db[i]) return (da[i] < db[i]) == (sa >= 0) ? -1 : 1;
    return 0;
}

/* long_hash: the value modulo 2**61 - 1, with the sign; -1 becomes -2. */
int64_t int_hash(const Sim *S, Obj o)
{
    const uint64_t modulus = (UINT64_C(1) << 61) - 1;
    int64_t size = ob_size(S, o), n = size < 0 ? -size : size;
    const digit *d = dg(S, o);
    uint64_t x = 0;
    for (int64_t i = n; --i >= 0;) {
        x = ((x << INT_SHIFT) & modulus) | (x >> (61 - INT_SHIFT));
        x += d[i];
        if (x >= modulus) x -= modulus;
    }
    int64_t h = size < 0 ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

int int_bool(const Sim *S, Obj o) { return ob_size(S, o) != 0; }

uint64_t int_sizeof(const Sim *S, Obj o)
{
    int64_t n = asize(S, o);
    return INT_DIGITS_OFF + 4 * (uint64_t)(n ? n : 1);
}

void int_dealloc(Sim *S, Obj o)
{
    ob_free_memory(S, o);
}

/* Writes v's digits into a static object with room for three. */
static void set_static_value(Sim *S, Obj o, int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t n = 0;
    digit *d = dg(S, o);
    d[0] = 0; /* zero and False keep one zero digit, as CPython's */
    for (; m; m >>= INT_SHIFT) d[n++] = (digit)(m & INT_MASK);
    ob_set_size(S, o, v < 0 ? -n : n);
}

int int_init_statics(Sim *S)
{
    Obj type = S->types[TI_INT].type;
    for (int64_t v = SMALL_INT_MIN; v <= SMALL_INT_MAX; v++) {
        Obj o = ob_static_new(S, type, SMALL_INT_STRIDE, OB_STATIC_REFCNT);
        if (!o) return -1;
        if (v == SMALL_INT_MIN) S->small_ints = o;
        if (o != int_small(S, v)) return -1; /* they must be contiguous */
        set_static_value(S, o, v);
    }
    Obj bool_type = S->types[TI_BOOL].type;
    S->false_ = ob_static_new(S, bool_type, SMALL_INT_STRIDE, 1);
    S->true_ = ob_static_new(S, bool_type, SMALL_INT_STRIDE, 1);
    if (!S->false_ || !S->true_) return -1;
    set_static_value(S, S->false_, 0);
    set_static_value(S, S->true_, 1);
    return 0;
}
