/* builtins_num.c -- the numeric builtins of bltinmodule.c (see numops.h):
 * abs, divmod, pow, round, hex, oct, bin, chr, ord, sum, min, max, with
 * CPython 3.11.7's calling conventions (METH_O, fastcall, Argument
 * Clinic; min and max are METH_VARARGS, so their arguments are packed
 * into a tuple and a dict as _PyObject_MakeTpCall does) and messages.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"

#define OP_ADD 0
#define OP_POW 8

static Obj retain(Sim *S, Obj o)
{
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

static void release(Sim *S, Obj o) { ob_decref(S, o, HOLD_TEMP); }
static void xrelease(Sim *S, Obj o) { ob_xdecref(S, o, HOLD_TEMP); }

static const char *tname(const Sim *S, Obj o, char *buf, size_t cap) { return ob_type_name(S, o, buf, cap); }

static int is_number(const Sim *S, Obj o) { return num_is_int(S, o) || num_is_float(S, o); }

/* type(o).NAME(o, *args) for a class instance: the result, or 0 with
 * *found = 0 (no exception) when absent or NotImplemented. */
static Obj try_special(Sim *S, Obj o, const char *name, const Obj *args, int64_t nargs, int *found)
{
    *found = 0;
    if (!rt_is_class_instance(S, o)) return 0;
    Obj r = rt_call_special(S, o, name, args, nargs, found);
    if (r && r == S->not_implemented) {
        release(S, r);
        *found = 0;
        return 0;
    }
    return r;
}

/* ---- abs, divmod ---- */

static Obj bi_abs(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "abs", nargs, kwnames) < 0) return 0;
    Obj x = args[0];
    if (num_is_int(S, x)) return int_abs(S, x);
    if (num_is_float(S, x)) return float_from_double(S, fabs(float_value(S, x)));
    int found;
    Obj r = try_special(S, x, "__abs__", NULL, 0, &found);
    if (found) return r;
    char tb[80];
    return exc_set(S, EXC_TypeError, "bad operand type for abs(): '%s'", tname(S, x, tb, sizeof tb));
}

/* PyNumber_Divmod. */
static Obj number_divmod(Sim *S, Obj a, Obj b)
{
    if (is_number(S, a) && is_number(S, b)) {
        if (num_is_int(S, a) && num_is_int(S, b)) return int_divmod(S, a, b);
        double x, y;
        if (num_as_double(S, a, &x) < 0 || num_as_double(S, b, &y) < 0) return 0;
        return num_float_divmod(S, x, y);
    }
    int found;
    Obj r = try_special(S, a, "__divmod__", &b, 1, &found);
    if (found || S->exc) return r;
    if (ob_type(S, a) != ob_type(S, b)) {
        r = try_special(S, b, "__rdivmod__", &a, 1, &found);
        if (found || S->exc) return r;
    }
    char ta[80], tb[80];
    return exc_set(S, EXC_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                   tname(S, a, ta, sizeof ta), tname(S, b, tb, sizeof tb));
}

static Obj bi_divmod(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "divmod", nargs, kwnames, 2, 2) < 0) return 0;
    return number_divmod(S, args[0], args[1]);
}

/* ---- pow ---- */

/* MULT(x, y, *result) of long_pow with REDUCE modulo c. */
static int mult_mod(Sim *S, Obj x, Obj y, Obj *result, Obj c)
{
    Obj t = int_mul(S, x, y);
    if (!t) return -1;
    xrelease(S, *result);
    *result = t;
    t = int_mod(S, *result, c);
    if (!t) return -1;
    release(S, *result);
    *result = t;
    return 0;
}

static uint32_t digit_at(const Sim *S, Obj o, int64_t i)
{
    uint32_t d;
    memcpy(&d, (const char *)ob_ptr(S, o) + INT_DIGITS_OFF + 4 * i, 4);
    return d;
}

