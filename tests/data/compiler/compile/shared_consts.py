def f():
    return 'shared', 1000, (1, 2), 1.5

def g():
    return 'shared', 1000, (1, 2), 1.5

x = ('shared', 1000)
