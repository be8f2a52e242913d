# Free lists and count[0]: after a full collection [] and {} count +1; freed ones go to the free list (no -1) and are reused (+0).
import gc

gc.collect()
c0 = gc.get_count()
a = []
c1 = gc.get_count()
b = {}
c2 = gc.get_count()
a = None
c3 = gc.get_count()
b = None
c4 = gc.get_count()
a = []
c5 = gc.get_count()
b = {}
c6 = gc.get_count()
print(c0, c1, c2, c3, c4, c5, c6)

gc.collect()
x = [[], [], []]
c7 = gc.get_count()
x = None
c8 = gc.get_count()
x = [[], [], []]
c9 = gc.get_count()
print(c7, c8, c9)

gc.collect(1)
x = None
c10 = gc.get_count()
x = [[], [], []]
c11 = gc.get_count()
print(c10, c11)

gc.collect()
s = set()
c12 = gc.get_count()
s = None
c13 = gc.get_count()
s = set()
c14 = gc.get_count()
print(c12, c13, c14)
