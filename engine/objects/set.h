/*
 * objects/set.h -- set and frozenset: CPython 3.11's PySetObject (200
 * bytes, 216 with its GC head) with an inline table of 8 entries, grown
 * to a separate table when fill*5 >= mask*3.
 */
#ifndef ENGINE_OBJECTS_SET_H
#define ENGINE_OBJECTS_SET_H

#include "objects/object.h"

Obj set_new(Sim *S);                      /* new reference, set() */
int set_add(Sim *S, Obj s, Obj key);      /* key borrowed; 0 or -1 */
int set_contains(Sim *S, Obj s, Obj key); /* 1, 0, or -1 */
int64_t set_len(const Sim *S, Obj s);

/* hash(frozenset) (CPython's frozenset_hash); TypeError for a set. */
int64_t set_hash(Sim *S, Obj s);

void set_dealloc(Sim *S, Obj o);
void set_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_SET_H */
