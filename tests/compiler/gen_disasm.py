#!/usr/bin/env python3
"""Expected data for test_disasm, asked of CPython 3.11.7 itself.

    PYTHONHASHSEED=0 python3 tests/compiler/gen_disasm.py
        rewrites tests/data/compiler/disasm/ (sources, dumps, dis output)
    PYTHONHASHSEED=0 python3 tests/compiler/gen_disasm.py --import-corpus DIR
        first copies DIR/*.py to corpus_*.py there (the copies are the
        test's sources; the test never reads DIR)
    python3 tests/compiler/gen_disasm.py --printable-table
        prints the C table of str.isprintable() ranges in disasm.c

For every source NAME.py in the data directory (the feature programs below
are written there on every run; corpus_*.py are kept), the module is
compiled with compile(text, "NAME.py", "exec") and two files are written:

NAME.code -- every code object, children before parents (post-order over
co_consts, each object once), the module last; one record each:

    code K
    name HEX / qualname HEX / filename HEX
    ints FIRSTLINENO ARGCOUNT POSONLY KWONLY NLOCALS STACKSIZE FLAGS
    localsplus N HEX...          co_localsplusnames
    kinds HEX                    co_localspluskinds, one byte per name
    names N HEX...
    bytecode HEX                 the code units, CACHE units included
                                 (co._co_code_adaptive: co_code itself
                                 but for the synthetic quickened case)
    linetable HEX
    exceptiontable HEX
    consts N CONST...
    lines N START:END:LINE...    co_lines(), LINE "-" for None
    positions N L:EL:C:EC...     co_positions(), one per code unit
    end

  HEX is UTF-8 (surrogates passed through, as 'surrogatepass') or raw
  bytes in hex, "-" when empty.  Constants are prefix tokens: N None,
  T True, F False, E Ellipsis, i:DEC int, f:HEX16 float's IEEE bits
  (big-endian), s:HEX str, b:HEX bytes, t:N tuple followed by its N items,
  z:N frozenset followed by its N items in iteration order, c:K code
  object K.  3.11 has no co_localspluskinds attribute: kinds are derived as
  CPython lays localsplus out (varnames, then cellvars that are not
  arguments, then freevars; an argument that is also a cell is
  LOCAL|CELL), and checked against co._varname_from_oparg.

NAME.dis -- exactly what dis.dis(module) prints, each code object's
address replaced by {ADDR:K}; the test puts back the simulated address of
its code object K.

synthetic() also makes a few code objects the compiler would not
(quickened code units, no line table, odd exception tables, EXTENDED_ARG
wrapping, odd names) with code.replace(); they get the same two files.

index.txt -- one line per source, `dis NAME`, plus `lasti NAME OFFSET`
lines: NAME.lasti.OFFSET.dis is dis.disassemble(module, lasti=OFFSET).

printable.txt -- `np FIRST LAST`: the ranges of code points for which
str.isprintable() is false (Py_UNICODE_ISPRINTABLE, unicodedata 14.0.0).

deopt.txt -- `deopt RAW OP` for every byte RAW: the opcode that code.co_code
shows for a code unit holding RAW (CPython 3.11 deoptimizes specialized
instructions and zeroes their caches when it builds co_code), found by
replacing a code object's co_code and reading it back.
"""
import dis
import io
import os
import struct
import sys
import types

assert sys.version_info[:3] == (3, 11, 7), "needs CPython 3.11.7"
assert os.environ.get("PYTHONHASHSEED") == "0" or "--printable-table" in sys.argv, \
    "run with PYTHONHASHSEED=0"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "compiler", "disasm")

CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE = 0x20, 0x40, 0x80

# ---- the feature programs ------------------------------------------------

PROGRAMS = {}

