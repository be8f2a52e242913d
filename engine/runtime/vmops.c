/* vmops.c -- see vmops.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/builtins.h"
#include "runtime/containers.h"
#include "runtime/registry.h"
#include "runtime/runtime.h"
#include "runtime/vmops.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

void vmops_type_name(const Sim *S, Obj o, char *buf, size_t cap, int is_type)
{
    tp_name(S, is_type ? o : ob_type(S, o), buf, cap);
}

Obj vmops_make_function(Sim *S, Obj code, Obj globals)
{
    Obj module = 0;
    int64_t pos = 0;
    Obj k, v;
    while (dict_next(S, globals, &pos, &k, &v)) {
        if (ob_is(S, k, TI_STR) && str_len(S, k) == 8 && !memcmp(str_data(S, k), "__name__", 8)) {
            module = v;
            break;
        }
    }
    return func_new(S, code, globals, S->vm.builtins, 0, module ? module : S->none);
}

/* ---- unpacking ---- */

int vmops_unpack(Sim *S, Obj seq, int before, int after, Obj *items)
{
    int n = after < 0 ? before : before + 1 + after;
    if (after < 0 && (ob_is(S, seq, TI_TUPLE) || ob_is(S, seq, TI_LIST)) && ob_size(S, seq) == before) {
        for (int i = 0; i < before; i++) {
            items[i] = ob_is(S, seq, TI_TUPLE) ? tuple_item(S, seq, i) : list_get(S, seq, i);
            ob_incref(S, items[i], HOLD_TEMP);
        }
        return 0;
    }
    Obj it = rt_iter(S, seq);
    if (!it) {
        if (exc_matches(S, EXC_TypeError)) {
            char t[64];
            tp_name(S, ob_type(S, seq), t, sizeof t);
            exc_clear(S);
            exc_set(S, EXC_TypeError, "cannot unpack non-iterable %s object", t);
        }
        return -1;
    }
    vm_temp_push(S, it);
    int got = 0;
    for (; got < before; got++) {
        Obj v = rt_next(S, it);
        if (!v) {
            if (!S->exc) {
                if (after < 0)
                    exc_set(S, EXC_ValueError, "not enough values to unpack (expected %d, got %d)", before, got);
                else
                    exc_set(S, EXC_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                            before + after, got);
            }
            goto fail;
        }
        items[got] = v;
    }
    if (after < 0) {
        Obj extra = rt_next(S, it);
        if (extra) {
            ob_decref(S, extra, HOLD_TEMP);
            exc_set(S, EXC_ValueError, "too many values to unpack (expected %d)", before);
            goto fail;
        }
        if (S->exc) goto fail;
    } else {
        Obj rest = rt_list_from(S, it);
        if (!rest) goto fail;
        int64_t len = ob_size(S, rest);
        if (len < after) {
            ob_decref(S, rest, HOLD_TEMP);
            exc_set(S, EXC_ValueError, "not enough values to unpack (expected at least %d, got %lld)",
                    before + after, (long long)(before + len));
            goto fail;
        }
        for (int j = 0; j < after; j++) items[before + 1 + j] = list_pop(S, rest, len - after);
        items[before] = rest;
        got = n;
    }
    vm_temp_pop(S);
    ob_decref(S, it, HOLD_TEMP);
    return 0;
fail:
    for (int i = 0; i < got && i < before; i++) ob_decref(S, items[i], HOLD_TEMP);
    vm_temp_pop(S);
    ob_decref(S, it, HOLD_TEMP);
    return -1;
}

/* _PyObject_FunctionStr: "module.qualname()", the module left out when
 * it is builtins or None: for functions, bound methods (their __func__),
 * built-in functions and methods, and classes; str(func) for anything
 * else.  Host text in buf; read on the host, nothing is looked up. */
