/*
 * builtins.c -- the builtins module (Python/bltinmodule.c): print, len,
 * repr, id, isinstance, iter, next, sorted, getattr & co., the
 * constructors of object, type, range, enumerate, zip, reversed, and
 * __build_class__, which runs a class body and calls type().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/func.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "runtime/genericalias.h"
#include "runtime/builtins.h"
#include "runtime/containers.h"
#include "runtime/numops.h"
#include "runtime/registry.h"
#include "runtime/runtime.h"
#include "runtime/vmops.h"
#include "vm/vm.h"

static Obj none(Sim *S)
{
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}


/* ---- print ---- */

/* PyFile_WriteObject(v, file, Py_PRINT_RAW): file.write is looked up
 * with PyObject_GetAttr for every piece -- a bound builtin method, a GC
 * allocation (+1 to count[0], so it may trigger a collection) -- before
 * str(v) is taken; the write is called, then the str and the method are
 * released (-1).  0, or -1 with an exception. */
static int file_write(Sim *S, Obj file, Obj v)
{
    Obj name = str_static_id(S, "write"); /* _Py_ID(write): static */
    if (!name) return -1;
    Obj w = rt_getattr(S, file, name);
    if (!w) return -1;
    vm_temp_push(S, w); /* str(v) and the write may run Python code */
    Obj s = rt_str(S, v);
    Obj r = 0;
    if (s) {
        vm_temp_push(S, s);
        r = rt_call(S, w, &s, 1, 0);
        vm_temp_pop(S);
        ob_decref(S, s, HOLD_TEMP);
    }
    vm_temp_pop(S);
    ob_decref(S, w, HOLD_TEMP);
    if (!r) return -1;
    ob_decref(S, r, HOLD_TEMP);
    return 0;
}

/* PyFile_WriteString: the text as a str (" " and "\n" are latin-1
 * singletons in CPython: nothing allocated), then PyFile_WriteObject. */
static int file_write_cstr(Sim *S, Obj file, const char *text)
{
    Obj s = str_from_cstr(S, text);
    if (!s) return -1;
    vm_temp_push(S, s);
    int r = file_write(S, file, s);
    vm_temp_pop(S);
    ob_decref(S, s, HOLD_TEMP);
    return r;
}

static Obj print_impl(Sim *S, const Obj *args, int64_t nargs, Obj kwnames);

/* print is Argument Clinic with *args in 3.11: its parser's keyword tuple
 * is made on the first call, and every call packs the positional
 * arguments into a tuple (from the free list; () for none), released
 * when print returns. */
static Obj bi_print(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    static const char *const keywords[] = {"sep", "end", "file", "flush", NULL};
    if (cf_parser_init(S, KWT_PRINT, keywords) < 0) return 0;
    Obj varargs = tuple_pack(S, nargs, args);
    if (!varargs) return 0;
    vm_temp_push(S, varargs); /* a file's write() may run Python code */
    Obj r = print_impl(S, args, nargs, kwnames);
    vm_temp_pop(S);
    ob_decref(S, varargs, HOLD_TEMP);
    return r;
}

static Obj print_impl(Sim *S, const Obj *args, int64_t nargs, Obj kwnames)
{
    Obj sep = cf_kwarg(S, args, nargs, kwnames, "sep"), end = cf_kwarg(S, args, nargs, kwnames, "end");
    int64_t nkw = kwnames ? ob_size(S, kwnames) : 0;
    for (int64_t i = 0; i < nkw; i++) {
        char k[64];
        str_to_utf8(S, tuple_item(S, kwnames, i), k, sizeof k);
        if (strcmp(k, "sep") && strcmp(k, "end") && strcmp(k, "file") && strcmp(k, "flush"))
            return exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for print()", k);
    }
    if (sep == S->none) sep = 0;
    if (end == S->none) end = 0;
    if (sep && !ob_is(S, sep, TI_STR)) {
        char t[64];
        ob_type_name(S, sep, t, sizeof t);
        return exc_set(S, EXC_TypeError, "sep must be None or a string, not %s", t);
    }
    if (end && !ob_is(S, end, TI_STR)) {
        char t[64];
        ob_type_name(S, end, t, sizeof t);
        return exc_set(S, EXC_TypeError, "end must be None or a string, not %s", t);
    }
    /* file=None means sys.stdout (builtin_print_impl) */
    Obj file = cf_kwarg(S, args, nargs, kwnames, "file");
    if (!file || file == S->none) file = builtins_stdio(S, 1);
    if (!file) return 0;
    for (int64_t i = 0; i < nargs; i++) {
        if (i > 0 && (sep ? file_write(S, file, sep) : file_write_cstr(S, file, " "))) return 0;
        if (file_write(S, file, args[i])) return 0;
    }
    if (end ? file_write(S, file, end) : file_write_cstr(S, file, "\n")) return 0;
    return none(S);
}

/* ---- one-argument builtins ---- */

static Obj bi_len(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "len", nargs, kwnames)) return 0;
    int64_t n = rt_len(S, args[0]);
    return n < 0 ? 0 : int_from_i64(S, n);
}

static Obj bi_repr(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "repr", nargs, kwnames)) return 0;
    return rt_repr(S, args[0]);
}

static Obj bi_ascii(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "ascii", nargs, kwnames)) return 0;
    return rt_ascii(S, args[0]);
}

/* format(value, format_spec='', /): PyObject_Format. */
static Obj bi_format(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "format", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2 && !ob_is(S, args[1], TI_STR)) {
        char name[64];
        return exc_set(S, EXC_TypeError, "format() argument 2 must be str, not %s",
                       ob_type_name(S, args[1], name, sizeof name));
    }
    return rt_format(S, args[0], nargs == 2 ? args[1] : S->empty_str);
}

static Obj bi_id(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "id", nargs, kwnames)) return 0;
    return int_from_i64(S, (int64_t)args[0]);
}

