/*
 * vm.c -- the interpreter around the loop: start-up (builtins, __main__,
 * sys.modules), the module's frame, stepping, the end of the program
 * (an uncaught exception printed as python3 prints it, SystemExit's
 * status), the hooks the object layer calls (__del__, weakref callbacks,
 * closing generators) and the VM's roots for the ledger.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/builtins.h"
#include "runtime/numops.h"
#include "runtime/runtime.h"
#include "runtime/weakvaluedict.h"
#include "sim/engine.h"
#include "vm/vm.h"

/* ---- temporaries ---- */

void vm_temp_grow(Sim *S)
{
    VmState *vm = &S->vm;
    vm->captemps = vm->captemps ? 2 * vm->captemps : 64;
    vm->temps = realloc(vm->temps, vm->captemps * sizeof *vm->temps);
    if (!vm->temps) abort(); /* host out of memory */
}

/* ---- roots ---- */

void vm_roots(Sim *S, RefVisit visit, void *ud)
{
    VmState *vm = &S->vm;
    for (SimAddr f = vm->frame; f; f = ob_get64(S, f, FRAME_PREVIOUS_OFF)) {
        /* a generator's frame is visited through its generator */
        if (((const uint8_t *)ob_ptr(S, f))[FRAME_OWNER_OFF] == FRAME_OWNED_BY_GENERATOR) continue;
        frame_referents(S, f, visit, ud);
    }
    /* frames of nested loops that are not on the chain: none -- every
     * running frame is on it */
    if (vm->handled) {
        Holder hd = HOLD_INTERNAL(0, R_HANDLED_EXC);
        visit(S, vm->handled, &hd, ud);
    }
    for (size_t i = 0; i < vm->nsaved; i++) {
        if (!vm->saved_handled[i]) continue;
        Holder hd = HOLD_INTERNAL(0, R_HANDLED_EXC);
        visit(S, vm->saved_handled[i], &hd, ud);
    }
    for (size_t i = 0; i < vm->ntemps; i++) {
        Holder hd = HOLD_TEMP;
        visit(S, vm->temps[i], &hd, ud);
    }
    for (size_t i = 0; i < vm->narena; i++) {
        Holder hd = HOLD_INTERNAL(0, R_PARSER_ARENA);
        visit(S, vm->arena[i], &hd, ud);
    }
    Obj held[] = {vm->builtins_mod, vm->main_mod, vm->sys_mod, vm->modules, vm->finalizers, vm->tstate_dict,
                  S->gc.garbage, S->gc.callbacks};
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++) {
        if (!held[i]) continue;
        Holder hd = HOLD_INTERNAL(0, R_INTERP);
        visit(S, held[i], &hd, ud);
    }
    for (size_t i = 0; i < VM_KWTUPLES; i++) {
        if (!vm->kwtuples[i]) continue;
        Holder hd = HOLD_INTERNAL(0, R_INTERP);
        visit(S, vm->kwtuples[i], &hd, ud);
    }
}

void vm_selfcheck(Sim *S)
{
    char msg[512];
    if (ob_check(S, msg, sizeof msg) == 0 && sim_heap_check(S->heap, msg, sizeof msg) == 0) return;
    char line[640];
    int n = snprintf(line, sizeof line, "refscope self-check failed at tick %llu: %s\n",
                     (unsigned long long)S->vm.tick, msg);
    if (S->vm.err) S->vm.err(S->vm.err_ud, line, (size_t)(n < (int)sizeof line ? n : (int)sizeof line - 1));
    abort();
}

/* ---- hooks for the object layer ---- */

void vm_write_unraisable(Sim *S, Obj where)
{
    /* _PyErr_WriteUnraisableMsg: an exception raised by C code (no
     * traceback yet) gets one for the current frame */
    if (S->exc && !ob_get64(S, S->exc, EXC_TRACEBACK_OFF) && S->vm.frame &&
        vm_traceback_here(S, S->vm.frame) < 0)
        exc_clear(S);
    if (!S->exc) return;
    Obj exc = S->exc;
    S->exc = 0;
    ob_move(S, exc, HOLD_INTERNAL(0, R_CURRENT_EXC), HOLD_TEMP);
    vm_temp_push(S, exc);
    rt_write(S, 2, "Exception ignored in: ", 22);
    Obj r = rt_repr(S, where);
    if (r) {
        rt_write_str(S, 2, r);
        ob_decref(S, r, HOLD_TEMP);
    } else {
        exc_clear(S);
    }
    rt_write(S, 2, "\n", 1);
    vm_temp_pop(S);
    vm_print_unraisable(S, exc);
}

