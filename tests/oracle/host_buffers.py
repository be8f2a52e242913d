# Displays and unpackings of every size around the VM's host buffers
# (16 items on the stack, more on the heap), and the errors of calling a
# method descriptor wrongly (the type's name is formatted only then).
def keys(n):
    return ["k" + str(i) for i in range(n)]


for n in (0, 1, 15, 16, 17, 40):
    ks = keys(n)
    src = dict(zip(ks, range(n)))
    print(n, len(src), sum(src.values()))

d15 = {"a0": 0, "a1": 1, "a2": 2, "a3": 3, "a4": 4, "a5": 5, "a6": 6, "a7": 7, "a8": 8, "a9": 9,
       "a10": 10, "a11": 11, "a12": 12, "a13": 13, "a14": 14}
d20 = {"a0": 0, "a1": 1, "a2": 2, "a3": 3, "a4": 4, "a5": 5, "a6": 6, "a7": 7, "a8": 8, "a9": 9,
       "a10": 10, "a11": 11, "a12": 12, "a13": 13, "a14": 14, "a15": 15, "a16": 16, "a17": 17,
       "a18": 18, "a19": 19}
k = keys(20)
m20 = {k[0]: 0, k[1]: 1, k[2]: 2, k[3]: 3, k[4]: 4, k[5]: 5, k[6]: 6, k[7]: 7, k[8]: 8, k[9]: 9,
       k[10]: 10, k[11]: 11, k[12]: 12, k[13]: 13, k[14]: 14, k[15]: 15, k[16]: 16, k[17]: 17,
       k[18]: 18, k[19]: 19}
print(len(d15), len(d20), len(m20), d20["a19"], m20["k19"], list(m20)[-1])

a, b, c = (1, 2, 3)
print(a + b + c)
t = tuple(range(20))
x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16, x17, x18, x19 = t
print(x0, x10, x19)
first, *middle, last = t
print(first, len(middle), last)
h, *rest = range(40)
print(h, len(rest))
*init, y17, y18, y19 = list(t)
print(len(init), y17, y18, y19)
try:
    p, q = t
except ValueError as e:
    print("ValueError:", e)

try:
    list.append()
except TypeError as e:
    print("TypeError:", e)
try:
    list.append(1, 2)
except TypeError as e:
    print("TypeError:", e)
lst = []
list.append(lst, 5)
print(lst, str.upper("abc"), dict.get({"a": 1}, "a"))