static Obj bi_hash(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "hash", nargs, kwnames)) return 0;
    int64_t h = rt_hash(S, args[0]);
    return h == -1 && S->exc ? 0 : int_from_i64(S, h);
}

static Obj bi_callable(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_one_arg(S, "callable", nargs, kwnames)) return 0;
    TypeId t = (TypeId)tp_index(S, ob_type(S, args[0]));
    int c = t == TI_FUNCTION || t == TI_METHOD || t == TI_BUILTIN_FN || t == TI_METHOD_DESCR || t == TI_TYPE ||
            t == TI_WEAKREF || rt_type_lookup_cstr(S, ob_type(S, args[0]), "__call__");
    Obj b = c ? S->true_ : S->false_;
    ob_incref(S, b, HOLD_TEMP);
    return b;
}

static Obj bi_iter(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "iter", nargs, kwnames, 1, 2)) return 0;
    if (nargs == 2) return exc_set(S, EXC_TypeError, "iter(callable, sentinel) is not part of refscope's subset");
    return rt_iter(S, args[0]);
}

static Obj bi_next(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "next", nargs, kwnames, 1, 2)) return 0;
    int is_iter = rt_is_iterator(S, args[0]);
    if (!is_iter) {
        char n[64];
        ob_type_name(S, args[0], n, sizeof n);
        return exc_set(S, EXC_TypeError, "'%s' object is not an iterator", n);
    }
    Obj stop = 0;
    Obj v = rt_next_or_stop(S, args[0], &stop);
    if (v) return v;
    if (nargs == 2) { /* the default: a StopIteration is cleared unmade */
        ob_xdecref(S, stop, HOLD_TEMP);
        if (S->exc && !exc_matches(S, EXC_StopIteration)) return 0;
        exc_clear(S);
        ob_incref(S, args[1], HOLD_TEMP);
        return args[1];
    }
    if (S->exc) return 0;
    if (stop) { /* normalized as it escapes: StopIteration(value) */
        Obj targs = tuple_pack(S, 1, &stop);
        ob_decref(S, stop, HOLD_TEMP);
        return targs ? exc_set_args(S, EXC_StopIteration, targs) : 0;
    }
    vmops_set_noargs(S, EXC_StopIteration);
    return 0;
}

static Obj bi_isinstance(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "isinstance", nargs, kwnames, 2, 2)) return 0;
    int r = rt_isinstance(S, args[0], args[1]);
    if (r < 0) return 0;
    Obj b = r ? S->true_ : S->false_;
    ob_incref(S, b, HOLD_TEMP);
    return b;
}

static Obj bi_issubclass(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "issubclass", nargs, kwnames, 2, 2)) return 0;
    if (ob_is(S, args[1], TI_GENERIC_ALIAS)) { /* its __subclasscheck__ runs before arg 1 is checked */
        ga_refuse_check(S, args[1], args[0], 1);
        return 0;
    }
    if (!ob_is(S, args[0], TI_TYPE)) return exc_set(S, EXC_TypeError, "issubclass() arg 1 must be a class");
    int r = 0;
    static const char bad2[] = "issubclass() arg 2 must be a class, a tuple of classes, or a union";
    if (ob_is(S, args[1], TI_TUPLE)) {
        for (int64_t i = 0; i < ob_size(S, args[1]) && !r; i++) {
            if (ob_is(S, tuple_item(S, args[1], i), TI_GENERIC_ALIAS)) {
                ga_refuse_check(S, tuple_item(S, args[1], i), args[0], 1);
                return 0;
            }
            if (!ob_is(S, tuple_item(S, args[1], i), TI_TYPE)) return exc_set(S, EXC_TypeError, bad2);
            r = rt_issubtype(S, args[0], tuple_item(S, args[1], i));
        }
    } else if (ob_is(S, args[1], TI_TYPE)) {
        r = rt_issubtype(S, args[0], args[1]);
    } else {
        return exc_set(S, EXC_TypeError, bad2);
    }
    Obj b = r ? S->true_ : S->false_;
    ob_incref(S, b, HOLD_TEMP);
    return b;
}

static Obj bi_getattr(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "getattr", nargs, kwnames, 2, 3)) return 0;
    if (!ob_is(S, args[1], TI_STR)) {
        char n[64];
        ob_type_name(S, args[1], n, sizeof n);
        return exc_set(S, EXC_TypeError, "attribute name must be string, not '%s'", n);
    }
    if (nargs < 3) return rt_getattr(S, args[0], args[1]);
    /* with a default: _PyObject_LookupAttr, which often makes no
     * AttributeError at all */
    Obj v;
    int r = rt_lookup_attr(S, args[0], args[1], &v);
    if (r) return r > 0 ? v : 0;
    ob_incref(S, args[2], HOLD_TEMP);
    return args[2];
}

static Obj bi_setattr(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "setattr", nargs, kwnames, 3, 3)) return 0;
    return rt_setattr(S, args[0], args[1], args[2]) ? 0 : none(S);
}

static Obj bi_delattr(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "delattr", nargs, kwnames, 2, 2)) return 0;
    return rt_setattr(S, args[0], args[1], 0) ? 0 : none(S);
}

static Obj bi_hasattr(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (cf_positional(S, "hasattr", nargs, kwnames, 2, 2)) return 0;
    if (!ob_is(S, args[1], TI_STR)) {
        char n[64];
        ob_type_name(S, args[1], n, sizeof n);
        return exc_set(S, EXC_TypeError, "attribute name must be string, not '%s'", n);
    }
    int r = rt_hasattr(S, args[0], args[1]);
    if (r < 0) return 0;
    Obj b = r ? S->true_ : S->false_;
    ob_incref(S, b, HOLD_TEMP);
    return b;
}

