#!/usr/bin/env python3
"""Expected sys.getsizeof values for test_obj_callables, from CPython 3.11.

    PYTHONHASHSEED=0 python3 tests/objects/gen_callables.py > tests/data/objects/callables.txt
"""
import sys
import types

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"


def f():
    pass


def outer():
    x = 1

    def inner():
        return x
    return inner


class C:
    def m(self):
        pass


facts = {
    "function": sys.getsizeof(f),
    "cell": sys.getsizeof(outer().__closure__[0]),
    "method": sys.getsizeof(C().m),
    "module": sys.getsizeof(types.ModuleType("m")),
    "range": sys.getsizeof(range(10)),
    "list_iterator": sys.getsizeof(iter([])),
    "tuple_iterator": sys.getsizeof(iter(())),
    "range_iterator": sys.getsizeof(iter(range(3))),
    "object": sys.getsizeof(object()),
    "NotImplemented": sys.getsizeof(NotImplemented),
    "Ellipsis": sys.getsizeof(...),
    "builtin": sys.getsizeof(len),
    "exception": sys.getsizeof(ValueError("x")),
}
for name, size in facts.items():
    print(f"size {name} {size}")
# generators: 168 + 8 * (co_nlocalsplus + co_stacksize), GC head included
for src, args in [("yield 1", ""), ("x = a\n    yield x", "a"), ("for i in range(a): yield i * b", "a, b")]:
    ns = {}
    exec(f"def g({args}):\n    {src}\n", ns)
    co = ns["g"].__code__
    gen = ns["g"](*range(len(co.co_varnames[:co.co_argcount])))
    print(f"generator {co.co_nlocals + len(co.co_cellvars) + len(co.co_freevars)},{co.co_stacksize} {sys.getsizeof(gen)}")
# code objects: __sizeof__ is basicsize + 2 bytes per code unit, rounded to 8
for src in ["pass", "return 1", "x = 1\n    return x", "return [1, 2, 3]"]:
    ns = {}
    exec(f"def g():\n    {src}\n", ns)
    co = ns["g"].__code__
    print(f"code_units {len(co.co_code) // 2} {sys.getsizeof(co)}")
