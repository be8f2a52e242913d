/*
 * objects/object.h -- Python objects in the simulated heap (internal).
 *
 * An object reference (Obj) is the object's simulated address; id(o) is
 * that address.  Every object starts with CPython's header words
 * (ob_refcnt, ob_type); variable-size objects add ob_size.  GC types are
 * preceded by a 16-byte PyGC_Head (gc_next, gc_prev); types with a managed
 * dict by 16 more bytes (values*, dict*) before that:
 *
 *     [values*][dict*][gc_next][gc_prev][ob_refcnt][ob_type]...
 *                                       ^ the object's address
 *
 * Behaviour is dispatched through a host-side table of TypeInfo indexed by
 * the tp_index word of the type object; user classes share the "instance"
 * behaviour and keep their own data in their (simulated) type object.
 *
 * Reference ownership, CPython's words: a function documented "new
 * reference" returns an Obj whose reference the caller now owns -- held by
 * the caller as a C temporary (holder TEMP) until it is moved to a real
 * holder (ob_move), stored in a container that steals it, or released.
 * "Borrowed" means the caller must not release it.
 *
 * Invariants (checked by ob_check, see ledger.c):
 *   - for every live object, ob_refcnt == the number of holders found by
 *     walking all roots and all live objects' referents, plus 999,999,999
 *     for a static object;
 *   - an object is live iff it is marked in the object map; objects on a
 *     free list are unmarked and have ob_refcnt 0;
 *   - a GC object is tracked iff gc_next != 0, and then it is on exactly
 *     one generation list.
 */
#ifndef ENGINE_OBJECTS_OBJECT_H
#define ENGINE_OBJECTS_OBJECT_H

#include <stdint.h>
#include <string.h>

#include "sim.h"

/* ---- header words in simulated memory ---- */

#define OB_REFCNT_OFF 0
#define OB_TYPE_OFF   8
#define OB_SIZE_OFF   16
#define OB_HEAD_SIZE  16
#define OB_VARHEAD_SIZE 24
#define GC_HEAD_SIZE  16
#define MANAGED_DICT_PRE 16

/* Static objects start with this count, as CPython 3.11's do. */
#define OB_STATIC_REFCNT INT64_C(999999999)

/* How ob_ptr reads the bias: the field, unless the file defines OB_BIAS
 * before including this header (vm/ceval_quiet.c reads it once per loop:
 * the bias never changes once the Sim exists, but every store into
 * simulated memory makes the compiler load the field again). */
#ifndef OB_BIAS
#define OB_BIAS(S) ((S)->bias)
#endif
uintptr_t sim_bias_of(const Sim *S); /* S->bias, out of line (sim.c) */

static inline void *ob_ptr(const Sim *S, Obj o) { return (void *)(uintptr_t)(o + OB_BIAS(S)); }

static inline uint64_t ob_get64(const Sim *S, Obj o, uint32_t off)
{
    uint64_t v;
    memcpy(&v, (const char *)ob_ptr(S, o) + off, sizeof v);
    return v;
}

static inline void ob_set64(Sim *S, Obj o, uint32_t off, uint64_t v)
{
    memcpy((char *)ob_ptr(S, o) + off, &v, sizeof v);
}

static inline uint32_t ob_get32(const Sim *S, Obj o, uint32_t off)
{
    uint32_t v;
    memcpy(&v, (const char *)ob_ptr(S, o) + off, sizeof v);
    return v;
}

static inline void ob_set32(Sim *S, Obj o, uint32_t off, uint32_t v)
{
    memcpy((char *)ob_ptr(S, o) + off, &v, sizeof v);
}

static inline int64_t ob_refcnt(const Sim *S, Obj o) { return (int64_t)ob_get64(S, o, OB_REFCNT_OFF); }
static inline Obj ob_type(const Sim *S, Obj o) { return ob_get64(S, o, OB_TYPE_OFF); }
static inline int64_t ob_size(const Sim *S, Obj o) { return (int64_t)ob_get64(S, o, OB_SIZE_OFF); }
static inline void ob_set_size(Sim *S, Obj o, int64_t n) { ob_set64(S, o, OB_SIZE_OFF, (uint64_t)n); }

/* ---- type objects (our layout inside CPython's type object size) ---- */

