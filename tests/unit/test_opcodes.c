/*
 * test_opcodes.c -- the OPCODES table against CPython 3.11.7: names,
 * numbers, argument classes, inline caches, dis.stack_effect for every
 * opcode number with opargs that reach every branch, and the texts dis
 * prints for COMPARE_OP, BINARY_OP, MAKE_FUNCTION and FORMAT_VALUE.  The
 * facts are in tests/data/compiler/opcodes.txt, written by
 * tests/compiler/gen_opcodes.py.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vm/opcodes.h"

#define DATA TEST_DATA_DIR "/compiler/opcodes.txt"

typedef void (*LineFn)(const char *line, void *ud);

/* Calls fn on every line starting with `kind ` (newline stripped);
 * returns how many. */
static int each_line(const char *kind, LineFn fn, void *ud)
{
    FILE *f = fopen(DATA, "r");
    assert_non_null(f);
    char line[512];
    size_t k = strlen(kind);
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, kind, k) || line[k] != ' ') continue;
        fn(line + k + 1, ud);
        n++;
    }
    fclose(f);
    return n;
}

/* The text between the first and the last bar of `s`, into out. */
static void barred(const char *s, char *out, size_t size)
{
    const char *a = strchr(s, '|'), *b = strrchr(s, '|');
    assert_non_null(a);
    assert_true(b > a && (size_t)(b - a - 1) < size);
    memcpy(out, a + 1, (size_t)(b - a - 1));
    out[b - a - 1] = '\0';
}

static unsigned cats_to_flags(const char *cats, int hasarg)
{
    static const struct { const char *name; unsigned flag; } map[] = {
        { "jrel", OPF_JREL }, { "backward", OPF_JBACK }, { "jabs", OPF_JABS },
        { "const", OPF_CONST }, { "name", OPF_NAME }, { "local", OPF_LOCAL },
        { "free", OPF_FREE }, { "compare", OPF_COMPARE },
    };
    unsigned flags = hasarg ? OPF_ARG : 0;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", cats);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (!strcmp(t, "-")) continue;
        size_t i = 0;
        while (i < sizeof map / sizeof map[0] && strcmp(map[i].name, t)) i++;
        assert_true(i < sizeof map / sizeof map[0]);
        flags |= map[i].flag;
    }
    return flags;
}

typedef struct Seen {
    int count, max;
} Seen;

static void check_op(const char *line, void *ud)
{
    Seen *seen = ud;
    int num, hasarg, caches;
    char name[64], cats[128];
    assert_int_equal(sscanf(line, "%d %63s %d %d %127s", &num, name, &hasarg, &caches, cats), 5);
    assert_true(op_exists(num));
    assert_string_equal(op_name(num), name);
    assert_int_equal(op_number(name), num);
    assert_int_equal(op_has_arg(num), hasarg);
    assert_int_equal(op_caches(num), caches);
    assert_int_equal(op_flags(num), cats_to_flags(cats, hasarg));
    assert_non_null(op_doc(num));
    assert_true(op_doc(num)[0] != '\0');
    seen->count++;
    if (num > seen->max) seen->max = num;
}

static void check_unused(const char *line, void *ud)
{
    (void)ud;
    int num = atoi(line);
    assert_false(op_exists(num));
    assert_null(op_name(num));
    assert_null(op_doc(num));
    assert_int_equal(op_flags(num), 0);
    assert_int_equal(op_caches(num), 0);
}

static void check_constant(const char *line, void *ud)
{
    assert_int_equal(atoi(line), *(const int *)ud);
}

static void test_table_against_cpython(void **state)
{
    (void)state;
    Seen seen = { 0, -1 };
    assert_int_equal(each_line("op", check_op, &seen), OP_COUNT);
    assert_int_equal(seen.count, OP_COUNT);
    assert_int_equal(seen.max, OP_MAX);
    assert_int_equal(each_line("unused", check_unused, NULL), 256 - OP_COUNT);
    int have = OP_HAVE_ARGUMENT, ext = OP_EXTENDED_ARG;
    assert_int_equal(each_line("have_argument", check_constant, &have), 1);
    assert_int_equal(each_line("extended_arg", check_constant, &ext), 1);
}

