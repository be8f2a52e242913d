# import of the simulated modules: sys, gc, weakref; from-imports and aliases.
import sys
import gc
import weakref
from sys import getrefcount, getsizeof
from sys import intern as intern_it
import sys as system

print(type(sys).__name__, sys.__name__, gc.__name__, weakref.__name__)
print(system is sys, getrefcount is sys.getrefcount)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(getsizeof(1), getsizeof([]))
a = intern_it("some" + " text")
print(a == "some text")
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold())
x = []
print(getrefcount(x))
print(hasattr(sys, "getrefcount"), hasattr(weakref, "ref"), hasattr(gc, "collect"))
