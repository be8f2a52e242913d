/*
 * test_compile.c -- the compiler against CPython 3.11.7, program by
 * program: each tests/data/compiler/compile/NAME.py is parsed
 * (parse_module) and compiled (compile_module), every code object is
 * dumped in the format of tests/compiler/gen_compile.py and compared line
 * by line with NAME.code, which CPython wrote; the first difference is
 * reported with the code object's path and qualname, the field, and for
 * co_code the first differing instruction.  NAME.err holds the
 * SyntaxError CPython raises instead.
 *
 * MANIFEST says what is expected of each program: `NAME match` must match
 * field for field; `NAME pending REASON` is compiled (it must not crash or
 * break the heap's invariants) and its first difference is printed, but
 * does not fail the test -- a pending program that matches is reported, to
 * be moved to `match`.  After each program the code object is dropped and
 * the heap must hold exactly the objects it held before.  A heap that runs
 * out at every stage of a compilation must fail cleanly.
 *
 * `test_compile --dump FILE.py` prints one program's dump (or its error);
 * gen_compile.py --diff / --fuzz compare it with CPython on any source.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "compiler/parser.h"
#include "heap_support.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/opcodes.h"

#define DIR TEST_DATA_DIR "/compiler/compile/"

/* ---- a growable text buffer ---- */

typedef struct Text {
    char *p;
    size_t n, cap;
} Text;

static void put(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Text *t, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int k = vsnprintf(t->p ? t->p + t->n : NULL, t->p ? t->cap - t->n : 0, fmt, ap);
        va_end(ap);
        if (t->p && (size_t)k < t->cap - t->n) {
            t->n += (size_t)k;
            return;
        }
        t->cap = t->cap * 2 + (size_t)k + 256;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
}

/* ---- the dump, as gen_compile.py writes it ---- */

typedef struct Dumper {
    Sim *S;
    Text out;
    Obj *seen;
    size_t nseen, capseen;
} Dumper;

static int label(Dumper *d, Obj o)
{
    for (size_t i = 0; i < d->nseen; i++)
        if (d->seen[i] == o) return (int)i;
    if (d->nseen == d->capseen) {
        d->capseen = d->capseen * 2 + 64;
        d->seen = realloc(d->seen, d->capseen * sizeof *d->seen);
        assert_non_null(d->seen);
    }
    d->seen[d->nseen] = o;
    return (int)d->nseen++;
}

static void put_str(Dumper *d, Obj s)
{
    Sim *S = d->S;
    for (int64_t i = 0; i < str_len(S, s); i++) {
        uint32_t ch = str_char(S, s, i);
        if (ch >= 0x20 && ch < 0x7f && ch != '\\') put(&d->out, "%c", (char)ch);
        else if (ch <= 0xffff) put(&d->out, "\\u%04x", ch);
        else put(&d->out, "\\U%08x", ch);
    }
    if (str_len(S, s) > 1 && str_is_interned(S, s)) put(&d->out, "!i");
}

static void put_hex(Dumper *d, const unsigned char *p, int64_t n)
{
    for (int64_t i = 0; i < n; i++) put(&d->out, "%02x", p[i]);
}

static void put_value(Dumper *d, Obj v, const char *path)
{
    Sim *S = d->S;
    if (v == S->none) return put(&d->out, "None");
    if (v == S->ellipsis) return put(&d->out, "Ellipsis");
    if (v == S->true_) return put(&d->out, "True");
    if (v == S->false_) return put(&d->out, "False");
    if (ob_is(S, v, TI_INT)) {
        char buf[8192];
        int_to_decimal(S, v, buf, sizeof buf);
        return put(&d->out, "int:%s@%d", buf, label(d, v));
    }
    if (ob_is(S, v, TI_FLOAT)) {
        char buf[64];
        float_repr_buf(float_value(S, v), buf, sizeof buf);
        return put(&d->out, "float:%s@%d", buf, label(d, v));
    }
    if (ob_is(S, v, TI_STR)) {
        put(&d->out, "str:");
        put_str(d, v);
        return put(&d->out, "@%d", label(d, v));
    }
    if (ob_is(S, v, TI_BYTES)) {
        put(&d->out, "bytes:");
        put_hex(d, bytes_data(S, v), bytes_len(S, v));
        return put(&d->out, "@%d", label(d, v));
    }
    if (ob_is(S, v, TI_TUPLE)) {
        int l = label(d, v);
        put(&d->out, "tuple(");
        for (int64_t i = 0; i < ob_size(S, v); i++) {
            if (i) put(&d->out, ",");
            put_value(d, tuple_item(S, v, i), path);
        }
        return put(&d->out, ")@%d", l);
    }
    if (ob_is(S, v, TI_FROZENSET)) {
        int l = label(d, v), first = 1;
        put(&d->out, "frozenset(");
        int64_t pos = 0;
        Obj k;
        while (set_next(S, v, &pos, &k)) {
            if (!first) put(&d->out, ",");
            first = 0;
            put_value(d, k, path);
        }
        return put(&d->out, ")@%d", l);
    }
    if (ob_is(S, v, TI_CODE)) return put(&d->out, "code:%s@%d", path, label(d, v));
    put(&d->out, "?unknown");
}

