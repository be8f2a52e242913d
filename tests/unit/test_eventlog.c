/*
 * test_eventlog.c -- the binary event log (sim/eventlog.h): a run's
 * events read back field for field, extreme values, and every way a log
 * can be damaged -- cut short at each byte, a flipped byte, a wrong
 * header, data after the end -- reported, never read past.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/engine.h"
#include "sim/eventlog.h"

/* ---- bytes in memory, as the log's writer and reader see them ---- */

typedef struct Bytes {
    char *p;
    size_t len, cap, pos; /* pos: where the reader is */
    size_t chunk;         /* the reader gets at most this much per call (0: all) */
} Bytes;

static void bytes_put(void *ud, const char *text, size_t len)
{
    Bytes *b = ud;
    if (b->len + len > b->cap) {
        b->cap = (b->len + len) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->len, text, len);
    b->len += len;
}

static size_t bytes_get(void *ud, char *buf, size_t cap)
{
    Bytes *b = ud;
    size_t n = b->len - b->pos;
    if (n > cap) n = cap;
    if (b->chunk && n > b->chunk) n = b->chunk;
    if (n) memcpy(buf, b->p + b->pos, n); /* b->p is NULL while empty */
    b->pos += n;
    return n;
}

/* ---- events kept as delivered, and written to a log at once ---- */

typedef struct Tee {
    SimEvent *ev;
    size_t n, cap;
    SimEventLog *log;
} Tee;

static void tee_event(void *ud, const SimEvent *ev)
{
    Tee *t = ud;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 4096;
        t->ev = realloc(t->ev, t->cap * sizeof *t->ev);
        assert_non_null(t->ev);
    }
    t->ev[t->n++] = *ev;
    sim_eventlog_event(t->log, ev);
}

static void discard(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

/* Every field of two records; a union's other view is the same bits. */
static void assert_same_event(const SimEvent *x, const SimEvent *y)
{
    assert_int_equal(x->id, y->id);
    assert_int_equal(x->tick, y->tick);
    assert_int_equal(x->addr, y->addr);
    assert_int_equal(x->obj, y->obj);
    assert_int_equal(x->a, y->a);
    assert_int_equal(x->b, y->b);
    assert_int_equal(x->arena, y->arena);
    assert_int_equal(x->pool, y->pool);
    assert_int_equal(x->block, y->block);
    assert_int_equal(x->kind, y->kind);
    assert_int_equal(x->szclass, y->szclass);
}

/* Reads all of log back; returns how many events, or -1 (message in why). */
static long read_all(Bytes *log, const SimEvent *want, size_t nwant, char *why, size_t whycap)
{
    log->pos = 0;
    SimEventReader *r = sim_eventreader_new(bytes_get, log);
    assert_non_null(r);
    SimEvent ev;
    long n = 0;
    int k;
    while ((k = sim_eventreader_next(r, &ev, why, whycap)) > 0) {
        if (want) {
            assert_true((size_t)n < nwant);
            assert_same_event(&ev, &want[n]);
        }
        n++;
    }
    /* the end, or the failure, is sticky */
    char why2[160];
    int again = sim_eventreader_next(r, &ev, why2, sizeof why2);
    assert_int_equal(again, k);
    sim_eventreader_free(r);
    return k < 0 ? -1 : n;
}

/* A program touching every category: allocation, free lists, frames,
 * exceptions, __del__, weakref callbacks, generators, the collector. */
static const char program[] =
    "import gc, weakref\n"
    "class Node:\n"
    "    def __init__(self, name):\n"
    "        self.name = name\n"
    "        self.peer = None\n"
    "    def __del__(self):\n"
    "        print('freed', self.name)\n"
    "def gen(n):\n"
    "    for i in range(n):\n"
    "        yield [i] * i\n"
    "a = Node('a'); b = Node('b'); a.peer = b; b.peer = a\n"
    "r = weakref.ref(a, lambda w: print('callback'))\n"
    "del a, b\n"
    "print(gc.collect())\n"
    "try:\n"
    "    {}['missing']\n"
    "except KeyError as e:\n"
    "    print(repr(e))\n"
    "print(sum(len(x) for x in gen(50)), 1.5 * 2, 'x' * 600)\n";

/* A second arena, and its release, for the arena events. */
static const char arenas[] = "keep = [[i] for i in range(30000)]\ndel keep\n";

static Tee record_program(Bytes *log, const char *src)
{
    Tee t = {0};
    t.log = sim_eventlog_new(bytes_put, log);
    assert_non_null(t.log);
    SimEngine *e = sim_engine_new(NULL, NULL, 0);
    assert_non_null(e);
    sim_engine_set_output(e, discard, NULL, discard, NULL);
    sim_engine_set_event_sink(e, tee_event, &t, SIM_EVCAT_ALL);
    assert_int_equal(sim_engine_load(e, src, strlen(src), "prog.py"), 0);
    sim_engine_run(e);
    assert_int_equal(sim_engine_finalize(e), 0);
    sim_engine_free(e);
    sim_eventlog_finish(t.log);
    return t;
}

static void test_run_read_back(void **state)
{
    (void)state;
    Bytes log = {0};
    char *src = malloc(sizeof program + sizeof arenas);
    assert_non_null(src);
    strcpy(src, program);
    strcat(src, arenas);
    Tee t = record_program(&log, src);
    free(src);
    assert_true(t.n > 10000);
    /* every category took part */
    uint32_t cats = 0;
    for (size_t i = 0; i < t.n; i++) cats |= sim_event_kind_category(t.ev[i].kind);
    assert_int_equal(cats, SIM_EVCAT_BLOCK | SIM_EVCAT_POOL | SIM_EVCAT_ARENA | SIM_EVCAT_RAW | SIM_EVCAT_REFCOUNT |
                               SIM_EVCAT_OBJECT | SIM_EVCAT_FREELIST | SIM_EVCAT_VM | SIM_EVCAT_STACK | SIM_EVCAT_GC);
    /* compact: far below the records' 64 bytes */
    assert_true(log.len < t.n * 16);
    char why[160];
    assert_int_equal(read_all(&log, t.ev, t.n, why, sizeof why), (long)t.n);
    /* the reader's input may come a byte at a time */
    log.chunk = 1;
    assert_int_equal(read_all(&log, t.ev, t.n, why, sizeof why), (long)t.n);
    free(t.ev);
    free(log.p);
}

/* Values a delta or a zigzag could get wrong: both ends of every field,
 * ids that jump, ticks that go back, kinds in any order. */
static void test_extreme_values(void **state)
{
    (void)state;
    static const uint64_t u64[] = {0, 1, 2, 0x7f, 0x80, 0x3fff, 0x4000, 0x7fffffffffffffffu, 0x8000000000000000u,
                                   0xffffffffffffffffu, 0x7f0404001860u, 0x123456789abcdefu};
    static const uint32_t u32[] = {0, 1, 0x7f, 0x80, 0xffff, 0x10000, 0x7fffffffu, 0xfffffffeu, SIM_NONE};
    enum { N = 3000 };
    SimEvent *ev = calloc(N, sizeof *ev);
    assert_non_null(ev);
    uint64_t id = 5, seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        unsigned r = (unsigned)(seed >> 33);
        id += r % 7 == 0 ? (uint64_t)(r % 1000) : 1; /* sinks attached late skip ids */
        ev[i].id = i % 500 == 499 ? u64[r % 12] : id;
        ev[i].tick = u64[(r >> 3) % 12];
        ev[i].addr = u64[(r >> 5) % 12];
        ev[i].obj = u64[(r >> 9) % 12];
        ev[i].a = (int64_t)u64[(r >> 13) % 12];
        ev[i].b = (int64_t)u64[(r >> 17) % 12];
        ev[i].arena = u32[(r >> 4) % 9];
        ev[i].pool = u32[(r >> 8) % 9];
        ev[i].block = u32[(r >> 12) % 9];
        ev[i].kind = (uint16_t)(r % SIM_EV_KIND_COUNT);
        ev[i].szclass = (uint16_t)(r & 1 ? 0xffff : r >> 20);
    }
    Bytes log = {0};
    SimEventLog *w = sim_eventlog_new(bytes_put, &log);
    assert_non_null(w);
    for (int i = 0; i < N; i++) sim_eventlog_event(w, &ev[i]);
    sim_eventlog_finish(w);
    char why[160];
    assert_int_equal(read_all(&log, ev, N, why, sizeof why), N);
    free(ev);
    free(log.p);
}