/* What dis.stack_effect answers, as the data file spells it. */
static void model_effect(int op, const char *arg, int jump, char *out, size_t size)
{
    int given = strcmp(arg, "-") != 0;
    if (!given && op_has_arg(op)) { snprintf(out, size, "needarg"); return; }
    if (given && !op_has_arg(op)) { snprintf(out, size, "noarg"); return; }
    int e = op_stack_effect(op, given ? atoi(arg) : 0, jump);
    if (e == OP_INVALID_STACK_EFFECT) snprintf(out, size, "invalid");
    else snprintf(out, size, "%d", e);
}

static void check_effect(const char *line, void *ud)
{
    (void)ud;
    int op;
    char arg[32], want[3][32];
    assert_int_equal(sscanf(line, "%d %31s %31s %31s %31s", &op, arg, want[0], want[1], want[2]), 5);
    static const int jumps[3] = { -1, 1, 0 };   /* jump=None, True, False */
    for (int j = 0; j < 3; j++) {
        char got[32];
        model_effect(op, arg, jumps[j], got, sizeof got);
        if (strcmp(got, want[j]))
            fail_msg("stack_effect(%d %s, %s, jump=%d): got %s, CPython %s", op,
                     op_name(op) ? op_name(op) : "?", arg, jumps[j], got, want[j]);
    }
}

static void test_stack_effect_against_cpython(void **state)
{
    (void)state;
    assert_true(each_line("effect", check_effect, NULL) > 2000);
    /* Outside the byte range, and compile.c's pseudo-ops (negative). */
    assert_int_equal(op_stack_effect(-1, 0, -1), OP_INVALID_STACK_EFFECT);
    assert_int_equal(op_stack_effect(256, 0, -1), OP_INVALID_STACK_EFFECT);
    /* Sane opargs never hit the sentinel; ones that would overflow do. */
    assert_int_equal(op_stack_effect(OP_BUILD_MAP, INT32_MAX, -1), OP_INVALID_STACK_EFFECT);
}

static void check_cmp(const char *line, void *ud)
{
    (void)ud;
    char want[16];
    barred(line, want, sizeof want);
    assert_string_equal(op_cmp_name(atoi(line)), want);
}

static void check_nb(const char *line, void *ud)
{
    (void)ud;
    int i;
    char name[64], want[16];
    assert_int_equal(sscanf(line, "%d %63s", &i, name), 2);
    barred(line, want, sizeof want);
    assert_string_equal(op_nb_name(i), name);
    assert_string_equal(op_nb_symbol(i), want);
}

static void check_mkfn(const char *line, void *ud)
{
    (void)ud;
    char want[32];
    barred(line, want, sizeof want);
    assert_string_equal(op_make_function_flag(atoi(line)), want);
}

static void check_fmt(const char *line, void *ud)
{
    (void)ud;
    char want[32];
    barred(line, want, sizeof want);
    assert_string_equal(op_format_conversion(atoi(line)), want);
}

static void check_argrepr(const char *line, void *ud)
{
    (void)ud;
    int op, arg;
    char want[128], got[128];
    assert_int_equal(sscanf(line, "%d %d", &op, &arg), 2);
    barred(line, want, sizeof want);
    int rc = op_argrepr(op, arg, got, sizeof got);
    if (!strcmp(want, "!IndexError")) {
        assert_int_equal(rc, -1);
        return;
    }
    if (rc == 0) got[0] = '\0';   /* dis prints nothing for these */
    else assert_int_equal(rc, 1);
    if (strcmp(got, want)) fail_msg("argrepr(%s, %d): got '%s', dis '%s'", op_name(op), arg, got, want);
}

static void test_argrepr_against_cpython(void **state)
{
    (void)state;
    assert_int_equal(each_line("cmp", check_cmp, NULL), OP_CMP_COUNT);
    assert_int_equal(each_line("nb", check_nb, NULL), OP_NB_COUNT);
    assert_int_equal(each_line("mkfn_flag", check_mkfn, NULL), 4);
    assert_int_equal(each_line("fmt_conv", check_fmt, NULL), 4);
    assert_true(each_line("argrepr", check_argrepr, NULL) > 100);
    assert_null(op_cmp_name(OP_CMP_COUNT));
    assert_null(op_nb_symbol(OP_NB_COUNT));
    assert_null(op_make_function_flag(4));
    assert_null(op_format_conversion(-1));
    assert_string_equal(op_nb_symbol(OP_NB_INPLACE_ADD), "+=");
}