static void put_names(Dumper *d, const char *field, Obj co, unsigned kind)
{
    Sim *S = d->S;
    Obj names = ob_get64(S, co, CO_LOCALSPLUSNAMES_OFF), kinds = ob_get64(S, co, CO_LOCALSPLUSKINDS_OFF);
    put(&d->out, "%s", field);
    for (int64_t i = 0; names && i < ob_size(S, names); i++) {
        if (!(bytes_data(S, kinds)[i] & kind)) continue;
        put(&d->out, " ");
        put_str(d, tuple_item(S, names, i));
        put(&d->out, "@%d", label(d, tuple_item(S, names, i)));
    }
    put(&d->out, "\n");
}

static void dump_code(Dumper *d, Obj co, const char *path)
{
    Sim *S = d->S;
    Text *o = &d->out;
    put(o, "object %s\nname ", path);
    put_str(d, ob_get64(S, co, CO_NAME_OFF));
    put(o, "\nqualname ");
    put_str(d, ob_get64(S, co, CO_QUALNAME_OFF));
    put(o, "\nfilename ");
    Obj fn = ob_get64(S, co, CO_FILENAME_OFF);
    for (int64_t i = 0; i < str_len(S, fn); i++) put(o, "%c", (char)str_char(S, fn, i));
    put(o, "\nargcount %u\nposonlyargcount %u\nkwonlyargcount %u\nnlocals %u\n", ob_get32(S, co, CO_ARGCOUNT_OFF),
        ob_get32(S, co, CO_POSONLY_OFF), ob_get32(S, co, CO_KWONLY_OFF), ob_get32(S, co, CO_NLOCALS_OFF));
    put(o, "flags %u\nstacksize %u\nfirstlineno %u\ncode ", ob_get32(S, co, CO_FLAGS_OFF),
        ob_get32(S, co, CO_STACKSIZE_OFF), ob_get32(S, co, CO_FIRSTLINENO_OFF));
    put_hex(d, (const unsigned char *)ob_ptr(S, co) + CO_CODE_OFF, ob_size(S, co) * 2);
    Obj consts = ob_get64(S, co, CO_CONSTS_OFF);
    put(o, "\nconsts @%d", label(d, consts));
    int64_t n = ob_size(S, consts);
    char (*sub)[256] = calloc((size_t)n + 1, sizeof *sub);
    assert_non_null(sub);
    for (int64_t i = 0; i < n; i++) {
        snprintf(sub[i], sizeof sub[i], "%s/%lld", path, (long long)i);
        put(o, " ");
        put_value(d, tuple_item(S, consts, i), sub[i]);
    }
    Obj names = ob_get64(S, co, CO_NAMES_OFF);
    put(o, "\nnames @%d", label(d, names));
    for (int64_t i = 0; i < ob_size(S, names); i++) {
        put(o, " ");
        put_str(d, tuple_item(S, names, i));
        put(o, "@%d", label(d, tuple_item(S, names, i)));
    }
    put(o, "\n");
    put_names(d, "varnames", co, 0x20);
    put_names(d, "cellvars", co, 0x40);
    put_names(d, "freevars", co, 0x80);
    Obj lt = ob_get64(S, co, CO_LINETABLE_OFF), et = ob_get64(S, co, CO_EXCEPTIONTABLE_OFF);
    put(o, "linetable @%d ", label(d, lt));
    put_hex(d, bytes_data(S, lt), bytes_len(S, lt));
    put(o, "\nexceptiontable @%d ", label(d, et));
    put_hex(d, bytes_data(S, et), bytes_len(S, et));
    put(o, "\n");
    for (int64_t i = 0; i < n; i++) {
        Obj v = tuple_item(S, consts, i);
        if (ob_is(S, v, TI_CODE)) dump_code(d, v, sub[i]);
    }
    free(sub);
}

