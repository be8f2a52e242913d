/*
 * runtime/containers.h -- the operators, iterators, constructors and
 * methods of list, tuple, dict and set/frozenset, after CPython 3.11's
 * Objects/listobject.c, tupleobject.c, dictobject.c and setobject.c.
 *
 * Conventions (the engine's): arguments are borrowed; a function returning
 * Obj returns a NEW reference held by HOLD_TEMP, or 0 with S->exc set --
 * except where it says "0 without an exception" (NotImplemented for a
 * binary operator or comparison that does not apply, the end of an
 * iterator).  int results are 0/1 (or a count), -1 with S->exc set.
 *
 * Allocation follows CPython's: exact-size results for concatenation,
 * repetition and slices, list_resize's over-allocation for growth,
 * PyType_GenericAlloc (no free list) for list(), dict() and set(), the
 * length hint for list(iterable) and tuple(iterable).
 *
 * Element comparisons go through rt_compare_bool / rt_richcompare (identity
 * first, as PyObject_RichCompareBool); iteration of arbitrary iterables
 * through rt_iter / rt_next; hashing and key lookup through the dict and
 * set primitives of the object layer.
 */
#ifndef ENGINE_RUNTIME_CONTAINERS_H
#define ENGINE_RUNTIME_CONTAINERS_H

#include "objects/object.h"

/* ---- list (list_methods.c) ---- */

/* a + b: TypeError 'can only concatenate list (not "T") to list' when b
 * is not a list.  New reference. */
Obj listop_concat(Sim *S, Obj a, Obj b);
/* l * n (n <= 0 gives []).  New reference. */
Obj listop_repeat(Sim *S, Obj l, int64_t n);
/* l[key], key an int or a slice.  New reference. */
Obj listop_subscript(Sim *S, Obj l, Obj key);
/* l[key] = v, or del l[key] when v is 0.  0 or -1. */
int listop_ass_subscript(Sim *S, Obj l, Obj key, Obj v);
/* a OP b (CMP_*): a new reference to the result (True/False, or what an
 * item's comparison returned), or 0 WITHOUT an exception when b is not a
 * list (NotImplemented). */
Obj listop_richcompare(Sim *S, Obj a, Obj b, int op);
/* l += iterable: l itself (new reference). */
Obj listop_inplace_concat(Sim *S, Obj l, Obj iterable);
/* l *= n: l itself (new reference). */
Obj listop_inplace_repeat(Sim *S, Obj l, int64_t n);
/* v in l: 1, 0, -1. */
int listop_contains(Sim *S, Obj l, Obj v);
/* reversed(l): a list_reverseiterator.  New reference. */
Obj listop_reversed(Sim *S, Obj l);
/* next() of a list_reverseiterator: new reference, 0 without an
 * exception at the end (the iterator drops its list then). */
Obj listrev_next(Sim *S, Obj it);
/* l.sort(key=key, reverse=reverse), key 0 for none: None (new
 * reference). */
Obj listop_sort(Sim *S, Obj l, Obj key, int reverse);

/* ---- tuple (list_methods.c) ---- */

/* t + u: t itself when u is (), u itself when t is () (exact tuples).
 * New reference. */
Obj tupleop_concat(Sim *S, Obj a, Obj b);
/* t * n: t itself for n == 1, () for n <= 0.  New reference. */
Obj tupleop_repeat(Sim *S, Obj t, int64_t n);
/* t[key]: t itself for t[:].  New reference. */
Obj tupleop_subscript(Sim *S, Obj t, Obj key);
/* as listop_richcompare, for tuples. */
Obj tupleop_richcompare(Sim *S, Obj a, Obj b, int op);
int tupleop_contains(Sim *S, Obj t, Obj v);

/* ---- dict (dict_methods.c) ---- */

/* d[key]: KeyError(key) when absent.  New reference. */
Obj dictop_subscript(Sim *S, Obj d, Obj key);
/* d[key] = v, or del d[key] when v is 0 (KeyError(key)).  0 or -1. */
int dictop_ass_subscript(Sim *S, Obj d, Obj key, Obj v);
/* a == b / a != b between dicts; 0 WITHOUT an exception for other
 * operators or when b is not a dict (NotImplemented).  New reference. */
Obj dictop_richcompare(Sim *S, Obj a, Obj b, int op);
int dictop_contains(Sim *S, Obj d, Obj key);
/* iter(d): a dict_keyiterator.  New reference. */
Obj dictop_iter(Sim *S, Obj d);
/* d.keys() / d.values() / d.items(): kind TI_DICT_KEYS, TI_DICT_VALUES or
 * TI_DICT_ITEMS.  New reference. */
Obj dictop_view(Sim *S, Obj d, TypeId kind);
/* iter(view): the iterator of the view's kind.  New reference. */
Obj dictview_iter(Sim *S, Obj view);
/* len(view). */
int64_t dictview_len(Sim *S, Obj view);
/* next() of any dict iterator: new reference, 0 without an exception at
 * the end; RuntimeError "dictionary changed size during iteration". */
Obj dictiter_next(Sim *S, Obj it);
/* next() of a dict_reverse*iterator (dictreviter_iternext). */
Obj dictreviter_next(Sim *S, Obj it);
/* What is left of a dict iterator (dictiter_len). */
int64_t dictiter_len(Sim *S, Obj it);
/* dict.__reversed__() and the keys/values/items views': a
 * dict_reverse{key,value,item}iterator.  New reference. */
