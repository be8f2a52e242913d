/*
 * attr.c -- attribute access: PyObject_GenericGetAttr for instances of
 * classes (data descriptors, then the instance's own attributes, then
 * class attributes, functions becoming bound methods), type_getattro for
 * classes, module_getattro, the methods of the built-in types (a bound
 * builtin_function_or_method, or for LOAD_METHOD the method descriptor
 * and self, allocating nothing -- as 3.11 does), and the few special
 * attributes the subset reads (__class__, __name__, __dict__, ...).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"
#include "runtime/genericalias.h"
#include "runtime/builtins.h"
#include "runtime/registry.h"
#include "runtime/runtime.h"
#include "runtime/vmops.h"
#include "runtime/weakvaluedict.h"

static int is_heap_type(const Sim *S, Obj t) { return (tp_flags(S, t) & TPF_HEAPTYPE) != 0; }
static int is_type(const Sim *S, Obj o) { return ob_is(S, o, TI_TYPE); }


static Obj ret(Sim *S, Obj v)
{
    ob_incref(S, v, HOLD_TEMP);
    return v;
}

/* The attribute names CPython 3.11 has on the objects refscope models
 * ("str.translate", "module sys._getframe", "ValueError.errno"), made by
 * scripts/gen-cpython-attrs; sorted for bsearch. */
static const char *const cpython_attrs[] = {
#include "runtime/cpython_attrs.inc"
};

static int cmp_attr(const void *key, const void *item) { return strcmp(key, *(const char *const *)item); }

int rt_cpython_has_attr(const char *owner, const char *name)
{
    char key[256];
    if ((size_t)snprintf(key, sizeof key, "%s.%s", owner, name) >= sizeof key) return 0;
    return bsearch(key, cpython_attrs, sizeof cpython_attrs / sizeof *cpython_attrs, sizeof *cpython_attrs,
                   cmp_attr) != NULL;
}

void rt_cpython_attrs_of(const char *owner, void (*each)(void *ud, const char *name), void *ud)
{
    char prefix[128];
    size_t n = (size_t)snprintf(prefix, sizeof prefix, "%s.", owner);
    if (n >= sizeof prefix) return;
    size_t lo = 0, hi = sizeof cpython_attrs / sizeof *cpython_attrs;
    while (lo < hi) { /* the first entry not below the prefix */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(cpython_attrs[mid], prefix) < 0) lo = mid + 1;
        else hi = mid;
    }
    for (; lo < sizeof cpython_attrs / sizeof *cpython_attrs && !strncmp(cpython_attrs[lo], prefix, n); lo++)
        each(ud, cpython_attrs[lo] + n);
}

/* CPython has o.name where refscope does not: a TypeError naming it as
 * outside the subset, never an AttributeError python3 would not raise
 * (hasattr() would answer False, silently).  1 when raised. */
static int refuse_outside_subset(Sim *S, Obj o, const char *an)
{
    char tn[128], what[160];
    if (ob_is(S, o, TI_MODULE)) {
        char mn[64];
        str_to_utf8(S, ob_get64(S, o, MODULE_NAME_OFF), mn, sizeof mn);
        snprintf(tn, sizeof tn, "module %s", mn);
        if (!rt_cpython_has_attr(tn, an)) return 0;
        snprintf(what, sizeof what, "module '%s'", mn);
    } else {
        /* the built-in types whose attributes o has: a class's own (when
         * built in) and type's; an object's type's; and for classes and
         * their instances, those of the built-in bases they inherit from */
        int cls = is_type(S, o), found = cls && rt_cpython_has_attr("type", an);
        for (Obj t = cls ? o : ob_type(S, o); t && !found; t = ob_get64(S, t, TP_BASE_OFF))
            if (!is_heap_type(S, t)) found = rt_cpython_has_attr(tp_name(S, t, tn, sizeof tn), an);
        if (!found) return 0;
        tp_name(S, cls ? o : ob_type(S, o), tn, sizeof tn);
        snprintf(what, sizeof what, cls ? "type object '%s'" : "'%s' object", tn);
    }
    exc_set(S, EXC_TypeError, "%s attribute '%s' is not part of refscope's subset", what, an);
    return 1;
}

/* The AttributeError of a missing attribute.  quiet: CPython would leave
 * it unmade -- _PyObject_LookupAttr's generic lookup never raises, and a
 * lazily set error (PyErr_Format with no exception being handled) is
 * cleared before anything normalizes it -- so nothing is allocated and
 * no exception is set.  Returns 0. */
static Obj no_attr_q(Sim *S, Obj o, Obj name, int quiet)
{
    char tn[64], an[128];
    str_to_utf8(S, name, an, sizeof an);
    if (refuse_outside_subset(S, o, an)) return 0;
    if (quiet) return 0;
    if (is_type(S, o)) {
        tp_name(S, o, tn, sizeof tn);
        return exc_set(S, EXC_AttributeError, "type object '%s' has no attribute '%s'", tn, an);
    }
    if (ob_is(S, o, TI_MODULE)) {
        str_to_utf8(S, ob_get64(S, o, MODULE_NAME_OFF), tn, sizeof tn);
        return exc_set(S, EXC_AttributeError, "module '%s' has no attribute '%s'", tn, an);
    }
    tp_name(S, ob_type(S, o), tn, sizeof tn);
    return exc_set(S, EXC_AttributeError, "'%s' object has no attribute '%s'", tn, an);
}

static Obj no_attr(Sim *S, Obj o, Obj name) { return no_attr_q(S, o, name, 0); }

