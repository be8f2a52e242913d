# getrefcount inside expressions: several calls in one line, methods, comprehensions, lambdas.
import sys

x = [1, 2]
print(sys.getrefcount(x), sys.getrefcount(x))
pair = (sys.getrefcount(x), len(x))
print(pair)
print([sys.getrefcount(x) for _ in range(2)])
print((lambda: sys.getrefcount(x))())
print((lambda v: sys.getrefcount(v))(x))
t = (x, sys.getrefcount(x))
print(t[1], sys.getrefcount(x))
print(sys.getrefcount(x) + sys.getrefcount(x) * 10)
d = {"v": x}
print(sys.getrefcount(d["v"]), sys.getrefcount(d))

def func():
    return 1

print(sys.getrefcount(func))
alias = func
print(sys.getrefcount(func))

class K:
    def method(self):
        return sys.getrefcount(self)

k = K()
print(sys.getrefcount(k), k.method(), K.method(k))
bound = k.method
print(sys.getrefcount(k), bound())
