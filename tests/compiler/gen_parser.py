#!/usr/bin/env python3
"""Expected data for test_parser, asked of CPython 3.11.7 itself.

    python3 tests/compiler/gen_parser.py      # rewrites tests/data/compiler/parser/

For every case it writes the source, tests/data/compiler/parser/NAME.py, and
next to it either
  NAME.ast  ast.dump(ast.parse(source))            (a good source), and
  NAME.pos  the nodes in a pre-order walk (ast.iter_child_nodes order, which
            is the order of each node class's _fields), one per line:
            "depth Kind lineno col end_lineno end_col", or just "depth Kind"
            for arguments and comprehension (no positions);
            expr_context, operator and the other singleton nodes are skipped;
or
  NAME.err  the error `python3 NAME.py` reports (file input, as refscope's
            users run their programs), taken by a sitecustomize hook:
                type T / msg M / lineno N / offset N / end_lineno N /
                end_offset N / text ESCAPED (or None)
            then a line "stderr" followed by exactly what python3 printed on
            stderr for the error (its absolute file name replaced by NAME.py).

Sources outside refscope's subset (with, async, await, match, :=,
yield from, except*, \\N{...} escapes) are valid Python: this
script checks that CPython accepts them, and writes the SyntaxError refscope
reports instead -- its own message, at the construct -- with the stderr text
made by CPython's own printer (an uncaught SyntaxError with those
attributes).

MANIFEST lists every case, one name per line.  TEXT escaping: \\\\ \\n \\r
\\t and \\xNN for other control bytes; UTF-8 kept.
"""
import ast
import json
import os
import subprocess
import sys
import tempfile
import warnings

assert sys.version_info[:3] == (3, 11, 7), "needs CPython 3.11.7"
sys.setrecursionlimit(100000)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "compiler", "parser")

GOOD = {}
BAD = {}
UNSUP = {}


def good(group, *srcs):
    for i, s in enumerate(srcs):
        GOOD["%s_%02d" % (group, i)] = s


def bad(group, *srcs):
    for i, s in enumerate(srcs):
        BAD["bad_%s_%02d" % (group, i)] = s


# ------------------------------------------------------------- good sources

good("assign",
     "x = 1\n", "x = y = z = 0\n", "a, b = b, a\n", "a, *b, c = range(10)\n",
     "[a, b] = 1, 2\n", "(a, b), c = (1, 2), 3\n",
     "x.y = 1\nx[0] = 2\nx[1:2] = 3\nx[::2] = 4\nx[a, b] = 5\nx[1:2, ::3] = 6\n",
     "a.b.c = d.e.f = g\n", "x = y = [1, 2, 3][0]\n", "*a, = b\n", "(a) = 1\n((a)) = 2\n",
     "[(a, b), [c, *d]] = x\n", "a, = b\n", "x = yield_ = 1\n", "f(a).b[c] = d\n")
good("augassign",
     "x += 1\nx -= 1\nx *= 2\nx /= 2\nx //= 2\nx %= 3\nx **= 2\nx >>= 1\nx <<= 1\n"
     "x &= 1\nx |= 1\nx ^= 1\nx @= y\n",
     "x.a += 1\nx[0] -= 1\nx[1:2] *= 3\n", "x += yield_\n")
good("del", "del x\ndel x, y\ndel x[0], y.z\ndel (a, b)\ndel [a, b]\ndel (a)\ndel a,\n",
     "del x[1:2], (y.z, [w])\n")
good("simple", "pass\n", "def f():\n    return\n\ndef g():\n    return 1, 2\n    return *a, b\n",
     "raise\nraise E\nraise E from e\nraise E(1) from None\n",
     "global a\nglobal a, b, c\n", "def f():\n    x = 1\n    def g():\n        nonlocal x\n",
     "assert x\nassert x, 'msg'\n", "x = 1; y = 2;\n", "pass; pass\n")
good("import", "import a\nimport a.b.c\nimport a as b, c.d as e\n",
     "from a import b\nfrom a.b import c as d, e\nfrom . import x\nfrom .. import y\n"
     "from ...a import b\nfrom .... import c\nfrom a import (b, c as d,)\nfrom a import *\n",
     "from . a import (b)\nfrom .a.b import c\nimport  a . b  as  c\n")
good("if", "if a:\n    pass\nelif b:\n    pass\nelif c:\n    x = 1\nelse:\n    y = 2\n",
     "if x: pass\n", "if x: a; b\nelse: c\n",
     "if True:\n    if False:\n        pass\n    else:\n        pass\n")
good("while", "while x:\n    x -= 1\nelse:\n    pass\n",
     "while True:\n    if x:\n        break\n    continue\n")
good("for", "for i in range(10):\n    print(i)\nelse:\n    pass\n",
     "for a, b in x: pass\nfor (a, b) in x: pass\nfor [a, *b] in x: pass\n"
     "for x.y in z: pass\nfor x[0] in z: pass\n",
     "for x in 1, 2, 3: pass\nfor x in *a, *b: pass\n",
     "for i, (a, b) in enumerate(x):\n    pass\n", "for x, in y: pass\n")
