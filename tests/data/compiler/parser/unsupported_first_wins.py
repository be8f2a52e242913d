def f(a: int):
    with x:
        pass
