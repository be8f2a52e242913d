/*
 * repr.c -- repr(), str() and ascii() of every built-in type, as CPython
 * 3.11's tp_repr / tp_str slots write them, and of user classes through
 * their __repr__ / __str__ (called by the VM).
 *
 * Containers call repr() of each element as a real str object (created,
 * copied into the host-side builder, released), as list_repr and friends
 * do, so the element reprs' allocations happen as in CPython.
 *
 * The recursion guard (Py_ReprEnter: "[...]", "{...}", "(...)",
 * "set(...)") is a host-side stack owned by one top-level call and
 * passed down the nesting: CPython keeps its list in the thread state's
 * dict (a heap list), which is not simulated.  A user __repr__ that calls
 * repr() again starts a new stack (the engine keeps no global state), so
 * a cycle through a user class is caught by the recursion limit instead.
 * The depth of nested repr()s counts against the recursion limit together
 * with the running Python frames, as in 3.11 (RecursionError "maximum
 * recursion depth exceeded while getting the repr of an object").
 */
#include <stdio.h>
#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"
#include "runtime/containers.h"
#include "runtime/registry.h"
#include "runtime/runtime.h"
#include "runtime/strops.h"
#include "vm/disasm.h"
#include "vm/vm.h"

typedef struct ReprCtx {
    Obj *stack;          /* containers being repr'd (Py_ReprEnter's list) */
    size_t n, cap;
    int depth;           /* nested repr()/str() calls in this chain */
} ReprCtx;

static Obj repr_in(Sim *S, ReprCtx *cx, Obj o);
static Obj str_in(Sim *S, ReprCtx *cx, Obj o);

/* Py_ReprEnter's list: PyThreadState.dict["Py_Repr"], both made by the
 * first repr of a container and kept for good (+2 to count[0] once, from
 * the dict and list free lists when they have any).  Borrowed; 0 with
 * MemoryError. */
static Obj repr_list(Sim *S)
{
    if (!S->vm.tstate_dict) {
        Obj d = dict_new(S);
        if (!d) return 0;
        S->vm.tstate_dict = d;
        ob_move(S, d, HOLD_TEMP, HOLD_INTERNAL(0, R_INTERP));
    }
    Obj key = str_static_id(S, "Py_Repr");
    if (!key) return 0;
    Obj list = dict_getitem(S, S->vm.tstate_dict, key);
    if (list || S->exc) return list;
    list = list_new(S, 0);
    if (!list) return 0;
    int r = dict_setitem(S, S->vm.tstate_dict, key, list);
    ob_decref(S, list, HOLD_TEMP);
    return r < 0 ? 0 : list;
}

/* Py_ReprEnter: 1 when o is already being repr'd (it is in the thread's
 * Py_Repr list), 0 after appending it there (the list holds it until
 * Py_ReprLeave), -1 on MemoryError. */
static int repr_enter(Sim *S, ReprCtx *cx, Obj o)
{
    Obj list = repr_list(S);
    if (!list) return -1;
    for (int64_t i = list_len(S, list); --i >= 0;)
        if (list_get(S, list, i) == o) return 1;
    if (list_append(S, list, o) < 0) return -1;
    if (cx->n == cx->cap) {
        size_t cap = cx->cap ? cx->cap * 2 : 16;
        Obj *p = realloc(cx->stack, cap * sizeof *p);
        if (!p) {
            exc_no_memory(S);
            return -1;
        }
        cx->stack = p;
        cx->cap = cap;
    }
    cx->stack[cx->n++] = o;
    return 0;
}

/* Py_ReprLeave: the last occurrence of o leaves the list (PyList_SetSlice,
 * which frees the array when the list becomes empty); a pending
 * exception is kept aside meanwhile. */
static void repr_leave(Sim *S, ReprCtx *cx)
{
    Obj o = cx->stack[--cx->n];
    Obj list = S->vm.tstate_dict ? repr_list(S) : 0;
    for (int64_t i = list ? list_len(S, list) : 0; --i >= 0;) {
        if (list_get(S, list, i) != o) continue;
        Obj saved = S->exc;
        S->exc = 0;
        listop_del_slice(S, list, i, i + 1);
        S->exc = saved;
        break;
    }
}

static int recursion_limit(const Sim *S)
{
    return S->vm.recursion_limit > 0 ? S->vm.recursion_limit : 1000;
}

