def f(x):
    return

def g(x):
    return (
        x
    )

def h(x):
    return 1 if x else (
        2)

def k(x):
    for a in x:
        return a
    else:
        return None
