/*
 * eventlog.c -- the binary event log: every SimEvent in a few bytes.
 *
 * A record is a 16-bit little-endian head -- the kind in bits 0-5 (63 is
 * the end mark), then one bit per field that changed -- and, for each
 * changed field in order, the zigzag LEB128 varint of its difference from
 * the previous value.  The previous values are kept per kind, so that an
 * INSTR is compared with the previous INSTR (same frame, the next tick,
 * a nearby offset) and an INCREF with the previous INCREF; ids and ticks
 * are compared across all kinds (an id is expected to be the previous
 * one plus one).  A field still at its blank value costs nothing, and a
 * typical event takes 5 to 8 bytes instead of its 64.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/eventlog.h"

#define EVLOG_MAGIC "refscope events\n"
#define EVLOG_MAGIC_LEN 16
#define EVLOG_VERSION 1
#define EVLOG_END 63         /* the kind of the end mark */
#define EVLOG_FIELDS 10
#define EVLOG_MAX_RECORD (2 + EVLOG_FIELDS * 10)
#define EVLOG_BUF (1u << 20)

_Static_assert(SIM_EV_KIND_COUNT < EVLOG_END, "six bits of kind, 63 reserved");

/* The fields a record may carry, in the order they follow the head. */
enum { F_ID, F_TICK, F_ADDR, F_OBJ, F_A, F_B, F_U0, F_U1, F_U2, F_CLASS };

/* What a kind's fields were last time (the blank record at first). */
typedef struct Prev {
    uint64_t v[EVLOG_FIELDS];
} Prev;

static void prev_blank(Prev *p)
{
    memset(p, 0, sizeof *p);
    p->v[F_U0] = p->v[F_U1] = p->v[F_U2] = SIM_NONE;
    p->v[F_CLASS] = 0xffff;
}

static uint64_t zigzag(uint64_t d) { return d << 1 ^ (uint64_t)((int64_t)d >> 63); }
static uint64_t unzigzag(uint64_t z) { return z >> 1 ^ (uint64_t)-(int64_t)(z & 1); }

/* ---- writing ---- */

struct SimEventLog {
    SimWriteFn out;
    void *ud;
    uint64_t id, tick;         /* the previous event's */
    Prev prev[EVLOG_END];      /* by kind */
    size_t len;
    uint8_t buf[EVLOG_BUF];
};

static void log_flush(SimEventLog *L)
{
    if (L->len) L->out(L->ud, (const char *)L->buf, L->len);
    L->len = 0;
}

SimEventLog *sim_eventlog_new(SimWriteFn out, void *ud)
{
    SimEventLog *L = malloc(sizeof *L);
    if (!L) return NULL;
    L->out = out;
    L->ud = ud;
    L->id = L->tick = 0;
    for (int k = 0; k < EVLOG_END; k++) prev_blank(&L->prev[k]);
    memcpy(L->buf, EVLOG_MAGIC, EVLOG_MAGIC_LEN);
    L->buf[EVLOG_MAGIC_LEN] = EVLOG_VERSION;
    L->buf[EVLOG_MAGIC_LEN + 1] = SIM_EV_KIND_COUNT;
    L->len = EVLOG_MAGIC_LEN + 2;
    log_flush(L);
    return L;
}

static inline uint8_t *put_var(uint8_t *p, uint64_t z)
{
    while (z >= 0x80) {
        *p++ = (uint8_t)(z | 0x80);
        z >>= 7;
    }
    *p++ = (uint8_t)z;
    return p;
}

