/*
 * objects/dict.h -- dicts: CPython 3.11's PyDictObject (48 bytes, 64 with
 * its GC head) with a separate keys object (dk header 32 bytes + index
 * bytes + entries: 16 per entry for all-str keys, 24 otherwise), split
 * tables for instances, the dict and keys free lists (80 each).
 *
 * Ownership: dict_setitem's key and value are borrowed (the dict gains
 * references); dict_getitem returns a borrowed reference.
 */
#ifndef ENGINE_OBJECTS_DICT_H
#define ENGINE_OBJECTS_DICT_H

#include "objects/object.h"

Obj dict_new(Sim *S);                                  /* new reference, {} */
int dict_setitem(Sim *S, Obj d, Obj key, Obj value);   /* 0 or -1 */
Obj dict_getitem(Sim *S, Obj d, Obj key);              /* borrowed, 0 if absent (no exception) */
int dict_delitem(Sim *S, Obj d, Obj key);              /* -1 with KeyError if absent */
int64_t dict_len(const Sim *S, Obj d);

void dict_dealloc(Sim *S, Obj o);
void dict_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_DICT_H */
