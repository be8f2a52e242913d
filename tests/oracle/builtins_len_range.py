# len on every container and range in all its forms.
print(len(""), len("hello"), len([]), len([1, 2, 3]), len(()), len((1, 2)))
print(len({}), len({"a": 1, "b": 2}), len(set()), len({1, 2, 2, 3}))
print(len(range(10)), len(range(2, 10, 3)), len(range(10, 0, -2)), len(range(5, 1)))
print(list(range(5)))
print(list(range(2, 8)))
print(list(range(0, 20, 5)))
print(list(range(10, 0, -3)))
print(list(range(-3, 3)))
print(list(range(3, 3)))
r = range(1, 10, 2)
print(r[0], r[2], r[-1], 5 in r, 4 in r)
print(r)
print(range(0, 5), range(3))
total = 0
for i in range(100):
    total += i
print(total)
print(len(frozenset([1, 2, 3])), len(range(0)))
