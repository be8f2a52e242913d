/*
 * list_methods.c -- list and tuple operators, methods and constructors
 * (containers.h), after CPython 3.11's Objects/listobject.c and
 * tupleobject.c.  Also the helpers the container files share.
 *
 * Every reference a list slot gains or loses names its holder
 * (H_LIST_ITEM with the slot index); items that only shift within the
 * array are moved (ob_move) to their new index, so the event stream shows
 * where each reference lives.
 */
#include <stdio.h>
#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/cfunc.h"
#include "runtime/builtins.h"
#include "runtime/containers.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

/* ---- shared helpers ---- */

Obj cont_none(Sim *S)
{
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}

Obj cont_bool(Sim *S, int v)
{
    Obj r = v ? S->true_ : S->false_;
    ob_incref(S, r, HOLD_TEMP);
    return r;
}

static int is_int(const Sim *S, Obj o) { return ob_is(S, o, TI_INT) || ob_is(S, o, TI_BOOL); }

int cont_index(Sim *S, Obj o, int64_t *out)
{
    Obj i = num_index(S, o);
    if (!i) return -1;
    int r = int_as_i64(S, i, out);
    ob_decref(S, i, HOLD_TEMP);
    if (r) { /* PyNumber_AsSsize_t(o, PyExc_OverflowError) */
        exc_clear(S);
        exc_set(S, EXC_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

/* PyNumber_AsSsize_t(o, PyExc_IndexError), what subscripts use. */
static int subscript_index(Sim *S, Obj o, int64_t *out)
{
    Obj i = num_index(S, o);
    if (!i) return -1;
    int r = int_as_i64(S, i, out);
    if (r) {
        char name[64];
        exc_clear(S);
        exc_set(S, EXC_IndexError, "cannot fit '%s' into an index-sized integer",
                ob_type_name(S, i, name, sizeof name));
    }
    ob_decref(S, i, HOLD_TEMP);
    return r ? -1 : 0;
}

/* _PyEval_SliceIndexNotNone: an int clamped to int64 (the start/stop of
 * index()), TypeError otherwise. */
static int slice_index_arg(Sim *S, Obj o, int64_t *out)
{
    if (!is_int(S, o) && !(tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE)) {
        exc_set(S, EXC_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Obj i = num_index(S, o);
    if (!i) {
        if (exc_matches(S, EXC_TypeError)) {
            exc_clear(S);
            exc_set(S, EXC_TypeError, "slice indices must be integers or have an __index__ method");
        }
        return -1;
    }
    if (int_as_i64(S, i, out)) {
        exc_clear(S);
        *out = int_compare(S, i, int_small(S, 0)) < 0 ? INT64_MIN : INT64_MAX;
    }
    ob_decref(S, i, HOLD_TEMP);
    return 0;
}

#define HINT_NONE (-2)             /* the type has no __length_hint__ */
#define HINT_NOT_IMPLEMENTED (-3)  /* it returns NotImplemented */

/* The __length_hint__ of a built-in iterator, or HINT_*; -1 with an
 * exception. */
static int64_t iter_length_hint(Sim *S, Obj o)
{
    switch ((TypeId)tp_index(S, ob_type(S, o))) {
    case TI_LIST_ITER:
    case TI_TUPLE_ITER: {
        Obj seq = ob_get64(S, o, SEQITER_SEQ_OFF);
        if (!seq) return 0;
        int64_t n = ob_size(S, seq) - (int64_t)ob_get64(S, o, SEQITER_INDEX_OFF);
        return n < 0 ? 0 : n;
    }
    case TI_LIST_REVITER: {
        Obj seq = ob_get64(S, o, SEQITER_SEQ_OFF);
        int64_t i = (int64_t)ob_get64(S, o, SEQITER_INDEX_OFF);
        return seq && i < ob_size(S, seq) ? i + 1 : 0;
    }
    case TI_RANGE_ITER: /* rangeiter_len: what is left */
        return (int64_t)(ob_get64(S, o, RANGEITER_START_OFF + 24) - ob_get64(S, o, RANGEITER_START_OFF));
    case TI_SEQ_ITER: { /* iter_len: len(seq) - it_index when seq has __len__ */
        Obj seq = ob_get64(S, o, SEQITER_IT_SEQ_OFF);
        if (!seq) return 0;
        if (!rt_type_lookup_cstr(S, ob_type(S, seq), "__len__")) return HINT_NOT_IMPLEMENTED;
        int64_t n = rt_len(S, seq);
        if (n < 0) return -1;
        n -= (int64_t)ob_get64(S, o, SEQITER_IT_INDEX_OFF);
        return n < 0 ? 0 : n;
    }
    case TI_DICT_KEYITER:
    case TI_DICT_VALUEITER:
    case TI_DICT_ITEMITER:
    case TI_DICT_REVKEYITER:
    case TI_DICT_REVVALUEITER:
    case TI_DICT_REVITEMITER: return dictiter_len(S, o);
    case TI_REVERSED: return reversed_len(S, o);
    case TI_LONGRANGE_ITER: {
        Obj n = longrangeiter_len(S, o);
        if (!n) return -1;
        int64_t v;
        int e = int_as_i64(S, n, &v);
        ob_decref(S, n, HOLD_TEMP);
        return e ? -1 : v;
    }
    case TI_SET_ITER: {
        Obj s = ob_get64(S, o, SI_SET_OFF);
        if (s && (int64_t)ob_get64(S, o, SI_USED_OFF) == (int64_t)ob_get64(S, s, 24))
            return (int64_t)ob_get64(S, o, SI_LEN_OFF);
        return 0;
    }
    default: return HINT_NONE;
    }
}

static Obj m_length_hint(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "__length_hint__", nargs, kwnames)) return 0;
    int64_t n = iter_length_hint(S, self);
    if (n == HINT_NOT_IMPLEMENTED) {
        ob_incref(S, S->not_implemented, HOLD_TEMP);
        return S->not_implemented;
    }
    return n < 0 ? 0 : int_from_i64(S, n);
}

/* What _PyObject_LookupSpecial binds for PyObject_LengthHint. */
const CFuncDef cf_length_hint_hook[] = {{"__length_hint__", m_length_hint}, {NULL, NULL}};

/* Built-in types with sq_length / mp_length (_PyObject_HasLen). */
static int has_builtin_len(TypeId t)
{
    switch (t) {
    case TI_LIST:
    case TI_TUPLE:
    case TI_STR:
    case TI_BYTES:
    case TI_DICT:
    case TI_SET:
    case TI_FROZENSET:
    case TI_RANGE:
    case TI_DICT_KEYS:
    case TI_DICT_VALUES:
    case TI_DICT_ITEMS: return 1;
    default: return 0;
    }
}

/* PyObject_LengthHint: len() of a sized built-in; a built-in iterator's
 * __length_hint__, through a bound builtin method made for the call; a
 * class instance's __len__ or __length_hint__; else deflt. */
int64_t cont_length_hint(Sim *S, Obj o, int64_t deflt)
{
    TypeId t = (TypeId)tp_index(S, ob_type(S, o));
    if (has_builtin_len(t)) return rt_len(S, o);
    if (t != TI_INSTANCE && !(tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE)) {
        if (iter_length_hint(S, o) == HINT_NONE) return deflt;
        Obj r = rt_call_bound(S, cf_length_hint_hook, "__length_hint__", o, NULL, 0, 0);
        if (!r) return -1;
        int64_t n = deflt;
        int bad = r != S->not_implemented && int_as_i64(S, r, &n);
        ob_decref(S, r, HOLD_TEMP);
        return bad ? -1 : n;
    }
    /* a class instance: __len__, then __length_hint__ */
    int found = 0;
    Obj r = rt_call_special(S, o, "__len__", NULL, 0, &found);
    if (!found && !S->exc) r = rt_call_special(S, o, "__length_hint__", NULL, 0, &found);
    if (!found && !S->exc) return deflt;
    if (!r) {
        if (!exc_matches(S, EXC_TypeError)) return -1;
        exc_clear(S);
        return deflt;
    }
    if (r == S->not_implemented) {
        ob_decref(S, r, HOLD_TEMP);
        return deflt;
    }
    int64_t n;
    int bad = !is_int(S, r) || int_as_i64(S, r, &n);
    if (bad && !S->exc) {
        char name[64];
        exc_set(S, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                ob_type_name(S, r, name, sizeof name));
    }
    ob_decref(S, r, HOLD_TEMP);
    if (bad) return -1;
    if (n < 0) {
        exc_set(S, EXC_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

static Obj list_extend_any(Sim *S, Obj l, Obj iterable);

Obj cont_seq_fast(Sim *S, Obj o, const char *msg)
{
    if (ob_is(S, o, TI_LIST) || ob_is(S, o, TI_TUPLE)) {
        ob_incref(S, o, HOLD_TEMP);
        return o;
    }
    /* PySequence_List: a list from PyList_New(0), extended */
    Obj l = list_new(S, 0);
    if (!l) return 0;
    Obj r = list_extend_any(S, l, o);
    if (!r) {
        ob_decref(S, l, HOLD_TEMP);
        if (msg && exc_matches(S, EXC_TypeError)) {
            exc_clear(S);
            exc_set(S, EXC_TypeError, "%s", msg);
        }
        return 0;
    }
    ob_decref(S, r, HOLD_TEMP);
    return l;
}

/* The items of an exact list or tuple: host-side reads. */
static Obj seq_item(const Sim *S, Obj seq, int64_t i)
{
    return ob_is(S, seq, TI_TUPLE) ? tuple_item(S, seq, i) : list_get(S, seq, i);
}

/* ---- list internals ---- */

static Holder slot(Obj l, int64_t i) { return HOLD(H_LIST_ITEM, l, i, 0); }

/* Slot i gains a new reference to v (INCREF then store). */
static void lset_incref(Sim *S, Obj l, int64_t i, Obj v)
{
    ob_incref(S, v, slot(l, i));
    list_put(S, l, i, v);
}

/* memmove of n slots from src to dst, each reference moving holder. */
static void lmove(Sim *S, Obj l, int64_t dst, int64_t src, int64_t n)
{
    if (n <= 0 || dst == src) return;
    if (dst < src) {
        for (int64_t k = 0; k < n; k++) {
            Obj v = list_get(S, l, src + k);
            list_put(S, l, dst + k, v);
            if (v) ob_move(S, v, slot(l, src + k), slot(l, dst + k));
        }
    } else {
        for (int64_t k = n; --k >= 0;) {
            Obj v = list_get(S, l, src + k);
            list_put(S, l, dst + k, v);
            if (v) ob_move(S, v, slot(l, src + k), slot(l, dst + k));
        }
    }
}

/* list_slice: PyList_New(0) for an empty result, else an array of
 * exactly the slice's length.  New reference. */
static Obj list_slice(Sim *S, Obj a, int64_t ilow, int64_t ihigh)
{
    int64_t len = ihigh - ilow;
    if (len <= 0) return list_new(S, 0);
    Obj np = list_new_prealloc(S, len);
    if (!np) return 0;
    for (int64_t i = 0; i < len; i++) lset_incref(S, np, i, list_get(S, a, ilow + i));
    ob_set_size(S, np, len);
    return np;
}

/* list_ass_slice(a, ilow, ihigh, v): v 0 deletes.  The replaced items are
 * saved (on the C stack up to 8, else in a PyMem block) and released
 * last to first after the new ones are in.  0 or -1. */
static int list_ass_slice(Sim *S, Obj a, int64_t ilow, int64_t ihigh, Obj v)
{
    Obj seq = 0;
    int64_t n = 0;
    if (v) {
        if (v == a) { /* a[i:j] = a: assign from a copy */
            Obj copy = list_slice(S, v, 0, list_len(S, v));
            if (!copy) return -1;
            int r = list_ass_slice(S, a, ilow, ihigh, copy);
            ob_decref(S, copy, HOLD_TEMP);
            return r;
        }
        seq = cont_seq_fast(S, v, "can only assign an iterable");
        if (!seq) return -1;
        n = ob_size(S, seq);
    }
    int64_t size = list_len(S, a);
    if (ilow < 0) ilow = 0;
    else if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    int64_t norig = ihigh - ilow, d = n - norig;
    if (size + d == 0) {
        if (seq) ob_decref(S, seq, HOLD_TEMP);
        list_clear_items(S, a);
        return 0;
    }
    /* the recycle array: references move from the slots to TEMP */
    Obj small[8], *recycle = small;
    SimAddr block = 0;
    if (norig > 8) {
        block = pm_malloc(S->heap, 8 * (uint64_t)norig); /* PyMem_Malloc */
        recycle = malloc(sizeof(Obj) * (size_t)norig);
        if (!block || !recycle) {
            if (block) pm_free(S->heap, block);
            free(recycle);
            if (seq) ob_decref(S, seq, HOLD_TEMP);
            exc_no_memory(S);
            return -1;
        }
    }
    for (int64_t k = 0; k < norig; k++) {
        recycle[k] = list_get(S, a, ilow + k);
        ob_move(S, recycle[k], slot(a, ilow + k), HOLD_TEMP);
    }
    int rc = 0;
    if (d < 0) {
        lmove(S, a, ihigh + d, ihigh, size - ihigh);
        list_resize(S, a, size + d);
    } else if (d > 0) {
        if (list_resize(S, a, size + d) < 0) {
            /* put the saved items back: nothing changed */
            for (int64_t k = 0; k < norig; k++) ob_move(S, recycle[k], HOLD_TEMP, slot(a, ilow + k));
            rc = -1;
            goto done;
        }
        lmove(S, a, ihigh + d, ihigh, size - ihigh);
    }
    for (int64_t k = 0; k < n; k++) lset_incref(S, a, ilow + k, seq_item(S, seq, k));
    for (int64_t k = norig - 1; k >= 0; --k) ob_decref(S, recycle[k], HOLD_TEMP);
done:
    if (block) {
        pm_free(S->heap, block);
        free(recycle);
    }
    if (seq) ob_decref(S, seq, HOLD_TEMP);
    return rc;
}

int listop_del_slice(Sim *S, Obj l, int64_t lo, int64_t hi) { return list_ass_slice(S, l, lo, hi, 0); }

/* list_extend: the fast path for an exact list or tuple (or l itself);
 * otherwise an iterator, the length hint (default 8) preallocated, the
 * items appended, the array cut back to the length.  None (new
 * reference). */
static Obj list_extend_any(Sim *S, Obj l, Obj iterable)
{
    if (ob_is(S, iterable, TI_LIST) || ob_is(S, iterable, TI_TUPLE) || iterable == l) {
        if (list_extend(S, l, iterable) < 0) return 0;
        return cont_none(S);
    }
    Obj it = rt_iter(S, iterable);
    if (!it) return 0;
    int64_t n = cont_length_hint(S, iterable, 8);
    if (n < 0) goto error;
    int64_t m = list_len(S, l);
    if (m > INT64_MAX - n) {
        /* ignore the hint */
    } else if (ob_get64(S, l, LIST_ITEMS_OFF) == 0) {
        if (n && list_preallocate_exact(S, l, n) < 0) goto error;
    } else {
        if (list_resize(S, l, m + n) < 0) goto error;
        ob_set_size(S, l, m); /* make the list sane again */
    }
    for (;;) {
        Obj item = rt_next(S, it);
        if (!item) {
            if (S->exc) {
                if (!exc_matches(S, EXC_StopIteration)) goto error;
                exc_clear(S);
            }
            break;
        }
        int64_t k = list_len(S, l);
        if (k < list_allocated(S, l)) {
            list_put(S, l, k, item);
            ob_move(S, item, HOLD_TEMP, slot(l, k));
            ob_set_size(S, l, k + 1);
        } else {
            int r = list_append(S, l, item);
            ob_decref(S, item, HOLD_TEMP);
            if (r < 0) goto error;
        }
    }
    if (list_len(S, l) < list_allocated(S, l) && list_resize(S, l, list_len(S, l)) < 0) goto error;
    ob_decref(S, it, HOLD_TEMP);
    return cont_none(S);
error:
    ob_decref(S, it, HOLD_TEMP);
    return 0;
}

static const char *tname(const Sim *S, Obj o, char *buf, size_t cap) { return ob_type_name(S, o, buf, cap); }

/* ---- list operators ---- */

static int is_list(const Sim *S, Obj o) { return tp_index(S, ob_type(S, o)) == TI_LIST; } /* PyList_Check */

Obj listop_concat(Sim *S, Obj a, Obj b)
{
    if (!is_list(S, b)) {
        char name[64];
        return exc_set(S, EXC_TypeError, "can only concatenate list (not \"%s\") to list",
                       tname(S, b, name, sizeof name));
    }
    int64_t na = list_len(S, a), nb = list_len(S, b), size = na + nb;
    if (size == 0) return list_new(S, 0);
    Obj np = list_new_prealloc(S, size);
    if (!np) return 0;
    for (int64_t i = 0; i < na; i++) lset_incref(S, np, i, list_get(S, a, i));
    for (int64_t i = 0; i < nb; i++) lset_incref(S, np, na + i, list_get(S, b, i));
    ob_set_size(S, np, size);
    return np;
}

Obj listop_repeat(Sim *S, Obj a, int64_t n)
{
    if (n < 0) n = 0;
    int64_t len = list_len(S, a);
    if (n > 0 && len > INT64_MAX / n) return exc_no_memory(S);
    int64_t size = len * n;
    if (size == 0) return list_new(S, 0);
    Obj np = list_new_prealloc(S, size);
    if (!np) return 0;
    int64_t p = 0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < len; j++, p++) lset_incref(S, np, p, list_get(S, a, j));
    ob_set_size(S, np, size);
    return np;
}

static int is_slice(const Sim *S, Obj o) { return ob_is(S, o, TI_SLICE); }

Obj listop_subscript(Sim *S, Obj l, Obj key)
{
    char name[64];
    if (is_int(S, key) || ((tp_flags(S, ob_type(S, key)) & TPF_HEAPTYPE) && !is_slice(S, key))) {
        int64_t i;
        if (subscript_index(S, key, &i) < 0) {
            if (!is_int(S, key) && exc_matches(S, EXC_TypeError)) goto bad_type;
            return 0;
        }
        int64_t n = list_len(S, l);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return exc_set(S, EXC_IndexError, "list index out of range");
        Obj v = list_get(S, l, i);
        ob_incref(S, v, HOLD_TEMP);
        return v;
    }
    if (is_slice(S, key)) {
        int64_t start, stop, step;
        if (slice_indices(S, key, list_len(S, l), &start, &stop, &step) < 0) return 0;
        int64_t len = slice_length(start, stop, step);
        if (len <= 0) return list_new(S, 0);
        if (step == 1) return list_slice(S, l, start, stop);
        Obj np = list_new_prealloc(S, len);
        if (!np) return 0;
        for (int64_t k = 0, cur = start; k < len; k++, cur += step)
            lset_incref(S, np, k, list_get(S, l, cur));
        ob_set_size(S, np, len);
        return np;
    }
bad_type:
    exc_clear(S);
    return exc_set(S, EXC_TypeError, "list indices must be integers or slices, not %s",
                   tname(S, key, name, sizeof name));
}

/* Extended-slice assignment and deletion (list_ass_subscript's step != 1
 * branches).  The references that go are kept in a PyMem "garbage" block
 * until the list is consistent again, then released in slice order. */
static int ass_extended(Sim *S, Obj l, int64_t start, int64_t step, int64_t len, Obj v)
{
    if (!v) {
        if (len <= 0) return 0;
        if (step < 0) {
            start = start + step * (len - 1);
            step = -step;
        }
        SimAddr block = pm_malloc(S->heap, 8 * (uint64_t)len);
        Obj *garbage = malloc(sizeof(Obj) * (size_t)len);
        if (!block || !garbage) {
            if (block) pm_free(S->heap, block);
            free(garbage);
            exc_no_memory(S);
            return -1;
        }
        int64_t size = list_len(S, l), cur = start, i = 0;
        for (; i < len; cur += step, i++) {
            int64_t lim = step - 1;
            garbage[i] = list_get(S, l, cur);
            ob_move(S, garbage[i], slot(l, cur), HOLD_TEMP);
            if (cur + step >= size) lim = size - cur - 1;
            lmove(S, l, cur - i, cur + 1, lim);
        }
        cur = start + len * step;
        if (cur < size) lmove(S, l, cur - len, cur, size - cur);
        list_resize(S, l, size - len);
        for (i = 0; i < len; i++) ob_decref(S, garbage[i], HOLD_TEMP);
        pm_free(S->heap, block);
        free(garbage);
        return 0;
    }
    Obj seq;
    if (v == l) {
        seq = list_slice(S, v, 0, list_len(S, v));
    } else {
        seq = cont_seq_fast(S, v, "must assign iterable to extended slice");
    }
    if (!seq) return -1;
    if (ob_size(S, seq) != len) {
        exc_set(S, EXC_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                (long long)ob_size(S, seq), (long long)len);
        ob_decref(S, seq, HOLD_TEMP);
        return -1;
    }
    if (!len) {
        ob_decref(S, seq, HOLD_TEMP);
        return 0;
    }
    SimAddr block = pm_malloc(S->heap, 8 * (uint64_t)len);
    Obj *garbage = malloc(sizeof(Obj) * (size_t)len);
    if (!block || !garbage) {
        if (block) pm_free(S->heap, block);
        free(garbage);
        ob_decref(S, seq, HOLD_TEMP);
        exc_no_memory(S);
        return -1;
    }
    for (int64_t cur = start, i = 0; i < len; cur += step, i++) {
        garbage[i] = list_get(S, l, cur);
        ob_move(S, garbage[i], slot(l, cur), HOLD_TEMP);
        lset_incref(S, l, cur, seq_item(S, seq, i));
    }
    for (int64_t i = 0; i < len; i++) ob_decref(S, garbage[i], HOLD_TEMP);
    pm_free(S->heap, block);
    free(garbage);
    ob_decref(S, seq, HOLD_TEMP);
    return 0;
}

int listop_ass_subscript(Sim *S, Obj l, Obj key, Obj v)
{
    char name[64];
    if (is_int(S, key) || ((tp_flags(S, ob_type(S, key)) & TPF_HEAPTYPE) && !is_slice(S, key))) {
        int64_t i;
        if (subscript_index(S, key, &i) < 0) {
            if (!is_int(S, key) && exc_matches(S, EXC_TypeError)) goto bad_type;
            return -1;
        }
        int64_t n = list_len(S, l);
        if (i < 0) i += n;
        if (i < 0 || i >= n) {
            exc_set(S, EXC_IndexError, "list assignment index out of range");
            return -1;
        }
        if (!v) return list_ass_slice(S, l, i, i + 1, 0);
        return list_set(S, l, i, v);
    }
    if (is_slice(S, key)) {
        int64_t start, stop, step;
        if (slice_indices(S, key, list_len(S, l), &start, &stop, &step) < 0) return -1;
        if (step == 1) return list_ass_slice(S, l, start, stop, v);
        /* a[5:2] = ... has stop < start: make the length 0, not negative */
        if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
        return ass_extended(S, l, start, step, slice_length(start, stop, step), v);
    }
bad_type:
    exc_clear(S);
    exc_set(S, EXC_TypeError, "list indices must be integers or slices, not %s",
            tname(S, key, name, sizeof name));
    return -1;
}

/* Py_RETURN_RICHCOMPARE on two lengths. */
static Obj compare_sizes(Sim *S, int64_t a, int64_t b, int op)
{
    int r = 0;
    switch (op) {
    case CMP_LT: r = a < b; break;
    case CMP_LE: r = a <= b; break;
    case CMP_EQ: r = a == b; break;
    case CMP_NE: r = a != b; break;
    case CMP_GT: r = a > b; break;
    case CMP_GE: r = a >= b; break;
    }
    return cont_bool(S, r);
}

/* list_richcompare / tuplerichcompare: the first index where the items
 * differ decides.  Lists hold each pair while comparing (an item's __eq__
 * could shrink the list); tuples need not. */
static Obj seq_richcompare(Sim *S, Obj a, Obj b, int op, int tuple)
{
    int64_t na = ob_size(S, a), nb = ob_size(S, b);
    if (!tuple && na != nb && (op == CMP_EQ || op == CMP_NE)) return cont_bool(S, op == CMP_NE);
    int64_t i;
    for (i = 0; i < ob_size(S, a) && i < ob_size(S, b); i++) {
        Obj x = seq_item(S, a, i), y = seq_item(S, b, i);
        if (x == y) continue;
        if (!tuple) {
            ob_incref(S, x, HOLD_TEMP);
            ob_incref(S, y, HOLD_TEMP);
        }
        int k = rt_compare_bool(S, x, y, CMP_EQ);
        if (!tuple) {
            ob_decref(S, x, HOLD_TEMP);
            ob_decref(S, y, HOLD_TEMP);
        }
        if (k < 0) return 0;
        if (!k) break;
    }
    na = ob_size(S, a);
    nb = ob_size(S, b);
    if (i >= na || i >= nb) return compare_sizes(S, na, nb, op);
    if (op == CMP_EQ) return cont_bool(S, 0);
    if (op == CMP_NE) return cont_bool(S, 1);
    return rt_richcompare(S, seq_item(S, a, i), seq_item(S, b, i), op);
}

Obj listop_richcompare(Sim *S, Obj a, Obj b, int op)
{
    if (!is_list(S, a) || !is_list(S, b)) return 0;
    return seq_richcompare(S, a, b, op, 0);
}

Obj listop_inplace_concat(Sim *S, Obj l, Obj iterable)
{
    Obj r = list_extend_any(S, l, iterable);
    if (!r) return 0;
    ob_decref(S, r, HOLD_TEMP);
    ob_incref(S, l, HOLD_TEMP);
    return l;
}

Obj listop_inplace_repeat(Sim *S, Obj l, int64_t n)
{
    int64_t size = list_len(S, l);
    if (size == 0 || n == 1) {
        ob_incref(S, l, HOLD_TEMP);
        return l;
    }
    if (n < 1) {
        list_clear_items(S, l);
        ob_incref(S, l, HOLD_TEMP);
        return l;
    }
    if (size > INT64_MAX / n) return exc_no_memory(S);
    if (list_resize(S, l, size * n) < 0) return 0;
    int64_t p = size;
    for (int64_t i = 1; i < n; i++)
        for (int64_t j = 0; j < size; j++, p++) lset_incref(S, l, p, list_get(S, l, j));
    ob_incref(S, l, HOLD_TEMP);
    return l;
}

int listop_contains(Sim *S, Obj l, Obj v)
{
    int cmp = 0;
    for (int64_t i = 0; cmp == 0 && i < list_len(S, l); i++) {
        Obj item = list_get(S, l, i);
        ob_incref(S, item, HOLD_TEMP);
        cmp = rt_compare_bool(S, item, v, CMP_EQ);
        ob_decref(S, item, HOLD_TEMP);
    }
    return cmp;
}

Obj listop_reversed(Sim *S, Obj l)
{
    Obj it = ob_alloc(S, TI_LIST_REVITER, 0);
    if (!it) return 0;
    ob_set64(S, it, SEQITER_INDEX_OFF, (uint64_t)(list_len(S, l) - 1));
    ob_set64(S, it, SEQITER_SEQ_OFF, l);
    ob_incref(S, l, HOLD_INTERNAL(it, R_ITER_SEQ));
    gc_track(S, it);
    return it;
}

Obj listrev_next(Sim *S, Obj it)
{
    int64_t index = (int64_t)ob_get64(S, it, SEQITER_INDEX_OFF);
    Obj seq = ob_get64(S, it, SEQITER_SEQ_OFF);
    if (index >= 0 && seq && index < list_len(S, seq)) {
        Obj item = list_get(S, seq, index);
        ob_set64(S, it, SEQITER_INDEX_OFF, (uint64_t)(index - 1));
        ob_incref(S, item, HOLD_TEMP);
        return item;
    }
    ob_set64(S, it, SEQITER_INDEX_OFF, (uint64_t)INT64_C(-1));
    if (seq) {
        ob_set64(S, it, SEQITER_SEQ_OFF, 0);
        ob_decref(S, seq, HOLD_INTERNAL(it, R_ITER_SEQ));
    }
    return 0;
}

/* ---- list.sort: CPython's timsort ---- */

/* The sort works on host copies of the item (and key) arrays while the
 * list is emptied, as list_sort_impl does, so that Python code run by a
 * comparison sees an empty list and any mutation is detected. */
typedef struct Sorter {
    Sim *S;
    Obj *keys;   /* what is compared */
    Obj *vals;   /* the items that move with them (== keys without key=) */
    int has_vals;
} Sorter;

#define MIN_MERGE 64
#define MIN_GALLOP 7

/* ISLT: 1, 0, or -1 with an exception. */
static int islt(Sorter *st, Obj x, Obj y) { return rt_compare_bool(st->S, x, y, CMP_LT); }

static void swap_range(Sorter *st, int64_t lo, int64_t hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        Obj t = st->keys[lo];
        st->keys[lo] = st->keys[hi];
        st->keys[hi] = t;
        if (st->has_vals) {
            t = st->vals[lo];
            st->vals[lo] = st->vals[hi];
            st->vals[hi] = t;
        }
    }
}

/* binarysort: [lo, start) is sorted; insert the rest one by one. */
static int binarysort(Sorter *st, int64_t lo, int64_t hi, int64_t start)
{
    if (lo == start) ++start;
    for (; start < hi; ++start) {
        int64_t l = lo, r = start;
        Obj pivot = st->keys[r], pv = st->has_vals ? st->vals[r] : 0;
        do {
            int64_t p = l + ((r - l) >> 1);
            int k = islt(st, pivot, st->keys[p]);
            if (k < 0) return -1;
            if (k) r = p;
            else l = p + 1;
        } while (l < r);
        for (int64_t p = start; p > l; --p) {
            st->keys[p] = st->keys[p - 1];
            if (st->has_vals) st->vals[p] = st->vals[p - 1];
        }
        st->keys[l] = pivot;
        if (st->has_vals) st->vals[l] = pv;
    }
    return 0;
}

/* count_run: the length of the run at lo; *descending for a strictly
 * descending one.  -1 on error. */
static int64_t count_run(Sorter *st, int64_t lo, int64_t hi, int *descending)
{
    *descending = 0;
    int64_t n = 1;
    if (lo + 1 == hi) return 1;
    int k = islt(st, st->keys[lo + 1], st->keys[lo]);
    if (k < 0) return -1;
    n = 2;
    if (k) {
        *descending = 1;
        for (lo = lo + 2; lo < hi; ++lo, ++n) {
            k = islt(st, st->keys[lo], st->keys[lo - 1]);
            if (k < 0) return -1;
            if (!k) break;
        }
    } else {
        for (lo = lo + 2; lo < hi; ++lo, ++n) {
            k = islt(st, st->keys[lo], st->keys[lo - 1]);
            if (k < 0) return -1;
            if (k) break;
        }
    }
    return n;
}

/* gallop_left / gallop_right over keys[a, a+n) with hint. */
static int64_t gallop(Sorter *st, Obj key, const Obj *a, int64_t n, int64_t hint, int right)
{
    int64_t ofs = 1, lastofs = 0, k;
    /* right: key < a[hint] ? ; left: a[hint] < key ? */
    k = right ? islt(st, key, a[hint]) : islt(st, a[hint], key);
    if (k < 0) return -1;
    int go_left = right ? k : !k;
    if (go_left) {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            k = right ? islt(st, key, a[hint - ofs]) : islt(st, a[hint - ofs], key);
            if (k < 0) return -1;
            if (right ? k : !k) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else break;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            k = right ? islt(st, key, a[hint + ofs]) : islt(st, a[hint + ofs], key);
            if (k < 0) return -1;
            if (right ? k : !k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        k = right ? islt(st, key, a[m]) : islt(st, a[m], key);
        if (k < 0) return -1;
        if (right ? k : !k) ofs = m;
        else lastofs = m + 1;
    }
    return ofs;
}

/* Merges the adjacent runs [a, a+na) and [a+na, a+na+nb) (a stable
 * one-at-a-time merge; CPython's galloping mode picks the same result). */
static int merge_runs(Sorter *st, int64_t a, int64_t na, int64_t nb)
{
    int64_t n = na + nb;
    Obj *tk = malloc(sizeof(Obj) * (size_t)n), *tv = st->has_vals ? malloc(sizeof(Obj) * (size_t)n) : 0;
    if (!tk || (st->has_vals && !tv)) {
        free(tk);
        free(tv);
        exc_no_memory(st->S);
        return -1;
    }
    int64_t i = a, j = a + na, ei = a + na, ej = a + n, o = 0;
    int rc = 0;
    while (i < ei && j < ej) {
        int k = islt(st, st->keys[j], st->keys[i]);
        if (k < 0) {
            rc = -1;
            break;
        }
        int64_t from = k ? j++ : i++;
        tk[o] = st->keys[from];
        if (tv) tv[o] = st->vals[from];
        o++;
    }
    while (i < ei) {
        tk[o] = st->keys[i];
        if (tv) tv[o] = st->vals[i];
        o++, i++;
    }
    while (j < ej) {
        tk[o] = st->keys[j];
        if (tv) tv[o] = st->vals[j];
        o++, j++;
    }
    memcpy(st->keys + a, tk, sizeof(Obj) * (size_t)n);
    if (tv) memcpy(st->vals + a, tv, sizeof(Obj) * (size_t)n);
    free(tk);
    free(tv);
    return rc;
}

typedef struct Run {
    int64_t base, len;
    int power;
} Run;

/* merge_at: gallop past what is already in place, then merge. */
static int merge_at(Sorter *st, Run *runs, int64_t *nruns, int64_t i)
{
    int64_t base_a = runs[i].base, na = runs[i].len, base_b = runs[i + 1].base, nb = runs[i + 1].len;
    runs[i].len = na + nb;
    if (i == *nruns - 3) runs[i + 1] = runs[i + 2]; /* with its power */
    --*nruns;
    int64_t k = gallop(st, st->keys[base_b], st->keys + base_a, na, 0, 1);
    if (k < 0) return -1;
    base_a += k;
    na -= k;
    if (na == 0) return 0;
    nb = gallop(st, st->keys[base_a + na - 1], st->keys + base_b, nb, nb - 1, 0);
    if (nb <= 0) return (int)nb;
    return merge_runs(st, base_a, na, nb);
}

/* powerloop: the "power" of the boundary between two adjacent runs
 * (Munro and Wild's powersort, CPython 3.11's merge strategy). */
static int powerloop(int64_t s1, int64_t n1, int64_t n2, int64_t n)
{
    int result = 0;
    int64_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* found_new_run: merge the pending runs whose power exceeds the new
 * boundary's, then record it. */
static int found_new_run(Sorter *st, Run *runs, int64_t *nruns, int64_t n2, int64_t listlen)
{
    if (*nruns) {
        int64_t s1 = runs[*nruns - 1].base, n1 = runs[*nruns - 1].len;
        int power = powerloop(s1, n1, n2, listlen);
        while (*nruns > 1 && runs[*nruns - 2].power > power)
            if (merge_at(st, runs, nruns, *nruns - 2) < 0) return -1;
        runs[*nruns - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(Sorter *st, Run *runs, int64_t *nruns)
{
    while (*nruns > 1) {
        int64_t n = *nruns - 2;
        if (n > 0 && runs[n - 1].len < runs[n + 1].len) --n;
        if (merge_at(st, runs, nruns, n) < 0) return -1;
    }
    return 0;
}

static int64_t merge_compute_minrun(int64_t n)
{
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int timsort(Sorter *st, int64_t n)
{
    if (n < 2) return 0;
    Run runs[90];
    int64_t nruns = 0, lo = 0, nremaining = n, minrun = merge_compute_minrun(n);
    do {
        int descending;
        int64_t len = count_run(st, lo, lo + nremaining, &descending);
        if (len < 0) return -1;
        if (descending) swap_range(st, lo, lo + len);
        if (len < minrun) {
            int64_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(st, lo, lo + force, lo + len) < 0) return -1;
            len = force;
        }
        if (found_new_run(st, runs, &nruns, len, n) < 0) return -1;
        runs[nruns].base = lo;
        runs[nruns].len = len;
        runs[nruns].power = 0;
        nruns++;
        lo += len;
        nremaining -= len;
    } while (nremaining);
    return merge_force_collapse(st, runs, &nruns);
}

Obj listop_sort(Sim *S, Obj self, Obj keyfunc, int reverse)
{
    if (keyfunc == S->none) keyfunc = 0;
    /* the list is emptied meanwhile; its array is kept on the side */
    int64_t n = list_len(S, self), allocated = list_allocated(S, self);
    SimAddr saved = ob_get64(S, self, LIST_ITEMS_OFF);
    Obj *items = malloc(sizeof(Obj) * (size_t)(n ? n : 1));
    Obj *keys = 0;
    SimAddr keys_block = 0;
    if (!items) return exc_no_memory(S);
    for (int64_t i = 0; i < n; i++) items[i] = list_get(S, self, i);
    ob_set_size(S, self, 0);
    ob_set64(S, self, LIST_ITEMS_OFF, 0);
    ob_set64(S, self, LIST_ALLOCATED_OFF, UINT64_MAX); /* -1: "not modified" */
    int rc = 0;
    int64_t nkeys = 0;
    if (keyfunc) {
        /* the keys live in the merge state's temp array below 128 items,
         * else in a PyMem block */
        if (n >= 128) keys_block = pm_malloc(S->heap, 8 * (uint64_t)n);
        keys = malloc(sizeof(Obj) * (size_t)(n ? n : 1));
        if (!keys || (n >= 128 && !keys_block)) {
            exc_no_memory(S);
            rc = -1;
            goto keyfunc_fail;
        }
        for (; nkeys < n; nkeys++) {
            keys[nkeys] = rt_call(S, keyfunc, &items[nkeys], 1, 0);
            if (!keys[nkeys]) {
                rc = -1;
                goto keyfunc_fail;
            }
        }
    }
    Sorter st = {S, keys ? keys : items, items, keys != 0};
    if (reverse && n > 1) swap_range(&st, 0, n);
    rc = timsort(&st, n);
    if (reverse && n > 1) swap_range(&st, 0, n);
keyfunc_fail:
    /* keys released in order after a sort, last to first after a failed
     * key call, as list_sort_impl does */
    if (nkeys == n) {
        for (int64_t i = 0; i < nkeys; i++) ob_decref(S, keys[i], HOLD_TEMP);
    } else {
        for (int64_t i = nkeys; --i >= 0;) ob_decref(S, keys[i], HOLD_TEMP);
    }
    if (keys_block) pm_free(S->heap, keys_block);
    free(keys);
    {
        int modified = ob_get64(S, self, LIST_ALLOCATED_OFF) != UINT64_MAX;
        if (modified && rc == 0) {
            exc_set(S, EXC_ValueError, "list modified during sort");
            rc = -1;
        }
        /* what Python code put in the list meanwhile goes */
        SimAddr final_items = ob_get64(S, self, LIST_ITEMS_OFF);
        int64_t final_n = list_len(S, self);
        Obj *final = 0;
        if (final_items) {
            final = malloc(sizeof(Obj) * (size_t)(final_n ? final_n : 1));
            for (int64_t i = 0; i < final_n; i++) {
                final[i] = list_get(S, self, i);
                if (final[i]) ob_move(S, final[i], slot(self, i), HOLD_TEMP);
            }
        }
        ob_set64(S, self, LIST_ITEMS_OFF, saved);
        ob_set_size(S, self, n);
        ob_set64(S, self, LIST_ALLOCATED_OFF, (uint64_t)allocated);
        for (int64_t i = 0; i < n; i++) list_put(S, self, i, items[i]);
        if (final_items) {
            for (int64_t i = final_n; --i >= 0;)
                if (final && final[i]) ob_decref(S, final[i], HOLD_TEMP);
            pm_free(S->heap, final_items);
            free(final);
        }
    }
    free(items);
    return rc < 0 ? 0 : cont_none(S);
}

/* ---- tuple operators ---- */

Obj tupleop_concat(Sim *S, Obj a, Obj b)
{
    if (!ob_is(S, b, TI_TUPLE)) {
        char name[64];
        return exc_set(S, EXC_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                       tname(S, b, name, sizeof name));
    }
    int64_t na = ob_size(S, a), nb = ob_size(S, b);
    if (nb == 0 && ob_is(S, a, TI_TUPLE)) {
        ob_incref(S, a, HOLD_TEMP);
        return a;
    }
    if (na == 0 && ob_is(S, b, TI_TUPLE)) {
        ob_incref(S, b, HOLD_TEMP);
        return b;
    }
    Obj np = tuple_new(S, na + nb);
    if (!np) return 0;
    for (int64_t i = 0; i < na; i++) {
        Obj v = tuple_item(S, a, i);
        ob_incref(S, v, HOLD(H_TUPLE_ITEM, np, i, 0));
        ob_set64(S, np, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, v);
    }
    for (int64_t i = 0; i < nb; i++) {
        Obj v = tuple_item(S, b, i);
        ob_incref(S, v, HOLD(H_TUPLE_ITEM, np, na + i, 0));
        ob_set64(S, np, TUPLE_ITEMS_OFF + 8 * (uint32_t)(na + i), v);
    }
    return np;
}

/* A new tuple of items[0..n) of `src` starting at `start` by `step`. */
static Obj tuple_from_range(Sim *S, Obj src, int64_t start, int64_t step, int64_t n)
{
    Obj np = tuple_new(S, n);
    if (!np) return 0;
    for (int64_t i = 0, cur = start; i < n; i++, cur += step) {
        Obj v = tuple_item(S, src, cur);
        ob_incref(S, v, HOLD(H_TUPLE_ITEM, np, i, 0));
        ob_set64(S, np, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, v);
    }
    return np;
}

Obj tupleop_repeat(Sim *S, Obj a, int64_t n)
{
    int64_t len = ob_size(S, a);
    if (len == 0 || n == 1) {
        if (ob_is(S, a, TI_TUPLE)) {
            ob_incref(S, a, HOLD_TEMP);
            return a;
        }
        if (len == 0) return tuple_new(S, 0);
    }
    if (n <= 0) return tuple_new(S, 0);
    if (len > INT64_MAX / n) return exc_no_memory(S);
    Obj np = tuple_new(S, len * n);
    if (!np) return 0;
    int64_t p = 0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < len; j++, p++) {
            Obj v = tuple_item(S, a, j);
            ob_incref(S, v, HOLD(H_TUPLE_ITEM, np, p, 0));
            ob_set64(S, np, TUPLE_ITEMS_OFF + 8 * (uint32_t)p, v);
        }
    return np;
}

Obj tupleop_subscript(Sim *S, Obj t, Obj key)
{
    char name[64];
    if (is_int(S, key) || ((tp_flags(S, ob_type(S, key)) & TPF_HEAPTYPE) && !is_slice(S, key))) {
        int64_t i;
        if (subscript_index(S, key, &i) < 0) {
            if (!is_int(S, key) && exc_matches(S, EXC_TypeError)) goto bad_type;
            return 0;
        }
        int64_t n = ob_size(S, t);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return exc_set(S, EXC_IndexError, "tuple index out of range");
        Obj v = tuple_item(S, t, i);
        ob_incref(S, v, HOLD_TEMP);
        return v;
    }
    if (is_slice(S, key)) {
        int64_t start, stop, step;
        if (slice_indices(S, key, ob_size(S, t), &start, &stop, &step) < 0) return 0;
        int64_t len = slice_length(start, stop, step);
        if (len <= 0) return tuple_new(S, 0);
        if (start == 0 && step == 1 && len == ob_size(S, t) && ob_is(S, t, TI_TUPLE)) {
            ob_incref(S, t, HOLD_TEMP);
            return t;
        }
        return tuple_from_range(S, t, start, step, len);
    }
bad_type:
    exc_clear(S);
    return exc_set(S, EXC_TypeError, "tuple indices must be integers or slices, not %s",
                   tname(S, key, name, sizeof name));
}

Obj tupleop_richcompare(Sim *S, Obj a, Obj b, int op)
{
    if (!ob_is(S, a, TI_TUPLE) || !ob_is(S, b, TI_TUPLE)) return 0;
    return seq_richcompare(S, a, b, op, 1);
}

int tupleop_contains(Sim *S, Obj t, Obj v)
{
    int cmp = 0;
    for (int64_t i = 0; cmp == 0 && i < ob_size(S, t); i++)
        cmp = rt_compare_bool(S, tuple_item(S, t, i), v, CMP_EQ);
    return cmp;
}

/* ---- list methods ---- */

static Obj m_list_append(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "list.append", nargs, kwnames)) return 0;
    if (list_append(S, self, args[0]) < 0) return 0;
    return cont_none(S);
}

static Obj m_list_extend(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "list.extend", nargs, kwnames)) return 0;
    return list_extend_any(S, self, args[0]);
}

static Obj m_list_insert(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "insert", nargs, kwnames, 2, 2)) return 0;
    int64_t where;
    if (cont_index(S, args[0], &where) < 0) return 0;
    int64_t n = list_len(S, self);
    if (list_resize(S, self, n + 1) < 0) return 0;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    lmove(S, self, where + 1, where, n - where);
    lset_incref(S, self, where, args[1]);
    return cont_none(S);
}

static Obj m_list_pop(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "pop", nargs, kwnames, 0, 1)) return 0;
    int64_t index = -1;
    if (nargs && cont_index(S, args[0], &index) < 0) return 0;
    int64_t n = list_len(S, self);
    if (n == 0) return exc_set(S, EXC_IndexError, "pop from empty list");
    if (index < 0) index += n;
    if (index < 0 || index >= n) return exc_set(S, EXC_IndexError, "pop index out of range");
    Obj v = list_get(S, self, index);
    if (index == n - 1) { /* the list's reference becomes the result */
        ob_move(S, v, slot(self, index), HOLD_TEMP);
        if (list_resize(S, self, n - 1) < 0) {
            ob_move(S, v, HOLD_TEMP, slot(self, index));
            return 0;
        }
        return v;
    }
    ob_incref(S, v, HOLD_TEMP);
    if (list_ass_slice(S, self, index, index + 1, 0) < 0) {
        ob_decref(S, v, HOLD_TEMP);
        return 0;
    }
    return v;
}