Obj dictop_reversed(Sim *S, Obj o);
/* (key, value) in d.items(): 1, 0, -1. */
int dictitems_contains(Sim *S, Obj view, Obj item);
/* dictview_richcompare: a keys or items view against a set, frozenset or
 * such a view, as sets (==, !=, <, <=, >, >= through all_contained_in);
 * 0 WITHOUT an exception when other is none of them.  New reference. */
Obj dictview_richcompare(Sim *S, Obj self, Obj other, int op);
/* d1 | d2: a new dict; 0 WITHOUT an exception unless both are dicts.
 * New reference. */
Obj dictop_or(Sim *S, Obj a, Obj b);
/* d1 |= x (x a dict, a mapping or an iterable of pairs): d1 itself.
 * New reference. */
Obj dictop_ior(Sim *S, Obj a, Obj b);
/* dict.update's argument (dict_update_arg): a dict, a mapping with keys(),
 * or an iterable of pairs.  0 or -1. */
int dictop_update_arg(Sim *S, Obj d, Obj arg);

/* ---- set and frozenset (set_methods.c) ---- */

/* a OP b for BINARY_OP's oparg: 1 &, 7 |, 10 -, 12 ^ and the in-place
 * 14 &=, 20 |=, 23 -=, 25 ^= (the in-place ones return a itself when a is
 * a set).  0 WITHOUT an exception when either is not a set or frozenset.
 * New reference. */
Obj setop_binop(Sim *S, Obj a, Obj b, int op);
/* ==, !=, <, <=, >, >= between sets/frozensets (subset tests); 0 WITHOUT
 * an exception when b is not one.  New reference. */
Obj setop_richcompare(Sim *S, Obj a, Obj b, int op);
/* iter(s): a set_iterator.  New reference. */
Obj setop_iter(Sim *S, Obj s);
/* next(): new reference, 0 without an exception at the end;
 * RuntimeError "Set changed size during iteration". */
Obj setiter_next(Sim *S, Obj it);

/* PySet_New(iterable), iterable 0 for an empty set: a new set filled as
 * set_update_internal fills one (a set or frozenset merged, an exact
 * dict's keys with their stored hashes, anything else iterated).  New
 * reference. */
Obj setop_new(Sim *S, Obj iterable);
/* _PySet_Update(so, other): set_update_internal, as above.  0 or -1. */
int setop_update(Sim *S, Obj so, Obj other);
/* PyObject_CallMethodOneArg(so, NAME, arg) for a method of set or
 * frozenset (intersection, difference_update, ...): the C method called
 * unbound with one argument, in its own convention (a METH_VARARGS one
 * packs arg into a tuple first).  The method's result, a new reference,
 * or 0 with an exception. */
Obj setop_call_method(Sim *S, Obj so, const char *name, Obj arg);

/* ---- dict views as sets (dict_methods.c) ---- */

/* The number slots of dict_keys and dict_items (dictviews_and -- that is
 * _PyDictView_Intersect -- dictviews_or, dictviews_sub, dictviews_xor)
 * for BINARY_OP's oparg `op` (an in-place one acts as its plain form:
 * the views have no in-place slots).  Either operand may be the view, as
 * either slot of binary_op1 may be the view's; the other may be any
 * iterable.  0 WITHOUT an exception when neither a nor b is a keys or
 * items view, or op is not one of & | - ^.  New reference (a set). */
Obj dictview_binop(Sim *S, Obj a, Obj b, int op);

/* ---- constructors: TYPE(args...) for the built-in types ---- */

Obj cf_new_list(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
/* del l[lo:hi] (list_ass_slice with NULL): 0 or -1. */
int listop_del_slice(Sim *S, Obj l, int64_t lo, int64_t hi);
/* list.__init__ (a CFunc: self, then at most one iterable): None, a new
 * reference, or 0 with an exception. */
Obj cf_list_init(Sim *S, Obj self, const Obj *args, int64_t nargs, Obj kwnames);
Obj cf_new_tuple(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
Obj cf_new_dict(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
Obj cf_new_set(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);
Obj cf_new_frozenset(Sim *S, Obj type, const Obj *args, int64_t nargs, Obj kwnames);

/* ---- helpers shared by the container files ---- */

/* PyObject_LengthHint(o, deflt): len(o) when o has a length, else its
 * __length_hint__, else deflt; -1 with an exception. */
int64_t cont_length_hint(Sim *S, Obj o, int64_t deflt);
/* PySequence_Fast(o, msg): o itself (new reference) for an exact list or
 * tuple, else list(o); a TypeError(msg) replaces "not iterable" errors
 * when msg is not NULL.  New reference. */
Obj cont_seq_fast(Sim *S, Obj o, const char *msg);
/* PyNumber_AsSsize_t(o, IndexError/OverflowError): 0 or -1 with
 * TypeError "'T' object cannot be interpreted as an integer". */
int cont_index(Sim *S, Obj o, int64_t *out);
/* S->none, a new reference (what mutating methods return). */
Obj cont_none(Sim *S);
/* True or False, a new reference. */
Obj cont_bool(Sim *S, int v);

#endif /* ENGINE_RUNTIME_CONTAINERS_H */
