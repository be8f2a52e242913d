/* dict.c -- see dict.h.  CPython 3.11's Objects/dictobject.c, combined
 * and split tables; the function names in comments are CPython's. */
#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define PERTURB_SHIFT 5
#define MINSIZE (1u << DICT_LOG_MINSIZE)
#define SHARED_KEYS_MAX_SIZE 30

/* Py_EMPTY_KEYS: the 32-byte header and 8 one-byte index slots, then
 * _pydict_global_version (CPython's DICT_NEXT_VERSION counter), which
 * lives in the data segment next to it. */
#define EMPTY_KEYS_SIZE 40
#define GLOBAL_VERSION_OFF 40

/* Entry fields: general entries are (hash, key, value), unicode entries
 * (key, value). */
#define GEN_HASH 0
#define GEN_KEY 8
#define GEN_VALUE 16
#define GEN_SIZE 24
#define UNI_KEY 0
#define UNI_VALUE 8
#define UNI_SIZE 16

/* ---- the keys block ---- */

static int is_general(const Sim *S, SimAddr k) { return dk_kind(S, k) == DICT_KEYS_GENERAL; }
static uint64_t dk_size(const Sim *S, SimAddr k) { return UINT64_C(1) << dk_log2_size(S, k); }
static uint32_t entry_size(const Sim *S, SimAddr k) { return is_general(S, k) ? GEN_SIZE : UNI_SIZE; }

static void dk_set_u8(Sim *S, SimAddr k, uint32_t off, unsigned v)
{
    *((unsigned char *)ob_ptr(S, k) + off) = (unsigned char)v;
}

static void dk_set(Sim *S, SimAddr k, uint32_t off, int64_t v) { ob_set64(S, k, off, (uint64_t)v); }

static SimAddr entries_of(const Sim *S, SimAddr k)
{
    return k + DK_INDICES_OFF + (UINT64_C(1) << dk_u8(S, k, DK_LOG2_IBYTES_OFF));
}

static SimAddr entry_at(const Sim *S, SimAddr k, int64_t i)
{
    return entries_of(S, k) + (uint64_t)i * entry_size(S, k);
}

static Obj ent_key(const Sim *S, SimAddr k, int64_t i)
{
    return ob_get64(S, entry_at(S, k, i), is_general(S, k) ? GEN_KEY : UNI_KEY);
}

static Obj ent_value(const Sim *S, SimAddr k, int64_t i)
{
    return ob_get64(S, entry_at(S, k, i), is_general(S, k) ? GEN_VALUE : UNI_VALUE);
}

/* The stored hash; a unicode entry's is its key's cached hash. */
static int64_t ent_hash(Sim *S, SimAddr k, int64_t i)
{
    if (is_general(S, k)) return (int64_t)ob_get64(S, entry_at(S, k, i), GEN_HASH);
    return str_hash(S, ent_key(S, k, i));
}

static void ent_set_value(Sim *S, SimAddr k, int64_t i, Obj v)
{
    ob_set64(S, entry_at(S, k, i), is_general(S, k) ? GEN_VALUE : UNI_VALUE, v);
}

static void ent_set(Sim *S, SimAddr k, int64_t i, Obj key, int64_t hash, Obj value)
{
    SimAddr e = entry_at(S, k, i);
    if (is_general(S, k)) {
        ob_set64(S, e, GEN_HASH, (uint64_t)hash);
        ob_set64(S, e, GEN_KEY, key);
        ob_set64(S, e, GEN_VALUE, value);
    } else {
        ob_set64(S, e, UNI_KEY, key);
        ob_set64(S, e, UNI_VALUE, value);
    }
}

/* dictkeys_get_index: int8 below 256 slots, int16 below 2**16, int64
 * from 2**32, int32 between. */
int64_t dk_index(const Sim *S, SimAddr k, uint64_t i)
{
    unsigned lg = dk_log2_size(S, k);
    const char *p = (const char *)ob_ptr(S, k + DK_INDICES_OFF);
    if (lg < 8) return (int8_t)p[i];
    if (lg < 16) {
        int16_t v;
        memcpy(&v, p + 2 * i, sizeof v);
        return v;
    }
    if (lg >= 32) {
        int64_t v;
        memcpy(&v, p + 8 * i, sizeof v);
        return v;
    }
    int32_t v;
    memcpy(&v, p + 4 * i, sizeof v);
    return v;
}

static void dk_set_index(Sim *S, SimAddr k, uint64_t i, int64_t ix)
{
    unsigned lg = dk_log2_size(S, k);
    char *p = (char *)ob_ptr(S, k + DK_INDICES_OFF);
    if (lg < 8) {
        p[i] = (char)(int8_t)ix;
    } else if (lg < 16) {
        int16_t v = (int16_t)ix;
        memcpy(p + 2 * i, &v, sizeof v);
    } else if (lg >= 32) {
        memcpy(p + 8 * i, &ix, sizeof ix);
    } else {
        int32_t v = (int32_t)ix;
        memcpy(p + 4 * i, &v, sizeof v);
    }
}

uint64_t dk_block_size(const Sim *S, SimAddr k)
{
    return DK_HEADER_SIZE + (UINT64_C(1) << dk_u8(S, k, DK_LOG2_IBYTES_OFF)) +
           DICT_USABLE_FRACTION(dk_size(S, k)) * entry_size(S, k);
}

/* calculate_log2_keysize: the smallest power of two >= minsize, at
 * least 8. */
static unsigned log2_keysize(uint64_t minsize)
{
    uint64_t m = ((minsize | MINSIZE) - 1) | (MINSIZE - 1);
    unsigned n = 0;
    while (m) {
        n++;
        m >>= 1;
    }
    return n;
}

/* estimate_log2_keysize: room for n entries without a resize. */
static unsigned estimate_log2_keysize(uint64_t n) { return log2_keysize((n * 3 + 1) / 2); }

/* ---- Py_EMPTY_KEYS and the version counter ---- */

int dict_init_statics(Sim *S)
{
    SimAddr k = pm_static_alloc(S->heap, EMPTY_KEYS_SIZE + 8, 8);
    if (!k) return -1;
    memset(ob_ptr(S, k), 0, EMPTY_KEYS_SIZE + 8);
    dk_set(S, k, DK_REFCNT_OFF, 1);
    dk_set_u8(S, k, DK_KIND_OFF, DICT_KEYS_UNICODE);
    ob_set32(S, k, DK_VERSION_OFF, 1);
    memset((char *)ob_ptr(S, k) + DK_INDICES_OFF, 0xff, 8);
    S->empty_keys = k;
    return 0;
}

SimAddr dict_empty_keys(Sim *S) { return S->empty_keys; }

/* DICT_NEXT_VERSION(); the empty keys exist once any dict does. */
static uint64_t next_version(Sim *S)
{
    SimAddr k = dict_empty_keys(S);
    if (!k) return 0;
    uint64_t v = ob_get64(S, k, GLOBAL_VERSION_OFF) + 1;
    ob_set64(S, k, GLOBAL_VERSION_OFF, v);
    return v;
}

static void bump_version(Sim *S, Obj d) { ob_set64(S, d, DICT_VERSION_OFF, next_version(S)); }

/* ---- the dict's fields ---- */

static SimAddr keys_of(const Sim *S, Obj d) { return ob_get64(S, d, DICT_KEYS_OFF); }
static void set_keys(Sim *S, Obj d, SimAddr k) { ob_set64(S, d, DICT_KEYS_OFF, k); }
static int64_t used_of(const Sim *S, Obj d) { return (int64_t)ob_get64(S, d, DICT_USED_OFF); }
static void set_used(Sim *S, Obj d, int64_t n) { ob_set64(S, d, DICT_USED_OFF, (uint64_t)n); }

static int is_str(const Sim *S, Obj o) { return ob_is(S, o, TI_STR); }

/* ---- split tables: the values array ---- */

static SimAddr values_of(const Sim *S, Obj d) { return ob_get64(S, d, DICT_VALUES_OFF); }
static void set_values(Sim *S, Obj d, SimAddr v) { ob_set64(S, d, DICT_VALUES_OFF, v); }
static uint8_t *vbytes(const Sim *S, SimAddr v) { return (uint8_t *)ob_ptr(S, v); }
static Obj val_get(const Sim *S, SimAddr v, int64_t ix) { return ob_get64(S, v, 8 * (uint32_t)ix); }
static void val_set(Sim *S, SimAddr v, int64_t ix, Obj o) { ob_set64(S, v, 8 * (uint32_t)ix, o); }

/* get_index_from_order: the entry of the k-th live value. */
static int64_t order_at(const Sim *S, SimAddr v, int64_t k) { return vbytes(S, v)[-3 - k]; }

/* _PyDictValues_AddToInsertionOrder */
static void order_add(Sim *S, SimAddr v, int64_t ix)
{
    uint8_t *p = vbytes(S, v);
    p[-3 - p[-2]] = (uint8_t)ix;
    p[-2]++;
}