static Obj bi_sorted(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (nargs != 1) {
        if (nargs == 0) return exc_set(S, EXC_TypeError, "sorted expected 1 argument, got 0");
        return exc_set(S, EXC_TypeError, "sorted expected 1 argument, got %lld", (long long)nargs);
    }
    Obj l = rt_list_from(S, args[0]);
    if (!l) return 0;
    /* builtin_sorted: the keywords go on to newlist.sort, a bound method
     * made for the call, which checks them */
    vm_temp_push(S, l);
    Obj r = rt_call_bound(S, cf_list_methods, "sort", l, args + 1, 0, kwnames);
    vm_temp_pop(S);
    if (!r) {
        ob_decref(S, l, HOLD_TEMP);
        return 0;
    }
    ob_decref(S, r, HOLD_TEMP);
    return l;
}

static Obj bi_globals(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "globals", nargs, kwnames)) return 0;
    Obj g = ob_get64(S, S->vm.frame, 8);
    ob_incref(S, g, HOLD_TEMP);
    return g;
}

/* type_new_set_classcell: a class body that used super() or __class__
 * left a cell in __classcell__; it now refers to the class, and the name
 * leaves the class dict. */
static int set_classcell(Sim *S, Obj cls)
{
    Obj d = ob_get64(S, cls, TP_DICT_OFF);
    Obj key = str_static_id(S, "__classcell__"); /* _Py_ID: nothing allocated */
    if (!key) return -1;
    Obj cell = dict_getitem(S, d, key);
    if (cell && ob_is(S, cell, TI_CELL)) {
        cell_set(S, cell, cls);
        return dict_delitem(S, d, key);
    }
    return 0;
}

/* type.__prepare__(name, bases): the class namespace, a new dict */
static Obj bi_type_prepare(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return dict_new(S);
}

/* object.__init_subclass__(): nothing */
static Obj bi_init_subclass(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args, (void)kwnames;
    if (nargs) return exc_set(S, EXC_TypeError, "__init_subclass__() takes no arguments (%lld given)", (long long)nargs);
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}

/* The classmethods class creation calls, found as CPython finds them:
 * bound builtin methods, made for the call and released after it. */
const CFuncDef cf_type_hooks[] = {
    {"__prepare__", bi_type_prepare},
    {"__init_subclass__", bi_init_subclass},
    {NULL, NULL},
};

/* A classmethod of cf_type_hooks bound to self, called with args. */
static Obj call_type_hook(Sim *S, const char *name, Obj self, const Obj *args, int64_t nargs)
{
    return rt_call_bound(S, cf_type_hooks, name, self, args, nargs, 0);
}

/* type_new_set_names: __set_name__ is outside the subset (refused at
 * class creation), so the copy of the class dict is only made and
 * released.  type_new_init_subclass: super_getattro on super(cls, cls)
 * finds object.__init_subclass__, bound to cls; the super object goes
 * before the call. */
static int set_names_and_init_subclass(Sim *S, Obj cls)
{
    Obj names = dict_copy(S, ob_get64(S, cls, TP_DICT_OFF));
    if (!names) return -1;
    ob_decref(S, names, HOLD_TEMP);
    Obj pair[2] = {cls, cls};
    Obj sup = cf_new_super(S, S->types[TI_SUPER].type, pair, 2, 0);
    if (!sup) return -1;
    Obj m = builtin_new(S, (uint32_t)cf_index_of(cf_type_hooks, "__init_subclass__"), cls, 0);
    ob_decref(S, sup, HOLD_TEMP);
    if (!m) return -1;
    vm_temp_push(S, m);
    Obj r = rt_call(S, m, NULL, 0, 0);
    vm_temp_pop(S);
    ob_decref(S, m, HOLD_TEMP);
    if (!r) return -1;
    ob_decref(S, r, HOLD_TEMP);
    return 0;
}

/* type(name, bases, ns) called as CPython's type_vectorcall calls it for
 * three arguments: _PyObject_MakeTpCall packs them into a tuple, then
 * type_new: the structure (typeobj.c), the class cell, then the names
 * and __init_subclass__.  New reference, or 0 with an exception. */
static Obj make_class(Sim *S, Obj name, Obj bases, Obj ns)
{
    Obj argv[3] = {name, bases, ns};
    Obj argtuple = tuple_pack(S, 3, argv);
    if (!argtuple) return 0;
    vm_temp_push(S, argtuple);
    Obj cls = type_new(S, name, bases, ns);
    if (cls) {
        vm_temp_push(S, cls);
        if (set_classcell(S, cls) != 0 || set_names_and_init_subclass(S, cls) != 0) {
            vm_temp_pop(S);
            ob_decref(S, cls, HOLD_TEMP);
            cls = 0;
        } else {
            vm_temp_pop(S);
        }
    }
    vm_temp_pop(S);
    ob_decref(S, argtuple, HOLD_TEMP);
    return cls;
}

/* __build_class__(func, name, *bases) */
static Obj bi_build_class(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    if (nargs < 2) return exc_set(S, EXC_TypeError, "__build_class__: not enough arguments");
    if (!ob_is(S, args[0], TI_FUNCTION)) return exc_set(S, EXC_TypeError, "__build_class__: func must be a function");
    if (!ob_is(S, args[1], TI_STR)) return exc_set(S, EXC_TypeError, "__build_class__: name is not a string");
    if (kwnames && ob_size(S, kwnames))
        return exc_set(S, EXC_TypeError, "class keywords are not part of refscope's subset");
    Obj bases = nargs > 2 ? tuple_pack(S, nargs - 2, args + 2) : S->empty_tuple;
    if (nargs <= 2) ob_incref(S, bases, HOLD_TEMP);
    if (!bases) return 0;
    vm_temp_push(S, bases);
    /* type.__prepare__, looked up on the metaclass: a bound method */
    Obj prep_args[2] = {args[1], bases};
    Obj ns = call_type_hook(S, "__prepare__", S->types[TI_TYPE].type, prep_args, 2), cls = 0;
    if (ns) {
        vm_temp_push(S, ns);
        Obj cell = vm_call_function(S, args[0], NULL, 0, 0, ns);
        if (cell) {
            for (int64_t i = 0; i < ob_size(S, bases); i++) {
                Obj b = tuple_item(S, bases, i);
                if (!ob_is(S, b, TI_TYPE)) {
                    char n[64];
                    ob_type_name(S, b, n, sizeof n);
                    exc_set(S, EXC_TypeError, "bases must be types");
                    goto done;
                }
            }
            cls = make_class(S, args[1], bases, ns);
        done:
            vm_temp_push(S, cell);
            if (cls) vm_temp_push(S, cls);
            if (cls) vm_temp_pop(S);
            vm_temp_pop(S);
            ob_decref(S, cell, HOLD_TEMP);
        }
        vm_temp_pop(S);
        ob_decref(S, ns, HOLD_TEMP);
    }
    vm_temp_pop(S);
    ob_decref(S, bases, HOLD_TEMP);
    return cls;
}

