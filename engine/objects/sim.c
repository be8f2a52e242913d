/*
 * sim.c -- creating an interpreter's object space: the heap, the static
 * type objects, the static singletons, the GC generation heads.
 */
#include <stdio.h>
#include <stdlib.h>

#include "gc/gc.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/iters.h"
#include "objects/frameobj.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"
#include "vm/vm.h"

/* Static singletons are never deallocated: reaching zero is an engine bug. */
static void never_dealloc(Sim *S, Obj o)
{
    (void)S;
    (void)o;
    abort();
}

typedef struct Slots {
    void (*dealloc)(Sim *S, Obj o);
    void (*referents)(Sim *S, Obj o, RefVisit visit, void *ud);
} Slots;

static const Slots slots[TI_COUNT] = {
    [TI_TYPE] = {type_dealloc, type_referents},
    [TI_OBJECT] = {ob_free_object, NULL},
    [TI_NONE] = {never_dealloc, NULL},
    [TI_BOOL] = {never_dealloc, NULL},
    [TI_INT] = {int_dealloc, NULL},
    [TI_FLOAT] = {float_dealloc, NULL},
    [TI_STR] = {str_dealloc, NULL},
    [TI_BYTES] = {ob_free_object, NULL},
    [TI_TUPLE] = {tuple_dealloc, tuple_referents},
    [TI_LIST] = {list_dealloc, list_referents},
    [TI_DICT] = {dict_dealloc, dict_referents},
    [TI_SET] = {set_dealloc, set_referents},
    [TI_FROZENSET] = {set_dealloc, set_referents},
    [TI_EXCEPTION] = {exc_dealloc, exc_referents},
    [TI_CELL] = {cell_dealloc, cell_referents},
    [TI_FUNCTION] = {func_dealloc, func_referents},
    [TI_METHOD] = {method_dealloc, method_referents},
    [TI_CODE] = {code_dealloc, code_referents},
    [TI_BUILTIN_FN] = {builtin_dealloc, builtin_referents},
    [TI_MODULE] = {module_dealloc, module_referents},
    [TI_RANGE] = {range_dealloc, range_referents},
    [TI_LIST_ITER] = {seqiter_dealloc, seqiter_referents},
    [TI_TUPLE_ITER] = {seqiter_dealloc, seqiter_referents},
    [TI_RANGE_ITER] = {ob_free_object, NULL},
    [TI_NOTIMPL] = {never_dealloc, NULL},
    [TI_ELLIPSIS] = {never_dealloc, NULL},
    [TI_GETSET_DESCR] = {descr_dealloc, descr_referents},
    [TI_WEAKREF] = {weakref_dealloc, weakref_referents},
    [TI_GENERATOR] = {gen_dealloc, gen_referents},
    [TI_MEMBER_DESCR] = {descr_dealloc, descr_referents},
    [TI_DICT_KEYS] = {fieldobj_dealloc, fieldobj_referents},
    [TI_DICT_VALUES] = {fieldobj_dealloc, fieldobj_referents},
    [TI_DICT_ITEMS] = {fieldobj_dealloc, fieldobj_referents},
    [TI_DICT_KEYITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_DICT_VALUEITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_DICT_ITEMITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_SET_ITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_STR_ASCII_ITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_STR_ITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_LIST_REVITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_ENUMERATE] = {fieldobj_dealloc, fieldobj_referents},
    [TI_ZIP] = {fieldobj_dealloc, fieldobj_referents},
    [TI_FRAME] = {frameobj_dealloc, frameobj_referents},
    [TI_TRACEBACK] = {fieldobj_dealloc, fieldobj_referents},
    [TI_METHOD_DESCR] = {never_dealloc, NULL},
    [TI_SLICE] = {slice_dealloc, fieldobj_referents},
    [TI_SEQ_ITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_WEAKVALUEDICT] = {wvd_dealloc, fieldobj_referents},
    [TI_FINALIZE] = {fieldobj_dealloc, fieldobj_referents},
    [TI_SUPER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_MAP] = {fieldobj_dealloc, fieldobj_referents},
    [TI_FILTER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_TEXTIO] = {never_dealloc, NULL},
    [TI_REVERSED] = {fieldobj_dealloc, fieldobj_referents},
    [TI_DICT_REVKEYITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_DICT_REVVALUEITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_DICT_REVITEMITER] = {fieldobj_dealloc, fieldobj_referents},
    [TI_LONGRANGE_ITER] = {longrangeiter_dealloc, longrangeiter_referents},
    [TI_GENERIC_ALIAS] = {fieldobj_dealloc, fieldobj_referents},
    [TI_INSTANCE] = {instance_dealloc, instance_referents},
};

