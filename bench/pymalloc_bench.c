/*
 * pymalloc_bench.c -- the simulated pymalloc against glibc malloc, in the
 * same process, on the same pre-generated traces of small requests.
 *
 *   build/bench_pymalloc [OPS [TRACE]]   (default 4,000,000 operations per
 *                                        trace; TRACE runs only that one)
 *
 * Traces (sizes 1..512 bytes, weighted toward CPython's common object sizes):
 *   mixed        a working set that grows to ~50,000 blocks, then random
 *                allocs and frees of random live blocks
 *   temporaries  20,000 long-lived blocks, then allocate-and-free-soon with
 *                at most 16 temporaries alive, like evaluating expressions
 *   build-up     allocate 200,000 blocks, then free them all in random order
 *   pool-thrash  the temporaries alone, nothing long-lived: spread over 32
 *                classes, a pool empties on almost every free, so pymalloc
 *                recycles a pool per allocation -- its known worst case
 * Each allocator writes the first byte of every block it gets, so both do
 * the same work with the memory.  Best of 5 runs; no event sink attached.
 * Prints ns per operation and the ratio simulated/glibc (target: <= 1.0).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc/pymalloc.h"

typedef struct Op {
    uint32_t size;   /* > 0: allocate this many bytes into slot */
    uint32_t slot;   /* the live-block slot to fill or to free */
} Op;

typedef struct Trace {
    const char *name;
    Op *ops;
    size_t nops, nslots;
    uint32_t *live_at_end;   /* slots still allocated after the last op */
    size_t nlive_at_end;
} Trace;

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

/* Request sizes: half from CPython's usual objects, half uniform. */
static uint32_t pick_size(void)
{
    static const uint32_t common[] = {24, 28, 32, 40, 48, 56, 64, 72, 80, 88, 104,
                                      120, 152, 168, 184, 216, 232, 264, 400, 512};
    uint64_t r = rng();
    if (r & 1) return common[(r >> 1) % (sizeof common / sizeof common[0])];
    return (uint32_t)((r >> 1) % 512) + 1;
}

/* Live slots are kept in an array with swap-remove, so a free picks a
 * uniformly random live block. */
static Trace make_trace(const char *name, size_t nops, int kind)
{
    Trace t = {name, calloc(nops, sizeof(Op)), nops, 0, NULL, 0};
    uint32_t *live = calloc(nops, sizeof *live), nlive = 0, next_slot = 0;
    uint32_t *free_slots = calloc(nops, sizeof *free_slots), nfree_slots = 0;
    if (!t.ops || !live || !free_slots) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    for (size_t i = 0; i < nops; i++) {
        int do_alloc;
        uint32_t base = kind == 1 ? 20000 : 0; /* long-lived blocks, never freed */
        if (kind == 0) do_alloc = nlive < 25000 || (nlive < 75000 && rng() % 100 < 52);
        else if (kind == 1 || kind == 3)
            do_alloc = nlive < base + 16 && (nlive < base + 4 || rng() % 2);
        else do_alloc = i < nops / 2;
        if (do_alloc) {
            uint32_t slot = nfree_slots ? free_slots[--nfree_slots] : next_slot++;
            t.ops[i] = (Op){pick_size(), slot};
            live[nlive++] = slot;
        } else {
            if (nlive == 0) { i--; continue; }
            /* temporaries die young: one of the three newest */
            uint32_t k = kind == 1 || kind == 3 ? nlive - 1 - (uint32_t)(rng() % 3)
                                                : (uint32_t)(rng() % nlive);
            uint32_t slot = live[k];
            live[k] = live[--nlive];
            free_slots[nfree_slots++] = slot;
            t.ops[i] = (Op){0, slot};
        }
    }
    t.nslots = next_slot;
    t.live_at_end = live;
    t.nlive_at_end = nlive;
    free(free_slots);
    return t;
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double run_glibc(const Trace *t, void **slots)
{
    double t0 = now_ns();
    for (size_t i = 0; i < t->nops; i++) {
        const Op *op = &t->ops[i];
        if (op->size) {
            void *p = malloc(op->size);
            *(volatile unsigned char *)p = (unsigned char)i;
            slots[op->slot] = p;
        } else {
            free(slots[op->slot]);
        }
    }
    double t1 = now_ns();
    for (size_t k = 0; k < t->nlive_at_end; k++) free(slots[t->live_at_end[k]]);
    return t1 - t0;
}

static double run_sim(const Trace *t, SimAddr *slots, SimHeap *h)
{
    double t0 = now_ns();
    for (size_t i = 0; i < t->nops; i++) {
        const Op *op = &t->ops[i];
        if (op->size) {
            SimAddr a = pm_malloc(h, op->size);
            *(volatile unsigned char *)pm_host(h, a) = (unsigned char)i;
            slots[op->slot] = a;
        } else {
            pm_free(h, slots[op->slot]);
        }
    }
    double t1 = now_ns();
    for (size_t k = 0; k < t->nlive_at_end; k++) pm_free(h, slots[t->live_at_end[k]]);
    return t1 - t0;
}

int main(int argc, char **argv)
{
    size_t nops = argc > 1 ? strtoull(argv[1], NULL, 10) : 4000000;
    if (nops < 1000) nops = 1000;
    enum { NTRACES = 4 };
    Trace traces[NTRACES] = {make_trace("mixed", nops, 0), make_trace("temporaries", nops, 1),
                             make_trace("build-up", nops < 400000 ? nops : 400000, 2),
                             make_trace("pool-thrash", nops, 3)};
    SimProfile prof;
    char err[256];
    if (sim_profile_parse("cpython-3.11", &prof, err, sizeof err) != 0) return 1;

    printf("%-12s %12s %12s %12s %8s\n", "trace", "operations", "glibc ns/op", "sim ns/op",
           "ratio");
    double worst = 0;
    const char *only = argc > 2 ? argv[2] : NULL;
    for (int k = 0; k < NTRACES; k++) {
        const Trace *t = &traces[k];
        if (only && strcmp(only, t->name)) continue;
        void **gslots = calloc(t->nslots, sizeof *gslots);
        SimAddr *sslots = calloc(t->nslots, sizeof *sslots);
        double best_g = 1e300, best_s = 1e300;
        /* One heap for all runs, as glibc has one: both warm up alike. */
        SimHeap *h = sim_heap_new(&prof, err, sizeof err);
        if (!h) {
            fprintf(stderr, "bench: %s\n", err);
            return 1;
        }
        for (int rep = 0; rep < 5; rep++) {
            double g = run_glibc(t, gslots);
            if (g < best_g) best_g = g;
            double s = run_sim(t, sslots, h);
            if (s < best_s) best_s = s;
        }
        sim_heap_destroy(h);
        double ratio = best_s / best_g;
        if (ratio > worst && k != 3) worst = ratio;
        printf("%-12s %12zu %12.2f %12.2f %8.2f\n", t->name, t->nops, best_g / (double)t->nops,
               best_s / (double)t->nops, ratio);
        free(gslots);
        free(sslots);
        free(t->ops);
        free(t->live_at_end);
    }
    printf("worst ratio simulated/glibc, pool-thrash aside: %.2f (target <= 1.00)\n", worst);
    return 0;
}
