# gc.disable(), set_threshold(0) and gc.isenabled(): count[0] keeps growing past the threshold with no automatic collection; explicit collect() still works.
import gc

class K:
    pass

gc.collect()
gc.set_threshold(10)
print(gc.get_threshold())
gc.disable()
print(gc.isenabled())
keep = []
for i in range(30):
    keep.append(K())
print("disabled:", gc.get_count())
gc.enable()
print(gc.isenabled())
keep.append(K())
print("enabled, one more:", gc.get_count())

gc.collect()
gc.set_threshold(0)
print(gc.get_threshold())
keep = []
for i in range(30):
    keep.append(K())
print("threshold 0:", gc.get_count())
a = K()
a.me = a
a = None
print("explicit:", gc.collect(), gc.get_count())
gc.set_threshold(10, 2)
print(gc.get_threshold())
for i in range(12):
    keep.append(K())
print("threshold 10:", gc.get_count())

gc.disable()
l = []
l.append(l)
l = None
print("collect while disabled:", gc.collect())
print(gc.isenabled())
gc.enable()
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
