/* typeobj.c -- see typeobj.h. */
#include <stdlib.h>
#include <string.h>

#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/weakref.h"

/* ---- shared keys (dict.h): the class holds their names ---- */

static Obj keys_name(const Sim *S, SimAddr k, int64_t ix)
{
    return ob_get64(S, k, DK_INDICES_OFF + (1u << dk_log2_size(S, k)) + 16 * (uint32_t)ix);
}

static Holder keys_holder(Obj type, int64_t ix, Obj name)
{
    Holder hd = HOLD(H_INTERNAL, type, ix, name);
    hd.reason = R_SHARED_KEYS;
    return hd;
}

/* ---- descriptors ---- */

static const ObField descr_fields[] = {{DESCR_TYPE_OFF, R_DESCR_TYPE},
                                       {DESCR_NAME_OFF, R_DESCR_NAME},
                                       {DESCR_QUALNAME_OFF, R_DESCR_NAME}};

/* descr_new: the descriptor first, then its name by
 * PyUnicode_InternFromString -- a new str, given up for the interned one
 * when the name is interned already (it always is for a slot name). */
static Obj descr_new(Sim *S, TypeId t, Obj type, const char *name, uint64_t which)
{
    Obj d = ob_alloc(S, t, 0);
    if (!d) return 0;
    ob_set64(S, d, DESCR_TYPE_OFF, type);
    ob_incref(S, type, HOLD_INTERNAL(d, R_DESCR_TYPE));
    ob_set64(S, d, DESCR_WHICH_OFF, which);
    gc_track(S, d);
    Obj n = str_from_cstr(S, name);
    if (!n) {
        ob_decref(S, d, HOLD_TEMP);
        return 0;
    }
    str_intern(S, &n);
    ob_set_field(S, d, DESCR_NAME_OFF, R_DESCR_NAME, n);
    return d;
}

void descr_dealloc(Sim *S, Obj d)
{
    ob_clear_fields(S, d, descr_fields, N_FIELDS(descr_fields));
    ob_free_memory(S, d);
}

void descr_referents(Sim *S, Obj d, RefVisit visit, void *ud)
{
    ob_visit_fields(S, d, descr_fields, N_FIELDS(descr_fields), visit, ud);
}

/* ---- types ---- */

/* type_dealloc's order (tp_base, tp_dict, tp_bases, tp_mro, ht_name,
 * ht_qualname, ht_slots); the shared keys follow. */
/* type_traverse's order (dict, mro, bases, base), then what it skips. */
static const ObField type_fields[] = {
    {TP_DICT_OFF, R_TYPE_DICT},         {TP_MRO_OFF, R_TYPE_MRO},
    {TP_BASES_OFF, R_TYPE_BASES},       {TP_BASE_OFF, R_TYPE_BASE},
    {TP_NAME_OFF, R_TYPE_NAME},         {TP_QUALNAME_OFF, R_TYPE_QUALNAME},
    {TP_SLOTS_OFF, R_TYPE_SLOTS},
};


/* d[key] (borrowed), or 0; *found_key (when asked) the key object.
 * Compared on the host: CPython looks these names up with its static
 * strings, so a str made for the lookup would be an allocation (and
 * events) CPython does not have. */
static Obj dict_get_cstr_key(const Sim *S, Obj d, const char *key, Obj *found_key)
{
    size_t len = strlen(key);
    int64_t pos = 0;
    Obj k, v;
    while (dict_next(S, d, &pos, &k, &v)) {
        if (!ob_is(S, k, TI_STR) || str_kind(S, k) != 1 || (size_t)str_len(S, k) != len ||
            memcmp(str_data(S, k), key, len))
            continue;
        if (found_key) *found_key = k;
        return v;
    }
    return 0;
}

static Obj dict_get_cstr(Sim *S, Obj d, const char *key) { return dict_get_cstr_key(S, d, key, NULL); }

/* The __slots__ names as a new tuple of interned strs; 0 with no
 * __slots__ (and no exception), or 0 with TypeError. */
static Obj slot_names(Sim *S, Obj ns, int *has_slots)
{
    Obj spec = dict_get_cstr(S, ns, "__slots__");
    *has_slots = spec != 0;
    if (!spec) return 0;
    int64_t n = ob_is(S, spec, TI_STR) ? 1 : ob_is(S, spec, TI_TUPLE) ? ob_size(S, spec) : -1;
    if (n < 0) return exc_set(S, EXC_TypeError, "__slots__ must be a str or a tuple of str");
    Obj names = tuple_new(S, n);
    if (!names) return 0;
    for (int64_t i = 0; i < n; i++) {
        Obj s = ob_is(S, spec, TI_STR) ? spec : tuple_item(S, spec, i);
        if (!ob_is(S, s, TI_STR)) {
            ob_decref(S, names, HOLD_TEMP);
            return exc_set(S, EXC_TypeError, "__slots__ items must be strings");
        }
        ob_incref(S, s, HOLD_TEMP);
        str_intern(S, &s);
        tuple_set_item(S, names, i, s);
    }
    return names;
}

