/*
 * test_compile_warnings.c -- the SyntaxWarnings CPython 3.11.7 raises
 * while it compiles a file (Python/compile.c's check_compare,
 * check_caller, check_subscripter, check_index and compiler_assert; the
 * tokenizer's "invalid decimal literal"), program by program: each case's
 * warnings, in order, with the line each names, are what
 *
 *     warnings.catch_warnings(record=True); simplefilter("default");
 *     compile(src, "x.py", "exec")
 *
 * recorded under python3 (the SyntaxWarnings only: the DeprecationWarning
 * of an invalid escape is ignored by python3's default filters).  Then the
 * engine writes them as python3 FILE.py prints them, through the
 * program's error stream, before the program runs.
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
#include "sim/engine.h"

typedef struct Case {
    const char *name;
    const char *src;
    const char *warnings;      /* "LINE: message\n" each, python3's */
} Case;

static const Case cases[] = {
    {"is_int",
     "x = 1\nprint(x is 256)\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"is_not_str",
     "def f(y):\n    return y is not 'a'\n",
     "2: \"is not\" with a literal. Did you mean \"!=\"?\n"},
    {"is_singletons",
     "x = 1\nprint(x is None, x is True, x is False, x is ..., None is x)\n",
     ""},
    {"is_folded",
     "x = 1\nprint(x is -1, x is (1, 2), x is (), x is 'a' 'b')\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n2: \"is\" with a literal. Did you mean \"==\"?\n2: \"is\" with a literal. Did you mean \"==\"?\n2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"is_not_folded",
     "x = 1\nprint(x is [], x is (1, x), x is {}, x is f'{x}')\n",
     ""},
    {"is_left",
     "x = 1\nprint(1 is x)\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"is_chain_once",
     "x = 1\nprint(x is 1 is 2 is not 3)\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"is_chain_jump",
     "x = 1\nif (x\n        is 1 is x):\n    pass\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"is_single_jump",
     "x = 1\nif (x is\n        1):\n    pass\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"is_boolop",
     "x = 1\nif x is 1 or not x is 2:\n    pass\nwhile x is not 3 and x:\n    break\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n2: \"is not\" with a literal. Did you mean \"!=\"?\n4: \"is not\" with a literal. Did you mean \"!=\"?\n4: \"is not\" with a literal. Did you mean \"!=\"?\n"},
    {"is_ifexp",
     "x = 1\ny = (2 if x is 5\n     else x is 6)\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n3: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"is_nested_outer_first",
     "x = 1\nprint((x is 1) is (x is 2))\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"finally_return",
     "def f(x):\n    try:\n        return 1\n    finally:\n        print(x is 1)\n",
     "5: \"is\" with a literal. Did you mean \"==\"?\n5: \"is\" with a literal. Did you mean \"==\"?\n5: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"finally_plain",
     "x = 1\ntry:\n    pass\nfinally:\n    x is 2\n",
     "5: \"is\" with a literal. Did you mean \"==\"?\n5: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"try_else_order",
     "x = 1\ntry:\n    pass\nexcept ValueError:\n    x is 1\nelse:\n    x is 2\n",
     "7: \"is\" with a literal. Did you mean \"==\"?\n5: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"scopes",
     "x = 1\ndef f(a=x is 1):\n    return [b is 2 for b in (x is 3, a)]\nclass C:\n    z = x is 4\n    m = lambda self, q: q is not 5\ng = (v is 6 for v in range(2) if v is not 7)\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n3: \"is\" with a literal. Did you mean \"==\"?\n3: \"is\" with a literal. Did you mean \"==\"?\n5: \"is\" with a literal. Did you mean \"==\"?\n6: \"is not\" with a literal. Did you mean \"!=\"?\n7: \"is not\" with a literal. Did you mean \"!=\"?\n7: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"call",
     "x = 1\n(1, 2)()\n[1]()\n{1: 2}()\n{1}()\n[v for v in x]()\n(v for v in x)()\nf'{x}'()\n'a'()\nNone()\n...()\nTrue()\n1.5()\n(lambda: 1)()\nx()\n",
     "2: 'tuple' object is not callable; perhaps you missed a comma?\n3: 'list' object is not callable; perhaps you missed a comma?\n4: 'dict' object is not callable; perhaps you missed a comma?\n5: 'set' object is not callable; perhaps you missed a comma?\n6: 'list' object is not callable; perhaps you missed a comma?\n7: 'generator' object is not callable; perhaps you missed a comma?\n8: 'str' object is not callable; perhaps you missed a comma?\n9: 'str' object is not callable; perhaps you missed a comma?\n10: 'NoneType' object is not callable; perhaps you missed a comma?\n11: 'ellipsis' object is not callable; perhaps you missed a comma?\n12: 'bool' object is not callable; perhaps you missed a comma?\n13: 'float' object is not callable; perhaps you missed a comma?\n"},
    {"call_outer_first",
     "x = 1\n(1, 2)(3)(None()(4))\n",
     "2: 'tuple' object is not callable; perhaps you missed a comma?\n2: 'NoneType' object is not callable; perhaps you missed a comma?\n"},
    {"subscript",
     "x = 1\n1[0]\nNone[0]\nTrue[0]\n...[0]\n1.5[0]\n{1}[0]\n{v for v in x}[0]\n(v for v in x)[0]\n(lambda: 1)[0]\n'a'[0]\n(1, 2)[0]\n",
     "2: 'int' object is not subscriptable; perhaps you missed a comma?\n3: 'NoneType' object is not subscriptable; perhaps you missed a comma?\n4: 'bool' object is not subscriptable; perhaps you missed a comma?\n5: 'ellipsis' object is not subscriptable; perhaps you missed a comma?\n6: 'float' object is not subscriptable; perhaps you missed a comma?\n7: 'set' object is not subscriptable; perhaps you missed a comma?\n8: 'set' object is not subscriptable; perhaps you missed a comma?\n9: 'generator' object is not subscriptable; perhaps you missed a comma?\n10: 'function' object is not subscriptable; perhaps you missed a comma?\n"},
    {"index",
     "x = 1\n'a'['b']\n'a'[1.5]\n'a'[None]\n'a'[x]\n'a'[True]\n'a'[0:1]\n'a'[1, 2]\n'a'[[1]]\n'a'[{1: 2}]\n'a'[{1}]\n'a'[f'{x}']\n'a'[lambda: 1]\nb'a'['b']\n(1, 2)['b']\n(1, x)['b']\n[1]['b']\n[v for v in x]['b']\nf'{x}'['b']\n{1: 2}['b']\nx['b']\n[1][-1]\n",
     "2: str indices must be integers or slices, not str; perhaps you missed a comma?\n3: str indices must be integers or slices, not float; perhaps you missed a comma?\n4: str indices must be integers or slices, not NoneType; perhaps you missed a comma?\n8: str indices must be integers or slices, not tuple; perhaps you missed a comma?\n9: str indices must be integers or slices, not list; perhaps you missed a comma?\n10: str indices must be integers or slices, not dict; perhaps you missed a comma?\n11: str indices must be integers or slices, not set; perhaps you missed a comma?\n12: str indices must be integers or slices, not str; perhaps you missed a comma?\n13: str indices must be integers or slices, not function; perhaps you missed a comma?\n14: bytes indices must be integers or slices, not str; perhaps you missed a comma?\n15: tuple indices must be integers or slices, not str; perhaps you missed a comma?\n16: tuple indices must be integers or slices, not str; perhaps you missed a comma?\n17: list indices must be integers or slices, not str; perhaps you missed a comma?\n18: list indices must be integers or slices, not str; perhaps you missed a comma?\n19: str indices must be integers or slices, not str; perhaps you missed a comma?\n"},
    {"subscript_store_del",
     "d = {}\n(1, x)['a'] = 1\ndel [1]['a']\nl = [1]\n[1]['a'] += 1\n",
     ""},
    {"assert_tuple",
     "x = 1\nassert (x, 'msg')\nassert (1, 2)\nassert ()\nassert (x,)\nassert x, (x, 1)\n",
     "2: assertion is always true, perhaps remove parentheses?\n3: assertion is always true, perhaps remove parentheses?\n5: assertion is always true, perhaps remove parentheses?\n"},
    {"assert_order",
     "x = 1\nassert (x is 1, 2), x is 3\n",
     "2: assertion is always true, perhaps remove parentheses?\n2: \"is\" with a literal. Did you mean \"==\"?\n2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"before_error",
     "x = 1\nprint(x is 1)\nreturn 5\nprint(x is 2)\n",
     "2: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"literal_number",
     "x = 1if 1 else 2\ny = 0x1for x\nprint(x is 3)\n",
     "1: invalid decimal literal\n2: invalid hexadecimal literal\n3: \"is\" with a literal. Did you mean \"==\"?\n"},
    {"no_warnings",
     "x = 1\nprint(x is None, x == 1, '\\d')\n",
     ""},
};

