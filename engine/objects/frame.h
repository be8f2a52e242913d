/*
 * objects/frame.h -- CPython 3.11's _PyInterpreterFrame, as laid out in
 * simulated memory: the frames of running functions (in the VM's data
 * stack chunks) and the frame a generator embeds.
 *
 *     0 f_func      strong     32 f_code      strong   64 stacktop (int32)
 *     8 f_globals   borrowed   40 frame_obj   strong   68 is_entry, owner
 *    16 f_builtins  borrowed   48 previous             72 localsplus[]:
 *    24 f_locals    strong     56 prev_instr              locals, cells,
 *                                                         free vars, stack
 *
 * localsplus[i] for i < co_nlocalsplus is a local (holder H_LOCAL) and
 * above that a value-stack slot (H_STACK); the owner of those holders is
 * the frame's address.  stacktop counts the live slots of localsplus.
 * prev_instr is kept as an index: the code unit of the instruction last
 * started (-1 before the first), CPython's prev_instr - _PyCode_CODE(code).
 */
#ifndef ENGINE_OBJECTS_FRAME_H
#define ENGINE_OBJECTS_FRAME_H

#include "objects/object.h"

#define FRAME_FUNC_OFF      0
#define FRAME_GLOBALS_OFF   8
#define FRAME_BUILTINS_OFF  16
#define FRAME_LOCALS_OFF    24
#define FRAME_CODE_OFF      32
#define FRAME_OBJ_OFF       40
#define FRAME_PREVIOUS_OFF  48
#define FRAME_PREV_INSTR_OFF 56
#define FRAME_STACKTOP_OFF  64
#define FRAME_OWNER_OFF     69
#define FRAME_LOCALSPLUS_OFF 72
#define FRAME_SPECIALS_WORDS 9     /* (sizeof(_PyInterpreterFrame) - 1) / 8 */

/* frame->owner */
#define FRAME_OWNED_BY_THREAD 0
#define FRAME_OWNED_BY_GENERATOR 1

/* The holder of localsplus[i] in a frame of code `code`. */
Holder frame_slot_holder(const Sim *S, SimAddr frame, int64_t i);

/* Fills a frame's specials for calling `func` (f_func and f_code gain
 * references); localsplus stays as it is, stacktop 0. */
void frame_init(Sim *S, SimAddr frame, Obj func);

/* _PyFrame_Clear: the live localsplus slots, f_locals, f_func, f_code. */
void frame_clear(Sim *S, SimAddr frame);

/* Every reference the frame holds. */
void frame_referents(Sim *S, SimAddr frame, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_FRAME_H */
