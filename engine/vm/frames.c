/*
 * frames.c -- the thread's data stack and frame set-up: 3.11's
 * _PyThreadState_BumpFramePointer / push_chunk / _PyThreadState_PopFrame,
 * _PyFrame_InitializeSpecials and initialize_locals, with CPython's
 * argument errors.
 */
#include <stdio.h>
#include <string.h>

#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/func.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/runtime.h"
#include "vm/frames.h"
#include "vm/vm.h"

#define MINIMUM_OVERHEAD 1000

static int32_t co_int(const Sim *S, Obj code, uint32_t off) { return vm_co_int(S, code, off); }

SimAddr vm_frames_push_chunk(Sim *S, uint64_t words)
{
    uint64_t size = DATA_STACK_CHUNK_SIZE;
    while (size < 8 * (words + MINIMUM_OVERHEAD)) size *= 2;
    SimAddr c = pm_raw_malloc(S->heap, size);
    if (!c) return 0;
    VmState *vm = &S->vm;
    ob_set64(S, c, CHUNK_PREV, vm->chunk);
    ob_set64(S, c, CHUNK_SIZE, size);
    if (vm->chunk) ob_set64(S, vm->chunk, CHUNK_TOP, (vm->top - (vm->chunk + CHUNK_DATA)) / 8);
    vm->chunk = c;
    vm->limit = c + size;
    /* the root chunk skips its first word so that it is never popped */
    SimAddr res = c + CHUNK_DATA + (ob_get64(S, c, CHUNK_PREV) == 0 ? 8 : 0);
    vm->top = res + 8 * words;
    return res;
}

SimAddr vm_push_frame(Sim *S, Obj func, Obj locals)
{
    return vm_frames_push(S, func, ob_get64(S, func, FUNC_CODE_OFF), locals);
}

int vm_call_is_exact(const Sim *S, Obj func, int64_t nargs)
{
    return vm_frames_exact(S, ob_get64(S, func, FUNC_CODE_OFF), nargs);
}

SimAddr vm_push_frame_exact(Sim *S, Obj func, const Obj *args, int64_t nargs)
{
    return vm_frames_push_exact(S, func, ob_get64(S, func, FUNC_CODE_OFF), args, nargs);
}

void vm_pop_frame(Sim *S, SimAddr f) { vm_frames_pop(S, f); }

void vm_frames_pop_raw(Sim *S, SimAddr f)
{
    VmState *vm = &S->vm;
    if (f == vm->chunk + CHUNK_DATA) {
        SimAddr c = vm->chunk, prev = ob_get64(S, c, CHUNK_PREV);
        vm->chunk = prev;
        vm->top = prev + CHUNK_DATA + 8 * ob_get64(S, prev, CHUNK_TOP);
        vm->limit = prev + ob_get64(S, prev, CHUNK_SIZE);
        pm_raw_free(S->heap, c);
    } else {
        vm->top = f;
    }
}

/* ---- initialize_locals ---- */

static void qualname_of(const Sim *S, Obj func, char *buf, size_t cap)
{
    str_to_utf8(S, ob_get64(S, func, FUNC_QUALNAME_OFF), buf, cap);
}

static Obj name_at(const Sim *S, Obj code, int64_t i)
{
    return tuple_item(S, ob_get64(S, code, CO_LOCALSPLUSNAMES_OFF), i);
}

static Obj local(const Sim *S, SimAddr f, int64_t i) { return ob_get64(S, f, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i); }

static void set_local(Sim *S, SimAddr f, int64_t i, Obj v, int steal)
{
    ob_set64(S, f, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i, v);
    Holder hd = HOLD(H_LOCAL, f, i, 0);
    if (steal) ob_move(S, v, HOLD_TEMP, hd);
    else ob_incref(S, v, hd);
}

static void release_arg(Sim *S, Obj v, int steal)
{
    if (steal) ob_decref(S, v, HOLD_TEMP);
}