/* _Py_EnterRecursiveCall with `where`. */
static int enter_call(Sim *S, ReprCtx *cx, const char *where)
{
    if (S->vm.depth + ++cx->depth >= recursion_limit(S)) {
        cx->depth--;
        exc_set(S, EXC_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

/* A str from ASCII/UTF-8 text: new reference. */
static Obj text(Sim *S, const char *s) { return str_from_cstr(S, s); }

/* Appends repr(o) through a real temporary str. */
static int put_repr(Sim *S, ReprCtx *cx, StrBuf *b, Obj o)
{
    Obj r = repr_in(S, cx, o);
    if (!r) return -1;
    sb_str(b, S, r);
    ob_decref(S, r, HOLD_TEMP);
    return 0;
}

static Obj fail(Sim *S, StrBuf *b)
{
    (void)S; /* the exception is already set */
    sb_free(b);
    return 0;
}

/* %p of PyUnicode_FromFormat: lower-case hex with 0x. */
static void put_addr(StrBuf *b, Obj o) { sb_printf(b, "0x%llx", (unsigned long long)o); }

/* ---- names of types ---- */

static const char *obj_tp_name(const Sim *S, Obj o, char *buf, size_t cap)
{
    return tp_name(S, ob_type(S, o), buf, cap);
}

/* _PyType_Name: tp_name after its last dot. */
static const char *short_name(const Sim *S, Obj type, char *buf, size_t cap)
{
    tp_name(S, type, buf, cap);
    char *dot = strrchr(buf, '.');
    return dot ? dot + 1 : buf;
}

/* type_module + type_qualname: "__main__" and "C" for a class, or the
 * module part of a static type's tp_name ("builtins" when none). */
static void put_qualified(const Sim *S, StrBuf *b, Obj type, int *builtin)
{
    char buf[256];
    if (tp_flags(S, type) & TPF_HEAPTYPE) {
        Obj mod = strop_dict_get_cstr(S, ob_get64(S, type, TP_DICT_OFF), "__module__");
        Obj qual = ob_get64(S, type, TP_QUALNAME_OFF);
        if (!qual) qual = ob_get64(S, type, TP_NAME_OFF);
        int is_builtins = !mod || !ob_is(S, mod, TI_STR);
        if (!is_builtins) {
            str_to_utf8(S, mod, buf, sizeof buf);
            is_builtins = !strcmp(buf, "builtins");
        }
        if (!is_builtins) {
            sb_str(b, S, mod);
            sb_putc(b, '.');
        }
        if (qual) sb_str(b, S, qual);
        *builtin = is_builtins;
        return;
    }
    /* a Python class in CPython: tp_name is its __name__, its module weakref */
    if (type == S->types[TI_WEAKVALUEDICT].type) sb_puts(b, "weakref.");
    sb_puts(b, tp_name(S, type, buf, sizeof buf));
    *builtin = strchr(buf, '.') == NULL && type != S->types[TI_WEAKVALUEDICT].type;
}

/* ---- the scalar types ---- */

/* unicode_repr. */
static void put_str_repr(const Sim *S, StrBuf *b, Obj s)
{
    int64_t n = str_len(S, s);
    int squote = 0, dquote = 0;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char(S, s, i);
        squote |= c == '\'';
        dquote |= c == '"';
    }
    uint32_t quote = squote && !dquote ? '"' : '\'';
    sb_putc(b, quote);
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char(S, s, i);
        if (c == quote || c == '\\') {
            sb_putc(b, '\\');
            sb_putc(b, c);
        } else if (c == '\t') sb_puts(b, "\\t");
        else if (c == '\n') sb_puts(b, "\\n");
        else if (c == '\r') sb_puts(b, "\\r");
        else if (c < ' ' || c == 0x7f) sb_printf(b, "\\x%02x", c);
        else if (c < 0x7f || disasm_isprintable(c)) sb_putc(b, c);
        else if (c <= 0xff) sb_printf(b, "\\x%02x", c);
        else if (c <= 0xffff) sb_printf(b, "\\u%04x", c);
        else sb_printf(b, "\\U%08x", c);
    }
    sb_putc(b, quote);
}

/* PyBytes_Repr(smartquotes=1). */
static void put_bytes_repr(const Sim *S, StrBuf *b, Obj o)
{
    int64_t n = bytes_len(S, o);
    const unsigned char *d = bytes_data(S, o);
    int squote = memchr(d, '\'', (size_t)n) != NULL, dquote = memchr(d, '"', (size_t)n) != NULL;
    unsigned quote = squote && !dquote ? '"' : '\'';
    sb_putc(b, 'b');
    sb_putc(b, quote);
    for (int64_t i = 0; i < n; i++) {
        unsigned c = d[i];
        if (c == quote || c == '\\') {
            sb_putc(b, '\\');
            sb_putc(b, c);
        } else if (c == '\t') sb_puts(b, "\\t");
        else if (c == '\n') sb_puts(b, "\\n");
        else if (c == '\r') sb_puts(b, "\\r");
        else if (c < ' ' || c >= 0x7f) sb_printf(b, "\\x%02x", c);
        else sb_putc(b, c);
    }
    sb_putc(b, quote);
}

/* ---- containers ---- */

static Obj seq_repr(Sim *S, ReprCtx *cx, Obj o, int is_list)
{
    int64_t n = is_list ? list_len(S, o) : ob_size(S, o);
    if (n == 0) return text(S, is_list ? "[]" : "()");
    int r = repr_enter(S, cx, o);
    if (r) return r > 0 ? text(S, is_list ? "[...]" : "(...)") : 0;
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, is_list ? '[' : '(');
    /* a list may change under a user __repr__: re-read its length */
    for (int64_t i = 0; i < (is_list ? list_len(S, o) : n); i++) {
        if (i) sb_puts(&b, ", ");
        Obj item = is_list ? list_get(S, o, i) : tuple_item(S, o, i);
        ob_incref(S, item, HOLD_TEMP); /* list_repr holds the item across its repr */
        int rc = put_repr(S, cx, &b, item);
        ob_decref(S, item, HOLD_TEMP);
        if (rc) {
            repr_leave(S, cx);
            return fail(S, &b);
        }
    }
    if (!is_list && n == 1) sb_putc(&b, ',');
    sb_putc(&b, is_list ? ']' : ')');
    repr_leave(S, cx);
    return sb_finish(S, &b);
}

