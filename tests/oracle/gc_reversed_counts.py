# gc.get_count() deltas, tracking and refcounts around reversed(): the
# bound __reversed__ is freed at once; range iterators are not tracked.
import gc, sys
gc.collect(); a = gc.get_count()[0]; r = reversed(range(5)); print(gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]; r = reversed([1, 2]); print(gc.get_count()[0] - a)
gc.collect(); a = gc.get_count()[0]; r = reversed((1, 2)); print(gc.get_count()[0] - a, gc.is_tracked(r))
gc.collect(); a = gc.get_count()[0]; r = reversed({1: 2}); print(gc.get_count()[0] - a, gc.is_tracked(r))
gc.collect(); a = gc.get_count()[0]; r = reversed("abc"); print(gc.get_count()[0] - a)
print(gc.is_tracked(reversed(range(3))), gc.is_tracked(reversed(range(2**70))), gc.is_tracked(reversed([])))
t = (1, 2); print(sys.getrefcount(t)); r = reversed(t); print(sys.getrefcount(t)); list(r); print(sys.getrefcount(t))
