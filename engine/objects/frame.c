/* frame.c -- see frame.h. */
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"

Holder frame_slot_holder(const Sim *S, SimAddr frame, int64_t i)
{
    Obj code = ob_get64(S, frame, FRAME_CODE_OFF);
    int64_t nlocalsplus = (int32_t)ob_get32(S, code, CO_NLOCALSPLUS_OFF);
    if (i < nlocalsplus) return HOLD(H_LOCAL, frame, i, 0);
    return HOLD(H_STACK, frame, i - nlocalsplus, 0);
}

void frame_init(Sim *S, SimAddr frame, Obj func)
{
    Obj code = ob_get64(S, func, FUNC_CODE_OFF);
    ob_set64(S, frame, FRAME_FUNC_OFF, func);
    ob_incref(S, func, HOLD_INTERNAL(frame, R_FRAME_FUNC));
    ob_set64(S, frame, FRAME_GLOBALS_OFF, ob_get64(S, func, FUNC_GLOBALS_OFF));
    ob_set64(S, frame, FRAME_BUILTINS_OFF, ob_get64(S, func, FUNC_BUILTINS_OFF));
    ob_set64(S, frame, FRAME_LOCALS_OFF, 0);
    ob_set64(S, frame, FRAME_CODE_OFF, code);
    ob_incref(S, code, HOLD_INTERNAL(frame, R_FRAME_CODE));
    ob_set64(S, frame, FRAME_OBJ_OFF, 0);
    ob_set64(S, frame, FRAME_PREVIOUS_OFF, 0);
    ob_set64(S, frame, FRAME_PREV_INSTR_OFF, (uint64_t)-1); /* before the first instruction */
    ob_set32(S, frame, FRAME_STACKTOP_OFF, 0);
}

void frame_clear(Sim *S, SimAddr frame)
{
    if (frameobj_release(S, frame)) return; /* the frame object took it over */
    frame_release(S, frame);
}

void frame_referents(Sim *S, SimAddr frame, RefVisit visit, void *ud)
{
    static const ObField specials[] = {{FRAME_FUNC_OFF, R_FRAME_FUNC},
                                       {FRAME_CODE_OFF, R_FRAME_CODE},
                                       {FRAME_LOCALS_OFF, R_FRAME_LOCALS},
                                       {FRAME_OBJ_OFF, R_FRAME_OBJ}};
    ob_visit_fields(S, frame, specials, N_FIELDS(specials), visit, ud);
    int32_t top = (int32_t)ob_get32(S, frame, FRAME_STACKTOP_OFF);
    for (int32_t i = 0; i < top; i++) {
        Obj v = ob_get64(S, frame, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i);
        if (!v) continue;
        Holder hd = frame_slot_holder(S, frame, i);
        visit(S, v, &hd, ud);
    }
}
