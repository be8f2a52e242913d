# `is` on ints: the small-int cache (-5..256) versus fresh objects.
def make(n):
    return n + 0

def same(a, b):
    return a is b

print(same(make(0), make(0)), same(make(256), make(256)), same(make(257), make(257)))
print(same(make(-5), make(-5)), same(make(-6), make(-6)))
results = []
for n in (-7, -6, -5, -1, 0, 1, 100, 255, 256, 257, 1000):
    results.append((n, make(n) is make(n)))
print(results)
a = 1000
b = 999 + 1
print(a == b)
x = 10
y = 5 + 5
print(x is y)
print(int("256") is int("256"), int("257") is int("257"))
lst = [300, 300]
print(lst[0] is lst[1])
c = 2 ** 10
d = 2 ** 10
print(c is d, c == d)
big = 10 ** 20
print(big is big, big + 0 is big)
n = 0
for i in range(300):
    n += 1
print(n, n is make(300))
