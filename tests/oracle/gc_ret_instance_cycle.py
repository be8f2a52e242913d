# A two-instance cycle a.x=b; b.x=a: collect() returns 2 (inline values, no dicts); 4 once both __dict__s exist.
import gc

class A:
    pass

gc.collect()
a = A()
b = A()
a.x = b
b.x = a
a = b = None
print("plain cycle:", gc.collect())

a = A()
b = A()
a.x = b
b.x = a
da = a.__dict__
db = b.__dict__
print(len(da), len(db))
da = db = None
a = b = None
print("after __dict__:", gc.collect())

a = A()
b = A()
a.x = b
b.x = a
print(gc.collect())
a = None
print("half dropped:", gc.collect())
b = None
print("both dropped:", gc.collect())
print("again:", gc.collect())
