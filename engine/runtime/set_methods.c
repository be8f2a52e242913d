/*
 * set_methods.c -- set and frozenset operators, iterator, methods and
 * constructors (containers.h), after CPython 3.11's Objects/setobject.c.
 * The hash table itself (probing, insertion, resizing, merging) is the
 * object layer's (objects/set.c).
 */
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/iters.h"
#include "objects/set.h"
#include "objects/tuple.h"
#include "runtime/cfunc.h"
#include "runtime/containers.h"
#include "runtime/runtime.h"

/* The base type of a result: a set's operations make sets, a
 * frozenset's frozensets (make_new_set_basetype). */
static TypeId basetype(const Sim *S, Obj so) { return ob_is(S, so, TI_FROZENSET) ? TI_FROZENSET : TI_SET; }

/* set_update_internal: the object layer's fast paths for the built-in
 * iterables it knows, else an iterator and one add per item. */
static int update_any(Sim *S, Obj so, Obj other)
{
    /* a list subclass may define __iter__: it is iterated */
    switch ((tp_flags(S, ob_type(S, other)) & TPF_HEAPTYPE) ? TI_INSTANCE : (TypeId)tp_index(S, ob_type(S, other))) {
    case TI_SET:
    case TI_FROZENSET:
    case TI_DICT:
    case TI_TUPLE:
    case TI_LIST:
    case TI_STR: return set_update_builtin(S, so, other);
    default: break;
    }
    Obj it = rt_iter(S, other);
    if (!it) return -1;
    for (;;) {
        Obj key = rt_next(S, it);
        if (!key) break;
        int r = set_add_key(S, so, key);
        ob_decref(S, key, HOLD_TEMP);
        if (r < 0) break;
    }
    ob_decref(S, it, HOLD_TEMP);
    return S->exc ? -1 : 0;
}

/* make_new_set(type, iterable).  New reference. */
static Obj make_set(Sim *S, TypeId t, Obj iterable)
{
    Obj so = set_make_empty(S, t);
    if (!so || !iterable) return so;
    if (update_any(S, so, iterable) < 0) {
        ob_decref(S, so, HOLD_TEMP);
        return 0;
    }
    return so;
}

/* set_copy (the set's own, used by the operators): always a new object
 * of the base type.  New reference. */
static Obj copy_of(Sim *S, Obj so) { return make_set(S, basetype(S, so), so); }

/* ---- the algebra ---- */

static Obj set_intersection(Sim *S, Obj so, Obj other)
{
    if (so == other) return copy_of(S, so);
    Obj result = set_make_empty(S, basetype(S, so));
    if (!result) return 0;
    int64_t pos = 0, hash;
    Obj key;
    if (set_is_any(S, other)) {
        if (set_len(S, other) > set_len(S, so)) {
            Obj t = so;
            so = other;
            other = t;
        }
        while (set_next_entry(S, other, &pos, &key, &hash)) {
            ob_incref(S, key, HOLD_TEMP);
            int rv = set_contains_entry(S, so, key, hash);
            if (rv > 0) rv = set_add_entry(S, result, key, hash);
            ob_decref(S, key, HOLD_TEMP);
            if (rv < 0) goto fail;
        }
        return result;
    }
    Obj it = rt_iter(S, other);
    if (!it) goto fail;
    while ((key = rt_next(S, it))) {
        hash = rt_hash(S, key);
        int rv = hash == -1 ? -1 : set_contains_entry(S, so, key, hash);
        if (rv > 0) rv = set_add_entry(S, result, key, hash);
        ob_decref(S, key, HOLD_TEMP);
        if (rv < 0) break;
    }
    ob_decref(S, it, HOLD_TEMP);
    if (S->exc) goto fail;
    return result;
fail:
    ob_decref(S, result, HOLD_TEMP);
    return 0;
}

