/*
 * alloc_demo.c -- `refscope alloc-demo`: a small allocation scenario on the
 * simulated pymalloc heap, narrated step by step, ending with the
 * sys._debugmallocstats() report.  It uses the requests CPython 3.11 makes
 * for real objects (a float asks for 24 bytes, a 5-character str for 54,
 * a list's item array for 8 bytes per slot), so each step reads as what a
 * Python program would do.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dbg/dbg.h"
#include "sim/heap.h"

typedef struct Demo {
    SimHeap *heap;
    FILE *out, *err;
    int check;
    int failed;
} Demo;

static void on_event(void *ud, const SimEvent *ev)
{
    Demo *d = ud;
    char line[192];
    sim_event_format(ev, line, sizeof line);
    fprintf(d->out, "    [%" PRIu64 "] %s\n", ev->id, line);
}

static void write_out(void *ud, const char *text, size_t len)
{
    fwrite(text, 1, len, ((Demo *)ud)->out);
}

static void verify(Demo *d, const char *what)
{
    char msg[256];
    if (d->check && !d->failed && sim_heap_check(d->heap, msg, sizeof msg) != 0) {
        fprintf(d->err, "refscope: heap self-check failed after %s: %s\n", what, msg);
        d->failed = 1;
    }
}

static SimAddr alloc(Demo *d, size_t n)
{
    SimAddr a = sim_heap_malloc(d->heap, n);
    if (!a && !d->failed) {
        fprintf(d->err, "refscope: the simulated heap is full (MemoryError)\n");
        d->failed = 1;
    }
    verify(d, "malloc");
    return a;
}

static void release(Demo *d, SimAddr a)
{
    sim_heap_free(d->heap, a);
    verify(d, "free");
}

static void where(Demo *d, SimAddr a, char *buf, size_t cap)
{
    SimBlockInfo bi;
    if (sim_heap_locate(d->heap, a, &bi) != 0)
        snprintf(buf, cap, "0x%012" PRIx64, a);
    else if (bi.small)
        snprintf(buf, cap, "0x%012" PRIx64 " (class %u, arena %u, pool %u, block %u)", a,
                 bi.szclass, bi.arena, bi.pool, bi.block);
    else
        snprintf(buf, cap, "0x%012" PRIx64 " (raw malloc, %u-byte chunk)", a, bi.size);
}

static void step_floats(Demo *d, SimAddr *floats, int n)
{
    char w[128];
    fprintf(d->out, "\n1. %d floats: each asks for 24 bytes and gets a 32-byte block "
                    "(class 1).\n", n);
    for (int i = 0; i < n; i++) floats[i] = alloc(d, 24);
    where(d, floats[0], w, sizeof w);
    fprintf(d->out, "   first  %s\n", w);
    where(d, floats[n - 1], w, sizeof w);
    fprintf(d->out, "   last   %s\n", w);
}

static void step_lifo(Demo *d, SimAddr *floats)
{
    char w[128];
    fprintf(d->out, "\n2. Free blocks are reused last-in, first-out: free float 5, then "
                    "float 3, then allocate two floats.\n");
    SimAddr b5 = floats[5], b3 = floats[3];
    release(d, b5);
    release(d, b3);
    floats[3] = alloc(d, 24);
    floats[5] = alloc(d, 24);
    where(d, floats[3], w, sizeof w);
    fprintf(d->out, "   first  %s%s\n", w, floats[3] == b3 ? "  = float 3's old block" : "");
    where(d, floats[5], w, sizeof w);
    fprintf(d->out, "   second %s%s\n", w, floats[5] == b5 ? "  = float 5's old block" : "");
}

static void step_strings(Demo *d, SimAddr *strs, int n)
{
    char w[128];
    fprintf(d->out, "\n3. %d ASCII strings of 1 to 100 characters: a str of length L asks "
                    "for 49+L bytes, so they spread over several classes.\n", n);
    for (int i = 0; i < n; i++) strs[i] = alloc(d, 49 + (size_t)(i % 100) + 1);
    where(d, strs[n - 1], w, sizeof w);
    fprintf(d->out, "   the last (100 characters, 149 bytes) %s\n", w);
}

static SimAddr step_list(Demo *d)
{
    /* list.append's capacities 4, 8, 16, 24, 32, 40, 52, 64, 76, ... */
    fprintf(d->out, "\n4. A list appends 100 items: its item array is reallocated at each "
                    "growth; a block stays put only while the new size is at most its "
                    "class and more than 3/4 of it.\n");
    SimAddr items = 0;
    size_t allocated = 0;
    for (size_t size = 1; size <= 100 && !d->failed; size++) {
        if (size <= allocated) continue;
        size_t cap = (size + (size >> 3) + 6) & ~(size_t)3;
        SimAddr moved = sim_heap_realloc(d->heap, items, cap * 8);
        verify(d, "realloc");
        char w[128];
        where(d, moved, w, sizeof w);
        fprintf(d->out, "   capacity %3zu -> %4zu bytes %s %s\n", cap, cap * 8,
                moved == items ? "stays at" : "moves to", w);
        items = moved;
        allocated = cap;
    }
    return items;
}

