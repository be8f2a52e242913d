# `is` on strings: identifier-like literals are interned, built strings are not.
import sys

a = "hello"
b = "hello"
print(a is b)
c = "hello world"
d = "hello world"
print(c is d)
def f():
    return "hello world"
print(f() is f(), f() is c)
e = "".join(["hel", "lo"])
print(e == a, e is a)
print(sys.intern(e) is a)
g = "a" + "b"
h = "ab"
print(g is h)
one = "x"
built = "".join(["x"])
print(one is built)
lower_a = "a"
print(chr(97) is lower_a, str(1) is str(1), str(1000) is str(1000))
k = "dynamic" + str(1)
m = "dynamic" + str(1)
print(k is m, sys.intern(k) is sys.intern(m))
key_lit = "key"
d2 = {"key": 1}
for key in d2:
    print(key is key_lit)
class A:
    def __init__(self):
        self.attrname = 1
attr_lit = "attrname"
print(list(A().__dict__)[0] is attr_lit)
t = "é"
u = "é"
print(t is u, chr(233) is t)
