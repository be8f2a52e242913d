# A two-instance cycle whose class has __del__: collect() returns 2, both __del__ run in list order, gc.garbage stays empty.
import gc

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "partner", self.other.name)

gc.collect()
a = D("a")
b = D("b")
a.other = b
b.other = a
a = b = None
print("collected", gc.collect())
print("garbage", gc.garbage)

b = D("b2")
a = D("a2")
a.other = b
b.other = a
a = b = None
print("collected", gc.collect())
print("garbage", gc.garbage)
print("again", gc.collect())
