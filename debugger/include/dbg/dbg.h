/*
 * dbg/dbg.h -- the debugger layer's public entry points (for app/ and gui/).
 *
 * Each subcommand implementation takes its parsed options and the streams
 * to write to, and returns the process exit status.
 */
#ifndef DBG_DBG_H
#define DBG_DBG_H

#include <stdio.h>

typedef struct DbgDemoOptions {
    const char *profile;  /* profile spec, NULL for cpython-3.11 */
    int trace;            /* print every allocator event */
    int check;            /* run the heap self-check after every operation */
} DbgDemoOptions;

/* The built-in allocation scenario: narrates what happens and ends with
 * sys._debugmallocstats() for the simulated heap.  0, or 1 on error. */
int dbg_alloc_demo(const DbgDemoOptions *opt, FILE *out, FILE *err);

/* `refscope dis FILE.py`: what `python3 -m dis FILE.py` prints, with the
 * simulated addresses of the code objects; a syntax error is reported as
 * python3 reports it.  0, or 1 on any error. */
int dbg_dis(const char *path, FILE *out, FILE *err);

/* `refscope run FILE.py`: the program's stdout and stderr as python3's;
 * returns its exit status (2 when the file cannot be read). */
int dbg_run(const char *path, const char *profile, FILE *out, FILE *err);

/* `refscope demo`: a built-in program (the two-node reference cycle),
 * its text, then its run. */
int dbg_demo(FILE *out, FILE *err);

/* `refscope trace FILE.py [--jsonl]`: every event of the run on out (the
 * program's own output on err); returns the program's exit status. */
int dbg_trace(const char *path, const char *profile, int jsonl, FILE *out, FILE *err);

/* One line per library the debugger layer links (cJSON, libedit). */
void dbg_print_versions(FILE *out);

#endif /* DBG_DBG_H */
