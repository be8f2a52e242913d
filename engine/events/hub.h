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
    /* next_id and tick are kept apart: side by side, the compiler read
     * them as one 16-byte load right after storing them separately, a
     * store-forwarding stall on every event */
    uint64_t   next_id; /* id of the next delivered event */
    SimEventFn fn;      /* the sink, NULL when nobody listens */
    uint64_t   tick;    /* instructions executed so far (set by the VM) */
    void      *ud;      /* passed back to fn */
    uint32_t   mask;    /* categories delivered; 0 when fn is NULL */
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
static inline void ev_emit(EvHub *e, SimEvent *ev)
{
    ev->id = e->next_id++;
    ev->tick = e->tick;
    e->fn(e->ud, ev);
}

/* The initializer of a record with every location field "not
 * applicable": `SimEvent ev = EV_BLANK(kind);`.  An initializer, not a
 * function returning the record, so that the record is built in place:
 * a returned copy made the compiler reload the small fields right after
 * storing them, a store-forwarding stall on every event. */
#define EV_BLANK(k)                                                        \
    {.arena = SIM_NONE, .pool = SIM_NONE, .block = SIM_NONE,                \
     .kind = (uint16_t)(k), .szclass = 0xffff}

#endif /* ENGINE_EVENTS_HUB_H */
