# Calling a class with f(*t, **kw): PyObject_Call hands type_call the
# tuple and the dict themselves (a class has no vectorcall), so only the
# dict that DICT_MERGE builds and the kwnames tuple __init__'s call
# unpacks are allocated; and exception classes refuse keywords.
import gc


class C:
    def __init__(self, a, b=0):
        self.a = a


def f(a, b=0):
    return a


def c():
    return gc.get_count()[0]


t = (1,)
kw = {'b': 2}
gc.collect()
c()
x0 = c(); C(*t); x1 = c(); C(*t, **kw); x2 = c(); f(*t, **kw); x3 = c(); f(*t); x4 = c()
print(x1 - x0, x2 - x1, x3 - x2, x4 - x3)
x0 = c(); dict(**kw); x1 = c(); print(*t, **{'end': '\n'}); x2 = c(); '{b}'.format(**kw); x3 = c()
str.format('{b}', **kw); x4 = c()
print(x1 - x0, x2 - x1, x3 - x2, x4 - x3)


class E(Exception):
    pass


class L(list):
    pass


class N:
    pass


class I:
    def __init__(self, *a, **k):
        print(len(a), sorted(k))


for g in [lambda: E(*(1,), **{'x': 1}), lambda: E(x=1), lambda: L(*([1],), **{'x': 1}), lambda: N(*(1,)),
          lambda: N(**{'a': 1}), lambda: L(*([1, 2],)), lambda: type(I(*(1, 2), **{'z': 1, 'y': 2})).__name__,
          lambda: E(*(1, 2)).args, lambda: ValueError(x=1)]:
    try:
        print(g())
    except TypeError as e:
        print('TypeError', e)