PROGRAMS["straight"] = '''\
"""Module docstring."""
import sys
import os.path as osp
from collections import OrderedDict as OD, deque
from math import *
x = 1
y = x + 2 * 3 - 4 / 5 // 6 % 7 ** 2
z = -x, +x, ~x, not x
x += 1; x -= 1; x *= 2; x /= 2; x //= 1; x %= 5; x **= 2
x <<= 1; x >>= 1; x &= 7; x |= 8; x ^= 3; x @= x if False else 1
s = [1, 2, 3][1:2], [4, 5][::2], (x)[0:1:2] if 0 else None
a = b = c = 5
a, b = b, a
a, *rest = [1, 2, 3]
d = {"k": 1, "j": 2}
d["k"] = 3
del d["k"]
e = {1: a, 2: b}
print(a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b)
print(a in d, a not in d, 1 < a < 3)
print(a and b or c, not (a or b))
assert a, "message"
assert b
sys.x = 1
del sys.x
print(sys.version_info.major)
global gg
gg = 1
del gg
if x:
    pass
elif y:
    x = 2
else:
    x = 3
lst = [1, 2, 3, *rest]
st = {1, 2, *rest}
tp = (*rest, 1)
dd = {**d, "z": 1}
n: int = 5
m: "str"
print(lst[-1], ..., None, True, False)
'''

PROGRAMS["annotations"] = '''\
x: int = 5
y: "list"
(z): str = "a"
class C:
    a: int = 1
    __p: float
    def m(self, v: int = 3, *args: str, k: float = 1.0, **kw: dict) -> None:
        self.v: int = v
        w: int = 4
        d = {}
        d[1:2, 3]: int
def f(a, /, b: "B", *, c: "C") -> "R": pass
print(__annotations__)
'''

PROGRAMS["closures"] = '''\
def outer(a, b=2, *args, c, d=4, **kw):
    x = a
    def middle(e):
        nonlocal x
        x = e
        def inner():
            return x + a + e
        return inner
    return middle

def argcell(p, q):
    def use():
        return p
    return use, q

def deleter():
    v = 1
    def f():
        nonlocal v
        del v
    del f
    return 0

lam = lambda u, *, w=3: u + w
def annotated(a: int, b: "str" = "x") -> list:
    return [a, b]

def f2(a, /, b, *, c):
    return a, b, c

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def defaults_closure(k=1):
    t = 2
    def g(m=k, *, j=t):
        return m + j + t
    return g
'''

PROGRAMS["classes"] = '''\
class A:
    """Doc."""
    attr = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    @staticmethod
    def s():
        return 1
    @classmethod
    def c(cls):
        return cls
    @property
    def p(self):
        return self.v

class B(A, metaclass=type):
    def get(self):
        return super().get() + 1
    def __repr__(self):
        return f"B({self.v!r})"

def make_class(q):
    class C:
        q2 = q
        def m(self):
            return q
    return C

class D:
    x: int = 3
    y: str
    __slots__ = ("a",)
'''

PROGRAMS["comprehensions"] = '''\
data = [1, 2, 3, 4]
squares = [x * x for x in data if x % 2]
pairs = [(x, y) for x in data for y in data if x != y]
sset = {x for x in data}
dmap = {x: str(x) for x in data}
gen = (x + 1 for x in data)
nested = [[y for y in range(x)] for x in data]
def f(n):
    return [i * n for i in range(n)], sum(j for j in range(n))
total = sum(x for x in data if x > 1)
'''

PROGRAMS["generators"] = '''\
def gen(n):
    for i in range(n):
        yield i
    return n

def delegate():
    r = yield from gen(3)
    x = yield r
    yield
    return x

async def coro(aw):
    v = await aw
    async for i in aw:
        print(i)
    async with aw as c:
        pass
    return v

async def agen():
    yield 1
    await coro(None)

def send_it():
    g = gen(2)
    g.send(None)
'''

