# getrefcount after del, reassignment and going out of scope.
import sys

a = ["payload"]
names = [a]
b = a
c = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
c = "something else"
print(sys.getrefcount(a))
names[0] = None
print(sys.getrefcount(a))

def scope(o):
    local1 = o
    local2 = o
    print("in scope", sys.getrefcount(o))
    del local1
    print("after del local", sys.getrefcount(o))

scope(a)
print("after scope", sys.getrefcount(a))
holder = {"x": a}
print(sys.getrefcount(a))
holder = {}
print(sys.getrefcount(a))
t = (a,)
print(sys.getrefcount(a))
del t
print(sys.getrefcount(a))
try:
    raise ValueError(a)
except ValueError as e:
    print("in except", sys.getrefcount(a))
print("after except", sys.getrefcount(a))
