# A recursive inner function (function -> closure tuple -> cell -> function) is a cycle: collect() returns 3 once the outer call ends.
import gc

def outer(n):
    def fact(k):
        if k <= 1:
            return 1
        return k * fact(k - 1)
    return fact(n)

gc.collect()
print(outer(5))
print("collected", gc.collect())
print(outer(3), outer(4))
print("collected", gc.collect())

def keep():
    def inner():
        return inner
    return inner

f = keep()
print(f() is f)
print("kept, collected", gc.collect())
f = None
print("dropped, collected", gc.collect())
