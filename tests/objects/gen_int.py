#!/usr/bin/env python3
"""Expected int facts for test_obj_int, asked of CPython 3.11 itself.

    PYTHONHASHSEED=0 python3 tests/objects/gen_int.py > tests/data/objects/int.txt

One case per line, space-separated; operands and results in decimal, True,
False, None, or s:<hex UTF-8> for a str.  The C test rebuilds the operands
in the simulated heap, runs the same operation and compares every field.

    op NAME A B R SIZEOF HASH NET PEAK CLASS KIND    binary int operations
    un NAME A R SIZEOF HASH NET PEAK CLASS KIND      neg pos abs invert
    divmod A B Q QSIZEOF QHASH R RSIZEOF RHASH NET PEAK QKIND RKIND
    fop NAME A B BITS HASH NET PEAK                  float results (/, **)
    str LIMIT HEX R SIZEOF HASH NET PEAK CLASS KIND  int(text), LIMIT 0 = none
    i64 V R SIZEOF HASH NET CLASS KIND               PyLong_FromLongLong
    fromf BITS R SIZEOF HASH NET PEAK CLASS KIND     int(float)
    asf A BITS                                       float(int)
    asi64 A V                                        PyLong_AsLong
    cmp A B SIGN / bool A 0|1
    repr LIMIT A LEN NET PEAK                        repr(int)
    err NAME A B EXC MESSAGE...                      the exception raised

How the memory facts are measured:
  - NET is what the operation leaves allocated (the result's request size;
    0 for a singleton or a returned operand) and PEAK the most it had
    allocated at once, both from tracemalloc, which records every
    PyObject_Malloc request size exactly.  The bytes the measurement
    itself allocates are a constant, calibrated on 5 + 3 (no allocation).
  - Floats come from the float free list and divmod's tuple from the
    2-tuple free list, which we fill before each measurement, so NET and
    PEAK count ints (and strs) only; the test does the same.  Each case is
    measured three times and the last two must agree.
  - CLASS is the pymalloc block size of the result, read on the real
    interpreter from its pool header (szidx at offset 36 of the 16 KiB
    pool holding the object) with ctypes, and checked against
    (NET + 15) // 16 * 16; "raw" above 512 bytes.
  - KIND: small (a static singleton), new, a / b (the operand itself),
    bool (True or False).
"""
import ctypes
import gc
import operator
import os
import random
import struct
import sys
import tracemalloc

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"

POOL_SIZE = 16 * 1024
SZIDX_OFFSET = 36

gc.disable()
tracemalloc.start()


def api(name, restype, *argtypes):
    f = getattr(ctypes.pythonapi, name)
    f.restype, f.argtypes = restype, list(argtypes)
    return f


from_longlong = api("PyLong_FromLongLong", ctypes.py_object, ctypes.c_longlong)
as_long = api("PyLong_AsLong", ctypes.c_long, ctypes.py_object)


def fill_free_lists():
    """Floats and 2-tuples on their free lists: a float result, divmod's
    tuple and the measurement's own tuples then allocate nothing."""
    floats = [float(i) + 0.25 for i in range(6)]
    pairs = [tuple(floats[i:i + 2]) for i in range(4)]
    del floats, pairs


def measure(f, *args):
    fill_free_lists()
    c0 = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    r = f(*args)
    c1, pk = tracemalloc.get_traced_memory()
    return r, c1 - c0, pk - c0


def calibrate(f, *args):
    seen = {measure(f, *args)[1:] for _ in range(5)}
    assert len(seen) == 1, seen
    return seen.pop()


NOISE = calibrate(operator.add, 5, 3)
assert NOISE[0] == NOISE[1], NOISE
NOISE_CTYPES = calibrate(from_longlong, 5)[0]


def run(f, *args):
    """The last of three identical measurements (first calls of a code
    path may allocate caches of the interpreter's own)."""
    seen = []
    for _ in range(3):
        r, net, peak = measure(f, *args)
        seen.append((net - NOISE[0], peak - NOISE[0]))
    assert seen[1] == seen[2], (f, args, seen)
    return (r,) + seen[2]


def tok(v):
    if v is None or isinstance(v, bool):
        return str(v)
    if isinstance(v, str):
        return "s:" + (v.encode().hex() or "-")
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(v)
    finally:
        sys.set_int_max_str_digits(limit)


def bits(f):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", f))[0]


def kind(r, *operands):
    if isinstance(r, bool):
        return "bool"
    if -5 <= r <= 256:
        assert r is r + 0, "small results are the cached singletons"
        return "small"
    for name, o in zip("ab", operands):
        if r is o:
            return name
    return "new"


