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

static const char *binary;

/* Runs `refscope ARGS 2>&1`; returns the exit status, output in *out. */
static int run(const char *args, char **out)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' %s 2>&1", binary, args);
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

static void expect(const char *out, const char *want)
{
    if (!strstr(out, want)) fail_msg("output lacks '%s':\n%s", want, out);
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
    char *out;
    assert_int_equal(run("alloc-demo --profile cpython-3.11,pool=1K", &out), 1);
    expect(out, "invalid profile: pool=1024");
    free(out);
    assert_int_equal(run("alloc-demo --profile", &out), 2);
    expect(out, "--profile needs a value");
    free(out);
    assert_int_equal(run("alloc-demo --bogus", &out), 2);
    expect(out, "unknown option '--bogus'");
    free(out);
    assert_int_equal(run("frobnicate", &out), 2);
    expect(out, "unknown command 'frobnicate'");
    free(out);
    assert_int_equal(run("run x.py", &out), 2);
    expect(out, "'run' is not in this build yet");
    free(out);
    assert_int_equal(run("", &out), 2);
    expect(out, "usage: refscope COMMAND");
    free(out);
}

static void test_help_and_version(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run("help", &out), 0);
    expect(out, "alloc-demo [--profile SPEC]");
    free(out);
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
        cmocka_unit_test(test_help_and_version),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL) != 0;
}