good("try", "try:\n    pass\nexcept:\n    pass\n",
     "try:\n    x\nexcept E:\n    y\nexcept (A, B) as e:\n    z\nelse:\n    w\nfinally:\n    v\n",
     "try:\n    pass\nfinally:\n    pass\n", "try:\n    pass\nexcept E as e:\n    raise\n",
     "try: a\nexcept: b\nelse: c\nfinally: d\n")
good("def", "def f(a, b=1, *args, c, d=2, **kw):\n    pass\n",
     "def f(a, /, b, *, c):\n    pass\ndef g(a=1, /, b=2, *c, d):\n    pass\n"
     "def h(a, b=2, /):\n    pass\ndef k(*, a=1, b):\n    pass\ndef m(**kw):\n    pass\n"
     "def n(*a):\n    pass\ndef o(a, /):\n    pass\ndef p(a, /, *b):\n    pass\n",
     "@dec\ndef f(): pass\n@dec.attr(1)\n@other\ndef g(): pass\n",
     "def f(\n    a,\n    b,\n):\n    return (\n        a +\n        b\n    )\n",
     "def f(a, b=1, /, c=2, *d, e=3, f, **g): pass\n", "def f(*, a): pass\n",
     "def f(a,): pass\ndef g(*a,): pass\ndef h(**a,): pass\n",
     "def outer():\n    count = 0\n    def inner():\n        nonlocal count\n"
     "        count += 1\n        return count\n    return inner\n")
good("class", "class A: pass\nclass B(A): pass\nclass C(A, B, metaclass=M): pass\nclass D(): pass\n"
     "@dec\nclass E(*bases, **kw):\n    x = 1\n    def m(self): return self.x\n",
     "class A:\n    def __init__(self):\n        self.x = 1\n\n    def __del__(self):\n        pass\n",
     "class A:\n    __slots__ = ('a', 'b')\n    x = 1; y = 2\n    def __repr__(self):\n"
     "        return f'A({self.a!r})'\n")
good("lambda", "lambda: 0\nlambda x: x\nlambda x, y=1, *a, z, **k: x\nlambda *, a: a\n"
     "lambda a, /, b: a\n", "f = lambda a=1, /, b=2, *c, d=3, **e: (a, b, c, d, e)\n",
     "x = lambda: (yield)\n", "x = lambda: lambda: 1\n", "x = a if b else lambda: c\n")
good("ifexp", "x = a if b else c\nx = a if b else c if d else e\n",
     "x = (a if b else c) if d else e\n", "x = [a if b else c for a in d]\n")
good("boolop", "x = a or b or c\nx = a and b and c\nx = a or b and c\nx = not a\nx = not not a\n"
     "x = a and not b or c\n", "x = not a == b\n", "x = (a or b) and c\n")
good("compare", "x = a < b < c\nx = a == b != c <= d >= e > f\nx = a in b\nx = a not in b\n"
     "x = a is b\nx = a is not b\n", "x = not a in b\nx = a is (not b)\n")
good("binop", "x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m\n",
     "x = -a\nx = +a\nx = ~a\nx = -a ** -b\nx = a ** b ** c\nx = -(-a)\nx = --1\n",
     "x = (a + b) * c\nx = a - b - c\nx = a / b / c\nx = 2 ** -1\n", "x = a@b\n")
good("primary", "x = a.b.c\nx = a[0]\nx = a[1:2]\nx = a[:]\nx = a[::]\nx = a[1:2:3]\nx = a[::-1]\n"
     "x = a[1:2, 3]\nx = a[b, c]\nx = a[(b, c)]\nx = a[*b]\nx = a[1:2,]\n",
     "f()\nf(a)\nf(a, b)\nf(a, *b)\nf(*a, *b)\nf(a=1)\nf(**k)\nf(a, b=1, *c, d=2, **e)\n"
     "f(**a, b=1)\nf(x for x in y)\nf(a,)\nf(a, b=1,)\nf(a=1, *b)\n",
     "f(a)(b)[c].d\n", "x = a.b(c).d[e](f)\n", "x[a:b, c:d]\n", "x = a[-1]\nx = a[:-1]\n",
     "print(*args, **kwargs)\n", "print(1, 2, sep='', end='\\n')\n", "f(\n    a,\n    b=2,\n)\n",
     "x = f(a)[b](c)\n", "x = a[b][c][d]\n", "x = a[b:c:d, e:f, ...]\n")
good("display", "x = 1, 2\nx = (1, 2)\nx = ()\nx = (1,)\nx = [1, 2]\nx = []\nx = {1: 2, 3: 4}\n"
     "x = {}\nx = {1, 2}\nx = {**a, 'b': 1, **c}\nx = [*a, *b]\nx = {*a}\nx = (*a, 1)\n",
     "x = {'a': 1, 'b': [1, 2], 'c': {'d': None}}\n", "x = [\n    1,\n    2,\n]\n",
     "x = [*range(3)]\n", "x = (\n    1,\n)\n", "x = {1: 2,}\nx = {1,}\nx = [1,]\n")