static Obj mro_lookup(Sim *S, Obj type, Obj name)
{
    Obj mro = ob_get64(S, type, TP_MRO_OFF);
    if (!mro) return 0;
    for (int64_t i = 0; i < ob_size(S, mro); i++) {
        Obj dict = ob_get64(S, tuple_item(S, mro, i), TP_DICT_OFF);
        if (!dict) continue;
        Obj v = dict_getitem(S, dict, name);
        if (v) return v;
        if (S->exc) exc_clear(S);
    }
    return 0;
}

/* _PyType_Lookup with CPython's method cache in spirit: (type, name) ->
 * the MRO's answer, valid while no class dict has changed (type_epoch,
 * bumped by every class attribute store, every class freed and every
 * class __dict__ handed out).  Host memory only: it changes nothing in
 * the simulated heap. */
Obj rt_type_lookup(Sim *S, Obj type, Obj name)
{
    if (!ob_is(S, name, TI_STR)) return mro_lookup(S, type, name);
    int64_t hash = str_hash(S, name);
    struct TypeCache *tc = &S->vm.tcache[((type >> 4) ^ (name >> 4) * 31) & (VM_TYPE_CACHE - 1)];
    if (tc->type == type && tc->name == name && tc->hash == hash && tc->epoch == S->vm.type_epoch) return tc->value;
    Obj v = mro_lookup(S, type, name);
    tc->type = type;
    tc->name = name;
    tc->hash = hash;
    tc->epoch = S->vm.type_epoch;
    tc->value = v;
    return v;
}

static Obj mro_lookup_cstr(Sim *S, Obj type, const char *name);

/* The same for a C string, without allocating (dealloc paths use it).
 * Remembered like rt_type_lookup's answers, by class and name (the text
 * is compared too: a caller's buffer may be reused for another name). */
Obj rt_type_lookup_cstr(Sim *S, Obj type, const char *name)
{
    size_t n = strlen(name);
    if (n >= sizeof S->vm.ccache[0].copy) return mro_lookup_cstr(S, type, name);
    struct CstrCache *cc =
        &S->vm.ccache[((type >> 4) ^ ((uintptr_t)name >> 3) * 0x9E3779B1u) & (VM_CSTR_CACHE - 1)];
    if (cc->type == type && cc->name == name && cc->epoch == S->vm.type_epoch && !strcmp(cc->copy, name))
        return cc->value;
    Obj v = mro_lookup_cstr(S, type, name);
    cc->type = type;
    cc->name = name;
    memcpy(cc->copy, name, n + 1);
    cc->epoch = S->vm.type_epoch;
    cc->value = v;
    return v;
}

static Obj mro_lookup_cstr(Sim *S, Obj type, const char *name)
{
    Obj mro = ob_get64(S, type, TP_MRO_OFF);
    if (!mro) return 0;
    size_t n = strlen(name);
    for (int64_t i = 0; i < ob_size(S, mro); i++) {
        Obj dict = ob_get64(S, tuple_item(S, mro, i), TP_DICT_OFF);
        int64_t pos = 0;
        Obj k, v;
        while (dict && dict_next(S, dict, &pos, &k, &v)) {
            if (ob_is(S, k, TI_STR) && (size_t)str_len(S, k) == n && str_is_ascii(S, k) &&
                !memcmp(str_data(S, k), name, n))
                return v;
        }
    }
    return 0;
}

/* __dict__ of an exception instance (made on first use). */
static Obj exc_dict(Sim *S, Obj e)
{
    Obj d = ob_get64(S, e, 16);
    if (d) return d;
    d = dict_new(S);
    if (!d) return 0;
    ob_set_field(S, e, 16, R_INSTANCE_DICT, d);
    return d;
}

/* func_get_annotations: the dict, made on first access -- an empty one
 * when the function has none, else from MAKE_FUNCTION's tuple of names
 * and values, which it replaces (and releases).  New reference. */
static Obj func_annotations(Sim *S, Obj f)
{
    Obj a = ob_get64(S, f, FUNC_ANNOTATIONS_OFF);
    if (!a) {
        a = dict_new(S);
        if (!a) return 0;
        ob_set_field(S, f, FUNC_ANNOTATIONS_OFF, R_FUNC_ANNOTATIONS, a);
    }
    if (ob_is(S, a, TI_TUPLE)) {
        Obj d = dict_new(S);
        if (!d) return 0;
        for (int64_t i = 0; i + 1 < ob_size(S, a); i += 2)
            if (dict_setitem(S, d, tuple_item(S, a, i), tuple_item(S, a, i + 1)) < 0) {
                ob_decref(S, d, HOLD_TEMP);
                return 0;
            }
        /* Py_SETREF: the dict goes in before the tuple goes */
        ob_set64(S, f, FUNC_ANNOTATIONS_OFF, d);
        ob_move(S, d, HOLD_TEMP, HOLD_INTERNAL(f, R_FUNC_ANNOTATIONS));
        ob_decref(S, a, HOLD_INTERNAL(f, R_FUNC_ANNOTATIONS));
        a = d;
    }
    return ret(S, a);
}

