/*
 * dict_methods.c -- dict operators, views, iterators, methods and the
 * dict() constructor (containers.h), after CPython 3.11's
 * Objects/dictobject.c.  The table itself (lookup, insertion, resizing,
 * deletion, copies, merges) is the object layer's (objects/dict.c).
 */
#include <stdio.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/cfunc.h"
#include "runtime/containers.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

/* _PyErr_SetKeyError: KeyError whose args are (key,). */
static void key_error(Sim *S, Obj key)
{
    Obj args = tuple_pack(S, 1, &key);
    if (args) exc_set_args(S, EXC_KeyError, args);
}

static int is_heap_type(const Sim *S, Obj o) { return (tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE) != 0; }

/* ---- operators ---- */

Obj dictop_subscript(Sim *S, Obj d, Obj key)
{
    Obj v = dict_getitem(S, d, key);
    if (!v) {
        if (!S->exc) key_error(S, key);
        return 0;
    }
    ob_incref(S, v, HOLD_TEMP);
    return v;
}

int dictop_ass_subscript(Sim *S, Obj d, Obj key, Obj v)
{
    return v ? dict_setitem(S, d, key, v) : dict_delitem(S, d, key);
}

int dictop_contains(Sim *S, Obj d, Obj key) { return dict_contains(S, d, key); }

/* dict_equal: a's entries in order, each looked up in b with its stored
 * hash; the key and both values held while their values compare. */
static int dict_equal(Sim *S, Obj a, Obj b)
{
    if (dict_len(S, a) != dict_len(S, b)) return 0;
    int64_t pos = 0, hash;
    Obj key, aval;
    while (dict_next_hash(S, a, &pos, &key, &aval, &hash)) {
        ob_incref(S, aval, HOLD_TEMP);
        ob_incref(S, key, HOLD_TEMP);
        Obj bval = dict_lookup_hash(S, b, key, hash);
        if (!bval) {
            ob_decref(S, key, HOLD_TEMP);
            ob_decref(S, aval, HOLD_TEMP);
            return S->exc ? -1 : 0;
        }
        ob_incref(S, bval, HOLD_TEMP);
        int cmp = rt_compare_bool(S, aval, bval, CMP_EQ);
        ob_decref(S, key, HOLD_TEMP);
        ob_decref(S, aval, HOLD_TEMP);
        ob_decref(S, bval, HOLD_TEMP);
        if (cmp <= 0) return cmp;
    }
    return 1;
}

Obj dictop_richcompare(Sim *S, Obj a, Obj b, int op)
{
    if (!ob_is(S, a, TI_DICT) || !ob_is(S, b, TI_DICT)) return 0;
    if (op != CMP_EQ && op != CMP_NE) return 0;
    int cmp = dict_equal(S, a, b);
    if (cmp < 0) return 0;
    return cont_bool(S, cmp == (op == CMP_EQ));
}

/* ---- views and iterators ---- */

static int is_reverse_kind(TypeId kind)
{
    return kind == TI_DICT_REVKEYITER || kind == TI_DICT_REVVALUEITER || kind == TI_DICT_REVITEMITER;
}

/* dictiter_new: the iterator (PyObject_GC_New), then -- for items -- the
 * (None, None) result tuple it recycles, then tracking.  A reverse
 * iterator starts at the last entry. */
static Obj dictiter_new(Sim *S, Obj d, TypeId kind)
{
    Obj it = ob_alloc(S, kind, 0);
    if (!it) return 0;
    ob_set64(S, it, DI_DICT_OFF, d);
    ob_incref(S, d, HOLD_INTERNAL(it, R_ITER_SEQ));
    ob_set64(S, it, DI_USED_OFF, (uint64_t)dict_len(S, d));
    ob_set64(S, it, DI_LEN_OFF, (uint64_t)dict_len(S, d));
    ob_set64(S, it, DI_POS_OFF, is_reverse_kind(kind) ? (uint64_t)dict_last_pos(S, d) : 0);
    if (kind == TI_DICT_ITEMITER || kind == TI_DICT_REVITEMITER) {
        Obj nn[2] = {S->none, S->none};
        Obj res = tuple_pack(S, 2, nn);
        if (!res) {
            ob_decref(S, it, HOLD_TEMP);
            return 0;
        }
        ob_set_field(S, it, DI_RESULT_OFF, R_ITER_RESULT, res);
    }
    gc_track(S, it);
    return it;
}

