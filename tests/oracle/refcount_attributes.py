# getrefcount with attributes: instance attributes, class attributes, instances themselves.
import sys

class Holder:
    shared = [0]
    def __init__(self, value):
        self.value = value
    def get(self):
        return sys.getrefcount(self)

v = [1]
print(sys.getrefcount(v))
h1 = Holder(v)
print(sys.getrefcount(v))
h2 = Holder(v)
print(sys.getrefcount(v))
print(sys.getrefcount(h1), h1.get())
m = h1.get
print(sys.getrefcount(h1), m())
del m
print(sys.getrefcount(Holder.shared))
h1.shared = Holder.shared
print(sys.getrefcount(Holder.shared))
h2.other = h1
print(sys.getrefcount(h1))
h1.value = None
print(sys.getrefcount(v))
del h2.value
print(sys.getrefcount(v))
h2 = None
print(sys.getrefcount(h1))

class Slotted:
    __slots__ = ("a",)
s = Slotted()
s.a = v
print(sys.getrefcount(v))
s.a = 0
print(sys.getrefcount(v))
setattr(h1, "dyn", v)
print(sys.getrefcount(v), getattr(h1, "dyn") is v)
