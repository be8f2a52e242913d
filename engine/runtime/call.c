/*
 * call.c -- calling any object (PyObject_Vectorcall and its slots):
 * Python functions through a nested evaluation loop, bound methods with
 * self prepended, C functions directly, types through their constructor
 * or, for classes, type_call: object.__new__, then __init__ with the
 * arguments packed into a tuple as _PyObject_MakeTpCall packs them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"
#include "runtime/genericalias.h"
#include "runtime/builtins.h"
#include "runtime/containers.h"
#include "runtime/registry.h"
#include "runtime/runtime.h"
#include "runtime/vmops.h"
#include "runtime/weakvaluedict.h"
#include "vm/vm.h"

static int64_t nkw(const Sim *S, Obj kwnames) { return kwnames ? ob_size(S, kwnames) : 0; }

static Obj call_function(Sim *S, Obj func, const Obj *args, int64_t nargs, Obj kwnames)
{
    Obj code = ob_get64(S, func, FUNC_CODE_OFF);
    Obj locals = (ob_get32(S, code, CO_FLAGS_OFF) & CO_OPTIMIZED) ? 0 : ob_get64(S, func, FUNC_GLOBALS_OFF);
    return vm_call_function(S, func, args, nargs, kwnames, locals);
}

/* callable(self, *args): the arguments shifted by one in a host array. */
static Obj call_prepend(Sim *S, Obj callable, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    int64_t total = nargs + nkw(S, kwnames);
    Obj small[16], *v = small;
    if (total + 1 > 16) {
        v = malloc(sizeof(Obj) * (size_t)(total + 1));
        if (!v) abort();
    }
    v[0] = self;
    if (total) memcpy(v + 1, args, sizeof(Obj) * (size_t)total);
    Obj r = rt_call(S, callable, v, nargs + 1, kwnames);
    if (v != small) free(v);
    return r;
}

static int is_heap_type(const Sim *S, Obj t) { return (tp_flags(S, t) & TPF_HEAPTYPE) != 0; }

/* The first built-in type on a class's base chain. */
static Obj static_base(const Sim *S, Obj type)
{
    while (type && is_heap_type(S, type)) type = ob_get64(S, type, TP_BASE_OFF);
    return type;
}


/* An instance of an exception class: args = the positional arguments.
 * BaseException_new keeps the very tuple _PyObject_MakeTpCall packed:
 * argtuple when the caller has it (borrowed), else packed here. */
static Obj exception_new(Sim *S, Obj type, Obj argtuple, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (nkw(S, kwnames)) {
        char n[64];
        tp_name(S, type, n, sizeof n);
        return exc_set(S, EXC_TypeError, "%s() takes no keyword arguments", n);
    }
    Obj t = argtuple;
    if (t) ob_incref(S, t, HOLD_TEMP);
    else t = tuple_pack(S, nargs, args);
    if (!t) return 0;
    Obj e = ob_alloc_type(S, type, 0);
    if (!e) {
        ob_decref(S, t, HOLD_TEMP);
        return 0;
    }
    ob_set_field(S, e, 24, R_EXC_ARGS, t);
    gc_track(S, e);
    return e;
}

/* slot_tp_init's call of __init__: _PyObject_Call_Prepend puts self
 * before the arguments in a stack array (a PyMem_Malloc'd one past
 * _PY_FASTCALL_SMALL_STACK = 5 slots).  With keywords,
 * _PyObject_VectorcallDictTstate unpacks the dict (_PyStack_UnpackDict): a
 * second PyMem_Malloc'd array with a new reference to every argument and
 * keyword value, and a new kwnames tuple of the dict's keys (a GC
 * allocation unless the free list serves it); after the call the
 * references, that array and the tuple are released, then the first
 * array.  New reference, or 0 with S->exc set. */
