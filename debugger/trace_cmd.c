/*
 * trace_cmd.c -- `refscope trace FILE.py [--jsonl | --binary]`: every
 * event of the run, one line each, grouped under the instruction that
 * caused it, or the compact binary log of the same events; and
 * `refscope trace --read LOG`, which prints a log as the text (or JSON
 * lines) the run would have printed.  The formats are documented in
 * docs/trace-format.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "dbg/dbg.h"
#include "sim/engine.h"
#include "sim/eventlog.h"
#include "source.h"

/* A name and its length, looked up once: a trace writes billions. */
typedef struct Name {
    const char *s;
    size_t n;
} Name;

#define TRACE_HOLDERS 64
#define TRACE_REASONS 256

typedef struct Tracer {
    FILE *out;
    int jsonl;
    char *buf;          /* output gathered here, written in large pieces */
    size_t len, cap;
    unsigned internal;  /* the holder kind named "internal" */
    Name kinds[SIM_EV_KIND_COUNT], holders[TRACE_HOLDERS], reasons[TRACE_REASONS], ops[256];
    uint32_t cats[SIM_EV_KIND_COUNT]; /* sim_event_kind_category */
} Tracer;

static Name name_of(const char *s) { return (Name){s, strlen(s)}; }

static void tracer_names(Tracer *t)
{
    for (unsigned i = 0; i < SIM_EV_KIND_COUNT; i++) {
        t->kinds[i] = name_of(sim_event_kind_name(i));
        t->cats[i] = sim_event_kind_category(i);
    }
    for (unsigned i = 0; i < TRACE_HOLDERS; i++) t->holders[i] = name_of(sim_holder_kind_name(i));
    for (unsigned i = 0; i < TRACE_REASONS; i++) t->reasons[i] = name_of(sim_holder_reason_name(i));
    for (int i = 0; i < 256; i++) t->ops[i] = name_of(sim_opcode_name(i));
}

static Name kind_name(const Tracer *t, unsigned k) { return k < SIM_EV_KIND_COUNT ? t->kinds[k] : name_of(sim_event_kind_name(k)); }
static uint32_t kind_cat(const Tracer *t, unsigned k) { return k < SIM_EV_KIND_COUNT ? t->cats[k] : sim_event_kind_category(k); }
static Name holder_name(const Tracer *t, unsigned h) { return h < TRACE_HOLDERS ? t->holders[h] : name_of(sim_holder_kind_name(h)); }
static Name reason_name(const Tracer *t, unsigned r) { return r < TRACE_REASONS ? t->reasons[r] : name_of(sim_holder_reason_name(r)); }

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

static char *put_name(char *p, Name nm)
{
    memcpy(p, nm.s, nm.n);
    return p + nm.n;
}

/* A string literal: its length is known when compiling. */
#define put_lit(p, lit) (memcpy((p), lit, sizeof lit - 1), (p) + sizeof lit - 1)

/* "00" ... "99" */
static const char digit_pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                  "8081828384858687888990919293949596979899";

/* How many decimal digits v has (1 for 0). */
static int decimal_digits(uint64_t v)
{
    static const uint64_t pow10[20] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u,
                                       1000000000u, 10000000000u, 100000000000u, 1000000000000u,
                                       10000000000000u, 100000000000000u, 1000000000000000u,
                                       10000000000000000u, 100000000000000000u, 1000000000000000000u,
                                       10000000000000000000u};
    int t = (64 - __builtin_clzll(v | 1)) * 1233 >> 12; /* about log10(v): exact or one more */
    int n = t + 1 - (v < pow10[t]);
    return n > 0 ? n : 1;
}

