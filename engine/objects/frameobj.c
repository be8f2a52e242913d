/* frameobj.c -- see frameobj.h. */
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"

#define OP_RESUME 151

static int owner_of(const Sim *S, SimAddr frame) { return ((const uint8_t *)ob_ptr(S, frame))[FRAME_OWNER_OFF]; }
static void set_owner(Sim *S, SimAddr frame, int owner) { ((uint8_t *)ob_ptr(S, frame))[FRAME_OWNER_OFF] = (uint8_t)owner; }

static int64_t code_words(const Sim *S, Obj code)
{
    return (int32_t)ob_get32(S, code, CO_NLOCALSPLUS_OFF) + (int32_t)ob_get32(S, code, CO_STACKSIZE_OFF);
}

/* _co_firsttraceable: the index of the first RESUME. */
static int64_t first_traceable(const Sim *S, Obj code)
{
    int64_t n = ob_size(S, code);
    const uint8_t *units = (const uint8_t *)ob_ptr(S, code) + CO_CODE_OFF;
    for (int64_t i = 0; i < n; i++)
        if (units[2 * i] == OP_RESUME) return i;
    return 0;
}

/* _PyFrame_IsIncomplete: a thread's frame that has not reached RESUME. */
static int incomplete(const Sim *S, SimAddr frame)
{
    if (owner_of(S, frame) == FRAME_OWNED_BY_GENERATOR) return 0;
    int64_t lasti = (int64_t)ob_get64(S, frame, FRAME_PREV_INSTR_OFF);
    return lasti < first_traceable(S, ob_get64(S, frame, FRAME_CODE_OFF));
}

Obj frameobj_get(Sim *S, SimAddr frame)
{
    Obj f = ob_get64(S, frame, FRAME_OBJ_OFF);
    if (f) return f;
    Obj code = ob_get64(S, frame, FRAME_CODE_OFF);
    f = ob_alloc(S, TI_FRAME, code_words(S, code) + FRAME_SPECIALS_WORDS);
    if (!f) return 0;
    ob_set64(S, f, FO_BACK_OFF, 0); /* over ob_size, as in CPython */
    ob_set64(S, f, FO_FRAME_OFF, frame);
    ob_set64(S, frame, FRAME_OBJ_OFF, f);
    ob_move(S, f, HOLD_TEMP, HOLD_INTERNAL(frame, R_FRAME_OBJ));
    return f;
}

SimAddr frameobj_frame(const Sim *S, Obj f) { return ob_get64(S, f, FO_FRAME_OFF); }

/* take_ownership: the frame's bytes move into the object; each reference
 * it held changes holder (a move, no count change). */
static void take_ownership(Sim *S, Obj f, SimAddr frame)
{
    int32_t top = (int32_t)ob_get32(S, frame, FRAME_STACKTOP_OFF);
    SimAddr own = f + FO_DATA_OFF;
    memcpy(ob_ptr(S, own), ob_ptr(S, frame), FRAME_LOCALSPLUS_OFF + 8 * (size_t)(top > 0 ? top : 0));
    ob_set64(S, f, FO_FRAME_OFF, own);
    set_owner(S, own, FRAME_OWNED_BY_FRAME_OBJECT);
    ob_set64(S, own, FRAME_OBJ_OFF, 0);
    if (ev_on(&S->ev, SIM_EVCAT_REFCOUNT)) {
        static const struct { uint16_t off, reason; } sp[] = {
            {FRAME_FUNC_OFF, R_FRAME_FUNC}, {FRAME_CODE_OFF, R_FRAME_CODE}, {FRAME_LOCALS_OFF, R_FRAME_LOCALS}};
        for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++) {
            Obj v = ob_get64(S, own, sp[i].off);
            if (v) ob_move(S, v, HOLD_INTERNAL(frame, sp[i].reason), HOLD_INTERNAL(own, sp[i].reason));
        }
        for (int32_t i = 0; i < top; i++) {
            Obj v = ob_get64(S, own, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i);
            if (v) ob_move(S, v, frame_slot_holder(S, frame, i), frame_slot_holder(S, own, i));
        }
    }
    Obj code = ob_get64(S, own, FRAME_CODE_OFF);
    if (incomplete(S, own)) ob_set64(S, own, FRAME_PREV_INSTR_OFF, (uint64_t)first_traceable(S, code));
    SimAddr prev = ob_get64(S, frame, FRAME_PREVIOUS_OFF);
    while (prev && incomplete(S, prev)) prev = ob_get64(S, prev, FRAME_PREVIOUS_OFF);
    if (prev) {
        Obj back = frameobj_get(S, prev);
        if (back) {
            ob_set64(S, f, FO_BACK_OFF, back);
            ob_incref(S, back, HOLD_INTERNAL(f, R_FRAME_BACK));
        } else {
            Obj e = S->exc; /* MemoryError: nothing to be done about it */
            S->exc = 0;
            ob_decref(S, e, HOLD_INTERNAL(0, R_CURRENT_EXC));
        }
    }
    ob_set64(S, own, FRAME_PREVIOUS_OFF, 0);
    if (!gc_is_tracked(S, f)) gc_track(S, f);
}