good("comp", "x = [i for i in range(10)]\nx = [i for i in range(10) if i if i > 2]\n"
     "x = [(i, j) for i in a for j in b if i != j]\nx = {i for i in a}\n"
     "x = {k: v for k, v in d.items()}\nx = (i for i in a)\nx = [x for x, in a]\n",
     "x = [[j for j in i] for i in a]\n", "x = sum(i * i for i in range(10) if i % 2)\n",
     "x = [i for i in a if b if c for j in i]\n", "x = {a: b for a, b in c if a}\n",
     "x = [y for x in z for y in x]\n", "x = [lambda: i for i in a]\n",
     "x = [(yield_) for yield_ in a]\n")
good("yield", "def g():\n    yield\n    yield 1\n    yield 1, 2\n    x = yield\n    x = yield 1\n"
     "    f((yield))\n    yield *a, b\n    x += yield\n    return (yield)\n",
     "def g():\n    x = y = yield z\n")
good("const", "x = True\ny = False\nz = None\nw = ...\n",
     "x = 0\nx = 123\nx = 1_000_000\nx = 0x_ff\nx = 0o17\nx = 0b1010\n"
     "x = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\nx = 00\nx = 123456789012345678901234567890\n",
     "x = 1.5\nx = 1.\nx = .5\nx = 1e10\nx = 1E-3\nx = 1_0.5_5e+1_0\nx = 0.1\nx = 1e400\n"
     "x = 3.14159\nx = 1e-400\nx = 5e-324\nx = 1.7976931348623157e308\n",
     "x = 1j\nx = 1.5j\nx = 1e3J\nx = 0j\n", "x = 0o777777777777777777777777777777\n"
     "x = 0b" + "1" * 200 + "\nx = 0x" + "f" * 100 + "\nx = " + "9" * 400 + "\n",
     "x = -1\nx = - 1\nx = -0x10\n", "x = 0e0\nx = 09.5\nx = 00.0\nx = 0_0\n")
good("string", "x = 'a'\nx = \"b\"\nx = '''c'''\nx = \"\"\"d\ne\"\"\"\nx = 'a' 'b'\n"
     "x = ('a'\n     'b')\nx = r'\\n'\nx = u'x'\nx = b'x'\nx = rb'\\x'\nx = b'a' b'c'\nx = ''\n",
     "x = '\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v\\0\\x41\\101\\u00e9\\U0001F600'\n",
     "x = b'\\n\\t\\x00\\xff\\377'\n", "x = 'caf\u00e9'\nx = '\u65e5\u672c'\n",
     "x = 'a' 'b' 'c'\n", "x = b''\n", "x = U'a'\nx = u'a' 'b'\nx = 'a' u'b'\n",
     "x = b'\\x00' b'a'\n", "x = r'a' 'b\\n'\n", "x = 'a\\\nb'\n", "x = '\\777'\n",
     "x = '\\d'\n", "x = '\\\u00e9'\n", "x = R'\\\\' 'y'\nx = Rb'x' BR'y' rB'z'\n",
     "x = '''a\nb\nc'''\n", "x = '\\N'[:0] if 0 else 'x'\n" if False else "x = 'a\\tb'\n",
     "x = 'It''s'\n", "x = \"it's\"\nx = 'say \"hi\"'\n")
good("fstring", "x = f'a{b}c'\nx = f'{a!r}'\nx = f'{a!s:>10}'\nx = f'{a:{b}}'\nx = f'{a=}'\n"
     "x = f'{a = }'\nx = f'{a=!s}'\nx = f'{a=:>5}'\nx = f''\nx = f'abc'\nx = f'{{}}'\n"
     "x = f'{a}{b}'\nx = f'{x:.2f}'\n",
     "x = 'a' f'{b}' 'c'\nx = f'{a}' f'{b}'\nx = u'a' f'{b}'\n",
     "x = f'{a + b}'\nx = f'{f(a)[0]}'\nx = f'{a, b}'\nx = f'{(a, b)}'\nx = f'{\"s\"}'\n"
     "x = f'{a if b else c}'\nx = f'{x!a}'\n",
     "x = f'''{\na\n}'''\n", "x = f'a{b!r:>{w}} {c=} {d:{e}.{f}}'\n",
     "y = ('ab' f'{x}'\n 'cd')\n", "y = ('ab' f'{x:{y}z}'\n f'{q}' 'cd')\n",
     "f'''\n{a +\n b}'''\n", "x = f'''abc\n  {a}\n   {b:{c}}'''\n", "x = f'{ a }'\n",
     "x = f'{a!r}' f'{b!s:x}'\n", "x = rf'\\d{a}\\n'\n",
     "x = f'\\n{a}\\t'\n", "x = f'{{{a}}}'\n", "x = f'{a=!r:10}'\n", "x = f'{3.14:.2f}'\n",
     "x = f'{a[0]}'\nx = f'{a[\"k\"]}'\nx = f'{\"{\"}'\n", "x = f'{a}' 'b' f'{c}'\n",
     "x = f'{f\"{a}\"}'\n", "x = f'{a:}'\n", "x = f'{a!r:}'\n", "x = f'{a:x{b}y{c}z}'\n",
     "x = (f'{a}'\n     f'{b:{c}}')\n", "x = f'{(yield)}'\n", "x = f'{a}' \\\n    f'{b}'\n",
     "x = '\u00e9' f'{\u00e9}'\n", "\u00e9 = f'{\u00e9}{\u00e9:{\u00e9}}'\n",
     "x = f'{a!r:{b!s}}'\n", "x = F'{a}' fR'{b}' Rf'{c}'\n", "x = f'{x:{{}}}'\n" if False else
     "x = f'{x:%Y-%m-%d}'\n", "x = f'{a>b}'\nx = f'{a<b}'\nx = f'{a!=b}'\nx = f'{a==b}'\n",
     "x = f\"\"\"{'''a\nb''' + c}\"\"\"\n", "x = (1,\n     f'{a}' f'''\n{b!r}''')\n")
