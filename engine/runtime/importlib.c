/* importlib.c -- see importlib.h. */
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/builtins.h"
#include "runtime/importlib.h"

/* scripts/cpython-import-ops "import gc": _find_and_load of a built-in
 * module, from the KeyError of sys.modules to the module's exec; "m" is
 * where create_builtin makes the module. */
static const char FIND_AND_LOAD[] =
    "t1+ o+ t1- o+ o+ t1+ o+ o+ o+ t1- o- o- t1+ o+ o+ o+ t1- t1+ o+ t2+ o+ t2- o- o+ o+ o- t3+ t3- "
    "o- o- t3+ t3- o+ o+ o+ o+ o- o+ o+ d+ d+ t1+ t1- t1+ t1- o- d- o+ o- d- o- o- o+ o+ o+ o- o+ o- "
    "o+ o- o+ o- t2+ d+ o+ t2+ l+ t2- t2- d- o- o- o- o- d+ t1+ d+ t2+ t2- m d- t1- d- t3+ t3- t1+ "
    "o+ t1- o- t1+ o+ t1- o- d+ t1+ d+ d- t1- d- t2+ t2- d+ t3+ o+ o+ o- t3+ t3- o- t3- d- o- t1- o- "
    "o- o- o- o- o-";

/* scripts/cpython-import-ops "import sys" (already in sys.modules):
 * _PyModuleSpec_IsInitializing's AttributeError, made and dropped.  The
 * same for the __path__ lookup when a fromlist is given. */
static const char ATTRIBUTE_ERROR[] = "t1+ o+ t1- o-";

#define MAX_HELD 64

typedef struct Replay {
    Obj held[MAX_HELD];   /* made and not yet released, in order */
    int n;
} Replay;

/* Releases the last object held whose kind is `tuple_n` items (0: dict). */
static void release_last(Sim *S, Replay *r, int tuple_n)
{
    for (int i = r->n; --i >= 0;) {
        Obj o = r->held[i];
        int match = tuple_n ? ob_is(S, o, TI_TUPLE) && ob_size(S, o) == tuple_n : ob_is(S, o, TI_DICT);
        if (!match) continue;
        memmove(&r->held[i], &r->held[i + 1], (size_t)(r->n - i - 1) * sizeof *r->held);
        r->n--;
        ob_decref(S, o, HOLD_TEMP);
        return;
    }
}

/* Runs `ops`; at "m" makes module `cname` into *mod.  0, or -1 with an
 * exception (what was made is released). */
static int replay(Sim *S, const char *ops, const char *cname, Obj *mod)
{
    Replay r = {.n = 0};
    int ok = 1;
    for (const char *p = ops; *p && ok; p += strcspn(p, " "), p += *p == ' ') {
        char op = p[0];
        char sign = p[strcspn(p, " ") - 1];
        switch (op) {
        case 't':
        case 'd':
            if (sign == '-') {
                release_last(S, &r, op == 't' ? atoi(p + 1) : 0);
            } else if (r.n < MAX_HELD) {
                Obj o = op == 't' ? tuple_new(S, atoi(p + 1)) : dict_new(S);
                if (o) r.held[r.n++] = o;
                else ok = 0;
            }
            break;
        case 'l': list_take_unmodelled(S); break;
        case 'o':   /* _PyObject_GC_Link / PyObject_GC_Del of an object not modelled */
            if (sign == '+') gc_count_link(S);
            else gc_count_del(S);
            break;
        case 'm':
            *mod = builtins_make_module(S, cname);
            ok = *mod != 0;
            break;
        default: break;
        }
    }
    while (r.n) ob_decref(S, r.held[--r.n], HOLD_TEMP);
    return ok ? 0 : -1;
}

Obj importlib_import(Sim *S, Obj name, Obj fromlist)
{
    Obj mod = dict_getitem(S, S->vm.modules, name);
    if (S->exc) return 0;
    char n[128];
    str_to_utf8(S, name, n, sizeof n);
    if (mod) {
        ob_incref(S, mod, HOLD_TEMP);
        if (replay(S, ATTRIBUTE_ERROR, n, NULL) < 0) goto fail;
    } else {
        if (!builtins_is_module(n)) {
            exc_set(S, EXC_ModuleNotFoundError,
                    "No module named '%s' (refscope simulates the modules sys, gc and weakref)", n);
            return 0;
        }
        if (replay(S, FIND_AND_LOAD, n, &mod) < 0) return 0;
        if (dict_setitem(S, S->vm.modules, name, mod)) goto fail;
    }
    /* the __path__ lookup of a module that is not a package */
    if (fromlist != S->none && replay(S, ATTRIBUTE_ERROR, n, NULL) < 0) goto fail;
    return mod;
fail:
    ob_decref(S, mod, HOLD_TEMP);
    return 0;
}
