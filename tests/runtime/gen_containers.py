#!/usr/bin/env python3
"""Expectations for tests/unit/test_rt_containers.c, from CPython 3.11.

Run: PYTHONHASHSEED=0 python3 tests/runtime/gen_containers.py > tests/data/runtime/containers.txt

Each line: NAME SIZE REPR -- sys.getsizeof of the case's result and its
repr (ints, strs, lists, tuples, dicts, sets only).  The C test builds the
same value with the engine's functions, case by case."""
import sys

def r(*a):
    return list(range(*a))

def case_list_append():
    l = []
    for i in range(17):
        l.append(i)
    return l

def case_insert():
    l = r(5)
    l.insert(2, 99); l.insert(-100, 7); l.insert(100, 8)
    return l

def case_ass_slice():
    l = r(10); l[2:5] = [9] * 7; return l

def case_ass_slice_shrink():
    l = r(30); l[2:25] = (1, 2); return l

def case_del_slice():
    l = r(20); del l[3:15]; return l

def case_del_ext():
    l = r(20); del l[::3]; return l

def case_del_ext_neg():
    l = r(20); del l[::-4]; return l

def case_ass_ext():
    l = r(10); l[::2] = [7, 7, 7, 7, 7]; return l

def case_ass_self():
    l = r(6); l[1:3] = l; return l

def case_iadd():
    l = [1, 2, 3]; l += (4, 5, 6, 7, 8); return l

def case_iadd_self():
    l = r(5); l += l; return l

def case_imul():
    l = [1, 2, 3]; l *= 5; return l

def case_imul0():
    l = [1, 2, 3]; l *= 0; return l

def case_sort():
    l = [5, 3, 8, 1, 9, 2, 7]; l.sort(); return l

def case_sort_rev():
    l = [5, 3, 8, 1, 9, 2, 7, 3]; l.sort(reverse=True); return l

def case_sort_big():
    l = [(i * 7919) % 1000 for i in range(300)]; l.sort(); return l

def case_sort_runs():
    l = r(100) + r(50)[::-1] + r(70); l.sort(); return l

def case_pop_mid():
    l = r(10); l.pop(3); return l

def case_pop_last():
    l = r(9); l.pop(); return l

def case_remove():
    l = r(10); l.remove(4); return l

def case_clear():
    l = r(9); l.clear(); return l

def case_reverse():
    l = r(7); l.reverse(); return l

def case_extend_tuple():
    l = r(3); l.extend((1, 2, 3, 4, 5, 6)); return l

def case_dict_update_many():
    d = {}; d.update([(i, i) for i in range(20)]); return d

def case_dict_setdefault():
    d = {1: 2}; d.setdefault(3, 4); d.setdefault(1, 5); return d

def case_dict_pop():
    d = dict.fromkeys(range(10)); d.pop(3); return d

def case_set_iand():
    s = set(r(20)); s &= set(range(10, 30)); return s

def case_set_isub():
    s = set(r(20)); s -= set(range(5, 15)); return s

def case_set_ixor():
    s = set(r(10)); s ^= set(range(5, 15)); return s

def case_set_ior():
    s = set(r(3)); s |= set(range(30)); return s

def case_set_diff_upd():
    s = set(r(40)); s.difference_update(r(35)); return s

def case_set_inter_upd():
    s = set(r(40)); s.intersection_update(r(5, ) + [39]); return s

CASES = [
    ("concat", lambda: r(3) + [3, 4]),
    ("concat_empty", lambda: [] + []),
    ("repeat", lambda: [1, 2] * 3),
    ("repeat0", lambda: [1, 2] * 0),
    ("repeat_one", lambda: [7] * 9),
    ("slice", lambda: r(10)[2:7]),
    ("slice_ext", lambda: r(10)[::3]),
    ("slice_neg", lambda: r(10)[::-2]),
    ("slice_empty", lambda: r(10)[7:2]),
    ("list_of_list", lambda: list(r(5))),
    ("list_of_list7", lambda: list(r(7))),
    ("list_of_tuple", lambda: list((1, 2, 3))),
    ("list_of_set", lambda: list({1, 2, 3, 4, 5})),
    ("list_of_dict", lambda: list({1: 2, 3: 4, 5: 6})),
    ("list_append", case_list_append),
    ("insert", case_insert),
    ("ass_slice", case_ass_slice),
    ("ass_slice_shrink", case_ass_slice_shrink),
    ("del_slice", case_del_slice),
    ("del_ext", case_del_ext),
    ("del_ext_neg", case_del_ext_neg),
    ("ass_ext", case_ass_ext),
    ("ass_self", case_ass_self),
    ("iadd", case_iadd),
    ("iadd_self", case_iadd_self),
    ("imul", case_imul),
    ("imul0", case_imul0),
    ("sort", case_sort),
    ("sort_rev", case_sort_rev),
    ("sort_big", case_sort_big),
    ("sort_runs", case_sort_runs),
    ("pop_mid", case_pop_mid),
    ("pop_last", case_pop_last),
    ("remove", case_remove),
    ("copy", lambda: r(9).copy()),
    ("clear", case_clear),
    ("reverse", case_reverse),
    ("extend_tuple", case_extend_tuple),
    ("tuple_concat", lambda: (1, 2) + (3,)),
    ("tuple_repeat", lambda: (1, 2) * 3),
    ("tuple_slice", lambda: tuple(r(10))[1:8:2]),
    ("tuple_of_list", lambda: tuple([1, 2, 3])),
    ("tuple_of_set", lambda: tuple({5, 6, 7, 8})),
    ("dict_kw", lambda: dict(a=1, b=2)),
    ("dict_pairs", lambda: dict([(1, 2), (3, 4)])),
    ("dict_of_dict", lambda: dict({1: 2, 3: 4})),
    ("dict_update_many", case_dict_update_many),
    ("dict_or", lambda: {1: 2, 5: 6} | {3: 4, 1: 9}),
    ("fromkeys", lambda: dict.fromkeys(r(10))),
    ("fromkeys_dict", lambda: dict.fromkeys({'a': 1, 'b': 2}, 0)),
    ("fromkeys_set", lambda: dict.fromkeys(set(r(12)))),
    ("dict_setdefault", case_dict_setdefault),
    ("dict_pop", case_dict_pop),
    ("dict_copy", lambda: dict.fromkeys(r(10)).copy()),
    ("set_list", lambda: set(r(5))),
    ("set_and", lambda: set(r(20)) & set(range(10, 30))),
    ("set_or", lambda: set(r(5)) | set(range(3, 12))),
    ("set_sub", lambda: set(r(20)) - set(range(5, 15))),
    ("set_sub_small", lambda: set(r(40)) - {1, 2}),
    ("set_xor", lambda: set(r(10)) ^ set(range(5, 15))),
    ("frozen_or", lambda: frozenset(r(5)) | set(range(3, 12))),
    ("set_iand", case_set_iand),
    ("set_isub", case_set_isub),
    ("set_ixor", case_set_ixor),
    ("set_ior", case_set_ior),
    ("set_union_m", lambda: set(r(3)).union(r(6), (10, 11))),
    ("set_inter_m", lambda: set(r(30)).intersection(r(20), r(10, 25))),
    ("set_diff_m", lambda: set(r(30)).difference(r(5), r(20, 40))),
    ("set_symdiff", lambda: set(r(10)).symmetric_difference(r(5, 15))),
    ("set_diff_upd", case_set_diff_upd),
    ("set_inter_upd", case_set_inter_upd),
]

for name, fn in CASES:
    v = fn()
    print(name, sys.getsizeof(v), repr(v).replace(" ", ""))