static int slot_is(const Sim *S, Obj names, int64_t i, const char *what)
{
    char buf[32];
    str_to_utf8(S, tuple_item(S, names, i), buf, sizeof buf);
    return !strcmp(buf, what);
}

static int is_exception_type(const Sim *S, Obj type)
{
    for (Obj t = type; t; t = ob_get64(S, t, TP_BASE_OFF))
        if (t == S->exc_types[EXC_BaseException]) return 1;
    return 0;
}

/* The behaviour instances of a class get: an exception's, a list's, or
 * a plain instance's (TI_EXCEPTION, TI_LIST, TI_INSTANCE); -1 when the
 * subset cannot derive from `base`. */
static int instance_kind(const Sim *S, Obj base)
{
    if (ob_type(S, base) != S->types[TI_TYPE].type) return -1;
    if (is_exception_type(S, base)) return TI_EXCEPTION;
    if (tp_flags(S, base) & TPF_HEAPTYPE) return (int)tp_index(S, base);
    if (base == S->types[TI_OBJECT].type) return TI_INSTANCE;
    if (base == S->types[TI_LIST].type) return TI_LIST;
    return -1;
}

/* Special methods CPython would call that refscope does not: a class
 * defining one would behave differently without a word (DESIGN.md: never
 * silent misbehaviour), so defining one is an error naming it. */
static const char *const unsupported_hooks[] = {
    "__getattr__", "__getattribute__", "__setattr__", "__delattr__", "__get__", "__set__", "__delete__",
    "__set_name__", "__init_subclass__", "__new__", "__class_getitem__", "__sizeof__", "__complex__",
    "__floor__", "__ceil__", "__bytes__",
    "__trunc__", /* int()'s last resort, with a DeprecationWarning refscope does not print */
};

int type_refuse_hook(Sim *S, const char *name)
{
    for (size_t i = 0; i < sizeof unsupported_hooks / sizeof *unsupported_hooks; i++)
        if (!strcmp(name, unsupported_hooks[i])) {
            exc_set(S, EXC_TypeError, "a class defining %s is not part of refscope's subset", name);
            return -1;
        }
    return 0;
}

