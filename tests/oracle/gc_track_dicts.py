# Dict tracking: created untracked, tracked when a container is inserted, untracked again only by a full collection.
import gc

class A:
    pass

gc.collect()
d = {}
print("empty:", gc.is_tracked(d))
d['a'] = 1
d['b'] = 'two'
d['c'] = 3.0
d['n'] = None
print("atoms:", gc.is_tracked(d))
d['l'] = []
print("with a list:", gc.is_tracked(d))
del d['l']
print("list removed:", gc.is_tracked(d))
gc.collect(0)
print("after collect(0):", gc.is_tracked(d))
gc.collect(1)
print("after collect(1):", gc.is_tracked(d))
gc.collect()
print("after collect():", gc.is_tracked(d))

e = {'t': (1, 2)}
print("constant tuple value:", gc.is_tracked(e))
x = 5
f = {'t': (x, x)}
print("new tuple of atoms:", gc.is_tracked(f), gc.is_tracked(f['t']))
gc.collect()
print("after collect():", gc.is_tracked(f), gc.is_tracked(f['t']))

g = {'o': A()}
print("instance value:", gc.is_tracked(g))
gc.collect()
print("after collect():", gc.is_tracked(g))

h = dict(a=1, b=2)
print("dict(a=1):", gc.is_tracked(h))
k = {1: 'a', 2: 'b'}
print("literal of atoms:", gc.is_tracked(k))
m = {'l': [1]}
print("literal with list:", gc.is_tracked(m))
n = {(x, 1): 1}
print("new tuple key:", gc.is_tracked(n))
c = {}
c.update({'s': set()})
print("update with a set:", gc.is_tracked(c))
cp = m.copy()
print("copy of tracked:", gc.is_tracked(cp))
cp2 = k.copy()
print("copy of untracked:", gc.is_tracked(cp2))
comp = {i: i for i in range(3)}
print("comprehension of ints:", gc.is_tracked(comp))
