#!/usr/bin/env python3
"""Expected values for test_obj_set, asked of CPython 3.11 itself.

    PYTHONHASHSEED=0 python3 tests/objects/gen_set.py > tests/data/objects/set.txt

One step per line, `OP ARG EXPECT` (`-` when empty).  A case starts with
`begin NAME -`; the C test replays the steps on one set `s` in the
simulated heap and compares every expectation.

Items: i:DEC (int), b:0|1 (bool), s:HEX (str as hex UTF-8), f:HEX16 (float
bits), t(ITEMS) (tuple), z(ITEMS) (frozenset(tuple(ITEMS)); printed in its
iteration order).  ITEMS is a comma-separated list, `-` when empty.

Actions (s becomes ...):
    new - -                 set()
    frozenset ITEMS -       frozenset(tuple(ITEMS))
    setof ITEMS -           set(tuple(ITEMS))
    setoflist ITEMS -       set(list(ITEMS))
    setofstr HEX -          set(str): one key per character
    setofdict ITEMS -       set(dict.fromkeys(ITEMS)): the keys in entry order
    buildset ITEMS -        {v0, v1, ...}: BUILD_SET n over names
    literal ITEMS CONST     {c0, c1, ...} of constants: BUILD_SET 0,
                            LOAD_CONST frozenset, SET_UPDATE; CONST is the
                            order of the compiler's frozenset constant
    copy - -                s.copy()
    add ITEM -, discard ITEM 0|1, remove ITEM -, clear - -
    pop - ITEM              s.pop() returned ITEM
    update ITEMS -          s.update(tuple(ITEMS))
    updateset ITEMS -       s.update(set(tuple(ITEMS)))
    updatefrozen ITEMS -    s.update(frozenset(tuple(ITEMS)))
Checks:
    order - ITEMS           list(s)
    size - N                sys.getsizeof(s)
    table - N               bytes of the separate table (0: the inline one)
    hash - N                hash(s)
    len - N                 len(s)
    contains ITEM 0|1       ITEM in s
"""
import os
import struct
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"

BASE = sys.getsizeof(set())    # 216: the object with its GC head


def spec(x):
    if isinstance(x, bool):
        return "b:%d" % x
    if isinstance(x, int):
        return "i:%d" % x
    if isinstance(x, str):
        return "s:" + x.encode().hex()
    if isinstance(x, float):
        return "f:%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]
    if isinstance(x, tuple):
        return "t(" + specs(x) + ")"
    if isinstance(x, frozenset):
        return "z(" + specs(x) + ")"
    raise TypeError(x)


def specs(xs):
    return ",".join(spec(x) for x in xs) or "-"


class Case:
    def __init__(self, out, name):
        self.out = out
        self.s = None
        out.append(f"begin {name} -")

    def step(self, op, arg="-", expect="-"):
        self.out.append(f"{op} {arg} {expect}")

    def checks(self, *what):
        s = self.s
        for w in what:
            if w == "order":
                self.step("order", "-", specs(list(s)))
            elif w == "size":
                self.step("size", "-", sys.getsizeof(s))
            elif w == "table":
                self.step("table", "-", sys.getsizeof(s) - BASE)
            elif w == "len":
                self.step("len", "-", len(s))
            elif w == "hash":
                self.step("hash", "-", hash(s))

    # actions
    def new(self):
        self.s = set()
        self.step("new")

    def frozenset(self, items):
        self.s = frozenset(tuple(items))
        self.step("frozenset", specs(items))

    def setof(self, items):
        self.s = set(tuple(items))
        self.step("setof", specs(items))

    def setoflist(self, items):
        self.s = set(list(items))
        self.step("setoflist", specs(items))

    def setofstr(self, text):
        self.s = set(text)
        self.step("setofstr", text.encode().hex() or "-")

    def setofdict(self, items):
        self.s = set(dict.fromkeys(items))
        self.step("setofdict", specs(items))

    def buildset(self, items):
        names = {f"v{k}": x for k, x in enumerate(items)}
        src = "{" + ",".join(names) + "}"
        code = compile(src, "<buildset>", "eval")
        # up to 30 items: BUILD_SET n; more: BUILD_SET 0 and one SET_ADD
        # per item (STACK_USE_GUIDELINE): the same adds, in the same order
        op = (dis_opmap("BUILD_SET"), len(items)) if len(items) <= 30 else (dis_opmap("SET_ADD"), 1)
        assert bytes(op) in code.co_code
        self.s = eval(code, {}, names)
        self.step("buildset", specs(items))

    def literal(self, items):
        assert len(items) > 2, "shorter displays compile to BUILD_SET n"
        src = "{" + ",".join(repr(x) for x in items) + "}"
        code = compile(src, "<literal>", "eval")
        consts = [c for c in code.co_consts if isinstance(c, frozenset)]
        assert len(consts) == 1
        self.s = eval(code)
        self.step("literal", specs(items), specs(list(consts[0])))

    def copy(self):
        self.s = self.s.copy()
        self.step("copy")

    def add(self, x):
        self.s.add(x)
        self.step("add", spec(x))

    def discard(self, x):
        had = x in self.s
        self.s.discard(x)
        self.step("discard", spec(x), int(had))

    def remove(self, x):
        self.s.remove(x)
        self.step("remove", spec(x))

    def pop(self):
        x = self.s.pop()
        self.step("pop", "-", spec(x))

    def clear(self):
        self.s.clear()
        self.step("clear")

    def update(self, items):
        self.s.update(tuple(items))
        self.step("update", specs(items))

    def updateset(self, items):
        self.s.update(set(tuple(items)))
        self.step("updateset", specs(items))

    def updatefrozen(self, items):
        self.s.update(frozenset(tuple(items)))
        self.step("updatefrozen", specs(items))

    def contains(self, x):
        self.step("contains", spec(x), int(x in self.s))


