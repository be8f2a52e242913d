# Indexing, slicing, slice assignment and slice deletion on lists.
a = list(range(10))
print(a[0], a[-1], a[2:5], a[:3], a[7:], a[::3], a[::-1], a[8:2:-2], a[-3:-1])
a[0] = "zero"
a[-1] = "nine"
print(a)
a[1:3] = ["x"]
print(a)
a[2:2] = [100, 200, 300]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[0]
del a[-2:]
del a[::2]
print(a)
b = [1, 2, 3]
c = b[:]
c[0] = 99
print(b, c)
b[len(b):] = [4, 5]
print(b)
b[:] = []
print(b)
try:
    x = [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    q = [1, 2, 3, 4]
    q[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