PROGRAMS["exceptions"] = '''\
import sys
def f(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        print("zero", e)
        y = 0
    except (TypeError, ValueError):
        y = -1
    except:
        raise
    else:
        y += 1
    finally:
        print("done")
    return y

def g():
    try:
        return 1
    finally:
        print("finally")

def h():
    with open("x") as fh, open("y") as fh2:
        return fh.read()

def raiser():
    try:
        raise ValueError("v") from None
    except ValueError as exc:
        raise RuntimeError() from exc

def star():
    try:
        pass
    except* ValueError as eg:
        print(eg)
    except* TypeError:
        pass

def nested():
    for i in range(3):
        try:
            try:
                continue
            finally:
                break
        except Exception:
            pass
try:
    f(0)
except Exception:
    pass
'''

PROGRAMS["loops"] = '''\
def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        if i > 10:
            break
        total += i
    else:
        total = -1
    while n > 0:
        n -= 1
        if n == 5:
            break
    else:
        total += 1
    while True:
        n += 1
        if n > 3:
            return total
    return None

def matcher(cmd):
    match cmd:
        case [x, y, *rest]:
            return x
        case {"k": v, **kw}:
            return v
        case Point(x=0, y=yy) | Point(x=1, y=yy):
            return yy
        case str() as s if s:
            return s
        case 1 | 2 | None:
            return 0
        case _:
            return -1

def while_cond(a):
    while a and a[0] is not None:
        a = a[1:]
    return a
'''

PROGRAMS["fstrings"] = '''\
name = "w"
width = 10
print(f"{name}")
print(f"{name!r} {name!s} {name!a}")
print(f"{name:>10} {name!r:^{width}} {3.14159:.2f}")
print(f"a{name}b{width}c{{}}")
print(f"{f'{name}'}")
print(f"{name=}")
'''

PROGRAMS["calls"] = '''\
def f(*args, **kwargs):
    return args, kwargs
f()
f(1, 2)
f(1, b=2, c=3)
f(*[1, 2])
f(*[1], **{"a": 1})
f(1, *[2], x=3, **{"y": 4})
print("a", "b", sep="-", end="")
"x".join(["a", "b"])
import os
os.path.join("a", "b")
[].append(1)
obj = object()
obj.__class__.__name__.upper()
'''

PROGRAMS["constants"] = r'''
big = 123456789012345678901234567890
huge = 2 ** 100
neg = -12345678901234567890
small_neg = -5
flts = (0.1, 1.5, 1e16, 1e-5, 1e300, -0.0, 0.0, 1e999, -1e999, 123456789.123, 5e-324)
nan = 1e999 - 1e999
nested = (1, (2, (3, (4,))), (), ("a", b"b"), (None, True, False, ...))
def sets(x):
    return x in {1, 2, 3}, x in {"a", "b", "c"}, x in {(1, 2), (3, 4)}, x not in {1.5, None}
def more(x):
    return x in {frozenset(), 7}, x in {"\n", "'", '"'}
strs = ("plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there",
        "nl\n", "cr\r", "nul\x00", "del\x7f", "c1\x80\x9f", "nbsp\xa0", "shy\xad",
        "latin é ñ ß", "greek αβγ", "cjk 中文", "emoji 😀", "ls\u2028", "bom\ufeff",
        "tag\U000e0001", "pua\ue000", "unassigned\u0378", "surrogate\ud800", "",
        "'", '"', "''\"", "\\", "\x1b[0m", "zero width\u200b")
byts = (b"", b"abc", b"it's", b'say "hi"', b"both ' and \"", b"\x00\x01\xff",
        b"\t\n\r\\", b"\x7f\x80", b"'")
long_str = "x" * 100
longer = "y" * 5000
u = ("\u0100" * 3, "\U0001F600" * 2)
def kinds():
    return 1, 2.5, "s", b"b", None, True, ..., (1, "a")
'''


def gen_extended():
    """EXTENDED_ARG: >256 consts, names and locals, long jumps."""
    lines = ["def many_consts(flag):"]
    lines += ["    v = %d" % (1000 + i) for i in range(260)]
    lines += ["    return v", ""]
    lines += ["def many_locals():"]
    lines += ["    l%d = %d" % (i, i % 7) for i in range(260)]
    lines += ["    return l0 + l259", ""]
    lines += ["def long_jumps(x):", "    while x:"]
    lines += ["        x = x - %d" % (i % 3) for i in range(150)]
    lines += ["    if x:"]
    lines += ["        x = x + %d" % (i % 5) for i in range(150)]
    lines += ["    return x", ""]
    lines += ["n%d = %d" % (i, i % 11) for i in range(260)]
    lines += ["print(n259)", ""]
    return "\n".join(lines)


