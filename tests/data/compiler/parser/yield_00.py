def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    x = yield 1
    f((yield))
    yield *a, b
    x += yield
    return (yield)