Obj dictop_iter(Sim *S, Obj d) { return dictiter_new(S, d, TI_DICT_KEYITER); }

Obj dictop_view(Sim *S, Obj d, TypeId kind)
{
    Obj v = ob_alloc(S, kind, 0);
    if (!v) return 0;
    ob_set64(S, v, DV_DICT_OFF, d);
    ob_incref(S, d, HOLD_INTERNAL(v, R_VIEW_DICT));
    gc_track(S, v);
    return v;
}

Obj dictview_iter(Sim *S, Obj view)
{
    Obj d = ob_get64(S, view, DV_DICT_OFF);
    TypeId kind = ob_is(S, view, TI_DICT_KEYS)     ? TI_DICT_KEYITER
                  : ob_is(S, view, TI_DICT_VALUES) ? TI_DICT_VALUEITER
                                                   : TI_DICT_ITEMITER;
    return dictiter_new(S, d, kind);
}

int64_t dictview_len(Sim *S, Obj view) { return dict_len(S, ob_get64(S, view, DV_DICT_OFF)); }

/* The end of an iteration: the iterator lets go of its dict. */
static Obj dictiter_release(Sim *S, Obj it, Obj d)
{
    ob_set64(S, it, DI_DICT_OFF, 0);
    ob_decref(S, d, HOLD_INTERNAL(it, R_ITER_SEQ));
    return 0;
}

/* What an entry gives: its key, its value, or the (key, value) pair --
 * the iterator's last result refilled in place when nobody else holds it.
 * New reference. */
static Obj dictiter_yield(Sim *S, Obj it, Obj key, Obj value)
{
    TypeId kind = (TypeId)tp_index(S, ob_type(S, it));
    if (kind == TI_DICT_KEYITER || kind == TI_DICT_REVKEYITER) {
        ob_incref(S, key, HOLD_TEMP);
        return key;
    }
    if (kind == TI_DICT_VALUEITER || kind == TI_DICT_REVVALUEITER) {
        ob_incref(S, value, HOLD_TEMP);
        return value;
    }
    ob_incref(S, key, HOLD_TEMP);
    ob_incref(S, value, HOLD_TEMP);
    Obj result = ob_get64(S, it, DI_RESULT_OFF);
    if (ob_refcnt(S, result) == 1) {
        /* nobody else sees the last result: refill it in place */
        Obj oldkey = tuple_item(S, result, 0), oldvalue = tuple_item(S, result, 1);
        tuple_set_item(S, result, 0, key);
        tuple_set_item(S, result, 1, value);
        ob_incref(S, result, HOLD_TEMP);
        ob_decref(S, oldkey, HOLD(H_TUPLE_ITEM, result, 0, 0));
        ob_decref(S, oldvalue, HOLD(H_TUPLE_ITEM, result, 1, 0));
        if (!gc_is_tracked(S, result)) gc_track(S, result); /* bpo-42536 */
        return result;
    }
    result = tuple_new(S, 2);
    if (!result) {
        ob_decref(S, key, HOLD_TEMP);
        ob_decref(S, value, HOLD_TEMP);
        return 0;
    }
    tuple_set_item(S, result, 0, key);
    tuple_set_item(S, result, 1, value);
    return result;
}

Obj dictiter_next(Sim *S, Obj it)
{
    Obj d = ob_get64(S, it, DI_DICT_OFF);
    if (!d) return 0;
    if ((int64_t)ob_get64(S, it, DI_USED_OFF) != dict_len(S, d)) {
        ob_set64(S, it, DI_USED_OFF, UINT64_MAX); /* -1: the error is sticky */
        return exc_set(S, EXC_RuntimeError, "dictionary changed size during iteration");
    }
    int64_t pos = (int64_t)ob_get64(S, it, DI_POS_OFF);
    Obj key, value;
    if (!dict_next(S, d, &pos, &key, &value)) return dictiter_release(S, it, d);
    int64_t len = (int64_t)ob_get64(S, it, DI_LEN_OFF);
    if (len == 0) {
        exc_set(S, EXC_RuntimeError, "dictionary keys changed during iteration");
        return dictiter_release(S, it, d);
    }
    ob_set64(S, it, DI_POS_OFF, (uint64_t)pos);
    ob_set64(S, it, DI_LEN_OFF, (uint64_t)(len - 1));
    return dictiter_yield(S, it, key, value);
}

