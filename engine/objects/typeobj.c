/* typeobj.c -- see typeobj.h. */
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/list.h"
#include "objects/weakref.h"
#include "compiler/lexer.h" /* the XID classes of PyUnicode_IsIdentifier */

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

/* type_traverse's order (dict, mro, bases, base), then what it skips. */
static const ObField type_fields[] = {
    {TP_DICT_OFF, R_TYPE_DICT},         {TP_MRO_OFF, R_TYPE_MRO},
    {TP_BASES_OFF, R_TYPE_BASES},       {TP_BASE_OFF, R_TYPE_BASE},
    {TP_NAME_OFF, R_TYPE_NAME},         {TP_QUALNAME_OFF, R_TYPE_QUALNAME},
    {TP_SLOTS_OFF, R_TYPE_SLOTS},       {TP_SUBCLASSES_OFF, R_TYPE_SUBCLASSES},
};

/* type_dealloc's order; the shared keys follow. */
static const ObField type_dealloc_fields[] = {
    {TP_BASE_OFF, R_TYPE_BASE},         {TP_DICT_OFF, R_TYPE_DICT},
    {TP_BASES_OFF, R_TYPE_BASES},       {TP_MRO_OFF, R_TYPE_MRO},
    {TP_SUBCLASSES_OFF, R_TYPE_SUBCLASSES},
    {TP_NAME_OFF, R_TYPE_NAME},         {TP_QUALNAME_OFF, R_TYPE_QUALNAME},
    {TP_SLOTS_OFF, R_TYPE_SLOTS},
};


/* d[key] (borrowed), or 0; *found_key (when asked) the key object.
 * Compared on the host: CPython looks these names up with its static
 * strings, so a str made for the lookup would be an allocation (and
 * events) CPython does not have. */
static Obj dict_get_cstr_key(const Sim *S, Obj d, const char *key, Obj *found_key)
{
    int64_t pos = 0;
    Obj k, v;
    while (dict_next(S, d, &pos, &k, &v)) {
        if (!ob_is(S, k, TI_STR) || !str_equals_ascii(S, k, key)) continue;
        if (found_key) *found_key = k;
        return v;
    }
    return 0;
}

static Obj dict_get_cstr(Sim *S, Obj d, const char *key) { return dict_get_cstr_key(S, d, key, NULL); }


/* PyUnicode_IsIdentifier, with the lexer's XID classes. */
static int is_identifier(const Sim *S, Obj s)
{
    int64_t n = str_len(S, s);
    if (n == 0) return 0;
    uint32_t c = str_char(S, s, 0);
    if (c != '_' && lex_unicode_class(c) != LEXU_XID_START) return 0;
    for (int64_t i = 1; i < n; i++) {
        LexUniClass k = lex_unicode_class(str_char(S, s, i));
        if (k != LEXU_XID_START && k != LEXU_XID_CONTINUE) return 0;
    }
    return 1;
}

/* _Py_Mangle(class name, slot): "__x" becomes "_C__x", a new str;
 * otherwise the slot itself.  New reference. */
static Obj mangle(Sim *S, Obj cls_name, Obj ident)
{
    int64_t n = str_len(S, ident), p = str_len(S, cls_name), skip = 0;
    int dunder_end = n >= 2 && str_char(S, ident, n - 1) == '_' && str_char(S, ident, n - 2) == '_';
    int dotted = 0;
    for (int64_t i = 0; i < n; i++) dotted |= str_char(S, ident, i) == '.';
    while (skip < p && str_char(S, cls_name, skip) == '_') skip++;
    if (n < 2 || str_char(S, ident, 0) != '_' || str_char(S, ident, 1) != '_' || dunder_end || dotted ||
        skip == p) {
        ob_incref(S, ident, HOLD_TEMP);
        return ident;
    }
    uint32_t maxchar = 0x7f;
    for (int64_t i = 0; i < n; i++)
        if (str_char(S, ident, i) > maxchar) maxchar = str_char(S, ident, i);
    for (int64_t i = skip; i < p; i++)
        if (str_char(S, cls_name, i) > maxchar) maxchar = str_char(S, cls_name, i);
    Obj r = str_new(S, maxchar, 1 + (p - skip) + n);
    if (!r) return 0;
    int64_t k = 0;
    str_set_char(S, r, k++, '_');
    for (int64_t i = skip; i < p; i++) str_set_char(S, r, k++, str_char(S, cls_name, i));
    for (int64_t i = 0; i < n; i++) str_set_char(S, r, k++, str_char(S, ident, i));
    return r;
}