good("layout", "# comment\nx = 1  # trailing\n\n\n# end\n", "\n", "", "x = (1 +\n     2)\n",
     "x = 1 + \\\n    2\n", "if x:\n\n    # c\n\n    y = 1\n\n\nz = 2\n",
     "x = 1\ty = 2\n" if False else "x\t=\t1\n", "x = 1", "if x:\n    y = 1", "x = 1\r\ny = 2\r\n",
     "\ufeffx = 1\n", "# -*- coding: utf-8 -*-\nx = '\u00e9'\n", "if x:\n\tif y:\n\t\tpass\n",
     "x = [  1 ,2,\n 3  ]\n", "  # indented comment\nx = 1\n", "x = 1;\n",
     "class A:\n\n\n    x = 1\n\n\n\n    y = 2\n", "x = 1 \\\n\n" if False else "x = 1\n\n\n")
good("unicode", "caf\u00e9 = 1\n\u65e5\u672c = caf\u00e9\n",
     "def \u00fcber(\u00e4, \u00f6=1): return \u00e4 + \u00f6\n",
     "class \u039a\u03bb\u03ac\u03c3\u03b7: pass\n", "x = '\U0001F600' + \u0394\n",
     "\u00e9 = (1, 2\n     , 3)\n", "s = '\u00e9\u00e9' + f'{caf\u00e9!r:>{\u00e9}}'\n")
good("soft", "match = 1\nmatch(x)\nmatch[0] = 1\n", "case = 2\n_ = 3\n", "match.x = 1\n",
     "print(match, case)\n", "match -x\n" if False else "match = case = _\n")
good("nest", "x = " + "(" * 150 + "1" + ")" * 150 + "\n",
     "x = " + "[" * 100 + "]" * 100 + "\n", "x = " + "-" * 300 + "1\n",
     "x = " + "not " * 300 + "a\n", "x = " + " + ".join("a%d" % i for i in range(300)) + "\n",
     "".join(" " * i + "if x:\n" for i in range(90)) + " " * 90 + "pass\n",
     "x = " + "a." * 300 + "b\n", "x = f" + "()" * 200 + "\n",
     "x = {" + ", ".join("'k%d': [%d, (%d,)]" % (i, i, i) for i in range(300)) + "}\n")


def long_program():
    lines = []
    for i in range(60):
        lines.append("def f%d(a, b=%d, *c, d, **e):" % (i, i))
        lines.append("    x = [a * %d for a in range(b) if a %% 2]" % i)
        lines.append("    if x and d:")
        lines.append("        return {'k': x, 'v': (a, b, c)}")
        lines.append("    while b > 0:")
        lines.append("        b -= 1")
        lines.append("    try:")
        lines.append("        y = e['z'][0].w(a=1)")
        lines.append("    except (KeyError, IndexError) as err:")
        lines.append("        raise ValueError(f'bad {err!r}') from err")
        lines.append("    return lambda q: q + %d" % i)
        lines.append("")
    return "\n".join(lines) + "\n"


good("long", long_program())
good("annotations",
     "x: int = 1\n", "y: list\n", "(z): str = 'a'\n", "self.x: int\nself.y: int = 0\n",
     "d['k']: int\nd[1:2, ::3]: int = v\n", "x: int = yield\n", "t: tuple = 1, 2\n",
     "def f(a: int, b: 'str' = 'x', /, c: C = 1, *args: A, k: K, kk: K = 2, **kw: W) -> R:\n"
     "    v: int = 1\n",
     "def f(*args: *Ts): pass\n", "def f(a, *, b: int): pass\n",
     "class C:\n    a: int\n    b: str = 'x'\n    def m(self) -> 'C': pass\n",
     "x: (yield) = 1\n")


# -------------------------------------------------------------- bad sources

bad("comma", "x = 1 2\n", "x = (1 2)\n", "[1 2]\n", "{1 2}\n", "f(a b)\n", "x = a b c d\n",
    "(a b c)\n", "x = {1, 2 3}\n", "x = [1, 2 3, 4]\n", "f(1, 2 3)\n", "x = (a b, c)\n",
    "f(c d)\n", "(ma x)\n", "(_ x)\n", "print(x y)\n", "x = (1,\n2 3)\n", "(a 'b')\n",
    "f(*c d)\n", "x = ('\u00e9\u00e9' 1 2)\n")