Obj dictreviter_next(Sim *S, Obj it)
{
    Obj d = ob_get64(S, it, DI_DICT_OFF);
    if (!d) return 0;
    if ((int64_t)ob_get64(S, it, DI_USED_OFF) != dict_len(S, d)) {
        ob_set64(S, it, DI_USED_OFF, UINT64_MAX);
        return exc_set(S, EXC_RuntimeError, "dictionary changed size during iteration");
    }
    int64_t pos = (int64_t)ob_get64(S, it, DI_POS_OFF);
    Obj key, value;
    if (!dict_prev(S, d, &pos, &key, &value)) return dictiter_release(S, it, d);
    ob_set64(S, it, DI_POS_OFF, (uint64_t)pos);
    ob_set64(S, it, DI_LEN_OFF, ob_get64(S, it, DI_LEN_OFF) - 1);
    return dictiter_yield(S, it, key, value);
}

/* dict.__reversed__ and the views' (dict___reversed___impl,
 * dictkeys_reversed ...): a reverse iterator over the dict. */
Obj dictop_reversed(Sim *S, Obj o)
{
    switch ((TypeId)tp_index(S, ob_type(S, o))) {
    case TI_DICT_KEYS: return dictiter_new(S, ob_get64(S, o, DV_DICT_OFF), TI_DICT_REVKEYITER);
    case TI_DICT_VALUES: return dictiter_new(S, ob_get64(S, o, DV_DICT_OFF), TI_DICT_REVVALUEITER);
    case TI_DICT_ITEMS: return dictiter_new(S, ob_get64(S, o, DV_DICT_OFF), TI_DICT_REVITEMITER);
    default: return dictiter_new(S, o, TI_DICT_REVKEYITER);
    }
}

/* dictiter_len: what is left, 0 once the dict changed size. */
int64_t dictiter_len(Sim *S, Obj it)
{
    Obj d = ob_get64(S, it, DI_DICT_OFF);
    if (!d || (int64_t)ob_get64(S, it, DI_USED_OFF) != dict_len(S, d)) return 0;
    return (int64_t)ob_get64(S, it, DI_LEN_OFF);
}

/* dictitems_contains: (key, value) in d.items() -- the key looked up,
 * its value (held meanwhile) compared with value. */
int dictitems_contains(Sim *S, Obj view, Obj item)
{
    Obj d = ob_get64(S, view, DV_DICT_OFF);
    if (!ob_is(S, item, TI_TUPLE) || ob_size(S, item) != 2) return 0;
    Obj found = dict_getitem(S, d, tuple_item(S, item, 0));
    if (!found) return S->exc ? -1 : 0;
    ob_incref(S, found, HOLD_TEMP);
    int r = rt_compare_bool(S, found, tuple_item(S, item, 1), CMP_EQ);
    ob_decref(S, found, HOLD_TEMP);
    return r;
}

/* all_contained_in: every item of self's iteration is in other. */
static int all_contained_in(Sim *S, Obj self, Obj other)
{
    Obj it = rt_iter(S, self);
    if (!it) return -1;
    int ok = 1;
    for (;;) {
        Obj next = rt_next(S, it);
        if (!next) {
            if (S->exc) ok = -1;
            break;
        }
        ok = rt_contains(S, other, next);
        ob_decref(S, next, HOLD_TEMP);
        if (ok <= 0) break;
    }
    ob_decref(S, it, HOLD_TEMP);
    return ok;
}

static int is_set_like(const Sim *S, Obj o)
{
    TypeId t = (TypeId)tp_index(S, ob_type(S, o));
    return t == TI_SET || t == TI_FROZENSET || t == TI_DICT_KEYS || t == TI_DICT_ITEMS;
}

Obj dictview_richcompare(Sim *S, Obj self, Obj other, int op)
{
    if (!is_set_like(S, other)) return 0;
    int64_t len_self = rt_len(S, self);
    if (len_self < 0) return 0;
    int64_t len_other = rt_len(S, other);
    if (len_other < 0) return 0;
    int ok = 0;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (len_self == len_other) ok = all_contained_in(S, self, other);
        if (op == CMP_NE && ok >= 0) ok = !ok;
        break;
    case CMP_LT: if (len_self < len_other) ok = all_contained_in(S, self, other); break;
    case CMP_LE: if (len_self <= len_other) ok = all_contained_in(S, self, other); break;
    case CMP_GT: if (len_self > len_other) ok = all_contained_in(S, other, self); break;
    case CMP_GE: if (len_self >= len_other) ok = all_contained_in(S, other, self); break;
    default: break;
    }
    if (ok < 0) return 0;
    return cont_bool(S, ok);
}

