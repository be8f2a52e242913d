/*
 * sim/inspect.h -- the read-only inspection API (public).
 *
 * The console, the GUI, the lessons and `refscope snapshot` read the
 * simulated interpreter through these calls and nothing else.  They may be
 * called between two steps or from the instruction hook (then the state
 * is the one just before the instruction of that tick runs).
 *
 * Invariants every call here keeps -- the observer effect is zero:
 *   - no simulated memory is written: no allocation, no free, no refcount
 *     change, no GC count change, no free-list traffic;
 *   - no event is emitted (the next event id is unchanged);
 *   - no Python code runs: reprs are built on the host from the objects'
 *     bytes (a class instance is "<__main__.K object at 0x...>" whether
 *     or not K defines __repr__);
 *   - results are plain data (ids and simulated addresses, never host
 *     pointers into the heap); strings handed to callbacks are valid only
 *     during that call.
 *
 * An object's id is its simulated address, as id() returns it.  Iteration
 * orders are deterministic: objects in address order, holders in the
 * ledger's order (the interpreter's roots, then the objects in address
 * order, each in its traverse order), frames innermost first.
 *
 * Costs: one object's holders need a walk of the whole heap (the ledger
 * stores no back references); sim_inspect_objects with
 * SIM_INSPECT_HOLDERS walks it once for all objects, with a host-side
 * index of 32 bytes per reference that it frees before returning.
 */
#ifndef SIM_INSPECT_H
#define SIM_INSPECT_H

#include <stddef.h>
#include <stdint.h>

#include "sim/engine.h"

/* Room for names (of types, variables, modules) in the structs below;
 * longer names are truncated. */
#define SIM_INSPECT_NAME_MAX 128

/* ---- one reference: who holds it ---- */

/* A holder, as the refcount events name it: the kind and reason names
 * come from sim_holder_kind_name / sim_holder_reason_name. */
typedef struct SimHolder {
    uint64_t target;     /* the object held */
    uint64_t owner;      /* container, frame, namespace dict or cell; 0 for a root */
    uint64_t key;        /* name or key object (dict value, attribute, name); 0 if none */
    uint32_t index;      /* slot, entry or stack depth */
    uint16_t kind;       /* holder kind (list item, local, name, internal...) */
    uint16_t reason;     /* for "internal": which field (co_consts, __globals__...) */
} SimHolder;

typedef void (*SimHolderFn)(void *ud, const SimHolder *h);

/* ---- objects ---- */

typedef enum SimRegion {
    SIM_REGION_STATIC = 0,   /* interpreter statics: singletons, static types */
    SIM_REGION_ARENA = 1,    /* a pymalloc block */
    SIM_REGION_RAW = 2       /* a raw-malloc chunk (requests above the threshold) */
} SimRegion;

/* gc_generation values besides 0, 1, 2. */
#define SIM_GC_UNTRACKED (-1)
#define SIM_GC_PERMANENT 3   /* gc.freeze()'s permanent generation */
#define SIM_GC_ELSEWHERE (-2) /* tracked, on a list of a collection in progress */