static Obj m_list_remove(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "list.remove", nargs, kwnames)) return 0;
    for (int64_t i = 0; i < list_len(S, self); i++) {
        Obj obj = list_get(S, self, i);
        ob_incref(S, obj, HOLD_TEMP);
        int cmp = rt_compare_bool(S, obj, args[0], CMP_EQ);
        ob_decref(S, obj, HOLD_TEMP);
        if (cmp > 0) return list_ass_slice(S, self, i, i + 1, 0) == 0 ? cont_none(S) : 0;
        if (cmp < 0) return 0;
    }
    return exc_set(S, EXC_ValueError, "list.remove(x): x not in list");
}

/* index()'s optional start and stop (sys.maxsize by default). */
static int index_bounds(Sim *S, const Obj *args, int64_t nargs, int64_t *start, int64_t *stop)
{
    *start = 0;
    *stop = INT64_MAX;
    if (nargs > 1 && slice_index_arg(S, args[1], start) < 0) return -1;
    if (nargs > 2 && slice_index_arg(S, args[2], stop) < 0) return -1;
    return 0;
}

static Obj m_list_index(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "index", nargs, kwnames, 1, 3)) return 0;
    int64_t start, stop, n = list_len(S, self);
    if (index_bounds(S, args, nargs, &start, &stop) < 0) return 0;
    if (start < 0) {
        start += n;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += n;
        if (stop < 0) stop = 0;
    }
    for (int64_t i = start; i < stop && i < list_len(S, self); i++) {
        Obj obj = list_get(S, self, i);
        ob_incref(S, obj, HOLD_TEMP);
        int cmp = rt_compare_bool(S, obj, args[0], CMP_EQ);
        ob_decref(S, obj, HOLD_TEMP);
        if (cmp > 0) return int_from_i64(S, i);
        if (cmp < 0) return 0;
    }
    /* "%R is not in list" */
    Obj r = rt_repr(S, args[0]);
    if (!r) return 0;
    int64_t len = str_len(S, r);
    size_t cap = (size_t)len * 4 + 1;
    char *buf = malloc(cap);
    if (!buf) {
        ob_decref(S, r, HOLD_TEMP);
        return exc_no_memory(S);
    }
    str_to_utf8(S, r, buf, cap);
    ob_decref(S, r, HOLD_TEMP);
    exc_set(S, EXC_ValueError, "%s is not in list", buf);
    free(buf);
    return 0;
}

