# Self-referencing list and dict: l.append(l) collects 1, d['s']=d collects 1, a set cannot hold itself.
import gc

gc.collect()
l = []
l.append(l)
l = None
print("list:", gc.collect())

d = {}
d['s'] = d
d = None
print("dict:", gc.collect())

l = [1, 2, 3]
l.append(l)
l.append(l)
l = None
print("list twice:", gc.collect())

a = []
b = []
a.append(b)
b.append(a)
a = b = None
print("two lists:", gc.collect())

d = {'k': None}
e = {'k': d}
d['k'] = e
d = e = None
print("two dicts:", gc.collect())

l = []
t = (l,)
l.append(t)
l = t = None
print("list+tuple:", gc.collect())
print("none left:", gc.collect())
