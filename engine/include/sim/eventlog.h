/*
 * sim/eventlog.h -- the event stream recorded compactly, and read back
 * (public).
 *
 * A log holds every SimEvent of a run, field for field, in a few bytes
 * each: recording a run costs little more than running it, and the text
 * or JSON lines are rendered afterwards from the log, as often as wanted.
 * The format is documented in docs/trace-format.md ("Binary event log").
 *
 * Invariants:
 *   - Reading a log gives back exactly the records written, in order:
 *     every field of every SimEvent, ids and ticks included.
 *   - A log is complete only with its end mark; the reader reports a log
 *     cut short, a log from another format version or another table of
 *     event kinds, and any malformed record, and never reads past its
 *     input.
 *   - Neither side does I/O of its own: bytes go through the caller's
 *     SimWriteFn and come back through a SimReadFn.
 */
#ifndef SIM_EVENTLOG_H
#define SIM_EVENTLOG_H

#include <stddef.h>

#include "sim/events.h"
#include "sim/heap.h"

/* ---- writing ---- */

typedef struct SimEventLog SimEventLog; /* opaque */

/* A log writing through out (the header at once); NULL if the host is
 * out of memory. */
SimEventLog *sim_eventlog_new(SimWriteFn out, void *ud);

/* Records one event: a SimEventFn, for sim_engine_set_event_sink with
 * the log as its userdata. */
void sim_eventlog_event(void *log, const SimEvent *ev);

/* Writes what is buffered and the end mark, and frees the log. */
void sim_eventlog_finish(SimEventLog *log);

/* ---- reading ---- */

/* Fills buf with up to cap bytes; returns how many, 0 at the end. */
typedef size_t (*SimReadFn)(void *userdata, char *buf, size_t cap);

typedef struct SimEventReader SimEventReader; /* opaque */

/* A reader of the log that `in` yields; NULL if out of memory. */
SimEventReader *sim_eventreader_new(SimReadFn in, void *ud);
void sim_eventreader_free(SimEventReader *r);

/* The next event into *ev: 1; 0 after the end mark; -1 when the log is
 * not a complete, valid log, with the reason in err ("cut short after
 * event 1234", ...). */
int sim_eventreader_next(SimEventReader *r, SimEvent *ev, char *err, size_t errcap);

#endif /* SIM_EVENTLOG_H */