/* ---- comparing ---- */

static int report(char *msg, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int report(char *msg, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
    return 1;
}

static int hexval(char ch) { return ch <= '9' ? ch - '0' : ch - 'a' + 10; }

/* The instruction at code unit `unit` of a hex string, as dis names it. */
static void describe_unit(const char *hex, size_t len, size_t unit, char *buf, size_t cap)
{
    if (unit * 4 + 4 > len) {
        snprintf(buf, cap, "(end of code)");
        return;
    }
    int op = hexval(hex[unit * 4]) * 16 + hexval(hex[unit * 4 + 1]);
    int arg = hexval(hex[unit * 4 + 2]) * 16 + hexval(hex[unit * 4 + 3]);
    const char *name = op_name(op);
    snprintf(buf, cap, "%s %d", name ? name : "<unknown>", arg);
}

/* Code-unit index of the instruction holding the first differing byte. */
static size_t first_diff_unit(const char *a, size_t na, const char *b, size_t nb)
{
    size_t i = 0;
    while (i < na && i < nb && a[i] == b[i]) i++;
    size_t unit = i / 4, start = 0;
    /* back to the instruction's start (past CACHE units) */
    while (start <= unit) {
        int op = hexval(a[start * 4]) * 16 + hexval(a[start * 4 + 1]);
        size_t size = 1 + (size_t)op_caches(op);
        if (start + size > unit) break;
        start += size;
    }
    return start <= unit ? start : unit;
}

static size_t line_len(const char *s) { return strcspn(s, "\n"); }

/* The first line where `got` and `want` differ, described in *msg; 0 when
 * they are equal. */
static int compare_dumps(const char *got, const char *want, char *msg, size_t cap)
{
    const char *g = got, *w = want;
    char path[512] = ".", qual[512] = "<module>";
    int lineno = 1;
    while (*g || *w) {
        size_t lg = line_len(g), lw = line_len(w);
        if (lw > 7 && !strncmp(w, "object ", 7)) snprintf(path, sizeof path, "%.*s", (int)(lw - 7), w + 7);
        if (lw > 9 && !strncmp(w, "qualname ", 9)) snprintf(qual, sizeof qual, "%.*s", (int)(lw - 9), w + 9);
        if (lg != lw || memcmp(g, w, lg)) {
            size_t field = strcspn(w, " \n");
            if (field == 4 && !strncmp(w, "code", 4) && !strncmp(g, "code ", 5)) {
                size_t unit = first_diff_unit(w + 5, lw - 5, g + 5, lg - 5);
                char dw[64], dg[64];
                describe_unit(w + 5, lw - 5, unit, dw, sizeof dw);
                describe_unit(g + 5, lg - 5, unit, dg, sizeof dg);
                snprintf(msg, cap, "code object %s (%s): co_code differs at offset %zu: CPython %s, refscope %s",
                         path, qual, unit * 2, dw, dg);
            } else {
                snprintf(msg, cap, "code object %s (%s), dump line %d, field %.*s:\n  CPython : %.*s\n  refscope: %.*s",
                         path, qual, lineno, (int)field, w, (int)(lw > 300 ? 300 : lw), w,
                         (int)(lg > 300 ? 300 : lg), g);
            }
            return 1;
        }
        g += lg + (g[lg] == '\n');
        w += lw + (w[lw] == '\n');
        lineno++;
    }
    return 0;
}

static void count_live(Sim *S, Obj o, void *ud)
{
    (void)S;
    (void)o;
    (*(size_t *)ud)++;
}

static size_t live_objects(Sim *S)
{
    size_t n = 0;
    objmap_each(S, count_live, &n);
    return n;
}

/* Compiles one program; 0 when it matches CPython, else 1 with *msg. */
static int check_program(const char *name, char *msg, size_t cap)
{
    char path[1024];
    size_t len;
    snprintf(path, sizeof path, DIR "%s.py", name);
    char *src = ts_read_file(path, &len);
    if (!src) return report(msg, cap, "no source %s", path);
    snprintf(path, sizeof path, DIR "%s.code", name);
    char *want = ts_read_file(path, NULL);
    char *want_err = NULL;
    if (!want) {
        snprintf(path, sizeof path, DIR "%s.err", name);
        want_err = ts_read_file(path, NULL);
        if (!want_err) {
            free(src);
            return report(msg, cap, "no expected dump for %s", name);
        }
    }
    char filename[300];
    snprintf(filename, sizeof filename, "%s.py", name);
    Sim *S = ts_sim("cpython-3.11");
    size_t before = live_objects(S);
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, len, filename, &perr);
    int bad = 0;
    char got_err[512] = "";
    Obj co = 0;
    if (!mod) {
        snprintf(got_err, sizeof got_err, "%s\n%s\n%d %d %d %d\n", perr.type, perr.msg, perr.lineno, perr.offset,
                 perr.end_lineno, perr.end_offset);
    } else {
        CompileError cerr;
        if (compile_module(S, mod, filename, &co, &cerr) != 0) {
            assert_int_equal(co, 0);
            snprintf(got_err, sizeof got_err, "%s\n%s\n%d %d %d %d\n", cerr.type, cerr.msg, cerr.lineno, cerr.offset,
                     cerr.end_lineno, cerr.end_offset);
        } else {
            sim_hold(S, co);   /* the audit sees the test's reference */
        }
    }
    ts_obcheck(S);
    if (want_err) {
        if (co) bad = report(msg, cap, "%s: compiled, CPython raises %s", name, want_err);
        else if (strcmp(got_err, want_err))
            bad = report(msg, cap, "%s: error differs:\n  CPython : %s  refscope: %s", name, want_err, got_err);
    } else if (!co) {
        bad = report(msg, cap, "%s: not compiled: %s", name, got_err);
    } else {
        Dumper d = {.S = S};
        dump_code(&d, co, ".");
        const char *dump_dir = getenv("TEST_COMPILE_DUMP");   /* for debugging */
        if (dump_dir) {
            char out[1024];
            snprintf(out, sizeof out, "%s/%s.code", dump_dir, name);
            FILE *f = fopen(out, "w");
            if (f) {
                fwrite(d.out.p, 1, d.out.n, f);
                fclose(f);
            }
        }
        char diff[2048];
        if (compare_dumps(d.out.p, want, diff, sizeof diff)) bad = report(msg, cap, "%s: %s", name, diff);
        free(d.out.p);
        free(d.seen);
    }
    if (co) sim_unhold(S, co);
    ts_obcheck(S);
    size_t after = live_objects(S);
    if (after != before) bad = report(msg, cap, "%s: %zu objects live before, %zu after", name, before, after);
    ast_arena_free(a);
    sim_free(S);
    free(src);
    free(want);
    free(want_err);
    return bad;
}