static Obj m_list_count(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "list.count", nargs, kwnames)) return 0;
    int64_t count = 0;
    for (int64_t i = 0; i < list_len(S, self); i++) {
        Obj obj = list_get(S, self, i);
        if (obj == args[0]) {
            count++;
            continue;
        }
        ob_incref(S, obj, HOLD_TEMP);
        int cmp = rt_compare_bool(S, obj, args[0], CMP_EQ);
        ob_decref(S, obj, HOLD_TEMP);
        if (cmp > 0) count++;
        else if (cmp < 0) return 0;
    }
    return int_from_i64(S, count);
}

static Obj m_list_clear(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "list.clear", nargs, kwnames)) return 0;
    list_clear_items(S, self);
    return cont_none(S);
}

static Obj m_list_copy(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "list.copy", nargs, kwnames)) return 0;
    return list_slice(S, self, 0, list_len(S, self));
}

static Obj m_list_reverse(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "list.reverse", nargs, kwnames)) return 0;
    for (int64_t lo = 0, hi = list_len(S, self) - 1; lo < hi; lo++, hi--) {
        Obj a = list_get(S, self, lo), b = list_get(S, self, hi);
        list_put(S, self, lo, b);
        list_put(S, self, hi, a);
        ob_move(S, a, slot(self, lo), slot(self, hi));
        ob_move(S, b, slot(self, hi), slot(self, lo));
    }
    return cont_none(S);
}