/* func_set_annotations: a dict, or None / del to drop them.  0 or -1. */
static int func_set_annotations(Sim *S, Obj f, Obj value)
{
    if (value == S->none) value = 0;
    if (value && !ob_is(S, value, TI_DICT)) {
        exc_set(S, EXC_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    Obj old = ob_get64(S, f, FUNC_ANNOTATIONS_OFF);
    if (value) ob_incref(S, value, HOLD_INTERNAL(f, R_FUNC_ANNOTATIONS));
    ob_set64(S, f, FUNC_ANNOTATIONS_OFF, value);
    ob_xdecref(S, old, HOLD_INTERNAL(f, R_FUNC_ANNOTATIONS));
    return 0;
}

/* type_get_annotations: the class's own __annotations__ (never a base's),
 * an empty dict stored in its namespace when it has none; a built-in type
 * has none.  New reference. */
static Obj type_annotations(Sim *S, Obj type, Obj name)
{
    if (!is_heap_type(S, type)) {
        char tn[64];
        tp_name(S, type, tn, sizeof tn);
        return exc_set(S, EXC_AttributeError, "type object '%s' has no attribute '__annotations__'", tn);
    }
    Obj dict = ob_get64(S, type, TP_DICT_OFF);
    Obj a = dict_getitem(S, dict, name);
    if (a) return ret(S, a);
    if (S->exc) return 0;
    a = dict_new(S);
    if (!a) return 0;
    if (dict_setitem(S, dict, name, a) < 0) {
        ob_decref(S, a, HOLD_TEMP);
        return 0;
    }
    S->vm.type_epoch++; /* PyType_Modified */
    return a;
}

/* Special attributes of the built-in objects: new reference, or 0
 * without an exception when there is none. */
static Obj special_attr(Sim *S, Obj o, Obj name)
{
    if (str_equals_ascii(S, name, "__class__")) return ret(S, ob_type(S, o));
    switch ((TypeId)tp_index(S, ob_type(S, o))) {
    case TI_FUNCTION: {
        static const struct { const char *n; uint16_t off; } f[] = {
            {"__name__", FUNC_NAME_OFF}, {"__qualname__", FUNC_QUALNAME_OFF}, {"__code__", FUNC_CODE_OFF},
            {"__defaults__", FUNC_DEFAULTS_OFF}, {"__closure__", FUNC_CLOSURE_OFF},
            {"__doc__", FUNC_DOC_OFF}, {"__module__", FUNC_MODULE_OFF}, {"__globals__", FUNC_GLOBALS_OFF},
            {"__kwdefaults__", FUNC_KWDEFAULTS_OFF},
        };
        for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
            if (!str_equals_ascii(S, name, f[i].n)) continue;
            Obj v = ob_get64(S, o, f[i].off);
            return ret(S, v ? v : S->none);
        }
        if (str_equals_ascii(S, name, "__annotations__")) return func_annotations(S, o);
        if (str_equals_ascii(S, name, "__dict__")) {
            Obj d = ob_get64(S, o, FUNC_DICT_OFF);
            if (!d) {
                d = dict_new(S);
                if (!d) return 0;
                ob_set_field(S, o, FUNC_DICT_OFF, R_FUNC_DICT, d);
            }
            return ret(S, d);
        }
        Obj d = ob_get64(S, o, FUNC_DICT_OFF);
        Obj v = d ? dict_getitem(S, d, name) : 0;
        return v ? ret(S, v) : 0;
    }
    case TI_METHOD:
        if (str_equals_ascii(S, name, "__func__")) return ret(S, ob_get64(S, o, METHOD_FUNC_OFF));
        if (str_equals_ascii(S, name, "__self__")) return ret(S, ob_get64(S, o, METHOD_SELF_OFF));
        if (str_equals_ascii(S, name, "__name__")) return ret(S, ob_get64(S, ob_get64(S, o, METHOD_FUNC_OFF), FUNC_NAME_OFF));
        /* method_getattro hands other names to the function */
        if (str_equals_ascii(S, name, "__annotations__") && ob_is(S, ob_get64(S, o, METHOD_FUNC_OFF), TI_FUNCTION))
            return func_annotations(S, ob_get64(S, o, METHOD_FUNC_OFF));
        return 0;
    case TI_BUILTIN_FN:
        if (str_equals_ascii(S, name, "__self__")) {
            Obj s = ob_get64(S, o, BUILTIN_SELF_OFF);
            return ret(S, s ? s : S->none);
        }
        if (str_equals_ascii(S, name, "__name__"))
            return str_from_cstr(S, cf_get(ob_get32(S, o, BUILTIN_INDEX_OFF))->name);
        return 0;
    case TI_CELL:
        if (str_equals_ascii(S, name, "cell_contents")) {
            Obj v = cell_get(S, o);
            if (!v) return exc_set(S, EXC_ValueError, "Cell is empty");
            return ret(S, v);
        }
        return 0;
    case TI_CODE:
        if (str_equals_ascii(S, name, "co_name")) return ret(S, ob_get64(S, o, CO_NAME_OFF));
        if (str_equals_ascii(S, name, "co_consts")) return ret(S, ob_get64(S, o, CO_CONSTS_OFF));
        if (str_equals_ascii(S, name, "co_names")) return ret(S, ob_get64(S, o, CO_NAMES_OFF));
        if (str_equals_ascii(S, name, "co_filename")) return ret(S, ob_get64(S, o, CO_FILENAME_OFF));
        return 0;
    case TI_RANGE:
        if (str_equals_ascii(S, name, "start")) return ret(S, ob_get64(S, o, RANGE_START_OFF));
        if (str_equals_ascii(S, name, "stop")) return ret(S, ob_get64(S, o, RANGE_STOP_OFF));
        if (str_equals_ascii(S, name, "step")) return ret(S, ob_get64(S, o, RANGE_STEP_OFF));
        return 0;
    case TI_SLICE:
        if (str_equals_ascii(S, name, "start")) return ret(S, ob_get64(S, o, SLICE_START_OFF));
        if (str_equals_ascii(S, name, "stop")) return ret(S, ob_get64(S, o, SLICE_STOP_OFF));
        if (str_equals_ascii(S, name, "step")) return ret(S, ob_get64(S, o, SLICE_STEP_OFF));
        return 0;
    case TI_EXCEPTION: {
        static const struct { const char *n; uint16_t off; } f[] = {
            {"args", 24}, {"__traceback__", 40}, {"__context__", 48}, {"__cause__", 56}};
        for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
            if (!str_equals_ascii(S, name, f[i].n)) continue;
            Obj v = ob_get64(S, o, f[i].off);
            return ret(S, v ? v : S->none);
        }
        if ((str_equals_ascii(S, name, "code") && rt_issubtype(S, ob_type(S, o), S->exc_types[EXC_SystemExit])) ||
            (str_equals_ascii(S, name, "value") && rt_issubtype(S, ob_type(S, o), S->exc_types[EXC_StopIteration]))) {
            Obj args = ob_get64(S, o, 24);
            int64_t n = args ? ob_size(S, args) : 0;
            return ret(S, n == 0 ? S->none : n == 1 ? tuple_item(S, args, 0) : args);
        }
        /* the fields of NameError and AttributeError (None while unset) */
        int is_attr = exc_type_is(S, ob_type(S, o), EXC_AttributeError);
        if ((is_attr || exc_type_is(S, ob_type(S, o), EXC_NameError)) && str_equals_ascii(S, name, "name")) {
            Obj v = ob_get64(S, o, is_attr ? EXC_ATTR_NAME_OFF : EXC_NAME_NAME_OFF);
            return ret(S, v ? v : S->none);
        }
        if (is_attr && str_equals_ascii(S, name, "obj")) {
            Obj v = ob_get64(S, o, EXC_ATTR_OBJ_OFF);
            return ret(S, v ? v : S->none);
        }
        if (str_equals_ascii(S, name, "__suppress_context__"))
            return ret(S, ((const uint8_t *)ob_ptr(S, o))[64] ? S->true_ : S->false_);
        Obj d = ob_get64(S, o, 16);
        if (str_equals_ascii(S, name, "__dict__")) {
            d = exc_dict(S, o);
            return d ? ret(S, d) : 0;
        }
        Obj v = d ? dict_getitem(S, d, name) : 0;
        return v ? ret(S, v) : 0;
    }
    case TI_INT:
    case TI_BOOL:
        if (str_equals_ascii(S, name, "real") || str_equals_ascii(S, name, "numerator")) {
            if (ob_is(S, o, TI_BOOL)) return int_from_i64(S, o == S->true_);
            return ret(S, o);
        }
        if (str_equals_ascii(S, name, "imag")) return int_from_i64(S, 0);
        if (str_equals_ascii(S, name, "denominator")) return int_from_i64(S, 1);
        return 0;
    case TI_FINALIZE:
        if (str_equals_ascii(S, name, "alive")) return ret(S, finalize_alive(S, o) ? S->true_ : S->false_);
        return 0;
    case TI_GENERATOR:
        if (str_equals_ascii(S, name, "__name__")) return ret(S, ob_get64(S, o, 32));
        if (str_equals_ascii(S, name, "__qualname__")) return ret(S, ob_get64(S, o, 40));
        return 0;
    default: return 0;
    }
}

