/*
 * test_parser.c -- the parser against CPython 3.11.7.
 *
 * tests/data/compiler/parser/ holds sources and what CPython made of them
 * (tests/compiler/gen_parser.py, which explains the formats): for good
 * sources ast.dump() of the tree and every node's position in a pre-order
 * walk; for bad ones the SyntaxError `python3 NAME.py` raises, field for
 * field, and the exact text it prints on stderr.  Sources outside
 * refscope's subset must fail with refscope's own message at the
 * construct.  Then robustness: mutations of the good sources and random
 * token soup must give a tree or a clean error, never a crash or a hang,
 * and absurd nesting must be an error, not a stack overflow.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "heap_support.h"

#include "compiler/ast.h"
#include "compiler/parser.h"

#define DATA TEST_DATA_DIR "/compiler/parser/"

static char *read_data(const char *name, const char *ext, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, DATA "%s%s", name, ext);
    return ts_read_file(path, len);
}

/* ---- a growable text ---- */

typedef struct Text {
    char *p;
    size_t n, cap;
} Text;

static void tput(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tput(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->n + (size_t)k + 1 > t->cap) {
        t->cap = (t->n + (size_t)k + 1) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
    vsnprintf(t->p + t->n, t->cap - t->n, fmt, ap2);
    va_end(ap2);
    t->n += (size_t)k;
}

/* ---- the position walk: Python's ast.iter_child_nodes order ---- */

static void walk(Text *t, const Node *n, int d);

static void walk_list(Text *t, const NodeList *l, int d)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i]) walk(t, l->items[i], d);
}

static void walk_opt(Text *t, const Node *n, int d)
{
    if (n) walk(t, n, d);
}

static const char *class_name(AstKind k)
{
    switch (k) {
    case AST_Arguments: return "arguments";
    case AST_Arg: return "arg";
    case AST_Keyword: return "keyword";
    case AST_Alias: return "alias";
    case AST_Comprehension: return "comprehension";
    default: return ast_kind_name(k);
    }
}

