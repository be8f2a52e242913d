/*
 * sim.h -- the engine state (internal): one struct Sim per interpreter.
 *
 * Everything the simulated interpreter is lives in the simulated heap
 * (objects, pool headers, free-list links) plus this small root: the heap
 * handle, the event hub, the addresses of static objects, CPython's
 * array-based free lists, the GC generation heads, the pending exception
 * and the embedder's roots.  No globals: every function takes a Sim first.
 */
#ifndef ENGINE_SIM_H
#define ENGINE_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "alloc/pymalloc.h"
#include "events/hub.h"

typedef SimAddr Obj;        /* an object reference: its simulated address */
typedef struct Sim Sim;
typedef struct Holder Holder;

typedef void (*RefVisitFn)(Sim *S, Obj target, const Holder *hd, void *ud);

/* X(ID, "name", basicsize, itemsize, flags): the built-in types.  Sizes
 * are CPython 3.11's tp_basicsize / tp_itemsize (without pre-headers). */
#define BUILTIN_TYPES(X)                                                      \
    X(TYPE,       "type",          904, 40, TPF_GC | TPF_VAR | TPF_BASETYPE)  \
    X(OBJECT,     "object",        16,  0,  TPF_BASETYPE)                     \
    X(NONE,       "NoneType",      16,  0,  0)                                \
    X(BOOL,       "bool",          24,  4,  TPF_VAR)                          \
    X(INT,        "int",           24,  4,  TPF_VAR | TPF_BASETYPE)           \
    X(FLOAT,      "float",         24,  0,  TPF_BASETYPE)                     \
    X(STR,        "str",           80,  0,  TPF_BASETYPE)                     \
    X(BYTES,      "bytes",         33,  1,  TPF_VAR | TPF_BASETYPE)           \
    X(TUPLE,      "tuple",         24,  8,  TPF_GC | TPF_VAR | TPF_BASETYPE)  \
    X(LIST,       "list",          40,  0,  TPF_GC | TPF_VAR | TPF_BASETYPE)  \
    X(DICT,       "dict",          48,  0,  TPF_GC | TPF_BASETYPE)            \
    X(SET,        "set",           200, 0,  TPF_GC | TPF_BASETYPE)            \
    X(FROZENSET,  "frozenset",     200, 0,  TPF_GC | TPF_BASETYPE)            \
    X(EXCEPTION,  "BaseException", 72,  0,  TPF_GC | TPF_BASETYPE)          \
    X(CELL,       "cell",          24,  0,  TPF_GC)                           \
    X(FUNCTION,   "function",      136, 0,  TPF_GC)                           \
    X(METHOD,     "method",        48,  0,  TPF_GC)                           \
    X(CODE,       "code",          184, 2,  TPF_VAR)                          \
    X(BUILTIN_FN, "builtin_function_or_method", 56, 0, TPF_GC)               \
    X(MODULE,     "module",        56,  0,  TPF_GC | TPF_BASETYPE)            \
    X(RANGE,      "range",         48,  0,  0)                                \
    X(LIST_ITER,  "list_iterator", 32,  0,  TPF_GC)                           \
    X(TUPLE_ITER, "tuple_iterator", 32, 0,  TPF_GC)                           \
    X(RANGE_ITER, "range_iterator", 48, 0,  0)                                \
    X(NOTIMPL,    "NotImplementedType", 16, 0, 0)                             \
    X(ELLIPSIS,   "ellipsis",      16,  0,  0)                                \
    X(GETSET_DESCR, "getset_descriptor", 48, 0, TPF_GC)                      \
    X(WEAKREF,    "ReferenceType", 64,  0,  TPF_GC | TPF_BASETYPE)           \
    X(GENERATOR,  "generator",     80,  8,  TPF_GC) /* items: its frame */     \
    X(MEMBER_DESCR, "member_descriptor", 48, 0, TPF_GC)                      \
    X(DICT_KEYS,  "dict_keys",     24,  0,  TPF_GC)                           \
    X(DICT_VALUES, "dict_values",  24,  0,  TPF_GC)                           \
    X(DICT_ITEMS, "dict_items",    24,  0,  TPF_GC)                           \
    X(DICT_KEYITER, "dict_keyiterator", 56, 0, TPF_GC)                        \
    X(DICT_VALUEITER, "dict_valueiterator", 56, 0, TPF_GC)                    \
    X(DICT_ITEMITER, "dict_itemiterator", 56, 0, TPF_GC)                      \
    X(SET_ITER,   "set_iterator",  48,  0,  TPF_GC)                           \
    X(STR_ASCII_ITER, "str_ascii_iterator", 32, 0, TPF_GC)                    \
    X(STR_ITER,   "str_iterator",  32,  0,  TPF_GC)                           \
    X(LIST_REVITER, "list_reverseiterator", 32, 0, TPF_GC)                    \
    X(ENUMERATE,  "enumerate",     56,  0,  TPF_GC | TPF_BASETYPE)            \
    X(ZIP,        "zip",           48,  0,  TPF_GC | TPF_BASETYPE)            \
    X(FRAME,      "frame",         120, 8,  TPF_GC | TPF_VAR)                 \
    X(TRACEBACK,  "traceback",     40,  0,  TPF_GC)                           \
    X(METHOD_DESCR, "method_descriptor", 56, 0, 0) /* static here */        \
    X(SLICE,      "slice",         40,  0,  TPF_GC)                           \
    X(SEQ_ITER,   "iterator",      32,  0,  TPF_GC) /* PySeqIter: __getitem__ */ \
    X(WEAKVALUEDICT, "WeakValueDictionary", 40, 0, TPF_GC) /* weakref's, in C */ \
    X(FINALIZE,   "finalize",      56,  0,  TPF_GC) /* weakref.finalize, in C */ \
    X(SUPER,      "super",         40,  0,  TPF_GC | TPF_BASETYPE)            \
    X(MAP,        "map",           32,  0,  TPF_GC | TPF_BASETYPE)            \
    X(FILTER,     "filter",        32,  0,  TPF_GC | TPF_BASETYPE)            \
    X(TEXTIO,     "_io.TextIOWrapper", 24, 0, 0) /* sys.stdout / sys.stderr, static here */ \
    X(REVERSED,   "reversed",      32,  0,  TPF_GC) /* reversed() of a sequence */  \
    X(DICT_REVKEYITER, "dict_reversekeyiterator", 56, 0, TPF_GC)              \
    X(DICT_REVVALUEITER, "dict_reversevalueiterator", 56, 0, TPF_GC)          \
    X(DICT_REVITEMITER, "dict_reverseitemiterator", 56, 0, TPF_GC)            \
    X(LONGRANGE_ITER, "longrange_iterator", 48, 0, 0) /* beyond C long */     \
    X(GENERIC_ALIAS, "types.GenericAlias", 64, 0, TPF_GC) /* list[int] */    \
    X(INSTANCE,   "object",        16,  0,  TPF_GC) /* the behaviour of class instances */

