/*
 * repr.c -- repr() for viewers: CPython 3.11's texts for the built-in
 * types, built on the host from the objects' bytes, bounded.
 *
 * runtime/repr.c makes real str objects and may call a user __repr__;
 * this one must not touch the heap (inspection has no observer effect),
 * so it writes into the caller's buffer only.  Bounds, as reprlib: nested
 * containers to MAX_DEPTH ("[...]" below that), MAX_ITEMS items each
 * (then "..."), and the whole text cut at the buffer's size with "...".
 * A class instance is always "<__main__.K object at 0x...>": a __repr__
 * would be Python code.  A subclass of a built-in type shows the built-in
 * base's form.
 */
#include <stdio.h>
#include <string.h>

#include "inspect/si.h"
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
#include "objects/utf8.h"
#include "objects/weakref.h"
#include "runtime/cfunc.h"
#include "runtime/registry.h"
#include "runtime/strops.h"
#include "vm/disasm.h"
#include "vm/vm.h"

#define MAX_DEPTH 3
#define MAX_ITEMS 16

typedef struct Out {
    char *p;
    size_t n, lim;           /* bytes written, bytes allowed before the "..." */
    int cut;                 /* something did not fit */
    int elided;              /* a depth or item bound left something out */
    Obj stack[MAX_DEPTH + 1]; /* containers being written (Py_ReprEnter) */
    int depth;
} Out;

/* Appends one UTF-8 sequence whole or not at all. */
static void put_bytes(Out *w, const char *s, size_t len)
{
    if (w->cut) return;
    if (w->n + len > w->lim) {
        w->cut = 1;
        return;
    }
    memcpy(w->p + w->n, s, len);
    w->n += len;
}

static void put(Out *w, const char *s)
{
    /* character by character, so a cut never splits one */
    while (*s && !w->cut) {
        unsigned char c = (unsigned char)*s;
        size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        size_t have = strnlen(s, len);
        put_bytes(w, s, have);
        s += have;
    }
}

static void putc_(Out *w, char c) { put_bytes(w, &c, 1); }

static void put_cp(Out *w, uint32_t c)
{
    char b[4];
    put_bytes(w, b, utf8_put(b, c));
}

static void put_addr(Out *w, Obj o)
{
    char b[32];
    snprintf(b, sizeof b, "0x%llx", (unsigned long long)o);
    put(w, b);
}

static void put_strobj(Out *w, const Sim *S, Obj s)
{
    int64_t n = str_len(S, s);
    for (int64_t i = 0; i < n && !w->cut; i++) put_cp(w, str_char(S, s, i));
}

/* A str field, or 0 when the field holds no live str. */
static Obj str_field(const Sim *S, Obj o, uint32_t off)
{
    Obj v = ob_get64(S, o, off);
    return v && objmap_is_live(S, v) && ob_is(S, v, TI_STR) ? v : 0;
}

/* unicode_repr */
static void str_repr(Out *w, const Sim *S, Obj s)
{
    int64_t n = str_len(S, s);
    int squote = 0, dquote = 0;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char(S, s, i);
        squote |= c == '\'';
        dquote |= c == '"';
    }
    uint32_t quote = squote && !dquote ? '"' : '\'';
    putc_(w, (char)quote);
    char b[16];
    for (int64_t i = 0; i < n && !w->cut; i++) {
        uint32_t c = str_char(S, s, i);
        if (c == quote || c == '\\') {
            b[0] = '\\';
            b[1] = (char)c;
            put_bytes(w, b, 2);
        } else if (c == '\t') put(w, "\\t");
        else if (c == '\n') put(w, "\\n");
        else if (c == '\r') put(w, "\\r");
        else if (c < ' ' || c == 0x7f) {
            snprintf(b, sizeof b, "\\x%02x", c);
            put(w, b);
        } else if (c < 0x7f || disasm_isprintable(c)) put_cp(w, c);
        else {
            snprintf(b, sizeof b, c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x", c);
            put(w, b);
        }
    }
    putc_(w, (char)quote);
}