/* sort(*, key=None, reverse=False) */
static Obj m_list_sort(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (nargs) return exc_set(S, EXC_TypeError, "sort() takes no positional arguments");
    static const char *const keywords[] = {"key", "reverse", NULL};
    if (kwnames && ob_size(S, kwnames) && cf_parser_init(S, KWT_LIST_SORT, keywords) < 0) return 0;
    Obj key = 0;
    int reverse = 0;
    int64_t nkw = kwnames ? ob_size(S, kwnames) : 0;
    for (int64_t i = 0; i < nkw; i++) {
        char kw[64];
        str_to_utf8(S, tuple_item(S, kwnames, i), kw, sizeof kw);
        Obj v = args[nargs + i];
        if (!strcmp(kw, "key")) {
            key = v;
        } else if (!strcmp(kw, "reverse")) {
            /* _PyLong_AsInt: an int (or __index__), no bool() of others */
            int64_t r;
            if (ob_is(S, v, TI_FLOAT))
                return exc_set(S, EXC_TypeError, "'float' object cannot be interpreted as an integer");
            if (cont_index(S, v, &r) < 0) {
                if (exc_matches(S, EXC_OverflowError)) {
                    exc_clear(S);
                    exc_set(S, EXC_OverflowError, "Python int too large to convert to C int");
                }
                return 0;
            }
            if (r > INT32_MAX || r < INT32_MIN)
                return exc_set(S, EXC_OverflowError, "Python int too large to convert to C int");
            reverse = r != 0;
        } else {
            return exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for sort()", kw);
        }
    }
    return listop_sort(S, self, key, reverse);
}

