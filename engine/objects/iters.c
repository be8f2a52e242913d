/* iters.c -- see iters.h. */
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/tuple.h"
#include "objects/weakref.h"

static const ObField view_fields[] = {{DV_DICT_OFF, R_VIEW_DICT}};
/* as the instance dict of weakref.py's class clears them: _remove, then data */
static const ObField wvd_fields[] = {{WVD_REMOVE_OFF, R_NONE}, {WVD_DICT_OFF, R_VIEW_DICT}};
static const ObField dictiter_fields[] = {{DI_DICT_OFF, R_ITER_SEQ}, {DI_RESULT_OFF, R_ITER_RESULT}};
static const ObField setiter_fields[] = {{SI_SET_OFF, R_ITER_SEQ}};
static const ObField enum_fields[] = {{EN_SIT_OFF, R_ITER_SEQ}, {EN_RESULT_OFF, R_ITER_RESULT},
                                      {EN_LONGINDEX_OFF, R_ENUM_INDEX}};
static const ObField zip_fields[] = {{ZIP_ITTUPLE_OFF, R_ZIP_ITERS}, {ZIP_RESULT_OFF, R_ITER_RESULT}};
static const ObField tb_fields[] = {{TB_NEXT_OFF, R_TB_NEXT}, {TB_FRAME_OFF, R_TB_FRAME}};
static const ObField seq_fields[] = {{24, R_ITER_SEQ}};
static const ObField super_fields[] = {{SUPER_TYPE_OFF, R_NONE}, {SUPER_OBJ_OFF, R_NONE}, {SUPER_OBJTYPE_OFF, R_NONE}};
static const ObField map_fields[] = {{MAP_ITERS_OFF, R_ZIP_ITERS}, {MAP_FUNC_OFF, R_NONE}};
static const ObField finalize_fields[] = {{FIN_WEAKREF_OFF, R_NONE}, {FIN_FUNC_OFF, R_NONE},
                                          {FIN_ARGS_OFF, R_NONE}, {FIN_KWARGS_OFF, R_NONE}};
/* ga_dealloc and ga_traverse: origin, args, parameters */
static const ObField ga_fields[] = {{GA_ORIGIN_OFF, R_GA_ORIGIN}, {GA_ARGS_OFF, R_GA_ARGS},
                                    {GA_PARAMS_OFF, R_GA_PARAMS}};
static const ObField slice_fields[] = {{SLICE_START_OFF, R_NONE}, {SLICE_STOP_OFF, R_NONE}, {SLICE_STEP_OFF, R_NONE}};

static const ObField *fields_of(const Sim *S, Obj o, size_t *n)
{
    switch ((TypeId)tp_index(S, ob_type(S, o))) {
    case TI_DICT_KEYS:
    case TI_DICT_VALUES:
    case TI_DICT_ITEMS: *n = N_FIELDS(view_fields); return view_fields;
    case TI_DICT_KEYITER:
    case TI_DICT_VALUEITER:
    case TI_DICT_ITEMITER:
    case TI_DICT_REVKEYITER:
    case TI_DICT_REVVALUEITER:
    case TI_DICT_REVITEMITER: *n = N_FIELDS(dictiter_fields); return dictiter_fields;
    case TI_SET_ITER: *n = N_FIELDS(setiter_fields); return setiter_fields;
    case TI_ENUMERATE: *n = N_FIELDS(enum_fields); return enum_fields;
    case TI_ZIP: *n = N_FIELDS(zip_fields); return zip_fields;
    case TI_TRACEBACK: *n = N_FIELDS(tb_fields); return tb_fields;
    case TI_SLICE: *n = N_FIELDS(slice_fields); return slice_fields;
    case TI_GENERIC_ALIAS: *n = N_FIELDS(ga_fields); return ga_fields;
    case TI_WEAKVALUEDICT: *n = N_FIELDS(wvd_fields); return wvd_fields;
    case TI_FINALIZE: *n = N_FIELDS(finalize_fields); return finalize_fields;
    case TI_SUPER: *n = N_FIELDS(super_fields); return super_fields;
    case TI_MAP:
    case TI_FILTER: *n = N_FIELDS(map_fields); return map_fields;
    default: *n = N_FIELDS(seq_fields); return seq_fields; /* str and reverse iterators, reversed */
    }
}

void fieldobj_dealloc(Sim *S, Obj o)
{
    size_t n;
    const ObField *f = fields_of(S, o, &n);
    gc_untrack(S, o);
    if (ob_is(S, o, TI_GENERIC_ALIAS) && ob_get64(S, o, GA_WEAKLIST_OFF)) weakref_clear_all(S, o);
    ob_clear_fields(S, o, f, n);
    ob_free_memory(S, o);
}

/* slice_dealloc: step, start, stop released, then the slice kept as the
 * interpreter's cached one if there is none. */
