/* misc.c -- see misc.h. */
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* ---- modules ---- */

Obj module_new(Sim *S, Obj name)
{
    Obj m = ob_alloc(S, TI_MODULE, 0);
    if (!m) return 0;
    Obj d = dict_new(S);
    if (!d) {
        ob_decref(S, m, HOLD_TEMP);
        return 0;
    }
    ob_set_field(S, m, MODULE_DICT_OFF, R_MODULE_DICT, d);
    static const char *const keys[] = {"__name__", "__doc__", "__package__", "__loader__",
                                       "__spec__"};
    for (size_t i = 0; i < N_FIELDS(keys); i++) {
        Obj k = str_from_cstr(S, keys[i]);
        if (!k) goto fail;
        str_intern(S, &k);
        int r = dict_setitem(S, d, k, i == 0 ? name : S->none);
        ob_decref(S, k, HOLD_TEMP);
        if (r != 0) goto fail;
    }
    ob_set64(S, m, MODULE_NAME_OFF, name);
    ob_incref(S, name, HOLD_INTERNAL(m, R_MODULE_NAME));
    gc_track(S, m);
    return m;
fail:
    ob_decref(S, m, HOLD_TEMP);
    return 0;
}

/* module_dealloc's order: md_dict, then md_name. */
static const ObField module_fields[] = {{MODULE_DICT_OFF, R_MODULE_DICT},
                                        {MODULE_NAME_OFF, R_MODULE_NAME}};

void module_dealloc(Sim *S, Obj m)
{
    ob_clear_fields(S, m, module_fields, N_FIELDS(module_fields));
    ob_free_object(S, m);
}

void module_referents(Sim *S, Obj m, RefVisit visit, void *ud)
{
    ob_visit_fields(S, m, module_fields, N_FIELDS(module_fields), visit, ud);
}

/* ---- range ---- */

static const ObField range_fields[] = {
    {RANGE_START_OFF, R_RANGE_FIELD}, {RANGE_STOP_OFF, R_RANGE_FIELD},
    {RANGE_STEP_OFF, R_RANGE_FIELD},  {RANGE_LENGTH_OFF, R_RANGE_FIELD},
};

Obj range_new(Sim *S, Obj start, Obj stop, Obj step)
{
    int64_t a, b, c;
    if (int_as_i64(S, start, &a) || int_as_i64(S, stop, &b) || int_as_i64(S, step, &c)) return 0;
    if (c == 0) return exc_set(S, EXC_ValueError, "range() arg 3 must not be zero");
    int64_t len = 0;
    if (c > 0 && a < b) len = (int64_t)(((uint64_t)b - (uint64_t)a - 1) / (uint64_t)c + 1);
    if (c < 0 && a > b) len = (int64_t)(((uint64_t)a - (uint64_t)b - 1) / (0 - (uint64_t)c) + 1);
    Obj length = int_from_i64(S, len);
    if (!length) return 0;
    Obj r = ob_alloc(S, TI_RANGE, 0);
    if (!r) {
        ob_decref(S, length, HOLD_TEMP);
        return 0;
    }
    Obj parts[3] = {start, stop, step};
    for (int i = 0; i < 3; i++) {
        ob_set64(S, r, range_fields[i].off, parts[i]);
        ob_incref(S, parts[i], HOLD_INTERNAL(r, R_RANGE_FIELD));
    }
    ob_set_field(S, r, RANGE_LENGTH_OFF, R_RANGE_FIELD, length);
    return r;
}

void range_dealloc(Sim *S, Obj r)
{
    ob_clear_fields(S, r, range_fields, N_FIELDS(range_fields));
    ob_free_memory(S, r);
}

void range_referents(Sim *S, Obj r, RefVisit visit, void *ud)
{
    ob_visit_fields(S, r, range_fields, N_FIELDS(range_fields), visit, ud);
}

/* ---- iterators ---- */

static const ObField seqiter_fields[] = {{SEQITER_SEQ_OFF, R_ITER_SEQ}};

Obj seqiter_new(Sim *S, Obj seq)
{
    /* list_iter is inherited by list subclasses (PyList_Check) */
    TypeId t = tp_index(S, ob_type(S, seq)) == TI_LIST ? TI_LIST_ITER : TI_TUPLE_ITER;
    Obj it = ob_alloc(S, t, 0);
    if (!it) return 0;
    ob_set64(S, it, SEQITER_SEQ_OFF, seq);
    ob_incref(S, seq, HOLD_INTERNAL(it, R_ITER_SEQ));
    gc_track(S, it);
    return it;
}

void seqiter_dealloc(Sim *S, Obj it)
{
    ob_clear_fields(S, it, seqiter_fields, N_FIELDS(seqiter_fields));
    ob_free_memory(S, it);
}

void seqiter_referents(Sim *S, Obj it, RefVisit visit, void *ud)
{
    ob_visit_fields(S, it, seqiter_fields, N_FIELDS(seqiter_fields), visit, ud);
}