/* The slots as methods (list.__len__, super().__getitem__(i), ...): list's
 * own behaviour, whatever a subclass overrides. */
static Obj m_list_len(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "__len__", nargs, kwnames)) return 0;
    return int_from_i64(S, list_len(S, self));
}

static Obj m_list_getitem(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "__getitem__", nargs, kwnames)) return 0;
    return listop_subscript(S, self, args[0]);
}

static Obj m_list_setitem(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "__setitem__", nargs, kwnames, 2, 2)) return 0;
    return listop_ass_subscript(S, self, args[0], args[1]) < 0 ? 0 : cont_none(S);
}

static Obj m_list_delitem(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "__delitem__", nargs, kwnames)) return 0;
    return listop_ass_subscript(S, self, args[0], 0) < 0 ? 0 : cont_none(S);
}

static Obj m_list_contains(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "__contains__", nargs, kwnames)) return 0;
    int r = listop_contains(S, self, args[0]);
    return r < 0 ? 0 : cont_bool(S, r);
}

static Obj m_list_iter(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "__iter__", nargs, kwnames)) return 0;
    return seqiter_new(S, self);
}

static Obj m_list_reversed(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "__reversed__", nargs, kwnames)) return 0;
    return listop_reversed(S, self);
}

static Obj m_list_repr(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "__repr__", nargs, kwnames)) return 0;
    return rt_repr_builtin(S, self);
}

