# Deleting a class leaves a cycle (class, its dict, mro tuple, getset descriptors...): collect() returns 6.
import gc

gc.collect()

class C:
    pass

del C
print("empty class:", gc.collect())

class B:
    pass

class D(B):
    x = 1

del D
print("subclass:", gc.collect())
del B
print("base:", gc.collect())

class S:
    __slots__ = ('a',)

del S
print("slots class:", gc.collect())
