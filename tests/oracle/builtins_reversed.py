# reversed(): __reversed__ first (range, dict, dict views, list, a class),
# else a reversed object over a sequence, else "not reversible"; the
# iterator types and sizes, long ranges, dict changes while iterating.
import sys
for o in [reversed(range(5)), reversed(range(2**70, 2**70 + 3)), reversed(range(0, -10, -3)), reversed({1: 2, 3: 4}), reversed({1:2}.keys()), reversed({1:2, 5:6}.values()), reversed({1:2, 5:6}.items()), reversed([1, 2]), reversed((1, 2)), reversed("ab"), reversed(b"xy")]:
    print(type(o).__name__, sys.getsizeof(o), list(o))
print(list(reversed(range(-2**63, -2**63 + 3))), list(reversed(range(2**63 - 3, 2**63))), list(reversed(range(5, 0, -2))))
print(list(iter(range(2**64, 2**64 + 2))), type(iter(range(2**64))).__name__, sys.getsizeof(iter(range(2**64))))
class S:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
r = reversed(S(3)); print(type(r).__name__, sys.getsizeof(r), list(r), list(r))
print(list(reversed(S(5))))
class R:
    def __reversed__(self): return iter([7, 8])
print(list(reversed(R())))
class N:
    __reversed__ = None
    def __getitem__(self, i): return i
    def __len__(self): return 1
for x in [N(), {1, 2}, 5, {1: 2}.get, iter([1])]:
    try:
        reversed(x)
    except TypeError as e:
        print(e)
class G:
    def __getitem__(self, i): return i
try:
    reversed(G())
except TypeError as e:
    print(e)

class L(list):
    def __reversed__(self): return iter("zz")
print(list(reversed(L([1]))))
print(reversed.__name__, reversed is type(reversed(())))
d = {1: 2, 3: 4}
it = reversed(d)
d[5] = 6
try:
    next(it)
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2, 3: 3}
del d[3]
print(list(reversed(d)), list(reversed(d.items())))
class P:
    def __init__(self): self.a = 1; self.b = 2
p = P()
print(list(reversed(p.__dict__)), list(reversed(p.__dict__.items())))
r = reversed([1, 2, 3]); next(r); print(list(r))
try:
    reversed()
except TypeError as e:
    print(e)
try:
    reversed([], x=1)
except TypeError as e:
    print(e)
print(list(reversed("")), list(reversed(range(0))))
