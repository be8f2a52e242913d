# A list subclass's instance is a list object with the class's parts
# after it (slots, __weakref__) and a managed dict before it; the item
# array stays a separate allocation.
import sys
import weakref


class Plain(list):
    pass


class NoDict(list):
    __slots__ = ()


class Two(list):
    __slots__ = ("a", "b")


class Sub(Plain):
    pass


print(sys.getsizeof([]), sys.getsizeof(Plain()), sys.getsizeof(NoDict()), sys.getsizeof(Two()))
print(sys.getsizeof(Plain([1, 2, 3])), sys.getsizeof(NoDict([1, 2, 3])), sys.getsizeof(Sub([1])))
g = Plain()
for i in range(9):
    g.append(i)
    print(sys.getsizeof(g), end=" ")
print()
print(sys.getsizeof(Plain(range(5))), sys.getsizeof(Plain("abcdef")))

p = Plain([1, 2])
print(sys.getrefcount(p), sys.getrefcount(Plain))
q = Plain()
r = Plain()
print(sys.getrefcount(Plain))
del q, r
print(sys.getrefcount(Plain))
p.x = "x"
p.y = [p]
print(p.x, sys.getrefcount(p), sys.getsizeof(p), sorted(p.__dict__))
print(sys.getsizeof(p.__dict__))
d = Plain().__dict__
print(d, sys.getsizeof(d))
del p.x
print(list(p.__dict__), hasattr(p, "x"))
try:
    del p.x
except AttributeError as err:
    print("AttributeError:", err)

t = Two([1])
t.a = "A"
print(t.a, t, sys.getrefcount(t))
try:
    t.b
except AttributeError as err:
    print("AttributeError:", err)
try:
    t.c = 1
except AttributeError as err:
    print("AttributeError:", err)
try:
    NoDict().z = 1
except AttributeError as err:
    print("AttributeError:", err)

w = weakref.ref(p)
print(w() is p, weakref.getweakrefcount(p), sys.getrefcount(p))
try:
    weakref.ref(NoDict())
except TypeError as err:
    print("TypeError:", err)
m = Plain([1])
wm = weakref.ref(m)
del m
print(wm())
