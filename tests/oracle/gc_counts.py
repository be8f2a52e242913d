# gc.get_count() and gc.collect() numbers as objects are created.
import gc

gc.collect()
print(gc.get_count())
keep = []
for i in range(10):
    keep.append([i])
print(gc.get_count())
keep = None
print(gc.get_count())
print(gc.collect(), gc.get_count())
print(gc.get_threshold())
