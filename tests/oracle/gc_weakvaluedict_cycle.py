# WeakValueDictionary values and finalize() targets alive only through a cycle go at gc.collect(); the weakrefs their callbacks free are counted too.
import gc
import weakref

class V:
    def __init__(self, name):
        self.name = name

def gone(name):
    print("finalize", name)

gc.collect()
wvd = weakref.WeakValueDictionary()
a = V("a")
a.me = a
b = V("b")
wvd['a'] = a
wvd['b'] = b
print(len(wvd), sorted(wvd.keys()))
a = None
print(len(wvd), 'a' in wvd)
print("value in a cycle (object + its KeyedRef), collected", gc.collect())
print(len(wvd), sorted(wvd.keys()))
b = None
print(len(wvd))

c = V("c")
c.me = c
weakref.finalize(c, gone, "c")
c = None
print("finalize target in a cycle, collected", gc.collect())

d = V("d")
d.me = d
wvd['d'] = d
f = weakref.finalize(d, gone, "d")
d = None
print("both, collected", gc.collect(), f.alive, len(wvd))