/* Class attributes: a class's own MRO, or a static type's methods. */
static Obj type_getattr(Sim *S, Obj type, Obj name, int quiet)
{
    /* a data descriptor of type: it comes before the class's MRO */
    if (str_equals_ascii(S, name, "__annotations__")) return type_annotations(S, type, name);
    if (is_heap_type(S, type)) {
        Obj v = rt_type_lookup(S, type, name);
        if (v) return ret(S, v);
        if (str_equals_ascii(S, name, "__name__")) return ret(S, ob_get64(S, type, TP_NAME_OFF));
        if (str_equals_ascii(S, name, "__qualname__")) return ret(S, ob_get64(S, type, TP_QUALNAME_OFF));
        if (str_equals_ascii(S, name, "__mro__")) return ret(S, ob_get64(S, type, TP_MRO_OFF));
        if (str_equals_ascii(S, name, "__bases__")) return ret(S, ob_get64(S, type, TP_BASES_OFF));
        if (str_equals_ascii(S, name, "__base__")) return ret(S, ob_get64(S, type, TP_BASE_OFF));
        if (str_equals_ascii(S, name, "__dict__")) {
            S->vm.type_epoch++; /* the program may change it behind rt_setattr */
            return ret(S, ob_get64(S, type, TP_DICT_OFF));
        }
        if (str_equals_ascii(S, name, "__class__")) return ret(S, ob_type(S, type));
        /* a built-in base's methods (Exception.__init__ through a subclass) */
        Obj mro = ob_get64(S, type, TP_MRO_OFF);
        for (int64_t i = 0; mro && i < ob_size(S, mro); i++) {
            Obj t = tuple_item(S, mro, i);
            if (is_heap_type(S, t)) continue;
            int64_t ix = cf_method_index(S, (TypeId)tp_index(S, t), name);
            if (ix < 0) continue;
            Obj d = cf_descriptor(S, (TypeId)tp_index(S, t), ix);
            return d ? ret(S, d) : 0;
        }
        return no_attr_q(S, type, name, quiet);
    }
    if (str_equals_ascii(S, name, "__name__")) {
        char n[64];
        tp_name(S, type, n, sizeof n);
        const char *dot = strrchr(n, '.'); /* type.__name__: tp_name after its module */
        return str_from_cstr(S, dot ? dot + 1 : n);
    }
    if (str_equals_ascii(S, name, "__module__")) {
        /* type_module: tp_name before its last dot (a new str), else the
         * interned "builtins"; WeakValueDictionary is weakref.py's class */
        char n[64];
        tp_name(S, type, n, sizeof n);
        char *dot = strrchr(n, '.');
        if (type == S->types[TI_WEAKVALUEDICT].type) return str_from_cstr(S, "weakref");
        if (!dot) {
            Obj b = str_static_id(S, "builtins");
            return b ? ret(S, b) : 0;
        }
        *dot = 0;
        return str_from_cstr(S, n);
    }
    if (str_equals_ascii(S, name, "__class__")) return ret(S, ob_type(S, type));
    TypeId t = (TypeId)tp_index(S, type);
    int64_t ix = cf_method_index(S, t, name);
    /* a classmethod_descriptor's __get__ binds the class itself:
     * dict.fromkeys is a builtin method whose __self__ is dict */
    if (ix >= 0 && t == TI_DICT && str_equals_ascii(S, name, "fromkeys")) return builtin_new(S, (uint32_t)ix, type, 0);
    if (ix >= 0) {
        Obj d = cf_descriptor(S, t, ix);
        return d ? ret(S, d) : 0;
    }
    return no_attr_q(S, type, name, quiet);
}