static const TypeInfo builtin[TI_COUNT] = {
#define X(id, name, bs, is, fl) [TI_##id] = {name, bs, is, fl, NULL, NULL, 0},
    BUILTIN_TYPES(X)
#undef X
};

static int init_types(Sim *S)
{
    /* `type` first: it is its own type. */
    for (int t = 0; t < TI_COUNT; t++) {
        Obj o = ob_static_new(S, t == TI_TYPE ? 0 : S->types[TI_TYPE].type, TP_STATIC_SIZE, 1);
        if (!o) return -1;
        S->types[t] = builtin[t];
        S->types[t].dealloc = slots[t].dealloc;
        S->types[t].referents = slots[t].referents;
        S->types[t].type = o;
        if (t == TI_TYPE) ob_set64(S, o, OB_TYPE_OFF, o);
        ob_set32(S, o, TP_INDEX_OFF, (uint32_t)t);
        ob_set32(S, o, TP_FLAGS_OFF, builtin[t].flags);
        ob_set32(S, o, TP_BASICSIZE_OFF, builtin[t].basicsize);
        ob_set32(S, o, TP_ITEMSIZE_OFF, builtin[t].itemsize);
        if (t != TI_OBJECT) ob_set64(S, o, TP_BASE_OFF, 0); /* set below */
    }
    for (int t = 0; t < TI_COUNT; t++) {
        Obj base = t == TI_OBJECT ? 0 : t == TI_BOOL ? S->types[TI_INT].type : S->types[TI_OBJECT].type;
        ob_set64(S, S->types[t].type, TP_BASE_OFF, base);
    }
    return 0;
}

Sim *sim_new(const SimProfile *prof, char *err, size_t errcap)
{
    Sim *S = calloc(1, sizeof *S);
    if (!S) {
        snprintf(err, errcap, "out of host memory");
        return NULL;
    }
    S->heap = sim_heap_new(prof, err, errcap);
    if (!S->heap) {
        free(S);
        return NULL;
    }
    S->bias = S->heap->bias;
    ev_init(&S->ev);
    S->heap->ev = &S->ev; /* one event stream for the whole interpreter */
    S->objmap_len = (S->heap->host_len >> 20) + 1;
    S->objmap = calloc(S->objmap_len, sizeof *S->objmap);
    /* None, NotImplemented and Ellipsis first: hash(None) comes from its
     * address, which must not move when types are added */
    SimAddr singletons = S->objmap ? pm_static_alloc(S->heap, 48, 16) : 0;
    if (!S->objmap || !singletons || gc_init(S) || init_types(S) || str_init_statics(S) || bytes_init_statics(S) ||
        tuple_init_statics(S) || int_init_statics(S) || exc_init(S) || dict_init_statics(S)) {
        snprintf(err, errcap, "cannot create the interpreter's static objects");
        sim_free(S);
        return NULL;
    }
    S->none = ob_static_at(S, singletons, S->types[TI_NONE].type, 1);
    S->not_implemented = ob_static_at(S, singletons + 16, S->types[TI_NOTIMPL].type, 1);
    S->ellipsis = ob_static_at(S, singletons + 32, S->types[TI_ELLIPSIS].type, 1);
    if (!S->none || !S->not_implemented || !S->ellipsis) {
        snprintf(err, errcap, "cannot create None, NotImplemented and Ellipsis");
        sim_free(S);
        return NULL;
    }
    return S;
}

void sim_free(Sim *S)
{
    if (!S) return;
    for (size_t i = 0; S->objmap && i < S->objmap_len; i++) free(S->objmap[i]);
    free(S->objmap);
    vm_fini(S);
    free(S->croots);
    free(S->gc.held);
    free(S->finalizing);
    free(S->statics);
    free(S->static_subs);
    free(S->interned.slots);
    sim_heap_destroy(S->heap);
    free(S);
}

/* S->bias, out of line for vm/ceval_quiet.c (which declares it const: the
 * heap never moves, so the answer never changes for a Sim). */
uintptr_t sim_bias_of(const Sim *S) { return S->bias; }
