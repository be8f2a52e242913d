def f(a, /, b, *, c):
    pass
def g(a=1, /, b=2, *c, d):
    pass
def h(a, b=2, /):
    pass
def k(*, a=1, b):
    pass
def m(**kw):
    pass
def n(*a):
    pass
def o(a, /):
    pass
def p(a, /, *b):
    pass