/* PyBytes_Repr(smartquotes=1) */
static void bytes_repr(Out *w, const Sim *S, Obj o)
{
    int64_t n = bytes_len(S, o);
    const unsigned char *d = bytes_data(S, o);
    int squote = memchr(d, '\'', (size_t)n) != NULL, dquote = memchr(d, '"', (size_t)n) != NULL;
    char quote = squote && !dquote ? '"' : '\'';
    putc_(w, 'b');
    putc_(w, quote);
    char b[8];
    for (int64_t i = 0; i < n && !w->cut; i++) {
        unsigned c = d[i];
        if (c == (unsigned char)quote || c == '\\') {
            b[0] = '\\';
            b[1] = (char)c;
            put_bytes(w, b, 2);
        } else if (c == '\t') put(w, "\\t");
        else if (c == '\n') put(w, "\\n");
        else if (c == '\r') put(w, "\\r");
        else if (c < ' ' || c >= 0x7f) {
            snprintf(b, sizeof b, "\\x%02x", c);
            put(w, b);
        } else putc_(w, (char)c);
    }
    putc_(w, quote);
}

/* type_module + type_qualname ("__main__.K"), or a static type's tp_name. */
static void put_qualified(Out *w, const Sim *S, Obj type)
{
    char buf[SIM_INSPECT_NAME_MAX];
    if (tp_flags(S, type) & TPF_HEAPTYPE) {
        Obj mod = strop_dict_get_cstr(S, ob_get64(S, type, TP_DICT_OFF), "__module__");
        Obj qual = str_field(S, type, TP_QUALNAME_OFF);
        if (!qual) qual = str_field(S, type, TP_NAME_OFF);
        if (mod && ob_is(S, mod, TI_STR)) {
            str_to_utf8(S, mod, buf, sizeof buf);
            if (strcmp(buf, "builtins")) {
                put(w, buf);
                putc_(w, '.');
            }
        }
        if (qual) put_strobj(w, S, qual);
        return;
    }
    put(w, tp_name(S, type, buf, sizeof buf));
}

static void put_short_type(Out *w, const Sim *S, Obj type)
{
    char buf[SIM_INSPECT_NAME_MAX];
    tp_name(S, type, buf, sizeof buf);
    char *dot = strrchr(buf, '.');
    put(w, dot ? dot + 1 : buf);
}

static void object_repr(Out *w, const Sim *S, Obj o)
{
    putc_(w, '<');
    put_qualified(w, S, ob_type(S, o));
    put(w, " object at ");
    put_addr(w, o);
    putc_(w, '>');
}

/* The built-in type whose tp_repr serves o (repr.c's builtin_kind). */
static TypeId builtin_kind(const Sim *S, Obj o)
{
    Obj t = ob_type(S, o);
    while (t && (tp_flags(S, t) & TPF_HEAPTYPE)) t = ob_get64(S, t, TP_BASE_OFF);
    if (!t) return TI_INSTANCE;
    TypeId k = (TypeId)tp_index(S, t);
    if (k == TI_OBJECT && (tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE)) return TI_INSTANCE;
    return k;
}

static void repr_obj(Out *w, Sim *S, Obj o);

/* Py_ReprEnter and the depth bound: 1 when o may be written out. */
static int enter(Out *w, Obj o, const char *shown)
{
    for (int i = 0; i < w->depth; i++) {
        if (w->stack[i] == o) {
            put(w, shown);
            return 0;
        }
    }
    if (w->depth >= MAX_DEPTH) {
        w->elided = 1;
        put(w, shown);
        return 0;
    }
    w->stack[w->depth++] = o;
    return 1;
}

static void leave(Out *w) { w->depth--; }

static void seq_repr(Out *w, Sim *S, Obj o, int is_list)
{
    int64_t n = is_list ? list_len(S, o) : ob_size(S, o);
    if (n == 0) {
        put(w, is_list ? "[]" : "()");
        return;
    }
    if (!enter(w, o, is_list ? "[...]" : "(...)")) return;
    putc_(w, is_list ? '[' : '(');
    for (int64_t i = 0; i < n && !w->cut; i++) {
        if (i) put(w, ", ");
        if (i == MAX_ITEMS) {
            w->elided = 1;
            put(w, "...");
            break;
        }
        repr_obj(w, S, is_list ? list_get(S, o, i) : tuple_item(S, o, i));
    }
    if (!is_list && n == 1) putc_(w, ',');
    putc_(w, is_list ? ']' : ')');
    leave(w);
}

static void dict_repr(Out *w, Sim *S, Obj d)
{
    if (dict_len(S, d) == 0) {
        put(w, "{}");
        return;
    }
    if (!enter(w, d, "{...}")) return;
    putc_(w, '{');
    int64_t pos = 0, i = 0;
    Obj k, v;
    for (; dict_next(S, d, &pos, &k, &v) && !w->cut; i++) {
        if (i) put(w, ", ");
        if (i == MAX_ITEMS) {
            w->elided = 1;
            put(w, "...");
            break;
        }
        repr_obj(w, S, k);
        put(w, ": ");
        repr_obj(w, S, v);
    }
    putc_(w, '}');
    leave(w);
}