def dis_opmap(name):
    import dis
    return dis.opmap[name]


out = []

# getsizeof, the table's size and the order after each add: 0..100 items
for kind, key in (("int", lambda k: k), ("str", lambda k: str(k)),
                  ("strk", lambda k: "k%d" % k), ("int8", lambda k: 8 * k),
                  ("neg", lambda k: -k * 1000003)):
    c = Case(out, "add_" + kind)
    c.new()
    c.checks("size", "table", "order")
    for k in range(101):
        c.add(key(k))
        c.checks("size", "table", "len", "order")
    c.add(key(50))                     # already there: nothing changes
    c.checks("size", "len", "order")

# removals: dummies, and which dummy a new key reuses (the last one seen)
c = Case(out, "dummies_small")
c.new()
for x in (0, 8, 16, 24):
    c.add(x)
c.checks("order")
c.remove(8)
c.discard(16)
c.discard(16)
c.checks("order", "len")
c.add(32)
c.add(40)
c.checks("order", "len", "size")
c.add(48)
c.add(56)
c.checks("order", "len", "size", "table")

c = Case(out, "removals_int")
c.setof(list(range(40)))
c.checks("order", "size")
for x in range(0, 40, 3):
    c.remove(x)
c.checks("order", "len", "size")
for x in range(100, 140, 2):
    c.add(x)
    c.checks("order", "size")
for x in range(1, 40, 3):
    c.discard(x)
c.checks("order")
c.copy()
c.checks("order", "size")

c = Case(out, "removals_str")
words = ["w%d" % k for k in range(30)]
c.setof(words)
c.checks("order", "size")
for w in words[::2]:
    c.remove(w)
c.checks("order", "len")
for w in ["x%d" % k for k in range(25)]:
    c.add(w)
    c.checks("order", "size")
c.copy()
c.checks("order", "size")

# shrinking: a set emptied by discards and refilled stays large; clear
# goes back to the inline table
c = Case(out, "drain_refill")
c.setof(list(range(60)))
for x in range(60):
    c.discard(x)
c.checks("order", "size", "len")
for x in range(200, 215):
    c.add(x)
    c.checks("order", "size")
c.clear()
c.checks("order", "size", "table", "len")
for x in ("a", "b", "c", "d", "e"):
    c.add(x)
    c.checks("order", "size")

# set displays of constants: BUILD_SET 0 + frozenset constant + SET_UPDATE
for n in list(range(3, 41)) + [50, 64, 80, 100]:
    for kind, items in (("int", list(range(n))),
                        ("int8", [8 * k for k in range(n)]),
                        ("big", [1000 + 37 * k for k in range(n)]),
                        ("str", ["k%d" % k for k in range(n)]),
                        ("mixed", [k if k % 2 else "m%d" % k for k in range(n)])):
        c = Case(out, f"literal_{kind}_{n}")
        c.literal(items)
        c.checks("order", "size", "table", "len")

# set(tuple), set(list), BUILD_SET n, frozenset(tuple)
for n in list(range(0, 41)) + [64, 100]:
    for kind, items in (("int", list(range(n))), ("str", ["t%d" % k for k in range(n)]),
                        ("rev", list(range(n, 0, -1)))):
        c = Case(out, f"setof_{kind}_{n}")
        c.setof(items)
        c.checks("order", "size", "table")
        c = Case(out, f"setoflist_{kind}_{n}")
        c.setoflist(items)
        c.checks("order", "size")
        if n:                          # `{}` is a dict
            c = Case(out, f"buildset_{kind}_{n}")
            c.buildset(items)
            c.checks("order", "size")
        c = Case(out, f"frozenset_{kind}_{n}")
        c.frozenset(items)
        c.checks("order", "size", "table", "hash")
        c.copy()                       # frozenset.copy() is itself
        c.checks("order", "size")