/* A function found on the class becomes a bound method. */
static Obj bind(Sim *S, Obj descr, Obj o)
{
    if (ob_is(S, descr, TI_FUNCTION)) return method_new(S, descr, o);
    return ret(S, descr);
}

static Obj getattr_impl(Sim *S, Obj o, Obj name, int suppress);

/* PyObject_GetAttr: an AttributeError remembers the object and the name
 * (set_attribute_error_context) -- the exception keeps `o` alive -- for
 * the "Did you mean" of its report. */
Obj rt_getattr(Sim *S, Obj o, Obj name)
{
    Obj v = getattr_impl(S, o, name, 0);
    if (!v && S->exc && exc_type_is(S, ob_type(S, S->exc), EXC_AttributeError) &&
        !ob_get64(S, S->exc, EXC_ATTR_OBJ_OFF) && !ob_get64(S, S->exc, EXC_ATTR_NAME_OFF)) {
        exc_set_field_once(S, S->exc, EXC_ATTR_NAME_OFF, name);
        exc_set_field_once(S, S->exc, EXC_ATTR_OBJ_OFF, o);
    }
    return v;
}

/* The AttributeError PyObject_GenericGetAttr raises and normalizes inside
 * module_getattro (its name and obj set), cleared at once: a transient
 * exception object (+1 then -1 to count[0]).  0, or -1 with another
 * exception (MemoryError) pending. */
static int generic_attr_error(Sim *S, Obj o, Obj name)
{
    char tn[64], an[128];
    str_to_utf8(S, name, an, sizeof an);
    tp_name(S, ob_type(S, o), tn, sizeof tn);
    exc_set(S, EXC_AttributeError, "'%s' object has no attribute '%s'", tn, an);
    if (!exc_matches(S, EXC_AttributeError)) return -1;
    exc_set_field_once(S, S->exc, EXC_ATTR_NAME_OFF, name);
    exc_set_field_once(S, S->exc, EXC_ATTR_OBJ_OFF, o);
    exc_clear(S);
    return 0;
}

/* The attribute lookup of tp_getattro.  suppress: _PyObject_LookupAttr's
 * (a missing attribute is 0 without an exception when CPython makes no
 * AttributeError object):
 *   - generic getattr (instances, built-in objects) with suppress=1 never
 *     raises;
 *   - type_getattro raises lazily: an object is made only when an
 *     exception is being handled (_PyErr_SetObject normalizes to chain);
 *   - module_getattro first calls PyObject_GenericGetAttr, which raises
 *     and normalizes (set_attribute_error_context), then clears that and
 *     raises its own lazily. */
