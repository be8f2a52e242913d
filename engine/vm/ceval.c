/*
 * ceval.c -- one instruction at a time: CPython 3.11's _PyEval_EvalFrameDefault,
 * opcode by opcode, with its reference-count effects in its order (which
 * slot is increfed, which decref comes first, when a result lands on the
 * stack), its error path (a traceback entry per frame, the exception
 * table, the unwinding of frames) and its inlined Python-to-Python calls.
 *
 * Every stack slot is written through the frame in simulated memory, and
 * a slot is emptied before the reference it held is released, so that
 * code a release runs (__del__) sees a consistent heap.
 */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "runtime/importlib.h"
#include "runtime/runtime.h"
#include "runtime/vmops.h"
#include "vm/disasm.h"
#include "vm/frames.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

/* Dispatch: with GCC and clang, a jump straight from the table to each
 * opcode's code ("computed goto", a GNU extension -Wall -Wextra accept
 * without -Wpedantic); elsewhere, or with -DREFSCOPE_SWITCH_DISPATCH, the
 * plain switch.  TARGET(NAME) is both the case and the label. */
#if defined(__GNUC__) && !defined(REFSCOPE_SWITCH_DISPATCH)
#define VM_COMPUTED_GOTO 1
/* the extension is intended here, also under -Wpedantic */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wgnu-label-as-value"
#else
#pragma GCC diagnostic ignored "-Wpedantic"
#endif
#define TARGET(name) case OP_##name: TARGET_##name:
#else
#define VM_COMPUTED_GOTO 0
#define TARGET(name) case OP_##name:
#endif

/* opcode._inline_cache_entries, as a table the dispatch can index */
#define CACHE_ROW_(nm, num, fl, nc, d) [num] = (nc),
static const uint8_t cache_count[256] = {OPCODES(CACHE_ROW_)};
#undef CACHE_ROW_

/* ---- the frame being executed ---- */

typedef struct Ctx {
    SimAddr f;
    Obj code;
    int32_t nlp;          /* co_nlocalsplus: where the value stack starts */
    int64_t instr;        /* index of the instruction (code units) */
    int64_t next;         /* index of the next one */
    const uint8_t *units; /* co_code's code units, in host memory (the heap never moves) */
} Ctx;

/* A copy of the context for a helper called out of line: the loop's own
 * Ctx, whose address then never leaves vm_exec, can live in registers.
 * (The helpers read it, or -- unwind -- leave the frame to reload from
 * S->vm.frame, which next_instr does.) */
#define ctx_copy(c) (&(struct { Ctx v; }){*(c)}.v)

static inline __attribute__((always_inline)) int32_t top_of(const Sim *S, SimAddr f) { return (int32_t)ob_get32(S, f, FRAME_STACKTOP_OFF); }
static inline __attribute__((always_inline)) void set_top(Sim *S, SimAddr f, int32_t t) { ob_set32(S, f, FRAME_STACKTOP_OFF, (uint32_t)t); }
static inline __attribute__((always_inline)) Obj slot(const Sim *S, SimAddr f, int32_t i) { return ob_get64(S, f, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i); }
static inline __attribute__((always_inline)) void set_slot(Sim *S, SimAddr f, int32_t i, Obj v) { ob_set64(S, f, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i, v); }
static Holder stack_holder(const Ctx *c, int32_t i) { return HOLD(H_STACK, c->f, i - c->nlp, 0); }

static __attribute__((noinline)) void emit_stack(Sim *S, const Ctx *c, SimEventKind k, Obj o, int32_t depth)
{
    SimEvent ev = EV_BLANK(k);
    ev.addr = c->f;
    ev.obj = o;
    ev.a = depth;
    ev_emit(&S->ev, &ev);
}

/* The value-stack helpers do their memory work inline and leave the
 * events (a REF_MOVE, then PUSH or POP) to one out-of-line call behind a
 * single test of the mask: with no sink that is all they cost. */
static __attribute__((noinline)) void push_events(Sim *S, const Ctx *c, Obj v, int32_t t, int moved)
{
    if (v && moved) ob_move(S, v, HOLD_TEMP, stack_holder(c, t));
    if (ev_on(&S->ev, SIM_EVCAT_STACK)) emit_stack(S, c, SIM_EV_PUSH, v, t + 1 - c->nlp);
}

static __attribute__((noinline)) void pop_events(Sim *S, const Ctx *c, Obj v, int32_t t)
{
    if (v) ob_move(S, v, stack_holder(c, t), HOLD_TEMP);
    if (ev_on(&S->ev, SIM_EVCAT_STACK)) emit_stack(S, c, SIM_EV_POP, v, t - c->nlp);
}

/* Pushes a reference the caller owns (TEMP): it moves onto the stack. */
static inline __attribute__((always_inline)) void push(Sim *S, const Ctx *c, Obj v)
{
    int32_t t = top_of(S, c->f);
    set_slot(S, c->f, t, v);
    set_top(S, c->f, t + 1);
    if (__builtin_expect(S->ev.mask != 0, 0)) push_events(S, c, v, t, 1);
}

/* Pushes a borrowed reference: the stack slot gains one (Py_INCREF; PUSH). */
static inline __attribute__((always_inline)) void push_incref(Sim *S, const Ctx *c, Obj v)
{
    int32_t t = top_of(S, c->f);
    set_slot(S, c->f, t, v);
    set_top(S, c->f, t + 1);
    ob_incref(S, v, stack_holder(c, t));
    if (__builtin_expect(S->ev.mask != 0, 0)) push_events(S, c, v, t, 0);
}

/* Pops the top: its reference now belongs to the caller (TEMP). */
static inline __attribute__((always_inline)) Obj pop(Sim *S, const Ctx *c)
{
    int32_t t = top_of(S, c->f) - 1;
    Obj v = slot(S, c->f, t);
    set_slot(S, c->f, t, 0);
    set_top(S, c->f, t);
    if (__builtin_expect(S->ev.mask != 0, 0)) pop_events(S, c, v, t);
    return v;
}

/* PEEK(n): n = 1 is the top.  Borrowed. */
static inline __attribute__((always_inline)) Obj peek(const Sim *S, const Ctx *c, int32_t n) { return slot(S, c->f, top_of(S, c->f) - n); }

static __attribute__((noinline)) void replace_events(Sim *S, const Ctx *c, int32_t i, Obj old, Obj v)
{
    if (old) ob_move(S, old, stack_holder(c, i), HOLD_TEMP);
    if (v) ob_move(S, v, HOLD_TEMP, stack_holder(c, i));
}

/* SET_TOP-style replacement of PEEK(n) by a reference the caller owns;
 * the old reference becomes the caller's (TEMP). */
static inline __attribute__((always_inline)) Obj replace(Sim *S, const Ctx *c, int32_t n, Obj v)
{
    int32_t i = top_of(S, c->f) - n;
    Obj old = slot(S, c->f, i);
    set_slot(S, c->f, i, v);
    if (__builtin_expect(S->ev.mask != 0, 0)) replace_events(S, c, i, old, v);
    return old;
}

static void decref(Sim *S, Obj v) { ob_decref(S, v, HOLD_TEMP); }
static void xdecref(Sim *S, Obj v) { ob_xdecref(S, v, HOLD_TEMP); }

/* The end of an instruction that replaces its operand by a result:
 * Py_DECREF(operand); [Py_DECREF(extra);] SET_TOP(res).  The releases may
 * run code (__del__), so res waits as a temporary root.  -1 when res is 0
 * (the operation failed; its slot is popped, the exception pending). */
static inline __attribute__((always_inline)) int finish_top(Sim *S, const Ctx *c, Obj res, Obj extra)
{
    if (res) vm_temp_push(S, res);
    decref(S, replace(S, c, 1, 0));
    xdecref(S, extra);
    if (!res) {
        pop(S, c);
        return -1;
    }
    vm_temp_pop(S);
    replace(S, c, 1, res);
    return 0;
}

/* Small-int arithmetic inline, as the specialised BINARY_OP_ADD_INT and
 * COMPARE_OP_INT_JUMP reach longobject.c's fast paths: an int of at most
 * one digit (a "medium" int) has the value ob_size * digit[0]. */
static inline __attribute__((always_inline)) int medium_value(const Sim *S, Obj o, int64_t *v)
{
    int64_t n = ob_size(S, o);
    if (n < -1 || n > 1) return 0;
    *v = n * (int64_t)ob_get32(S, o, INT_DIGITS_OFF);
    return 1;
}

/* _PyLong_FromSTwoDigits(v), what _PyLong_Add/_Subtract end with for
 * medium operands: the small-int singleton (a new reference) inline, the
 * rest through int.c.  New reference or 0. */
static inline __attribute__((always_inline)) Obj int_result(Sim *S, int64_t v)
{
    if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) {
        Obj o = int_small(S, v);
        ob_incref(S, o, HOLD_TEMP);
        return o;
    }
    return int_from_i64(S, v);
}

static inline __attribute__((always_inline)) Obj const_at(const Sim *S, const Ctx *c, int oparg)
{
    return tuple_item(S, ob_get64(S, c->code, CO_CONSTS_OFF), oparg);
}

static inline __attribute__((always_inline)) Obj name_at(const Sim *S, const Ctx *c, int oparg)
{
    return tuple_item(S, ob_get64(S, c->code, CO_NAMES_OFF), oparg);
}

static inline __attribute__((always_inline)) Obj local_name(const Sim *S, const Ctx *c, int oparg)
{
    return tuple_item(S, ob_get64(S, c->code, CO_LOCALSPLUSNAMES_OFF), oparg);
}