static const char *function_str(Sim *S, Obj func, char *buf, size_t cap)
{
    char qn[256] = "", mn[128] = "";
    if (ob_is(S, func, TI_METHOD)) func = ob_get64(S, func, METHOD_FUNC_OFF);
    if (ob_is(S, func, TI_FUNCTION)) {
        str_to_utf8(S, ob_get64(S, func, FUNC_QUALNAME_OFF), qn, sizeof qn);
        Obj m = ob_get64(S, func, FUNC_MODULE_OFF);
        if (m && ob_is(S, m, TI_STR)) str_to_utf8(S, m, mn, sizeof mn);
    } else if (ob_is(S, func, TI_BUILTIN_FN)) {
        /* meth_get__qualname__: the name, after the type of a non-module self */
        const char *name = cf_get(ob_get32(S, func, BUILTIN_INDEX_OFF))->name;
        Obj self = ob_get64(S, func, BUILTIN_SELF_OFF);
        if (self && !ob_is(S, self, TI_MODULE) && self != S->none) {
            char tn[128];
            tp_name(S, ob_is(S, self, TI_TYPE) ? self : ob_type(S, self), tn, sizeof tn);
            snprintf(qn, sizeof qn, "%s.%s", tn, name);
        } else {
            snprintf(qn, sizeof qn, "%s", name);
            if (self && ob_is(S, self, TI_MODULE))
                str_to_utf8(S, ob_get64(S, self, MODULE_NAME_OFF), mn, sizeof mn);
        }
    } else if (ob_is(S, func, TI_TYPE)) {
        Obj q = ob_get64(S, func, TP_QUALNAME_OFF);
        if (q) str_to_utf8(S, q, qn, sizeof qn);
        else tp_name(S, func, qn, sizeof qn);
        Obj key = (tp_flags(S, func) & TPF_HEAPTYPE) ? str_static_id(S, "__module__") : 0;
        Obj m = key ? dict_getitem(S, ob_get64(S, func, TP_DICT_OFF), key) : 0; /* type_module: a str key, no error */
        if (m && ob_is(S, m, TI_STR)) str_to_utf8(S, m, mn, sizeof mn);
    } else {
        Obj saved = S->exc; /* an error is being prepared */
        S->exc = 0;
        Obj s = rt_str(S, func);
        if (s) str_to_utf8(S, s, buf, cap);
        else snprintf(buf, cap, "?");
        exc_clear(S);
        if (s) ob_decref(S, s, HOLD_TEMP);
        S->exc = saved;
        return buf;
    }
    if (mn[0] && strcmp(mn, "builtins")) snprintf(buf, cap, "%s.%s()", mn, qn);
    else snprintf(buf, cap, "%s()", qn);
    return buf;
}

/* check_args_iterable: can f(*args) iterate args? (tp_iter, or a sequence) */
static int iterable_arg(Sim *S, Obj o)
{
    if (rt_is_class_instance(S, o))
        return rt_type_lookup_cstr(S, ob_type(S, o), "__iter__") || rt_type_lookup_cstr(S, ob_type(S, o), "__getitem__");
    switch ((TypeId)tp_index(S, ob_type(S, o))) {
    case TI_LIST: case TI_TUPLE: case TI_STR: case TI_BYTES: case TI_DICT: case TI_SET: case TI_FROZENSET:
    case TI_RANGE: case TI_DICT_KEYS: case TI_DICT_VALUES: case TI_DICT_ITEMS: case TI_WEAKVALUEDICT: return 1;
    default: return rt_is_iterator(S, o);
    }
}