def gen_biglines():
    """Line numbers past 999 (a 4-wide column) and offsets past 9999."""
    lines = ["x = 0", "def far():", "    y = 1"]
    lines += ["    # padding"] * 1000
    lines += ["    return y", ""]
    lines += ["def big():", "    a = 0"]
    lines += ["    a = a.b%d.c.d.e.f.g.h" % (i % 9) for i in range(140)]
    lines += ["    return a", ""]
    lines += ["print(far(), big())", ""]
    return "\n".join(lines)


PROGRAMS["extended"] = gen_extended()
PROGRAMS["biglines"] = gen_biglines()

# dis.disassemble(module, lasti=OFFSET): the '-->' marker.
LASTI = [("straight", 8), ("closures", 2)]

# ---- dumping ------------------------------------------------------------


def hx(b):
    return b.hex() if b else "-"


def shx(s):
    return hx(s.encode("utf-8", "surrogatepass"))


def kinds_of(co):
    names = list(co.co_varnames)
    kinds = [CO_FAST_LOCAL | (CO_FAST_CELL if n in co.co_cellvars else 0) for n in names]
    for n in co.co_cellvars:
        if n not in co.co_varnames:
            names.append(n)
            kinds.append(CO_FAST_CELL)
    for n in co.co_freevars:
        names.append(n)
        kinds.append(CO_FAST_FREE)
    for i, n in enumerate(names):
        assert co._varname_from_oparg(i) == n, (co, i, n)
    try:
        co._varname_from_oparg(len(names))
        raise AssertionError("localsplus longer than derived")
    except IndexError:
        pass
    return names, bytes(kinds)


def const_tokens(k, index, out):
    t = type(k)
    if k is None:
        out.append("N")
    elif k is True:
        out.append("T")
    elif k is False:
        out.append("F")
    elif k is Ellipsis:
        out.append("E")
    elif t is int:
        out.append("i:%d" % k)
    elif t is float:
        out.append("f:" + struct.pack(">d", k).hex())
    elif t is str:
        out.append("s:" + k.encode("utf-8", "surrogatepass").hex())
    elif t is bytes:
        out.append("b:" + k.hex())
    elif t is tuple:
        out.append("t:%d" % len(k))
        for item in k:
            const_tokens(item, index, out)
    elif t is frozenset:
        out.append("z:%d" % len(k))
        for item in k:
            const_tokens(item, index, out)
    elif t is types.CodeType:
        out.append("c:%d" % index[id(k)])
    else:
        raise TypeError("constant of type %s is outside the contract" % t.__name__)


def number_codes(co, order, index):
    """Post-order: nested code objects before the one holding them."""
    if id(co) in index:
        return
    for k in co.co_consts:
        if isinstance(k, types.CodeType):
            number_codes(k, order, index)
    index[id(co)] = len(order)
    order.append(co)


