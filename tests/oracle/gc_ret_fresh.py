# gc.collect() on a fresh interpreter with nothing to free returns 0, and again 0.
import gc

print(gc.collect())
print(gc.collect())
print(gc.collect(0), gc.collect(1), gc.collect(2))
print(gc.garbage)