/* Written from the last digit back, straight into place, two at a time. */
static char *put_u(char *p, uint64_t v)
{
    char *end = p + decimal_digits(v), *q = end;
    while (v >= 100) {
        q -= 2;
        memcpy(q, digit_pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) memcpy(q - 2, digit_pairs + 2 * v, 2);
    else q[-1] = (char)('0' + v);
    return end;
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

/* 0x and the hex digits, as printf's "0x%" PRIx64 */
static char *put_hex_plain(char *p, uint64_t v)
{
    int digits = 1;
    while (digits < 16 && (v >> (4 * digits)) != 0) digits++;
    *p++ = '0';
    *p++ = 'x';
    for (int i = digits - 1; i >= 0; i--) *p++ = "0123456789abcdef"[(v >> (4 * i)) & 15];
    return p;
}

/* The kind name padded to 12 columns ("%-12s"). */
static char *put_kind(const Tracer *t, char *p, unsigned kind)
{
    char *start = p;
    p = put_name(p, kind_name(t, kind));
    while (p - start < 12) *p++ = ' ';
    return p;
}

/* sim_event_format's text, written without printf for the frequent kinds. */
static void text_event(Tracer *t, const SimEvent *ev)
{
    char *p = room(t), *start = p;
    uint32_t cat = kind_cat(t, ev->kind);
    if (ev->kind == SIM_EV_INSTR) {
        int op = (int)(ev->b & 0xff);
        p = put_lit(p, "tick ");
        p = put_u(p, ev->tick);
        p = put_lit(p, "  line ");
        p = put_u(p, ev->index);
        p = put_lit(p, "  offset ");
        p = put_i(p, ev->a);
        *p++ = ' ';
        *p++ = ' ';
        p = put_name(p, t->ops[op]);
        if (op >= 90) {
            *p++ = ' ';
            p = put_i(p, ev->b >> 8);
        }
    } else if (cat == SIM_EVCAT_REFCOUNT) {
        p = put_lit(p, "    ");
        p = put_kind(t, p, ev->kind);
        p = put_hex(p, ev->obj);
        p = put_lit(p, " refcnt ");
        p = put_i(p, ev->a);
        p = put_lit(p, " by ");
        p = put_name(p, holder_name(t, ev->holder));
        if (ev->holder == t->internal) {
            p = put_lit(p, " (");
            p = put_name(p, reason_name(t, ev->reason));
            *p++ = ')';
        }
        if (ev->addr) {
            p = put_lit(p, " of ");
            p = put_hex(p, ev->addr);
        }
        if (ev->b) {
            p = put_lit(p, " key ");
            p = put_hex(p, (uint64_t)ev->b);
        } else if (ev->addr) {
            p = put_lit(p, " [");
            p = put_u(p, ev->index);
            *p++ = ']';
        }
    } else if (ev->kind == SIM_EV_PUSH || ev->kind == SIM_EV_POP || ev->kind == SIM_EV_BLOCK_FREE ||
               ev->kind == SIM_EV_OBJ_NEW || ev->kind == SIM_EV_OBJ_DEALLOC || ev->kind == SIM_EV_BLOCK_ALLOC) {
        p = put_lit(p, "    ");
        p = put_kind(t, p, ev->kind);
        if (ev->szclass != 0xffff) {
            p = put_lit(p, " class ");
            p = put_u(p, ev->szclass);
        }
        if (ev->arena != SIM_NONE) {
            p = put_lit(p, " arena ");
            p = put_u(p, ev->arena);
        }
        if (ev->pool != SIM_NONE) {
            p = put_lit(p, " pool ");
            p = put_u(p, ev->pool);
        }
        if (ev->block != SIM_NONE) {
            p = put_lit(p, " block ");
            p = put_u(p, ev->block);
        }
        p = put_lit(p, " at ");
        p = put_hex(p, ev->addr);
        if (ev->kind == SIM_EV_BLOCK_ALLOC) {
            p = put_lit(p, " request ");
            p = put_i(p, ev->a);
        }
    } else if (ev->kind == SIM_EV_FRAME_ENTER || ev->kind == SIM_EV_FRAME_EXIT) {
        p = put_lit(p, "    ");
        p = put_kind(t, p, ev->kind);
        p = put_lit(p, " at ");
        p = put_hex(p, ev->addr);
    } else {
        p = put_lit(p, "    ");
        int n = sim_event_format(ev, p, 900);
        p += n < 0 ? 0 : n >= 900 ? 899 : n;
    }
    *p++ = '\n';
    t->len += (size_t)(p - start);
}

/* One JSON object per line, written without printf (the same text as
 * the printf formats in the comments). */
static void json_event(Tracer *t, const SimEvent *ev)
{
    char *p = room(t), *start = p;
    /* {"id":%llu,"tick":%llu,"kind":"%s","addr":"0x%llx","obj":"0x%llx","a":%lld,"b":%lld */
    p = put_lit(p, "{\"id\":");
    p = put_u(p, ev->id);
    p = put_lit(p, ",\"tick\":");
    p = put_u(p, ev->tick);
    p = put_lit(p, ",\"kind\":\"");
    p = put_name(p, kind_name(t, ev->kind));
    p = put_lit(p, "\",\"addr\":\"");
    p = put_hex_plain(p, ev->addr);
    p = put_lit(p, "\",\"obj\":\"");
    p = put_hex_plain(p, ev->obj);
    p = put_lit(p, "\",\"a\":");
    p = put_i(p, ev->a);
    p = put_lit(p, ",\"b\":");
    p = put_i(p, ev->b);
    uint32_t cat = kind_cat(t, ev->kind);
    if (cat == SIM_EVCAT_REFCOUNT) {
        /* ,"holder":"%s","reason":"%s","index":%u */
        p = put_lit(p, ",\"holder\":\"");
        p = put_name(p, holder_name(t, ev->holder));
        p = put_lit(p, "\",\"reason\":\"");
        p = put_name(p, reason_name(t, ev->reason));
        p = put_lit(p, "\",\"index\":");
        p = put_u(p, ev->index);
    } else if (ev->kind == SIM_EV_INSTR) {
        /* ,"line":%u,"opname":"%s","oparg":%lld */
        p = put_lit(p, ",\"line\":");
        p = put_u(p, ev->index);
        p = put_lit(p, ",\"opname\":\"");
        p = put_name(p, t->ops[ev->b & 0xff]);
        p = put_lit(p, "\",\"oparg\":");
        p = put_i(p, ev->b >> 8);
    } else if (ev->arena != SIM_NONE) {
        /* ,"arena":%u[,"pool":%u][,"block":%u][,"class":%u] */
        p = put_lit(p, ",\"arena\":");
        p = put_u(p, ev->arena);
        if (ev->pool != SIM_NONE) {
            p = put_lit(p, ",\"pool\":");
            p = put_u(p, ev->pool);
        }
        if (ev->block != SIM_NONE) {
            p = put_lit(p, ",\"block\":");
            p = put_u(p, ev->block);
        }
        if (ev->szclass != 0xffff) {
            p = put_lit(p, ",\"class\":");
            p = put_u(p, ev->szclass);
        }
    }
    p = put_lit(p, "}\n");
    t->len += (size_t)(p - start);
}

static void on_event(void *ud, const SimEvent *ev)
{
    Tracer *t = ud;
    if (t->jsonl) json_event(t, ev);
    else text_event(t, ev);
}

/* A tracer writing text or JSON lines to out; NULL (with a message) if
 * out of memory.  On the heap: the name tables make it a few kilobytes. */
static Tracer *tracer_new(FILE *out, int jsonl, FILE *err)
{
    Tracer *t = calloc(1, sizeof *t);
    char *buf = malloc(1 << 20);
    if (!t || !buf) {
        free(t);
        free(buf);
        fprintf(err, "refscope: out of memory\n");
        return NULL;
    }
    t->out = out;
    t->jsonl = jsonl;
    t->buf = buf;
    t->cap = 1 << 20;
    tracer_names(t);
    while (t->internal < 64 && strcmp(sim_holder_kind_name(t->internal), "internal")) t->internal++;
    return t;
}

static void tracer_free(Tracer *t)
{
    flush_out(t);
    free(t->buf);
    free(t);
}

/* out, or the file named by path ("-" or NULL: out); NULL with a message. */
static FILE *open_output(const char *path, FILE *out, FILE *err)
{
    if (!path || !strcmp(path, "-")) return out;
    FILE *f = fopen(path, "wb");
    if (!f) fprintf(err, "refscope trace: cannot write '%s': %s\n", path, strerror(errno));
    return f;
}

/* Closes what open_output opened; 0, or 2 with a message when the
 * output could not be written completely (a full disk, a closed pipe). */
static int close_output(FILE *f, const char *path, FILE *out, FILE *err)
{
    int bad = fflush(f) != 0 || ferror(f);
    int e = errno;
    if (f != out && fclose(f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (!bad) return 0;
    fprintf(err, "refscope trace: cannot write '%s': %s\n", f == out && (!path || !strcmp(path, "-")) ? "<stdout>" : path,
            strerror(e));
    return 2;
}

static void write_log(void *ud, const char *bytes, size_t len) { fwrite(bytes, 1, len, (FILE *)ud); }

int dbg_trace(const char *path, const char *profile, DbgTraceFormat fmt, const char *out_path, FILE *out, FILE *err)
{
    int status;
    if (fmt == DBG_TRACE_BINARY && (!out_path || !strcmp(out_path, "-")) && isatty(fileno(out))) {
        fprintf(err, "refscope trace: not writing a binary log to a terminal; use -o FILE or a redirection\n");
        return 2;
    }
    /* the program's own output goes to stderr, keeping stdout for events */
    SimEngine *e = dbg_load(path, profile, dbg_write_file, err, err, &status);
    if (!e) return status;
    FILE *o = open_output(out_path, out, err);
    if (!o) {
        sim_engine_free(e);
        return 2;
    }
    Tracer *t = NULL;
    SimEventLog *log = NULL;
    if (fmt == DBG_TRACE_BINARY) {
        log = sim_eventlog_new(write_log, o);
        if (!log) fprintf(err, "refscope: out of memory\n");
    } else {
        t = tracer_new(o, fmt == DBG_TRACE_JSONL, err);
    }
    if (!t && !log) {
        close_output(o, out_path, out, err);
        sim_engine_free(e);
        return 2;
    }
    if (status == 0) {
        if (log) sim_engine_set_event_sink(e, sim_eventlog_event, log, SIM_EVCAT_ALL);
        else sim_engine_set_event_sink(e, on_event, t, SIM_EVCAT_ALL);
        sim_engine_run(e);
        status = sim_engine_finalize(e);
        sim_engine_set_event_sink(e, NULL, NULL, 0);
    }
    if (log) sim_eventlog_finish(log);
    else tracer_free(t);
    sim_engine_free(e);
    int io = close_output(o, out_path, out, err);
    return io ? io : status;
}

static size_t read_log(void *ud, char *buf, size_t cap) { return fread(buf, 1, cap, (FILE *)ud); }

int dbg_trace_read(const char *log_path, DbgTraceFormat fmt, const char *out_path, FILE *out, FILE *err)
{
    FILE *in = strcmp(log_path, "-") ? fopen(log_path, "rb") : stdin;
    if (!in) {
        fprintf(err, "refscope trace: cannot read '%s': %s\n", log_path, strerror(errno));
        return 2;
    }
    FILE *o = open_output(out_path, out, err);
    SimEventReader *r = o ? sim_eventreader_new(read_log, in) : NULL;
    Tracer *t = r ? tracer_new(o, fmt == DBG_TRACE_JSONL, err) : NULL;
    int status = 2;
    if (t) {
        SimEvent ev;
        char why[160];
        int k;
        while ((k = sim_eventreader_next(r, &ev, why, sizeof why)) > 0) on_event(t, &ev);
        /* what was read is written even when the rest is damaged */
        tracer_free(t);
        if (k == 0) status = 0;
        else if (ferror(in)) fprintf(err, "refscope trace: cannot read '%s': %s\n", log_path, strerror(errno));
        else fprintf(err, "refscope trace: %s: %s\n", log_path, why);
        if (k < 0) status = 1;
    } else if (o && !r) {
        fprintf(err, "refscope: out of memory\n");
    }
    sim_eventreader_free(r);
    if (in != stdin) fclose(in);
    if (o) {
        int io = close_output(o, out_path, out, err);
        if (io) status = io;
    }
    return status;
}
