/*
 * inspect/si.h -- shared parts of the inspection module (internal).
 *
 * Everything under engine/inspect/ reads the interpreter and never writes
 * it: no ob_incref/ob_decref, no allocation in the simulated heap, no
 * exception set, no event emitted.  Host memory (malloc) is used for
 * indexes only, and freed before the public call returns.
 */
#ifndef ENGINE_INSPECT_SI_H
#define ENGINE_INSPECT_SI_H

#include "objects/object.h"
#include "sim/inspect.h"

/* The bounded repr (repr.c); see sim_inspect_repr. */
size_t si_repr(Sim *S, Obj o, char *buf, size_t cap, int *truncated);

/* tp_name of a type object into buf (host text). */
const char *si_type_name(const Sim *S, Obj type, char *buf, size_t cap);

#endif /* ENGINE_INSPECT_SI_H */
