# __slots__: no instance dict, AttributeError for other names, smaller objects.
import sys

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self, a):
        self.a = a

class Plain:
    def __init__(self, a):
        self.a = a

s = Slotted(1)
p = Plain(1)
print(s.a, p.a)
print(sys.getsizeof(s), sys.getsizeof(p))
print(hasattr(s, "__dict__"), hasattr(p, "__dict__"), hasattr(s, "b"))
s.b = "bee"
print(s.b, Slotted.__slots__)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(Slotted(0).b)
except AttributeError as e:
    print("AttributeError:", e)
del s.b
print(hasattr(s, "b"))

class One:
    __slots__ = ("only",)

class Many:
    __slots__ = ("a", "b", "c", "d", "e")

class NoSlots:
    __slots__ = ()

print(sys.getsizeof(One()), sys.getsizeof(Many()), sys.getsizeof(NoSlots()))

class Child(Slotted):
    pass

c = Child(2)
c.extra = "has dict"
print(c.a, c.extra, c.__dict__)
