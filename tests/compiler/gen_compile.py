#!/usr/bin/env python3
"""Expected code objects for test_compile, asked of CPython 3.11.7 itself.

    python3 tests/compiler/gen_compile.py       # writes tests/data/compiler/compile/
    python3 tests/compiler/gen_compile.py NAME  # one program's dump to stdout
    python3 tests/compiler/gen_compile.py --diff BINARY FILE...     # see the end
    python3 tests/compiler/gen_compile.py --fuzz BINARY SEED COUNT

For every program below (one construct of the subset each, plus copies of
the acceptance corpus and the benchmarks) it writes NAME.py, the source, and NAME.code, the
dump of compile(src, "NAME.py", "exec") and of every code object in its
co_consts, recursively (a code object, then its nested ones in co_consts
order).  For the programs CPython refuses at compile time (after parsing)
it writes NAME.err instead: the SyntaxError's message and position.

Dump, one fact per line, code objects separated by `object PATH` lines (PATH:
"." for the module, then the co_consts indexes leading to it, "./0/2"):

    object PATH
    name S / qualname S / filename S
    argcount N / posonlyargcount N / kwonlyargcount N / nlocals N
    flags N / stacksize N / firstlineno N
    code HEX                 co_code, CACHE units included (zeros)
    consts @L V V ...        the co_consts tuple, then each constant
    names @L S S ...         the co_names tuple, then each name
    varnames S ... / cellvars S ... / freevars S ...
    linetable @L HEX / exceptiontable @L HEX

Values: None, Ellipsis, True, False; int:DECIMAL@L, float:REPR@L,
str:S@L, bytes:HEX@L, tuple(V,V,...)@L, frozenset(V,...)@L in iteration
order, code:PATH@L.  S is a string with every character outside
printable ASCII (and the backslash) written \\uXXXX or \\UXXXXXXXX, then
`!i` when the string is interned (strings of two characters or more; the
one-character ones are static singletons anyway).  @L labels object
identity: objects are numbered in the order this walk first meets them,
so two constants (or tuples, or line tables) that are one object in
CPython carry the same label.

The output depends on nothing but the interpreter: running it twice gives
the same files.  The test checks the programs listed in MANIFEST; each
line is `NAME match` or `NAME pending REASON` (see the test).
"""
import os
import random
import subprocess
import sys
import types
import warnings

warnings.simplefilter("ignore", SyntaxWarning)   # "is" with a literal, ...: not our business

assert sys.version_info[:3] == (3, 11, 7), "needs CPython 3.11.7"
if os.environ.get("PYTHONHASHSEED") != "0":   # frozenset orders depend on str hashes
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "compiler", "compile")
CORPUS = os.path.join(HERE, "..", "..", "..", "shared", "corpus")
BENCH = os.path.join(HERE, "..", "..", "..", "shared", "bench")

# ---------------------------------------------------------------- programs

PROGRAMS = {}


def prog(name, src):
    assert name not in PROGRAMS, name
    PROGRAMS[name] = src.lstrip("\n")


