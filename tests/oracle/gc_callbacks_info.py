# gc.callbacks get ("start", info) and ("stop", info) around explicit and automatic collections; info keys printed in sorted order.
import gc

class A:
    pass

def show(phase, info):
    print(phase, [(k, info[k]) for k in sorted(info)])

def second(phase, info):
    print("  second callback", phase, info["generation"])

gc.collect()
gc.callbacks.append(show)
print("collect() ->", gc.collect())
a = A()
b = A()
a.b = b
b.a = a
a = b = None
print("collect(1) ->", gc.collect(1))
gc.callbacks.append(second)
l = []
l.append(l)
l = None
print("collect(0) ->", gc.collect(0))
gc.callbacks.remove(second)
print(len(gc.callbacks))

keep = []
gc.set_threshold(3)
print("automatic:")
keep.append(A())
keep.append(A())
keep.append(A())
keep.append(A())
gc.set_threshold(700)
gc.callbacks.remove(show)
print(len(gc.callbacks), gc.collect())