static Obj dict_repr_(Sim *S, ReprCtx *cx, Obj d)
{
    int r = repr_enter(S, cx, d);
    if (r) return r > 0 ? text(S, "{...}") : 0;
    if (dict_len(S, d) == 0) {
        repr_leave(S, cx);
        return text(S, "{}");
    }
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '{');
    int64_t pos = 0;
    Obj k, v;
    for (int first = 1; dict_next(S, d, &pos, &k, &v); first = 0) {
        if (!first) sb_puts(&b, ", ");
        /* dict_repr holds key and value across their reprs */
        ob_incref(S, k, HOLD_TEMP);
        ob_incref(S, v, HOLD_TEMP);
        int rc = put_repr(S, cx, &b, k);
        if (!rc) {
            sb_puts(&b, ": ");
            rc = put_repr(S, cx, &b, v);
        }
        ob_decref(S, k, HOLD_TEMP);
        ob_decref(S, v, HOLD_TEMP);
        if (rc) {
            repr_leave(S, cx);
            return fail(S, &b);
        }
    }
    sb_putc(&b, '}');
    repr_leave(S, cx);
    return sb_finish(S, &b);
}

/* set_repr: Py_ReprEnter first (an empty set too), then the keys as a
 * list (PySequence_List: PyList_New(0), from the free list when it has
 * one, extended through a set iterator), whose repr minus its brackets
 * (PyUnicode_Substring, a new str) goes between the braces. */
static Obj set_repr_(Sim *S, ReprCtx *cx, Obj s)
{
    char name[128];
    obj_tp_name(S, s, name, sizeof name);
    StrBuf b;
    sb_init(&b);
    int r = repr_enter(S, cx, s);
    if (r) {
        if (r < 0) return 0;
        sb_printf(&b, "%s(...)", name);
        return sb_finish(S, &b);
    }
    if (set_len(S, s) == 0) {
        repr_leave(S, cx);
        sb_printf(&b, "%s()", name);
        return sb_finish(S, &b);
    }
    Obj keys = cont_seq_fast(S, s, NULL);
    Obj listrepr = 0;
    if (keys) {
        vm_temp_push(S, keys); /* the keys' __repr__ may run Python code */
        listrepr = seq_repr(S, cx, keys, 1);
        vm_temp_pop(S);
        ob_decref(S, keys, HOLD_TEMP);
    }
    Obj inner = listrepr ? strop_substr(S, listrepr, 1, str_len(S, listrepr) - 1) : 0;
    if (listrepr) ob_decref(S, listrepr, HOLD_TEMP);
    if (!inner) {
        repr_leave(S, cx);
        return fail(S, &b);
    }
    if (ob_is(S, s, TI_SET)) sb_putc(&b, '{');
    else sb_printf(&b, "%s({", name);
    sb_str(&b, S, inner);
    sb_puts(&b, ob_is(S, s, TI_SET) ? "}" : "})");
    Obj result = sb_finish(S, &b);
    ob_decref(S, inner, HOLD_TEMP);
    repr_leave(S, cx);
    return result;
}

/* dictview_repr: "dict_items([(1, 2)])" (CPython lists the view first;
 * the list and the items' tuples are not made here). */
static Obj view_repr(Sim *S, ReprCtx *cx, Obj v)
{
    char name[64];
    obj_tp_name(S, v, name, sizeof name);
    int r = repr_enter(S, cx, v);
    if (r) return r > 0 ? text(S, "...") : 0;
    Obj d = ob_get64(S, v, DV_DICT_OFF);
    TypeId t = (TypeId)tp_index(S, ob_type(S, v));
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "%s([", name);
    int64_t pos = 0;
    Obj k, val;
    for (int first = 1; d && dict_next(S, d, &pos, &k, &val); first = 0) {
        if (!first) sb_puts(&b, ", ");
        int rc;
        if (t == TI_DICT_ITEMS) {
            sb_putc(&b, '(');
            rc = put_repr(S, cx, &b, k);
            if (!rc) {
                sb_puts(&b, ", ");
                rc = put_repr(S, cx, &b, val);
            }
            sb_putc(&b, ')');
        } else {
            rc = put_repr(S, cx, &b, t == TI_DICT_KEYS ? k : val);
        }
        if (rc) {
            repr_leave(S, cx);
            return fail(S, &b);
        }
    }
    sb_puts(&b, "])");
    repr_leave(S, cx);
    return sb_finish(S, &b);
}