int vmops_extend(Sim *S, int opcode, Obj target, Obj iterable, Obj func)
{
    switch (opcode) {
    case OP_LIST_EXTEND: {
        if (ob_is(S, iterable, TI_LIST) || ob_is(S, iterable, TI_TUPLE)) return list_extend(S, target, iterable);
        Obj r = listop_inplace_concat(S, target, iterable);
        if (!r) {
            if (exc_matches(S, EXC_TypeError)) {
                char t[64];
                tp_name(S, ob_type(S, iterable), t, sizeof t);
                exc_clear(S);
                exc_set(S, EXC_TypeError, "Value after * must be an iterable, not %s", t);
            }
            return -1;
        }
        ob_decref(S, r, HOLD_TEMP);
        return 0;
    }
    case OP_SET_UPDATE: return set_update(S, target, iterable);
    default:
        if (!ob_is(S, iterable, TI_DICT)) {
            char t[64], fs[400];
            tp_name(S, ob_type(S, iterable), t, sizeof t);
            /* DICT_MERGE (a call's **): format_kwargs_error */
            if (opcode == OP_DICT_MERGE)
                exc_set(S, EXC_TypeError, "%s argument after ** must be a mapping, not %s",
                        function_str(S, func, fs, sizeof fs), t);
            else
                exc_set(S, EXC_TypeError, "'%s' object is not a mapping", t);
            return -1;
        }
        if (opcode == OP_DICT_MERGE) { /* _PyDict_MergeEx(..., 2): a repeated keyword is an error */
            int64_t pos = 0;
            Obj k, v;
            while (dict_next(S, iterable, &pos, &k, &v)) {
                int has = dict_contains(S, target, k);
                if (has < 0) return -1;
                if (!has) continue;
                char fs[400], kn[200];
                Obj ks = rt_str(S, k);
                if (!ks) return -1;
                str_to_utf8(S, ks, kn, sizeof kn);
                ob_decref(S, ks, HOLD_TEMP);
                exc_set(S, EXC_TypeError, "%s got multiple values for keyword argument '%s'",
                        function_str(S, func, fs, sizeof fs), kn);
                return -1;
            }
        }
        return dict_merge(S, target, iterable, 1);
    }
}

Obj vmops_call_ex(Sim *S, Obj func, Obj callargs, Obj kwargs)
{
    Obj args = callargs;
    if (!ob_is(S, args, TI_TUPLE) && !iterable_arg(S, args)) { /* check_args_iterable */
        char t[64], fs[400];
        tp_name(S, ob_type(S, args), t, sizeof t);
        return exc_set(S, EXC_TypeError, "%s argument after * must be an iterable, not %s",
                       function_str(S, func, fs, sizeof fs), t);
    }
    if (!ob_is(S, args, TI_TUPLE)) {
        args = rt_tuple_from(S, callargs);
        if (!args) return 0;
    } else {
        ob_incref(S, args, HOLD_TEMP);
    }
    vm_temp_push(S, args);
    if (ob_is(S, func, TI_TYPE) && (tp_flags(S, func) & TPF_HEAPTYPE)) {
        /* PyObject_Call: a class has no vectorcall; type_call gets the
         * tuple and the dict themselves */
        Obj r = rt_class_call_tp(S, func, args, kwargs);
        vm_temp_pop(S);
        ob_decref(S, args, HOLD_TEMP);
        return r;
    }
    int64_t n = ob_size(S, args), nk = kwargs ? dict_len(S, kwargs) : 0;
    Obj *v = malloc(sizeof(Obj) * (size_t)(n + nk + 1));
    if (!v) abort();
    for (int64_t i = 0; i < n; i++) v[i] = tuple_item(S, args, i);
    Obj kwnames = 0;
    if (nk) {
        kwnames = tuple_new(S, nk);
        if (!kwnames) goto out;
        int64_t pos = 0, i = 0;
        Obj k, val;
        while (dict_next(S, kwargs, &pos, &k, &val)) {
            if (!ob_is(S, k, TI_STR)) { /* _PyStack_UnpackDict */
                exc_set(S, EXC_TypeError, "keywords must be strings");
                ob_decref(S, kwnames, HOLD_TEMP);
                goto out;
            }
            ob_incref(S, k, HOLD_TEMP);
            tuple_set_item(S, kwnames, i, k);
            v[n + i++] = val;
        }
        vm_temp_push(S, kwnames);
    }
    /* PyObject_Call: a callee without vectorcall (cf_call_varargs) gets
     * this very tuple, not a copy; kept for the outermost call only */
    Obj outer_args = S->vm.ex_args;
    const Obj *outer_argv = S->vm.ex_argv;
    S->vm.ex_args = nk ? 0 : args;
    S->vm.ex_argv = nk ? 0 : v;
    Obj r = rt_call(S, func, v, n, kwnames);
    S->vm.ex_args = outer_args;
    S->vm.ex_argv = outer_argv;
    if (kwnames) {
        vm_temp_pop(S);
        ob_decref(S, kwnames, HOLD_TEMP);
    }
    free(v);
    vm_temp_pop(S);
    ob_decref(S, args, HOLD_TEMP);
    return r;
out:
    free(v);
    vm_temp_pop(S);
    ob_decref(S, args, HOLD_TEMP);
    return 0;
}