static void walk(Text *t, const Node *n, int d)
{
    if (n->kind == AST_Module || n->kind == AST_Arguments || n->kind == AST_Comprehension)
        tput(t, "%d %s\n", d, class_name(n->kind));
    else
        tput(t, "%d %s %d %d %d %d\n", d, class_name(n->kind), n->lineno, n->col, n->end_lineno,
             n->end_col);
    d++;
    switch (n->kind) {
    case AST_Module: walk_list(t, &n->u.module.body, d); break;
    case AST_FunctionDef:
        walk_opt(t, n->u.func.args, d);
        walk_list(t, &n->u.func.body, d);
        walk_list(t, &n->u.func.decorators, d);
        walk_opt(t, n->u.func.returns, d);
        break;
    case AST_Lambda:
        walk_opt(t, n->u.func.args, d);
        walk_list(t, &n->u.func.body, d);
        break;
    case AST_ClassDef:
        walk_list(t, &n->u.cls.bases, d);
        walk_list(t, &n->u.cls.keywords, d);
        walk_list(t, &n->u.cls.body, d);
        walk_list(t, &n->u.cls.decorators, d);
        break;
    case AST_Return:
    case AST_Expr: walk_opt(t, n->u.ret.value, d); break;
    case AST_Delete: walk_list(t, &n->u.del.targets, d); break;
    case AST_Assign:
        walk_list(t, &n->u.assign.targets, d);
        walk_opt(t, n->u.assign.value, d);
        break;
    case AST_AugAssign:
        walk_opt(t, n->u.augassign.target, d);
        walk_opt(t, n->u.augassign.value, d);
        break;
    case AST_AnnAssign:
        walk_opt(t, n->u.annassign.target, d);
        walk_opt(t, n->u.annassign.annotation, d);
        walk_opt(t, n->u.annassign.value, d);
        break;
    case AST_Arg: walk_opt(t, n->u.arg.annotation, d); break;
    case AST_For:
        walk_opt(t, n->u.forloop.target, d);
        walk_opt(t, n->u.forloop.iter, d);
        walk_list(t, &n->u.forloop.body, d);
        walk_list(t, &n->u.forloop.orelse, d);
        break;
    case AST_While:
    case AST_If:
        walk_opt(t, n->u.whileloop.test, d);
        walk_list(t, &n->u.whileloop.body, d);
        walk_list(t, &n->u.whileloop.orelse, d);
        break;
    case AST_Raise:
        walk_opt(t, n->u.raise.exc, d);
        walk_opt(t, n->u.raise.cause, d);
        break;
    case AST_Try:
        walk_list(t, &n->u.trystmt.body, d);
        walk_list(t, &n->u.trystmt.handlers, d);
        walk_list(t, &n->u.trystmt.orelse, d);
        walk_list(t, &n->u.trystmt.finalbody, d);
        break;
    case AST_Assert:
        walk_opt(t, n->u.assertstmt.test, d);
        walk_opt(t, n->u.assertstmt.msg, d);
        break;
    case AST_Import:
    case AST_ImportFrom: walk_list(t, &n->u.import.names, d); break;
    case AST_BoolOp: walk_list(t, &n->u.boolop.values, d); break;
    case AST_BinOp:
        walk_opt(t, n->u.binop.left, d);
        walk_opt(t, n->u.binop.right, d);
        break;
    case AST_UnaryOp: walk_opt(t, n->u.unaryop.operand, d); break;
    case AST_IfExp:
        walk_opt(t, n->u.ifexp.test, d);
        walk_opt(t, n->u.ifexp.body, d);
        walk_opt(t, n->u.ifexp.orelse, d);
        break;
    case AST_Dict:
        walk_list(t, &n->u.dict.keys, d);
        walk_list(t, &n->u.dict.values, d);
        break;
    case AST_Set:
    case AST_List:
    case AST_Tuple: walk_list(t, &n->u.seq.elts, d); break;
    case AST_ListComp:
    case AST_SetComp:
    case AST_GeneratorExp:
        walk_opt(t, n->u.comp.elt, d);
        walk_list(t, &n->u.comp.generators, d);
        break;
    case AST_DictComp:
        walk_opt(t, n->u.comp.elt, d);
        walk_opt(t, n->u.comp.value, d);
        walk_list(t, &n->u.comp.generators, d);
        break;
    case AST_Yield: walk_opt(t, n->u.yield.value, d); break;
    case AST_Compare:
        walk_opt(t, n->u.compare.left, d);
        walk_list(t, &n->u.compare.comparators, d);
        break;
    case AST_Call:
        walk_opt(t, n->u.call.func, d);
        walk_list(t, &n->u.call.args, d);
        walk_list(t, &n->u.call.keywords, d);
        break;
    case AST_FormattedValue:
        walk_opt(t, n->u.fvalue.value, d);
        walk_opt(t, n->u.fvalue.format_spec, d);
        break;
    case AST_JoinedStr: walk_list(t, &n->u.joinedstr.values, d); break;
    case AST_Attribute: walk_opt(t, n->u.attribute.value, d); break;
    case AST_Subscript:
        walk_opt(t, n->u.subscript.value, d);
        walk_opt(t, n->u.subscript.slice, d);
        break;
    case AST_Starred: walk_opt(t, n->u.starred.value, d); break;
    case AST_Slice:
        walk_opt(t, n->u.slice.lower, d);
        walk_opt(t, n->u.slice.upper, d);
        walk_opt(t, n->u.slice.step, d);
        break;
    case AST_Arguments:
        walk_list(t, &n->u.arguments.posonlyargs, d);
        walk_list(t, &n->u.arguments.args, d);
        walk_opt(t, n->u.arguments.vararg, d);
        walk_list(t, &n->u.arguments.kwonlyargs, d);
        walk_list(t, &n->u.arguments.kw_defaults, d);
        walk_opt(t, n->u.arguments.kwarg, d);
        walk_list(t, &n->u.arguments.defaults, d);
        break;
    case AST_Keyword: walk_opt(t, n->u.keyword.value, d); break;
    case AST_Comprehension:
        walk_opt(t, n->u.comprehension.target, d);
        walk_opt(t, n->u.comprehension.iter, d);
        walk_list(t, &n->u.comprehension.ifs, d);
        break;
    case AST_ExceptHandler:
        walk_opt(t, n->u.handler.type, d);
        walk_list(t, &n->u.handler.body, d);
        break;
    default: break;
    }
}