prog("empty", "")
prog("pass", "pass\n")
prog("expr_const", "1\n'doc'\n")
prog("assign_int", "x = 1\n")
prog("assign_names", "x = 1\ny = x\nz = y\n")
prog("assign_chain", "a = b = c = 5\n")
prog("assign_consts", """
a = None
b = True
c = False
d = ...
e = 1.5
f = -0.0
g = 0.0
h = 'hello'
i = "hello world!"
j = b'bytes'
k = 12345678901234567890123
l = -7
m = 'h\\xe9llo'
n = '\\u20ac uro'
o = '\\U0001f600'
p = ''
q = 'x'
r = b''
s = 1e100
""")
prog("assign_unpack", """
a, b = 1, 2
a, b = b, a
a, b, c = c, b, a
(a, b), c = (1, 2), 3
[x, y] = [y, x]
first, *rest = [1, 2, 3]
*init, last = 'abc'
a, *b, c = range(10)
""")
prog("assign_attr_subscr", """
o.x = 1
o.x.y = 2
l[0] = 3
l[1:2] = [4]
l[::2] = l
d['k'] = o.x
v = l[0]
w = l[1:]
u = l[:-1]
t = l[::2]
s = l[1:2:3]
del l[0]
del l[1:2]
del o.x
del v, w
""")
prog("augassign", """
x = 0
x += 1
x -= 2
x *= 3
x /= 4
x //= 5
x %= 6
x **= 7
x <<= 1
x >>= 1
x &= 3
x |= 4
x ^= 5
o.a += 1
l[0] += 2
l[i][j] *= 3
o.b.c -= 4
""")
prog("binops", """
a = x + y
b = x - y
c = x * y
d = x / y
e = x // y
f = x % y
g = x ** y
h = x << y
i = x >> y
j = x & y
k = x | y
l = x ^ y
m = x @ y
n = (x + y) * (x - y)
""")
prog("unaryops", """
a = -x
b = +x
c = ~x
d = not x
e = not not x
""")
prog("folding", """
a = 2 ** 10
b = -1
c = 'ab' * 3
d = (1, 2) + (3,)
e = 1 << 200
f = 2 ** 200
g = 1 / 2
h = 7 // 2
i = 7 % 3
j = 1.5 * 2
k = -(-5)
l = ~5
m = not 1
n = 'abc'[1]
o = (1, 2, 3)[-1]
p = 10 - 3 - 2
q = 1 + 2 * 3
r = 1 / 0
s = 'x' * 5000
t = (1,) * 300
u = 2 ** -1
v = 'a' + 'b'
w = b'a' * 3
x = 3 * 'ab'
y = 0.1 + 0.2
z = 2 ** 64 * 2 ** 64
aa = (1, (2, 3))
bb = ((1, 2), (3, 4)) 
cc = 5 % 0
dd = -2 ** 2
ee = True + 1
ff = 1 >> 3
gg = 255 & 15 | 256 ^ 1
hh = 7.5 // 2
ii = -7.5 % 2
jj = 2.0 ** 0.5
""")
prog("compare", """
a = x < y
b = x <= y
c = x == y
d = x != y
e = x > y
f = x >= y
g = x is y
h = x is not y
i = x in y
j = x not in y
k = x < y < z
l = a < b <= c == d
m = not x in y
n = not x is y
o = x in [1, 2, 3]
p = x in {1, 2, 3}
q = x not in (y, z)
r = x in [y, z]
""")
prog("boolops", """
a = x and y
b = x or y
c = x and y and z
d = x or y or z
e = x and y or z
f = (x or y) and z
g = x if y else z
h = not (x and y)
""")
prog("displays", """
a = []
b = [1]
c = [1, 2]
d = [1, 2, 3]
e = [x, y, z]
f = ()
g = (1,)
h = (1, 2, 3)
i = (x, y)
j = {}
k = {1: 2}
l = {'a': 1, 'b': 2}
m = {x: y, z: w}
n = {1, 2, 3}
o = {x, y}
p = {x}
q = [*x, 1]
r = (*x, *y)
s = {*x, 2}
t = {**x, 'a': 1}
u = {'a': x, **y, 'b': z}
v = [1, 2, x]
w = {'a': 1, 'b': x, 'c': 3}
z = ['a', 'b', 'c', 'd']
aa = {1.5, 2.5, 3.5}
""")
prog("if_stmt", """
if x:
    a = 1
if x:
    a = 1
else:
    a = 2
if x:
    a = 1
elif y:
    a = 2
elif z:
    a = 3
else:
    a = 4
if x and y:
    pass
if x or y:
    pass
if not x:
    pass
if x < y < z:
    b = 1
if 0:
    c = 1
if 1:
    c = 2
if x is None:
    d = 1
if x is not None:
    d = 2
""")
prog("while_loop", """
i = 0
while i < 10:
    i += 1
while True:
    i -= 1
    if i == 3:
        break
    if i == 5:
        continue
    i -= 1
while i:
    i -= 1
else:
    j = 1
while 1:
    break
""")
prog("for_loop", """
for i in range(10):
    print(i)
for i in x:
    if i:
        break
    if i > 2:
        continue
else:
    print('done')
for a, b in pairs:
    pass
for i in [1, 2, 3]:
    pass
for i in (x, y):
    pass
for o.attr in seq:
    pass
for x in y:
    for z in x:
        print(z)
""")
prog("nested_loops_break", """
for i in range(3):
    for j in range(3):
        if j == i:
            break
        while j:
            j -= 1
            continue
    else:
        print(i)
""")
prog("def_simple", """
def f():
    pass

def g(a, b):
    return a + b

def h(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw

def k(x):
    x = x + 1
    y = x
    return y

print(g(1, 2))
""")
prog("def_defaults", """
def f(a=1, b='x', c=None):
    return a

def g(*, a=1, b):
    return a

def h(a, /, b, *, c):
    return a

def i(a=[], b={}):
    return a
""")
prog("def_docstring", '''
"""Module doc."""

def f():
    """Function doc."""
    return 1

def g():
    """Only a doc."""

def h():
    x = 1
    "not a doc"
''')
prog("return_forms", """
def a():
    return

def b():
    return None

def c():
    return 1

def d(x):
    return x

def e(x):
    if x:
        return 1
    return 2

def f(x):
    if x:
        return 1
    else:
        return 2

def g(x):
    return (x,
            x)

def h(x):
    while x:
        return x
""")
prog("lambda_expr", """
f = lambda: 0
g = lambda x, y=1: x + y
h = lambda *a, **k: (a, k)
i = lambda: (yield)
""")
prog("closures", """
def outer():
    x = 1
    def inner():
        return x
    return inner

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def arg_cell(a, b):
    def f():
        return a
    return f

def deep():
    v = 1
    def mid():
        def inner():
            return v
        return inner
    return mid

def shadow(x):
    def f(x):
        return x
    return f
""")
prog("globals", """
g = 0
def set_g():
    global g
    g = 1

def read_g():
    return g

def del_g():
    global g
    del g

class C:
    global h
    h = 1
""")
prog("generators", """
def gen():
    yield 1
    yield

def gen2(n):
    for i in range(n):
        yield i * i

def gen3():
    x = yield 1
    return x

def gen4(a):
    def inner():
        yield a
    return inner
""")
prog("class_simple", """
class A:
    pass

class B(A):
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def __repr__(self):
        return 'B(%r)' % (self.v,)
    def __del__(self):
        print('del')

class C:
    __slots__ = ('a', 'b')

class D:
    '''Doc.'''
    y = [1, 2]

b = B(1)
print(b.get())
""")
prog("class_super", """
class A:
    def f(self):
        return 1

class B(A):
    def f(self):
        return super().f() + 1
    def g(self):
        return __class__

class C:
    def __private(self):
        return self.__x
    def call(self):
        return self.__private()
""")
prog("class_nested", """
def make():
    class Local:
        def m(self):
            return 1
    return Local

class Outer:
    class Inner:
        def m(self):
            pass
    def method(self):
        def helper():
            pass
        return helper

class K:
    x = 1
    y = [x for _ in range(3)]
    def f(self):
        return x
""")
prog("class_kw", """
class A(object, metaclass=type):
    pass

class B(*bases):
    pass
""")
prog("try_except", """
try:
    x = 1
except:
    x = 2

try:
    x = 1
except ValueError:
    x = 2

try:
    x = 1
except ValueError as e:
    x = e

try:
    x = 1
except (ValueError, TypeError) as e:
    print(e)
except KeyError:
    pass
else:
    x = 3
""")
prog("try_finally", """
try:
    x = 1
finally:
    x = 2

try:
    x = 1
except ValueError:
    x = 2
else:
    x = 3
finally:
    x = 4
""")
prog("try_in_function", """
def f(x):
    try:
        return x()
    except ValueError as e:
        return e
    finally:
        print('done')

def g(x):
    for i in x:
        try:
            if i:
                break
            continue
        finally:
            print(i)

def h():
    try:
        pass
    except Exception as e:
        del e

def k(x):
    try:
        return 1
    finally:
        return 2

def m(x):
    while x:
        try:
            x -= 1
        except:
            break
""")
prog("try_nested", """
try:
    try:
        a = 1
    except KeyError:
        a = 2
    finally:
        b = 3
except Exception as e:
    try:
        raise
    except:
        pass
""")
prog("raise_stmt", """
def f():
    raise
def g():
    raise ValueError
def h():
    raise ValueError('x') from None
def i(e):
    raise e from e
""")
prog("assert_stmt", """
assert x
assert x, 'message'
assert x > 0, f'{x}'
def f(x):
    assert x
""")
prog("imports", """
import sys
import os.path
import os.path as p
import gc, weakref
from sys import getrefcount
from sys import getsizeof as size, intern
from . import x
from .mod import y
from ..pkg.mod import z as w
def f():
    import sys
    from gc import collect
    return sys, collect
""")
prog("import_star", "from os import *\n")
prog("comprehensions", """
a = [x for x in range(10)]
b = {x for x in y}
c = {k: v for k, v in items}
d = (x for x in y)
e = [x * y for x in a for y in b]
f = [x for x in a if x if x > 1]
g = [[y for y in x] for x in z]
h = [x for x in [1, 2, 3]]
i = [x for x in a for y in [x]]
j = sum(x for x in range(3))
""")
prog("comprehension_closure", """
def f(n):
    return [i * n for i in range(n)]

def g(n):
    return (i + n for i in range(n))

def h(n):
    return {i: [j for j in range(i + n)] for i in range(n)}
""")
prog("fstrings", """
a = f'{x}'
b = f'x={x}!'
c = f'{x!r}'
d = f'{x!s} {y!a}'
e = f'{x:>10}'
f = f'{x:{w}.{p}}'
g = f'{x=}'
h = f''
i = f'plain'
j = f'{x}{y}{z}'
k = f'{x:02d}' 'tail'
""")
prog("calls", """
f()
f(1)
f(1, 2, 3)
f(a=1)
f(1, b=2)
f(*args)
f(*args, 1)
f(1, *args)
f(**kw)
f(a=1, **kw)
f(*a, **kw)
o.m()
o.m(1)
o.m(a=1)
o.m(*a)
o.a.b.m(1, 2)
print('x', end='')
len([1, 2, 3])
f(x)(y)
f(1)[2]
""")
prog("del_stmt", """
x = 1
del x
a = b = 1
del a, b
def f():
    y = 1
    del y
    z = 2
    def g():
        nonlocal z
        del z
""")
prog("nonlocal_global_mix", """
x = 0
def a():
    global x
    x = 1
    def b():
        y = 2
        def c():
            nonlocal y
            global x
            y = x
        return c
    return b
""")
prog("slices", """
a = l[:]
b = l[1:]
c = l[:2]
d = l[1:2]
e = l[::]
f = l[::-1]
g = l[x:y:z]
h = l[1, 2]
i = l[1:2, 3]
l[:] = []
""")
prog("multiline", """
x = (1 +
     2)
result = func(
    a,
    b,
    c=3,
)
obj.method(
    1
).other(
    2
)
value = (obj
         .attr
         .attr2)
if (a and
        b):
    pass
s = ('abc'
     'def')
""")
prog("extended_arg_consts", "".join("v%d = %d\n" % (i, i * 1000) for i in range(300)))
prog("extended_arg_jump", "if x:\n" + "".join("    y = x + %d\n" % i for i in range(120)) + "z = 1\n")
prog("long_loop", "for i in r:\n" + "".join("    y = i * %d\n" % i for i in range(100)) + "    z = i\n")
prog("decorators", """
@dec
def f():
    pass

@a.b(1)
@c
def g(x):
    return x

@deco
class K:
    pass
""")
prog("walrus_free_scopes", """
def f():
    x = 1
    class C:
        y = x
        def m(self):
            return x
    return C
""")
prog("star_args_defs", """
def f(*args, **kwargs):
    return g(*args, **kwargs)

def h(a, *args):
    return args[0]
""")
prog("yield_in_expr", """
def g():
    x = yield
    y = (yield x) + 1
    print((yield))
    return y
""")
prog("many_locals", "def f():\n" + "".join("    a%d = %d\n" % (i, i) for i in range(300)) + "    return a299\n")
prog("debug_const", """
if __debug__:
    x = 1
y = __debug__
""")
prog("string_kinds", """
a = 'ascii'
b = 'latin-1: \\xff'
c = 'bmp: \\u4e2d\\u6587'
d = 'astral: \\U0001F40D'
e = 'a b'
f = '__init__'
g = 'with.dot'
h = 'x1_y'
""")
prog("shared_consts", """
def f():
    return 'shared', 1000, (1, 2), 1.5

def g():
    return 'shared', 1000, (1, 2), 1.5

x = ('shared', 1000)
""")
prog("ifexp_and_bool_jumps", """
if (x if y else z):
    pass
while x or (y and z):
    x = 0
if not (x and not y):
    pass
r = [i for i in l if i and not i > 3]
""")
prog("return_in_loops", """
def f(l):
    for x in l:
        if x:
            return x
    return None

def g(l):
    for x in l:
        for y in x:
            return y

def h():
    while True:
        pass
""")
prog("except_in_loop", """
for i in range(3):
    try:
        f(i)
    except ValueError as e:
        continue
    except TypeError:
        break
    else:
        pass
    finally:
        g()
""")
prog("main_guard", """
def main():
    print('hi')

if __name__ == '__main__':
    main()
""")

