/*
 * ops.c -- operators, truth, hashing, length, subscripts, membership and
 * iteration for every type: the built-in types' slots (numops, strops,
 * containers) first, then the special methods of classes, then
 * CPython's TypeError -- the order of Objects/abstract.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"
#include "runtime/builtins.h"
#include "runtime/containers.h"
#include "runtime/genericalias.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"
#include "runtime/strops.h"
#include "runtime/weakvaluedict.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

static TypeId tid(const Sim *S, Obj o) { return (TypeId)tp_index(S, ob_type(S, o)); }
static int is_heap_instance(const Sim *S, Obj o) { return (tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE) != 0; }

/* An instance of a class derived from a built-in container (a list
 * subclass): it inherits the built-in slots, except those its classes
 * define a special method for (CPython's slot_* wrappers replace them). */
static int is_builtin_subclass(const Sim *S, Obj o)
{
    TypeId t = tid(S, o);
    return is_heap_instance(S, o) && t != TI_INSTANCE && t != TI_EXCEPTION;
}

/* Does o's built-in slot serve `name`: not a subclass's own override? */
static int builtin_slot(Sim *S, Obj o, const char *name)
{
    return !is_builtin_subclass(S, o) || !rt_type_lookup_cstr(S, ob_type(S, o), name);
}

static Obj bool_obj(Sim *S, int v)
{
    Obj b = v ? S->true_ : S->false_;
    ob_incref(S, b, HOLD_TEMP);
    return b;
}

/* A special method of a class: its result, or 0 with *found 0. */
static Obj special(Sim *S, Obj o, const char *name, const Obj *args, int64_t nargs, int *found)
{
    return rt_call_special(S, o, name, args, nargs, found);
}

static int is_not_implemented(const Sim *S, Obj r) { return r == S->not_implemented; }

/* ---- binary operators ---- */

static const char *const binop_dunder[26][2] = {
    {"__add__", "__radd__"},       {"__and__", "__rand__"},       {"__floordiv__", "__rfloordiv__"},
    {"__lshift__", "__rlshift__"}, {"__matmul__", "__rmatmul__"}, {"__mul__", "__rmul__"},
    {"__mod__", "__rmod__"},       {"__or__", "__ror__"},         {"__pow__", "__rpow__"},
    {"__rshift__", "__rrshift__"}, {"__sub__", "__rsub__"},       {"__truediv__", "__rtruediv__"},
    {"__xor__", "__rxor__"},
};
static const char *const inplace_dunder[13] = {
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__", "__imod__",
    "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__",
};

/* &, |, -, ^ of sets and dict views: a set's slot declines a view, and
 * the view's own slot (left or right) takes any iterable as the other
 * operand.  0 without an exception when neither applies. */
static Obj set_algebra(Sim *S, Obj a, Obj b, int op)
{
    Obj r = setop_binop(S, a, b, op);
    if (r || S->exc) return r;
    return dictview_binop(S, a, b, op);
}

/* The built-in types with sq_repeat. */
static int is_sequence(TypeId t) { return t == TI_STR || t == TI_LIST || t == TI_TUPLE || t == TI_BYTES; }

/* The built-in types' slots: 0 without an exception when none applies. */
static Obj builtin_binop(Sim *S, Obj a, Obj b, int op)
{
    int base = op >= 13 ? op - 13 : op, inplace = op >= 13;
    Obj r = numop_binop(S, a, b, op);
    if (r || S->exc) return r;
    TypeId ta = tid(S, a), tb = tid(S, b);
    int64_t n;
    switch (base) {
    case 0: /* + */
        if (ta == TI_STR && tb == TI_STR) return strop_concat(S, a, b);
        if (ta == TI_LIST && tb == TI_LIST) return inplace ? listop_inplace_concat(S, a, b) : listop_concat(S, a, b);
        if (ta == TI_LIST && inplace) return listop_inplace_concat(S, a, b);
        if (ta == TI_TUPLE && tb == TI_TUPLE) return tupleop_concat(S, a, b);
        if (ta == TI_BYTES && tb == TI_BYTES) return bytes_concat(S, a, b);
        break;
    case 5: /* * */
        if ((ta == TI_INT || ta == TI_BOOL) && is_sequence(tb)) {
            Obj t = a;
            a = b;
            b = t;
            ta = tb;
        }
        if (is_sequence(ta) && num_is_int(S, b)) {
            if (num_as_ssize_clipped(S, b, &n)) return 0;
            if (ta == TI_STR) return strop_repeat(S, a, n);
            if (ta == TI_BYTES) return bytes_repeat(S, a, n);
            if (ta == TI_LIST) return inplace ? listop_inplace_repeat(S, a, n) : listop_repeat(S, a, n);
            return tupleop_repeat(S, a, n);
        }
        break;
    case 6: /* % */
        if (ta == TI_STR) return strop_mod(S, a, b);
        break;
    case 7: /* | */
        /* dict_ior takes any mapping or iterable of pairs; dict_or only a dict */
        if (ta == TI_DICT && inplace) return dictop_ior(S, a, b);
        if (ta == TI_DICT && tb == TI_DICT) return dictop_or(S, a, b);
        return set_algebra(S, a, b, op);
    case 1:
    case 10:
    case 12: return set_algebra(S, a, b, op);
    default: break;
    }
    return 0;
}

