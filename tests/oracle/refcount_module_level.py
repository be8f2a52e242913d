# sys.getrefcount at module level: names, aliases, rebinding.
import sys

a = [1, 2, 3]
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
c = a
d = b
print(sys.getrefcount(a))
b = None
print(sys.getrefcount(a))
c = d = None
print(sys.getrefcount(a))
obj = object()
print(sys.getrefcount(obj))
s = "".join(["dyn", "amic"])
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
big = 10 ** 30
print(sys.getrefcount(big))
f = 2.5 * 3
print(sys.getrefcount(f))
print(sys.getrefcount([]), sys.getrefcount({}), sys.getrefcount(object()))
x = y = z = {}
print(sys.getrefcount(x))
