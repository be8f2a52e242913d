/*
 * reversed.c -- reversed(seq), after CPython 3.11's reversed_new_impl and
 * reversedobject (Objects/enumobject.c), and range.__reversed__.
 *
 * reversed() asks the type first: _PyObject_LookupSpecial binds its
 * __reversed__ -- a bound builtin method for list, range, dict and the dict
 * views (72 bytes, tracked, released after the call), a bound method for a
 * class's function -- and returns what the call returns.  A __reversed__
 * of None means "not reversible".  Without one, a sequence (sq_item: a
 * tuple, str or bytes, a class with __getitem__, never a dict) gets a
 * `reversed` object: 32 bytes + GC head, tracked as it is allocated,
 * holding the sequence and the index of the next item, from len() - 1
 * down.  Anything else is "'X' object is not reversible".
 */
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/builtins.h"
#include "runtime/containers.h"
#include "runtime/registry.h"
#include "runtime/runtime.h"
#include "runtime/strops.h"
#include "vm/vm.h"

#define REVERSED_INDEX_OFF 16
#define REVERSED_SEQ_OFF 24

static TypeId tid(const Sim *S, Obj o) { return (TypeId)tp_index(S, ob_type(S, o)); }
static int is_heap_instance(const Sim *S, Obj o) { return (tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE) != 0; }

static Obj not_reversible(Sim *S, Obj seq)
{
    char n[64];
    ob_type_name(S, seq, n, sizeof n);
    return exc_set(S, EXC_TypeError, "'%s' object is not reversible", n);
}

/* range.__reversed__ (range_reverse).  range's only method here. */
static Obj m_range_reversed(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "__reversed__", nargs, kwnames)) return 0;
    return range_reverse(S, self);
}

const CFuncDef cf_range_methods[] = {{"__reversed__", m_range_reversed}, {NULL, NULL}};

/* The method table holding a built-in type's __reversed__, or NULL. */
static const CFuncDef *reversed_table(TypeId t)
{
    switch (t) {
    case TI_LIST: return cf_list_methods;
    case TI_RANGE: return cf_range_methods;
    case TI_DICT: return cf_dict_methods;
    case TI_DICT_KEYS: return cf_dictkeys_methods;
    case TI_DICT_VALUES: return cf_dictvalues_methods;
    case TI_DICT_ITEMS: return cf_dictitems_methods;
    default: return NULL;
    }
}

/* The bound method, called with no arguments, then released: the call's
 * result (new reference) or 0 with an exception. */
static Obj call_bound(Sim *S, Obj bound)
{
    vm_temp_push(S, bound);
    Obj r = rt_call(S, bound, NULL, 0, 0);
    vm_temp_pop(S);
    ob_decref(S, bound, HOLD_TEMP);
    return r;
}

/* _PyObject_LookupSpecial(seq, "__reversed__") and the call: 1 with *out
 * the result (0 with an exception), 0 when the type has no __reversed__,
 * -1 when it is None. */
static int call_reversed(Sim *S, Obj seq, Obj *out)
{
    Obj type = ob_type(S, seq);
    if (is_heap_instance(S, seq)) {
        Obj f = rt_type_lookup_cstr(S, type, "__reversed__");
        if (f == S->none) return -1;
        if (f && ob_is(S, f, TI_FUNCTION)) { /* func_descr_get: a bound method */
            Obj m = method_new(S, f, seq);
            *out = m ? call_bound(S, m) : 0;
            return 1;
        }
        if (f && !ob_is(S, f, TI_METHOD_DESCR)) { /* no __get__: called as it is */
            ob_incref(S, f, HOLD_TEMP);
            *out = call_bound(S, f);
            return 1;
        }
        /* otherwise a built-in base's, below */
    }
    TypeId t = tid(S, seq);
    if (t == TI_WEAKVALUEDICT) return -1; /* collections.abc.Mapping's __reversed__ = None */
    const CFuncDef *table = reversed_table(t);
    if (!table) return 0;
    /* method_get: PyCFunction_NewEx(ml, seq, NULL) */
    Obj m = builtin_new(S, (uint32_t)cf_index_of(table, "__reversed__"), seq, 0);
    *out = m ? call_bound(S, m) : 0;
    return 1;
}

/* PySequence_Check: sq_item, which a dict (or a dict subclass) never has;
 * a class gets it from __getitem__ or a built-in sequence base. */
