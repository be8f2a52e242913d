/*
 * dbg/snapshot.h -- JSON snapshots of the simulated interpreter (public
 * to app/, gui/ and the benchmarks).
 *
 * A snapshot is the whole state at one moment, read through the engine's
 * inspection API (sim/inspect.h) and written with cJSON: keys in a fixed
 * order, ids and addresses as "0x..." strings, nothing host-dependent, so
 * the same program and request give byte-identical files on any machine.
 * The format is docs/snapshot-format.md; its schema docs/snapshot.schema.json.
 *
 * Large heaps are streamed: one cJSON tree per object, printed and freed
 * before the next, never a tree of the whole heap.
 */
#ifndef DBG_SNAPSHOT_H
#define DBG_SNAPSHOT_H

#include <stdio.h>

#include "sim/engine.h"

#define SNAP_FORMAT_VERSION 1

typedef enum SnapStop {
    SNAP_AT_END = 0,     /* after the program has finished */
    SNAP_AT_TICK = 1,    /* before instruction N runs (0: before the first) */
    SNAP_AT_LINE = 2     /* before the first instruction of line L runs */
} SnapStop;

/* What "at" says about the moment. */
typedef struct SnapAt {
    int stop;                    /* SnapStop */
    unsigned long long tick;     /* the request (SNAP_AT_TICK) */
    int line;                    /* the request (SNAP_AT_LINE) */
} SnapAt;

/* Writes the snapshot of `e` as it is now to f.  `program` is the name
 * the program was loaded under.  0, or -1 if writing failed (errno). */
int snap_write(SimEngine *e, const char *program, const SnapAt *at, FILE *f);

typedef struct SnapOptions {
    const char *path;            /* FILE.py, loaded under this name as given */
    const char *profile;         /* NULL: cpython-3.11 */
    SnapAt at;
    const char *output;          /* NULL or "-": out */
} SnapOptions;

/* `refscope snapshot`: runs the program to the requested moment and writes
 * the snapshot to opt->output (through a temporary file in the same
 * folder, renamed at the end: never half a file) or to out.  The
 * program's own output goes to err.  0; 1 when the moment never comes (a
 * tick past the end, a line that never runs), the program does not
 * compile or the output cannot be written; 2 when the file or profile is
 * unusable.  Messages go to err. */
int snap_command(const SnapOptions *opt, FILE *out, FILE *err);

#endif /* DBG_SNAPSHOT_H */
