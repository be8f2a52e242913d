/*
 * objects/misc.h -- modules, ranges, sequence iterators, object().
 *
 *   module          56 + 16 GC: md_dict, md_def, md_state, md_weaklist, md_name
 *   range           48, not GC: start, stop, step, length (ints)
 *   list_iterator   32 + 16 GC: it_index, it_seq (tuple_iterator alike)
 *   range_iterator  48, not GC: C longs only, no references
 *   longrange_iterator 48, not GC: index, start, step, len (ints), for
 *                   ranges beyond C longs
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
#define LRI_INDEX_OFF 16
#define LRI_START_OFF 24
#define LRI_STEP_OFF 32
#define LRI_LEN_OFF 40

/* PyModule_NewObject: a module named `name` (borrowed str) with a dict
 * holding __name__, __doc__, __package__, __loader__, __spec__.  New ref. */
Obj module_new(Sim *S, Obj name);

/* range(start, stop, step) of small-enough ints (borrowed); ValueError
 * for step 0.  New reference. */
Obj range_new(Sim *S, Obj start, Obj stop, Obj step);

/* iter(list) / iter(tuple) / iter(range).  New references.  iter(range)
 * is a range_iterator, or a longrange_iterator when the range's numbers
 * (or start + len * step) do not fit a C long (range_iter). */
Obj seqiter_new(Sim *S, Obj seq);
Obj rangeiter_new(Sim *S, Obj range);
/* range.__reversed__ (range_reverse): a range_iterator from the last item
 * backwards, or a longrange_iterator (start + (len-1)*step, -step) beyond
 * C longs.  New reference. */
Obj range_reverse(Sim *S, Obj range);
/* next() of a longrange_iterator: new reference, 0 without an exception
 * at the end.  Its __length_hint__, len - index: new reference. */
Obj longrangeiter_next(Sim *S, Obj it);
Obj longrangeiter_len(Sim *S, Obj it);

/* range_equals (1/0): equal as sequences.  range_hash: the hash of
 * (len, start or None, step or None), through a 3-tuple it allocates;
 * -1 with an exception.  Both take and release the bools of their int
 * comparisons, as PyObject_RichCompareBool does. */
int range_equal(Sim *S, Obj a, Obj b);
int64_t range_hash(Sim *S, Obj r);

/* object().  New reference. */
Obj object_new(Sim *S);

void module_dealloc(Sim *S, Obj o);
void module_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void range_dealloc(Sim *S, Obj o);
void range_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void longrangeiter_dealloc(Sim *S, Obj o);
void longrangeiter_referents(Sim *S, Obj o, RefVisit visit, void *ud);
void seqiter_dealloc(Sim *S, Obj o);
void seqiter_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_MISC_H */
