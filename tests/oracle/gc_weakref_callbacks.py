# Weakrefs to objects in a collected cycle: callbacks run during collect() (before __del__), refs are dead afterwards, callback order follows the list.
import gc
import weakref

class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def cb_a(r):
    print("callback a, ref() is", r())

def cb_b(r):
    print("callback b, ref() is", r())

gc.collect()
a = N("a")
b = N("b")
a.other = b
b.other = a
ra = weakref.ref(a, cb_a)
rb = weakref.ref(b, cb_b)
print(weakref.getweakrefcount(a), weakref.getweakrefcount(b))
a = b = None
print("alive:", ra() is not None, rb() is not None)
print("collected", gc.collect())
print("alive:", ra() is not None, rb() is not None)

b = N("b2")
a = N("a2")
a.other = b
b.other = a
ra = weakref.ref(a, cb_a)
rb = weakref.ref(b, cb_b)
a = b = None
print("collected", gc.collect())

c = N("c")
c.me = c
r1 = weakref.ref(c, lambda r: print("first registered"))
r2 = weakref.ref(c, lambda r: print("second registered"))
r3 = weakref.ref(c)
print(weakref.getweakrefcount(c), r3() is c)
c = None
print("collected", gc.collect())
print(r1() is None, r2() is None, r3() is None)