bad("colon", "if x\n    pass\n", "while x\n    pass\n", "for x in y\n    pass\n",
    "def f()\n    pass\n", "class A\n    pass\n", "try\n    pass\nexcept:\n    pass\n",
    "try:\n    pass\nexcept\n    pass\n", "try:\n    pass\nexcept E\n    pass\n",
    "try:\n    pass\nfinally\n    pass\n", "if x:\n    pass\nelse\n    pass\n",
    "if x:\n    pass\nelif y\n    pass\n", "class A(B)\n    pass\n", "def f:\n    pass\n",
    "if x # c\n  pass\n", "for x in range(10)\n    pass\n", "with a\n    pass\n",
    "try:\n    x\nexcept E as e\n    y\n", "if x == 1\n    pass\n")
bad("block", "if x:\npass\n", "while x:\npass\n", "for x in y:\npass\n", "def f():\npass\n",
    "class A:\npass\n", "try:\npass\n", "try:\n    pass\nexcept:\npass\n",
    "try:\n    pass\nexcept E:\npass\n", "try:\n    pass\nfinally:\npass\n",
    "if x:\n    pass\nelse:\npass\n", "if x:\n    pass\nelif y:\npass\n", "with x:\npass\n",
    "def f():\n", "class A:\n", "for x in y:\n", "while 1:\n", "try:\n", "if x:",
    "if x:\n    pass\nelse:", "def f():\n  if x:\n  y = 1\n", "def f():\n  if x:\ny = 1\n",
    "x = 1\n\n\n\nif x:\n", "if (\n  x):\npass\n", "try:\n    pass\nexcept E:\n")
bad("indent", "  x = 1\n", "if x:\n    a\n  b\n", "if x:\n  a\n    b\n", "if x:\n\ta\n        b\n",
    "x = 1\n  y = 2\n", "class A:\n    def f(self):\n        pass\n   def g(self):\n        pass\n",
    "\tx = 1\n", "#c\n    x = 1\n", "if x:\n  pass\n    y\n", "def f():\n\tx = 1\n        y = 2\n",
    "if x:\n    pass\n  else:\n    pass\n")
bad("eof", "x = \n", "x =", "x = (", "x = (1,\n", "x = [1,\ny = 2\n", "x = {\n", "f(\n",
    "x = 1 +\n", "x = 1 + \\\n", "def f(", "x = '''", "x = 'a", "x = 1 2",
    "if x:\n    y = 1 2", "x = (1, 2\ny = 3\nz = 4\n", "x = 1\ny = (2\n", "x = [\n1,\n2\n",
    "x = (a for a in b\n", "x = {\n  'a': 1,\n  'b': 2\n", "x = 1\n\\\n")
bad("unmatched", "x = )\n", "x = ]\n", "x = }\n", "x = (]\n", "x = [1, 2)\n", "f(a, b]\n")
bad("assign", "f() = 1\n", "1 = x\n", "x + 1 = 2\n", "a, 1 = x\n", "[a, f()] = x\n",
    "(a, b) + 1 = 2\n", "None = 1\n", "True = 1\n", "... = 1\n", "'a' = 1\n", "f'{a}' = 1\n",
    "a.b() = 1\n", "lambda: 1 = 1\n", "a if b else c = 1\n", "{a: b} = 1\n", "{a} = 1\n",
    "[x for x in y] = 1\n", "(x for x in y) = 1\n", "x = yield = 1\n", "a < b = 1\n",
    "not a = 1\n", "-a = 1\n", "(a, b) = = 1\n", "x = y = (z = 1)\n",
    "if x = 1:\n    pass\n", "while x = 1:\n    pass\n", "if x.y = 1:\n    pass\n",
    "if f() = 1:\n    pass\n", "assert x = 1\n", "a = b = \n", "yield = 1\n")
bad("augassign", "f() += 1\n", "(a, b) += 1\n", "[a] += 1\n", "a + b += 1\n", "a, b += 1\n",
    "a.b += 1 = 2\n")
bad("del", "del 1\n", "del f()\n", "del a + b\n", "del (a, 1)\n", "del *a\n", "del [a, f()]\n",
    "del a if b else c\n", "del x, 1\n", "del (x, (y, 1))\n", "del x.y()\n", "del\n",
    "del a,,\n")
bad("for", "for 1 in x: pass\n", "for f() in x: pass\n", "for a, 1 in x: pass\n",
    "[x for 1 in y]\n", "[x for f() in y]\n", "for x in :\n    pass\n", "for in x:\n    pass\n",
    "for x y in z:\n    pass\n", "for (x, 1) in y: pass\n",
    "x = [i for i in]\n", "x = [i for in y]\n", "x = [for i in y]\n",
    "x = [i for i in y if]\n")
bad("call", "f(a=1, 2)\n", "f(**a, 2)\n", "f(**a, *b)\n", "f(x for x in y, 1)\n",
    "f(1, x for x in y)\n", "f(a, b for b in c)\n", "f(True=1)\n", "f(None=1)\n", "f(a+1=2)\n",
    "f(a.b=1)\n", "f(a=1 for a in b)\n", "f(x, *)\n", "f(x=1, *)\n", "f(**k, *)\n",
    "f(a, *b, **c, *d)\n", "f(a, *b, c=1, **d, e)\n", "f(a, **d, e)\n", "f(**d, e=1, f)\n",
    "f(a for a in b, c for c in d)\n", "f(a, b for b in c, d)\n", "f(a, x=1 for x in y)\n",
    "print(1 for x in y = 3)\n", "f(x = 1 for x in y)\n", "f(a\n , b=1, *c d=2, **e)\n",
    "class A(x for x in y): pass\n", "class A(x=1, 2): pass\n")
