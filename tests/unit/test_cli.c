/*
 * test_cli.c -- the refscope command line, end to end: runs the binary
 * (path in argv[1]) and checks exit statuses and what it prints.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *binary;

/* Runs `refscope ARGS REDIRECT`; returns the exit status, output in *out. */
static int run_to(const char *args, const char *redirect, char **out)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' %s %s", binary, args, redirect);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += k;
        if (cap - n < 4096) buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    int st = pclose(p);
    *out = buf;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Runs `refscope ARGS 2>&1`. */
static int run(const char *args, char **out) { return run_to(args, "2>&1", out); }

static void expect(const char *out, const char *want)
{
    if (!strstr(out, want)) fail_msg("output lacks '%s':\n%s", want, out);
}

/* Runs `refscope ARGS 2>&1`: the exit status, and `want` in the output. */
static void expect_run(const char *args, int status, const char *want)
{
    char *out;
    assert_int_equal(run(args, &out), status);
    expect(out, want);
    free(out);
}

static void test_alloc_demo(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run("alloc-demo --check", &out), 0);
    expect(out, "profile cpython-3.11");
    expect(out, "= float 3's old block");
    expect(out, "= float 5's old block");
    expect(out, "moves to 0x7f0404000010 (raw malloc");
    expect(out, "arenas now 2");
    expect(out, "Small block threshold = 512, in 32 size classes.\n");
    expect(out, "2 arenas * 1048576 bytes/arena     =            2,097,152\n");
    expect(out, "Total                              =            2,097,152\n");
    free(out);

    assert_int_equal(run("alloc-demo --profile classic --check", &out), 0);
    expect(out, "in 64 size classes");
    expect(out, "classic releases a wholly free arena at once");
    free(out);

    assert_int_equal(run("alloc-demo --trace", &out), 0);
    expect(out, "[1] arena-new    arena 0 at 0x7f0004001000 usable pools 63\n");
    expect(out, "arena-full");
    free(out);
}