static Obj m_list_add(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "__add__", nargs, kwnames)) return 0;
    return listop_concat(S, self, args[0]);
}

static Obj list_cmp(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames, const char *name, int op)
{
    if (cf_one_arg(S, name, nargs, kwnames)) return 0;
    Obj r = listop_richcompare(S, self, args[0], op);
    if (r || S->exc) return r;
    ob_incref(S, S->not_implemented, HOLD_TEMP);
    return S->not_implemented;
}

static Obj m_list_eq(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return list_cmp(S, self, args, nargs, kwnames, "__eq__", CMP_EQ);
}

static Obj m_list_ne(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return list_cmp(S, self, args, nargs, kwnames, "__ne__", CMP_NE);
}

static Obj m_list_lt(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return list_cmp(S, self, args, nargs, kwnames, "__lt__", CMP_LT);
}

const CFuncDef cf_list_methods[] = {
    {"append", m_list_append},   {"extend", m_list_extend}, {"insert", m_list_insert},
    {"pop", m_list_pop},         {"remove", m_list_remove}, {"index", m_list_index},
    {"count", m_list_count},     {"clear", m_list_clear},   {"copy", m_list_copy},
    {"reverse", m_list_reverse}, {"sort", m_list_sort},     {"__init__", cf_list_init},
    {"__len__", m_list_len},     {"__getitem__", m_list_getitem}, {"__setitem__", m_list_setitem},
    {"__delitem__", m_list_delitem}, {"__contains__", m_list_contains}, {"__iter__", m_list_iter},
    {"__reversed__", m_list_reversed}, {"__repr__", m_list_repr}, {"__add__", m_list_add},
    {"__eq__", m_list_eq},       {"__ne__", m_list_ne},     {"__lt__", m_list_lt},
    {NULL, NULL},
};

