# gc.collect(0/1/2) and get_count(): collecting g zeroes count[0..g] and bumps count[g+1].
import gc

gc.collect()
c = []
c.append(gc.get_count())
gc.collect(0)
c.append(gc.get_count())
gc.collect(0)
c.append(gc.get_count())
gc.collect(0)
c.append(gc.get_count())
gc.collect(1)
c.append(gc.get_count())
gc.collect(1)
c.append(gc.get_count())
gc.collect(0)
c.append(gc.get_count())
gc.collect(2)
c.append(gc.get_count())
gc.collect(1)
gc.collect(1)
gc.collect(0)
c.append(gc.get_count())
gc.collect()
c.append(gc.get_count())
for x in c:
    print(x)
print(gc.get_count())
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.collect(-1)
except ValueError as e:
    print("ValueError:", e)
print(gc.collect(generation=1), gc.get_count())
