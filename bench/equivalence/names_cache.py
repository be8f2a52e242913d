# LOAD_NAME at module level and in class bodies sees every change:
# stores in a loop, deletions, a class body's own names shadowing the
# module's and the builtins, names added by __del__ while a loop runs.
total = 0
for i in range(20):
    total = total + i
    if i == 10:
        del total
        total = 1000
print(total, i)

x = "module x"


class A:
    print(x)
    x = "class x"
    print(x)
    del x
    print(x)
    len = 5
    print(len)
    del len
    print(len("four"))
    for j in range(3):
        print(x, j)
        if j == 1:
            x = "class x again"


print(A.__name__, x)


class D:
    def __del__(self):
        global late
        late = "made by __del__"


late = "before"
for k in range(3):
    print(late)
    if k == 0:
        d = D()
        del d

names = []
for n in range(40):
    names.append(n)
    if n % 10 == 0:
        print(n, len(names))
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
undefined_name = 1
print(undefined_name)