int frameobj_release(Sim *S, SimAddr frame)
{
    Obj f = ob_get64(S, frame, FRAME_OBJ_OFF);
    if (!f) return 0;
    ob_set64(S, frame, FRAME_OBJ_OFF, 0);
    if (ob_refcnt(S, f) > 1) {
        take_ownership(S, f, frame);
        ob_decref(S, f, HOLD_INTERNAL(frame, R_FRAME_OBJ));
        return 1;
    }
    ob_set64(S, f, FO_FRAME_OFF, 0);
    ob_decref(S, f, HOLD_INTERNAL(frame, R_FRAME_OBJ));
    return 0;
}

uint64_t frameobj_sizeof(const Sim *S, Obj f)
{
    SimAddr fr = frameobj_frame(S, f);
    Obj code = fr ? ob_get64(S, fr, FRAME_CODE_OFF) : 0;
    return GC_HEAD_SIZE + 120 + 8 * (uint64_t)(code ? code_words(S, code) : 0);
}

static const ObField back_fields[] = {{FO_BACK_OFF, R_FRAME_BACK}, {FO_TRACE_OFF, R_NONE}};

static int owns(const Sim *S, Obj f)
{
    SimAddr fr = frameobj_frame(S, f);
    return fr == f + FO_DATA_OFF && owner_of(S, fr) == FRAME_OWNED_BY_FRAME_OBJECT;
}

void frameobj_dealloc(Sim *S, Obj f)
{
    Obj code = 0;
    if (owns(S, f)) {
        SimAddr fr = f + FO_DATA_OFF;
        code = ob_get64(S, fr, FRAME_CODE_OFF);
        static const ObField first[] = {{FRAME_FUNC_OFF, R_FRAME_FUNC}, {FRAME_LOCALS_OFF, R_FRAME_LOCALS}};
        ob_clear_fields(S, fr, first, N_FIELDS(first));
        int32_t top = (int32_t)ob_get32(S, fr, FRAME_STACKTOP_OFF);
        for (int32_t i = 0; i < top; i++) {
            Obj v = ob_get64(S, fr, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i);
            ob_set64(S, fr, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i, 0);
            ob_xdecref(S, v, frame_slot_holder(S, fr, i));
        }
        ob_set64(S, fr, FRAME_CODE_OFF, 0);
    }
    ob_clear_fields(S, f, back_fields, N_FIELDS(back_fields));
    SimAddr fr = f + FO_DATA_OFF;
    ob_free_memory(S, f);
    ob_xdecref(S, code, HOLD_INTERNAL(fr, R_FRAME_CODE));
}

void frameobj_referents(Sim *S, Obj f, RefVisit visit, void *ud)
{
    ob_visit_fields(S, f, back_fields, N_FIELDS(back_fields), visit, ud);
    if (owns(S, f)) frame_referents(S, f + FO_DATA_OFF, visit, ud);
}
