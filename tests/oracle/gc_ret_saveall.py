# DEBUG_SAVEALL: a two-instance cycle is counted (2) and kept in gc.garbage instead of being freed; clearing garbage frees it.
import gc

class A:
    def __init__(self, name):
        self.name = name

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
a = A("a")
b = A("b")
a.x = b
b.x = a
a = b = None
print("collected", gc.collect())
print(len(gc.garbage), [type(o).__name__ for o in gc.garbage])
print([o.name for o in gc.garbage], [gc.is_finalized(o) for o in gc.garbage])
print("again", gc.collect(), len(gc.garbage))
l = []
l.append(l)
l = None
print("list", gc.collect(), [type(o).__name__ for o in gc.garbage])
gc.set_debug(0)
del gc.garbage[:]
print("cleared, collected", gc.collect(), len(gc.garbage))
