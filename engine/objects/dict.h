/*
 * objects/dict.h -- dicts with combined and split tables, as CPython 3.11
 * lays them out.
 *
 * A dict is a PyDictObject (48 bytes, 64 with its GC head): ma_used,
 * ma_version_tag, ma_keys (the simulated address of a keys block, not an
 * object) and ma_values (0 for a combined table).  The keys block
 * (PyDictKeysObject) is one pymalloc allocation:
 *
 *     [32-byte header][indices: 2**log2_size signed ints of 1/2/4/8 bytes]
 *     [entries: USABLE_FRACTION(size) of 16 bytes ("unicode": key, value)
 *                                     or 24 bytes ("general": hash, key, value)]
 *
 * so 8/16/32/64 slots of all-str keys ask 120/208/400/768 bytes and of
 * other keys 160/288/568/1104.  {} shares the static Py_EMPTY_KEYS (one
 * slot, no entries; its dk_refcnt counts the dicts that use it, plus 1).
 *
 * Split tables (an instance's __dict__): ma_keys is the class's shared
 * keys (kind DICT_KEYS_SPLIT, 64 slots, unicode entries whose me_value
 * stays 0; at most 30 entries) and ma_values a values array of its own,
 * one pymalloc block of prefix + 8*size bytes:
 *
 *     [order bytes ... order[1] order[0]][count][prefix] | values[0..size)
 *                                                        ^ ma_values
 *
 * prefix = round_up(size + 2, 8), size = the keys' dk_nentries + dk_usable
 * when the array was made; values[i] belongs to key entry i; order[k] is
 * the entry of the k-th live value in insertion order, count how many
 * there are (== ma_used).  Iteration follows the order bytes.  A new str
 * key goes into the shared keys while they have room (dk_usable > 0); a
 * non-str key, or a new key once they are full, converts the dict to a
 * combined table (dictresize: the live items copied in insertion order,
 * the shared keys released, the values array freed), as does popitem().
 *
 * Invariants (dict_audit checks them):
 *   - a combined table's keys have dk_refcnt 1, or are Py_EMPTY_KEYS;
 *   - entry i is live iff its key and value are both set; ma_used live
 *     entries among the first dk_nentries; dk_usable + dk_nentries <=
 *     USABLE_FRACTION(size); each live entry is in exactly one index slot,
 *     reachable along its hash's probe sequence; deleted entries leave
 *     DKIX_DUMMY in their slot;
 *   - a unicode-kind table holds only exact str keys;
 *   - the dict owns one reference to each live key (holder DICT_KEY, index
 *     = entry) and value (DICT_VALUE, index = entry, key = the key);
 *   - a split table: every shared entry below dk_nentries has an exact str
 *     key and no value, sits in one index slot (no DKIX_DUMMY ever); the
 *     dict owns its non-NULL values (DICT_VALUE, index = entry, key = the
 *     shared key) but not the keys: the class holds those (H_INTERNAL,
 *     R_SHARED_KEYS, owner the class, index = entry, key = the name); the
 *     order bytes name ma_used distinct entries, exactly the non-NULL
 *     values; the shared keys' dk_refcnt is 1 for the class that caches
 *     them plus one per split dict using them;
 *   - up to 80 dead dicts wait on S->fl.dict (unmarked, refcount 0), and
 *     up to 80 keys blocks of 8 slots and unicode kind on S->fl.keys;
 *   - a dict is created untracked and becomes tracked when a key or value
 *     that may be tracked is inserted (a GC object other than an untracked
 *     tuple); a split dict is tracked at birth when one of its values may
 *     be; only a full collection untracks it again.
 *
 * Ownership: keys, values and defaults passed in are borrowed (the dict
 * takes its own references).  Every function returning an object says new
 * or borrowed reference.
 *
 * Errors: functions returning int give -1 and functions returning Obj give
 * 0 with S->exc set.  dict_getitem also returns 0 for "absent", without an
 * exception: call it with no exception pending and test S->exc to tell
 * the two apart.  Hashing (TypeError "unhashable type: 'list'"), missing
 * keys (KeyError(key)) and heap exhaustion (MemoryError) are the failures
 * the built-in types can cause.
 *
 * Out of scope here (to come): dict views, repr.
 */
#ifndef ENGINE_OBJECTS_DICT_H
#define ENGINE_OBJECTS_DICT_H

#include "objects/object.h"

/* PyDictObject's fields after the object header. */
#define DICT_USED_OFF    16
#define DICT_VERSION_OFF 24
#define DICT_KEYS_OFF    32
#define DICT_VALUES_OFF  40