static Obj getattr_impl(Sim *S, Obj o, Obj name, int suppress)
{
    if (!ob_is(S, name, TI_STR)) {
        char tn[64];
        tp_name(S, ob_type(S, name), tn, sizeof tn);
        return exc_set(S, EXC_TypeError, "attribute name must be string, not '%s'", tn);
    }
    Obj type = ob_type(S, o);
    if (is_type(S, o)) return type_getattr(S, o, name, suppress && !S->vm.handled);
    if (ob_is(S, o, TI_SUPER)) return super_getattr(S, o, name);
    if (ob_is(S, o, TI_GENERIC_ALIAS)) return ga_getattr(S, o, name);
    if (ob_is(S, o, TI_MODULE)) {
        Obj v = dict_getitem(S, ob_get64(S, o, MODULE_DICT_OFF), name);
        if (v) return ret(S, v);
        if (S->exc) return 0;
        if (str_equals_ascii(S, name, "__dict__")) return ret(S, ob_get64(S, o, MODULE_DICT_OFF));
        if (generic_attr_error(S, o, name) < 0) return 0;
        return no_attr_q(S, o, name, suppress && !S->vm.handled);
    }
    if (is_heap_type(S, type)) {
        Obj descr = rt_type_lookup(S, type, name);
        if (descr && ob_is(S, descr, TI_MEMBER_DESCR)) {
            Obj v = instance_lookup(S, o, name);
            if (v) return ret(S, v);
            return no_attr_q(S, o, name, suppress);
        }
        if (descr && ob_is(S, descr, TI_GETSET_DESCR)) {
            if (ob_get64(S, descr, DESCR_WHICH_OFF) == 0) {
                Obj d = tp_index(S, type) == TI_EXCEPTION ? exc_dict(S, o) : instance_dict(S, o);
                return d ? ret(S, d) : 0;
            }
            uint32_t off = weakref_list_offset(S, o);
            Obj w = off ? ob_get64(S, o, off) : 0;
            return ret(S, w ? w : S->none);
        }
        Obj v = 0;
        if (tp_index(S, type) != TI_EXCEPTION) v = instance_lookup(S, o, name);
        else {
            Obj sp = special_attr(S, o, name);
            if (sp || S->exc) return sp;
        }
        if (v) return ret(S, v);
        if (S->exc) return 0;
        if (descr) return bind(S, descr, o);
        if (str_equals_ascii(S, name, "__class__")) return ret(S, type);
        /* a built-in base's methods (e.with_traceback on a user exception) */
        Obj mro = ob_get64(S, type, TP_MRO_OFF);
        for (int64_t i = 0; mro && i < ob_size(S, mro); i++) {
            Obj t = tuple_item(S, mro, i);
            if (is_heap_type(S, t)) continue;
            int64_t ix = cf_method_index(S, (TypeId)tp_index(S, t), name);
            if (ix >= 0) return builtin_new(S, (uint32_t)ix, o, 0);
        }
        return no_attr_q(S, o, name, suppress);
    }
    Obj sp = special_attr(S, o, name);
    if (sp || S->exc) return sp;
    int64_t ix = cf_method_index(S, (TypeId)tp_index(S, type), name);
    if (ix >= 0) return builtin_new(S, (uint32_t)ix, o, 0);
    return no_attr_q(S, o, name, suppress);
}

Obj rt_getattr_cstr(Sim *S, Obj o, const char *name)
{
    Obj n = str_static_id(S, name); /* a _Py_ID name: nothing allocated */
    return n ? rt_getattr(S, o, n) : 0;
}

int rt_lookup_attr(Sim *S, Obj o, Obj name, Obj *result)
{
    *result = getattr_impl(S, o, name, 1);
    if (*result) return 1;
    if (!S->exc) return 0;
    if (!exc_matches(S, EXC_AttributeError)) return -1;
    exc_clear(S);
    return 0;
}

int rt_hasattr(Sim *S, Obj o, Obj name)
{
    Obj v;
    int r = rt_lookup_attr(S, o, name, &v);
    if (r > 0) ob_decref(S, v, HOLD_TEMP);
    return r;
}

/* BaseException's getsets and member: args (a tuple of any iterable),
 * __traceback__, __context__, __cause__ (which sets __suppress_context__)
 * and __suppress_context__.  1 when name is one (done, or -1 with an
 * exception), 0 otherwise. */
static int exc_setattr_field(Sim *S, Obj o, Obj name, Obj value)
{
    static const struct { const char *n; uint32_t off; uint16_t reason; const char *must; } f[] = {
        {"args", EXC_ARGS_OFF, R_EXC_ARGS, 0},
        {"__traceback__", EXC_TRACEBACK_OFF, R_EXC_TRACEBACK, "__traceback__ must be a traceback or None"},
        {"__context__", EXC_CONTEXT_OFF, R_EXC_CONTEXT, "exception context must be None or derive from BaseException"},
        {"__cause__", EXC_CAUSE_OFF, R_EXC_CAUSE, "exception cause must be None or derive from BaseException"},
    };
    if (str_equals_ascii(S, name, "__suppress_context__")) {
        if (!value) return exc_set(S, EXC_TypeError, "can't delete numeric/char attribute"), -1;
        if (!ob_is(S, value, TI_BOOL)) return exc_set(S, EXC_TypeError, "attribute value type must be bool"), -1;
        ((uint8_t *)ob_ptr(S, o))[EXC_SUPPRESS_OFF] = value == S->true_;
        return 1;
    }
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        if (!str_equals_ascii(S, name, f[i].n)) continue;
        if (!value) {
            exc_set(S, EXC_TypeError, i == 0 ? "args may not be deleted" : "%s may not be deleted", f[i].n);
            return -1;
        }
        Obj v;
        if (i == 0) { /* BaseException_set_args: PySequence_Tuple */
            v = rt_tuple_from(S, value);
            if (!v) return -1;
        } else if (value == S->none) {
            v = 0;
        } else {
            int ok = i == 1 ? ob_is(S, value, TI_TRACEBACK) : vmops_is_exception(S, value);
            if (!ok) return exc_set(S, EXC_TypeError, "%s", f[i].must), -1;
            v = value;
            ob_incref(S, v, HOLD_TEMP);
        }
        Obj old = ob_get64(S, o, f[i].off);
        ob_set64(S, o, f[i].off, v);
        if (v) ob_move(S, v, HOLD_TEMP, HOLD_INTERNAL(o, f[i].reason));
        if (old) ob_decref(S, old, HOLD_INTERNAL(o, f[i].reason));
        if (i == 3) ((uint8_t *)ob_ptr(S, o))[EXC_SUPPRESS_OFF] = 1;
        return 1;
    }
    return 0;
}

