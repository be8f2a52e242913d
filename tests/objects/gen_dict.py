#!/usr/bin/env python3
"""Expected values for test_obj_dict, asked of CPython 3.11 itself.

    PYTHONHASHSEED=0 python3 tests/objects/gen_dict.py > tests/data/objects/dict.txt

One fact per line, `KIND ARG WANT`, fields without spaces; the C test
replays ARG in the simulated heap and compares what it sees with WANT.

Objects are tokens:
    s<hex>   str from hex UTF-8 ('s' alone is '')
    i<n>     int                 f<hex>   float from its 64 bits
    n T F    None True False     e        ()
    l        a new []            d        a new {}
    t<a>.<b>...  a tuple built at run time of simple tokens (tracked)

An operation list (ARG of most kinds) is comma-separated, `_` when empty:
    +K=V  d[K] = V      -K  del d[K]      pK  d.pop(K)      dK=V  d.setdefault(K, V)
    c     d.clear()     C   d = d.copy()  P   d.popitem()

Kinds:
    sizes   OPS  sys.getsizeof(d) before the first operation and after each
    tracked OPS  gc.is_tracked(d), the same way (1/0)
    order   OPS  the keys in iteration order at the end (tokens, `_` if none)
    table   OPS  the keys object at the end, read through ctypes:
                 log2_size.kind.usable.nentries.<indices as hex>
    literal PROG getsizeof of a dict display; PROG is the bytecode CPython
                 compiled for it: K<n> BUILD_CONST_KEY_MAP, M<n> BUILD_MAP,
                 A MAP_ADD, U DICT_UPDATE, joined by '.'; the keys are
                 consumed in order from the display's key list, which is
                 str 'k0', 'k1', ... for literal_str and int 0, 7, 14, ...
                 for literal_int; values are small ints.
"""
import ctypes
import dis
import gc
import os
import struct
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"
gc.disable()  # a collection would untrack tuples and dicts behind our back


def tok(o):
    if o is None:
        return "n"
    if o is True:
        return "T"
    if o is False:
        return "F"
    if isinstance(o, str):
        return "s" + o.encode().hex()
    if isinstance(o, int):
        return "i%d" % o
    if isinstance(o, float):
        return "f%016x" % struct.unpack("<Q", struct.pack("<d", o))[0]
    if isinstance(o, tuple):
        return "t" + ".".join(tok(x) for x in o)
    raise TypeError(o)


def make(t):
    c = t[0]
    if c == "s":
        return bytes.fromhex(t[1:]).decode()
    if c == "i":
        return int(t[1:])
    if c == "f":
        return struct.unpack("<d", struct.pack("<Q", int(t[1:], 16)))[0]
    if c == "t":
        return tuple([make(x) for x in t[1:].split(".")] if len(t) > 1 else [])
    if c == "l":
        return []
    if c == "d":
        return {}
    return {"n": None, "T": True, "F": False, "e": ()}[t]


def apply(d, op):
    c = op[0]
    if c == "+":
        k, v = op[1:].split("=")
        d[make(k)] = make(v)
    elif c == "-":
        del d[make(op[1:])]
    elif c == "p":
        d.pop(make(op[1:]))
    elif c == "d":
        k, v = op[1:].split("=")
        d.setdefault(make(k), make(v))
    elif c == "c":
        d.clear()
    elif c == "C":
        d = d.copy()
    elif c == "P":
        d.popitem()
    else:
        raise ValueError(op)
    return d


def table(d):
    keys = ctypes.c_void_p.from_address(id(d) + 32).value
    _, log2, log2ib, kind, _, _, usable, nentries = struct.unpack(
        "<qBBBBIqq", ctypes.string_at(keys, 32))
    return "%d.%d.%d.%d.%s" % (log2, kind, usable, nentries,
                               ctypes.string_at(keys + 32, 1 << log2ib).hex())


out = []


def run(kind, ops):
    d = {}
    seen = [d]
    obs = []

    def observe():
        if kind == "sizes":
            obs.append(str(sys.getsizeof(d)))
        elif kind == "tracked":
            obs.append("1" if gc.is_tracked(d) else "0")

    observe()
    for op in ops:
        d = apply(d, op)
        seen.append(d)
        observe()
    if kind == "order":
        obs = [tok(k) for k in d] or ["_"]
    elif kind == "table":
        obs = [table(d)]
    out.append("%s %s %s" % (kind, ",".join(ops) or "_", ",".join(obs)))


def s(x):
    return "s" + x.encode().hex()


def ins(keys, v="n"):
    return ["+%s=%s" % (k, v) for k in keys]


strk = [s("k%d" % i) for i in range(100)]
intk = ["i%d" % i for i in range(100)]