Obj type_new(Sim *S, Obj name, Obj bases, Obj ns)
{
    Obj object_type = S->types[TI_OBJECT].type;
    if (ob_size(S, bases) > 1)
        return exc_set(S, EXC_TypeError, "multiple inheritance is not part of refscope's subset");
    /* the names compared on the host: a lookup by C string would allocate */
    int64_t pos = 0;
    Obj key, val;
    while (dict_next(S, ns, &pos, &key, &val)) {
        char kn[32];
        if (!ob_is(S, key, TI_STR) || str_len(S, key) >= (int64_t)sizeof kn) continue;
        str_to_utf8(S, key, kn, sizeof kn);
        if (type_refuse_hook(S, kn)) return 0;
    }
    Obj base = ob_size(S, bases) ? tuple_item(S, bases, 0) : object_type;
    /* type_new_get_bases: no bases means (object,), a new tuple */
    Obj own_bases = ob_size(S, bases) ? 0 : tuple_pack(S, 1, &object_type);
    if (!ob_size(S, bases) && !own_bases) return 0;
    if (own_bases) bases = own_bases;
    int kind = instance_kind(S, base);
    int is_exc = kind == TI_EXCEPTION;
    if (kind < 0) {
        ob_xdecref(S, own_bases, HOLD_TEMP);
        return exc_set(S, EXC_TypeError, "refscope can derive classes only from object, from list, "
                                         "from exception classes and from other classes");
    }
    int has_slots;
    Obj slots = slot_names(S, ns, &has_slots);
    if (has_slots && !slots) {
        ob_xdecref(S, own_bases, HOLD_TEMP);
        return 0;
    }
    int64_t nslots = 0, want_dict = !has_slots, want_weak = !has_slots;
    for (int64_t i = 0; slots && i < ob_size(S, slots); i++) {
        if (slot_is(S, slots, i, "__dict__")) want_dict = 1;
        else if (slot_is(S, slots, i, "__weakref__")) want_weak = 1;
        else nslots++;
    }
    /* What the base already has is inherited, not added: an exception's
     * dict is BaseException's own field (tp_dictoffset 16). */
    int base_dict = (tp_flags(S, base) & TPF_MANAGED_DICT) != 0 || is_exc;
    int base_weak = ob_get64(S, base, TP_WEAKLISTOFFSET_OFF) != 0;
    uint32_t basicsize = ob_get32(S, base, TP_BASICSIZE_OFF) + 8 * (uint32_t)nslots;
    int add_weak = want_weak && !base_weak;
    if (add_weak) basicsize += 8;

    Obj type = ob_alloc_type(S, S->types[TI_TYPE].type, nslots + 1);
    if (!type) goto fail_slots;
    ob_set_size(S, type, nslots);
    uint32_t flags = TPF_HEAPTYPE | TPF_GC | TPF_BASETYPE;
    if ((want_dict || base_dict) && !is_exc) flags |= TPF_MANAGED_DICT;
    /* tp_finalize = slot_tp_finalize when the class or a base has __del__ */
    if ((tp_flags(S, base) & TPF_FINALIZE) || dict_get_cstr(S, ns, "__del__"))
        flags |= TPF_FINALIZE;
    /* Instances of exception classes are exception objects: they keep
     * BaseException's layout and behaviour.  A list subclass's instances
     * are lists (PyList_Check), the class's parts (slots, __weakref__, a
     * managed dict) around them. */
    ob_set32(S, type, TP_INDEX_OFF, (uint32_t)kind);
    ob_set32(S, type, TP_FLAGS_OFF, flags);
    ob_set32(S, type, TP_BASICSIZE_OFF, basicsize);
    ob_set64(S, type, TP_DICTOFFSET_OFF,
             is_exc ? EXC_DICT_OFF : (flags & TPF_MANAGED_DICT) ? (uint64_t)-1 : 0);
    ob_set64(S, type, TP_WEAKLISTOFFSET_OFF,
             add_weak ? basicsize - 8 : ob_get64(S, base, TP_WEAKLISTOFFSET_OFF));
    if (slots) ob_set_field(S, type, TP_SLOTS_OFF, R_TYPE_SLOTS, slots);
    slots = 0;
    ob_set64(S, type, TP_NAME_OFF, name);
    ob_incref(S, name, HOLD_INTERNAL(type, R_TYPE_NAME));
    ob_set64(S, type, TP_BASES_OFF, bases);
    if (own_bases) ob_move(S, bases, HOLD_TEMP, HOLD_INTERNAL(type, R_TYPE_BASES));
    else ob_incref(S, bases, HOLD_INTERNAL(type, R_TYPE_BASES));
    own_bases = 0;
    ob_set64(S, type, TP_BASE_OFF, base);
    ob_incref(S, base, HOLD_INTERNAL(type, R_TYPE_BASE));

    Obj dict = dict_copy(S, ns);
    if (!dict) goto fail;
    ob_set_field(S, type, TP_DICT_OFF, R_TYPE_DICT, dict);
    Obj qualname_key = 0;
    Obj qualname = dict_get_cstr_key(S, dict, "__qualname__", &qualname_key);
    ob_set64(S, type, TP_QUALNAME_OFF, qualname ? qualname : name);
    ob_incref(S, ob_get64(S, type, TP_QUALNAME_OFF), HOLD_INTERNAL(type, R_TYPE_QUALNAME));
    if (qualname) {
        /* by the dict's own key (PyDict_DelItem with CPython's static
         * one, the same interned str): ns, the copy's source, still holds it */
        if (dict_delitem(S, dict, qualname_key)) goto fail;
    }

    /* __mro__: (type, *base.__mro__) -- it holds the class itself. */
    /* A static base has no __mro__ object here: its tp_base chain is its
     * MRO (Exception, BaseException, object). */
    Obj base_mro = ob_get64(S, base, TP_MRO_OFF);
    int64_t nbase = base_mro ? ob_size(S, base_mro) : 0;
    for (Obj t = base; !base_mro && t; t = ob_get64(S, t, TP_BASE_OFF)) nbase++;
    Obj mro = tuple_new(S, nbase + 1);
    if (!mro) goto fail;
    Obj chain = base;
    for (int64_t i = 0; i <= nbase; i++) {
        Obj t = i == 0 ? type : base_mro ? tuple_item(S, base_mro, i - 1) : chain;
        if (i > 0 && !base_mro) chain = ob_get64(S, chain, TP_BASE_OFF);
        ob_set64(S, mro, TUPLE_ITEMS_OFF + 8 * (uint32_t)i, t);
        ob_incref(S, t, HOLD(H_TUPLE_ITEM, mro, i, 0));
    }
    ob_set_field(S, type, TP_MRO_OFF, R_TYPE_MRO, mro);

    /* PyType_Ready's order: member descriptors, getsets, then __doc__. */
    Obj names = ob_get64(S, type, TP_SLOTS_OFF);
    uint32_t off = ob_get32(S, base, TP_BASICSIZE_OFF);
    for (int64_t i = 0; names && i < ob_size(S, names); i++) {
        if (slot_is(S, names, i, "__dict__") || slot_is(S, names, i, "__weakref__")) continue;
        char buf[128];
        str_to_utf8(S, tuple_item(S, names, i), buf, sizeof buf);
        Obj d = descr_new(S, TI_MEMBER_DESCR, type, buf, off);
        if (!d) goto fail;
        int r = dict_setitem(S, dict, tuple_item(S, names, i), d);
        ob_decref(S, d, HOLD_TEMP);
        if (r) goto fail;
        off += 8;
    }
    static const char *const getsets[] = {"__dict__", "__weakref__"};
    int adds[2] = {want_dict && !base_dict, add_weak};
    for (int g = 0; g < 2; g++) {
        if (!adds[g]) continue;
        Obj d = descr_new(S, TI_GETSET_DESCR, type, getsets[g], (uint64_t)g);
        if (!d) goto fail;
        /* type_add_getset: keyed by the descriptor's own name */
        int r = dict_setitem(S, dict, ob_get64(S, d, DESCR_NAME_OFF), d);
        ob_decref(S, d, HOLD_TEMP);
        if (r) goto fail;
    }
    if (!dict_get_cstr(S, dict, "__doc__")) { /* type_dict_set_doc, with _Py_ID(__doc__) */
        Obj doc = str_static_id(S, "__doc__");
        if (!doc || dict_setitem(S, dict, doc, S->none)) goto fail;
    }
    if (flags & TPF_MANAGED_DICT) {
        SimAddr keys = dk_new_shared(S);
        if (!keys) {
            exc_no_memory(S);
            goto fail;
        }
        ob_set64(S, type, TP_KEYS_OFF, keys);
    }
    gc_track(S, type);
    return type;
fail:
    ob_decref(S, type, HOLD_TEMP);
    return 0;
fail_slots:
    ob_xdecref(S, slots, HOLD_TEMP);
    ob_xdecref(S, own_bases, HOLD_TEMP);
    return 0;
}

