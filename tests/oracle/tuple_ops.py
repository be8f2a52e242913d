# Tuples: packing, unpacking, methods, comparison, immutability, nesting.
t = 1, 2, 3
print(t, type(t).__name__, len(t))
single = (5,)
print(single, (5), ())
print(t.count(2), (1, 1, 2).count(1), t.index(3))
print(t + (4,), t * 2, t[1:], t[::-1], 2 in t)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 99), (1, 2) < (1, 2, 0))
a, b, c = t
print(a, b, c)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
d = {(1, 2): "pair"}
print(d[(1, 2)], d[1, 2])
print(tuple(x for x in range(4)), sum((1, 2, 3)), max((4, 2)))
try:
    {([1],): 1}
except TypeError as e:
    print("TypeError:", e)
