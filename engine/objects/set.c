/* set.c -- see set.h.  Algorithms after CPython 3.11's Objects/setobject.c:
 * probing of LINEAR_PROBES neighbours then a perturbed jump, dummies on
 * deletion (an add reuses the last dummy its probe passed), growth when
 * fill*5 >= mask*3, set_merge's three ways of filling a table. */
#include <stdio.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define NO_SLOT UINT64_MAX
/* Tables beyond this many entries could never fit a simulated heap. */
#define SET_MAX_SLOTS (UINT64_C(1) << 36)

typedef struct Entry {
    Obj key;
    int64_t hash;
} Entry;

/* ---- fields and entries ---- */

static uint64_t getf(const Sim *S, Obj s, uint32_t off) { return ob_get64(S, s, off); }
static void setf(Sim *S, Obj s, uint32_t off, uint64_t v) { ob_set64(S, s, off, v); }
static SimAddr small_of(Obj s) { return s + SET_SMALLTABLE_OFF; }
static SimAddr slot_addr(SimAddr table, uint64_t i) { return table + SET_ENTRY_SIZE * i; }

static Entry ent_get(const Sim *S, SimAddr table, uint64_t i)
{
    Entry e = {ob_get64(S, slot_addr(table, i), 0), (int64_t)ob_get64(S, slot_addr(table, i), 8)};
    return e;
}

static Obj ent_key(const Sim *S, SimAddr table, uint64_t i) { return ob_get64(S, slot_addr(table, i), 0); }

static void ent_put(Sim *S, SimAddr table, uint64_t i, Obj key, int64_t hash)
{
    ob_set64(S, slot_addr(table, i), 0, key);
    ob_set64(S, slot_addr(table, i), 8, (uint64_t)hash);
}

static int is_active(Obj key) { return key != 0 && key != SET_DUMMY; }

static Holder slot_holder(Obj s, uint64_t i) { return HOLD(H_SET_ITEM, s, i, 0); }

/* set_empty_to_minsize: the inline table, zeroed; finger is kept. */
static void empty_to_minsize(Sim *S, Obj s)
{
    memset((char *)ob_ptr(S, s) + SET_SMALLTABLE_OFF, 0, SET_MINSIZE * SET_ENTRY_SIZE);
    setf(S, s, SET_FILL_OFF, 0);
    setf(S, s, SET_USED_OFF, 0);
    setf(S, s, SET_MASK_OFF, SET_MINSIZE - 1);
    setf(S, s, SET_TABLE_OFF, small_of(s));
    setf(S, s, SET_HASH_OFF, UINT64_MAX);
}

/* ---- errors ---- */

/* _PyErr_SetKeyError: KeyError(key), its args (key,). */
static void set_key_error(Sim *S, Obj key)
{
    Obj args = tuple_pack(S, 1, &key);
    if (args) exc_set_args(S, EXC_KeyError, args);
}

/* Methods only a set has (add, discard, pop...): AttributeError on a
 * frozenset, as frozenset.add does not exist; TypeError otherwise. */
static int need_set(Sim *S, Obj s, const char *method)
{
    if (ob_is(S, s, TI_SET)) return 0;
    char name[64];
    if (ob_is(S, s, TI_FROZENSET))
        exc_set(S, EXC_AttributeError, "'frozenset' object has no attribute '%s'", method);
    else
        exc_set(S, EXC_TypeError, "descriptor '%s' for 'set' objects doesn't apply to a '%s' object",
                method, ob_type_name(S, s, name, sizeof name));
    return -1;
}

static int need_anyset(Sim *S, Obj s, const char *what)
{
    if (set_is_any(S, s)) return 0;
    char name[64];
    exc_set(S, EXC_TypeError, "%s: expected a set or frozenset, not '%s'", what,
            ob_type_name(S, s, name, sizeof name));
    return -1;
}

/* ---- probing ---- */

/* The rich comparison of a probe whose hash matched: CPython holds the
 * stored key (INCREF) while comparing, since __eq__ could drop it. */
static int probe_cmp(Sim *S, Obj startkey, Obj key)
{
    if (startkey == key) return 1;
    if (ob_is(S, startkey, TI_STR) && ob_is(S, key, TI_STR)) return str_eq(S, startkey, key);
    ob_incref(S, startkey, HOLD_TEMP);
    int cmp = ob_eq(S, startkey, key);
    ob_decref(S, startkey, HOLD_TEMP);
    return cmp;
}