int rt_setattr(Sim *S, Obj o, Obj name, Obj value)
{
    if (!ob_is(S, name, TI_STR)) {
        char tn[64];
        tp_name(S, ob_type(S, name), tn, sizeof tn);
        exc_set(S, EXC_TypeError, "attribute name must be string, not '%s'", tn);
        return -1;
    }
    Obj type = ob_type(S, o);
    Obj dict = 0;
    if (is_type(S, o)) {
        if (!is_heap_type(S, o)) {
            char tn[64], an[128];
            tp_name(S, o, tn, sizeof tn);
            str_to_utf8(S, name, an, sizeof an);
            exc_set(S, EXC_TypeError, "cannot set '%s' attribute of immutable type '%s'", an, tn);
            return -1;
        }
        char an[64];
        if (value && str_len(S, name) < (int64_t)sizeof an) {
            str_to_utf8(S, name, an, sizeof an);
            if (type_refuse_hook(S, an)) return -1;
        }
        dict = ob_get64(S, o, TP_DICT_OFF);
        S->vm.type_epoch++; /* class attributes change: the lookup cache forgets */
        if (!value && str_equals_ascii(S, name, "__annotations__") && !dict_getitem(S, dict, name)) {
            if (!S->exc) exc_set(S, EXC_AttributeError, "__annotations__");
            return -1;
        }
    } else if (ob_is(S, o, TI_MODULE)) {
        dict = ob_get64(S, o, MODULE_DICT_OFF);
    } else if (is_heap_type(S, type) && tp_index(S, type) != TI_EXCEPTION) {
        return instance_setattr(S, o, name, value);
    } else if (tp_index(S, type) == TI_EXCEPTION) {
        int field = exc_setattr_field(S, o, name, value);
        if (field) return field < 0 ? -1 : 0;
        Obj descr = is_heap_type(S, type) ? rt_type_lookup(S, type, name) : 0;
        if (descr && ob_is(S, descr, TI_MEMBER_DESCR)) return instance_setattr(S, o, name, value);
        dict = exc_dict(S, o);
        if (!dict) return -1;
    } else if (ob_is(S, o, TI_FUNCTION)) {
        if (str_equals_ascii(S, name, "__annotations__")) return func_set_annotations(S, o, value);
        dict = ob_get64(S, o, FUNC_DICT_OFF);
        if (!dict) {
            dict = dict_new(S);
            if (!dict) return -1;
            ob_set_field(S, o, FUNC_DICT_OFF, R_FUNC_DICT, dict);
        }
    } else {
        Obj sp = special_attr(S, o, name);
        if (sp) ob_decref(S, sp, HOLD_TEMP);
        char tn[64], an[128];
        tp_name(S, type, tn, sizeof tn);
        str_to_utf8(S, name, an, sizeof an);
        if (sp || cf_method_index(S, (TypeId)tp_index(S, type), name) >= 0)
            exc_set(S, EXC_AttributeError, "'%s' object attribute '%s' is read-only", tn, an);
        else
            exc_set(S, EXC_AttributeError, "'%s' object has no attribute '%s'", tn, an);
        return -1;
    }
    Obj key = name;
    ob_incref(S, key, HOLD_TEMP);
    str_intern(S, &key);
    int r;
    if (value) {
        r = dict_setitem(S, dict, key, value);
    } else {
        r = dict_delitem(S, dict, key);
        if (r && exc_matches(S, EXC_KeyError)) {
            exc_clear(S);
            no_attr(S, o, key);
        }
    }
    ob_decref(S, key, HOLD_TEMP);
    return r;
}

int vmops_get_method(Sim *S, Obj obj, Obj name, Obj *meth)
{
    Obj type = ob_type(S, obj);
    *meth = 0;
    if (is_heap_type(S, type) && tp_index(S, type) != TI_EXCEPTION) {
        /* _PyObject_GetMethod: a function, or a built-in base's method
         * descriptor (list.append on a list subclass), is returned
         * unbound unless the instance's own attribute shadows it */
        Obj descr = rt_type_lookup(S, type, name);
        if (!descr && !S->exc && tp_index(S, type) != TI_INSTANCE) {
            TypeId t = (TypeId)tp_index(S, type);
            int64_t ix = cf_method_index(S, t, name);
            if (ix >= 0) descr = cf_descriptor(S, t, ix);
            if (ix >= 0 && !descr) return 0;
        }
        if (descr && (ob_is(S, descr, TI_FUNCTION) || ob_is(S, descr, TI_METHOD_DESCR))) {
            Obj v = instance_lookup(S, obj, name);
            if (v) {
                *meth = ret(S, v);
                return 0;
            }
            if (S->exc) return 0;
            *meth = ret(S, descr);
            return 1;
        }
    } else if (!is_type(S, obj) && !ob_is(S, obj, TI_MODULE) && !is_heap_type(S, type)) {
        TypeId t = (TypeId)tp_index(S, type);
        int64_t ix = cf_method_index(S, t, name);
        if (ix >= 0) {
            /* the method descriptor of the type defining it */
            TypeId owner = t == TI_BOOL ? TI_INT : t;
            Obj d = cf_descriptor(S, owner, ix);
            if (!d) return 0;
            *meth = ret(S, d);
            return 1;
        }
    }
    *meth = rt_getattr(S, obj, name);
    return 0;
}

