/*
 * gc/clear.c -- tp_clear of each type: what delete_garbage calls to break
 * a cycle.  Types CPython 3.11 gives no tp_clear (tuple, method, generator,
 * iterators, slices, descriptors) get none here either: they are freed
 * when the objects they belong to release them.
 */
#include "gc/gc.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"
#include "objects/iters.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"

/* subtype_clear for a subclass (slots, __dict__), then _list_clear */
static void clear_list(Sim *S, Obj o)
{
    if (tp_flags(S, ob_type(S, o)) & TPF_HEAPTYPE) instance_clear(S, o);
    list_clear_items(S, o);
}

static void clear_dict(Sim *S, Obj o) { dict_clear(S, o); }       /* PyDict_Clear */
static void clear_set(Sim *S, Obj o) { set_clear(S, o); }         /* set_clear_internal */
static void clear_cell(Sim *S, Obj o) { cell_set(S, o, 0); }

static void clear_module(Sim *S, Obj o)
{
    static const ObField f[] = {{MODULE_DICT_OFF, R_MODULE_DICT}};
    ob_clear_fields(S, o, f, N_FIELDS(f));
}

/* type_clear (heap types only reach here): the method cache first, then
 * the dict's contents, then tp_mro. */
static void clear_type(Sim *S, Obj o)
{
    S->vm.type_epoch++;
    Obj d = ob_get64(S, o, TP_DICT_OFF);
    if (d) dict_clear(S, d);
    static const ObField f[] = {{TP_MRO_OFF, R_TYPE_MRO}};
    ob_clear_fields(S, o, f, N_FIELDS(f));
}

/* weakref's gc_clear: the reference, then the callback. */
static void clear_weakref(Sim *S, Obj o)
{
    weakref_clear_ref(S, o);
    static const ObField f[] = {{WR_CALLBACK_OFF, R_WEAKREF_CALLBACK}};
    ob_clear_fields(S, o, f, N_FIELDS(f));
}

/* frame_tp_clear: the live locals and stack of a frame the object owns. */
static void clear_frameobj(Sim *S, Obj o)
{
    SimAddr fr = frameobj_frame(S, o);
    if (fr != o + FO_DATA_OFF) return;
    int32_t top = (int32_t)ob_get32(S, fr, FRAME_STACKTOP_OFF);
    ob_set32(S, fr, FRAME_STACKTOP_OFF, 0);
    for (int32_t i = 0; i < top; i++) {
        Obj v = ob_get64(S, fr, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i);
        ob_set64(S, fr, FRAME_LOCALSPLUS_OFF + 8 * (uint32_t)i, 0);
        ob_xdecref(S, v, frame_slot_holder(S, fr, i));
    }
}

static void clear_traceback(Sim *S, Obj o)
{
    static const ObField f[] = {{TB_NEXT_OFF, R_TB_NEXT}, {TB_FRAME_OFF, R_TB_FRAME}};
    ob_clear_fields(S, o, f, N_FIELDS(f));
}

void (*gc_clear_fn(const Sim *S, Obj o))(Sim *S, Obj o)
{
    switch ((TypeId)tp_index(S, ob_type(S, o))) {
    case TI_LIST: return clear_list;
    case TI_DICT: return clear_dict;
    case TI_SET:
    case TI_FROZENSET: return clear_set;
    case TI_CELL: return clear_cell;
    case TI_FUNCTION: return func_clear;
    case TI_MODULE: return clear_module;
    case TI_TYPE: return clear_type;
    case TI_WEAKREF: return clear_weakref;
    case TI_FRAME: return clear_frameobj;
    case TI_TRACEBACK: return clear_traceback;
    case TI_EXCEPTION: return exc_gc_clear;
    case TI_INSTANCE: return instance_clear;
    default: return 0;
    }
}
