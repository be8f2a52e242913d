def f():
    return

def g():
    return 1, 2
    return *a, b
