# Transient GC allocations inside C calls can trigger a collection: with
# the threshold at the current count, the call's first GC allocation
# collects.  A call whose allocations all come from free lists (warmed
# first), or that makes no AttributeError object, collects nothing.
import gc
import sys


class K:
    pass


o = K()
S2 = {1, 2}


def f_hasattr_instance():
    return hasattr(o, "zz")


def f_hasattr_class():
    return hasattr(K, "zz")


def f_hasattr_module():
    return hasattr(sys, "zz")


def f_getattr_default():
    return getattr(o, "zz", None)


def f_find():
    return "abc".find("b")


def f_format():
    return "{}-{}".format(1, 2)


def f_str():
    return str(o)


def f_repr_set():
    return repr(S2)


def f_write():
    return sys.stdout.write("")


def run(label, f):
    gc.collect()
    f()
    f()
    gc.get_stats()
    gc.get_stats()
    t = (len,)
    t = (len, len)
    t = None
    base = gc.get_stats()[0]['collections']
    c = gc.get_count()[0]
    gc.set_threshold(c)
    f()
    n = gc.get_stats()[0]['collections'] - base
    gc.set_threshold(700)
    print(label, n)


run("hasattr(instance, missing)", f_hasattr_instance)
run("hasattr(class, missing)", f_hasattr_class)
run("hasattr(module, missing)", f_hasattr_module)
run("getattr(instance, missing, default)", f_getattr_default)
run("str.find, tuple from the free list", f_find)
run("str.format, tuple from the free list", f_format)
run("str(o), tuple from the free list", f_str)
run("repr(set): its keys list from the free list, a set iterator", f_repr_set)
run("sys.stdout.write: no bound method", f_write)