/* ---- keys and items views as sets ---- */

/* PyDictViewSet_Check: a view with the set operations (values has none). */
static int is_view_set(const Sim *S, Obj o) { return ob_is(S, o, TI_DICT_KEYS) || ob_is(S, o, TI_DICT_ITEMS); }

static void swap_objs(Obj *a, Obj *b)
{
    Obj t = *a;
    *a = *b;
    *b = t;
}

/* dictviews_to_set: PySet_New of the view -- of an exact dict itself for
 * a keys view, so that set_update_internal takes the stored hashes
 * instead of iterating.  self may be any iterable (the reflected forms,
 * `[1] - d.keys()`).  New reference. */
static Obj views_to_set(Sim *S, Obj self)
{
    Obj left = self;
    if (ob_is(S, self, TI_DICT_KEYS)) {
        Obj d = ob_get64(S, self, DV_DICT_OFF);
        if (ob_is(S, d, TI_DICT)) left = d;
    }
    return setop_new(S, left);
}

/* dictkeys_contains / dictitems_contains, the membership test of
 * _PyDictView_Intersect. */
static int view_contains(Sim *S, Obj view, Obj key)
{
    if (ob_is(S, view, TI_DICT_KEYS)) return dict_contains(S, ob_get64(S, view, DV_DICT_OFF), key);
    return dictitems_contains(S, view, key);
}

/* _PyDictView_Intersect: a set of the items of the smaller operand that
 * the other has -- through set.intersection when other is an exact set at
 * least as large (the set's order), else by iterating other (a view
 * made the smaller one) and adding what self contains. */
static Obj views_and(Sim *S, Obj self, Obj other)
{
    /* the interpreter hands the view over as the right operand for
     * `{1} & d.keys()` */
    if (!is_view_set(S, self)) swap_objs(&self, &other);
    int64_t len_self = dictview_len(S, self);
    if (ob_is(S, other, TI_SET) && len_self <= set_len(S, other))
        return setop_call_method(S, other, "intersection", self);
    if (is_view_set(S, other) && dictview_len(S, other) > len_self) swap_objs(&self, &other);
    Obj result = setop_new(S, 0);
    if (!result) return 0;
    vm_temp_push(S, result);
    Obj it = rt_iter(S, other);
    if (!it) {
        vm_temp_pop(S);
        ob_decref(S, result, HOLD_TEMP);
        return 0;
    }
    vm_temp_push(S, it);
    Obj key;
    int rv = 0;
    while ((key = rt_next(S, it))) {
        rv = view_contains(S, self, key);
        if (rv > 0) rv = set_add_key(S, result, key);
        if (rv < 0) break;
        ob_decref(S, key, HOLD_TEMP);
    }
    vm_temp_pop(S);
    vm_temp_pop(S);
    /* the error path lets go of the iterator, the set, then the key */
    ob_decref(S, it, HOLD_TEMP);
    if (rv < 0 || S->exc) {
        ob_decref(S, result, HOLD_TEMP);
        if (rv < 0) ob_decref(S, key, HOLD_TEMP);
        return 0;
    }
    return result;
}

/* dictviews_or: set(self), then _PySet_Update with other. */
static Obj views_or(Sim *S, Obj self, Obj other)
{
    Obj result = views_to_set(S, self);
    if (!result) return 0;
    vm_temp_push(S, result);
    int rc = setop_update(S, result, other);
    vm_temp_pop(S);
    if (rc < 0) {
        ob_decref(S, result, HOLD_TEMP);
        return 0;
    }
    return result;
}

/* dictviews_sub and dictviews_xor: set(self), then the set method `name`
 * called on it with other (difference_update packs other into an
 * argument tuple, symmetric_difference_update does not). */
static Obj views_update_with(Sim *S, Obj self, Obj other, const char *name)
{
    Obj result = views_to_set(S, self);
    if (!result) return 0;
    vm_temp_push(S, result);
    Obj tmp = setop_call_method(S, result, name, other);
    vm_temp_pop(S);
    if (!tmp) {
        ob_decref(S, result, HOLD_TEMP);
        return 0;
    }
    ob_decref(S, tmp, HOLD_TEMP);
    return result;
}

