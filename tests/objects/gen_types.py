#!/usr/bin/env python3
"""Expected values for test_obj_types (classes and instances), from CPython 3.11.

    PYTHONHASHSEED=0 python3 tests/objects/gen_types.py > tests/data/objects/types.txt

`values NAME` lists the bytes each new instance's inline-values array asks
for, measured with tracemalloc around the instance's creation (minus the
instance's own 56 bytes); attributes are set after the measurement.  The
very first creation of a class's instance also allocates 32 unrelated
bytes (296 = 264 + 32), so the test skips that first value; the reference
(cpython-3.11-memory.md §2) gives it as 264.
"""
import sys
import tracemalloc

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"


class Plain:
    pass


class Two:
    pass


class Slots:
    __slots__ = ("a", "b")


class NoSlots:
    __slots__ = ()


class WeakSlots:
    __slots__ = ("a", "__weakref__")


class Sub(Plain):
    pass


print("size_type Plain", sys.getsizeof(Plain))
print("size_type Slots", sys.getsizeof(Slots))
print("size_type NoSlots", sys.getsizeof(NoSlots))
print("size_type Sub", sys.getsizeof(Sub))
print("size_instance Plain", sys.getsizeof(Plain()))
print("size_instance Slots", sys.getsizeof(Slots()))
print("size_instance NoSlots", sys.getsizeof(NoSlots()))
print("size_instance WeakSlots", sys.getsizeof(WeakSlots()))
print("size_instance Sub", sys.getsizeof(Sub()))
for cls in (Plain, Slots, Sub):
    print("dict_keys", cls.__name__, ",".join(cls.__dict__.keys()))
p = Plain()
# globals, the instance, __mro__, the __dict__ and __weakref__ descriptors,
# and Sub's __base__, __bases__ and __mro__ (getrefcount's argument aside)
print("refcount_class", sys.getrefcount(Plain) - 1)
keep = [None] * 100
tracemalloc.start()
for cls, attrs in ((Two, ("a", "b")), (NoSlots, ())):
    sizes = []
    for i in range(34 if cls is Two else 4):
        before = tracemalloc.get_traced_memory()[0]
        o = cls()
        sizes.append(tracemalloc.get_traced_memory()[0] - before - sys.getsizeof(o))
        for a in attrs:
            setattr(o, a, i)
        keep[i] = o
    print("values", cls.__name__, ",".join(map(str, sizes)))
