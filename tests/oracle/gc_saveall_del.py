# DEBUG_SAVEALL with __del__: finalizers still run once, the objects land in gc.garbage, and freeing them later runs no second __del__.
import gc

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = D("a")
b = D("b")
c = D("c")
a.next = b
b.next = c
c.next = a
a = b = c = None
print("collected", gc.collect())
print([o.name for o in gc.garbage])
print([gc.is_finalized(o) for o in gc.garbage])
gc.set_debug(0)
gc.garbage.clear()
print("garbage cleared")
print("collected", gc.collect())

gc.set_debug(gc.DEBUG_SAVEALL)
x = D("x")
x = None
print("refcount-freed x is not saved:", len(gc.garbage))
t = D("t")
t.me = t
t = None
print("collected", gc.collect(), [o.name for o in gc.garbage])
gc.set_debug(0)
gc.garbage.clear()
print("end")