Obj vmops_join_strings(Sim *S, const Obj *items, int64_t n)
{
    if (n == 1 && ob_is(S, items[0], TI_STR)) {
        ob_incref(S, items[0], HOLD_TEMP);
        return items[0];
    }
    uint32_t maxchar = 0;
    int64_t len = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t l = str_len(S, items[i]);
        for (int64_t j = 0; j < l; j++) {
            uint32_t ch = str_char(S, items[i], j);
            if (ch > maxchar) maxchar = ch;
        }
        len += l;
    }
    if (len == 0) {
        ob_incref(S, S->empty_str, HOLD_TEMP);
        return S->empty_str;
    }
    Obj s = str_new(S, maxchar, len);
    if (!s) return 0;
    int64_t k = 0;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < str_len(S, items[i]); j++) str_set_char(S, s, k++, str_char(S, items[i], j));
    return s;
}

/* ---- exceptions ---- */

int vmops_is_exception_class(const Sim *S, Obj o)
{
    if (!ob_is(S, o, TI_TYPE)) return 0;
    for (Obj t = o; t; t = ob_get64(S, t, TP_BASE_OFF))
        if (t == S->exc_types[EXC_BaseException]) return 1;
    return 0;
}

int vmops_is_exception(const Sim *S, Obj o) { return vmops_is_exception_class(S, ob_type(S, o)); }

void vmops_set_cause(Sim *S, Obj exc, Obj cause)
{
    Obj old = ob_get64(S, exc, 56);
    ob_set64(S, exc, 56, cause);
    if (cause) ob_move(S, cause, HOLD_TEMP, HOLD_INTERNAL(exc, R_EXC_CAUSE));
    if (old) ob_decref(S, old, HOLD_INTERNAL(exc, R_EXC_CAUSE));
    ((uint8_t *)ob_ptr(S, exc))[64] = 1; /* __suppress_context__ */
}

static void set_pending(Sim *S, Obj e)
{
    Obj old = S->exc;
    S->exc = e;
    ob_move(S, e, HOLD_TEMP, HOLD_INTERNAL(0, R_CURRENT_EXC));
    if (old) ob_decref(S, old, HOLD_INTERNAL(0, R_CURRENT_EXC));
}

/* _PyErr_SetObject's context chaining: the exception being handled
 * becomes __context__, breaking any cycle back to the new one. */
void vm_chain_context(Sim *S, Obj exc)
{
    Obj h = S->vm.handled;
    if (!h || h == S->none || h == exc) return;
    /* avoid a cycle: cut the chain where it reaches exc */
    Obj o = h;
    while (o) {
        Obj ctx = ob_get64(S, o, 48);
        if (!ctx) break;
        if (ctx == exc) {
            ob_set64(S, o, 48, 0);
            ob_decref(S, ctx, HOLD_INTERNAL(o, R_EXC_CONTEXT));
            break;
        }
        o = ctx;
    }
    Obj old = ob_get64(S, exc, 48);
    ob_incref(S, h, HOLD_INTERNAL(exc, R_EXC_CONTEXT));
    ob_set64(S, exc, 48, h);
    if (old) ob_decref(S, old, HOLD_INTERNAL(exc, R_EXC_CONTEXT));
}