/* delete_index_from_values: the later entries move up one place. */
static void order_remove(Sim *S, SimAddr v, int64_t ix)
{
    uint8_t *p = vbytes(S, v);
    int n = p[-2], k = 0;
    while (k < n && p[-3 - k] != (uint8_t)ix) k++;
    for (; k < n - 1; k++) p[-3 - k] = p[-4 - k];
    p[-2] = (uint8_t)(n - 1);
}

/* shared_keys_usable_size */
static int64_t shared_usable_size(const Sim *S, SimAddr k) { return dk_nentries(S, k) + dk_usable(S, k); }

/* new_values: PyMem_Malloc(prefix + 8*size); all zero here (CPython
 * leaves the order bytes and, in dict.copy, the values uninitialized
 * until written). */
static SimAddr new_values(Sim *S, int64_t size)
{
    uint64_t prefix = ((uint64_t)size + 2 + 7) & ~UINT64_C(7);
    uint64_t n = prefix + 8 * (uint64_t)size;
    SimAddr mem = pm_malloc(S->heap, n);
    if (!mem) {
        exc_no_memory(S);
        return 0;
    }
    memset(ob_ptr(S, mem), 0, n);
    vbytes(S, mem + prefix)[-1] = (uint8_t)prefix;
    return mem + prefix;
}

static void free_values(Sim *S, SimAddr v) { pm_free(S->heap, v - vbytes(S, v)[-1]); }

/* Entry ix's value: the values array's for a split table. */
static Obj value_at(const Sim *S, Obj d, int64_t ix)
{
    SimAddr v = values_of(S, d);
    return v ? val_get(S, v, ix) : ent_value(S, keys_of(S, d), ix);
}

/* ---- split tables: who holds the shared keys' names ---- */

typedef struct FindClass {
    SimAddr keys;
    Obj cls;
} FindClass;

static void find_class_each(Sim *S, Obj o, void *ud)
{
    FindClass *f = ud;
    if (!f->cls && ob_is(S, o, TI_TYPE) && (tp_flags(S, o) & TPF_HEAPTYPE) &&
        ob_get64(S, o, TP_KEYS_OFF) == f->keys)
        f->cls = o;
}

/* The class whose cached keys these are, or 0 once it is gone.  Neither
 * the dict nor the keys block has room to remember it, so it is searched
 * for -- only when a refcount event will name it, and at most 30 times a
 * class (each new name). */
static Obj shared_keys_class(Sim *S, SimAddr k)
{
    FindClass f = {k, 0};
    objmap_each(S, find_class_each, &f);
    return f.cls;
}

/* The holder of a shared key's name: the class (owner 0 when it is gone
 * or when no event will tell). */
static Holder shared_key_holder(Sim *S, SimAddr k, int64_t ix, Obj name, Obj cls)
{
    Holder hd = HOLD(H_INTERNAL, cls, ix, name);
    hd.reason = R_SHARED_KEYS;
    if (!cls && ev_on(&S->ev, SIM_EVCAT_REFCOUNT)) hd.owner = shared_keys_class(S, k);
    return hd;
}

/* The holders of entry i's references; d == 0 while a cloned keys block
 * has no dict yet (its references are then the caller's temporaries). */
static Holder key_holder(Obj d, int64_t i) { return d ? HOLD(H_DICT_KEY, d, i, 0) : HOLD_TEMP; }
static Holder value_holder(Obj d, int64_t i, Obj key)
{
    return d ? HOLD(H_DICT_VALUE, d, i, key) : HOLD_TEMP;
}

/* ---- keys blocks: allocation and release ---- */

static void keys_init(Sim *S, SimAddr k, unsigned lg, unsigned ibytes, int unicode, int64_t usable)
{
    dk_set(S, k, DK_REFCNT_OFF, 1);
    dk_set_u8(S, k, DK_LOG2_SIZE_OFF, lg);
    dk_set_u8(S, k, DK_LOG2_IBYTES_OFF, ibytes);
    dk_set_u8(S, k, DK_KIND_OFF, unicode ? DICT_KEYS_UNICODE : DICT_KEYS_GENERAL);
    dk_set(S, k, DK_NENTRIES_OFF, 0);
    dk_set(S, k, DK_USABLE_OFF, usable);
    ob_set32(S, k, DK_VERSION_OFF, 0);
    memset((char *)ob_ptr(S, k) + DK_INDICES_OFF, 0xff, (size_t)1 << ibytes);
    memset((char *)ob_ptr(S, k) + DK_INDICES_OFF + ((size_t)1 << ibytes), 0,
           (size_t)usable * (unicode ? UNI_SIZE : GEN_SIZE));
}

/* new_keys_object: an 8-slot unicode block comes from the keys free list
 * when it has one.  0 with MemoryError. */
static SimAddr new_keys_object(Sim *S, unsigned lg, int unicode)
{
    if (lg > 34) {       /* beyond any heap this simulator can hold */
        exc_no_memory(S);
        return 0;
    }
    int64_t usable = (int64_t)DICT_USABLE_FRACTION(UINT64_C(1) << lg);
    unsigned ibytes = lg < 8 ? lg : lg < 16 ? lg + 1 : lg < 32 ? lg + 2 : lg + 3;
    SimAddr k;
    if (lg == DICT_LOG_MINSIZE && unicode && S->fl.keys_n > 0) {
        k = S->fl.keys[--S->fl.keys_n];
        ob_emit_freelist(S, SIM_EV_FREELIST_POP, k, FREELIST_KEYS, S->fl.keys_n);
    } else {
        uint64_t size = DK_HEADER_SIZE + (UINT64_C(1) << ibytes) +
                        (uint64_t)usable * (unicode ? UNI_SIZE : GEN_SIZE);
        k = pm_malloc(S->heap, size);
        if (!k) {
            exc_no_memory(S);
            return 0;
        }
    }
    keys_init(S, k, lg, ibytes, unicode, usable);
    return k;
}

/* The block itself: to the keys free list, or back to pymalloc. */
static void release_keys_block(Sim *S, SimAddr k)
{
    if (dk_log2_size(S, k) == DICT_LOG_MINSIZE && !is_general(S, k) &&
        S->fl.keys_n < FL_KEYS_MAX) {
        S->fl.keys[S->fl.keys_n++] = k;
        ob_emit_freelist(S, SIM_EV_FREELIST_PUSH, k, FREELIST_KEYS, S->fl.keys_n);
        return;
    }
    pm_free(S->heap, k);
}

/* free_keys_object: each entry's key, then its value, in entry order. */
static void free_keys_object(Sim *S, SimAddr k, Obj owner)
{
    int64_t n = dk_nentries(S, k);
    for (int64_t i = 0; i < n; i++) {
        Obj key = ent_key(S, k, i), value = ent_value(S, k, i);
        ob_xdecref(S, key, key_holder(owner, i));
        ob_xdecref(S, value, value_holder(owner, i, key));
    }
    release_keys_block(S, k);
}

/* dictkeys_decref of a split table's keys: at 0 (no class, no dict any
 * more) the names go, then the block; `cls` names their holder if known. */
static void shared_keys_decref(Sim *S, SimAddr k, Obj cls)
{
    int64_t rc = dk_refcnt(S, k) - 1;
    dk_set(S, k, DK_REFCNT_OFF, rc);
    if (rc > 0) return;
    int64_t n = dk_nentries(S, k);
    for (int64_t i = 0; i < n; i++) {
        Obj key = ent_key(S, k, i);
        if (key) ob_decref(S, key, shared_key_holder(S, k, i, key, cls));
    }
    release_keys_block(S, k);
}

/* dictkeys_decref; `owner` is the dict whose entries these were. */
static void keys_decref(Sim *S, SimAddr k, Obj owner)
{
    if (dk_kind(S, k) == DICT_KEYS_SPLIT) {
        shared_keys_decref(S, k, 0);
        return;
    }
    int64_t rc = dk_refcnt(S, k) - 1;
    dk_set(S, k, DK_REFCNT_OFF, rc);
    if (rc == 0 && k != dict_empty_keys(S)) free_keys_object(S, k, owner);
}

void dk_release_shared(Sim *S, SimAddr keys, Obj owner_class)
{
    if (keys) shared_keys_decref(S, keys, owner_class);
}

static void empty_keys_incref(Sim *S)
{
    SimAddr e = dict_empty_keys(S);
    dk_set(S, e, DK_REFCNT_OFF, dk_refcnt(S, e) + 1);
}

/* ---- dict objects ---- */

/* new_dict: consumes the reference to `keys`.  A dead dict from the free
 * list is reused first (no allocation, count[0] unchanged).  New
 * reference. */
