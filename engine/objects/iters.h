/*
 * objects/iters.h -- the small objects made only of reference fields and
 * counters: dict views and dict iterators, set iterators, str iterators,
 * the list reverse iterator, enumerate, zip, tracebacks.  Their layouts
 * are CPython 3.11's (tp_basicsize from python3, see sim.h's table); the
 * runtime fills and advances them, this file owns their dealloc and
 * referents (tp_dealloc / tp_traverse order).
 *
 *   dict_keys/values/items  16 dv_dict
 *   dict_*iterator,         16 di_dict, 24 di_used, 32 di_pos, 40 di_result, 48 len
 *   dict_reverse*iterator
 *   set_iterator            16 si_set, 24 si_used, 32 si_pos, 40 len
 *   str_(ascii_)iterator,   16 it_index, 24 it_seq   (as list_iterator)
 *   list_reverseiterator,
 *   iterator (PySeqIter),
 *   reversed                (16 index, counting down)
 *   enumerate               16 en_index, 24 en_sit, 32 en_result, 40 en_longindex
 *   zip                     16 tuplesize, 24 ittuple, 32 result, 40 strict
 *   traceback               16 tb_next, 24 tb_frame, 32 tb_lasti (i32), 36 tb_lineno (i32)
 *   slice                   16 start, 24 stop, 32 step
 *   WeakValueDictionary     16 data (a dict of key -> weakref)
 *   finalize                16 weakref, 24 func, 32 args, 40 kwargs (each 0 once called)
 *   super                   16 type, 24 obj, 32 obj_type
 *   map, filter             16 the iterator(s) (map: a tuple of them), 24 func
 *   types.GenericAlias      16 origin, 24 args (always a tuple), 32 parameters
 *                           (0 until __parameters__ is first read),
 *                           40 weakreflist, 48 starred (bool), 56 vectorcall
 */
#ifndef ENGINE_OBJECTS_ITERS_H
#define ENGINE_OBJECTS_ITERS_H

#include "objects/object.h"

#define DV_DICT_OFF 16
#define WVD_DICT_OFF 16   /* WeakValueDictionary: its data dict */
#define WVD_REMOVE_OFF 24 /* and the entries' callback (its _remove) */
#define WVD_WEAKREFS_OFF 32 /* and its weak references (its _remove's selfref) */
#define DI_DICT_OFF 16
#define DI_USED_OFF 24
#define DI_POS_OFF 32
#define DI_RESULT_OFF 40
#define DI_LEN_OFF 48
#define SI_SET_OFF 16
#define SI_USED_OFF 24
#define SI_POS_OFF 32
#define SI_LEN_OFF 40
#define EN_INDEX_OFF 16
#define EN_SIT_OFF 24
#define EN_RESULT_OFF 32
#define EN_LONGINDEX_OFF 40
#define ZIP_SIZE_OFF 16
#define ZIP_ITTUPLE_OFF 24
#define ZIP_RESULT_OFF 32
#define ZIP_STRICT_OFF 40
#define TB_NEXT_OFF 16
#define TB_FRAME_OFF 24
#define TB_LASTI_OFF 32
#define TB_LINENO_OFF 36
#define MAP_ITERS_OFF 16
#define MAP_FUNC_OFF 24
#define SUPER_TYPE_OFF 16
#define SUPER_OBJ_OFF 24
#define SUPER_OBJTYPE_OFF 32
#define FIN_WEAKREF_OFF 16
#define FIN_FUNC_OFF 24
#define FIN_ARGS_OFF 32
#define FIN_KWARGS_OFF 40
#define SLICE_START_OFF 16
#define SLICE_STOP_OFF 24
#define SLICE_STEP_OFF 32
#define GA_ORIGIN_OFF 16
#define GA_ARGS_OFF 24
#define GA_PARAMS_OFF 32
#define GA_WEAKLIST_OFF 40
#define GA_STARRED_OFF 48
#define GA_VECTORCALL_OFF 56
#define SEQITER_IT_INDEX_OFF 16
#define SEQITER_IT_SEQ_OFF 24

/* slice(start, stop, step); 0 arguments mean None.  Borrowed arguments,
 * new reference. */
Obj slice_new(Sim *S, Obj start, Obj stop, Obj step);
void slice_dealloc(Sim *S, Obj o);
/* PySlice_Unpack + PySlice_AdjustIndices for a sequence of length len:
 * 0, or -1 with TypeError/ValueError.  slice_length gives the count. */
int slice_indices(Sim *S, Obj slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step);
/* _PyEval_SliceIndex of one bound: 1 for None (*out untouched), 0 with
 * *out an int's value or an __index__ object's, clamped to int64, or -1
 * with TypeError. */
int slice_index(Sim *S, Obj v, int64_t *out);
int64_t slice_length(int64_t start, int64_t stop, int64_t step);

/* Py_GenericAlias(origin, args): the alias is allocated (and tracked)
 * first, then a one-item tuple packs `args` unless it is a tuple already;
 * `vectorcall` is whether origin has a vectorcall (a built-in class does,
 * a class statement's does not), remembered as ga_vectorcall does.
 * Borrowed arguments, new reference. */
Obj genericalias_new(Sim *S, Obj origin, Obj args, int vectorcall);

/* dealloc / referents for every type listed above (dispatching on the
 * object's type): each clears or visits its reference fields in order,
 * then frees the object. */
void fieldobj_dealloc(Sim *S, Obj o);
/* A WeakValueDictionary: its weak references cleared first, as
 * subtype_dealloc clears them before the instance dict. */
void wvd_dealloc(Sim *S, Obj o);
void fieldobj_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_ITERS_H */