void slice_dealloc(Sim *S, Obj o)
{
    static const ObField order[] = {{SLICE_STEP_OFF, R_NONE}, {SLICE_START_OFF, R_NONE}, {SLICE_STOP_OFF, R_NONE}};
    gc_untrack(S, o);
    ob_clear_fields(S, o, order, N_FIELDS(order));
    if (S->fl.slice) {
        ob_free_memory(S, o);
        return;
    }
    S->fl.slice = o;
    ob_freelist_push(S, o, FREELIST_SLICE, 1);
}

void wvd_dealloc(Sim *S, Obj o)
{
    gc_untrack(S, o);
    weakref_clear_all(S, o);
    ob_clear_fields(S, o, wvd_fields, N_FIELDS(wvd_fields));
    ob_free_memory(S, o);
}

void fieldobj_referents(Sim *S, Obj o, RefVisit visit, void *ud)
{
    size_t n;
    const ObField *f = fields_of(S, o, &n);
    ob_visit_fields(S, o, f, n, visit, ud);
}

/* _PyBuildSlice_Consume2: the interpreter's one cached slice, else a new one. */
Obj slice_new(Sim *S, Obj start, Obj stop, Obj step)
{
    Obj s = S->fl.slice;
    if (s) {
        S->fl.slice = 0;
        ob_freelist_pop(S, s, FREELIST_SLICE, 0);
    } else if (!(s = ob_alloc(S, TI_SLICE, 0))) {
        return 0;
    }
    Obj v[3] = {start ? start : S->none, stop ? stop : S->none, step ? step : S->none};
    for (int i = 0; i < 3; i++) {
        ob_set64(S, s, SLICE_START_OFF + 8 * (uint32_t)i, v[i]);
        ob_incref(S, v[i], HOLD_INTERNAL(s, R_NONE));
    }
    gc_track(S, s);
    return s;
}

Obj genericalias_new(Sim *S, Obj origin, Obj args, int vectorcall)
{
    Obj ga = ob_alloc(S, TI_GENERIC_ALIAS, 0);
    if (!ga) return 0;
    gc_track(S, ga); /* PyType_GenericAlloc tracks before setup_ga runs */
    Obj t = args;
    if (ob_is(S, args, TI_TUPLE)) {
        ob_incref(S, args, HOLD_TEMP);
    } else {
        t = tuple_pack(S, 1, &args);
        if (!t) {
            ob_decref(S, ga, HOLD_TEMP);
            return 0;
        }
    }
    ob_incref(S, origin, HOLD_INTERNAL(ga, R_GA_ORIGIN));
    ob_set64(S, ga, GA_ORIGIN_OFF, origin);
    ob_set_field(S, ga, GA_ARGS_OFF, R_GA_ARGS, t);
    ob_set64(S, ga, GA_VECTORCALL_OFF, (uint64_t)(vectorcall != 0));
    return ga;
}

int slice_index(Sim *S, Obj v, int64_t *out)
{
    if (v == S->none) return 1;
    Obj i = v;
    if (!ob_is(S, v, TI_INT) && !ob_is(S, v, TI_BOOL)) {
        int r = (tp_flags(S, ob_type(S, v)) & TPF_HEAPTYPE) && S->index_hook ? S->index_hook(S, v, &i) : 0;
        if (r < 0) return -1;
        if (r == 0) {
            exc_set(S, EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
    }
    if (int_as_i64(S, i, out)) { /* beyond int64: PyNumber_AsSsize_t clamps */
        exc_clear(S);
        *out = int_compare(S, i, S->small_ints + 32 * 5) < 0 ? INT64_MIN + 1 : INT64_MAX;
    }
    if (i != v) ob_decref(S, i, HOLD_TEMP);
    return 0;
}

int slice_indices(Sim *S, Obj s, int64_t len, int64_t *pstart, int64_t *pstop, int64_t *pstep)
{
    int64_t start = 0, stop = 0, step = 1;
    int r = slice_index(S, ob_get64(S, s, SLICE_STEP_OFF), &step);
    if (r < 0) return -1;
    if (r == 0 && step == 0) {
        exc_set(S, EXC_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (step < -INT64_MAX) step = -INT64_MAX;
    int rs = slice_index(S, ob_get64(S, s, SLICE_START_OFF), &start);
    if (rs < 0) return -1;
    int re = slice_index(S, ob_get64(S, s, SLICE_STOP_OFF), &stop);
    if (re < 0) return -1;
    /* PySlice_Unpack's defaults, then PySlice_AdjustIndices */
    if (rs) start = step < 0 ? INT64_MAX : 0;
    if (re) stop = step < 0 ? INT64_MIN + 1 : INT64_MAX;
    if (start < 0) {
        start += len;
        if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= len) {
        start = step < 0 ? len - 1 : len;
    }
    if (stop < 0) {
        stop += len;
        if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= len) {
        stop = step < 0 ? len - 1 : len;
    }
    *pstart = start;
    *pstop = stop;
    *pstep = step;
    return 0;
}

int64_t slice_length(int64_t start, int64_t stop, int64_t step)
{
    if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    return start < stop ? (stop - start - 1) / step + 1 : 0;
}
