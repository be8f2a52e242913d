/*
 * test_symtable.c -- symbol tables against CPython 3.11's symtable module:
 * for every program in tests/data/compiler/symtable (made by
 * tests/compiler/gen_symtable.py), the blocks, their symbols in order and
 * each symbol's raw flags integer (DEF_* bits and the scope) must be
 * exactly what Python reports; bad programs must fail with its message
 * and position.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "heap_support.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"
#include "compiler/symtable.h"

#define SYM_DIR TEST_DATA_DIR "/compiler/symtable"

static void check_one(const char *name)
{
    char path[512];
    size_t len = 0, wlen = 0;
    snprintf(path, sizeof path, "%s/%s.py", SYM_DIR, name);
    char *src = ts_read_file(path, &len);
    assert_non_null(src);
    AstArena *a = ast_arena_new();
    ParseError pe;
    Node *m = parse_module(a, src, len, path, &pe);
    if (!m) fail_msg("%s: does not parse: %s", name, pe.msg);
    SymError se;
    SymTable *st = symtable_build(a, m, &se);
    snprintf(path, sizeof path, "%s/%s.sym", SYM_DIR, name);
    char *want = ts_read_file(path, &wlen);
    if (want) {
        if (!st) fail_msg("%s: symtable error '%s' at %d:%d", name, se.msg, se.lineno, se.col);
        static char got[1 << 20];
        symtable_dump(st, got, sizeof got);
        if (strcmp(got, want)) {
            const char *g = got, *w = want;
            int line = 1;
            while (*g && *g == *w) line += *g++ == '\n', w++;
            fail_msg("%s.sym line %d:\n  refscope: %.60s\n  CPython:  %.60s", name, line, g, w);
        }
    } else {
        snprintf(path, sizeof path, "%s/%s.err", SYM_DIR, name);
        want = ts_read_file(path, &wlen);
        assert_non_null(want);
        if (st) fail_msg("%s: CPython raises SyntaxError, refscope does not", name);
        char got[512];
        snprintf(got, sizeof got, "%s\n%d %d\n", se.msg, se.lineno, se.col);
        if (strcmp(got, want)) fail_msg("%s:\n  refscope: %s  CPython:  %s", name, got, want);
    }
    free(want);
    free(src);
    ast_arena_free(a);
}

static void test_against_cpython(void **state)
{
    (void)state;
    DIR *d = opendir(SYM_DIR);
    assert_non_null(d);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        size_t k = strlen(e->d_name);
        if (k < 4 || strcmp(e->d_name + k - 3, ".py")) continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(k - 3), e->d_name);
        check_one(name);
        n++;
    }
    closedir(d);
    assert_true(n >= 40);
}

static void test_mangling(void **state)
{
    (void)state;
    AstArena *a = ast_arena_new();
    assert_string_equal(sym_mangle(a, "C", "__x"), "_C__x");
    assert_string_equal(sym_mangle(a, "_C", "__x"), "_C__x");
    assert_string_equal(sym_mangle(a, "C", "__x__"), "__x__");
    assert_string_equal(sym_mangle(a, "C", "_x"), "_x");
    assert_string_equal(sym_mangle(a, "___", "__x"), "__x");
    assert_string_equal(sym_mangle(a, NULL, "__x"), "__x");
    ast_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_mangling),
    };
    return cmocka_run_group_tests_name("symtable", tests, NULL, NULL) != 0;
}
