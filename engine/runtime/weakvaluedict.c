/* weakvaluedict.c -- see weakvaluedict.h. */
#include <stdlib.h>

#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/containers.h"
#include "runtime/registry.h"
#include "runtime/runtime.h"
#include "runtime/weakvaluedict.h"
#include "vm/vm.h"

static Obj data_of(const Sim *S, Obj w) { return ob_get64(S, w, WVD_DICT_OFF); }

/* Drops the entries whose referents have died without their callback
 * having run (none should: a safety net, as cheap as a scan). */
static int purge(Sim *S, Obj w)
{
    Obj d = data_of(S, w);
    for (;;) {
        int64_t pos = 0;
        Obj k, v, dead = 0;
        while (dict_next(S, d, &pos, &k, &v)) {
            Obj o = weakref_get(S, v);
            if (!o || o == S->none) { /* a cleared weakref refers to None */
                dead = k;
                break;
            }
        }
        if (!dead) return 0;
        if (dict_delitem(S, d, dead)) return -1;
    }
}

Obj cf_new_weakvaluedict(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type, (void)args;
    if (cf_positional(S, "WeakValueDictionary", nargs, kwnames, 0, 0)) return 0;
    Obj w = ob_alloc(S, TI_WEAKVALUEDICT, 0);
    if (!w) return 0;
    gc_track(S, w);
    /* remove(wr, selfref=ref(self)): first, as __init__ makes it first */
    Obj selfref = weakref_new(S, w, 0);
    Obj remove = selfref ? builtin_new(S, (uint32_t)cf_index_of(cf_weakvaluedict_remove, "remove"), selfref, 0) : 0;
    if (selfref) ob_decref(S, selfref, HOLD_TEMP);
    if (!remove) {
        ob_decref(S, w, HOLD_TEMP);
        return 0;
    }
    ob_set_field(S, w, WVD_REMOVE_OFF, R_NONE, remove);
    Obj d = dict_new(S);
    if (!d) {
        ob_decref(S, w, HOLD_TEMP);
        return 0;
    }
    ob_set_field(S, w, WVD_DICT_OFF, R_VIEW_DICT, d);
    return w;
}

/* remove(wr): the entry whose weakref wr is, deleted -- once the mapping
 * is still alive and wr still its entry (weakref.py's
 * _remove_dead_weakref). */
static Obj wvd_remove(Sim *S, Obj selfref, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "remove", nargs, kwnames, 1, 1)) return 0;
    Obj w = weakref_get(S, selfref);
    if (w && w != S->none) {
        Obj d = data_of(S, w), k, v, key = 0;
        int64_t pos = 0;
        while (dict_next(S, d, &pos, &k, &v))
            if (v == args[0]) {
                key = k;
                break;
            }
        if (key && dict_delitem(S, d, key)) return 0;
    }
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}

const CFuncDef cf_weakvaluedict_remove[] = {
    {"remove", wvd_remove},
    {NULL, NULL},
};

Obj wvd_getitem(Sim *S, Obj w, Obj key)
{
    if (purge(S, w)) return 0;
    Obj r = dictop_subscript(S, data_of(S, w), key);
    if (!r) return 0;
    Obj o = weakref_get(S, r);
    ob_decref(S, r, HOLD_TEMP);
    if (!o || o == S->none) return exc_set_args(S, EXC_KeyError, tuple_pack(S, 1, &key));
    ob_incref(S, o, HOLD_TEMP);
    return o;
}

int wvd_setitem(Sim *S, Obj w, Obj key, Obj value)
{
    if (purge(S, w)) return -1;
    if (!value) return dictop_ass_subscript(S, data_of(S, w), key, 0);
    Obj r = weakref_new(S, value, ob_get64(S, w, WVD_REMOVE_OFF));
    if (!r) return -1;
    int e = dict_setitem(S, data_of(S, w), key, r);
    ob_decref(S, r, HOLD_TEMP);
    return e;
}

int wvd_contains(Sim *S, Obj w, Obj key)
{
    if (purge(S, w)) return -1;
    return dictop_contains(S, data_of(S, w), key);
}

int64_t wvd_len(Sim *S, Obj w)
{
    if (purge(S, w)) return -1;
    return dict_len(S, data_of(S, w));
}

Obj wvd_iter(Sim *S, Obj w)
{
    if (purge(S, w)) return 0;
    return dictop_iter(S, data_of(S, w));
}

static Obj wvd_get(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_positional(S, "get", nargs, kwnames, 1, 2)) return 0;
    Obj v = wvd_getitem(S, self, args[0]);
    if (v || !exc_matches(S, EXC_KeyError)) return v;
    exc_clear(S);
    Obj d = nargs == 2 ? args[1] : S->none;
    ob_incref(S, d, HOLD_TEMP);
    return d;
}

static Obj wvd_keys(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "keys", nargs, kwnames)) return 0;
    if (purge(S, self)) return 0;
    return rt_list_from(S, data_of(S, self));
}

const CFuncDef cf_weakvaluedict_methods[] = {
    {"get", wvd_get},
    {"keys", wvd_keys},
    {NULL, NULL},
};

/* ---- weakref.finalize ---- */

