/*
 * trace_cmd.c -- `refscope trace FILE.py [--jsonl]`: every event of the
 * run, one line each, grouped under the instruction that caused it.
 * The format is documented in docs/trace-format.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dbg/dbg.h"
#include "sim/engine.h"
#include "source.h"

typedef struct Tracer {
    FILE *out;
    int jsonl;
    char *buf;          /* output gathered here, written in large pieces */
    size_t len, cap;
    unsigned internal;  /* the holder kind named "internal" */
} Tracer;

static void flush_out(Tracer *t)
{
    fwrite(t->buf, 1, t->len, t->out);
    t->len = 0;
}

/* Room for one line (a line is far shorter than this). */
static char *room(Tracer *t)
{
    if (t->cap - t->len < 1024) flush_out(t);
    return t->buf + t->len;
}

static char *put_str(char *p, const char *s)
{
    size_t n = strlen(s);
    memcpy(p, s, n);
    return p + n;
}

static char *put_u(char *p, uint64_t v)
{
    /* two digits per division */
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    char tmp[24];
    int n = 24;
    while (v >= 100) {
        unsigned r = (unsigned)(v % 100);
        v /= 100;
        tmp[--n] = pairs[2 * r + 1];
        tmp[--n] = pairs[2 * r];
    }
    if (v >= 10) {
        tmp[--n] = pairs[2 * v + 1];
        tmp[--n] = pairs[2 * v];
    } else {
        tmp[--n] = (char)('0' + v);
    }
    memcpy(p, tmp + n, (size_t)(24 - n));
    return p + (24 - n);
}

static char *put_i(char *p, int64_t v)
{
    if (v < 0) {
        *p++ = '-';
        return put_u(p, (uint64_t)0 - (uint64_t)v);
    }
    return put_u(p, (uint64_t)v);
}

/* 0x and at least 12 hex digits, as sim_event_format's %012x */
static char *put_hex(char *p, uint64_t v)
{
    int digits = 12;
    while (digits < 16 && (v >> (4 * digits)) != 0) digits++;
    *p++ = '0';
    *p++ = 'x';
    for (int i = digits - 1; i >= 0; i--) *p++ = "0123456789abcdef"[(v >> (4 * i)) & 15];
    return p;
}

/* The kind name padded to 12 columns ("%-12s"). */
static char *put_kind(char *p, unsigned kind)
{
    const char *name = sim_event_kind_name(kind);
    char *start = p;
    p = put_str(p, name);
    while (p - start < 12) *p++ = ' ';
    return p;
}

/* sim_event_format's text, written without printf for the frequent kinds. */
static void text_event(Tracer *t, const SimEvent *ev)
{
    char *p = room(t), *start = p;
    uint32_t cat = sim_event_kind_category(ev->kind);
    if (ev->kind == SIM_EV_INSTR) {
        int op = (int)(ev->b & 0xff);
        p = put_str(p, "tick ");
        p = put_u(p, ev->tick);
        p = put_str(p, "  line ");
        p = put_u(p, ev->index);
        p = put_str(p, "  offset ");
        p = put_i(p, ev->a);
        *p++ = ' ';
        *p++ = ' ';
        p = put_str(p, sim_opcode_name(op));
        if (op >= 90) {
            *p++ = ' ';
            p = put_i(p, ev->b >> 8);
        }
    } else if (cat == SIM_EVCAT_REFCOUNT) {
        p = put_str(p, "    ");
        p = put_kind(p, ev->kind);
        p = put_hex(p, ev->obj);
        p = put_str(p, " refcnt ");
        p = put_i(p, ev->a);
        p = put_str(p, " by ");
        p = put_str(p, sim_holder_kind_name(ev->holder));
        if (ev->holder == t->internal) {
            p = put_str(p, " (");
            p = put_str(p, sim_holder_reason_name(ev->reason));
            *p++ = ')';
        }
        if (ev->addr) {
            p = put_str(p, " of ");
            p = put_hex(p, ev->addr);
        }
        if (ev->b) {
            p = put_str(p, " key ");
            p = put_hex(p, (uint64_t)ev->b);
        } else if (ev->addr) {
            p = put_str(p, " [");
            p = put_u(p, ev->index);
            *p++ = ']';
        }
    } else if (ev->kind == SIM_EV_PUSH || ev->kind == SIM_EV_POP || ev->kind == SIM_EV_BLOCK_FREE ||
               ev->kind == SIM_EV_OBJ_NEW || ev->kind == SIM_EV_OBJ_DEALLOC || ev->kind == SIM_EV_BLOCK_ALLOC) {
        p = put_str(p, "    ");
        p = put_kind(p, ev->kind);
        if (ev->szclass != 0xffff) {
            p = put_str(p, " class ");
            p = put_u(p, ev->szclass);
        }
        if (ev->arena != SIM_NONE) {
            p = put_str(p, " arena ");
            p = put_u(p, ev->arena);
        }
        if (ev->pool != SIM_NONE) {
            p = put_str(p, " pool ");
            p = put_u(p, ev->pool);
        }
        if (ev->block != SIM_NONE) {
            p = put_str(p, " block ");
            p = put_u(p, ev->block);
        }
        p = put_str(p, " at ");
        p = put_hex(p, ev->addr);
        if (ev->kind == SIM_EV_BLOCK_ALLOC) {
            p = put_str(p, " request ");
            p = put_i(p, ev->a);
        }
    } else if (ev->kind == SIM_EV_FRAME_ENTER || ev->kind == SIM_EV_FRAME_EXIT) {
        p = put_str(p, "    ");
        p = put_kind(p, ev->kind);
        p = put_str(p, " at ");
        p = put_hex(p, ev->addr);
    } else {
        p = put_str(p, "    ");
        int n = sim_event_format(ev, p, 900);
        p += n < 0 ? 0 : n >= 900 ? 899 : n;
    }
    *p++ = '\n';
    t->len += (size_t)(p - start);
}