/* format_missing: 'a', 'a' and 'b', 'a', 'b', and 'c' */
static void missing_arguments(Sim *S, Obj func, SimAddr f, int64_t missing, int64_t defcount)
{
    Obj code = ob_get64(S, func, FUNC_CODE_OFF);
    int positional = defcount != -1;
    int64_t start = positional ? 0 : co_int(S, code, CO_ARGCOUNT_OFF);
    int64_t end = positional ? co_int(S, code, CO_ARGCOUNT_OFF) - defcount : start + co_int(S, code, CO_KWONLY_OFF);
    char names[1024] = "", q[256];
    size_t len = 0;
    int64_t j = 0;
    for (int64_t i = start; i < end; i++) {
        if (local(S, f, i)) continue;
        char nm[200];
        str_to_utf8(S, name_at(S, code, i), nm, sizeof nm);
        const char *sep = j == 0 ? "" : missing == 2 ? " and " : j == missing - 1 ? ", and " : ", ";
        len += (size_t)snprintf(names + len, len < sizeof names ? sizeof names - len : 0, "%s'%s'", sep, nm);
        if (len >= sizeof names) len = sizeof names - 1;
        j++;
    }
    qualname_of(S, func, q, sizeof q);
    exc_set(S, EXC_TypeError, "%s() missing %lld required %s argument%s: %s", q, (long long)missing,
            positional ? "positional" : "keyword-only", missing == 1 ? "" : "s", names);
}

static void too_many_positional(Sim *S, Obj func, SimAddr f, int64_t given)
{
    Obj code = ob_get64(S, func, FUNC_CODE_OFF);
    int64_t argc = co_int(S, code, CO_ARGCOUNT_OFF), kwonly_given = 0;
    for (int64_t i = argc; i < argc + co_int(S, code, CO_KWONLY_OFF); i++)
        if (local(S, f, i)) kwonly_given++;
    Obj defaults = ob_get64(S, func, FUNC_DEFAULTS_OFF);
    int64_t defcount = defaults ? ob_size(S, defaults) : 0;
    char sig[64], kwsig[128] = "", q[256];
    int plural;
    if (defcount) {
        plural = 1;
        snprintf(sig, sizeof sig, "from %lld to %lld", (long long)(argc - defcount), (long long)argc);
    } else {
        plural = argc != 1;
        snprintf(sig, sizeof sig, "%lld", (long long)argc);
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %lld keyword-only argument%s)",
                 given != 1 ? "s" : "", (long long)kwonly_given, kwonly_given != 1 ? "s" : "");
    qualname_of(S, func, q, sizeof q);
    exc_set(S, EXC_TypeError, "%s() takes %s positional argument%s but %lld%s %s given", q, sig,
            plural ? "s" : "", (long long)given, kwsig, given == 1 && !kwonly_given ? "was" : "were");
}