static void set_repr(Out *w, Sim *S, Obj s)
{
    char name[SIM_INSPECT_NAME_MAX];
    tp_name(S, ob_type(S, s), name, sizeof name);
    if (set_len(S, s) == 0) {
        put(w, name);
        put(w, "()");
        return;
    }
    int exact = ob_is(S, s, TI_SET);
    if (!exact) {
        put(w, name);
        putc_(w, '(');
    }
    if (enter(w, s, exact ? "{...}" : "...")) {
        putc_(w, '{');
        int64_t pos = 0, i = 0;
        Obj key;
        for (; set_next(S, s, &pos, &key) && !w->cut; i++) {
            if (i) put(w, ", ");
            if (i == MAX_ITEMS) {
                w->elided = 1;
                put(w, "...");
                break;
            }
            repr_obj(w, S, key);
        }
        putc_(w, '}');
        leave(w);
    }
    if (!exact) putc_(w, ')');
}

static void view_repr(Out *w, Sim *S, Obj v)
{
    char name[SIM_INSPECT_NAME_MAX];
    put(w, tp_name(S, ob_type(S, v), name, sizeof name));
    put(w, "([");
    Obj d = ob_get64(S, v, DV_DICT_OFF);
    TypeId t = (TypeId)tp_index(S, ob_type(S, v));
    if (d && enter(w, v, "...")) {
        int64_t pos = 0, i = 0;
        Obj k, val;
        for (; dict_next(S, d, &pos, &k, &val) && !w->cut; i++) {
            if (i) put(w, ", ");
            if (i == MAX_ITEMS) {
                w->elided = 1;
                put(w, "...");
                break;
            }
            if (t == TI_DICT_ITEMS) {
                putc_(w, '(');
                repr_obj(w, S, k);
                put(w, ", ");
                repr_obj(w, S, val);
                putc_(w, ')');
            } else {
                repr_obj(w, S, t == TI_DICT_KEYS ? k : val);
            }
        }
        leave(w);
    }
    put(w, "])");
}

static void exc_repr(Out *w, Sim *S, Obj e)
{
    put_short_type(w, S, ob_type(S, e));
    Obj args = ob_get64(S, e, EXC_ARGS_OFF);
    if (!args) args = S->empty_tuple;
    if (ob_size(S, args) == 1) {
        putc_(w, '(');
        repr_obj(w, S, tuple_item(S, args, 0));
        putc_(w, ')');
    } else {
        seq_repr(w, S, args, 0);
    }
}

static void put_int(Out *w, const Sim *S, Obj o)
{
    char buf[128];
    size_t full = int_to_decimal(S, o, buf, sizeof buf);
    put(w, buf);
    if (full >= sizeof buf) w->cut = 1;
}

static void code_repr(Out *w, const Sim *S, Obj co)
{
    char b[32];
    int32_t first = (int32_t)ob_get32(S, co, CO_FIRSTLINENO_OFF);
    Obj name = str_field(S, co, CO_NAME_OFF), file = str_field(S, co, CO_FILENAME_OFF);
    put(w, "<code object ");
    if (name) put_strobj(w, S, name);
    put(w, " at ");
    put_addr(w, co);
    put(w, ", file ");
    if (file) {
        putc_(w, '"');
        put_strobj(w, S, file);
        putc_(w, '"');
    } else {
        put(w, "???");
    }
    snprintf(b, sizeof b, ", line %d>", first != 0 ? (int)first : -1);
    put(w, b);
}

static void frame_repr(Out *w, Sim *S, Obj f)
{
    char b[32];
    SimAddr fr = frameobj_frame(S, f);
    Obj code = fr ? ob_get64(S, fr, FRAME_CODE_OFF) : 0;
    put(w, "<frame at ");
    put_addr(w, f);
    put(w, ", file ");
    Obj file = code ? str_field(S, code, CO_FILENAME_OFF) : 0;
    if (file) str_repr(w, S, file);
    else put(w, "'?'");
    int32_t line = (int32_t)ob_get32(S, f, FO_LINENO_OFF);
    if (!line) line = code ? vm_frame_line(S, fr) : -1;
    snprintf(b, sizeof b, ", line %d, code ", (int)line);
    put(w, b);
    Obj name = code ? str_field(S, code, CO_NAME_OFF) : 0;
    if (name) put_strobj(w, S, name);
    putc_(w, '>');
}

