# next() with a default and a generator's return value, StopIteration's
# value, the sizes of static types, and the messages of zip(), type() and
# weakref.ref() for bad arguments.
import sys
import weakref


def g():
    yield 1
    return 5


it = g(); next(it)
print(next(it, 'default'))
it = g(); next(it)
try:
    next(it)
except StopIteration as e:
    print('stop', e.value, e.args)


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(7)


print(next(It(), 'd2'), list(It()))
print(sum(g()), sorted(g()), tuple(g()), dict.fromkeys(g()), set(g()), [y for y in g()])


class C:
    pass


print(sys.getsizeof(int), sys.getsizeof(object), sys.getsizeof(ValueError), sys.getsizeof(type), sys.getsizeof(C))
for f in [lambda: zip([1], 2), lambda: type('A', 1, {}), lambda: type(1, (), {}), lambda: type('A', (), 1),
          lambda: type('A', ()), lambda: zip(1), lambda: weakref.ref(C(), callback=None), lambda: weakref.ref(),
          lambda: weakref.ref(1), lambda: weakref.ref(1, 2, 3)]:
    try:
        f()
    except TypeError as e:
        print(e)