bad("params", "def f(a=1, b):\n    pass\n", "def f(*):\n    pass\n", "def f(*, **k):\n    pass\n",
    "def f(**k, a):\n    pass\n", "def f(**k=1):\n    pass\n", "def f(*a=1):\n    pass\n",
    "def f(*a, *b):\n    pass\n", "def f(a, /, b, /):\n    pass\n", "def f(/):\n    pass\n",
    "def f(*, a, /):\n    pass\n", "def f(a=):\n    pass\n", "def f((a, b)):\n    pass\n",
    "def f(a, (b)):\n    pass\n", "def f(**k, *a):\n    pass\n", "def f(a=1, /, b):\n    pass\n",
    "def f(a, /b):\n    pass\n", "def f(a=1/*):\n    pass\n", "def f(a, **b, **c):\n    pass\n",
    "def f(a, **b, /):\n    pass\n", "def f(a=1 b=2):\n    pass\n", "def f(1):\n    pass\n",
    "def f(*,):\n    pass\n", "def f(a, *b, *):\n    pass\n", "def f(*, *):\n    pass\n",
    "def f(:\n    pass\n", "def f(a, b c): pass\n")
bad("lambda", "lambda a=1, b: 0\n", "lambda *: 0\n", "lambda **k, a: 0\n", "lambda (a): 0\n",
    "lambda a, (b, c): 0\n", "lambda *a=1: 0\n", "lambda **k=1: 0\n", "lambda /: 0\n",
    "lambda *a, *b: 0\n", "lambda a, /, b, /: 0\n", "lambda a=1, /, b: 0\n", "lambda *, /: 0\n",
    "lambda a=: 0\n", "lambda a b: 0\n", "lambda 1: 0\n", "lambda *,: 0\n", "lambda: yield\n",
    "x = lambda: = 1\n")
bad("legacy", "print 'hello'\n", "print x\n", "exec 'code'\n", "print x, y\n")
bad("ifexp", "x = 1 if y\n", "x = 1 if y else\n", "x = if y else z\n",
    "x = a if b c else d\n", "x = 5 if 1 else 2 if 3\n")
bad("fstring", "f'{}'\n", "f'{ }'\n", "f'{x!z}'\n", "f'{x!}'\n", "f'}'\n", "f'{'\n",
    "f'{a:{b:{c}}}'\n", "f'{x'\n", "f'{x:'\n", "f'{#}'\n", "f'{a b}'\n", "f'{)}'\n",
    "f'{(}'\n", "f'{!r}'\n", "f'{:>}'\n", "f'{=}'\n", "f'{a!r=}'\n", "f'{a:{b}'\n",
    "f'{\"a}'\n", "f'{a)}'\n", "f'{[}'\n", "x = 1\nf'{1 +}'\n", "f'{x for}'\n",
    "f'{*a}'\n", "f'{a!r:{b!z}}'\n", "(f'{a}'\n f'{b c}')\n", "f'''{\na b}'''\n",
    "f'{1_}'\n", "f'{a $ b}'\n", "x = f'{\na}'\n", "f'{a\\\\n}'\n", "x = f'{\u00e9 \u00e9}'\n", "print(f'{x')\n")
bad("literal", "x = '\\x'\n", "x = 'ab\\x4g'\n", "x = '\u00e9\\x'\n", "x = b'\\x1'\n",
    "x = 'a' b'b'\n", "x = b'a' 'b'\n", "x = b'\u00e9'\n", "x = '\\u12'\n",
    "x = '\\U00110000'\n", "x = '\\N'\n", "x = '\\N{'\n", "x = f'{a}' b'x'\n",
    "x = ('a'\n  '\\x')\n", "x = 1e\n", "x = 1_\n", "x = 0x\n", "x = 09\n", "x = 1__0\n",
    "1x\n", "x = 'abc\n", "x = '''abc\n", "x = = 1\ns = \"abc\n")
bad("dict", "(*x)\n", "(**x)\n", "x = {1: *a}\n", "x = {1:}\n", "x = {1: 2, 3}\n",
    "x = {1: 2, **}\n", "{**a for a in b}\n", "[*a for a in b]\n", "{*a for a in b}\n",
    "(*a for a in b)\n", "[a, b for a in c]\n", "[a, for a in c]\n", "{a, b for a in c}\n",
    "x = {1: *}\n", "{1: *-}\n", "{a: **b}\n", "{a:b, **c, d}\n", "{a: b, c}\n")
bad("import", "from a import b,\n", "from a import (b, c\n", "from a import\n", "import\n",
    "from import a\n", "import a.\n", "import a.b as\n", "import a as b.c\n",
    "from a import b as\n", "from a import *, b\n", "import *\n", "from a import b c\n")