prog("percent_format", """
a = 'B(%r)' % (x,)
b = '%s and %s' % (x, y)
c = '%5s|%-3s|%.2s|%3.1r' % (x, y, z, w)
d = '100%% %s' % (x,)
e = '%d' % (x,)
f = '%s' % (x, y)
g = '%s %s' % (x,)
h = '%s' % x
i = 'x%s' % (1, )
j = '%s' % (*x,)
k = '%a%%' % (x,)
l = '%100s' % (x,)
m = '%+s' % (x,)
""")
prog("try_control_flow", """
def a(x):
    for i in x:
        try:
            return i
        finally:
            print(i)

def b(x):
    while x:
        try:
            break
        except ValueError:
            continue
        finally:
            x -= 1

def c(x):
    try:
        try:
            return x
        finally:
            print(1)
    finally:
        print(2)

def d(x):
    for i in x:
        try:
            pass
        except Exception as e:
            return e
        else:
            continue

def e():
    try:
        yield 1
    finally:
        yield 2

def f(x):
    try:
        x()
    except (TypeError, ValueError):
        raise
    except Exception as err:
        raise RuntimeError('x') from err

def g(x):
    for i in x:
        try:
            f(i)
        finally:
            break

def h(x):
    for i in x:
        try:
            f(i)
        finally:
            continue
""")
prog("const_conditions", """
if x and 0:
    a = 1
if 1 or x:
    b = 2
while 0:
    c = 3
else:
    d = 4
r = 1 if 0 else 2
s = x if 1 else y
if not 0:
    e = 5
if '':
    f = 6
if ():
    g = 7
if None:
    h = 8
t = x or 1
u = 0 and x
""")
prog("big_displays", """
a = [%s]
b = [%s]
c = {%s}
d = {%s}
e = (%s)
f = {%s}
g = f(%s)
h = f(%s)
i = {%s, **x}
""" % (", ".join("x%d" % i for i in range(40)),
       ", ".join(str(i) for i in range(40)),
       ", ".join("'k%d': %d" % (i, i) for i in range(20)),
       ", ".join("k%d: v%d" % (i, i) for i in range(20)),
       ", ".join("x%d" % i for i in range(35)),
       ", ".join("x%d" % i for i in range(33)),
       ", ".join("x%d" % i for i in range(31)),
       ", ".join("k%d=v%d" % (i, i) for i in range(16)),
       ", ".join("'k%d': v%d" % (i, i) for i in range(17))))
prog("big_method_call", "o.m(%s)\no.m(%s)\no.m(*a, %s)\n" % (
    ", ".join("x%d" % i for i in range(29)), ", ".join("x%d" % i for i in range(30)),
    ", ".join("x%d" % i for i in range(3))))
prog("docstring_folding", """
'a' + 'b'
def f():
    'x' 'y'
    return 1
def g():
    'x' + 'y'
class C:
    f'{x}'
class D:
    'doc' * 2
""")
prog("long_lines", "x = " + " + ".join("value%d" % i for i in range(40)) + "\n" +
     "y = f(" + ", ".join("'%s'" % ("a" * 20) for i in range(8)) + ")\n" +
     "\n" * 5 + "z = 1\n" + "\n" * 200 + "w = 2\n")
