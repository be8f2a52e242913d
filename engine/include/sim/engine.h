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

#endif /* SIM_ENGINE_H */