static inline __attribute__((always_inline)) uint8_t local_kind(const Sim *S, const Ctx *c, int oparg)
{
    Obj kinds = ob_get64(S, c->code, CO_LOCALSPLUSKINDS_OFF);
    return ((const uint8_t *)ob_ptr(S, kinds))[BYTES_DATA_OFF + oparg];
}


/* ---- errors with CPython's messages ---- */

static void name_error(Sim *S, Obj name)
{
    char buf[256];
    str_to_utf8(S, name, buf, sizeof buf);
    /* a name of CPython 3.11's builtins module that refscope lacks is
     * outside the subset, and the error says so */
    const char *why = rt_cpython_has_attr("module builtins", buf) ? " (a builtin outside refscope's subset)" : "";
    exc_set(S, EXC_NameError, "name '%.200s' is not defined%s", buf, why);
    vmops_set_name(S, name);
}

static void unbound_error(Sim *S, const Ctx *c, int oparg)
{
    char buf[256];
    str_to_utf8(S, local_name(S, c, oparg), buf, sizeof buf);
    if (local_kind(S, c, oparg) & CO_FAST_FREE)
        exc_set(S, EXC_NameError,
                "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                buf);
    else
        exc_set(S, EXC_UnboundLocalError,
                "cannot access local variable '%s' where it is not associated with a value", buf);
}

/* ---- LOAD_GLOBAL and LOAD_NAME ---- */

/* The value of `name` in the first of the n namespaces ns[] that has it
 * (borrowed); 0 when none has (S->exc 0) or a lookup failed.
 *
 * Where each instruction last found its name is remembered in host
 * memory (S->vm.ncache, never the simulated heap), as CPython 3.11's
 * LOAD_GLOBAL_MODULE/BUILTIN remember an entry index and check the keys'
 * version.  A remembered entry is used again only when it provably is
 * what the lookups would find:
 *   - the namespace that had the name still has, at the same entry of a
 *     combined str-keyed table, `name` itself as the key (then no other
 *     entry can hold it, and its probe finds that entry; the value is
 *     read afresh, so stores are seen);
 *   - each namespace before it is the same dict with the same
 *     ma_version_tag (a global counter's value, renewed by every change
 *     and by every new dict, so no insertion of the name is missed).
 * Only lookups in combined str-keyed tables are remembered: their probes
 * run no __eq__ and take no reference, so skipping one changes nothing
 * the simulation shows (the name's hash was cached in the str by the
 * first lookup). */
static inline __attribute__((always_inline)) Obj load_name_in(Sim *S, const Ctx *c, Obj name, const Obj *ns, int n)
{
    struct NameCache *e =
        &S->vm.ncache[((c->code >> 4) ^ (uint64_t)c->instr * 0x9E3779B1u) & (VM_NAME_CACHE - 1)];
    if (e->code == c->code && e->instr == c->instr) {
        int lv = e->level, ok = e->ns[lv] == ns[lv];
        for (int i = 0; i < lv && ok; i++) ok = e->ns[i] == ns[i] && e->ver[i] == dict_version(S, ns[i]);
        Obj v = ok ? dict_str_entry_value(S, ns[lv], e->ix, name) : 0;
        if (v) return v;
    }
    Obj v = 0;
    int lv = 0;
    for (; lv < n; lv++) {
        v = dict_getitem(S, ns[lv], name);
        if (v || S->exc) break;
    }
    if (!v) return 0;
    /* the misses count only when their probes were side-effect free too
     * (a general table's may have compared keys) and versioned */
    int64_t ix = dict_str_entry(S, ns[lv], name);
    int ok = ix >= 0;
    for (int i = 0; i < lv && ok; i++)
        ok = dict_version(S, ns[i]) && dk_kind(S, dict_keys(S, ns[i])) != DICT_KEYS_GENERAL;
    if (!ok) {
        e->code = 0;
        return v;
    }
    e->code = c->code;
    e->instr = c->instr;
    e->level = lv;
    e->ix = ix;
    for (int i = 0; i <= lv; i++) e->ns[i] = ns[i];
    for (int i = 0; i < lv; i++) e->ver[i] = dict_version(S, ns[i]);
    return v;
}

/* The attribute cache entry of the running instruction (runtime/attr.c
 * checks that it describes the object before using it). */
static inline __attribute__((always_inline)) struct AttrCache *attr_cache(Sim *S, const Ctx *c)
{
    return &S->vm.acache[((c->code >> 4) ^ (uint64_t)c->instr * 0x9E3779B1u) & (VM_ATTR_CACHE - 1)];
}

/* ---- the exception table ---- */

static int find_handler(const Sim *S, Obj code, int64_t offset, DisasmExcEntry *out)
{
    DisasmExcIter it;
    DisasmExcEntry e;
    disasm_exc_begin(&it, S, code);
    while (disasm_exc_next(&it, &e)) {
        if (offset >= e.start && offset < e.end) {
            *out = e;
            return 1;
        }
    }
    return 0;
}

/* ---- frames ---- */

static inline __attribute__((always_inline)) void load_ctx(const Sim *S, Ctx *c, SimAddr f)
{
    c->f = f;
    c->code = ob_get64(S, f, FRAME_CODE_OFF);
    c->nlp = (int32_t)ob_get32(S, c->code, CO_NLOCALSPLUS_OFF);
    c->units = (const uint8_t *)ob_ptr(S, c->code) + CO_CODE_OFF;
}

static int is_entry(const Sim *S, SimAddr f) { return ((const uint8_t *)ob_ptr(S, f))[68] != 0; }
static int owner(const Sim *S, SimAddr f) { return ((const uint8_t *)ob_ptr(S, f))[FRAME_OWNER_OFF]; }

static void emit_frame(Sim *S, SimEventKind k, SimAddr f)
{
    if (!ev_on(&S->ev, SIM_EVCAT_VM)) return;
    SimEvent ev = EV_BLANK(k);
    ev.addr = f;
    ev.obj = ob_get64(S, f, FRAME_CODE_OFF);
    ev.a = S->vm.depth;
    ev_emit(&S->ev, &ev);
}

/* _Py_EnterRecursivePy: 0, or -1 with RecursionError. */
static int enter_recursive(Sim *S)
{
    if (++S->vm.depth > S->vm.recursion_limit) {
        S->vm.depth--;
        exc_set(S, EXC_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

/* The generator owning a generator frame. */
static Obj gen_of(SimAddr f) { return f - GEN_FRAME_OFF; }

/* ---- calls ---- */

/* CALL's inlined case: the function and arguments on the stack move into
 * a new frame.  0 (the new frame is current), or -1 with an exception
 * (the stack already shrunk, as in CPython). */
static int inline_call(Sim *S, Ctx *c, Obj func, int32_t total_args, int is_meth, Obj kwnames)
{
    Obj code = ob_get64(S, func, FUNC_CODE_OFF);
    uint32_t flags = ob_get32(S, code, CO_FLAGS_OFF);
    Obj locals = (flags & CO_OPTIMIZED) ? 0 : ob_get64(S, func, FUNC_GLOBALS_OFF);
    int32_t t = top_of(S, c->f);
    Obj argv[16], *args = argv;
    Obj *heap_args = NULL;
    if (total_args > 16) {
        heap_args = malloc(sizeof(Obj) * (size_t)total_args);
        if (!heap_args) abort();
        args = heap_args;
    }
    /* STACK_SHRINK(total_args), then STACK_SHRINK(2 - is_meth): the
     * references move into the frame without a count change. */
    for (int32_t i = 0; i < total_args; i++) {
        args[i] = slot(S, c->f, t - total_args + i);
        ob_move(S, args[i], stack_holder(c, t - total_args + i), HOLD_TEMP);
        set_slot(S, c->f, t - total_args + i, 0);
    }
    int32_t below = t - total_args - (2 - is_meth);
    for (int32_t i = below; i < t - total_args; i++) set_slot(S, c->f, i, 0);
    set_top(S, c->f, below);
    ob_move(S, func, HOLD(H_STACK, c->f, 0, 0), HOLD_TEMP);
    int32_t nkw = kwnames ? (int32_t)ob_size(S, kwnames) : 0;
    /* the exact case inline (vm/frames.h): no host call for the frame */
    int exact = !kwnames && vm_frames_exact(S, code, total_args);
    SimAddr nf = exact ? vm_frames_push_exact(S, func, code, args, total_args) : vm_push_frame(S, func, locals);
    int r = -1;
    if (!nf) {
        for (int32_t i = 0; i < total_args; i++) decref(S, args[i]);
        decref(S, func);
    } else if (!exact && vm_bind_args(S, nf, func, args, total_args - nkw, kwnames, 1) != 0) {
        vm_pop_frame(S, nf);
    } else {
        /* frame->prev_instr = next_instr - 1: resume after the caches */
        ob_set64(S, c->f, FRAME_PREV_INSTR_OFF, (uint64_t)(c->next - 1));
        if (enter_recursive(S) != 0) {
            vm_pop_frame(S, nf);
        } else {
            S->vm.frame = nf;
            emit_frame(S, SIM_EV_FRAME_ENTER, nf);
            r = 0;
        }
    }
    free(heap_args);
    return r;
}

/* CALL for anything but an inlined function: the callable and arguments
 * stay on the stack during the call and are released after it. */
static int generic_call(Sim *S, Ctx *c, int32_t total_args, int is_meth, Obj kwnames)
{
    int32_t t = top_of(S, c->f);
    int32_t nkw = kwnames ? (int32_t)ob_size(S, kwnames) : 0;
    Obj func = slot(S, c->f, t - total_args - 1);
    /* PyObject_Vectorcall(function, stack_pointer - total_args, ...): the
     * arguments are read where they lie on the value stack */
    const Obj *args = (const Obj *)ob_ptr(S, c->f + FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)(t - total_args));
    Obj res = rt_call(S, func, args, total_args - nkw, kwnames);
    if (res) vm_temp_push(S, res);
    /* Py_DECREF(function), then the arguments, bottom up */
    int32_t fi = t - total_args - 1;
    set_slot(S, c->f, fi, 0);
    ob_decref(S, func, stack_holder(c, fi));
    for (int32_t i = 0; i < total_args; i++) {
        int32_t si = t - total_args + i;
        Obj a = slot(S, c->f, si);
        set_slot(S, c->f, si, 0);
        ob_decref(S, a, stack_holder(c, si));
    }
    set_top(S, c->f, t - total_args - (2 - is_meth));
    if (!res) return -1;
    vm_temp_pop(S);
    push(S, c, res);
    return 0;
}

/* ---- generators ---- */

/* RETURN_GENERATOR: the frame moves into a new generator. */
static Obj make_generator(Sim *S, const Ctx *c)
{
    Obj func = ob_get64(S, c->f, FRAME_FUNC_OFF);
    Obj g = ob_alloc(S, TI_GENERATOR, FRAME_SPECIALS_WORDS + c->nlp +
                                          (int32_t)ob_get32(S, c->code, CO_STACKSIZE_OFF));
    if (!g) return 0;
    gen_set_state(S, g, FRAME_CLEARED);
    static const struct { uint16_t goff, foff, reason; } names[] = {
        {GEN_CODE_OFF, FUNC_CODE_OFF, R_GEN_CODE},
        {GEN_NAME_OFF, FUNC_NAME_OFF, R_GEN_NAME},
        {GEN_QUALNAME_OFF, FUNC_QUALNAME_OFF, R_GEN_QUALNAME},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        Obj v = ob_get64(S, func, names[i].foff);
        ob_set64(S, g, names[i].goff, v);
        ob_incref(S, v, HOLD_INTERNAL(g, names[i].reason));
    }
    gc_track(S, g);
    /* _PyFrame_Copy: the specials and live slots move */
    SimAddr gf = gen_frame(g);
    int32_t top = top_of(S, c->f);
    memcpy(ob_ptr(S, gf), ob_ptr(S, c->f), FRAME_LOCALSPLUS_OFF + 8 * (size_t)top);
    ((uint8_t *)ob_ptr(S, gf))[FRAME_OWNER_OFF] = FRAME_OWNED_BY_GENERATOR;
    ((uint8_t *)ob_ptr(S, gf))[68] = 0;
    ob_set64(S, gf, FRAME_PREVIOUS_OFF, 0);
    if (ev_on(&S->ev, SIM_EVCAT_REFCOUNT)) {
        ob_move(S, func, HOLD_INTERNAL(c->f, R_FRAME_FUNC), HOLD_INTERNAL(gf, R_FRAME_FUNC));
        ob_move(S, c->code, HOLD_INTERNAL(c->f, R_FRAME_CODE), HOLD_INTERNAL(gf, R_FRAME_CODE));
        for (int32_t i = 0; i < top; i++) {
            Obj v = slot(S, gf, i);
            if (v) ob_move(S, v, frame_slot_holder(S, c->f, i), frame_slot_holder(S, gf, i));
        }
    }
    gen_set_state(S, g, FRAME_CREATED);
    return g;
}

/* ---- unwinding ---- */

/* What happens after an instruction failed: a traceback entry for this
 * frame, then the exception table; without a handler, the frame is
 * popped and the caller's instruction fails in turn.  Returns 0 when a
 * handler took over, 1 when an entry frame gave up (*result = 0). */
static int unwind(Sim *S, Ctx *c, int add_traceback)
{
    /* the handler is looked up at the failing instruction, not at
     * prev_instr, which RERAISE may have moved back */
    int64_t where = c->instr;
    for (;;) {
        if (add_traceback) vm_traceback_here(S, c->f);
        add_traceback = 1;
        int64_t lasti = (int64_t)ob_get64(S, c->f, FRAME_PREV_INSTR_OFF);
        DisasmExcEntry h;
        if (find_handler(S, c->code, 2 * where, &h)) {
            int32_t level = c->nlp + (int32_t)h.depth;
            while (top_of(S, c->f) > level) xdecref(S, pop(S, c));
            if (h.lasti) {
                Obj li = int_from_i64(S, lasti);
                if (!li) continue; /* MemoryError: unwind again */
                push(S, c, li);
            }
            Obj e = S->exc;
            S->exc = 0;
            ob_move(S, e, HOLD_INTERNAL(0, R_CURRENT_EXC), HOLD_TEMP);
            push(S, c, e);
            ob_set64(S, c->f, FRAME_PREV_INSTR_OFF, (uint64_t)(h.target / 2 - 1));
            if (ev_on(&S->ev, SIM_EVCAT_VM)) {
                SimEvent ev = EV_BLANK(SIM_EV_HANDLE);
                ev.addr = c->f;
                ev.obj = e;
                ev.a = h.target;
                ev_emit(&S->ev, &ev);
            }
            return 0;
        }
        while (top_of(S, c->f) > c->nlp) xdecref(S, pop(S, c));
        S->vm.depth--;
        emit_frame(S, SIM_EV_FRAME_EXIT, c->f);
        if (is_entry(S, c->f)) {
            S->vm.frame = ob_get64(S, c->f, FRAME_PREVIOUS_OFF);
            return 1;
        }
        SimAddr dying = c->f;
        S->vm.frame = ob_get64(S, dying, FRAME_PREVIOUS_OFF);
        vm_pop_frame(S, dying);
        load_ctx(S, c, S->vm.frame);
        where = (int64_t)ob_get64(S, c->f, FRAME_PREV_INSTR_OFF);
    }
}

/* ---- raising ---- */

/* do_raise: RAISE_VARARGS with exc (and cause), both TEMP references. */
static void do_raise(Sim *S, Obj exc, Obj cause)
{
    Obj value = 0;
    if (vmops_is_exception_class(S, exc)) {
        value = rt_call(S, exc, NULL, 0, 0);
        if (!value) goto out;
        if (!vmops_is_exception(S, value)) {
            char t1[128], t2[128];
            vmops_type_name(S, exc, t1, sizeof t1, 1);
            vmops_type_name(S, value, t2, sizeof t2, 0);
            exc_set(S, EXC_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                    t1, t2);
            goto out;
        }
    } else if (vmops_is_exception(S, exc)) {
        value = exc;
        ob_incref(S, value, HOLD_TEMP);
    } else {
        exc_set(S, EXC_TypeError, "exceptions must derive from BaseException");
        goto out;
    }
    if (cause) {
        Obj fixed;
        if (vmops_is_exception_class(S, cause)) {
            fixed = rt_call(S, cause, NULL, 0, 0);
            if (!fixed) goto out;
        } else if (vmops_is_exception(S, cause)) {
            fixed = cause;
            ob_incref(S, fixed, HOLD_TEMP);
        } else if (cause == S->none) {
            fixed = 0;
        } else {
            exc_set(S, EXC_TypeError, "exception causes must derive from BaseException");
            goto out;
        }
        vmops_set_cause(S, value, fixed);
    }
    vmops_raise(S, value);
    value = 0;
out:
    xdecref(S, value);
    xdecref(S, exc);
    xdecref(S, cause);
}

/* _PyDict_FromItems over the stack for BUILD_MAP / BUILD_CONST_KEY_MAP:
 * new reference or 0.  Out of line: its host arrays (on the stack for
 * the usual few items -- a calloc and a free each per dict display were
 * a few percent of a dict-heavy run) stay out of the loop's frame. */
static __attribute__((noinline)) Obj map_from_stack(Sim *S, SimAddr f, int op, int oparg)
{
    Obj small_keys[16], small_values[16];
    Obj *keys = small_keys, *values = small_values;
    if (oparg > 16) {
        keys = calloc((size_t)oparg + 1, sizeof(Obj));
        values = calloc((size_t)oparg + 1, sizeof(Obj));
        if (!keys || !values) abort(); /* host out of memory */
    }
    int32_t t = top_of(S, f);
    if (op == OP_BUILD_MAP) {
        for (int i = 0; i < oparg; i++) {
            keys[i] = slot(S, f, t - 2 * oparg + 2 * i);
            values[i] = slot(S, f, t - 2 * oparg + 2 * i + 1);
        }
    } else {
        Obj ktuple = slot(S, f, t - 1);
        for (int i = 0; i < oparg; i++) {
            keys[i] = tuple_item(S, ktuple, i);
            values[i] = slot(S, f, t - 1 - oparg + i);
        }
    }
    Obj map = dict_from_items(S, oparg, keys, values);
    if (keys != small_keys) {
        free(keys);
        free(values);
    }
    return map;
}

/* BUILD_MAP / BUILD_CONST_KEY_MAP: the dict, then the items popped and
 * released top first. */
static int build_map(Sim *S, Ctx *c, int op, int oparg)
{
    Obj map = map_from_stack(S, c->f, op, oparg);
    if (map) vm_temp_push(S, map);
    int count = op == OP_BUILD_MAP ? 2 * oparg : oparg + 1;
    for (int i = 0; i < count; i++) decref(S, pop(S, c));
    if (!map) return -1;
    vm_temp_pop(S);
    push(S, c, map);
    return 0;
}

/* UNPACK_SEQUENCE / UNPACK_EX: the items pushed last first. */
static __attribute__((noinline)) int unpack(Sim *S, Ctx *c, int op, int oparg)
{
    Obj seq = pop(S, c);
    vm_temp_push(S, seq);
    int32_t t = top_of(S, c->f);
    int before = op == OP_UNPACK_SEQUENCE ? oparg : (oparg & 0xff);
    int after = op == OP_UNPACK_SEQUENCE ? -1 : (oparg >> 8);
    int n = op == OP_UNPACK_SEQUENCE ? oparg : before + 1 + after;
    Obj small[16], *items = small;
    if (n + 1 > 16) {
        items = malloc(sizeof(Obj) * (size_t)(n + 1));
        if (!items) abort(); /* host out of memory */
    }
    int err = vmops_unpack(S, seq, before, after, items);
    vm_temp_pop(S);
    if (!err) {
        for (int i = n - 1; i >= 0; i--) {
            set_slot(S, c->f, t + (n - 1 - i), items[i]);
            set_top(S, c->f, t + (n - i));
            ob_move(S, items[i], HOLD_TEMP, stack_holder(c, t + (n - 1 - i)));
        }
    }
    if (items != small) free(items);
    decref(S, seq);
    return err;
}

/* The line of code unit `unit` (dis's line, -1 for none): the whole
 * table is decoded once per code object, since a trace asks for every
 * instruction's line. */
static int64_t instr_line(Sim *S, Obj code, int64_t unit)
{
    struct LineCache *lc = vm_line_slot(S, code);
    if (__builtin_expect(lc->code != code, 0)) {
        int64_t n = ob_size(S, code); /* code units */
        int32_t *line = realloc(lc->line, sizeof *line * (size_t)(n + 1));
        if (!line) abort(); /* host out of memory */
        for (int64_t i = 0; i < n; i++) line[i] = -1;
        DisasmLines it;
        disasm_lines_begin(&it, S, code);
        while (disasm_lines_next(&it))
            for (int64_t i = it.start / 2; i < it.end / 2 && i < n; i++) line[i] = (int32_t)it.line;
        lc->code = code;
        lc->line = line;
    }
    return lc->line[unit];
}

/* ---- one instruction ---- */

#define FVC_MASK 0x3
#define FVS_HAVE_SPEC 0x4

/* In the loop, unwind gets a copy of the context too (ctx_copy); the
 * frame it leaves current is reloaded at next_instr. */
#define unwind(S, c, add_traceback) (unwind)((S), ctx_copy(c), (add_traceback))

int vm_exec(Sim *S, Obj *result, uint64_t budget)
{
#if VM_COMPUTED_GOTO
    /* one jump target per opcode of the table; the numbers no opcode has
     * go to the switch's default, so a dispatch needs no NULL test (a GNU
     * range, then the opcodes override it) */
#define TARGET_ROW_(nm, num, fl, nc, d) [num] = &&TARGET_##nm,
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winitializer-overrides"
#else
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#endif
    static const void *const op_targets[256] = {[0 ... 255] = &&TARGET_default, OPCODES(TARGET_ROW_)};
#if defined(__clang__)
#pragma clang diagnostic pop
#else
#pragma GCC diagnostic pop
#endif
#undef TARGET_ROW_
#endif
#ifndef VM_CEVAL_QUIET
    /* nobody watching: the loop without events (ceval_quiet.c) */
    if (!(S->vm.watched | S->ev.mask)) return vm_exec_quiet(S, result, budget);
#endif
    Ctx cx, *c = &cx;
    c->f = 0;
next_instr:
    /* S->vm.frame's prev_instr is current: a frame switch, an unwind, the
     * first instruction */
    if (budget-- == 0) return 0;
    /* a frame's code never changes: reload only when the frame does (every
     * frame switch goes through another frame, so a reused address is
     * always noticed) */
    if (c->f != S->vm.frame) load_ctx(S, c, S->vm.frame);
    c->instr = (int64_t)ob_get64(S, c->f, FRAME_PREV_INSTR_OFF) + 1;
fetch:;
    /* c->instr is the instruction to run in c->f */
    int op = c->units[2 * c->instr], oparg = c->units[2 * c->instr + 1];
    c->next = c->instr + 1;
    while (__builtin_expect(op == OP_EXTENDED_ARG, 0)) {
        op = c->units[2 * c->next];
        oparg = oparg << 8 | c->units[2 * c->next + 1];
        c->instr = c->next++;
    }
    c->next += cache_count[op];
    ob_set64(S, c->f, FRAME_PREV_INSTR_OFF, (uint64_t)c->instr);
    S->vm.tick++;
    /* the optional work -- audits, limits, hooks, events -- behind one test */
    if (__builtin_expect(S->vm.watched | S->ev.mask, 0)) {
        /* between top-level steps no C code holds a reference of its own */
        if (S->vm.check_every_step && S->vm.c_depth == 0) vm_selfcheck(S);
        S->ev.tick = S->vm.tick;
        if (S->vm.tick_limit && S->vm.tick > S->vm.tick_limit) S->vm.interrupt = 1; /* sticky */
        if (S->vm.instr_hook) S->vm.instr_hook(S->vm.instr_hook_ud, S->vm.tick, S->vm.c_depth);
        if (ev_on(&S->ev, SIM_EVCAT_VM)) {
            SimEvent ev = EV_BLANK(SIM_EV_INSTR);
            ev.addr = c->f;
            ev.obj = c->code;
            ev.a = 2 * c->instr;
            ev.b = op | (int64_t)oparg << 8;
            ev.index = (uint32_t)instr_line(S, c->code, c->instr);
            ev_emit(&S->ev, &ev);
        }
    }
    /* KW_NAMES's tuple lives until the next instruction but PRECALL:
     * only CALL reads it; one load and test while none is set */
    Obj kwnames = 0;
    if (__builtin_expect(S->vm.kwnames != 0, 0) && op != OP_KW_NAMES && op != OP_PRECALL) {
        kwnames = S->vm.kwnames;
        S->vm.kwnames = 0;
    }

#if VM_COMPUTED_GOTO
    goto *op_targets[op];
#endif
    switch ((OpCode)op) {
    TARGET(NOP)
    TARGET(CACHE)
        break;

    TARGET(RESUME)
    TARGET(JUMP_BACKWARD_NO_INTERRUPT)
        if (op == OP_JUMP_BACKWARD_NO_INTERRUPT) c->next -= oparg;
        if (S->vm.interrupt && oparg < 2 && op == OP_RESUME) goto interrupt;
        break;

    TARGET(POP_TOP) decref(S, pop(S, c)); break;
    TARGET(PUSH_NULL) push(S, c, 0); break;

    TARGET(LOAD_CONST) push_incref(S, c, const_at(S, c, oparg)); break;

    TARGET(LOAD_FAST)
    TARGET(LOAD_CLOSURE) {
        Obj v = slot(S, c->f, oparg);
        if (!v) {
            unbound_error(S, ctx_copy(c), oparg);
            goto error;
        }
        push_incref(S, c, v);
        break;
    }
    TARGET(STORE_FAST) {
        Obj v = pop(S, c), old = slot(S, c->f, oparg);
        set_slot(S, c->f, oparg, v);
        ob_move(S, v, HOLD_TEMP, HOLD(H_LOCAL, c->f, oparg, 0));
        if (old) ob_decref(S, old, HOLD(H_LOCAL, c->f, oparg, 0));
        break;
    }
    TARGET(DELETE_FAST) {
        Obj old = slot(S, c->f, oparg);
        if (!old) {
            unbound_error(S, ctx_copy(c), oparg);
            goto error;
        }
        set_slot(S, c->f, oparg, 0);
        ob_decref(S, old, HOLD(H_LOCAL, c->f, oparg, 0));
        break;
    }

    TARGET(COPY) push_incref(S, c, peek(S, c, oparg)); break;
    TARGET(SWAP) {
        int32_t t = top_of(S, c->f);
        Obj a = slot(S, c->f, t - 1), b = slot(S, c->f, t - oparg);
        set_slot(S, c->f, t - 1, b);
        set_slot(S, c->f, t - oparg, a);
        if (a) ob_move(S, a, stack_holder(c, t - 1), stack_holder(c, t - oparg));
        if (b) ob_move(S, b, stack_holder(c, t - oparg), stack_holder(c, t - 1));
        break;
    }

    TARGET(UNARY_POSITIVE)
    TARGET(UNARY_NEGATIVE)
    TARGET(UNARY_INVERT)
        if (finish_top(S, c, rt_unary(S, peek(S, c, 1), op), 0)) goto error;
        break;
    TARGET(UNARY_NOT) {
        Obj v = pop(S, c);
        int t = rt_truth(S, v);
        decref(S, v);
        if (t < 0) goto error;
        push_incref(S, c, t ? S->false_ : S->true_);
        break;
    }

    TARGET(BINARY_OP) {
        Obj rhs = pop(S, c);
        vm_temp_push(S, rhs);
        Obj lhs = peek(S, c, 1), res;
        /* int + int and int - int straight to longobject's code, as the
         * specialised BINARY_OP_ADD_INT / _SUBTRACT_INT do */
        Obj int_type = S->types[TI_INT].type;
        int64_t a, b;
        if (ob_type(S, lhs) == int_type && ob_type(S, rhs) == int_type && (oparg == 0 || oparg == 13))
            res = medium_value(S, lhs, &a) && medium_value(S, rhs, &b) ? int_result(S, a + b) : int_add(S, lhs, rhs);
        else if (ob_type(S, lhs) == int_type && ob_type(S, rhs) == int_type && (oparg == 10 || oparg == 23))
            res = medium_value(S, lhs, &a) && medium_value(S, rhs, &b) ? int_result(S, a - b) : int_sub(S, lhs, rhs);
        else
            res = rt_binop(S, lhs, rhs, oparg);
        vm_temp_pop(S);
        if (finish_top(S, c, res, rhs)) goto error;
        break;
    }
    TARGET(COMPARE_OP)
    TARGET(IS_OP) {
        Obj right = pop(S, c);
        vm_temp_push(S, right);
        Obj left = peek(S, c, 1), res;
        if (op == OP_IS_OP) {
            res = ((left == right) ^ oparg) ? S->true_ : S->false_;
            ob_incref(S, res, HOLD_TEMP);
        } else if (ob_type(S, left) == S->types[TI_INT].type && ob_type(S, right) == S->types[TI_INT].type) {
            /* COMPARE_OP_INT_JUMP's comparison */
            int64_t a, b;
            int cmp = medium_value(S, left, &a) && medium_value(S, right, &b) ? (a > b) - (a < b)
                                                                              : int_compare(S, left, right);
            res = cmp_holds(cmp, oparg) ? S->true_ : S->false_;
            ob_incref(S, res, HOLD_TEMP);
        } else {
            res = rt_richcompare(S, left, right, oparg);
        }
        vm_temp_pop(S);
        if (res) vm_temp_push(S, res);
        left = replace(S, c, 1, 0);
        if (res) {
            vm_temp_pop(S);
            replace(S, c, 1, res);
        } else {
            pop(S, c);
        }
        decref(S, left);
        decref(S, right);
        if (!res) goto error;
        break;
    }
    TARGET(CONTAINS_OP) {
        Obj right = pop(S, c);
        vm_temp_push(S, right);
        Obj left = pop(S, c);
        vm_temp_push(S, left);
        int r = rt_contains(S, right, left);
        vm_temp_pop(S);
        vm_temp_pop(S);
        decref(S, left);
        decref(S, right);
        if (r < 0) goto error;
        push_incref(S, c, (r ^ oparg) ? S->true_ : S->false_);
        break;
    }

    TARGET(BINARY_SUBSCR) {
        Obj sub = pop(S, c);
        vm_temp_push(S, sub);
        Obj res = rt_getitem(S, peek(S, c, 1), sub);
        vm_temp_pop(S);
        if (finish_top(S, c, res, sub)) goto error;
        break;
    }
    TARGET(STORE_SUBSCR) {
        Obj sub = peek(S, c, 1), container = peek(S, c, 2), v = peek(S, c, 3);
        int err = rt_setitem(S, container, sub, v);
        Obj a = pop(S, c), b = pop(S, c), d = pop(S, c);
        decref(S, d);
        decref(S, b);
        decref(S, a);
        if (err) goto error;
        break;
    }
    TARGET(DELETE_SUBSCR) {
        Obj sub = peek(S, c, 1), container = peek(S, c, 2);
        int err = rt_setitem(S, container, sub, 0);
        Obj a = pop(S, c), b = pop(S, c);
        decref(S, b);
        decref(S, a);
        if (err) goto error;
        break;
    }

    TARGET(GET_ITER)
        if (finish_top(S, c, rt_iter(S, peek(S, c, 1)), 0)) goto error;
        break;
    TARGET(FOR_ITER) {
        Obj next = rt_next(S, peek(S, c, 1));
        if (next) {
            push(S, c, next);
            break;
        }
        if (S->exc) {
            if (!exc_matches(S, EXC_StopIteration)) goto error;
            exc_clear(S);
        }
        decref(S, pop(S, c));
        c->next += oparg;
        break;
    }

    TARGET(JUMP_FORWARD) c->next += oparg; break;
    TARGET(JUMP_BACKWARD)
        c->next -= oparg;
        if (S->vm.interrupt) goto interrupt;
        break;
    TARGET(POP_JUMP_FORWARD_IF_FALSE)
    TARGET(POP_JUMP_FORWARD_IF_TRUE)
    TARGET(POP_JUMP_BACKWARD_IF_FALSE)
    TARGET(POP_JUMP_BACKWARD_IF_TRUE) {
        Obj cond = pop(S, c);
        int t = cond == S->true_ ? 1 : cond == S->false_ ? 0 : rt_truth(S, cond);
        decref(S, cond);
        if (t < 0) goto error;
        int want = op == OP_POP_JUMP_FORWARD_IF_TRUE || op == OP_POP_JUMP_BACKWARD_IF_TRUE;
        if (t == want) {
            int back = op == OP_POP_JUMP_BACKWARD_IF_FALSE || op == OP_POP_JUMP_BACKWARD_IF_TRUE;
            c->next += back ? -oparg : oparg;
            if (back && S->vm.interrupt) goto interrupt;
        }
        break;
    }
    TARGET(POP_JUMP_FORWARD_IF_NONE)
    TARGET(POP_JUMP_FORWARD_IF_NOT_NONE)
    TARGET(POP_JUMP_BACKWARD_IF_NONE)
    TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) {
        Obj v = pop(S, c);
        int is_none = v == S->none;
        decref(S, v);
        int want = op == OP_POP_JUMP_FORWARD_IF_NONE || op == OP_POP_JUMP_BACKWARD_IF_NONE;
        if (is_none == want) {
            int back = op == OP_POP_JUMP_BACKWARD_IF_NONE || op == OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
            c->next += back ? -oparg : oparg;
        }
        break;
    }
    TARGET(JUMP_IF_FALSE_OR_POP)
    TARGET(JUMP_IF_TRUE_OR_POP) {
        Obj cond = peek(S, c, 1);
        int t = cond == S->true_ ? 1 : cond == S->false_ ? 0 : rt_truth(S, cond);
        if (t < 0) goto error;
        if (t == (op == OP_JUMP_IF_TRUE_OR_POP)) c->next += oparg;
        else decref(S, pop(S, c));
        break;
    }

    TARGET(LOAD_NAME) {
        Obj name = name_at(S, c, oparg), locals = ob_get64(S, c->f, FRAME_LOCALS_OFF);
        if (!locals) {
            exc_set(S, EXC_RuntimeError, "no locals when loading name");
            goto error;
        }
        Obj ns[3] = {locals, ob_get64(S, c->f, FRAME_GLOBALS_OFF), ob_get64(S, c->f, FRAME_BUILTINS_OFF)};
        Obj v = load_name_in(S, c, name, ns, 3);
        if (!v) {
            if (!S->exc) name_error(S, name);
            goto error;
        }
        push_incref(S, c, v);
        break;
    }
    TARGET(STORE_NAME)
    TARGET(STORE_GLOBAL) {
        Obj name = name_at(S, c, oparg);
        Obj ns = ob_get64(S, c->f, op == OP_STORE_NAME ? FRAME_LOCALS_OFF : FRAME_GLOBALS_OFF);
        Obj v = pop(S, c);
        vm_temp_push(S, v);
        int err = dict_setitem(S, ns, name, v);
        vm_temp_pop(S);
        decref(S, v);
        if (err) goto error;
        break;
    }
    TARGET(DELETE_NAME)
    TARGET(DELETE_GLOBAL) {
        Obj name = name_at(S, c, oparg);
        Obj ns = ob_get64(S, c->f, op == OP_DELETE_NAME ? FRAME_LOCALS_OFF : FRAME_GLOBALS_OFF);
        if (dict_delitem(S, ns, name) != 0) {
            if (exc_matches(S, EXC_KeyError)) {
                exc_clear(S);
                name_error(S, name);
            }
            goto error;
        }
        break;
    }
    TARGET(LOAD_GLOBAL) {
        Obj name = name_at(S, c, oparg >> 1);
        Obj ns[2] = {ob_get64(S, c->f, FRAME_GLOBALS_OFF), ob_get64(S, c->f, FRAME_BUILTINS_OFF)};
        Obj v = load_name_in(S, c, name, ns, 2);
        if (!v) {
            if (!S->exc) name_error(S, name);
            goto error;
        }
        if (oparg & 1) push(S, c, 0);
        push_incref(S, c, v);
        break;
    }

    TARGET(LOAD_DEREF)
    TARGET(LOAD_CLASSDEREF) {
        Obj v = 0;
        if (op == OP_LOAD_CLASSDEREF) {
            Obj locals = ob_get64(S, c->f, FRAME_LOCALS_OFF);
            v = dict_getitem(S, locals, local_name(S, c, oparg));
            if (S->exc) goto error;
        }
        if (!v) v = cell_get(S, slot(S, c->f, oparg));
        if (!v) {
            unbound_error(S, ctx_copy(c), oparg);
            goto error;
        }
        push_incref(S, c, v);
        break;
    }
    TARGET(STORE_DEREF) {
        Obj v = pop(S, c), cell = slot(S, c->f, oparg), old = cell_get(S, cell);
        ob_set64(S, cell, CELL_REF_OFF, v);
        ob_move(S, v, HOLD_TEMP, HOLD(H_CELL, cell, 0, 0));
        if (old) ob_decref(S, old, HOLD(H_CELL, cell, 0, 0));
        break;
    }
    TARGET(DELETE_DEREF) {
        Obj cell = slot(S, c->f, oparg), old = cell_get(S, cell);
        if (!old) {
            unbound_error(S, ctx_copy(c), oparg);
            goto error;
        }
        ob_set64(S, cell, CELL_REF_OFF, 0);
        ob_decref(S, old, HOLD(H_CELL, cell, 0, 0));
        break;
    }
    TARGET(MAKE_CELL) {
        Obj initial = slot(S, c->f, oparg);
        Obj cell = cell_new(S, initial);
        if (!cell) goto error;
        set_slot(S, c->f, oparg, cell);
        ob_move(S, cell, HOLD_TEMP, HOLD(H_LOCAL, c->f, oparg, 0));
        if (initial) ob_decref(S, initial, HOLD(H_LOCAL, c->f, oparg, 0));
        break;
    }
    TARGET(COPY_FREE_VARS) {
        Obj func = ob_get64(S, c->f, FRAME_FUNC_OFF);
        Obj closure = ob_get64(S, func, FUNC_CLOSURE_OFF);
        int32_t offset = c->nlp - oparg;
        for (int i = 0; i < oparg; i++) {
            Obj o = tuple_item(S, closure, i);
            set_slot(S, c->f, offset + i, o);
            ob_incref(S, o, HOLD(H_LOCAL, c->f, offset + i, 0));
        }
        break;
    }

    TARGET(MAKE_FUNCTION) {
        Obj codeobj = pop(S, c);
        vm_temp_push(S, codeobj);
        Obj func = vmops_make_function(S, codeobj, ob_get64(S, c->f, FRAME_GLOBALS_OFF));
        vm_temp_pop(S);
        decref(S, codeobj);
        if (!func) goto error;
        static const struct { int bit; uint16_t off, reason; } parts[] = {
            {8, FUNC_CLOSURE_OFF, R_FUNC_CLOSURE},
            {4, FUNC_ANNOTATIONS_OFF, R_FUNC_ANNOTATIONS},
            {2, FUNC_KWDEFAULTS_OFF, R_FUNC_KWDEFAULTS},
            {1, FUNC_DEFAULTS_OFF, R_FUNC_DEFAULTS},
        };
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            if (!(oparg & parts[i].bit)) continue;
            Obj v = pop(S, c);
            ob_set64(S, func, parts[i].off, v);
            ob_move(S, v, HOLD_TEMP, HOLD_INTERNAL(func, parts[i].reason));
        }
        push(S, c, func);
        break;
    }

    TARGET(SETUP_ANNOTATIONS) {
        /* the namespace (a module's or a class body's, always an exact
         * dict here) gets an empty __annotations__ unless it has one; the
         * key is the static _Py_ID string */
        Obj ns = ob_get64(S, c->f, FRAME_LOCALS_OFF);
        Obj key = str_static_id(S, "__annotations__");
        if (!key) goto error;
        if (!dict_getitem(S, ns, key)) {
            Obj d = dict_new(S);
            if (!d) goto error;
            int err = dict_setitem(S, ns, key, d);
            ob_decref(S, d, HOLD_TEMP);
            if (err) goto error;
        }
        break;
    }

    TARGET(BUILD_TUPLE)
    TARGET(BUILD_LIST) {
        Obj r;
        if (op == OP_BUILD_TUPLE && oparg == 0) {
            r = S->empty_tuple;
            ob_incref(S, r, HOLD_TEMP);
        } else {
            r = op == OP_BUILD_TUPLE ? tuple_new(S, oparg) : list_new(S, oparg);
            if (!r) goto error;
            int32_t t = top_of(S, c->f);
            for (int i = 0; i < oparg; i++) {
                Obj v = slot(S, c->f, t - oparg + i);
                set_slot(S, c->f, t - oparg + i, 0);
                ob_move(S, v, stack_holder(c, t - oparg + i), HOLD_TEMP);
                if (op == OP_BUILD_TUPLE) tuple_set_item(S, r, i, v);
                else list_set_new(S, r, i, v);
            }
            set_top(S, c->f, t - oparg);
        }
        push(S, c, r);
        break;
    }
    TARGET(BUILD_SET) {
        Obj set = set_new(S);
        int err = set ? 0 : -1;
        for (int i = oparg; i > 0; i--) {
            Obj item = peek(S, c, i);
            if (err == 0) err = set_add(S, set, item);
        }
        for (int i = 0; i < oparg; i++) {
            int32_t si = top_of(S, c->f) - oparg + i;
            Obj v = slot(S, c->f, si);
            set_slot(S, c->f, si, 0);
            ob_decref(S, v, stack_holder(c, si));
        }
        set_top(S, c->f, top_of(S, c->f) - oparg);
        if (err) {
            xdecref(S, set);
            goto error;
        }
        push(S, c, set);
        break;
    }
    TARGET(BUILD_MAP)
    TARGET(BUILD_CONST_KEY_MAP)
        if (build_map(S, ctx_copy(c), op, oparg)) goto error;
        break;
    TARGET(BUILD_STRING) {
        int32_t t = top_of(S, c->f);
        Obj s = vmops_join_strings(S, (const Obj *)ob_ptr(S, c->f + FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)(t - oparg)),
                                   oparg);
        if (s) vm_temp_push(S, s);
        for (int i = 0; i < oparg; i++) decref(S, pop(S, c));
        if (!s) goto error;
        vm_temp_pop(S);
        push(S, c, s);
        break;
    }
    TARGET(BUILD_SLICE) {
        Obj step = oparg == 3 ? pop(S, c) : 0;
        Obj stop = pop(S, c), start = peek(S, c, 1);
        Obj sl = slice_new(S, start, stop, step);
        decref(S, replace(S, c, 1, 0));
        decref(S, stop);
        xdecref(S, step);
        if (!sl) {
            pop(S, c);
            goto error;
        }
        replace(S, c, 1, sl);
        break;
    }
    TARGET(LIST_APPEND) {
        Obj v = pop(S, c);
        int err = list_append(S, peek(S, c, oparg), v);
        decref(S, v);
        if (err) goto error;
        break;
    }
    TARGET(SET_ADD) {
        Obj v = pop(S, c);
        vm_temp_push(S, v);
        int err = set_add(S, peek(S, c, oparg), v);
        vm_temp_pop(S);
        decref(S, v);
        if (err) goto error;
        break;
    }
    TARGET(MAP_ADD) {
        Obj value = pop(S, c);
        vm_temp_push(S, value);
        Obj key = pop(S, c);
        vm_temp_push(S, key);
        int err = dict_setitem(S, peek(S, c, oparg), key, value);
        vm_temp_pop(S);
        vm_temp_pop(S);
        decref(S, key);
        decref(S, value);
        if (err) goto error;
        break;
    }
    TARGET(LIST_EXTEND)
    TARGET(SET_UPDATE)
    TARGET(DICT_UPDATE)
    TARGET(DICT_MERGE) {
        Obj it = pop(S, c);
        vm_temp_push(S, it);
        int err = vmops_extend(S, op, peek(S, c, oparg), it, peek(S, c, oparg + 2));
        vm_temp_pop(S);
        decref(S, it);
        if (err) goto error;
        break;
    }
    TARGET(LIST_TO_TUPLE) {
        Obj l = pop(S, c);
        vm_temp_push(S, l);
        Obj t = rt_tuple_from(S, l);
        vm_temp_pop(S);
        decref(S, l);
        if (!t) goto error;
        push(S, c, t);
        break;
    }

    TARGET(UNPACK_SEQUENCE)
    TARGET(UNPACK_EX)
        if (unpack(S, ctx_copy(c), op, oparg)) goto error;
        break;

    TARGET(LOAD_ATTR)
        if (finish_top(S, c, rt_getattr_cached(S, attr_cache(S, c), peek(S, c, 1), name_at(S, c, oparg)), 0))
            goto error;
        break;
    TARGET(STORE_ATTR) {
        Obj owner = peek(S, c, 1), v = peek(S, c, 2);
        int err = rt_setattr_cached(S, attr_cache(S, c), owner, name_at(S, c, oparg), v);
        Obj o = pop(S, c), val = pop(S, c);
        decref(S, val);
        decref(S, o);
        if (err) goto error;
        break;
    }
    TARGET(DELETE_ATTR) {
        int err = rt_setattr(S, peek(S, c, 1), name_at(S, c, oparg), 0);
        decref(S, pop(S, c));
        if (err) goto error;
        break;
    }
    TARGET(LOAD_METHOD) {
        Obj meth = 0;
        int found = vmops_get_method_cached(S, attr_cache(S, c), peek(S, c, 1), name_at(S, c, oparg), &meth);
        if (!meth) goto error;
        if (found) {
            Obj obj = replace(S, c, 1, meth);
            push(S, c, obj);
        } else {
            Obj obj = replace(S, c, 1, 0);
            vm_temp_push(S, meth);
            decref(S, obj);
            vm_temp_pop(S);
            push(S, c, meth);
        }
        break;
    }

    TARGET(KW_NAMES) S->vm.kwnames = const_at(S, c, oparg); break;
    TARGET(PRECALL) {
        /* a bound method is unpacked into function and self */
        int is_meth = peek(S, c, oparg + 2) != 0;
        Obj callable = peek(S, c, oparg + 1);
        if (!is_meth && ob_is(S, callable, TI_METHOD)) {
            Obj self = ob_get64(S, callable, METHOD_SELF_OFF), f = ob_get64(S, callable, METHOD_FUNC_OFF);
            int32_t t = top_of(S, c->f);
            ob_incref(S, self, HOLD_TEMP);
            ob_incref(S, f, HOLD_TEMP);
            Obj old = replace(S, c, oparg + 1, self);
            set_slot(S, c->f, t - oparg - 2, f);
            ob_move(S, f, HOLD_TEMP, stack_holder(c, t - oparg - 2));
            decref(S, old);
        }
        break;
    }
    TARGET(CALL) {
        int is_meth = peek(S, c, oparg + 2) != 0;
        int32_t total_args = oparg + is_meth;
        Obj func = peek(S, c, total_args + 1);
        if (ob_is(S, func, TI_FUNCTION)) {
            if (inline_call(S, ctx_copy(c), func, total_args, is_meth, kwnames) != 0) goto error;
            goto next_instr; /* the callee's frame is current */
        }
        if (generic_call(S, ctx_copy(c), total_args, is_meth, kwnames) != 0) goto error;
        break;
    }
    TARGET(CALL_FUNCTION_EX) {
        Obj kwargs = (oparg & 1) ? pop(S, c) : 0;
        if (kwargs) vm_temp_push(S, kwargs);
        Obj callargs = pop(S, c);
        vm_temp_push(S, callargs);
        Obj res = vmops_call_ex(S, peek(S, c, 1), callargs, kwargs);
        vm_temp_pop(S);
        if (kwargs) vm_temp_pop(S);
        if (res) vm_temp_push(S, res);
        decref(S, replace(S, c, 1, 0));
        decref(S, callargs);
        xdecref(S, kwargs);
        pop(S, c);          /* the func slot, now empty */
        pop(S, c);          /* the NULL below it */
        if (!res) goto error;
        vm_temp_pop(S);
        push(S, c, res);
        break;
    }

    TARGET(RETURN_VALUE) {
        Obj retval = pop(S, c);
        S->vm.depth--;
        emit_frame(S, SIM_EV_FRAME_EXIT, c->f);
        if (owner(S, c->f) == FRAME_OWNED_BY_GENERATOR) gen_set_state(S, gen_of(c->f), FRAME_COMPLETED);
        if (is_entry(S, c->f)) {
            S->vm.frame = ob_get64(S, c->f, FRAME_PREVIOUS_OFF);
            *result = retval;
            return 1;
        }
        SimAddr dying = c->f;
        S->vm.frame = ob_get64(S, dying, FRAME_PREVIOUS_OFF);
        vm_temp_push(S, retval);
        vm_frames_pop(S, dying);
        vm_temp_pop(S);
        load_ctx(S, c, S->vm.frame);
        push(S, c, retval);
        goto next_instr;
    }
    TARGET(RETURN_GENERATOR) {
        Obj g = make_generator(S, ctx_copy(c));
        if (!g) goto error;
        /* the frame's references moved into the generator */
        S->vm.depth--;
        SimAddr f = c->f;
        S->vm.frame = ob_get64(S, f, FRAME_PREVIOUS_OFF);
        if (is_entry(S, f)) {
            /* a valid, empty frame for the C caller to pop */
            ob_set32(S, f, FRAME_STACKTOP_OFF, 0);
            ob_set64(S, f, FRAME_LOCALS_OFF, 0);
            ob_incref(S, ob_get64(S, f, FRAME_FUNC_OFF), HOLD_INTERNAL(f, R_FRAME_FUNC));
            ob_incref(S, c->code, HOLD_INTERNAL(f, R_FRAME_CODE));
            *result = g;
            return 1;
        }
        vm_frames_pop_raw(S, f);
        load_ctx(S, c, S->vm.frame);
        push(S, c, g);
        goto next_instr;
    }
    TARGET(YIELD_VALUE) {
        Obj v = pop(S, c);
        gen_set_state(S, gen_of(c->f), FRAME_SUSPENDED);
        ob_set64(S, c->f, FRAME_PREV_INSTR_OFF, (uint64_t)(c->next - 1));
        S->vm.depth--;
        emit_frame(S, SIM_EV_FRAME_EXIT, c->f);
        S->vm.frame = ob_get64(S, c->f, FRAME_PREVIOUS_OFF);
        *result = v;
        return 1;
    }

    TARGET(RAISE_VARARGS) {
        Obj cause = oparg == 2 ? pop(S, c) : 0, exc = oparg >= 1 ? pop(S, c) : 0;
        if (oparg == 0) {
            Obj h = S->vm.handled;
            if (!h || h == S->none) {
                exc_set(S, EXC_RuntimeError, "No active exception to reraise");
                goto error;
            }
            ob_incref(S, h, HOLD_TEMP);
            vmops_restore(S, h);
            goto exception_unwind;
        }
        do_raise(S, exc, cause);
        goto error;
    }
    TARGET(LOAD_ASSERTION_ERROR) push_incref(S, c, S->exc_types[EXC_AssertionError]); break;
    TARGET(PUSH_EXC_INFO) {
        Obj value = peek(S, c, 1), prev = S->vm.handled;
        if (prev) {
            S->vm.handled = 0;
            ob_move(S, prev, HOLD_INTERNAL(0, R_HANDLED_EXC), HOLD_TEMP);
        } else {
            prev = S->none;
            ob_incref(S, prev, HOLD_TEMP);
        }
        Obj exc = replace(S, c, 1, prev);
        push(S, c, exc);
        ob_incref(S, value, HOLD_INTERNAL(0, R_HANDLED_EXC));
        S->vm.handled = value;
        break;
    }
    TARGET(POP_EXCEPT) {
        Obj old = S->vm.handled, v = pop(S, c);
        S->vm.handled = v;
        ob_move(S, v, HOLD_TEMP, HOLD_INTERNAL(0, R_HANDLED_EXC));
        if (old) ob_decref(S, old, HOLD_INTERNAL(0, R_HANDLED_EXC));
        break;
    }
    TARGET(CHECK_EXC_MATCH) {
        Obj right = pop(S, c);
        int r = vmops_exc_match(S, peek(S, c, 1), right);
        decref(S, right);
        if (r < 0) goto error;
        push_incref(S, c, r ? S->true_ : S->false_);
        break;
    }
    TARGET(RERAISE) {
        Obj val = pop(S, c);
        if (oparg) {
            int64_t li = 0;
            int_as_i64(S, peek(S, c, oparg), &li);
            ob_set64(S, c->f, FRAME_PREV_INSTR_OFF, (uint64_t)li);
        }
        vmops_restore(S, val);
        goto exception_unwind;
    }

    TARGET(LOAD_BUILD_CLASS) {
        Obj bc = vmops_builtin(S, "__build_class__");
        if (!bc) goto error;
        push_incref(S, c, bc);
        break;
    }
    TARGET(IMPORT_NAME) {
        Obj name = name_at(S, c, oparg);
        Obj mod = importlib_import(S, name, peek(S, c, 1));
        Obj fromlist = pop(S, c);
        if (mod) vm_temp_push(S, mod);
        decref(S, fromlist);
        if (mod) vm_temp_pop(S);
        if (finish_top(S, c, mod, 0)) goto error;
        break;
    }
    TARGET(IMPORT_STAR) {
        Obj from = pop(S, c);
        vm_temp_push(S, from);
        int err = vmops_import_star(S, ob_get64(S, c->f, FRAME_LOCALS_OFF), from);
        vm_temp_pop(S);
        decref(S, from);
        if (err) goto error;
        break;
    }
    TARGET(IMPORT_FROM) {
        Obj v = vmops_import_from(S, peek(S, c, 1), name_at(S, c, oparg));
        if (!v) goto error;
        push(S, c, v);
        break;
    }

    TARGET(FORMAT_VALUE) {
        Obj spec = (oparg & FVS_HAVE_SPEC) ? pop(S, c) : 0;
        if (spec) vm_temp_push(S, spec);
        Obj value = pop(S, c);
        vm_temp_push(S, value);
        int conv = oparg & FVC_MASK;
        Obj res = 0;
        if (conv) {
            Obj cv = conv == 1 ? rt_str(S, value) : conv == 2 ? rt_repr(S, value) : rt_ascii(S, value);
            vm_temp_pop(S);
            decref(S, value);
            value = cv;
            if (value) vm_temp_push(S, value);
        }
        if (value) {
            if (!spec && ob_is(S, value, TI_STR)) {
                ob_incref(S, value, HOLD_TEMP);
                res = value;
            } else {
                res = rt_format(S, value, spec);
            }
            vm_temp_pop(S);
            decref(S, value);
        }
        if (spec) vm_temp_pop(S);
        xdecref(S, spec);
        if (!res) goto error;
        push(S, c, res);
        break;
    }

    /* in the table, not (yet) in refscope's subset */
    TARGET(EXTENDED_ARG)
    TARGET(GET_LEN)
    TARGET(MATCH_MAPPING)
    TARGET(MATCH_SEQUENCE)
    TARGET(MATCH_KEYS)
    TARGET(CHECK_EG_MATCH)
    TARGET(WITH_EXCEPT_START)
    TARGET(GET_AITER)
    TARGET(GET_ANEXT)
    TARGET(BEFORE_ASYNC_WITH)
    TARGET(BEFORE_WITH)
    TARGET(END_ASYNC_FOR)
    TARGET(GET_YIELD_FROM_ITER)
    TARGET(PRINT_EXPR)
    TARGET(ASYNC_GEN_WRAP)
    TARGET(PREP_RERAISE_STAR)
    TARGET(SEND)
    TARGET(GET_AWAITABLE)
    TARGET(MATCH_CLASS)
    default:
#if VM_COMPUTED_GOTO
    TARGET_default:
#endif
    {
        exc_set(S, EXC_SystemError, "refscope does not execute %s", op_name(op));
        goto error;
    }
    }
    /* The instruction is done and its frame goes on: straight to the next
     * one.  prev_instr is written when it starts; it only has to point
     * here (the last cache entry) when the loop returns in between. */
    if (__builtin_expect(budget != 0 && c->f == S->vm.frame, 1)) {
        budget--;
        c->instr = c->next;
        goto fetch;
    }
    ob_set64(S, c->f, FRAME_PREV_INSTR_OFF, (uint64_t)(c->next - 1));
    goto next_instr;

interrupt:
    S->vm.interrupt = 0;
    vmops_set_noargs(S, EXC_KeyboardInterrupt);
error:
    /* _PyErr_SetObject chains a new exception to the one being handled */
    if (S->exc && !ob_get64(S, S->exc, 40) && !ob_get64(S, S->exc, 48)) vm_chain_context(S, S->exc);
    if (ev_on(&S->ev, SIM_EVCAT_VM)) {
        SimEvent ev = EV_BLANK(SIM_EV_RAISE);
        ev.addr = c->f;
        ev.obj = S->exc;
        ev_emit(&S->ev, &ev);
    }
    if (unwind(S, c, 1)) {
        *result = 0;
        return 1;
    }
    goto next_instr;
exception_unwind:
    if (unwind(S, c, 0)) {
        *result = 0;
        return 1;
    }
    goto next_instr;
}