/* ---- one case ---- */

/* The first differing line of two texts, for the report. */
static void first_diff(const char *want, const char *got, char *out, size_t cap)
{
    int line = 1;
    const char *w = want, *g = got;
    while (*w && *w == *g) {
        if (*w == '\n') line++;
        w++, g++;
    }
    while (w > want && w[-1] != '\n') w--, g--;
    snprintf(out, cap, "line %d:\n      want: %.200s\n      got:  %.200s", line, w, g);
    for (char *p = out; *p; p++)
        if (*p == '\n' && (p[1] != ' ')) *p = ' ';
}

static int check_good(const char *name, const char *src, size_t len, char *why, size_t cap)
{
    size_t n;
    char *want_ast = read_data(name, ".ast", &n);
    char *want_pos = read_data(name, ".pos", &n);
    int ok = 0;
    AstArena *a = ast_arena_new();
    ParseError e;
    char fname[300];
    snprintf(fname, sizeof fname, "%s.py", name);
    Node *m = parse_module(a, src, len, fname, &e);
    if (!want_ast || !want_pos) {
        snprintf(why, cap, "missing .ast/.pos");
    } else if (!m) {
        snprintf(why, cap, "%s: %s (line %d, offset %d)", e.type, e.msg, e.lineno, e.offset);
    } else {
        size_t need = ast_dump(m, NULL, 0);
        char *dump = malloc(need + 2);
        assert_non_null(dump);
        ast_dump(m, dump, need + 1);
        dump[need] = '\n';
        dump[need + 1] = '\0';
        Text pos = {0};
        walk(&pos, m, 0);
        if (strcmp(dump, want_ast)) first_diff(want_ast, dump, why, cap);
        else if (strcmp(pos.p, want_pos)) first_diff(want_pos, pos.p, why, cap);
        else ok = 1;
        free(dump);
        free(pos.p);
    }
    ast_arena_free(a);
    free(want_ast);
    free(want_pos);
    return ok;
}

static int field(const char **p, const char *key, char *val, size_t cap)
{
    size_t k = strlen(key);
    if (strncmp(*p, key, k) || (*p)[k] != ' ') return 0;
    const char *s = *p + k + 1, *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    if (n >= cap) n = cap - 1;
    memcpy(val, s, n);
    val[n] = '\0';
    *p = nl ? nl + 1 : s + strlen(s);
    return 1;
}

static int intval(const char *s) { return strcmp(s, "None") ? atoi(s) : 0; }

