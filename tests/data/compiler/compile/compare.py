a = x < y
b = x <= y
c = x == y
d = x != y
e = x > y
f = x >= y
g = x is y
h = x is not y
i = x in y
j = x not in y
k = x < y < z
l = a < b <= c == d
m = not x in y
n = not x is y
o = x in [1, 2, 3]
p = x in {1, 2, 3}
q = x not in (y, z)
r = x in [y, z]