def block_class(r, net, k):
    if k != "new":
        assert net == 0, (r, net, k)
        return "-"
    if net > 512:
        return "raw"
    szidx = ctypes.c_uint.from_address((id(r) & ~(POOL_SIZE - 1)) + SZIDX_OFFSET).value
    cls = (szidx + 1) * 16
    assert cls == (net + 15) // 16 * 16, (r, net, cls)
    return str(cls)


out = []


def emit(*fields):
    out.append(" ".join(str(f) for f in fields).rstrip(" "))


def error(name, f, args, shown):
    """shown: the two tokens that name the operands on the line."""
    try:
        r = f(*args)
    except Exception as e:
        emit("err", name, *shown, type(e).__name__, str(e))
        return
    raise AssertionError(f"{name}{args} gave {r!r}, expected an exception")


def facts(r, net, peak, *operands):
    k = kind(r, *operands)
    return [tok(r), sys.getsizeof(r), hash(r), net, peak, block_class(r, net, k), k]


BINARY = {"add": operator.add, "sub": operator.sub, "mul": operator.mul,
          "floordiv": operator.floordiv, "mod": operator.mod, "lshift": operator.lshift,
          "rshift": operator.rshift, "and": operator.and_, "or": operator.or_,
          "xor": operator.xor, "pow": pow}
UNARY = {"neg": operator.neg, "pos": operator.pos, "abs": abs, "invert": operator.invert}


def binop(name, a, b):
    f = BINARY[name]
    try:
        f(a, b)
    except Exception:
        return error(name, f, (a, b), (tok(a), tok(b)))
    r, net, peak = run(f, a, b)
    if isinstance(r, float):
        emit("fop", name, tok(a), tok(b), bits(r), hash(r), net, peak)
        return
    emit("op", name, tok(a), tok(b), *facts(r, net, peak, a, b))


def square(a):
    r, net, peak = run(operator.mul, a, a)
    emit("op", "sq", tok(a), "-", *facts(r, net, peak, a))


def unop(name, a):
    f = UNARY[name]
    r, net, peak = run(f, a)
    emit("un", name, tok(a), *facts(r, net, peak, a))


def truediv(a, b):
    try:
        a / b
    except Exception:
        return error("truediv", operator.truediv, (a, b), (tok(a), tok(b)))
    r, net, peak = run(operator.truediv, a, b)
    emit("fop", "truediv", tok(a), tok(b), bits(r), hash(r), net, peak)


def divmod_case(a, b):
    try:
        divmod(a, b)
    except Exception:
        return error("divmod", divmod, (a, b), (tok(a), tok(b)))
    (q, r), net, peak = run(divmod, a, b)
    emit("divmod", tok(a), tok(b), tok(q), sys.getsizeof(q), hash(q), tok(r), sys.getsizeof(r),
         hash(r), net, peak, kind(q, a, b), kind(r, a, b))


def from_str(text, limit=sys.get_int_max_str_digits()):
    sys.set_int_max_str_digits(limit)
    try:
        try:
            int(text)
        except Exception:
            return error("str", int, (text,), (tok(text), limit))
        r, net, peak = run(int, text)
        emit("str", limit, text.encode().hex() or "-", *facts(r, net, peak))
    finally:
        sys.set_int_max_str_digits(4300)


def from_i64(v):
    nets = [measure(from_longlong, v)[1] - NOISE_CTYPES for _ in range(3)]
    assert nets[1] == nets[2], (v, nets)
    r, net = from_longlong(v), nets[2]
    k = kind(r)
    emit("i64", v, tok(r), sys.getsizeof(r), hash(r), net, block_class(r, net, k), k)


def from_float(f):
    try:
        int(f)
    except Exception:
        return error("fromf", int, (f,), (bits(f), "-"))
    r, net, peak = run(int, f)
    emit("fromf", bits(f), *facts(r, net, peak))


def as_float(a):
    try:
        emit("asf", tok(a), bits(float(a)))
    except Exception:
        error("asf", float, (a,), (tok(a), "-"))


def as_i64(a):
    try:
        emit("asi64", tok(a), as_long(a))
    except Exception:
        error("asi64", as_long, (a,), (tok(a), "-"))


def repr_case(a, limit=4300):
    sys.set_int_max_str_digits(limit)
    try:
        try:
            repr(a)
        except Exception:
            return error("repr", repr, (a,), (tok(a), limit))
        r, net, peak = run(repr, a)
        emit("repr", limit, tok(a), len(r), net, peak)
    finally:
        sys.set_int_max_str_digits(4300)