# ---- sizes: growth, deletions, the kind switch, copies ----
run("sizes", ins(strk))
run("sizes", ins(intk))
run("sizes", ins(["f%016x" % struct.unpack("<Q", struct.pack("<d", i + 0.5))[0] for i in range(30)]))
run("sizes", ins(["t%s.i%d" % (s("x"), i) for i in range(25)]))
run("sizes", ins(strk[:20]) + ["-" + k for k in strk[2:17]] + ins(strk[20:30]))
run("sizes", ins(strk[:10]) + ["-" + k for k in strk[:8]] + ins(strk[10:11]))
run("sizes", ins(intk[:10]) + ["p" + k for k in intk[:8]] + ins(intk[10:12]))
run("sizes", ins(strk[:3]) + ["+i5=n"] + ins(strk[3:12]))
run("sizes", ins(strk[:5]) + ["+i5=n"] + ins(strk[5:12]))
run("sizes", ins(strk[:5]) + ["-" + strk[0], "+i5=n"])
run("sizes", ins(strk[:30]) + ["-" + k for k in strk[:25]] + ["C"] + ins(strk[30:40]))
run("sizes", ins(strk[:30]) + ["-" + k for k in strk[:5]] + ["C"] + ins(strk[30:40]))
run("sizes", ins(strk[:7]) + ["C", "c", "C"] + ins(strk[:3]) + ["C"])
run("sizes", ins(intk[:40]) + ["C"] + ["-" + k for k in intk[:30]] + ["C"])
run("sizes", ins(strk[:12]) + ["P"] * 12 + ins(strk[:4]))
run("sizes", ["d%s=n" % k for k in strk[:12]] + ["d%s=i1" % strk[0], "di7=n"])
run("sizes", ins(strk[:6]) + ["c"] + ins(intk[:6]) + ["c"] + ins(strk[:1]))

# ---- GC tracking ----
for v in ["n", "i1", "l", "d", "e", "ti1.i2", "t" + s("a"), s("v"), "f3ff8000000000000", "T"]:
    run("tracked", ["+%s=%s" % (s("a"), v)])
run("tracked", ["+ti1.i2=n"])
run("tracked", ["+e=n", "+i1=n", "+ti3.i4=i1"])
run("tracked", ["+%s=l" % s("a"), "-" + s("a"), "C"])
run("tracked", ins(strk[:20], "l") + ["-" + k for k in strk[:19]] + ["C"])
run("tracked", ins(strk[:3], "l") + ["C", "c", "+%s=i1" % s("b"), "C"])
run("tracked", ["+%s=n" % s("a"), "d%s=l" % s("b"), "d%s=d" % s("c")])
run("tracked", ["d%s=l" % s("a")])

# ---- iteration order ----
run("order", ins(strk[:8]) + ["-" + strk[3], "+%s=i1" % strk[3], "-" + strk[0]])
run("order", ins(intk[:12]) + ["-i5", "-i0", "+i100=n", "+i5=n"])
run("order", ["+i1=" + s("a"), "+T=" + s("b"), "+f3ff0000000000000=n", "+F=n", "+i0=n"])
run("order", ["+f3ff0000000000000=n", "+i1=n", "+T=n"])
run("order", ins(strk[:5]) + ["P", "P"] + ins(strk[10:12]) + ["P"])
run("order", ins(strk[:6]) + ["p" + strk[1], "+i3=n", "+ti1.i2=n", "+n=n", "+F=n"])
run("order", ins(strk[:30]) + ["-" + k for k in strk[::2][:15]] + ["C"] + ins(strk[:4]))
run("order", ins(["i%d" % (i * 8) for i in range(5)]) + ["-i8", "+i64=n", "+i-1=n", "+i-2=n"])
run("order", ins(["i1099511627776", "i-5", "i256", "i257", "i4611686018427387904"]))

# ---- the keys object itself ----
run("table", [])
run("table", ins(strk[:1]))
run("table", ins(strk[:5]))
run("table", ins(strk[:6]))
run("table", ins(strk[:11]))
run("table", ins(strk[:22]))
run("table", ins(strk[:60]))
run("table", ins(intk[:5]))
run("table", ins(intk[:20]))
run("table", ins(["i%d" % (i * 8) for i in range(5)]))
run("table", ins(["i%d" % (i * 8) for i in range(5)]) + ["-i8", "-i16", "+i64=n"])
run("table", ins(["i%d" % (i * 32) for i in range(12)]) + ["-i0", "+i1024=n"])
run("table", ins(strk[:8]) + ["-" + strk[2], "-" + strk[5], "+" + strk[2] + "=n"])
run("table", ins(strk[:10]) + ["-" + k for k in strk[:8]] + ins(strk[10:11]))
run("table", ins(strk[:3]) + ["+i5=n"])
run("table", ins(strk[:5]) + ["P", "P", "+%s=n" % s("z")])
run("table", ins(strk[:30]) + ["-" + k for k in strk[:5]] + ["C"])
run("table", ins(strk[:30]) + ["-" + k for k in strk[:25]] + ["C"])
run("table", ins(strk[:7]) + ["c"])
run("table", ins(["f%016x" % struct.unpack("<Q", struct.pack("<d", i / 4))[0] for i in range(9)]))
run("table", ins(["t%s.i%d" % (s("x"), i) for i in range(7)]) + ["+ti1.i2=n", "+e=n"])

# ---- dict displays: BUILD_MAP / BUILD_CONST_KEY_MAP / MAP_ADD / DICT_UPDATE ----
OPNAMES = {"BUILD_CONST_KEY_MAP": "K", "BUILD_MAP": "M", "MAP_ADD": "A", "DICT_UPDATE": "U"}


def literal(kind, keys):
    src = "{" + ",".join("%r:%d" % (k, i) for i, k in enumerate(keys)) + "}"
    code = compile(src, "<display>", "eval")
    prog = []
    for ins_ in dis.get_instructions(code):
        if ins_.opname in OPNAMES:
            c = OPNAMES[ins_.opname]
            prog.append(c + (str(ins_.arg) if c in "KM" else ""))
    out.append("%s %s %d" % (kind, ".".join(prog), sys.getsizeof(eval(code))))


for n in range(21):
    literal("literal_str", ["k%d" % i for i in range(n)])
for n in range(21):
    literal("literal_int", [i * 7 for i in range(n)])

print("\n".join(out))
