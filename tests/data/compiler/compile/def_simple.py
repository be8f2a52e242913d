def f():
    pass

def g(a, b):
    return a + b

def h(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw

def k(x):
    x = x + 1
    y = x
    return y

print(g(1, 2))
