/*
 * modules.c -- the simulated modules: sys (getrefcount, getsizeof,
 * intern, the recursion limit, exit), gc (its API surface; the collector
 * itself comes with the collector's issue) and weakref (ref,
 * getweakrefcount).
 */
#include <stdio.h>
#include <string.h>

#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"
#include "runtime/builtins.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"
#include "runtime/vmops.h"
#include "vm/vm.h"

int builtins_add_functions(Sim *S, Obj module, const CFuncDef *table);

static Obj none(Sim *S)
{
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}

static Obj boolean(Sim *S, int v)
{
    Obj b = v ? S->true_ : S->false_;
    ob_incref(S, b, HOLD_TEMP);
    return b;
}

/* ---- sys ---- */

static Obj sys_getrefcount(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "sys.getrefcount", nargs, kwnames)) return 0;
    return int_from_i64(S, ob_refcnt(S, args[0]));
}

/* A built-in type's __sizeof__ (object.__sizeof__, list.__sizeof__, ...):
 * the size without the GC header. */
static Obj m_sizeof(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)args;
    if (cf_noargs(S, "__sizeof__", nargs, kwnames)) return 0;
    return int_from_i64(S, (int64_t)(ob_getsizeof(S, self) - (ob_is_gc(S, self) ? GC_HEAD_SIZE : 0)));
}

const CFuncDef cf_sizeof_hook[] = {{"__sizeof__", m_sizeof}, {NULL, NULL}};

/* PyArg_ParseTupleAndKeywords(args, kwds, "O|O:getsizeof", {"object",
 * "default"}); the default is never needed: every object here has a size. */
static Obj getsizeof_(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    int64_t nk = kwnames ? ob_size(S, kwnames) : 0;
    if (nargs + nk > 2) return exc_set(S, EXC_TypeError, "getsizeof() takes at most 2 arguments (%lld given)",
                                       (long long)(nargs + nk));
    Obj o = nargs ? args[0] : 0;
    for (int64_t i = 0; i < nk; i++) {
        char kw[64];
        str_to_utf8(S, tuple_item(S, kwnames, i), kw, sizeof kw);
        int is_obj = !strcmp(kw, "object");
        if (!is_obj && strcmp(kw, "default"))
            return exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for getsizeof()", kw);
        if ((is_obj && nargs >= 1) || (!is_obj && nargs >= 2)) {
            return exc_set(S, EXC_TypeError, "argument for getsizeof() given by name ('%s') and position (%d)", kw,
                           is_obj ? 1 : 2);
        }
        if (is_obj) o = args[nargs + i];
    }
    if (!o) return exc_set(S, EXC_TypeError, "getsizeof() missing required argument 'object' (pos 1)");
    /* _PySys_GetSizeOf: _PyObject_LookupSpecial binds __sizeof__ (a bound
     * builtin method, made for the call), then the GC header is added */
    Obj r = rt_call_bound(S, cf_sizeof_hook, "__sizeof__", o, NULL, 0, 0);
    if (!r) return 0;
    int64_t size;
    int bad = int_as_i64(S, r, &size);
    ob_decref(S, r, HOLD_TEMP);
    if (bad) return 0;
    return int_from_i64(S, size + (ob_is_gc(S, o) ? GC_HEAD_SIZE : 0));
}

/* sys.getsizeof is METH_VARARGS|METH_KEYWORDS: its arguments arrive as a
 * tuple (and a dict). */
static Obj sys_getsizeof(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    return cf_call_varargs(S, getsizeof_, self, args, nargs, kwnames, NULL);
}

static Obj sys_intern(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "sys.intern", nargs, kwnames)) return 0;
    if (!ob_is(S, args[0], TI_STR)) {
        char n[64];
        vmops_type_name(S, args[0], n, sizeof n, 0);
        return exc_set(S, EXC_TypeError, "intern() argument must be str, not %s", n);
    }
    Obj s = args[0];
    ob_incref(S, s, HOLD_TEMP);
    str_intern(S, &s);
    return s;
}

