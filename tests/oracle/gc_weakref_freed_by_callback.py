# A reachable weakref freed by its own callback during a collection is counted in collect()'s result.
import gc
import weakref

class N:
    pass

refs = []

def drop(r):
    print("callback, refs before:", len(refs))
    refs.clear()

gc.collect()
x = N()
x.me = x
refs.append(weakref.ref(x, drop))
x = None
print("collected", gc.collect())
print(len(refs))

def keep(r):
    print("callback keeps it")

x = N()
x.me = x
r = weakref.ref(x, keep)
x = None
print("collected", gc.collect())
print(r() is None)
