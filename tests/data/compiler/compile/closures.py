def outer():
    x = 1
    def inner():
        return x
    return inner

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def arg_cell(a, b):
    def f():
        return a
    return f

def deep():
    v = 1
    def mid():
        def inner():
            return v
        return inner
    return mid

def shadow(x):
    def f(x):
        return x
    return f