static Obj sys_getrecursionlimit(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "sys.getrecursionlimit", nargs, kwnames)) return 0;
    return int_from_i64(S, S->vm.recursion_limit);
}

static Obj sys_setrecursionlimit(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "sys.setrecursionlimit", nargs, kwnames)) return 0;
    /* _PyLong_AsInt: through __index__, a C int */
    Obj ix = num_index(S, args[0]);
    if (!ix) return 0;
    int64_t n;
    int bad = int_as_i64(S, ix, &n);
    ob_decref(S, ix, HOLD_TEMP);
    if (bad || n > INT32_MAX || n < INT32_MIN) {
        exc_clear(S);
        return exc_set(S, EXC_OverflowError, "Python int too large to convert to C int");
    }
    if (n < 1) return exc_set(S, EXC_ValueError, "recursion limit must be greater or equal than 1");
    if (n <= S->vm.depth)
        return exc_set(S, EXC_RecursionError,
                       "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                       (long long)n, S->vm.depth);
    /* the host stack bounds what nested evaluation loops can do */
    S->vm.recursion_limit = n > 100000 ? 100000 : (int)n;
    return none(S);
}

static Obj sys_exit(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "exit", nargs, kwnames, 0, 1)) return 0;
    Obj t = tuple_pack(S, nargs, args);
    if (!t) return 0;
    return exc_set_args(S, EXC_SystemExit, t);
}

static Obj sys_exc_info(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "sys.exc_info", nargs, kwnames)) return 0;
    Obj h = S->vm.handled;
    if (!h || h == S->none) {
        Obj v[3] = {S->none, S->none, S->none};
        return tuple_pack(S, 3, v);
    }
    Obj tb = ob_get64(S, h, 40);
    Obj v[3] = {ob_type(S, h), h, tb ? tb : S->none};
    return tuple_pack(S, 3, v);
}

const CFuncDef cf_sys_functions[] = {
    {"exc_info", sys_exc_info},
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"getrefcount", sys_getrefcount},
    {"getsizeof", sys_getsizeof},
    {"intern", sys_intern},
    {"setrecursionlimit", sys_setrecursionlimit},
    {NULL, NULL},
};

/* ---- gc ---- */

/* gc.collect(generation=2) */
static Obj gc_collect_f(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    int64_t nkw = kwnames ? ob_size(S, kwnames) : 0;
    if (nargs + nkw > 1)
        return exc_set(S, EXC_TypeError, "collect() takes at most 1 argument (%lld given)",
                       (long long)(nargs + nkw));
    if (nkw && !cf_kwarg(S, args, nargs, kwnames, "generation")) {
        char kw[64];
        str_to_utf8(S, tuple_item(S, kwnames, 0), kw, sizeof kw);
        return exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for collect()", kw);
    }
    int64_t generation = 2;
    if (nargs + nkw == 1 && int_as_i64(S, args[0], &generation)) return 0;
    if (generation < 0 || generation > 2) return exc_set(S, EXC_ValueError, "invalid generation");
    return int_from_i64(S, gc_collect_explicit(S, (int)generation));
}

/* gc.get_stats(): a list of {collections, collected, uncollectable}, from
 * a copy of the statistics taken first (a collection the list's own
 * allocations start does not show). */
static Obj gc_get_stats(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.get_stats", nargs, kwnames)) return 0;
    GcGenStats stats[3];
    memcpy(stats, S->gc.stats, sizeof stats);
    Obj list = list_new(S, 0);
    for (int g = 0; list && g < 3; g++) {
        const GcGenStats *st = &stats[g];
        static const char *const keys[3] = {"collections", "collected", "uncollectable"};
        int64_t vals[3] = {st->collections, st->collected, st->uncollectable};
        Obj d = dict_new(S);
        for (int i = 0; d && i < 3; i++) {
            Obj v = int_from_i64(S, vals[i]);
            if (!v || dict_set_cstr(S, d, keys[i], v)) {
                ob_decref(S, d, HOLD_TEMP);
                d = 0;
            }
            ob_xdecref(S, v, HOLD_TEMP);
        }
        int r = !d || list_append(S, list, d);
        ob_xdecref(S, d, HOLD_TEMP);
        if (r) {
            ob_decref(S, list, HOLD_TEMP);
            list = 0;
        }
    }
    return list;
}

