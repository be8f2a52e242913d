/*
 * test_vm_selfcheck.c -- the ledger holds at every instruction: each
 * oracle program in tests/oracle/ENABLED (and the acceptance-style
 * programs in tests/oracle) runs with the whole-heap audit before every
 * instruction, nested frames (__init__, __del__, generators) included.
 * A violation aborts with the tick and the broken invariant; the program
 * names are printed first so the culprit is the last one named.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "sim/engine.h"

static void discard(void *ud, const char *text, size_t len) { (void)ud, (void)text, (void)len; }

static void to_stderr(void *ud, const char *text, size_t len)
{
    (void)ud;
    fwrite(text, 1, len, stderr);
}

static void test_enabled_programs_keep_the_ledger(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/../oracle/ENABLED", TEST_DATA_DIR);
    size_t len;
    char *list = ts_read_file(path, &len);
    assert_non_null(list);
    int programs = 0;
    for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
        if (!line[0] || line[0] == '#') continue;
        snprintf(path, sizeof path, "%s/../oracle/%s", TEST_DATA_DIR, line);
        size_t n;
        char *src = ts_read_file(path, &n);
        assert_non_null(src);
        fprintf(stderr, "selfcheck: %s\n", line);
        char msg[256];
        SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
        assert_non_null(e);
        sim_engine_set_output(e, discard, NULL, to_stderr, NULL);
        sim_engine_set_selfcheck(e, 1);
        if (sim_engine_load(e, src, n, line) == 0) {
            sim_engine_run(e);
            sim_engine_finalize(e);
        }
        sim_engine_free(e);
        free(src);
        programs++;
    }
    free(list);
    assert_true(programs > 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enabled_programs_keep_the_ledger),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
