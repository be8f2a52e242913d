f(a, **d, e)