# ---- operands ----

rnd = random.Random(3117)


def rand_int(max_digits=5):
    n = rnd.choice([0, 1, 1, 1, 2, 2, 3, 4, max_digits])
    v = rnd.getrandbits(30 * n) if n else rnd.randrange(0, 300)
    if rnd.random() < 0.3 and n:  # leave some with a short top digit
        v >>= rnd.randrange(0, 29)
    return -v if rnd.random() < 0.4 else v


EDGE = [0, 1, -1, 2, -5, -6, 7, 256, 257, -257, 2**29, 2**30 - 1, 2**30, 2**30 + 1,
        -(2**30 - 1), -2**30, -(2**30 + 1), 2**31, 2**32 - 1, 2**60 - 1, 2**60, -2**60,
        2**62, 2**63 - 1, -2**63, 2**63, 2**64, -2**64, 10**20, -(10**25) - 7,
        2**90 - 1, 2**120 + 12345]

PAIRS = [(a, b) for a in [0, 1, -1, 7, 256, -6, 2**30 - 1, 2**30, -2**30, 2**60, -2**63, 2**64, 10**20]
         for b in [1, -1, 7, -256, 2**30 - 1, 2**30, -(2**30 + 1), 2**63 - 1, -2**64, 10**20]]


def sample_pairs(k):
    return rnd.sample(PAIRS, k) + [(rand_int(), rand_int()) for _ in range(k)]


# ---- cases ----

for name in ["add", "sub", "mul", "and", "or", "xor"]:
    for a, b in sample_pairs(16) + [(0, 0), (5, 3), (2**30 - 1, 1), (-(2**30 - 1), -1),
                                    (2**60, -2**60), (2**60 + 5, -2**60), (-2**100, 2**100 - 1)]:
        binop(name, a, b)
for a, b in [(True, True), (True, False), (True, 5), (-3, False), (True, 2**40)]:
    for name in ["add", "sub", "mul", "and", "or", "xor"]:
        binop(name, a, b)

# multiplication across the Karatsuba cutoffs (70 digits, 140 for squares)
for na, nb in [(70, 70), (71, 71), (71, 75), (75, 160), (80, 80), (100, 150), (72, 300)]:
    a = rnd.getrandbits(30 * na) | 1 << (30 * na - 1)
    b = rnd.getrandbits(30 * nb) | 1 << (30 * nb - 1)
    binop("mul", a, -b if na == 75 else b)
for n in [1, 2, 3, 70, 140, 141, 150, 200]:
    square(rnd.getrandbits(30 * n) | 1 << (30 * n - 1))
square(-(2**45))

# division and remainder
DIVISIONS = sample_pairs(14) + [
    (2**100, 3), (-2**100, 3), (2**100, -3), (2**100, 2**40), (-2**100, 2**40),
    (2**100 + 1, -2**40), (5, 2**70), (-5, 2**70), (2**40, 2**70), (-2**40, -2**70),
    (2**65, 2**65), (2**65, 2**65 + 1), (2**90 - 1, 2**60 - 1), (10**40, 10**20),
    (-(10**40), 10**20 + 1), (7, 2), (-7, 2), (7, -2), (-7, -2), (1000, 7), (2**30 - 1, 2**30 - 1),
    (rnd.getrandbits(400), rnd.getrandbits(150)), (-rnd.getrandbits(400), rnd.getrandbits(31)),
    (0, 5), (0, 2**70), (True, 2), (7, True)]
for a, b in DIVISIONS + [(5, 0), (2**70, 0), (0, 0)]:
    binop("floordiv", a, b)
    binop("mod", a, b)
    divmod_case(a, b)
for a, b in DIVISIONS[:30] + [(1, 3), (2**53, 3), (2**53 + 1, 1), (2**54 + 1, 2), (10**400, 10**390),
                              (1, 2**2000), (-(2**1030), 3 * 2**10), (2**1024, 1), (10**400, 10**50),
                              (2**2000 + 1, 2**980), (5, 0), (0, -3)]:
    truediv(a, b)

# powers
for a in [0, 1, -1, 2, -2, 3, 7, 10, -10, 2**30, -(2**31 + 1), 12345678901]:
    for e in [0, 1, 2, 3, 4, 5, 7, 10, 31, 32, 63, 64, 100]:
        if abs(a) < 2 or a.bit_length() * e < 14000:
            binop("pow", a, e)
for a, e in [(3, 2000), (7, 5000), (-3, 1001), (2, 13999), (1, 2**40), (-1, 2**31 + 1), (0, 2**35),
             (1, 2**61), (-1, 2**64 + 1), (0, 2**70), (-1, 2**65)]:
    binop("pow", a, e)