/* object.__init__ reached through super(): nothing to do */
static Obj bi_object_init(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args, (void)nargs, (void)kwnames;
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}

static Obj bi_any(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames);
static Obj bi_all(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames);

const CFuncDef cf_builtins[] = {
    {"__build_class__", bi_build_class},
    {"all", bi_all},
    {"any", bi_any},
    {"__object_init__", bi_object_init},
    {"ascii", bi_ascii},
    {"callable", bi_callable},
    {"delattr", bi_delattr},
    {"format", bi_format},
    {"getattr", bi_getattr},
    {"globals", bi_globals},
    {"hasattr", bi_hasattr},
    {"hash", bi_hash},
    {"id", bi_id},
    {"isinstance", bi_isinstance},
    {"issubclass", bi_issubclass},
    {"iter", bi_iter},
    {"len", bi_len},
    {"next", bi_next},
    {"print", bi_print},
    {"repr", bi_repr},
    {"setattr", bi_setattr},
    {"sorted", bi_sorted},
    {NULL, NULL},
};

/* ---- exception methods ---- */

static Obj exc_with_traceback(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "with_traceback", nargs, kwnames)) return 0;
    Obj tb = args[0] == S->none ? 0 : args[0], old = ob_get64(S, self, 40);
    if (tb) ob_incref(S, tb, HOLD_INTERNAL(self, R_EXC_TRACEBACK));
    ob_set64(S, self, 40, tb);
    if (old) ob_decref(S, old, HOLD_INTERNAL(self, R_EXC_TRACEBACK));
    ob_incref(S, self, HOLD_TEMP);
    return self;
}

/* BaseException.__init__(self, *args): args becomes the new tuple of the
 * arguments (a class's __init__ calls it as Exception.__init__(self, m)). */
static Obj exc_init_method(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (kwnames && ob_size(S, kwnames)) {
        char n[64];
        ob_type_name(S, ob_type(S, self), n, sizeof n);
        return exc_set(S, EXC_TypeError, "%s() takes no keyword arguments", n);
    }
    Obj t = tuple_pack(S, nargs, args);
    if (!t) return 0;
    Obj old = ob_get64(S, self, EXC_ARGS_OFF);
    ob_set64(S, self, EXC_ARGS_OFF, t);
    ob_move(S, t, HOLD_TEMP, HOLD_INTERNAL(self, R_EXC_ARGS));
    if (old) ob_decref(S, old, HOLD_INTERNAL(self, R_EXC_ARGS));
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}

const CFuncDef cf_exc_methods[] = {
    {"with_traceback", exc_with_traceback},
    {"__init__", exc_init_method},
    {NULL, NULL},
};

/* ---- constructors ---- */

Obj cf_new_object(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type, (void)args;
    if (nargs || (kwnames && ob_size(S, kwnames))) return exc_set(S, EXC_TypeError, "object() takes no arguments");
    return object_new(S);
}

Obj cf_new_type(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (kwnames && ob_size(S, kwnames)) return exc_set(S, EXC_TypeError, "type() takes no keyword arguments");
    if (nargs == 1) {
        Obj t = ob_type(S, args[0]);
        ob_incref(S, t, HOLD_TEMP);
        return t;
    }
    if (nargs != 3) return exc_set(S, EXC_TypeError, "type() takes 1 or 3 arguments");
    /* PyArg_ParseTuple(args, "UO!O!:type.__new__", ...) */
    static const TypeId want[3] = {TI_STR, TI_TUPLE, TI_DICT};
    static const char *const want_name[3] = {"str", "tuple", "dict"};
    for (int i = 0; i < 3; i++) {
        if (ob_is(S, args[i], want[i])) continue;
        char tn[64];
        return exc_set(S, EXC_TypeError, "type.__new__() argument %d must be %s, not %s", i + 1, want_name[i],
                       ob_type_name(S, args[i], tn, sizeof tn));
    }
    return make_class(S, args[0], args[1], args[2]);
}

/* compute_range_length with ints of any size: (hi - lo - 1) // step + 1
 * with lo, hi ordered by the step's sign, 0 when lo >= hi.  New ref. */
static Obj range_length_big(Sim *S, Obj start, Obj stop, Obj step)
{
    Obj zero = int_from_i64(S, 0);
    if (!zero) return 0;
    int neg = int_compare(S, step, zero) < 0;
    Obj lo = neg ? stop : start, hi = neg ? start : stop;
    if (int_compare(S, lo, hi) >= 0) return zero;
    ob_decref(S, zero, HOLD_TEMP);
    Obj one = int_from_i64(S, 1);
    Obj st = one ? (neg ? int_neg(S, step) : int_pos(S, step)) : 0;
    Obj d = st ? int_sub(S, hi, lo) : 0;
    Obj d1 = d ? int_sub(S, d, one) : 0;
    Obj q = d1 ? int_floordiv(S, d1, st) : 0;
    Obj len = q ? int_add(S, q, one) : 0;
    Obj tmp[5] = {one, st, d, d1, q};
    for (int i = 0; i < 5; i++) ob_xdecref(S, tmp[i], HOLD_TEMP);
    return len;
}

/* range_new for bounds beyond a C long (range(10**20)): the same 48-byte
 * object, its length an int too.  Borrowed arguments; new reference. */
