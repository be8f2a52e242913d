# Augmented assignment on names, attributes and subscripts; all the operators.
x = 10
x += 5
x -= 3
x *= 2
print(x)
x //= 5
x **= 3
x %= 10
print(x)
y = 7.0
y /= 2
print(y)
z = 0b1100
z |= 0b0011
z &= 0b1010
z ^= 0b1111
z <<= 3
z >>= 1
print(z)
s = "ab"
s *= 2
s += "!"
print(s)

class C:
    count = 0
    def __init__(self):
        self.n = 1
        self.items = []

c = C()
c.n += 1
c.n *= 10
c.items += [1]
c.items += (2,)
C.count += 1
c.count += 5
print(c.n, c.items, C.count, c.count)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 3
print(lst)
d = {"a": 1}
d["a"] += 1
d["b"] = d.get("b", 0) + 1
print(d)
nested = {"l": [0, 0]}
nested["l"][1] += 5
print(nested)
t = (1,)
alias = t
t += (2,)
print(t, alias)
l2 = [1]
alias2 = l2
l2 += [2]
print(l2, alias2, l2 is alias2)
calls = []
def key():
    calls.append("key")
    return 0
lst[key()] += 1
print(lst, calls)