/* Did the comparison mutate the set under us (then the probe restarts)? */
static int table_moved(const Sim *S, Obj s, SimAddr table, uint64_t j, Obj startkey)
{
    return set_table(S, s) != table || ent_key(S, table, j) != startkey;
}

/* set_lookkey: 1 with *slot the active entry equal to key, 0 with *slot
 * the unused entry that ends the search, -1 on a comparison error. */
static int lookkey(Sim *S, Obj s, Obj key, int64_t hash, uint64_t *slot)
{
restart:;
    uint64_t mask = getf(S, s, SET_MASK_OFF), perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        SimAddr table = set_table(S, s);
        uint64_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0, j = i;
        do {
            Entry e = ent_get(S, table, j);
            if (e.hash == 0 && e.key == 0) {
                *slot = j;
                return 0;
            }
            if (e.hash == hash) {
                int cmp = probe_cmp(S, e.key, key);
                if (cmp < 0) return -1;
                if (table_moved(S, s, table, j, e.key)) goto restart;
                if (cmp > 0) {
                    *slot = j;
                    return 1;
                }
                mask = getf(S, s, SET_MASK_OFF);
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_insert_clean: the first unused slot of key's probe sequence in a
 * table known to hold no dummies and not the key. */
static uint64_t insert_clean_slot(const Sim *S, SimAddr table, uint64_t mask, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        if (ent_key(S, table, i) == 0) return i;
        if (i + LINEAR_PROBES <= mask)
            for (uint64_t j = 1; j <= LINEAR_PROBES; j++)
                if (ent_key(S, table, i + j) == 0) return i + j;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* ---- resizing ---- */

/* Reinserts the active entries of the old table (host copy `host` or
 * simulated `old`), in slot order, into the set's new table. */
static void reinsert(Sim *S, Obj s, const Entry *host, SimAddr old, uint64_t oldmask)
{
    SimAddr table = set_table(S, s);
    uint64_t mask = getf(S, s, SET_MASK_OFF);
    for (uint64_t j = 0; j <= oldmask; j++) {
        Entry e = host ? host[j] : ent_get(S, old, j);
        if (!is_active(e.key)) continue;
        uint64_t slot = insert_clean_slot(S, table, mask, e.hash);
        ent_put(S, table, slot, e.key, e.hash);
        ob_move(S, e.key, slot_holder(s, j), slot_holder(s, slot));
    }
}

static void copy_small(const Sim *S, Obj s, Entry small_copy[SET_MINSIZE])
{
    for (uint64_t j = 0; j < SET_MINSIZE; j++) small_copy[j] = ent_get(S, small_of(s), j);
}

/* set_table_resize: a table of the smallest power of two > minused (at
 * least 8), dummies dropped.  0 or -1 (MemoryError, set unchanged). */
static int table_resize(Sim *S, Obj s, int64_t minused)
{
    uint64_t newsize = SET_MINSIZE;
    while (newsize <= (uint64_t)minused && newsize <= SET_MAX_SLOTS) newsize <<= 1;
    SimAddr old = set_table(S, s), newtable;
    uint64_t oldmask = getf(S, s, SET_MASK_OFF);
    int old_malloced = old != small_of(s);
    Entry small_copy[SET_MINSIZE];
    const Entry *host = NULL;
    if (newsize == SET_MINSIZE) {
        newtable = small_of(s);
        if (newtable == old) {
            if (getf(S, s, SET_FILL_OFF) == getf(S, s, SET_USED_OFF)) return 0;
            copy_small(S, s, small_copy); /* rebuilt in place: purge dummies */
            host = small_copy;
        }
    } else {
        newtable = newsize > SET_MAX_SLOTS ? 0 : pm_malloc(S->heap, newsize * SET_ENTRY_SIZE);
        if (!newtable) {
            exc_no_memory(S);
            return -1;
        }
    }
    memset(ob_ptr(S, newtable), 0, newsize * SET_ENTRY_SIZE);
    setf(S, s, SET_MASK_OFF, newsize - 1);
    setf(S, s, SET_TABLE_OFF, newtable);
    setf(S, s, SET_FILL_OFF, getf(S, s, SET_USED_OFF));
    reinsert(S, s, host, old, oldmask);
    if (old_malloced) pm_free(S->heap, old);
    return 0;
}

/* ---- adding ---- */

/* Stores key (whose TEMP reference the set takes) at slot. */
static void store(Sim *S, Obj s, SimAddr table, uint64_t slot, Obj key, int64_t hash)
{
    ent_put(S, table, slot, key, hash);
    setf(S, s, SET_USED_OFF, getf(S, s, SET_USED_OFF) + 1);
    ob_move(S, key, HOLD_TEMP, slot_holder(s, slot));
}

/* set_add_entry: the key is INCREF'd first (a comparison could free it),
 * then stored in the last dummy its probe passed, or in the unused slot
 * that ended the probe -- which may grow the table. */
static int add_entry(Sim *S, Obj s, Obj key, int64_t hash)
{
    ob_incref(S, key, HOLD_TEMP);
restart:;
    uint64_t mask = getf(S, s, SET_MASK_OFF), perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask, freeslot = NO_SLOT, j;
    SimAddr table;
    for (;;) {
        table = set_table(S, s);
        uint64_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        j = i;
        do {
            Entry e = ent_get(S, table, j);
            if (e.hash == 0 && e.key == 0) goto found_unused_or_dummy;
            if (e.hash == hash) {
                int cmp = probe_cmp(S, e.key, key);
                if (cmp > 0) goto found_active;
                if (cmp < 0) goto error;
                if (table_moved(S, s, table, j, e.key)) goto restart;
                mask = getf(S, s, SET_MASK_OFF);
            } else if (e.hash == -1) {
                freeslot = j;
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NO_SLOT) {
        store(S, s, table, freeslot, key, hash);
        return 0;
    }
    store(S, s, table, j, key, hash);
    uint64_t fill = getf(S, s, SET_FILL_OFF) + 1;
    setf(S, s, SET_FILL_OFF, fill);
    if (fill * 5 < mask * 3) return 0;
    int64_t used = (int64_t)getf(S, s, SET_USED_OFF);
    return table_resize(S, s, used > 50000 ? used * 2 : used * 4);
found_active:
    ob_decref(S, key, HOLD_TEMP);
    return 0;
error:
    ob_decref(S, key, HOLD_TEMP);
    return -1;
}

static int add_key(Sim *S, Obj s, Obj key)
{
    int64_t hash = ob_hash(S, key);
    if (hash == -1) return -1;
    return add_entry(S, s, key, hash);
}

/* ---- set_merge ---- */

/* An empty table of the other's size and no dummies there: copy it. */
static void merge_copy(Sim *S, Obj so, Obj other)
{
    SimAddr dst = set_table(S, so), src = set_table(S, other);
    uint64_t mask = getf(S, other, SET_MASK_OFF);
    for (uint64_t i = 0; i <= mask; i++) {
        Entry e = ent_get(S, src, i);
        if (!e.key) continue;
        ob_incref(S, e.key, slot_holder(so, i));
        ent_put(S, dst, i, e.key, e.hash);
    }
    setf(S, so, SET_FILL_OFF, getf(S, other, SET_FILL_OFF));
    setf(S, so, SET_USED_OFF, getf(S, other, SET_USED_OFF));
}

/* An empty table: the other's keys go in by set_insert_clean. */
static void merge_clean(Sim *S, Obj so, Obj other)
{
    SimAddr dst = set_table(S, so), src = set_table(S, other);
    uint64_t mask = getf(S, so, SET_MASK_OFF), omask = getf(S, other, SET_MASK_OFF);
    setf(S, so, SET_FILL_OFF, getf(S, other, SET_USED_OFF));
    setf(S, so, SET_USED_OFF, getf(S, other, SET_USED_OFF));
    for (uint64_t i = 0; i <= omask; i++) {
        Entry e = ent_get(S, src, i);
        if (!is_active(e.key)) continue;
        uint64_t slot = insert_clean_slot(S, dst, mask, e.hash);
        ob_incref(S, e.key, slot_holder(so, slot));
        ent_put(S, dst, slot, e.key, e.hash);
    }
}

static int set_merge(Sim *S, Obj so, Obj other)
{
    uint64_t oused = getf(S, other, SET_USED_OFF);
    if (other == so || oused == 0) return 0;
    if ((getf(S, so, SET_FILL_OFF) + oused) * 5 >= getf(S, so, SET_MASK_OFF) * 3) {
        /* one big resize first, expecting few overlapping keys */
        if (table_resize(S, so, (int64_t)(getf(S, so, SET_USED_OFF) + oused) * 2) != 0) return -1;
    }
    if (getf(S, so, SET_FILL_OFF) == 0) {
        if (getf(S, so, SET_MASK_OFF) == getf(S, other, SET_MASK_OFF) &&
            getf(S, other, SET_FILL_OFF) == oused)
            merge_copy(S, so, other);
        else
            merge_clean(S, so, other);
        return 0;
    }
    for (uint64_t i = 0; i <= getf(S, other, SET_MASK_OFF); i++) {
        Entry e = ent_get(S, set_table(S, other), i);
        if (is_active(e.key) && add_entry(S, so, e.key, e.hash) != 0) return -1;
    }
    return 0;
}

/* ---- iterating a tuple, list or str (PyObject_GetIter) ---- */

/* A list or tuple is walked by a real list_iterator / tuple_iterator
 * (misc.h), as CPython does.  A str's iterator (str_ascii_iterator or
 * str_iterator, 32 bytes + the GC head) has no type in refscope yet: its
 * block is requested, counted in count[0] and freed as CPython's would
 * be, but it is not a live object. */
#define STRITER_BLOCK 48

typedef struct SeqIter {
    Obj it;        /* the iterator object, or 0 for a str */
    SimAddr block; /* a str iterator's memory */
    Obj seq;       /* 0 once exhausted (the iterator drops it then) */
    int64_t index;
} SeqIter;

static Holder iter_holder(const SeqIter *it)
{
    return HOLD_INTERNAL(it->it ? it->it : it->block + GC_HEAD_SIZE, R_ITER_SEQ);
}

static int iter_open(Sim *S, SeqIter *it, Obj seq)
{
    it->seq = seq;
    it->index = 0;
    it->block = 0;
    it->it = 0;
    if (!ob_is(S, seq, TI_STR)) {
        it->it = seqiter_new(S, seq);
        return it->it ? 0 : -1;
    }
    it->block = pm_malloc(S->heap, STRITER_BLOCK);
    if (!it->block) {
        exc_no_memory(S);
        return -1;
    }
    S->gc.gen[0].count++; /* _PyObject_GC_Link */
    ob_incref(S, seq, iter_holder(it));
    return 0;
}

static void iter_release_seq(Sim *S, SeqIter *it)
{
    Obj seq = it->seq;
    if (!seq) return;
    it->seq = 0;
    if (it->it) ob_set64(S, it->it, SEQITER_SEQ_OFF, 0);
    ob_decref(S, seq, iter_holder(it));
}

static void iter_close(Sim *S, SeqIter *it)
{
    if (it->it) { /* its dealloc drops the sequence if still held */
        ob_decref(S, it->it, HOLD_TEMP);
        return;
    }
    iter_release_seq(S, it);
    pm_free(S->heap, it->block);
    if (S->gc.gen[0].count > 0) S->gc.gen[0].count--; /* PyObject_GC_Del */
}

/* One character as a str: the Latin-1 singletons, else a new string. */
static Obj str_char_obj(Sim *S, uint32_t c)
{
    if (c < 256) {
        ob_incref(S, S->latin1[c], HOLD_TEMP);
        return S->latin1[c];
    }
    Obj o = str_new(S, c, 1);
    if (o) str_set_char(S, o, 0, c);
    return o;
}

/* 1 with *item (a new reference), 0 at the end (the sequence is
 * released then), -1 on error. */
static int iter_next(Sim *S, SeqIter *it, Obj *item)
{
    Obj seq = it->seq;
    if (!seq) return 0;
    int64_t i = it->index;
    int str = ob_is(S, seq, TI_STR);
    if (i >= (str ? str_len(S, seq) : ob_size(S, seq))) {
        iter_release_seq(S, it);
        return 0;
    }
    it->index++;
    if (it->it) ob_set64(S, it->it, SEQITER_INDEX_OFF, (uint64_t)it->index);
    if (str) {
        *item = str_char_obj(S, str_char(S, seq, i));
        return *item ? 1 : -1;
    }
    *item = ob_is(S, seq, TI_TUPLE) ? tuple_item(S, seq, i) : list_get(S, seq, i);
    ob_incref(S, *item, HOLD_TEMP);
    return 1;
}

static int add_from_seq(Sim *S, Obj so, Obj seq)
{
    SeqIter it;
    if (iter_open(S, &it, seq) != 0) return -1;
    Obj key;
    int rc;
    while ((rc = iter_next(S, &it, &key)) == 1) {
        rc = add_key(S, so, key);
        ob_decref(S, key, HOLD_TEMP);
        if (rc != 0) break;
    }
    iter_close(S, &it);
    return rc;
}

/* A dict's keys: one resize up front, then an add per key in entry
 * order with the hash the dict stored (_PyDict_Next), and no iterator. */
static int add_from_dict(Sim *S, Obj so, Obj d)
{
    int64_t n = dict_len(S, d);
    if ((getf(S, so, SET_FILL_OFF) + (uint64_t)n) * 5 >= getf(S, so, SET_MASK_OFF) * 3) {
        if (table_resize(S, so, ((int64_t)getf(S, so, SET_USED_OFF) + n) * 2) != 0) return -1;
    }
    int64_t pos = 0, hash;
    Obj key;
    while (dict_next_hash(S, d, &pos, &key, NULL, &hash))
        if (add_entry(S, so, key, hash) != 0) return -1;
    return 0;
}

/* set_update_internal. */
static int update_internal(Sim *S, Obj so, Obj other)
{
    if (set_is_any(S, other)) return set_merge(S, so, other);
    if (ob_is(S, other, TI_DICT)) return add_from_dict(S, so, other);
    if (ob_is(S, other, TI_TUPLE) || ob_is(S, other, TI_LIST) || ob_is(S, other, TI_STR))
        return add_from_seq(S, so, other);
    char name[64];
    exc_set(S, EXC_TypeError, "'%s' object is not iterable", ob_type_name(S, other, name, sizeof name));
    return -1;
}

/* ---- creation ---- */

/* make_new_set: allocated and tracked (PyType_GenericAlloc), then
 * filled.  New reference. */
static Obj make_new_set(Sim *S, TypeId t, Obj iterable)
{
    Obj s = ob_alloc(S, t, 0);
    if (!s) return 0;
    setf(S, s, SET_MASK_OFF, SET_MINSIZE - 1);
    setf(S, s, SET_TABLE_OFF, small_of(s));
    setf(S, s, SET_HASH_OFF, UINT64_MAX);
    gc_track(S, s);
    if (iterable && update_internal(S, s, iterable) != 0) {
        ob_decref(S, s, HOLD_TEMP);
        return 0;
    }
    return s;
}

Obj set_new(Sim *S) { return make_new_set(S, TI_SET, 0); }

Obj set_from(Sim *S, Obj iterable) { return make_new_set(S, TI_SET, iterable); }

Obj frozenset_new(Sim *S, Obj iterable)
{
    if (iterable && ob_is(S, iterable, TI_FROZENSET)) {
        ob_incref(S, iterable, HOLD_TEMP); /* frozenset(f) is f */
        return iterable;
    }
    return make_new_set(S, TI_FROZENSET, iterable);
}

Obj frozenset_const(Sim *S, Obj tuple)
{
    if (!ob_is(S, tuple, TI_TUPLE)) return exc_set(S, EXC_TypeError, "frozenset_const: expected a tuple");
    Obj first = make_new_set(S, TI_FROZENSET, tuple);
    if (!first) return 0;
    int64_t n = set_len(S, first);
    if (n == 0) return first; /* the empty one is not re-created */
    Obj items = tuple_new(S, n);
    if (!items) {
        ob_decref(S, first, HOLD_TEMP);
        return 0;
    }
    int64_t pos = 0, k = 0;
    Obj key;
    while (set_next(S, first, &pos, &key)) {
        ob_incref(S, key, HOLD_TEMP);
        tuple_set_item(S, items, k++, key);
    }
    Obj rebuilt = make_new_set(S, TI_FROZENSET, items);
    ob_decref(S, items, HOLD_TEMP);
    ob_decref(S, first, HOLD_TEMP);
    return rebuilt;
}

Obj set_copy(Sim *S, Obj s)
{
    if (need_anyset(S, s, "copy") != 0) return 0;
    if (ob_is(S, s, TI_FROZENSET)) {
        ob_incref(S, s, HOLD_TEMP);
        return s;
    }
    return make_new_set(S, TI_SET, s);
}

/* ---- the operations ---- */

int set_add(Sim *S, Obj s, Obj key)
{
    /* PySet_Add: a frozenset only while it is being built */
    if (!(ob_is(S, s, TI_FROZENSET) && ob_refcnt(S, s) == 1) && need_set(S, s, "add") != 0) return -1;
    return add_key(S, s, key);
}

int set_update(Sim *S, Obj s, Obj other)
{
    if (need_set(S, s, "update") != 0) return -1;
    return update_internal(S, s, other);
}

/* 1 found (at *slot), 0 not, -1 error; for a set key that is unhashable,
 * CPython retries with a temporary frozenset of it. */
static int find_key(Sim *S, Obj s, Obj key, uint64_t *slot)
{
    int64_t hash = ob_hash(S, key);
    if (hash != -1) return lookkey(S, s, key, hash, slot);
    if (!ob_is(S, key, TI_SET) || !exc_matches(S, EXC_TypeError)) return -1;
    exc_clear(S);
    Obj tmp = make_new_set(S, TI_FROZENSET, key);
    if (!tmp) return -1;
    int rv = -1;
    hash = set_hash(S, tmp);
    if (hash != -1) rv = lookkey(S, s, tmp, hash, slot);
    ob_decref(S, tmp, HOLD_TEMP);
    return rv;
}

int set_contains(Sim *S, Obj s, Obj key)
{
    if (need_anyset(S, s, "in") != 0) return -1;
    uint64_t slot;
    return find_key(S, s, key, &slot);
}

/* set_discard_entry: the entry becomes a dummy; its key is released. */
static void discard_slot(Sim *S, Obj s, uint64_t slot)
{
    SimAddr table = set_table(S, s);
    Obj old = ent_key(S, table, slot);
    ent_put(S, table, slot, SET_DUMMY, -1);
    setf(S, s, SET_USED_OFF, getf(S, s, SET_USED_OFF) - 1);
    ob_decref(S, old, slot_holder(s, slot));
}

int set_discard(Sim *S, Obj s, Obj key)
{
    if (need_set(S, s, "discard") != 0) return -1;
    uint64_t slot;
    int rv = find_key(S, s, key, &slot);
    if (rv == 1) discard_slot(S, s, slot);
    return rv;
}

int set_remove(Sim *S, Obj s, Obj key)
{
    if (need_set(S, s, "remove") != 0) return -1;
    uint64_t slot;
    int rv = find_key(S, s, key, &slot);
    if (rv < 0) return -1;
    if (rv == 0) {
        set_key_error(S, key);
        return -1;
    }
    discard_slot(S, s, slot);
    return 0;
}

Obj set_pop(Sim *S, Obj s)
{
    if (need_set(S, s, "pop") != 0) return 0;
    uint64_t mask = getf(S, s, SET_MASK_OFF), i = getf(S, s, SET_FINGER_OFF) & mask;
    if (getf(S, s, SET_USED_OFF) == 0) return exc_set(S, EXC_KeyError, "pop from an empty set");
    SimAddr table = set_table(S, s);
    while (!is_active(ent_key(S, table, i)))
        if (++i > mask) i = 0;
    Obj key = ent_key(S, table, i);
    ent_put(S, table, i, SET_DUMMY, -1);
    setf(S, s, SET_USED_OFF, getf(S, s, SET_USED_OFF) - 1);
    setf(S, s, SET_FINGER_OFF, i + 1); /* the next pop starts here */
    ob_move(S, key, slot_holder(s, i), HOLD_TEMP);
    return key;
}

/* set_clear_internal: the set is emptied first (a key's deallocation
 * must not see a half-cleared set), then the old keys are released in
 * table order, then the old table freed. */
int set_clear(Sim *S, Obj s)
{
    if (need_set(S, s, "clear") != 0) return -1;
    SimAddr table = set_table(S, s);
    uint64_t used = getf(S, s, SET_USED_OFF);
    int malloced = table != small_of(s);
    Entry small_copy[SET_MINSIZE];
    const Entry *host = NULL;
    if (malloced) {
        empty_to_minsize(S, s);
    } else if (getf(S, s, SET_FILL_OFF) > 0) {
        copy_small(S, s, small_copy);
        host = small_copy;
        empty_to_minsize(S, s);
    }
    for (uint64_t j = 0; used > 0; j++) {
        Obj key = host ? host[j].key : ent_key(S, table, j);
        if (!is_active(key)) continue;
        used--;
        ob_decref(S, key, slot_holder(s, j));
    }
    if (malloced) pm_free(S->heap, table);
    return 0;
}

/* ---- primitives for the runtime's set methods (containers.h) ---- */

Obj set_make_empty(Sim *S, TypeId t) { return make_new_set(S, t, 0); }

int set_update_builtin(Sim *S, Obj s, Obj other) { return update_internal(S, s, other); }

int set_add_key(Sim *S, Obj s, Obj key) { return add_key(S, s, key); }

int set_add_entry(Sim *S, Obj s, Obj key, int64_t hash) { return add_entry(S, s, key, hash); }

int set_contains_entry(Sim *S, Obj s, Obj key, int64_t hash)
{
    uint64_t slot;
    return lookkey(S, s, key, hash, &slot);
}

int set_discard_entry(Sim *S, Obj s, Obj key, int64_t hash)
{
    uint64_t slot;
    int rv = lookkey(S, s, key, hash, &slot);
    if (rv == 1) discard_slot(S, s, slot);
    return rv;
}

int set_discard_key(Sim *S, Obj s, Obj key)
{
    uint64_t slot;
    int rv = find_key(S, s, key, &slot);
    if (rv == 1) discard_slot(S, s, slot);
    return rv;
}

int set_resize(Sim *S, Obj s, int64_t minused) { return table_resize(S, s, minused); }

/* set_swap_bodies: every key of a now belongs to b at the same slot and
 * vice versa (inline tables are swapped by value). */
void set_swap_bodies(Sim *S, Obj a, Obj b)
{
    static const uint32_t words[] = {SET_FILL_OFF, SET_USED_OFF, SET_MASK_OFF};
    for (size_t i = 0; i < N_FIELDS(words); i++) {
        uint64_t t = getf(S, a, words[i]);
        setf(S, a, words[i], getf(S, b, words[i]));
        setf(S, b, words[i], t);
    }
    SimAddr ta = set_table(S, a), tb = set_table(S, b);
    int a_small = ta == small_of(a), b_small = tb == small_of(b);
    setf(S, a, SET_TABLE_OFF, b_small ? small_of(a) : tb);
    setf(S, b, SET_TABLE_OFF, a_small ? small_of(b) : ta);
    if (a_small || b_small) {
        unsigned char tab[SET_MINSIZE * SET_ENTRY_SIZE];
        void *pa = (char *)ob_ptr(S, a) + SET_SMALLTABLE_OFF, *pb = (char *)ob_ptr(S, b) + SET_SMALLTABLE_OFF;
        memcpy(tab, pa, sizeof tab);
        memcpy(pa, pb, sizeof tab);
        memcpy(pb, tab, sizeof tab);
    }
    if (ob_is(S, a, TI_FROZENSET) && ob_is(S, b, TI_FROZENSET)) {
        uint64_t h = getf(S, a, SET_HASH_OFF);
        setf(S, a, SET_HASH_OFF, getf(S, b, SET_HASH_OFF));
        setf(S, b, SET_HASH_OFF, h);
    } else {
        setf(S, a, SET_HASH_OFF, UINT64_MAX);
        setf(S, b, SET_HASH_OFF, UINT64_MAX);
    }
    /* the references changed owner */
    Obj sets[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        int64_t pos = 0;
        Obj key;
        while (set_next(S, sets[k], &pos, &key))
            ob_move(S, key, slot_holder(sets[1 - k], (uint64_t)pos - 1), slot_holder(sets[k], (uint64_t)pos - 1));
    }
}

int64_t set_len(const Sim *S, Obj s) { return (int64_t)getf(S, s, SET_USED_OFF); }

/* _shuffle_bits: spreads nearby hashes before they are xor'ed. */
static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ UINT64_C(89869747)) ^ (h << 16)) * UINT64_C(3644798167);
}

/* frozenset_hash: order-independent xor over every slot's hash, with
 * the unused (hash 0) and dummy (hash -1) slots cancelled out after. */
int64_t set_hash(Sim *S, Obj s)
{
    char name[64];
    if (!ob_is(S, s, TI_FROZENSET)) {
        exc_set(S, EXC_TypeError, "unhashable type: '%s'", ob_type_name(S, s, name, sizeof name));
        return -1;
    }
    int64_t cached = (int64_t)getf(S, s, SET_HASH_OFF);
    if (cached != -1) return cached;
    SimAddr table = set_table(S, s);
    uint64_t mask = getf(S, s, SET_MASK_OFF), fill = getf(S, s, SET_FILL_OFF);
    uint64_t used = getf(S, s, SET_USED_OFF), h = 0;
    for (uint64_t j = 0; j <= mask; j++) h ^= shuffle_bits(ob_get64(S, slot_addr(table, j), 8));
    if ((mask + 1 - fill) & 1) h ^= shuffle_bits(0);
    if ((fill - used) & 1) h ^= shuffle_bits(UINT64_MAX);
    h ^= (used + 1) * UINT64_C(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + UINT64_C(907133923);
    if (h == UINT64_MAX) h = 590923713u;
    setf(S, s, SET_HASH_OFF, h);
    return (int64_t)h;
}

/* set_richcompare(Py_EQ): equal sizes, cached frozenset hashes that
 * agree, then every key of a found in b (by its stored hash). */
int set_eq(Sim *S, Obj a, Obj b)
{
    if (need_anyset(S, a, "==") != 0 || need_anyset(S, b, "==") != 0) return -1;
    if (set_len(S, a) != set_len(S, b)) return 0;
    int64_t ha = (int64_t)getf(S, a, SET_HASH_OFF), hb = (int64_t)getf(S, b, SET_HASH_OFF);
    if (ha != -1 && hb != -1 && ha != hb) return 0;
    int64_t pos = 0, hash;
    Obj key;
    while (set_next_entry(S, a, &pos, &key, &hash)) {
        uint64_t slot;
        int rv = lookkey(S, b, key, hash, &slot);
        if (rv <= 0) return rv;
    }
    return 1;
}

int set_next_entry(Sim *S, Obj s, int64_t *pos, Obj *key, int64_t *hash)
{
    uint64_t mask = getf(S, s, SET_MASK_OFF), i = (uint64_t)*pos;
    SimAddr table = set_table(S, s);
    while (i <= mask && !is_active(ent_key(S, table, i))) i++;
    *pos = (int64_t)i + 1;
    if (i > mask) return 0;
    Entry e = ent_get(S, table, i);
    *key = e.key;
    if (hash) *hash = e.hash;
    return 1;
}

int set_next(Sim *S, Obj s, int64_t *pos, Obj *key) { return set_next_entry(S, s, pos, key, NULL); }

uint64_t set_sizeof(const Sim *S, Obj s)
{
    Obj type = ob_type(S, s);
    uint64_t n = ob_preheader(S, type) + ob_get32(S, type, TP_BASICSIZE_OFF);
    if (set_table(S, s) != small_of(s)) n += (getf(S, s, SET_MASK_OFF) + 1) * SET_ENTRY_SIZE;
    return n;
}

/* ---- type behaviour ---- */

/* set_dealloc: keys released in table order, then the separate table,
 * then the object (no free list in 3.11). */
void set_dealloc(Sim *S, Obj s)
{
    SimAddr table = set_table(S, s);
    uint64_t used = getf(S, s, SET_USED_OFF);
    for (uint64_t j = 0; used > 0; j++) {
        Obj key = ent_key(S, table, j);
        if (!is_active(key)) continue;
        used--;
        ob_decref(S, key, slot_holder(s, j));
    }
    if (table != small_of(s)) pm_free(S->heap, table);
    ob_free_object(S, s); /* a subclass instance then drops its class */
}

void set_referents(Sim *S, Obj s, RefVisit visit, void *ud)
{
    int64_t pos = 0;
    Obj key;
    while (set_next(S, s, &pos, &key)) {
        Holder hd = slot_holder(s, (uint64_t)pos - 1);
        visit(S, key, &hd, ud);
    }
}