static int check_bad(const char *name, const char *src, size_t len, char *why, size_t cap)
{
    size_t n;
    char *want = read_data(name, ".err", &n);
    if (!want) {
        snprintf(why, cap, "missing .err");
        return 0;
    }
    char type[64], msg[600], l[32], o[32], el[32], eo[32], text[4096], utext[4096];
    const char *p = want;
    int okf = field(&p, "type", type, sizeof type) && field(&p, "msg", msg, sizeof msg) &&
              field(&p, "lineno", l, sizeof l) && field(&p, "offset", o, sizeof o) &&
              field(&p, "end_lineno", el, sizeof el) &&
              field(&p, "end_offset", eo, sizeof eo) && field(&p, "text", text, sizeof text);
    const char *stderr_text = strstr(p, "stderr\n");
    if (!okf || !stderr_text) {
        snprintf(why, cap, "malformed .err");
        free(want);
        return 0;
    }
    stderr_text += 7;
    char umsg[600];
    ts_unescape(msg, umsg);
    int has_text = strcmp(text, "None") != 0;
    if (has_text) ts_unescape(text, utext);

    AstArena *a = ast_arena_new();
    ParseError e;
    char fname[300];
    snprintf(fname, sizeof fname, "%s.py", name);
    Node *m = parse_module(a, src, len, fname, &e);
    int ok = 0;
    static char out[1 << 16];
    if (m) {
        snprintf(why, cap, "parsed, want %s: %s", type, umsg);
    } else {
        parse_error_format(&e, out, sizeof out);
        if (strcmp(e.type, type) || strcmp(e.msg, umsg))
            snprintf(why, cap, "got %s: %s, want %s: %s", e.type, e.msg, type, umsg);
        else if (e.lineno != intval(l) || e.offset != intval(o) || e.end_lineno != intval(el) ||
                 e.end_offset != intval(eo))
            snprintf(why, cap, "position %d %d %d %d, want %s %s %s %s", e.lineno, e.offset,
                     e.end_lineno, e.end_offset, l, o, el, eo);
        else if (e.has_text != has_text || (has_text && strcmp(e.text, utext)))
            snprintf(why, cap, "text '%.500s', want '%.500s'", e.has_text ? e.text : "None",
                     has_text ? utext : "None");
        else if (strcmp(out, stderr_text))
            snprintf(why, cap, "stderr\n%.1500s---- want\n%.1500s", out, stderr_text);
        else
            ok = 1;
    }
    ast_arena_free(a);
    free(want);
    return ok;
}

static void test_against_cpython(void **state)
{
    (void)state;
    size_t mlen;
    char *manifest = read_data("MANIFEST", "", &mlen);
    assert_non_null(manifest);
    int total = 0, failed = 0;
    for (char *name = strtok(manifest, "\n"); name; name = strtok(NULL, "\n")) {
        size_t len, k;
        char *src = read_data(name, ".py", &len);
        assert_non_null(src);
        char *probe = read_data(name, ".ast", &k);
        char why[4096];
        int ok = probe ? check_good(name, src, len, why, sizeof why)
                       : check_bad(name, src, len, why, sizeof why);
        free(probe);
        free(src);
        total++;
        if (!ok) {
            failed++;
            print_message("  %s: %s\n", name, why);
        }
    }
    free(manifest);
    print_message("  %d cases, %d failed\n", total, failed);
    assert_int_equal(failed, 0);
    assert_true(total > 500);
}

/* ---- the API around the errors ---- */

static void test_error_format(void **state)
{
    (void)state;
    ParseError e;
    memset(&e, 0, sizeof e);
    e.type = "SyntaxError";
    strcpy(e.msg, "invalid syntax");
    strcpy(e.filename, "x.py");
    e.lineno = 1;
    e.offset = 7;
    e.end_lineno = 1;
    e.end_offset = 8;
    e.has_text = 1;
    strcpy(e.text, "x = 1 2\n");
    char buf[256];
    const char *want = "  File \"x.py\", line 1\n    x = 1 2\n          ^\nSyntaxError: invalid syntax\n";
    assert_int_equal(parse_error_format(&e, buf, sizeof buf), (int)strlen(want));
    assert_string_equal(buf, want);
    /* truncation: the full length is returned, the buffer NUL-terminated */
    char small[10];
    assert_int_equal(parse_error_format(&e, small, sizeof small), (int)strlen(want));
    assert_int_equal(strlen(small), 9);
    /* lineno None: the message only (CPython's undecodable-file errors) */
    e.lineno = 0;
    assert_int_not_equal(parse_error_format(&e, buf, sizeof buf), 0);
    assert_string_equal(buf, "SyntaxError: invalid syntax\n");
    /* IndentationError shows one caret whatever the end */
    e.type = "IndentationError";
    e.lineno = 1;
    e.offset = 1;
    e.end_offset = 5;
    parse_error_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "  File \"x.py\", line 1\n    x = 1 2\n    ^\nIndentationError: invalid syntax\n");
}

