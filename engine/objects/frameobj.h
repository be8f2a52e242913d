/*
 * objects/frameobj.h -- frame objects (PyFrameObject, 3.11): made lazily,
 * when something asks for a running frame as an object (a traceback
 * entry, sys._getframe).  While its interpreter frame runs, the frame
 * object only points at it and the interpreter frame holds the frame
 * object (frame_obj).  When the interpreter frame finishes and someone
 * else still holds the frame object, the object takes the frame over
 * (take_ownership): the specials and live locals are moved into its own
 * _f_frame_data and the caller's frame object becomes its f_back.
 *
 *     16 f_back   24 f_frame (address of the interpreter frame)
 *     32 f_trace  40 f_lineno (i32)   44 owner copy   48 _f_frame_data
 *
 * Allocated as PyObject_GC_NewVar(..., nlocalsplus + stacksize + 9):
 * 120 + 8*(that) bytes plus the GC head; getsizeof reports
 * 136 + 8*(nlocalsplus + stacksize).
 */
#ifndef ENGINE_OBJECTS_FRAMEOBJ_H
#define ENGINE_OBJECTS_FRAMEOBJ_H

#include "objects/object.h"

#define FO_BACK_OFF   16
#define FO_FRAME_OFF  24
#define FO_TRACE_OFF  32
#define FO_LINENO_OFF 40
#define FO_DATA_OFF   48

#define FRAME_OWNED_BY_FRAME_OBJECT 2

/* _PyFrame_GetFrameObject: the frame object of interpreter frame `frame`,
 * made on first use (untracked, held by the frame).  Borrowed; 0 with
 * MemoryError. */
Obj frameobj_get(Sim *S, SimAddr frame);

/* _PyFrame_Clear's first step: if the frame has a frame object that
 * someone else holds, move the frame into it (take_ownership, which makes
 * the previous frame's object its f_back) and return 1 -- the frame's
 * references now belong to the object.  Otherwise drop the frame object
 * and return 0: the caller clears the frame. */
int frameobj_release(Sim *S, SimAddr frame);

/* The interpreter frame a frame object shows (its own data once owned). */
SimAddr frameobj_frame(const Sim *S, Obj f);

uint64_t frameobj_sizeof(const Sim *S, Obj f);

void frameobj_dealloc(Sim *S, Obj o);
void frameobj_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_FRAMEOBJ_H */