typedef enum TypeId {
#define X(id, name, bs, is, fl) TI_##id,
    BUILTIN_TYPES(X)
#undef X
    TI_COUNT
} TypeId;

/* Behaviour of a type, host side. */
typedef struct TypeInfo {
    const char *name;
    uint32_t basicsize, itemsize, flags;
    /* Releases what the object holds, in CPython's order, then its
     * memory (or pushes it on a free list).  Called at refcount 0. */
    void (*dealloc)(Sim *S, Obj o);
    /* Visits every reference the object holds, with its holder. */
    void (*referents)(Sim *S, Obj o, RefVisitFn visit, void *ud);
    Obj type;            /* the static type object */
} TypeInfo;

/* X(NAME, base): the built-in exception classes, base before derived. */
#define EXCEPTION_TYPES(X)                       \
    X(BaseException, BaseException)              \
    X(Exception, BaseException)                  \
    X(ArithmeticError, Exception)                \
    X(OverflowError, ArithmeticError)            \
    X(ZeroDivisionError, ArithmeticError)        \
    X(LookupError, Exception)                    \
    X(IndexError, LookupError)                   \
    X(KeyError, LookupError)                     \
    X(TypeError, Exception)                      \
    X(ValueError, Exception)                     \
    X(MemoryError, Exception)                    \
    X(RuntimeError, Exception)                   \
    X(SystemError, Exception)                    \
    X(RecursionError, RuntimeError)              \
    X(NotImplementedError, RuntimeError)         \
    X(AttributeError, Exception)                 \
    X(NameError, Exception)                      \
    X(UnboundLocalError, NameError)              \
    X(StopIteration, Exception)                  \
    X(AssertionError, Exception)                 \
    X(ImportError, Exception)                    \
    X(ModuleNotFoundError, ImportError)          \
    X(ReferenceError, Exception)                 \
    X(SystemExit, BaseException)                 \
    X(KeyboardInterrupt, BaseException)          \
    X(GeneratorExit, BaseException)

