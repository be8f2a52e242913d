def f(a=1, b='x', c=None):
    return a

def g(*, a=1, b):
    return a

def h(a, /, b, *, c):
    return a

def i(a=[], b={}):
    return a