/* _Py_union_type_or's is_unionable, for the subset: None, a class, an alias. */
static int is_unionable(const Sim *S, Obj o)
{
    return o == S->none || ob_is(S, o, TI_TYPE) || ob_is(S, o, TI_GENERIC_ALIAS);
}

Obj rt_binop(Sim *S, Obj a, Obj b, int op)
{
    int base = op >= 13 ? op - 13 : op;
    int found;
    if (op >= 13 && is_heap_instance(S, a)) {
        Obj r = special(S, a, inplace_dunder[base], &b, 1, &found);
        if (r && !is_not_implemented(S, r)) return r;
        if (r) ob_decref(S, r, HOLD_TEMP);
        if (S->exc) return 0;
    }
    if (!is_heap_instance(S, a) && !is_heap_instance(S, b)) {
        Obj r = builtin_binop(S, a, b, op);
        if (r || S->exc) return r;
    } else {
        if (is_heap_instance(S, a)) {
            Obj r = special(S, a, binop_dunder[base][0], &b, 1, &found);
            if (r && !is_not_implemented(S, r)) return r;
            if (r) ob_decref(S, r, HOLD_TEMP);
            if (S->exc) return 0;
            if (is_builtin_subclass(S, a)) { /* list_concat and friends, inherited */
                r = builtin_binop(S, a, b, op);
                if (r || S->exc) return r;
            }
        } else {
            Obj r = builtin_binop(S, a, b, op);
            if (r || S->exc) return r;
        }
        if (is_heap_instance(S, b) && ob_type(S, a) != ob_type(S, b)) {
            Obj r = special(S, b, binop_dunder[base][1], &a, 1, &found);
            if (r && !is_not_implemented(S, r)) return r;
            if (r) ob_decref(S, r, HOLD_TEMP);
            if (S->exc) return 0;
        } else if (!is_heap_instance(S, b)) {
            /* b's built-in slot, reflected: only a dict view's accepts a
             * class instance on the left (`C() & d.keys()` iterates it) */
            Obj r = dictview_binop(S, a, b, op);
            if (r || S->exc) return r;
        }
    }
    if (base == 5) { /* sequence_repeat: the count through __index__ */
        int seq_a = is_sequence(tid(S, a)), seq_b = is_sequence(tid(S, b));
        Obj count = seq_a && rt_is_class_instance(S, b) ? b : seq_b && rt_is_class_instance(S, a) ? a : 0;
        if (count && rt_type_lookup_cstr(S, ob_type(S, count), "__index__")) {
            Obj n = num_index(S, count);
            if (!n) return 0;
            Obj r = builtin_binop(S, seq_a ? a : n, seq_a ? n : b, op);
            ob_decref(S, n, HOLD_TEMP);
            return r;
        }
    }
    /* type.__or__ / GenericAlias.__or__ (_Py_union_type_or): classes,
     * aliases and None make a types.UnionType, which refscope lacks */
    if (base == 7 && is_unionable(S, a) && is_unionable(S, b))
        return exc_set(S, EXC_TypeError, "a union of types (X | Y, types.UnionType) is not part of refscope's subset");
    char n1[64], n2[64];
    ob_type_name(S, a, n1, sizeof n1);
    ob_type_name(S, b, n2, sizeof n2);
    if (base == 8 && op < 13)
        return exc_set(S, EXC_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", n1, n2);
    if (base == 5 && is_sequence(tid(S, a)))
        return exc_set(S, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", n2);
    if (base == 5 && is_sequence(tid(S, b)))
        return exc_set(S, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", n1);
    if (base == 0 && tid(S, a) == TI_BYTES)
        return exc_set(S, EXC_TypeError, "can't concat %s to bytes", n2);
    if (base == 0 && tid(S, a) == TI_STR)
        return exc_set(S, EXC_TypeError, "can only concatenate str (not \"%s\") to str", n2);
    if (base == 0 && tid(S, a) == TI_LIST)
        return exc_set(S, EXC_TypeError, "can only concatenate list (not \"%s\") to list", n2);
    if (base == 0 && tid(S, a) == TI_TUPLE)
        return exc_set(S, EXC_TypeError, "can only concatenate tuple (not \"%s\") to tuple", n2);
    return exc_set(S, EXC_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op_nb_symbol(op), n1,
                   n2);
}

Obj rt_unary(Sim *S, Obj a, int opcode)
{
    if (is_heap_instance(S, a)) {
        const char *name = opcode == OP_UNARY_NEGATIVE ? "__neg__" : opcode == OP_UNARY_POSITIVE ? "__pos__" : "__invert__";
        int found;
        Obj r = special(S, a, name, NULL, 0, &found);
        if (found || S->exc) return r;
    } else {
        Obj r = numop_unary(S, a, opcode);
        if (r || S->exc) return r;
    }
    char n[64];
    ob_type_name(S, a, n, sizeof n);
    const char *sym = opcode == OP_UNARY_NEGATIVE ? "-" : opcode == OP_UNARY_POSITIVE ? "+" : "~";
    return exc_set(S, EXC_TypeError, "bad operand type for unary %s: '%s'", sym, n);
}

/* ---- comparisons ---- */

static const char *const cmp_dunder[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
static const int cmp_swapped[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const cmp_symbol[6] = {"<", "<=", "==", "!=", ">", ">="};

/* method_richcompare / meth_richcompare: == and != only, between two
 * bound methods (__func__ compared as PyObject_RichCompareBool does, then
 * __self__ by identity) or two builtin methods (__self__ and the C
 * function); 0 without an exception otherwise (NotImplemented). */
static Obj method_compare(Sim *S, Obj a, Obj b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || tid(S, a) != tid(S, b)) return 0;
    int eq;
    if (tid(S, a) == TI_METHOD) {
        eq = rt_compare_bool(S, ob_get64(S, a, METHOD_FUNC_OFF), ob_get64(S, b, METHOD_FUNC_OFF), CMP_EQ);
        if (eq < 0) return 0;
        if (eq) eq = ob_get64(S, a, METHOD_SELF_OFF) == ob_get64(S, b, METHOD_SELF_OFF);
    } else {
        eq = ob_eq(S, a, b);
    }
    return bool_obj(S, eq == (op == CMP_EQ));
}

static Obj builtin_compare(Sim *S, Obj a, Obj b, int op)
{
    Obj r = numop_richcompare(S, a, b, op);
    if (r || S->exc) return r;
    TypeId ta = tid(S, a), tb = tid(S, b);
    if (ta == TI_STR && tb == TI_STR) {
        return bool_obj(S, cmp_holds(strop_compare(S, a, b), op));
    }
    if (ta == TI_LIST) return listop_richcompare(S, a, b, op);
    if (ta == TI_TUPLE) return tupleop_richcompare(S, a, b, op);
    if (ta == TI_DICT) return dictop_richcompare(S, a, b, op);
    if (ta == TI_SET || ta == TI_FROZENSET) return setop_richcompare(S, a, b, op);
    if (ta == TI_BYTES && tb == TI_BYTES && (op == CMP_EQ || op == CMP_NE))
        return bool_obj(S, (ob_eq(S, a, b) == 1) == (op == CMP_EQ));
    if (ta == TI_METHOD || ta == TI_BUILTIN_FN) return method_compare(S, a, b, op);
    /* range_richcompare: == and != between ranges, as sequences */
    if (ta == TI_RANGE && tb == TI_RANGE && (op == CMP_EQ || op == CMP_NE))
        return bool_obj(S, range_equal(S, a, b) == (op == CMP_EQ));
    if (ta == TI_DICT_KEYS || ta == TI_DICT_ITEMS) return dictview_richcompare(S, a, b, op);
    if (ta == TI_GENERIC_ALIAS && tb == TI_GENERIC_ALIAS && (op == CMP_EQ || op == CMP_NE))
        return ga_richcompare(S, a, b, op);
    return 0;
}

Obj rt_richcompare(Sim *S, Obj a, Obj b, int op)
{
    int found;
    int checked_reverse = 0;
    /* a subclass on the right goes first (not needed for the subset's single classes) */
    if (is_heap_instance(S, b) && ob_type(S, a) != ob_type(S, b) && rt_issubtype(S, ob_type(S, b), ob_type(S, a))) {
        checked_reverse = 1;
        Obj r = special(S, b, cmp_dunder[cmp_swapped[op]], &a, 1, &found);
        if (r && !is_not_implemented(S, r)) return r;
        if (r) ob_decref(S, r, HOLD_TEMP);
        if (S->exc) return 0;
    }
    if (is_heap_instance(S, a)) {
        Obj r = special(S, a, cmp_dunder[op], &b, 1, &found);
        if (r && !is_not_implemented(S, r)) return r;
        if (r) ob_decref(S, r, HOLD_TEMP);
        if (S->exc) return 0;
        if (is_builtin_subclass(S, a)) {
            /* list_richcompare, inherited: a subclass's __ne__ is list's,
             * not object's inverse of its __eq__ */
            r = builtin_compare(S, a, b, op);
            if (r || S->exc) return r;
        } else if (!found && op == CMP_NE) {
            /* object.__ne__ inverts __eq__ */
            Obj e = special(S, a, "__eq__", &b, 1, &found);
            if (e && !is_not_implemented(S, e)) {
                int t = rt_truth(S, e);
                ob_decref(S, e, HOLD_TEMP);
                if (t < 0) return 0;
                return bool_obj(S, !t);
            }
            if (e) ob_decref(S, e, HOLD_TEMP);
            if (S->exc) return 0;
        }
    } else {
        Obj r = builtin_compare(S, a, b, op);
        if (r || S->exc) return r;
    }
    if (!checked_reverse && is_heap_instance(S, b)) {
        Obj r = special(S, b, cmp_dunder[cmp_swapped[op]], &a, 1, &found);
        if (r && !is_not_implemented(S, r)) return r;
        if (r) ob_decref(S, r, HOLD_TEMP);
        if (S->exc) return 0;
    } else if (!checked_reverse) {
        /* do_richcompare: the reflected slot of b's built-in type
         * ({1} == d.keys() is the view's comparison, swapped) */
        Obj r = builtin_compare(S, b, a, cmp_swapped[op]);
        if (r || S->exc) return r;
    }
    if (op == CMP_EQ) return bool_obj(S, a == b);
    if (op == CMP_NE) return bool_obj(S, a != b);
    char n1[64], n2[64];
    ob_type_name(S, a, n1, sizeof n1);
    ob_type_name(S, b, n2, sizeof n2);
    return exc_set(S, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'", cmp_symbol[op], n1,
                   n2);
}

int rt_compare_bool(Sim *S, Obj a, Obj b, int op)
{
    if (a == b) {
        if (op == CMP_EQ) return 1;
        if (op == CMP_NE) return 0;
    }
    Obj r = rt_richcompare(S, a, b, op);
    if (!r) return -1;
    int t = r == S->true_ ? 1 : r == S->false_ ? 0 : rt_truth(S, r);
    ob_decref(S, r, HOLD_TEMP);
    return t;
}

/* ---- truth, hash, len ---- */

int rt_truth(Sim *S, Obj o)
{
    if (o == S->true_) return 1;
    if (o == S->false_ || o == S->none) return 0;
    int t = numop_truth(S, o);
    if (t >= 0) return t;
    switch (builtin_slot(S, o, "__bool__") && builtin_slot(S, o, "__len__") ? tid(S, o) : TI_INSTANCE) {
    case TI_STR: return str_len(S, o) != 0;
    case TI_LIST:
    case TI_TUPLE:
    case TI_BYTES: return ob_size(S, o) != 0;
    case TI_DICT: return dict_len(S, o) != 0;
    case TI_SET:
    case TI_FROZENSET: return set_len(S, o) != 0;
    case TI_RANGE: return int_bool(S, ob_get64(S, o, RANGE_LENGTH_OFF)); /* range_bool */
    default: break;
    }
    if (is_heap_instance(S, o)) {
        int found;
        Obj r = special(S, o, "__bool__", NULL, 0, &found);
        if (found) {
            if (!r) return -1;
            if (r != S->true_ && r != S->false_) {
                char n[64];
                ob_type_name(S, r, n, sizeof n);
                ob_decref(S, r, HOLD_TEMP);
                exc_set(S, EXC_TypeError, "__bool__ should return bool, returned %s", n);
                return -1;
            }
            ob_decref(S, r, HOLD_TEMP);
            return r == S->true_;
        }
        if (S->exc) return -1;
        Obj rl = special(S, o, "__len__", NULL, 0, &found);
        if (found) {
            if (!rl) return -1;
            int64_t n = 0;
            int e = int_as_i64(S, rl, &n);
            ob_decref(S, rl, HOLD_TEMP);
            if (e) return -1;
            return n != 0;
        }
        if (S->exc) return -1;
    }
    return 1;
}

int64_t rt_class_hash(Sim *S, Obj o, int *handled)
{
    Obj type = ob_type(S, o);
    Obj h = rt_type_lookup_cstr(S, type, "__hash__");
    Obj eq = rt_type_lookup_cstr(S, type, "__eq__");
    *handled = h || eq;
    if (!*handled) return 0;
    if (h == S->none || !h) { /* __hash__ = None, or __eq__ without __hash__ */
        char n[64];
        ob_type_name(S, o, n, sizeof n);
        exc_set(S, EXC_TypeError, "unhashable type: '%s'", n);
        return -1;
    }
    int found;
    Obj r = special(S, o, "__hash__", NULL, 0, &found);
    if (!r) return -1;
    if (!num_is_int(S, r)) {
        ob_decref(S, r, HOLD_TEMP);
        exc_set(S, EXC_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* slot_tp_hash: the int itself when it fits a Py_ssize_t, else its hash */
    int64_t v;
    if (int_as_i64(S, r, &v)) {
        exc_clear(S);
        v = int_hash(S, r);
    }
    ob_decref(S, r, HOLD_TEMP);
    return v == -1 ? -2 : v;
}

int64_t rt_hash(Sim *S, Obj o)
{
    if (is_heap_instance(S, o) && (tid(S, o) == TI_INSTANCE || !builtin_slot(S, o, "__hash__"))) {
        int handled;
        int64_t v = rt_class_hash(S, o, &handled);
        return handled ? v : ob_hash_pointer(o);
    }
    return ob_hash(S, o);
}

int64_t rt_len(Sim *S, Obj o)
{
    switch (builtin_slot(S, o, "__len__") ? tid(S, o) : TI_INSTANCE) {
    case TI_STR: return str_len(S, o);
    case TI_LIST:
    case TI_TUPLE:
    case TI_BYTES: return ob_size(S, o);
    case TI_DICT: return dict_len(S, o);
    case TI_SET:
    case TI_FROZENSET: return set_len(S, o);
    case TI_WEAKVALUEDICT: return wvd_len(S, o);
    case TI_RANGE: {
        int64_t n;
        if (int_as_i64(S, ob_get64(S, o, RANGE_LENGTH_OFF), &n)) return -1;
        return n;
    }
    case TI_DICT_KEYS:
    case TI_DICT_VALUES:
    case TI_DICT_ITEMS: return dictview_len(S, o);
    default: break;
    }
    if (is_heap_instance(S, o)) {
        int found;
        Obj r = special(S, o, "__len__", NULL, 0, &found);
        if (found) {
            if (!r) return -1;
            int64_t n = 0;
            if (!num_is_int(S, r)) {
                char tn[64];
                ob_type_name(S, r, tn, sizeof tn);
                ob_decref(S, r, HOLD_TEMP);
                exc_set(S, EXC_TypeError, "'%s' object cannot be interpreted as an integer", tn);
                return -1;
            }
            int e = int_as_i64(S, r, &n);
            ob_decref(S, r, HOLD_TEMP);
            if (e) return -1;
            if (n < 0) {
                exc_set(S, EXC_ValueError, "__len__() should return >= 0");
                return -1;
            }
            return n;
        }
        if (S->exc) return -1;
    }
    char n[64];
    ob_type_name(S, o, n, sizeof n);
    exc_set(S, EXC_TypeError, "object of type '%s' has no len()", n);
    return -1;
}

int rt_issubtype(const Sim *S, Obj sub, Obj type)
{
    for (Obj t = sub; t; t = ob_get64(S, t, TP_BASE_OFF))
        if (t == type) return 1;
    return type == S->types[TI_OBJECT].type;
}

int rt_isinstance(Sim *S, Obj o, Obj cls)
{
    if (ob_is(S, cls, TI_TUPLE)) {
        for (int64_t i = 0; i < ob_size(S, cls); i++) {
            int r = rt_isinstance(S, o, tuple_item(S, cls, i));
            if (r) return r;
        }
        return 0;
    }
    if (ob_is(S, cls, TI_GENERIC_ALIAS)) return ga_refuse_check(S, cls, o, 0);
    if (!ob_is(S, cls, TI_TYPE)) {
        exc_set(S, EXC_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    return rt_issubtype(S, ob_type(S, o), cls);
}

/* ---- subscripts ---- */

int rt_subscript_index(Sim *S, Obj key, int64_t *out, const char *overflow)
{
    Obj ix = num_is_int(S, key) ? key : 0;
    if (!ix && rt_is_class_instance(S, key) && S->index_hook(S, key, &ix) < 0) return -1;
    if (!ix) return 0;
    int bad = int_as_i64(S, ix, out);
    if (ix != key) ob_decref(S, ix, HOLD_TEMP);
    if (!bad) return 1;
    exc_clear(S);
    exc_set(S, EXC_IndexError, "%s", overflow);
    return -1;
}

/* bytes_subscript: an index (an int or __index__) gives an int, a slice
 * new bytes (the object itself for a whole one, a fresh one for a
 * stepped one even of one byte). */
static Obj bytes_subscript(Sim *S, Obj b, Obj key)
{
    int64_t n = bytes_len(S, b);
    if (tid(S, key) == TI_SLICE) {
        int64_t lo, hi, by;
        if (slice_indices(S, key, n, &lo, &hi, &by) < 0) return 0;
        int64_t len = slice_length(lo, hi, by);
        if (len <= 0) return bytes_from(S, "", 0);
        if (lo == 0 && by == 1 && len == n) {
            ob_incref(S, b, HOLD_TEMP);
            return b;
        }
        if (by == 1) return bytes_from(S, bytes_data(S, b) + lo, len);
        Obj r = bytes_from(S, NULL, len);
        for (int64_t k = 0, i = lo; r && k < len; k++, i += by) bytes_data(S, r)[k] = bytes_data(S, b)[i];
        return r;
    }
    int64_t i;
    int r = rt_subscript_index(S, key, &i, "cannot fit 'int' into an index-sized integer");
    if (r < 0) return 0;
    if (r == 0) {
        char tn[64];
        return exc_set(S, EXC_TypeError, "byte indices must be integers or slices, not %s",
                       ob_type_name(S, key, tn, sizeof tn));
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return exc_set(S, EXC_IndexError, "index out of range");
    return int_from_i64(S, bytes_data(S, b)[i]);
}

/* range_subscript: an index (an int or __index__) or a slice, which makes
 * the range of the picked items (compute_slice).  Ranges are int64 here;
 * one whose items would leave it is outside the subset. */
static Obj range_subscript(Sim *S, Obj r, Obj key)
{
    int64_t start, stop, step, n;
    if (int_as_i64(S, ob_get64(S, r, RANGE_START_OFF), &start) ||
        int_as_i64(S, ob_get64(S, r, RANGE_STOP_OFF), &stop) ||
        int_as_i64(S, ob_get64(S, r, RANGE_STEP_OFF), &step) ||
        int_as_i64(S, ob_get64(S, r, RANGE_LENGTH_OFF), &n)) {
        exc_clear(S);
        return exc_set(S, EXC_OverflowError, "subscripting a range beyond 2**63 is not part of refscope's subset");
    }
    if (tid(S, key) == TI_SLICE) {
        int64_t lo, hi, by, a, b, c;
        if (slice_indices(S, key, n, &lo, &hi, &by) < 0) return 0;
        if (__builtin_mul_overflow(lo, step, &a) || __builtin_add_overflow(a, start, &a) ||
            __builtin_mul_overflow(hi, step, &b) || __builtin_add_overflow(b, start, &b) ||
            __builtin_mul_overflow(by, step, &c))
            return exc_set(S, EXC_OverflowError, "a range slice beyond 2**63 is not part of refscope's subset");
        Obj v[3] = {int_from_i64(S, a), int_from_i64(S, b), int_from_i64(S, c)};
        Obj res = v[0] && v[1] && v[2] ? range_new(S, v[0], v[1], v[2]) : 0;
        for (int k = 0; k < 3; k++) ob_xdecref(S, v[k], HOLD_TEMP);
        return res;
    }
    int64_t i;
    int got = rt_subscript_index(S, key, &i, "range object index out of range");
    if (got < 0) return 0;
    if (got == 0) {
        char tn[64];
        return exc_set(S, EXC_TypeError, "range indices must be integers or slices, not %s",
                       ob_type_name(S, key, tn, sizeof tn));
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return exc_set(S, EXC_IndexError, "range object index out of range");
    return int_from_i64(S, start + i * step);
}

Obj rt_getitem(Sim *S, Obj o, Obj key)
{
    switch (builtin_slot(S, o, "__getitem__") ? tid(S, o) : TI_INSTANCE) {
    case TI_LIST: return listop_subscript(S, o, key);
    case TI_TUPLE: return tupleop_subscript(S, o, key);
    case TI_STR: return strop_subscript(S, o, key);
    case TI_BYTES: return bytes_subscript(S, o, key);
    case TI_DICT: return dictop_subscript(S, o, key);
    case TI_WEAKVALUEDICT: return wvd_getitem(S, o, key);
    case TI_RANGE: return range_subscript(S, o, key);
    case TI_GENERIC_ALIAS: return ga_subscript(S, o, key);
    default: break;
    }
    if (is_heap_instance(S, o)) {
        int found;
        Obj r = special(S, o, "__getitem__", &key, 1, &found);
        if (found || S->exc) return r;
    }
    if (ob_is(S, o, TI_TYPE)) return ga_class_subscript(S, o, key); /* list[int] */
    char n[64];
    ob_type_name(S, o, n, sizeof n);
    return exc_set(S, EXC_TypeError, "'%s' object is not subscriptable", n);
}

int rt_setitem(Sim *S, Obj o, Obj key, Obj value)
{
    switch (builtin_slot(S, o, value ? "__setitem__" : "__delitem__") ? tid(S, o) : TI_INSTANCE) {
    case TI_LIST: return listop_ass_subscript(S, o, key, value);
    case TI_DICT: return dictop_ass_subscript(S, o, key, value);
    case TI_WEAKVALUEDICT: return wvd_setitem(S, o, key, value);
    default: break;
    }
    if (is_heap_instance(S, o)) {
        int found;
        Obj args[2] = {key, value};
        Obj r = special(S, o, value ? "__setitem__" : "__delitem__", args, value ? 2 : 1, &found);
        if (r) {
            ob_decref(S, r, HOLD_TEMP);
            return 0;
        }
        if (found || S->exc) return -1;
    }
    char n[64];
    ob_type_name(S, o, n, sizeof n);
    if (value) exc_set(S, EXC_TypeError, "'%s' object does not support item assignment", n);
    else exc_set(S, EXC_TypeError, "'%s' object doesn't support item deletion", n);
    return -1;
}

/* ---- membership and iteration ---- */

int rt_contains(Sim *S, Obj container, Obj item)
{
    switch (builtin_slot(S, container, "__contains__") ? tid(S, container) : TI_INSTANCE) {
    case TI_LIST: return listop_contains(S, container, item);
    case TI_TUPLE: return tupleop_contains(S, container, item);
    case TI_STR: return strop_contains(S, container, item);
    case TI_DICT: return dictop_contains(S, container, item);
    case TI_WEAKVALUEDICT: return wvd_contains(S, container, item);
    case TI_SET:
    case TI_FROZENSET: return set_contains(S, container, item);
    case TI_DICT_KEYS: return dictop_contains(S, ob_get64(S, container, DV_DICT_OFF), item);
    case TI_DICT_ITEMS: return dictitems_contains(S, container, item);
    default: break;
    }
    if (is_heap_instance(S, container)) {
        int found;
        Obj r = special(S, container, "__contains__", &item, 1, &found);
        if (found) {
            if (!r) return -1;
            int t = rt_truth(S, r);
            ob_decref(S, r, HOLD_TEMP);
            return t;
        }
        if (S->exc) return -1;
    }
    /* _PySequence_IterSearch */
    Obj it = rt_iter(S, container);
    if (!it) {
        if (exc_matches(S, EXC_TypeError)) {
            exc_clear(S);
            char n[64];
            ob_type_name(S, container, n, sizeof n);
            exc_set(S, EXC_TypeError, "argument of type '%s' is not iterable", n);
        }
        return -1;
    }
    vm_temp_push(S, it);
    int result = 0;
    for (;;) {
        Obj v = rt_next(S, it);
        if (!v) {
            result = S->exc ? -1 : 0;
            break;
        }
        int eq = rt_compare_bool(S, v, item, CMP_EQ);
        ob_decref(S, v, HOLD_TEMP);
        if (eq) {
            result = eq;
            break;
        }
    }
    vm_temp_pop(S);
    ob_decref(S, it, HOLD_TEMP);
    return result;
}

/* The built-in iterator types (tp_iternext, tp_iter returning self). */
static int builtin_iterator_type(TypeId t)
{
    switch (t) {
    case TI_LIST_ITER:
    case TI_TUPLE_ITER:
    case TI_RANGE_ITER:
    case TI_STR_ITER:
    case TI_STR_ASCII_ITER:
    case TI_DICT_KEYITER:
    case TI_DICT_VALUEITER:
    case TI_DICT_ITEMITER:
    case TI_SET_ITER:
    case TI_LIST_REVITER:
    case TI_LONGRANGE_ITER:
    case TI_DICT_REVKEYITER:
    case TI_DICT_REVVALUEITER:
    case TI_DICT_REVITEMITER:
    case TI_REVERSED:
    case TI_SEQ_ITER:
    case TI_ENUMERATE:
    case TI_ZIP:
    case TI_MAP:
    case TI_FILTER:
    case TI_GENERATOR: return 1;
    default: return 0;
    }
}

int rt_is_iterator(Sim *S, Obj o)
{
    if (is_heap_instance(S, o)) return rt_type_lookup_cstr(S, ob_type(S, o), "__next__") != 0;
    return builtin_iterator_type(tid(S, o));
}

Obj rt_iter(Sim *S, Obj o)
{
    switch (builtin_slot(S, o, "__iter__") ? tid(S, o) : TI_INSTANCE) {
    case TI_LIST:
    case TI_TUPLE: return seqiter_new(S, o);
    case TI_RANGE: return rangeiter_new(S, o);
    case TI_STR: return strop_iter(S, o);
    case TI_DICT: return dictop_iter(S, o);
    case TI_WEAKVALUEDICT: return wvd_iter(S, o);
    case TI_SET:
    case TI_FROZENSET: return setop_iter(S, o);
    case TI_DICT_KEYS:
    case TI_DICT_VALUES:
    case TI_DICT_ITEMS: return dictview_iter(S, o);
    default:
        if (builtin_iterator_type(tid(S, o)) && builtin_slot(S, o, "__iter__")) { /* iter(it) is it */
            ob_incref(S, o, HOLD_TEMP);
            return o;
        }
        break;
    }
    if (is_heap_instance(S, o)) {
        int found;
        Obj r = special(S, o, "__iter__", NULL, 0, &found);
        if (found || S->exc) {
            if (r && !rt_is_iterator(S, r)) { /* PyObject_GetIter's PyIter_Check */
                char n[64];
                ob_type_name(S, r, n, sizeof n);
                ob_decref(S, r, HOLD_TEMP);
                return exc_set(S, EXC_TypeError, "iter() returned non-iterator of type '%s'", n);
            }
            return r;
        }
        if (rt_type_lookup_cstr(S, ob_type(S, o), "__getitem__")) {
            /* PySeqIter_New: the old sequence protocol, o[0], o[1], ...
             * until IndexError */
            Obj it = ob_alloc(S, TI_SEQ_ITER, 0);
            if (!it) return 0;
            ob_set64(S, it, SEQITER_IT_SEQ_OFF, o);
            ob_incref(S, o, HOLD_INTERNAL(it, R_ITER_SEQ));
            gc_track(S, it);
            return it;
        }
    }
    char n[64];
    ob_type_name(S, o, n, sizeof n);
    return exc_set(S, EXC_TypeError, "'%s' object is not iterable", n);
}

Obj vmops_builtins_iternext(Sim *S, Obj it);

/* iter_iternext: seq[it_index] through __getitem__; IndexError or
 * StopIteration ends it and drops the sequence.  New reference or 0. */
static Obj seqiter_next(Sim *S, Obj it)
{
    Obj seq = ob_get64(S, it, SEQITER_IT_SEQ_OFF);
    if (!seq) return 0;
    int64_t i = (int64_t)ob_get64(S, it, SEQITER_IT_INDEX_OFF);
    Obj ix = int_from_i64(S, i);
    if (!ix) return 0;
    int found;
    Obj r = special(S, seq, "__getitem__", &ix, 1, &found);
    ob_decref(S, ix, HOLD_TEMP);
    if (r) {
        ob_set64(S, it, SEQITER_IT_INDEX_OFF, (uint64_t)(i + 1));
        return r;
    }
    if (exc_matches(S, EXC_IndexError) || exc_matches(S, EXC_StopIteration)) {
        exc_clear(S);
        ob_set64(S, it, SEQITER_IT_SEQ_OFF, 0);
        ob_decref(S, seq, HOLD_INTERNAL(it, R_ITER_SEQ));
    }
    return 0;
}

Obj rt_next(Sim *S, Obj it) { return rt_next_or_stop(S, it, NULL); }

Obj rt_next_or_stop(Sim *S, Obj it, Obj *stop_value)
{
    switch (tid(S, it)) {
    case TI_LIST_ITER:
    case TI_TUPLE_ITER: {
        Obj seq = ob_get64(S, it, SEQITER_SEQ_OFF);
        if (!seq) return 0;
        int64_t i = (int64_t)ob_get64(S, it, SEQITER_INDEX_OFF);
        int64_t n = ob_size(S, seq);
        if (i < n) {
            ob_set64(S, it, SEQITER_INDEX_OFF, (uint64_t)(i + 1));
            Obj v = tid(S, seq) == TI_LIST ? list_get(S, seq, i) : tuple_item(S, seq, i);
            ob_incref(S, v, HOLD_TEMP);
            return v;
        }
        ob_set64(S, it, SEQITER_SEQ_OFF, 0);
        ob_decref(S, seq, HOLD_INTERNAL(it, R_ITER_SEQ));
        return 0;
    }
    case TI_RANGE_ITER: {
        int64_t index = (int64_t)ob_get64(S, it, RANGEITER_START_OFF);
        int64_t start = (int64_t)ob_get64(S, it, RANGEITER_START_OFF + 8);
        int64_t step = (int64_t)ob_get64(S, it, RANGEITER_START_OFF + 16);
        int64_t len = (int64_t)ob_get64(S, it, RANGEITER_START_OFF + 24);
        if (index < len) {
            ob_set64(S, it, RANGEITER_START_OFF, (uint64_t)(index + 1));
            return int_from_i64(S, start + index * step);
        }
        return 0;
    }
    case TI_STR_ITER:
    case TI_STR_ASCII_ITER: return strop_iter_next(S, it);
    case TI_DICT_KEYITER:
    case TI_DICT_VALUEITER:
    case TI_DICT_ITEMITER: return dictiter_next(S, it);
    case TI_SET_ITER: return setiter_next(S, it);
    case TI_LIST_REVITER: return listrev_next(S, it);
    case TI_LONGRANGE_ITER: return longrangeiter_next(S, it);
    case TI_DICT_REVKEYITER:
    case TI_DICT_REVVALUEITER:
    case TI_DICT_REVITEMITER: return dictreviter_next(S, it);
    case TI_REVERSED: return reversed_next(S, it);
    case TI_SEQ_ITER: return seqiter_next(S, it);
    case TI_ENUMERATE:
    case TI_ZIP: return vmops_builtins_iternext(S, it);
    case TI_MAP:
    case TI_FILTER: return mapfilter_next(S, it);
    case TI_GENERATOR: {
        int done;
        Obj r = vm_gen_send(S, it, S->none, &done);
        if (done && r) {
            /* gen_iternext: the returned value travels in an unnormalized
             * StopIteration, which FOR_ITER, list() and friends clear
             * without ever making the exception object */
            if (stop_value) *stop_value = r;
            else ob_decref(S, r, HOLD_TEMP);
            return 0;
        }
        return r;
    }
    default: break;
    }
    if (is_heap_instance(S, it)) {
        int found;
        Obj r = special(S, it, "__next__", NULL, 0, &found);
        if (found || S->exc) {
            if (!r && exc_matches(S, EXC_StopIteration)) exc_clear(S);
            return r;
        }
    }
    char n[64];
    ob_type_name(S, it, n, sizeof n);
    return exc_set(S, EXC_TypeError, "'%s' object is not an iterator", n);
}

Obj rt_tuple_from(Sim *S, Obj iterable)
{
    return cf_new_tuple(S, S->types[TI_TUPLE].type, &iterable, 1, 0);
}

/* ---- output ---- */

void rt_write(Sim *S, int stream, const char *text, size_t len)
{
    if (ev_on(&S->ev, SIM_EVCAT_VM)) {
        SimEvent ev = EV_BLANK(SIM_EV_OUTPUT);
        ev.a = stream;
        ev.b = (int64_t)len;
        ev_emit(&S->ev, &ev);
    }
    SimWriteFn fn = stream == 2 ? S->vm.err : S->vm.out;
    if (fn) fn(stream == 2 ? S->vm.err_ud : S->vm.out_ud, text, len);
}

int rt_write_str(Sim *S, int stream, Obj s)
{
    int64_t n = str_len(S, s);
    size_t cap = (size_t)n * 4 + 1;
    char small[512], *buf = cap <= sizeof small ? small : malloc(cap);
    if (!buf) return -1;
    size_t len = str_to_utf8(S, s, buf, cap);
    rt_write(S, stream, buf, len);
    if (buf != small) free(buf);
    return 0;
}