/* S->call_hook: __del__ (callable a function, arg the object), weakref
 * callbacks (arg the weakref), a dropped suspended generator (callable ==
 * arg: close it). */
static int call_hook(Sim *S, Obj callable, Obj arg)
{
    if (callable == arg && ob_is(S, arg, TI_GENERATOR)) {
        if (vm_gen_close(S, arg)) vm_write_unraisable(S, arg);
        return 0;
    }
    if (ev_on(&S->ev, SIM_EVCAT_VM)) {
        SimEvent ev = EV_BLANK(SIM_EV_FINALIZE);
        ev.obj = arg;
        ev.addr = callable;
        ev_emit(&S->ev, &ev);
    }
    Obj r = rt_call(S, callable, &arg, 1, 0);
    if (!r) {
        vm_write_unraisable(S, callable);
        return -1;
    }
    ob_decref(S, r, HOLD_TEMP);
    return 0;
}

/* S->index_hook: PyNumber_Index where the class defines __index__. */
static int index_hook(Sim *S, Obj o, Obj *out)
{
    if (!rt_type_lookup_cstr(S, ob_type(S, o), "__index__")) return 0;
    *out = num_index(S, o);
    return *out ? 1 : -1;
}

/* S->eq_hook: PyObject_RichCompareBool(a, b, Py_EQ). */
static int eq_hook(Sim *S, Obj a, Obj b) { return rt_compare_bool(S, a, b, CMP_EQ); }

/* ---- start-up ---- */


int vm_init(Sim *S)
{
    VmState *vm = &S->vm;
    vm->recursion_limit = VM_RECURSION_LIMIT;
    S->call_hook = call_hook;
    S->index_hook = index_hook;
    S->hash_hook = rt_class_hash;
    S->eq_hook = eq_hook;
    vm->modules = dict_new(S);
    if (!vm->modules) return -1;
    /* gc.garbage and gc.callbacks exist from start-up (_PyGC_Init) */
    if (!(S->gc.garbage = list_new(S, 0)) || !(S->gc.callbacks = list_new(S, 0))) return -1;
    ob_move(S, S->gc.garbage, HOLD_TEMP, HOLD_INTERNAL(0, R_INTERP));
    ob_move(S, S->gc.callbacks, HOLD_TEMP, HOLD_INTERNAL(0, R_INTERP));
    vm->builtins_mod = builtins_module_new(S);
    if (!vm->builtins_mod) return -1;
    vm->builtins = ob_get64(S, vm->builtins_mod, MODULE_DICT_OFF);
    Obj name = str_from_cstr(S, "__main__");
    if (!name) return -1;
    str_intern(S, &name);
    vm->main_mod = module_new(S, name);
    ob_decref(S, name, HOLD_TEMP);
    if (!vm->main_mod) return -1;
    Obj g = ob_get64(S, vm->main_mod, MODULE_DICT_OFF);
    /* python3 has sys and weakref loaded before a script starts (gc it
     * makes on import), in this sys.modules order */
    /* the interpreter keeps its own reference to sys (interp->sysdict):
     * what sys holds outlives the collections at exit */
    Obj sys = builtins_make_module(S, "sys");
    if (!sys || dict_set_cstr(S, vm->modules, "sys", sys)) return -1;
    vm->sys_mod = sys;
    ob_move(S, sys, HOLD_TEMP, HOLD_INTERNAL(0, R_INTERP));
    if (dict_set_cstr(S, g, "__builtins__", vm->builtins_mod) || dict_set_cstr(S, vm->modules, "builtins", vm->builtins_mod) ||
        dict_set_cstr(S, vm->modules, "__main__", vm->main_mod))
        return -1;
    Obj wr = builtins_make_module(S, "weakref");
    if (!wr || dict_set_cstr(S, vm->modules, "weakref", wr)) return -1;
    ob_decref(S, wr, HOLD_TEMP);
    return 0;
}

