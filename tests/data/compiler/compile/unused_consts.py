def f():
    if 0:
        return 'dead'
    return 'alive'

def g(x):
    while 1:
        return x
    return 'unreachable'

def h():
    return 1
    x = 'after'
