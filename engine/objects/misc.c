/* misc.c -- see misc.h. */
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/misc.h"
#include "objects/str.h"

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

Obj rangeiter_new(Sim *S, Obj range)
{
    int64_t start, step, len;
    if (int_as_i64(S, ob_get64(S, range, RANGE_START_OFF), &start) ||
        int_as_i64(S, ob_get64(S, range, RANGE_STEP_OFF), &step) ||
        int_as_i64(S, ob_get64(S, range, RANGE_LENGTH_OFF), &len))
        return 0;
    Obj it = ob_alloc(S, TI_RANGE_ITER, 0);
    if (!it) return 0;
    ob_set64(S, it, RANGEITER_START_OFF + 8, (uint64_t)start);
    ob_set64(S, it, RANGEITER_START_OFF + 16, (uint64_t)step);
    ob_set64(S, it, RANGEITER_START_OFF + 24, (uint64_t)len);
    return it;
}

Obj object_new(Sim *S) { return ob_alloc(S, TI_OBJECT, 0); }
