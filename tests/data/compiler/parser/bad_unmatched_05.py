f(a, b]