/* long_invmod: the inverse of a modulo n (n > 0). */
static Obj long_invmod(Sim *S, Obj a, Obj n)
{
    Obj b = int_from_i64(S, 1), c = int_from_i64(S, 0);
    retain(S, a);
    retain(S, n);
    while (ob_size(S, n) != 0) {
        Obj qr = int_divmod(S, a, n);
        if (!qr) goto error;
        Obj q = retain(S, tuple_item(S, qr, 0)), r = retain(S, tuple_item(S, qr, 1));
        release(S, qr);
        release(S, a);
        a = n;
        n = r;
        Obj t = int_mul(S, q, c);
        release(S, q);
        if (!t) goto error;
        Obj s = int_sub(S, b, t);
        release(S, t);
        if (!s) goto error;
        release(S, b);
        b = c;
        c = s;
    }
    release(S, c);
    release(S, n);
    if (int_compare(S, a, int_small(S, 1)) != 0) {
        release(S, a);
        release(S, b);
        return exc_set(S, EXC_ValueError, "base is not invertible for the given modulus");
    }
    release(S, a);
    return b;
error:
    release(S, a);
    release(S, n);
    release(S, b);
    release(S, c);
    return 0;
}

/* long_pow(a, b, c) with a modulus c != None. */
static Obj long_pow_mod(Sim *S, Obj a, Obj b, Obj c)
{
    if (ob_size(S, c) == 0) return exc_set(S, EXC_ValueError, "pow() 3rd argument cannot be 0");
    Obj z = 0, t;
    int negative_output = 0;
    retain(S, a);
    retain(S, b);
    retain(S, c);
    if (ob_size(S, c) < 0) {
        negative_output = 1;
        if (!(t = int_neg(S, c))) goto error;
        release(S, c);
        c = t;
    }
    if (ob_size(S, c) == 1 && digit_at(S, c, 0) == 1) {
        z = int_from_i64(S, 0);
        goto done;
    }
    if (ob_size(S, b) < 0) {
        /* a negative exponent: the modular inverse to the power -b */
        if (!(t = int_neg(S, b))) goto error;
        release(S, b);
        b = t;
        if (!(t = long_invmod(S, a, c))) goto error;
        release(S, a);
        a = t;
    }
    if (ob_size(S, a) < 0 || ob_size(S, a) > ob_size(S, c)) {
        if (!(t = int_mod(S, a, c))) goto error;
        release(S, a);
        a = t;
    }
    z = int_from_i64(S, 1);
    int64_t i = ob_size(S, b);
    uint32_t bi = i ? digit_at(S, b, i - 1) : 0;
    if (i <= 1 && bi <= 3) {
        if (bi >= 2) {
            if (mult_mod(S, a, a, &z, c) < 0) goto error;
            if (bi == 3 && mult_mod(S, z, a, &z, c) < 0) goto error;
        } else if (bi == 1) {
            if (mult_mod(S, a, z, &z, c) < 0) goto error;
        }
    } else {
        /* left-to-right binary exponentiation (CPython's window form for
         * huge exponents gives the same value) */
        retain(S, a);
        release(S, z);
        z = a;
        uint32_t bit;
        for (bit = 2; bit <= bi; bit <<= 1) {}
        bit >>= 2;
        for (--i;;) {
            for (; bit != 0; bit >>= 1) {
                if (mult_mod(S, z, z, &z, c) < 0) goto error;
                if ((bi & bit) && mult_mod(S, z, a, &z, c) < 0) goto error;
            }
            if (--i < 0) break;
            bi = digit_at(S, b, i);
            bit = (uint32_t)1 << (INT_SHIFT - 1);
        }
    }
    if (negative_output && ob_size(S, z) != 0) {
        if (!(t = int_sub(S, z, c))) goto error;
        release(S, z);
        z = t;
    }
done:
    release(S, a);
    release(S, b);
    release(S, c);
    return z;
error:
    xrelease(S, z);
    z = 0;
    goto done;
}

