# getrefcount inside functions: locals, arguments, nested calls, return values.
import sys

def one_arg(o):
    return sys.getrefcount(o)

def two_args(o, p):
    return sys.getrefcount(o)

def local_alias(o):
    alias = o
    return sys.getrefcount(o)

def via_star(*args):
    return sys.getrefcount(args[0])

def via_kwargs(**kw):
    return sys.getrefcount(kw["v"])

def chain(o, depth):
    if depth == 0:
        return sys.getrefcount(o)
    return chain(o, depth - 1)

data = [1]
print(sys.getrefcount(data))
print(one_arg(data), two_args(data, data), local_alias(data))
print(via_star(data), via_kwargs(v=data))
print(chain(data, 0), chain(data, 1), chain(data, 3))

def make():
    fresh = [0]
    print("inside make", sys.getrefcount(fresh))
    return fresh

r = make()
print("returned", sys.getrefcount(r))
print(sys.getrefcount(make()))

def keep(o, store):
    store.append(o)
    return sys.getrefcount(o)

store = []
print(keep(data, store), sys.getrefcount(data))
print(one_arg(data), sys.getrefcount(data))
lam = lambda o: sys.getrefcount(o)
print(lam(data))
def default_holder(o=data):
    return sys.getrefcount(o)
print(default_holder(), sys.getrefcount(data))
