# id() is only compared: identity versus equality.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
print(id(a) == id(a[:]) , a is not c)
def same(x, y):
    return id(x) == id(y)
print(same(a, b), same(a, c))
t = (a, c)
print(t[0] is a, t[1] is c, id(t[0]) == id(a))
x = None
print(x is None, id(x) == id(None))
d = {}
e = d
e["k"] = 1
print(d, id(d) == id(e))
print(type(id(a)).__name__, id(a) > 0)
