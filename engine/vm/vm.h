/*
 * vm/vm.h -- the bytecode interpreter (internal): CPython 3.11's ceval on
 * the simulated heap.
 *
 * Frames are _PyInterpreterFrames (objects/frame.h) in the thread's data
 * stack: 16 KiB chunks in the raw region, as 3.11 keeps them outside the
 * pools.  A Python-to-Python CALL pushes the callee's frame and goes on
 * in the same loop (3.11 inlines these calls); C code that calls Python
 * (a type's __init__, __del__, a generator's next, sorted's key) runs a
 * nested loop until its entry frame returns (vm_eval_frame).  Either way
 * every instruction is one vm_exec_one, counted by the tick.
 *
 * Invariants:
 *   - S->vm.frame is the executing frame; frames chain through
 *     `previous`; an entry frame (is_entry) ends a nested loop;
 *   - a frame's stacktop is always current, so the ledger, the self-check
 *     and the inspection API see the value stack between any two events;
 *   - references the VM holds in C variables across anything that may run
 *     code or free objects are registered with vm_temp_push, so they too
 *     are visible to the ledger (holder TEMP).
 */
#ifndef ENGINE_VM_VM_H
#define ENGINE_VM_VM_H

#include "objects/object.h"

#define DATA_STACK_CHUNK_SIZE (16 * 1024)
#define VM_RECURSION_LIMIT 1000
#define VM_C_DEPTH_LIMIT 200     /* nested loops: keeps the host's stack safe */

/* ---- set-up (vm.c) ---- */

/* Makes the builtins and __main__ modules; 0 or -1 with an exception. */
int vm_init(Sim *S);
/* Every reference the VM holds: thread frames, handled exceptions,
 * temporaries, modules.  (Part of sim_roots.) */
void vm_roots(Sim *S, RefVisit visit, void *ud);
/* Releases the VM's references at interpreter shutdown. */
void vm_fini(Sim *S);

/* The slot of the line-table cache (ceval.c's instr_line) for `code`:
 * code objects sit in the raw region at addresses whose low bits vary
 * little, so the whole address is mixed in. */
static inline struct LineCache *vm_line_slot(Sim *S, Obj code)
{
    return &S->vm.lines[(code * 0x9E3779B97F4A7C15u) >> 58 & (VM_LINE_CACHE - 1)];
}

/* code_dealloc: drop the line table cached for `code`. */
void vm_lines_forget(Sim *S, Obj code);

/* The interpreter's shutdown (see sim_engine_finalize); once, when done. */
void vm_finalize(Sim *S);

/* PyErr_WriteUnraisable: "Exception ignored in: <repr of where>" and the
 * pending exception's traceback on stderr; the exception is cleared. */
void vm_write_unraisable(Sim *S, Obj where);

/* ---- temporaries visible to the ledger ---- */
void vm_temp_grow(Sim *S);
/* o's TEMP reference is now a root */
static inline void vm_temp_push(Sim *S, Obj o)
{
    if (S->vm.ntemps == S->vm.captemps) vm_temp_grow(S);
    S->vm.temps[S->vm.ntemps++] = o;
}
/* the last one is a plain TEMP again */
static inline void vm_temp_pop(Sim *S) { S->vm.ntemps--; }

/* ---- frames (frames.c) ---- */

/* A new frame for calling `func` (the func reference is *moved* into
 * f_func, as the 3.11 CALL does), locals NULL, stacktop = nlocalsplus;
 * 0 with MemoryError. */
SimAddr vm_push_frame(Sim *S, Obj func, Obj locals);
/* The common call, CALL's fast path: `func` is an optimized function
 * whose parameters are exactly `nargs` positional ones (no defaults
 * needed, no *args, **kwargs or keyword-only ones) and no keywords are
 * passed.  Then vm_push_frame_exact does vm_push_frame + vm_bind_args
 * (stealing the arguments) at once, with the same events in the same
 * order; 0 with MemoryError (nothing released). */
