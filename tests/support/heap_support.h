/*
 * heap_support.h -- helpers for the simulated-heap tests.  Every helper
 * that changes the heap runs the full self-check afterwards and fails the
 * test at once if an invariant broke.
 */
#ifndef TESTS_HEAP_SUPPORT_H
#define TESTS_HEAP_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alloc/pymalloc.h"

/* A heap for `spec` (asserts that the profile is valid). */
SimHeap *ts_heap(const char *spec);

/* Fails the test with the self-check's message if an invariant is broken. */
void ts_check(const SimHeap *h);

SimAddr ts_alloc(SimHeap *h, size_t n);            /* asserts success */
void ts_free(SimHeap *h, SimAddr a);               /* asserts success */
SimAddr ts_realloc(SimHeap *h, SimAddr a, size_t n);

/* Where a live allocation is (asserts it is live). */
SimBlockInfo ts_where(const SimHeap *h, SimAddr a);

/* The address CPython 3.11's layout gives block `b` of pool `p` of arena
 * slot `a`, for class size `size`, computed from the profile alone. */
SimAddr ts_block_addr(const SimProfile *prof, uint32_t a, uint32_t p, uint32_t b,
                      uint32_t size);

/* Records every event delivered to it. */
typedef struct TsEvents {
    SimEvent *ev;
    size_t n, cap;
} TsEvents;
void ts_record(void *ud, const SimEvent *ev);
void ts_events_free(TsEvents *e);
/* Index of the first event of `kind` at or after `from`, or -1. */
long ts_find(const TsEvents *e, size_t from, SimEventKind kind);

/* A growing NUL-terminated text, filled by ts_text_write (a SimWriteFn
 * shape: ud is the TsText); s is malloc'd, the caller frees it. */
typedef struct TsText {
    char *s;
    size_t n, cap;
} TsText;
void ts_text_write(void *ud, const char *text, size_t len);

/* The heap's report as one malloc'd string. */
char *ts_report(const SimHeap *h);

/* usable_arenas as slot indices "0,2,1" ("-" when empty), malloc'd. */
char *ts_usable(const SimHeap *h);

/* The whole file, NUL-terminated (a new malloc'd buffer), its length in
 * *len when len is not NULL; NULL if it cannot be opened. */
char *ts_read_file(const char *path, size_t *len);

/* Calls fn(ud, name, source, length) for every program of ORACLE_DIR/ENABLED
 * (a name a line; blank lines and '#' lines skipped), in order; fails the
 * test when the list or a program cannot be read.  Returns how many. */
int ts_each_enabled(const char *oracle_dir, void (*fn)(void *ud, const char *name, const char *src, size_t len),
                    void *ud);

/* Undoes the generators' escapes (\\ \n \r \t \xNN) of `s` into `out`
 * (as large as `s`), NUL-terminated; returns the length. */
size_t ts_unescape(const char *s, char *out);

/* ---- the object layer ---- */
#include "objects/object.h"

/* An interpreter on a fresh heap (asserts success). */
Sim *ts_sim(const char *spec);
/* Fails the test with the audit's message if any invariant is broken. */
void ts_obcheck(Sim *S);
/* Fails with the pending exception's message if `o` is 0. */
Obj ts_ok(Sim *S, Obj o);

/* A hash of every byte of simulated memory in use and the interpreter's
 * counters (free lists, generations, tick, pending exception).  With
 * all_state, also the collector's whole struct (host pointers included)
 * and the next event id: equal for one engine over time, or for engines
 * run alike; without, what a quiet and a watched run must share. */
uint64_t ts_heap_hash(const Sim *S, int all_state);

#endif /* TESTS_HEAP_SUPPORT_H */