static int difference_update(Sim *S, Obj so, Obj other)
{
    if (so == other) return set_clear(S, so);
    if (set_is_any(S, other)) {
        /* a much larger other is first cut down to the intersection */
        if ((set_len(S, other) >> 3) > set_len(S, so)) {
            other = set_intersection(S, so, other);
            if (!other) return -1;
        } else {
            ob_incref(S, other, HOLD_TEMP);
        }
        int64_t pos = 0, hash;
        Obj key;
        int rv = 0;
        while (set_next_entry(S, other, &pos, &key, &hash)) {
            ob_incref(S, key, HOLD_TEMP);
            rv = set_discard_entry(S, so, key, hash);
            ob_decref(S, key, HOLD_TEMP);
            if (rv < 0) break;
        }
        ob_decref(S, other, HOLD_TEMP);
        if (rv < 0) return -1;
    } else {
        Obj it = rt_iter(S, other);
        if (!it) return -1;
        Obj key;
        while ((key = rt_next(S, it))) {
            int rv = set_discard_key(S, so, key);
            ob_decref(S, key, HOLD_TEMP);
            if (rv < 0) break;
        }
        ob_decref(S, it, HOLD_TEMP);
        if (S->exc) return -1;
    }
    /* more than a quarter dummies: resize them away */
    if ((uint64_t)(set_fill(S, so) - set_len(S, so)) <= (uint64_t)set_mask(S, so) / 4) return 0;
    int64_t used = set_len(S, so);
    return set_resize(S, so, used > 50000 ? used * 2 : used * 4);
}

static Obj copy_and_difference(Sim *S, Obj so, Obj other)
{
    Obj result = copy_of(S, so);
    if (result && difference_update(S, result, other) < 0) {
        ob_decref(S, result, HOLD_TEMP);
        return 0;
    }
    return result;
}

static Obj set_difference(Sim *S, Obj so, Obj other)
{
    int64_t other_size;
    if (set_is_any(S, other)) other_size = set_len(S, other);
    else if (ob_is(S, other, TI_DICT)) other_size = dict_len(S, other);
    else return copy_and_difference(S, so, other);
    if ((set_len(S, so) >> 2) > other_size) return copy_and_difference(S, so, other);
    Obj result = set_make_empty(S, basetype(S, so));
    if (!result) return 0;
    int64_t pos = 0, hash;
    Obj key;
    int dict = ob_is(S, other, TI_DICT);
    while (set_next_entry(S, so, &pos, &key, &hash)) {
        ob_incref(S, key, HOLD_TEMP);
        int rv;
        if (dict) {
            Obj v = dict_lookup_hash(S, other, key, hash);
            rv = v ? 1 : S->exc ? -1 : 0;
        } else {
            rv = set_contains_entry(S, other, key, hash);
        }
        if (rv == 0) rv = set_add_entry(S, result, key, hash);
        else if (rv > 0) rv = 0;
        ob_decref(S, key, HOLD_TEMP);
        if (rv < 0) {
            ob_decref(S, result, HOLD_TEMP);
            return 0;
        }
    }
    return result;
}

static int symmetric_difference_update(Sim *S, Obj so, Obj other)
{
    if (so == other) return set_clear(S, so);
    int64_t pos = 0, hash;
    Obj key, value;
    if (ob_is(S, other, TI_DICT)) {
        while (dict_next_hash(S, other, &pos, &key, &value, &hash)) {
            ob_incref(S, key, HOLD_TEMP);
            int rv = set_discard_entry(S, so, key, hash);
            if (rv == 0) rv = set_add_entry(S, so, key, hash);
            ob_decref(S, key, HOLD_TEMP);
            if (rv < 0) return -1;
        }
        return 0;
    }
    Obj otherset;
    if (set_is_any(S, other)) {
        ob_incref(S, other, HOLD_TEMP);
        otherset = other;
    } else {
        otherset = make_set(S, basetype(S, so), other);
        if (!otherset) return -1;
    }
    int rv = 0;
    while (set_next_entry(S, otherset, &pos, &key, &hash)) {
        ob_incref(S, key, HOLD_TEMP);
        rv = set_discard_entry(S, so, key, hash);
        if (rv == 0) rv = set_add_entry(S, so, key, hash);
        ob_decref(S, key, HOLD_TEMP);
        if (rv < 0) break;
    }
    ob_decref(S, otherset, HOLD_TEMP);
    return rv < 0 ? -1 : 0;
}