/* ---- the manifest ---- */

typedef struct Entry {
    char name[128];
    int must_match;
} Entry;

static void test_program(void **state)
{
    const Entry *e = *state;
    char msg[4096];
    int bad = check_program(e->name, msg, sizeof msg);
    if (e->must_match) {
        if (bad) fail_msg("%s", msg);
    } else if (bad) {
        print_message("pending %s\n", msg);
    } else {
        print_message("NOTE: pending program %s now matches CPython: mark it `match` in MANIFEST\n", e->name);
    }
}

/* Pieces the programs cannot show by themselves. */
static void test_const_sharing(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    const char *src = "def f():\n    return 'abc', 1000, (1, 2)\ndef g():\n    return 'abc', 1000, (1, 2)\n";
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, strlen(src), "x.py", &perr);
    assert_non_null(mod);
    Obj co;
    CompileError err;
    assert_int_equal(compile_module(S, mod, "x.py", &co, &err), 0);
    Obj consts = ob_get64(S, co, CO_CONSTS_OFF);
    Obj f = tuple_item(S, consts, 0), g = tuple_item(S, consts, 1);
    assert_true(ob_is(S, f, TI_CODE) && ob_is(S, g, TI_CODE));
    /* equal constants are one object, and so are equal co_consts */
    assert_int_equal(ob_get64(S, f, CO_CONSTS_OFF), ob_get64(S, g, CO_CONSTS_OFF));
    assert_int_equal(ob_get64(S, f, CO_LINETABLE_OFF), ob_get64(S, g, CO_LINETABLE_OFF));
    Obj t = tuple_item(S, ob_get64(S, f, CO_CONSTS_OFF), 1);
    assert_true(str_is_interned(S, tuple_item(S, t, 0)));
    sim_hold(S, co);
    ts_obcheck(S);
    sim_unhold(S, co);
    ts_obcheck(S);
    ast_arena_free(a);
    sim_free(S);
}