static void release_keys(Sim *S, Obj type)
{
    SimAddr k = ob_get64(S, type, TP_KEYS_OFF);
    if (!k) return;
    ob_set64(S, type, TP_KEYS_OFF, 0);
    dk_release_shared(S, k, type);
}

void type_dealloc(Sim *S, Obj type)
{
    S->vm.type_epoch++; /* the VM's type-attribute cache */
    ob_clear_fields(S, type, type_fields, N_FIELDS(type_fields));
    release_keys(S, type);
    ob_free_memory(S, type);
}

/* Static types hold nothing the ledger counts: they are never freed, and
 * their references to bases are part of their static counts. */
void type_referents(Sim *S, Obj type, RefVisit visit, void *ud)
{
    if (!(tp_flags(S, type) & TPF_HEAPTYPE)) return;
    ob_visit_fields(S, type, type_fields, N_FIELDS(type_fields), visit, ud);
    SimAddr k = ob_get64(S, type, TP_KEYS_OFF);
    for (int64_t i = 0; k && i < dk_nentries(S, k); i++) {
        Holder hd = keys_holder(type, i, keys_name(S, k, i));
        visit(S, hd.key, &hd, ud);
    }
}

uint64_t type_sizeof(const Sim *S, Obj type)
{
    SimAddr k = ob_get64(S, type, TP_KEYS_OFF);
    return TP_HEAP_SIZE + (k ? dk_block_size(S, k) : 0);
}

/* ---- instances ---- */

#define VALUES_PTR(o) ((o) - 32)     /* the values* pre-header word */

static SimAddr values_of(const Sim *S, Obj o)
{
    return (tp_flags(S, ob_type(S, o)) & TPF_MANAGED_DICT) ? ob_get64(S, VALUES_PTR(o), 0) : 0;
}

static uint8_t *values_prefix(const Sim *S, SimAddr values) { return (uint8_t *)ob_ptr(S, values); }

uint64_t instance_values_size(const Sim *S, Obj o)
{
    SimAddr v = values_of(S, o);
    if (!v) return 0;
    SimBlockInfo bi;
    if (sim_heap_locate(S->heap, v - values_prefix(S, v)[-1], &bi)) return 0;
    return bi.size;
}

/* new_values: prefix + 8*size bytes of PyMem, the prefix's last byte its
 * size; 0 with MemoryError. */
static SimAddr new_values(Sim *S, uint64_t size)
{
    uint64_t prefix = (size + 2 + 7) & ~UINT64_C(7);
    SimAddr mem = pm_malloc(S->heap, prefix + 8 * size);
    if (!mem) {
        exc_no_memory(S);
        return 0;
    }
    memset(ob_ptr(S, mem), 0, prefix + 8 * size);
    values_prefix(S, mem + prefix)[-1] = (uint8_t)prefix;
    return mem + prefix;
}

