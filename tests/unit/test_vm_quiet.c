/*
 * test_vm_quiet.c -- the evaluation loop without event code
 * (vm/ceval_quiet.c, run when no sink, hook or audit is attached) does
 * exactly what the watched loop does.  Every oracle program in
 * tests/oracle/ENABLED runs twice: quietly, and with an instruction hook
 * that does nothing (which selects the watched loop).  Their output, exit
 * status and tick, and every byte of simulated memory once the program
 * has run, must be equal.  (Not after finalization: the parser arena's
 * constants are released then in an order that follows host pointers,
 * which differ between two engines.)  A third, quiet run is stepped one instruction
 * at a time with the whole-heap audit every few steps: the quiet loop
 * keeps the ledger (test_vm_selfcheck audits only the watched loop).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc/pymalloc.h"
#include "heap_support.h"
#include "sim.h"
#include "sim/engine.h"
#include "sim/inspect.h"

typedef struct Run {
    TsText out, err;
    int status;
    unsigned long long tick;
    uint64_t after_run;
} Run;

static void nothing(void *ud, unsigned long long tick, int nested) { (void)ud, (void)tick, (void)nested; }

static void run(const char *src, size_t n, const char *name, int watched, Run *r)
{
    char msg[256];
    memset(r, 0, sizeof *r);
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    assert_non_null(e);
    sim_engine_set_output(e, ts_text_write, &r->out, ts_text_write, &r->err);
    if (watched) sim_engine_set_instr_hook(e, nothing, NULL);
    if (sim_engine_load(e, src, n, name) == 0) {
        sim_engine_run(e);
        r->tick = sim_engine_tick(e);
        r->after_run = ts_heap_hash(e, 0);
        r->status = sim_engine_finalize(e);
    }
    sim_engine_free(e);
}

/* Quiet, stepped, audited every `every` instructions and at the end. */
static void audited(const char *src, size_t n, const char *name, int every)
{
    char msg[256];
    TsText out = {0}, err = {0};
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    assert_non_null(e);
    sim_engine_set_output(e, ts_text_write, &out, ts_text_write, &err);
    if (sim_engine_load(e, src, n, name) == 0) {
        for (long i = 0; sim_engine_step(e) == SIM_STEP_RUNNING; i++) {
            if (i % every) continue;
            if (sim_inspect_check(e, msg, sizeof msg)) fail_msg("%s, tick %llu: %s", name, sim_engine_tick(e), msg);
        }
        if (sim_inspect_check(e, msg, sizeof msg)) fail_msg("%s at the end: %s", name, msg);
        sim_engine_finalize(e);
    }
    sim_engine_free(e);
    free(out.s);
    free(err.s);
}

static void quiet_matches_watched(void *ud, const char *line, const char *src, size_t n)
{
    (void)ud;
    Run q, w;
    run(src, n, line, 0, &q);
    run(src, n, line, 1, &w);
    if (q.tick != w.tick || q.status != w.status || q.after_run != w.after_run || q.out.n != w.out.n ||
        q.err.n != w.err.n ||
        (q.out.n && memcmp(q.out.s, w.out.s, q.out.n)) || (q.err.n && memcmp(q.err.s, w.err.s, q.err.n)))
        fail_msg("%s: quiet and watched runs differ (ticks %llu/%llu, status %d/%d, heap %s)", line, q.tick,
                 w.tick, q.status, w.status, q.after_run == w.after_run ? "same" : "differs");
    audited(src, n, line, 17);
    free(q.out.s), free(q.err.s), free(w.out.s), free(w.err.s);
}

static void test_quiet_loop_matches_watched_loop(void **state)
{
    (void)state;
    assert_true(ts_each_enabled(TEST_DATA_DIR "/../oracle", quiet_matches_watched, NULL) > 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quiet_loop_matches_watched_loop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
