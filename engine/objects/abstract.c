/* abstract.c -- see abstract.h. */
#include <math.h>
#include <stdio.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"
#include "objects/iters.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"

int64_t ob_hash_pointer(Obj o)
{
    uint64_t y = (o >> 4) | (o << 60);
    int64_t x = (int64_t)y;
    return x == -1 ? -2 : x;
}

const char *ob_type_name(const Sim *S, Obj o, char *buf, size_t cap) { return tp_name(S, ob_type(S, o), buf, cap); }

const char *tp_name(const Sim *S, Obj type, char *buf, size_t cap)
{
    Obj name = ob_get64(S, type, TP_NAME_OFF);
    if (name) {
        str_to_utf8(S, name, buf, cap);
        return buf;
    }
    const char *n = exc_type_name(S, type);
    /* tp_name: the C name, module-qualified for weakref's type */
    if (!n) n = type == S->types[TI_WEAKREF].type ? "weakref.ReferenceType" : S->types[tp_index(S, type)].name;
    snprintf(buf, cap, "%s", n);
    return buf;
}

int64_t ob_hash(Sim *S, Obj o)
{
    switch ((TypeId)tp_index(S, ob_type(S, o))) {
    case TI_STR: return str_hash(S, o);
    case TI_BYTES: return bytes_hash(S, o);
    case TI_INT:
    case TI_BOOL: return int_hash(S, o);
    case TI_FLOAT: {
        double v = float_value(S, o);
        return isnan(v) ? ob_hash_pointer(o) : float_hash(v);
    }
    case TI_TUPLE: return tuple_hash(S, o);
    case TI_FROZENSET: return set_hash(S, o);
    case TI_LIST:
    case TI_DICT:
    case TI_SET: {
        char name[64];
        exc_set(S, EXC_TypeError, "unhashable type: '%s'", ob_type_name(S, o, name, sizeof name));
        return -1;
    }
    case TI_RANGE: return range_hash(S, o);
    case TI_GENERIC_ALIAS: { /* ga_hash */
        int64_t h0 = ob_hash(S, ob_get64(S, o, GA_ORIGIN_OFF));
        if (h0 == -1) return -1;
        int64_t h1 = ob_hash(S, ob_get64(S, o, GA_ARGS_OFF));
        return h1 == -1 ? -1 : h0 ^ h1;
    }
    case TI_METHOD: { /* method_hash: __self__'s address and __func__'s hash */
        int64_t y = ob_hash(S, ob_get64(S, o, METHOD_FUNC_OFF));
        if (y == -1) return -1;
        int64_t x = ob_hash_pointer(ob_get64(S, o, METHOD_SELF_OFF)) ^ y;
        return x == -1 ? -2 : x;
    }
    case TI_BUILTIN_FN: { /* meth_hash: __self__'s address and the C function's */
        int64_t x = ob_hash_pointer(ob_get64(S, o, BUILTIN_SELF_OFF)) ^
                    ob_hash_pointer(builtin_code_address(S, o));
        return x == -1 ? -2 : x;
    }
    default:
        if (S->hash_hook && (tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE)) { /* a class's __hash__ */
            int handled;
            int64_t h = S->hash_hook(S, o, &handled);
            if (handled) return h;
        }
        return ob_hash_pointer(o);
    }
}

static int is_int(const Sim *S, Obj o) { return ob_is(S, o, TI_INT) || ob_is(S, o, TI_BOOL); }

/* int == float, exactly: an int compares equal only to the float of the
 * same mathematical value. */
static int int_float_eq(Sim *S, Obj i, double f)
{
    if (!isfinite(f) || f != floor(f)) return 0;
    int64_t v;
    if (int_as_i64(S, i, &v) == 0) return fabs(f) < 9223372036854775808.0 && (int64_t)f == v;
    /* Too large for int64: float_richcompare makes an int of the float. */
    exc_clear(S);
    Obj fi = int_from_double(S, f);
    int eq = fi && int_compare(S, i, fi) == 0;
    ob_xdecref(S, fi, HOLD_TEMP);
    exc_clear(S);
    return eq;
}

static int seq_eq(Sim *S, Obj a, Obj b, int tuple)
{
    int64_t n = ob_size(S, a);
    if (n != ob_size(S, b)) return 0;
    for (int64_t i = 0; i < n; i++) {
        Obj x = tuple ? tuple_item(S, a, i) : list_get(S, a, i);
        Obj y = tuple ? tuple_item(S, b, i) : list_get(S, b, i);
        int r = ob_eq(S, x, y);
        if (r != 1) return r;
    }
    return 1;
}