static Obj set_symmetric_difference(Sim *S, Obj so, Obj other)
{
    Obj otherset = make_set(S, basetype(S, so), other);
    if (!otherset) return 0;
    if (symmetric_difference_update(S, otherset, so) < 0) {
        ob_decref(S, otherset, HOLD_TEMP);
        return 0;
    }
    return otherset;
}

/* set_issubset: 1, 0, -1. */
static int issubset(Sim *S, Obj so, Obj other)
{
    if (!set_is_any(S, other)) {
        Obj tmp = make_set(S, TI_SET, other);
        if (!tmp) return -1;
        int r = issubset(S, so, tmp);
        ob_decref(S, tmp, HOLD_TEMP);
        return r;
    }
    if (set_len(S, so) > set_len(S, other)) return 0;
    int64_t pos = 0, hash;
    Obj key;
    while (set_next_entry(S, so, &pos, &key, &hash)) {
        ob_incref(S, key, HOLD_TEMP);
        int rv = set_contains_entry(S, other, key, hash);
        ob_decref(S, key, HOLD_TEMP);
        if (rv <= 0) return rv;
    }
    return 1;
}

static int issuperset(Sim *S, Obj so, Obj other)
{
    if (set_is_any(S, other)) return issubset(S, other, so);
    Obj it = rt_iter(S, other);
    if (!it) return -1;
    Obj key;
    int result = 1;
    while ((key = rt_next(S, it))) {
        int rv = set_contains(S, so, key);
        ob_decref(S, key, HOLD_TEMP);
        if (rv <= 0) {
            result = rv;
            break;
        }
    }
    ob_decref(S, it, HOLD_TEMP);
    if (result == 1 && S->exc) return -1;
    return result;
}

static int isdisjoint(Sim *S, Obj so, Obj other)
{
    if (so == other) return set_len(S, so) == 0;
    if (set_is_any(S, other)) {
        if (set_len(S, other) > set_len(S, so)) {
            Obj t = so;
            so = other;
            other = t;
        }
        int64_t pos = 0, hash;
        Obj key;
        while (set_next_entry(S, other, &pos, &key, &hash)) {
            ob_incref(S, key, HOLD_TEMP);
            int rv = set_contains_entry(S, so, key, hash);
            ob_decref(S, key, HOLD_TEMP);
            if (rv < 0) return -1;
            if (rv) return 0;
        }
        return 1;
    }
    Obj it = rt_iter(S, other);
    if (!it) return -1;
    Obj key;
    int result = 1;
    while ((key = rt_next(S, it))) {
        int rv = set_contains(S, so, key);
        ob_decref(S, key, HOLD_TEMP);
        if (rv != 0) {
            result = rv < 0 ? -1 : 0;
            break;
        }
    }
    ob_decref(S, it, HOLD_TEMP);
    if (result == 1 && S->exc) return -1;
    return result;
}

static Obj self_ref(Sim *S, Obj so)
{
    ob_incref(S, so, HOLD_TEMP);
    return so;
}

Obj setop_binop(Sim *S, Obj a, Obj b, int op)
{
    int inplace = op >= 13;
    if (!set_is_any(S, b)) return 0;
    if (!set_is_any(S, a)) return 0;
    /* the in-place forms mutate only a set; a frozenset's fall back */
    if (inplace && !ob_is(S, a, TI_SET)) inplace = 0;
    switch (inplace ? op : op >= 13 ? op - 13 : op) {
    case 1: return set_intersection(S, a, b);
    case 7: {
        Obj result = copy_of(S, a);
        if (!result || a == b) return result;
        if (update_any(S, result, b) < 0) {
            ob_decref(S, result, HOLD_TEMP);
            return 0;
        }
        return result;
    }
    case 10: return set_difference(S, a, b);
    case 12: return set_symmetric_difference(S, a, b);
    case 14: {
        Obj tmp = set_intersection(S, a, b);
        if (!tmp) return 0;
        set_swap_bodies(S, a, tmp);
        ob_decref(S, tmp, HOLD_TEMP);
        return self_ref(S, a);
    }
    case 20: return update_any(S, a, b) < 0 ? 0 : self_ref(S, a);
    case 23: return difference_update(S, a, b) < 0 ? 0 : self_ref(S, a);
    case 25: return symmetric_difference_update(S, a, b) < 0 ? 0 : self_ref(S, a);
    default: return 0;
    }
}