static Obj gc_get_count(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.get_count", nargs, kwnames)) return 0;
    Obj v[3];
    for (int i = 0; i < 3; i++) v[i] = int_from_i64(S, S->gc.gen[i].count);
    Obj t = tuple_new(S, 3);
    for (int i = 0; i < 3; i++) {
        if (t) tuple_set_item(S, t, i, v[i]);
        else ob_xdecref(S, v[i], HOLD_TEMP);
    }
    return t;
}

static Obj gc_get_threshold(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.get_threshold", nargs, kwnames)) return 0;
    Obj t = tuple_new(S, 3);
    if (!t) return 0;
    for (int i = 0; i < 3; i++) tuple_set_item(S, t, i, int_from_i64(S, S->gc.gen[i].threshold));
    return t;
}

static Obj gc_set_threshold(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_no_kwargs(S, "set_threshold", kwnames)) return 0;
    /* METH_VARARGS: the call packs the arguments into a tuple first */
    Obj packed = tuple_pack(S, nargs, args);
    if (!packed) return 0;
    Obj r = 0;
    int64_t v[3];
    if (nargs < 1 || nargs > 3) {
        exc_set(S, EXC_TypeError, "set_threshold() takes %s %d argument%s (%lld given)",
                nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s", (long long)nargs);
        goto done;
    }
    for (int64_t i = 0; i < nargs; i++) { /* PyArg_ParseTuple stores as it goes */
        if (int_as_i64(S, args[i], &v[i])) goto done;
        S->gc.gen[i].threshold = v[i];
    }
    r = none(S);
done:
    ob_decref(S, packed, HOLD_TEMP);
    return r;
}

static Obj gc_enable(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.enable", nargs, kwnames)) return 0;
    S->gc.enabled = 1;
    return none(S);
}

static Obj gc_disable(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.disable", nargs, kwnames)) return 0;
    S->gc.enabled = 0;
    return none(S);
}

static Obj gc_isenabled(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.isenabled", nargs, kwnames)) return 0;
    return boolean(S, S->gc.enabled);
}

static Obj gc_is_tracked_f(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "gc.is_tracked", nargs, kwnames)) return 0;
    return boolean(S, ob_is_gc(S, args[0]) && gc_is_tracked(S, args[0]));
}

static Obj gc_is_finalized_f(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "gc.is_finalized", nargs, kwnames)) return 0;
    return boolean(S, ob_is_gc(S, args[0]) && gc_is_finalized(S, args[0]));
}

/* A list being filled by a visitor; err once an append failed. */
typedef struct Collect {
    Obj list;
    int err;
} Collect;

static void collect(Sim *S, Obj o, void *ud)
{
    Collect *c = ud;
    if (!c->err && o != c->list && list_append(S, c->list, o)) c->err = 1;
}

/* tp_traverse: the ledger's walk without what CPython does not visit. */
static void collect_referent(Sim *S, Obj target, const Holder *hd, void *ud)
{
    if (gc_traverses(S, hd)) collect(S, target, ud);
}

static Obj gc_get_referents(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_no_kwargs(S, "get_referents", kwnames)) return 0;
    /* METH_VARARGS: the call packs the arguments into a tuple first */
    Obj objs = tuple_pack(S, nargs, args);
    if (!objs) return 0;
    Obj l = list_new(S, 0);
    Collect c = {l, !l};
    for (int64_t i = 0; i < nargs && !c.err; i++)
        if (ob_is_gc(S, args[i])) ob_referents(S, args[i], collect_referent, &c);
    ob_decref(S, objs, HOLD_TEMP);
    if (c.err && l) {
        ob_decref(S, l, HOLD_TEMP);
        return 0;
    }
    return c.err ? 0 : l;
}

typedef struct Referrers {
    Obj objs, list;   /* the arguments' tuple, the result */
    int hit, err;
} Referrers;

