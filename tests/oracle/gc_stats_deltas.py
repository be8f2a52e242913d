# gc.get_stats(): collections/collected/uncollectable per generation, as differences from a baseline taken after the first collect().
import gc

class A:
    pass

def delta(base):
    now = gc.get_stats()
    out = []
    for g in range(3):
        out.append((now[g]['collections'] - base[g]['collections'],
                    now[g]['collected'] - base[g]['collected'],
                    now[g]['uncollectable'] - base[g]['uncollectable']))
    return out

gc.collect()
base = gc.get_stats()
print(len(base), sorted(base[0].keys()))
print(delta(base))
gc.collect(0)
print(delta(base))
l = []
l.append(l)
l = None
print(gc.collect(0))
print(delta(base))
a = A()
a.me = a
b = A()
b.me = b
a = b = None
print(gc.collect(1))
print(delta(base))
d = {}
d['d'] = d
d = None
print(gc.collect(2))
print(delta(base))
print(gc.collect())
print(delta(base))
