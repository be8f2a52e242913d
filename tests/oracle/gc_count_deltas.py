# count[0] deltas of single actions: instances, slots, lambdas, closures, sets, bound methods, generators, big tuples, free-list containers, atoms, calls.
import gc

class K:
    def m(self):
        return 1

class S:
    __slots__ = ('a',)

def f():
    return 1

def make_closure():
    v = 1
    def inner():
        return v
    return inner

def gen():
    yield 1

keep = []
gc.collect()
warm = [[], [], {}, {}]
warm.append(make_closure())
warm = None
gc.get_count()
c = gc.get_count()[0]
keep.append(K())
print("K():", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append(S())
print("slots instance:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append(lambda: 0)
print("lambda:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append(make_closure())
print("closure:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append(set())
print("set():", gc.get_count()[0] - c)
k = K()
c = gc.get_count()[0]
keep.append(k.m)
print("bound method:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append(gen())
print("generator:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append((k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k))
print("25-tuple:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append([])
print("[] from the free list:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append({})
print("{} from the free list:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append(2.5 * c)
keep.append(c * 1000000)
keep.append('s' * c)
print("float, int, str:", gc.get_count()[0] - c)
c = gc.get_count()[0]
f()
k.m()
print("calls:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append([i for i in range(3)])
print("list comprehension:", gc.get_count()[0] - c)
c = gc.get_count()[0]
keep.append(object())
print("object():", gc.get_count()[0] - c)
c = gc.get_count()[0]
x = K()
x = None
print("K() created and freed:", gc.get_count()[0] - c)
c = gc.get_count()[0]
x = set()
x = None
print("set() created and freed:", gc.get_count()[0] - c)
c = gc.get_count()[0]
k.attr = 1
d = k.__dict__
print("materialized __dict__:", gc.get_count()[0] - c)
