/*
 * objects/misc.h -- modules, ranges, sequence iterators, object().
 *
 *   module          56 + 16 GC: md_dict, md_def, md_state, md_weaklist, md_name
 *   range           48, not GC: start, stop, step, length (ints)
 *   list_iterator   32 + 16 GC: it_index, it_seq (tuple_iterator alike)
 *   range_iterator  48, not GC: C longs only, no references
 *   object()        16, not GC
 */
#ifndef ENGINE_OBJECTS_MISC_H
#define ENGINE_OBJECTS_MISC_H

#include "objects/object.h"

#define MODULE_DICT_OFF 16
#define MODULE_NAME_OFF 48
#define RANGE_START_OFF 16
#define RANGE_STOP_OFF 24
#define RANGE_STEP_OFF 32
#define RANGE_LENGTH_OFF 40
#define SEQITER_INDEX_OFF 16
#define SEQITER_SEQ_OFF 24
#define RANGEITER_START_OFF 16   /* int64 index, start, step, len */

/* PyModule_NewObject: a module named `name` (borrowed str) with a dict
 * holding __name__, __doc__, __package__, __loader__, __spec__.  New ref. */
Obj module_new(Sim *S, Obj name);

/* range(start, stop, step) of small-enough ints (borrowed); ValueError
 * for step 0.  New reference. */
Obj range_new(Sim *S, Obj start, Obj stop, Obj step);

/* iter(list) / iter(tuple) / iter(range).  New references. */
Obj seqiter_new(Sim *S, Obj seq);
Obj rangeiter_new(Sim *S, Obj range);

/* object().  New reference. */
Obj object_new(Sim *S);

void module_dealloc(Sim *S, Obj o);
void module_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void range_dealloc(Sim *S, Obj o);
void range_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void seqiter_dealloc(Sim *S, Obj o);
void seqiter_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_MISC_H */
