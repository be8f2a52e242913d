# Hidden GC allocations of C calls (continued): the argument tuples of the
# METH_VARARGS calls and of types without vectorcall, the keyword tuple
# __init__ gets, set repr's list of keys, _PyObject_LookupAttr making no
# AttributeError where CPython makes none, the first keyword tuple of
# str.rsplit's parser.  Each delta is measured after gc.collect() (the
# free lists empty) and one get_count() (its own 3-tuple recycled).
import gc
import sys


class K:
    def __init__(self, a=None, b=None):
        self.a = a


g = gc.get_count
L = [3, 1, 2]
S2 = {1, 2}
o = K()


def m(label, f):
    gc.collect()
    g()
    a = g()[0]
    f()
    b = g()[0]
    print(label, b - a)


m("nothing", lambda: None)
m("str(5): 1-tuple", lambda: str(5))
m("str(): () is static", lambda: str())
m("str(o): 1-tuple", lambda: str(o))
m("str(b, encoding=): tuple and dict", lambda: str(b'x', encoding='ascii'))
m("int('5'): 1-tuple", lambda: int('5'))
m("'x'.format(): ()", lambda: "x".format())
m("'{}{}'.format(1, 2)", lambda: "{}{}".format(1, 2))
m("'{a}'.format(a=1): () and a dict", lambda: "{a}".format(a=1))
m("find", lambda: "abc".find("b"))
m("rfind", lambda: "abc".rfind("b"))
m("index", lambda: "abc".index("b"))
m("rindex", lambda: "abc".rindex("b"))
m("count", lambda: "abc".count("b", 1))
m("startswith tuple", lambda: "abc".startswith(("a", "b")))
m("endswith", lambda: "abc".endswith("c", 0, 3))
m("sys.getsizeof(L, 0)", lambda: sys.getsizeof(L, 0))
m("zip(L): zip, iterator, 3 tuples (two kept by zip)", lambda: zip(L))
m("zip(): ()", lambda: zip())
m("K(1)", lambda: K(1))
m("K(a=1): dict, instance, kwnames", lambda: K(a=1))
m("K(b=1, a=2)", lambda: K(b=1, a=2))
m("K(1, b=2)", lambda: K(1, b=2))
m("repr(S2)", lambda: repr(S2))
m("repr(set())", lambda: repr(set()))
m("str(S2): tuple and list", lambda: str(S2))
m("repr(frozenset)", lambda: repr(frozenset(S2)))
m("repr([S2])", lambda: repr([S2]))
m("getattr(o, 'zz', None)", lambda: getattr(o, "zz", None))
m("hasattr(o, 'zz')", lambda: hasattr(o, "zz"))
m("getattr(5, 'zz', 0)", lambda: getattr(5, "zz", 0))
m("hasattr(K, 'zz')", lambda: hasattr(K, "zz"))
m("getattr(K, 'zz', None)", lambda: getattr(K, "zz", None))
m("hasattr(sys, 'zz'): the generic lookup's error", lambda: hasattr(sys, "zz"))
m("hasattr(sys, 'maxsize')", lambda: hasattr(sys, "maxsize"))


def handled_type():
    try:
        raise KeyError
    except KeyError:
        return getattr(K, "zz", None)


def handled_instance():
    try:
        raise KeyError
    except KeyError:
        return getattr(o, "zz", None)


def missing_attribute():
    try:
        o.zz
    except AttributeError:
        pass


m("getattr(K, ..) while handling: chained, so made", handled_type)
m("getattr(o, ..) while handling: never raised", handled_instance)
m("o.zz caught", missing_attribute)


def import_missing():
    try:
        from sys import zz
    except ImportError as e:
        return e


m("from sys import zz: ImportError(name=, path=)", import_missing)
m("rsplit(sep=): keyword tuple, first use", lambda: "a b".rsplit(sep=" "))
m("rsplit(sep=) again", lambda: "a b".rsplit(sep=" "))
m("int(x, base=) twice: keyword tuple once", lambda: (int("5", base=10), int("6", base=10)))
m("round(x, ndigits=)", lambda: round(1.5, ndigits=0))
m("sum(x, start=)", lambda: sum(L, start=0))
m("pow(2, exp=3): made at start-up", lambda: pow(2, exp=3))
