# The messages of sys, gc and weakref functions called wrongly (METH_O and
# METH_NOARGS name the module), sys.getsizeof's keywords, and
# setrecursionlimit's argument (_PyLong_AsInt).
import sys, gc, weakref
calls = [lambda: sys.getrefcount(), lambda: sys.getrefcount(1, 2), lambda: sys.intern(), lambda: sys.intern(1), lambda: sys.getrecursionlimit(1),
         lambda: sys.setrecursionlimit(), lambda: sys.setrecursionlimit(1.5), lambda: sys.setrecursionlimit("a"), lambda: sys.setrecursionlimit(2**70),
         lambda: sys.setrecursionlimit(0), lambda: gc.get_count(1), lambda: gc.get_threshold(1), lambda: gc.enable(1), lambda: gc.disable(1), lambda: gc.isenabled(1),
         lambda: gc.is_tracked(), lambda: gc.is_finalized(), lambda: gc.freeze(1), lambda: gc.unfreeze(1), lambda: gc.get_freeze_count(1), lambda: gc.get_stats(1),
         lambda: gc.get_debug(1), lambda: gc.set_debug(), lambda: gc.set_debug('x'), lambda: gc.collect('x'), lambda: gc.collect(5), lambda: gc.set_threshold(),
         lambda: gc.get_referrers(x=1), lambda: gc.get_objects(5), lambda: weakref.getweakrefcount(), lambda: sys.getsizeof(), lambda: sys.getsizeof(1, default=2),
         lambda: sys.getsizeof(1, 2), lambda: sys.getsizeof(1, 2, 3), lambda: sys.intern('a', 'b'), lambda: gc.collect(generation=1)]
for i, c in enumerate(calls):
    try:
        print(i, c())
    except Exception as e:
        print(i, type(e).__name__, e)