static void test_errors(void **state)
{
    (void)state;
    expect_run("alloc-demo --profile cpython-3.11,pool=1K", 1, "invalid profile: pool=1024");
    expect_run("alloc-demo --profile", 2, "--profile needs a value");
    expect_run("alloc-demo --bogus", 2, "unknown option '--bogus'");
    expect_run("frobnicate", 2, "unknown command 'frobnicate'");
    expect_run("debug x.py", 2, "'debug' is not in this build yet");
    expect_run("run /nonexistent/x.py", 2, "can't open file '/nonexistent/x.py'");
    expect_run("run", 2, "usage: refscope run [--profile SPEC] FILE.py");
    expect_run("run --bogus x.py", 2, "unknown option '--bogus'");
    expect_run("run --profile nonsense x.py", 2, "refscope:");
    expect_run("", 2, "usage: refscope COMMAND");
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* run and trace, end to end: output, exit status, the event lines. */
static void test_run_and_trace(void **state)
{
    (void)state;
    char path[] = "/tmp/refscope-cli-run-XXXXXX.py";
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    close(fd);
    write_file(path, "import sys\nx = [1, 2]\nprint(sys.getrefcount(x), len(x))\nraise SystemExit(3)\n");
    char args[256], *out;
    snprintf(args, sizeof args, "run %s", path);
    expect_run(args, 3, "2 2\n");
    snprintf(args, sizeof args, "trace %s", path);
    assert_int_equal(run(args, &out), 3);
    expect(out, "tick 1  line 0  offset 0  RESUME 0");
    expect(out, "BUILD_LIST 2");
    expect(out, "incref");
    free(out);
    snprintf(args, sizeof args, "trace %s --jsonl", path);
    expect_run(args, 3, "{\"id\":1,\"tick\":1,\"kind\":\"instr\"");
    /* the binary log, printed back, is the text and the JSON lines */
    char log[64], *text, *back;
    snprintf(log, sizeof log, "%s.log", path);
    for (int jsonl = 0; jsonl < 2; jsonl++) {
        snprintf(args, sizeof args, "trace %s %s", path, jsonl ? "--jsonl" : "");
        assert_int_equal(run_to(args, "2>/dev/null", &text), 3);
        snprintf(args, sizeof args, "trace --binary -o %s %s", log, path);
        assert_int_equal(run(args, &out), 3);
        expect(out, "2 2\n"); /* the program's output still shows */
        free(out);
        snprintf(args, sizeof args, "trace --read %s %s", log, jsonl ? "--jsonl" : "");
        assert_int_equal(run(args, &back), 0);
        assert_true(strlen(text) > 1000);
        assert_string_equal(back, text);
        free(text);
        free(back);
    }
    /* a log cut short: what it holds is printed, then the reason, status 1 */
    snprintf(args, sizeof args, "trace --binary %s 2>/dev/null | head -c 300 > %s", path, log);
    (void)run(args, &out);
    free(out);
    snprintf(args, sizeof args, "trace --read %s", log);
    assert_int_equal(run(args, &out), 1);
    expect(out, "tick 1  line 0  offset 0  RESUME 0");
    expect(out, ": the log is cut short (");
    expect(out, ") after event ");
    free(out);
    snprintf(args, sizeof args, "trace --read %s", path);
    expect_run(args, 1, "not a refscope event log");
    expect_run("trace --read /nonexistent/x.log", 2, "cannot read '/nonexistent/x.log'");
    snprintf(args, sizeof args, "trace --binary -o /nonexistent/x.log %s", path);
    expect_run(args, 2, "cannot write '/nonexistent/x.log'");
    snprintf(args, sizeof args, "trace --binary --jsonl %s", path);
    expect_run(args, 2, "choose one");
    snprintf(args, sizeof args, "trace --read %s %s", log, path);
    expect_run(args, 2, "it runs no program");
    expect_run("trace -o", 2, "-o needs a file name");
    unlink(log);
    /* a small heap: exhaustion is a MemoryError the program catches */
    write_file(path, "big = []\ntry:\n    while True:\n        big.append([0] * 1000)\n"
                     "except MemoryError:\n    big = None\n    print('caught MemoryError')\n");
    snprintf(args, sizeof args, "run --profile cpython-3.11,limit=8M %s", path);
    expect_run(args, 0, "caught MemoryError\n");
    unlink(path);
}

/* `refscope dis` against what `python3 -m dis` printed for the same file
 * (CPython 3.11.7, recorded when this test was written). */
static void test_dis(void **state)
{
    (void)state;
    char dir[] = "/tmp/refscope-cli-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char good[64], bad[64], cmd[160], *out;
    snprintf(good, sizeof good, "%s/d1.py", dir);
    snprintf(bad, sizeof bad, "%s/bad.py", dir);
    write_file(good, "x = 1\nprint(x + 2)\n");
    write_file(bad, "x = (1 +\n");
    snprintf(cmd, sizeof cmd, "dis %s", good);
    assert_int_equal(run(cmd, &out), 0);
    assert_string_equal(out,
        "  0           0 RESUME                   0\n"
        "\n"
        "  1           2 LOAD_CONST               0 (1)\n"
        "              4 STORE_NAME               0 (x)\n"
        "\n"
        "  2           6 PUSH_NULL\n"
        "              8 LOAD_NAME                1 (print)\n"
        "             10 LOAD_NAME                0 (x)\n"
        "             12 LOAD_CONST               1 (2)\n"
        "             14 BINARY_OP                0 (+)\n"
        "             18 PRECALL                  1\n"
        "             22 CALL                     1\n"
        "             32 POP_TOP\n"
        "             34 LOAD_CONST               2 (None)\n"
        "             36 RETURN_VALUE\n");
    free(out);
    snprintf(cmd, sizeof cmd, "dis %s", bad);
    assert_int_equal(run(cmd, &out), 1);
    expect(out, "    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n");
    free(out);
    /* A compiler error on a line with non-ASCII text: python3 places the
     * carets by byte offset, one column right of the word here. */
    write_file(bad, "\xc3\xa9 = 0; break\n");
    assert_int_equal(run(cmd, &out), 1);
    expect(out, "    \xc3\xa9 = 0; break\n            ^^^^^\nSyntaxError: 'break' outside loop\n");
    free(out);
    /* A Latin-1 cookie over ASCII text reads as CPython reads it;
     * Latin-1 text beyond ASCII is refused by name. */
    write_file(bad, "# -*- coding: latin-1 -*-\nx = 1\n");
    assert_int_equal(run(cmd, &out), 0);
    expect(out, "  2           2 LOAD_CONST               0 (1)\n");
    free(out);
    write_file(bad, "# -*- coding: latin-1 -*-\nx = '\xe9'\n");
    assert_int_equal(run(cmd, &out), 1);
    expect(out, "refscope reads UTF-8 source only; this file declares 'latin-1' (line 1)");
    free(out);
    expect_run("dis /nonexistent/x.py", 1, "can't open '/nonexistent/x.py'");
    assert_int_equal(run("dis", &out), 2);
    free(out);
    remove(good);
    remove(bad);
    rmdir(dir);
}

static void test_help_and_version(void **state)
{
    (void)state;
    char *out;
    expect_run("help", 0, "alloc-demo [--profile SPEC]");
    assert_int_equal(run("--version", &out), 0);
    expect(out, "refscope 0.1.0");
    expect(out, "cJSON 1.7");
    expect(out, "SDL2 2.");
    expect(out, "SDL2_ttf 2.");
    expect(out, "SDL2_image 2.");
    free(out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_cli PATH-TO-REFSCOPE\n");
        return 2;
    }
    binary = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_demo),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_run_and_trace),
        cmocka_unit_test(test_dis),
        cmocka_unit_test(test_help_and_version),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL) != 0;
}