prog("multiline_exprs", """
x = [
    1,
    2,
    3,
]
y = {
    'a': f(
        1,
        2),
    'b': g,
}
z = (a
     + b
     * c)
def f(
    a,
    b=(1,
       2),
):
    return (a
            if b
            else None)
""")
prog("unicode_names", """
café = 1
naïve = café + 1
def résumé(élan):
    return élan.ünïcode
s = 'héllo wörld'
t = f'{café}é'
""")
prog("class_private", """
class A:
    __x = 1
    def __init__(self):
        self.__y = self.__x
        __z = 2
        del self.__y
    def m(self, __a, *, __b=1):
        return __a, __b, __module__
    class __Inner:
        __q = 1
    def g(self):
        import __foo
        from __bar import __baz
        return __foo, __baz
""")
prog("class_freevars", """
def outer():
    x = 1
    y = 2
    class C:
        y = 3
        print(x, y)
        def m(self):
            return x + y
        z = [x for _ in range(2)]
    return C

def outer2():
    class D:
        def f(self):
            return __class__
        def g(self):
            return super().g()
    return D
""")
prog("genexp_args", """
s = sum(x for x in y)
t = f(x for x in y if x)
u = o.m(x for x in y)
v = dict((k, v) for k, v in items)
w = [y for x in a for y in x if y if not y]
z = {x: y for x in a for y in b}
""")
prog("comprehension_in_class", """
class C:
    a = [1, 2]
    b = [x * 2 for x in a]
    c = {x for x in range(3)}
    d = (x for x in a)
""")
prog("lambda_forms", """
a = lambda: None
b = lambda x: lambda y: x + y
c = lambda *, k=1: k
d = [lambda: i for i in range(3)]
e = lambda x=[]: x
f = (lambda: 1, lambda: 1)
g = lambda: (yield 1)
h = lambda a, /, b: a
""")
prog("nested_functions_deep", """
def a():
    def b():
        def c():
            def d():
                return 1
            return d
        return c
    return b

class E:
    def f(self):
        def g():
            class H:
                def i(self):
                    return lambda: 1
            return H
        return g
""")
prog("global_in_module", """
global x
x = 1
def f():
    global x
    x = 2
    return x
y = x
del x
""")
prog("aug_everything", """
def f(a):
    a.b.c += 1
    a[0][1] -= 2
    a[i:j] *= 3
    x = 1
    x **= 2
    def g():
        nonlocal x
        x //= 3
    return g
""")
prog("jump_threading", """
def f(a, b, c):
    if a and b or c:
        return 1
    if (a or b) and c:
        return 2
    if a and (b or c):
        return 3
    x = a and b and c
    y = a or b or c
    z = (a and b) or (c and a)
    return x, y, z

def g(a, b):
    while a and b:
        a -= 1
    while a or b:
        b -= 1
    return not (a or b)
""")
prog("is_none_checks", """
def f(a):
    if a is None:
        return 1
    if a is not None:
        return 2
    if None is a:
        return 3
    while a is not None:
        a = a.next
    return a is None
""")
prog("swaps", """
def f(a, b, c):
    a, b = b, a
    a, b, c = c, b, a
    a, b, c, d = d, c, b, a
    (a, b), c = (c, b), a
    x = y = z = a
    return a, b, c
""")
prog("deep_try", """
def f():
    try:
        try:
            try:
                try:
                    try:
                        x = 1
                    except A:
                        pass
                except B:
                    pass
            finally:
                pass
        except C as e:
            raise
    finally:
        return 0
""")
prog("return_value_positions", """
def f(x):
    return

def g(x):
    return (
        x
    )

def h(x):
    return 1 if x else (
        2)

def k(x):
    for a in x:
        return a
    else:
        return None
""")
prog("raise_forms_positions", """
def f():
    raise ValueError(
        'message'
    ) from None
""")
prog("while_else_break", """
i = 0
while i < 10:
    if i == 5:
        break
    i += 1
else:
    print('no break')
for j in range(3):
    pass
else:
    pass
""")
prog("conditional_imports", """
try:
    import gc
except ImportError:
    gc = None
if gc is not None:
    from gc import collect
""")
prog("star_unpack_calls", """
f(*a, *b)
f(*a, x, *b, y)
f(**a, **b)
f(x=1, **a, y=2)
f(x=1, **a, y=2, **b)
o.m(*a, k=1)
print(*[1, 2, 3])
print(*'abc', sep='')
""")
prog("subscript_forms", """
a[1]
a['x']
a[1:2]
a[::]
a[b, c]
a[b:c, d]
a[...]
a[()]
del a[1], a[2:3]
x = a[-1]
y = (1, 2, 3)[i]
z = 'abc'[1:2]
""")
prog("chained_compare_jumps", """
if a < b < c:
    pass
if not (a < b < c):
    pass
while a < b < c:
    a += 1
x = a < b < c < d
y = [i for i in r if 0 < i < 10]
assert 0 <= x < 10, 'range'
""")
prog("set_ops", """
s = {1, 2, 3}
t = {'a', 'b', 'c'}
u = {1.5, 'x', b'y', (1, 2), True}
v = x in {'a', 'b', 'c'}
w = x not in {1, 2, 3}
y = {*a, *b}
z = {1, 2, *a}
""")
prog("generator_features", """
def g(n):
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total

def k():
    for i in range(3):
        try:
            yield i
        except GeneratorExit:
            return
""")
prog("fstring_nesting", """
a = f'{x!r:>{width}}'
b = f'{x}' f'{y}'
c = f'{"nested"}'
d = f'{x:{"^"}{10}}'
e = f'{{literal}} {x}'
f = f'{x:%Y-%m-%d}'
g = f'{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}{k}{l}{m}{n}{o}{p}{q}{r}{s}{t}{u}{v}{w}{x}{y}{z}{aa}{bb}{cc}{dd}{ee}'
""")
prog("many_args_def", "def f(%s, *args, %s, **kw):\n    return %s\n" % (
    ", ".join("a%d" % i for i in range(20)), ", ".join("k%d=%d" % (i, i) for i in range(10)),
    " + ".join("a%d" % i for i in range(20))))
prog("huge_function", "def f(x):\n" + "".join(
    "    if x == %d:\n        x = x * %d + %d\n    else:\n        x = x - %d\n" % (i, i, i * 7, i)
    for i in range(400)) + "    return x\n")
prog("class_body_forms", """
class A(B, C, metaclass=M, **kw):
    "doc"
    a = 1
    b, c = 2, 3
    del a
    if b:
        d = 4
    for i in range(3):
        pass
    try:
        e = 5
    except:
        pass
    def __init__(self):
        super().__init__()
""")