typedef struct SimObjectInfo {
    uint64_t id;             /* = its address = id() */
    uint64_t type;           /* the type object's id */
    char type_name[SIM_INSPECT_NAME_MAX]; /* tp_name ("int", "K") */
    int64_t refcnt;          /* ob_refcnt */
    int64_t static_base;     /* 999,999,999 for an immortal singleton, 1 for a static
                                type, None, True, False; 0 for heap objects */
    uint64_t size;           /* sys.getsizeof(o) */
    uint64_t request;        /* bytes asked of the allocator for an object of this
                                shape (pre-header included); 0 for statics */
    uint64_t block;          /* address of its memory: id - preheader */
    uint32_t preheader;      /* 0, 16 (PyGC_Head) or 32 (+ managed dict) */
    uint32_t region;         /* SimRegion */
    uint32_t szclass, arena, pool, block_index; /* pymalloc position, SIM_NONE if none */
    uint64_t block_size;     /* the block's or raw chunk's bytes; 0 for statics */
    int is_gc;               /* has a PyGC_Head */
    int gc_tracked;
    int gc_generation;       /* 0..2, SIM_GC_PERMANENT, SIM_GC_UNTRACKED, SIM_GC_ELSEWHERE */
    int gc_list;             /* the list it is on, a SIM_GC_LISTS id (sim/events.h): a
                                generation, the permanent one, or -- seen from a
                                __del__ or callback the collector runs -- one of the
                                collection's own lists; -1 when untracked */
    int gc_finalized;        /* PEP 442: __del__ already ran */
    /* Filled only by sim_inspect_objects with SIM_INSPECT_HOLDERS: */
    const SimHolder *holders; /* every holder of this object, ledger order */
    size_t nholders;          /* == refcnt - static_base outside nested C calls */
} SimObjectInfo;

typedef void (*SimObjectFn)(void *ud, const SimObjectInfo *info);

#define SIM_INSPECT_HOLDERS 1u   /* fill holders/nholders (one heap walk) */

/* Calls fn once per live object, in address order.  0, or -1 if the host
 * ran out of memory for the index (nothing was called then). */
int sim_inspect_objects(SimEngine *e, unsigned flags, SimObjectFn fn, void *ud);

/* One object (holders not filled).  0, or -1 when id is not a live object. */
int sim_inspect_object(SimEngine *e, uint64_t id, SimObjectInfo *out);

/* Live objects right now. */
uint64_t sim_inspect_count_objects(SimEngine *e);

/* The holders of one object (a walk of the whole heap). */
void sim_inspect_holders(SimEngine *e, uint64_t id, SimHolderFn fn, void *ud);

/* The references the object holds, in its traverse order; h->owner is
 * the object itself (or the frame, for a generator's embedded frame). */
void sim_inspect_referents(SimEngine *e, uint64_t id, SimHolderFn fn, void *ud);

/* repr(o) as CPython would print it for built-in types, bounded: at most
 * cap-1 bytes of UTF-8 (never a split character), containers to a depth
 * of 3 and 16 items each (reprlib's "..."), cut texts end in "...".
 * Instances and classes with a __repr__ get the default form.  Returns
 * the bytes written (NUL-terminated when cap > 0); *truncated (may be
 * NULL) says whether anything was left out. */
size_t sim_inspect_repr(SimEngine *e, uint64_t id, char *buf, size_t cap, int *truncated);

/* The UTF-8 text of a str object into buf (truncated, NUL-terminated);
 * the full length, or -1 if id is not a str. */
long sim_inspect_str(SimEngine *e, uint64_t id, char *buf, size_t cap);

/* ---- threads and frames ---- */

typedef struct SimThreadInfo {
    uint64_t id;             /* 0: the main (only) thread */
    const char *name;        /* "MainThread" */
    uint64_t frame;          /* the executing frame, 0 when none */
    int depth;               /* Python frames on its stack */
    int nested;              /* evaluation loops nested inside C calls (c_depth) */
    uint64_t pending_exc;    /* the exception being raised, 0 */
    uint64_t handled_exc;    /* sys.exc_info()'s exception, 0 */
} SimThreadInfo;

void sim_inspect_thread(SimEngine *e, SimThreadInfo *out);

typedef enum SimFrameOwner {
    SIM_FRAME_THREAD = 0, SIM_FRAME_GENERATOR = 1, SIM_FRAME_FRAME_OBJECT = 2
} SimFrameOwner;