static void test_parses_in_arena(void **state)
{
    (void)state;
    const char *src = "def f(a, *b, c=1, **d):\n    return [x for x in b if x]\n";
    AstArena *a = ast_arena_new();
    ParseError e;
    Node *m = parse_module(a, src, strlen(src), "t.py", &e);
    assert_non_null(m);
    assert_int_equal(m->kind, AST_Module);
    assert_int_equal(m->u.module.body.n, 1);
    const Node *f = m->u.module.body.items[0];
    assert_int_equal(f->kind, AST_FunctionDef);
    assert_string_equal(f->u.func.name, "f");
    assert_int_equal(f->u.func.args->u.arguments.kw_defaults.n, 1);
    ast_arena_free(a);
    /* the same arena may hold several trees; an error leaves no tree */
    a = ast_arena_new();
    assert_null(parse_module(a, "x = = 1\n", 8, "t.py", &e));
    assert_string_equal(e.msg, "invalid syntax");
    assert_non_null(parse_module(a, "x = 1\n", 6, "t.py", &e));
    ast_arena_free(a);
}

/* ---- robustness ---- */

static uint64_t rng_state;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

static const char *const soup[] = {
    "(", ")", "[", "]", "{", "}", ":", ",", ";", "=", "==", "+", "-", "*", "**", "/", "//", "%",
    "@", "|", "&", "^", "~", "<", ">", "<=", ">=", "!=", "<<", ">>", ".", "...", "->", ":=",
    "+=", "**=", "if", "elif", "else", "for", "in", "not", "is", "and", "or", "lambda", "yield",
    "from", "import", "as", "def", "class", "return", "del", "pass", "break", "continue",
    "global", "nonlocal", "assert", "raise", "try", "except", "finally", "while", "with",
    "async", "await", "match", "case", "_", "True", "False", "None", "x", "y", "print", "é",
    "0", "1", "0x1f", "1.5", "2j", "1_0", "'s'", "\"t\"", "b'b'", "f'{x}'", "f'{x!r:>{y}}'",
    "f'{'", "'''m\nl'''", "r'\\d'", "'\\x'", "\n", "\n", "\n    ", "\n  ", "\n\t", " ", " ",
    "\\\n", "#c\n", "*a", "**k", "print", "exec", "f'{a b}'", "(", "[",
};

static void parse_one(const char *src, size_t len)
{
    AstArena *a = ast_arena_new();
    ParseError e;
    Node *m = parse_module(a, src, len, "fuzz.py", &e);
    if (!m) {
        assert_non_null(e.type);
        assert_true(!strcmp(e.type, "SyntaxError") || !strcmp(e.type, "IndentationError") ||
                    !strcmp(e.type, "TabError") || !strcmp(e.type, "MemoryError"));
        assert_true(e.lineno >= 0);
        char buf[4096];
        int k = parse_error_format(&e, buf, sizeof buf);
        assert_true(k > 0);
    }
    ast_arena_free(a);
}