# duplicates and equal keys of different types: the first one stays
c = Case(out, "equal_keys")
c.setof([1, 1.0, True, 2.0, 2, "a", "a", (1, 2), (1.0, 2), 0, False, 0.0, -0.0])
c.checks("order", "len")
c.contains(1.0)
c.contains(True)
c.contains(3)
c.contains((1, 2.0))
c.discard(2)
c.checks("order", "len")

# other key types: floats, tuples, frozensets, strings' characters
c = Case(out, "floats")
c.setof([0.5, 1.5, 2.25, -3.75, 1e100, float("inf"), -float("inf"), 1e-300, 3.0, 0.1])
c.checks("order", "size")
c = Case(out, "tuples")
c.setof([(1, 2), (3, "a"), (), (1.5,), ((1, 2), 3), ("x", "y", "z"), (0,), (None is None,)])
c.checks("order", "size")
c = Case(out, "frozensets")
c.setof([frozenset(), frozenset([1]), frozenset([1, 2]), frozenset(["a", "b"]),
         frozenset([frozenset([3])]), frozenset([2, 1])])
c.checks("order", "len")
c.contains(frozenset([2, 1, 2]))
c.contains(frozenset([4]))
for text in ("hello world", "abracadabra", "naïve café", "日本語のテキスト", "a😀b😀", ""):
    c = Case(out, "chars_" + text.encode().hex())
    c.setofstr(text)
    c.checks("order", "size", "len")

for n in (1, 3, 4, 5, 8, 10, 30, 100):
    for kind, items in (("int", list(range(n))), ("str", ["d%d" % k for k in range(n)])):
        c = Case(out, f"setofdict_{kind}_{n}")
        c.setofdict(items)
        c.checks("order", "size", "table")

# pop: table order from the finger, which pop advances
c = Case(out, "pop_ints")
c.setof(list(range(0, 200, 7)))
for _ in range(10):
    c.pop()
c.add(700)
c.add(1)
c.add(3)
for _ in range(10):
    c.pop()
c.checks("order", "len")
c = Case(out, "pop_finger")           # the finger is one past the popped slot
c.setof([0, 1, 2, 3])
c.pop()
c.add(8)                               # reuses the popped slot's dummy
c.pop()
c.pop()
c.checks("order", "len")
c = Case(out, "pop_strs")
c.setof(["p%d" % k for k in range(20)])
for _ in range(20):
    c.pop()
c.checks("order", "len", "size")
c.add("x")
c.add("y")
c.pop()
c.pop()
c.checks("len")

# update(): with a tuple, a set, a frozenset; into empty and non-empty sets
for n in (3, 4, 5, 6, 10, 20, 40):
    c = Case(out, f"update_set_{n}")
    c.new()
    c.updateset(list(range(n)))
    c.checks("order", "size")
    c.updateset([100 + k for k in range(n)])
    c.checks("order", "size")
    c = Case(out, f"update_frozen_{n}")
    c.new()
    c.updatefrozen(["u%d" % k for k in range(n)])
    c.checks("order", "size")
    c.update(list(range(n)))
    c.checks("order", "size")
    c.updatefrozen(["u%d" % k for k in range(n)])
    c.checks("order", "size")
c = Case(out, "update_with_dummies")
c.setof(list(range(12)))
for x in range(0, 12, 2):
    c.remove(x)
c.copy()                                 # no dummies in the copy
c.checks("order", "size")
c.setof(list(range(12)))
for x in range(0, 12, 2):
    c.remove(x)
c.updateset(list(range(30, 36)))
c.checks("order", "size")

# frozenset hashes
hash_cases = [
    [], [0], [1], [-1], [1, 2, 3], list(range(10)), list(range(100)),
    ["a"], ["a", "b", "c"], ["hello", "world"], [""], [1.5, 2.5, -0.0],
    [(1, 2), (3, 4)], [True, False], [frozenset()], [frozenset([1]), frozenset([2])],
    [frozenset([1, 2]), 3, "x", (4, frozenset([5]))], [2**40, -2**40, 2**61 - 1, 2**61],
    # the scramble comes out as -1 here (solved backwards from -1), so
    # the hash is the reserved replacement 590923713
    [-2152790587108803315],
]
for k, items in enumerate(hash_cases):
    c = Case(out, f"hash_{k}")
    c.frozenset(items)
    c.checks("hash", "order", "len")

print("\n".join(out))
