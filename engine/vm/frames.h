/*
 * vm/frames.h -- the data-stack frame operations every Python-to-Python
 * call and return runs (internal to the VM: frames.c and ceval.c).
 * Inline so that CALL and RETURN_VALUE do them without a host call;
 * frames.c's vm_push_frame, vm_push_frame_exact and vm_pop_frame are
 * these same functions, so there is one copy of each step.
 */
#ifndef ENGINE_VM_FRAMES_H
#define ENGINE_VM_FRAMES_H

#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/func.h"
#include "vm/vm.h"

/* A new data-stack chunk holding `words` (push_chunk, frames.c): the
 * frame's address, or 0 when the heap is full (nothing set). */
SimAddr vm_frames_push_chunk(Sim *S, uint64_t words);

/* A chunk: [previous][size][top (saved, in words)][data...] */
#define CHUNK_PREV 0
#define CHUNK_SIZE 8
#define CHUNK_TOP 16
#define CHUNK_DATA 24

static inline int32_t vm_co_int(const Sim *S, Obj code, uint32_t off) { return (int32_t)ob_get32(S, code, off); }

/* _PyThreadState_BumpFramePointer + _PyFrame_InitializeSpecials for
 * `func` whose code is `code` (the func reference moves into f_func);
 * 0 with MemoryError. */
static inline __attribute__((always_inline)) SimAddr vm_frames_push(Sim *S, Obj func, Obj code, Obj locals)
{
    int32_t nlp = vm_co_int(S, code, CO_NLOCALSPLUS_OFF);
    uint64_t words = FRAME_SPECIALS_WORDS + (uint64_t)nlp + (uint64_t)vm_co_int(S, code, CO_STACKSIZE_OFF);
    VmState *vm = &S->vm;
    SimAddr f;
    if (__builtin_expect(vm->chunk && vm->top + 8 * words <= vm->limit, 1)) {
        f = vm->top;
        vm->top += 8 * words;
    } else if (!(f = vm_frames_push_chunk(S, words))) {
        exc_no_memory(S);
        return 0;
    }
    /* the specials and the locals start empty; stack slots are written
     * before they count (stacktop).  A word loop: a few words, too few
     * for memset's call to pay */
    uint64_t *w = ob_ptr(S, f);
    for (uint64_t i = 0; i < FRAME_SPECIALS_WORDS + (uint64_t)nlp; i++) w[i] = 0;
    ob_set64(S, f, FRAME_FUNC_OFF, func);
    ob_move(S, func, HOLD_TEMP, HOLD_INTERNAL(f, R_FRAME_FUNC));
    ob_set64(S, f, FRAME_CODE_OFF, code);
    ob_incref(S, code, HOLD_INTERNAL(f, R_FRAME_CODE));
    ob_set64(S, f, FRAME_BUILTINS_OFF, ob_get64(S, func, FUNC_BUILTINS_OFF));
    ob_set64(S, f, FRAME_GLOBALS_OFF, ob_get64(S, func, FUNC_GLOBALS_OFF));
    if (locals) {
        ob_set64(S, f, FRAME_LOCALS_OFF, locals);
        ob_incref(S, locals, HOLD_INTERNAL(f, R_FRAME_LOCALS));
    }
    ob_set32(S, f, FRAME_STACKTOP_OFF, (uint32_t)nlp);
    ob_set64(S, f, FRAME_PREV_INSTR_OFF, (uint64_t)-1);
    ob_set64(S, f, FRAME_PREVIOUS_OFF, vm->frame);
    return f;
}

/* vm_call_is_exact for `func` whose code is `code`. */
static inline __attribute__((always_inline)) int vm_frames_exact(const Sim *S, Obj code, int64_t nargs)
{
    uint32_t flags = ob_get32(S, code, CO_FLAGS_OFF);
    return (flags & (CO_OPTIMIZED | CO_VARARGS | CO_VARKEYWORDS)) == CO_OPTIMIZED &&
           vm_co_int(S, code, CO_KWONLY_OFF) == 0 && nargs == vm_co_int(S, code, CO_ARGCOUNT_OFF);
}

/* vm_push_frame_exact for `func` whose code is `code`. */
static inline __attribute__((always_inline)) SimAddr vm_frames_push_exact(Sim *S, Obj func, Obj code,
                                                                          const Obj *args, int64_t nargs)
{
    SimAddr f = vm_frames_push(S, func, code, 0);
    if (!f) return 0;
    /* vm_bind_args' common case, stealing */
    for (int64_t j = 0; j < nargs; j++) {
        ob_set64(S, f, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)j, args[j]);
        ob_move(S, args[j], HOLD_TEMP, HOLD(H_LOCAL, f, j, 0));
    }
    return f;
}

/* _PyThreadState_PopFrame (vm_frames_pop_raw) past the chunk's start. */
static inline __attribute__((always_inline)) void vm_frames_pop_space(Sim *S, SimAddr f)
{
    /* the first frame of a chunk gives the chunk back (frames.c) */
    if (__builtin_expect(f == S->vm.chunk + CHUNK_DATA, 0)) vm_frames_pop_raw(S, f);
    else S->vm.top = f;
}

/* vm_pop_frame */
static inline __attribute__((always_inline)) void vm_frames_pop(Sim *S, SimAddr f)
{
    S->vm.depth++; /* tstate->recursion_remaining-- around the clear */
    if (ob_get64(S, f, FRAME_OBJ_OFF)) {
        frame_clear(S, f); /* a frame object may take the frame over */
    } else {
        frame_release(S, f);
    }
    S->vm.depth--;
    vm_frames_pop_space(S, f);
}

#endif /* ENGINE_VM_FRAMES_H */