/* get_len_of_range, in unsigned arithmetic as CPython's. */
static uint64_t range_ulen(int64_t lo, int64_t hi, int64_t step)
{
    if (step > 0 && lo < hi) return 1 + ((uint64_t)hi - 1 - (uint64_t)lo) / (uint64_t)step;
    if (step < 0 && lo > hi) return 1 + ((uint64_t)lo - 1 - (uint64_t)hi) / (0 - (uint64_t)step);
    return 0;
}

/* start, stop and step as C longs (PyLong_AsLong, its OverflowError
 * cleared): 1, or 0 when one does not fit. */
static int range_longs(Sim *S, Obj r, int64_t *start, int64_t *stop, int64_t *step)
{
    if (int_as_i64(S, ob_get64(S, r, RANGE_START_OFF), start) ||
        int_as_i64(S, ob_get64(S, r, RANGE_STOP_OFF), stop) ||
        int_as_i64(S, ob_get64(S, r, RANGE_STEP_OFF), step)) {
        exc_clear(S);
        return 0;
    }
    return 1;
}

/* fast_range_iter: a range_iterator of C longs (not GC, no references). */
static Obj fast_range_iter(Sim *S, int64_t start, int64_t step, int64_t len)
{
    Obj it = ob_alloc(S, TI_RANGE_ITER, 0);
    if (!it) return 0;
    ob_set64(S, it, RANGEITER_START_OFF + 8, (uint64_t)start);
    ob_set64(S, it, RANGEITER_START_OFF + 16, (uint64_t)step);
    ob_set64(S, it, RANGEITER_START_OFF + 24, (uint64_t)len);
    return it;
}

/* longrangeiter_dealloc's order: index, start, step, len. */
static const ObField longrangeiter_fields[] = {
    {LRI_INDEX_OFF, R_RANGE_FIELD}, {LRI_START_OFF, R_RANGE_FIELD},
    {LRI_STEP_OFF, R_RANGE_FIELD},  {LRI_LEN_OFF, R_RANGE_FIELD},
};

Obj rangeiter_new(Sim *S, Obj range)
{
    int64_t start, stop, step;
    if (range_longs(S, range, &start, &stop, &step)) {
        uint64_t ulen = range_ulen(start, stop, step);
        /* range_iter: the C version unless start + len * step could
         * overflow a long */
        int overflow = ulen && (step > 0 ? stop > INT64_MAX - (step - 1) : stop < INT64_MIN + (-1 - step));
        if (ulen <= (uint64_t)INT64_MAX && !overflow) return fast_range_iter(S, start, step, (int64_t)ulen);
    }
    /* long_range: the range's own ints, the index from 0 */
    Obj it = ob_alloc(S, TI_LONGRANGE_ITER, 0);
    if (!it) return 0;
    static const uint16_t from[3] = {RANGE_START_OFF, RANGE_STEP_OFF, RANGE_LENGTH_OFF};
    for (int i = 0; i < 3; i++) {
        Obj v = ob_get64(S, range, from[i]);
        ob_set64(S, it, longrangeiter_fields[i + 1].off, v);
        ob_incref(S, v, HOLD_INTERNAL(it, R_RANGE_FIELD));
    }
    Obj zero = int_small(S, 0); /* _PyLong_GetZero() */
    ob_set64(S, it, LRI_INDEX_OFF, zero);
    ob_incref(S, zero, HOLD_INTERNAL(it, R_RANGE_FIELD));
    return it;
}

Obj range_reverse(Sim *S, Obj range)
{
    int64_t start, stop, step;
    /* reversed(range(start, stop, step)) is range(start + (n-1)*step,
     * start - step, -step): the C version when each of start, stop, step,
     * -step, start - step and the length fits a long */
    if (range_longs(S, range, &start, &stop, &step) && step != INT64_MIN &&
        (step > 0 ? (uint64_t)start - (uint64_t)INT64_MIN >= (uint64_t)step
                  : (uint64_t)INT64_MAX - (uint64_t)start >= 0 - (uint64_t)step)) {
        uint64_t ulen = range_ulen(start, stop, step);
        if (ulen <= (uint64_t)INT64_MAX) {
            uint64_t new_stop = (uint64_t)start - (uint64_t)step;
            return fast_range_iter(S, (int64_t)(new_stop + ulen * (uint64_t)step), -step, (int64_t)ulen);
        }
    }
    /* long_range: start + (len - 1) * step, stepping by -step */
    Obj it = ob_alloc(S, TI_LONGRANGE_ITER, 0);
    if (!it) return 0;
    Obj len = ob_get64(S, range, RANGE_LENGTH_OFF);
    ob_set64(S, it, LRI_LEN_OFF, len);
    ob_incref(S, len, HOLD_INTERNAL(it, R_RANGE_FIELD));
    Obj diff = int_sub(S, len, int_small(S, 1));
    if (!diff) goto fail;
    Obj product = int_mul(S, diff, ob_get64(S, range, RANGE_STEP_OFF));
    ob_decref(S, diff, HOLD_TEMP);
    if (!product) goto fail;
    Obj sum = int_add(S, ob_get64(S, range, RANGE_START_OFF), product);
    ob_decref(S, product, HOLD_TEMP);
    if (!sum) goto fail;
    ob_set_field(S, it, LRI_START_OFF, R_RANGE_FIELD, sum);
    Obj neg = int_neg(S, ob_get64(S, range, RANGE_STEP_OFF));
    if (!neg) goto fail;
    ob_set_field(S, it, LRI_STEP_OFF, R_RANGE_FIELD, neg);
    Obj zero = int_small(S, 0);
    ob_set64(S, it, LRI_INDEX_OFF, zero);
    ob_incref(S, zero, HOLD_INTERNAL(it, R_RANGE_FIELD));
    return it;
fail:
    ob_decref(S, it, HOLD_TEMP);
    return 0;
}