#define TP_INDEX_OFF     24   /* uint32: TypeInfo index */
#define TP_FLAGS_OFF     28   /* uint32: TPF_* */
#define TP_BASICSIZE_OFF 32   /* uint32 */
#define TP_ITEMSIZE_OFF  36   /* uint32 */
#define TP_NAME_OFF      40   /* str (heap types) */
#define TP_QUALNAME_OFF  48
#define TP_BASE_OFF      56   /* type */
#define TP_BASES_OFF     64   /* tuple */
#define TP_MRO_OFF       72   /* tuple */
#define TP_DICT_OFF      80   /* dict */
#define TP_SLOTS_OFF     88   /* tuple of __slots__ names, or 0 */
#define TP_KEYS_OFF      96   /* shared split keys (a keys block, not an object) */
#define TP_MODULE_OFF    104  /* str */
#define TP_DICTOFFSET_OFF 112 /* int64: -1 for a managed dict, 0 none */
#define TP_WEAKLISTOFFSET_OFF 120 /* int64: 0 none */
#define TP_SUBCLASSES_OFF 360 /* dict {id: weakref} of a heap type's subclasses, or 0 */
#define TP_WEAKLIST_OFF  368  /* the type's own weakrefs (tp_weaklist) */
#define TP_STATIC_SIZE   408  /* sizeof(PyTypeObject) in 3.11 */
#define TP_HEAP_SIZE     904  /* sizeof(PyHeapTypeObject) in 3.11 */

/* Type flags (our own bit values; names after CPython's). */
#define TPF_GC           (1u << 0)   /* has a PyGC_Head */
#define TPF_MANAGED_DICT (1u << 1)   /* 16 more pre-header bytes */
#define TPF_HEAPTYPE     (1u << 2)   /* a class statement's type */
#define TPF_BASETYPE     (1u << 3)   /* may be subclassed */
#define TPF_VAR          (1u << 4)   /* has ob_size */
#define TPF_FINALIZE     (1u << 5)   /* a class with __del__ (tp_finalize) */

static inline uint32_t tp_index(const Sim *S, Obj type) { return ob_get32(S, type, TP_INDEX_OFF); }
static inline uint32_t tp_flags(const Sim *S, Obj type) { return ob_get32(S, type, TP_FLAGS_OFF); }
static inline const TypeInfo *ob_info(const Sim *S, Obj o) { return &S->types[tp_index(S, ob_type(S, o))]; }
static inline int ob_is(const Sim *S, Obj o, TypeId t) { return ob_type(S, o) == S->types[t].type; }
/* tp_is_gc: GC types, except that static type objects are not GC. */
static inline int ob_is_gc(const Sim *S, Obj o)
{
    if (!(tp_flags(S, ob_type(S, o)) & TPF_GC)) return 0;
    return ob_type(S, o) != S->types[TI_TYPE].type || (tp_flags(S, o) & TPF_HEAPTYPE);
}

/* Bytes before the object: 0, 16 (GC) or 32 (GC + managed dict). */
static inline uint32_t ob_preheader(const Sim *S, Obj type)
{
    uint32_t f = tp_flags(S, type);
    return (f & TPF_GC ? GC_HEAD_SIZE : 0) + (f & TPF_MANAGED_DICT ? MANAGED_DICT_PRE : 0);
}

/* ---- holders: who holds a reference ---- */

#define HOLDER_KINDS(X)                                                           \
    X(TEMP,       "temporary")     /* a C variable inside one operation */        \
    X(CROOT,      "embedder")      /* held by the embedder (tests, debugger) */   \
    X(STATIC,     "static")        /* the 999,999,999 of a static object */       \
    X(NAME,       "name")          /* owner: namespace dict, key: name */         \
    X(LOCAL,      "local")         /* owner: frame, index: slot */                \
    X(STACK,      "stack")         /* owner: frame, index: depth */               \
    X(CELL,       "cell")          /* owner: cell */                              \
    X(LIST_ITEM,  "list item")     /* owner: list, index */                       \
    X(TUPLE_ITEM, "tuple item")    /* owner: tuple, index */                      \
    X(DICT_KEY,   "dict key")      /* owner: dict, index: entry */                \
    X(DICT_VALUE, "dict value")    /* owner: dict, key, index: entry */           \
    X(SET_ITEM,   "set item")      /* owner: set, index: table slot */            \
    X(ATTR,       "attribute")     /* owner: instance, key: name */               \
    X(INTERNAL,   "internal")      /* owner, reason */

typedef enum HolderKind {
#define X(n, text) H_##n,
    HOLDER_KINDS(X)
#undef X
    H_KIND_COUNT
} HolderKind;