/* ---- exceptions ---- */

static Obj exc_args(const Sim *S, Obj e)
{
    Obj a = ob_get64(S, e, EXC_ARGS_OFF);
    return a ? a : S->empty_tuple;
}

/* BaseException_repr: "ValueError('x')", "ValueError(1, 2)". */
static Obj exc_repr(Sim *S, ReprCtx *cx, Obj e)
{
    char buf[128];
    const char *name = short_name(S, ob_type(S, e), buf, sizeof buf);
    Obj args = exc_args(S, e);
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, name);
    if (ob_size(S, args) == 1) {
        sb_putc(&b, '(');
        if (put_repr(S, cx, &b, tuple_item(S, args, 0))) return fail(S, &b);
        sb_putc(&b, ')');
    } else if (put_repr(S, cx, &b, args)) {
        return fail(S, &b);
    }
    return sb_finish(S, &b);
}

static int is_subtype(const Sim *S, Obj t, Obj base)
{
    for (; t; t = ob_get64(S, t, TP_BASE_OFF))
        if (t == base) return 1;
    return 0;
}

/* BaseException_str, KeyError_str. */
static Obj exc_str(Sim *S, ReprCtx *cx, Obj e)
{
    Obj args = exc_args(S, e);
    int64_t n = ob_size(S, args);
    if (n == 1 && is_subtype(S, ob_type(S, e), S->exc_types[EXC_KeyError]))
        return repr_in(S, cx, tuple_item(S, args, 0));
    if (n == 0) {
        ob_incref(S, S->empty_str, HOLD_TEMP);
        return S->empty_str;
    }
    return str_in(S, cx, n == 1 ? tuple_item(S, args, 0) : args);
}

/* ---- callables, modules, frames ---- */

static Obj field_str(const Sim *S, Obj o, uint32_t off)
{
    Obj v = ob_get64(S, o, off);
    return v && ob_is(S, v, TI_STR) ? v : 0;
}

/* A str attribute through the VM (0 without exception when missing or
 * not a str): for names the engine does not keep in a field. */
static Obj attr_str(Sim *S, Obj o, const char *name)
{
    Obj v = rt_getattr_cstr(S, o, name);
    if (!v) {
        if (exc_matches(S, EXC_AttributeError)) exc_clear(S);
        return 0;
    }
    if (!ob_is(S, v, TI_STR)) {
        ob_decref(S, v, HOLD_TEMP);
        return 0;
    }
    return v;
}

static Obj builtin_repr(Sim *S, ReprCtx *cx, Obj o)
{
    (void)cx;
    Obj self = ob_get64(S, o, BUILTIN_SELF_OFF);
    const CFuncDef *def = cf_get(ob_get32(S, o, BUILTIN_INDEX_OFF));
    const char *name = def ? def->name : "?";
    StrBuf b;
    sb_init(&b);
    if (!self || ob_is(S, self, TI_MODULE)) {
        sb_printf(&b, "<built-in function %s>", name);
    } else {
        char tn[128];
        sb_printf(&b, "<built-in method %s of %s object at ", name, obj_tp_name(S, self, tn, sizeof tn));
        put_addr(&b, self);
        sb_putc(&b, '>');
    }
    return sb_finish(S, &b);
}

/* method_repr (bound methods). */
static Obj method_repr_(Sim *S, ReprCtx *cx, Obj m)
{
    Obj func = ob_get64(S, m, METHOD_FUNC_OFF), self = ob_get64(S, m, METHOD_SELF_OFF);
    Obj name = 0;
    int own = 0;
    if (ob_is(S, func, TI_FUNCTION)) {
        name = field_str(S, func, FUNC_QUALNAME_OFF);
        if (!name) name = field_str(S, func, FUNC_NAME_OFF);
    } else {
        name = attr_str(S, func, "__qualname__");
        if (!name && !S->exc) name = attr_str(S, func, "__name__");
        if (!name && S->exc) return 0;
        own = name != 0;
    }
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "<bound method ");
    if (name) sb_str(&b, S, name);
    else sb_putc(&b, '?');
    if (own) ob_decref(S, name, HOLD_TEMP);
    sb_puts(&b, " of ");
    if (put_repr(S, cx, &b, self)) return fail(S, &b);
    sb_putc(&b, '>');
    return sb_finish(S, &b);
}

