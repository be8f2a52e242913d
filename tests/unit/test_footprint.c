/*
 * test_footprint.c -- CPython's compilation of a script, counted
 * (compiler/footprint.h).  For every program of tests/oracle/ENABLED that
 * compiles, refscope's model of the gc generation-0 count and of the
 * dict, list and tuple free lists when the module starts must be what
 * python3 3.11.7 has then, as scripts/cpython-footprint read it with gdb
 * from the interpreter (tests/data/footprint/states.txt).  The float free
 * list is the model's known limit (the PEG parser makes a float literal
 * two or three times): its misses are counted, and may not grow.  A
 * program that gets a SyntaxWarning is left out: python3 runs its
 * warnings module then, which refscope does not model.
 *
 * With file names as arguments it prints the model's state for each, in
 * the script's format, and with --log first every step (dict-new,
 * tuple-free 2, ...) in CPython's order, to set beside gdb's.
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

#define ORACLE_DIR TEST_DATA_DIR "/../oracle"
#define STATES TEST_DATA_DIR "/footprint/states.txt"
#define FLOAT_MISSES_MAX 4   /* programs whose float free list the model misses */

static void log_step(void *ud, const char *op, int64_t n)
{
    (void)ud;
    if (n) printf("%s %lld\n", op, (long long)n);
    else printf("%s\n", op);
}

/* The model's state after compiling src, in cpython-footprint's format
 * (without the name); "unknown" when python3 would not run it.  Returns
 * how many SyntaxWarnings the compilation raised. */
static size_t state_of(const char *src, size_t len, const char *filename, int log, char *out, size_t cap)
{
    Sim *S = ts_sim("cpython-3.11");
    AstArena *a = ast_arena_new();
    assert_non_null(a);
    ParseError perr;
    SynWarnings w = {NULL, 0, 0};
    Node *mod = parse_module_ex(a, src, len, filename, &perr, &w);
    snprintf(out, cap, "unknown");
    if (mod) {
        Footprint fp;
        fp_init(&fp);
        if (log) fp.log = log_step;
        Obj co;
        CompileError err;
        if (compile_module_ex(S, mod, filename, &co, &err, NULL, &w, &fp) == 0) {
            int n = snprintf(out, cap, "count=%lld dict=%d list=%d float=%d tuple=", (long long)fp.count[0],
                             fp.dict_n, fp.list_n, fp.float_n);
            for (int k = 0; k < FP_TUPLE_SIZES; k++)
                n += snprintf(out + n, cap - (size_t)n, k ? ",%d" : "%d", fp.tuple_n[k]);
            ob_decref(S, co, HOLD_TEMP);
        }
        fp_release(&fp);
    }
    size_t warned = w.n;
    synwarn_free(&w);
    ast_arena_free(a);
    sim_free(S);
    return warned;
}

/* "float=N " cut out of a state line, so the rest can be compared. */
static void without_float(const char *state, char *out, size_t cap, int *floats)
{
    const char *f = strstr(state, " float=");
    *floats = -1;
    if (!f) {
        snprintf(out, cap, "%s", state);
        return;
    }
    *floats = atoi(f + 7);
    const char *after = strchr(f + 1, ' ');
    snprintf(out, cap, "%.*s%s", (int)(f - state), state, after ? after : "");
}

typedef struct Run {
    char *states;      /* the whole file */
    int compared, float_misses, warned;
} Run;

static const char *expected_of(const Run *r, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    for (const char *p = r->states; p && *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len > n && !strncmp(p, name, n) && p[n] == ' ') {
            snprintf(out, cap, "%.*s", (int)(len - n - 1), p + n + 1);
            return out;
        }
        p = eol ? eol + 1 : NULL;
    }
    return NULL;
}

static void check_program(void *ud, const char *name, const char *src, size_t len)
{
    Run *r = ud;
    char base[256], want[512], got[512];
    snprintf(base, sizeof base, "%s", name);
    char *dot = strrchr(base, '.');
    if (dot) *dot = '\0';
    if (!expected_of(r, base, want, sizeof want)) fail_msg("%s: no line in %s", base, STATES);
    if (state_of(src, len, name, 0, got, sizeof got)) {
        r->warned++;
        return;
    }
    if (!strcmp(want, "unknown") || !strcmp(got, "unknown")) {
        if (strcmp(want, got)) fail_msg("%s: python3 %s, refscope %s", base, want, got);
        return;
    }
    char want_nf[512], got_nf[512];
    int want_floats, got_floats;
    without_float(want, want_nf, sizeof want_nf, &want_floats);
    without_float(got, got_nf, sizeof got_nf, &got_floats);
    if (strcmp(want_nf, got_nf)) fail_msg("%s:\n  python3  %s\n  refscope %s", base, want, got);
    r->float_misses += want_floats != got_floats;
    r->compared++;
}

static void test_oracle_programs(void **state)
{
    (void)state;
    Run r = {ts_read_file(STATES, NULL), 0, 0, 0};
    if (!r.states) fail_msg("cannot read %s", STATES);
    int n = ts_each_enabled(ORACLE_DIR, check_program, &r);
    free(r.states);
    assert_true(n > 100);
    assert_true(r.compared > 100);
    if (r.warned > 4) fail_msg("%d programs warned", r.warned);
    if (r.float_misses > FLOAT_MISSES_MAX)
        fail_msg("the float free list is missed in %d programs (at most %d)", r.float_misses, FLOAT_MISSES_MAX);
}

/* A few programs whose counts cpython-footprint read, written here so that
 * a change to one construct's model fails with its name. */
static void test_constructs(void **state)
{
    (void)state;
    static const struct {
        const char *src, *want;
    } cases[] = {
        {"import gc\nprint(gc.get_count())\n",
         "count=227 dict=8 list=40 float=4 tuple=4,7,1,2,3,0,8,6,1,0,1,3,5,1,2,2,2,3,1,6"},
        {"x = 1\n", "count=227 dict=8 list=40 float=4 tuple=3,7,2,2,3,0,8,6,1,0,1,3,5,1,2,2,2,3,1,6"},
        {"def f(): pass\n", "count=237 dict=14 list=40 float=4 tuple=2,11,2,2,3,0,8,6,1,0,1,3,5,1,2,2,2,3,1,6"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[512];
        state_of(cases[i].src, strlen(cases[i].src), "x.py", 0, got, sizeof got);
        if (strcmp(got, cases[i].want)) fail_msg("%s  python3  %s\n  refscope %s", cases[i].src, cases[i].want, got);
    }
}

int main(int argc, char **argv)
{
    if (argc > 1) {   /* the model's state for the files given */
        int log = !strcmp(argv[1], "--log");
        for (int i = 1 + log; i < argc; i++) {
            size_t len;
            char *src = ts_read_file(argv[i], &len);
            if (!src) {
                fprintf(stderr, "test_footprint: cannot read %s\n", argv[i]);
                return 2;
            }
            const char *base = strrchr(argv[i], '/');
            char name[256], out[512];
            snprintf(name, sizeof name, "%s", base ? base + 1 : argv[i]);
            char *dot = strrchr(name, '.');
            if (dot) *dot = '\0';
            state_of(src, len, argv[i], log, out, sizeof out);
            printf("%s %s\n", name, out);
            free(src);
        }
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructs),
        cmocka_unit_test(test_oracle_programs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