Obj setop_richcompare(Sim *S, Obj v, Obj w, int op)
{
    if (!set_is_any(S, v) || !set_is_any(S, w)) return 0;
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE: {
        if (set_len(S, v) != set_len(S, w)) {
            r = 0;
        } else {
            int64_t hv = (int64_t)ob_get64(S, v, SET_HASH_OFF), hw = (int64_t)ob_get64(S, w, SET_HASH_OFF);
            r = hv != -1 && hw != -1 && hv != hw ? 0 : issubset(S, v, w);
        }
        if (r < 0) return 0;
        return cont_bool(S, op == CMP_EQ ? r : !r);
    }
    case CMP_LE: r = issubset(S, v, w); break;
    case CMP_GE: r = issuperset(S, v, w); break;
    case CMP_LT: r = set_len(S, v) >= set_len(S, w) ? 0 : issubset(S, v, w); break;
    case CMP_GT: r = set_len(S, v) <= set_len(S, w) ? 0 : issuperset(S, v, w); break;
    default: return 0;
    }
    return r < 0 ? 0 : cont_bool(S, r);
}

/* ---- the iterator ---- */

Obj setop_iter(Sim *S, Obj so)
{
    Obj it = ob_alloc(S, TI_SET_ITER, 0);
    if (!it) return 0;
    ob_set64(S, it, SI_SET_OFF, so);
    ob_incref(S, so, HOLD_INTERNAL(it, R_ITER_SEQ));
    ob_set64(S, it, SI_USED_OFF, (uint64_t)set_len(S, so));
    ob_set64(S, it, SI_POS_OFF, 0);
    ob_set64(S, it, SI_LEN_OFF, (uint64_t)set_len(S, so));
    gc_track(S, it);
    return it;
}

Obj setiter_next(Sim *S, Obj it)
{
    Obj so = ob_get64(S, it, SI_SET_OFF);
    if (!so) return 0;
    if ((int64_t)ob_get64(S, it, SI_USED_OFF) != set_len(S, so)) {
        ob_set64(S, it, SI_USED_OFF, UINT64_MAX);
        return exc_set(S, EXC_RuntimeError, "Set changed size during iteration");
    }
    int64_t pos = (int64_t)ob_get64(S, it, SI_POS_OFF);
    Obj key;
    int found = set_next(S, so, &pos, &key);
    ob_set64(S, it, SI_POS_OFF, (uint64_t)pos);
    if (!found) {
        ob_set64(S, it, SI_SET_OFF, 0);
        ob_decref(S, so, HOLD_INTERNAL(it, R_ITER_SEQ));
        return 0;
    }
    ob_set64(S, it, SI_LEN_OFF, ob_get64(S, it, SI_LEN_OFF) - 1);
    ob_incref(S, key, HOLD_TEMP);
    return key;
}

/* ---- methods ---- */

/* The argument tuple CPython builds for a METH_VARARGS method (made and
 * released around the call, as the vectorcall adapter does). */
static Obj argstuple(Sim *S, const char *name, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_no_kwargs(S, name, kwnames)) return 0;
    return tuple_pack(S, nargs, args);
}

static Obj m_add(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "set.add", nargs, kwnames)) return 0;
    return set_add_key(S, self, args[0]) < 0 ? 0 : cont_none(S);
}

static Obj m_remove(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "set.remove", nargs, kwnames)) return 0;
    return set_remove(S, self, args[0]) < 0 ? 0 : cont_none(S);
}

