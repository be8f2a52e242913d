def f(*args, **kwargs):
    return g(*args, **kwargs)

def h(a, *args):
    return args[0]
