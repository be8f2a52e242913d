/* int.c -- see int.h. */
#include <stdio.h>

#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"

static uint32_t digit(const Sim *S, Obj o, int64_t i)
{
    return ob_get32(S, o, INT_DIGITS_OFF + 4 * (uint32_t)i);
}

static void set_digit(Sim *S, Obj o, int64_t i, uint32_t d)
{
    ob_set32(S, o, INT_DIGITS_OFF + 4 * (uint32_t)i, d);
}

/* Fills o (room for 3 digits) with v; returns the signed digit count. */
static int64_t write_digits(Sim *S, Obj o, int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t n = 0;
    while (m) {
        set_digit(S, o, n++, (uint32_t)(m & INT_MASK));
        m >>= INT_SHIFT;
    }
    return v < 0 ? -n : n;
}

static int64_t ndigits_of(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t n = 0;
    for (; m; m >>= INT_SHIFT) n++;
    return n;
}

Obj int_from_i64(Sim *S, int64_t v)
{
    if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) {
        Obj o = int_small(S, v);
        ob_incref(S, o, HOLD_TEMP);
        return o;
    }
    int64_t n = ndigits_of(v);
    Obj o = ob_alloc(S, TI_INT, n);
    if (o) ob_set_size(S, o, write_digits(S, o, v));
    return o;
}

int int_as_i64(Sim *S, Obj o, int64_t *out)
{
    if (!ob_is(S, o, TI_INT) && !ob_is(S, o, TI_BOOL)) {
        exc_set(S, EXC_TypeError, "an integer is required");
        return -1;
    }
    int64_t size = ob_size(S, o), n = size < 0 ? -size : size;
    uint64_t m = 0;
    for (int64_t i = n; --i >= 0;) {
        if (m >> (64 - INT_SHIFT)) goto overflow;
        m = (m << INT_SHIFT) | digit(S, o, i);
    }
    if (size >= 0 ? m > (uint64_t)INT64_MAX : m > (uint64_t)INT64_MAX + 1) goto overflow;
    *out = size >= 0 ? (int64_t)m : (int64_t)(0 - m);
    return 0;
overflow:
    exc_set(S, EXC_OverflowError, "Python int too large to convert to C long");
    return -1;
}

int int_compare(const Sim *S, Obj a, Obj b)
{
    int64_t sa = ob_size(S, a), sb = ob_size(S, b);
    if (sa != sb) return sa < sb ? -1 : 1;
    int64_t n = sa < 0 ? -sa : sa;
    for (int64_t i = n; --i >= 0;) {
        uint32_t da = digit(S, a, i), db = digit(S, b, i);
        if (da != db) return (da < db) == (sa >= 0) ? -1 : 1;
    }
    return 0;
}

/* long_hash: the value modulo 2**61 - 1, with the sign; -1 becomes -2. */
int64_t int_hash(const Sim *S, Obj o)
{
    const uint64_t modulus = (UINT64_C(1) << 61) - 1;
    int64_t size = ob_size(S, o), n = size < 0 ? -size : size;
    uint64_t x = 0;
    for (int64_t i = n; --i >= 0;) {
        x = ((x << INT_SHIFT) & modulus) | (x >> (61 - INT_SHIFT));
        x += digit(S, o, i);
        if (x >= modulus) x -= modulus;
    }
    int64_t h = size < 0 ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

Obj int_repr(Sim *S, Obj o)
{
    int64_t v;
    if (int_as_i64(S, o, &v) != 0) return 0;
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)v);
    return str_from_cstr(S, buf);
}

void int_dealloc(Sim *S, Obj o)
{
    ob_free_memory(S, o);
}

int int_init_statics(Sim *S)
{
    Obj type = S->types[TI_INT].type;
    for (int64_t v = SMALL_INT_MIN; v <= SMALL_INT_MAX; v++) {
        Obj o = ob_static_new(S, type, SMALL_INT_STRIDE, OB_STATIC_REFCNT);
        if (!o) return -1;
        if (v == SMALL_INT_MIN) S->small_ints = o;
        if (o != int_small(S, v)) return -1; /* they must be contiguous */
        ob_set_size(S, o, write_digits(S, o, v));
    }
    Obj bool_type = S->types[TI_BOOL].type;
    S->false_ = ob_static_new(S, bool_type, SMALL_INT_STRIDE, 1);
    S->true_ = ob_static_new(S, bool_type, SMALL_INT_STRIDE, 1);
    if (!S->false_ || !S->true_) return -1;
    ob_set_size(S, S->true_, write_digits(S, S->true_, 1));
    return 0;
}