static Obj call_init(Sim *S, Obj init, Obj self, const Obj *args, int64_t nargs, Obj kwdict)
{
    int64_t n = nargs + 1, nk = kwdict ? dict_len(S, kwdict) : 0;
    SimAddr prepend = n > 5 ? pm_malloc(S->heap, 8 * (uint64_t)n) : 0;
    if (n > 5 && !prepend) return exc_no_memory(S);
    if (nk == 0) {
        Obj r = call_prepend(S, init, self, args, nargs, 0);
        if (prepend) pm_free(S->heap, prepend);
        return r;
    }
    /* one slot more for PY_VECTORCALL_ARGUMENTS_OFFSET */
    SimAddr stack = pm_malloc(S->heap, 8 * (uint64_t)(1 + n + nk));
    Obj kwnames = stack ? tuple_new(S, nk) : 0;
    if (!kwnames) {
        if (stack) pm_free(S->heap, stack);
        if (prepend) pm_free(S->heap, prepend);
        return S->exc ? 0 : exc_no_memory(S);
    }
    Obj *v = malloc(sizeof(Obj) * (size_t)(n + nk));
    if (!v) abort(); /* host out of memory */
    v[0] = self;
    if (nargs) memcpy(v + 1, args, sizeof(Obj) * (size_t)nargs);
    for (int64_t i = 0; i < n; i++) ob_incref(S, v[i], HOLD_TEMP);
    int64_t pos = 0, i = 0;
    Obj key, value;
    int keys_are_strings = 1;
    while (i < nk && dict_next(S, kwdict, &pos, &key, &value)) {
        keys_are_strings &= ob_is(S, key, TI_STR);
        ob_incref(S, key, HOLD_TEMP);
        tuple_set_item(S, kwnames, i, key);
        ob_incref(S, value, HOLD_TEMP);
        v[n + i++] = value;
    }
    /* the array's references are roots while __init__ runs */
    for (int64_t k = 0; k < n + nk; k++) vm_temp_push(S, v[k]);
    vm_temp_push(S, kwnames);
    Obj r = keys_are_strings ? rt_call(S, init, v, n, kwnames)
                             : exc_set(S, EXC_TypeError, "keywords must be strings"); /* _PyStack_UnpackDict */
    vm_temp_pop(S);
    for (int64_t k = n + nk; k-- > 0;) vm_temp_pop(S);
    for (int64_t k = 0; k < n + nk; k++) ob_decref(S, v[k], HOLD_TEMP);
    free(v);
    pm_free(S->heap, stack);
    ob_decref(S, kwnames, HOLD_TEMP);
    if (prepend) pm_free(S->heap, prepend);
    return r;
}

/* type_call for a class, with the argument tuple and keyword dict
 * (borrowed; kwdict may be 0): tp_new, then tp_init.  New reference. */
Obj rt_class_call_tp(Sim *S, Obj type, Obj argtuple, Obj kwdict)
{
    /* the tuple's items, in place (8-aligned: objects are 16-aligned) */
    const Obj *args = (const Obj *)(const void *)((const char *)ob_ptr(S, argtuple) + TUPLE_ITEMS_OFF);
    int64_t nargs = ob_size(S, argtuple);
    if (kwdict && dict_len(S, kwdict) == 0) kwdict = 0;
    Obj base = static_base(S, type), obj;
    Obj init = rt_type_lookup_cstr(S, type, "__init__");
    int is_list = base == S->types[TI_LIST].type;
    if (base == S->types[TI_EXCEPTION].type || vmops_is_exception_class(S, type)) {
        obj = exception_new(S, type, argtuple, args, nargs, 0); /* BaseException_new keeps every argument */
        if (obj && !init && kwdict) { /* BaseException_init refuses keywords */
            char n[64];
            ob_decref(S, obj, HOLD_TEMP);
            return exc_set(S, EXC_TypeError, "%s() takes no keyword arguments", tp_name(S, type, n, sizeof n));
        }
    } else if (is_list) {
        /* list's tp_new is PyType_GenericNew: an empty list, tracked, with
         * no inline values (only object_new makes them) */
        obj = ob_alloc_type(S, type, 0);
        if (obj) gc_track(S, obj);
    } else {
        if (!init && (nargs || kwdict)) {
            char n[64];
            tp_name(S, type, n, sizeof n);
            return exc_set(S, EXC_TypeError, "%s() takes no arguments", n);
        }
        obj = instance_new(S, type);
    }
    if (!obj) return 0;
    if (init || is_list) {
        vm_temp_push(S, obj);
        /* without an __init__ of its own, list.__init__ (list___init__) */
        Obj r = 0;
        if (init) {
            r = call_init(S, init, obj, args, nargs, kwdict);
        } else if (kwdict) {
            exc_set(S, EXC_TypeError, "list() takes no keyword arguments");
        } else {
            r = cf_list_init(S, obj, args, nargs, 0);
        }
        vm_temp_pop(S);
        if (!r) {
            ob_decref(S, obj, HOLD_TEMP);
            return 0;
        }
        if (r != S->none) {
            char n[64];
            tp_name(S, ob_type(S, r), n, sizeof n);
            ob_decref(S, r, HOLD_TEMP);
            ob_decref(S, obj, HOLD_TEMP);
            return exc_set(S, EXC_TypeError, "__init__() should return None, not '%s'", n);
        }
        ob_decref(S, r, HOLD_TEMP);
    }
    return obj;
}