Obj instance_new(Sim *S, Obj type)
{
    Obj o = ob_alloc_type(S, type, 0);
    if (!o) return 0;
    SimAddr keys = ob_get64(S, type, TP_KEYS_OFF);
    if (keys) {
        /* init_inline_values: one usable entry less for every new object
         * (while more than one is left), then prefix + 8*size bytes. */
        if (dk_usable(S, keys) > 1) ob_set64(S, keys, DK_USABLE_OFF, (uint64_t)(dk_usable(S, keys) - 1));
        SimAddr values = new_values(S, (uint64_t)(dk_nentries(S, keys) + dk_usable(S, keys)));
        if (!values) {
            ob_decref(S, o, HOLD_TEMP);
            return 0;
        }
        ob_set64(S, VALUES_PTR(o), 0, values);
    }
    gc_track(S, o);
    return o;
}

/* The offset of slot `name` in instances of the type, or 0. */
static uint32_t slot_offset(Sim *S, Obj type, Obj name)
{
    for (Obj t = type; t && (tp_flags(S, t) & TPF_HEAPTYPE); t = ob_get64(S, t, TP_BASE_OFF)) {
        /* only a class with __slots__ has member descriptors of its own */
        Obj names = ob_get64(S, t, TP_SLOTS_OFF);
        if (!names || ob_size(S, names) == 0) continue;
        Obj dict = ob_get64(S, t, TP_DICT_OFF);
        Obj d = dict ? dict_getitem(S, dict, name) : 0;
        if (d && ob_is(S, d, TI_MEMBER_DESCR)) return (uint32_t)ob_get64(S, d, DESCR_WHICH_OFF);
    }
    return 0;
}

uint32_t instance_slot_offset(Sim *S, Obj type, Obj name) { return slot_offset(S, type, name); }

static int no_attribute(Sim *S, Obj o, Obj name)
{
    char tn[64], an[128];
    Obj type = ob_type(S, o);
    str_to_utf8(S, ob_get64(S, type, TP_NAME_OFF), tn, sizeof tn);
    str_to_utf8(S, name, an, sizeof an);
    exc_set(S, EXC_AttributeError, "'%s' object has no attribute '%s'", tn, an);
    return -1;
}

#define DICT_PTR(o) ((o) - 24)       /* the dict* pre-header word */

static Obj dict_of(const Sim *S, Obj o)
{
    return (tp_flags(S, ob_type(S, o)) & TPF_MANAGED_DICT) ? ob_get64(S, DICT_PTR(o), 0) : 0;
}

Obj instance_dict(Sim *S, Obj o)
{
    Obj d = dict_of(S, o);
    if (d) return d;
    SimAddr values = values_of(S, o);
    if (!values && (tp_flags(S, ob_type(S, o)) & TPF_MANAGED_DICT)) {
        /* PyObject_GenericGetDict without inline values (a list
         * subclass's instance: only object_new makes them): a plain new
         * dict, not one sharing the class's keys */
        d = dict_new(S);
        if (!d) return 0;
        ob_set64(S, DICT_PTR(o), 0, d);
        ob_move(S, d, HOLD_TEMP, HOLD_INTERNAL(o, R_INSTANCE_DICT));
        return d;
    }
    if (!values) {
        char tn[64];
        str_to_utf8(S, ob_get64(S, ob_type(S, o), TP_NAME_OFF), tn, sizeof tn);
        return exc_set(S, EXC_AttributeError, "'%s' object has no attribute '__dict__'", tn);
    }
    /* make_dict_from_instance_attributes: the dict takes over the values */
    Obj type = ob_type(S, o);
    d = dict_new_split(S, ob_get64(S, type, TP_KEYS_OFF), values, type);
    if (!d) return 0;
    ob_set64(S, VALUES_PTR(o), 0, 0);
    ob_set64(S, DICT_PTR(o), 0, d);
    ob_move(S, d, HOLD_TEMP, HOLD_INTERNAL(o, R_INSTANCE_DICT));
    return d;
}

/* _PyObject_StoreInstanceAttribute on inline values; DKIX_EMPTY when the
 * shared keys are full and a dict must take over. */
static int64_t store_in_values(Sim *S, Obj o, Obj name, Obj value, int *err)
{
    Obj type = ob_type(S, o);
    SimAddr values = values_of(S, o);
    int64_t ix = dk_insert_str(S, ob_get64(S, type, TP_KEYS_OFF), name, type);
    if (ix == DKIX_EMPTY) return ix;
    Obj old = ob_get64(S, values, 8 * (uint32_t)ix);
    uint8_t *prefix = values_prefix(S, values);
    if (!value && !old) {
        *err = no_attribute(S, o, name);
        return ix;
    }
    if (value) ob_incref(S, value, HOLD(H_ATTR, o, ix, name));
    ob_set64(S, values, 8 * (uint32_t)ix, value);
    if (!old) { /* _PyDictValues_AddToInsertionOrder */
        prefix[-3 - prefix[-2]] = (uint8_t)ix;
        prefix[-2]++;
    } else if (!value) { /* delete_index_from_values */
        int n = prefix[-2], k = 0;
        while (prefix[-3 - k] != (uint8_t)ix) k++;
        for (; k < n - 1; k++) prefix[-3 - k] = prefix[-4 - k];
        prefix[-2]--;
    }
    ob_xdecref(S, old, HOLD(H_ATTR, o, ix, name));
    return ix;
}

