/* events.c -- the event kind table, delivery and the one-line format. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

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

void ev_emit(EvHub *e, SimEvent *ev)
{
    ev->id = e->next_id++;
    ev->tick = e->tick;
    e->fn(e->ud, ev);
}

/* snprintf at buf+n that never writes past cap; returns the new length. */
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

int sim_event_format(const SimEvent *ev, char *buf, size_t cap)
{
    char place[128];
    format_place(ev, place, sizeof place);
    const char *name = sim_event_kind_name(ev->kind);
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
