def g():
    x = yield
    y = (yield x) + 1
    print((yield))
    return y