/* getset / member / method descriptors: "<method 'append' of 'list' objects>". */
static Obj descr_repr(Sim *S, Obj d, const char *kind)
{
    char tn[128];
    Obj type = ob_get64(S, d, DESCR_TYPE_OFF);
    Obj name = field_str(S, d, DESCR_NAME_OFF);
    /* a method descriptor (static here) names its C function by index;
     * __init__ is a slot wrapper in CPython */
    const char *cname = ob_is(S, d, TI_METHOD_DESCR) ? cf_fn(S, (uint32_t)ob_get64(S, d, 40))->name : NULL;
    if (cname && cname[0] == '_' && cname[1] == '_' && strcmp(cname, "__getitem__") &&
        strcmp(cname, "__reversed__"))
        kind = "slot wrapper"; /* those two are methods (METH_COEXIST) */
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<%s '", kind);
    if (name) sb_str(&b, S, name);
    else if (cname) sb_puts(&b, cname);
    else sb_putc(&b, '?');
    sb_printf(&b, "' of '%s' objects>", type ? tp_name(S, type, tn, sizeof tn) : "?");
    return sb_finish(S, &b);
}

/* module_repr (importlib's _module_repr): "from" its __file__, else
 * "(built-in)" -- refscope's modules without a file are all built in. */
static Obj module_repr_(Sim *S, ReprCtx *cx, Obj m)
{
    Obj d = ob_get64(S, m, MODULE_DICT_OFF);
    Obj name = strop_dict_get_cstr(S, d, "__name__");
    if (!name || !ob_is(S, name, TI_STR)) name = field_str(S, m, MODULE_NAME_OFF);
    Obj file = strop_dict_get_cstr(S, d, "__file__");
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "<module ");
    if (name) put_str_repr(S, &b, name);
    else sb_puts(&b, "'?'");
    if (file) {
        sb_puts(&b, " from ");
        if (put_repr(S, cx, &b, file)) return fail(S, &b);
        sb_putc(&b, '>');
    } else {
        sb_puts(&b, " (built-in)>");
    }
    return sb_finish(S, &b);
}

/* code_repr: line -1 when co_firstlineno is 0. */
static void put_code_repr(const Sim *S, StrBuf *b, Obj co)
{
    int32_t first = (int32_t)ob_get32(S, co, CO_FIRSTLINENO_OFF);
    Obj name = field_str(S, co, CO_NAME_OFF), file = field_str(S, co, CO_FILENAME_OFF);
    sb_puts(b, "<code object ");
    if (name) sb_str(b, S, name);
    sb_puts(b, " at ");
    put_addr(b, co);
    sb_puts(b, ", file ");
    if (file) {
        sb_putc(b, '"');
        sb_str(b, S, file);
        sb_putc(b, '"');
    } else {
        sb_puts(b, "???");
    }
    sb_printf(b, ", line %d>", first != 0 ? (int)first : -1);
}

/* PyFrame_GetLineNumber: f_lineno when tracing set it, else the line of
 * the last instruction started. */
static int frame_lineno(const Sim *S, Obj f)
{
    int32_t ln = (int32_t)ob_get32(S, f, FO_LINENO_OFF);
    if (ln) return ln;
    SimAddr fr = frameobj_frame(S, f);
    if (!fr) return -1;
    Obj code = ob_get64(S, fr, FRAME_CODE_OFF);
    int64_t prev = (int64_t)ob_get64(S, fr, FRAME_PREV_INSTR_OFF);
    if (!code) return -1;
    int64_t addr = prev < 0 ? 0 : prev * 2;
    DisasmLines it;
    disasm_lines_begin(&it, S, code);
    while (disasm_lines_next(&it))
        if (addr >= it.start && addr < it.end) return (int)it.line;
    return (int32_t)ob_get32(S, code, CO_FIRSTLINENO_OFF);
}

/* frame_repr: "<frame at 0x..., file 'x.py', line 3, code f>". */
static Obj frame_repr(Sim *S, Obj f)
{
    SimAddr fr = frameobj_frame(S, f);
    Obj code = fr ? ob_get64(S, fr, FRAME_CODE_OFF) : 0;
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "<frame at ");
    put_addr(&b, f);
    sb_puts(&b, ", file ");
    Obj file = code ? field_str(S, code, CO_FILENAME_OFF) : 0;
    if (file) put_str_repr(S, &b, file);
    else sb_puts(&b, "'?'");
    sb_printf(&b, ", line %d, code ", frame_lineno(S, f));
    Obj name = code ? field_str(S, code, CO_NAME_OFF) : 0;
    if (name) sb_str(&b, S, name);
    sb_putc(&b, '>');
    return sb_finish(S, &b);
}

