#!/usr/bin/env python3
"""Expected values for test_obj_core, asked of CPython 3.11 itself.

    PYTHONHASHSEED=0 python3 tests/objects/gen_core.py > tests/data/objects/core.txt

One fact per line: `KIND ARG... VALUE`; the C test rebuilds each object in
the simulated heap and compares.  Strings are given as hex UTF-8.
"""
import os
import struct
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"

strs = ["", "a", "é", "€", "😀", "hello", "hello world", "x" * 15, "x" * 16, "x" * 100,
        "naïve", "日本語", "a😀b", "\x00", "ÿ", "Ā", "__init__", "sys", "getrefcount"]
ints = [0, 1, -1, 5, 256, 257, -5, -6, 300, 2**30 - 1, 2**30, 2**31, 2**60, -2**60,
        2**62, 2**63 - 1, -2**63, 10**9, 123456789]
floats = [0.0, -0.0, 1.0, 1.5, -2.5, 0.1, 1e16, 1e15, 1e-5, 1e-4, 123.456, 3.141592653589793,
          1e300, 5e-324, 2.0**53, float("inf"), -float("inf"), 0.30000000000000004, 100.0,
          1234567890123456.0, 12345678901234567.0]
tuples = [(), (1,), (1, 2), (1, 2, 3), ("a", "b"), (0,), (-1, -2), (1.5, "x")]

out = []
for s in strs:
    h = s.encode().hex() or "-"
    out.append(f"str_size {h} {sys.getsizeof(s)}")
    out.append(f"hash_str {h} {hash(s)}")
for b in [b"", b"a", b"\xff", b"ab", b"abc", b"hello world", bytes(range(100)), b"x" * 200]:
    h = b.hex() or "-"
    out.append(f"bytes_size {h} {sys.getsizeof(b)}")
    out.append(f"hash_bytes {h} {hash(b)}")
for i in ints:
    out.append(f"int_size {i} {sys.getsizeof(i)}")
    out.append(f"hash_int {i} {hash(i)}")
for f in floats:
    bits = struct.unpack("<Q", struct.pack("<d", f))[0]
    out.append(f"float_repr {bits:016x} {f!r}")
    out.append(f"hash_float {bits:016x} {hash(f)}")
for t in tuples:
    items = ",".join(("s:" + x.encode().hex()) if isinstance(x, str) else
                     ("f:%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]) if isinstance(x, float)
                     else "i:%d" % x for x in t) or "-"
    out.append(f"tuple_size {len(t)} {sys.getsizeof(t)}")
    out.append(f"hash_tuple {items} {hash(t)}")
for k in range(0, 80):
    l = []
    for i in range(k):
        l.append(i)
    out.append(f"list_append {k} {sys.getsizeof(l)}")
for n in range(0, 12):
    l = []
    l.extend(tuple(range(n)))
    out.append(f"list_extend {n} {sys.getsizeof(l)}")
# popping down from 20 appended items
l = []
for i in range(20):
    l.append(i)
for k in range(20, 0, -1):
    l.pop()
    out.append(f"list_pop_to {k - 1} {sys.getsizeof(l)}")
print("\n".join(out))
