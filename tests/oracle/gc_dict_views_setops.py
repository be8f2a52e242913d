# Collector counts, sizes and refcounts around the dict views' set
# operations: which objects each one makes (the result set, a set(self)
# first, set.intersection's or difference_update's argument tuple, the
# iterator of the other operand, dictitems_xor's dict copy, pairs and
# items view), and what an error leaves behind.
import gc
import sys

d = {i: str(i) for i in range(6)}
e = {i: str(i) for i in range(3, 30)}
k, i = d.keys(), d.items()
small, large = {1, 2}, set(range(40))
pairs = [(1, '1'), (2, 'x')]
out = []

def measure(name, f):
    gc.collect()
    before = gc.get_count()[0]
    r = f()
    after = gc.get_count()[0]
    size = sys.getsizeof(r) if type(r) is set else -1
    out.append((name, after - before, size, len(r) if type(r) is set else r))
    del r
    gc.collect()
    before = gc.get_count()[0]
    f()
    out.append((name + ' again', gc.get_count()[0] - before))

tests = [
    ('k&small', lambda: k & small), ('small&k', lambda: small & k), ('k&large', lambda: k & large),
    ('large&k', lambda: large & k), ('k&list', lambda: k & [1, 2, 9]), ('k&ek', lambda: k & e.keys()),
    ('ek&k', lambda: e.keys() & k), ('k|small', lambda: k | small), ('small|k', lambda: small | k),
    ('k|large', lambda: k | large), ('k|range', lambda: k | range(50)), ('k-small', lambda: k - small),
    ('list-k', lambda: [1, 9] - k), ('k-large', lambda: k - large), ('k^small', lambda: k ^ small),
    ('k^list', lambda: k ^ [0, 99]), ('i&pairs', lambda: i & pairs), ('pairs&i', lambda: set(pairs) & i),
    ('i|pairs', lambda: i | pairs), ('i-pairs', lambda: i - pairs), ('i^pairs', lambda: i ^ pairs),
    ('i^ei', lambda: i ^ e.items()), ('ei^i', lambda: e.items() ^ i), ('i^i', lambda: i ^ i),
    ('k.isdisjoint', lambda: k.isdisjoint([7, 8])), ('i.isdisjoint', lambda: i.isdisjoint(e.items())),
    ('k.isdisjoint(large)', lambda: k.isdisjoint(large)),
]
for name, f in tests:
    measure(name, f)

def error(f):
    gc.collect()
    before = gc.get_count()[0]
    try:
        f()
    except TypeError as exc:
        msg = str(exc)
    return gc.get_count()[0] - before, msg

out.append(error(lambda: k & 1))
out.append(error(lambda: 1 | k))
out.append(error(lambda: k - 1))
out.append(error(lambda: {1: []}.items() ^ {2: 0}.items()))
out.append(error(lambda: {1: []}.items() | set()))
for row in out:
    print(row)

s = set(range(100, 103))
x = 101
before = sys.getrefcount(x)
r1 = k | s
r2 = s - k
print(sys.getrefcount(x) - before, sys.getrefcount(s), sys.getrefcount(d), sys.getrefcount(k))
key = 'v' * 3
val = ['list']
dd = {key: 1}
before = sys.getrefcount(key), sys.getrefcount(val)
r3 = dd.items() ^ {key: 2}.items()
print(sys.getrefcount(key) - before[0], len(r3), sys.getsizeof(r3))
v = d.keys()
v |= range(20)
print(type(v), len(v), sys.getsizeof(v), sys.getsizeof(d.keys() | set()), sys.getsizeof(set() | d.keys()))
print(sys.getsizeof(k & large), sys.getsizeof(large & k), sys.getsizeof(e.keys() - k), sys.getsizeof(k ^ e.keys()))