/* referrersvisit: does this reference point at one of the arguments? */
static void referrer_visit(Sim *S, Obj target, const Holder *hd, void *ud)
{
    Referrers *r = ud;
    if (r->hit || !gc_traverses(S, hd)) return;
    for (int64_t i = 0; i < ob_size(S, r->objs); i++)
        if (tuple_item(S, r->objs, i) == target) r->hit = 1;
}

static void referrer_of(Sim *S, Obj o, void *ud)
{
    Referrers *r = ud;
    if (r->err || o == r->objs || o == r->list) return;
    r->hit = 0;
    ob_referents(S, o, referrer_visit, r);
    if (r->hit && list_append(S, r->list, o)) r->err = 1;
}

/* gc.get_referrers(*objs): METH_VARARGS (the arguments arrive as a new
 * tuple); every object of generations 0, 1, 2, in list order, whose
 * tp_traverse reaches one of them, once. */
static Obj gc_get_referrers(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_no_kwargs(S, "get_referrers", kwnames)) return 0;
    Obj objs = tuple_pack(S, nargs, args);
    if (!objs) return 0;
    Obj l = list_new(S, 0);
    Referrers r = {objs, l, 0, !l};
    for (int g = 0; g < 3 && !r.err; g++) gc_list_each(S, S->gc.gen[g].head, referrer_of, &r);
    ob_decref(S, objs, HOLD_TEMP);
    if (r.err && l) {
        ob_decref(S, l, HOLD_TEMP);
        return 0;
    }
    return r.err ? 0 : l;
}

static Obj gc_get_freeze_count(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.get_freeze_count", nargs, kwnames)) return 0;
    return int_from_i64(S, gc_list_size(S, S->gc.permanent.head));
}

/* gc.freeze(): every tracked object moves to the permanent generation,
 * which collections never look at; the counts restart. */
static Obj gc_freeze(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.freeze", nargs, kwnames)) return 0;
    for (int i = 0; i < 3; i++) {
        gc_list_merge(S, S->gc.gen[i].head, S->gc.permanent.head);
        S->gc.gen[i].count = 0;
    }
    S->gc.phantom_frozen += S->gc.phantom; /* CPython's start-up objects go too */
    S->gc.phantom = 0;
    return none(S);
}

static Obj gc_unfreeze(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.unfreeze", nargs, kwnames)) return 0;
    gc_list_merge(S, S->gc.permanent.head, S->gc.gen[2].head);
    S->gc.phantom += S->gc.phantom_frozen;
    S->gc.phantom_frozen = 0;
    return none(S);
}

static Obj gc_get_objects(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    Obj gen = nargs ? args[0] : cf_kwarg(S, args, nargs, kwnames, "generation");
    if (nargs > 1) return exc_set(S, EXC_TypeError, "get_objects() takes at most 1 argument (%lld given)",
                                  (long long)nargs);
    int64_t g = -1;
    if (gen && gen != S->none) {
        if (int_as_i64(S, gen, &g)) return 0;
        /* -1 is the C default: every generation */
        if (g >= 3) return exc_set(S, EXC_ValueError, "generation parameter must be less than the number of available generations (3)");
        if (g < -1) return exc_set(S, EXC_ValueError, "generation parameter cannot be negative");
    }
    Obj l = list_new(S, 0);
    if (!l) return 0;
    Collect ga = {l, 0};
    for (int i = 0; i < 3; i++)
        if (g < 0 || g == i) gc_list_each(S, S->gc.gen[i].head, collect, &ga);
    if (ga.err) {
        ob_decref(S, l, HOLD_TEMP);
        return 0;
    }
    return l;
}

static Obj gc_get_debug(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "gc.get_debug", nargs, kwnames)) return 0;
    return int_from_i64(S, S->gc.debug);
}

static Obj gc_set_debug(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "gc.set_debug", nargs, kwnames)) return 0;
    int64_t v;
    if (int_as_i64(S, args[0], &v)) return 0;
    S->gc.debug = (int)v;
    return none(S);
}

