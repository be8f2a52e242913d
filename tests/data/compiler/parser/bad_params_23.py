def f(*, *):
    pass