/* A class called with an argument array: _PyObject_MakeTpCall packs the
 * positional arguments as a tuple -- f(*t) hands t itself, as
 * PyObject_Call does (vmops_call_ex) -- and the keywords as a dict. */
static Obj class_call(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    Obj argtuple, kwdict;
    if (cf_pack(S, args, nargs, kwnames, &argtuple, &kwdict) < 0) return 0;
    /* their items are the caller's, so releasing them runs no code */
    Obj obj = rt_class_call_tp(S, type, argtuple, kwdict);
    cf_unpack(S, argtuple, kwdict);
    return obj;
}

static Obj type_call(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (is_heap_type(S, type)) return class_call(S, type, args, nargs, kwnames);
    if (vmops_is_exception_class(S, type)) return exception_new(S, type, 0, args, nargs, kwnames);
    TypeId t = (TypeId)tp_index(S, type);
    if (t == TI_NONE || t == TI_NOTIMPL || t == TI_ELLIPSIS) { /* none_new and friends: the singleton */
        if (nargs || nkw(S, kwnames))
            return exc_set(S, EXC_TypeError, "%s takes no arguments",
                           t == TI_NONE ? "NoneType" : t == TI_NOTIMPL ? "NotImplementedType" : "EllipsisType");
        Obj single = t == TI_NONE ? S->none : t == TI_NOTIMPL ? S->not_implemented : S->ellipsis;
        ob_incref(S, single, HOLD_TEMP);
        return single;
    }
    CNew ctor = cf_constructor(t);
    if (!ctor) {
        char n[64];
        tp_name(S, type, n, sizeof n);
        /* a builtin python3 can call (bytes, slice) is outside the subset */
        if (rt_cpython_has_attr("module builtins", n))
            return exc_set(S, EXC_TypeError, "calling %s() is not part of refscope's subset", n);
        return exc_set(S, EXC_TypeError, "cannot create '%s' instances", n);
    }
    return ctor(S, type, args, nargs, kwnames);
}

static Obj call_descriptor(Sim *S, Obj d, const Obj *args, int64_t nargs, Obj kwnames)
{
    uint32_t index = (uint32_t)ob_get64(S, d, 40);
    const CFuncDef *def = cf_fn(S, index);
    Obj type = ob_get64(S, d, 16);
    char tn[64];
    /* the type's name only for an error (snprintf on every method call
     * was a few percent of a dict-heavy run) */
    if (nargs < 1) {
        tp_name(S, type, tn, sizeof tn);
        return exc_set(S, EXC_TypeError, "unbound method %s.%s() needs an argument", tn, def->name);
    }
    if (!rt_isinstance(S, args[0], type)) {
        char an[64];
        tp_name(S, type, tn, sizeof tn);
        tp_name(S, ob_type(S, args[0]), an, sizeof an);
        return exc_set(S, EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                       def->name, tn, an);
    }
    return def->fn(S, args[0], args + 1, nargs - 1, kwnames);
}

