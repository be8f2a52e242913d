# A __del__ that breaks its own cycle: the objects are freed by refcounting during finalization and are not counted (collect() returns 0).
import gc
import weakref

class Breaker:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
        self.other = None

class Keeper:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)

gc.collect()
a = Breaker("a")
b = Breaker("b")
a.other = b
b.other = a
a = b = None
print("breakers, collected", gc.collect())

a = Keeper("a")
b = Keeper("b")
a.other = b
b.other = a
a = b = None
print("keepers, collected", gc.collect())

a = Breaker("a")
b = Keeper("b")
c = Keeper("c")
a.other = b
b.other = c
c.other = a
a = b = c = None
print("one breaker in a ring of three, collected", gc.collect())

a = Keeper("a")
b = Keeper("b")
c = Breaker("c")
a.other = b
b.other = c
c.other = a
a = b = c = None
print("breaker created last, collected", gc.collect())
print("leftover", gc.collect())