/* PyDictKeysObject's header. */
#define DK_REFCNT_OFF      0    /* int64 */
#define DK_LOG2_SIZE_OFF   8    /* uint8 */
#define DK_LOG2_IBYTES_OFF 9    /* uint8: log2 of the index table's bytes */
#define DK_KIND_OFF        10   /* uint8: DICT_KEYS_* */
#define DK_VERSION_OFF     12   /* uint32 */
#define DK_USABLE_OFF      16   /* int64 */
#define DK_NENTRIES_OFF    24   /* int64 */
#define DK_INDICES_OFF     32
#define DK_HEADER_SIZE     32

#define DICT_KEYS_GENERAL 0
#define DICT_KEYS_UNICODE 1
#define DICT_KEYS_SPLIT   2

/* Index slot values besides an entry number. */
#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)

#define DICT_LOG_MINSIZE 3
#define DICT_USABLE_FRACTION(n) (((n) << 1) / 3)

/* ---- creation ---- */

/* PyDict_New: {} on the shared empty keys.  New reference. */
Obj dict_new(Sim *S);

/* _PyDict_NewPresized: room for `minused` items without a resize (general
 * kind); {} for 5 or fewer.  New reference. */
Obj dict_new_presized(Sim *S, int64_t minused);

/* _PyDict_FromItems, what BUILD_MAP and BUILD_CONST_KEY_MAP do: presized
 * for n (unicode kind when every key is an exact str), then the n pairs
 * set in order.  Keys and values borrowed.  New reference. */
Obj dict_from_items(Sim *S, int64_t n, const Obj *keys, const Obj *values);

/* dict.copy(): a split dict is copied split (a new values array sized
 * for the shared keys as they are now, the insertion order copied, a
 * fresh object -- never the free list); a clean combined dict (at most a
 * third of its entries deleted) is cloned with the same layout; others
 * are rebuilt compactly by merging into {}.  New reference. */
Obj dict_copy(Sim *S, Obj d);

/* make_dict_from_instance_attributes: a split dict over the shared `keys`
 * of `owner_class` (dk_refcnt + 1) that takes over the instance's values
 * array `values` (ma_values = values): the values' references, held by
 * the instance (H_ATTR) until now, become the dict's (H_DICT_VALUE), and
 * the caller must clear the instance's values pointer.  ma_used counts the
 * non-NULL values; the dict is tracked when one of them may be.  A dead
 * dict from the free list is reused first.  On failure the values stay
 * the instance's: MemoryError, or TypeError when `keys` is not a split
 * keys block or not the one `owner_class` caches.  New reference. */
Obj dict_new_split(Sim *S, SimAddr keys, SimAddr values, Obj owner_class);

/* ---- access ---- */

/* d[key] = value.  0 or -1. */
int dict_setitem(Sim *S, Obj d, Obj key, Obj value);
/* d[key] = value for a C-string key, interned as an identifier is. */
int dict_set_cstr(Sim *S, Obj d, const char *key, Obj value);

/* PyDict_GetItemWithError: borrowed reference, or 0 -- absent when S->exc
 * is still 0, failed (unhashable key) otherwise. */
Obj dict_getitem(Sim *S, Obj d, Obj key);

/* del d[key]: 0, or -1 with KeyError(key) when absent. */
int dict_delitem(Sim *S, Obj d, Obj key);

/* key in d: 1, 0, or -1. */
int dict_contains(Sim *S, Obj d, Obj key);

/* d.pop(key[, deflt]): new reference to the removed value, or to deflt
 * when absent; with deflt 0 a missing key is a KeyError(key). */
Obj dict_pop(Sim *S, Obj d, Obj key, Obj deflt);

/* d.popitem(): a new (key, value) tuple, the last entry in order;
 * KeyError "popitem(): dictionary is empty".  New reference. */
Obj dict_popitem(Sim *S, Obj d);

/* PyDict_SetDefault: d[key] if present, else inserts deflt and returns
 * it.  Borrowed reference (dict.setdefault adds one). */
Obj dict_setdefault(Sim *S, Obj d, Obj key, Obj deflt);

/* d.clear(): back to the shared empty keys; the old entries are released
 * in entry order (key, then value). */
void dict_clear(Sim *S, Obj d);

/* PyDict_Merge(a, b, override) for a dict b: override 1 replaces existing
 * keys (update), 0 keeps them, 2 raises KeyError on a duplicate
 * (DICT_MERGE).  0 or -1. */