bad("stmt", "else:\n    pass\n", "elif x:\n    pass\n", "except:\n    pass\n",
    "finally:\n    pass\n", "try:\n    pass\nexcept A, B:\n    pass\n",
    "try:\n    pass\nexcept *:\n    pass\n", "try:\n    pass\nelse:\n    pass\n",
    "try:\n    pass\nx = 1\n", "return return\n", "x = return\n", "pass pass\n", "break x\n",
    "raise from x\n", "raise E from\n", "raise E, V\n", "global\n", "global a,\n",
    "nonlocal\n", "assert\n", "assert x, y, z\n", "@\ndef f(): pass\n", "@dec\nx = 1\n",
    "@dec\n", "def\n", "class\n", "a = 1; ; b = 2\n", ";\n", "x = 1 ; if y: pass\n",
    "if x: if y: pass\n", "x = 1 +* 2\n", "x = **a\n", "x = a not b\n", "x = a.1\n",
    "x = a[]\n", "x = a[1:2:3:4]\n", "x = [1, 2,, 3]\n", "match x:\npass\n",
    "match x\n    case 1: pass\n", "with a as 1: pass\n", "with a as f(): pass\n")
bad("priority", "x = = 1\ny = 'abc\n", "x = = 1\ny = (\n", "x = (\ny = = 1\n",
    "x = 1 2\ny = 1_\n", "x = (1,\n 2 3 \\ z)\n", "x = = 1\n\ty = 2\n  z = 3\n",
    "x = 1 2\n" + "(" * 199 + "\n", "(\n" * 3 + "x = 1 2\n", "x = " + "(" * 201 + ")" * 201 + "\n",
    "x = " + "[" * 1000 + "\n", "x = ( # c\n 1 2)\n", "if x: # c\n\n\n    # d\n  y = 1\n z = 2\n",
    "x = 1\ny = f'{a b}'\nz = 'open\n", "try:\n    pa(ss\nexcept *:\n   +p'ass\n",
    "x = (1, 2\ny = ]3\nz = 4\n", "x = (a b\ny = 1\n$\n", "f(a b\nc \\ d\n",
    "print(a#c\nx = 1\n$\nb \\Fount(obj))\n", "f(a b\n'abc\n", "x = (1,\n2 3\n\"abc\n")
bad("nonascii", "\ufeffx = 1 2\n", "# -*- coding: utf-8 -*-\nx = 1 2\n", "\u00e9 = 1 2\n",
    "x = '\u00e9' 2\n", "x = \u00e9 \u00e9\n", "f(\u00e9=1, 2)\n", "\u00e9\u00e9 = = 1\n",
    "x = 1\r\ny = 1 2\r\n")
bad("deep", "x = " + "-" * 7000 + "1\n", "x = " + "(" * 100 + "-" * 6000 + "1" + ")" * 100 + "\n")

# ------------------------------------------- valid Python outside the subset

U = "not supported by refscope"
UNSUP["with"] = ("with open(f) as g:\n    pass\n", "'with' statements are " + U, "with")
UNSUP["with_multi"] = ("x = 1\nwith (a, b as c):\n    pass\n", "'with' statements are " + U, "with")
UNSUP["async_def"] = ("async def f():\n    await g()\n", "'async def' functions are " + U, "async")
UNSUP["async_for"] = ("async def f():\n    pass\n", "'async def' functions are " + U, "async")
UNSUP["async_with"] = ("def f():\n    pass\nasync def g():\n    async with a: pass\n",
                       "'async def' functions are " + U, "async")
UNSUP["walrus"] = ("if (n := len(a)) > 10:\n    pass\n", "assignment expressions (':=') are " + U,
                   ":=")
UNSUP["walrus_comp"] = ("x = [y for x in a if (y := f(x))]\n",
                        "assignment expressions (':=') are " + U, ":=")
UNSUP["match"] = ("match x:\n    case 1:\n        pass\n    case _:\n        pass\n",
                  "'match' statements are " + U, "match")
UNSUP["yield_from"] = ("def g():\n    yield from range(3)\n", "'yield from' is " + U,
                       "yield from range(3)")
UNSUP["except_star"] = ("try:\n    pass\nexcept* ValueError:\n    pass\n",
                        "'except*' clauses are " + U, "except")
UNSUP["n_escape"] = ("x = 'caf\\N{LATIN SMALL LETTER E WITH ACUTE}'\n",
                     "'\\N{...}' escapes are " + U, "'caf\\N{LATIN SMALL LETTER E WITH ACUTE}'")
UNSUP["first_wins"] = ("async def f():\n    with x:\n        pass\n",
                       "'async def' functions are " + U, "async")
UNSUP["syntax_first"] = ("with x:\n    pass\ny = = 1\n", None, None)
UNSUP["syntax_after_match"] = ("match x:\n    case [a, *b] if a:\n        pass\ny = = 1\n", None, None)
UNSUP["match_nested"] = ("def f(x):\n    match x:\n        case {'k': (1 | 2) as v}:\n"
                         "            return v\n        case _:\n            pass\n",
                         "'match' statements are " + U, "match")

# ------------------------------------------------------------------ writing


def esc(s):
    out = []
    for ch in s:
        c = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif c < 0x20 or c == 0x7F:
            out.append("\\x%02x" % c)
        else:
            out.append(ch)
    return "".join(out)


