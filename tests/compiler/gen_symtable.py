#!/usr/bin/env python3
"""Expected symbol tables for test_symtable, from CPython 3.11's symtable module.

    PYTHONHASHSEED=0 python3 tests/compiler/gen_symtable.py

Writes tests/data/compiler/symtable/NAME.py (the inputs, below, plus the
corpus programs already copied for the disassembler tests) and NAME.sym:
the walk of symtable.symtable(src) as refscope's symtable_dump prints it
("TYPE NAME LINENO [nested] [opt]", then "  SYMBOL FLAGS" with the raw
flags integer, children indented by 4), or NAME.err for a SyntaxError:
"MSG LINENO OFFSET".
"""
import os
import symtable
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "compiler", "symtable")
DISASM = os.path.join(HERE, "..", "data", "compiler", "disasm")

PROGRAMS = {
    "scopes": """
x = 1
def f(a, b=2, *c, d, **e):
    global x
    y = a
    def g():
        nonlocal y
        y = 3
        return z
    return [i for i in y]
class C:
    k = 1
    def m(self):
        return super().m() + k
""",
    "closures": """
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
def outer(a):
    def mid():
        def inner():
            return a + b
        b = 2
        return inner
    return mid
lam = lambda q, *r: q + len(r) + x
""",
    "comprehensions": """
data = [1, 2, 3]
squares = [v * v for v in data if v > 1]
pairs = {k: w for k in data for w in range(k)}
gen = (p + offset for p in data)
nested = [[j for j in range(i)] for i in data]
def f(seq):
    return {s for s in seq if s in seq}
""",
    "classes": """
class Base:
    count = 0
    __secret = 1
    def __init__(self):
        self.__hidden = Base.count
        Base.count += 1
    def peek(self):
        return self.__hidden, __secret
class Sub(Base):
    def method(self):
        return __class__, super().peek()
    class Inner:
        def deep(self):
            return count
""",
    "imports": """
import os.path
import sys as system
from collections import OrderedDict as OD, deque
def f():
    import json
    from math import pi
    return json, pi, os, system
""",
    "exceptions": """
def g(x):
    try:
        return 1 / x
    except ZeroDivisionError as err:
        return err
    except (TypeError, ValueError):
        raise
    finally:
        del x
""",
    "generators": """
def gen(n):
    for i in range(n):
        yield i
    total = yield
    return total
""",
    "globals": """
def setter():
    global counter, other
    counter = 1
    other = counter
def reader():
    return counter
""",
    "class_free": """
def f():
    x = 1
    class C:
        y = x
        x = 2
        def g(self):
            return x
    return C
""",
    "annotations": """
x: int = 1
y: Y
(z): Z
def f(a: A, /, b: B = 1, *c: C, d: D, **e: E) -> R:
    u: U
    (w): W
    v: V = 1
    self.q: Q
    def g():
        t: u = 0
        return t
class K:
    m: M
    __p: P = 2
    def meth(self, __x: X) -> K: pass
""",
}

ERRORS = {
    "err_dup_arg": "def f(a, a):\n    pass\n",
    "err_global_param": "def f(a):\n    global a\n",
    "err_global_after_use": "def f():\n    print(x)\n    global x\n",
    "err_global_after_assign": "def f():\n    x = 1\n    global x\n",
    "err_nonlocal_module": "nonlocal x\n",
    "err_nonlocal_unbound": "def f():\n    nonlocal q\n",
    "err_nonlocal_param": "def f(a):\n    def g(a):\n        nonlocal a\n",
    "err_yield_listcomp": "def f():\n    return [(yield i) for i in range(3)]\n",
    "err_annotated_global": "def f():\n    global g\n    g: int = 3\n",
    "err_annotated_nonlocal": "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n",
}


def dump(table, indent=0):
    lines = []
    kind = table.get_type()
    extra = (" nested" if table.is_nested() else "") + (" opt" if table.is_optimized() else "")
    lines.append("%*s%s %s %d%s" % (indent, "", kind, table.get_name(), table.get_lineno(), extra))
    for sym in table.get_symbols():
        lines.append("%*s  %s %d" % (indent, "", sym.get_name(), sym._Symbol__flags))
    for child in table.get_children():
        lines.extend(dump(child, indent + 4))
    return lines


def main():
    os.makedirs(OUT, exist_ok=True)
    sources = dict(PROGRAMS)
    for name in sorted(os.listdir(DISASM)):
        if name.startswith("corpus_") and name.endswith(".py"):
            with open(os.path.join(DISASM, name), encoding="utf-8") as f:
                sources[name[:-3]] = f.read()
    sources.update(ERRORS)
    for name, src in sorted(sources.items()):
        src = src.lstrip("\n")
        with open(os.path.join(OUT, name + ".py"), "w", encoding="utf-8") as f:
            f.write(src)
        try:
            table = symtable.symtable(src, name + ".py", "exec")
            with open(os.path.join(OUT, name + ".sym"), "w", encoding="utf-8") as f:
                f.write("\n".join(dump(table)) + "\n")
        except SyntaxError as e:
            with open(os.path.join(OUT, name + ".err"), "w", encoding="utf-8") as f:
                f.write("%s\n%d %d\n" % (e.msg, e.lineno, e.offset))


if __name__ == "__main__":
    main()
