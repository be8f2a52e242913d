/*
 * sim/engine.h -- an interpreter, from the outside (public).
 *
 * A SimEngine is one simulated CPython 3.11 interpreter on its own
 * simulated heap.  Engines share nothing: several may exist at once.
 * All output goes through the caller's SimWriteFn; the engine does no I/O.
 */
#ifndef SIM_ENGINE_H
#define SIM_ENGINE_H

#include <stddef.h>

#include "sim/heap.h"

typedef struct Sim SimEngine;   /* opaque */

/* A new interpreter for a profile spec (NULL: cpython-3.11); NULL with a
 * message in err when the spec is invalid or the host says no. */
SimEngine *sim_engine_new(const char *profile, char *err, size_t errcap);
void sim_engine_free(SimEngine *e);

/* The engine's heap (borrowed), for reports and inspection. */
SimHeap *sim_engine_heap(SimEngine *e);

/* `python3 -m dis FILE`: compiles src (UTF-8, as the file holds it) under
 * the name `filename` and writes dis's listing through out.  On a syntax
 * error writes what python3 prints for it through err_out and returns 1;
 * 0 on success. */
int sim_disassemble_source(SimEngine *e, const char *src, size_t len, const char *filename,
                           SimWriteFn out, void *ud, SimWriteFn err_out, void *err_ud);

/* ---- running a program ----
 *
 * load compiles a source as __main__; step executes exactly one bytecode
 * instruction of the running thread (CACHE units are skipped, as CPython
 * skips them) and returns; run steps to the end.  Work an instruction
 * triggers -- an allocation cascade, a __del__ or a weakref callback, a
 * class's __init__ -- runs inside that step, its own instructions counted
 * by the tick.  At the end, an uncaught exception has been printed as
 * python3 prints it and the exit status is python3's. */

enum { SIM_STEP_RUNNING = 0, SIM_STEP_DONE = 1 };

/* Where the program's stdout and stderr go (default: nowhere). */
void sim_engine_set_output(SimEngine *e, SimWriteFn out, void *out_ud, SimWriteFn err, void *err_ud);

/* Compiles src (UTF-8) as module __main__ from `filename`.  0: ready to
 * step.  1: a syntax error, written to the error stream as python3 writes
 * it; the exit status is then 1. */
int sim_engine_load(SimEngine *e, const char *src, size_t len, const char *filename);

/* One instruction: SIM_STEP_RUNNING, or SIM_STEP_DONE once the program
 * has finished (then a no-op). */
int sim_engine_step(SimEngine *e);

/* Steps to the end of the program; the exit status.  The interpreter is
 * not finalized yet: its globals are still there to inspect. */
int sim_engine_run(SimEngine *e);

/* Py_FinalizeEx, the part a program can see: atexit functions, a
 * collection, sys.modules emptied and a last collection -- where the
 * __del__ methods of objects still alive at the end run, in python3's
 * order.  Only once the program is done (run, or stepped to the end);
 * once only.  Returns the exit status. */
int sim_engine_finalize(SimEngine *e);

/* python3's exit status: 0, 1 after an uncaught exception, SystemExit's
 * code, 130 after an uncaught KeyboardInterrupt... (valid when done). */
int sim_engine_exit_status(const SimEngine *e);

/* Instructions executed so far. */
unsigned long long sim_engine_tick(const SimEngine *e);

/* The event sink (see sim/events.h): every event whose category is in
 * mask; fn NULL or mask 0 detaches it. */
void sim_engine_set_event_sink(SimEngine *e, SimEventFn fn, void *userdata, unsigned mask);

/* Audits the whole heap (every refcount against its holders, the pools,
 * the free lists, the GC lists) before every step -- every instruction
 * of the running thread outside nested calls from C, where C code may
 * hold references of its own; a violation aborts with a message on the
 * error stream.  For tests: it is slow. */
void sim_engine_set_selfcheck(SimEngine *e, int on);

/* Ctrl-C: the program sees KeyboardInterrupt before its next instruction.
 * Safe to call from a signal handler (it only sets a flag). */
void sim_engine_interrupt(SimEngine *e);

/* dis's name of an opcode number ("LOAD_CONST"), "<N>" style "?" if none. */
const char *sim_opcode_name(int op);

/* Called before every instruction -- also those of nested frames (an
 * __init__, a __del__, a generator's body) that run inside one step --
 * with the tick and how many C-level calls deep it is (0: the thread's
 * own step).  A debugger stops inside nested frames by running its
 * console from here, as pdb does from a trace function; the hook must not
 * touch the engine except through the read-only inspection calls. */
void sim_engine_set_instr_hook(SimEngine *e, void (*fn)(void *ud, unsigned long long tick, int nested), void *ud);

/* A safety net for hosts that run untrusted programs (fuzzers, lessons):
 * past `ticks` instructions (0: no limit) every later check point raises
 * KeyboardInterrupt, so that even a program catching it ends. */
void sim_engine_set_tick_limit(SimEngine *e, unsigned long long ticks);

/* `python3 FILE.py` in one call: a new engine for `profile` (NULL: the
 * default), load, run, free.  Returns the exit status; 2 with a message
 * on err when the profile is invalid. */
int sim_run_source(const char *profile, const char *src, size_t len, const char *filename,
                   SimWriteFn out, void *out_ud, SimWriteFn err, void *err_ud);

#endif /* SIM_ENGINE_H */