static Obj range_new_big(Sim *S, Obj start, Obj stop, Obj step)
{
    if (!int_bool(S, step)) return exc_set(S, EXC_ValueError, "range() arg 3 must not be zero");
    Obj length = range_length_big(S, start, stop, step);
    if (!length) return 0;
    Obj r = ob_alloc(S, TI_RANGE, 0);
    if (!r) {
        ob_decref(S, length, HOLD_TEMP);
        return 0;
    }
    static const uint16_t offs[3] = {RANGE_START_OFF, RANGE_STOP_OFF, RANGE_STEP_OFF};
    Obj parts[3] = {start, stop, step};
    for (int i = 0; i < 3; i++) {
        ob_set64(S, r, offs[i], parts[i]);
        ob_incref(S, parts[i], HOLD_INTERNAL(r, R_RANGE_FIELD));
    }
    ob_set_field(S, r, RANGE_LENGTH_OFF, R_RANGE_FIELD, length);
    return r;
}

static int fits_i64(Sim *S, Obj o)
{
    int64_t v;
    if (!int_as_i64(S, o, &v)) return 1;
    exc_clear(S);
    return 0;
}

Obj cf_new_range(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "range", kwnames)) return 0;
    if (nargs < 1) return exc_set(S, EXC_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3) return exc_set(S, EXC_TypeError, "range expected at most 3 arguments, got %lld", (long long)nargs);
    /* range_from_array: each argument through PyNumber_Index */
    Obj ix[3] = {0, 0, 0};
    for (int64_t i = 0; i < nargs; i++) {
        ix[i] = num_index(S, args[i]);
        if (!ix[i]) {
            while (i-- > 0) ob_decref(S, ix[i], HOLD_TEMP);
            return 0;
        }
    }
    Obj zero = int_from_i64(S, 0), one = int_from_i64(S, 1);
    Obj a = nargs == 1 ? zero : ix[0], b = nargs == 1 ? ix[0] : ix[1];
    Obj c = nargs == 3 ? ix[2] : one;
    Obj r = fits_i64(S, a) && fits_i64(S, b) && fits_i64(S, c) ? range_new(S, a, b, c) : range_new_big(S, a, b, c);
    ob_decref(S, zero, HOLD_TEMP);
    ob_decref(S, one, HOLD_TEMP);
    for (int64_t i = 0; i < nargs; i++) ob_decref(S, ix[i], HOLD_TEMP);
    return r;
}

Obj cf_new_enumerate(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    Obj start = cf_kwarg(S, args, nargs, kwnames, "start");
    if (nargs < 1 || nargs > 2) {
        if (nargs == 0) return exc_set(S, EXC_TypeError, "enumerate() missing required argument 'iterable'");
        return exc_set(S, EXC_TypeError, "enumerate() takes at most 2 arguments (%lld given)", (long long)nargs);
    }
    if (nargs == 2) start = args[1];
    /* enum_new_impl: the object first (tracked at once), then the start
     * through PyNumber_Index, the iterator, the result tuple */
    Obj en = ob_alloc(S, TI_ENUMERATE, 0);
    if (!en) return 0;
    gc_track(S, en);
    vm_temp_push(S, en);
    if (start) {
        Obj ix = num_index(S, start);
        if (!ix) goto fail;
        int64_t s;
        if (int_as_i64(S, ix, &s)) {
            exc_clear(S);
            ob_decref(S, ix, HOLD_TEMP);
            exc_set(S, EXC_OverflowError, "an enumerate start beyond 2**63 is not part of refscope's subset");
            goto fail;
        }
        ob_decref(S, ix, HOLD_TEMP);
        ob_set64(S, en, EN_INDEX_OFF, (uint64_t)s);
    }
    Obj it = rt_iter(S, args[0]);
    if (!it) goto fail;
    ob_set_field(S, en, EN_SIT_OFF, R_ITER_SEQ, it);
    Obj pair[2] = {S->none, S->none};
    Obj res = tuple_pack(S, 2, pair);
    if (!res) goto fail;
    ob_set_field(S, en, EN_RESULT_OFF, R_ITER_RESULT, res);
    vm_temp_pop(S);
    return en;
fail:
    vm_temp_pop(S);
    ob_decref(S, en, HOLD_TEMP);
    return 0;
}

static Obj zip_new(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);

/* zip has no vectorcall in 3.11: _PyObject_MakeTpCall packs the arguments
 * into a tuple (and a dict) for zip_new. */
Obj cf_new_zip(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    return cf_call_varargs(S, zip_new, type, args, nargs, kwnames, NULL);
}

static Obj zip_new(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    /* PyArg_ParseTupleAndKeywords(empty, kwds, "|$p:zip", {"strict"}) */
    int strict = 0;
    for (int64_t k = 0; kwnames && k < ob_size(S, kwnames); k++) {
        Obj key = tuple_item(S, kwnames, k);
        char name[64];
        str_to_utf8(S, key, name, sizeof name);
        if (str_len(S, key) >= (int64_t)sizeof name || strcmp(name, "strict"))
            return exc_set(S, EXC_TypeError, "'%s' is an invalid keyword argument for zip()", name);
        if ((strict = rt_truth(S, args[nargs + k])) < 0) return 0;
    }
    Obj its = tuple_new(S, nargs);
    if (!its) return 0;
    for (int64_t i = 0; i < nargs; i++) {
        Obj it = rt_iter(S, args[i]);
        if (!it) { /* PyObject_GetIter's own TypeError, as 3.10+ leave it */
            ob_decref(S, its, HOLD_TEMP);
            return 0;
        }
        tuple_set_item(S, its, i, it);
    }
    Obj res = tuple_new(S, nargs);
    if (!res) {
        ob_decref(S, its, HOLD_TEMP);
        return 0;
    }
    for (int64_t i = 0; i < nargs; i++) {
        ob_incref(S, S->none, HOLD_TEMP);
        tuple_set_item(S, res, i, S->none);
    }
    Obj z = ob_alloc(S, TI_ZIP, 0);
    if (!z) {
        ob_decref(S, its, HOLD_TEMP);
        ob_decref(S, res, HOLD_TEMP);
        return 0;
    }
    ob_set64(S, z, ZIP_SIZE_OFF, (uint64_t)nargs);
    ob_set64(S, z, ZIP_STRICT_OFF, (uint64_t)strict);
    ob_set_field(S, z, ZIP_ITTUPLE_OFF, R_ZIP_ITERS, its);
    ob_set_field(S, z, ZIP_RESULT_OFF, R_ITER_RESULT, res);
    gc_track(S, z);
    return z;
}

