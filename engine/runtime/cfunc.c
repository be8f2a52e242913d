/* cfunc.c -- argument checks for the engine's C functions (cfunc.h). */
#include <string.h>

#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/cfunc.h"
#include "vm/vm.h"

static int64_t nkw(const Sim *S, Obj kwnames) { return kwnames ? ob_size(S, kwnames) : 0; }

int cf_no_kwargs(Sim *S, const char *name, Obj kwnames)
{
    if (nkw(S, kwnames) == 0) return 0;
    exc_set(S, EXC_TypeError, "%s() takes no keyword arguments", name);
    return -1;
}

int cf_noargs(Sim *S, const char *name, int64_t nargs, Obj kwnames)
{
    if (cf_no_kwargs(S, name, kwnames)) return -1;
    if (nargs == 0) return 0;
    exc_set(S, EXC_TypeError, "%s() takes no arguments (%lld given)", name, (long long)nargs);
    return -1;
}

int cf_one_arg(Sim *S, const char *name, int64_t nargs, Obj kwnames)
{
    if (cf_no_kwargs(S, name, kwnames)) return -1;
    if (nargs == 1) return 0;
    exc_set(S, EXC_TypeError, "%s() takes exactly one argument (%lld given)", name, (long long)nargs);
    return -1;
}

int cf_positional(Sim *S, const char *name, int64_t nargs, Obj kwnames, int64_t min, int64_t max)
{
    if (cf_no_kwargs(S, name, kwnames)) return -1;
    if (nargs >= min && nargs <= max) return 0;
    int64_t n = nargs < min ? min : max;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    exc_set(S, EXC_TypeError, "%s expected %s%lld argument%s, got %lld", name, how, (long long)n,
            n == 1 ? "" : "s", (long long)nargs);
    return -1;
}

_Static_assert(KWT_COUNT <= VM_KWTUPLES, "VmState.kwtuples has a slot per parser");

int cf_parser_init(Sim *S, int slot, const char *const *keywords)
{
    if (S->vm.kwtuples[slot]) return 0;
    int64_t n = 0;
    while (keywords[n]) n++;
    /* new_kwtuple: PyUnicode_InternFromString of each name */
    Obj t = tuple_new(S, n);
    if (!t) return -1;
    for (int64_t i = 0; i < n; i++) {
        Obj s = str_from_cstr(S, keywords[i]);
        if (!s) {
            ob_decref(S, t, HOLD_TEMP);
            return -1;
        }
        str_intern(S, &s);
        tuple_set_item(S, t, i, s);
    }
    S->vm.kwtuples[slot] = t;
    ob_move(S, t, HOLD_TEMP, HOLD_INTERNAL(0, R_INTERP));
    return 0;
}

Obj cf_kwarg(Sim *S, const Obj *args, int64_t nargs, Obj kwnames, const char *kw)
{
    size_t len = strlen(kw);
    for (int64_t i = 0; i < nkw(S, kwnames); i++) {
        Obj k = tuple_item(S, kwnames, i);
        char buf[64];
        if ((size_t)str_len(S, k) != len || len >= sizeof buf) continue;
        str_to_utf8(S, k, buf, sizeof buf);
        if (!strcmp(buf, kw)) return args[nargs + i];
    }
    return 0;
}

int cf_pack(Sim *S, const Obj *args, int64_t nargs, Obj kwnames, Obj *argtuple, Obj *kwdict)
{
    /* f(*t) hands t itself to tp_call (vmops_call_ex); a method
     * descriptor's adapter, which gets the items after self, packs anew */
    Obj t;
    if (args && args == S->vm.ex_argv && nargs == ob_size(S, S->vm.ex_args)) {
        t = S->vm.ex_args;
        ob_incref(S, t, HOLD_TEMP);
    } else {
        t = tuple_pack(S, nargs, args);
    }
    S->vm.ex_argv = 0; /* nothing called from here is that call */
    S->vm.ex_args = 0;
    *argtuple = t;
    *kwdict = 0;
    if (!t) return -1;
    vm_temp_push(S, t);
    int64_t n = nkw(S, kwnames);
    if (!n) return 0;
    /* _PyStack_AsDict: _PyDict_NewPresized, then each keyword in order */
    Obj d = dict_new_presized(S, n);
    if (d) vm_temp_push(S, d);
    for (int64_t k = 0; d && k < n; k++) {
        if (dict_setitem(S, d, tuple_item(S, kwnames, k), args[nargs + k]) == 0) continue;
        vm_temp_pop(S);
        ob_decref(S, d, HOLD_TEMP);
        d = 0;
    }
    if (!d) {
        vm_temp_pop(S);
        ob_decref(S, t, HOLD_TEMP);
        *argtuple = 0;
        return -1;
    }
    *kwdict = d;
    return 0;
}

void cf_unpack(Sim *S, Obj argtuple, Obj kwdict)
{
    if (kwdict) vm_temp_pop(S);
    vm_temp_pop(S);
    ob_decref(S, argtuple, HOLD_TEMP);
    if (kwdict) ob_decref(S, kwdict, HOLD_TEMP);
}

Obj cf_call_varargs(Sim *S, CFunc fn, Obj self, const Obj *args, int64_t nargs, Obj kwnames,
                    const char *no_kw_name)
{
    if (no_kw_name && cf_no_kwargs(S, no_kw_name, kwnames)) return 0;
    Obj argtuple, kwdict;
    if (cf_pack(S, args, nargs, kwnames, &argtuple, &kwdict) < 0) return 0;
    Obj r = fn(S, self, args, nargs, kwnames);
    cf_unpack(S, argtuple, kwdict);
    return r;
}
