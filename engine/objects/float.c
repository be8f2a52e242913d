/* float.c -- see float.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "objects/float.h"

Obj float_from_double(Sim *S, double v)
{
    Obj o = S->fl.float_head;
    if (o) {
        /* PyFloat_FromDouble: pop the free list (linked via ob_type). */
        S->fl.float_head = ob_type(S, o);
        S->fl.float_n--;
        ob_set64(S, o, OB_TYPE_OFF, S->types[TI_FLOAT].type);
        ob_freelist_pop(S, o, FREELIST_FLOAT, S->fl.float_n);
    } else {
        o = ob_alloc(S, TI_FLOAT, 0);
        if (!o) return 0;
    }
    memcpy((char *)ob_ptr(S, o) + FLOAT_VALUE_OFF, &v, sizeof v);
    return o;
}

void float_dealloc(Sim *S, Obj o)
{
    if (S->fl.float_n >= FL_FLOAT_MAX || !ob_is(S, o, TI_FLOAT)) {
        ob_free_memory(S, o);
        return;
    }
    ob_set64(S, o, OB_TYPE_OFF, S->fl.float_head);
    S->fl.float_head = o;
    S->fl.float_n++;
    ob_freelist_push(S, o, FREELIST_FLOAT, S->fl.float_n);
}

/* _Py_HashDouble: the value as a fraction m * 2**e, reduced modulo
 * 2**61 - 1 (CPython 3.10+; NaN hashes by identity there, 0 here). */
int64_t float_hash(double v)
{
    const uint64_t modulus = (UINT64_C(1) << 61) - 1;
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & modulus) | x >> (61 - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= modulus) x -= modulus;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & modulus) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

/* float_repr: repr's shortest round-trip digits, formatted like 'r'
 * mode: exponent form when the decimal exponent is < -4 or >= 16. */
int float_repr_buf(double v, char *buf, size_t cap)
{
    if (isnan(v)) return snprintf(buf, cap, "nan");
    if (isinf(v)) return snprintf(buf, cap, v > 0 ? "inf" : "-inf");
    char digits[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(digits, sizeof digits, "%.*e", prec - 1, v);
        if (strtod(digits, NULL) == v) break;
    }
    /* digits is "[-]d.ddde[+-]XX": split mantissa digits and exponent */
    char *ep = strchr(digits, 'e');
    int exp10 = atoi(ep + 1);
    *ep = '\0';
    char mant[24];
    size_t k = 0;
    int neg = digits[0] == '-';
    for (const char *p = digits + neg; *p; p++)
        if (*p != '.') mant[k++] = *p;
    mant[k] = '\0';
    while (k > 1 && mant[k - 1] == '0') mant[--k] = '\0';
    char out[64];
    size_t n = 0;
    if (neg) out[n++] = '-';
    if (exp10 < -4 || exp10 >= 16) {
        out[n++] = mant[0];
        if (k > 1) {
            out[n++] = '.';
            for (size_t i = 1; i < k; i++) out[n++] = mant[i];
        }
        n += (size_t)snprintf(out + n, sizeof out - n, "e%c%02d", exp10 < 0 ? '-' : '+',
                              exp10 < 0 ? -exp10 : exp10);
    } else if (exp10 < 0) {
        out[n++] = '0';
        out[n++] = '.';
        for (int i = 0; i < -exp10 - 1; i++) out[n++] = '0';
        for (size_t i = 0; i < k; i++) out[n++] = mant[i];
    } else {
        for (int i = 0; i <= exp10; i++) out[n++] = (size_t)i < k ? mant[i] : '0';
        out[n++] = '.';
        if ((size_t)exp10 + 1 < k)
            for (size_t i = (size_t)exp10 + 1; i < k; i++) out[n++] = mant[i];
        else
            out[n++] = '0';
    }
    out[n] = '\0';
    return snprintf(buf, cap, "%s", out);
}