int vm_bind_args(Sim *S, SimAddr f, Obj func, const Obj *args, int64_t argcount, Obj kwnames, int steal)
{
    Obj code = ob_get64(S, func, FUNC_CODE_OFF);
    uint32_t flags = ob_get32(S, code, CO_FLAGS_OFF);
    /* the common case: exactly the positional parameters, nothing else */
    if (!kwnames && !(flags & (CO_VARARGS | CO_VARKEYWORDS)) && co_int(S, code, CO_KWONLY_OFF) == 0 &&
        argcount == co_int(S, code, CO_ARGCOUNT_OFF)) {
        for (int64_t j = 0; j < argcount; j++) set_local(S, f, j, args[j], steal);
        return 0;
    }
    int64_t co_argc = co_int(S, code, CO_ARGCOUNT_OFF), posonly = co_int(S, code, CO_POSONLY_OFF);
    int64_t total = co_argc + co_int(S, code, CO_KWONLY_OFF);
    int64_t kwcount = kwnames ? ob_size(S, kwnames) : 0;
    Obj kwdict = 0;
    char q[256];
    if (flags & CO_VARKEYWORDS) {
        kwdict = dict_new(S);
        if (!kwdict) goto fail_pre;
        set_local(S, f, total + ((flags & CO_VARARGS) ? 1 : 0), kwdict, 1);
    }
    int64_t n = argcount > co_argc ? co_argc : argcount;
    for (int64_t j = 0; j < n; j++) set_local(S, f, j, args[j], steal);
    if (flags & CO_VARARGS) {
        Obj u;
        if (argcount == n) {
            u = S->empty_tuple;
            ob_incref(S, u, HOLD_TEMP);
        } else {
            u = tuple_new(S, argcount - n);
            if (!u) goto fail_post_pos;
            for (int64_t j = n; j < argcount; j++) {
                if (!steal) ob_incref(S, args[j], HOLD_TEMP);
                tuple_set_item(S, u, j - n, args[j]);
            }
        }
        set_local(S, f, total, u, 1);
    } else if (argcount > n) {
        for (int64_t j = n; j < argcount; j++) release_arg(S, args[j], steal);
    }
    for (int64_t i = 0; i < kwcount; i++) {
        Obj kw = tuple_item(S, kwnames, i), value = args[argcount + i];
        int64_t j;
        for (j = posonly; j < total; j++)
            if (name_at(S, code, j) == kw || str_eq(S, name_at(S, code, j), kw)) break;
        if (j >= total) {
            if (!kwdict) {
                char k[200];
                qualname_of(S, func, q, sizeof q);
                /* positional_only_passed_as_keyword: every keyword that
                 * names a positional-only parameter, joined by ", " */
                char names[512] = "";
                size_t used = 0;
                for (int64_t m = 0; m < kwcount; m++) {
                    Obj km = tuple_item(S, kwnames, m);
                    for (int64_t p = 0; p < posonly; p++) {
                        if (!str_eq(S, name_at(S, code, p), km)) continue;
                        str_to_utf8(S, km, k, sizeof k);
                        used += (size_t)snprintf(names + used, used < sizeof names ? sizeof names - used : 0, "%s%s",
                                                 used ? ", " : "", k);
                        break;
                    }
                }
                if (used) {
                    exc_set(S, EXC_TypeError,
                            "%s() got some positional-only arguments passed as keyword arguments: '%s'", q, names);
                    goto kw_fail;
                }
                str_to_utf8(S, kw, k, sizeof k);
                exc_set(S, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", q, k);
                goto kw_fail;
            }
            if (dict_setitem(S, kwdict, kw, value)) goto kw_fail;
            release_arg(S, value, steal);
            continue;
        }
        if (local(S, f, j)) {
            char k[200];
            qualname_of(S, func, q, sizeof q);
            str_to_utf8(S, kw, k, sizeof k);
            exc_set(S, EXC_TypeError, "%s() got multiple values for argument '%s'", q, k);
            goto kw_fail;
        }
        set_local(S, f, j, value, steal);
        continue;
    kw_fail:
        for (; i < kwcount; i++) release_arg(S, args[argcount + i], steal);
        return -1;
    }
    if (argcount > co_argc && !(flags & CO_VARARGS)) {
        too_many_positional(S, func, f, argcount);
        return -1;
    }
    if (argcount < co_argc) {
        Obj defaults = ob_get64(S, func, FUNC_DEFAULTS_OFF);
        int64_t defcount = defaults ? ob_size(S, defaults) : 0, m = co_argc - defcount, missing = 0;
        for (int64_t i = argcount; i < m; i++)
            if (!local(S, f, i)) missing++;
        if (missing) {
            missing_arguments(S, func, f, missing, defcount);
            return -1;
        }
        for (int64_t i = n > m ? n - m : 0; i < defcount; i++)
            if (!local(S, f, m + i)) set_local(S, f, m + i, tuple_item(S, defaults, i), 0);
    }
    if (total > co_argc) {
        Obj kwdefs = ob_get64(S, func, FUNC_KWDEFAULTS_OFF);
        int64_t missing = 0;
        for (int64_t i = co_argc; i < total; i++) {
            if (local(S, f, i)) continue;
            Obj def = kwdefs ? dict_getitem(S, kwdefs, name_at(S, code, i)) : 0;
            if (def) {
                set_local(S, f, i, def, 0);
                continue;
            }
            if (S->exc) return -1;
            missing++;
        }
        if (missing) {
            missing_arguments(S, func, f, missing, -1);
            return -1;
        }
    }
    return 0;

fail_pre:
    for (int64_t j = 0; j < argcount + kwcount; j++) release_arg(S, args[j], steal);
    return -1;
fail_post_pos:
    for (int64_t j = n; j < argcount + kwcount; j++) release_arg(S, args[j], steal);
    return -1;
}
