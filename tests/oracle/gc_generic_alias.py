import gc, sys

def delta(f):
    gc.collect()
    c0 = gc.get_count()[0]
    r = f()
    c1 = gc.get_count()[0]
    return c1 - c0, r

print(delta(lambda: list[int])[0])
print(delta(lambda: dict[str, int])[0])
print(delta(lambda: type[int])[0])
print(delta(lambda: dict[str, list[int]])[0])
print(delta(lambda: tuple[int, ...])[0])
keep = []
print(delta(lambda: keep.append(list[int]))[0])
g = keep[0]
print(delta(lambda: g.__parameters__)[0])
print(delta(lambda: g.__parameters__)[0])
h = dict[str, list[int]]
print(delta(lambda: h.__parameters__)[0])
print(delta(lambda: list[int]([1, 2]))[0])
print(delta(lambda: g([1, 2]))[0])
print(delta(lambda: repr(h))[0])
print(delta(lambda: h == dict[str, list[int]])[0])

class Node:
    pass
def cyc():
    n = Node()
    n.t = list[n]
    return None
gc.collect()
cyc()
print(gc.collect())
def total(xs: list[int]) -> dict[str, int]:
    return {}
print(delta(lambda: total([]))[0])
t = (int, str)
print(sys.getrefcount(t))
x = dict[t]
print(sys.getrefcount(t), x.__args__ is t)
y = list[t]
print(sys.getrefcount(t), y.__args__[0] is t)
del x, y
print(sys.getrefcount(t))
print(sys.getsizeof(list[int]), sys.getsizeof(dict[str, int]), gc.is_tracked(list[int]))
print(gc.get_referents(dict[str, int]))