/* dictitems_xor: two items views.  A copy of self's dict loses each pair
 * of other's dict that it has equal; the pairs it lacks or holds with
 * another value go into the result, then what is left of the copy (its
 * items()). */
static Obj items_xor(Sim *S, Obj self, Obj other)
{
    Obj d2 = ob_get64(S, other, DV_DICT_OFF);
    Obj temp = dict_copy(S, ob_get64(S, self, DV_DICT_OFF));
    if (!temp) return 0;
    vm_temp_push(S, temp);
    Obj result = setop_new(S, 0);
    if (!result) {
        vm_temp_pop(S);
        ob_decref(S, temp, HOLD_TEMP);
        return 0;
    }
    vm_temp_push(S, result);
    int64_t pos = 0, hash;
    Obj key, val1 = 0, val2;
    int rc = 0;
    while (rc == 0 && dict_next_hash(S, d2, &pos, &key, &val2, &hash)) {
        ob_incref(S, key, HOLD_TEMP);
        ob_incref(S, val2, HOLD_TEMP);
        val1 = dict_lookup_hash(S, temp, key, hash);
        int to_delete = 0;
        if (!val1) {
            if (S->exc) rc = -1;
        } else {
            ob_incref(S, val1, HOLD_TEMP);
            to_delete = rt_compare_bool(S, val1, val2, CMP_EQ);
            if (to_delete < 0) rc = -1;
        }
        if (rc == 0 && to_delete) {
            rc = dict_delitem_hash(S, temp, key, hash);
        } else if (rc == 0) {
            Obj kv[2] = {key, val2};
            Obj pair = tuple_pack(S, 2, kv);
            rc = pair ? set_add_key(S, result, pair) : -1;
            if (pair) ob_decref(S, pair, HOLD_TEMP);
        }
        if (rc < 0) break; /* the pair's references go after the dicts' */
        ob_decref(S, key, HOLD_TEMP);
        if (val1) ob_decref(S, val1, HOLD_TEMP);
        ob_decref(S, val2, HOLD_TEMP);
    }
    int loop_failed = rc < 0;
    Obj remaining = 0;
    if (rc == 0) {
        /* PyObject_CallMethodNoArgs(temp, "items"), then _PySet_Update */
        remaining = dictop_view(S, temp, TI_DICT_ITEMS);
        rc = remaining ? setop_update(S, result, remaining) : -1;
    }
    vm_temp_pop(S);
    vm_temp_pop(S);
    if (rc == 0) {
        ob_decref(S, temp, HOLD_TEMP);
        ob_decref(S, remaining, HOLD_TEMP);
        return result;
    }
    if (remaining) ob_decref(S, remaining, HOLD_TEMP);
    ob_decref(S, temp, HOLD_TEMP);
    ob_decref(S, result, HOLD_TEMP);
    if (loop_failed) {
        ob_decref(S, key, HOLD_TEMP);
        if (val1) ob_decref(S, val1, HOLD_TEMP);
        ob_decref(S, val2, HOLD_TEMP);
    }
    return 0;
}

Obj dictview_binop(Sim *S, Obj a, Obj b, int op)
{
    if (!is_view_set(S, a) && !is_view_set(S, b)) return 0;
    switch (op >= 13 ? op - 13 : op) {
    case 1: return views_and(S, a, b);
    case 7: return views_or(S, a, b);
    case 10: return views_update_with(S, a, b, "difference_update");
    case 12:
        if (ob_is(S, a, TI_DICT_ITEMS) && ob_is(S, b, TI_DICT_ITEMS)) return items_xor(S, a, b);
        return views_update_with(S, a, b, "symmetric_difference_update");
    default: return 0;
    }
}

/* dictviews_isdisjoint: other iterated, each item looked up in self --
 * the roles swapped when other is a set or set-like view larger than
 * self (its membership test is cheap). */
