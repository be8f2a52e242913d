/*
 * sim/events.h -- the engine's event stream (public).
 *
 * Every observable change inside the engine is reported as one fixed-size
 * SimEvent record.  Records carry ids and simulated addresses, never host
 * pointers, so a consumer may log, serialise or replay them freely.
 *
 * Invariants:
 *   - Events are delivered synchronously, in the order the changes happen.
 *   - `id` starts at 1 and increases by one per delivered event.
 *   - A kind belongs to exactly one category; the sink receives an event
 *     only when its category bit is in the mask it registered.
 *   - With no sink (mask 0) emitting costs one branch and nothing else.
 *
 * The kinds are one X-macro table: SIM_EVENT_KINDS(X) expands
 * X(NAME, category, "text name", "meaning of a", "meaning of b").
 */
#ifndef SIM_EVENTS_H
#define SIM_EVENTS_H

#include <stddef.h>
#include <stdint.h>

/* Categories: one bit each, combined into sink masks. */
#define SIM_EVCAT_BLOCK  (1u << 0)  /* pymalloc block alloc/free/realloc */
#define SIM_EVCAT_POOL   (1u << 1)  /* pool state changes */
#define SIM_EVCAT_ARENA  (1u << 2)  /* arena creation, release, reordering */
#define SIM_EVCAT_RAW    (1u << 3)  /* the simulated raw-malloc region */
#define SIM_EVCAT_REFCOUNT (1u << 4) /* INCREF, DECREF, ownership moves */
#define SIM_EVCAT_OBJECT (1u << 5)  /* object creation and deallocation */
#define SIM_EVCAT_FREELIST (1u << 6) /* free-list pushes and pops */
#define SIM_EVCAT_VM     (1u << 7)  /* instructions, frames, exceptions, output */
#define SIM_EVCAT_STACK  (1u << 8)  /* value-stack pushes and pops */
#define SIM_EVCAT_GC     (1u << 9)  /* the cycle collector's phases, gc_refs, list moves */
#define SIM_EVCAT_ALL    0xffffffffu

/* X(NAME, CATEGORY, text, a, b) -- `a`/`b` document SimEvent.a/.b. */
#define SIM_EVENT_KINDS(X)                                                    \
    X(BLOCK_ALLOC,   SIM_EVCAT_BLOCK, "alloc",        "request bytes", "-")   \
    X(BLOCK_FREE,    SIM_EVCAT_BLOCK, "free",         "-", "-")               \
    X(REALLOC,       SIM_EVCAT_BLOCK, "realloc",      "request bytes",        \
      "old address (equal to addr when the block stayed in place)")          \
    X(POOL_INIT,     SIM_EVCAT_POOL,  "pool-init",    "1 if never used before (carved), 0 if recycled", "-") \
    X(POOL_REUSE,    SIM_EVCAT_POOL,  "pool-reuse",   "-", "-")               \
    X(POOL_FULL,     SIM_EVCAT_POOL,  "pool-full",    "-", "-")               \
    X(POOL_USED,     SIM_EVCAT_POOL,  "pool-used",    "-", "-")               \
    X(POOL_EMPTY,    SIM_EVCAT_POOL,  "pool-empty",   "-", "-")               \
    X(ARENA_NEW,     SIM_EVCAT_ARENA, "arena-new",    "usable pools", "-")    \
    X(ARENA_FREE,    SIM_EVCAT_ARENA, "arena-free",   "-", "-")               \
    X(ARENA_FULL,    SIM_EVCAT_ARENA, "arena-full",   "-", "-")               \
    X(ARENA_MOVE,    SIM_EVCAT_ARENA, "arena-move",   "free pools now",       \
      "arena slot now before it in usable_arenas, -1 for the head")          \
    X(RAW_ALLOC,     SIM_EVCAT_RAW,   "raw-alloc",    "request bytes", "chunk bytes") \
    X(RAW_FREE,      SIM_EVCAT_RAW,   "raw-free",     "chunk bytes", "-")     \
    X(RAW_REALLOC,   SIM_EVCAT_RAW,   "raw-realloc",  "request bytes", "old address") \
    X(INCREF,        SIM_EVCAT_REFCOUNT, "incref",    "new refcount", "holder key or 0") \
    X(DECREF,        SIM_EVCAT_REFCOUNT, "decref",    "new refcount", "holder key or 0") \
    X(REF_MOVE,      SIM_EVCAT_REFCOUNT, "ref-move",  "refcount (unchanged)", "new holder key or 0") \
    X(OBJ_NEW,       SIM_EVCAT_OBJECT, "new",         "type id (address)", "request bytes") \
    X(OBJ_DEALLOC,   SIM_EVCAT_OBJECT, "dealloc",     "type id (address)", "-") \
    X(FREELIST_PUSH, SIM_EVCAT_FREELIST, "freelist-push", "free list id", "length after") \
    X(FREELIST_POP,  SIM_EVCAT_FREELIST, "freelist-pop",  "free list id", "length after") \
    X(INSTR,         SIM_EVCAT_VM,    "instr",        "byte offset",          \
      "opcode | oparg << 8 (index: line, addr: frame, obj: code)")          \
    X(FRAME_ENTER,   SIM_EVCAT_VM,    "frame-enter",  "depth", "-")          \
    X(FRAME_EXIT,    SIM_EVCAT_VM,    "frame-exit",   "depth", "-")          \
    X(RAISE,         SIM_EVCAT_VM,    "raise",        "-", "-")              \
    X(HANDLE,        SIM_EVCAT_VM,    "handle",       "handler byte offset", "-") \
    X(OUTPUT,        SIM_EVCAT_VM,    "output",       "stream (1 stdout, 2 stderr)", "bytes") \
    X(FINALIZE,      SIM_EVCAT_VM,    "finalize",     "-", "-")              \
    X(PUSH,          SIM_EVCAT_STACK, "push",         "depth after", "-")    \
    X(POP,           SIM_EVCAT_STACK, "pop",          "depth after", "-")    \
    X(GC_START,      SIM_EVCAT_GC,    "gc-start",     "generation collected", \
      "objects in it after the younger ones were merged in")                 \
    X(GC_PHASE,      SIM_EVCAT_GC,    "gc-phase",     "phase id (SIM_GC_PHASES), after it ran", "generation") \
    X(GC_REFS,       SIM_EVCAT_GC,    "gc-refs",      "gc_refs now", "phase id") \
    X(GC_MOVE,       SIM_EVCAT_GC,    "gc-move",      "from list (SIM_GC_LISTS)", "to list") \
    X(GC_WEAKREF,    SIM_EVCAT_GC,    "gc-weakref",   "1 if its callback will run", \
      "-- (obj: the weakref, addr: its referent)")                          \
    X(GC_CLEAR,      SIM_EVCAT_GC,    "gc-clear",     "-", "-")              \
    X(GC_DONE,       SIM_EVCAT_GC,    "gc-done",      "collected (unreachable, freed)", "uncollectable")

