# A weakref that is itself garbage is cleared without running its callback; one that is reachable runs its callback.
import gc
import weakref

class N:
    def __init__(self, name):
        self.name = name

def cb(r):
    print("callback ran")

gc.collect()
a = N("a")
b = N("b")
a.other = b
b.other = a
a.wr = weakref.ref(b, cb)
a = b = None
print("weakref inside the cycle, collected", gc.collect())

a = N("a")
b = N("b")
a.other = b
b.other = a
outside = weakref.ref(b, cb)
a = b = None
print("weakref outside the cycle, collected", gc.collect())
print(outside() is None)

c = N("c")
c.me = c
c.wr = weakref.ref(c, cb)
c = None
print("weakref to itself inside the cycle, collected", gc.collect())

x = N("x")
x.me = x
holder = N("holder")
holder.wr = weakref.ref(x, cb)
holder.me = holder
x = None
holder = None
print("weakref held by another garbage cycle, collected", gc.collect())

y = N("y")
y.me = y
z = N("z")
z.me = z
y.wr = weakref.ref(z, cb)
z.wr = weakref.ref(y, cb)
y = z = None
print("two cycles watching each other, collected", gc.collect())