typedef enum ExcId {
#define X(name, base) EXC_##name,
    EXCEPTION_TYPES(X)
#undef X
    EXC_COUNT
} ExcId;

/* CPython 3.11's free-list limits. */
#define FL_FLOAT_MAX  100
#define FL_TUPLE_SIZES 20      /* sizes 1..20, at index size-1 */
#define FL_TUPLE_MAX  2000
#define FL_LIST_MAX   80
#define FL_DICT_MAX   80
#define FL_KEYS_MAX   80

typedef struct FreeLists {
    Obj      float_head;            /* linked through ob_type */
    uint32_t float_n;
    Obj      tuple_head[FL_TUPLE_SIZES]; /* size n at n-1, linked through ob_item[0] */
    uint32_t tuple_n[FL_TUPLE_SIZES];
    Obj      list[FL_LIST_MAX];
    uint32_t list_n;
    Obj      dict[FL_DICT_MAX];
    uint32_t dict_n;
    SimAddr  keys[FL_KEYS_MAX];     /* 8-slot str-key keys blocks */
    uint32_t keys_n;
    Obj      slice;                 /* interp->slice_cache: one dead slice, or 0 */
} FreeLists;

typedef struct GcGen {
    SimAddr head;        /* PyGC_Head sentinel in the static region */
    int64_t threshold;
    int64_t count;
} GcGen;

/* gc.get_stats() per generation. */
typedef struct GcGenStats {
    int64_t collections, collected, uncollectable;
} GcGenStats;

/* GCState of CPython 3.11 (gc/collect.c keeps it).  Generation lists are
 * circular lists of PyGC_Head in simulated memory; `collecting` guards
 * against re-entry (a nested collect returns 0). */
typedef struct GcState {
    GcGen gen[3];
    GcGen permanent;
    int enabled;
    int debug;                   /* gc.set_debug flags */
    int collecting;
    int64_t long_lived_total;    /* survivors of the last full collection */
    int64_t long_lived_pending;  /* survivors of gen1 collections since */
    GcGenStats stats[3];
    struct GcLast {              /* the last collection, for viewers */
        int generation;          /* -1 before the first */
        int64_t collected, uncollectable;
        uint64_t tick;
    } last;
    int64_t phantom;             /* tracked objects CPython's start-up leaves that refscope
                                  * does not build (gc/collect.c, gc_startup) */
    int64_t phantom_frozen;      /* the same after gc.freeze() */
    Obj garbage;                 /* gc.garbage (a list held by the interpreter) */
    Obj callbacks;               /* gc.callbacks (a list held by the interpreter) */
    SimAddr work[6];             /* heads of the collector's own lists (gc/gc.h) */
    int refs_mode;               /* gc_prev holds gc_refs on the list being collected */
    int audit;                   /* self-check after each phase (see gc/collect.c) */
    Obj *held;                   /* references the collector holds across calls */
    size_t nheld, capheld;
    void (*phase_hook)(Sim *S, int phase, int generation, void *ud);
    void *phase_ud;
} GcState;