void vmops_raise(Sim *S, Obj exc)
{
    vm_chain_context(S, exc);
    set_pending(S, exc);
}

void vmops_restore(Sim *S, Obj exc) { set_pending(S, exc); }

void vmops_set_noargs(Sim *S, ExcId id)
{
    ob_incref(S, S->empty_tuple, HOLD_TEMP);
    exc_set_args(S, id, S->empty_tuple);
}

/* format_exc_check_arg: a NameError the VM raises remembers the name
 * (exc->name), for the "Did you mean" of its report. */
void vmops_set_name(Sim *S, Obj name)
{
    if (S->exc && ob_type(S, S->exc) == S->exc_types[EXC_NameError])
        exc_set_field_once(S, S->exc, EXC_NAME_NAME_OFF, name);
}

int vmops_exc_match(Sim *S, Obj exc, Obj type)
{
    if (ob_is(S, type, TI_TUPLE)) {
        for (int64_t i = 0; i < ob_size(S, type); i++)
            if (!vmops_is_exception_class(S, tuple_item(S, type, i))) goto bad;
        for (int64_t i = 0; i < ob_size(S, type); i++)
            if (rt_issubtype(S, ob_type(S, exc), tuple_item(S, type, i))) return 1;
        return 0;
    }
    if (!vmops_is_exception_class(S, type)) goto bad;
    return rt_issubtype(S, ob_type(S, exc), type);
bad:
    exc_set(S, EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* ---- builtins and imports ---- */

Obj vmops_builtin(Sim *S, const char *name)
{
    Obj k = str_static_id(S, name); /* _Py_ID: nothing allocated */
    if (!k) return 0;
    Obj v = dict_getitem(S, S->vm.builtins, k);
    if (!v && !S->exc) exc_set(S, EXC_NameError, "__build_class__ not found");
    return v;
}

Obj vmops_import_from(Sim *S, Obj module, Obj name)
{
    /* import_from: _PyObject_LookupAttr first */
    Obj v;
    int r = rt_lookup_attr(S, module, name, &v);
    if (r) return r > 0 ? v : 0;
    char n[128], m[128];
    str_to_utf8(S, name, n, sizeof n);
    Obj pkgname = ob_get64(S, module, MODULE_NAME_OFF);
    str_to_utf8(S, pkgname, m, sizeof m);
    /* PyErr_SetImportError calls ImportError(msg, name=, path=): its
     * keywords dict is made before the exception and released after */
    Obj kw = dict_new(S);
    if (!kw) return 0;
    if (dict_set_cstr(S, kw, "name", pkgname) == 0 && dict_set_cstr(S, kw, "path", S->none) == 0)
        exc_set(S, EXC_ImportError, "cannot import name '%s' from '%s' (unknown location)", n, m);
    ob_decref(S, kw, HOLD_TEMP);
    return 0;
}

int vmops_import_star(Sim *S, Obj locals, Obj module)
{
    if (!locals) {
        exc_set(S, EXC_SystemError, "no locals found during 'import *'");
        return -1;
    }
    Obj d = ob_get64(S, module, MODULE_DICT_OFF);
    /* without __all__, every name not starting with an underscore */
    for (int64_t pos = 0;;) {
        Obj k, v;
        if (!dict_next(S, d, &pos, &k, &v)) break;
        if (!ob_is(S, k, TI_STR) || (str_len(S, k) > 0 && str_char(S, k, 0) == '_')) continue;
        if (dict_setitem(S, locals, k, v)) return -1;
    }
    return 0;
}