/* The warnings of src as "LINE: message\n" lines; whether it compiled in
 * *compiled.  The heap holds nothing more afterwards. */
static void warnings_of(Sim *S, const char *src, char *out, size_t cap, int *compiled)
{
    AstArena *a = ast_arena_new();
    assert_non_null(a);
    ParseError perr;
    SynWarnings w = {NULL, 0, 0};
    Node *mod = parse_module_ex(a, src, strlen(src), "x.py", &perr, &w);
    *compiled = 0;
    if (mod) {
        Obj co;
        CompileError err;
        *compiled = compile_module_ex(S, mod, "x.py", &co, &err, NULL, &w, NULL) == 0;
        if (*compiled) ob_decref(S, co, HOLD_TEMP);
    }
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < w.n; i++) {
        assert_string_equal(w.items[i].category, "SyntaxWarning");
        n += (size_t)snprintf(out + n, cap - n, "%d: %s\n", w.items[i].lineno, w.items[i].msg);
        assert_true(n < cap);
    }
    synwarn_free(&w);
    assert_int_equal(w.n, 0);
    ast_arena_free(a);
    ts_obcheck(S);
}

static void test_cases(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[4096];
        int compiled;
        warnings_of(S, cases[i].src, got, sizeof got, &compiled);
        if (strcmp(got, cases[i].warnings))
            fail_msg("%s: warnings\n%s-- want --\n%s", cases[i].name, got, cases[i].warnings);
        /* the one case python3 rejects: its warnings come before the error */
        if (compiled != !!strcmp(cases[i].name, "before_error")) fail_msg("%s: compiled %d", cases[i].name, compiled);
    }
    sim_free(S);
}