/* zip_next's `check:` once argument i (from 0) is exhausted: nothing for
 * a plain zip; for zip(strict=True) a ValueError unless all the others
 * are exhausted too.  Always 0 (the end, or an exception set). */
static Obj zip_check(Sim *S, Obj z, int64_t i)
{
    if (!ob_get64(S, z, ZIP_STRICT_OFF) || S->exc) return 0;
    const char *plural = i == 1 ? " " : "s 1-";
    if (i)
        return exc_set(S, EXC_ValueError, "zip() argument %lld is shorter than argument%s%lld", (long long)(i + 1),
                       plural, (long long)i);
    Obj its = ob_get64(S, z, ZIP_ITTUPLE_OFF);
    for (i = 1; i < ob_size(S, its); i++) {
        Obj v = rt_next(S, tuple_item(S, its, i));
        if (v) {
            ob_decref(S, v, HOLD_TEMP);
            plural = i == 1 ? " " : "s 1-";
            return exc_set(S, EXC_ValueError, "zip() argument %lld is longer than argument%s%lld",
                           (long long)(i + 1), plural, (long long)i);
        }
        if (S->exc) return 0;
    }
    return 0;
}

/* A recycled result tuple (enumerate, zip): reused while only the
 * iterator holds it, as enum_next and zip_next do. */
static Obj recycle(Sim *S, Obj it, uint16_t off)
{
    Obj res = ob_get64(S, it, off);
    if (ob_refcnt(S, res) != 1) return 0;
    ob_incref(S, res, HOLD_TEMP);
    if (!gc_is_tracked(S, res)) gc_track(S, res);
    return res;
}

static void put(Sim *S, Obj t, int64_t i, Obj v)
{
    Obj old = tuple_item(S, t, i);
    ob_set64(S, t, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, v);
    ob_move(S, v, HOLD_TEMP, HOLD(H_TUPLE_ITEM, t, i, 0));
    if (old) ob_decref(S, old, HOLD(H_TUPLE_ITEM, t, i, 0));
}

Obj vmops_builtins_iternext(Sim *S, Obj it);
Obj vmops_builtins_iternext(Sim *S, Obj it)
{
    if (ob_is(S, it, TI_ENUMERATE)) {
        Obj next = rt_next(S, ob_get64(S, it, EN_SIT_OFF));
        if (!next) return 0;
        int64_t i = (int64_t)ob_get64(S, it, EN_INDEX_OFF);
        Obj idx = int_from_i64(S, i);
        ob_set64(S, it, EN_INDEX_OFF, (uint64_t)(i + 1));
        Obj res = recycle(S, it, EN_RESULT_OFF);
        if (res) {
            put(S, res, 0, idx);
            put(S, res, 1, next);
            return res;
        }
        res = tuple_new(S, 2);
        if (!res) {
            ob_decref(S, idx, HOLD_TEMP);
            ob_decref(S, next, HOLD_TEMP);
            return 0;
        }
        tuple_set_item(S, res, 0, idx);
        tuple_set_item(S, res, 1, next);
        return res;
    }
    /* zip */
    int64_t n = (int64_t)ob_get64(S, it, ZIP_SIZE_OFF);
    if (n == 0) return 0;
    Obj its = ob_get64(S, it, ZIP_ITTUPLE_OFF);
    Obj res = recycle(S, it, ZIP_RESULT_OFF);
    if (res) {
        for (int64_t i = 0; i < n; i++) {
            Obj v = rt_next(S, tuple_item(S, its, i));
            if (!v) {
                ob_decref(S, res, HOLD_TEMP);
                return zip_check(S, it, i);
            }
            put(S, res, i, v);
        }
        return res;
    }
    res = tuple_new(S, n);
    if (!res) return 0;
    for (int64_t i = 0; i < n; i++) {
        Obj v = rt_next(S, tuple_item(S, its, i));
        if (!v) {
            for (int64_t j = i; j < n; j++) {
                ob_incref(S, S->none, HOLD_TEMP);
                tuple_set_item(S, res, j, S->none);
            }
            ob_decref(S, res, HOLD_TEMP);
            return zip_check(S, it, i);
        }
        tuple_set_item(S, res, i, v);
    }
    return res;
}

/* ---- the module ---- */


int builtins_add_functions(Sim *S, Obj module, const CFuncDef *table);
int builtins_add_functions(Sim *S, Obj module, const CFuncDef *table)
{
    Obj dict = ob_get64(S, module, MODULE_DICT_OFF);
    for (const CFuncDef *d = table; d->name; d++) {
        Obj f = builtin_new(S, (uint32_t)cf_index_of(table, d->name), module, 0);
        if (!f) return -1;
        int r = dict_set_cstr(S, dict, d->name, f);
        ob_decref(S, f, HOLD_TEMP);
        if (r) return -1;
    }
    return 0;
}