/* Code-point order, as list.sort compares strs. */
static int str_order(const Sim *S, Obj a, Obj b)
{
    int64_t na = str_len(S, a), nb = str_len(S, b);
    for (int64_t i = 0; i < na && i < nb; i++) {
        uint32_t x = str_char(S, a, i), y = str_char(S, b, i);
        if (x != y) return x < y ? -1 : 1;
    }
    return na < nb ? -1 : na > nb;
}

/* type_new_get_slots, _visit_slots and _copy_slots: the class dict's
 * __slots__ as a tuple (a str packed into a new one, a list copied into
 * one, a tuple itself); each item a str and an identifier, "__dict__"
 * and "__weakref__" only where the base has neither (they set *add_dict
 * and *add_weak and are left out); the others mangled, checked against
 * the class variables, sorted in a new list that becomes ht_slots, a new
 * tuple: the members' offsets follow that order.  Without __slots__: 0
 * and *has_slots 0; 0 with an exception on error. */
static Obj slot_names(Sim *S, Obj cls_name, Obj dict, int may_add_dict, int may_add_weak, int *has_slots,
                      int *add_dict, int *add_weak)
{
    *add_dict = *add_weak = 0;
    Obj spec = dict_get_cstr(S, dict, "__slots__");
    *has_slots = spec != 0;
    if (!spec) return 0;
    Obj slots;
    if (ob_is(S, spec, TI_STR)) {
        slots = tuple_pack(S, 1, &spec);
    } else if (ob_is(S, spec, TI_TUPLE)) {
        ob_incref(S, spec, HOLD_TEMP);
        slots = spec;
    } else if (ob_is(S, spec, TI_LIST)) { /* PySequence_Tuple: PyList_AsTuple */
        slots = tuple_new(S, list_len(S, spec));
        for (int64_t i = 0; slots && i < list_len(S, spec); i++) {
            ob_incref(S, list_get(S, spec, i), HOLD_TEMP);
            tuple_set_item(S, slots, i, list_get(S, spec, i));
        }
    } else {
        return exc_set(S, EXC_TypeError,
                       "__slots__ other than a str, a tuple or a list is not part of refscope's subset");
    }
    if (!slots) return 0;
    int64_t n = ob_size(S, slots);
    Obj list = 0;
    for (int64_t i = 0; i < n; i++) {
        Obj s = tuple_item(S, slots, i);
        if (!ob_is(S, s, TI_STR)) {
            char tn[64];
            exc_set(S, EXC_TypeError, "__slots__ items must be strings, not '%s'",
                    ob_type_name(S, s, tn, sizeof tn));
            goto fail;
        }
        if (!is_identifier(S, s)) {
            exc_set(S, EXC_TypeError, "__slots__ must be identifiers");
            goto fail;
        }
        if (str_equals_ascii(S, s, "__dict__")) {
            if (!may_add_dict || *add_dict) {
                exc_set(S, EXC_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail;
            }
            (*add_dict)++;
        }
        if (str_equals_ascii(S, s, "__weakref__")) {
            if (!may_add_weak || *add_weak) {
                exc_set(S, EXC_TypeError,
                        "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                goto fail;
            }
            (*add_weak)++;
        }
    }
    list = list_new(S, n - *add_dict - *add_weak);
    if (!list) goto fail;
    int64_t j = 0;
    for (int64_t i = 0; i < n; i++) {
        Obj s = tuple_item(S, slots, i);
        if ((*add_dict && str_equals_ascii(S, s, "__dict__")) || (*add_weak && str_equals_ascii(S, s, "__weakref__"))) continue;
        Obj m = mangle(S, cls_name, s);
        if (!m) goto fail;
        list_set_new(S, list, j++, m);
        Obj clash = dict_getitem(S, dict, m);
        if (S->exc) goto fail;
        if (clash && !str_equals_ascii(S, m, "__qualname__") && !str_equals_ascii(S, m, "__classcell__")) {
            char buf[128];
            str_to_utf8(S, m, buf, sizeof buf);
            exc_set(S, EXC_ValueError, "'%s' in __slots__ conflicts with class variable", buf);
            goto fail;
        }
    }
    /* PyList_Sort: an insertion sort here; no allocation there either */
    for (int64_t i = 1; i < j; i++) {
        Obj v = list_get(S, list, i);
        int64_t k = i;
        for (; k > 0 && str_order(S, list_get(S, list, k - 1), v) > 0; k--)
            list_put(S, list, k, list_get(S, list, k - 1));
        list_put(S, list, k, v);
    }
    Obj names = tuple_new(S, j); /* PyList_AsTuple */
    for (int64_t i = 0; names && i < j; i++) {
        ob_incref(S, list_get(S, list, i), HOLD_TEMP);
        tuple_set_item(S, names, i, list_get(S, list, i));
    }
    ob_decref(S, list, HOLD_TEMP);
    ob_decref(S, slots, HOLD_TEMP);
    return names;
fail:
    ob_xdecref(S, list, HOLD_TEMP);
    ob_decref(S, slots, HOLD_TEMP);
    return 0;
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

/* ---- tp_subclasses ---- */

/* add_subclass: base's table gets {id(type): weakref.ref(type)}.  A heap
 * base's table is a dict made for its first subclass (then the key, then
 * the weakref, as CPython orders them); a static base's is the host list
 * S->static_subs, whose entries the static type holds.  0, or -1 with an
 * exception. */
static int add_subclass(Sim *S, Obj base, Obj type)
{
    int heap = (tp_flags(S, base) & TPF_HEAPTYPE) != 0;
    Obj dict = heap ? ob_get64(S, base, TP_SUBCLASSES_OFF) : 0;
    if (heap && !dict) {
        dict = dict_new(S);
        if (!dict) return -1;
        ob_set_field(S, base, TP_SUBCLASSES_OFF, R_TYPE_SUBCLASSES, dict);
    }
    Obj key = int_from_i64(S, (int64_t)type); /* PyLong_FromVoidPtr */
    if (!key) return -1;
    Obj ref = weakref_new(S, type, 0);
    if (!ref) {
        ob_decref(S, key, HOLD_TEMP);
        return -1;
    }
    int r = 0;
    if (heap) {
        r = dict_setitem(S, dict, key, ref);
        ob_decref(S, ref, HOLD_TEMP);
        ob_decref(S, key, HOLD_TEMP);
        return r;
    }
    if (S->nstatic_subs == S->capstatic_subs) {
        size_t cap = S->capstatic_subs ? 2 * S->capstatic_subs : 16;
        struct StaticSub *v = realloc(S->static_subs, cap * sizeof *v);
        if (!v) {
            ob_decref(S, ref, HOLD_TEMP);
            ob_decref(S, key, HOLD_TEMP);
            exc_no_memory(S);
            return -1;
        }
        S->static_subs = v;
        S->capstatic_subs = cap;
    }
    S->static_subs[S->nstatic_subs++] = (struct StaticSub){base, key, ref};
    ob_move(S, key, HOLD_TEMP, HOLD_INTERNAL(base, R_TYPE_SUBCLASSES));
    ob_move(S, ref, HOLD_TEMP, HOLD_INTERNAL(base, R_TYPE_SUBCLASSES));
    return 0;
}

/* remove_subclass, from type_dealloc: the entry goes (PyDict_DelItem with
 * a new id key: the stored key, then the weakref); a heap base's emptied
 * dict goes too. */
static void remove_subclass(Sim *S, Obj base, Obj type)
{
    int heap = (tp_flags(S, base) & TPF_HEAPTYPE) != 0;
    Obj dict = heap ? ob_get64(S, base, TP_SUBCLASSES_OFF) : 0;
    if (heap && !dict) return;
    Obj key = int_from_i64(S, (int64_t)type);
    if (!key) {
        exc_clear(S);
        return;
    }
    if (heap) {
        if (dict_delitem(S, dict, key)) exc_clear(S); /* never added: type creation failed */
        ob_decref(S, key, HOLD_TEMP);
        if (ob_size(S, dict) == 0) { /* ma_used */
            ob_set64(S, base, TP_SUBCLASSES_OFF, 0);
            ob_decref(S, dict, HOLD_INTERNAL(base, R_TYPE_SUBCLASSES));
        }
        return;
    }
    Holder hd = HOLD_INTERNAL(base, R_TYPE_SUBCLASSES);
    for (size_t i = 0; i < S->nstatic_subs; i++) {
        struct StaticSub e = S->static_subs[i];
        int64_t id;
        if (e.base != base || int_as_i64(S, e.key, &id) != 0 || id != (int64_t)type) continue;
        S->static_subs[i] = S->static_subs[--S->nstatic_subs]; /* order is not modelled */
        ob_decref(S, e.key, hd);
        ob_decref(S, e.ref, hd);
        break;
    }
    ob_decref(S, key, HOLD_TEMP);
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
    /* type_new_init: the namespace is copied before anything else */
    Obj dict = dict_copy(S, ns);
    if (!dict) {
        ob_xdecref(S, own_bases, HOLD_TEMP);
        return 0;
    }
    /* What the base already has is inherited, not added: an exception's
     * dict is BaseException's own field (tp_dictoffset 16). */
    int base_dict = (tp_flags(S, base) & TPF_MANAGED_DICT) != 0 || is_exc;
    int base_weak = ob_get64(S, base, TP_WEAKLISTOFFSET_OFF) != 0;
    int has_slots, add_dict, add_weak;
    Obj slots = slot_names(S, name, dict, !base_dict, !base_weak, &has_slots, &add_dict, &add_weak);
    if (has_slots && !slots) goto fail_slots;
    if (!has_slots) { /* type_new_slots: what the base lacks */
        add_dict = !base_dict;
        add_weak = !base_weak;
    }
    int64_t nslots = slots ? ob_size(S, slots) : 0;
    uint32_t basicsize = ob_get32(S, base, TP_BASICSIZE_OFF) + 8 * (uint32_t)nslots;
    if (add_weak) basicsize += 8;

    Obj type = ob_alloc_type(S, S->types[TI_TYPE].type, nslots + 1);
    if (!type) goto fail_slots;
    gc_track(S, type); /* PyType_GenericAlloc tracks it at once */
    ob_set_size(S, type, nslots);
    uint32_t flags = TPF_HEAPTYPE | TPF_GC | TPF_BASETYPE;
    if ((add_dict || base_dict) && !is_exc) flags |= TPF_MANAGED_DICT;
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
        char buf[128];
        str_to_utf8(S, tuple_item(S, names, i), buf, sizeof buf);
        Obj d = descr_new(S, TI_MEMBER_DESCR, type, buf, off);
        if (!d) goto fail;
        /* add_members: keyed by the descriptor's (interned) name */
        int r = dict_setitem(S, dict, ob_get64(S, d, DESCR_NAME_OFF), d);
        ob_decref(S, d, HOLD_TEMP);
        if (r) goto fail;
        off += 8;
    }
    static const char *const getsets[] = {"__dict__", "__weakref__"};
    int adds[2] = {add_dict, add_weak};
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
    if (add_subclass(S, base, type)) goto fail;
    if (flags & TPF_MANAGED_DICT) {
        SimAddr keys = dk_new_shared(S);
        if (!keys) {
            exc_no_memory(S);
            goto fail;
        }
        ob_set64(S, type, TP_KEYS_OFF, keys);
    }
    return type;
fail:
    ob_decref(S, type, HOLD_TEMP);
    return 0;
fail_slots:
    ob_xdecref(S, slots, HOLD_TEMP);
    ob_decref(S, dict, HOLD_TEMP);
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

/* type_dealloc: out of its bases' tp_subclasses, its weakrefs cleared,
 * then its fields. */
void type_dealloc(Sim *S, Obj type)
{
    S->vm.type_epoch++; /* the VM's type-attribute cache */
    Obj bases = ob_get64(S, type, TP_BASES_OFF);
    for (int64_t i = 0; bases && i < ob_size(S, bases); i++)
        remove_subclass(S, tuple_item(S, bases, i), type);
    weakref_clear_all(S, type);
    ob_clear_fields(S, type, type_dealloc_fields, N_FIELDS(type_dealloc_fields));
    release_keys(S, type);
    ob_free_memory(S, type);
}

/* Static types hold, for the ledger, only their subclasses' entries: they
 * are never freed, and their references to bases are part of their static
 * counts. */
void type_referents(Sim *S, Obj type, RefVisit visit, void *ud)
{
    if (!(tp_flags(S, type) & TPF_HEAPTYPE)) {
        Holder hd = HOLD_INTERNAL(type, R_TYPE_SUBCLASSES);
        for (size_t i = 0; i < S->nstatic_subs; i++) {
            if (S->static_subs[i].base != type) continue;
            visit(S, S->static_subs[i].key, &hd, ud);
            visit(S, S->static_subs[i].ref, &hd, ud);
        }
        return;
    }
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