/* The checks read the tree and the folded constants; they allocate
 * nothing in the simulated heap, so a program's heap is the same whether
 * anyone collects its warnings or not (the code object lands at the same
 * address, with the same bytes). */
static void test_checks_allocate_nothing(void **state)
{
    (void)state;
    const char *src = "x = 1\nprint(x is 256, x is (1, 2), (1, 'a')['b'], 1.5[0])\nassert (x, 'a')\n";
    Obj co[2];
    Sim *S[2];
    AstArena *a = ast_arena_new();
    ParseError perr;
    Node *mod = parse_module(a, src, strlen(src), "x.py", &perr);
    assert_non_null(mod);
    SynWarnings w = {NULL, 0, 0};
    for (int k = 0; k < 2; k++) {
        S[k] = ts_sim("cpython-3.11");
        CompileError err;
        assert_int_equal(compile_module_ex(S[k], mod, "x.py", &co[k], &err, NULL, k ? &w : NULL, NULL), 0);
    }
    assert_int_equal(w.n, 5);
    assert_int_equal(co[0], co[1]);
    assert_int_equal(ob_size(S[0], co[0]), ob_size(S[1], co[1]));
    assert_memory_equal(ob_ptr(S[0], co[0]), ob_ptr(S[1], co[1]), 184 + (size_t)ob_size(S[0], co[0]) * 2);
    for (int k = 0; k < 2; k++) {
        ob_decref(S[k], co[k], HOLD_TEMP);
        ts_obcheck(S[k]);
        sim_free(S[k]);
    }
    synwarn_free(&w);
    ast_arena_free(a);
}

typedef struct Buf {
    char text[4096];
    size_t len;
} Buf;

static void put(void *ud, const char *text, size_t len)
{
    Buf *b = ud;
    if (b->len + len >= sizeof b->text) len = sizeof b->text - 1 - b->len;
    memcpy(b->text + b->len, text, len);
    b->len += len;
    b->text[b->len] = '\0';
}

/* python3 FILE.py: "FILE:LINE: SyntaxWarning: MSG" and the line as
 * linecache reads it (universal newlines), str.strip()ped (tabs, a
 * trailing U+3000), after two spaces -- on the error stream, before
 * anything the program prints.  python3 printed exactly this for the
 * same bytes. */
static void test_engine_prints_them(void **state)
{
    (void)state;
    static const char src[] = "x = 1\r\ndef f():\r\n\t  return x is 1 \t \r\n\r\nprint(f(), \\\n"
                              "   x is 2)  # \xe3\x80\x80\r\n[1][\"a\"] if 0 else 0\r";
    static const char want[] =
        "w.py:3: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n"
        "  return x is 1\n"
        "w.py:6: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n"
        "  x is 2)  #\n"
        "w.py:7: SyntaxWarning: list indices must be integers or slices, not str; perhaps you missed a comma?\n"
        "  [1][\"a\"] if 0 else 0\n";
    Buf out = {{0}, 0}, err = {{0}, 0};
    assert_int_equal(sim_run_source(NULL, src, sizeof src - 1, "w.py", put, &out, put, &err), 0);
    assert_string_equal(err.text, want);
    assert_string_equal(out.text, "True False\n");
}

/* Warnings, then the SyntaxError the compiler raises after them; the
 * tokenizer's come first (it runs before the compiler), and the dis
 * command prints them the same way. */
static void test_engine_warnings_then_error(void **state)
{
    (void)state;
    static const char src[] = "z = 1if 1 else 2\nprint(z is 1)\nreturn 5\n";
    static const char want[] =
        "d.py:1: SyntaxWarning: invalid decimal literal\n"
        "  z = 1if 1 else 2\n"
        "d.py:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n"
        "  print(z is 1)\n"
        "  File \"d.py\", line 3\n"
        "    return 5\n"
        "    ^^^^^^^^\n"
        "SyntaxError: 'return' outside function\n";
    Buf out = {{0}, 0}, err = {{0}, 0};
    assert_int_equal(sim_run_source(NULL, src, sizeof src - 1, "d.py", put, &out, put, &err), 1);
    assert_string_equal(err.text, want);
    assert_int_equal(out.len, 0);

    char msg[256];
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    assert_non_null(e);
    Buf dout = {{0}, 0}, derr = {{0}, 0};
    assert_int_equal(sim_disassemble_source(e, src, sizeof src - 1, "d.py", put, &dout, put, &derr), 1);
    assert_string_equal(derr.text, want);
    sim_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_checks_allocate_nothing),
        cmocka_unit_test(test_engine_prints_them),
        cmocka_unit_test(test_engine_warnings_then_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