/* The tree is the caller's: compiling twice gives the same bytes. */
static void test_tree_untouched(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    const char *src = "x = -1\nfor i in [1, 2]:\n    y = not a in b\n";
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, strlen(src), "x.py", &perr);
    assert_non_null(mod);
    char before[4096], after[4096];
    ast_dump(mod, before, sizeof before);
    Obj c1, c2;
    CompileError err;
    assert_int_equal(compile_module(S, mod, "x.py", &c1, &err), 0);
    ast_dump(mod, after, sizeof after);
    assert_string_equal(before, after);
    assert_int_equal(compile_module(S, mod, "x.py", &c2, &err), 0);
    assert_int_equal(ob_size(S, c1), ob_size(S, c2));
    assert_memory_equal((char *)ob_ptr(S, c1) + CO_CODE_OFF, (char *)ob_ptr(S, c2) + CO_CODE_OFF,
                        (size_t)ob_size(S, c1) * 2);
    sim_hold(S, c1);
    sim_hold(S, c2);
    ts_obcheck(S);
    sim_unhold(S, c1);
    sim_unhold(S, c2);
    ts_obcheck(S);
    ast_arena_free(a);
    sim_free(S);
}

static void test_unsupported(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    const char *src = "x = 1\ny = 2j\n";
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, strlen(src), "x.py", &perr);
    if (!mod) {   /* the parser may refuse complex literals itself */
        ast_arena_free(a);
        sim_free(S);
        return;
    }
    Obj co;
    CompileError err;
    assert_int_equal(compile_module(S, mod, "x.py", &co, &err), -1);
    assert_int_equal(co, 0);
    assert_string_equal(err.msg, "complex numbers are not supported by refscope");
    assert_int_equal(err.lineno, 2);
    ts_obcheck(S);
    ast_arena_free(a);
    sim_free(S);
}

/* CPython's constant folder counts statements and expressions against
 * 3,000 levels (measured with python3 3.11.7: `x = ` and 2,998 unary
 * minuses before `1` compiles, 2,999 raise RecursionError, and one level
 * of `if` costs one more).  The error has no location. */
static int compile_depth(const char *prefix, int minuses, CompileError *err)
{
    Sim *S = ts_sim("cpython-3.11");
    size_t plen = strlen(prefix), len = plen + (size_t)minuses + 3;
    char *src = malloc(len + 1);
    assert_non_null(src);
    memcpy(src, prefix, plen);
    memset(src + plen, '-', (size_t)minuses);
    memcpy(src + plen + minuses, "1\n", 3);
    src[len - 1] = '\0';
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, len - 1, "deep.py", &perr);
    assert_non_null(mod);
    Obj co;
    int r = compile_module(S, mod, "deep.py", &co, err);
    if (r == 0) sim_hold(S, co);   /* the audit counts the new reference */
    ts_obcheck(S);
    if (r == 0) sim_unhold(S, co);
    ast_arena_free(a);
    free(src);
    sim_free(S);
    return r;
}

static void test_recursion_limit(void **state)
{
    (void)state;
    CompileError err;
    assert_int_equal(compile_depth("x = ", 2998, &err), 0);
    assert_int_equal(compile_depth("if 1:\n    x = ", 2997, &err), 0);
    assert_int_equal(compile_depth("if 1:\n    x = ", 2998, &err), -1);
    assert_int_equal(compile_depth("x = ", 2999, &err), -1);
    assert_string_equal(err.type, "RecursionError");
    assert_string_equal(err.msg, "maximum recursion depth exceeded during compilation");
    assert_int_equal(err.lineno, 0);
    /* A left-recursive chain the parser builds without nesting: as deep a
     * tree, the same error, and no overflow of the C stack. */
    enum { TERMS = 200000 };
    char *src = malloc(5 + 2 * TERMS + 2);
    assert_non_null(src);
    size_t n = 0;
    n += (size_t)sprintf(src, "x = a");
    for (int i = 0; i < TERMS; i++) src[n++] = '+', src[n++] = 'a';
    src[n++] = '\n';
    Sim *S = ts_sim("cpython-3.11");
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, n, "chain.py", &perr);
    assert_non_null(mod);
    Obj co;
    assert_int_equal(compile_module(S, mod, "chain.py", &co, &err), -1);
    assert_string_equal(err.type, "RecursionError");
    ts_obcheck(S);
    ast_arena_free(a);
    free(src);
    sim_free(S);
}

/* A heap that runs out at every point of a compilation: each attempt
 * fails cleanly (MemoryError, every object released, invariants kept)
 * until there is room enough. */
