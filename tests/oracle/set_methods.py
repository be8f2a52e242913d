# Sets and frozensets of ints: methods and operators.
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
s.add(4)
s.add(1)
print(s)
s.discard(10)
s.discard(4)
s.remove(3)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2}.issubset(a), a.issuperset({1}), a.isdisjoint({9}), {1} < {1})
c = a.copy()
c.update([10, 11])
c |= {12}
c &= {1, 10, 12, 99}
c -= {1}
print(c, a)
print(c.pop(), c)
c.clear()
print(c, set(), {0} == {False})
f = frozenset([1, 2])
print(f, f | {3}, type(f | {3}).__name__, {3} | f, type({3} | f).__name__)
print({x % 3 for x in range(10)}, sorted({5, -1, 100, 7}))
print({1, 2} == {2, 1}, {1, 2} == frozenset({1, 2}))
big = set(range(0, 100, 7))
print(big)