#undef unwind

#ifndef VM_CEVAL_QUIET /* ceval_quiet.c takes vm_exec alone */

int vm_exec_one(Sim *S, Obj *result) { return vm_exec(S, result, 1); }


/* ---- entry frames: C calling Python ---- */

/* _PyEval_EvalFrame: a nested loop over `f` as an entry frame.  With
 * `throwing`, the pending exception is raised where the frame stands (a
 * generator's yield, for close()) before anything runs. */
static Obj eval_entry(Sim *S, SimAddr f, int throwing)
{
    if (S->vm.c_depth >= VM_C_DEPTH_LIMIT) {
        exc_set(S, EXC_RecursionError, "maximum recursion depth exceeded while calling a Python object");
        return 0;
    }
    ((uint8_t *)ob_ptr(S, f))[68] = 1;
    ob_set64(S, f, FRAME_PREVIOUS_OFF, S->vm.frame);
    if (enter_recursive(S) != 0) return 0;
    S->vm.frame = f;
    emit_frame(S, SIM_EV_FRAME_ENTER, f);
    S->vm.c_depth++;
    Obj result = 0;
    int finished = 0;
    if (throwing) {
        Ctx cx;
        load_ctx(S, &cx, f);
        cx.instr = (int64_t)ob_get64(S, f, FRAME_PREV_INSTR_OFF);
        finished = unwind(S, &cx, 1);
    }
    if (!finished) {
        while (!vm_exec(S, &result, UINT64_MAX)) {
        }
    }
    S->vm.c_depth--;
    return result;
}

