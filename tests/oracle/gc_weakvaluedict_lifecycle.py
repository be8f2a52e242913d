# A WeakValueDictionary entry goes the moment its value dies; the mapping itself dies by refcount (its entries' callback holds only a weak reference to it), before or after its values.
import gc
import sys
import weakref

class V:
    def __init__(self, n):
        self.n = n

gc.collect()
wvd = weakref.WeakValueDictionary()
v = V(1)
wvd['x'] = v
print(len(wvd), sys.getrefcount(v), gc.is_tracked(wvd))
del v
print(len(wvd), list(wvd.keys()), wvd.get('x'))

w = V(2)
wvd['y'] = w
wvd['y2'] = w
r = weakref.ref(wvd)
del wvd
print("mapping gone first:", r() is None, gc.collect())
del w
print("then its value:", gc.collect())

m = weakref.WeakValueDictionary()
z = V(3)
z.m = m
m['z'] = z
del m
print(len(z.m), 'z' in z.m)
del z
print("value holding its mapping:", gc.collect())

c = V(4)
c.me = c
wvd2 = weakref.WeakValueDictionary()
wvd2['c'] = c
wvd2['c again'] = c
del c
print("two entries, one value in a cycle:", gc.collect(), len(wvd2))