static Obj new_dict(Sim *S, SimAddr keys, int64_t used)
{
    Obj d;
    if (!dict_empty_keys(S)) {
        keys_decref(S, keys, 0);
        return exc_no_memory(S);
    }
    if (S->fl.dict_n) {
        d = S->fl.dict[--S->fl.dict_n];
        ob_freelist_pop(S, d, FREELIST_DICT, S->fl.dict_n);
    } else {
        d = ob_alloc(S, TI_DICT, 0);
        if (!d) {
            keys_decref(S, keys, 0);
            return 0;
        }
    }
    set_keys(S, d, keys);
    ob_set64(S, d, DICT_VALUES_OFF, 0);
    set_used(S, d, used);
    bump_version(S, d);
    return d;
}

Obj dict_new(Sim *S)
{
    if (!dict_empty_keys(S)) return exc_no_memory(S);
    empty_keys_incref(S);
    return new_dict(S, dict_empty_keys(S), 0);
}

/* dict_new_presized */
static Obj new_presized(Sim *S, int64_t minused, int unicode)
{
    if (minused <= (int64_t)DICT_USABLE_FRACTION(MINSIZE)) return dict_new(S);
    unsigned lg = minused > (int64_t)DICT_USABLE_FRACTION(UINT64_C(1) << 17)
                      ? 17 : estimate_log2_keysize((uint64_t)minused);
    SimAddr k = new_keys_object(S, lg, unicode);
    if (!k) return 0;
    return new_dict(S, k, 0);
}

Obj dict_new_presized(Sim *S, int64_t minused) { return new_presized(S, minused, 0); }

/* ---- GC tracking ---- */

/* _PyObject_GC_MAY_BE_TRACKED */
static int may_be_tracked(const Sim *S, Obj o)
{
    if (!ob_is_gc(S, o)) return 0;
    return !ob_is(S, o, TI_TUPLE) || gc_is_tracked(S, o);
}

/* MAINTAIN_TRACKING */
static void maintain_tracking(Sim *S, Obj d, Obj key, Obj value)
{
    if (!gc_is_tracked(S, d) && (may_be_tracked(S, key) || may_be_tracked(S, value)))
        gc_track(S, d);
}

void dict_maybe_untrack(Sim *S, Obj d)
{
    if (!ob_is(S, d, TI_DICT) || !gc_is_tracked(S, d)) return;
    SimAddr k = keys_of(S, d);
    int general = !values_of(S, d) && is_general(S, k);
    int64_t n = dk_nentries(S, k);
    for (int64_t i = 0; i < n; i++) {
        Obj value = value_at(S, d, i);
        if (!value) continue;
        if (may_be_tracked(S, value) || (general && may_be_tracked(S, ent_key(S, k, i)))) return;
    }
    gc_untrack(S, d);
}

/* ---- split dicts from instance attributes ---- */

Obj dict_new_split(Sim *S, SimAddr keys, SimAddr values, Obj owner_class)
{
    if (!keys || !values || dk_kind(S, keys) != DICT_KEYS_SPLIT ||
        (owner_class && ob_get64(S, owner_class, TP_KEYS_OFF) != keys))
        return exc_set(S, EXC_TypeError, "dict_new_split: not a class's shared keys");
    dk_set(S, keys, DK_REFCNT_OFF, dk_refcnt(S, keys) + 1);
    int64_t used = 0, track = 0, size = shared_usable_size(S, keys);
    for (int64_t i = 0; i < size; i++) {
        Obj value = val_get(S, values, i);
        if (!value) continue;
        used++;
        track += may_be_tracked(S, value);
    }
    Obj d = new_dict(S, keys, used);
    if (!d) return 0;
    set_values(S, d, values);
    /* the instance's H_ATTR references are the dict's from now on (ob_move
     * reports only the new holder, so the instance need not be known) */
    for (int64_t i = 0; i < size; i++) {
        Obj value = val_get(S, values, i), name = ent_key(S, keys, i);
        if (value) ob_move(S, value, HOLD(H_ATTR, 0, i, name), value_holder(d, i, name));
    }
    if (track) gc_track(S, d);
    return d;
}

/* ---- lookup ---- */

#define DKIX_ERROR (-3)

/* PyObject_RichCompareBool under a temporary reference to the stored key,
 * as the generic lookups take one. */
static int compare_held(Sim *S, Obj stored, Obj key)
{
    ob_incref(S, stored, HOLD_TEMP);
    int r = ob_eq(S, stored, key);
    ob_decref(S, stored, HOLD_TEMP);
    return r;
}

#define DKIX_RESTART (-4)

/* Does entry ix hold `key`?  1, 0, -1 (comparison failed), or, when d is
 * given and a class's __eq__ changed its table or that entry,
 * DKIX_RESTART: _Py_dict_lookup starts over. */
static int entry_matches(Sim *S, Obj d, SimAddr k, int64_t ix, Obj key, int64_t hash)
{
    Obj stored = ent_key(S, k, ix);
    if (stored == key) return 1;
    if (ent_hash(S, k, ix) != hash) return 0;
    if (!is_general(S, k) && is_str(S, key)) return str_eq(S, stored, key); /* unicode_eq */
    int r = compare_held(S, stored, key);
    if (r >= 0 && d && (keys_of(S, d) != k || ent_key(S, k, ix) != stored)) return DKIX_RESTART;
    return r;
}

/* The probe of _Py_dict_lookup over a keys block (d's, when given): the
 * entry number, DKIX_EMPTY, DKIX_ERROR, or DKIX_RESTART. */