Obj builtins_module_new(Sim *S)
{
    Obj name = str_from_cstr(S, "builtins");
    if (!name) return 0;
    str_intern(S, &name);
    Obj m = module_new(S, name);
    ob_decref(S, name, HOLD_TEMP);
    if (!m) return 0;
    Obj dict = ob_get64(S, m, MODULE_DICT_OFF);
    if (builtins_add_functions(S, m, cf_builtins) || builtins_add_functions(S, m, cf_builtins_num)) goto fail;
    static const struct { const char *name; TypeId t; } types[] = {
        {"bool", TI_BOOL}, {"dict", TI_DICT}, {"enumerate", TI_ENUMERATE}, {"float", TI_FLOAT},
        {"frozenset", TI_FROZENSET}, {"int", TI_INT}, {"list", TI_LIST}, {"object", TI_OBJECT},
        {"range", TI_RANGE}, {"reversed", TI_REVERSED}, {"set", TI_SET}, {"slice", TI_SLICE},
        {"str", TI_STR}, {"tuple", TI_TUPLE}, {"type", TI_TYPE}, {"zip", TI_ZIP}, {"bytes", TI_BYTES},
        {"super", TI_SUPER}, {"map", TI_MAP}, {"filter", TI_FILTER},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (dict_set_cstr(S, dict, types[i].name, S->types[types[i].t].type)) goto fail;
    for (int i = 0; i < EXC_COUNT; i++)
        if (dict_set_cstr(S, dict, exc_type_name(S, S->exc_types[i]), S->exc_types[i])) goto fail;
    if (dict_set_cstr(S, dict, "None", S->none) || dict_set_cstr(S, dict, "True", S->true_) || dict_set_cstr(S, dict, "False", S->false_) ||
        dict_set_cstr(S, dict, "Ellipsis", S->ellipsis) || dict_set_cstr(S, dict, "NotImplemented", S->not_implemented))
        goto fail;
    return m;
fail:
    ob_decref(S, m, HOLD_TEMP);
    return 0;
}

/* ---- super ---- */

/* super(type, obj), or super() inside a method: the method's first
 * argument and its __class__ cell (super_init_without_args). */
Obj cf_new_super(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "super", kwnames)) return 0;
    Obj cls, obj;
    if (nargs == 0) {
        SimAddr f = S->vm.frame;
        Obj code = f ? ob_get64(S, f, FRAME_CODE_OFF) : 0;
        if (!code || (int32_t)ob_get32(S, code, CO_ARGCOUNT_OFF) == 0)
            return exc_set(S, EXC_RuntimeError, "super(): no arguments");
        Obj names = ob_get64(S, code, CO_LOCALSPLUSNAMES_OFF);
        const uint8_t *kinds = (const uint8_t *)ob_ptr(S, ob_get64(S, code, CO_LOCALSPLUSKINDS_OFF)) + BYTES_DATA_OFF;
        obj = ob_get64(S, f, FRAME_LOCALSPLUS_OFF);
        if (obj && (kinds[0] & CO_FAST_CELL)) obj = cell_get(S, obj);
        if (!obj) return exc_set(S, EXC_RuntimeError, "super(): arg[0] deleted");
        cls = 0;
        for (int64_t i = 0; i < ob_size(S, names); i++) {
            Obj n = tuple_item(S, names, i);
            if ((kinds[i] & CO_FAST_FREE) && str_len(S, n) == 9 && !memcmp(str_data(S, n), "__class__", 9)) {
                Obj cell = ob_get64(S, f, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i);
                cls = cell ? cell_get(S, cell) : 0;
                if (!cls) return exc_set(S, EXC_RuntimeError, "super(): empty __class__ cell");
                break;
            }
        }
        if (!cls) return exc_set(S, EXC_RuntimeError, "super(): __class__ cell not found");
    } else if (nargs == 2) {
        cls = args[0];
        obj = args[1];
        if (!ob_is(S, cls, TI_TYPE)) {
            char n[64];
            ob_type_name(S, cls, n, sizeof n);
            return exc_set(S, EXC_TypeError, "super() argument 1 must be a type, not %s", n);
        }
    } else {
        return exc_set(S, EXC_TypeError, "super() takes 0 or 2 arguments, refscope's subset");
    }
    Obj obj_type = ob_is(S, obj, TI_TYPE) && rt_issubtype(S, obj, cls) ? obj : ob_type(S, obj);
    if (!rt_issubtype(S, obj_type, cls))
        return exc_set(S, EXC_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    Obj s = ob_alloc(S, TI_SUPER, 0);
    if (!s) return 0;
    Obj v[3] = {cls, obj, obj_type};
    for (int i = 0; i < 3; i++) {
        ob_incref(S, v[i], HOLD_TEMP);
        ob_set_field(S, s, SUPER_TYPE_OFF + 8 * (uint16_t)i, R_NONE, v[i]);
    }
    gc_track(S, s);
    return s;
}

/* super().name: the MRO of obj's type after `type`; functions bind to obj. */
Obj super_getattr(Sim *S, Obj s, Obj name)
{
    Obj cls = ob_get64(S, s, SUPER_TYPE_OFF), obj = ob_get64(S, s, SUPER_OBJ_OFF);
    Obj mro = ob_get64(S, ob_get64(S, s, SUPER_OBJTYPE_OFF), TP_MRO_OFF);
    int64_t i = 0, n = mro ? ob_size(S, mro) : 0;
    while (i < n && tuple_item(S, mro, i) != cls) i++;
    for (i++; i < n; i++) {
        Obj t = tuple_item(S, mro, i), d = ob_get64(S, t, TP_DICT_OFF);
        Obj v = d ? dict_getitem(S, d, name) : 0;
        if (S->exc) return 0;
        if (!v && !(tp_flags(S, t) & TPF_HEAPTYPE)) {
            /* a built-in type's method (BaseException.__init__ ...), bound */
            int64_t ix = cf_method_index(S, (TypeId)tp_index(S, t), name);
            if (ix < 0 && t == S->types[TI_OBJECT].type && str_len(S, name) == 8 &&
                !memcmp(str_data(S, name), "__init__", 8))
                ix = cf_index_of(cf_builtins, "__object_init__"); /* object.__init__: nothing to do */
            if (ix >= 0) return builtin_new(S, (uint32_t)ix, obj, 0);
            continue;
        }
        if (!v) continue;
        if (ob_is(S, v, TI_FUNCTION) && !ob_is(S, obj, TI_TYPE)) return method_new(S, v, obj);
        ob_incref(S, v, HOLD_TEMP);
        return v;
    }
    char an[128];
    str_to_utf8(S, name, an, sizeof an);
    return exc_set(S, EXC_AttributeError, "'super' object has no attribute '%s'", an);
}

