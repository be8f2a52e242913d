# weakref.ref, callbacks, getweakrefcount, WeakValueDictionary, finalize.
import weakref
import sys

class Thing:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Thing(" + self.name + ")"

t = Thing("a")
r = weakref.ref(t)
print(r() is t, r(), weakref.getweakrefcount(t), sys.getrefcount(t))
r2 = weakref.ref(t)
print(r2 is r, weakref.getweakrefcount(t))
def gone(ref):
    print("callback: referent gone, ref() is", ref())
r3 = weakref.ref(t, gone)
print(weakref.getweakrefcount(t))
del t
print(r(), r3())
cache = weakref.WeakValueDictionary()
x = Thing("x")
y = Thing("y")
cache["x"] = x
cache["y"] = y
print(len(cache), sorted(cache.keys()), cache["x"])
del x
print(len(cache), list(cache.keys()), cache.get("x"))
f = weakref.finalize(y, print, "finalizer for y ran")
print(f.alive)
y = None
print(f.alive, len(cache))
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref([])
except TypeError as e:
    print("TypeError:", e)
class Slots:
    __slots__ = ("v",)
try:
    weakref.ref(Slots())
except TypeError as e:
    print("TypeError:", e)
