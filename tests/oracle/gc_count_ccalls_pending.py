# C calls whose hidden allocations refscope does not make yet (see
# gc_count_print_repr.py for the method).
import gc
import sys


class K1:
    def __init__(self, a):
        self.a = a


g = gc.get_count
o = K1(1)
L = [3, 1, 2]
SS = {1}
r = repr(L)

gc.collect()
g()
a = g()[0]
r = str(5)
b = g()[0]
print('str(5): 1-tuple (str has no vectorcall in 3.11)', b - a)
gc.collect()
g()
a = g()[0]
r = "{}".format(1)
b = g()[0]
print('str.format, METH_VARARGS|KEYWORDS', b - a)
gc.collect()
g()
a = g()[0]
r = "{a}".format(a=1)
b = g()[0]
print('str.format keywords: () and a dict', b - a)
gc.collect()
g()
a = g()[0]
r = "abc".startswith("a")
b = g()[0]
print('str.startswith, METH_VARARGS', b - a)
gc.collect()
g()
a = g()[0]
r = "abc".count("a")
b = g()[0]
print('str.count, METH_VARARGS', b - a)
gc.collect()
g()
a = g()[0]
r = sys.getsizeof(L)
b = g()[0]
print('sys.getsizeof, METH_VARARGS|KEYWORDS', b - a)
gc.collect()
g()
a = g()[0]
r = zip(L, L)
b = g()[0]
print('zip: zip, 2 iterators, 2 tuples and the args tuple', b - a)
gc.collect()
g()
a = g()[0]
r = K1(a=1)
b = g()[0]
print('K(a=1): dict, instance, kwnames for __init__', b - a)
gc.collect()
g()
a = g()[0]
r = getattr(o, "zz", None)
b = g()[0]
print('getattr with a default: no AttributeError made', b - a)
gc.collect()
g()
a = g()[0]
r = repr(SS)
b = g()[0]
print('repr of a set: a list of its keys', b - a)
gc.collect()
g()
a = g()[0]
r = int("5", base=10)
b = g()[0]
print('int(x, base=): parser keyword tuple, first use', b - a)
gc.collect()
g()
a = g()[0]
r = round(1.5, ndigits=0)
b = g()[0]
print('round(x, ndigits=), first use', b - a)
gc.collect()
g()
a = g()[0]
r = sum(L, start=0)
b = g()[0]
print('sum(x, start=), first use', b - a)