/* Interned strings: a host-side open-addressing set of str objects.  Its
 * references are not counted, as in CPython 3.11 (-2 on interning). */
typedef struct InternTable {
    Obj *slots;
    uint64_t cap, used;
} InternTable;

/* The VM's root: the running thread, its data stack, the interpreter's
 * modules.  Frames live in 16 KiB data-stack chunks (raw region), linked
 * through their `previous` words. */
typedef struct VmState {
    SimAddr chunk;               /* current data-stack chunk (word 0: previous chunk) */
    SimAddr top, limit;          /* first free word, end of the chunk */
    SimAddr frame;               /* the executing frame, 0 when none */
    SimAddr main_frame;          /* __main__'s frame, the bottom of the thread */
    int depth;                   /* Python frames running (recursion check) */
    int recursion_limit;         /* sys.getrecursionlimit() */
    int c_depth;                 /* nested evaluation loops (host stack guard) */
    uint64_t tick;               /* instructions executed */
    Obj handled;                 /* the exception being handled (exc_info), or 0 */
    Obj *saved_handled;          /* callers' handled exceptions while a generator runs */
    size_t nsaved, capsaved;
    Obj *temps;                  /* TEMP references held across calls (roots) */
    size_t ntemps, captemps;
    char *source, *filename;     /* the program's text, for traceback lines (host) */
    size_t source_len;
    int check_every_step;        /* run ob_check after every instruction */
    int watched;                 /* any of check_every_step, tick_limit, instr_hook */
    Obj builtins_mod, builtins;  /* the builtins module and its dict */
    Obj main_mod;                /* __main__ */
    Obj modules;                 /* sys.modules */
    Obj sys_mod;                 /* the sys module, held as interp->sysdict is */
    Obj finalizers;              /* weakref.finalize's registry (a list), or 0 */
    Obj tstate_dict;             /* PyThreadState.dict (Py_ReprEnter's), made at first use, or 0 */
#define VM_KWTUPLES 16
    Obj kwtuples[VM_KWTUPLES];   /* C functions' _PyArg_Parser.kwtuple, made at first use, or 0 */
    Obj stdio[3];                /* sys.stdout and sys.stderr at [1] and [2] (static) */
    Obj *arena;                  /* constants the parser's arena holds while __main__ runs */
    size_t narena;
    Obj kwnames;                 /* KW_NAMES's tuple for the next CALL (borrowed from co_consts) */
    Obj ex_args;                 /* CALL_FUNCTION_EX's argument tuple (borrowed) while ... */
    const Obj *ex_argv;          /* ... rt_call runs with its items as this array, or 0 */
    Obj *descrs;                 /* method descriptors, by C function index */
    const void **cftable;        /* the C functions by index (registry.c) */
    struct MethodCache { Obj name; int32_t type, index; } mcache[256]; /* (type, name) -> index */
#define VM_TYPE_CACHE 1024
    struct TypeCache { Obj type, name, value; int64_t hash; uint64_t epoch; } tcache[VM_TYPE_CACHE];
    uint64_t type_epoch;         /* bumped whenever a class dict may change */
#define VM_LINE_CACHE 64
    /* INSTR events' lines: per code object (slot by address, cleared by
     * code_dealloc), the line of every code unit, in host memory */
    struct LineCache { Obj code; int32_t *line; } lines[VM_LINE_CACHE];
#define VM_NAME_CACHE 256
    struct NameCache { Obj code; int64_t instr; Obj ns[3]; uint64_t ver[2]; int32_t level; int64_t ix; }
        ncache[VM_NAME_CACHE]; /* where LOAD_GLOBAL/LOAD_NAME found a name, by instruction (ceval.c) */
#define VM_ATTR_CACHE 256
    struct AttrCache { Obj type, name, descr; uint64_t epoch; SimAddr keys; int64_t ix, nentries; int kind; }
        acache[VM_ATTR_CACHE]; /* instance attribute layouts, by instruction (runtime/attr.c) */
#define VM_CSTR_CACHE 64
    struct CstrCache { Obj type, value; uint64_t epoch; const char *name; char copy[24]; }
        ccache[VM_CSTR_CACHE]; /* rt_type_lookup_cstr's answers */
    Obj *cfunc_objs;             /* builtin function objects made at start-up */
    size_t ncfuncs;
    volatile int interrupt;      /* Ctrl-C pending */
    uint64_t tick_limit;         /* 0, or the tick after which every check point interrupts */
    void (*instr_hook)(void *ud, unsigned long long tick, int nested); /* before every instruction */
    void *instr_hook_ud;
    int done, exit_status;
    int finalized;               /* vm_finalize ran */
    int modules_cleared;         /* shutdown set sys.modules' entries to None */
    SimWriteFn out, err;
    void *out_ud, *err_ud;
} VmState;