prog("unused_consts", """
def f():
    if 0:
        return 'dead'
    return 'alive'

def g(x):
    while 1:
        return x
    return 'unreachable'

def h():
    return 1
    x = 'after'
""")
prog("statements_one_line", """
a = 1; b = 2; c = a + b
if a: b = 3
while b: b -= 1
for i in x: pass
def f(): return 1
class C: pass
x = 1 + \\
    2
""")
prog("except_names_module", """
try:
    x = 1
except ValueError as e:
    print(e)
except (KeyError, IndexError) as e:
    del e
""")
prog("import_chains", """
import a.b.c
import a.b.c as d
import a.b as e
from .. import f
from ...g.h import i as j, k
from . import *
""")
prog("for_targets", """
for a, *b in x:
    pass
for (a, b), c in x:
    pass
for a[0] in x:
    pass
for a.b in x:
    pass
for [a, b] in x:
    pass
""")
prog("folding_more", """
a = 1e308 * 10
b = -(1e308 * 10)
c = (1, 2)[5]
d = (-1, -2, (-3, 4))
e = '-' * 40
f = -0
g = -0.0
h = 0.0
i = (0.0, -0.0)
j = 1 + 1.5
k = True * 3
l = 10 ** 20
m = 10 ** 40
n = 2 ** 127
o = 2 ** 128
p = 3 ** 80
q = 1 << 127
r = 1 << 128
s = 7 >> 1
t = -7 // 2
u = -7 % 2
v = 7.0 % -2
w = 'ab' * 0
x = 'ab' * -1
y = (1, 2) * 128
z = (1, 2) * 129
aa = b'x' * 4097
ab = 'x' * 4096
ac = 'x' * 4097
ad = ~True
ae = +True
af = -False
ag = not 'x'
ah = not ()
ai = 1.0 / 3
aj = 2 ** -2
ak = 0 ** -1
al = 5 // 0.0
am = 'abc'[True]
an = 'abc'[-4]
ao = b'abc'[0]
ap = 2.5 ** 2
aq = (-2.0) ** 2
ar = 0.0 ** 0.0
""")
prog("while_forms", """
def f(x):
    while True:
        x -= 1
        if not x:
            return x

def g(x):
    while x:
        pass

def h(x):
    while x if x else 0:
        x -= 1

def k():
    while True:
        pass
""")
prog("empty_bodies", """
def f():
    ...

def g():
    pass

class C:
    ...

def h():
    '''doc'''
    ...
""")
prog("nested_generators", """
def g(rows):
    return ((x * y for x in row) for row in rows)

def h(n):
    def inner():
        yield from_(n)
    return (i for i in inner())
""")
prog("call_shapes", """
f(a)(b)(c)
f(g(h(1)))
o.a(1).b(2).c(3)
(a or b)(c)
[x][0](1)
f(*args)(**kw)
getattr(o, 'x')()
print(len(x), len(y), sep=', ', end='\\n')
""")
prog("method_import_check", """
import sys
import os.path as osp
from gc import get_referrers
sys.getrefcount(x)
osp.join(a, b)
x.append(1)
def f():
    return sys.intern('x'), os.path
""")
prog("augassign_globals", """
count = 0
def inc():
    global count
    count += 1
class C:
    total = 0
    total += 1
    def m(self):
        C.total += 1
        self.total += 1
""")
prog("if_else_chains", """
def classify(n):
    if n < 0:
        return 'neg'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'big'

def nested(a, b):
    if a:
        if b:
            x = 1
        else:
            x = 2
    else:
        if b:
            x = 3
        else:
            x = 4
    return x
""")
prog("return_in_handlers", """
def f(x):
    try:
        return x()
    except ValueError:
        return 1
    except TypeError as e:
        return e

def g(x):
    for i in x:
        try:
            pass
        except ValueError:
            break
        except TypeError as e:
            continue

def h(x):
    try:
        pass
    finally:
        if x:
            return 1
""")
prog("lambda_in_defaults", """
def f(key=lambda x: x, items=[1, 2], *, rev=False):
    return sorted(items, key=key, reverse=rev)

g = lambda a=lambda: 1: a()
""")
prog("generator_lambda_class", """
class C:
    g = (x for x in range(3))
    l = lambda self: self
    def m(self):
        return [self for _ in range(2)]
""")
prog("oop_example", """
class Animal:
    count = 0

    def __init__(self, name, sound='...'):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f'{self.name} says {self.sound}'

    def __repr__(self):
        return f'{type(self).__name__}({self.name!r})'

    def __del__(self):
        Animal.count -= 1


class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, 'woof')

    def fetch(self, item):
        try:
            return self.name + ' fetched ' + item
        except TypeError:
            return None


dogs = [Dog(n) for n in ('a', 'b')]
for d in dogs:
    print(d.speak(), d)
print(Animal.count)
""")

prog("big_try", "def f(x):\n    try:\n" + "".join("        x = x * %d + g(x, %d)\n" % (i, i) for i in range(500)) +
     "    except ValueError as e:\n        return e\n    finally:\n        print(x)\n    return x\n")
prog("nested_constants", """
a = ((1, 2), (1, 2), ((1, 2), 'x'))
b = x in {(1, 2), (3, 4)}
c = x in {b'a', b'b', 'a', 1.5, 2}
d = [(1, 2), (1, 2), (3,)]
e = {'k': (1, 2), 'j': (1, 2)}
f = ((), (), ((),))
g = (1.0, 1, True, 0.0, -0.0, 0, False)
h = x in {0, 0.0, False}
def k():
    return (1, 2), ((1, 2), 'x'), 'x'
""")

prog("unicode_nfkc", """
\u00b5 = 1
\ufb01le = \u00b5
print(\u03bc, file)
""")
prog("folding_edge", """
a = '' * 10 ** 12
b = () * 10 ** 12
c = b'' * 10 ** 12
d = 'x' * -5
e = (1,) * 0
""")

prog("string_surrogates", """
x = '\\ud800'
y = 'a\\udfffb'
z = '\\ud800' + 'x'
w = '\\udc00x'[0]
v = '%s\\ud800' % (a,)
""")

prog("annotations_basic", '''
x: int = 5
y: list[int]
(z): str = 'a'
class C:
    """doc"""
    a: int = 1
    b: str
    __p: int = 2
    def m(self, v: int = 3, *args: str, k: float = 1.0, **kw: dict) -> None:
        self.v: int = v
        w: int = 4
        u: str
        self.q: list
        d = {}
        d['k']: int
        d[1:2, 3]: int
def f(a, /, b: 'B', *, c: 'C') -> 'R': pass
def g(a: int, b) -> x: pass
print(__annotations__)
''')
prog("annotations_nested", '''
"""mod doc"""
import sys
if sys:
    a: int = 1
else:
    b: str
for i in range(2):
    c: float
try:
    pass
except Exception:
    d: int
def outer():
    T = int
    def inner():
        x: T = 1
        y: (lambda: 3)
        return x
    return inner
def g(a: int, /, b: 'x' = 2, *args: *sys, k: list[int], **kw) -> 'str':
    return a
def h(x: 1 + 2, y: (1, 2)): pass
class K:
    if 1:
        q: int = 3
    def __m(self, __z: int) -> 'K': pass
@outer
def dec(a: int) -> None: pass
v: int = 3 if True else 4
obj = K()
obj.attr: int = 5
lst = [1,2,3]
lst[0]: int = 9
lst[1:2]: int
(lst): list
(obj.attr): int
''')
prog("annotations_starred", """
def f(*args: *Ts, k: (1, 2), **kw: 'x' 'y') -> -1: pass
def g(a: x.y, b: x[0]): pass
class C:
    def m(self, __a: int, *__b: str) -> None:
        (__c): int = 1
        __d: int
    __e: int
x: int
""")

# Programs CPython refuses after parsing: NAME.err.
ERRORS = {}


def err(name, src):
    assert name not in ERRORS and name not in PROGRAMS, name
    ERRORS[name] = src.lstrip("\n")


