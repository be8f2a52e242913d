# What a class statement and type(name, bases, dict) allocate, counted by
# gc.get_count(): the namespace from type.__prepare__ (a bound method made
# and released), type()'s argument tuple, the copy of the namespace, the
# class, its __mro__, its __dict__/__weakref__ descriptors, the weakref in
# its base's tp_subclasses (and the base's subclasses dict for the first
# subclass of a class), the copy of the class dict type_new_set_names
# walks, and the super object and bound __init_subclass__ of
# type_new_init_subclass.
import gc
import weakref


def count():
    return gc.get_count()[0]


gc.collect()
a = count()
class U: pass
b = count()
class V(U): pass
c = count()
class W(U): pass
d = count()
T = type("T", (), {})
e = count()
X = type("X", (U,), {"a": 1})
f = count()
print("class statements and type():", b - a, c - b, d - c, e - d, f - e)

gc.collect()
a = count()
class S:
    __slots__ = ("x", "y")
b = count()
class E(Exception): pass
c = count()
class E2(E):
    def __init__(self, m):
        super().__init__(m)
d = count()
class L(list): pass
e = count()
class K:
    def f(self):
        return __class__
f = count()
print("slots, exceptions, list, __class__:", b - a, c - b, d - c, e - d, f - e)


def make():
    class Local:
        pass
    return Local


a = count()
P = make()
b = count()
Q = make()
c = count()
print("classes made by a function:", b - a, c - b)

# The subclasses' weakrefs: one per class, the plain one weakref.ref shares.
print("weakrefs:", weakref.getweakrefcount(U), weakref.getweakrefcount(V), weakref.getweakrefcount(P))
r = weakref.ref(U)
print("shared:", r is weakref.ref(U), weakref.getweakrefcount(U))
del r

# Classes live in cycles: the collector frees them, their entries in their
# bases' tables go with them.
del P
print("one local class collected:", gc.collect())
del Q
print("another:", gc.collect())
r = weakref.ref(E2, lambda w: print("E2's weakref callback"))
del E2
print("an exception class:", gc.collect(), r() is None)
del V, W
print("two subclasses of U:", gc.collect())
a = count()
class Y(U): pass
b = count()
print("U's subclasses dict made again:", b - a)
del T, X, Y, U, S, E, L, K
print("the rest:", gc.collect())
