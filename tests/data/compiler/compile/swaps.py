def f(a, b, c):
    a, b = b, a
    a, b, c = c, b, a
    a, b, c, d = d, c, b, a
    (a, b), c = (c, b), a
    x = y = z = a
    return a, b, c