err("err_return_outside", "x = 1\nreturn x\n")
err("err_annotated_global", "def f():\n    global g\n    g: int = 3\n")
err("err_annotated_nonlocal", "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n")
err("err_annotated_debug", "__debug__: int\n")
err("err_annotated_global_after", "def f():\n    x: int\n    global x\n")
err("err_return_class", "class C:\n    return 1\n")
err("err_break_outside", "if x:\n    break\n")
err("err_continue_outside", "def f():\n    continue\n")
err("err_yield_outside", "x = 1\ny = (yield x)\n")
err("err_yield_class", "class C:\n    yield 1\n")
err("err_break_in_def_in_loop", "while x:\n    def f():\n        break\n")
err("err_default_except", "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n")
err("err_nonlocal_module", "nonlocal x\n")
err("err_nonlocal_nobinding", "def f():\n    nonlocal x\n")
err("err_global_after_use", "def f():\n    print(x)\n    global x\n")
err("err_global_param", "def f(x):\n    global x\n")
err("err_dup_arg", "def f(a, a):\n    pass\n")
err("err_multi_star", "a, *b, *c = d\n")
err("err_star_alone", "*a = b\n")
err("err_star_load", "print(*a if b else c)\nx = *a\n")
err("err_kw_repeated", "f(a=1, a=2)\n")
err("err_nonlocal_and_global", "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n")
err("err_continue_in_finally_def", "for x in y:\n    class C:\n        continue\n")
err("err_import_star_function", "def f():\n    from os import *\n")
err("err_nonlocal_mangled", "class C:\n    def f(self):\n        nonlocal __x\n")

# ------------------------------------------------------------------- dump


def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0x20 <= o < 0x7F and ch != "\\":
            out.append(ch)
        elif o <= 0xFFFF:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    return "".join(out)


def is_interned(s):
    if len(s) <= 1:
        return False
    return sys.intern("".join(list(s))) is s


class Dumper:
    def __init__(self):
        self.labels = {}
        self.lines = []
        self.todo = []

    def lab(self, o):
        k = id(o)
        if k not in self.labels:
            self.labels[k] = len(self.labels)
        return "@%d" % self.labels[k]

    def sval(self, s):
        return esc(s) + ("!i" if is_interned(s) else "")

    def value(self, v, path):
        if v is None:
            return "None"
        if v is Ellipsis:
            return "Ellipsis"
        if v is True:
            return "True"
        if v is False:
            return "False"
        t = type(v)
        if t is int:
            return "int:%d%s" % (v, self.lab(v))
        if t is float:
            return "float:%r%s" % (v, self.lab(v))
        if t is str:
            return "str:%s%s" % (self.sval(v), self.lab(v))
        if t is bytes:
            return "bytes:%s%s" % (v.hex(), self.lab(v))
        if t is tuple:
            l = self.lab(v)
            return "tuple(%s)%s" % (",".join(self.value(x, path) for x in v), l)
        if t is frozenset:
            l = self.lab(v)
            return "frozenset(%s)%s" % (",".join(self.value(x, path) for x in v), l)
        if t is types.CodeType:
            return "code:%s%s" % (path, self.lab(v))
        raise TypeError("unexpected constant type %r" % t)

    def code(self, co, path):
        out = self.lines
        out.append("object %s" % path)
        out.append("name %s" % self.sval(co.co_name))
        out.append("qualname %s" % self.sval(co.co_qualname))
        out.append("filename %s" % esc(co.co_filename))
        out.append("argcount %d" % co.co_argcount)
        out.append("posonlyargcount %d" % co.co_posonlyargcount)
        out.append("kwonlyargcount %d" % co.co_kwonlyargcount)
        out.append("nlocals %d" % co.co_nlocals)
        out.append("flags %d" % co.co_flags)
        out.append("stacksize %d" % co.co_stacksize)
        out.append("firstlineno %d" % co.co_firstlineno)
        out.append("code %s" % co.co_code.hex())
        parts = [self.lab(co.co_consts)]
        nested = []
        for i, c in enumerate(co.co_consts):
            sub = "%s/%d" % (path, i)
            parts.append(self.value(c, sub))
            if isinstance(c, types.CodeType):
                nested.append((c, sub))
        out.append("consts " + " ".join(parts))
        out.append("names " + " ".join([self.lab(co.co_names)] +
                                       [self.sval(n) + self.lab(n) for n in co.co_names]))
        for field in ("co_varnames", "co_cellvars", "co_freevars"):
            vals = getattr(co, field)
            out.append((field[3:] + " " + " ".join(self.sval(n) + self.lab(n) for n in vals)).rstrip())
        out.append("linetable %s %s" % (self.lab(co.co_linetable), co.co_linetable.hex()))
        out.append("exceptiontable %s %s" % (self.lab(co.co_exceptiontable),
                                             co.co_exceptiontable.hex()))
        for c, sub in nested:
            self.code(c, sub)


def dump(name, src):
    co = compile(src, name + ".py", "exec")
    d = Dumper()
    d.code(co, ".")
    return "\n".join(d.lines) + "\n"


def dump_error(name, src):
    try:
        compile(src, name + ".py", "exec")
    except SyntaxError as e:
        return "%s\n%s\n%d %d %d %d\n" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                         e.end_lineno, e.end_offset)
    raise AssertionError(name + " compiles")


def corpus_programs():
    out = {}
    for prefix, folder in (("corpus_", CORPUS), ("bench_", BENCH)):
        if not os.path.isdir(folder):
            continue
        for fn in sorted(os.listdir(folder)):
            if fn.endswith(".py"):
                with open(os.path.join(folder, fn), encoding="utf-8") as f:
                    out[prefix + fn[:-3]] = f.read()
    return out


# ------------------------------------------------------- random programs

NAMES = ["a", "b", "c", "x", "y", "n", "i", "self", "__p", "data"]
ATTRS = ["v", "next", "items", "__q", "append"]