int vm_call_is_exact(const Sim *S, Obj func, int64_t nargs);
SimAddr vm_push_frame_exact(Sim *S, Obj func, const Obj *args, int64_t nargs);
/* _PyEvalFrameClearAndPop: clears the frame (or hands it to its frame
 * object) and releases its data-stack space. */
void vm_pop_frame(Sim *S, SimAddr frame);
/* _PyThreadState_PopFrame alone: the frame's references already moved
 * elsewhere (into a generator). */
void vm_frames_pop_raw(Sim *S, SimAddr frame);

/* Binds arguments to the frame's parameters as initialize_locals does.
 * args: nargs positional then one per kwname; `steal` says whether their
 * references move into the frame (CALL) or are copied (calls from C).
 * 0, or -1 with TypeError (the references are released either way). */
int vm_bind_args(Sim *S, SimAddr frame, Obj func, const Obj *args, int64_t nargs, Obj kwnames,
                 int steal);

/* ---- running ---- */

/* Executes one instruction of S->vm.frame.  Returns 0 normally; 1 when
 * an entry frame finished (its result, or 0 with S->exc, in *result). */
int vm_exec_one(Sim *S, Obj *result);
/* The same for up to `budget` instructions in a row (one loop, no call
 * per instruction): 0 when the budget ran out. */
int vm_exec(Sim *S, Obj *result, uint64_t budget);
/* The same loop with its event code compiled out (ceval_quiet.c), which
 * vm_exec runs when no sink, hook or audit is attached. */
int vm_exec_quiet(Sim *S, Obj *result, uint64_t budget);

/* Runs `frame` (already pushed, arguments bound) as an entry frame to its
 * end: the result (new reference) or 0 with S->exc. */
Obj vm_eval_frame(Sim *S, SimAddr frame);

/* func(*args, **kw) for a Python function, from C: new reference or 0. */
Obj vm_call_function(Sim *S, Obj func, const Obj *args, int64_t nargs, Obj kwnames, Obj locals);

/* Resumes a generator with `value` (borrowed; None for next()).  The
 * yielded value (new reference, *done 0), or at the end the return value
 * (new reference, *done 1; 0 when it returned None into next()), or 0
 * with S->exc. */
Obj vm_gen_send(Sim *S, Obj gen, Obj value, int *done);
/* gen.close(): GeneratorExit into a suspended generator.  0 or -1. */
int vm_gen_close(Sim *S, Obj gen);

/* The current line of a frame (PyFrame_GetLineNumber). */
int vm_frame_line(const Sim *S, SimAddr frame);

/* ---- exceptions (traceback.c) ---- */

/* PyTraceBack_Here: a traceback entry for `frame` on the pending
 * exception.  0 or -1 (MemoryError: the entry is lost). */
int vm_traceback_here(Sim *S, SimAddr frame);
/* Prints the pending exception as PyErr_Print does (chained exceptions,
 * tracebacks with source lines and carets) to stderr and clears it. */
void vm_print_exception(Sim *S, Obj exc);
/* The unraisable hook's printing (write_unraisable_exc_file): the
 * traceback and "Type: str" of exc alone -- no chain, no suggestion.
 * Consumes the caller's TEMP reference. */
void vm_print_unraisable(Sim *S, Obj exc);
/* Registers the program's source for traceback lines (host copy). */
void vm_set_source(Sim *S, const char *filename, const char *src, size_t len);
/* PyException_SetContext/chaining when raising while handling. */
void vm_chain_context(Sim *S, Obj exc);

/* The whole-heap audit (ob_check) and the allocator's self-check before
 * an instruction; a violation is an engine bug: it is reported through
 * the error stream and the process aborts. */
void vm_selfcheck(Sim *S);

/* ---- the program ---- */
int vm_load(Sim *S, Obj code);   /* a frame for the module code */
/* The parser arena's constants (borrowed): each gains a reference until
 * the module has run, as in `python3 FILE.py`. */
void vm_set_arena(Sim *S, const Obj *objs, size_t n);
int vm_step(Sim *S);             /* SIM_STEP_RUNNING / SIM_STEP_DONE */
void vm_run(Sim *S);             /* steps to the end */

#endif /* ENGINE_VM_VM_H */