/* ---- LOAD_ATTR, LOAD_METHOD and STORE_ATTR on instances, cached ----
 *
 * What CPython 3.11's LOAD_ATTR_INSTANCE_VALUE, LOAD_METHOD_WITH_VALUES
 * and STORE_ATTR_INSTANCE_VALUE remember, in host memory per instruction
 * (S->vm.acache): for an instance of class `type` with inline values and
 * no dict, where `name` lives in the class's shared keys (entry ix) and
 * what the class gives for it.  An entry is used only while
 *   - the object's class is `type` and no class dict has changed
 *     (type_epoch: every class attribute store or delete, every class
 *     __dict__ handed out, every class freed), so the MRO lookup, the
 *     descriptor kind and the absence of a __slots__ member are as they
 *     were;
 *   - the object has no dict (a __dict__ made from the values, or the
 *     values moved into a dict when the keys were full) and has values;
 *   - the class's shared keys are the same block: they only grow, so
 *     entry ix still holds `name`, and for "not there" (ix < 0) the
 *     number of entries is unchanged.
 * Then the answer is the one the full lookup gives, and taking it skips
 * only lookups that change nothing (no allocation, no reference, no
 * event: the name's hash is cached since the first lookup). */

enum { AC_LOAD = 1, AC_METHOD, AC_STORE };

static SimAddr cached_values(const Sim *S, const struct AttrCache *e, int kind, Obj o, Obj name)
{
    if (e->kind != kind || e->name != name || ob_type(S, o) != e->type || e->epoch != S->vm.type_epoch)
        return 0;
    if (instance_dict_word(S, o) || ob_get64(S, e->type, TP_KEYS_OFF) != e->keys) return 0;
    return instance_values_word(S, o);
}

/* The shared entry of `name` for an instance the caches may describe: a
 * class's instance with inline values, no dict and no __slots__ member of
 * that name.  -2 when not cacheable, else dk_lookup_str's answer. */
static int64_t cacheable_index(Sim *S, Obj o, Obj name, SimAddr *values, SimAddr *keys)
{
    Obj type = ob_type(S, o);
    if (!is_heap_type(S, type) || tp_index(S, type) == TI_EXCEPTION || !(tp_flags(S, type) & TPF_MANAGED_DICT))
        return -2;
    if (!ob_is(S, name, TI_STR) || instance_dict_word(S, o) || !(*values = instance_values_word(S, o))) return -2;
    *keys = ob_get64(S, type, TP_KEYS_OFF);
    if (!*keys || instance_slot_offset(S, type, name)) return -2;
    return dk_lookup_str(S, *keys, name);
}

static void fill(Sim *S, struct AttrCache *e, int kind, Obj o, Obj name, SimAddr keys, int64_t ix, Obj descr)
{
    e->kind = kind;
    e->type = ob_type(S, o);
    e->name = name;
    e->epoch = S->vm.type_epoch;
    e->keys = keys;
    e->ix = ix;
    e->nentries = dk_nentries(S, keys);
    e->descr = descr;
}

Obj rt_getattr_cached(Sim *S, struct AttrCache *e, Obj o, Obj name)
{
    SimAddr values = cached_values(S, e, AC_LOAD, o, name);
    if (values) {
        Obj v = ob_get64(S, values, 8 * (uint32_t)e->ix);
        if (v) return ret(S, v);
    }
    Obj v = rt_getattr(S, o, name);
    if (!v) return 0;
    /* the value came from the inline values, no data descriptor first */
    SimAddr keys = 0;
    int64_t ix = cacheable_index(S, o, name, &values, &keys);
    if (ix < 0 || ob_get64(S, values, 8 * (uint32_t)ix) != v) return v;
    Obj descr = rt_type_lookup(S, ob_type(S, o), name);
    if (descr && (ob_is(S, descr, TI_MEMBER_DESCR) || ob_is(S, descr, TI_GETSET_DESCR))) return v;
    fill(S, e, AC_LOAD, o, name, keys, ix, 0);
    return v;
}

int vmops_get_method_cached(Sim *S, struct AttrCache *e, Obj obj, Obj name, Obj *meth)
{
    SimAddr values = cached_values(S, e, AC_METHOD, obj, name);
    if (values && (e->ix >= 0 ? !ob_get64(S, values, 8 * (uint32_t)e->ix)
                              : dk_nentries(S, e->keys) == e->nentries)) {
        *meth = ret(S, e->descr);
        return 1;
    }
    int found = vmops_get_method(S, obj, name, meth);
    if (found != 1) return found;
    /* the class's function or method descriptor, not shadowed */
    SimAddr keys = 0;
    int64_t ix = cacheable_index(S, obj, name, &values, &keys);
    if (ix == -2 || (ix < 0 && ix != DKIX_EMPTY)) return found;
    if (ix >= 0 && ob_get64(S, values, 8 * (uint32_t)ix)) return found;
    if (rt_type_lookup(S, ob_type(S, obj), name) != *meth) return found;
    fill(S, e, AC_METHOD, obj, name, keys, ix < 0 ? -1 : ix, *meth);
    return found;
}

int rt_setattr_cached(Sim *S, struct AttrCache *e, Obj o, Obj name, Obj value)
{
    SimAddr values = cached_values(S, e, AC_STORE, o, name);
    if (values) {
        instance_store_known(S, o, values, e->ix, name, value);
        return 0;
    }
    int r = rt_setattr(S, o, name, value);
    if (r != 0 || !value) return r;
    /* stored into the inline values under an interned name */
    SimAddr keys = 0;
    int64_t ix = cacheable_index(S, o, name, &values, &keys);
    if (ix < 0 || ob_get64(S, values, 8 * (uint32_t)ix) != value || !str_is_interned(S, name)) return r;
    fill(S, e, AC_STORE, o, name, keys, ix, 0);
    return r;
}