/* weakref_repr (3.11): the referent's tp_name, and its __name__ if any. */
static Obj weakref_repr_(Sim *S, Obj w)
{
    Obj obj = weakref_get(S, w);
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "<weakref at ");
    put_addr(&b, w);
    if (obj == S->none) {
        sb_puts(&b, "; dead>");
        return sb_finish(S, &b);
    }
    ob_incref(S, obj, HOLD_TEMP);
    Obj name = 0;
    if (ob_is(S, obj, TI_FUNCTION)) {
        name = field_str(S, obj, FUNC_NAME_OFF);
        if (name) ob_incref(S, name, HOLD_TEMP);
    } else if (ob_is(S, obj, TI_TYPE) && (tp_flags(S, obj) & TPF_HEAPTYPE)) {
        name = field_str(S, obj, TP_NAME_OFF);
        if (name) ob_incref(S, name, HOLD_TEMP);
    } else if (tp_flags(S, ob_type(S, obj)) & TPF_HEAPTYPE) {
        name = attr_str(S, obj, "__name__");
        if (!name && S->exc) {
            ob_decref(S, obj, HOLD_TEMP);
            sb_free(&b);
            return 0;
        }
    }
    char tn[128];
    sb_printf(&b, "; to '%s' at ", obj_tp_name(S, obj, tn, sizeof tn));
    put_addr(&b, obj);
    if (name) {
        sb_puts(&b, " (");
        sb_str(&b, S, name);
        sb_putc(&b, ')');
        ob_decref(S, name, HOLD_TEMP);
    }
    sb_putc(&b, '>');
    ob_decref(S, obj, HOLD_TEMP);
    return sb_finish(S, &b);
}

/* object_repr: "<__main__.C object at 0x...>", "<list_iterator object at 0x...>". */
static Obj object_repr(Sim *S, Obj o)
{
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '<');
    int builtin;
    put_qualified(S, &b, ob_type(S, o), &builtin);
    sb_puts(&b, " object at ");
    put_addr(&b, o);
    sb_putc(&b, '>');
    return sb_finish(S, &b);
}

static Obj type_repr(Sim *S, Obj t)
{
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "<class '");
    int builtin;
    put_qualified(S, &b, t, &builtin);
    sb_puts(&b, "'>");
    return sb_finish(S, &b);
}

/* ga_repr_item: `...` for Ellipsis, an alias's own repr, a class or a
 * function as module.qualname (the qualname alone in builtins), anything
 * else (None, an int, a str, a bound method) its repr. */
static int put_ga_item(Sim *S, ReprCtx *cx, StrBuf *b, Obj p)
{
    if (p == S->ellipsis) {
        sb_puts(b, "...");
        return 0;
    }
    int builtin;
    if (ob_is(S, p, TI_TYPE)) {
        put_qualified(S, b, p, &builtin);
        return 0;
    }
    if (ob_is(S, p, TI_BUILTIN_FN)) {
        /* a module's function: __module__ its module's name, __qualname__
         * its name; a method's __module__ is None (its repr, below) */
        Obj self = ob_get64(S, p, BUILTIN_SELF_OFF);
        const CFuncDef *def = cf_get(ob_get32(S, p, BUILTIN_INDEX_OFF));
        if (def && (!self || ob_is(S, self, TI_MODULE))) {
            Obj mod = self ? field_str(S, self, MODULE_NAME_OFF) : 0;
            char buf[16] = "builtins";
            if (mod) str_to_utf8(S, mod, buf, sizeof buf);
            if (strcmp(buf, "builtins")) {
                sb_str(b, S, mod);
                sb_putc(b, '.');
            }
            sb_puts(b, def->name);
            return 0;
        }
    }
    if (ob_is(S, p, TI_FUNCTION)) {
        Obj mod = attr_str(S, p, "__module__");
        Obj q = mod ? attr_str(S, p, "__qualname__") : 0;
        if (S->exc) {
            if (mod) ob_decref(S, mod, HOLD_TEMP);
            return -1;
        }
        if (mod && q) {
            char buf[16];
            str_to_utf8(S, mod, buf, sizeof buf);
            if (strcmp(buf, "builtins")) {
                sb_str(b, S, mod);
                sb_putc(b, '.');
            }
            sb_str(b, S, q);
            ob_decref(S, mod, HOLD_TEMP);
            ob_decref(S, q, HOLD_TEMP);
            return 0;
        }
        if (mod) ob_decref(S, mod, HOLD_TEMP);
    }
    return put_repr(S, cx, b, p);
}

/* ga_repr: origin[arg, ...], origin[()] for no arguments. */
static Obj ga_repr(Sim *S, ReprCtx *cx, Obj o)
{
    StrBuf b;
    sb_init(&b);
    if (ob_get64(S, o, GA_STARRED_OFF)) sb_putc(&b, '*');
    if (put_ga_item(S, cx, &b, ob_get64(S, o, GA_ORIGIN_OFF))) return fail(S, &b);
    sb_putc(&b, '[');
    Obj args = ob_get64(S, o, GA_ARGS_OFF);
    for (int64_t i = 0; i < ob_size(S, args); i++) {
        if (i) sb_puts(&b, ", ");
        if (put_ga_item(S, cx, &b, tuple_item(S, args, i))) return fail(S, &b);
    }
    if (!ob_size(S, args)) sb_puts(&b, "()");
    sb_putc(&b, ']');
    return sb_finish(S, &b);
}

