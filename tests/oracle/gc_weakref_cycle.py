# A weakref callback fires when the collector frees a cycle.
import gc
import weakref

class N:
    pass

gc.collect()
a = N()
a.self_ref = a
r = weakref.ref(a, lambda ref: print("callback"))
a = None
print("alive:", r() is not None)
print("collected", gc.collect())
print("alive:", r() is not None)