static void weakref_repr(Out *w, const Sim *S, Obj r)
{
    char tn[SIM_INSPECT_NAME_MAX];
    Obj obj = weakref_get(S, r);
    put(w, "<weakref at ");
    put_addr(w, r);
    if (!obj || obj == S->none) {
        put(w, "; dead>");
        return;
    }
    put(w, "; to '");
    put(w, tp_name(S, ob_type(S, obj), tn, sizeof tn));
    put(w, "' at ");
    put_addr(w, obj);
    /* the referent's __name__, where it is a field (a class instance's
     * would be a getattr: Python code) */
    Obj name = 0;
    if (ob_is(S, obj, TI_FUNCTION)) name = str_field(S, obj, FUNC_NAME_OFF);
    else if (ob_is(S, obj, TI_TYPE) && (tp_flags(S, obj) & TPF_HEAPTYPE)) name = str_field(S, obj, TP_NAME_OFF);
    if (name) {
        put(w, " (");
        put_strobj(w, S, name);
        putc_(w, ')');
    }
    putc_(w, '>');
}

static void module_repr(Out *w, Sim *S, Obj m)
{
    Obj d = ob_get64(S, m, MODULE_DICT_OFF);
    Obj name = d ? strop_dict_get_cstr(S, d, "__name__") : 0;
    if (!name || !ob_is(S, name, TI_STR)) name = str_field(S, m, MODULE_NAME_OFF);
    Obj file = d ? strop_dict_get_cstr(S, d, "__file__") : 0;
    put(w, "<module ");
    if (name) str_repr(w, S, name);
    else put(w, "'?'");
    if (file) {
        put(w, " from ");
        repr_obj(w, S, file);
        putc_(w, '>');
    } else {
        put(w, " (built-in)>");
    }
}

static void named_at(Out *w, const Sim *S, const char *what, Obj o, uint32_t name_off)
{
    put(w, what);
    Obj q = str_field(S, o, name_off);
    if (q) put_strobj(w, S, q);
    put(w, " at ");
    put_addr(w, o);
    putc_(w, '>');
}

static void descr_repr(Out *w, const Sim *S, Obj d, const char *kind)
{
    char tn[SIM_INSPECT_NAME_MAX];
    Obj type = ob_get64(S, d, DESCR_TYPE_OFF);
    Obj name = str_field(S, d, DESCR_NAME_OFF);
    putc_(w, '<');
    put(w, kind);
    put(w, " '");
    if (name) put_strobj(w, S, name);
    else putc_(w, '?');
    put(w, "' of '");
    put(w, type ? tp_name(S, type, tn, sizeof tn) : "?");
    put(w, "' objects>");
}

static void builtin_fn_repr(Out *w, const Sim *S, Obj o)
{
    char tn[SIM_INSPECT_NAME_MAX];
    Obj self = ob_get64(S, o, BUILTIN_SELF_OFF);
    const CFuncDef *def = cf_get(ob_get32(S, o, BUILTIN_INDEX_OFF));
    const char *name = def && def->name ? def->name : "?";
    if (!self || ob_is(S, self, TI_MODULE)) {
        put(w, "<built-in function ");
        put(w, name);
        putc_(w, '>');
        return;
    }
    put(w, "<built-in method ");
    put(w, name);
    put(w, " of ");
    put(w, tp_name(S, ob_type(S, self), tn, sizeof tn));
    put(w, " object at ");
    put_addr(w, self);
    putc_(w, '>');
}

static void method_repr(Out *w, Sim *S, Obj m)
{
    Obj func = ob_get64(S, m, METHOD_FUNC_OFF), self = ob_get64(S, m, METHOD_SELF_OFF);
    Obj name = 0;
    if (func && ob_is(S, func, TI_FUNCTION)) {
        name = str_field(S, func, FUNC_QUALNAME_OFF);
        if (!name) name = str_field(S, func, FUNC_NAME_OFF);
    }
    put(w, "<bound method ");
    if (name) put_strobj(w, S, name);
    else putc_(w, '?');
    put(w, " of ");
    repr_obj(w, S, self);
    putc_(w, '>');
}

