# getrefcount with closures: cells hold references, captured objects outlive scopes.
import sys

def outer():
    captured = [0]
    print("before inner", sys.getrefcount(captured))
    def inner():
        return captured
    print("with inner", sys.getrefcount(captured))
    return inner

fn = outer()
obj = fn()
print("from closure", sys.getrefcount(obj))
fn2 = outer()
print(sys.getrefcount(obj), fn2() is obj)
del fn
print("closure dropped", sys.getrefcount(obj))

def counter():
    n = [0]
    def a():
        return n
    def b():
        return n
    return a, b

a, b = counter()
shared = a()
print(sys.getrefcount(shared), a() is b())
del a
print(sys.getrefcount(shared))
del b
print(sys.getrefcount(shared))
big = [1] * 5
def reads_global():
    return sys.getrefcount(big)
print(reads_global(), sys.getrefcount(big))
def captures_arg(x):
    def f():
        return x
    return f
g = captures_arg(big)
print(sys.getrefcount(big))
cell = g.__closure__[0]
print(cell.cell_contents is big, sys.getrefcount(big))
