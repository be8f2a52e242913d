# gc.collect() called from a __del__ (or a gc callback) while a collection runs returns 0 and collects nothing.
import gc

class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        l = []
        l.append(l)
        l = None
        print("del", self.name, "nested collect:", gc.collect())

gc.collect()
a = N("a")
b = N("b")
a.b = b
b.a = a
a = b = None
print("outer collect:", gc.collect())
print("leftover:", gc.collect())

a = N("alone")
print("refcount drop:")
a = None
print("leftover:", gc.collect())

def cb(phase, info):
    if phase == "start":
        print("callback nested collect:", gc.collect())

gc.callbacks.append(cb)
x = []
x.append(x)
x = None
print("with callback:", gc.collect())
gc.callbacks.remove(cb)
print("after:", gc.collect())