Obj rt_call_bound(Sim *S, const CFuncDef *table, const char *name, Obj self, const Obj *args, int64_t nargs,
                  Obj kwnames)
{
    Obj m = builtin_new(S, (uint32_t)cf_index_of(table, name), self, 0);
    if (!m) return 0;
    vm_temp_push(S, m);
    Obj r = rt_call(S, m, args, nargs, kwnames);
    vm_temp_pop(S);
    ob_decref(S, m, HOLD_TEMP);
    return r;
}

Obj rt_call(Sim *S, Obj callable, const Obj *args, int64_t nargs, Obj kwnames)
{
    switch ((TypeId)tp_index(S, ob_type(S, callable))) {
    case TI_FUNCTION: return call_function(S, callable, args, nargs, kwnames);
    case TI_METHOD:
        return call_prepend(S, ob_get64(S, callable, METHOD_FUNC_OFF), ob_get64(S, callable, METHOD_SELF_OFF),
                            args, nargs, kwnames);
    case TI_BUILTIN_FN: {
        const CFuncDef *def = cf_fn(S, ob_get32(S, callable, BUILTIN_INDEX_OFF));
        return def->fn(S, ob_get64(S, callable, BUILTIN_SELF_OFF), args, nargs, kwnames);
    }
    case TI_METHOD_DESCR: return call_descriptor(S, callable, args, nargs, kwnames);
    case TI_FINALIZE: return finalize_call(S, callable); /* f(), or its weakref's callback */
    case TI_TYPE: return type_call(S, callable, args, nargs, kwnames);
    case TI_GENERIC_ALIAS: return ga_call(S, callable, args, nargs, kwnames);
    case TI_WEAKREF: {
        if (cf_positional(S, "weakref", nargs, kwnames, 0, 0)) return 0;
        Obj o = weakref_get(S, callable);
        o = o ? o : S->none;
        ob_incref(S, o, HOLD_TEMP);
        return o;
    }
    default: break;
    }
    Obj call = rt_type_lookup_cstr(S, ob_type(S, callable), "__call__");
    if (call && is_heap_type(S, ob_type(S, callable))) return call_prepend(S, call, callable, args, nargs, kwnames);
    char n[64];
    tp_name(S, ob_type(S, callable), n, sizeof n);
    return exc_set(S, EXC_TypeError, "'%s' object is not callable", n);
}

Obj rt_call_special(Sim *S, Obj o, const char *name, const Obj *args, int64_t nargs, int *found)
{
    Obj type = ob_type(S, o);
    *found = 0;
    if (!is_heap_type(S, type)) return 0;
    Obj f = rt_type_lookup_cstr(S, type, name);
    if (!f) return 0;
    *found = 1;
    ob_incref(S, f, HOLD_TEMP);
    vm_temp_push(S, f);
    Obj r;
    if (ob_is(S, f, TI_FUNCTION)) r = call_prepend(S, f, o, args, nargs, 0);
    else r = rt_call(S, f, args, nargs, 0);
    vm_temp_pop(S);
    ob_decref(S, f, HOLD_TEMP);
    return r;
}

/* ---- generator methods ---- */

static Obj gen_send_m(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "send", nargs, kwnames)) return 0;
    int done;
    Obj r = vm_gen_send(S, self, args[0], &done);
    if (r && !done) return r;
    if (S->exc) return 0;
    /* StopIteration(value) */
    Obj v = r ? r : S->none;
    if (!r) ob_incref(S, v, HOLD_TEMP);
    Obj t = tuple_pack(S, v == S->none ? 0 : 1, &v);
    ob_decref(S, v, HOLD_TEMP);
    if (!t) return 0;
    return exc_set_args(S, EXC_StopIteration, t);
}

static Obj gen_close_m(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "close", nargs, kwnames)) return 0;
    if (vm_gen_close(S, self)) return 0;
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}

const CFuncDef cf_gen_methods[] = {
    {"send", gen_send_m},
    {"close", gen_close_m},
    {NULL, NULL},
};
