def f(a: int, b: 'str' = 'x', /, c: C = 1, *args: A, k: K, kk: K = 2, **kw: W) -> R:
    v: int = 1
