# getrefcount while iterating: loop variables, iterators, enumerate, zip, comprehensions.
import sys

items = [[1], [2]]
first = items[0]
print(sys.getrefcount(items), sys.getrefcount(first))
for x in items:
    print("loop", sys.getrefcount(items), sys.getrefcount(first))
    break
print("after break", sys.getrefcount(first))
x = None
it = iter(items)
print("with iterator", sys.getrefcount(items))
n = next(it)
print(sys.getrefcount(first))
del it, n
print(sys.getrefcount(items), sys.getrefcount(first))
for i, v in enumerate(items):
    if i == 0:
        print("enumerate", sys.getrefcount(first))
i = v = None
for a, b in zip(items, items):
    print("zip", sys.getrefcount(first))
    break
a = b = None
print([sys.getrefcount(first) for y in items][0])
print(sys.getrefcount(first))
def gen():
    for e in items:
        yield e
g = gen()
got = next(g)
print("generator", sys.getrefcount(items), sys.getrefcount(first))
g = None
got = None
print(sys.getrefcount(items), sys.getrefcount(first))