static void step_second_arena(Demo *d, SimAddr *dicts, int n)
{
    SimHeapStats st;
    fprintf(d->out, "\n5. %d empty dicts (64 bytes each): the first arena runs out of "
                    "pools and a second arena is mapped.\n", n);
    for (int i = 0; i < n && !d->failed; i++) dicts[i] = alloc(d, 64);
    sim_heap_stats(d->heap, &st);
    fprintf(d->out, "   arenas now %" PRIu64 ", blocks in use %" PRIu64 "\n",
            st.arenas_current, st.blocks_in_use);
    for (int i = 0; i < n; i++) release(d, dicts[i]);
    sim_heap_stats(d->heap, &st);
    fprintf(d->out, "   after freeing them all: arenas %" PRIu64 " (%s), arenas ever "
                    "allocated %" PRIu64 "\n", st.arenas_current,
            sim_heap_profile(d->heap)->keep_last_arena
                ? "3.9+ keeps the last wholly free arena"
                : "classic releases a wholly free arena at once",
            st.arenas_allocated_total);
}

int dbg_alloc_demo(const DbgDemoOptions *opt, FILE *out, FILE *err)
{
    SimProfile prof;
    char msg[256];
    if (sim_profile_parse(opt->profile, &prof, msg, sizeof msg) != 0) {
        fprintf(err, "refscope: invalid profile: %s\n", msg);
        return 1;
    }
    Demo d = {sim_heap_new(&prof, msg, sizeof msg), out, err, opt->check, 0};
    if (!d.heap) {
        fprintf(err, "refscope: %s\n", msg);
        return 1;
    }
    if (opt->trace) sim_heap_set_event_sink(d.heap, on_event, &d, SIM_EVCAT_ALL);

    fprintf(out, "refscope alloc-demo, profile %s: %u-byte arenas of %u usable pools, "
                 "%u-byte pools, %u size classes of %u bytes.\n",
            prof.name, prof.arena_size, sim_profile_pools_per_arena(&prof), prof.pool_size,
            sim_profile_nclasses(&prof), prof.alignment);

    enum { NFLOATS = 1000, NSTRS = 300, NDICTS = 16000 };
    SimAddr *floats = calloc(NFLOATS, sizeof *floats);
    SimAddr *strs = calloc(NSTRS, sizeof *strs);
    SimAddr *dicts = calloc(NDICTS, sizeof *dicts);
    if (!floats || !strs || !dicts) {
        fprintf(err, "refscope: out of memory\n");
        d.failed = 1;
    }
    if (!d.failed) step_floats(&d, floats, NFLOATS);
    if (!d.failed) step_lifo(&d, floats);
    if (!d.failed) step_strings(&d, strs, NSTRS);
    SimAddr items = d.failed ? 0 : step_list(&d);
    if (!d.failed) step_second_arena(&d, dicts, NDICTS);
    if (!d.failed) {
        fprintf(out, "\nsys._debugmallocstats() for the simulated heap:\n\n");
        sim_heap_report(d.heap, write_out, &d);
    }
    (void)items;
    free(floats);
    free(strs);
    free(dicts);
    sim_heap_destroy(d.heap);
    return d.failed;
}