static int views_isdisjoint(Sim *S, Obj self, Obj other)
{
    if (self == other) return dictview_len(S, self) == 0;
    if (set_is_any(S, other) || is_view_set(S, other)) {
        int64_t len_self = dictview_len(S, self);
        int64_t len_other = rt_len(S, other);
        if (len_other < 0) return -1;
        if (len_other > len_self) swap_objs(&self, &other);
    }
    Obj it = rt_iter(S, other);
    if (!it) return -1;
    vm_temp_push(S, it);
    int result = 1;
    Obj item;
    while ((item = rt_next(S, it))) {
        int contains = rt_contains(S, self, item);
        ob_decref(S, item, HOLD_TEMP);
        if (contains != 0) {
            result = contains < 0 ? -1 : 0;
            break;
        }
    }
    vm_temp_pop(S);
    ob_decref(S, it, HOLD_TEMP);
    if (result == 1 && S->exc) return -1;
    return result;
}

/* ---- update ---- */

/* PyDict_Merge's generic way for a mapping that is not a dict: its
 * keys() as a list, then m[key] for each. */
static int merge_mapping(Sim *S, Obj d, Obj m)
{
    Obj meth = rt_getattr_cstr(S, m, "keys");
    if (!meth) return -1;
    Obj keys = rt_call(S, meth, NULL, 0, 0);
    ob_decref(S, meth, HOLD_TEMP);
    if (!keys) return -1;
    Obj it = rt_iter(S, keys);
    ob_decref(S, keys, HOLD_TEMP);
    if (!it) return -1;
    int rc = 0;
    for (;;) {
        Obj key = rt_next(S, it);
        if (!key) {
            if (S->exc) rc = -1;
            break;
        }
        Obj value = rt_getitem(S, m, key);
        if (!value) {
            ob_decref(S, key, HOLD_TEMP);
            rc = -1;
            break;
        }
        rc = dict_setitem(S, d, key, value);
        ob_decref(S, key, HOLD_TEMP);
        ob_decref(S, value, HOLD_TEMP);
        if (rc < 0) break;
    }
    ob_decref(S, it, HOLD_TEMP);
    return rc;
}

/* PyDict_MergeFromSeq2(d, seq, 1): each item must be a pair. */
static int merge_seq2(Sim *S, Obj d, Obj seq)
{
    Obj it = rt_iter(S, seq);
    if (!it) return -1;
    int rc = 0;
    for (int64_t i = 0;; ++i) {
        Obj item = rt_next(S, it);
        if (!item) {
            if (S->exc) rc = -1;
            break;
        }
        Obj fast = cont_seq_fast(S, item, NULL);
        if (!fast) {
            if (exc_matches(S, EXC_TypeError)) {
                exc_clear(S);
                exc_set(S, EXC_TypeError,
                        "cannot convert dictionary update sequence element #%lld to a sequence",
                        (long long)i);
            }
            ob_decref(S, item, HOLD_TEMP);
            rc = -1;
            break;
        }
        int64_t n = ob_size(S, fast);
        if (n != 2) {
            exc_set(S, EXC_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                    (long long)i, (long long)n);
            ob_decref(S, fast, HOLD_TEMP);
            ob_decref(S, item, HOLD_TEMP);
            rc = -1;
            break;
        }
        int tup = ob_is(S, fast, TI_TUPLE);
        Obj key = tup ? tuple_item(S, fast, 0) : list_get(S, fast, 0);
        Obj value = tup ? tuple_item(S, fast, 1) : list_get(S, fast, 1);
        ob_incref(S, key, HOLD_TEMP);
        ob_incref(S, value, HOLD_TEMP);
        rc = dict_setitem(S, d, key, value);
        ob_decref(S, key, HOLD_TEMP);
        ob_decref(S, value, HOLD_TEMP);
        ob_decref(S, fast, HOLD_TEMP);
        ob_decref(S, item, HOLD_TEMP);
        if (rc < 0) break;
    }
    ob_decref(S, it, HOLD_TEMP);
    return rc;
}

int dictop_update_arg(Sim *S, Obj d, Obj arg)
{
    if (ob_is(S, arg, TI_DICT)) return dict_merge(S, d, arg, 1);
    if (is_heap_type(S, arg)) {
        /* _PyObject_LookupAttr(arg, "keys"): a mapping if it has one (no
         * AttributeError object made when it has none) */
        Obj name = str_static_id(S, "keys"), keys;
        int r = name ? rt_lookup_attr(S, arg, name, &keys) : -1;
        if (r < 0) return -1;
        if (r) {
            ob_decref(S, keys, HOLD_TEMP);
            return merge_mapping(S, d, arg);
        }
    }
    /* the built-in types other than dict have no keys() */
    return merge_seq2(S, d, arg);
}