int dict_merge(Sim *S, Obj a, Obj b, int override);
static inline int dict_update(Sim *S, Obj a, Obj b) { return dict_merge(S, a, b, 1); }

/* PyDict_Next: the next live entry at or after *pos in insertion order;
 * 1 with borrowed key and value (either pointer may be NULL), 0 at the
 * end.  Start with *pos = 0. */
int dict_next(const Sim *S, Obj d, int64_t *pos, Obj *key, Obj *value);
/* dictreviter_iternext's walk: the live entry at position *pos or the
 * nearest before it (borrowed key and value), *pos then the position
 * before it; 0 when there is none.  Positions count entries, or a split
 * table's insertion order; dict_last_pos is where a reverse walk starts. */
int dict_prev(const Sim *S, Obj d, int64_t *pos, Obj *key, Obj *value);
int64_t dict_last_pos(const Sim *S, Obj d);

static inline int64_t dict_len(const Sim *S, Obj d) { return (int64_t)ob_get64(S, d, DICT_USED_OFF); }

/* _PyDict_MaybeUntrack, for a full collection: an exact, tracked dict
 * whose values (and, in a general table, keys) may none be tracked is
 * untracked.  Split and unicode tables look at their values only. */
void dict_maybe_untrack(Sim *S, Obj d);

/* sys.getsizeof(d): pre-header + basicsize (+ 8 per values slot of a
 * split table) + the keys block when this dict owns it alone. */
uint64_t dict_sizeof(const Sim *S, Obj d);

/* ---- primitives for the runtime's dict methods ---- */

/* dict() as dict_new (tp_new) makes it: PyType_GenericAlloc -- a fresh
 * object, never the free list -- on the empty keys, untracked.  New
 * reference. */
Obj dict_new_generic(Sim *S);
/* _PyDict_Next: dict_next plus the entry's stored hash. */
int dict_next_hash(Sim *S, Obj d, int64_t *pos, Obj *key, Obj *value, int64_t *hash);
/* _Py_dict_lookup with a known hash: the value (borrowed) or 0 -- absent
 * when S->exc is still 0. */
Obj dict_lookup_hash(Sim *S, Obj d, Obj key, int64_t hash);
/* dictresize(d, estimate_log2_keysize(n), unicode): room for n items
 * (what dict.fromkeys does first for a dict or set argument).  0 or -1. */
int dict_presize(Sim *S, Obj d, int64_t n, int unicode);
/* insertdict with a known hash (key and value borrowed).  0 or -1. */
int dict_setitem_hash(Sim *S, Obj d, Obj key, int64_t hash, Obj value);
/* _PyDict_DelItem_KnownHash: del d[key] without hashing key again.  0,
 * or -1 with KeyError(key) when absent. */
int dict_delitem_hash(Sim *S, Obj d, Obj key, int64_t hash);

/* ---- the keys block, for tests and the debugger ---- */

static inline SimAddr dict_keys(const Sim *S, Obj d) { return ob_get64(S, d, DICT_KEYS_OFF); }
static inline unsigned dk_u8(const Sim *S, SimAddr k, uint32_t off)
{
    return *((const unsigned char *)ob_ptr(S, k) + off);
}
static inline unsigned dk_log2_size(const Sim *S, SimAddr k) { return dk_u8(S, k, DK_LOG2_SIZE_OFF); }
static inline unsigned dk_kind(const Sim *S, SimAddr k) { return dk_u8(S, k, DK_KIND_OFF); }
static inline int64_t dk_usable(const Sim *S, SimAddr k) { return (int64_t)ob_get64(S, k, DK_USABLE_OFF); }
static inline int64_t dk_nentries(const Sim *S, SimAddr k) { return (int64_t)ob_get64(S, k, DK_NENTRIES_OFF); }
static inline int64_t dk_refcnt(const Sim *S, SimAddr k) { return (int64_t)ob_get64(S, k, DK_REFCNT_OFF); }

/* ---- for the VM's LOAD_GLOBAL cache (host memory, vm/ceval.c) ----
 *
 * ma_version_tag: a value of one global counter (_pydict_global_version),
 * given afresh to every new dict and on every change of its contents, so
 * that a (dict, version) pair never names two different contents; 0
 * before the counter exists (the first static dicts). */
static inline uint64_t dict_version(const Sim *S, Obj d) { return ob_get64(S, d, DICT_VERSION_OFF); }

/* The entry of d's combined str-keyed (unicode) table whose key is `key`
 * itself (the same object), found along key's probe sequence; -1 when d
 * is split or general, or when key is absent or stored as an equal but
 * different str.  Reads only: no __eq__, no reference taken.  key's hash
 * must already be cached (a lookup of key was made). */
