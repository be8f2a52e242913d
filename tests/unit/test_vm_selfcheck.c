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

static void keep_the_ledger(void *ud, const char *name, const char *src, size_t n)
{
    (void)ud;
    fprintf(stderr, "selfcheck: %s\n", name);
    char msg[256];
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    assert_non_null(e);
    sim_engine_set_output(e, discard, NULL, to_stderr, NULL);
    sim_engine_set_selfcheck(e, 1);
    if (sim_engine_load(e, src, n, name) == 0) {
        sim_engine_run(e);
        sim_engine_finalize(e);
    }
    sim_engine_free(e);
}

static void test_enabled_programs_keep_the_ledger(void **state)
{
    (void)state;
    assert_true(ts_each_enabled(TEST_DATA_DIR "/../oracle", keep_the_ledger, NULL) > 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enabled_programs_keep_the_ledger),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