def walk(n, d, out):
    if not isinstance(n, ast.AST):
        return
    if isinstance(n, (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
        return
    name = type(n).__name__
    if hasattr(n, "lineno"):
        out.append("%d %s %d %d %d %d" % (d, name, n.lineno, n.col_offset, n.end_lineno,
                                           n.end_col_offset))
    else:
        out.append("%d %s" % (d, name))
    for c in ast.iter_child_nodes(n):
        walk(c, d + 1, out)


HOOK = r'''
import json, sys
def hook(t, e, tb):
    if isinstance(e, SyntaxError):
        rec = [t.__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
    else:
        rec = [t.__name__, str(e)]
    sys.stderr.write("\x00ATTRS" + json.dumps(rec) + "\n")
    sys.__excepthook__(t, e, tb)
sys.excepthook = hook
'''


def run_python(path, args, hookdir):
    env = dict(os.environ, PYTHONPATH=hookdir)
    env.pop("PYTHONSTARTUP", None)
    r = subprocess.run([sys.executable, "-s"] + args, cwd=OUT, env=env, capture_output=True,
                       timeout=120)
    err = r.stderr.decode("utf-8", "surrogateescape")
    k = err.find("\x00ATTRS")
    if k < 0:
        sys.exit(f"{path}: expected an error, got exit {r.returncode}: {err!r}")
    rest = err[k + 6:]
    line, stderr = rest.split("\n", 1)
    return json.loads(line), stderr


def err_record(name, rec, stderr):
    absname = os.path.join(os.path.abspath(OUT), name + ".py")
    stderr = stderr.replace(absname, name + ".py")
    if rec[0] == "MemoryError":
        rec = ["MemoryError", "", None, None, None, None, None]
    lines = []
    for key, v in zip(("type", "msg", "lineno", "offset", "end_lineno", "end_offset", "text"),
                      rec):
        lines.append("%s %s" % (key, "None" if v is None else esc(v) if isinstance(v, str)
                                else v))
    return "\n".join(lines) + "\nstderr\n" + stderr


def locate(src, marker):
    i = src.index(marker)
    line = src.count("\n", 0, i) + 1
    start = src.rfind("\n", 0, i) + 1
    col = len(src[start:i].encode())
    return line, col, col + len(marker.encode())


def unsup_record(name, src, msg, marker, hookdir):
    line, col, end = locate(src, marker)
    text = src.split("\n")[line - 1] + "\n"
    code = ("raise SyntaxError(%r, (%r, %d, %d, %r, %d, %d))"
            % (msg, name + ".py", line, col + 1, text, line, end + 1))
    rec, stderr = run_python(name, ["-c", code], hookdir)
    # the -c traceback header is not part of a parse error's report
    k = stderr.find('  File "%s.py"' % name)
    return err_record(name, rec, stderr[k:])


def write(name, ext, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(OUT, name + ext), mode, **({} if mode == "wb" else
                                                       {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith((".py", ".ast", ".pos", ".err")) or f == "MANIFEST":
            os.remove(os.path.join(OUT, f))
    corpus = os.path.join(HERE, "..", "..", "..", "shared", "corpus")
    if os.path.isdir(corpus):
        for f in sorted(os.listdir(corpus)):
            if f.endswith(".py"):
                with open(os.path.join(corpus, f), encoding="utf-8") as fh:
                    GOOD["corpus_" + f[:-3]] = fh.read()
    names = []
    with tempfile.TemporaryDirectory() as hookdir:
        with open(os.path.join(hookdir, "sitecustomize.py"), "w") as f:
            f.write(HOOK)
        for name, src in GOOD.items():
            data = src.encode("utf-8")
            write(name, ".py", data)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(data)
            for node in ast.walk(tree):
                assert not isinstance(node, (ast.With, ast.AsyncWith, ast.AsyncFunctionDef,
                                             ast.AsyncFor, ast.Await, ast.Match,
                                             ast.NamedExpr, ast.YieldFrom,
                                             ast.TryStar)), name
            out = []
            walk(tree, 0, out)
            write(name, ".ast", ast.dump(tree) + "\n")
            write(name, ".pos", "\n".join(out) + "\n")
            names.append(name)
        for name, src in BAD.items():
            assert name not in GOOD
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    ast.parse(src.encode("utf-8"))
                sys.exit(f"{name}: the parser accepts it (a compiler error is not the parser's)")
            except (SyntaxError, MemoryError):
                pass
            write(name, ".py", src.encode("utf-8"))
            rec, stderr = run_python(name, [name + ".py"], hookdir)
            assert rec[0] in ("SyntaxError", "IndentationError", "TabError", "MemoryError"), (name, rec)
            write(name, ".err", err_record(name, rec, stderr))
            names.append(name)
        for key, (src, msg, marker) in UNSUP.items():
            name = "unsupported_" + key
            write(name, ".py", src.encode("utf-8"))
            if msg is None:
                rec, stderr = run_python(name, [name + ".py"], hookdir)
                write(name, ".err", err_record(name, rec, stderr))
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    ast.parse(src)  # valid Python
                write(name, ".err", unsup_record(name, src, msg, marker, hookdir))
            names.append(name)
    write("MANIFEST", "", "\n".join(names) + "\n")
    print(f"{len(GOOD)} good, {len(BAD)} bad, {len(UNSUP)} outside the subset")


main()
