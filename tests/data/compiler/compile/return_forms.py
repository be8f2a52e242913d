def a():
    return

def b():
    return None

def c():
    return 1

def d(x):
    return x

def e(x):
    if x:
        return 1
    return 2

def f(x):
    if x:
        return 1
    else:
        return 2

def g(x):
    return (x,
            x)

def h(x):
    while x:
        return x
