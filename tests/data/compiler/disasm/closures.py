def outer(a, b=2, *args, c, d=4, **kw):
    x = a
    def middle(e):
        nonlocal x
        x = e
        def inner():
            return x + a + e
        return inner
    return middle

def argcell(p, q):
    def use():
        return p
    return use, q

def deleter():
    v = 1
    def f():
        nonlocal v
        del v
    del f
    return 0

lam = lambda u, *, w=3: u + w
def annotated(a: int, b: "str" = "x") -> list:
    return [a, b]

def f2(a, /, b, *, c):
    return a, b, c

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def defaults_closure(k=1):
    t = 2
    def g(m=k, *, j=t):
        return m + j + t
    return g