struct Sim {
    SimHeap *heap;
    uintptr_t bias;              /* host address - simulated address */
    EvHub ev;                    /* shared with the heap */

    TypeInfo types[TI_COUNT];
    Obj exc_types[EXC_COUNT];

    /* Static objects. */
    Obj none, true_, false_, not_implemented, ellipsis;
    Obj empty_tuple, empty_str;
    Obj small_ints;              /* int -5 at this address, stride 32 */
    Obj latin1[256];             /* one-character strings */
    Obj empty_bytes;             /* b'' */
    Obj bytes_chars[256];        /* the one-byte bytes */
    Obj memory_error;            /* preallocated, raised when the heap is full */
    SimAddr empty_keys;          /* Py_EMPTY_KEYS, shared by every {} */

    FreeLists fl;
    GcState gc;
    InternTable interned;

    Obj exc;                     /* pending exception or 0 (held: CURRENT_EXC) */

    /* Calls callable(arg) for the object layer (weakref callbacks); set by
     * the VM.  Without it callbacks are dropped, not called. */
    int (*call_hook)(Sim *S, Obj callable, Obj arg);
    /* PyNumber_Index for a class instance, for the object layer (slice
     * indices): 1 and *out a new int, 0 when its class has no __index__,
     * -1 with an exception.  Set by the VM. */
    int (*index_hook)(Sim *S, Obj o, Obj *out);
    /* A class's __hash__ and __eq__, for dict and set lookups (PyObject_Hash,
     * PyObject_RichCompareBool): the hash, or -1 with an exception, and
     * *handled 0 when the class defines neither; 1, 0, or -1 with an
     * exception.  Set by the VM. */
    int64_t (*hash_hook)(Sim *S, Obj o, int *handled);
    int (*eq_hook)(Sim *S, Obj a, Obj b);

    /* Objects inside their __del__ call: each holds its resurrection count
     * of 1, and the exception that was pending is saved beside it. */
    struct Finalizing { Obj o, saved_exc; } *finalizing;
    size_t nfinalizing, capfinalizing;

    /* The tp_subclasses entries of static types (object, list, the
     * exceptions): the id key and the weakref of each class derived from
     * one, held by the static type.  CPython keeps them in a dict that
     * start-up filled; its memory is not modelled, the entries are. */
    struct StaticSub { Obj base, key, ref; } *static_subs;
    size_t nstatic_subs, capstatic_subs;

    struct StaticObj { Obj o; int64_t base; } *statics; /* static objects and */
    size_t nstatics, capstatics;                       /* their base counts */

    Obj *croots;                 /* references the embedder holds */
    size_t ncroots, capcroots;

    uint64_t **objmap;           /* one bit per 8 bytes, per MiB of space */
    size_t objmap_len;

    VmState vm;

    int dealloc_depth;           /* the trashcan's nesting level */
    Obj trash;                   /* deferred deallocations, via gc_prev */
};

/* Creates an interpreter's object space on a new heap; NULL with err. */
Sim *sim_new(const SimProfile *prof, char *err, size_t errcap);
void sim_free(Sim *S);

#endif /* ENGINE_SIM_H */