static int is_sequence(Sim *S, Obj o)
{
    TypeId t = tid(S, o);
    if (t == TI_DICT) return 0;
    if (t == TI_TUPLE || t == TI_STR || t == TI_BYTES || t == TI_LIST) return 1;
    return is_heap_instance(S, o) && rt_type_lookup_cstr(S, ob_type(S, o), "__getitem__") != 0;
}

Obj cf_new_reversed(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_positional(S, "reversed", nargs, kwnames, 1, 1)) return 0;
    Obj seq = args[0];
    Obj r = 0;
    int found = call_reversed(S, seq, &r);
    if (found > 0) return r;
    if (found < 0 || !is_sequence(S, seq)) return not_reversible(S, seq);
    int64_t n = rt_len(S, seq);
    if (n < 0) return 0;
    /* PyType_GenericAlloc: tracked at once */
    Obj ro = ob_alloc(S, TI_REVERSED, 0);
    if (!ro) return 0;
    gc_track(S, ro);
    ob_set64(S, ro, REVERSED_INDEX_OFF, (uint64_t)(n - 1));
    ob_set64(S, ro, REVERSED_SEQ_OFF, seq);
    ob_incref(S, seq, HOLD_INTERNAL(ro, R_ITER_SEQ));
    return ro;
}

/* PySequence_GetItem(seq, i), i >= 0: a class's own __getitem__ gets an
 * int (slot_sq_item); the built-in sequences their sq_item, whose
 * IndexError past the end is raised as CPython raises it.  New reference. */
static Obj seq_item(Sim *S, Obj seq, int64_t i)
{
    if (is_heap_instance(S, seq)) {
        Obj f = rt_type_lookup_cstr(S, ob_type(S, seq), "__getitem__");
        if (f && !ob_is(S, f, TI_METHOD_DESCR)) {
            Obj ix = int_from_i64(S, i);
            if (!ix) return 0;
            int found;
            Obj r = rt_call_special(S, seq, "__getitem__", &ix, 1, &found);
            ob_decref(S, ix, HOLD_TEMP);
            return r;
        }
    }
    switch (tid(S, seq)) {
    case TI_TUPLE:
        if (i >= ob_size(S, seq)) return exc_set(S, EXC_IndexError, "tuple index out of range");
        ob_incref(S, tuple_item(S, seq, i), HOLD_TEMP);
        return tuple_item(S, seq, i);
    case TI_LIST:
        if (i >= ob_size(S, seq)) return exc_set(S, EXC_IndexError, "list index out of range");
        ob_incref(S, list_get(S, seq, i), HOLD_TEMP);
        return list_get(S, seq, i);
    case TI_STR:
        if (i >= str_len(S, seq)) return exc_set(S, EXC_IndexError, "string index out of range");
        return strop_char(S, str_char(S, seq, i));
    case TI_BYTES:
        if (i >= bytes_len(S, seq)) return exc_set(S, EXC_IndexError, "index out of range");
        return int_from_i64(S, bytes_data(S, seq)[i]);
    default: return exc_set(S, EXC_IndexError, "index out of range");
    }
}

Obj reversed_next(Sim *S, Obj ro)
{
    int64_t index = (int64_t)ob_get64(S, ro, REVERSED_INDEX_OFF);
    Obj seq = ob_get64(S, ro, REVERSED_SEQ_OFF);
    if (index >= 0 && seq) {
        Obj item = seq_item(S, seq, index);
        if (item) {
            ob_set64(S, ro, REVERSED_INDEX_OFF, (uint64_t)(index - 1));
            return item;
        }
        if (exc_matches(S, EXC_IndexError) || exc_matches(S, EXC_StopIteration)) exc_clear(S);
    }
    /* exhausted (or failed): the sequence is let go */
    ob_set64(S, ro, REVERSED_INDEX_OFF, UINT64_MAX);
    if (seq) {
        ob_set64(S, ro, REVERSED_SEQ_OFF, 0);
        ob_decref(S, seq, HOLD_INTERNAL(ro, R_ITER_SEQ));
    }
    return 0;
}

int64_t reversed_len(Sim *S, Obj ro)
{
    Obj seq = ob_get64(S, ro, REVERSED_SEQ_OFF);
    if (!seq) return 0;
    int64_t size = rt_len(S, seq);
    if (size < 0) return -1;
    int64_t position = (int64_t)ob_get64(S, ro, REVERSED_INDEX_OFF) + 1;
    return size < position ? 0 : position;
}