static int64_t probe_in(Sim *S, Obj d, SimAddr k, Obj key, int64_t hash)
{
    uint64_t mask = dk_size(S, k) - 1, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = dk_index(S, k, i);
        if (ix >= 0) {
            int r = entry_matches(S, d, k, ix, key, hash);
            if (r == DKIX_RESTART) return DKIX_RESTART;
            if (r < 0) return DKIX_ERROR;
            if (r) return ix;
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* A keys block's probe where comparisons cannot run code or where no
 * dict owns the block. */
static int64_t probe(Sim *S, SimAddr k, Obj key, int64_t hash) { return probe_in(S, 0, k, key, hash); }

/* _Py_dict_lookup: the entry number, DKIX_EMPTY, or DKIX_ERROR; *value is
 * the entry's value (borrowed) or 0 -- also 0 for a key of the shared keys
 * that this split dict has no value for. */
static int64_t lookup(Sim *S, Obj d, Obj key, int64_t hash, Obj *value)
{
    int64_t ix;
    while ((ix = probe_in(S, d, keys_of(S, d), key, hash)) == DKIX_RESTART) continue;
    *value = ix >= 0 ? value_at(S, d, ix) : 0;
    return ix;
}

/* lookdict_index: the slot that holds entry `index`. */
static uint64_t lookdict_index(const Sim *S, SimAddr k, int64_t hash, int64_t index)
{
    uint64_t mask = dk_size(S, k) - 1, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = dk_index(S, k, i);
        if (ix == index || ix == DKIX_EMPTY) return i;
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* find_empty_slot: the first EMPTY or DUMMY slot of the probe sequence
 * (a deleted entry's slot is reused). */
static uint64_t find_empty_slot(const Sim *S, SimAddr k, int64_t hash)
{
    uint64_t mask = dk_size(S, k) - 1, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    while (dk_index(S, k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
    return i;
}

SimAddr dk_new_shared(Sim *S)
{
    enum { LOG2 = 6, SLOTS = 1 << LOG2 };
    uint64_t size = DK_HEADER_SIZE + SLOTS + DICT_USABLE_FRACTION(SLOTS) * 16;
    SimAddr k = pm_malloc(S->heap, size);
    if (!k) return 0;
    memset(ob_ptr(S, k), 0, size);
    ob_set64(S, k, DK_REFCNT_OFF, 1);
    unsigned char *hdr = ob_ptr(S, k);
    hdr[DK_LOG2_SIZE_OFF] = LOG2;
    hdr[DK_LOG2_IBYTES_OFF] = LOG2;
    hdr[DK_KIND_OFF] = DICT_KEYS_SPLIT;
    memset(hdr + DK_INDICES_OFF, 0xff, SLOTS);
    ob_set64(S, k, DK_USABLE_OFF, SHARED_KEYS_MAX_SIZE);
    return k;
}

int64_t dict_str_entry(Sim *S, Obj d, Obj key)
{
    SimAddr k = keys_of(S, d);
    if (values_of(S, d) || dk_kind(S, k) != DICT_KEYS_UNICODE || !is_str(S, key)) return -1;
    /* a unicode table's probe compares str to str (unicode_eq): no side
     * effect */
    int64_t ix = probe(S, k, key, str_hash(S, key));
    return ix >= 0 && ent_key(S, k, ix) == key ? ix : -1;
}

int64_t dk_lookup_str(Sim *S, SimAddr keys, Obj name)
{
    if (!keys || !is_str(S, name) || is_general(S, keys)) return DKIX_EMPTY;
    return probe(S, keys, name, str_hash(S, name));
}

int64_t dk_insert_str(Sim *S, SimAddr keys, Obj name, Obj owner_class)
{
    int64_t ix = dk_lookup_str(S, keys, name);
    if (ix != DKIX_EMPTY || !is_str(S, name) || dk_usable(S, keys) <= 0) return ix;
    ob_incref(S, name, shared_key_holder(S, keys, dk_nentries(S, keys), name, owner_class));
    ob_set32(S, keys, DK_VERSION_OFF, 0);
    int64_t hash = str_hash(S, name);
    ix = dk_nentries(S, keys);
    dk_set_index(S, keys, find_empty_slot(S, keys, hash), ix);
    ent_set(S, keys, ix, name, hash, 0);
    dk_set(S, keys, DK_USABLE_OFF, dk_usable(S, keys) - 1);
    dk_set(S, keys, DK_NENTRIES_OFF, ix + 1);
    return ix;
}

/* The hash of a key, as PyObject_Hash (a str's is cached); -1 with
 * TypeError for unhashable keys. */
static int64_t hash_of(Sim *S, Obj key)
{
    return is_str(S, key) ? str_hash(S, key) : ob_hash(S, key);
}

/* ---- resizing ---- */

/* Copies the live entries of `old` into the fresh `k` compactly, in
 * order; references stay with d but change entry number when entries
 * before them were deleted. */
static void move_entries(Sim *S, Obj d, SimAddr old, SimAddr k, int64_t numentries)
{
    int64_t i = 0;
    for (int64_t j = 0; j < numentries; j++, i++) {
        while (!ent_value(S, old, i)) i++;
        Obj key = ent_key(S, old, i), value = ent_value(S, old, i);
        ent_set(S, k, j, key, ent_hash(S, old, i), value);
        if (i != j) {
            ob_move(S, key, key_holder(d, i), key_holder(d, j));
            ob_move(S, value, value_holder(d, i, key), value_holder(d, j, key));
        }
    }
}

/* dictresize from a split table: the live values in insertion order
 * become entries 0, 1, ... of the fresh combined `k`; each key gains a
 * reference (the shared keys keep theirs), each value moves over. */
static void move_split_entries(Sim *S, Obj d, SimAddr old, SimAddr values, SimAddr k,
                               int64_t numentries)
{
    for (int64_t j = 0; j < numentries; j++) {
        int64_t ix = order_at(S, values, j);
        Obj key = ent_key(S, old, ix), value = val_get(S, values, ix);
        ob_incref(S, key, key_holder(d, j));
        ent_set(S, k, j, key, str_hash(S, key), value);
        ob_move(S, value, value_holder(d, ix, key), value_holder(d, j, key));
    }
}

/* build_indices_*: each entry into the first empty slot of its probe
 * sequence. */
static void build_indices(Sim *S, SimAddr k, int64_t n)
{
    uint64_t mask = dk_size(S, k) - 1;
    for (int64_t ix = 0; ix < n; ix++) {
        int64_t hash = ent_hash(S, k, ix);
        uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
        while (dk_index(S, k, i) != DKIX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        dk_set_index(S, k, i, ix);
    }
}

/* dictresize: a new table of 2**lg slots (unicode kind only when asked
 * and the old one is str-keyed), the live entries moved over compactly;
 * a split table becomes combined. */
static int dictresize(Sim *S, Obj d, unsigned lg, int unicode)
{
    if (lg >= 64) {
        exc_no_memory(S);
        return -1;
    }
    SimAddr old = keys_of(S, d), oldvalues = values_of(S, d);
    if (is_general(S, old)) unicode = 0;
    SimAddr k = new_keys_object(S, lg, unicode);
    if (!k) return -1;
    int64_t numentries = used_of(S, d);
    set_keys(S, d, k);
    if (oldvalues) {
        move_split_entries(S, d, old, oldvalues, k, numentries);
        build_indices(S, k, numentries);
        shared_keys_decref(S, old, 0);
        set_values(S, d, 0);
        free_values(S, oldvalues);
    } else {
        move_entries(S, d, old, k, numentries);
        build_indices(S, k, numentries);
        if (old == dict_empty_keys(S)) dk_set(S, old, DK_REFCNT_OFF, dk_refcnt(S, old) - 1);
        else release_keys_block(S, old); /* the references moved: no decrefs */
    }
    dk_set(S, k, DK_USABLE_OFF, dk_usable(S, k) - numentries);
    dk_set(S, k, DK_NENTRIES_OFF, numentries);
    return 0;
}

/* insertion_resize: GROWTH_RATE = used*3. */
static int insertion_resize(Sim *S, Obj d, int unicode)
{
    return dictresize(S, d, log2_keysize((uint64_t)used_of(S, d) * 3), unicode);
}

/* ---- insertion ---- */

/* Appends a new entry for a key known to be absent; the caller's
 * references (TEMP) become the dict's -- or, for a split table, the key's
 * becomes the shared keys' (held by the class) and the value goes into
 * the values array at the new entry's index. */
static void append_entry(Sim *S, Obj d, Obj key, int64_t hash, Obj value)
{
    SimAddr k = keys_of(S, d), v = values_of(S, d);
    int64_t n = dk_nentries(S, k);
    dk_set_index(S, k, find_empty_slot(S, k, hash), n);
    if (v) {
        ent_set(S, k, n, key, hash, 0);
        ob_move(S, key, HOLD_TEMP, shared_key_holder(S, k, n, key, 0));
        order_add(S, v, n);
        val_set(S, v, n, value);
    } else {
        ent_set(S, k, n, key, hash, value);
        ob_move(S, key, HOLD_TEMP, key_holder(d, n));
    }
    ob_move(S, value, HOLD_TEMP, value_holder(d, n, key));
    set_used(S, d, used_of(S, d) + 1);
    bump_version(S, d);
    dk_set(S, k, DK_USABLE_OFF, dk_usable(S, k) - 1);
    dk_set(S, k, DK_NENTRIES_OFF, n + 1);
}

/* Replaces entry ix's value; the caller's key reference is dropped.  In
 * a split table the entry may have had no value (old 0): the value then
 * joins the insertion order. */
static void replace_value(Sim *S, Obj d, int64_t ix, Obj old, Obj key, Obj value)
{
    SimAddr k = keys_of(S, d), v = values_of(S, d);
    Obj stored = ent_key(S, k, ix);
    if (old != value) {
        if (v) {
            val_set(S, v, ix, value);
            if (!old) {
                order_add(S, v, ix);
                set_used(S, d, used_of(S, d) + 1);
            }
        } else {
            ent_set_value(S, k, ix, value);
        }
        bump_version(S, d);
        ob_move(S, value, HOLD_TEMP, value_holder(d, ix, stored));
        ob_xdecref(S, old, value_holder(d, ix, stored));
    } else {
        ob_decref(S, value, HOLD_TEMP);
    }
    ob_decref(S, key, HOLD_TEMP);
}

/* insertdict: consumes the caller's TEMP references to key and value. */
static int insertdict(Sim *S, Obj d, Obj key, int64_t hash, Obj value)
{
    Obj old;
    if (!is_general(S, keys_of(S, d)) && !is_str(S, key) && insertion_resize(S, d, 0) < 0)
        goto fail;
    int64_t ix = lookup(S, d, key, hash, &old);
    if (ix == DKIX_ERROR) goto fail;
    maintain_tracking(S, d, key, value);
    if (ix == DKIX_EMPTY) {
        /* a class's __eq__ may have emptied the dict back to a str table */
        if (!is_general(S, keys_of(S, d)) && !is_str(S, key) && insertion_resize(S, d, 0) < 0) goto fail;
        ob_set32(S, keys_of(S, d), DK_VERSION_OFF, 0);
        if (dk_usable(S, keys_of(S, d)) <= 0 && insertion_resize(S, d, 1) < 0) goto fail;
        append_entry(S, d, key, hash, value);
        return 0;
    }
    replace_value(S, d, ix, old, key, value);
    return 0;
fail:
    ob_decref(S, value, HOLD_TEMP);
    ob_decref(S, key, HOLD_TEMP);
    return -1;
}

/* insert_to_emptydict: the first key of a dict on Py_EMPTY_KEYS gets an
 * 8-slot table of its own kind.  Consumes the TEMP references. */
static int insert_to_emptydict(Sim *S, Obj d, Obj key, int64_t hash, Obj value)
{
    SimAddr k = new_keys_object(S, DICT_LOG_MINSIZE, is_str(S, key));
    if (!k) {
        ob_decref(S, key, HOLD_TEMP);
        ob_decref(S, value, HOLD_TEMP);
        return -1;
    }
    keys_decref(S, keys_of(S, d), d);
    set_keys(S, d, k);
    ob_set64(S, d, DICT_VALUES_OFF, 0);
    maintain_tracking(S, d, key, value);
    append_entry(S, d, key, hash, value);
    return 0;
}

/* _PyDict_SetItem_Take2 with the hash known. */
static int setitem_take2(Sim *S, Obj d, Obj key, int64_t hash, Obj value)
{
    if (keys_of(S, d) == dict_empty_keys(S)) return insert_to_emptydict(S, d, key, hash, value);
    return insertdict(S, d, key, hash, value);
}

int dict_setitem(Sim *S, Obj d, Obj key, Obj value)
{
    ob_incref(S, key, HOLD_TEMP);
    ob_incref(S, value, HOLD_TEMP);
    int64_t hash = hash_of(S, key);
    if (hash == -1) {
        ob_decref(S, key, HOLD_TEMP);
        ob_decref(S, value, HOLD_TEMP);
        return -1;
    }
    return setitem_take2(S, d, key, hash, value);
}

Obj dict_from_items(Sim *S, int64_t n, const Obj *keys, const Obj *values)
{
    int unicode = 1;
    for (int64_t i = 0; i < n && unicode; i++) unicode = is_str(S, keys[i]);
    Obj d = new_presized(S, n, unicode);
    if (!d) return 0;
    for (int64_t i = 0; i < n; i++) {
        if (dict_setitem(S, d, keys[i], values[i]) < 0) {
            ob_decref(S, d, HOLD_TEMP);
            return 0;
        }
    }
    return d;
}

/* ---- errors ---- */

/* _PyErr_SetKeyError: KeyError whose args are (key,). */
static void set_key_error(Sim *S, Obj key)
{
    Obj args = tuple_pack(S, 1, &key);
    if (args) exc_set_args(S, EXC_KeyError, args);
}

/* ---- access ---- */

Obj dict_getitem(Sim *S, Obj d, Obj key)
{
    int64_t hash = hash_of(S, key);
    if (hash == -1) return 0;
    Obj value;
    return lookup(S, d, key, hash, &value) == DKIX_ERROR ? 0 : value;
}

int dict_contains(Sim *S, Obj d, Obj key)
{
    int64_t hash = hash_of(S, key);
    if (hash == -1) return -1;
    Obj value;
    int64_t ix = lookup(S, d, key, hash, &value);
    if (ix == DKIX_ERROR) return -1;
    return ix != DKIX_EMPTY && value != 0;
}

/* delitem_common: the slot becomes DKIX_DUMMY, the entry NULL; the key
 * is released, then the value.  A split table keeps the shared key and
 * only drops the value and its place in the insertion order. */
static void delitem_common(Sim *S, Obj d, int64_t hash, int64_t ix, Obj old_value)
{
    SimAddr k = keys_of(S, d), v = values_of(S, d);
    set_used(S, d, used_of(S, d) - 1);
    bump_version(S, d);
    if (v) {
        val_set(S, v, ix, 0);
        order_remove(S, v, ix);
        ob_decref(S, old_value, value_holder(d, ix, ent_key(S, k, ix)));
        return;
    }
    uint64_t slot = lookdict_index(S, k, hash, ix);
    ob_set32(S, k, DK_VERSION_OFF, 0);
    dk_set_index(S, k, slot, DKIX_DUMMY);
    Obj old_key = ent_key(S, k, ix);
    ent_set(S, k, ix, 0, 0, 0);
    ob_decref(S, old_key, key_holder(d, ix));
    ob_decref(S, old_value, value_holder(d, ix, old_key));
}

int dict_delitem(Sim *S, Obj d, Obj key)
{
    int64_t hash = hash_of(S, key);
    if (hash == -1) return -1;
    return dict_delitem_hash(S, d, key, hash);
}

int dict_delitem_hash(Sim *S, Obj d, Obj key, int64_t hash)
{
    Obj old;
    int64_t ix = lookup(S, d, key, hash, &old);
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY || !old) {
        set_key_error(S, key);
        return -1;
    }
    delitem_common(S, d, hash, ix, old);
    return 0;
}

/* The default (a new reference) or KeyError(key). */
static Obj missing(Sim *S, Obj key, Obj deflt)
{
    if (deflt) {
        ob_incref(S, deflt, HOLD_TEMP);
        return deflt;
    }
    set_key_error(S, key);
    return 0;
}

/* _PyDict_Pop: an empty dict answers before hashing the key. */
Obj dict_pop(Sim *S, Obj d, Obj key, Obj deflt)
{
    if (used_of(S, d) == 0) return missing(S, key, deflt);
    int64_t hash = hash_of(S, key);
    if (hash == -1) return 0;
    Obj old;
    int64_t ix = lookup(S, d, key, hash, &old);
    if (ix == DKIX_ERROR) return 0;
    if (ix == DKIX_EMPTY || !old) return missing(S, key, deflt);
    ob_incref(S, old, HOLD_TEMP);
    delitem_common(S, d, hash, ix, old);
    return old;
}

/* dict_popitem_impl: the result tuple first; a split table becomes a
 * combined one of the same size; the last live entry moves into the
 * tuple, dk_nentries shrinks to that entry but dk_usable does not grow
 * back (its slot stays DKIX_DUMMY). */
Obj dict_popitem(Sim *S, Obj d)
{
    Obj res = tuple_new(S, 2);
    if (!res) return 0;
    if (used_of(S, d) == 0) {
        ob_decref(S, res, HOLD_TEMP);
        return exc_set(S, EXC_KeyError, "popitem(): dictionary is empty");
    }
    if (dk_kind(S, keys_of(S, d)) == DICT_KEYS_SPLIT &&
        dictresize(S, d, dk_log2_size(S, keys_of(S, d)), 1) < 0) {
        ob_decref(S, res, HOLD_TEMP);
        return 0;
    }
    SimAddr k = keys_of(S, d);
    ob_set32(S, k, DK_VERSION_OFF, 0);
    int64_t i = dk_nentries(S, k) - 1;
    while (i >= 0 && !ent_value(S, k, i)) i--;
    Obj key = ent_key(S, k, i), value = ent_value(S, k, i);
    int64_t hash = ent_hash(S, k, i);
    ent_set(S, k, i, 0, -1, 0);
    dk_set_index(S, k, lookdict_index(S, k, hash, i), DKIX_DUMMY);
    ob_set64(S, res, TUPLE_ITEMS_OFF, key);
    ob_move(S, key, key_holder(d, i), HOLD(H_TUPLE_ITEM, res, 0, 0));
    ob_set64(S, res, TUPLE_ITEMS_OFF + 8, value);
    ob_move(S, value, value_holder(d, i, key), HOLD(H_TUPLE_ITEM, res, 1, 0));
    dk_set(S, k, DK_NENTRIES_OFF, i);
    set_used(S, d, used_of(S, d) - 1);
    bump_version(S, d);
    return res;
}

/* A new entry for PyDict_SetDefault: the entry is written first, then
 * the dict takes its references (a split table's shared keys take the
 * key's), then tracking is maintained. */
static int setdefault_insert(Sim *S, Obj d, Obj key, int64_t hash, Obj value)
{
    ob_set32(S, keys_of(S, d), DK_VERSION_OFF, 0);
    if (dk_usable(S, keys_of(S, d)) <= 0 && insertion_resize(S, d, 1) < 0) return -1;
    SimAddr k = keys_of(S, d), v = values_of(S, d);
    int64_t n = dk_nentries(S, k);
    dk_set_index(S, k, find_empty_slot(S, k, hash), n);
    if (v) {
        ent_set(S, k, n, key, hash, 0);
        val_set(S, v, n, value);
        order_add(S, v, n);
    } else {
        ent_set(S, k, n, key, hash, value);
    }
    ob_incref(S, key, v ? shared_key_holder(S, k, n, key, 0) : key_holder(d, n));
    ob_incref(S, value, value_holder(d, n, key));
    maintain_tracking(S, d, key, value);
    set_used(S, d, used_of(S, d) + 1);
    bump_version(S, d);
    dk_set(S, k, DK_USABLE_OFF, dk_usable(S, k) - 1);
    dk_set(S, k, DK_NENTRIES_OFF, n + 1);
    return 0;
}

Obj dict_setdefault(Sim *S, Obj d, Obj key, Obj deflt)
{
    int64_t hash = hash_of(S, key);
    if (hash == -1) return 0;
    if (keys_of(S, d) == dict_empty_keys(S)) {
        ob_incref(S, key, HOLD_TEMP);
        ob_incref(S, deflt, HOLD_TEMP);
        return insert_to_emptydict(S, d, key, hash, deflt) < 0 ? 0 : deflt;
    }
    if (!is_str(S, key) && !is_general(S, keys_of(S, d)) && insertion_resize(S, d, 0) < 0)
        return 0;
    Obj value;
    int64_t ix = lookup(S, d, key, hash, &value);
    if (ix == DKIX_ERROR) return 0;
    if (ix == DKIX_EMPTY) {
        /* a class's __eq__ may have emptied the dict back to a str table */
        if (!is_str(S, key) && !is_general(S, keys_of(S, d)) && insertion_resize(S, d, 0) < 0) return 0;
        return setdefault_insert(S, d, key, hash, deflt) < 0 ? 0 : deflt;
    }
    if (value) return value;
    /* a shared key this split dict has no value for */
    SimAddr v = values_of(S, d);
    ob_incref(S, deflt, value_holder(d, ix, ent_key(S, keys_of(S, d), ix)));
    maintain_tracking(S, d, key, deflt);
    val_set(S, v, ix, deflt);
    order_add(S, v, ix);
    set_used(S, d, used_of(S, d) + 1);
    bump_version(S, d);
    return deflt;
}

/* The values of a split table in index order (Py_CLEAR in PyDict_Clear,
 * Py_XDECREF in dict_dealloc), then the array; the shared keys stay. */
static void release_values(Sim *S, Obj d, SimAddr k, SimAddr v, int clear)
{
    int64_t n = dk_nentries(S, k);
    for (int64_t i = 0; i < n; i++) {
        Obj value = val_get(S, v, i);
        if (!value) continue;
        if (clear) val_set(S, v, i, 0);
        ob_decref(S, value, value_holder(d, i, ent_key(S, k, i)));
    }
    free_values(S, v);
}

/* PyDict_Clear: the dict is on the empty keys before the old items go. */
void dict_clear(Sim *S, Obj d)
{
    SimAddr old = keys_of(S, d), oldvalues = values_of(S, d);
    if (old == dict_empty_keys(S)) return;
    empty_keys_incref(S);
    set_keys(S, d, dict_empty_keys(S));
    set_values(S, d, 0);
    set_used(S, d, 0);
    bump_version(S, d);
    if (oldvalues) {
        release_values(S, d, old, oldvalues, 1);
        shared_keys_decref(S, old, 0);
    } else {
        keys_decref(S, old, d);
    }
}

/* _PyDict_Next's walk: the first live entry at or after *pos (then
 * *pos is past it), or -1 at the end.  A split table's position counts
 * its insertion order. */
static int64_t next_index(const Sim *S, Obj d, int64_t *pos)
{
    SimAddr k = keys_of(S, d), v = values_of(S, d);
    if (v) {
        if (*pos < 0 || *pos >= used_of(S, d)) return -1;
        return order_at(S, v, (*pos)++);
    }
    int64_t i = *pos, n = dk_nentries(S, k);
    if (i < 0) return -1;
    while (i < n && !ent_value(S, k, i)) i++;
    if (i >= n) return -1;
    *pos = i + 1;
    return i;
}

int dict_next(const Sim *S, Obj d, int64_t *pos, Obj *key, Obj *value)
{
    int64_t i = next_index(S, d, pos);
    if (i < 0) return 0;
    if (key) *key = ent_key(S, keys_of(S, d), i);
    if (value) *value = value_at(S, d, i);
    return 1;
}

int64_t dict_last_pos(const Sim *S, Obj d)
{
    return values_of(S, d) ? used_of(S, d) - 1 : dk_nentries(S, keys_of(S, d)) - 1;
}

int dict_prev(const Sim *S, Obj d, int64_t *pos, Obj *key, Obj *value)
{
    int64_t i = *pos, ix;
    if (i < 0) return 0;
    SimAddr k = keys_of(S, d), v = values_of(S, d);
    if (v) {
        ix = order_at(S, v, i);
    } else {
        while (!ent_value(S, k, i))
            if (--i < 0) return 0;
        ix = i;
    }
    *key = ent_key(S, k, ix);
    *value = value_at(S, d, ix);
    *pos = i - 1;
    return 1;
}

/* ---- copy and merge ---- */

/* clone_combined_dict_keys: a byte copy of the keys block (PyObject_Malloc,
 * never the keys free list), each live entry's value then key gaining a
 * reference for `owner` (TEMP while owner is 0). */
static SimAddr clone_keys(Sim *S, Obj orig, Obj owner)
{
    SimAddr ok = keys_of(S, orig);
    uint64_t size = dk_block_size(S, ok);
    SimAddr k = pm_malloc(S->heap, size);
    if (!k) {
        exc_no_memory(S);
        return 0;
    }
    memcpy(ob_ptr(S, k), ob_ptr(S, ok), size);
    int64_t n = dk_nentries(S, k);
    for (int64_t i = 0; i < n; i++) {
        Obj key = ent_key(S, k, i), value = ent_value(S, k, i);
        if (!value) continue;
        ob_incref(S, value, value_holder(owner, i, key));
        ob_incref(S, key, key_holder(owner, i));
    }
    return k;
}

/* The TEMP references of a cloned block now belong to d. */
static void adopt_entries(Sim *S, Obj d)
{
    SimAddr k = keys_of(S, d);
    int64_t n = dk_nentries(S, k);
    for (int64_t i = 0; i < n; i++) {
        Obj key = ent_key(S, k, i), value = ent_value(S, k, i);
        if (!value) continue;
        ob_move(S, value, HOLD_TEMP, value_holder(d, i, key));
        ob_move(S, key, HOLD_TEMP, key_holder(d, i));
    }
}

/* dict_merge's fast path into an empty dict: "other is clean, combined
 * and just allocated" -- 8 slots, or more than USABLE_FRACTION(size/2)
 * entries and none deleted.  An empty split `a` gives up its shared keys
 * and values array. */
static int merge_by_clone(Sim *S, Obj a, Obj b)
{
    SimAddr ok = keys_of(S, b);
    if (values_of(S, b) || used_of(S, b) != dk_nentries(S, ok)) return 1;
    if (dk_log2_size(S, ok) != DICT_LOG_MINSIZE &&
        (int64_t)DICT_USABLE_FRACTION(dk_size(S, ok) / 2) >= used_of(S, b))
        return 1;
    SimAddr k = clone_keys(S, b, a);
    if (!k) return -1;
    SimAddr av = values_of(S, a);
    keys_decref(S, keys_of(S, a), a);
    set_keys(S, a, k);
    if (av) {
        free_values(S, av);
        set_values(S, a, 0);
    }
    set_used(S, a, used_of(S, b));
    bump_version(S, a);
    if (gc_is_tracked(S, b) && !gc_is_tracked(S, a)) gc_track(S, a);
    return 0;
}

/* One pair of dict_merge's loop, holding its own references meanwhile. */
static int merge_one(Sim *S, Obj a, Obj key, int64_t hash, Obj value, int override)
{
    int err = 0;
    ob_incref(S, key, HOLD_TEMP);
    ob_incref(S, value, HOLD_TEMP);
    if (override == 1) {
        ob_incref(S, key, HOLD_TEMP);
        ob_incref(S, value, HOLD_TEMP);
        err = insertdict(S, a, key, hash, value);
    } else {
        Obj old;
        int64_t ix = lookup(S, a, key, hash, &old);
        if (ix == DKIX_ERROR) {
            err = -1;
        } else if (ix == DKIX_EMPTY || !old) {
            ob_incref(S, key, HOLD_TEMP);
            ob_incref(S, value, HOLD_TEMP);
            err = insertdict(S, a, key, hash, value);
        } else if (override != 0) {
            set_key_error(S, key);
            err = -1;
        }
    }
    ob_decref(S, value, HOLD_TEMP);
    ob_decref(S, key, HOLD_TEMP);
    return err;
}

int dict_merge(Sim *S, Obj a, Obj b, int override)
{
    if (b == a || used_of(S, b) == 0) return 0;
    if (used_of(S, a) == 0) {
        override = 1;
        int r = merge_by_clone(S, a, b);
        if (r <= 0) return r;
    }
    /* one big resize first, expecting few overlapping keys */
    if ((int64_t)DICT_USABLE_FRACTION(dk_size(S, keys_of(S, a))) < used_of(S, b)) {
        int unicode = !is_general(S, keys_of(S, b));
        uint64_t want = (uint64_t)(used_of(S, a) + used_of(S, b));
        if (dictresize(S, a, estimate_log2_keysize(want), unicode) < 0) return -1;
    }
    int64_t pos = 0, i;
    while ((i = next_index(S, b, &pos)) >= 0) {
        SimAddr bk = keys_of(S, b);
        if (merge_one(S, a, ent_key(S, bk, i), ent_hash(S, bk, i), value_at(S, b, i),
                      override) < 0)
            return -1;
    }
    return 0;
}

/* PyDict_Copy of a split dict: the values array first (sized for the
 * shared keys now), then a fresh object (PyObject_GC_New, not the free
 * list); the prefix bytes up to the prefix size are copied, the values
 * taken in index order. */
static Obj copy_split(Sim *S, Obj d)
{
    SimAddr k = keys_of(S, d), ov = values_of(S, d);
    int64_t size = shared_usable_size(S, k);
    SimAddr nv = new_values(S, size);
    if (!nv) return 0;
    Obj c = ob_alloc(S, TI_DICT, 0);
    if (!c) {
        free_values(S, nv);
        return 0;
    }
    unsigned prefix = vbytes(S, nv)[-1];
    memcpy(ob_ptr(S, nv - prefix), ob_ptr(S, ov - prefix), prefix - 1);
    set_values(S, c, nv);
    set_keys(S, c, k);
    set_used(S, c, used_of(S, d));
    bump_version(S, c);
    dk_set(S, k, DK_REFCNT_OFF, dk_refcnt(S, k) + 1);
    for (int64_t i = 0; i < size; i++) {
        Obj value = val_get(S, ov, i);
        if (value) ob_incref(S, value, value_holder(c, i, ent_key(S, k, i)));
        val_set(S, nv, i, value);
    }
    if (gc_is_tracked(S, d)) gc_track(S, c);
    return c;
}

/* PyDict_Copy */
Obj dict_copy(Sim *S, Obj d)
{
    if (used_of(S, d) == 0) return dict_new(S);
    if (values_of(S, d)) return copy_split(S, d);
    SimAddr dk = keys_of(S, d);
    if (ob_is(S, d, TI_DICT) && used_of(S, d) >= dk_nentries(S, dk) * 2 / 3) {
        SimAddr k = clone_keys(S, d, 0);
        if (!k) return 0;
        Obj c = new_dict(S, k, 0);
        if (!c) return 0;
        adopt_entries(S, c);
        set_used(S, c, used_of(S, d));
        if (gc_is_tracked(S, d)) gc_track(S, c);
        return c;
    }
    Obj c = dict_new(S);
    if (!c) return 0;
    if (dict_merge(S, c, d, 1) == 0) return c;
    ob_decref(S, c, HOLD_TEMP);
    return 0;
}

/* ---- primitives for the runtime's dict methods (containers.h) ---- */

Obj dict_new_generic(Sim *S)
{
    if (!dict_empty_keys(S)) return exc_no_memory(S);
    Obj d = ob_alloc(S, TI_DICT, 0); /* tp_alloc: linked and tracked... */
    if (!d) return 0;
    empty_keys_incref(S);
    set_keys(S, d, dict_empty_keys(S));
    set_values(S, d, 0);
    set_used(S, d, 0);
    bump_version(S, d);
    return d; /* ...and untracked again by dict_new: never tracked here */
}

int dict_next_hash(Sim *S, Obj d, int64_t *pos, Obj *key, Obj *value, int64_t *hash)
{
    int64_t i = next_index(S, d, pos);
    if (i < 0) return 0;
    SimAddr k = keys_of(S, d);
    if (key) *key = ent_key(S, k, i);
    if (value) *value = value_at(S, d, i);
    if (hash) *hash = ent_hash(S, k, i);
    return 1;
}

Obj dict_lookup_hash(Sim *S, Obj d, Obj key, int64_t hash)
{
    Obj value;
    return lookup(S, d, key, hash, &value) == DKIX_ERROR ? 0 : value;
}

int dict_presize(Sim *S, Obj d, int64_t n, int unicode)
{
    return dictresize(S, d, estimate_log2_keysize((uint64_t)n), unicode);
}

int dict_setitem_hash(Sim *S, Obj d, Obj key, int64_t hash, Obj value)
{
    ob_incref(S, key, HOLD_TEMP);
    ob_incref(S, value, HOLD_TEMP);
    return setitem_take2(S, d, key, hash, value);
}

/* ---- size, type behaviour ---- */

/* _PyDict_SizeOf plus the pre-header sys.getsizeof adds. */
uint64_t dict_sizeof(const Sim *S, Obj d)
{
    Obj type = ob_type(S, d);
    uint64_t res = ob_preheader(S, type) + ob_get32(S, type, TP_BASICSIZE_OFF);
    SimAddr k = keys_of(S, d);
    if (ob_get64(S, d, DICT_VALUES_OFF))
        res += (uint64_t)(dk_nentries(S, k) + dk_usable(S, k)) * 8;
    if (dk_refcnt(S, k) == 1) res += dk_block_size(S, k);
    return res;
}

/* dict_dealloc: the keys released (entries in order) -- for a split table
 * the values in index order, the values array, then the shared keys'
 * count -- then the object kept on the free list when it is an exact
 * dict and there is room. */
void dict_dealloc(Sim *S, Obj d)
{
    SimAddr k = keys_of(S, d), v = values_of(S, d);
    if (v) {
        release_values(S, d, k, v, 0);
        shared_keys_decref(S, k, 0);
    } else if (k) {
        keys_decref(S, k, d);
    }
    if (S->fl.dict_n < FL_DICT_MAX && ob_is(S, d, TI_DICT)) {
        S->fl.dict[S->fl.dict_n++] = d;
        ob_freelist_push(S, d, FREELIST_DICT, S->fl.dict_n);
        return;
    }
    ob_free_object(S, d);
}

/* dict_traverse's order -- each live entry's value, then its key (the
 * GC skips str keys; the ledger needs them); a split table's values in
 * index order (its keys are the class's). */
void dict_referents(Sim *S, Obj d, RefVisit visit, void *ud)
{
    SimAddr k = keys_of(S, d), v = values_of(S, d);
    int64_t n = dk_nentries(S, k);
    for (int64_t i = 0; v && i < n; i++) {
        Obj value = val_get(S, v, i);
        if (!value) continue;
        Holder hv = value_holder(d, i, ent_key(S, k, i));
        visit(S, value, &hv, ud);
    }
    for (int64_t i = 0; !v && i < n; i++) {
        Obj key = ent_key(S, k, i), value = ent_value(S, k, i);
        if (!value) continue;
        Holder hv = value_holder(d, i, key), hk = key_holder(d, i);
        visit(S, value, &hv, ud);
        visit(S, key, &hk, ud);
    }
    Obj type = ob_type(S, d);
    if (tp_flags(S, type) & TPF_HEAPTYPE) {
        Holder ht = HOLD_INTERNAL(d, R_OB_TYPE);
        visit(S, type, &ht, ud);
    }
}

/* ---- the audit ---- */

/* A shared keys block and who uses it. */
typedef struct SharedUse {
    SimAddr keys;
    int64_t classes, dicts;
} SharedUse;

typedef struct Audit {
    char *msg;
    size_t cap;
    int bad;
    int64_t on_empty;      /* live dicts using Py_EMPTY_KEYS */
    SharedUse *shared;     /* host memory, for the dk_refcnt check */
    size_t nshared, capshared;
} Audit;

static SharedUse *shared_use(Audit *a, SimAddr k)
{
    for (size_t i = 0; i < a->nshared; i++)
        if (a->shared[i].keys == k) return &a->shared[i];
    if (a->nshared == a->capshared) {
        size_t cap = a->capshared ? 2 * a->capshared : 16;
        SharedUse *p = realloc(a->shared, cap * sizeof *p);
        if (!p) return NULL;
        a->shared = p;
        a->capshared = cap;
    }
    a->shared[a->nshared] = (SharedUse){k, 0, 0};
    return &a->shared[a->nshared++];
}

/* Every live entry sits in exactly one slot, found along its probe
 * sequence; every other slot is EMPTY or DUMMY. */
static int audit_indices(Sim *S, Obj d, SimAddr k, char *msg, size_t cap)
{
    uint64_t size = dk_size(S, k), in_slots = 0;
    int64_t n = dk_nentries(S, k), live = 0;
    for (uint64_t i = 0; i < size; i++) {
        int64_t ix = dk_index(S, k, i);
        if (ix < DKIX_DUMMY || ix >= n || (ix >= 0 && !ent_value(S, k, ix)))
            return pm_fail(msg, cap, "dict 0x%llx: slot %llu holds %lld", (unsigned long long)d,
                           (unsigned long long)i, (long long)ix);
        in_slots += ix >= 0;
    }
    for (int64_t i = 0; i < n; i++) {
        Obj key = ent_key(S, k, i), value = ent_value(S, k, i);
        if (!key != !value)
            return pm_fail(msg, cap, "dict 0x%llx: entry %lld is half set", (unsigned long long)d,
                           (long long)i);
        if (!value) continue;
        live++;
        if (!is_general(S, k) && !is_str(S, key))
            return pm_fail(msg, cap, "dict 0x%llx: a unicode table holds a non-str key",
                           (unsigned long long)d);
        if (dk_index(S, k, lookdict_index(S, k, ent_hash(S, k, i), i)) != i)
            return pm_fail(msg, cap, "dict 0x%llx: entry %lld is off its probe sequence",
                           (unsigned long long)d, (long long)i);
    }
    if (live != used_of(S, d) || in_slots != (uint64_t)live)
        return pm_fail(msg, cap, "dict 0x%llx: ma_used %lld, %lld live entries, %llu in slots",
                       (unsigned long long)d, (long long)used_of(S, d), (long long)live,
                       (unsigned long long)in_slots);
    return 0;
}

static int block_is_live(const Sim *S, SimAddr a)
{
    return pm_in_arena(S->heap, a) ? pm_block_is_live(S->heap, a) : pm_raw_is_live(S->heap, a);
}

/* The shared keys of a split table: a live SPLIT block of at most 30 str
 * entries without values, each in one slot of its probe sequence; no
 * DKIX_DUMMY. */
static int audit_shared_keys(Sim *S, Obj d, SimAddr k, char *msg, size_t cap)
{
    int64_t n = dk_nentries(S, k), in_slots = 0;
    if (!block_is_live(S, k) || dk_kind(S, k) != DICT_KEYS_SPLIT || dk_refcnt(S, k) < 1 ||
        dk_usable(S, k) < 0 || n < 0 || n > SHARED_KEYS_MAX_SIZE ||
        dk_usable(S, k) + n > (int64_t)DICT_USABLE_FRACTION(dk_size(S, k)))
        return pm_fail(msg, cap, "dict 0x%llx: bad shared keys header", (unsigned long long)d);
    for (uint64_t i = 0; i < dk_size(S, k); i++) {
        int64_t ix = dk_index(S, k, i);
        if (ix < DKIX_EMPTY || ix >= n)
            return pm_fail(msg, cap, "dict 0x%llx: shared slot %llu holds %lld",
                           (unsigned long long)d, (unsigned long long)i, (long long)ix);
        in_slots += ix >= 0;
    }
    for (int64_t i = 0; i < n; i++) {
        Obj key = ent_key(S, k, i);
        if (!key || !is_str(S, key) || ent_value(S, k, i))
            return pm_fail(msg, cap, "dict 0x%llx: shared entry %lld is not a str key alone",
                           (unsigned long long)d, (long long)i);
        if (dk_index(S, k, lookdict_index(S, k, str_hash(S, key), i)) != i)
            return pm_fail(msg, cap, "dict 0x%llx: shared entry %lld is off its probe sequence",
                           (unsigned long long)d, (long long)i);
    }
    if (in_slots != n)
        return pm_fail(msg, cap, "dict 0x%llx: %lld shared entries, %lld in slots",
                       (unsigned long long)d, (long long)n, (long long)in_slots);
    return 0;
}

/* A split table's values array: live, big enough for the shared entries;
 * the order bytes name ma_used distinct entries holding exactly the
 * non-NULL values. */
static int audit_values(Sim *S, Obj d, SimAddr k, SimAddr v, char *msg, size_t cap)
{
    unsigned prefix = vbytes(S, v)[-1], count = vbytes(S, v)[-2];
    int64_t n = dk_nentries(S, k), live = 0;
    SimBlockInfo bi;
    if (prefix < 8 || prefix % 8 || !block_is_live(S, v - prefix) ||
        sim_heap_locate(S->heap, v - prefix, &bi) ||
        bi.size < prefix + 8 * (uint64_t)n || count + 2 > prefix)
        return pm_fail(msg, cap, "dict 0x%llx: bad values array", (unsigned long long)d);
    uint64_t seen = 0;
    for (unsigned j = 0; j < count; j++) {
        int64_t ix = order_at(S, v, j);
        if (ix >= n || (seen >> ix & 1) || !val_get(S, v, ix))
            return pm_fail(msg, cap, "dict 0x%llx: order byte %u names entry %lld",
                           (unsigned long long)d, j, (long long)ix);
        seen |= UINT64_C(1) << ix;
    }
    for (int64_t i = 0; i < n; i++) live += val_get(S, v, i) != 0;
    if (live != (int64_t)count || live != used_of(S, d))
        return pm_fail(msg, cap, "dict 0x%llx: ma_used %lld, %lld values, %u in order",
                       (unsigned long long)d, (long long)used_of(S, d), (long long)live, count);
    return 0;
}

static int audit_split(Sim *S, Obj d, SimAddr k, SimAddr v, Audit *a)
{
    if (audit_shared_keys(S, d, k, a->msg, a->cap) || audit_values(S, d, k, v, a->msg, a->cap))
        return 1;
    SharedUse *u = shared_use(a, k);
    if (!u) return pm_fail(a->msg, a->cap, "dict audit: out of host memory");
    u->dicts++;
    return 0;
}

static int audit_dict(Sim *S, Obj d, Audit *a)
{
    SimAddr k = keys_of(S, d);
    if (values_of(S, d)) return audit_split(S, d, k, values_of(S, d), a);
    if (k == dict_empty_keys(S)) {
        a->on_empty++;
        if (used_of(S, d) != 0)
            return pm_fail(a->msg, a->cap, "dict 0x%llx: items on the empty keys",
                           (unsigned long long)d);
        return 0;
    }
    int64_t usable = (int64_t)DICT_USABLE_FRACTION(dk_size(S, k));
    if (dk_refcnt(S, k) != 1 || dk_kind(S, k) > DICT_KEYS_UNICODE || dk_usable(S, k) < 0 ||
        dk_nentries(S, k) < 0 || dk_usable(S, k) + dk_nentries(S, k) > usable ||
        !block_is_live(S, k))
        return pm_fail(a->msg, a->cap, "dict 0x%llx: bad keys header", (unsigned long long)d);
    for (uint32_t i = 0; i < S->fl.keys_n; i++)
        if (S->fl.keys[i] == k)
            return pm_fail(a->msg, a->cap, "dict 0x%llx uses a free-listed keys block",
                           (unsigned long long)d);
    return audit_indices(S, d, k, a->msg, a->cap);
}

static void audit_each(Sim *S, Obj o, void *ud)
{
    Audit *a = ud;
    if (a->bad) return;
    if (ob_is(S, o, TI_TYPE) && (tp_flags(S, o) & TPF_HEAPTYPE) && ob_get64(S, o, TP_KEYS_OFF)) {
        SharedUse *u = shared_use(a, ob_get64(S, o, TP_KEYS_OFF));
        if (u) u->classes++;
        else a->bad = pm_fail(a->msg, a->cap, "dict audit: out of host memory");
        return;
    }
    if (ob_info(S, o)->dealloc != dict_dealloc) return;
    a->bad = audit_dict(S, o, a);
}

/* Each shared keys block counts its class and its split dicts. */
static int audit_shared_counts(Sim *S, const Audit *a, char *msg, size_t cap)
{
    for (size_t i = 0; i < a->nshared; i++) {
        const SharedUse *u = &a->shared[i];
        if (u->classes > 1 || dk_refcnt(S, u->keys) != u->classes + u->dicts)
            return pm_fail(msg, cap, "shared keys 0x%llx: dk_refcnt %lld for %lld class(es) "
                           "and %lld split dict(s)", (unsigned long long)u->keys,
                           (long long)dk_refcnt(S, u->keys), (long long)u->classes,
                           (long long)u->dicts);
    }
    return 0;
}

static int audit_keys_free_list(Sim *S, char *msg, size_t cap)
{
    if (S->fl.keys_n > FL_KEYS_MAX) return pm_fail(msg, cap, "the keys free list is too long");
    for (uint32_t i = 0; i < S->fl.keys_n; i++) {
        SimAddr k = S->fl.keys[i];
        if (!block_is_live(S, k) || dk_log2_size(S, k) != DICT_LOG_MINSIZE ||
            dk_kind(S, k) != DICT_KEYS_UNICODE)
            return pm_fail(msg, cap, "0x%llx on the keys free list is not an 8-slot unicode block",
                           (unsigned long long)k);
        for (uint32_t j = 0; j < i; j++)
            if (S->fl.keys[j] == k)
                return pm_fail(msg, cap, "0x%llx is twice on the keys free list",
                               (unsigned long long)k);
    }
    return 0;
}

int dict_audit(Sim *S, char *msg, size_t cap)
{
    if (msg && cap) msg[0] = '\0';
    if (audit_keys_free_list(S, msg, cap)) return 1;
    Audit a = {msg, cap, 0, 0, NULL, 0, 0};
    objmap_each(S, audit_each, &a);
    if (!a.bad) a.bad = audit_shared_counts(S, &a, msg, cap);
    free(a.shared);
    if (a.bad) return 1;
    SimAddr e = S->empty_keys;
    if (e && dk_refcnt(S, e) != 1 + a.on_empty)
        return pm_fail(msg, cap, "Py_EMPTY_KEYS has dk_refcnt %lld for %lld dicts",
                       (long long)dk_refcnt(S, e), (long long)a.on_empty);
    return 0;
}

int dict_set_cstr(Sim *S, Obj d, const char *key, Obj value)
{
    Obj k = str_from_cstr(S, key);
    if (!k) return -1;
    str_intern(S, &k);
    int r = dict_setitem(S, d, k, value);
    ob_decref(S, k, HOLD_TEMP);
    return r;
}
