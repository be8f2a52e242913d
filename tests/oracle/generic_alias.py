import sys, gc, weakref
for t in [list, dict, tuple, set, frozenset, type, enumerate, weakref.ref, weakref.WeakValueDictionary]:
    print(t[int], type(t[int]))
for t in [zip, map, filter, range, int, str, bytes, float, bool, object, reversed, super, slice, BaseException, ValueError, weakref.finalize]:
    try:
        t[int]
    except TypeError as e:
        print(e)
g = list[int]
print(sys.getsizeof(g), gc.is_tracked(g), type(g).__name__, type(g).__module__, repr(type(g)))
print(g.__origin__, g.__args__, g.__parameters__, g.__unpacked__)
print(dict[str, list[int]], tuple[int, ...], tuple[()], list[None], dict[str, None], dict[str, type[int]])
print(list[int] == list[int], hash(list[int]) == hash(list[int]), list[int] == list, list[int] != list[str], list[int] != list[int])
print(dict[str, list[int]] == dict[str, list[int]], dict[str, list[int]] == dict[str, list[str]])
print(list[int]([1,2]), dict[str,int](a=1), tuple[int,...]((1,2)), set[int](), frozenset[int]([3]), type[int](5))
print(list(enumerate[str]('ab')))
try: isinstance([], list[int])
except TypeError as e: print(e)
try: isinstance([], (list[int], int))
except TypeError as e: print(e)
print(isinstance([], (list, list[int])))
try: issubclass(list, list[int])
except TypeError as e: print(e)
try: issubclass(5, list[int])
except TypeError as e: print(e)
try: issubclass(list, (int, list[int]))
except TypeError as e: print(e)
print(isinstance(list[int], type))
class C: pass
def f(): pass
try: C[int]
except TypeError as e: print(e)
try: C()[1]
except TypeError as e: print(e)
try: (1).__class__[0]
except TypeError as e: print(e)
print(list[C], list[f], list[len], list[1, 'a', None, ...], list[sys.getrefcount])
class L(list): pass
x = L[int]
print(x, x.__origin__ is L)
y = x([1, 2])
print(y, type(y).__name__, y.__orig_class__ == x)
try: list[int][str]
except TypeError as e: print(e)
print(list[int].__name__, list[int].append)
try: list[int].nope
except AttributeError as e: print(e)
print({list[int]: 1}[list[int]])
base = sys.getrefcount(int)
print(sys.getrefcount(int) - base)
a = list[int]
print(sys.getrefcount(int) - base)
del a
print(sys.getrefcount(int) - base)
w = weakref.ref(g)
print(w() is g)
del g
print(w())
t = (int, str)
h = dict[t]
print(h, h.__args__ is t, sys.getrefcount(t))
def total(xs: list[int]) -> dict[str, int]:
    return {}
print(total.__annotations__)
print(tuple[int, ...].__parameters__, dict[str, list[int]].__parameters__)
