/* heap_support.c -- see heap_support.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"

SimHeap *ts_heap(const char *spec)
{
    SimProfile prof;
    char err[256];
    if (sim_profile_parse(spec, &prof, err, sizeof err) != 0) fail_msg("profile %s: %s", spec, err);
    SimHeap *h = sim_heap_new(&prof, err, sizeof err);
    if (!h) fail_msg("heap: %s", err);
    ts_check(h);
    return h;
}

void ts_check(const SimHeap *h)
{
    char msg[256];
    if (sim_heap_check(h, msg, sizeof msg) != 0) fail_msg("self-check: %s", msg);
}

SimAddr ts_alloc(SimHeap *h, size_t n)
{
    SimAddr a = sim_heap_malloc(h, n);
    if (!a) fail_msg("malloc(%zu) failed", n);
    ts_check(h);
    return a;
}

void ts_free(SimHeap *h, SimAddr a)
{
    if (sim_heap_free(h, a) != 0) fail_msg("free(0x%llx) refused", (unsigned long long)a);
    ts_check(h);
}

SimAddr ts_realloc(SimHeap *h, SimAddr a, size_t n)
{
    SimAddr b = sim_heap_realloc(h, a, n);
    if (!b) fail_msg("realloc(0x%llx, %zu) failed", (unsigned long long)a, n);
    ts_check(h);
    return b;
}

SimBlockInfo ts_where(const SimHeap *h, SimAddr a)
{
    SimBlockInfo bi;
    if (sim_heap_locate(h, a, &bi) != 0) fail_msg("0x%llx is not live", (unsigned long long)a);
    return bi;
}

SimAddr ts_block_addr(const SimProfile *prof, uint32_t a, uint32_t p, uint32_t b, uint32_t size)
{
    uint64_t base = UINT64_C(0x7f0004000000) + (uint64_t)a * prof->arena_size + prof->arena_offset;
    uint64_t first = (base + prof->pool_size - 1) / prof->pool_size * prof->pool_size;
    return first + (uint64_t)p * prof->pool_size + 48 + (uint64_t)b * size;
}

void ts_record(void *ud, const SimEvent *ev)
{
    TsEvents *e = ud;
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 64;
        e->ev = realloc(e->ev, e->cap * sizeof *e->ev);
        assert_non_null(e->ev);
    }
    e->ev[e->n++] = *ev;
}

void ts_events_free(TsEvents *e)
{
    free(e->ev);
    e->ev = NULL;
    e->n = e->cap = 0;
}

long ts_find(const TsEvents *e, size_t from, SimEventKind kind)
{
    for (size_t i = from; i < e->n; i++)
        if (e->ev[i].kind == kind) return (long)i;
    return -1;
}

void ts_text_write(void *ud, const char *text, size_t len)
{
    TsText *b = ud;
    if (b->n + len + 1 > b->cap) {
        b->cap = (b->n + len + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    memcpy(b->s + b->n, text, len);
    b->n += len;
    b->s[b->n] = '\0';
}

char *ts_report(const SimHeap *h)
{
    TsText b = {NULL, 0, 0};
    sim_heap_report(h, ts_text_write, &b);
    return b.s;
}

char *ts_usable(const SimHeap *h)
{
    TsText b = {NULL, 0, 0};
    char tmp[24];
    for (int32_t a = h->usable_arenas; a >= 0; a = h->arenas[a].nextarena) {
        snprintf(tmp, sizeof tmp, "%s%d", b.n ? "," : "", a);
        ts_text_write(&b, tmp, strlen(tmp));
    }
    if (!b.n) ts_text_write(&b, "-", 1);
    return b.s;
}

#include "objects/exc.h"

Sim *ts_sim(const char *spec)
{
    SimProfile prof;
    char err[256];
    if (sim_profile_parse(spec, &prof, err, sizeof err) != 0) fail_msg("profile %s: %s", spec, err);
    Sim *S = sim_new(&prof, err, sizeof err);
    if (!S) fail_msg("sim_new: %s", err);
    ts_obcheck(S);
    return S;
}

void ts_obcheck(Sim *S)
{
    char msg[512];
    if (ob_check(S, msg, sizeof msg) != 0) fail_msg("audit: %s", msg);
}

Obj ts_ok(Sim *S, Obj o)
{
    if (!o) {
        char buf[256];
        fail_msg("failed with an exception: %s", exc_message(S, buf, sizeof buf));
    }
    return o;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * UINT64_C(0x100000001b3);
    return h;
}

uint64_t ts_heap_hash(const Sim *S, int all_state)
{
    const SimHeap *h = S->heap;
    uint64_t x = UINT64_C(0xcbf29ce484222325);
    x = fnv(x, pm_host(h, SIM_STATIC_BASE), h->static_used);
    for (uint32_t i = 0; i < h->maxarenas; i++) {
        const PmArena *ao = &h->arenas[i];
        if (!ao->address) continue;
        SimAddr first = pm_arena_first_pool(h, ao->address);
        x = fnv(x, pm_host(h, first), ao->pool_address - first);
        x = fnv(x, ao, sizeof *ao);
    }
    x = fnv(x, pm_host(h, SIM_RAW_BASE), h->raw.top - SIM_RAW_BASE);
    if (all_state) {
        x = fnv(x, &S->gc, sizeof S->gc); /* host pointers: equal only within one engine */
        x = fnv(x, &S->ev.next_id, sizeof S->ev.next_id);
    } else {
        x = fnv(x, S->gc.gen, sizeof S->gc.gen);
    }
    x = fnv(x, &S->fl, sizeof S->fl);
    x = fnv(x, &S->vm.tick, sizeof S->vm.tick);
    x = fnv(x, &S->exc, sizeof S->exc);
    return x;
}

char *ts_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 65536, n = 0, got;
    char *buf = malloc(cap + 1);
    assert_non_null(buf);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            buf = realloc(buf, (cap *= 2) + 1);
            assert_non_null(buf);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

int ts_each_enabled(const char *oracle_dir, void (*fn)(void *ud, const char *name, const char *src, size_t len),
                    void *ud)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ENABLED", oracle_dir);
    char *list = ts_read_file(path, NULL);
    assert_non_null(list);
    int programs = 0;
    for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
        if (!line[0] || line[0] == '#') continue;
        snprintf(path, sizeof path, "%s/%s", oracle_dir, line);
        size_t n;
        char *src = ts_read_file(path, &n);
        if (!src) fail_msg("cannot read %s", path);
        fn(ud, line, src, n);
        free(src);
        programs++;
    }
    free(list);
    return programs;
}

size_t ts_unescape(const char *s, char *out)
{
    size_t n = 0;
    while (*s) {
        if (*s != '\\') {
            out[n++] = *s++;
            continue;
        }
        s++;
        if (*s == 'n') out[n++] = '\n';
        else if (*s == 'r') out[n++] = '\r';
        else if (*s == 't') out[n++] = '\t';
        else if (*s == '\\') out[n++] = '\\';
        else if (*s == 'x') {
            unsigned v = 0;
            sscanf(s + 1, "%2x", &v);
            out[n++] = (char)v;
            s += 2;
        }
        s++;
    }
    out[n] = 0;
    return n;
}
