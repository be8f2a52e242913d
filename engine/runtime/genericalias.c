/* genericalias.c -- see genericalias.h. */
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/iters.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "runtime/genericalias.h"
#include "runtime/registry.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

static int is_heap_type(const Sim *S, Obj t) { return (tp_flags(S, t) & TPF_HEAPTYPE) != 0; }


static Obj ret(Sim *S, Obj v)
{
    ob_incref(S, v, HOLD_TEMP);
    return v;
}

/* The built-in class whose methods `type` inherits: itself, or the first
 * built-in one on its tp_base chain. */
static TypeId builtin_base(const Sim *S, Obj type)
{
    Obj t = type;
    while (t && is_heap_type(S, t)) t = ob_get64(S, t, TP_BASE_OFF);
    return t ? (TypeId)tp_index(S, t) : TI_OBJECT;
}

/* Whether 3.11 gives the class a __class_getitem__ (list, dict, ...,
 * inherited by subclasses); `type` has none -- PyObject_GetItem
 * special-cases it. */
static int has_class_getitem(const Sim *S, Obj type)
{
    switch (builtin_base(S, type)) {
    case TI_LIST:
    case TI_DICT:
    case TI_TUPLE:
    case TI_SET:
    case TI_FROZENSET:
    case TI_ENUMERATE:
    case TI_WEAKREF:
    case TI_WEAKVALUEDICT: return 1;
    default: return 0;
    }
}

/* PyVectorcall_Function(origin) != NULL: the built-in classes with a
 * tp_vectorcall; a class statement's has none in 3.11, nor has
 * weakref.ref (nor WeakValueDictionary, a Python class there). */
static int has_vectorcall(const Sim *S, Obj type)
{
    if (is_heap_type(S, type) || !ob_is(S, type, TI_TYPE)) return 0;
    switch ((TypeId)tp_index(S, type)) {
    case TI_LIST:
    case TI_DICT:
    case TI_TUPLE:
    case TI_SET:
    case TI_FROZENSET:
    case TI_ENUMERATE:
    case TI_TYPE: return 1;
    default: return 0;
    }
}

static Obj m_class_getitem(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "__class_getitem__", nargs, kwnames)) return 0;
    return genericalias_new(S, self, args[0], has_vectorcall(S, self));
}

