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
} Tracer;

static void text_event(Tracer *t, const SimEvent *ev)
{
    if (ev->kind == SIM_EV_INSTR) {
        int op = (int)(ev->b & 0xff), oparg = (int)(ev->b >> 8);
        fprintf(t->out, "tick %" PRIu64 "  line %u  offset %" PRId64 "  %s", ev->tick, ev->index, ev->a,
                sim_opcode_name(op));
        if (op >= 90) fprintf(t->out, " %d", oparg);
        fputc('\n', t->out);
        return;
    }
    char buf[512];
    sim_event_format(ev, buf, sizeof buf);
    fprintf(t->out, "    %s\n", buf);
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

int dbg_trace(const char *path, int jsonl, FILE *out, FILE *err)
{
    size_t len;
    char *src = dbg_read_source(path, &len);
    if (!src) {
        fprintf(err, "refscope: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return 2;
    }
    char msg[256];
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    if (!e) {
        fprintf(err, "refscope: %s\n", msg);
        free(src);
        return 2;
    }
    Tracer t = {out, jsonl};
    /* the program's own output goes to stderr, keeping stdout for events */
    sim_engine_set_output(e, dbg_write_file, err, dbg_write_file, err);
    int status = 1;
    char *script = dbg_script_path(path);
    int loaded = script && sim_engine_load(e, src, len, script) == 0;
    free(script);
    if (loaded) {
        sim_engine_set_event_sink(e, on_event, &t, SIM_EVCAT_ALL);
        status = sim_engine_run(e);
        sim_engine_set_event_sink(e, NULL, NULL, 0);
    }
    fflush(out);
    sim_engine_free(e);
    free(src);
    return status;
}
