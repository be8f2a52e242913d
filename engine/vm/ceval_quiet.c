/*
 * ceval_quiet.c -- the evaluation loop compiled a second time, for runs
 * that nobody watches: vm_exec_quiet.
 *
 * With no event sink, no hook and no audit attached, every event test in
 * the loop is false, yet each one still costs: a reload of the mask
 * (simulated-memory stores may alias it, as far as the compiler knows)
 * and a Holder built on the host stack for the call it guards.  Those were
 * a sixth of `refscope run`.  Here ceval.c is included with the reference
 * operations and `ev_on` replaced by their silent forms, so the compiler
 * drops the dead event code; everything the simulation does -- every
 * count, store, allocation and release, in the same order -- is the same
 * code as ceval.c's.
 *
 * vm_exec picks this loop when S->ev.mask and S->vm.watched are both 0
 * when it is entered.  Sinks, hooks, tick limits and audits are set
 * through the API between runs and steps, never by the program, so they
 * cannot appear while this loop runs (nothing outside is called that
 * could set them: there is no sink and no hook).
 *
 * Code the loop calls out of line (the runtime, the allocator, the
 * collector) is shared with the watched loop and tests the mask itself.
 */
#include <stdint.h>

/* The bias as a const function of the Sim (objects/sim.c): the compiler
 * may then read it once for the whole loop instead of after every store
 * into simulated memory.  True, since the heap never moves. */
struct Sim;
__attribute__((const)) uintptr_t sim_bias_of(const struct Sim *S);
#define OB_BIAS(S) sim_bias_of(S)

#include "objects/object.h"

/* ob_incref, ob_decref, ob_xdecref and ob_move of objects/object.h with
 * their ev_on branches taken as false: the same counts, the same
 * deallocation at zero. */
static inline __attribute__((always_inline)) void quiet_incref(Sim *S, Obj o, Holder hd)
{
    (void)hd;
    ob_set64(S, o, OB_REFCNT_OFF, (uint64_t)(ob_refcnt(S, o) + 1));
}

static inline __attribute__((always_inline)) void quiet_decref(Sim *S, Obj o, Holder hd)
{
    (void)hd;
    int64_t n = ob_refcnt(S, o) - 1;
    ob_set64(S, o, OB_REFCNT_OFF, (uint64_t)n);
    if (n == 0) ob_dealloc(S, o);
}

static inline __attribute__((always_inline)) void quiet_xdecref(Sim *S, Obj o, Holder hd)
{
    if (o) quiet_decref(S, o, hd);
}

static inline __attribute__((always_inline)) void quiet_move(Sim *S, Obj o, Holder from, Holder to)
{
    (void)S, (void)o, (void)from, (void)to;
}

/* From here on -- ceval.c and the headers it includes first -- the silent
 * forms.  (object.h and events/hub.h are already in, with the real ones.) */
#define ob_incref quiet_incref
#define ob_decref quiet_decref
#define ob_xdecref quiet_xdecref
#define ob_move quiet_move
#define ev_on(hub, category) ((void)(hub), 0)

#define VM_CEVAL_QUIET 1
#define vm_exec vm_exec_quiet

#include "ceval.c"
