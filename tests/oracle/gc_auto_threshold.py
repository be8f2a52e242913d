# Automatic collections with set_threshold(5, 3, 2): get_count() after each kept allocation shows the triggers and the generation cascade.
import gc

class K:
    pass

gc.collect()
keep = []
gc.set_threshold(5, 3, 2)
print(gc.get_threshold())
for i in range(60):
    keep.append(K())
    print(i, gc.get_count())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
