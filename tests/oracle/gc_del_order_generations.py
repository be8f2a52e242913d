# __del__ order across generations: a full collection scans gen2, then gen0, then gen1; collect(1) scans gen1 then gen0.
import gc

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

gc.collect()
x = D("x")
x.me = x
gc.collect(0)
y = D("y")
y.x = x
x.y = y
x = y = None
print("collect(0) cannot free a cycle through gen1:", gc.collect(0))
print("collected", gc.collect())

x = D("x")
x.me = x
gc.collect(0)
y = D("y")
y.x = x
x.y = y
x = y = None
print("gen1 object then gen0 object, full collect:")
print("collected", gc.collect())

x = D("old")
x.me = x
gc.collect(0)
gc.collect(1)
m = D("mid")
m.me = m
gc.collect(0)
y = D("young")
y.x = x
x.m = m
m.y = y
x = y = m = None
print("gen2, gen1, gen0 objects, full collect:")
print("collected", gc.collect())

x = D("old")
x.me = x
gc.collect(0)
gc.collect(1)
m = D("mid")
m.me = m
gc.collect(0)
y = D("young")
y.x = x
x.m = m
m.y = y
x = y = m = None
print("collect(1) sees a reference from gen2:", gc.collect(1))
print("collected", gc.collect())

m = D("mid")
m.me = m
gc.collect(0)
y = D("young")
y.m = m
m.y = y
m = y = None
print("gen1 then gen0, collect(1):")
print("collected", gc.collect(1))
