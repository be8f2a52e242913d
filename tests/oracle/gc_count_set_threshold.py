# gc.set_threshold() is a METH_VARARGS function: each call builds an args tuple, which counts +1 when that size's tuple free list is empty (after a full collection).
import gc

gc.collect()
r = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
gc.get_count()
r[0] = gc.get_count()[0]
gc.isenabled()
gc.set_debug(0)
gc.get_threshold()
r[1] = gc.get_count()[0]
gc.set_threshold(700)
r[2] = gc.get_count()[0]
gc.set_threshold(700)
r[3] = gc.get_count()[0]
gc.set_threshold(700, 10)
r[4] = gc.get_count()[0]
gc.set_threshold(700, 10)
r[5] = gc.get_count()[0]
gc.set_threshold(700, 10, 10)
r[6] = gc.get_count()[0]
gc.collect(1)
gc.set_threshold(700, 10, 10)
r[7] = gc.get_count()[0]
gc.collect()
gc.set_threshold(700, 10, 10)
r[8] = gc.get_count()[0]
print(r)
print(gc.get_threshold())
