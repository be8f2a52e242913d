/*
 * fuzz_eventlog.c -- libFuzzer target for the binary event log's reader
 * (sim/eventlog.h): any bytes must read as events and an end, or as a
 * clean error, never a crash, a hang or a read past the input.  Whatever
 * reads as events is written again and must read back the same.
 *
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DREFSCOPE_FUZZ=ON
 *   cmake --build build-fuzz --target fuzz_eventlog
 *   build-fuzz/fuzz_eventlog -max_total_time=600 fuzz/corpus-eventlog
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/eventlog.h"

typedef struct Input {
    const uint8_t *p;
    size_t len, pos;
} Input;

/* Odd-sized pieces, so that records straddle the reader's refills. */
static size_t take(void *ud, char *buf, size_t cap)
{
    Input *in = ud;
    size_t n = in->len - in->pos;
    if (n > cap) n = cap;
    if (n > 7) n = 7;
    if (n) memcpy(buf, in->p + in->pos, n);
    in->pos += n;
    return n;
}

typedef struct Out {
    uint8_t *p;
    size_t len, cap;
} Out;

static void put(void *ud, const char *text, size_t len)
{
    Out *o = ud;
    if (o->len + len > o->cap) {
        o->cap = 2 * (o->len + len);
        o->p = realloc(o->p, o->cap);
        if (!o->p) abort();
    }
    memcpy(o->p + o->len, text, len);
    o->len += len;
}

/* Reads a log; the events into *evs (when evs): their count, or -1. */
static long read_log(const uint8_t *data, size_t size, SimEvent **evs)
{
    Input in = {data, size, 0};
    SimEventReader *r = sim_eventreader_new(take, &in);
    if (!r) abort();
    SimEvent ev;
    char err[160];
    long n = 0;
    size_t cap = 0;
    int k;
    while ((k = sim_eventreader_next(r, &ev, err, sizeof err)) > 0) {
        if (evs) {
            if ((size_t)n == cap) {
                cap = cap ? 2 * cap : 64;
                *evs = realloc(*evs, cap * sizeof ev);
                if (!*evs) abort();
            }
            (*evs)[n] = ev;
        }
        n++;
    }
    sim_eventreader_free(r);
    return k < 0 ? -1 : n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SimEvent *evs = NULL;
    long n = read_log(data, size, &evs);
    if (n > 0) {
        /* a valid log: written again, it reads back the same events */
        Out o = {0};
        SimEventLog *w = sim_eventlog_new(put, &o);
        if (!w) abort();
        for (long i = 0; i < n; i++) sim_eventlog_event(w, &evs[i]);
        sim_eventlog_finish(w);
        SimEvent *again = NULL;
        if (read_log(o.p, o.len, &again) != n || memcmp(again, evs, (size_t)n * sizeof *evs)) abort();
        free(again);
        free(o.p);
    }
    free(evs);
    return 0;
}
