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

#include "objects/func.h"
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

/* Py_CLEAR of one of the frame's specials. */
static inline void frame_clear_special(Sim *S, SimAddr frame, uint32_t off, uint16_t reason)
{
    Obj v = ob_get64(S, frame, off);
    if (!v) return;
    ob_set64(S, frame, off, 0);
    ob_decref(S, v, HOLD_INTERNAL(frame, reason));
}

/* frame_clear once no frame object takes the frame over: the live slots
 * bottom up, f_locals, f_func, then f_code (the slots' holders look their
 * kinds up in it).  Inline, since every return runs it. */
static inline void frame_release(Sim *S, SimAddr frame)
{
    int32_t top = (int32_t)ob_get32(S, frame, FRAME_STACKTOP_OFF);
    int32_t nlp = (int32_t)ob_get32(S, ob_get64(S, frame, FRAME_CODE_OFF), CO_NLOCALSPLUS_OFF);
    for (int32_t i = 0; i < top; i++) {
        Obj v = ob_get64(S, frame, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i);
        if (!v) continue;
        ob_set64(S, frame, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i, 0);
        ob_decref(S, v, i < nlp ? HOLD(H_LOCAL, frame, i, 0) : HOLD(H_STACK, frame, i - nlp, 0));
    }
    ob_set32(S, frame, FRAME_STACKTOP_OFF, 0);
    frame_clear_special(S, frame, FRAME_LOCALS_OFF, R_FRAME_LOCALS);
    frame_clear_special(S, frame, FRAME_FUNC_OFF, R_FRAME_FUNC);
    frame_clear_special(S, frame, FRAME_CODE_OFF, R_FRAME_CODE);
}

/* Every reference the frame holds. */
void frame_referents(Sim *S, SimAddr frame, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_FRAME_H */
