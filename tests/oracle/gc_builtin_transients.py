# Objects C code makes and drops within one call still count: the bound
# __sizeof__ of sys.getsizeof, the bound __reversed__ of reversed(), the
# bound __length_hint__ list() asks an iterator for.  The count crosses
# the threshold inside those calls, so the collections come where
# python3's do; gc.get_stats() reports the statistics from before its own
# allocations; sorted() takes its list from the free list, list() does not.
import gc
import sys


def first_collection(step):
    gc.collect()
    keep = []
    before = gc.get_stats()[0]["collections"]
    for i in range(2000):
        keep.append([i])
        step(keep)
        now = gc.get_stats()[0]["collections"]
        if now != before:
            return i, gc.get_count()
    return None


xs = [3, 1, 2]
print("getsizeof", first_collection(lambda k: sys.getsizeof(k)))
print("list(reversed)", first_collection(lambda k: list(reversed(xs))))
print("sorted", first_collection(lambda k: sorted(xs)))
print("list(iter)", first_collection(lambda k: list(iter(xs))))
print("tuple(iter)", first_collection(lambda k: tuple(iter(xs))))
print("get_stats", first_collection(lambda k: gc.get_stats()))
c0 = gc.get_count()[0]
for i in range(50):
    sorted(xs)
print("sorted x50", gc.get_count()[0] - c0)
