x = 1
del x
a = b = 1
del a, b
def f():
    y = 1
    del y
    z = 2
    def g():
        nonlocal z
        del z