void sim_eventlog_event(void *log, const SimEvent *ev)
{
    SimEventLog *L = log;
    if (EVLOG_BUF - L->len < EVLOG_MAX_RECORD) log_flush(L);
    /* an unknown kind cannot be recorded faithfully: the engine emits none */
    if (ev->kind >= SIM_EV_KIND_COUNT) abort();
    uint8_t *head = L->buf + L->len, *p = head + 2;
    unsigned mask = 0;
    uint64_t d = ev->id - (L->id + 1);
    L->id = ev->id;
    if (d) {
        mask |= 1u << F_ID;
        p = put_var(p, zigzag(d));
    }
    d = ev->tick - L->tick;
    L->tick = ev->tick;
    if (d) {
        mask |= 1u << F_TICK;
        p = put_var(p, zigzag(d));
    }
    uint64_t *pv = L->prev[ev->kind].v;
#define FIELD(f, value)                                                    \
    do {                                                                   \
        uint64_t v_ = (value);                                             \
        if (v_ != pv[f]) {                                                 \
            mask |= 1u << (f);                                             \
            p = put_var(p, zigzag(v_ - pv[f]));                            \
            pv[f] = v_;                                                    \
        }                                                                  \
    } while (0)
    FIELD(F_ADDR, ev->addr);
    FIELD(F_OBJ, ev->obj);
    FIELD(F_A, (uint64_t)ev->a);
    FIELD(F_B, (uint64_t)ev->b);
    FIELD(F_U0, ev->arena);
    FIELD(F_U1, ev->pool);
    FIELD(F_U2, ev->block);
    FIELD(F_CLASS, ev->szclass);
#undef FIELD
    unsigned h = ev->kind | mask << 6;
    head[0] = (uint8_t)h;
    head[1] = (uint8_t)(h >> 8);
    L->len = (size_t)(p - L->buf);
}

void sim_eventlog_finish(SimEventLog *L)
{
    if (!L) return;
    L->buf[L->len++] = EVLOG_END;
    L->buf[L->len++] = 0;
    log_flush(L);
    free(L);
}

/* ---- reading ---- */

struct SimEventReader {
    SimReadFn in;
    void *ud;
    int state;                 /* 0 before the header, 1 reading, 2 at the end, -1 failed */
    uint64_t id, tick, count;  /* count: events read */
    Prev prev[EVLOG_END];
    size_t pos, len;
    uint8_t buf[EVLOG_BUF];
};

SimEventReader *sim_eventreader_new(SimReadFn in, void *ud)
{
    SimEventReader *r = malloc(sizeof *r);
    if (!r) return NULL;
    r->in = in;
    r->ud = ud;
    r->state = 0;
    r->id = r->tick = r->count = 0;
    for (int k = 0; k < EVLOG_END; k++) prev_blank(&r->prev[k]);
    r->pos = r->len = 0;
    return r;
}

void sim_eventreader_free(SimEventReader *r) { free(r); }

/* At least `need` bytes buffered (fewer only at the end of the input). */
static size_t have(SimEventReader *r, size_t need)
{
    if (r->len - r->pos >= need) return r->len - r->pos;
    memmove(r->buf, r->buf + r->pos, r->len - r->pos);
    r->len -= r->pos;
    r->pos = 0;
    while (r->len < need) {
        size_t n = r->in(r->ud, (char *)r->buf + r->len, EVLOG_BUF - r->len);
        if (n == 0) break;
        r->len += n;
    }
    return r->len;
}

static int fail(SimEventReader *r, char *err, size_t errcap, const char *what)
{
    snprintf(err, errcap, "%s after event %llu", what, (unsigned long long)r->count);
    r->state = -1;
    return -1;
}

/* One varint from the buffer (have() made sure a whole record is there
 * unless the input ended); 0 when it is cut short or too long. */
static int get_var(SimEventReader *r, uint64_t *z)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 70; shift += 7) {
        if (r->pos >= r->len) return 0;
        uint8_t b = r->buf[r->pos++];
        if (shift == 63 && b > 1) return 0;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *z = v;
            return 1;
        }
    }
    return 0;
}