static Obj m_discard(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "set.discard", nargs, kwnames)) return 0;
    return set_discard(S, self, args[0]) < 0 ? 0 : cont_none(S);
}

static Obj m_pop(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "set.pop", nargs, kwnames)) return 0;
    return set_pop(S, self);
}

static Obj m_clear(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "set.clear", nargs, kwnames)) return 0;
    return set_clear(S, self) < 0 ? 0 : cont_none(S);
}

static Obj m_copy(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (ob_is(S, self, TI_FROZENSET)) {
        if (cf_noargs(S, "frozenset.copy", nargs, kwnames)) return 0;
        return self_ref(S, self); /* frozenset_copy */
    }
    if (cf_noargs(S, "set.copy", nargs, kwnames)) return 0;
    return copy_of(S, self);
}

static Obj m_update(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    Obj t = argstuple(S, "set.update", args, nargs, kwnames);
    if (!t) return 0;
    int rc = 0;
    for (int64_t i = 0; i < nargs && rc == 0; i++) rc = update_any(S, self, args[i]);
    ob_decref(S, t, HOLD_TEMP);
    return rc < 0 ? 0 : cont_none(S);
}

static Obj m_union(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    const char *name = ob_is(S, self, TI_FROZENSET) ? "frozenset.union" : "set.union";
    Obj t = argstuple(S, name, args, nargs, kwnames);
    if (!t) return 0;
    Obj result = copy_of(S, self);
    for (int64_t i = 0; result && i < nargs; i++) {
        if (args[i] == self) continue;
        if (update_any(S, result, args[i]) < 0) {
            ob_decref(S, result, HOLD_TEMP);
            result = 0;
        }
    }
    ob_decref(S, t, HOLD_TEMP);
    return result;
}

/* set_intersection_multi: the running result intersected with each. */
static Obj intersection_multi(Sim *S, Obj so, const Obj *args, int64_t nargs)
{
    if (nargs == 0) return copy_of(S, so);
    Obj result = self_ref(S, so);
    for (int64_t i = 0; i < nargs; i++) {
        Obj n = set_intersection(S, result, args[i]);
        ob_decref(S, result, HOLD_TEMP);
        if (!n) return 0;
        result = n;
    }
    return result;
}

static Obj m_intersection(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    const char *name = ob_is(S, self, TI_FROZENSET) ? "frozenset.intersection" : "set.intersection";
    Obj t = argstuple(S, name, args, nargs, kwnames);
    if (!t) return 0;
    Obj r = intersection_multi(S, self, args, nargs);
    ob_decref(S, t, HOLD_TEMP);
    return r;
}

static Obj m_intersection_update(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    Obj t = argstuple(S, "set.intersection_update", args, nargs, kwnames);
    if (!t) return 0;
    Obj tmp = intersection_multi(S, self, args, nargs);
    ob_decref(S, t, HOLD_TEMP);
    if (!tmp) return 0;
    set_swap_bodies(S, self, tmp);
    ob_decref(S, tmp, HOLD_TEMP);
    return cont_none(S);
}

static Obj m_difference(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    const char *name = ob_is(S, self, TI_FROZENSET) ? "frozenset.difference" : "set.difference";
    Obj t = argstuple(S, name, args, nargs, kwnames);
    if (!t) return 0;
    Obj result = nargs == 0 ? copy_of(S, self) : set_difference(S, self, args[0]);
    for (int64_t i = 1; result && i < nargs; i++) {
        if (difference_update(S, result, args[i]) < 0) {
            ob_decref(S, result, HOLD_TEMP);
            result = 0;
        }
    }
    ob_decref(S, t, HOLD_TEMP);
    return result;
}

static Obj m_difference_update(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    Obj t = argstuple(S, "set.difference_update", args, nargs, kwnames);
    if (!t) return 0;
    int rc = 0;
    for (int64_t i = 0; i < nargs && rc == 0; i++) rc = difference_update(S, self, args[i]);
    ob_decref(S, t, HOLD_TEMP);
    return rc < 0 ? 0 : cont_none(S);
}