static void test_random_input(void **state)
{
    (void)state;
    rng_state = 0x9E3779B97F4A7C15ull;
    clock_t t0 = clock();
    /* token soup */
    char buf[4096];
    for (int it = 0; it < 3000; it++) {
        size_t n = 0;
        int count = 1 + (int)(rnd() % 40);
        for (int k = 0; k < count; k++) {
            const char *s = soup[rnd() % (sizeof soup / sizeof soup[0])];
            size_t l = strlen(s);
            if (n + l + 2 >= sizeof buf) break;
            memcpy(buf + n, s, l);
            n += l;
            if (rnd() % 3) buf[n++] = ' ';
        }
        parse_one(buf, n);
    }
    /* mutations of the good sources */
    size_t mlen;
    char *manifest = read_data("MANIFEST", "", &mlen);
    assert_non_null(manifest);
    int sources = 0;
    for (char *name = strtok(manifest, "\n"); name; name = strtok(NULL, "\n")) {
        size_t len, k;
        char *probe = read_data(name, ".ast", &k);
        if (!probe) continue;
        free(probe);
        char *src = read_data(name, ".py", &len);
        if (!src || len > 3000 || len == 0) {
            free(src);
            continue;
        }
        sources++;
        char *mut = malloc(len + 64);
        assert_non_null(mut);
        for (int it = 0; it < 12; it++) {
            memcpy(mut, src, len);
            size_t n = len;
            int edits = 1 + (int)(rnd() % 3);
            for (int ed = 0; ed < edits; ed++) {
                size_t at = rnd() % (n + 1);
                switch (rnd() % 4) {
                case 0: /* delete a few bytes */
                    if (n) {
                        size_t d = 1 + rnd() % 4;
                        if (at + d > n) d = n - at;
                        memmove(mut + at, mut + at + d, n - at - d);
                        n -= d;
                    }
                    break;
                case 1: { /* insert a token */
                    const char *s = soup[rnd() % (sizeof soup / sizeof soup[0])];
                    size_t l = strlen(s);
                    if (n + l > len + 60) break;
                    memmove(mut + at + l, mut + at, n - at);
                    memcpy(mut + at, s, l);
                    n += l;
                    break;
                }
                case 2: /* overwrite a byte */
                    if (at < n) mut[at] = (char)(" ():,=\n\t'\"{}[]*\\#x1"[rnd() % 20]);
                    break;
                default: /* swap two bytes */
                    if (n > 1) {
                        size_t b = rnd() % n;
                        if (at >= n) at = n - 1;
                        char c = mut[at];
                        mut[at] = mut[b];
                        mut[b] = c;
                    }
                    break;
                }
            }
            parse_one(mut, n);
        }
        free(mut);
        free(src);
    }
    free(manifest);
    assert_true(sources > 100);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    print_message("  random input: %.2f s\n", secs);
}

static char *repeat(const char *head, const char *unit, int times, const char *tail, size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * (size_t)times + tl + 1);
    assert_non_null(s);
    memcpy(s, head, hl);
    for (int i = 0; i < times; i++) memcpy(s + hl + ul * (size_t)i, unit, ul);
    memcpy(s + hl + ul * (size_t)times, tail, tl + 1);
    *len = hl + ul * (size_t)times + tl;
    return s;
}

static void expect_error(const char *src, size_t len, const char *type, const char *msg)
{
    AstArena *a = ast_arena_new();
    ParseError e;
    assert_null(parse_module(a, src, len, "deep.py", &e));
    assert_string_equal(e.type, type);
    if (msg) assert_string_equal(e.msg, msg);
    ast_arena_free(a);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("x = ", "(", 1000, "1\n", &len);
    expect_error(s, len, "SyntaxError", "too many nested parentheses");
    free(s);
    s = repeat("x = ", "[", 1000, "\n", &len);
    expect_error(s, len, "SyntaxError", "too many nested parentheses");
    free(s);
    /* pegen's MAXSTACK: CPython raises a bare MemoryError */
    s = repeat("x = ", "-", 100000, "1\n", &len);
    expect_error(s, len, "MemoryError", "");
    free(s);
    s = repeat("x = ", "not ", 50000, "a\n", &len);
    expect_error(s, len, "MemoryError", "");
    free(s);
    s = repeat("x = ", "lambda: ", 20000, "1\n", &len);
    expect_error(s, len, "MemoryError", "");
    free(s);
    s = repeat("x = ", "a if b else ", 20000, "c\n", &len);
    expect_error(s, len, "MemoryError", "");
    free(s);
    s = repeat("x = ", "f'{", 3, "}'\n", &len);
    AstArena *a = ast_arena_new();
    ParseError e;
    assert_null(parse_module(a, s, len, "deep.py", &e));
    ast_arena_free(a);
    free(s);
    /* long but flat inputs parse */
    s = repeat("x = 0", " + 1", 100000, "\n", &len);
    a = ast_arena_new();
    assert_non_null(parse_module(a, s, len, "flat.py", &e));
    ast_arena_free(a);
    free(s);
    s = repeat("", "x = 1\n", 50000, "", &len);
    a = ast_arena_new();
    assert_non_null(parse_module(a, s, len, "flat.py", &e));
    ast_arena_free(a);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_error_format),
        cmocka_unit_test(test_parses_in_arena),
        cmocka_unit_test(test_random_input),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
