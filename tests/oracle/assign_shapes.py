# Assignments of every shape: chained, tuple, star, nested, attribute, subscript, slice.
a = b = c = [0]
print(a, a is b, b is c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
head, *mid, tail = range(5)
print(head, mid, tail)
m, *n = [1]
print(m, n)
[i, j] = "hi"
print(i, j)
for k, (v1, v2) in enumerate([(1, 2), (3, 4)]):
    print(k, v1, v2)

class Obj:
    pass

o = Obj()
o.attr = 5
o.other = o.attr * 2
print(o.attr, o.other)
lst = [0, 0, 0]
lst[0] = lst[1] = 7
d = {}
d["k"], d["j"] = "K", "J"
print(lst, d)
lst[1:] = (8, 9, 10)
print(lst)
o.items = [1, 2]
o.items[0], lst[0] = "swap", "also"
print(o.items, lst)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError:", e)
