# The attribute caches of LOAD_ATTR, LOAD_METHOD and STORE_ATTR see every
# change under them: class attributes stored, replaced and deleted, an
# instance attribute shadowing a method and removed again, attributes
# deleted, __dict__ made from the inline values and written through,
# shared keys full (a dict takes over), __slots__ classes, a class's
# __dict__ handed out, classes freed and made again, subclasses, and
# objects of several classes through one instruction.
class A:
    def __init__(self, x):
        self.x = x

    def m(self):
        return "A.m"


def get_x(o):
    return o.x


def call_m(o):
    return o.m()


def set_x(o, v):
    o.x = v


a = A(1)
for i in range(3):
    print(get_x(a), call_m(a))
set_x(a, 2)
print(get_x(a))


def m2(self):
    return "m2"


A.m = m2
print(call_m(a))
a.m = lambda: "instance m"
print(call_m(a))
del a.m
print(call_m(a))
del A.m
try:
    call_m(a)
except AttributeError as e:
    print("AttributeError:", e)
A.m = m2

A.x = "class x"
del a.x
print(get_x(a))
set_x(a, 5)
print(get_x(a))
del A.x
del a.x
try:
    get_x(a)
except AttributeError as e:
    print("AttributeError:", e)
set_x(a, 6)
print(get_x(a))

# __dict__ made from the values; stores through both ways
d = a.__dict__
d["x"] = 42
print(get_x(a))
set_x(a, 7)
print(d["x"], get_x(a), call_m(a))
d["m"] = lambda: "dict m"
print(call_m(a))
del d["m"]
print(call_m(a))

# fresh instances keep using inline values
a2 = A(10)
for i in range(3):
    set_x(a2, i)
    print(get_x(a2), call_m(a2))


class B:
    __slots__ = ("x",)

    def m(self):
        return "B.m"


b = B()
b.x = 9
print(get_x(b), call_m(b))
set_x(b, 10)
print(get_x(b), get_x(a2), call_m(a2), call_m(b))


class Sub(A):
    pass


s = Sub(3)
print(get_x(s), call_m(s))
A.m = lambda self: "A.m again"
print(call_m(s), call_m(a2))


def sub_m(self):
    return "Sub.m"


Sub.m = sub_m
print(call_m(s), call_m(a2))


class C:
    def m(self):
        return "C.m"


c = C()
for i in range(3):
    print(call_m(c))
cd = C.__dict__
print(call_m(c))
setattr(C, "m", lambda self: "C.m set")
print(call_m(c))


def make(n):
    class K:
        def __init__(self):
            self.x = n

        def m(self):
            return "K" + str(self.x)

    return K()


for i in range(5):
    k = make(i)
    print(call_m(k), get_x(k))
    set_x(k, i * 10)
    print(get_x(k))


class W:
    pass


w = W()
w.x = "first"
print(get_x(w))
for i in range(40):
    setattr(w, "a" + str(i), i)
set_x(w, "after many")
print(get_x(w), w.a39, len(w.__dict__))
w2 = W()
set_x(w2, "w2")
print(get_x(w2))
for o in [a, a2, b, s, c, w, w2, k]:
    try:
        print(type(o).__name__, get_x(o))
    except AttributeError as e:
        print("AttributeError:", e)