for a in [1, -1, 2, -2, 3, 10, -7, 2**60, 2**100, 10**300]:
    for e in [-1, -2, -3, -10, -100, -2**70]:
        binop("pow", a, e)
for a, e in [(0, -1), (2**1100, -1), (0, -2**70)]:
    binop("pow", a, e)

# shifts
for a in [0, 1, -1, -5, 2**29, -(2**29) - 3, 2**30, -2**30, 2**60 + 7, -(2**60) - 1,
          -(2**90), rnd.getrandbits(200), -rnd.getrandbits(200)]:
    for s in [0, 1, 29, 30, 31, 59, 60, 61, 64, 90, 200]:
        binop("rshift", a, s)
        if a.bit_length() + s <= 300:
            binop("lshift", a, s)
for a, s in [(1, 2**64), (2**100, 2**64), (-(2**100), 2**70), (2**100, 2**70), (-1, 2**100), (0, 2**100)]:
    binop("rshift", a, s)
for a, s in [(0, 2**100), (1, -1), (5, -(2**70)), (1, 2**70), (1, 2**64), (True, 3), (5, True)]:
    binop("lshift", a, s)
binop("rshift", 5, -1)

# unary operations
for a in EDGE + [rand_int() for _ in range(12)] + [True, False]:
    for name in UNARY:
        unop(name, a)

# comparisons, truth, conversions
for a, b in sample_pairs(12) + [(2**60, 2**60), (-2**60, -2**60 - 1), (5, 5), (True, 1)]:
    emit("cmp", tok(a), tok(b), (a > b) - (a < b))
for a in EDGE:
    emit("bool", tok(a), int(bool(a)))
for a in EDGE + [2**1023, 2**1024 - 2**970, 2**1024, 2**53 + 1, 2**54 + 3, -(2**64 + 2**11),
                 -(2**64 + 2**11 + 1), 2**80 + 2**27, 2**80 + 2**27 + 1, 3**600]:
    as_float(a)
for a in EDGE + [True]:
    as_i64(a)
for v in [0, 1, -5, 256, 257, -6, 2**30 - 1, -(2**30 - 1), 2**30, -2**30, 2**60 - 1, 2**60,
          2**63 - 1, -2**63]:
    from_i64(v)
for f in [0.0, -0.0, 0.5, -0.9, 5.7, -5.5, -6.0, 256.9, 257.0, 300.5, 2.0**30, -(2.0**30),
          1e18, 2.0**62, 2.0**63, -(2.0**63), 2.0**63 * 3, 1e30, -1e100, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan")]:
    from_float(f)

# int(text)
TEXTS = ["0", "5", "-5", "-6", "256", "257", "300", " 42 ", "\t-7\n", "+12", "1_000",
         "1_000_000_000_000", "0_0", "00", "007", "-0", "+0", "123456789", "1234567890",
         "1" * 20, "9" * 40, "-" + "9" * 100, "1" * 641, "9" * 4300, "\u0661\u0662\u0663",
         "\u00a0 12\u3000", "\uff11\uff12\uff13", "\u0e51\u0e50" * 5, "1_\u0662", "\x851",
         "", " ", "-", "+", "_1", "1_", "1__0", "1.5", "abc", "12abc", "0x10", "1 2",
         "\x00", "1\x00", "1\x002", "'quote", "a\"b'c", "x" * 300, "\x1c1", "1\x7f",
         "\u00e9", "\u0663x", "1" * 4301, "\u00a0", "\u00ad1", "1\u200b"]
for text in TEXTS:
    from_str(text)
from_str("7" * 5000, 0)
from_str("-" + "3" * 4400, 5000)

# repr
for a in EDGE + [rand_int() for _ in range(6)] + [10**99, 10**100, -(10**4299), 7**5000]:
    repr_case(a)
for a in [10**4300, -(10**4300), 2**14300]:
    repr_case(a)
repr_case(10**4300, 0)
repr_case(2**14300, 0)

# operands of the wrong type
for name in BINARY:
    binop(name, 1, None)
binop("add", 1, "x")
binop("mod", 2**70, "x")
truediv(1, None)
error("divmod", divmod, (1, None), ("1", "None"))
for name, f in UNARY.items():
    error(name, f, (None,), ("None", "-"))
as_i64(None)

NOISE_AFTER = calibrate(operator.add, 5, 3)
assert NOISE_AFTER == NOISE, (NOISE, NOISE_AFTER)
print("\n".join(out))
