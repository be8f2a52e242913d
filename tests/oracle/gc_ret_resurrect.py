# __del__ that stores self: collect() returns 0, the object lives on, is_finalized() is True, and a later drop runs no second __del__.
import gc

saved = []

class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        saved.append(self)

gc.collect()
r = R("r")
r.me = r
print("finalized before:", gc.is_finalized(r))
r = None
print("collected", gc.collect())
print("saved", len(saved), saved[0].name, saved[0].me is saved[0])
print("finalized after:", gc.is_finalized(saved[0]))
print("tracked:", gc.is_tracked(saved[0]))
saved.clear()
print("dropped again, collected", gc.collect())
print("saved", len(saved))
print("again", gc.collect())