static void json_event(Tracer *t, const SimEvent *ev)
{
    fprintf(t->out,
            "{\"id\":%" PRIu64 ",\"tick\":%" PRIu64 ",\"kind\":\"%s\",\"addr\":\"0x%" PRIx64 "\",\"obj\":\"0x%" PRIx64
            "\",\"a\":%" PRId64 ",\"b\":%" PRId64,
            ev->id, ev->tick, sim_event_kind_name(ev->kind), ev->addr, ev->obj, ev->a, ev->b);
    uint32_t cat = sim_event_kind_category(ev->kind);
    if (cat == SIM_EVCAT_REFCOUNT) {
        fprintf(t->out, ",\"holder\":\"%s\",\"reason\":\"%s\",\"index\":%u", sim_holder_kind_name(ev->holder),
                sim_holder_reason_name(ev->reason), ev->index);
    } else if (ev->kind == SIM_EV_INSTR) {
        fprintf(t->out, ",\"line\":%u,\"opname\":\"%s\",\"oparg\":%" PRId64, ev->index,
                sim_opcode_name((int)(ev->b & 0xff)), ev->b >> 8);
    } else if (ev->arena != SIM_NONE) {
        fprintf(t->out, ",\"arena\":%u", ev->arena);
        if (ev->pool != SIM_NONE) fprintf(t->out, ",\"pool\":%u", ev->pool);
        if (ev->block != SIM_NONE) fprintf(t->out, ",\"block\":%u", ev->block);
        if (ev->szclass != 0xffff) fprintf(t->out, ",\"class\":%u", ev->szclass);
    }
    fputs("}\n", t->out);
}

static void on_event(void *ud, const SimEvent *ev)
{
    Tracer *t = ud;
    if (t->jsonl) json_event(t, ev);
    else text_event(t, ev);
}

int dbg_trace(const char *path, const char *profile, int jsonl, FILE *out, FILE *err)
{
    int status;
    /* the program's own output goes to stderr, keeping stdout for events */
    SimEngine *e = dbg_load(path, profile, dbg_write_file, err, err, &status);
    if (!e) return status;
    Tracer t = {out, jsonl, malloc(1 << 20), 0, 1 << 20, 0};
    while (t.internal < 64 && strcmp(sim_holder_kind_name(t.internal), "internal")) t.internal++;
    if (!t.buf) {
        fprintf(err, "refscope: out of memory\n");
        sim_engine_free(e);
        return 2;
    }
    if (status == 0) {
        sim_engine_set_event_sink(e, on_event, &t, SIM_EVCAT_ALL);
        sim_engine_run(e);
        status = sim_engine_finalize(e);
        sim_engine_set_event_sink(e, NULL, NULL, 0);
    }
    flush_out(&t);
    fflush(out);
    free(t.buf);
    sim_engine_free(e);
    return status;
}
