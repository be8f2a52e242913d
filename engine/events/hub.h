/*
 * events/hub.h -- where engine modules emit events (internal).
 *
 * A hub is the sink, its mask, the next event id and the current tick.
 * Modules test the category first (`ev_on`) and build the record only when
 * somebody listens, so the silent path is one load, one AND, one branch.
 */
#ifndef ENGINE_EVENTS_HUB_H
#define ENGINE_EVENTS_HUB_H

#include "sim/events.h"

typedef struct EvHub {
    SimEventFn fn;      /* the sink, NULL when nobody listens */
    void      *ud;      /* passed back to fn */
    uint32_t   mask;    /* categories delivered; 0 when fn is NULL */
    uint64_t   next_id; /* id of the next delivered event */
    uint64_t   tick;    /* instructions executed so far (set by the VM) */
} EvHub;

static inline void ev_init(EvHub *e)
{
    e->fn = NULL;
    e->ud = NULL;
    e->mask = 0;
    e->next_id = 1;
    e->tick = 0;
}

static inline int ev_on(const EvHub *e, uint32_t category)
{
    return (e->mask & category) != 0;
}

void ev_set_sink(EvHub *e, SimEventFn fn, void *ud, uint32_t mask);

/* Stamps id and tick into *ev and delivers it.  Call only after ev_on. */
void ev_emit(EvHub *e, SimEvent *ev);

/* A record with every location field "not applicable". */
static inline SimEvent ev_blank(SimEventKind kind)
{
    SimEvent ev = {0};
    ev.kind = (uint16_t)kind;
    ev.arena = ev.pool = ev.block = SIM_NONE;
    ev.szclass = 0xffff;
    return ev;
}

#endif /* ENGINE_EVENTS_HUB_H */
