/* events.c -- the event kind table, delivery and the one-line format. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "events/hub.h"

static const char *const kind_names[] = {
#define X(name, cat, text, a, b) text,
    SIM_EVENT_KINDS(X)
#undef X
};

static const uint32_t kind_categories[] = {
#define X(name, cat, text, a, b) cat,
    SIM_EVENT_KINDS(X)
#undef X
};

const char *sim_event_kind_name(unsigned kind)
{
    return kind < SIM_EV_KIND_COUNT ? kind_names[kind] : "?";
}

uint32_t sim_event_kind_category(unsigned kind)
{
    return kind < SIM_EV_KIND_COUNT ? kind_categories[kind] : 0;
}

void ev_set_sink(EvHub *e, SimEventFn fn, void *ud, uint32_t mask)
{
    e->fn = fn;
    e->ud = ud;
    e->mask = fn ? mask : 0;
}

/* snprintf at buf+n that never writes past cap; returns the new length. */
static size_t append(char *buf, size_t cap, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static size_t append(char *buf, size_t cap, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(n < cap ? buf + n : NULL, n < cap ? cap - n : 0, fmt, ap);
    va_end(ap);
    return k > 0 ? n + (size_t)k : n;
}

/* " class C arena A pool P block B at 0xADDR" for the fields that apply. */
static void format_place(const SimEvent *ev, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    if (ev->szclass != 0xffff) n = append(buf, cap, n, " class %u", (unsigned)ev->szclass);
    if (ev->arena != SIM_NONE) n = append(buf, cap, n, " arena %" PRIu32, ev->arena);
    if (ev->pool != SIM_NONE) n = append(buf, cap, n, " pool %" PRIu32, ev->pool);
    if (ev->block != SIM_NONE) n = append(buf, cap, n, " block %" PRIu32, ev->block);
    append(buf, cap, n, " at 0x%012" PRIx64, ev->addr);
}

/* " list item of 0x... [3]" / " internal (co_consts) of 0x..." */
static void format_holder(const SimEvent *ev, char *buf, size_t cap)
{
    size_t n = append(buf, cap, 0, " %s", sim_holder_kind_name(ev->holder));
    if (!strcmp(sim_holder_kind_name(ev->holder), "internal"))
        n = append(buf, cap, n, " (%s)", sim_holder_reason_name(ev->reason));
    if (ev->addr) n = append(buf, cap, n, " of 0x%012" PRIx64, ev->addr);
    if (ev->b) n = append(buf, cap, n, " key 0x%012" PRIx64, (uint64_t)ev->b);
    else if (ev->addr) append(buf, cap, n, " [%" PRIu32 "]", ev->index);
}

static const char *const gc_list_names[] = {
#define X(n, text) text,
    SIM_GC_LISTS(X)
#undef X
};

static const char *const gc_phase_names[] = {
#define X(n, text) text,
    SIM_GC_PHASES(X)
#undef X
};

const char *sim_gc_list_name(unsigned id)
{
    return id < sizeof gc_list_names / sizeof *gc_list_names ? gc_list_names[id] : "?";
}

const char *sim_gc_phase_name(unsigned phase)
{
    return phase < sizeof gc_phase_names / sizeof *gc_phase_names ? gc_phase_names[phase] : "?";
}

/* The collector's events name objects, lists and phases, not places. */
static int format_gc(const SimEvent *ev, const char *name, char *buf, size_t cap)
{
    switch ((SimEventKind)ev->kind) {
    case SIM_EV_GC_START:
        return snprintf(buf, cap, "%-12sgeneration %" PRId64 ", %" PRId64 " objects", name, ev->a, ev->b);
    case SIM_EV_GC_PHASE:
        return snprintf(buf, cap, "%-12s%s done (generation %" PRId64 ")", name,
                        sim_gc_phase_name((unsigned)ev->a), ev->b);
    case SIM_EV_GC_REFS:
        return snprintf(buf, cap, "%-12s0x%012" PRIx64 " gc_refs %" PRId64 " (%s)", name, ev->obj,
                        ev->a, sim_gc_phase_name((unsigned)ev->b));
    case SIM_EV_GC_MOVE:
        return snprintf(buf, cap, "%-12s0x%012" PRIx64 " %s -> %s", name, ev->obj,
                        sim_gc_list_name((unsigned)ev->a), sim_gc_list_name((unsigned)ev->b));
    case SIM_EV_GC_WEAKREF:
        return snprintf(buf, cap, "%-12s0x%012" PRIx64 " to 0x%012" PRIx64 " cleared%s", name, ev->obj,
                        ev->addr, ev->a ? ", callback will run" : "");
    case SIM_EV_GC_DONE:
        return snprintf(buf, cap, "%-12scollected %" PRId64 ", uncollectable %" PRId64, name, ev->a, ev->b);
    default:
        return snprintf(buf, cap, "%-12s0x%012" PRIx64, name, ev->obj);
    }
}

int sim_event_format(const SimEvent *ev, char *buf, size_t cap)
{
    char place[160];
    const char *name = sim_event_kind_name(ev->kind);
    if (sim_event_kind_category(ev->kind) == SIM_EVCAT_REFCOUNT) {
        format_holder(ev, place, sizeof place);
        return snprintf(buf, cap, "%-12s0x%012" PRIx64 " refcnt %" PRId64 " by%s", name, ev->obj,
                        ev->a, place);
    }
    if (sim_event_kind_category(ev->kind) == SIM_EVCAT_GC) return format_gc(ev, name, buf, cap);
    format_place(ev, place, sizeof place);
    switch ((SimEventKind)ev->kind) {
    case SIM_EV_BLOCK_ALLOC:
    case SIM_EV_RAW_ALLOC:
        if (ev->kind == SIM_EV_RAW_ALLOC)
            return snprintf(buf, cap, "%-12s%s request %" PRId64 " chunk %" PRId64,
                            name, place, ev->a, ev->b);
        return snprintf(buf, cap, "%-12s%s request %" PRId64, name, place, ev->a);
    case SIM_EV_REALLOC:
    case SIM_EV_RAW_REALLOC:
        if ((uint64_t)ev->b == ev->addr)
            return snprintf(buf, cap, "%-12s%s request %" PRId64 " in place",
                            name, place, ev->a);
        return snprintf(buf, cap, "%-12s%s request %" PRId64 " moved from 0x%012" PRIx64,
                        name, place, ev->a, (uint64_t)ev->b);
    case SIM_EV_POOL_INIT:
        return snprintf(buf, cap, "%-12s%s (%s)", name, place,
                        ev->a ? "carved" : "recycled");
    case SIM_EV_ARENA_NEW:
        return snprintf(buf, cap, "%-12s%s usable pools %" PRId64, name, place, ev->a);
    case SIM_EV_ARENA_MOVE:
        if (ev->b < 0)
            return snprintf(buf, cap, "%-12s%s free pools %" PRId64 " now first",
                            name, place, ev->a);
        return snprintf(buf, cap, "%-12s%s free pools %" PRId64 " now after arena %" PRId64,
                        name, place, ev->a, ev->b);
    case SIM_EV_RAW_FREE:
        return snprintf(buf, cap, "%-12s%s chunk %" PRId64, name, place, ev->a);
    default:
        return snprintf(buf, cap, "%-12s%s", name, place);
    }
}