Obj vm_eval_frame(Sim *S, SimAddr f) { return eval_entry(S, f, 0); }

Obj vm_call_function(Sim *S, Obj func, const Obj *args, int64_t nargs, Obj kwnames, Obj locals)
{
    ob_incref(S, func, HOLD_TEMP);
    SimAddr f = vm_push_frame(S, func, locals);
    if (!f) {
        decref(S, func);
        return 0;
    }
    if (vm_bind_args(S, f, func, args, nargs, kwnames, 0) != 0) {
        vm_pop_frame(S, f);
        return 0;
    }
    Obj r = vm_eval_frame(S, f);
    if (r) vm_temp_push(S, r);
    vm_pop_frame(S, f);
    if (r) vm_temp_pop(S);
    return r;
}

int vm_frame_line(const Sim *S, SimAddr f)
{
    Obj code = ob_get64(S, f, FRAME_CODE_OFF);
    int64_t lasti = (int64_t)ob_get64(S, f, FRAME_PREV_INSTR_OFF);
    return (int)disasm_addr2line(S, code, 2 * (lasti < 0 ? 0 : lasti));
}

/* ---- generators ---- */

/* gen_send_ex2's set-up: the generator's handled exception becomes the
 * thread's (the caller's is kept aside, a root of the ledger). */
