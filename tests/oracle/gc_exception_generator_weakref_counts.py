# gc.get_count() around exceptions, generators that return a value and
# weakref.ref (each delta also counts the 3-tuple of the first get_count):
# an exception class's instance keeps the argument tuple its call packed
# (BaseException_new); a generator's return value ends a for loop or a
# list() in a StopIteration that is never made into an object;
# weakref.ref has no vectorcall, so its call packs an argument tuple.
import gc
import weakref


class E(Exception):
    pass


class E2(Exception):
    def __init__(self, m):
        super().__init__(m)
        self.m = m


def c():
    return gc.get_count()[0]


gc.collect(); a = c(); e = E('x'); print("E('x'):", c() - a)
gc.collect(); a = c(); e = E('a', 'b'); print("E('a', 'b'):", c() - a, e.args)
gc.collect(); a = c(); e = E2('x'); print("E2('x'):", c() - a, e.args)
gc.collect(); a = c()
try:
    raise E('x')
except E:
    pass
print("raise E('x'):", c() - a)
gc.collect(); a = c(); e = ValueError('v'); print("ValueError('v'):", c() - a)
gc.collect(); a = c()
try:
    raise ValueError
except ValueError:
    pass
print("raise ValueError:", c() - a)
del e


def g():
    yield 1
    return 5


gc.collect(); a = c()
for x in g():
    pass
print("for over a returning generator:", c() - a)
gc.collect(); a = c(); l = list(g()); print("list() of it:", c() - a, l)


class A:
    pass


def f():
    pass


o = A()
gc.collect(); a = c(); r = weakref.ref(o); print("weakref.ref(o):", c() - a)
gc.collect(); a = c(); r2 = weakref.ref(o, lambda w: 0); print("with a callback:", c() - a)
gc.collect(); a = c(); r3 = weakref.ref(f); print("of a function:", c() - a)
