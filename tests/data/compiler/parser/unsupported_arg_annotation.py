def f(a, b: int = 1): pass