static void test_empty_log(void **state)
{
    (void)state;
    Bytes log = {0};
    sim_eventlog_finish(sim_eventlog_new(bytes_put, &log));
    assert_int_equal(log.len, 20); /* header and end mark */
    char why[160];
    assert_int_equal(read_all(&log, NULL, 0, why, sizeof why), 0);
    free(log.p);
}

static void expect_failure(Bytes *log, const char *reason)
{
    char why[160] = "";
    assert_int_equal(read_all(log, NULL, 0, why, sizeof why), -1);
    if (!strstr(why, reason)) fail_msg("expected '%s', got '%s'", reason, why);
}

static void test_bad_headers(void **state)
{
    (void)state;
    Bytes log = {0};
    expect_failure(&log, "not a refscope event log"); /* empty */
    bytes_put(&log, "#!/usr/bin/env python3\nprint(1)\n", 32);
    expect_failure(&log, "not a refscope event log");
    log.len = 0;
    sim_eventlog_finish(sim_eventlog_new(bytes_put, &log));
    log.p[16] = 9;
    expect_failure(&log, "format version 9");
    log.p[16] = 1;
    log.p[17] = (char)(SIM_EV_KIND_COUNT + 1);
    expect_failure(&log, "event kinds");
    free(log.p);
}

/* Cut short anywhere, a log says so; with garbage after the end mark too. */
static void test_damaged_logs(void **state)
{
    (void)state;
    Bytes log = {0};
    Tee t = record_program(&log, program);
    size_t full = log.len;
    char why[160];
    /* every cut in the first few hundred bytes, then 50 of the rest */
    for (size_t cut = 18; cut < full; cut += cut < 600 ? 1 : full / 50) {
        log.len = cut;
        why[0] = '\0';
        assert_int_equal(read_all(&log, NULL, 0, why, sizeof why), -1);
        if (!strstr(why, "the log is cut short (")) fail_msg("cut at %zu: '%s'", cut, why);
    }
    log.len = full;
    bytes_put(&log, "x", 1);
    expect_failure(&log, "data after the end mark");
    /* flipped bytes: the reader reports or reads something, never crashes */
    log.len = full;
    uint64_t seed = 99;
    for (int i = 0; i < 100; i++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        size_t at = 18 + (size_t)(seed >> 33) % (full - 18);
        char old = log.p[at];
        log.p[at] = (char)(old ^ (char)(1 + (seed >> 20) % 255));
        (void)read_all(&log, NULL, 0, why, sizeof why);
        log.p[at] = old;
    }
    assert_int_equal(read_all(&log, t.ev, t.n, why, sizeof why), (long)t.n);
    free(t.ev);
    free(log.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_read_back),  cmocka_unit_test(test_extreme_values),
        cmocka_unit_test(test_empty_log),      cmocka_unit_test(test_bad_headers),
        cmocka_unit_test(test_damaged_logs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