static Obj m_symmetric_difference(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    const char *name = ob_is(S, self, TI_FROZENSET) ? "frozenset.symmetric_difference"
                                                    : "set.symmetric_difference";
    if (cf_one_arg(S, name, nargs, kwnames)) return 0;
    return set_symmetric_difference(S, self, args[0]);
}

static Obj m_symmetric_difference_update(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "set.symmetric_difference_update", nargs, kwnames)) return 0;
    return symmetric_difference_update(S, self, args[0]) < 0 ? 0 : cont_none(S);
}

static Obj bool_result(Sim *S, int r) { return r < 0 ? 0 : cont_bool(S, r); }

static Obj m_issubset(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, ob_is(S, self, TI_FROZENSET) ? "frozenset.issubset" : "set.issubset", nargs, kwnames))
        return 0;
    return bool_result(S, issubset(S, self, args[0]));
}

static Obj m_issuperset(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, ob_is(S, self, TI_FROZENSET) ? "frozenset.issuperset" : "set.issuperset", nargs,
                   kwnames))
        return 0;
    return bool_result(S, issuperset(S, self, args[0]));
}

static Obj m_isdisjoint(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, ob_is(S, self, TI_FROZENSET) ? "frozenset.isdisjoint" : "set.isdisjoint", nargs,
                   kwnames))
        return 0;
    return bool_result(S, isdisjoint(S, self, args[0]));
}

const CFuncDef cf_set_methods[] = {
    {"add", m_add},
    {"remove", m_remove},
    {"discard", m_discard},
    {"pop", m_pop},
    {"clear", m_clear},
    {"copy", m_copy},
    {"update", m_update},
    {"union", m_union},
    {"intersection", m_intersection},
    {"difference", m_difference},
    {"symmetric_difference", m_symmetric_difference},
    {"intersection_update", m_intersection_update},
    {"difference_update", m_difference_update},
    {"symmetric_difference_update", m_symmetric_difference_update},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
    {NULL, NULL},
};

const CFuncDef cf_frozenset_methods[] = {
    {"copy", m_copy},
    {"union", m_union},
    {"intersection", m_intersection},
    {"difference", m_difference},
    {"symmetric_difference", m_symmetric_difference},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
    {NULL, NULL},
};

/* ---- for the dict views' set operations (dict_methods.c) ---- */

Obj setop_new(Sim *S, Obj iterable) { return make_set(S, TI_SET, iterable); }

int setop_update(Sim *S, Obj so, Obj other) { return update_any(S, so, other); }

Obj setop_call_method(Sim *S, Obj so, const char *name, Obj arg)
{
    /* _PyObject_GetMethod finds the descriptor on the type and calls it
     * unbound: no bound method object, so the method's own convention
     * (a METH_VARARGS one packs arg into a tuple) is all that allocates */
    const CFuncDef *table = ob_is(S, so, TI_FROZENSET) ? cf_frozenset_methods : cf_set_methods;
    for (const CFuncDef *m = table; m->name; m++)
        if (strcmp(m->name, name) == 0) return m->fn(S, so, &arg, 1, 0);
    return exc_set(S, EXC_AttributeError, "'set' object has no attribute '%s'", name);
}

/* ---- constructors ---- */

/* set_vectorcall: make_new_set (PyType_GenericAlloc, tracked), filled. */
Obj cf_new_set(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "set", kwnames)) return 0;
    if (cf_positional(S, "set", nargs, 0, 0, 1)) return 0;
    return make_set(S, TI_SET, nargs ? args[0] : 0);
}

/* frozenset_vectorcall: frozenset(f) of an exact frozenset is f. */
Obj cf_new_frozenset(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "frozenset", kwnames)) return 0;
    if (cf_positional(S, "frozenset", nargs, 0, 0, 1)) return 0;
    if (nargs && ob_is(S, args[0], TI_FROZENSET)) return self_ref(S, args[0]);
    return make_set(S, TI_FROZENSET, nargs ? args[0] : 0);
}