/* The lists a GC object can be on (GC_MOVE's a and b): the generations
 * first, so that a generation's id is its number. */
#define SIM_GC_LISTS(X)                                                    \
    X(GEN0,        "generation 0")                                         \
    X(GEN1,        "generation 1")                                         \
    X(GEN2,        "generation 2")                                         \
    X(PERMANENT,   "permanent generation")                                 \
    X(UNREACHABLE, "unreachable")                                          \
    X(FINALIZERS,  "legacy finalizers")                                    \
    X(WRCB,        "weakrefs whose callbacks run")                         \
    X(SEEN,        "finalize_garbage's seen")                              \
    X(STILL,       "still unreachable after finalizers")                   \
    X(UNTRACKED,   "untracked")

/* The phases of one collection, in CPython 3.11's order (GC_PHASE's a). */
#define SIM_GC_PHASES(X)                                                   \
    X(START,          "start")                                             \
    X(UPDATE_REFS,    "update_refs")                                       \
    X(SUBTRACT_REFS,  "subtract_refs")                                     \
    X(MOVE_UNREACHABLE, "move_unreachable")                                \
    X(UNTRACK_TUPLES, "untrack_tuples")                                    \
    X(PROMOTE,        "survivors to the older generation")                 \
    X(UNTRACK_DICTS,  "untrack_dicts")                                     \
    X(LEGACY_FINALIZERS, "move_legacy_finalizers")                         \
    X(WEAKREFS,       "handle_weakrefs")                                   \
    X(FINALIZE,       "finalize_garbage")                                  \
    X(RESURRECTION,   "handle_resurrected_objects")                        \
    X(CLEAR,          "delete_garbage")                                    \
    X(DONE,           "done")

/* "generation 0", "unreachable", ...; "update_refs", ...; "?" if unknown. */
const char *sim_gc_list_name(unsigned id);
const char *sim_gc_phase_name(unsigned phase);

typedef enum SimEventKind {
#define SIM_X_ENUM(name, cat, text, a, b) SIM_EV_##name,
    SIM_EVENT_KINDS(SIM_X_ENUM)
#undef SIM_X_ENUM
    SIM_EV_KIND_COUNT
} SimEventKind;

#define SIM_NONE 0xffffffffu  /* "not applicable" for arena/pool/block */

/* One event.  64 bytes, plain data.  Refcount events (INCREF, DECREF,
 * REF_MOVE) say who holds the reference: `holder` is a holder kind,
 * `reason` its reason when internal, `index` the slot, `addr` the owner
 * (container, frame or namespace) and `b` the key or name object. */
typedef struct SimEvent {
    uint64_t id;       /* 1, 2, 3, ... per event stream */
    uint64_t tick;     /* instructions executed when it happened */
    uint64_t addr;     /* simulated address it is about (block, pool, arena, owner) */
    uint64_t obj;      /* object id, 0 when none */
    int64_t  a, b;     /* kind-specific, see SIM_EVENT_KINDS */
    union {
        uint32_t arena;  /* arena slot index, or SIM_NONE */
        uint32_t holder; /* refcount events: holder kind */
    };
    union {
        uint32_t pool;   /* pool index inside the arena, or SIM_NONE */
        uint32_t reason; /* refcount events: internal reason */
    };
    union {
        uint32_t block;  /* block index inside the pool, or SIM_NONE */
        uint32_t index;  /* refcount events: slot or entry */
    };
    uint16_t kind;     /* SimEventKind */
    uint16_t szclass;  /* pymalloc size class, or 0xffff */
} SimEvent;

/* The sink: called once per event whose category is in the mask. */
typedef void (*SimEventFn)(void *userdata, const SimEvent *ev);

/* "alloc", "pool-full", ...; "?" for an unknown kind. */
const char *sim_event_kind_name(unsigned kind);

/* The category bit of a kind (0 for an unknown kind). */
uint32_t sim_event_kind_category(unsigned kind);

/* Names of holder kinds and internal reasons in refcount events
 * ("list item", "co_consts", ...); "?" when unknown. */
const char *sim_holder_kind_name(unsigned kind);
const char *sim_holder_reason_name(unsigned reason);

/* Writes one human-readable line (no newline) describing `ev` into `buf`.
 * Returns the length snprintf would have produced. */
int sim_event_format(const SimEvent *ev, char *buf, size_t cap);

#endif /* SIM_EVENTS_H */