typedef struct SimFrameInfo {
    uint64_t addr;           /* the _PyInterpreterFrame (data stack or generator) */
    int level;               /* 0: the innermost */
    uint64_t code, func, globals, builtins, locals; /* ids (0 when none) */
    uint64_t frame_obj;      /* its PyFrameObject, 0 if none was made */
    char name[SIM_INSPECT_NAME_MAX];     /* co_qualname */
    char filename[SIM_INSPECT_NAME_MAX]; /* co_filename */
    int line;                /* current line (PyFrame_GetLineNumber) */
    int offset;              /* byte offset of the current instruction (a caller's
                                CALL), as dis numbers it; -1 before the first */
    const char *opname;      /* that instruction's name, "" before the first */
    int is_entry;            /* a C call runs its own loop from here */
    int owner;               /* SimFrameOwner */
    int nlocalsplus;         /* locals + cells + free variables */
    int stack_depth;         /* value-stack slots in use */
} SimFrameInfo;

typedef void (*SimFrameFn)(void *ud, const SimFrameInfo *f);

/* The line of the innermost frame's current instruction, -1 when no
 * frame runs (cheap: for an instruction hook that stops at a line). */
int sim_inspect_line(SimEngine *e);

/* The thread's frames, innermost first. */
void sim_inspect_frames(SimEngine *e, SimFrameFn fn, void *ud);

typedef enum SimSlotKind {
    SIM_SLOT_LOCAL = 0, SIM_SLOT_CELL = 1, SIM_SLOT_FREE = 2, SIM_SLOT_STACK = 3
} SimSlotKind;

typedef struct SimSlotInfo {
    int index;               /* localsplus index, or stack depth for SIM_SLOT_STACK */
    int kind;                /* SimSlotKind */
    char name[SIM_INSPECT_NAME_MAX]; /* variable name ("" for stack slots) */
    uint64_t value;          /* object id, 0 for unbound / NULL */
    uint64_t cell_contents;  /* for a cell or free variable holding a cell: its
                                contents (0 when empty) */
} SimSlotInfo;

typedef void (*SimSlotFn)(void *ud, const SimSlotInfo *s);

/* A frame's locals, cells and free variables (localsplus order), then
 * its value stack from the bottom. */
void sim_inspect_frame_slots(SimEngine *e, uint64_t frame, SimSlotFn fn, void *ud);

/* ---- namespaces ---- */

typedef struct SimNamespaceInfo {
    char name[SIM_INSPECT_NAME_MAX]; /* the key in sys.modules */
    uint64_t module;         /* module object id */
    uint64_t dict;           /* its __dict__ */
} SimNamespaceInfo;

typedef void (*SimNamespaceFn)(void *ud, const SimNamespaceInfo *ns);

/* Every module in sys.modules, in its insertion order. */
void sim_inspect_namespaces(SimEngine *e, SimNamespaceFn fn, void *ud);

typedef struct SimDictEntry {
    uint64_t key, value;     /* ids */
    const char *key_text;    /* a str key's text, NULL for other keys */
} SimDictEntry;

typedef void (*SimDictFn)(void *ud, const SimDictEntry *en);

/* The entries of a dict in insertion order; -1 if id is not a dict. */
int sim_inspect_dict(SimEngine *e, uint64_t dict, SimDictFn fn, void *ud);

/* ---- the allocator ---- */

#define SIM_INSPECT_MAX_CLASSES 64

typedef struct SimAllocSummary {
    uint32_t nclasses;
    struct SimClassStats {
        uint32_t size;       /* block bytes */
        uint64_t pools;      /* pools with blocks in use (full ones included) */
        uint64_t blocks_in_use, blocks_available;
    } classes[SIM_INSPECT_MAX_CLASSES];
    /* sys._debugmallocstats()'s numbers */
    uint64_t arenas_allocated_total, arenas_reclaimed, arenas_highwater, arenas_current;
    uint64_t bytes_in_arenas;          /* arenas * arena size */
    uint64_t bytes_in_allocated_blocks, bytes_in_available_blocks;
    uint64_t unused_pools, bytes_in_unused_pools;
    uint64_t bytes_lost_to_pool_headers, bytes_lost_to_quantization, bytes_lost_to_arena_alignment;
    uint64_t total;                    /* the sum of the six above = bytes_in_arenas */
    uint64_t arena_map_mid_nodes, arena_map_bot_nodes; /* radix-tree profiles only */
    int has_arena_map;
    /* the raw-malloc region */
    uint64_t raw_blocks, raw_chunks, raw_bytes_requested, raw_bytes_in_chunks;
    uint64_t raw_top;                  /* first address past the last chunk */
    uint64_t heap_bytes, heap_limit;   /* counted against the limit */
} SimAllocSummary;