int64_t dict_str_entry(Sim *S, Obj d, Obj key);

/* The value of entry ix of d's combined unicode table when that entry's
 * key is `key` itself: then `key` is in d (which holds it alive) and
 * nowhere else, so dict_getitem(d, key) would find this entry, without
 * a side effect.  0 otherwise (another table, no such entry, another
 * key).  Borrowed reference. */
#define DICT_UNICODE_ENTRY_SIZE 16
static inline Obj dict_str_entry_value(const Sim *S, Obj d, int64_t ix, Obj key)
{
    SimAddr k = ob_get64(S, d, DICT_KEYS_OFF);
    const unsigned char *kb = (const unsigned char *)ob_ptr(S, k);
    if (ob_get64(S, d, DICT_VALUES_OFF) || kb[DK_KIND_OFF] != DICT_KEYS_UNICODE ||
        ix >= (int64_t)ob_get64(S, k, DK_NENTRIES_OFF))
        return 0;
    SimAddr e = k + DK_INDICES_OFF + (UINT64_C(1) << kb[DK_LOG2_IBYTES_OFF]) +
                (uint64_t)ix * DICT_UNICODE_ENTRY_SIZE;
    return ob_get64(S, e, 0) == key ? ob_get64(S, e, 8) : 0;
}

/* Index slot i: an entry number, DKIX_EMPTY or DKIX_DUMMY. */
int64_t dk_index(const Sim *S, SimAddr k, uint64_t i);

/* _PyDict_KeysSize: the bytes the keys block asked of pymalloc. */
uint64_t dk_block_size(const Sim *S, SimAddr k);

/* Split-table helpers, for the class side.
 *
 * dk_lookup_str: the entry of exact str `name` in the str-keyed (unicode
 * or split) keys block, or DKIX_EMPTY when it is absent, when `name` is
 * not an exact str or the keys are general (_PyDictKeys_StringLookup's
 * DKIX_ERROR, which its callers take as "absent").
 *
 * dk_insert_str: insert_into_dictkeys -- the entry of `name` in the
 * shared keys of `owner_class`, added (the class then holds a new
 * reference to the name: H_INTERNAL, R_SHARED_KEYS, index = entry, key =
 * name) when absent and dk_usable > 0; DKIX_EMPTY when absent and full, or
 * when `name` is not an exact str.
 *
 * dk_release_shared: _PyDictKeys_DecRef for the class's own reference
 * (type_dealloc): the block and the names' references go only when no
 * split dict uses it any more. */
/* _PyDict_NewKeysForClass: a class's shared keys, 64 slots of the split
 * kind with dk_usable 30 (SHARED_KEYS_MAX_SIZE), dk_refcnt 1 (the
 * class's).  0 when the heap is full. */
SimAddr dk_new_shared(Sim *S);
int64_t dk_lookup_str(Sim *S, SimAddr keys, Obj name);
int64_t dk_insert_str(Sim *S, SimAddr keys, Obj name, Obj owner_class);
void dk_release_shared(Sim *S, SimAddr keys, Obj owner_class);

/* The values array of a split dict (0 for a combined one), and its
 * insertion-order bytes. */
static inline SimAddr dict_values(const Sim *S, Obj d) { return ob_get64(S, d, DICT_VALUES_OFF); }
static inline unsigned dv_prefix(const Sim *S, SimAddr v) { return ((const unsigned char *)ob_ptr(S, v))[-1]; }
static inline unsigned dv_count(const Sim *S, SimAddr v) { return ((const unsigned char *)ob_ptr(S, v))[-2]; }
static inline unsigned dv_order(const Sim *S, SimAddr v, unsigned k)
{
    return ((const unsigned char *)ob_ptr(S, v))[-3 - (int)k];
}

/* Py_EMPTY_KEYS (in the static region); 0 if it cannot be created. */
SimAddr dict_empty_keys(Sim *S);

/* Creates Py_EMPTY_KEYS in the static region (sim_new calls it). */
int dict_init_statics(Sim *S);

/* Every invariant above, for every live dict, the keys free list and the
 * empty keys' count; 0, or 1 with the first violation in msg. */
int dict_audit(Sim *S, char *msg, size_t cap);

/* ---- type behaviour ---- */

void dict_dealloc(Sim *S, Obj o);
void dict_referents(Sim *S, Obj o, RefVisit visit, void *ud);

#endif /* ENGINE_OBJECTS_DICT_H */
