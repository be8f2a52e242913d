# f(*t) into a C function without vectorcall hands t itself over (PyObject_Call -> tp_call): no new argument tuple; a method descriptor's adapter packs the items after self anew.
import gc
import sys
gc.collect()
gc.disable()
t = (3, 1, 2)
names = ('a', 'b')
pairs = [names, names]
def delta(f):
    c0 = gc.get_count()[0]
    f()
    return gc.get_count()[0] - c0
print("zip(*tuple)", delta(lambda: zip(*names)))
print("zip(*list)", delta(lambda: zip(*pairs)))
print("max(*tuple)", delta(lambda: max(*t)))
print("bound format(*)", delta(lambda: "{}{}".format(*names)))
print("descriptor format(*)", delta(lambda: str.format("{}{}", *names)))
print("int(*)", delta(lambda: int(*("7",))))
print("str(*)", delta(lambda: str(*(5,))))
print("getsizeof(*)", delta(lambda: sys.getsizeof(*("x",))))