static Obj bi_pow(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const names[] = {"base", "exp", "mod"};
    (void)self;
    Obj p[3];
    if (num_parse_args(S, "pow", args, nargs, kwnames, names, 0, 2, 3, 3, p, -1) < 0) return 0;
    Obj a = p[0], b = p[1], c = p[2];
    if (!c || c == S->none) return rt_binop(S, a, b, OP_POW);
    if (num_is_int(S, a) && num_is_int(S, b) && num_is_int(S, c)) return long_pow_mod(S, a, b, c);
    if (is_number(S, a) && is_number(S, b) && is_number(S, c))
        return exc_set(S, EXC_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    int found;
    Obj two[2] = {b, c};
    Obj r = try_special(S, a, "__pow__", two, 2, &found);
    if (found || S->exc) return r;
    char ta[80], tb[80], tc[80];
    return exc_set(S, EXC_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                   tname(S, a, ta, sizeof ta), tname(S, b, tb, sizeof tb), tname(S, c, tc, sizeof tc));
}

/* ---- round ---- */

static Obj bi_round(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const names[] = {"number", "ndigits"};
    (void)self;
    Obj p[2];
    if (num_parse_args(S, "round", args, nargs, kwnames, names, 0, 1, 2, 2, p, KWT_ROUND) < 0) return 0;
    Obj x = p[0], nd = p[1] == S->none ? 0 : p[1];
    if (num_is_int(S, x) || num_is_float(S, x)) {
        /* _PyObject_LookupSpecial: int.__round__ / float.__round__ bound
         * for the call (a builtin method made and released) */
        const CFuncDef *table = num_is_int(S, x) ? cf_int_methods : cf_float_methods;
        return rt_call_bound(S, table, "__round__", x, nd ? &nd : NULL, nd ? 1 : 0, 0);
    }
    int found = 0;
    Obj r = rt_is_class_instance(S, x) ? rt_call_special(S, x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found) : 0;
    if (found) return r;
    char tb[80];
    return exc_set(S, EXC_TypeError, "type %s doesn't define __round__ method", tname(S, x, tb, sizeof tb));
}

/* ---- hex, oct, bin ---- */

/* _PyLong_Format for base 2, 8 or 16: "-0x1f". */
static Obj format_base(Sim *S, Obj v, int bits)
{
    static const char prefix[] = {0, 'b', 0, 'o', 'x'};
    int64_t sz = ob_size(S, v), n = sz < 0 ? -sz : sz;
    int64_t nbits = 0;
    if (n) {
        uint32_t top = digit_at(S, v, n - 1);
        int b = 0;
        for (; top; top >>= 1) b++;
        nbits = (n - 1) * INT_SHIFT + b;
    }
    int64_t ndig = nbits ? (nbits + bits - 1) / bits : 1;
    int64_t len = ndig + 2 + (sz < 0);
    Obj s = str_new(S, 127, len);
    if (!s) return 0;
    char *out = str_data(S, s);
    int64_t k = 0;
    if (sz < 0) out[k++] = '-';
    out[k++] = '0';
    out[k++] = prefix[bits > 4 ? 4 : bits];
    for (int64_t d = ndig - 1; d >= 0; d--) {
        /* the bits [d*bits, d*bits+bits) of |v| */
        unsigned val = 0;
        for (int j = bits - 1; j >= 0; j--) {
            int64_t bit = d * bits + j;
            int64_t di = bit / INT_SHIFT;
            unsigned b = di < n ? (digit_at(S, v, di) >> (bit % INT_SHIFT)) & 1 : 0;
            val = val << 1 | b;
        }
        out[k++] = "0123456789abcdef"[val];
    }
    return s;
}

static Obj to_base(Sim *S, const char *name, const Obj *args, int64_t nargs, Obj kwnames, int bits)
{
    if (cf_one_arg(S, name, nargs, kwnames) < 0) return 0;
    Obj i = num_index(S, args[0]);
    if (!i) return 0;
    Obj r = format_base(S, i, bits);
    release(S, i);
    return r;
}

static Obj bi_hex(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    return to_base(S, "hex", args, nargs, kwnames, 4);
}

static Obj bi_oct(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    return to_base(S, "oct", args, nargs, kwnames, 3);
}

static Obj bi_bin(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    return to_base(S, "bin", args, nargs, kwnames, 1);
}

/* ---- chr, ord ---- */

static Obj bi_chr(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "chr", nargs, kwnames) < 0) return 0;
    /* _PyLong_AsInt */
    Obj i = num_index(S, args[0]);
    if (!i) return 0;
    int64_t v;
    int rc = int_as_i64(S, i, &v);
    release(S, i);
    if (rc < 0 || v < INT32_MIN || v > INT32_MAX) {
        if (rc == 0 || exc_matches(S, EXC_OverflowError)) {
            exc_clear(S);
            return exc_set(S, EXC_OverflowError, "Python int too large to convert to C int");
        }
        return 0;
    }
    if (v < 0 || v > 0x10ffff) return exc_set(S, EXC_ValueError, "chr() arg not in range(0x110000)");
    if (v < 256) return retain(S, S->latin1[v]);
    Obj s = str_new(S, (uint32_t)v, 1);
    if (s) str_set_char(S, s, 0, (uint32_t)v);
    return s;
}