static int read_header(SimEventReader *r, char *err, size_t errcap)
{
    if (have(r, EVLOG_MAGIC_LEN + 2) < EVLOG_MAGIC_LEN + 2 || memcmp(r->buf, EVLOG_MAGIC, EVLOG_MAGIC_LEN)) {
        snprintf(err, errcap, "not a refscope event log");
        r->state = -1;
        return -1;
    }
    unsigned version = r->buf[EVLOG_MAGIC_LEN], kinds = r->buf[EVLOG_MAGIC_LEN + 1];
    if (version != EVLOG_VERSION) {
        snprintf(err, errcap, "event log format version %u; this refscope reads version %d", version,
                 EVLOG_VERSION);
        r->state = -1;
        return -1;
    }
    if (kinds != SIM_EV_KIND_COUNT) {
        snprintf(err, errcap, "recorded by a refscope with %u event kinds; this one has %d", kinds,
                 SIM_EV_KIND_COUNT);
        r->state = -1;
        return -1;
    }
    r->pos = EVLOG_MAGIC_LEN + 2;
    r->state = 1;
    return 0;
}

int sim_eventreader_next(SimEventReader *r, SimEvent *ev, char *err, size_t errcap)
{
    if (r->state == 0 && read_header(r, err, errcap) < 0) return -1;
    if (r->state == 2) return 0;
    if (r->state < 0) {
        snprintf(err, errcap, "the log could not be read");
        return -1;
    }
    size_t n = have(r, EVLOG_MAX_RECORD);
    if (n == 0) return fail(r, err, errcap, "the log is cut short (no end mark)");
    if (n == 1) return fail(r, err, errcap, "the log is cut short (in a record)");
    unsigned h = r->buf[r->pos] | (unsigned)r->buf[r->pos + 1] << 8;
    r->pos += 2;
    unsigned kind = h & 63, mask = h >> 6;
    if (kind == EVLOG_END) {
        if (mask) return fail(r, err, errcap, "a malformed end mark");
        if (have(r, 1) > 0) return fail(r, err, errcap, "data after the end mark");
        r->state = 2;
        return 0;
    }
    if (kind >= SIM_EV_KIND_COUNT) return fail(r, err, errcap, "a record of an unknown kind");
    uint64_t z[EVLOG_FIELDS] = {0};
    for (int f = 0; f < EVLOG_FIELDS; f++)
        if (mask >> f & 1 && !get_var(r, &z[f]))
            return fail(r, err, errcap, r->pos >= r->len ? "the log is cut short (in a record)" : "a malformed record");
    uint64_t v[EVLOG_FIELDS], *pv = r->prev[kind].v;
    v[F_ID] = r->id + 1 + unzigzag(z[F_ID]);
    v[F_TICK] = r->tick + unzigzag(z[F_TICK]);
    for (int f = F_ADDR; f < EVLOG_FIELDS; f++) v[f] = pv[f] + unzigzag(z[f]);
    if (v[F_U0] > UINT32_MAX || v[F_U1] > UINT32_MAX || v[F_U2] > UINT32_MAX || v[F_CLASS] > UINT16_MAX)
        return fail(r, err, errcap, "a record with a field out of range");
    memcpy(pv + F_ADDR, v + F_ADDR, sizeof(uint64_t) * (EVLOG_FIELDS - F_ADDR));
    r->id = v[F_ID];
    r->tick = v[F_TICK];
    r->count++;
    memset(ev, 0, sizeof *ev);
    ev->id = v[F_ID];
    ev->tick = v[F_TICK];
    ev->addr = v[F_ADDR];
    ev->obj = v[F_OBJ];
    ev->a = (int64_t)v[F_A];
    ev->b = (int64_t)v[F_B];
    ev->arena = (uint32_t)v[F_U0];
    ev->pool = (uint32_t)v[F_U1];
    ev->block = (uint32_t)v[F_U2];
    ev->szclass = (uint16_t)v[F_CLASS];
    ev->kind = (uint16_t)kind;
    return 1;
}