/* Reasons for INTERNAL references. */
#define HOLDER_REASONS(X)                                   \
    X(NONE,         "-")                                    \
    X(OB_TYPE,      "ob_type (instance of a heap type)")    \
    X(TYPE_BASE,    "tp_base")                              \
    X(TYPE_BASES,   "tp_bases")                             \
    X(TYPE_MRO,     "tp_mro")                               \
    X(TYPE_DICT,    "tp_dict")                              \
    X(TYPE_NAME,    "__name__")                             \
    X(TYPE_QUALNAME,"__qualname__")                         \
    X(TYPE_SLOTS,   "__slots__")                            \
    X(TYPE_MODULE,  "__module__")                           \
    X(INSTANCE_DICT,"__dict__")                             \
    X(SLOT,         "__slots__ member")                     \
    X(EXC_ARGS,     "args")                                 \
    X(EXC_TRACEBACK,"__traceback__")                        \
    X(EXC_CONTEXT,  "__context__")                          \
    X(EXC_CAUSE,    "__cause__")                            \
    X(ITER_SEQ,     "iterator's sequence")                  \
    X(MODULE_DICT,  "module __dict__")                      \
    X(MODULE_NAME,  "module name")                          \
    X(INTERP,       "interpreter state")                    \
    X(FUNC_GLOBALS, "__globals__")                          \
    X(FUNC_BUILTINS,"__builtins__")                         \
    X(FUNC_NAME,    "__name__")                             \
    X(FUNC_QUALNAME,"__qualname__")                         \
    X(FUNC_CODE,    "__code__")                             \
    X(FUNC_DEFAULTS,"__defaults__")                         \
    X(FUNC_KWDEFAULTS, "__kwdefaults__")                    \
    X(FUNC_CLOSURE, "__closure__")                          \
    X(FUNC_DOC,     "__doc__")                              \
    X(FUNC_DICT,    "__dict__")                             \
    X(FUNC_MODULE,  "__module__")                           \
    X(FUNC_ANNOTATIONS, "__annotations__")                  \
    X(METHOD_FUNC,  "__func__")                             \
    X(METHOD_SELF,  "__self__")                             \
    X(CO_CONSTS,    "co_consts")                            \
    X(CO_NAMES,     "co_names")                             \
    X(CO_LOCALSPLUSNAMES, "co_localsplusnames")             \
    X(CO_LOCALSPLUSKINDS, "co_localspluskinds")             \
    X(CO_FILENAME,  "co_filename")                          \
    X(CO_NAME,      "co_name")                              \
    X(CO_QUALNAME,  "co_qualname")                          \
    X(CO_LINETABLE, "co_linetable")                         \
    X(CO_EXCEPTIONTABLE, "co_exceptiontable")               \
    X(RANGE_FIELD,  "range start/stop/step/length")         \
    X(SHARED_KEYS,  "a class's shared instance keys")        \
    X(WEAKREF_CALLBACK, "weakref callback")                 \
    X(CLEARING_WEAKREFS, "weakrefs being cleared")          \
    X(FINALIZER,    "resurrected for __del__")              \
    X(FRAME_FUNC,   "frame's f_func")                       \
    X(FRAME_CODE,   "frame's f_code")                       \
    X(FRAME_LOCALS, "frame's f_locals")                     \
    X(GEN_CODE,     "gi_code")                              \
    X(GEN_NAME,     "generator __name__")                   \
    X(GEN_QUALNAME, "generator __qualname__")               \
    X(GEN_EXC,      "generator's saved exception")          \
    X(DESCR_TYPE,   "descriptor's __objclass__")            \
    X(DESCR_NAME,   "descriptor's __name__")                \
    X(CURRENT_EXC,  "the exception being raised")          \
    X(HANDLED_EXC,  "the exception being handled")          \
    X(VIEW_DICT,    "view's dict")                          \
    X(ITER_RESULT,  "iterator's cached result")             \
    X(ENUM_INDEX,   "enumerate's long index")               \
    X(ZIP_ITERS,    "zip's iterators")                      \
    X(GA_ORIGIN,    "GenericAlias __origin__")              \
    X(GA_ARGS,      "GenericAlias __args__")                \
    X(GA_PARAMS,    "GenericAlias __parameters__")          \
    X(TB_NEXT,      "tb_next")                              \
    X(TB_FRAME,     "tb_frame")                             \
    X(FRAME_BACK,   "f_back")                               \
    X(FRAME_OBJ,    "frame object")                         \
    X(DESCR_SELF,   "method's __self__")                    \
    X(SYS_MODULES,  "sys.modules")                          \
    X(PARSER_ARENA, "the parser's arena (while __main__ runs)") \
    X(GC_HELD,      "held by the collector")                \
    X(TYPE_SUBCLASSES, "tp_subclasses")

