# iter() and next(), StopIteration, defaults.
it = iter([1, 2, 3])
print(next(it))
print(next(it), next(it))
print(next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(next(s), next(s), next(s, None))
d = iter({"x": 1, "y": 2})
print(list(d))
t = iter((5, 6))
print(iter(t) is t)
it2 = iter(range(3))
for v in it2:
    print("loop", v)
    if v == 0:
        print("skip", next(it2))
print(list(iter([])))
print(sum(iter([1, 2, 3])))