/* ---- tuple methods ---- */

static Obj m_tuple_index(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "index", nargs, kwnames, 1, 3)) return 0;
    int64_t start, stop, n = ob_size(S, self);
    if (index_bounds(S, args, nargs, &start, &stop) < 0) return 0;
    if (start < 0) {
        start += n;
        if (start < 0) start = 0;
    }
    if (stop < 0) stop += n;
    else if (stop > n) stop = n;
    for (int64_t i = start; i < stop; i++) {
        int cmp = rt_compare_bool(S, tuple_item(S, self, i), args[0], CMP_EQ);
        if (cmp > 0) return int_from_i64(S, i);
        if (cmp < 0) return 0;
    }
    return exc_set(S, EXC_ValueError, "tuple.index(x): x not in tuple");
}

static Obj m_tuple_count(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "tuple.count", nargs, kwnames)) return 0;
    int64_t count = 0;
    for (int64_t i = 0; i < ob_size(S, self); i++) {
        int cmp = rt_compare_bool(S, tuple_item(S, self, i), args[0], CMP_EQ);
        if (cmp > 0) count++;
        else if (cmp < 0) return 0;
    }
    return int_from_i64(S, count);
}

const CFuncDef cf_tuple_methods[] = {
    {"index", m_tuple_index},
    {"count", m_tuple_count},
    {NULL, NULL},
};