typedef enum HolderReason {
#define X(n, text) R_##n,
    HOLDER_REASONS(X)
#undef X
    R_REASON_COUNT
} HolderReason;

struct Holder {
    uint16_t kind;    /* HolderKind */
    uint16_t reason;  /* HolderReason for H_INTERNAL */
    uint32_t index;   /* slot, entry or depth */
    Obj owner;        /* container, frame, namespace; 0 when none */
    Obj key;          /* name or key object; 0 when none */
};

#define HOLD(k, o, i, kk) ((Holder){(uint16_t)(k), R_NONE, (uint32_t)(i), (o), (kk)})
#define HOLD_TEMP ((Holder){H_TEMP, R_NONE, 0, 0, 0})
#define HOLD_INTERNAL(o, r) ((Holder){H_INTERNAL, (uint16_t)(r), 0, (o), 0})

const char *holder_kind_name(unsigned k);
const char *holder_reason_name(unsigned r);

/* ---- reference counting (refcount.c for the out-of-line parts) ---- */

void ob_emit_ref(Sim *S, SimEventKind kind, Obj o, int64_t count, const Holder *hd);
void ob_dealloc(Sim *S, Obj o);

/* Py_INCREF, with the holder that gains the reference. */
static inline void ob_incref(Sim *S, Obj o, Holder hd)
{
    int64_t n = ob_refcnt(S, o) + 1;
    ob_set64(S, o, OB_REFCNT_OFF, (uint64_t)n);
    if (ev_on(&S->ev, SIM_EVCAT_REFCOUNT)) ob_emit_ref(S, SIM_EV_INCREF, o, n, &hd);
}

/* Py_DECREF, with the holder that loses it; deallocates at zero. */
static inline void ob_decref(Sim *S, Obj o, Holder hd)
{
    int64_t n = ob_refcnt(S, o) - 1;
    ob_set64(S, o, OB_REFCNT_OFF, (uint64_t)n);
    if (ev_on(&S->ev, SIM_EVCAT_REFCOUNT)) ob_emit_ref(S, SIM_EV_DECREF, o, n, &hd);
    if (n == 0) ob_dealloc(S, o);
}

static inline void ob_xdecref(Sim *S, Obj o, Holder hd)
{
    if (o) ob_decref(S, o, hd);
}

/* The reference held by `from` now belongs to `to` (no count change). */
static inline void ob_move(Sim *S, Obj o, Holder from, Holder to)
{
    if (ev_on(&S->ev, SIM_EVCAT_REFCOUNT)) {
        ob_emit_ref(S, SIM_EV_REF_MOVE, o, ob_refcnt(S, o), &to);
        (void)from;
    }
}

/* Free-list ids, for FREELIST_PUSH/POP events (SimEvent.a). */
enum {
    FREELIST_FLOAT = 1,
    FREELIST_LIST = 2,
    FREELIST_DICT = 3,
    FREELIST_KEYS = 4,
    FREELIST_SLICE = 5,
    FREELIST_TUPLE_BASE = 100 /* + size */
};
#define FREELIST_TUPLE(n) (FREELIST_TUPLE_BASE + (n))

/* A free-list event for a block that is not an object (dict keys). */
void ob_emit_freelist(Sim *S, SimEventKind kind, SimAddr block, int64_t list, int64_t length);
/* A dead object goes onto a free list: refcount 0, out of the object
 * map, a FREELIST_PUSH event; `length` is the list's length after. */
void ob_freelist_push(Sim *S, Obj o, int64_t list, int64_t length);
/* It comes back: refcount 1 (held by TEMP), live again, FREELIST_POP. */
void ob_freelist_pop(Sim *S, Obj o, int64_t list, int64_t length);

/* _PyGC_ClearAllFreeLists (a full collection's last step): tuples, floats,
 * lists, dicts, then dict keys, each freed back to pymalloc in CPython's
 * order; count[0] drops for the GC objects among them. */
void ob_clear_freelists(Sim *S);

/* The free lists as a script finds them in python3 (see
 * compiler/footprint.h): emptied, then `tuple_n[k]` tuples of k+1 items,
 * `list_n` lists, `dict_n` dicts and `float_n` floats made and released
 * into them (all made before any is released, so each is a block of its
 * own), and the interpreter's cached slice.  count[0] is left to the
 * caller.  0, or -1 with the simulated
 * heap exhausted (what was made is released). */
int ob_seed_freelists(Sim *S, const int32_t *tuple_n, int32_t list_n, int32_t dict_n, int32_t float_n);