void instance_store_known(Sim *S, Obj o, SimAddr values, int64_t ix, Obj name, Obj value)
{
    /* instance_setattr's steps: the name's TEMP reference around it
     * (str_intern finds it interned), then store_in_values' for a value */
    ob_incref(S, name, HOLD_TEMP);
    Obj old = ob_get64(S, values, 8 * (uint32_t)ix);
    uint8_t *prefix = values_prefix(S, values);
    ob_incref(S, value, HOLD(H_ATTR, o, ix, name));
    ob_set64(S, values, 8 * (uint32_t)ix, value);
    if (!old) { /* _PyDictValues_AddToInsertionOrder */
        prefix[-3 - prefix[-2]] = (uint8_t)ix;
        prefix[-2]++;
    }
    ob_xdecref(S, old, HOLD(H_ATTR, o, ix, name));
    ob_decref(S, name, HOLD_TEMP);
}

/* Through the instance's dict; a missing name on delete is an
 * AttributeError, as _PyObjectDict_SetItem reports it. */
static int store_in_dict(Sim *S, Obj o, Obj d, Obj name, Obj value)
{
    if (value) return dict_setitem(S, d, name, value);
    if (dict_delitem(S, d, name) == 0) return 0;
    if (!exc_matches(S, EXC_KeyError)) return -1;
    exc_clear(S);
    return no_attribute(S, o, name);
}

/* new_dict_with_shared_keys: fresh values for every usable entry of the
 * class's keys, then the dict (which owns them).  New reference. */
static Obj new_shared_dict(Sim *S, Obj type)
{
    SimAddr keys = ob_get64(S, type, TP_KEYS_OFF);
    if (!keys) return dict_new(S);
    SimAddr values = new_values(S, (uint64_t)(dk_nentries(S, keys) + dk_usable(S, keys)));
    if (!values) return 0;
    Obj d = dict_new_split(S, keys, values, type);
    if (!d) pm_free(S->heap, values - values_prefix(S, values)[-1]);
    return d;
}

int instance_setattr(Sim *S, Obj o, Obj name, Obj value)
{
    Obj type = ob_type(S, o);
    if (!ob_is(S, name, TI_STR)) {
        exc_set(S, EXC_TypeError, "attribute name must be string");
        return -1;
    }
    ob_incref(S, name, HOLD_TEMP);
    str_intern(S, &name);
    int r = 0;
    uint32_t off = slot_offset(S, type, name);
    if (off) {
        Obj old = ob_get64(S, o, off);
        if (!value && !old) {
            r = no_attribute(S, o, name);
        } else {
            if (value) ob_incref(S, value, HOLD(H_ATTR, o, off, name));
            ob_set64(S, o, off, value);
            ob_xdecref(S, old, HOLD(H_ATTR, o, off, name));
        }
    } else if (dict_of(S, o)) {
        r = store_in_dict(S, o, dict_of(S, o), name, value);
    } else if (values_of(S, o)) {
        if (store_in_values(S, o, name, value, &r) == DKIX_EMPTY) {
            /* the shared keys are full: the attributes move into a dict */
            Obj d = instance_dict(S, o);
            r = d ? store_in_dict(S, o, d, name, value) : -1;
        }
    } else if ((tp_flags(S, type) & TPF_MANAGED_DICT) && value) {
        /* a managed dict but no inline values (a list subclass's
         * instance): _PyObjectDict_SetItem makes the dict, sharing the
         * class's keys */
        Obj d = new_shared_dict(S, type);
        if (d) {
            ob_set64(S, DICT_PTR(o), 0, d);
            ob_move(S, d, HOLD_TEMP, HOLD_INTERNAL(o, R_INSTANCE_DICT));
        }
        r = d ? store_in_dict(S, o, d, name, value) : -1;
    } else {
        r = no_attribute(S, o, name);
    }
    ob_decref(S, name, HOLD_TEMP);
    return r;
}

Obj instance_getattr(Sim *S, Obj o, Obj name)
{
    Obj v = instance_lookup(S, o, name);
    if (!v && !S->exc) no_attribute(S, o, name);
    return v;
}

