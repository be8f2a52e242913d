# del of names, attributes, subscripts, slices and several targets.
a = 1
b = [1, 2, 3, 4, 5, 6]
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
del b[0]
del b[-1]
print(b)
del b[1:3]
print(b)
d = {"x": 1, "y": 2, "z": 3}
del d["y"]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)

class P:
    pass

p = P()
p.v = 1
p.w = 2
del p.v
print(hasattr(p, "v"), p.__dict__)
try:
    del p.v
except AttributeError as e:
    print("AttributeError:", e)
m, n, o = 1, 2, 3
del m, n
print(o)
l = [1, 2, 3]
del l[:]
print(l)
def f():
    local = 5
    del local
    try:
        return local
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