Obj dictop_or(Sim *S, Obj a, Obj b)
{
    if (!ob_is(S, a, TI_DICT) || !ob_is(S, b, TI_DICT)) return 0;
    Obj n = dict_copy(S, a);
    if (!n) return 0;
    if (dictop_update_arg(S, n, b) < 0) {
        ob_decref(S, n, HOLD_TEMP);
        return 0;
    }
    return n;
}

Obj dictop_ior(Sim *S, Obj a, Obj b)
{
    if (dictop_update_arg(S, a, b) < 0) return 0;
    ob_incref(S, a, HOLD_TEMP);
    return a;
}

/* ---- methods ---- */

static Obj m_keys(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "dict.keys", nargs, kwnames)) return 0;
    return dictop_view(S, self, TI_DICT_KEYS);
}

static Obj m_values(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "dict.values", nargs, kwnames)) return 0;
    return dictop_view(S, self, TI_DICT_VALUES);
}

static Obj m_items(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "dict.items", nargs, kwnames)) return 0;
    return dictop_view(S, self, TI_DICT_ITEMS);
}

static Obj m_get(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "get", nargs, kwnames, 1, 2)) return 0;
    Obj v = dict_getitem(S, self, args[0]);
    if (!v) {
        if (S->exc) return 0;
        v = nargs > 1 ? args[1] : S->none;
    }
    ob_incref(S, v, HOLD_TEMP);
    return v;
}

static Obj m_pop(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "pop", nargs, kwnames, 1, 2)) return 0;
    return dict_pop(S, self, args[0], nargs > 1 ? args[1] : 0);
}

static Obj m_popitem(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "dict.popitem", nargs, kwnames)) return 0;
    return dict_popitem(S, self);
}

static Obj m_setdefault(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "setdefault", nargs, kwnames, 1, 2)) return 0;
    Obj v = dict_setdefault(S, self, args[0], nargs > 1 ? args[1] : S->none);
    if (!v) return 0;
    ob_incref(S, v, HOLD_TEMP);
    return v;
}

/* The kwargs dict CPython builds for a METH_KEYWORDS call
 * (_PyStack_AsDict: presized, then one setitem per name).  New
 * reference; 0 with an exception. */
static Obj kwargs_dict(Sim *S, const Obj *args, int64_t nargs, Obj kwnames)
{
    int64_t nkw = ob_size(S, kwnames);
    Obj kw = dict_new_presized(S, nkw);
    if (!kw) return 0;
    for (int64_t i = 0; i < nkw; i++) {
        if (dict_setitem(S, kw, tuple_item(S, kwnames, i), args[nargs + i]) < 0) {
            ob_decref(S, kw, HOLD_TEMP);
            return 0;
        }
    }
    return kw;
}

/* dict.update(*args, **kwds): METH_VARARGS | METH_KEYWORDS, so CPython
 * first packs the positional arguments into a tuple and the keywords into
 * a dict; both are made (and released) here too. */
static Obj m_update(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    Obj argstuple = tuple_pack(S, nargs, args);
    if (!argstuple) return 0;
    Obj kw = 0;
    if (kwnames && !(kw = kwargs_dict(S, args, nargs, kwnames))) {
        ob_decref(S, argstuple, HOLD_TEMP);
        return 0;
    }
    int rc = 0;
    if (nargs > 1) {
        exc_set(S, EXC_TypeError, "update expected at most 1 argument, got %lld", (long long)nargs);
        rc = -1;
    } else if (nargs == 1) {
        rc = dictop_update_arg(S, self, args[0]);
    }
    if (rc == 0 && kw) rc = dict_merge(S, self, kw, 1);
    ob_decref(S, argstuple, HOLD_TEMP);
    if (kw) ob_decref(S, kw, HOLD_TEMP);
    return rc < 0 ? 0 : cont_none(S);
}

static Obj m_clear(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "dict.clear", nargs, kwnames)) return 0;
    dict_clear(S, self);
    return cont_none(S);
}

static Obj m_copy(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "dict.copy", nargs, kwnames)) return 0;
    return dict_copy(S, self);
}

/* _PyDict_FromKeys for cls dict: dict(), then for a dict or set argument
 * one resize and the stored hashes, else an iterator and setitems. */