/* The table itself: strictly ascending numbers (so none repeats), distinct
 * names, and a lossless name <-> number round trip. */
#define LISTED_NUM_(nm, num, fl, nc, d) (num),
#define LISTED_NAME_(nm, num, fl, nc, d) #nm,
static const int listed_nums[] = { OPCODES(LISTED_NUM_) };
static const char *const listed_names[] = { OPCODES(LISTED_NAME_) };

static void test_table_shape(void **state)
{
    (void)state;
    int n = (int)(sizeof listed_nums / sizeof listed_nums[0]);
    assert_int_equal(n, OP_COUNT);
    for (int i = 0; i < n; i++) {
        if (i) assert_true(listed_nums[i] > listed_nums[i - 1]);
        for (int k = 0; k < i; k++) assert_string_not_equal(listed_names[i], listed_names[k]);
        assert_int_equal(op_number(listed_names[i]), listed_nums[i]);
        assert_string_equal(op_name(listed_nums[i]), listed_names[i]);
        unsigned fl = op_flags(listed_nums[i]);
        assert_int_equal(!!(fl & OPF_ARG), listed_nums[i] >= OP_HAVE_ARGUMENT);
        if (fl & OPF_JBACK) assert_true(fl & OPF_JREL);
        /* every listed op has a stack effect for some oparg */
        assert_int_not_equal(op_stack_effect(listed_nums[i], 0, -1), OP_INVALID_STACK_EFFECT);
    }
    int named = 0;
    for (int op = -5; op < 300; op++) {
        if (!op_name(op)) continue;
        named++;
        assert_int_equal(op_number(op_name(op)), op);
    }
    assert_int_equal(named, OP_COUNT);
    assert_int_equal(op_number("NOT_AN_OPCODE"), -1);
    assert_int_equal(op_number("nop"), -1);   /* opmap is case-sensitive */
    assert_int_equal(op_number(""), -1);
    assert_int_equal(op_number(NULL), -1);
    assert_int_equal(op_number("SETUP_FINALLY"), -1);   /* pseudo-op, never in co_code */
    assert_int_equal(op_number("BINARY_OP_ADAPTIVE"), -1);   /* specialised form */
    assert_int_equal(OP_MAX, 176);
    assert_int_equal(OP_NOP, 9);
}

static void test_arg_notes_and_buffers(void **state)
{
    (void)state;
    assert_string_equal(op_arg_note(OP_RESUME, 0), "start");
    assert_string_equal(op_arg_note(OP_RESUME, 3), "after await");
    assert_string_equal(op_arg_note(OP_IS_OP, 1), "is not");
    assert_string_equal(op_arg_note(OP_CONTAINS_OP, 1), "not in");
    assert_null(op_arg_note(OP_RESUME, 4));
    assert_null(op_arg_note(OP_NOP, 0));
    char small[8];
    assert_int_equal(op_argrepr(OP_MAKE_FUNCTION, 15, small, sizeof small), -1);
    assert_int_equal(op_argrepr(OP_FORMAT_VALUE, 6, small, sizeof small), -1);
    assert_int_equal(op_argrepr(OP_BINARY_OP, 0, small, 1), -1);
    assert_int_equal(op_argrepr(OP_COMPARE_OP, 0, small, 0), -1);
    assert_int_equal(op_argrepr(OP_LOAD_CONST, 0, small, sizeof small), 0);
    assert_int_equal(op_argrepr(OP_FORMAT_VALUE, 1, small, sizeof small), 1);
    assert_string_equal(small, "str");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_against_cpython),
        cmocka_unit_test(test_stack_effect_against_cpython),
        cmocka_unit_test(test_argrepr_against_cpython),
        cmocka_unit_test(test_table_shape),
        cmocka_unit_test(test_arg_notes_and_buffers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
