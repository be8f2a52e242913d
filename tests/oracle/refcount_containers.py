# getrefcount with containers: lists, tuples, dicts (keys and values), sets.
import sys

class Key:
    pass

item = [0]
print(sys.getrefcount(item))
lst = [item, item]
print(sys.getrefcount(item))
tup = (item, lst)
print(sys.getrefcount(item), sys.getrefcount(lst))
d = {"a": item, "b": item}
print(sys.getrefcount(item))
k = Key()
d2 = {k: item}
print(sys.getrefcount(k), sys.getrefcount(item))
s = {k}
print(sys.getrefcount(k))
lst.pop()
print(sys.getrefcount(item))
del d["a"]
print(sys.getrefcount(item))
d.clear()
print(sys.getrefcount(item))
s.discard(k)
print(sys.getrefcount(k))
del tup
print(sys.getrefcount(item), sys.getrefcount(lst))
nested = [[item]]
print(sys.getrefcount(item), sys.getrefcount(nested[0]))
copy = lst[:]
print(sys.getrefcount(item))
copy2 = list(lst) + [item]
print(sys.getrefcount(item))
lst *= 3
print(sys.getrefcount(item))
lst.clear()
copy = copy2 = None
print(sys.getrefcount(item))
for x in [item]:
    print("in loop", sys.getrefcount(item))
print("after loop", sys.getrefcount(item))
x = None
print(sys.getrefcount(item))
