# Closures in cycles: functions that refer to each other through cells, and an instance holding a closure over itself.
import gc

class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def pair():
    def ping(n):
        if n == 0:
            return "ping"
        return pong(n - 1)
    def pong(n):
        if n == 0:
            return "pong"
        return ping(n - 1)
    return ping(3)

gc.collect()
print(pair())
print("mutual recursion, collected", gc.collect())

def attach(o):
    def show():
        return o.name
    o.show = show
    return show()

o = Obj("o")
print(attach(o))
o = None
print("instance -> closure -> cell -> instance, collected", gc.collect())

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

f = counter()
print(f(), f())
f = None
print("plain closure, collected", gc.collect())

lam = None
def make_lambda():
    k = lambda: k
    return k

k = make_lambda()
print(k() is k)
k = None
print("self-referencing lambda, collected", gc.collect())