class RandomProgram:
    """A random program of the subset (valid or not: errors are compared too)."""

    def __init__(self, rnd):
        self.r = rnd
        self.depth = 0

    def choice(self, xs):
        return self.r.choice(xs)

    def name(self):
        return self.choice(NAMES)

    def const(self):
        r = self.r.random()
        if r < 0.3:
            return str(self.r.choice([0, 1, 2, 3, 10, 255, 256, 257, -1, 1000, 2 ** 40, 2 ** 70]))
        if r < 0.4:
            return self.choice(["1.5", "0.0", "-0.0", "1e10", "2.5"])
        if r < 0.6:
            return self.choice(["'s'", "'abc'", "'hello world'", "''", "'x_y'", "'é'", "'%s'", "'%r!'"])
        if r < 0.65:
            return self.choice(["b'by'", "b''"])
        if r < 0.8:
            return self.choice(["None", "True", "False", "..."])
        return "(%s, %s)" % (self.const(), self.const())

    def expr(self, d=0):
        self.depth = d
        r = self.r.random()
        if d > 3 or r < 0.25:
            return self.name() if self.r.random() < 0.6 else self.const()
        k = self.r.randrange(22)
        e = lambda: self.expr(d + 1)
        if k == 0:
            return "%s %s %s" % (e(), self.choice(["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]), e())
        if k == 1:
            return "%s%s" % (self.choice(["-", "+", "~", "not "]), e())
        if k == 2:
            return "(%s %s %s)" % (e(), self.choice(["and", "or"]), e())
        if k == 3:
            ops = ["<", "<=", "==", "!=", ">", ">=", "is", "is not", "in", "not in"]
            n = self.r.randrange(1, 4)
            s = e()
            for _ in range(n):
                s += " %s %s" % (self.choice(ops), e())
            return "(%s)" % s
        if k == 4:
            return "(%s if %s else %s)" % (e(), e(), e())
        if k == 5:
            return self.call(d)
        if k == 6:
            return "%s.%s" % (self.name(), self.choice(ATTRS))
        if k == 7:
            return "%s[%s]" % (self.name(), e())
        if k == 8:
            return "%s[%s:%s]" % (self.name(), e(), self.choice(["", e()]))
        if k == 9:
            items = [e() for _ in range(self.r.randrange(0, 5))]
            if items and self.r.random() < 0.2:
                items[0] = "*" + self.name()
            return "[%s]" % ", ".join(items)
        if k == 10:
            items = [e() for _ in range(self.r.randrange(0, 4))]
            return "(%s%s)" % (", ".join(items), "," if len(items) == 1 else "")
        if k == 11:
            items = ["%s: %s" % (e(), e()) for _ in range(self.r.randrange(0, 4))]
            if self.r.random() < 0.2:
                items.append("**" + self.name())
            return "{%s}" % ", ".join(items)
        if k == 12:
            items = [e() for _ in range(self.r.randrange(1, 4))]
            return "{%s}" % ", ".join(items)
        if k == 13:
            fors = " ".join("for %s in %s%s" % (self.name(), e(),
                                                  " if %s" % e() if self.r.random() < 0.4 else "")
                            for _ in range(self.r.randrange(1, 3)))
            kind = self.r.randrange(4)
            if kind == 0:
                return "[%s %s]" % (e(), fors)
            if kind == 1:
                return "{%s %s}" % (e(), fors)
            if kind == 2:
                return "{%s: %s %s}" % (e(), e(), fors)
            return "(%s %s)" % (e(), fors)
        if k == 14:
            return "(lambda %s: %s)" % (self.params(lam=True), e())
        if k == 15:
            parts = []
            for _ in range(self.r.randrange(1, 4)):
                if self.r.random() < 0.5:
                    parts.append(self.choice(["x", " ", "ab", "{{", "}}"]))
                else:
                    parts.append("{%s%s%s}" % (self.name(), self.choice(["", "!r", "!s", "!a"]),
                                               self.choice(["", ":>4", ":{n}", ":.2f"])))
            return "f'%s'" % "".join(parts)
        if k == 16:
            return "'%%s-%%r' %% (%s, %s)" % (e(), e())
        if k == 17:
            return "(%s\n    %s %s)" % (e(), self.choice(["+", "and", "or", "*"]), e())
        if k == 18:
            return "%s.%s(%s)" % (self.name(), self.choice(ATTRS), ", ".join(e() for _ in range(self.r.randrange(3))))
        if k == 19:
            return "%s(\n    %s,\n    %s)" % (self.name(), e(), e())
        if k == 20:
            return "%s[%s, %s]" % (self.name(), e(), e())
        return self.const()

    def call(self, d):
        args = [self.expr(d + 1) for _ in range(self.r.randrange(0, 4))]
        if self.r.random() < 0.2:
            args.append("*" + self.name())
        kws = ["%s=%s" % (self.choice(["k", "key", "end", "sep"]), self.expr(d + 1))
               for _ in range(self.r.randrange(0, 3))]
        kws = list(dict((k.split("=")[0], k) for k in kws).values())
        if self.r.random() < 0.15:
            kws.append("**" + self.name())
        fn = self.choice([self.name(), "%s.%s" % (self.name(), self.choice(ATTRS)), "print", "len"])
        return "%s(%s)" % (fn, ", ".join(args + kws))

    def params(self, lam=False):
        ps = []
        names = self.r.sample(["p", "q", "r", "s", "t"], self.r.randrange(0, 4))
        nd = False
        for nm in names:
            if nd or self.r.random() < 0.3:
                ps.append("%s=%s" % (nm, self.const()))
                nd = True
            else:
                ps.append(nm)
        if self.r.random() < 0.2:
            ps.append("*args")
            if self.r.random() < 0.5:
                ps.append("kw=%s" % self.const())
        if self.r.random() < 0.15:
            ps.append("**kws")
        return ", ".join(ps)

    def target(self):
        r = self.r.random()
        if r < 0.6:
            return self.name()
        if r < 0.7:
            return "%s.%s" % (self.name(), self.choice(ATTRS))
        if r < 0.8:
            return "%s[%s]" % (self.name(), self.expr(2))
        if r < 0.9:
            return "%s, %s" % (self.name(), self.name())
        return "%s, *%s" % (self.name(), self.name())

    def block(self, ind, n, ctx):
        out = []
        for _ in range(n):
            out.extend(self.stmt(ind, ctx))
        return out or [ind + "pass"]

    def stmt(self, ind, ctx):
        r = self.r.randrange(26)
        d = len(ind) // 4
        sub = ind + "    "
        if d > 3:
            r = self.r.randrange(6)
        if r == 0:
            return [ind + "%s = %s" % (self.target(), self.expr())]
        if r == 1:
            return [ind + "%s %s= %s" % (self.choice([self.name(), "%s.v" % self.name(), "%s[0]" % self.name()]),
                                           self.choice(["+", "-", "*", "//", "|"]), self.expr())]
        if r == 2:
            return [ind + self.call(0)]
        if r == 3:
            return [ind + "%s = %s = %s" % (self.name(), self.name(), self.expr())]
        if r == 4 and "loop" in ctx:
            return [ind + self.choice(["break", "continue"])]
        if r == 5 and "func" in ctx:
            return [ind + "return" + self.choice(["", " " + self.expr()])]
        if r == 6:
            lines = [ind + "if %s:" % self.expr()] + self.block(sub, 2, ctx)
            for _ in range(self.r.randrange(0, 2)):
                lines += [ind + "elif %s:" % self.expr()] + self.block(sub, 1, ctx)
            if self.r.random() < 0.5:
                lines += [ind + "else:"] + self.block(sub, 1, ctx)
            return lines
        if r == 7:
            lines = [ind + "while %s:" % self.expr()] + self.block(sub, 2, ctx | {"loop"})
            if self.r.random() < 0.3:
                lines += [ind + "else:"] + self.block(sub, 1, ctx)
            return lines
        if r == 8:
            lines = [ind + "for %s in %s:" % (self.choice(["i", "a, b", "x", "a, *b"]), self.expr())]
            lines += self.block(sub, 2, ctx | {"loop"})
            if self.r.random() < 0.3:
                lines += [ind + "else:"] + self.block(sub, 1, ctx)
            return lines
        if r == 9:
            lines = [ind + "try:"] + self.block(sub, 2, ctx)
            nh = self.r.randrange(0, 3)
            for k in range(nh):
                h = self.choice(["ValueError", "(TypeError, KeyError)", "Exception"])
                lines += [ind + "except %s%s:" % (h, self.choice(["", " as e"]))] + self.block(sub, 1, ctx)
            if nh and self.r.random() < 0.3:
                lines += [ind + "except:"] + self.block(sub, 1, ctx)
            if nh and self.r.random() < 0.3:
                lines += [ind + "else:"] + self.block(sub, 1, ctx)
            if not nh or self.r.random() < 0.4:
                lines += [ind + "finally:"] + self.block(sub, 1, ctx)
            return lines
        if r == 10:
            return [ind + self.choice(["raise", "raise %s" % self.expr(), "raise ValueError(%s) from %s" % (
                self.expr(), self.name())])]
        if r == 11:
            return [ind + "assert %s%s" % (self.expr(), self.choice(["", ", %s" % self.expr()]))]
        if r == 12:
            nm = self.choice(["f", "g", "h", "__m"])
            lines = []
            if self.r.random() < 0.1:
                lines.append(ind + "@%s" % self.name())
            lines.append(ind + "def %s(%s):" % (nm, self.params()))
            if self.r.random() < 0.2:
                lines.append(sub + "'''doc'''")
            if self.r.random() < 0.05:
                lines.append(sub + "%s %s" % (self.choice(["global", "nonlocal"]), self.name()))
            lines += self.block(sub, 3, {"func"} | (ctx & {"class"}))
            if self.r.random() < 0.3:
                lines.append(sub + "yield %s" % self.expr())
            return lines
        if r == 13:
            lines = [ind + "class %s(%s):" % (self.choice(["C", "D", "__E"]), self.choice(["", "C", "object, metaclass=M"]))]
            lines += self.block(sub, 2, {"class"})
            lines += [sub + "def m(self, v=1):"] + self.block(sub + "    ", 2, {"func"})
            return lines
        if r == 14:
            return [ind + "del %s" % self.target().replace("*", "")]
        if r == 15:
            return [ind + self.choice(["import gc", "import os.path", "import a.b.c as d", "from gc import collect",
                                        "from . import x", "from .m import y as z"])]
        if r == 16:
            return [ind + "pass"]
        if r == 17 and "func" in ctx:
            return [ind + "%s = yield %s" % (self.name(), self.expr())]
        if r == 18:
            return [ind + self.expr()]
        if r == 19:
            return [ind + "%s = [\n%s    %s,\n%s    %s,\n%s]" % (self.name(), ind, self.expr(), ind, self.expr(), ind)]
        if r == 20 and "func" in ctx and self.r.random() < 0.3:
            return [ind + "nonlocal %s" % self.name()]
        if r == 21 and self.r.random() < 0.3:
            return [ind + "global %s" % self.name()]
        if r == 22:
            return [ind + "def k(a, /, b=%s, *, c, d=%s, **e):" % (self.const(), self.const())] + \
                self.block(sub, 3, {"func"} | (ctx & {"class"}))
        if r == 23:
            lines = [ind + "for q in %s:" % self.expr()]
            lines += [sub + "try:"] + self.block(sub + "    ", 2, ctx | {"loop"})
            lines += [sub + "except %s as err:" % self.choice(["E", "ValueError"])]
            lines += self.block(sub + "    ", 1, ctx | {"loop"})
            lines += [sub + "finally:"] + self.block(sub + "    ", 1, ctx | {"loop"})
            return lines
        if r == 24:
            return [ind + "if %s:" % self.expr()] + [sub + "x = %d" % k for k in range(self.r.randrange(1, 150))]
        return [ind + "%s = %s" % (self.name(), self.expr())]


def random_program(seed):
    g = RandomProgram(random.Random(seed))
    lines = []
    for _ in range(g.r.randrange(3, 12)):
        lines += g.stmt("", set())
    return "\n".join(lines) + "\n"




# ------------------------------------------------------- differential runs
#
#   gen_compile.py --diff BINARY FILE...        CPython vs `BINARY --dump FILE`
#   gen_compile.py --fuzz BINARY SEED COUNT     the same on random programs
#
# BINARY is the built test_compile.  Random programs that differ are kept
# in $TMPDIR/refscope-fuzz (NAME.py, NAME.want, NAME.got).  CPython's own
# nondeterminism (hash(None) is an address) and the interpreter's set of
# strings interned at startup can make frozenset orders differ.


def expected(name, src):
    try:
        compile(src, name + ".py", "exec")
    except SyntaxError:
        return dump_error(name, src)
    except (ValueError, RecursionError, MemoryError, OverflowError):
        return None
    return dump(name, src)


def differs(binary, path, name, src):
    want = expected(name, src)
    if want is None:
        return None
    got = subprocess.run([binary, "--dump", path], capture_output=True, text=True, timeout=60).stdout
    if got == want:
        return None
    for k, (a, b) in enumerate(zip(want.splitlines(), got.splitlines())):
        if a != b:
            return want, got, "%s line %d:\n  CPython  %s\n  refscope %s" % (path, k + 1, a[:300], b[:300])
    return want, got, "%s: the dumps differ in length" % path


def diff_files(binary, paths):
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            src = f.read()
        r = differs(binary, path, os.path.basename(path)[:-3], src)
        if r:
            bad += 1
            print(r[2])
    print("%d files, %d differ" % (len(paths), bad))


def fuzz(binary, seed, count):
    out = os.path.join(os.environ.get("TMPDIR", "/tmp"), "refscope-fuzz")
    os.makedirs(out, exist_ok=True)
    bad = 0
    for s in range(seed, seed + count):
        name = "fz%d" % s
        src = random_program(s)
        path = os.path.join(out, name + ".py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        r = differs(binary, path, name, src)
        if r:
            bad += 1
            for ext, text in (("want", r[0]), ("got", r[1])):
                with open(os.path.join(out, "%s.%s" % (name, ext)), "w", encoding="utf-8") as f:
                    f.write(text)
            print(r[2])
    print("%d programs, %d differ" % (count, bad))


def main():
    progs = dict(PROGRAMS)
    progs.update(corpus_programs())
    if len(sys.argv) > 2 and sys.argv[1] == "--diff":
        return diff_files(sys.argv[2], sys.argv[3:])
    if len(sys.argv) == 5 and sys.argv[1] == "--fuzz":
        return fuzz(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    if len(sys.argv) > 1:
        name = sys.argv[1]
        if name in ERRORS:
            sys.stdout.write(dump_error(name, ERRORS[name]))
        else:
            sys.stdout.write(dump(name, progs[name]))
        return
    os.makedirs(OUT, exist_ok=True)
    for name, src in progs.items():
        with open(os.path.join(OUT, name + ".py"), "w", encoding="utf-8") as f:
            f.write(src)
        with open(os.path.join(OUT, name + ".code"), "w", encoding="utf-8") as f:
            f.write(dump(name, src))
    for name, src in ERRORS.items():
        with open(os.path.join(OUT, name + ".py"), "w", encoding="utf-8") as f:
            f.write(src)
        with open(os.path.join(OUT, name + ".err"), "w", encoding="utf-8") as f:
            f.write(dump_error(name, src))
    names = sorted(progs) + sorted(ERRORS)
    print("%d programs, %d errors written to %s" % (len(progs), len(ERRORS), os.path.normpath(OUT)))
    # MANIFEST keeps the status of known programs; new ones start pending.
    manifest = os.path.join(OUT, "MANIFEST")
    known = {}
    header = []
    if os.path.exists(manifest):
        with open(manifest) as f:
            for line in f:
                if line.startswith("#"):
                    header.append(line)
                elif line.strip():
                    known[line.split()[0]] = line
    with open(manifest, "w") as f:
        f.writelines(header)
        for n in names:
            f.write(known.get(n, "%s pending not checked yet\n" % n))


if __name__ == "__main__":
    main()