static void gen_enter(Sim *S, Obj g)
{
    VmState *vm = &S->vm;
    if (vm->nsaved == vm->capsaved) {
        vm->capsaved = vm->capsaved ? 2 * vm->capsaved : 16;
        vm->saved_handled = realloc(vm->saved_handled, vm->capsaved * sizeof *vm->saved_handled);
        if (!vm->saved_handled) abort(); /* host out of memory */
    }
    vm->saved_handled[vm->nsaved++] = vm->handled;
    vm->handled = ob_get64(S, g, GEN_EXC_VALUE_OFF);
    ob_set64(S, g, GEN_EXC_VALUE_OFF, 0);
    gen_set_state(S, g, FRAME_EXECUTING);
}

/* ... and its end: a frame that did not suspend has completed. */
static void gen_leave(Sim *S, Obj g)
{
    VmState *vm = &S->vm;
    if (gen_state(S, g) == FRAME_EXECUTING) gen_set_state(S, g, FRAME_COMPLETED);
    ob_set64(S, g, GEN_EXC_VALUE_OFF, vm->handled);
    vm->handled = vm->saved_handled[--vm->nsaved];
    ob_set64(S, gen_frame(g), FRAME_PREVIOUS_OFF, 0);
}

/* A finished generator can't be rerun: its saved exception and frame go. */
static void gen_release(Sim *S, Obj g)
{
    Obj saved = ob_get64(S, g, GEN_EXC_VALUE_OFF);
    ob_set64(S, g, GEN_EXC_VALUE_OFF, 0);
    if (saved) ob_decref(S, saved, HOLD_INTERNAL(g, R_GEN_EXC));
    gen_set_state(S, g, FRAME_CLEARED);
    frame_clear(S, gen_frame(g));
}