void vm_set_source(Sim *S, const char *filename, const char *src, size_t len)
{
    free(S->vm.source);
    free(S->vm.filename);
    S->vm.source = malloc(len + 1);
    S->vm.filename = strdup(filename);
    if (!S->vm.source || !S->vm.filename) abort();
    memcpy(S->vm.source, src, len);
    S->vm.source[len] = '\0';
    S->vm.source_len = len;
}

int vm_load(Sim *S, Obj code)
{
    Obj g = ob_get64(S, S->vm.main_mod, MODULE_DICT_OFF);
    Obj file = str_from_cstr(S, S->vm.filename ? S->vm.filename : "<string>");
    if (!file || dict_set_cstr(S, g, "__file__", file)) return -1;
    ob_decref(S, file, HOLD_TEMP);
    /* PyEval_EvalCode: a function for the module code, its frame with
     * globals as locals */
    Obj func = func_new(S, code, g, S->vm.builtins, 0, S->none);
    if (!func) return -1;
    SimAddr f = vm_push_frame(S, func, g);
    if (!f) return -1;
    ((uint8_t *)ob_ptr(S, f))[68] = 1; /* the entry frame */
    ob_set64(S, f, FRAME_PREVIOUS_OFF, 0);
    S->vm.frame = f;
    S->vm.main_frame = f;
    S->vm.depth = 1;
    return 0;
}

/* The exit status for an uncaught SystemExit (handle_system_exit). */
static int system_exit_status(Sim *S, Obj exc)
{
    Obj args = ob_get64(S, exc, 24);
    Obj code = args && ob_size(S, args) > 0 ? tuple_item(S, args, 0) : S->none;
    if (args && ob_size(S, args) > 1) code = args;
    if (code == S->none) return 0;
    int64_t v;
    if (ob_is(S, code, TI_INT) || ob_is(S, code, TI_BOOL)) {
        if (int_as_i64(S, code, &v)) {
            exc_clear(S);
            return -1;
        }
        return (int)(v & 0xff);
    }
    Obj s = rt_str(S, code);
    if (s) {
        rt_write_str(S, 2, s);
        rt_write(S, 2, "\n", 1);
        ob_decref(S, s, HOLD_TEMP);
    } else {
        exc_clear(S);
    }
    return 1;
}

/* atexit: weakref.finalize's _exitfunc runs the finalizers still alive,
 * the most recent first. */
static void run_exit_finalizers(Sim *S)
{
    Obj reg = S->vm.finalizers;
    while (reg && ob_size(S, reg) > 0) {
        Obj f = list_pop(S, reg, ob_size(S, reg) - 1); /* the registry's reference, now ours */
        if (!f) {
            exc_clear(S);
            break;
        }
        vm_temp_push(S, f);
        Obj r = finalize_call(S, f);
        if (r) ob_decref(S, r, HOLD_TEMP);
        else if (S->exc) vm_write_unraisable(S, f);
        vm_temp_pop(S);
        ob_decref(S, f, HOLD_TEMP);
    }
}

/* Py_FinalizeEx, the part a program can see: atexit, a collection, then
 * finalize_modules -- every sys.modules value replaced by None (so
 * __main__, held only there, goes), sys.modules cleared, and a last
 * collection, which finds __main__'s globals in their cycle with the
 * functions that point back at them.  __del__ and weakref callbacks run
 * as they do under python3, in the collector's list order. */
static void shutdown(Sim *S)
{
    VmState *vm = &S->vm;
    run_exit_finalizers(S);
    if (S->gc.enabled) gc_collect_explicit(S, 2); /* PyGC_Collect */
    if (vm->main_mod) { /* CPython keeps no reference of its own */
        Obj m = vm->main_mod;
        vm->main_mod = 0;
        ob_decref(S, m, HOLD_INTERNAL(0, R_INTERP));
    }
    Obj mods = vm->modules;
    vm->modules_cleared = 1;
    int64_t pos = 0;
    Obj key, value;
    while (dict_next(S, mods, &pos, &key, &value))
        if (value != S->none && dict_setitem(S, mods, key, S->none)) exc_clear(S);
    dict_clear(S, mods);
    gc_collect_nofail(S); /* _PyGC_CollectNoFail */
    if (S->exc) exc_clear(S);
}

