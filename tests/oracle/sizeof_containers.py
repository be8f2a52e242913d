# sys.getsizeof of containers: lists growing by append, literals, tuples, dicts, sets.
import sys

lst = []
sizes = [sys.getsizeof(lst)]
for i in range(40):
    lst.append(i)
    sizes.append(sys.getsizeof(lst))
print(sizes)
while lst:
    lst.pop()
print(sys.getsizeof(lst))
print(sys.getsizeof([1, 2, 3, 4, 5]), sys.getsizeof(list(range(5))), sys.getsizeof([0] * 5), sys.getsizeof([i for i in range(5)]))
e = [1, 2, 3]
e.extend([4])
print(sys.getsizeof(e), sys.getsizeof(e[:]), sys.getsizeof(e + e), sys.getsizeof(e * 3))
print([sys.getsizeof(tuple(range(n))) for n in range(6)])
d = {}
dsizes = [sys.getsizeof(d)]
for i in range(30):
    d[i] = i
    dsizes.append(sys.getsizeof(d))
print(dsizes)
d.clear()
print(sys.getsizeof(d), sys.getsizeof({}), sys.getsizeof(dict(a=1)), sys.getsizeof({"a": 1, "b": 2}))
s = set()
ssizes = [sys.getsizeof(s)]
for i in range(40):
    s.add(i)
    ssizes.append(sys.getsizeof(s))
print(ssizes)
print(sys.getsizeof(frozenset()), sys.getsizeof(frozenset(range(10))), sys.getsizeof({1, 2, 3, 4, 5}))
class C:
    def __init__(self):
        self.a = 1
print(sys.getsizeof(C()), sys.getsizeof(C().__dict__))
def gen():
    yield 1
print(sys.getsizeof(gen()) > 0, sys.getsizeof(iter([])), sys.getsizeof(enumerate([])) > 0)
