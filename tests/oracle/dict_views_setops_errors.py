# The dict views' set operations with what cannot take part: values()
# views, non-iterables (the view's slot raises, it never returns
# NotImplemented), instances of classes; the in-place forms rebind the
# name to a new set, since the views have no in-place slots.
d = {1: 'a', 2: 'b'}
k = d.keys()
class C:
    def __rand__(self, other):
        return 'C.__rand__'
    def __ror__(self, other):
        return 'C.__ror__'
class It:
    def __iter__(self):
        return iter([2, 3])
    def __and__(self, other):
        return NotImplemented
class Own:
    def __and__(self, other):
        return 'Own.__and__'
    def __rsub__(self, other):
        return 'Own.__rsub__'
tests = [
    lambda: d.values() & {1}, lambda: {1} & d.values(), lambda: d.values() | d.values(), lambda: d.values() - k,
    lambda: k ^ d.values(), lambda: k & 1, lambda: 1 & k, lambda: k | None, lambda: None - k, lambda: 2.5 ^ k,
    lambda: k & C(), lambda: C() & k, lambda: C() | k, lambda: k & It(), lambda: It() & k, lambda: It() - k,
    lambda: Own() & k, lambda: k - Own(), lambda: k + {1}, lambda: k * 2, lambda: d & k, lambda: k | d,
    lambda: d | k, lambda: d.items() & 5, lambda: k ^ [[1]], lambda: [[1]] | k, lambda: k - [[1]],
    lambda: {1} & d.values(), lambda: k < 5, lambda: d.values() ^ d.values(),
]
for t in tests:
    try:
        print(t())
    except TypeError as exc:
        print('TypeError:', exc)
v = d.keys()
v &= {1, 5}
print(v, type(v))
v = d.keys()
v |= [7]
print(v, type(v))
v = d.keys()
v -= {2}
print(v, type(v))
v = d.items()
v ^= {(1, 'a'), (3, 'c')}
print(v, type(v))
v = d.keys()
v ^= d.keys()
print(v, type(v), d)
w = {2}
w &= d.keys()
print(w, type(w))
f = frozenset({1, 9})
f |= d.keys()
print(f, type(f))
x = {5: 5}
x |= [(6, 6)]
print(x)
try:
    x |= d.keys()
except TypeError as exc:
    print('TypeError:', exc)
x |= d.items()
print(x)
v = d.values()
try:
    v &= {1}
except TypeError as exc:
    print('TypeError:', exc)