static void finish(Sim *S, Obj result)
{
    VmState *vm = &S->vm;
    vm->exit_status = 0;
    if (result) {
        ob_decref(S, result, HOLD_TEMP);
    } else if (S->exc) {
        Obj exc = S->exc;
        S->exc = 0;
        ob_move(S, exc, HOLD_INTERNAL(0, R_CURRENT_EXC), HOLD_TEMP);
        if (rt_issubtype(S, ob_type(S, exc), S->exc_types[EXC_SystemExit])) { /* a subclass too */
            vm_temp_push(S, exc);
            int st = system_exit_status(S, exc);
            vm_temp_pop(S);
            ob_decref(S, exc, HOLD_TEMP);
            vm->exit_status = st < 0 ? 1 : st;
        } else {
            int kbd = ob_type(S, exc) == S->exc_types[EXC_KeyboardInterrupt];
            vm_print_exception(S, exc);
            vm->exit_status = kbd ? 130 : 1;
        }
    }
    vm->done = 1;
}

void vm_finalize(Sim *S)
{
    if (!S->vm.done || S->vm.finalized) return;
    S->vm.finalized = 1;
    shutdown(S);
}

void vm_set_arena(Sim *S, const Obj *objs, size_t n)
{
    VmState *vm = &S->vm;
    vm->arena = malloc((n ? n : 1) * sizeof *vm->arena);
    if (!vm->arena) abort(); /* host out of memory */
    for (size_t i = 0; i < n; i++) {
        vm->arena[i] = objs[i];
        ob_incref(S, objs[i], HOLD_INTERNAL(0, R_PARSER_ARENA));
    }
    vm->narena = n;
}

/* pyrun_file's _PyArena_Free: after the module ran, before an uncaught
 * exception is printed. */
static void release_arena(Sim *S)
{
    VmState *vm = &S->vm;
    while (vm->narena) {
        Obj o = vm->arena[--vm->narena];
        ob_decref(S, o, HOLD_INTERNAL(0, R_PARSER_ARENA));
    }
}

/* The module frame finished with `result` (or an exception). */
static void module_done(Sim *S, Obj result)
{
    if (result) vm_temp_push(S, result);
    S->vm.depth = 0;
    vm_pop_frame(S, S->vm.main_frame);
    release_arena(S);
    if (result) vm_temp_pop(S);
    finish(S, result);
}

int vm_step(Sim *S)
{
    VmState *vm = &S->vm;
    if (vm->done || !vm->frame) return SIM_STEP_DONE;
    Obj result = 0;
    if (vm_exec_one(S, &result)) {
        module_done(S, result);
        return SIM_STEP_DONE;
    }
    return SIM_STEP_RUNNING;
}

void vm_run(Sim *S)
{
    VmState *vm = &S->vm;
    if (vm->done || !vm->frame) return;
    Obj result = 0;
    while (!vm_exec(S, &result, UINT64_MAX)) {
    }
    module_done(S, result);
}

void vm_lines_forget(Sim *S, Obj code)
{
    struct LineCache *lc = vm_line_slot(S, code);
    if (lc->code == code) lc->code = 0; /* its address may hold another code object next */
}

void vm_fini(Sim *S)
{
    VmState *vm = &S->vm;
    for (int i = 0; i < VM_LINE_CACHE; i++) {
        free(vm->lines[i].line);
        vm->lines[i].line = NULL;
        vm->lines[i].code = 0;
    }
    free(vm->temps);
    free(vm->saved_handled);
    free(vm->descrs);
    free(vm->arena);
    vm->arena = NULL;
    free(vm->cftable);
    vm->cftable = NULL;
    free(vm->source);
    free(vm->filename);
    vm->temps = NULL;
    vm->saved_handled = NULL;
    vm->descrs = NULL;
    vm->source = vm->filename = NULL;
}