Obj instance_lookup(Sim *S, Obj o, Obj name)
{
    Obj type = ob_type(S, o);
    uint32_t off = ob_is(S, name, TI_STR) ? slot_offset(S, type, name) : 0;
    Obj v = 0;
    if (off) {
        v = ob_get64(S, o, off);
    } else if (dict_of(S, o)) {
        v = dict_getitem(S, dict_of(S, o), name);
        if (S->exc) return 0;
    } else if (values_of(S, o) && ob_is(S, name, TI_STR)) {
        int64_t ix = dk_lookup_str(S, ob_get64(S, type, TP_KEYS_OFF), name);
        if (ix != DKIX_EMPTY) v = ob_get64(S, values_of(S, o), 8 * (uint32_t)ix);
    }
    return v;
}

/* __del__ as the class (or its nearest base) defines it: borrowed, found
 * without allocating (a dealloc must not disturb the heap). */
static Obj find_del(const Sim *S, Obj type)
{
    Obj mro = ob_get64(S, type, TP_MRO_OFF);
    for (int64_t i = 0; mro && i < ob_size(S, mro); i++) {
        Obj dict = ob_get64(S, tuple_item(S, mro, i), TP_DICT_OFF);
        int64_t pos = 0;
        Obj k, v;
        while (dict && dict_next(S, dict, &pos, &k, &v)) {
            if (!ob_is(S, k, TI_STR) || str_len(S, k) != 7) continue;
            char buf[16];
            str_to_utf8(S, k, buf, sizeof buf);
            if (!strcmp(buf, "__del__")) return v;
        }
    }
    return 0;
}

/* PyObject_CallFinalizerFromDealloc: __del__ runs once per object, with
 * the object resurrected to a count of 1 for the call (held by the
 * finalizer, a root of the ledger).  1 when the call kept it alive. */
static int call_finalizer(Sim *S, Obj o)
{
    Obj type = ob_type(S, o);
    if (!(tp_flags(S, type) & TPF_FINALIZE) || gc_is_finalized(S, o)) return 0;
    if (S->nfinalizing == S->capfinalizing) {
        size_t cap = S->capfinalizing ? S->capfinalizing * 2 : 8;
        struct Finalizing *v = realloc(S->finalizing, cap * sizeof *v);
        if (!v) abort(); /* host out of memory */
        S->finalizing = v;
        S->capfinalizing = cap;
    }
    /* slot_tp_finalize saves the pending exception around the call */
    S->finalizing[S->nfinalizing].o = o;
    S->finalizing[S->nfinalizing++].saved_exc = S->exc;
    S->exc = 0;
    gc_track(S, o);
    ob_set64(S, o, OB_REFCNT_OFF, 1);
    Obj del = find_del(S, type);
    if (del && S->call_hook) S->call_hook(S, del, o);
    exc_clear(S); /* an error in __del__ is reported by the VM, then ignored */
    S->exc = S->finalizing[--S->nfinalizing].saved_exc;
    gc_set_finalized(S, o);
    int64_t rc = ob_refcnt(S, o) - 1;
    ob_set64(S, o, OB_REFCNT_OFF, (uint64_t)rc);
    if (rc != 0) return 1; /* resurrected: it stays, tracked */
    gc_untrack(S, o);
    return 0;
}

/* subtype_dealloc's first part, for instances of every class: the
 * finalizer, the weakrefs (when the class added __weakref__), then the
 * __slots__ members of each class on the chain.  1 when __del__
 * resurrected the object (the dealloc stops there). */
int subtype_dealloc_head(Sim *S, Obj o)
{
    if (call_finalizer(S, o)) return 1;
    weakref_clear_all(S, o);
    subtype_clear_slots(S, o);
    return 0;
}

/* clear_slots for each class on the chain, most derived first. */
void subtype_clear_slots(Sim *S, Obj o)
{
    for (Obj t = ob_type(S, o); t && (tp_flags(S, t) & TPF_HEAPTYPE); t = ob_get64(S, t, TP_BASE_OFF)) {
        Obj dict = ob_get64(S, t, TP_DICT_OFF), names = ob_get64(S, t, TP_SLOTS_OFF);
        for (int64_t i = 0; names && i < ob_size(S, names); i++) {
            Obj d = dict_getitem(S, dict, tuple_item(S, names, i));
            if (!d || !ob_is(S, d, TI_MEMBER_DESCR)) continue;
            uint32_t off = (uint32_t)ob_get64(S, d, DESCR_WHICH_OFF);
            Obj v = ob_get64(S, o, off);
            ob_set64(S, o, off, 0);
            ob_xdecref(S, v, HOLD(H_ATTR, o, off, tuple_item(S, names, i)));
        }
    }
}

/* slot_tp_finalize, as the collector calls it (the caller holds o): the
 * pending exception is saved around __del__, whose errors the VM reports
 * and drops. */
