def gen():
    yield 1
    yield

def gen2(n):
    for i in range(n):
        yield i * i

def gen3():
    x = yield 1
    return x

def gen4(a):
    def inner():
        yield a
    return inner