/* ---- constructors ---- */

static int list_init(Sim *S, Obj l, Obj iterable);

/* list_vectorcall: PyType_GenericAlloc, then list___init__. */
Obj cf_new_list(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "list", kwnames)) return 0;
    if (cf_positional(S, "list", nargs, 0, 0, 1)) return 0;
    Obj l = list_new_generic(S);
    if (!l || !nargs) return l;
    /* the iterable may run Python code (a generator): the list under
     * construction is a root meanwhile */
    vm_temp_push(S, l);
    int r = list_init(S, l, args[0]);
    vm_temp_pop(S);
    if (r < 0) {
        ob_decref(S, l, HOLD_TEMP);
        return 0;
    }
    return l;
}

/* PySequence_List: PyList_New(0), from the free list, then list_extend
 * (no exact preallocation for a sized iterable, unlike list()). */
Obj rt_list_from(Sim *S, Obj iterable)
{
    Obj l = list_new(S, 0);
    if (!l) return 0;
    vm_temp_push(S, l);   /* the iterable may run Python code */
    Obj r = list_extend_any(S, l, iterable);
    vm_temp_pop(S);
    if (!r) {
        ob_decref(S, l, HOLD_TEMP);
        return 0;
    }
    ob_decref(S, r, HOLD_TEMP);
    return l;
}

/* list.__init__(self, iterable=()) -- what a list subclass's instances
 * get from type_call when the class does not define __init__; self is
 * borrowed (the caller keeps it a root while Python code may run). */
Obj cf_list_init(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_no_kwargs(S, "list", kwnames)) return 0;
    if (cf_positional(S, "list", nargs, 0, 0, 1)) return 0;
    if (list_init(S, self, nargs ? args[0] : 0) < 0) return 0;
    return cont_none(S);
}

/* list___init___impl: the old items cleared; a sized iterable's length
 * preallocated exactly (rounded up to even) when there is no array, then
 * list_extend.  0 or -1. */
static int list_init(Sim *S, Obj l, Obj iterable)
{
    if (ob_get64(S, l, LIST_ITEMS_OFF)) list_clear_items(S, l);
    if (!iterable) return 0;
    int has_len = has_builtin_len((TypeId)tp_index(S, ob_type(S, iterable))) ||
                  (tp_flags(S, ob_type(S, iterable)) & TPF_HEAPTYPE) != 0;
    if (has_len) {
        int64_t n = -1;
        if (tp_flags(S, ob_type(S, iterable)) & TPF_HEAPTYPE) {
            int found = 0;
            Obj r = rt_call_special(S, iterable, "__len__", NULL, 0, &found);
            if (found && r) {
                if (!is_int(S, r) || int_as_i64(S, r, &n)) {
                    exc_clear(S);
                    n = -1;
                }
                ob_decref(S, r, HOLD_TEMP);
            } else if (S->exc) {
                if (!exc_matches(S, EXC_TypeError)) return -1;
                exc_clear(S);
            }
        } else {
            n = rt_len(S, iterable);
            if (n < 0) {
                if (!exc_matches(S, EXC_TypeError)) return -1;
                exc_clear(S);
            }
        }
        if (n > 0 && !ob_get64(S, l, LIST_ITEMS_OFF) && list_preallocate_exact(S, l, n) < 0) return -1;
    }
    Obj r = list_extend_any(S, l, iterable);
    if (!r) return -1;
    ob_decref(S, r, HOLD_TEMP);
    return 0;
}

/* _PyTuple_Resize of a tuple only the caller holds: items past newsize
 * released, the block reallocated (it may move), tracked again. */
static int tuple_resize(Sim *S, Obj *pt, int64_t newsize)
{
    Obj t = *pt;
    int64_t oldsize = ob_size(S, t);
    if (oldsize == newsize) return 0;
    if (newsize == 0) {
        ob_decref(S, t, HOLD_TEMP);
        *pt = tuple_new(S, 0);
        return 0;
    }
    if (oldsize == 0) {
        ob_decref(S, t, HOLD_TEMP);
        *pt = tuple_new(S, newsize);
        return *pt ? 0 : -1;
    }
    if (gc_is_tracked(S, t)) gc_untrack(S, t);
    for (int64_t i = newsize; i < oldsize; i++) {
        Obj v = tuple_item(S, t, i);
        if (v) {
            ob_set64(S, t, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, 0);
            ob_decref(S, v, HOLD(H_TUPLE_ITEM, t, i, 0));
        }
    }
    uint64_t size = (24 + 8 * (uint64_t)newsize + 7) & ~UINT64_C(7);
    SimAddr mem = pm_realloc(S->heap, t - GC_HEAD_SIZE, GC_HEAD_SIZE + size);
    if (!mem) {
        gc_track(S, t);
        exc_no_memory(S);
        return -1;
    }
    Obj nt = mem + GC_HEAD_SIZE;
    if (nt != t) {
        objmap_unmark(S, t);
        objmap_mark(S, nt);
        for (int64_t i = 0; i < newsize && i < oldsize; i++) {
            Obj v = tuple_item(S, nt, i);
            if (v) ob_move(S, v, HOLD(H_TUPLE_ITEM, t, i, 0), HOLD(H_TUPLE_ITEM, nt, i, 0));
        }
    }
    ob_set_size(S, nt, newsize);
    if (newsize > oldsize)
        memset((char *)ob_ptr(S, nt) + TUPLE_ITEMS_OFF + 8 * oldsize, 0, 8 * (size_t)(newsize - oldsize));
    ob_set64(S, nt - GC_HEAD_SIZE, 0, 0);
    gc_track(S, nt);
    *pt = nt;
    return 0;
}

/* PyList_AsTuple: a tuple of exactly the list's length.  New reference. */
static Obj tuple_from_list(Sim *S, Obj l)
{
    int64_t n = list_len(S, l);
    Obj t = tuple_new(S, n);
    if (!t) return 0;
    for (int64_t i = 0; i < n; i++) {
        Obj v = list_get(S, l, i);
        ob_incref(S, v, HOLD(H_TUPLE_ITEM, t, i, 0));
        ob_set64(S, t, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, v);
    }
    return t;
}

/* PySequence_Tuple. */
static Obj sequence_tuple(Sim *S, Obj v)
{
    if (ob_is(S, v, TI_TUPLE)) {
        ob_incref(S, v, HOLD_TEMP);
        return v;
    }
    if (ob_is(S, v, TI_LIST)) return tuple_from_list(S, v);
    Obj it = rt_iter(S, v);
    if (!it) return 0;
    int64_t n = cont_length_hint(S, v, 10);
    if (n < 0) {
        ob_decref(S, it, HOLD_TEMP);
        return 0;
    }
    Obj result = tuple_new(S, n);
    if (!result) {
        ob_decref(S, it, HOLD_TEMP);
        return 0;
    }
    int64_t j;
    for (j = 0;; ++j) {
        Obj item = rt_next(S, it);
        if (!item) {
            if (S->exc) {
                if (!exc_matches(S, EXC_StopIteration)) goto fail;
                exc_clear(S);
            }
            break;
        }
        if (j >= n) {
            uint64_t newn = (uint64_t)n + 10u;
            newn += newn >> 2;
            n = (int64_t)newn;
            if (tuple_resize(S, &result, n) != 0) {
                ob_decref(S, item, HOLD_TEMP);
                result = 0;
                goto fail;
            }
        }
        tuple_set_item(S, result, j, item);
    }
    if (j < n && tuple_resize(S, &result, j) != 0) {
        result = 0;
        goto fail;
    }
    ob_decref(S, it, HOLD_TEMP);
    return result;
fail:
    if (result) ob_decref(S, result, HOLD_TEMP);
    ob_decref(S, it, HOLD_TEMP);
    return 0;
}

Obj cf_new_tuple(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "tuple", kwnames)) return 0;
    if (cf_positional(S, "tuple", nargs, 0, 0, 1)) return 0;
    if (!nargs) return tuple_new(S, 0);
    return sequence_tuple(S, args[0]);
}