void instance_finalize(Sim *S, Obj o)
{
    Obj saved = S->exc;
    S->exc = 0;
    Obj del = find_del(S, ob_type(S, o));
    if (del && S->call_hook) S->call_hook(S, del, o);
    exc_clear(S);
    S->exc = saved;
}

/* subtype_clear, the collector's tp_clear for instances of classes: the
 * __slots__ members, then the inline values in index order (the values
 * block stays, every slot NULL) or the managed __dict__. */
void instance_clear(Sim *S, Obj o)
{
    subtype_clear_slots(S, o);
    SimAddr values = values_of(S, o);
    Obj d = dict_of(S, o);
    if (values) {
        SimAddr keys = ob_get64(S, ob_type(S, o), TP_KEYS_OFF);
        for (int64_t i = 0; i < dk_nentries(S, keys); i++) {
            Obj v = ob_get64(S, values, 8 * (uint32_t)i);
            ob_set64(S, values, 8 * (uint32_t)i, 0);
            ob_xdecref(S, v, HOLD(H_ATTR, o, i, keys_name(S, keys, i)));
        }
    } else if (d) {
        ob_set64(S, DICT_PTR(o), 0, 0);
        ob_decref(S, d, HOLD_INTERNAL(o, R_INSTANCE_DICT));
    }
}

/* subtype_dealloc: the head above, then the values in index order, the
 * memory, and finally the class. */
void instance_dealloc(Sim *S, Obj o)
{
    if (subtype_dealloc_head(S, o)) return;
    subtype_dealloc_dict(S, o);
    ob_free_object(S, o);
}

void subtype_dealloc_dict(Sim *S, Obj o)
{
    Obj type = ob_type(S, o);
    Obj d = dict_of(S, o);
    SimAddr values = values_of(S, o);
    if (d) {
        ob_set64(S, DICT_PTR(o), 0, 0);
        ob_decref(S, d, HOLD_INTERNAL(o, R_INSTANCE_DICT));
    } else if (values) { /* _PyObject_FreeInstanceAttributes */
        SimAddr keys = ob_get64(S, type, TP_KEYS_OFF);
        for (int64_t i = 0; i < dk_nentries(S, keys); i++) {
            Obj v = ob_get64(S, values, 8 * (uint32_t)i);
            ob_set64(S, values, 8 * (uint32_t)i, 0);
            ob_xdecref(S, v, HOLD(H_ATTR, o, i, keys_name(S, keys, i)));
        }
        pm_free(S->heap, values - values_prefix(S, values)[-1]);
        ob_set64(S, VALUES_PTR(o), 0, 0);
    }
}

/* subtype_traverse's first part: the __slots__ members of each class. */
void subtype_visit_slots(Sim *S, Obj o, RefVisit visit, void *ud)
{
    for (Obj t = ob_type(S, o); t && (tp_flags(S, t) & TPF_HEAPTYPE); t = ob_get64(S, t, TP_BASE_OFF)) {
        Obj dict = ob_get64(S, t, TP_DICT_OFF), names = ob_get64(S, t, TP_SLOTS_OFF);
        for (int64_t i = 0; names && dict && i < ob_size(S, names); i++) {
            Obj d = dict_getitem(S, dict, tuple_item(S, names, i));
            if (!d || !ob_is(S, d, TI_MEMBER_DESCR)) continue;
            uint32_t off = (uint32_t)ob_get64(S, d, DESCR_WHICH_OFF);
            Obj v = ob_get64(S, o, off);
            if (v) {
                Holder hd = HOLD(H_ATTR, o, off, tuple_item(S, names, i));
                visit(S, v, &hd, ud);
            }
        }
    }
}

/* subtype_traverse: slots, the values, then the class. */
void instance_referents(Sim *S, Obj o, RefVisit visit, void *ud)
{
    subtype_visit_slots(S, o, visit, ud);
    subtype_visit_dict_and_type(S, o, visit, ud);
}

void subtype_visit_dict_and_type(Sim *S, Obj o, RefVisit visit, void *ud)
{
    Obj type = ob_type(S, o);
    Obj d = dict_of(S, o);
    SimAddr values = values_of(S, o);
    if (d) {
        Holder hd = HOLD_INTERNAL(o, R_INSTANCE_DICT);
        visit(S, d, &hd, ud);
    } else if (values) {
        SimAddr keys = ob_get64(S, type, TP_KEYS_OFF);
        for (int64_t i = 0; i < dk_nentries(S, keys); i++) {
            Obj v = ob_get64(S, values, 8 * (uint32_t)i);
            if (v) {
                Holder hd = HOLD(H_ATTR, o, i, keys_name(S, keys, i));
                visit(S, v, &hd, ud);
            }
        }
    }
    Holder hd = HOLD_INTERNAL(o, R_OB_TYPE);
    visit(S, type, &hd, ud);
}
