def f(a):
    a.b.c += 1
    a[0][1] -= 2
    a[i:j] *= 3
    x = 1
    x **= 2
    def g():
        nonlocal x
        x //= 3
    return g