static Obj bi_ord(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "ord", nargs, kwnames) < 0) return 0;
    Obj c = args[0];
    int64_t size;
    if (ob_is(S, c, TI_BYTES)) {
        size = bytes_len(S, c);
        if (size == 1) return int_from_i64(S, bytes_data(S, c)[0]);
    } else if (ob_is(S, c, TI_STR)) {
        size = str_len(S, c);
        if (size == 1) return int_from_i64(S, str_char(S, c, 0));
    } else {
        char tb[80];
        return exc_set(S, EXC_TypeError, "ord() expected string of length 1, but %s found",
                       tname(S, c, tb, sizeof tb));
    }
    return exc_set(S, EXC_TypeError, "ord() expected a character, but string of length %lld found",
                   (long long)size);
}

/* ---- sum ---- */

/* PyLong_AsLongAndOverflow: 1 when v fits an int64 (*out), else 0. */
static int as_long(Sim *S, Obj v, int64_t *out)
{
    if (int_as_i64(S, v, out) == 0) return 1;
    exc_clear(S);
    return 0;
}

static Obj bi_sum(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    static const char *const names[] = {"", "start"};
    (void)self;
    Obj p[2];
    if (num_parse_args(S, "sum", args, nargs, kwnames, names, 1, 1, 2, 2, p, KWT_SUM) < 0) return 0;
    Obj it = rt_iter(S, p[0]);
    if (!it) return 0;
    Obj result, item, temp;
    if (!p[1]) {
        result = int_from_i64(S, 0);
    } else {
        if (ob_is(S, p[1], TI_STR)) {
            release(S, it);
            return exc_set(S, EXC_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        }
        if (ob_is(S, p[1], TI_BYTES)) {
            release(S, it);
            return exc_set(S, EXC_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        }
        result = retain(S, p[1]);
    }
    if (ob_is(S, result, TI_INT)) {
        /* the running total in a C long while the items are ints */
        int64_t i_result;
        if (as_long(S, result, &i_result)) {
            release(S, result);
            result = 0;
        }
        while (!result) {
            item = rt_next(S, it);
            if (!item) {
                release(S, it);
                return S->exc ? 0 : int_from_i64(S, i_result);
            }
            if (num_is_int(S, item)) {
                int64_t b;
                int ok = 1;
                int64_t sz = ob_size(S, item);
                if (sz == 0) {
                    release(S, item);
                    continue;
                }
                if (sz == 1 || sz == -1) b = sz * (int64_t)digit_at(S, item, 0);
                else ok = as_long(S, item, &b);
                if (ok && (i_result >= 0 ? b <= INT64_MAX - i_result : b >= INT64_MIN - i_result)) {
                    i_result += b;
                    release(S, item);
                    continue;
                }
            }
            /* overflow, or not an int: back to objects */
            result = int_from_i64(S, i_result);
            if (!result) {
                release(S, item);
                release(S, it);
                return 0;
            }
            temp = rt_binop(S, result, item, OP_ADD);
            release(S, result);
            release(S, item);
            result = temp;
            if (!result) {
                release(S, it);
                return 0;
            }
        }
    }
    if (num_is_float(S, result)) {
        double f_result = float_value(S, result);
        release(S, result);
        result = 0;
        while (!result) {
            item = rt_next(S, it);
            if (!item) {
                release(S, it);
                return S->exc ? 0 : float_from_double(S, f_result);
            }
            if (num_is_float(S, item)) {
                f_result += float_value(S, item);
                release(S, item);
                continue;
            }
            int64_t value;
            if (num_is_int(S, item) && as_long(S, item, &value)) {
                f_result += (double)value;
                release(S, item);
                continue;
            }
            result = float_from_double(S, f_result);
            if (!result) {
                release(S, item);
                release(S, it);
                return 0;
            }
            temp = rt_binop(S, result, item, OP_ADD);
            release(S, result);
            release(S, item);
            result = temp;
            if (!result) {
                release(S, it);
                return 0;
            }
        }
    }
    for (;;) {
        item = rt_next(S, it);
        if (!item) {
            if (S->exc) {
                release(S, result);
                result = 0;
            }
            break;
        }
        /* PyNumber_Add, not in-place: sum(lists, []) leaves [] alone */
        temp = rt_binop(S, result, item, OP_ADD);
        release(S, result);
        release(S, item);
        result = temp;
        if (!result) break;
    }
    release(S, it);
    return result;
}

/* ---- min, max ---- */

static Obj min_max(Sim *S, const Obj *args, int64_t nargs, Obj kwnames, int op)
{
    const char *name = op == CMP_LT ? "min" : "max";
    Obj targs, tkw;
    if (num_tpcall_pack(S, args, nargs, kwnames, &targs, &tkw) < 0) return 0;
    Obj keyfunc = 0, defaultval = 0, v, it = 0, item, val, maxitem = 0, maxval = 0;
    int positional = nargs > 1;
    if (positional) {
        v = targs;
    } else if (nargs == 0) {
        exc_set(S, EXC_TypeError, "%s expected at least 1 argument, got 0", name);
        goto done;
    } else {
        v = args[0];
    }
    /* "|$OO:max" with keywords key and default */
    for (int64_t k = 0; kwnames && k < ob_size(S, kwnames); k++) {
        Obj kn = tuple_item(S, kwnames, k);
        char kb[200];
        str_to_utf8(S, kn, kb, sizeof kb);
        if (!strcmp(kb, "key")) keyfunc = args[nargs + k];
        else if (!strcmp(kb, "default")) defaultval = args[nargs + k];
        else {
            exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for %s()", kb, name);
            goto done;
        }
    }
    if (positional && defaultval) {
        exc_set(S, EXC_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
        goto done;
    }
    if (!(it = rt_iter(S, v))) goto done;
    if (keyfunc == S->none) keyfunc = 0;
    while ((item = rt_next(S, it))) {
        if (keyfunc) {
            val = rt_call(S, keyfunc, &item, 1, 0);
            if (!val) {
                release(S, item);
                goto fail;
            }
        } else {
            val = retain(S, item);
        }
        if (!maxval) {
            maxitem = item;
            maxval = val;
        } else {
            int cmp = rt_compare_bool(S, val, maxval, op);
            if (cmp < 0) {
                release(S, item);
                release(S, val);
                goto fail;
            } else if (cmp > 0) {
                release(S, maxval);
                release(S, maxitem);
                maxval = val;
                maxitem = item;
            } else {
                release(S, item);
                release(S, val);
            }
        }
    }
    if (S->exc) goto fail;
    if (!maxval) {
        if (defaultval) maxitem = retain(S, defaultval);
        else exc_set(S, EXC_ValueError, "%s() arg is an empty sequence", name);
    } else {
        release(S, maxval);
    }
    goto done;
fail:
    xrelease(S, maxval);
    xrelease(S, maxitem);
    maxitem = 0;
done:
    xrelease(S, it);
    num_tpcall_release(S, targs, tkw);
    return maxitem;
}

static Obj bi_min(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    return min_max(S, args, nargs, kwnames, CMP_LT);
}

static Obj bi_max(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    return min_max(S, args, nargs, kwnames, CMP_GT);
}

const CFuncDef cf_builtins_num[] = {
    {"abs", bi_abs},
    {"bin", bi_bin},
    {"chr", bi_chr},
    {"divmod", bi_divmod},
    {"hex", bi_hex},
    {"max", bi_max},
    {"min", bi_min},
    {"oct", bi_oct},
    {"ord", bi_ord},
    {"pow", bi_pow},
    {"round", bi_round},
    {"sum", bi_sum},
    {NULL, NULL},
};
