# What annotations allocate, counted by gc.get_count() and seen by
# sys.getrefcount: SETUP_ANNOTATIONS' empty dict (once per namespace),
# MAKE_FUNCTION's tuple of names and values when an annotation is not a
# constant (a constant tuple comes from co_consts), the dict that
# f.__annotations__ makes from it on first access (the tuple is released
# then), and the annotation objects held by those dicts and tuples.
import gc
import sys


def count():
    return gc.get_count()[0]


class Tag:
    pass


t = Tag()
gc.collect()
a = count()
v: t = 1
b = count()
w: t
c = count()
print("module annotations:", b - a, c - b, sys.getrefcount(t))

gc.collect()
a = count()


def f1(x: "int", y: "str") -> "None":
    pass


b = count()


def f2(x: t, y: t) -> t:
    pass


c = count()


def f3(x, y):
    pass


d = count()
print("make function:", b - a, c - b, d - c, sys.getrefcount(t))

gc.collect()
a = count()
d1 = f1.__annotations__
b = count()
d2 = f2.__annotations__
c = count()
d3 = f3.__annotations__
d = count()
again = f2.__annotations__
e = count()
print("first access:", b - a, c - b, d - c, e - d, sys.getrefcount(t))
print(sys.getrefcount(d2), d2 is again)
del d2, again
del f2
print("after del:", sys.getrefcount(t))

gc.collect()
a = count()


class K:
    p: t
    q: t = 0
    r = 1


b = count()
ka = K.__annotations__
c = count()


class L:
    pass


d = count()
la = L.__annotations__
e = count()
print("class:", b - a, c - b, d - c, e - d, sys.getrefcount(t), sys.getrefcount(ka))
del ka, la
print(gc.collect())