/* PyObject_RichCompareBool(a, b, op) of two ints: identity first, else
 * int_richcompare's bool, taken and released. */
static int int_cmp_bool(Sim *S, Obj a, Obj b, int lt)
{
    if (a == b) return !lt;
    int r = lt ? int_compare(S, a, b) < 0 : int_compare(S, a, b) == 0;
    Obj res = r ? S->true_ : S->false_;
    ob_incref(S, res, HOLD_TEMP);
    ob_decref(S, res, HOLD_TEMP);
    return r;
}

Obj longrangeiter_next(Sim *S, Obj it)
{
    Obj index = ob_get64(S, it, LRI_INDEX_OFF);
    if (!int_cmp_bool(S, index, ob_get64(S, it, LRI_LEN_OFF), 1)) return 0;
    Obj new_index = int_add(S, index, int_small(S, 1));
    if (!new_index) return 0;
    Obj product = int_mul(S, index, ob_get64(S, it, LRI_STEP_OFF));
    if (!product) {
        ob_decref(S, new_index, HOLD_TEMP);
        return 0;
    }
    Obj result = int_add(S, ob_get64(S, it, LRI_START_OFF), product);
    ob_decref(S, product, HOLD_TEMP);
    if (!result) {
        ob_decref(S, new_index, HOLD_TEMP);
        return 0;
    }
    /* Py_SETREF: the new index in place, then the old one released */
    ob_set64(S, it, LRI_INDEX_OFF, new_index);
    ob_move(S, new_index, HOLD_TEMP, HOLD_INTERNAL(it, R_RANGE_FIELD));
    ob_decref(S, index, HOLD_INTERNAL(it, R_RANGE_FIELD));
    return result;
}

Obj longrangeiter_len(Sim *S, Obj it)
{
    return int_sub(S, ob_get64(S, it, LRI_LEN_OFF), ob_get64(S, it, LRI_INDEX_OFF));
}

void longrangeiter_dealloc(Sim *S, Obj it)
{
    ob_clear_fields(S, it, longrangeiter_fields, N_FIELDS(longrangeiter_fields));
    ob_free_memory(S, it);
}

void longrangeiter_referents(Sim *S, Obj it, RefVisit visit, void *ud)
{
    ob_visit_fields(S, it, longrangeiter_fields, N_FIELDS(longrangeiter_fields), visit, ud);
}

/* range_equals: equal as sequences -- the same length, and when not
 * empty the same start, and unless of length 1 the same step. */
int range_equal(Sim *S, Obj a, Obj b)
{
    if (a == b) return 1;
    Obj len = ob_get64(S, a, RANGE_LENGTH_OFF);
    if (!int_cmp_bool(S, len, ob_get64(S, b, RANGE_LENGTH_OFF), 0)) return 0;
    if (!int_bool(S, len)) return 1;
    if (!int_cmp_bool(S, ob_get64(S, a, RANGE_START_OFF), ob_get64(S, b, RANGE_START_OFF), 0)) return 0;
    if (int_cmp_bool(S, len, int_small(S, 1), 0)) return 1;
    return int_cmp_bool(S, ob_get64(S, a, RANGE_STEP_OFF), ob_get64(S, b, RANGE_STEP_OFF), 0);
}

int64_t range_hash(Sim *S, Obj r)
{
    /* the hash of (len, start, step), with None for what range_equals
     * ignores: a 3-tuple made for the purpose */
    Obj t = tuple_new(S, 3);
    if (!t) return -1;
    Obj len = ob_get64(S, r, RANGE_LENGTH_OFF);
    Obj item[3] = {len, S->none, S->none};
    if (int_bool(S, len)) {
        item[1] = ob_get64(S, r, RANGE_START_OFF);
        if (!int_cmp_bool(S, len, int_small(S, 1), 0)) item[2] = ob_get64(S, r, RANGE_STEP_OFF);
    }
    for (int i = 0; i < 3; i++) {
        ob_incref(S, item[i], HOLD_TEMP);
        tuple_set_item(S, t, i, item[i]);
    }
    int64_t h = tuple_hash(S, t);
    ob_decref(S, t, HOLD_TEMP);
    return h;
}

Obj object_new(Sim *S) { return ob_alloc(S, TI_OBJECT, 0); }
