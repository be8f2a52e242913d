# The hidden GC allocations of C calls (count[0] deltas after a full
# collection, which empties the free lists; g() once so that get_count's
# own 3-tuple comes from the free list).  print packs its arguments
# into a tuple (Argument Clinic *args) and makes its parser's keyword
# tuple on its first call; keywords make no dict.  The first repr of a
# container makes PyThreadState.dict and its Py_Repr list, kept.
import gc

g = gc.get_count
L = [3, 1, 2]
D = {"a": 1}

gc.collect()
g()
a = g()[0]
print("first print")
b = g()[0]
print("first print:", b - a)

gc.collect()
g()
a = g()[0]
print("second print")
b = g()[0]
print("1 argument:", b - a)

a = g()[0]
print("again")
b = g()[0]
print("tuple from the free list:", b - a)

gc.collect()
g()
a = g()[0]
print()
b = g()[0]
print("no argument:", b - a)

gc.collect()
g()
a = g()[0]
print("a", "b", sep="-", end="\n")
b = g()[0]
print("2 arguments and keywords:", b - a)

gc.collect()
g()
a = g()[0]
r = repr(L)
b = g()[0]
print("first container repr:", b - a)

gc.collect()
g()
a = g()[0]
r = repr(L)
b = g()[0]
print("second:", b - a)

gc.collect()
g()
a = g()[0]
r = repr(D) + repr((1, 2)) + repr([])
b = g()[0]
print("dict, tuple, empty list:", b - a)

gc.collect()
g()
a = g()[0]
r = sorted(L, reverse=True)
b = g()[0]
print("first sorted with keywords:", b - a)

gc.collect()
g()
a = g()[0]
r = sorted(L, reverse=True)
L.sort(key=None)
b = g()[0]
print("then:", b - a)

gc.collect()
g()
a = g()[0]
r = min(1, 2), max(L, key=None), max(1, 2, 3)
b = g()[0]
print("min, max:", b - a)

gc.collect()
g()
a = g()[0]
r = "a b".split(sep=" ")
b = g()[0]
print("first split with keywords:", b - a)
a = g()[0]
r = "a b".split(sep=" ")
b = g()[0]
print("then:", b - a)
