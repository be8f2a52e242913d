# CPython 3.11 keeps dead tuples of 1 to 20 items on free lists but takes
# them back only for sizes below 20: a 20-tuple is always a new object.
import gc

gc.collect()
x = 1
for n in (1, 2, 19, 20, 21):
    t = (x,) * n
    first = id(t)
    del t
    c0 = gc.get_count()[0]
    t = (x,) * n
    print(n, gc.get_count()[0] - c0, id(t) == first)
    del t