Obj vm_gen_send(Sim *S, Obj g, Obj value, int *done)
{
    *done = 0;
    int state = gen_state(S, g);
    if (state == FRAME_EXECUTING) {
        exc_set(S, EXC_ValueError, "generator already executing");
        return 0;
    }
    if (state >= FRAME_COMPLETED) {
        *done = 1;
        return 0;
    }
    SimAddr gf = gen_frame(g);
    if (state == FRAME_CREATED && value != S->none) {
        exc_set(S, EXC_TypeError, "can't send non-None value to a just-started generator");
        return 0;
    }
    /* push the sent value onto the generator's stack */
    int32_t t = top_of(S, gf);
    set_slot(S, gf, t, value);
    set_top(S, gf, t + 1);
    ob_incref(S, value, frame_slot_holder(S, gf, t));
    /* the generator's handled exception becomes the thread's */
    gen_enter(S, g);
    Obj r = vm_eval_frame(S, gf);
    gen_leave(S, g);
    if (r && gen_state(S, g) == FRAME_SUSPENDED) return r;
    if (!r && exc_matches(S, EXC_StopIteration)) {
        /* _PyErr_FormatFromCause: the StopIteration becomes the new
         * RuntimeError's __cause__ and __context__ */
        Obj stop = S->exc;
        S->exc = 0;
        ob_move(S, stop, HOLD_INTERNAL(0, R_CURRENT_EXC), HOLD_TEMP);
        vm_temp_push(S, stop);
        exc_set(S, EXC_RuntimeError, "generator raised StopIteration");
        vm_temp_pop(S);
        Obj rt = S->exc;
        if (rt && rt != S->memory_error) {
            ob_incref(S, stop, HOLD_INTERNAL(rt, R_EXC_CONTEXT));
            Obj oldctx = ob_get64(S, rt, EXC_CONTEXT_OFF);
            ob_set64(S, rt, EXC_CONTEXT_OFF, stop);
            if (oldctx) ob_decref(S, oldctx, HOLD_INTERNAL(rt, R_EXC_CONTEXT));
            vmops_set_cause(S, rt, stop); /* takes the TEMP reference */
        } else {
            ob_decref(S, stop, HOLD_TEMP);
        }
    }
    *done = 1;
    if (r) vm_temp_push(S, r);
    /* the generator can't be rerun: release its frame */
    gen_release(S, g);
    if (r) vm_temp_pop(S);
    if (r == S->none && value == S->none) {
        decref(S, r);
        return 0;
    }
    return r;
}

int vm_gen_close(Sim *S, Obj g)
{
    int state = gen_state(S, g);
    if (state == FRAME_CREATED) {
        gen_set_state(S, g, FRAME_COMPLETED);
        return 0;
    }
    if (state != FRAME_SUSPENDED) return 0;
    /* gen_close: throw GeneratorExit in at the yield */
    vmops_set_noargs(S, EXC_GeneratorExit);
    gen_enter(S, g);
    /* resume with the exception pending: the yield's instruction fails */
    Obj r = eval_entry(S, gen_frame(g), 1);
    gen_leave(S, g);
    int status = 0;
    if (r && gen_state(S, g) == FRAME_SUSPENDED) {
        decref(S, r);
        exc_set(S, EXC_RuntimeError, "generator ignored GeneratorExit");
        status = -1;
    } else {
        xdecref(S, r);
        if (S->exc && (exc_matches(S, EXC_GeneratorExit) || exc_matches(S, EXC_StopIteration))) exc_clear(S);
        status = S->exc ? -1 : 0;
    }
    if (gen_state(S, g) != FRAME_SUSPENDED) {
        gen_release(S, g);
    }
    return status;
}

#endif /* VM_CEVAL_QUIET */