/* Checks a user __repr__/__str__'s result. */
static Obj check_text_result(Sim *S, Obj r, const char *what)
{
    if (!r || ob_is(S, r, TI_STR)) return r;
    char tn[128];
    obj_tp_name(S, r, tn, sizeof tn);
    ob_decref(S, r, HOLD_TEMP);
    return exc_set(S, EXC_TypeError, "%s returned non-string (type %s)", what, tn);
}

/* The type whose built-in slot serves o: type(o) for a built-in type,
 * or the first built-in type in a class's MRO. */
static TypeId builtin_kind(const Sim *S, Obj o)
{
    Obj t = ob_type(S, o);
    while (t && (tp_flags(S, t) & TPF_HEAPTYPE)) t = ob_get64(S, t, TP_BASE_OFF);
    if (!t) return TI_INSTANCE;
    TypeId k = (TypeId)tp_index(S, t);
    if (k == TI_OBJECT && (tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE)) return TI_INSTANCE;
    return k;
}

/* ---- repr ---- */

static Obj builtin_repr_slot(Sim *S, ReprCtx *cx, Obj o);

static Obj repr_slot(Sim *S, ReprCtx *cx, Obj o)
{
    if (strop_user_defines(S, o, "__repr__")) {
        int found = 0;
        Obj r = rt_call_special(S, o, "__repr__", NULL, 0, &found);
        return check_text_result(S, r, "__repr__");
    }
    return builtin_repr_slot(S, cx, o);
}

/* The tp_repr o's class inherits from its built-in base. */
static Obj builtin_repr_slot(Sim *S, ReprCtx *cx, Obj o)
{
    char buf[128];
    switch (builtin_kind(S, o)) {
    case TI_TYPE: return type_repr(S, o);
    case TI_NONE: return text(S, "None");
    case TI_NOTIMPL: return text(S, "NotImplemented");
    case TI_ELLIPSIS: return text(S, "Ellipsis");
    case TI_BOOL: return text(S, o == S->true_ ? "True" : "False");
    case TI_INT: return int_repr(S, o);
    case TI_FLOAT: {
        float_repr_buf(float_value(S, o), buf, sizeof buf);
        return text(S, buf);
    }
    case TI_STR: {
        StrBuf b;
        sb_init(&b);
        put_str_repr(S, &b, o);
        return sb_finish(S, &b);
    }
    case TI_BYTES: {
        StrBuf b;
        sb_init(&b);
        put_bytes_repr(S, &b, o);
        return sb_finish(S, &b);
    }
    case TI_TUPLE: return seq_repr(S, cx, o, 0);
    case TI_LIST: return seq_repr(S, cx, o, 1);
    case TI_DICT: return dict_repr_(S, cx, o);
    case TI_SET:
    case TI_FROZENSET: return set_repr_(S, cx, o);
    case TI_EXCEPTION: return exc_repr(S, cx, o);
    case TI_DICT_KEYS:
    case TI_DICT_VALUES:
    case TI_DICT_ITEMS: return view_repr(S, cx, o);
    case TI_RANGE: {
        StrBuf b;
        sb_init(&b);
        sb_puts(&b, "range(");
        if (put_repr(S, cx, &b, ob_get64(S, o, RANGE_START_OFF))) return fail(S, &b);
        sb_puts(&b, ", ");
        if (put_repr(S, cx, &b, ob_get64(S, o, RANGE_STOP_OFF))) return fail(S, &b);
        Obj step = ob_get64(S, o, RANGE_STEP_OFF);
        int64_t st;
        if (int_as_i64(S, step, &st) || st != 1) {
            if (S->exc) exc_clear(S);
            sb_puts(&b, ", ");
            if (put_repr(S, cx, &b, step)) return fail(S, &b);
        }
        sb_putc(&b, ')');
        return sb_finish(S, &b);
    }
    case TI_GENERIC_ALIAS: return ga_repr(S, cx, o);
    case TI_SLICE: {
        StrBuf b;
        sb_init(&b);
        sb_puts(&b, "slice(");
        for (uint32_t i = 0; i < 3; i++) {
            if (i) sb_puts(&b, ", ");
            if (put_repr(S, cx, &b, ob_get64(S, o, SLICE_START_OFF + 8 * i))) return fail(S, &b);
        }
        sb_putc(&b, ')');
        return sb_finish(S, &b);
    }
    case TI_FUNCTION: {
        StrBuf b;
        sb_init(&b);
        sb_puts(&b, "<function ");
        Obj q = field_str(S, o, FUNC_QUALNAME_OFF);
        if (q) sb_str(&b, S, q);
        sb_puts(&b, " at ");
        put_addr(&b, o);
        sb_putc(&b, '>');
        return sb_finish(S, &b);
    }
    case TI_METHOD: return method_repr_(S, cx, o);
    case TI_BUILTIN_FN: return builtin_repr(S, cx, o);
    case TI_METHOD_DESCR: return descr_repr(S, o, "method");
    case TI_GETSET_DESCR: return descr_repr(S, o, "attribute");
    case TI_MEMBER_DESCR: return descr_repr(S, o, "member");
    case TI_MODULE: return module_repr_(S, cx, o);
    case TI_GENERATOR: {
        StrBuf b;
        sb_init(&b);
        sb_puts(&b, "<generator object ");
        Obj q = field_str(S, o, GEN_QUALNAME_OFF);
        if (q) sb_str(&b, S, q);
        sb_puts(&b, " at ");
        put_addr(&b, o);
        sb_putc(&b, '>');
        return sb_finish(S, &b);
    }
    case TI_CELL: {
        StrBuf b;
        sb_init(&b);
        sb_puts(&b, "<cell at ");
        put_addr(&b, o);
        Obj c = cell_get(S, o);
        if (!c) {
            sb_puts(&b, ": empty>");
        } else {
            sb_printf(&b, ": %s object at ", obj_tp_name(S, c, buf, sizeof buf));
            put_addr(&b, c);
            sb_putc(&b, '>');
        }
        return sb_finish(S, &b);
    }
    case TI_CODE: {
        StrBuf b;
        sb_init(&b);
        put_code_repr(S, &b, o);
        return sb_finish(S, &b);
    }
    case TI_FRAME: return frame_repr(S, o);
    case TI_WEAKREF: return weakref_repr_(S, o);
    default: return object_repr(S, o);
    }
}

