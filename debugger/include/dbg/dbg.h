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

typedef enum DbgTraceFormat {
    DBG_TRACE_TEXT,   /* one line per event, for people */
    DBG_TRACE_JSONL,  /* one JSON object per line, for tools */
    DBG_TRACE_BINARY  /* the compact event log (sim/eventlog.h) */
} DbgTraceFormat;

/* `refscope trace FILE.py`: every event of the run, to the file out_path
 * (NULL or "-": out; the binary log never to a terminal), the program's
 * own output on err.  Returns the program's exit status, or 2 when the
 * file cannot be read or the events cannot be written. */
int dbg_trace(const char *path, const char *profile, DbgTraceFormat fmt, const char *out_path, FILE *out,
              FILE *err);

/* `refscope trace --read LOG`: the binary log at log_path ("-": stdin)
 * printed as text or JSON lines (fmt), exactly as `trace` would have
 * printed the run.  0; 1 when the log is damaged or cut short (what came
 * before is printed); 2 when a file cannot be opened or written. */
int dbg_trace_read(const char *log_path, DbgTraceFormat fmt, const char *out_path, FILE *out, FILE *err);

/* One line per library the debugger layer links (cJSON, libedit). */
void dbg_print_versions(FILE *out);

#endif /* DBG_DBG_H */