/* ---- any, all, map, filter ---- */

/* any (want 1) / all (want 0): stops at the first item whose truth is
 * `want`; True when one was found for any, when none was for all. */
static Obj any_all(Sim *S, const char *name, const Obj *args, int64_t nargs, Obj kwnames, int want)
{
    if (cf_one_arg(S, name, nargs, kwnames)) return 0;
    Obj it = rt_iter(S, args[0]);
    if (!it) return 0;
    vm_temp_push(S, it);
    int found = 0, err = 0;
    for (;;) {
        Obj v = rt_next(S, it);
        if (!v) {
            err = S->exc != 0;
            break;
        }
        int t = rt_truth(S, v);
        ob_decref(S, v, HOLD_TEMP);
        if (t < 0) {
            err = 1;
            break;
        }
        if (t == want) {
            found = 1;
            break;
        }
    }
    vm_temp_pop(S);
    ob_decref(S, it, HOLD_TEMP);
    if (err) return 0;
    Obj b = (found == want) ? S->true_ : S->false_;
    ob_incref(S, b, HOLD_TEMP);
    return b;
}

static Obj bi_any(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    return any_all(S, "any", args, nargs, kwnames, 1);
}

static Obj bi_all(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self;
    return any_all(S, "all", args, nargs, kwnames, 0); /* true unless a false item is found */
}

static Obj make_mapfilter(Sim *S, TypeId t, Obj func, Obj iters)
{
    Obj m = ob_alloc(S, t, 0);
    if (!m) {
        ob_decref(S, iters, HOLD_TEMP);
        return 0;
    }
    ob_set_field(S, m, MAP_ITERS_OFF, R_ZIP_ITERS, iters);
    ob_incref(S, func, HOLD_TEMP);
    ob_set_field(S, m, MAP_FUNC_OFF, R_NONE, func);
    gc_track(S, m);
    return m;
}

Obj cf_new_map(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "map", kwnames)) return 0;
    if (nargs < 2) return exc_set(S, EXC_TypeError, "map() must have at least two arguments.");
    Obj its = tuple_new(S, nargs - 1);
    if (!its) return 0;
    for (int64_t i = 1; i < nargs; i++) {
        Obj it = rt_iter(S, args[i]);
        if (!it) {
            ob_decref(S, its, HOLD_TEMP);
            return 0;
        }
        tuple_set_item(S, its, i - 1, it);
    }
    return make_mapfilter(S, TI_MAP, args[0], its);
}

Obj cf_new_filter(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)type;
    if (cf_no_kwargs(S, "filter", kwnames)) return 0;
    if (nargs != 2) return exc_set(S, EXC_TypeError, "filter expected 2 arguments, got %lld", (long long)nargs);
    Obj it = rt_iter(S, args[1]);
    if (!it) return 0;
    return make_mapfilter(S, TI_FILTER, args[0], it);
}

/* map_next / filter_next: new reference, 0 at the end (no exception). */
Obj mapfilter_next(Sim *S, Obj m)
{
    Obj func = ob_get64(S, m, MAP_FUNC_OFF), its = ob_get64(S, m, MAP_ITERS_OFF);
    if (ob_is(S, m, TI_MAP)) {
        int64_t n = ob_size(S, its);
        Obj small[8], *v = n <= 8 ? small : malloc(sizeof(Obj) * (size_t)n);
        if (!v) abort(); /* host out of memory */
        int64_t got = 0;
        for (; got < n; got++) {
            v[got] = rt_next(S, tuple_item(S, its, got));
            if (!v[got]) break;
            vm_temp_push(S, v[got]);
        }
        Obj r = got == n ? rt_call(S, func, v, n, 0) : 0;
        for (int64_t i = got; i-- > 0;) {
            vm_temp_pop(S);
            ob_decref(S, v[i], HOLD_TEMP);
        }
        if (v != small) free(v);
        return r;
    }
    for (;;) {
        Obj item = rt_next(S, its);
        if (!item) return 0;
        vm_temp_push(S, item);
        int t;
        if (func == S->none || func == S->types[TI_BOOL].type) {
            t = rt_truth(S, item);
        } else {
            Obj r = rt_call(S, func, &item, 1, 0);
            t = r ? rt_truth(S, r) : -1;
            if (r) ob_decref(S, r, HOLD_TEMP);
        }
        vm_temp_pop(S);
        if (t > 0) return item;
        ob_decref(S, item, HOLD_TEMP);
        if (t < 0) return 0;
    }
}

/* ---- sys.stdout and sys.stderr ---- */

static Obj textio_write(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    if (cf_one_arg(S, "write", nargs, kwnames)) return 0;
    if (!ob_is(S, args[0], TI_STR)) {
        char t[64];
        ob_type_name(S, args[0], t, sizeof t);
        return exc_set(S, EXC_TypeError, "write() argument must be str, not %s", t);
    }
    rt_write_str(S, (int)ob_get64(S, self, 16), args[0]);
    return int_from_i64(S, str_len(S, args[0]));
}

static Obj textio_flush(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames)
{
    (void)self, (void)args;
    if (cf_noargs(S, "flush", nargs, kwnames)) return 0;
    ob_incref(S, S->none, HOLD_TEMP);
    return S->none;
}

const CFuncDef cf_textio_methods[] = {
    {"flush", textio_flush},
    {"write", textio_write},
    {NULL, NULL},
};

Obj builtins_stdio(Sim *S, int stream)
{
    if (!S->vm.stdio[stream]) {
        Obj o = ob_static_new(S, S->types[TI_TEXTIO].type, 24, 1);
        if (!o) return exc_no_memory(S);
        ob_set64(S, o, 16, (uint64_t)stream);
        S->vm.stdio[stream] = o;
    }
    return S->vm.stdio[stream];
}
