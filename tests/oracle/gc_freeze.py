# gc.freeze()/unfreeze()/get_freeze_count(): frozen objects sit in the permanent generation, are never collected, and return to gen2.
import gc

class K:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

gc.collect()
print(gc.get_freeze_count() > 0, gc.get_freeze_count() == 0)
gc.freeze()
print("after freeze, count:", gc.get_count())
before = gc.get_freeze_count()
print(before > 0)
a = K("a")
a.me = a
l = [a]
print("gen0 objects:", len(gc.get_objects(0)), sorted([type(o).__name__ for o in gc.get_objects(0)]))
gc.freeze()
print("froze", gc.get_freeze_count() - before, "more; count", gc.get_count())
print("gen sizes:", len(gc.get_objects(0)), len(gc.get_objects(1)), len(gc.get_objects(2)))
a = l = None
print("frozen cycle, collected", gc.collect())
gc.unfreeze()
print("freeze count after unfreeze:", gc.get_freeze_count())
print("collected", gc.collect())
print("freeze count:", gc.get_freeze_count())

gc.freeze()
n = gc.get_freeze_count()
b = K("b")
b.me = b
b = None
print("young cycle, collected", gc.collect())
print("frozen count unchanged:", gc.get_freeze_count() == n)
gc.unfreeze()
print(gc.get_freeze_count(), len(gc.get_objects(0)), len(gc.get_objects(1)))