int ob_eq(Sim *S, Obj a, Obj b)
{
    if (a == b) return 1;
    /* an instance of a class: its __eq__ (or the other's, reflected) */
    if (S->eq_hook && ((tp_flags(S, ob_type(S, a)) | tp_flags(S, ob_type(S, b))) & TPF_HEAPTYPE))
        return S->eq_hook(S, a, b);
    TypeId ta = (TypeId)tp_index(S, ob_type(S, a)), tb = (TypeId)tp_index(S, ob_type(S, b));
    if (ta == TI_STR && tb == TI_STR) return str_eq(S, a, b);
    if (ta == TI_BYTES && tb == TI_BYTES) return bytes_eq(S, a, b);
    if (is_int(S, a) && is_int(S, b)) return int_compare(S, a, b) == 0;
    if (ta == TI_FLOAT && tb == TI_FLOAT) return float_value(S, a) == float_value(S, b);
    if (is_int(S, a) && tb == TI_FLOAT) return int_float_eq(S, a, float_value(S, b));
    if (ta == TI_FLOAT && is_int(S, b)) return int_float_eq(S, b, float_value(S, a));
    if (ta == TI_TUPLE && tb == TI_TUPLE) return seq_eq(S, a, b, 1);
    if (ta == TI_LIST && tb == TI_LIST) return seq_eq(S, a, b, 0);
    if (set_is_any(S, a) && set_is_any(S, b)) return set_eq(S, a, b);
    if (ta == TI_RANGE && tb == TI_RANGE) return range_equal(S, a, b);
    if (ta == TI_GENERIC_ALIAS && tb == TI_GENERIC_ALIAS) { /* ga_richcompare */
        if (ob_get64(S, a, GA_STARRED_OFF) != ob_get64(S, b, GA_STARRED_OFF)) return 0;
        int r = ob_eq(S, ob_get64(S, a, GA_ORIGIN_OFF), ob_get64(S, b, GA_ORIGIN_OFF));
        return r != 1 ? r : ob_eq(S, ob_get64(S, a, GA_ARGS_OFF), ob_get64(S, b, GA_ARGS_OFF));
    }
    /* method_richcompare: the same __func__ (functions compare by
     * identity) bound to the same object; meth_richcompare: the same
     * __self__ and C function */
    if (ta == TI_METHOD && tb == TI_METHOD)
        return ob_get64(S, a, METHOD_FUNC_OFF) == ob_get64(S, b, METHOD_FUNC_OFF) &&
               ob_get64(S, a, METHOD_SELF_OFF) == ob_get64(S, b, METHOD_SELF_OFF);
    if (ta == TI_BUILTIN_FN && tb == TI_BUILTIN_FN)
        return ob_get64(S, a, BUILTIN_SELF_OFF) == ob_get64(S, b, BUILTIN_SELF_OFF) &&
               ob_get32(S, a, BUILTIN_INDEX_OFF) == ob_get32(S, b, BUILTIN_INDEX_OFF);
    return 0;
}

uint64_t ob_getsizeof(const Sim *S, Obj o)
{
    Obj type = ob_type(S, o);
    uint64_t pre = ob_is_gc(S, o) ? GC_HEAD_SIZE : 0;
    if (tp_flags(S, type) & TPF_MANAGED_DICT) pre += MANAGED_DICT_PRE;
    switch ((TypeId)tp_index(S, type)) {
    case TI_STR: {
        uint64_t len = (uint64_t)str_len(S, o);
        return str_is_ascii(S, o) ? 48 + len + 1 : 72 + (len + 1) * str_kind(S, o);
    }
    case TI_INT:
    case TI_BOOL: { /* int___sizeof__ counts at least one digit */
        int64_t n = ob_size(S, o);
        n = n < 0 ? -n : n;
        return 24 + 4 * (uint64_t)(n ? n : 1);
    }
    case TI_BYTES: return BYTES_HEADER + (uint64_t)bytes_len(S, o); /* no rounding */
    case TI_LIST: /* list___sizeof__: the type's basicsize (a subclass's slots) + the array */
        return pre + ob_get32(S, type, TP_BASICSIZE_OFF) + 8 * (uint64_t)list_allocated(S, o);
    case TI_DICT: return dict_sizeof(S, o);
    case TI_SET:
    case TI_FROZENSET: return set_sizeof(S, o);
    case TI_GENERATOR: { /* gen_sizeof: the frame's words, no rounding */
        Obj code = ob_get64(S, o, GEN_CODE_OFF);
        return pre + GEN_FRAME_OFF + FRAME_LOCALSPLUS_OFF +
               8 * (uint64_t)((int32_t)ob_get32(S, code, CO_NLOCALSPLUS_OFF) +
                              (int32_t)ob_get32(S, code, CO_STACKSIZE_OFF));
    }
    case TI_FRAME: return frameobj_sizeof(S, o);
    case TI_TYPE:
        if (tp_flags(S, o) & TPF_HEAPTYPE) return pre + type_sizeof(S, o);
        /* _PySys_GetSizeOf adds type's GC header size even for a static
         * type, which has none */
        return GC_HEAD_SIZE + TP_STATIC_SIZE;
    default: {
        const TypeInfo *ti = ob_info(S, o);
        uint64_t basic = ob_get32(S, type, TP_BASICSIZE_OFF);
        uint64_t n = (tp_flags(S, type) & TPF_VAR) ? (uint64_t)ob_size(S, o) : 0;
        return pre + ((basic + n * ti->itemsize + 7) & ~UINT64_C(7));
    }
    }
}
