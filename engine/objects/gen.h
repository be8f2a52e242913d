/*
 * objects/gen.h -- generator objects (PyGenObject, 3.11): 80 bytes of
 * generator fields, then an embedded _PyInterpreterFrame of
 * FRAME_SPECIALS_WORDS + co_nlocalsplus + co_stacksize words, plus the GC
 * head: getsizeof is 168 + 8*(nlocalsplus + stacksize) (176 for
 * `def g(): yield 1`).
 *
 * The VM resumes them; this layer makes, clears and frees them.  A
 * generator that is dropped while suspended has to be closed (GeneratorExit
 * thrown into its frame): that is the VM's, through S->call_hook with the
 * generator itself as the callable.
 */
#ifndef ENGINE_OBJECTS_GEN_H
#define ENGINE_OBJECTS_GEN_H

#include "objects/object.h"

#define GEN_CODE_OFF        16
#define GEN_WEAKREFS_OFF    24
#define GEN_NAME_OFF        32
#define GEN_QUALNAME_OFF    40
#define GEN_EXC_VALUE_OFF   48
#define GEN_FRAME_STATE_OFF 75   /* int8 */
#define GEN_FRAME_OFF       80   /* the embedded frame */

/* gi_frame_state values */
#define FRAME_CREATED   (-2)
#define FRAME_SUSPENDED (-1)
#define FRAME_EXECUTING 0
#define FRAME_COMPLETED 1
#define FRAME_CLEARED   4

/* _Py_MakeCoro(func) for a generator function: the generator with its
 * frame's specials set from func and its locals empty.  New reference. */
Obj gen_new(Sim *S, Obj func);

static inline SimAddr gen_frame(Obj g) { return g + GEN_FRAME_OFF; }
static inline int gen_state(const Sim *S, Obj g)
{
    return (int8_t)((const uint8_t *)ob_ptr(S, g))[GEN_FRAME_STATE_OFF];
}
void gen_set_state(Sim *S, Obj g, int state);

/* _PyGen_Finalize (tp_finalize): closes a suspended generator. */
void gen_finalize(Sim *S, Obj g);
void gen_dealloc(Sim *S, Obj o);
void gen_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_GEN_H */