static Obj m_fromkeys(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self; /* a classmethod: self is dict or a dict; both build a dict */
    if (cf_positional(S, "fromkeys", nargs, kwnames, 1, 2)) return 0;
    Obj iterable = args[0], value = nargs > 1 ? args[1] : S->none;
    Obj d = dict_new_generic(S);
    if (!d) return 0;
    int64_t pos = 0, hash;
    Obj key;
    if (ob_is(S, iterable, TI_DICT)) {
        int unicode = dk_kind(S, dict_keys(S, iterable)) != DICT_KEYS_GENERAL;
        if (dict_presize(S, d, dict_len(S, iterable), unicode) < 0) goto fail;
        while (dict_next_hash(S, iterable, &pos, &key, NULL, &hash))
            if (dict_setitem_hash(S, d, key, hash, value) < 0) goto fail;
        return d;
    }
    if (set_is_any(S, iterable)) {
        if (dict_presize(S, d, set_len(S, iterable), 0) < 0) goto fail;
        while (set_next_entry(S, iterable, &pos, &key, &hash))
            if (dict_setitem_hash(S, d, key, hash, value) < 0) goto fail;
        return d;
    }
    Obj it = rt_iter(S, iterable);
    if (!it) goto fail;
    for (;;) {
        key = rt_next(S, it);
        if (!key) break;
        int r = dict_setitem(S, d, key, value);
        ob_decref(S, key, HOLD_TEMP);
        if (r < 0) break;
    }
    ob_decref(S, it, HOLD_TEMP);
    if (S->exc) goto fail;
    return d;
fail:
    ob_decref(S, d, HOLD_TEMP);
    return 0;
}

static Obj m_contains(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "dict.__contains__", nargs, kwnames)) return 0;
    int r = dict_contains(S, self, args[0]);
    return r < 0 ? 0 : cont_bool(S, r);
}

static Obj m_getitem(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "dict.__getitem__", nargs, kwnames)) return 0;
    return dictop_subscript(S, self, args[0]);
}

static Obj m_reversed(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "__reversed__", nargs, kwnames)) return 0;
    return dictop_reversed(S, self);
}

const CFuncDef cf_dict_methods[] = {
    {"keys", m_keys},         {"values", m_values},     {"items", m_items},
    {"get", m_get},           {"pop", m_pop},           {"popitem", m_popitem},
    {"setdefault", m_setdefault}, {"update", m_update}, {"clear", m_clear},
    {"copy", m_copy},         {"fromkeys", m_fromkeys}, {"__contains__", m_contains},
    {"__getitem__", m_getitem}, {"__reversed__", m_reversed}, {NULL, NULL},
};

static Obj m_isdisjoint(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    const char *name = ob_is(S, self, TI_DICT_KEYS) ? "dict_keys.isdisjoint" : "dict_items.isdisjoint";
    if (cf_one_arg(S, name, nargs, kwnames)) return 0;
    int r = views_isdisjoint(S, self, args[0]);
    return r < 0 ? 0 : cont_bool(S, r);
}

/* The views' own methods, in dictkeys_methods' order (the rest are
 * operators); values() has no isdisjoint. */
const CFuncDef cf_dictkeys_methods[] = {{"isdisjoint", m_isdisjoint}, {"__reversed__", m_reversed}, {NULL, NULL}};
const CFuncDef cf_dictvalues_methods[] = {{"__reversed__", m_reversed}, {NULL, NULL}};
const CFuncDef cf_dictitems_methods[] = {{"isdisjoint", m_isdisjoint}, {"__reversed__", m_reversed}, {NULL, NULL}};

/* ---- dict(...) ---- */

/* dict_vectorcall: dict_new (PyType_GenericAlloc, untracked), the
 * positional argument merged, then each keyword set in order. */
Obj cf_new_dict(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_positional(S, "dict", nargs, 0, 0, 1)) return 0;
    Obj d = dict_new_generic(S);
    if (!d) return 0;
    if (nargs == 1 && dictop_update_arg(S, d, args[0]) < 0) goto fail;
    int64_t nkw = kwnames ? ob_size(S, kwnames) : 0;
    for (int64_t i = 0; i < nkw; i++)
        if (dict_setitem(S, d, tuple_item(S, kwnames, i), args[nargs + i]) < 0) goto fail;
    return d;
fail:
    ob_decref(S, d, HOLD_TEMP);
    return 0;
}