static void test_out_of_memory(void **state)
{
    (void)state;
    const char *src = "class A:\n    def __init__(self, n=(1, 2)):\n        self.n = [x for x in n if x]\n"
                      "    def f(self):\n        try:\n            return {'k': self.n, 'j': 1.5}\n"
                      "        except KeyError as e:\n            return f'{e!r}'\n"
                      "print(A().f(), 'a' * 3, 2 ** 100)\n";
    Sim *S = ts_sim("cpython-3.11,limit=1M");
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, strlen(src), "oom.py", &perr);
    assert_non_null(mod);
    /* fill the heap with 200-byte bytes objects */
    enum { MAXFILL = 8000 };
    static Obj fill[MAXFILL];
    char junk[200] = {0};
    int nfill = 0;
    while (nfill < MAXFILL) {
        Obj b = bytes_from(S, junk, sizeof junk);
        if (!b) break;
        sim_hold(S, b);
        fill[nfill++] = b;
    }
    assert_true(nfill < MAXFILL);
    exc_clear(S);
    int failures = 0, done = 0;
    for (int k = 0; k < nfill && !done; k++) {
        size_t before = live_objects(S);
        Obj co;
        CompileError err;
        if (compile_module(S, mod, "oom.py", &co, &err) == 0) {
            sim_hold(S, co);
            ts_obcheck(S);
            sim_unhold(S, co);
            done = 1;
        } else {
            assert_string_equal(err.type, "MemoryError");
            assert_null(S->exc);
            failures++;
        }
        ts_obcheck(S);
        assert_int_equal(live_objects(S), before);
        sim_unhold(S, fill[k]);
    }
    assert_true(done);
    assert_true(failures > 0);
    ast_arena_free(a);
    sim_free(S);
}

/* test_compile --dump FILE.py: the dump of one program (or its error), for
 * comparing against `gen_compile.py` output by hand. */
static int dump_one(const char *path)
{
    size_t len;
    char *src = ts_read_file(path, &len);
    if (!src) return fprintf(stderr, "cannot read %s\n", path), 2;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    Sim *S = ts_sim("cpython-3.11");
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, len, base, &perr);
    int r = 0;
    if (!mod) {
        printf("%s\n%s\n%d %d %d %d\n", perr.type, perr.msg, perr.lineno, perr.offset, perr.end_lineno,
               perr.end_offset);
        r = 1;
    } else {
        Obj co;
        CompileError cerr;
        if (compile_module(S, mod, base, &co, &cerr) != 0) {
            printf("%s\n%s\n%d %d %d %d\n", cerr.type, cerr.msg, cerr.lineno, cerr.offset, cerr.end_lineno,
                   cerr.end_offset);
            r = 1;
        } else {
            Dumper d = {.S = S};
            dump_code(&d, co, ".");
            fwrite(d.out.p, 1, d.out.n, stdout);
            free(d.out.p);
            free(d.seen);
            sim_hold(S, co);
            ts_obcheck(S);
            sim_unhold(S, co);
        }
    }
    ts_obcheck(S);
    ast_arena_free(a);
    sim_free(S);
    free(src);
    return r;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--dump")) return dump_one(argv[2]);
    char *manifest = ts_read_file(DIR "MANIFEST", NULL);
    if (!manifest) {
        fprintf(stderr, "no %sMANIFEST\n", DIR);
        return 1;
    }
    size_t cap = 16, n = 0;
    struct CMUnitTest *tests = calloc(cap, sizeof *tests);
    Entry *entries = calloc(4096, sizeof *entries);
    static const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_const_sharing),
        cmocka_unit_test(test_tree_untouched),
        cmocka_unit_test(test_unsupported),
        cmocka_unit_test(test_recursion_limit),
        cmocka_unit_test(test_out_of_memory),
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) tests[n++] = fixed[i];
    size_t ne = 0;
    for (char *line = strtok(manifest, "\n"); line && ne < 4096; line = strtok(NULL, "\n")) {
        char status[32];
        Entry *e = &entries[ne];
        if (line[0] == '#' || sscanf(line, "%127s %31s", e->name, status) != 2) continue;
        e->must_match = !strcmp(status, "match");
        if (n == cap) tests = realloc(tests, (cap *= 2) * sizeof *tests);
        tests[n] = (struct CMUnitTest){.name = e->name, .test_func = test_program, .initial_state = e};
        n++;
        ne++;
    }
    int r = _cmocka_run_group_tests("compile", tests, n, NULL, NULL);
    free(tests);
    free(entries);
    free(manifest);
    return r;
}