Obj cf_new_finalize(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (nargs < 2) return exc_set(S, EXC_TypeError, "finalize expected at least 2 positional arguments, got %lld",
                                  (long long)nargs);
    VmState *vm = &S->vm;
    if (!vm->finalizers) {
        if (!(vm->finalizers = list_new(S, 0))) return 0;
        ob_move(S, vm->finalizers, HOLD_TEMP, HOLD_INTERNAL(0, R_INTERP));
    }
    Obj f = ob_alloc(S, TI_FINALIZE, 0);
    if (!f) return 0;
    gc_track(S, f);
    /* the weakref calls the finalize object back when the referent dies */
    Obj wr = weakref_new(S, args[0], f);
    if (!wr) {
        ob_decref(S, f, HOLD_TEMP);
        return 0;
    }
    ob_set_field(S, f, FIN_WEAKREF_OFF, R_NONE, wr);
    ob_incref(S, args[1], HOLD_TEMP);
    ob_set_field(S, f, FIN_FUNC_OFF, R_NONE, args[1]);
    Obj t = tuple_pack(S, nargs - 2, args + 2);
    if (!t) {
        ob_decref(S, f, HOLD_TEMP);
        return 0;
    }
    ob_set_field(S, f, FIN_ARGS_OFF, R_NONE, t);
    int64_t nk = kwnames ? ob_size(S, kwnames) : 0;
    if (nk) {
        Obj kw = dict_new(S);
        if (!kw) {
            ob_decref(S, f, HOLD_TEMP);
            return 0;
        }
        ob_set_field(S, f, FIN_KWARGS_OFF, R_NONE, kw);
        for (int64_t i = 0; i < nk; i++)
            if (dict_setitem(S, kw, tuple_item(S, kwnames, i), args[nargs + i])) {
                ob_decref(S, f, HOLD_TEMP);
                return 0;
            }
    }
    /* the registry keeps it alive until it runs, as finalize._registry does */
    if (list_append(S, vm->finalizers, f)) {
        ob_decref(S, f, HOLD_TEMP);
        return 0;
    }
    return f;
}

int finalize_alive(const Sim *S, Obj f) { return ob_get64(S, f, FIN_FUNC_OFF) != 0; }

Obj finalize_call(Sim *S, Obj f)
{
    if (!finalize_alive(S, f)) {
        ob_incref(S, S->none, HOLD_TEMP);
        return S->none;
    }
    /* detach: take the call's parts, drop the weakref, leave the registry */
    Obj func = ob_get64(S, f, FIN_FUNC_OFF), args = ob_get64(S, f, FIN_ARGS_OFF), kw = ob_get64(S, f, FIN_KWARGS_OFF);
    Obj wr = ob_get64(S, f, FIN_WEAKREF_OFF);
    ob_set64(S, f, FIN_FUNC_OFF, 0);
    ob_set64(S, f, FIN_ARGS_OFF, 0);
    ob_set64(S, f, FIN_KWARGS_OFF, 0);
    ob_set64(S, f, FIN_WEAKREF_OFF, 0);
    ob_move(S, func, HOLD_INTERNAL(f, R_NONE), HOLD_TEMP);
    ob_move(S, args, HOLD_INTERNAL(f, R_NONE), HOLD_TEMP);
    if (kw) ob_move(S, kw, HOLD_INTERNAL(f, R_NONE), HOLD_TEMP);
    vm_temp_push(S, func);
    vm_temp_push(S, args);
    if (kw) vm_temp_push(S, kw);
    ob_xdecref(S, wr, HOLD_INTERNAL(f, R_NONE));
    Obj reg = S->vm.finalizers;
    for (int64_t i = 0; reg && i < ob_size(S, reg); i++) {
        if (list_get(S, reg, i) != f) continue;
        ob_incref(S, f, HOLD_TEMP);
        Obj gone = list_pop(S, reg, i);
        ob_decref(S, gone, HOLD_TEMP);
        vm_temp_push(S, f);
        break;
    }
    int64_t n = ob_size(S, args), nk = kw ? dict_len(S, kw) : 0;
    Obj *v = malloc(sizeof(Obj) * (size_t)(n + nk + 1));
    if (!v) abort(); /* host out of memory */
    for (int64_t i = 0; i < n; i++) v[i] = tuple_item(S, args, i);
    Obj kwnames = 0, r = 0;
    if (nk) {
        kwnames = tuple_new(S, nk);
        int64_t pos = 0, i = 0;
        Obj k, val;
        while (kwnames && dict_next(S, kw, &pos, &k, &val)) {
            ob_incref(S, k, HOLD_TEMP);
            tuple_set_item(S, kwnames, i, k);
            v[n + i++] = val;
        }
    }
    if (!nk || kwnames) r = rt_call(S, func, v, n, kwnames);
    free(v);
    ob_xdecref(S, kwnames, HOLD_TEMP);
    int pushed_f = S->vm.ntemps && S->vm.temps[S->vm.ntemps - 1] == f;
    if (pushed_f) {
        vm_temp_pop(S);
        ob_decref(S, f, HOLD_TEMP);
    }
    if (kw) vm_temp_pop(S);
    vm_temp_pop(S);
    vm_temp_pop(S);
    ob_xdecref(S, kw, HOLD_TEMP);
    ob_decref(S, args, HOLD_TEMP);
    ob_decref(S, func, HOLD_TEMP);
    return r;
}