void sim_inspect_alloc(SimEngine *e, SimAllocSummary *out);

typedef struct SimArenaInfo {
    uint32_t slot;           /* index in the arena vector */
    uint64_t address;        /* "mmap" result */
    uint32_t pools_total;    /* usable pools */
    uint32_t pools_free;     /* empty + never carved */
    uint32_t pools_carved;   /* pools ever initialised */
    int usable_rank;         /* position in usable_arenas, -1 when full */
} SimArenaInfo;

typedef void (*SimArenaFn)(void *ud, const SimArenaInfo *a);

/* Allocated arenas in slot order. */
void sim_inspect_arenas(SimEngine *e, SimArenaFn fn, void *ud);

typedef enum SimPoolState { SIM_POOL_USED = 0, SIM_POOL_FULL = 1, SIM_POOL_EMPTY = 2 } SimPoolState;

typedef struct SimPoolInfo {
    uint32_t arena, index;   /* arena slot, pool index in it */
    uint64_t address;        /* pool header */
    uint32_t szclass;        /* meaningless (SIM_NONE) for an empty pool */
    uint32_t block_size;
    uint32_t in_use;         /* blocks handed out */
    uint32_t capacity;       /* blocks per pool of its class */
    uint32_t free_blocks;    /* on the pool's free list */
    uint32_t virgin_blocks;  /* never carved yet */
    int state;               /* SimPoolState */
} SimPoolInfo;

typedef void (*SimPoolFn)(void *ud, const SimPoolInfo *p);

/* Every carved pool of every arena, arena by arena in slot order. */
void sim_inspect_pools(SimEngine *e, SimPoolFn fn, void *ud);

/* CPython 3.11's object free lists (dead objects kept for reuse). */
typedef enum SimFreeList {
    SIM_FL_FLOAT = 0, SIM_FL_LIST = 1, SIM_FL_DICT = 2, SIM_FL_DICT_KEYS = 3,
    SIM_FL_TUPLE = 4,        /* + size - 1, sizes 1..20 */
    SIM_FL_SLICE = 24        /* the interpreter's cached slice (at most one) */
} SimFreeList;
#define SIM_FL_COUNT (SIM_FL_SLICE + 1)

/* Calls fn(ud, list, address) for each entry of free list `list`, in the
 * order the next allocation takes them; returns the list's length. */
size_t sim_inspect_freelist(SimEngine *e, int list, void (*fn)(void *ud, int list, uint64_t addr), void *ud);

/* ---- the collector ---- */

typedef struct SimGcSummary {
    int enabled, collecting, debug;
    struct SimGcGen {
        int64_t count, threshold;     /* gc.get_count() / get_threshold() */
        int64_t objects;              /* objects on the generation's list */
        int64_t collections, collected, uncollectable; /* gc.get_stats() */
    } gen[3];
    int64_t permanent_objects;        /* gc.freeze()'s generation */
    int64_t long_lived_total, long_lived_pending;
    int last_generation;              /* -1 before the first collection */
    int64_t last_collected, last_uncollectable;
    uint64_t last_tick;
    uint64_t garbage, callbacks;      /* gc.garbage / gc.callbacks lists, 0 if none */
} SimGcSummary;

void sim_inspect_gc(SimEngine *e, SimGcSummary *out);

/* ---- audits ---- */

/* The engine's whole self-check (every refcount against its holders, free
 * lists, GC lists, then the allocator's).  0, or 1 with the first
 * violation in msg.  Read-only like the rest. */
int sim_inspect_check(SimEngine *e, char *msg, size_t cap);

#endif /* SIM_INSPECT_H */