def dump_code(co, k, index):
    # The raw code units; only the synthetic quickened case differs from
    # co_code (code objects are not quickened before they run).
    names, kinds = kinds_of(co)
    consts = []
    for c in co.co_consts:
        const_tokens(c, index, consts)
    num = lambda v: "-" if v is None else str(v)
    lines = ["%d:%d:%s" % (a, b, num(l)) for a, b, l in co.co_lines()]
    positions = [":".join(num(v) for v in p) for p in co.co_positions()]
    lines = [
        "code %d" % k,
        "name " + shx(co.co_name),
        "qualname " + shx(co.co_qualname),
        "filename " + shx(co.co_filename),
        "ints %d %d %d %d %d %d %d" % (co.co_firstlineno, co.co_argcount,
                                      co.co_posonlyargcount, co.co_kwonlyargcount,
                                      co.co_nlocals, co.co_stacksize, co.co_flags),
        " ".join(["localsplus %d" % len(names)] + [shx(n) for n in names]),
        "kinds " + hx(kinds),
        " ".join(["names %d" % len(co.co_names)] + [shx(n) for n in co.co_names]),
        "bytecode " + hx(co._co_code_adaptive),
        "linetable " + hx(co.co_linetable),
        "exceptiontable " + hx(co.co_exceptiontable),
        " ".join(["consts %d" % len(co.co_consts)] + consts),
        " ".join(["lines %d" % len(lines)] + lines),
        " ".join(["positions %d" % len(positions)] + positions),
        "end",
    ]
    return "\n".join(lines) + "\n"


def scrub(text, order, every=True):
    for k, co in enumerate(order):
        addr = " at %#x, file" % id(co)
        assert not every or addr in text or co is order[-1], (co, "address not printed")
        text = text.replace(addr, " at {ADDR:%d}, file" % k)
    assert "at 0x" not in text, "an address was left"
    return text


def dis_text(fn, *args, **kw):
    buf = io.StringIO()
    fn(*args, file=buf, **kw)
    return buf.getvalue()


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def do_program(name, index_lines):
    with open(os.path.join(OUT, name + ".py"), "rb") as f:
        source = f.read()
    do_module(name, compile(source, name + ".py", "exec"), index_lines)


def do_module(name, module, index_lines):
    order, index = [], {}
    number_codes(module, order, index)
    write(os.path.join(OUT, name + ".code"),
          "".join(dump_code(co, k, index) for k, co in enumerate(order)))
    write(os.path.join(OUT, name + ".dis"), scrub(dis_text(dis.dis, module), order))
    index_lines.append("dis %s" % name)
    for lname, off in LASTI:
        if lname == name:
            text = dis_text(dis.disassemble, module, lasti=off)
            assert "-->" in text
            write(os.path.join(OUT, "%s.lasti.%d.dis" % (name, off)), scrub(text, order, every=False))
            index_lines.append("lasti %s %d" % (name, off))


def unit(op, arg=0):
    return bytes([op, arg])


def synthetic():
    """Code objects the compiler does not make, built with code.replace():
    what dis prints for them is still CPython's answer."""
    om = dis.opmap
    out = {}
    # No line table: no line-number column at all.
    co = compile("x = 1\ny = x\n", "syn_nolines.py", "exec")
    out["syn_nolines"] = co.replace(co_linetable=b"")
    # Quickened code units: co_code shows them deoptimized, caches zeroed,
    # unused numbers as CACHE.  The dump holds the raw units.
    co = compile("def f(a, b):\n    return a + b + 1\nf(1, 2)\n", "syn_quickened.py", "exec")
    f = co.co_consts[0]
    raw = bytearray(f.co_code)
    for i in range(0, len(raw), 2):
        op = raw[i]
        if op == om["RESUME"]:
            raw[i] = 150                      # RESUME_QUICK
        elif op == om["LOAD_FAST"]:
            raw[i] = 46                       # LOAD_FAST__LOAD_FAST
        elif op == om["BINARY_OP"]:
            raw[i] = 5                        # BINARY_OP_ADD_INT
            raw[i + 2:i + 4] = bytes([77, 88])  # its cache, not zero
    raw[-2:] = bytes([200, 7])                # an unused number
    f2 = f.replace(co_code=bytes(raw))
    assert f2._co_code_adaptive == bytes(raw) and f2.co_code != bytes(raw)
    consts = list(co.co_consts)
    consts[0] = f2
    out["syn_quickened"] = co.replace(co_consts=tuple(consts))
    # Exception tables: a zero-length entry (its target is no label) and a
    # truncated last entry (dropped).
    co = compile("try:\n    x = 1\nexcept E:\n    pass\n", "syn_exctable.py", "exec")
    table = bytes([0x80 | 1, 0, 5, 3]) + co.co_exceptiontable + bytes([0x82, 0x41])
    out["syn_exctable"] = co.replace(co_exceptiontable=table)
    # EXTENDED_ARG wrapping to a negative oparg; a jump past the end.
    code = (unit(om["RESUME"]) + unit(om["EXTENDED_ARG"], 128) + unit(om["EXTENDED_ARG"])
            + unit(om["EXTENDED_ARG"]) + unit(om["BUILD_TUPLE"], 5)
            + unit(om["EXTENDED_ARG"], 1) + unit(om["JUMP_FORWARD"], 2)
            + unit(om["EXTENDED_ARG"], 255) + unit(om["EXTENDED_ARG"], 255)
            + unit(om["EXTENDED_ARG"], 255) + unit(om["JUMP_BACKWARD"], 255)
            + unit(om["LOAD_GLOBAL"], 1) + bytes(10) + unit(om["LOAD_GLOBAL"], 2) + bytes(10)
            + unit(om["LOAD_CONST"]) + unit(om["RETURN_VALUE"]))
    co = compile("g", "syn_extarg.py", "exec")
    out["syn_extarg"] = co.replace(co_code=code, co_linetable=b"", co_names=("", "g"),
                                   co_consts=(None,))
    # code_repr: line -1 for co_firstlineno 0, names and files as they are.
    co = compile("def f(a):\n    return a\n", "syn_repr.py", "exec")
    f = co.co_consts[0].replace(co_firstlineno=0, co_name='we"ird \u00e9',
                                co_filename='a"b\\c.py')
    consts = list(co.co_consts)
    consts[0] = f
    out["syn_repr"] = co.replace(co_consts=tuple(consts))
    return out


