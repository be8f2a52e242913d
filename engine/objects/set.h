/*
 * objects/set.h -- set and frozenset: CPython 3.11's PySetObject.
 *
 * Layout (200 bytes; 216 with the GC head, a 224-byte block):
 *
 *     16 fill   24 used   32 mask   40 table   48 hash   56 finger
 *     64 smalltable[8] (16 bytes per entry: key, hash)   192 weakreflist
 *
 * `table` is a simulated address: the inline smalltable (object + 64)
 * until the set grows, then a separate block of (mask+1)*16 bytes from
 * PyMem (pymalloc up to 512 bytes, raw malloc above).
 *
 * Invariants:
 *   - an entry is unused (key 0, hash 0), a dummy (key SET_DUMMY, hash
 *     -1) or active (any other key; hash is the key's hash, never -1);
 *   - used = active entries, fill = active + dummies, fill < mask+1;
 *   - mask+1 is a power of two >= 8, and table == object + 64 iff
 *     mask == 7 (a table shrinks back to the inline one only through
 *     clear or a resize to 8 slots);
 *   - every active key is held by one reference, holder H_SET_ITEM with
 *     owner the set and index its table slot; dummies hold nothing;
 *   - `hash` is -1 until hash() of a frozenset caches it; a set's stays
 *     -1;
 *   - sets and frozensets are GC-tracked from their creation to their
 *     deallocation; there is no free list (3.11 has none).
 *
 * Iteration, deallocation and referents all go in table order (slot 0
 * upwards), skipping unused and dummy entries.
 */
#ifndef ENGINE_OBJECTS_SET_H
#define ENGINE_OBJECTS_SET_H

#include "objects/object.h"

#define SET_FILL_OFF 16
#define SET_USED_OFF 24
#define SET_MASK_OFF 32
#define SET_TABLE_OFF 40
#define SET_HASH_OFF 48
#define SET_FINGER_OFF 56
#define SET_SMALLTABLE_OFF 64
#define SET_WEAKREFLIST_OFF 192
#define SET_MINSIZE 8
#define SET_ENTRY_SIZE 16

/* CPython marks deleted entries with a static dummy object that nothing
 * counts references to; refscope uses this marker address, which is
 * never an object.  (Dummies are also recognised by their hash, -1.) */
#define SET_DUMMY ((Obj)0x5e7d)

/* set(): an empty set, tracked.  New reference. */
Obj set_new(Sim *S);
/* set(iterable) for a tuple, list, str (one key per character), dict
 * (its keys), set or frozenset; TypeError for what is not iterable.  A
 * tuple or list is walked by a real iterator object, as in CPython.  New
 * reference. */
Obj set_from(Sim *S, Obj iterable);
/* frozenset(iterable), iterable 0 for frozenset(): always a new object
 * (3.11 has no empty singleton), except that frozenset(f) of a frozenset
 * is f.  New reference. */
Obj frozenset_new(Sim *S, Obj iterable);
/* The compiler's constant for a display of constants, `{1, 2, 3}` or
 * `x in {1, 2, 3}`: PyFrozenSet_New(tuple), then rebuilt by
 * merge_consts_recursive from a tuple of its items in iteration order
 * (the constant's layout is the rebuilt one).  New reference. */
Obj frozenset_const(Sim *S, Obj tuple);

/* PySet_Add: key borrowed (the set gains a reference).  A frozenset is
 * accepted only while it has one reference (being built).  0 or -1. */
int set_add(Sim *S, Obj s, Obj key);
/* set.update(other) / SET_UPDATE: set_merge for a set or frozenset, one
 * add per item otherwise.  0 or -1. */
int set_update(Sim *S, Obj s, Obj other);
/* key in s: 1, 0, or -1.  A set key is looked up as a frozenset. */
int set_contains(Sim *S, Obj s, Obj key);
/* s.discard(key): 1 if it was there, 0 if not, -1 on error. */
int set_discard(Sim *S, Obj s, Obj key);
/* s.remove(key): 0, or -1 with KeyError when absent. */
int set_remove(Sim *S, Obj s, Obj key);
/* s.pop(): the slot's reference moves to the caller.  New reference;
 * 0 with KeyError "pop from an empty set". */
Obj set_pop(Sim *S, Obj s);
/* s.clear(): back to the inline table; keys released in table order. */
int set_clear(Sim *S, Obj s);
/* s.copy(): a new set of the same type; a frozenset's copy is itself.
 * New reference. */
Obj set_copy(Sim *S, Obj s);

int64_t set_len(const Sim *S, Obj s);
/* hash(frozenset) (frozenset_hash, cached); TypeError for a set. */
int64_t set_hash(Sim *S, Obj s);
/* s == t for two sets/frozensets: 1, 0, or -1 with an exception. */
int set_eq(Sim *S, Obj a, Obj b);

/* Iteration in table order: start with *pos = 0; 1 with *key (borrowed)
 * and the entry's hash, 0 at the end.  Not safe across mutations. */
int set_next(Sim *S, Obj s, int64_t *pos, Obj *key);
int set_next_entry(Sim *S, Obj s, int64_t *pos, Obj *key, int64_t *hash);

/* sys.getsizeof: 216, plus (mask+1)*16 with a separate table. */
uint64_t set_sizeof(const Sim *S, Obj s);

static inline int set_is_any(const Sim *S, Obj o)
{
    return ob_is(S, o, TI_SET) || ob_is(S, o, TI_FROZENSET);
}
static inline SimAddr set_table(const Sim *S, Obj s) { return ob_get64(S, s, SET_TABLE_OFF); }
static inline int64_t set_mask(const Sim *S, Obj s) { return (int64_t)ob_get64(S, s, SET_MASK_OFF); }
static inline int64_t set_fill(const Sim *S, Obj s) { return (int64_t)ob_get64(S, s, SET_FILL_OFF); }

/* ---- primitives for the runtime's set methods (containers.h) ---- */

/* make_new_set(type, NULL): an empty set or frozenset, tracked.  New
 * reference. */
Obj set_make_empty(Sim *S, TypeId t);
/* set_update_internal for the kinds set_from accepts (set, frozenset,
 * dict, tuple, list, str), with no check of s's type (a frozenset being
 * built).  0 or -1. */
int set_update_builtin(Sim *S, Obj s, Obj other);
/* set_add_key / set_add_entry (hash known) without the type check.
 * 0 or -1. */
int set_add_key(Sim *S, Obj s, Obj key);
int set_add_entry(Sim *S, Obj s, Obj key, int64_t hash);
/* set_contains_entry: 1, 0, -1. */
int set_contains_entry(Sim *S, Obj s, Obj key, int64_t hash);
/* set_discard_entry / set_discard_key: 1 discarded, 0 absent, -1. */
int set_discard_entry(Sim *S, Obj s, Obj key, int64_t hash);
int set_discard_key(Sim *S, Obj s, Obj key);
/* set_table_resize(s, minused).  0 or -1. */
int set_resize(Sim *S, Obj s, int64_t minused);
/* set_swap_bodies (intersection_update's last step). */
void set_swap_bodies(Sim *S, Obj a, Obj b);

void set_dealloc(Sim *S, Obj o);
void set_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_SET_H */