static void repr_obj(Out *w, Sim *S, Obj o)
{
    char buf[64];
    if (w->cut) return;
    if (!o || !objmap_is_live(S, o)) {
        put(w, "<NULL>");
        return;
    }
    switch (builtin_kind(S, o)) {
    case TI_TYPE:
        put(w, "<class '");
        put_qualified(w, S, o);
        put(w, "'>");
        return;
    case TI_NONE: put(w, "None"); return;
    case TI_NOTIMPL: put(w, "NotImplemented"); return;
    case TI_ELLIPSIS: put(w, "Ellipsis"); return;
    case TI_BOOL: put(w, o == S->true_ ? "True" : "False"); return;
    case TI_INT: put_int(w, S, o); return;
    case TI_FLOAT:
        float_repr_buf(float_value(S, o), buf, sizeof buf);
        put(w, buf);
        return;
    case TI_STR: str_repr(w, S, o); return;
    case TI_BYTES: bytes_repr(w, S, o); return;
    case TI_TUPLE: seq_repr(w, S, o, 0); return;
    case TI_LIST: seq_repr(w, S, o, 1); return;
    case TI_DICT: dict_repr(w, S, o); return;
    case TI_SET:
    case TI_FROZENSET: set_repr(w, S, o); return;
    case TI_EXCEPTION: exc_repr(w, S, o); return;
    case TI_DICT_KEYS:
    case TI_DICT_VALUES:
    case TI_DICT_ITEMS: view_repr(w, S, o); return;
    case TI_RANGE: {
        put(w, "range(");
        repr_obj(w, S, ob_get64(S, o, RANGE_START_OFF));
        put(w, ", ");
        repr_obj(w, S, ob_get64(S, o, RANGE_STOP_OFF));
        Obj step = ob_get64(S, o, RANGE_STEP_OFF);
        if (step != int_small(S, 1)) {
            put(w, ", ");
            repr_obj(w, S, step);
        }
        putc_(w, ')');
        return;
    }
    case TI_GENERIC_ALIAS: { /* ga_repr, classes by name, functions by their repr */
        Obj args = ob_get64(S, o, GA_ARGS_OFF);
        for (int64_t i = -1; i < ob_size(S, args); i++) {
            Obj p = i < 0 ? ob_get64(S, o, GA_ORIGIN_OFF) : tuple_item(S, args, i);
            if (i > 0) put(w, ", ");
            if (p == S->ellipsis) put(w, "...");
            else if (ob_is(S, p, TI_TYPE)) put_qualified(w, S, p);
            else repr_obj(w, S, p);
            if (i < 0) putc_(w, '[');
        }
        put(w, ob_size(S, args) ? "]" : "()]");
        return;
    }
    case TI_SLICE:
        put(w, "slice(");
        for (uint32_t i = 0; i < 3; i++) {
            if (i) put(w, ", ");
            repr_obj(w, S, ob_get64(S, o, SLICE_START_OFF + 8 * i));
        }
        putc_(w, ')');
        return;
    case TI_FUNCTION: named_at(w, S, "<function ", o, FUNC_QUALNAME_OFF); return;
    case TI_GENERATOR: named_at(w, S, "<generator object ", o, GEN_QUALNAME_OFF); return;
    case TI_METHOD: method_repr(w, S, o); return;
    case TI_BUILTIN_FN: builtin_fn_repr(w, S, o); return;
    case TI_METHOD_DESCR: descr_repr(w, S, o, "method"); return;
    case TI_GETSET_DESCR: descr_repr(w, S, o, "attribute"); return;
    case TI_MEMBER_DESCR: descr_repr(w, S, o, "member"); return;
    case TI_MODULE: module_repr(w, S, o); return;
    case TI_CELL: {
        Obj c = cell_get(S, o);
        put(w, "<cell at ");
        put_addr(w, o);
        if (!c) {
            put(w, ": empty>");
            return;
        }
        char tn[SIM_INSPECT_NAME_MAX];
        put(w, ": ");
        put(w, tp_name(S, ob_type(S, c), tn, sizeof tn));
        put(w, " object at ");
        put_addr(w, c);
        putc_(w, '>');
        return;
    }
    case TI_CODE: code_repr(w, S, o); return;
    case TI_FRAME: frame_repr(w, S, o); return;
    case TI_WEAKREF: weakref_repr(w, S, o); return;
    default: object_repr(w, S, o); return;
    }
}

size_t si_repr(Sim *S, Obj o, char *buf, size_t cap, int *truncated)
{
    if (truncated) *truncated = 0;
    if (cap == 0) return 0;
    Out w;
    memset(&w, 0, sizeof w);
    w.p = buf;
    w.lim = cap > 4 ? cap - 4 : 0;  /* room for "..." and the NUL */
    repr_obj(&w, S, o);
    if (w.cut) {
        /* texts cut at the limit end in "..." */
        size_t room = cap - 1 - w.n;
        size_t k = room < 3 ? room : 3;
        memcpy(buf + w.n, "...", k);
        w.n += k;
        if (truncated) *truncated = 1;
    }
    if (truncated && w.elided) *truncated = 1;
    buf[w.n] = '\0';
    return w.n;
}
