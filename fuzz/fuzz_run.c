/*
 * fuzz_run.c -- libFuzzer target for the whole VM: any input is compiled
 * and, when it compiles, run with a small simulated heap and an
 * instruction budget.  Whatever the program does, refscope must not
 * crash, hang or leak; each run's heap is audited at its end.
 *
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DREFSCOPE_FUZZ=ON
 *   cmake --build build-fuzz --target fuzz_run
 *   build-fuzz/fuzz_run -max_total_time=600 -timeout=20 tests/oracle
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "objects/object.h"
#include "sim/engine.h"

static void discard(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char msg[256];
    /* 64 MiB of simulated heap: MemoryError comes quickly, the host stays safe */
    SimEngine *e = sim_engine_new("cpython-3.11,limit=64M", msg, sizeof msg);
    if (!e) abort();
    sim_engine_set_output(e, discard, NULL, discard, NULL);
    sim_engine_set_tick_limit(e, 200000);
    if (sim_engine_load(e, (const char *)data, size, "fuzz.py") == 0) {
        sim_engine_run(e);
        sim_engine_finalize(e);
    }
    char why[512];
    if (ob_check(e, why, sizeof why) != 0) {
        fprintf(stderr, "heap audit after the run: %s\n", why);
        abort();
    }
    sim_engine_free(e);
    return 0;
}