const CFuncDef cf_gc_functions[] = {
    {"freeze", gc_freeze},
    {"get_debug", gc_get_debug},
    {"get_objects", gc_get_objects},
    {"set_debug", gc_set_debug},
    {"unfreeze", gc_unfreeze},
    {"get_freeze_count", gc_get_freeze_count},
    {"get_referrers", gc_get_referrers},
    {"collect", gc_collect_f},
    {"get_stats", gc_get_stats},
    {"disable", gc_disable},
    {"enable", gc_enable},
    {"get_count", gc_get_count},
    {"get_referents", gc_get_referents},
    {"get_threshold", gc_get_threshold},
    {"is_finalized", gc_is_finalized_f},
    {"is_tracked", gc_is_tracked_f},
    {"isenabled", gc_isenabled},
    {"set_threshold", gc_set_threshold},
    {NULL, NULL},
};

/* ---- weakref ---- */

static Obj weakref_new_(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type, (void)kwnames;
    if (nargs < 1)
        return exc_set(S, EXC_TypeError, "__new__ expected at least 1 argument, got %lld", (long long)nargs);
    if (nargs > 2)
        return exc_set(S, EXC_TypeError, "__new__ expected at most 2 arguments, got %lld", (long long)nargs);
    Obj cb = nargs == 2 && args[1] != S->none ? args[1] : 0;
    return weakref_new(S, args[0], cb);
}

/* weakref.ref has no vectorcall in 3.11: _PyObject_MakeTpCall packs the
 * arguments into a tuple for weakref___new__ (keywords refused first). */
Obj cf_new_weakref(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    return cf_call_varargs(S, weakref_new_, type, args, nargs, kwnames, "ref");
}

static Obj wr_getweakrefcount(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "_weakref.getweakrefcount", nargs, kwnames)) return 0;
    return int_from_i64(S, weakref_count(S, args[0]));
}

const CFuncDef cf_weakref_functions[] = {
    {"getweakrefcount", wr_getweakrefcount},
    {NULL, NULL},
};

/* ---- making modules ---- */


static const CFuncDef *module_functions(const char *name)
{
    return !strcmp(name, "sys") ? cf_sys_functions : !strcmp(name, "gc") ? cf_gc_functions
         : !strcmp(name, "weakref") ? cf_weakref_functions : NULL;
}

int builtins_is_module(const char *name) { return module_functions(name) != NULL; }

Obj builtins_make_module(Sim *S, const char *name)
{
    const CFuncDef *table = module_functions(name);
    if (!table) return 0;
    Obj n = str_from_cstr(S, name);
    if (!n) return 0;
    str_intern(S, &n);
    Obj m = module_new(S, n);
    ob_decref(S, n, HOLD_TEMP);
    if (!m) return 0;
    if (builtins_add_functions(S, m, table)) goto fail;
    if (!strcmp(name, "sys")) {
        Obj v = int_from_i64(S, INT64_MAX);
        int r = !v || dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "maxsize", v);
        ob_xdecref(S, v, HOLD_TEMP);
        if (r) goto fail;
        if (dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "modules", S->vm.modules)) goto fail;
        Obj out = builtins_stdio(S, 1), err = builtins_stdio(S, 2);
        if (!out || !err || dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "stdout", out) ||
            dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "stderr", err))
            goto fail;
    } else if (!strcmp(name, "weakref")) {
        if (dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "ref", S->types[TI_WEAKREF].type) ||
            dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "WeakValueDictionary", S->types[TI_WEAKVALUEDICT].type) ||
            dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "finalize", S->types[TI_FINALIZE].type))
            goto fail;
    } else if (!strcmp(name, "gc")) {
        static const struct { const char *n; int v; } flags[] = {
            {"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
            {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38}};
        for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
            Obj v = int_from_i64(S, flags[i].v);
            if (!v || dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), flags[i].n, v)) goto fail;
            ob_decref(S, v, HOLD_TEMP);
        }
        if (dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "garbage", S->gc.garbage) ||
            dict_set_cstr(S, ob_get64(S, m, MODULE_DICT_OFF), "callbacks", S->gc.callbacks))
            goto fail;
    }
    return m;
fail:
    ob_decref(S, m, HOLD_TEMP);
    return 0;
}