static Obj repr_in(Sim *S, ReprCtx *cx, Obj o)
{
    if (enter_call(S, cx, " while getting the repr of an object")) return 0;
    Obj r = repr_slot(S, cx, o);
    cx->depth--;
    return r;
}

/* ---- str ---- */

static Obj str_in(Sim *S, ReprCtx *cx, Obj o)
{
    if (ob_is(S, o, TI_STR)) {
        ob_incref(S, o, HOLD_TEMP);
        return o;
    }
    if (enter_call(S, cx, " while getting the str of an object")) return 0;
    Obj r;
    if (strop_user_defines(S, o, "__str__")) {
        int found = 0;
        r = check_text_result(S, rt_call_special(S, o, "__str__", NULL, 0, &found), "__str__");
    } else {
        switch (builtin_kind(S, o)) {
        case TI_EXCEPTION: r = exc_str(S, cx, o); break;
        case TI_STR: r = strop_substr(S, o, 0, str_len(S, o)); break;
        default:
            if (strop_user_defines(S, o, "__repr__")) {
                /* object_str calls tp_repr itself: PyObject_Str checks
                 * the result, as __str__'s */
                int found = 0;
                r = check_text_result(S, rt_call_special(S, o, "__repr__", NULL, 0, &found), "__str__");
            } else {
                r = repr_in(S, cx, o); /* object_str */
            }
            break;
        }
    }
    cx->depth--;
    return r;
}

Obj rt_repr(Sim *S, Obj o)
{
    ReprCtx cx = {0};
    Obj r = repr_in(S, &cx, o);
    free(cx.stack);
    return r;
}

Obj rt_repr_builtin(Sim *S, Obj o)
{
    ReprCtx cx = {0};
    Obj r = 0;
    if (!enter_call(S, &cx, " while getting the repr of an object")) r = builtin_repr_slot(S, &cx, o);
    free(cx.stack);
    return r;
}

Obj rt_str(Sim *S, Obj o)
{
    ReprCtx cx = {0};
    Obj r = str_in(S, &cx, o);
    free(cx.stack);
    return r;
}

/* PyObject_ASCII: repr, encoded to ASCII with backslashreplace (a bytes
 * object), decoded again. */
Obj rt_ascii(Sim *S, Obj o)
{
    Obj r = rt_repr(S, o);
    if (!r || str_is_ascii(S, r)) return r; /* an ASCII repr is the result itself */
    StrBuf b;
    sb_init(&b);
    int64_t n = str_len(S, r);
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char(S, r, i);
        if (c < 0x80) sb_putc(&b, c);
        else if (c <= 0xff) sb_printf(&b, "\\x%02x", c);
        else if (c <= 0xffff) sb_printf(&b, "\\u%04x", c);
        else sb_printf(&b, "\\U%08x", c);
    }
    char *bytes = b.oom ? NULL : malloc(b.n + 1);
    if (!bytes) {
        ob_decref(S, r, HOLD_TEMP);
        sb_free(&b);
        return exc_no_memory(S);
    }
    for (size_t i = 0; i < b.n; i++) bytes[i] = (char)b.p[i];
    Obj enc = bytes_from(S, bytes, (int64_t)b.n);
    free(bytes);
    ob_decref(S, r, HOLD_TEMP);
    if (!enc) {
        sb_free(&b);
        return 0;
    }
    Obj res = sb_finish(S, &b);
    ob_decref(S, enc, HOLD_TEMP);
    return res;
}