def printable_ranges():
    ranges, start = [], None
    for c in range(0x110000):
        if not chr(c).isprintable():
            if start is None:
                start = c
        elif start is not None:
            ranges.append((start, c - 1))
            start = None
    if start is not None:
        ranges.append((start, 0x10FFFF))
    return ranges


def deopt_table():
    base = compile("x = 1", "d", "exec")
    rows = []
    for raw in range(256):
        unit = bytes([151, 0, raw, 7]) + b"\0" * 40 + bytes([100, 0, 83, 0])
        got = base.replace(co_code=unit).co_code
        rows.append("deopt %d %d" % (raw, got[2]))
        assert got[3] == 7
    return "\n".join(rows) + "\n"


def main():
    if "--printable-table" in sys.argv:
        rs = printable_ranges()
        print("/* %d ranges: str.isprintable() is false (unicodedata %s) */"
              % (len(rs), __import__("unicodedata").unidata_version))
        items = ["{0x%X, 0x%X}" % r for r in rs]
        for i in range(0, len(items), 5):
            print("    " + ", ".join(items[i:i + 5]) + ",")
        return
    os.makedirs(OUT, exist_ok=True)
    if "--import-corpus" in sys.argv:
        src = sys.argv[sys.argv.index("--import-corpus") + 1]
        for fn in sorted(os.listdir(src)):
            if fn.endswith(".py"):
                with open(os.path.join(src, fn), "rb") as f:
                    text = f.read()
                with open(os.path.join(OUT, "corpus_" + fn), "wb") as f:
                    f.write(text)
    for name, text in PROGRAMS.items():
        write(os.path.join(OUT, name + ".py"), text)
    sys.set_int_max_str_digits(0)
    names = sorted(fn[:-3] for fn in os.listdir(OUT) if fn.endswith(".py"))
    index_lines = []
    for name in names:
        do_program(name, index_lines)
    for name, module in synthetic().items():
        do_module(name, module, index_lines)
    write(os.path.join(OUT, "index.txt"), "\n".join(index_lines) + "\n")
    write(os.path.join(OUT, "printable.txt"),
          "".join("np %d %d\n" % r for r in printable_ranges()))
    write(os.path.join(OUT, "deopt.txt"), deopt_table())


if __name__ == "__main__":
    main()