static Obj m_instancecheck(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    (void)args;
    if (cf_one_arg(S, "__instancecheck__", nargs, kwnames)) return 0;
    return exc_set(S, EXC_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static Obj m_subclasscheck(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    (void)args;
    if (cf_one_arg(S, "__subclasscheck__", nargs, kwnames)) return 0;
    return exc_set(S, EXC_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

const CFuncDef cf_genericalias_hooks[] = {
    {"__class_getitem__", m_class_getitem},
    {"__instancecheck__", m_instancecheck},
    {"__subclasscheck__", m_subclasscheck},
    {NULL, NULL},
};

/* The hook `name` bound to self (a builtin method, a GC object, as
 * classmethod_get and method_get make it), called with one argument and
 * released.  New reference. */
static Obj call_bound_hook(Sim *S, const char *name, Obj self, Obj arg)
{
    Obj m = builtin_new(S, (uint32_t)cf_index_of(cf_genericalias_hooks, name), self, 0);
    if (!m) return 0;
    vm_temp_push(S, m);
    Obj r = rt_call(S, m, &arg, 1, 0);
    vm_temp_pop(S);
    ob_decref(S, m, HOLD_TEMP);
    return r;
}

Obj ga_class_subscript(Sim *S, Obj type, Obj key)
{
    /* "Special case type[int], but disallow other types so str[int] fails" */
    if (type == S->types[TI_TYPE].type) return genericalias_new(S, type, key, 1);
    if (has_class_getitem(S, type)) return call_bound_hook(S, "__class_getitem__", type, key);
    char n[128];
    return exc_set(S, EXC_TypeError, "type '%s' is not subscriptable", tp_name(S, type, n, sizeof n));
}

/* tuple_add: appends t unless the same object is there already. */
static int64_t tuple_add(Sim *S, Obj params, int64_t n, Obj t)
{
    for (int64_t i = 0; i < n; i++)
        if (tuple_item(S, params, i) == t) return 0;
    ob_incref(S, t, HOLD_TEMP);
    tuple_set_item(S, params, n, t);
    return 1;
}

/* _Py_make_parameters: the type variables among args -- those with a
 * __typing_subst__, and the __parameters__ of the others (a nested
 * alias's, computed and cached by the lookup) -- skipping classes.  A
 * tuple of len(args) items is made first and shrunk after: to the ()
 * singleton (freeing it) when nothing was found.  New reference. */
static Obj make_parameters(Sim *S, Obj args)
{
    int64_t nargs = ob_size(S, args), len = nargs, n = 0;
    Obj params = tuple_new(S, len);
    if (!params) return 0;
    vm_temp_push(S, params);
    Obj subst_name = str_static_id(S, "__typing_subst__"), params_name = str_static_id(S, "__parameters__");
    for (int64_t i = 0; i < nargs && subst_name && params_name; i++) {
        Obj t = tuple_item(S, args, i), v;
        if (ob_is(S, t, TI_TYPE)) continue; /* not a bare class's __parameters__ descriptor */
        int r = rt_lookup_attr(S, t, subst_name, &v);
        if (r < 0) break;
        if (r) {
            ob_decref(S, v, HOLD_TEMP);
            if (n >= len) { /* cannot happen: at most one per argument */
                exc_set(S, EXC_TypeError, "type variables in __parameters__ are not part of refscope's subset");
                break;
            }
            n += tuple_add(S, params, n, t);
            continue;
        }
        r = rt_lookup_attr(S, t, params_name, &v);
        if (r < 0) break;
        if (!r) continue;
        if (ob_is(S, v, TI_TUPLE) && ob_size(S, v)) {
            /* the tuple would grow past len(args) (_PyTuple_Resize): type
             * variables come from the typing module, outside the subset */
            ob_decref(S, v, HOLD_TEMP);
            exc_set(S, EXC_TypeError, "type variables in __parameters__ are not part of refscope's subset");
            break;
        }
        ob_decref(S, v, HOLD_TEMP);
    }
    vm_temp_pop(S);
    if (S->exc || !subst_name || !params_name) {
        if (!S->exc) exc_no_memory(S);
        ob_decref(S, params, HOLD_TEMP);
        return 0;
    }
    if (n == len) return params;
    if (n == 0) { /* _PyTuple_Resize to 0: the empty singleton */
        ob_decref(S, params, HOLD_TEMP);
        return ret(S, S->empty_tuple);
    }
    Obj shrunk = tuple_new(S, n); /* CPython resizes in place */
    if (shrunk) {
        for (int64_t i = 0; i < n; i++) tuple_set_item(S, shrunk, i, ret(S, tuple_item(S, params, i)));
    }
    ob_decref(S, params, HOLD_TEMP);
    return shrunk;
}

/* ga_parameters: computed once, kept in the alias.  Borrowed reference. */
static Obj parameters(Sim *S, Obj ga)
{
    Obj p = ob_get64(S, ga, GA_PARAMS_OFF);
    if (p) return p;
    p = make_parameters(S, ob_get64(S, ga, GA_ARGS_OFF));
    if (!p) return 0;
    ob_set_field(S, ga, GA_PARAMS_OFF, R_GA_PARAMS, p);
    return p;
}

Obj ga_subscript(Sim *S, Obj ga, Obj key)
{
    (void)key;
    Obj p = parameters(S, ga);
    if (!p) return 0;
    if (ob_size(S, p) == 0) { /* _Py_subs_parameters */
        Obj r = rt_repr(S, ga);
        if (!r) return 0;
        char buf[256];
        str_to_utf8(S, r, buf, sizeof buf);
        ob_decref(S, r, HOLD_TEMP);
        return exc_set(S, EXC_TypeError, "%s is not a generic class", buf);
    }
    return exc_set(S, EXC_TypeError, "substituting type variables is not part of refscope's subset");
}

Obj ga_getattr(Sim *S, Obj ga, Obj name)
{
    /* attr_exceptions: the alias's own; everything else is the origin's */
    if (str_equals_ascii(S, name, "__origin__")) return ret(S, ob_get64(S, ga, GA_ORIGIN_OFF));
    if (str_equals_ascii(S, name, "__args__")) return ret(S, ob_get64(S, ga, GA_ARGS_OFF));
    if (str_equals_ascii(S, name, "__class__")) return ret(S, ob_type(S, ga));
    if (str_equals_ascii(S, name, "__parameters__")) {
        Obj p = parameters(S, ga);
        return p ? ret(S, p) : 0;
    }
    if (str_equals_ascii(S, name, "__unpacked__")) return ret(S, ob_get64(S, ga, GA_STARRED_OFF) ? S->true_ : S->false_);
    if (str_equals_ascii(S, name, "__typing_unpacked_tuple_args__")) return ret(S, S->none); /* never starred here */
    static const char *const own[] = {"__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (str_equals_ascii(S, name, own[i]))
            return exc_set(S, EXC_TypeError, "'types.GenericAlias' object attribute '%s' is not part of refscope's subset",
                           own[i]);
    return rt_getattr(S, ob_get64(S, ga, GA_ORIGIN_OFF), name);
}

Obj ga_richcompare(Sim *S, Obj a, Obj b, int op)
{
    int eq = ob_get64(S, a, GA_STARRED_OFF) == ob_get64(S, b, GA_STARRED_OFF);
    if (eq) eq = rt_compare_bool(S, ob_get64(S, a, GA_ORIGIN_OFF), ob_get64(S, b, GA_ORIGIN_OFF), CMP_EQ);
    if (eq < 0) return 0;
    if (eq) {
        Obj r = rt_richcompare(S, ob_get64(S, a, GA_ARGS_OFF), ob_get64(S, b, GA_ARGS_OFF), CMP_EQ);
        if (op == CMP_EQ || !r) return r;
        /* != is the truth of == inverted: ga_richcompare compares the
         * result with Py_True */
        int t = r == S->true_;
        ob_decref(S, r, HOLD_TEMP);
        return ret(S, t ? S->false_ : S->true_);
    }
    return ret(S, op == CMP_EQ ? S->false_ : S->true_);
}

/* set_orig_class: PyObject_SetAttr(obj, "__orig_class__", alias), an
 * AttributeError or TypeError ignored.  Built-in objects have no
 * __dict__: CPython's error is a message string (PyErr_Format, never
 * normalized before PyErr_Clear), made and freed here as it is there. */
static int set_orig_class(Sim *S, Obj obj, Obj ga)
{
    Obj name = str_static_id(S, "__orig_class__");
    if (!name) return -1;
    Obj type = ob_type(S, obj);
    if (is_heap_type(S, type) || (ob_is(S, obj, TI_TYPE) && is_heap_type(S, obj))) {
        if (rt_setattr(S, obj, name, ga) == 0) return 0;
        if (!exc_matches(S, EXC_AttributeError) && !exc_matches(S, EXC_TypeError)) return -1;
        exc_clear(S);
        return 0;
    }
    char msg[256], n[128];
    if (ob_is(S, obj, TI_TYPE))
        snprintf(msg, sizeof msg, "cannot set '__orig_class__' attribute of immutable type '%s'",
                 tp_name(S, obj, n, sizeof n));
    else
        snprintf(msg, sizeof msg, "'%s' object has no attribute '__orig_class__'", tp_name(S, type, n, sizeof n));
    Obj m = str_from_cstr(S, msg);
    if (!m) return -1;
    ob_decref(S, m, HOLD_TEMP);
    return 0;
}

Obj ga_call(Sim *S, Obj ga, const Obj *args, int64_t nargs, Obj kwnames)
{
    Obj r = rt_call(S, ob_get64(S, ga, GA_ORIGIN_OFF), args, nargs, kwnames);
    if (!r) return 0;
    vm_temp_push(S, r);
    int e = set_orig_class(S, r, ga);
    vm_temp_pop(S);
    if (e < 0) {
        ob_decref(S, r, HOLD_TEMP);
        return 0;
    }
    return r;
}

int ga_refuse_check(Sim *S, Obj ga, Obj o, int subclass)
{
    Obj r = call_bound_hook(S, subclass ? "__subclasscheck__" : "__instancecheck__", ga, o);
    if (r) ob_decref(S, r, HOLD_TEMP); /* never: both raise */
    return -1;
}
