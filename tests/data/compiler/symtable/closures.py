def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
def outer(a):
    def mid():
        def inner():
            return a + b
        b = 2
        return inner
    return mid
lam = lambda q, *r: q + len(r) + x