/* ---- allocation (alloc.c) ---- */

/* A new object of `type` with `nitems` items: request
 * basicsize + nitems*itemsize rounded up to 8 (_PyObject_VAR_SIZE), plus
 * the pre-header, from pymalloc, header words
 * set, refcount 1 held by TEMP, marked live, a GC object linked (not yet
 * tracked) and counted in count[0].  Other bytes are zero.  0 with
 * MemoryError set when the heap is full.  New reference. */
Obj ob_alloc(Sim *S, TypeId t, int64_t nitems);
/* The same with the object size given (str, int: CPython computes it). */
Obj ob_alloc_sized(Sim *S, Obj type, uint64_t size, int64_t nitems);
Obj ob_alloc_type(Sim *S, Obj type, int64_t nitems);

/* A static object (never freed) in the static region, its count starting
 * at `base` (999,999,999 for CPython's static singletons, 1 for None,
 * True, False and static types).  Borrowed reference. */
Obj ob_static_new(Sim *S, Obj type, uint64_t size, int64_t base);
/* The same in static memory reserved earlier (no pre-header).  Borrowed. */
Obj ob_static_at(Sim *S, SimAddr at, Obj type, int64_t base);
/* The static base count of o, or 0 for heap objects. */
int64_t ob_static_base(const Sim *S, Obj o);

/* Frees an object's memory (the last step of a dealloc). */
void ob_free_memory(Sim *S, Obj o);
/* The same, then -- for an instance of a class -- the reference to the
 * class, in subtype_dealloc's order. */
void ob_free_object(Sim *S, Obj o);

/* GC tracking: link at the tail of generation 0 / unlink. */
void gc_track(Sim *S, Obj o);
void gc_untrack(Sim *S, Obj o);
int gc_is_tracked(const Sim *S, Obj o);
/* gc_list_merge: every object of list `from` moves to the end of `to`
 * (both list heads, e.g. S->gc.gen[i].head).  gc_list_size counts one;
 * gc_list_each calls fn for each object, in list order. */
void gc_list_merge(Sim *S, SimAddr from, SimAddr to);
int64_t gc_list_size(const Sim *S, SimAddr head);
void gc_list_each(Sim *S, SimAddr head, void (*fn)(Sim *S, Obj o, void *ud), void *ud);
/* PEP 442: tp_finalize has run for this object (gc_prev's FINALIZED bit). */
int gc_is_finalized(const Sim *S, Obj o);
void gc_set_finalized(Sim *S, Obj o);

/* Objects on CPython's free lists are dead but keep their memory. */
void objmap_mark(Sim *S, Obj o);
void objmap_unmark(Sim *S, Obj o);
int objmap_is_live(const Sim *S, Obj o);
/* Calls fn for every live object, in address order. */
void objmap_each(Sim *S, void (*fn)(Sim *S, Obj o, void *ud), void *ud);

/* ---- objects made of reference fields ---- */

/* One reference field: its offset and the reason its holder gives. */
typedef struct ObField {
    uint16_t off;
    uint16_t reason;
} ObField;

/* Py_CLEAR of each field, in the order given (a dealloc's order). */
void ob_clear_fields(Sim *S, Obj o, const ObField *f, size_t n);
/* Visits each non-NULL field, in the order given (a traverse's order). */
void ob_visit_fields(Sim *S, Obj o, const ObField *f, size_t n, RefVisitFn visit, void *ud);
/* Stores a new reference held by TEMP into a NULL field. */
void ob_set_field(Sim *S, Obj o, uint16_t off, uint16_t reason, Obj v);
#define N_FIELDS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the ledger (ledger.c) ---- */

typedef RefVisitFn RefVisit;

/* Every reference `o` holds, with its holder, in CPython's traverse order. */
void ob_referents(Sim *S, Obj o, RefVisit visit, void *ud);

/* Every reference held by the interpreter itself and by the embedder. */
void sim_roots(Sim *S, RefVisit visit, void *ud);

/* All holders of `o`: calls visit once per reference. */
void ob_holders(Sim *S, Obj o, RefVisit visit, void *ud);

/* The whole-heap audit: refcounts against holders, free lists, GC lists,
 * the object map; 0 or 1 with the first violation in msg. */
int ob_check(Sim *S, char *msg, size_t cap);

/* ---- embedder roots (tests, debugger): references held outside ---- */
void sim_hold(Sim *S, Obj o);     /* TEMP -> CROOT */
void sim_unhold(Sim *S, Obj o);   /* releases one CROOT reference */

#endif /* ENGINE_OBJECTS_OBJECT_H */
