/* gen.c -- see gen.h. */
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/weakref.h"

/* gen_dealloc's order after the frame: gi_code, gi_name, gi_qualname,
 * then the saved exception state. */
static const ObField gen_fields[] = {
    {GEN_CODE_OFF, R_GEN_CODE}, {GEN_NAME_OFF, R_GEN_NAME},
    {GEN_QUALNAME_OFF, R_GEN_QUALNAME}, {GEN_EXC_VALUE_OFF, R_GEN_EXC},
};

void gen_set_state(Sim *S, Obj g, int state)
{
    ((uint8_t *)ob_ptr(S, g))[GEN_FRAME_STATE_OFF] = (uint8_t)(int8_t)state;
}

Obj gen_new(Sim *S, Obj func)
{
    Obj code = ob_get64(S, func, FUNC_CODE_OFF);
    int64_t slots = FRAME_SPECIALS_WORDS + (int32_t)ob_get32(S, code, CO_NLOCALSPLUS_OFF) +
                    (int32_t)ob_get32(S, code, CO_STACKSIZE_OFF);
    Obj g = ob_alloc(S, TI_GENERATOR, slots);
    if (!g) return 0;
    frame_init(S, gen_frame(g), func);
    ((uint8_t *)ob_ptr(S, g))[GEN_FRAME_OFF + FRAME_OWNER_OFF] = FRAME_OWNED_BY_GENERATOR;
    ob_set64(S, g, GEN_CODE_OFF, code);
    ob_incref(S, code, HOLD_INTERNAL(g, R_GEN_CODE));
    Obj name = ob_get64(S, func, FUNC_NAME_OFF), qual = ob_get64(S, func, FUNC_QUALNAME_OFF);
    ob_set64(S, g, GEN_NAME_OFF, name);
    ob_incref(S, name, HOLD_INTERNAL(g, R_GEN_NAME));
    ob_set64(S, g, GEN_QUALNAME_OFF, qual);
    ob_incref(S, qual, HOLD_INTERNAL(g, R_GEN_QUALNAME));
    gen_set_state(S, g, FRAME_CREATED);
    gc_track(S, g);
    return g;
}

/* _PyGen_Finalize: only a suspended generator has anything to do (close
 * it); one that never started just completes.  The caller holds g. */
void gen_finalize(Sim *S, Obj g)
{
    int state = gen_state(S, g);
    if (state == FRAME_CREATED) {
        /* gen_close throws GeneratorExit into a frame that has no handler
         * yet: it leaves at once, and its locals are released */
        gen_set_state(S, g, FRAME_CLEARED);
        ob_set64(S, gen_frame(g), FRAME_PREVIOUS_OFF, 0);
        frame_clear(S, gen_frame(g));
        return;
    }
    if (state != FRAME_SUSPENDED) return;
    if (S->call_hook) S->call_hook(S, g, g);
    exc_clear(S);
}

/* PyObject_CallFinalizerFromDealloc: resurrected to 1 for the call. */
static int finalize(Sim *S, Obj g)
{
    int state = gen_state(S, g);
    if (state == FRAME_CREATED) gen_set_state(S, g, FRAME_COMPLETED);
    if (state != FRAME_SUSPENDED || gc_is_finalized(S, g)) return 0;
    gc_track(S, g);
    ob_set64(S, g, OB_REFCNT_OFF, 1);
    gen_finalize(S, g);
    gc_set_finalized(S, g);
    int64_t rc = ob_refcnt(S, g) - 1;
    ob_set64(S, g, OB_REFCNT_OFF, (uint64_t)rc);
    if (rc != 0) return 1;
    gc_untrack(S, g);
    return 0;
}

void gen_dealloc(Sim *S, Obj g)
{
    weakref_clear_all(S, g);
    if (finalize(S, g)) return; /* resurrected */
    if (gen_state(S, g) < FRAME_CLEARED) {
        gen_set_state(S, g, FRAME_CLEARED);
        ob_set64(S, gen_frame(g), FRAME_PREVIOUS_OFF, 0);
        frame_clear(S, gen_frame(g));
    }
    ob_clear_fields(S, g, gen_fields, N_FIELDS(gen_fields));
    ob_free_object(S, g);
}

void gen_referents(Sim *S, Obj g, RefVisit visit, void *ud)
{
    if (gen_state(S, g) < FRAME_CLEARED) frame_referents(S, gen_frame(g), visit, ud);
    ob_visit_fields(S, g, gen_fields, N_FIELDS(gen_fields), visit, ud);
}
